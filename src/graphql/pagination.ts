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

export function pageArgs(first: number | null | undefined, after: string | null | undefined): Page {
  if (first !== null && first !== undefined && first < 0) {
    throw new BadUserInputError(`first: must not be negative (got ${first})`, 'first');
  }
  const limit = Math.min(first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  return { skip: after ? decodeCursor(after) : 0, limit };
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
  const nodes = await load(keys);
  const edges = nodes.flatMap((node, i) =>
    node && !(node instanceof Error) ? [{ cursor: encodeCursor(page.skip + i), node }] : [],
  );
  return {
    totalCount: total,
    edges,
    pageInfo: {
      hasNextPage: page.skip + keys.length < total,
      endCursor: edges.length ? edges[edges.length - 1]!.cursor : null,
    },
  };
}
