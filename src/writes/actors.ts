import { randomUUID } from 'node:crypto';
import { recordAudit, type Writer } from '../db/audit';
import type { Executor } from '../db/executor';
import { ConflictError } from '../errors';
import { optionalText, requiredText, slugify } from './common';

export interface CreateActorInput {
  name: string;
  kind: string;
  aliases?: string[] | null;
  description?: string | null;
}

/** createActor: a new actor whose name and aliases name no other actor. Returns its id. */
export async function createActor(
  executor: Executor,
  writer: Writer,
  input: CreateActorInput,
): Promise<string> {
  const name = requiredText(input.name, 'name');
  const aliases = [...new Set((input.aliases ?? []).map((a, i) => requiredText(a, `aliases[${i}]`)))].filter(
    (a) => a.toLowerCase() !== name.toLowerCase(),
  );
  const description = optionalText(input.description);
  return executor.write(async (tx) => {
    const taken = await tx.run('actors/names-taken', { texts: [name, ...aliases] });
    const [clash] = taken;
    if (clash) {
      const field = String(clash.text).toLowerCase() === name.toLowerCase() ? 'name' : 'aliases';
      throw new ConflictError(
        `${field}: "${String(clash.text)}" already names actor "${String(clash.actor)}"; use that actor or another name`,
        field,
      );
    }
    const base = slugify(name);
    const [existing] = await tx.run('actors/resolve-ref', { ref: base });
    const id = existing?.id ? `${base}-${randomUUID().slice(0, 8)}` : base;
    const at = new Date().toISOString();
    await tx.run('actors/create', { id, name, kind: input.kind, aliases, description, at, by: writer.by });
    await recordAudit(tx, writer, at, {
      operation: 'createActor',
      summary: `created actor ${id} (${name})`,
      changes: { id, name, kind: input.kind, aliases, description },
      actorIds: [id],
    });
    return id;
  });
}
