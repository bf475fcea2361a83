import type { Executor, Row } from '../db/executor';
import { bounded, COUNT_BOUND, type Count, type KeyRange, type ListName, type Window } from './keyset';

/**
 * Which named query serves a claim list, and with which key range: one query per access path
 * (cypher/queries/claims/page-*.cypher), each starting from the index or the actor that narrows
 * the list most, never one query with `$x IS NULL OR ...` predicates that would keep every index
 * out. Filters beside the chosen path's are applied to each row while walking its index in order.
 */

export interface ClaimListFilter {
  kind: string | null;
  /** Actor ids (refs already resolved). */
  claimant: string | null;
  target: string | null;
  /** Normalized. */
  sourceUrl: string | null;
  status: string | null;
  statedFrom: string | null;
  statedTo: string | null;
  /** VERIFIED unless the filter asks for DRAFT or REJECTED. */
  verification: string;
}

export type ClaimOrder = 'STATED_DESC' | 'CONFIDENCE_DESC';

export type ClaimPath =
  'all' | 'by-kind' | 'by-status' | 'by-claimant' | 'by-target' | 'by-source' | 'by-confidence';

/** The access path for a filter: the most selective index first. */
export function claimPath(f: ClaimListFilter, order: ClaimOrder): ClaimPath {
  if (order === 'CONFIDENCE_DESC') return 'by-confidence';
  if (f.sourceUrl) return 'by-source'; // a source carries a few dozen claims
  if (f.claimant) return 'by-claimant';
  if (f.target) return 'by-target';
  // A dispute or a retraction is the exception; a kind is a fifth of the claims; UNCONTESTED most.
  if (f.status && f.status !== 'UNCONTESTED') return 'by-status';
  if (f.kind) return 'by-kind';
  if (f.status) return 'by-status';
  return 'all';
}

export function claimList(order: ClaimOrder): ListName {
  return order === 'CONFIDENCE_DESC' ? 'claims-by-confidence' : 'claims';
}

/**
 * The key range of a filter's claims (exclusive bounds). The verification leads every claim key,
 * so each verification is one range; on date-ordered keys the date range is a narrower range
 * (undated claims, keyed '-', fall below any date and so out of any date filter).
 */
export function claimRange(f: ClaimListFilter, order: ClaimOrder): KeyRange {
  const v = f.verification;
  if (order === 'CONFIDENCE_DESC') return { lo: `${v}|`, hi: `${v}|~` };
  return {
    lo: f.statedFrom ? `${v}|${f.statedFrom}|` : f.statedTo ? `${v}|0` : `${v}|`,
    hi: f.statedTo ? `${v}|${f.statedTo}|~` : `${v}|~`,
  };
}

export interface KeyRow {
  id: string;
  key: string;
  /** The claim's row (claims/by-ids' shape, with only the parts read), when read with `parts`. */
  claim?: Row;
}

/**
 * The costly columns of a claim's row (fragments/claim-row) a page reads only when its selection
 * shows them; `null` parts means the page reads no claim rows at all (ids and keys only).
 */
export type ClaimPart =
  'anchoring' | 'about' | 'actors' | 'names' | 'figures' | 'evidence' | 'denies' | 'deniedBy' | 'details';
export type Parts = ClaimPart[] | null;

/** The claim fields whose values are actors (the claim row holds their ids). */
export const ACTOR_FIELDS = ['claimant', 'voice', 'targets'] as const;

/** The claim fields the row's 'details' part holds (a map of them, fragments/claim-row). */
export const DETAIL_FIELDS = [
  'cue',
  'quote',
  'statedOnText',
  'origin',
  'verification',
  'confidence',
  'extractor',
  'review',
] as const;

/**
 * The parts a claim selection (the field names of edges.node) needs from the row. `namesOnly`:
 * its actor fields show nothing but a lean actor's fields (src/graphql/selection.ts leanActors), so the
 * row carries those instead of the actors' full rows.
 */
export function claimParts(fields: Set<string>, namesOnly = false): ClaimPart[] {
  const parts: ClaimPart[] = [];
  for (const p of ['anchoring', 'about', 'figures', 'evidence', 'denies', 'deniedBy'] as const) {
    if (fields.has(p)) parts.push(p);
  }
  // The actors' rows prime the actor loader, so claimant / voice / targets cost no statement.
  if (ACTOR_FIELDS.some((f) => fields.has(f))) parts.push(namesOnly ? 'names' : 'actors');
  if (DETAIL_FIELDS.some((f) => fields.has(f))) parts.push('details');
  return parts;
}

/**
 * The named query for a window: read backward for `last` / `before`, and with each claim's row
 * (`@rows`, src/db/queries.ts) when the page's claims will be shown, so a page is one statement.
 */
function variant(name: string, backward: boolean, parts: Parts): string {
  return `${name}${backward ? '@backward' : ''}${parts ? '@rows' : ''}`;
}

/** A page query's row as a KeyRow: the claim columns, if any, kept apart from the paging ones. */
function keyRow(r: Row, parts: Parts): KeyRow {
  if (!parts) return { id: r.id as string, key: r.key as string };
  const { key, actor: _actor, ...claim } = r;
  return { id: r.id as string, key: key as string, claim };
}

/** Parameters every path's query declares (a path ignores the filters it does not apply). */
function filterParams(f: ClaimListFilter) {
  return {
    kind: f.kind,
    status: f.status,
    claimant: f.claimant,
    target: f.target,
    sourceUrl: f.sourceUrl,
    statedFrom: f.statedFrom,
    statedTo: f.statedTo,
  };
}

/** The rows of one window on a non-actor path, in reading order (at most window.limit). */
export async function readClaimWindow(
  executor: Executor,
  path: Exclude<ClaimPath, 'by-claimant' | 'by-target'>,
  f: ClaimListFilter,
  w: Window,
  parts: Parts = null,
): Promise<KeyRow[]> {
  const rows = await executor.read(variant(`claims/page-${path}`, w.backward, parts), {
    ...filterParams(f),
    lo: w.lo,
    hi: w.hi,
    limit: w.limit,
    ...(parts ? { parts } : {}),
  });
  return rows.map((r) => keyRow(r, parts));
}

/** One actor's page request, for the batched actor paths. */
export interface ActorWindow {
  actor: string;
  window: Window;
}

/**
 * Windows on the per-actor paths, any number of actors in one query (the loader batches every
 * Actor.claimsMade / claimsAbout of a response that share a direction and page size). The
 * actor's key range is the claim range prefixed with its id: `actorId|verification|date|id`.
 */
export async function readActorWindows(
  executor: Executor,
  relation: 'CLAIMED_BY' | 'TARGETS',
  f: ClaimListFilter,
  backward: boolean,
  limit: number,
  windows: ActorWindow[],
  parts: Parts = null,
): Promise<Map<string, KeyRow[]>> {
  const name = relation === 'CLAIMED_BY' ? 'claims/page-by-claimant' : 'claims/page-by-target';
  const pages = windows.map((w, i) => ({
    actor: String(i),
    lo: `${w.actor}|${w.window.lo}`,
    hi: `${w.actor}|${w.window.hi}`,
  }));
  const rows = await executor.read(variant(name, backward, parts), {
    ...filterParams(f),
    pages,
    limit,
    ...(parts ? { parts } : {}),
  });
  const out = new Map<string, KeyRow[]>();
  for (const r of rows) {
    const list = out.get(r.actor as string) ?? [];
    list.push(keyRow(r, parts));
    out.set(r.actor as string, list);
  }
  return new Map(windows.map((w, i) => [`${i}`, out.get(String(i)) ?? []]));
}

/**
 * The actor `ref` names (actors/by-ref) and one window of its claims (as claimant or target, with
 * the rows' `parts`), in one statement (the page query's `@of-ref` variant). Null when the ref
 * names no actor.
 */
export async function readActorByRefWithWindow(
  executor: Executor,
  ref: string,
  relation: 'CLAIMED_BY' | 'TARGETS',
  f: ClaimListFilter,
  window: Window,
  parts: Parts,
): Promise<{ actor: Row; rows: KeyRow[] } | null> {
  const name = relation === 'CLAIMED_BY' ? 'claims/page-by-claimant' : 'claims/page-by-target';
  const rows = await executor.read(`${variant(name, window.backward, parts)}@of-ref`, {
    ...filterParams(f),
    ref,
    lo: window.lo,
    hi: window.hi,
    limit: window.limit,
    ...(parts ? { parts } : {}),
  });
  if (rows.length === 0) return null;
  const actor = rows[0]!.refActorRow as Row;
  const page = rows
    .filter((r) => r.id !== null)
    .map(({ refActor: _a, refActorRow: _r, ...r }) => keyRow(r, parts));
  return { actor, rows: page };
}

/** Only the verification narrows the list: nothing else to apply while counting. */
function onlyVerification(f: ClaimListFilter): boolean {
  return !f.kind && !f.claimant && !f.target && !f.sourceUrl && !f.status && !f.statedFrom && !f.statedTo;
}

/** A filter with nothing but one actor (as claimant or target), VERIFIED: a degree lookup. */
export function actorOnly(f: ClaimListFilter): 'CLAIMED_BY' | 'TARGETS' | null {
  if (f.verification !== 'VERIFIED' || f.kind || f.sourceUrl || f.status || f.statedFrom || f.statedTo) {
    return null;
  }
  if (f.claimant && !f.target) return 'CLAIMED_BY';
  if (f.target && !f.claimant) return 'TARGETS';
  return null;
}

/**
 * totalCount of a claim list that is not one actor's: exact from the count store for all
 * VERIFIED claims; otherwise the matches counted, by walking the path's index, up to COUNT_BOUND
 * (then a lower bound, flagged). Only run when a client selects totalCount.
 */
export async function countClaims(executor: Executor, f: ClaimListFilter, order: ClaimOrder): Promise<Count> {
  if (f.verification === 'VERIFIED' && onlyVerification(f)) {
    const [row] = await executor.read('claims/count-verified');
    return { count: Number(row?.total ?? 0), exact: true };
  }
  const range = claimRange(f, order);
  const path = claimPath(f, order);
  const limit = COUNT_BOUND + 1;
  // The page query of the list's access path, over its whole range, counted by the server.
  const actor = path === 'by-claimant' ? f.claimant : path === 'by-target' ? f.target : null;
  const window = actor
    ? { pages: [{ actor: '0', lo: `${actor}|${range.lo}`, hi: `${actor}|${range.hi}` }] }
    : { lo: range.lo, hi: range.hi };
  const [row] = await executor.read(`claims/page-${path}@count`, { ...filterParams(f), ...window, limit });
  return bounded(Number(row?.matches ?? 0));
}
