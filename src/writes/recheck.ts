import { recordAudit, type Writer } from '../db/audit';
import type { Executor } from '../db/executor';
import { BadUserInputError, ConflictError, LimitExceededError, NotFoundError } from '../errors';
import { MAX_CANDIDATES, reanchor, type Candidate } from '../anchoring';
import { anchorAt, codePoints, type Anchor } from '../data/anchor';
import { normalizeUrl } from '../refs';
import { contentHash } from './sources';

/** The most snapshots one source keeps: Source.snapshots' cap (src/graphql/limits.ts). */
export const MAX_SNAPSHOTS = 100;

export interface RecheckResult {
  url: string;
  /** Excerpts whose words stayed at the same offsets (every excerpt, for the same text again). */
  unchanged: number;
  /** Excerpts anchored at new offsets (moved words, or an earlier orphan whose words came back). */
  reanchored: number;
  /** Excerpts orphaned now: their words are not in the new text with their context. */
  orphaned: number;
  /** The new snapshot's id; null when the text was the current one (nothing was written). */
  snapshot: string | null;
}

interface StoredExcerpt {
  id: string;
  exact: string;
  prefix: string | null;
  suffix: string | null;
  start: number;
  end: number;
  state: 'ANCHORED' | 'ORPHANED';
  claim: string | null;
}

/**
 * recheckSource, in one transaction: the source is locked, the new text stored as its newest
 * snapshot (content hash, when, by whom) and made its text, and every excerpt anchored in it
 * re-anchored by src/anchoring's rule (exact words once with agreeing context, else ORPHANED with
 * candidates), with one audit event naming the source and every claim whose evidence moved or was
 * orphaned. The same text as the current one is a no-op: no snapshot, no audit event, nothing in
 * `extensions.committed`; the counts then describe the excerpts as they stand.
 */
export async function recheckSource(
  executor: Executor,
  writer: Writer,
  rawUrl: string,
  text: string,
): Promise<RecheckResult> {
  const url = normalizeUrl(rawUrl, 'url');
  // Kept exactly as sent, like addSource's text: offsets are counted in it.
  if (!text || !text.trim()) throw new BadUserInputError('text: must not be empty', 'text');
  const hash = contentHash(text);
  return executor.write(async (tx) => {
    const [row] = await tx.run('recheck/source', { url });
    if (!row?.exists) {
      throw new NotFoundError(`url: no source has the URL "${url}"; add it first with addSource`, 'url');
    }
    const excerpts = (row.excerpts as StoredExcerpt[]) ?? [];
    if (row.contentHash === hash) {
      const orphaned = excerpts.filter((x) => x.state === 'ORPHANED').length;
      return { url, unchanged: excerpts.length - orphaned, reanchored: 0, orphaned, snapshot: null };
    }
    const previousPosition = (row.position as number | null) ?? 1;
    if (previousPosition + 1 > MAX_SNAPSHOTS) {
      throw new LimitExceededError(
        `url: the source already keeps ${MAX_SNAPSHOTS} snapshots, the most one source keeps; add the new text as a new source`,
        { field: 'url', limit: MAX_SNAPSHOTS, got: previousPosition + 1 },
      );
    }
    const anchored: (Anchor & { id: string })[] = [];
    const orphaned: { id: string; candidates: Candidate[] }[] = [];
    const changedClaims = new Set<string>();
    const moved: string[] = [];
    let unchanged = 0;
    for (const x of excerpts) {
      const r = reanchor(text, x);
      if (r.state === 'ANCHORED') {
        anchored.push({ id: x.id, ...r.anchor });
        if (r.moved || x.state === 'ORPHANED') {
          moved.push(x.id);
          if (x.claim) changedClaims.add(x.claim);
        } else unchanged++;
      } else {
        orphaned.push({ id: x.id, candidates: r.candidates.slice(0, MAX_CANDIDATES) });
        if (x.claim) changedClaims.add(x.claim);
      }
    }
    const reanchored = moved.length;
    const at = new Date().toISOString();
    const snapshot = {
      id: `${url}#snapshot-${previousPosition + 1}`,
      position: previousPosition + 1,
      text,
      contentHash: hash,
    };
    await tx.run('recheck/write', {
      url,
      at,
      by: writer.by,
      snapshot,
      previous: `${url}#snapshot-${previousPosition}`,
      anchored,
      orphaned,
    });
    await recordAudit(tx, writer, at, {
      operation: 'recheckSource',
      id: url,
      summary: `rechecked ${url}: ${unchanged} unchanged, ${reanchored} re-anchored, ${orphaned.length} orphaned`,
      changes: {
        url,
        previousContentHash: row.contentHash,
        contentHash: hash,
        snapshot: snapshot.id,
        reanchored: moved,
        orphaned: orphaned.map((o) => o.id),
      },
      claimIds: [...changedClaims],
      sourceUrls: [url],
    });
    return { url, unchanged, reanchored, orphaned: orphaned.length, snapshot: snapshot.id };
  });
}

/**
 * acceptCandidate, in one transaction: an editor anchors an orphaned excerpt at [start, end) of its
 * source's current text (a candidate's offsets, or any others). The excerpt's words become the
 * words there, its old words stay readable (Excerpt.previous and the audit event), and the claim's
 * history records who accepted which words. Only an orphan can be moved this way: an anchored
 * excerpt is where its words are, and moving it would be the silent re-anchoring issue 12 forbids.
 */
export async function acceptCandidate(
  executor: Executor,
  writer: Writer,
  id: string,
  start: number,
  end: number,
): Promise<string> {
  return executor.write(async (tx) => {
    const [row] = await tx.run('recheck/excerpt-for-update', { id });
    if (!row?.exists) throw new NotFoundError(`excerpt: no excerpt has the id "${id}"`, 'excerpt');
    if (row.state !== 'ORPHANED') {
      throw new ConflictError(
        `excerpt: ${id} is anchored, not orphaned; only an orphan's words can be moved (recheckSource orphans words the source no longer has)`,
        'excerpt',
      );
    }
    const text = codePoints(row.text as string);
    if (!Number.isInteger(start) || start < 0 || start >= text.length) {
      throw new BadUserInputError(`start: must be a code-point offset from 0 to ${text.length - 1}`, 'start');
    }
    if (!Number.isInteger(end) || end <= start || end > text.length) {
      throw new BadUserInputError(
        `end: must be after start and at most ${text.length} (end is exclusive)`,
        'end',
      );
    }
    const anchor = anchorAt(text, start, end);
    if (!anchor.exact.trim()) throw new BadUserInputError('start: the words there are blank', 'start');
    const at = new Date().toISOString();
    await tx.run('recheck/accept', { id, anchor, at, by: writer.by });
    await recordAudit(tx, writer, at, {
      operation: 'acceptCandidate',
      id,
      summary: `anchored orphaned excerpt ${id} at [${start}, ${end}) of ${String(row.url)}`,
      changes: {
        excerpt: id,
        source: row.url,
        before: { exact: row.exact, start: row.start, end: row.end },
        after: { exact: anchor.exact, start, end },
      },
      claimIds: row.claim ? [row.claim as string] : [],
      sourceUrls: [row.url as string],
    });
    return id;
  });
}
