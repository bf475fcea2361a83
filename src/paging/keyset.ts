import { BadUserInputError } from '../errors';

/**
 * Keyset pagination, independent of GraphQL and of what is listed. Every list pages on one
 * unique, indexed string key whose order is the list's order (migration 0007-keyset-keys), so a
 * page is "the next n + 1 keys past the cursor", an index range seek whose cost is its rows,
 * whatever its position and the size of the graph. A cursor carries the key of an item, never an
 * offset: items added or removed elsewhere in the list do not shift it, so paging while others
 * write neither skips nor repeats an item.
 */

/** `first` / `last` are capped: one request never fetches more than this many items of a list. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/**
 * The lists that have cursors, each with the shape of its keys. A cursor names its list, so one
 * of another list (an actor's cursor sent to `claims`, a confidence-ordered one to a date-ordered
 * list) is refused rather than read as a position it never was.
 */
export const LISTS = {
  /** verification|statedOn or '-'|id, newest first: Query.claims, Actor.claimsMade / claimsAbout. */
  claims: /^(VERIFIED|DRAFT|REJECTED)\|(\d{4}-\d{2}-\d{2}|-)\|.+$/s,
  /** verification|confidence in millionths (7 digits) or '-'|id, highest first: the review queue. */
  'claims-by-confidence': /^(VERIFIED|DRAFT|REJECTED)\|(\d{7}|-)\|.+$/s,
  /** lower-cased name|id, A to Z. */
  actors: /^.*\|.+$/s,
  /** publishedAt or '-'|url, newest first. */
  sources: /^(\d{4}-\d{2}-\d{2}|-)\|.+$/s,
  /** orphanedAt in epoch milliseconds (13 digits)|excerpt id, most recently orphaned first. */
  orphans: /^\d{13}\|.+$/s,
} as const;
export type ListName = keyof typeof LISTS;

const VERSION = 'k1';
/** A key longer than any real one (ids and URLs are bounded well below this) is not a cursor. */
const MAX_KEY_LENGTH = 4096;

/** Opaque to clients: base64url of the list's name and the item's key. */
export function encodeCursor(list: ListName, key: string): string {
  return Buffer.from(`${VERSION}|${list}|${key}`, 'utf8').toString('base64url');
}

/**
 * The key a cursor carries, refused (BAD_USER_INPUT naming the argument) when it is not one this
 * API returned for this list: not base64url, another version, another list, or a key of the
 * wrong shape. A refusal, never a guess: a wrong page would look like data.
 */
export function decodeCursor(list: ListName, cursor: string, field: 'after' | 'before'): string {
  const refuse = (why: string): never => {
    throw new BadUserInputError(
      `${field}: "${cursor.length > 80 ? `${cursor.slice(0, 80)}…` : cursor}" is not a cursor of this list (${why}); use a cursor from this list's edges or pageInfo`,
      field,
    );
  };
  if (cursor.length > MAX_KEY_LENGTH * 2 || !/^[A-Za-z0-9_-]+$/.test(cursor)) refuse('not a cursor');
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // Base64url decoding ignores what it cannot read; only a cursor that encodes back to itself is one.
  if (Buffer.from(text, 'utf8').toString('base64url') !== cursor) refuse('not a cursor');
  const [version, name, ...rest] = text.split('|');
  const key = rest.join('|');
  if (version !== VERSION || name === undefined || !(name in LISTS)) refuse('not a cursor');
  if (name !== list) refuse(`it belongs to the ${name} list`);
  if (key.length > MAX_KEY_LENGTH || !LISTS[list].test(key)) refuse('malformed');
  return key;
}

/** A client's page size, refused when negative and capped at MAX_PAGE_SIZE. */
export function capPageSize(
  value: number | null | undefined,
  field: 'first' | 'last',
  fallback: number = DEFAULT_PAGE_SIZE,
): number {
  if (value !== null && value !== undefined && value < 0) {
    throw new BadUserInputError(`${field}: must not be negative (got ${value})`, field);
  }
  return Math.min(value ?? fallback, MAX_PAGE_SIZE);
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A key range, both bounds exclusive: the list's items are the keys strictly between them. */
export interface KeyRange {
  lo: string;
  hi: string;
}

/**
 * One page request resolved to keys: the range to read (the list's range narrowed by the
 * cursors), the direction, and how many rows to ask for (size + 1: the extra row tells whether
 * the list goes on past the page, without counting anything).
 */
export interface Window extends KeyRange {
  /** Reading from the list's end toward its start (`last` / `before`). */
  backward: boolean;
  size: number;
  /** size + 1. */
  limit: number;
  /** The whole list's range, for the lazy "anything on the other side?" probe and counts. */
  list: KeyRange;
  /** Whether the page starts after a cursor (forward) or ends before one (backward). */
  fromCursor: boolean;
}

/**
 * The window of a request on a list whose order is *descending* key order (`descending`, as for
 * claims and sources: newest first) or ascending (actors: A to Z). `after` and `before` may both
 * be given (a slice between two cursors); `first` and `last` may not.
 */
export function pageWindow(
  list: ListName,
  args: PageArgs,
  range: KeyRange,
  descending: boolean,
  /** The key prefix every item of this list has (a claim list's verification), when it has one. */
  prefix = '',
): Window {
  if (args.first != null && args.last != null) {
    throw new BadUserInputError(
      'last: give `first` (with `after`) or `last` (with `before`), not both',
      'last',
    );
  }
  const backward = args.last != null || (args.first == null && args.before != null && args.after == null);
  const size = backward ? capPageSize(args.last, 'last') : capPageSize(args.first, 'first');
  let { lo, hi } = range;
  // "After" a cursor is further down the list: below its key when the list descends, above it
  // when it ascends; "before" is the other side. Either bound only ever narrows the range.
  const narrow = (key: string, below: boolean) => {
    if (below) hi = key < hi ? key : hi;
    else lo = key > lo ? key : lo;
  };
  const decode = (cursor: string, field: 'after' | 'before') => {
    const key = decodeCursor(list, cursor, field);
    // A cursor of the VERIFIED claims is no place in the review queue's DRAFT list: refused, not
    // read as "before everything", which would be a wrong page.
    if (!key.startsWith(prefix)) {
      throw new BadUserInputError(
        `${field}: the cursor belongs to another list (not ${prefix.replace(/\|$/, '')})`,
        field,
      );
    }
    return key;
  };
  if (args.after) narrow(decode(args.after, 'after'), descending);
  if (args.before) narrow(decode(args.before, 'before'), !descending);
  return {
    lo,
    hi,
    backward,
    size,
    limit: size + 1,
    list: range,
    fromCursor: backward ? !!args.before : !!args.after,
  };
}

export interface KeyedRow {
  key: string;
}

export interface Slice<R extends KeyedRow> {
  /** The page's rows in the list's order. */
  rows: R[];
  /** More items past the page in the direction read (the n + 1st row came back). */
  more: boolean;
}

/** The page from the rows a window's query returned (in reading order, at most size + 1). */
export function slice<R extends KeyedRow>(window: Window, rows: R[]): Slice<R> {
  const page = rows.slice(0, window.size);
  return { rows: window.backward ? page.reverse() : page, more: rows.length > window.size };
}

/**
 * The window that looks past the page's other edge for one item: what `hasPreviousPage` (after
 * a forward page) or `hasNextPage` (after a backward one) asks. It starts at the page's first (or
 * last) row, so the cursor's own item counts when it is still there; asked only when selected.
 */
export function oppositeWindow<R extends KeyedRow>(
  window: Window,
  page: Slice<R>,
  descending: boolean,
  cursorKey: string | null,
): Window | null {
  if (!window.fromCursor) return null; // the page starts at the list's end: nothing lies beyond
  const edge = window.backward ? page.rows[page.rows.length - 1]?.key : page.rows[0]?.key;
  const key = edge ?? cursorKey;
  if (key === null || key === undefined) return null;
  // Beyond the page's leading edge, reading away from the page (the other direction).
  const beyondAbove = window.backward ? !descending : descending;
  const range = beyondAbove ? { lo: key, hi: window.list.hi } : { lo: window.list.lo, hi: key };
  return { ...range, backward: !window.backward, size: 0, limit: 1, list: window.list, fromCursor: true };
}

/** The cursor a window was opened from (the one on the page's leading side), or null. */
export function leadingCursorKey(list: ListName, args: PageArgs, window: Window): string | null {
  const cursor = window.backward ? args.before : args.after;
  return cursor ? decodeCursor(list, cursor, window.backward ? 'before' : 'after') : null;
}

/** totalCount: exact, or counted up to COUNT_BOUND and flagged as a lower bound past it. */
export const COUNT_BOUND = 10_000;

export interface Count {
  count: number;
  exact: boolean;
}

/** A count of rows read with LIMIT COUNT_BOUND + 1. */
export function bounded(rows: number): Count {
  return rows > COUNT_BOUND ? { count: COUNT_BOUND, exact: false } : { count: rows, exact: true };
}
