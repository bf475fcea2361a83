import { BadUserInputError } from '../errors';

/** `first` is capped: a client can never make one request fetch more than this many nodes. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface Page {
  skip: number;
  limit: number;
}

/**
 * Cursors are opaque to clients: base64 of the position after which the next page starts. They
 * stay valid while the ordering of the underlying list does not change.
 */
export function encodeCursor(position: number): string {
  return Buffer.from(`cg:${position}`, 'utf8').toString('base64');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const match = /^cg:(\d{1,9})$/.exec(text);
  if (!match) throw new BadUserInputError(`after: "${cursor}" is not a cursor this API returned`, 'after');
  return Number(match[1]) + 1;
}

/** A client's `first` (or `fallback` when not given), refused when negative and capped at MAX_PAGE_SIZE. */
export function capFirst(first: number | null | undefined, fallback: number = DEFAULT_PAGE_SIZE): number {
  if (first !== null && first !== undefined && first < 0) {
    throw new BadUserInputError(`first: must not be negative (got ${first})`, 'first');
  }
  return Math.min(first ?? fallback, MAX_PAGE_SIZE);
}

export function pageArgs(first: number | null | undefined, after: string | null | undefined): Page {
  const limit = capFirst(first);
  return { skip: after ? decodeCursor(after) : 0, limit };
}

/**
 * What a loader's loadMany found, misses (null: a node gone since its id was read) left out. A
 * failure (an Error: the batch query failed) is thrown, so the field answers with an error at its
 * path; leaving it out would show a disputed claim with `denies: []`, a wrong answer with no error.
 */
export function present<T>(items: (T | Error | null)[]): T[] {
  const failed = items.find((x): x is Error => x instanceof Error);
  if (failed) throw failed;
  return items.filter((x): x is T => x !== null);
}

/** Like present(), but keeps positions: a miss stays null, so results line up with their keys. */
export function presentAt<T>(items: (T | Error | null)[]): (T | null)[] {
  const failed = items.find((x): x is Error => x instanceof Error);
  if (failed) throw failed;
  return items as (T | null)[];
}

export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A Relay connection from one page of keys, the total, and a loader for the nodes. */
export async function connection<T>(
  page: Page,
  total: number,
  keys: string[],
  load: (keys: string[]) => Promise<(T | Error | null)[]>,
): Promise<Connection<T>> {
  // See present(): a failed load is an error at the field's path, never a shorter page.
  const nodes = presentAt(await load(keys));
  const edges = nodes.flatMap((node, i) => (node ? [{ cursor: encodeCursor(page.skip + i), node }] : []));
  return {
    totalCount: total,
    edges,
    pageInfo: {
      hasNextPage: page.skip + keys.length < total,
      endCursor: edges.length ? edges[edges.length - 1]!.cursor : null,
    },
  };
}
