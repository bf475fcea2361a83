import type { Executor, Tx } from '../db/executor';
import { NotFoundError } from '../errors';

/** An actor ref (id, name or alias, case-insensitive) → the actor's id, or null. */
export async function resolveActorRef(executor: Executor, ref: string): Promise<string | null> {
  const [row] = await executor.read('actors/resolve-ref', { ref });
  return (row?.id as string | null) ?? null;
}

/** Inside a write: the ref must name an actor, else NOT_FOUND naming the input field. */
export async function requireActorIn(tx: Tx, ref: string, field: string): Promise<string> {
  const [row] = await tx.run('actors/resolve-ref', { ref });
  const id = row?.id as string | null | undefined;
  if (!id) throw new NotFoundError(`${field}: no actor has the id, name or alias "${ref}"`, field);
  return id;
}

/** Outside a write: the ref must name an actor, else NOT_FOUND naming the input field. */
export async function requireActor(executor: Executor, ref: string, field: string): Promise<string> {
  const id = await resolveActorRef(executor, ref);
  if (!id) throw new NotFoundError(`${field}: no actor has the id, name or alias "${ref}"`, field);
  return id;
}
