import { BadUserInputError } from '../errors';

/**
 * The one form a language tag is stored in: BCP 47, canonicalized by the runtime's ICU
 * (`Intl.getCanonicalLocales`: "UR-pk" → "ur-PK", "iw" → "he"), which also refuses a tag that is
 * not well-formed BCP 47. ICU is maintained with the runtime and needs no dependency; the npm
 * `bcp-47*` packages are ESM-only, which this CommonJS build and its tests cannot load as they are.
 */
export function normalizeLanguage(value: string | null | undefined, field: string): string | null {
  const tag = value?.trim() ?? '';
  if (!tag) return null;
  const canonical = canonicalLanguage(tag);
  if (canonical === null) {
    throw new BadUserInputError(`${field}: "${value}" is not ${LANGUAGE_TAG}`, field);
  }
  return canonical;
}

/** What a language field must be, for messages. */
export const LANGUAGE_TAG = 'a BCP 47 language tag (e.g. "en", "ur", "ps-AF", "fa-AF")';

/** The canonical form of a tag, or null when it is not well-formed BCP 47 (for validators). */
export function canonicalLanguage(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}
