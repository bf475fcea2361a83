import { recordAudit, type Writer } from '../db/audit';
import type { Executor } from '../db/executor';
import { BadUserInputError, NotFoundError } from '../errors';
import { extractDrafts } from '../extract/extract';
import { toRecords } from '../extract/records';
import type { Gazetteer } from '../extract/types';
import { normalizeUrl } from '../refs/urls';
import { refreshClaimStatus } from './status';
import { refreshClaimKeys } from './keys';

export interface ExtractionResult {
  url: string;
  ids: string[];
  created: number;
}

/**
 * extractClaims, in one transaction: lock the source, read its text and the graph's actors, run
 * the (pure) extractor, and write the drafts this text has not yielded before with their
 * placeholders and one audit event. A repeat on the same text finds every key taken and writes
 * nothing at all, not even an audit event.
 */
export async function extractClaims(
  executor: Executor,
  writer: Writer,
  source: string,
): Promise<ExtractionResult> {
  const url = normalizeUrl(source, 'source');
  return executor.write(async (tx) => {
    const [row] = await tx.run('extract/source', { url });
    if (!row?.exists) {
      throw new NotFoundError(
        `source: no source has the URL "${url}"; add it first with addSource`,
        'source',
      );
    }
    const text = (row.text as string | null) ?? '';
    if (!text.trim()) {
      throw new BadUserInputError(`source: ${url} has no text to extract claims from`, 'source');
    }
    const [g] = await tx.run('extract/gazetteer', {});
    const gazetteer = { actors: g!.actors, roles: g!.roles } as Gazetteer;
    const drafts = extractDrafts(text, gazetteer, {
      publishedAt: (row.publishedAt as string | null) ?? null,
    });
    const records = toRecords(url, text, drafts);
    const existing = new Set(
      (await tx.run('extract/existing-keys', { keys: records.drafts.map((d) => d.key) })).map(
        (r) => r.key as string,
      ),
    );
    const fresh = records.drafts.filter((d) => !existing.has(d.key));
    if (fresh.length > 0) {
      const at = new Date().toISOString();
      const used = new Set(fresh.flatMap((d) => [d.claimant, d.voice, ...d.targets]));
      const placeholders = records.placeholders.filter((p) => used.has(p.id));
      await tx.run('extract/upsert-placeholders', { url, at, by: writer.by, placeholders });
      await tx.run('extract/create-drafts', { url, at, by: writer.by, drafts: fresh });
      // Drafts get a status like any claim (a live denial disputes a draft too), but dispute
      // nothing themselves until verified: the rule only counts VERIFIED opponents.
      const ids = fresh.map((d) => d.id);
      await refreshClaimStatus(tx, ids);
      await refreshClaimKeys(tx, ids);
      await recordAudit(tx, writer, at, {
        operation: 'extractClaims',
        summary: `extracted ${fresh.length} draft claim(s) from ${url}`,
        changes: {
          source: url,
          drafts: fresh.map((d) => ({
            id: d.id,
            kind: d.kind,
            claimant: d.claimant,
            extractor: d.extractor,
          })),
          placeholders: placeholders.map((p) => p.id),
        },
        claimIds: fresh.map((d) => d.id),
        actorIds: placeholders.map((p) => p.id),
        sourceUrls: [url],
      });
    }
    // The drafts of this text: those just written and those an earlier extraction wrote.
    const ids = records.drafts.map((d) => d.id);
    return { url, ids, created: fresh.length };
  });
}
