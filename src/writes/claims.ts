import { createHash, randomUUID } from 'node:crypto';
import { recordAudit, type Writer } from '../db/audit';
import type { Executor, Tx } from '../db/executor';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors';
import { anchorAt, codePoints, findOccurrences } from '../data/anchor';
import { lookupClaims, normalizeUrl, requireActors, requireClaims, type ClaimRef } from '../refs';
import { optionalText, requiredText } from './common';
import { refreshClaimStatus } from './status';
import { refreshClaimKeys } from './keys';

export interface RecordClaimInput {
  kind: string;
  claimant: string;
  voice?: string | null;
  targets?: string[] | null;
  content: string;
  cue?: string | null;
  quote?: string | null;
  statedOn?: string | null;
  source: string;
  excerpt: string;
  occurrence?: number | null;
  denies?: string[] | null;
  figures?: { value: number; unit?: string | null; measure?: string | null }[] | null;
  idempotencyKey?: string | null;
}

/**
 * Canonical JSON: keys sorted at every level, null and undefined dropped (an explicit null and an
 * omitted field mean the same input), so a retried request hashes the same whatever its key order.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** What an idempotency key stands for: the whole input, minus the key itself. */
function inputHash(input: RecordClaimInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256')
    .update(JSON.stringify(canonical(rest)))
    .digest('hex');
}

/**
 * recordClaim, in one transaction: check everything, then write the claim, its links, its
 * anchored excerpt and the audit event together. With an idempotency key seen before, return
 * the first result and write nothing (clients and the driver may both retry a commit).
 */
export async function recordClaim(
  executor: Executor,
  writer: Writer,
  input: RecordClaimInput,
): Promise<string> {
  const content = requiredText(input.content, 'content');
  const exact = input.excerpt ?? '';
  if (!exact.trim()) throw new BadUserInputError('excerpt: must not be empty', 'excerpt');
  const key =
    input.idempotencyKey === undefined || input.idempotencyKey === null ? null : input.idempotencyKey;
  if (key !== null && !/^[\w.:-]{1,200}$/.test(key)) {
    throw new BadUserInputError(
      'idempotencyKey: use 1 to 200 letters, digits, "_", ".", ":" or "-"',
      'idempotencyKey',
    );
  }
  const figures = input.figures ?? [];
  const denies = [...new Set(input.denies ?? [])];
  if (input.kind === 'FIGURE' && figures.length === 0) {
    throw new BadUserInputError('figures: a FIGURE claim needs at least one figure', 'figures');
  }
  if (input.kind !== 'FIGURE' && figures.length > 0) {
    throw new BadUserInputError(
      `figures: only FIGURE claims carry figures (kind is ${input.kind})`,
      'figures',
    );
  }
  if (input.kind !== 'DENIAL' && denies.length > 0) {
    throw new BadUserInputError(
      `denies: only DENIAL claims deny other claims (kind is ${input.kind})`,
      'denies',
    );
  }
  for (const [i, f] of figures.entries()) {
    if (!Number.isFinite(f.value))
      throw new BadUserInputError(`figures[${i}].value: must be a finite number`, `figures`);
  }
  const source = normalizeUrl(input.source, 'source');
  const hash = inputHash({ ...input, source });

  return executor.write(async (tx) => {
    if (key !== null) {
      const [prior] = await tx.run('claims/by-idempotency-key', { key });
      if (prior?.id) {
        if (prior.inputHash !== hash) {
          throw new ConflictError(
            `idempotencyKey: "${key}" was already used for claim ${String(prior.id)} with different input; use a new key for a new claim`,
            'idempotencyKey',
          );
        }
        return prior.id as string;
      }
    }
    // Every actor ref of the input in one query: claimant, then voice (if any), then targets.
    const refs = [input.claimant, ...(input.voice ? [input.voice] : []), ...(input.targets ?? [])];
    const offset = input.voice ? 2 : 1;
    const resolved = await requireActors(tx, refs, (i) =>
      i === 0 ? 'claimant' : i < offset ? 'voice' : `targets[${i - offset}]`,
    );
    const claimant = resolved[0]!;
    const voice = input.voice ? resolved[1]! : null;
    const targets = resolved.slice(offset);
    const excerpt = await anchorExcerpt(tx, source, exact, input.occurrence);
    await requireClaims(tx, denies, (i) => `denies[${i}]`);

    const id = `claim-${randomUUID()}`;
    const at = new Date().toISOString();
    await tx.run('claims/create', {
      id,
      kind: input.kind,
      content,
      cue: optionalText(input.cue),
      quote: optionalText(input.quote),
      statedOn: input.statedOn ?? null,
      claimant,
      voice,
      targets: [...new Set(targets)],
      denies,
      figures: figures.map((f) => ({
        value: f.value,
        unit: optionalText(f.unit),
        measure: optionalText(f.measure),
      })),
      sourceUrl: source,
      excerpt,
      idempotencyKey: key,
      inputHash: hash,
      at,
      by: writer.by,
    });
    // A new denial disputes what it denies; a new figure can contradict figures under its keys.
    await refreshClaimStatus(tx, [id]);
    await refreshClaimKeys(tx, [id]);
    await recordAudit(tx, writer, at, {
      operation: 'recordClaim',
      summary: `recorded ${input.kind} ${id} by ${claimant}`,
      changes: {
        id,
        kind: input.kind,
        claimant,
        voice,
        targets,
        content,
        source,
        excerpt,
        denies,
      },
      claimIds: [id, ...denies],
      sourceUrls: [source],
    });
    return id;
  });
}

/** Finds the excerpt's exact words in the source text: the server, not the client, sets offsets. */
export async function anchorExcerpt(
  tx: Tx,
  url: string,
  exact: string,
  occurrence: number | null | undefined,
) {
  const [source] = await tx.run('sources/text', { url });
  if (!source?.exists) {
    throw new NotFoundError(`source: no source has the URL "${url}"; add it first with addSource`, 'source');
  }
  const text = codePoints(source.text as string);
  const hits = findOccurrences(text, codePoints(exact));
  if (hits.length === 0) {
    throw new BadUserInputError(
      'excerpt: these exact words are not in the source text (check quotes, dashes and spacing: the match is exact)',
      'excerpt',
    );
  }
  if (occurrence !== null && occurrence !== undefined) {
    if (occurrence < 1 || occurrence > hits.length) {
      throw new BadUserInputError(
        `occurrence: the excerpt occurs ${hits.length} time(s) in the source; occurrence must be between 1 and ${hits.length}`,
        'occurrence',
      );
    }
  } else if (hits.length > 1) {
    throw new BadUserInputError(
      `excerpt: these words occur ${hits.length} times in the source; say which with occurrence (1 to ${hits.length}) or quote more words`,
      'excerpt',
    );
  }
  const [start, end] = hits[(occurrence ?? 1) - 1]!;
  return anchorAt(text, start, end);
}

/** linkDenial: the denial must be a DENIAL claim, and both claims must exist. */
export async function linkDenial(
  executor: Executor,
  writer: Writer,
  denial: string,
  denied: string,
): Promise<string> {
  if (denial === denied) throw new BadUserInputError('denied: a claim cannot deny itself', 'denied');
  return executor.write(async (tx) => {
    const [d, target] = (await lookupClaims(tx, [denial, denied])) as [ClaimRef, ClaimRef];
    if (!d.exists) throw new NotFoundError(`denial: no claim has the id "${denial}"`, 'denial');
    if (!target.exists) throw new NotFoundError(`denied: no claim has the id "${denied}"`, 'denied');
    if (d.kind !== 'DENIAL') {
      throw new BadUserInputError(`denial: claim ${denial} is a ${String(d.kind)}, not a DENIAL`, 'denial');
    }
    const [row] = await tx.run('claims/link-denial', {
      denial,
      denied,
      at: new Date().toISOString(),
      by: writer.by,
    });
    if (row?.created) {
      await refreshClaimStatus(tx, [denial, denied]);
      await recordAudit(tx, writer, new Date().toISOString(), {
        operation: 'linkDenial',
        summary: `linked denial ${denial} to ${denied}`,
        changes: { denial, denied },
        claimIds: [denial, denied],
      });
    }
    return denial;
  });
}

/** retractClaim: never a delete. The claim stays readable as RETRACTED, with reason, who and when. */
export async function retractClaim(
  executor: Executor,
  writer: Writer,
  id: string,
  reason: string,
): Promise<string> {
  const why = requiredText(reason, 'reason');
  return executor.write(async (tx) => {
    const [row] = await lookupClaims(tx, [id]);
    if (!row?.exists) throw new NotFoundError(`id: no claim has the id "${id}"`, 'id');
    const at = new Date().toISOString();
    const [retracted] = row.retracted
      ? []
      : await tx.run('claims/retract', { id, reason: why, at, by: writer.by });
    if (!retracted) throw new ConflictError(`id: claim ${id} is already retracted`, 'id');
    // The claim, the claims it denied and the figures it contradicted can all change status.
    await refreshClaimStatus(tx, [id]);
    await recordAudit(tx, writer, at, {
      operation: 'retractClaim',
      summary: `retracted ${id}: ${why}`,
      changes: { id, reason: why },
      claimIds: [id],
    });
    return id;
  });
}
