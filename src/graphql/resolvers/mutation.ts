import { requireRole, writerOf } from '../../auth';
import type { Writer } from '../../db/audit';
import { createActor, type CreateActorInput } from '../../writes/actors';
import { linkDenial, recordClaim, retractClaim, type RecordClaimInput } from '../../writes/claims';
import { addSource, type AddSourceInput } from '../../writes/sources';
import { extractClaims } from '../../writes/extraction';
import { rejectDraft, resolvePlaceholder, verifyDraft, type DraftEdits } from '../../writes/review';
import type { Context } from '../context';

/** Every mutation needs an editor (or admin); the audit trail names the token's owner. */
function editor(ctx: Context, operation: string): Writer {
  return writerOf(requireRole(ctx.caller, 'editor', operation));
}

export const Mutation = {
  createActor: async (_: unknown, { input }: { input: CreateActorInput }, ctx: Context) =>
    ctx.loaders.actor.load(await createActor(ctx.executor, editor(ctx, 'createActor'), input)),

  addSource: async (_: unknown, { input }: { input: AddSourceInput }, ctx: Context) =>
    ctx.loaders.source.load(await addSource(ctx.executor, editor(ctx, 'addSource'), input)),

  recordClaim: async (_: unknown, { input }: { input: RecordClaimInput }, ctx: Context) =>
    ctx.loaders.claim.load(await recordClaim(ctx.executor, editor(ctx, 'recordClaim'), input)),

  linkDenial: async (_: unknown, args: { denial: string; denied: string }, ctx: Context) =>
    ctx.loaders.claim.load(
      await linkDenial(ctx.executor, editor(ctx, 'linkDenial'), args.denial, args.denied),
    ),

  retractClaim: async (_: unknown, args: { id: string; reason: string }, ctx: Context) =>
    ctx.loaders.claim.load(
      await retractClaim(ctx.executor, editor(ctx, 'retractClaim'), args.id, args.reason),
    ),

  // Issue 8: extraction and review (nullable results: a failing field never hides the write).
  extractClaims: async (_: unknown, args: { source: string }, ctx: Context) => {
    const result = await extractClaims(ctx.executor, editor(ctx, 'extractClaims'), args.source);
    return { source: result.url, drafts: result.ids, created: result.created };
  },

  verifyDraft: async (_: unknown, args: { id: string; edits?: DraftEdits | null }, ctx: Context) =>
    ctx.loaders.claim.load(await verifyDraft(ctx.executor, editor(ctx, 'verifyDraft'), args.id, args.edits)),

  rejectDraft: async (_: unknown, args: { id: string; reason: string }, ctx: Context) =>
    ctx.loaders.claim.load(await rejectDraft(ctx.executor, editor(ctx, 'rejectDraft'), args.id, args.reason)),

  resolvePlaceholder: async (_: unknown, args: { placeholder: string; actor: string }, ctx: Context) =>
    ctx.loaders.actor.load(
      await resolvePlaceholder(ctx.executor, editor(ctx, 'resolvePlaceholder'), args.placeholder, args.actor),
    ),
};
