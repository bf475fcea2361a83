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
