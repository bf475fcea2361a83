import {
  capPageSize,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  MAX_PAGE_SIZE,
  leadingCursorKey,
  oppositeWindow,
  pageWindow,
  slice,
  type Count,
  type KeyedRow,
  type ListName,
  type PageArgs,
  type Window,
} from '../paging/keyset';
import type { Row } from '../db/executor';
import type { Context } from './context';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageArgs };

/** A client's `first` (or `fallback` when not given), refused when negative and capped at MAX_PAGE_SIZE. */
export function capFirst(first: number | null | undefined, fallback: number = DEFAULT_PAGE_SIZE): number {
  return capPageSize(first, 'first', fallback);
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

type Lazy<T> = () => Promise<T>;

/**
 * A Relay connection. Every field is a function, which graphql-js's default resolver calls only
 * when the field is selected: a client that asks for `totalCount` alone reads no page, and one
 * that does not ask for a count pays nothing for it.
 */
export interface Connection<T> {
  totalCount: Lazy<number>;
  totalCountIsExact: Lazy<boolean>;
  edges: Lazy<{ cursor: string; node: T }[]>;
  pageInfo: Lazy<{
    hasNextPage: boolean | Lazy<boolean>;
    hasPreviousPage: boolean | Lazy<boolean>;
    startCursor: string | null;
    endCursor: string | null;
  }>;
}

function once<T>(work: () => Promise<T>): Lazy<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= work());
}

export interface KeysetPage<R extends KeyedRow & { id: string }, T> {
  list: ListName;
  /** The list's order is descending key order (claims, sources) or ascending (actors). */
  descending: boolean;
  window: Window;
  /** Reads the rows of the window's query, in reading order (once, when edges or pageInfo is asked for). */
  rows: () => Promise<R[]>;
  /** The cursor the page was opened from, decoded, for an empty page's far-side probe. */
  cursorKey: string | null;
  load: (ids: string[]) => Promise<(T | Error | null)[]>;
  count: () => Promise<Count>;
  /** Rows of another window of the same list (the far-side probe reads at most one). */
  read: (w: Window) => Promise<KeyedRow[]>;
}

/** A connection from one keyset page: the window's rows, their nodes, lazy counts and flags. */
export function keysetConnection<R extends KeyedRow & { id: string }, T>(p: KeysetPage<R, T>): Connection<T> {
  const page = once(async () => slice(p.window, await p.rows()));
  const edges = once(async () => {
    const { rows } = await page();
    // See present(): a failed load is an error at the field's path, never a shorter page.
    const nodes = presentAt(await p.load(rows.map((r) => r.id)));
    return nodes.flatMap((node, i) => (node ? [{ cursor: encodeCursor(p.list, rows[i]!.key), node }] : []));
  });
  const count = once(p.count);
  const pageInfo = once(async () => {
    const read = await page();
    const opposite = oppositeWindow(p.window, read, p.descending, p.cursorKey);
    const beyond: boolean | Lazy<boolean> = opposite
      ? once(async () => (await p.read(opposite)).length > 0)
      : false;
    // The cursors are the edges' (a node gone since its key was read has no edge, nor a cursor).
    const shown = await edges();
    return {
      hasNextPage: p.window.backward ? beyond : read.more,
      hasPreviousPage: p.window.backward ? read.more : beyond,
      startCursor: shown[0]?.cursor ?? null,
      endCursor: shown[shown.length - 1]?.cursor ?? null,
    };
  });
  return {
    totalCount: async () => (await count()).count,
    totalCountIsExact: async () => (await count()).exact,
    edges,
    pageInfo,
  };
}

/**
 * A whole list's key range for actors and sources, whose keys have no prefix. Neo4j compares
 * strings by UTF-16 code unit, so no key (a name, a date) reaches two U+FFFF noncharacters.
 */
const WHOLE = { lo: '', hi: '\uFFFF\uFFFF' };

type IdRow = KeyedRow & { id: string };

/** A page of a list with one named page query (and its @backward variant) and a count query. */
export function simpleConnection(
  ctx: Context,
  list: ListName,
  descending: boolean,
  args: PageArgs,
  page: { query: string; params: Record<string, unknown>; idColumn: string },
  count: { query: string; params: Record<string, unknown> },
  load: (ids: string[]) => Promise<(Row | Error | null)[]>,
) {
  const window = pageWindow(list, args, WHOLE, descending);
  const read = async (w: Window): Promise<IdRow[]> =>
    (
      await ctx.executor.read(w.backward ? `${page.query}@backward` : page.query, {
        ...page.params,
        lo: w.lo,
        hi: w.hi,
        limit: w.limit,
      })
    ).map((r) => ({ id: r[page.idColumn] as string, key: r.key as string }));
  return keysetConnection<IdRow, Row>({
    list,
    descending,
    window,
    rows: () => read(window),
    cursorKey: leadingCursorKey(list, args, window),
    load,
    count: async () => {
      const [row] = await ctx.executor.read(count.query, count.params);
      return { count: Number(row?.total ?? 0), exact: true };
    },
    read,
  });
}
