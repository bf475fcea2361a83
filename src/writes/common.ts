import { BadUserInputError } from '../errors';

/** Trims a required text input; empty or blank is a BAD_USER_INPUT naming the field. */
export function requiredText(value: string | null | undefined, field: string): string {
  const text = value?.trim() ?? '';
  if (!text) throw new BadUserInputError(`${field}: must not be empty`, field);
  return text;
}

/** Trims an optional text input; blank becomes null. */
export function optionalText(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text ? text : null;
}

/** "Tehreek-e Taliban Pakistan" → "tehreek-e-taliban-pakistan": readable, stable ids. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'actor';
}

/**
 * The one form a source URL is stored and looked up in: `new URL(value).href` (lower-case scheme
 * and host, a path of at least "/"). Used by the URL scalar, by every lookup by URL and by the
 * loader, so "https://Example.org" and "https://example.org/" name the same source.
 */
export function normalizeUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new BadUserInputError(`${field}: "${value}" is not an absolute URL`, field);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BadUserInputError(`${field}: "${value}" is not an http(s) URL`, field);
  }
  return url.href;
}
