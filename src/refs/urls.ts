import { BadUserInputError } from '../errors';

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
