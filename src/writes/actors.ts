import { randomUUID } from 'node:crypto';
import { recordAudit, type Writer } from '../db/audit';
import type { Executor } from '../db/executor';
import { ConflictError } from '../errors';
import { nameKey, normalizeName } from '../refs';
import { optionalText, slugify } from './common';

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
  // Folded (NFKC, one space, trimmed) before any uniqueness check, so a look-alike of a name
  // ("Ｋａｂｕｌ", "Kabul" with a trailing NUL) is either the same name or refused (src/refs/names.ts).
  const name = normalizeName(input.name, 'name');
  const seen = new Set([nameKey(name)]);
  const aliases: string[] = [];
  for (const [i, raw] of (input.aliases ?? []).entries()) {
    const alias = normalizeName(raw, `aliases[${i}]`);
    if (seen.has(nameKey(alias))) continue;
    seen.add(nameKey(alias));
    aliases.push(alias);
  }
  const description = optionalText(input.description);
  return executor.write(async (tx) => {
    const taken = await tx.run('actors/names-taken', { texts: [name, ...aliases] });
    const [clash] = taken;
    if (clash) {
      const field = nameKey(String(clash.text)) === nameKey(name) ? 'name' : 'aliases';
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
