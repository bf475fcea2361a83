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
  let canonical: string[];
  try {
    canonical = Intl.getCanonicalLocales(tag);
  } catch {
    throw new BadUserInputError(
      `${field}: "${value}" is not a BCP 47 language tag (e.g. "en", "ur", "ps-AF", "fa-AF")`,
      field,
    );
  }
  return canonical[0]!;
}
