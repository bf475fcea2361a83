import type { Executor, Row, Tx } from '../db/executor';
import { NotFoundError } from '../errors';
import { foldName } from './names';

/**
 * References, for reads and writes alike: an actor ref (its id, a name or an alias,
 * case-insensitive, folded as src/refs/names.ts folds names) and a claim ref (its id). Reads pass
 * the executor, writes their transaction; either way a whole list of refs costs one query.
 */
export { foldName, nameKey, nameProblem, normalizeName } from './names';
export { normalizeUrl } from './urls';
export { normalizeLanguage } from './languages';

/** The executor (each call its own read transaction) or a write's transaction. */
export type Queryable = Executor | Tx;

function run(on: Queryable, name: string, params: Record<string, unknown>): Promise<Row[]> {
  return 'read' in on ? on.read(name, params) : on.run(name, params);
}

/** Actor refs → actor ids (null where a ref names no actor), in order, in one query. */
export async function resolveActorRefs(on: Queryable, refs: readonly string[]): Promise<(string | null)[]> {
  if (refs.length === 0) return [];
  // Each distinct folded ref is looked up once, however often the list repeats it.
  const folded = refs.map(foldName);
  const distinct = [...new Set(folded)];
  const rows = await run(on, 'refs/actors', { refs: distinct.map((ref, i) => ({ i, ref })) });
  const ids = new Map(distinct.map((ref, i) => [ref, (rows[i]?.id as string | null) ?? null]));
  return folded.map((ref) => ids.get(ref) ?? null);
}

const unknownActor = (field: string, ref: string) =>
  new NotFoundError(`${field}: no actor has the id, name or alias "${ref}"`, field);

/**
 * Every ref must name an actor, else NOT_FOUND naming the first that does not (`field(i)` names the
 * input field, e.g. `actors[3]`). Returns the ids in the order of the refs.
 */
export async function requireActors(
  on: Queryable,
  refs: readonly string[],
  field: (index: number) => string,
): Promise<string[]> {
  return requireResolved(refs, await resolveActorRefs(on, refs), field);
}

/**
 * Actor refs as a query that resolves them itself takes them (`$refs`, as refs/actors reads them):
 * folded, each with its position. For a read that resolves its refs in the statement that uses
 * them (graph/attribution), then checks the ids it got with requireResolved.
 */
export function actorRefParams(refs: readonly string[]): { i: number; ref: string }[] {
  return refs.map((ref, i) => ({ i, ref: foldName(ref) }));
}

/** The ids resolved for `refs` (in order; null for none): NOT_FOUND naming the first unknown ref. */
export function requireResolved(
  refs: readonly string[],
  ids: readonly (string | null)[],
  field: (index: number) => string,
): string[] {
  return refs.map((ref, i) => {
    const id = ids[i];
    if (!id) throw unknownActor(field(i), ref);
    return id;
  });
}

/** The ref must name an actor, else NOT_FOUND naming the input field. */
export async function requireActor(on: Queryable, ref: string, field: string): Promise<string> {
  const [id] = await requireActors(on, [ref], () => field);
  return id!;
}

export interface ClaimRef {
  id: string;
  exists: boolean;
  kind: string | null;
  retracted: boolean;
}

/** Claim ids → whether each exists, its kind and whether it is retracted, in order, in one query. */
export async function lookupClaims(on: Queryable, ids: readonly string[]): Promise<ClaimRef[]> {
  if (ids.length === 0) return [];
  const rows = await run(on, 'refs/claims', { ids: ids.map((id, i) => ({ i, id })) });
  return rows.map((r) => ({
    id: r.id as string,
    exists: r.exists === true,
    kind: (r.kind as string | null) ?? null,
    retracted: r.retracted === true,
  }));
}

/** Every id must name a claim, else NOT_FOUND naming the field of the first that does not. */
export async function requireClaims(
  on: Queryable,
  ids: readonly string[],
  field: (index: number) => string,
): Promise<ClaimRef[]> {
  const claims = await lookupClaims(on, ids);
  for (const [i, c] of claims.entries()) {
    if (!c.exists) throw new NotFoundError(`${field(i)}: no claim has the id "${c.id}"`, field(i));
  }
  return claims;
}
