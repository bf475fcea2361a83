import { recordAudit, type Writer } from '../db/audit';
import type { Executor, Tx } from '../db/executor';
import { BadUserInputError, ConflictError, LimitExceededError, NotFoundError } from '../errors';
import { normalizeLanguage, normalizeUrl, requireActor } from '../refs';
import { CANDIDATE_THRESHOLD, fingerprint, similarity } from '../similarity/minhash';
import { anchorExcerpt } from './claims';

/**
 * Issue 12, corroboration, copies and translations: addEvidence (one more excerpt for a claim,
 * possibly a translation of another), markCopy, and what addSource stores for copy candidates.
 */

export type TranslationMethod = 'HUMAN' | 'MACHINE';

export interface AddEvidenceInput {
  claim: string;
  source: string;
  excerpt: string;
  occurrence?: number | null;
  language?: string | null;
  translationOf?: string | null;
  translator?: string | null;
  method?: TranslationMethod | null;
}

/**
 * The most excerpts one claim holds, and the most sources: the caps of Claim.evidence and
 * AttributionEdge.sources in src/graphql/limits.ts (a claim with more could not be read).
 */
const MAX_EXCERPTS = 25;
const MAX_SOURCES = 15;

/** LSH candidates read per new source: more than enough for any real set of near-duplicates. */
const MAX_CANDIDATES = 50;

/**
 * Inside addSource's transaction, after the source is created: its language, its signature, and
 * a SIMILAR_TO link to every earlier source whose estimated similarity reaches the threshold.
 * The band keys find the candidates through the index; only their signatures are compared.
 */
export async function describeNewSource(
  tx: Tx,
  url: string,
  text: string,
  language: string | null,
): Promise<{ url: string; similarity: number }[]> {
  const { minhash, minhashBands } = fingerprint(text);
  const rows = await tx.run('provenance/similar-sources', {
    url,
    bands: minhashBands.split(' ').join(' OR '),
    limit: MAX_CANDIDATES,
  });
  const candidates = rows
    .map((r) => ({ url: r.url as string, similarity: similarity(minhash, r.minhash as number[]) }))
    .filter((c) => c.similarity >= CANDIDATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity || a.url.localeCompare(b.url));
  await tx.run('provenance/describe-source', { url, language, minhash, minhashBands, candidates });
  return candidates;
}

/**
 * addEvidence: the excerpt is validated and anchored exactly as recordClaim's (anchorExcerpt);
 * the same words at the same anchor of the same claim again write nothing (idempotent, no audit
 * event). A translation names the source of the original words, which must already evidence the
 * claim.
 */
export async function addEvidence(
  executor: Executor,
  writer: Writer,
  input: AddEvidenceInput,
): Promise<string> {
  const exact = input.excerpt ?? '';
  if (!exact.trim()) throw new BadUserInputError('excerpt: must not be empty', 'excerpt');
  const source = normalizeUrl(input.source, 'source');
  const language = normalizeLanguage(input.language, 'language');
  const translationOf = input.translationOf ? normalizeUrl(input.translationOf, 'translationOf') : null;
  if (!translationOf && (input.translator || input.method)) {
    throw new BadUserInputError(
      `${input.translator ? 'translator' : 'method'}: only a translation has one; give translationOf (the URL of the source with the original words)`,
      input.translator ? 'translator' : 'method',
    );
  }

  return executor.write(async (tx) => {
    const excerpt = await anchorExcerpt(tx, source, exact, input.occurrence);
    const [target] = await tx.run('provenance/evidence-target', {
      claim: input.claim,
      source,
      start: excerpt.start,
      end: excerpt.end,
    });
    if (!target?.exists) throw new NotFoundError(`claim: no claim has the id "${input.claim}"`, 'claim');
    if (target.retracted) {
      throw new ConflictError(
        `claim: ${input.claim} is retracted; a retracted claim takes no new evidence`,
        'claim',
      );
    }
    if (target.verification !== 'VERIFIED') {
      throw new ConflictError(
        `claim: ${input.claim} is a ${String(target.verification)} claim; verify it (verifyDraft) before adding evidence`,
        'claim',
      );
    }
    if (target.existing) return input.claim; // already evidenced by these words here: nothing to write

    let original: string | null = null;
    if (translationOf) {
      const [row] = await tx.run('provenance/translation-original', {
        claim: input.claim,
        url: translationOf,
      });
      if (!row?.id) {
        throw new BadUserInputError(
          `translationOf: claim ${input.claim} has no excerpt in ${translationOf}; add the original words there first (addEvidence without translationOf)`,
          'translationOf',
        );
      }
      original = row.id as string;
    }
    const translator = input.translator ? await requireActor(tx, input.translator, 'translator') : null;
    const position = ((target.lastPosition as number | null) ?? -1) + 1;
    if (position >= MAX_EXCERPTS) {
      throw new LimitExceededError(
        `claim: ${input.claim} already has ${MAX_EXCERPTS} excerpts, the most a claim holds`,
        { field: 'claim', limit: MAX_EXCERPTS, got: position + 1 },
      );
    }
    const sources = Number(target.sources);
    if (!target.inSource && sources >= MAX_SOURCES) {
      throw new LimitExceededError(
        `claim: ${input.claim} is already evidenced in ${MAX_SOURCES} sources, the most a claim holds`,
        { field: 'claim', limit: MAX_SOURCES, got: sources + 1 },
      );
    }
    const id = `${input.claim}#${position}`;
    const at = new Date().toISOString();
    await tx.run('provenance/add-evidence', {
      claim: input.claim,
      source,
      id,
      position,
      excerpt,
      language,
      translationOf: original,
      translator,
      method: translationOf ? (input.method ?? null) : null,
      at,
      by: writer.by,
    });
    await recordAudit(tx, writer, at, {
      operation: 'addEvidence',
      summary: `added evidence for ${input.claim} in ${source}${translationOf ? ` (translation of ${translationOf})` : ''}`,
      changes: {
        claim: input.claim,
        excerptId: id,
        source,
        excerpt,
        language,
        translationOf: translationOf ? { source: translationOf, excerpt: original } : null,
        translator,
        method: input.method ?? null,
      },
      claimIds: [input.claim],
      sourceUrls: translationOf ? [source, translationOf] : [source],
    });
    return input.claim;
  });
}

/**
 * markCopy: `source` is a copy of `of`. A source copies at most one other; marking it again as a
 * copy of the same is a no-op, of another a CONFLICT. Self-copies and cycles are refused, so every
 * copy chain ends at one root (the origin corroboration counts).
 */
export async function markCopy(
  executor: Executor,
  writer: Writer,
  sourceUrl: string,
  ofUrl: string,
): Promise<string> {
  const source = normalizeUrl(sourceUrl, 'source');
  const of = normalizeUrl(ofUrl, 'of');
  if (source === of) throw new BadUserInputError('of: a source cannot be a copy of itself', 'of');
  return executor.write(async (tx) => {
    const [check] = await tx.run('provenance/copy-check', { source, of });
    if (!check?.sourceExists) throw new NotFoundError(`source: no source has the URL "${source}"`, 'source');
    if (!check.ofExists) throw new NotFoundError(`of: no source has the URL "${of}"`, 'of');
    if (check.currentOf === of) return source;
    if (check.currentOf) {
      throw new ConflictError(
        `source: ${source} is already marked as a copy of ${String(check.currentOf)}`,
        'source',
      );
    }
    if (check.cycle) {
      throw new BadUserInputError(
        `of: ${of} is itself a copy (directly or through others) of ${source}; marking this would make a cycle`,
        'of',
      );
    }
    const at = new Date().toISOString();
    await tx.run('provenance/mark-copy', { source, of, at, by: writer.by });
    await recordAudit(tx, writer, at, {
      operation: 'markCopy',
      summary: `marked ${source} as a copy of ${of}`,
      changes: { source, of },
      sourceUrls: [source, of],
    });
    return source;
  });
}
