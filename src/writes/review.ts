import { recordAudit, type Writer } from '../db/audit';
import type { Executor, Tx } from '../db/executor';
import { BadUserInputError, ConflictError, NotADraftError, NotFoundError } from '../errors';
import { CLAIM_KINDS } from '../data/types';
import { anchorExcerpt } from './claims';
import { optionalText, requiredText } from './common';
import { refreshClaimKeys } from './keys';
import { requireActor } from '../refs';
import { refreshClaimStatus } from './status';

export interface DraftEdits {
  kind?: string | null;
  claimant?: string | null;
  voice?: string | null;
  targets?: string[] | null;
  content?: string | null;
  cue?: string | null;
  quote?: string | null;
  statedOn?: string | null;
  excerpt?: string | null;
  occurrence?: number | null;
  figures?: { value: number; unit?: string | null; measure?: string | null }[] | null;
}

type Figure = { value: number; unit: string | null; measure: string | null };

/**
 * verifyDraft, in one transaction: lock the claim, refuse anything but a DRAFT (NOT_A_DRAFT), check
 * the edits as recordClaim checks its input (refs resolve, the excerpt is found in the draft's
 * source, a FIGURE carries figures and nothing else does), write them, mark the claim VERIFIED
 * and record who and when with the edits in the audit event.
 */
export async function verifyDraft(
  executor: Executor,
  writer: Writer,
  id: string,
  edits: DraftEdits | null | undefined,
): Promise<string> {
  const e = edits ?? {};
  if (e.kind != null && !(CLAIM_KINDS as readonly string[]).includes(e.kind)) {
    throw new BadUserInputError(`edits.kind: "${e.kind}" is not a claim kind`, 'edits.kind');
  }
  const content = e.content != null ? requiredText(e.content, 'edits.content') : null;
  if (e.excerpt != null && !e.excerpt.trim()) {
    throw new BadUserInputError('edits.excerpt: must not be empty', 'edits.excerpt');
  }
  for (const [i, f] of (e.figures ?? []).entries()) {
    if (!Number.isFinite(f.value)) {
      throw new BadUserInputError(`edits.figures[${i}].value: must be a finite number`, 'edits.figures');
    }
  }
  return executor.write(async (tx) => {
    const state = await lockDraft(tx, id, 'verify');
    const kind = e.kind ?? (state.kind as string);
    let figures: Figure[] | null = e.figures
      ? e.figures.map((f) => ({
          value: f.value,
          unit: optionalText(f.unit),
          measure: optionalText(f.measure),
        }))
      : null;
    const current = (state.figures as Figure[]) ?? [];
    // A kind changed away from FIGURE drops the draft's figures; anything else is checked.
    if (kind !== 'FIGURE' && figures === null && current.length > 0) figures = [];
    const final = figures ?? current;
    if (kind === 'FIGURE' && final.length === 0) {
      throw new BadUserInputError('edits.figures: a FIGURE claim needs at least one figure', 'edits.figures');
    }
    if (kind !== 'FIGURE' && final.length > 0) {
      throw new BadUserInputError(
        `edits.figures: only FIGURE claims carry figures (kind is ${kind})`,
        'edits.figures',
      );
    }
    const claimant = e.claimant != null ? await requireActor(tx, e.claimant, 'edits.claimant') : null;
    const setVoice = e.voice !== undefined && e.voice !== null;
    const voice = setVoice && e.voice!.trim() ? await requireActor(tx, e.voice!, 'edits.voice') : null;
    let targets: string[] | null = null;
    if (e.targets != null) {
      targets = [];
      for (const [i, ref] of e.targets.entries())
        targets.push(await requireActor(tx, ref, `edits.targets[${i}]`));
      targets = [...new Set(targets)];
    }
    const excerpt =
      e.excerpt != null
        ? await anchorExcerpt(tx, state.sourceUrl as string, e.excerpt, e.occurrence).catch(
            (err: unknown) => {
              if (err instanceof BadUserInputError)
                throw new BadUserInputError(`edits.${err.message}`, 'edits.excerpt');
              throw err;
            },
          )
        : null;
    const at = new Date().toISOString();
    await tx.run('review/verify', {
      id,
      kind: e.kind ?? null,
      content,
      setCue: e.cue !== undefined && e.cue !== null,
      cue: optionalText(e.cue),
      setQuote: e.quote !== undefined && e.quote !== null,
      quote: optionalText(e.quote),
      statedOn: e.statedOn ?? null,
      claimant,
      setVoice,
      voice,
      targets,
      figures,
      excerpt,
      at,
      by: writer.by,
    });
    // A verified draft starts disputing what it denies and contradicting figures; its own
    // claimant, kind or figures may have been edited too.
    await refreshClaimStatus(tx, [id]);
    await refreshClaimKeys(tx, [id]);
    const changes = Object.fromEntries(
      Object.entries({
        kind: e.kind,
        content,
        claimant,
        voice: setVoice ? voice : undefined,
        targets,
        figures,
        excerpt,
        cue: e.cue,
        quote: e.quote,
        statedOn: e.statedOn,
      }).filter(([, v]) => v !== undefined && v !== null),
    );
    await recordAudit(tx, writer, at, {
      operation: 'verifyDraft',
      summary: `verified draft ${id}${Object.keys(changes).length ? ` with edits to ${Object.keys(changes).join(', ')}` : ''}`,
      changes: { id, edits: changes },
      claimIds: [id],
    });
    return id;
  });
}

/** rejectDraft: the draft stays, REJECTED, with the reason, who and when. */
export async function rejectDraft(
  executor: Executor,
  writer: Writer,
  id: string,
  reason: string,
): Promise<string> {
  const why = requiredText(reason, 'reason');
  return executor.write(async (tx) => {
    await lockDraft(tx, id, 'reject');
    const at = new Date().toISOString();
    await tx.run('review/reject', { id, reason: why, at, by: writer.by });
    await refreshClaimStatus(tx, [id]);
    await refreshClaimKeys(tx, [id]);
    await recordAudit(tx, writer, at, {
      operation: 'rejectDraft',
      summary: `rejected draft ${id}: ${why}`,
      changes: { id, reason: why },
      claimIds: [id],
    });
    return id;
  });
}

async function lockDraft(tx: Tx, id: string, what: string) {
  const [state] = await tx.run('review/lock-claim', { id });
  if (!state?.exists) throw new NotFoundError(`id: no claim has the id "${id}"`, 'id');
  if (state.verification !== 'DRAFT') {
    throw new NotADraftError(
      `id: claim ${id} is ${String(state.verification)}, not a DRAFT; only drafts can be ${what}ed`,
    );
  }
  return state;
}

/**
 * resolvePlaceholder: every claim of the placeholder (as claimant, voice or target) is attributed
 * to the named actor, in one transaction with its audit event; the placeholder stays, resolved.
 */
export async function resolvePlaceholder(
  executor: Executor,
  writer: Writer,
  placeholder: string,
  actorRef: string,
): Promise<string> {
  return executor.write(async (tx) => {
    const [p] = await tx.run('review/lock-placeholder', { id: placeholder });
    if (!p?.exists)
      throw new NotFoundError(`placeholder: no actor has the id "${placeholder}"`, 'placeholder');
    if (!p.placeholder) {
      throw new BadUserInputError(
        `placeholder: actor ${placeholder} is a named actor, not a placeholder`,
        'placeholder',
      );
    }
    if (p.resolvedTo) {
      throw new ConflictError(
        `placeholder: ${placeholder} was already resolved to ${String(p.resolvedTo)}`,
        'placeholder',
      );
    }
    const actor = await requireActor(tx, actorRef, 'actor');
    if (actor === placeholder)
      throw new BadUserInputError('actor: a placeholder cannot resolve to itself', 'actor');
    const [target] = await tx.run('review/lock-placeholder', { id: actor });
    if (target?.placeholder) {
      throw new BadUserInputError(`actor: ${actor} is a placeholder too; resolve to a named actor`, 'actor');
    }
    const at = new Date().toISOString();
    const [moved] = await tx.run('review/resolve-placeholder', { placeholder, actor, at, by: writer.by });
    const claimIds = [
      ...new Set([
        ...(moved!.claimed as string[]),
        ...(moved!.voiced as string[]),
        ...(moved!.targeted as string[]),
      ]),
    ];
    // Figure claims of one claimant do not contradict each other: a new claimant can make or
    // end a contradiction.
    await refreshClaimStatus(tx, claimIds);
    // The moved CLAIMED_BY / TARGETS links are new relationships: they need their page keys.
    await refreshClaimKeys(tx, claimIds);
    await recordAudit(tx, writer, at, {
      operation: 'resolvePlaceholder',
      summary: `resolved placeholder ${placeholder} to ${actor}: ${claimIds.length} claim(s) moved`,
      changes: { placeholder, actor, claims: claimIds },
      claimIds,
      actorIds: [placeholder, actor],
    });
    return placeholder;
  });
}
