import type { Tx } from '../db/executor';
import { requireActor } from '../refs';

/**
 * Moved to src/refs (one module for reads and writes). Kept only so that writes written against
 * the old path keep compiling while branches merge; import from '../refs' instead.
 * @deprecated use requireActor / requireActors from src/refs
 */
export const requireActorIn = (tx: Tx, ref: string, field: string): Promise<string> =>
  requireActor(tx, ref, field);
export { requireActor, resolveActorRef } from '../refs';
