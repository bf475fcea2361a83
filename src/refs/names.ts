import { BadUserInputError } from '../errors';

/**
 * The one form an actor's name or alias is stored, compared and looked up in.
 *
 * Unicode NFKC folds compatibility look-alikes into their plain form ("Ｋａｂｕｌ" → "Kabul",
 * a no-break space → a space, "ﬁ" → "fi"); runs of whitespace become one space; the ends are
 * trimmed. Names then collide as people read them: "Ｋａｂｕｌ" is the same name as "Kabul" and is
 * refused as a duplicate rather than becoming a second actor beside it.
 *
 * Some characters are refused outright, because no honest name needs them and each can make
 * two different strings look the same on screen:
 * - control characters (U+0000–U+001F, U+007F–U+009F), NUL included: "Kabul\0" prints as "Kabul";
 *   tab, CR and LF are whitespace and collapse to a space instead;
 * - bidirectional formatting characters: the embeddings and overrides U+202A–U+202E, the isolates
 *   U+2066–U+2069, and the marks U+200E, U+200F and U+061C, which reorder what is displayed
 *   (an alias with U+202E reads backwards).
 * Zero-width (non-)joiners stay allowed: Persian and Pashto names need U+200C.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

const describe = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** NFKC, whitespace collapsed, trimmed. For lookups: never refuses, so a bad ref simply finds nothing. */
export function foldName(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Why `value` cannot be a name, or null when it can (checked before and after NFKC). */
export function nameProblem(value: string): string | null {
  for (const text of [value, value.normalize('NFKC')]) {
    const control = CONTROL.exec(text);
    if (control)
      return `contains the control character ${describe(control[0])}; names cannot hold control characters`;
    const bidi = BIDI.exec(text);
    if (bidi) {
      return `contains the bidirectional formatting character ${describe(bidi[0])}, which changes how the name is displayed; remove it`;
    }
  }
  return null;
}

/**
 * A name or alias as it will be stored: folded (see foldName), and refused with BAD_USER_INPUT
 * naming `field` when it is blank or holds a control or bidirectional formatting character.
 */
export function normalizeName(value: string | null | undefined, field: string): string {
  const problem = nameProblem(value ?? '');
  if (problem) throw new BadUserInputError(`${field}: ${problem}`, field);
  const name = foldName(value ?? '');
  if (!name) throw new BadUserInputError(`${field}: must not be empty`, field);
  return name;
}

/** The key two names collide on: folded and lower-cased (Cypher's toLower gives the same for Alias.key). */
export const nameKey = (value: string): string => foldName(value).toLowerCase();
