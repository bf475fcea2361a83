import type { GraphQLResolveInfo } from 'graphql';
import type { Row } from '../../db/executor';
import { BadUserInputError, SearchSyntaxError } from '../../errors';
import { actorRefParams, requireActor, requireActors, requireResolved } from '../../refs';
import type { Context } from '../context';
import { capFirst, present, presentAt } from '../pagination';
import { keyOnlyOr, leanActors, selectsAny, selectsOnly } from '../selection';
import { buildSearchQuery, highlight } from '../../search/text';

/**
 * The analysts' questions (schema/30-analysis.graphql): search, disputes, provenance, the
 * attribution graph, connections and timelines. Each is one named query under cypher/queries;
 * nested nodes come from the per-request loaders.
 */

const MAX_HOPS = 6;
const DEFAULT_HOPS = 4;
/** Cost bounds: at most this many paths, graph edges and timeline entries in one answer. */
const MAX_PATHS = 25;
const MAX_GRAPH_EDGES = 5000;
const MAX_TIMELINE_CLAIMS = 1000;

function checkRange(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) throw new BadUserInputError(`from (${from}) is after to (${to})`, 'from');
}

/** Reads at most `limit` rows of a named query: one more is asked for, to tell whether it cut any. */
async function bounded(
  ctx: Context,
  name: string,
  params: Record<string, unknown>,
  limit: number,
): Promise<{ rows: Row[]; truncated: boolean }> {
  const rows = await ctx.executor.read(name, { ...params, limit: limit + 1 });
  return { rows: rows.slice(0, limit), truncated: rows.length > limit };
}

/**
 * A dispute's cursor is its claim's id (the list's order), opaque to clients: keyset paging, so a
 * dispute added or resolved between two pages neither repeats nor hides another.
 */
function encodeDisputeCursor(claimId: string): string {
  return Buffer.from(`dispute:${claimId}`, 'utf8').toString('base64url');
}

function decodeDisputeCursor(cursor: string): string {
  const match = /^dispute:(.+)$/s.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new BadUserInputError(`after: "${cursor}" is not a cursor this API returned`, 'after');
  return match[1]!;
}

interface ProvenanceSource {
  url: string;
  outlet: string | null;
  excerpts: Row[];
}

export const AnalysisQuery = {
  searchClaims: async (
    _: unknown,
    { text, first }: { text: string; first?: number | null },
    ctx: Context,
  ) => {
    const limit = capFirst(first, 10);
    const search = buildSearchQuery(text);
    if (limit === 0) return [];
    let rows: Row[];
    try {
      rows = await ctx.executor.read('search/claims', {
        query: search.query,
        first: limit,
        candidates: Math.max(limit * 5, 50),
      });
    } catch (err) {
      if (err instanceof SearchSyntaxError) {
        throw new BadUserInputError(
          `text: "${text}" is not a valid search (check quotes, parentheses and a leading * or ?)`,
          'text',
        );
      }
      throw err;
    }
    const claims = presentAt(await ctx.loaders.claim.loadMany(rows.map((r) => r.id as string)));
    return rows.flatMap((r, i) => {
      const claim = claims[i];
      if (!claim) return [];
      const passages = [r.content, r.quote, ...((r.excerpts as string[]) ?? [])].filter(
        (p): p is string => typeof p === 'string' && p.length > 0,
      );
      const highlights = [...new Set(passages)]
        .map((p) => highlight(p, search.terms))
        .filter((h): h is string => h !== null);
      return [{ claim, score: r.score as number, highlights }];
    });
  },

  disputes: async (
    _: unknown,
    { actor, first, after }: { actor?: string | null; first?: number | null; after?: string | null },
    ctx: Context,
    info: GraphQLResolveInfo,
  ) => {
    const limit = capFirst(first, 20);
    const from = after ? decodeDisputeCursor(after) : '';
    const actorId = actor ? await requireActor(ctx.executor, actor, 'actor') : null;
    // One query per access path: from the actor's claims, or from the status index.
    const rows = actorId
      ? await ctx.executor.read('disputes/by-actor', { actor: actorId, after: from, first: limit })
      : await ctx.executor.read('disputes/list', { after: from, first: limit });
    // The denials and contradictions asked for go into the same claim batch as the disputed
    // claims: one read for all three, not one per nesting level.
    const related = [
      ...(selectsAny(info, ['denials']) ? rows.flatMap((r) => r.denials as string[]) : []),
      ...(selectsAny(info, ['contradictions']) ? rows.flatMap((r) => r.contradictions as string[]) : []),
    ];
    const loaded = await ctx.loaders.claim.loadMany([...rows.map((r) => r.id as string), ...related]);
    const claims = presentAt(loaded.slice(0, rows.length));
    return rows.flatMap((r, i) => {
      const claim = claims[i];
      if (!claim) return [];
      return [
        {
          cursor: encodeDisputeCursor(r.id as string),
          claim,
          denialIds: r.denials as string[],
          contradictionIds: r.contradictions as string[],
        },
      ];
    });
  },

  attributionGraph: async (
    _: unknown,
    args: { actors?: string[] | null; kinds?: string[] | null; from?: string | null; to?: string | null },
    ctx: Context,
    info: GraphQLResolveInfo,
  ) => {
    checkRange(args.from, args.to);
    const refs = args.actors?.length ? args.actors : null;
    // One statement: the refs resolved, the edges and the actors they join (it was three: the
    // refs, the edges, then the nodes through the actor loader).
    const lean = leanActors(info, ['nodes']);
    const [row] = await ctx.executor.read('graph/attribution', {
      refs: refs && actorRefParams(refs),
      kinds: args.kinds?.length ? args.kinds : null,
      from: args.from ?? null,
      to: args.to ?? null,
      limit: MAX_GRAPH_EDGES + 1,
      lean,
    });
    if (refs) {
      const resolved = (row?.resolved as { id: string | null }[] | undefined) ?? [];
      requireResolved(
        refs,
        resolved.map((r) => r.id),
        (i) => `actors[${i}]`,
      );
    }
    const edges = (row?.edges as Row[] | undefined) ?? [];
    const nodes = ((row?.nodes as Row[] | undefined) ?? []).sort((a, b) =>
      String(a.name).localeCompare(String(b.name)),
    );
    // Full rows are the actor loader's: an edge's `from { name }` then costs no read.
    if (!lean) for (const a of nodes) ctx.loaders.actor.prime(a.id as string, a);
    return { nodes, edges: edges.slice(0, MAX_GRAPH_EDGES), truncated: edges.length > MAX_GRAPH_EDGES };
  },

  connections: async (
    _: unknown,
    { from, to, maxHops }: { from: string; to: string; maxHops?: number | null },
    ctx: Context,
  ) => {
    const hops = maxHops ?? DEFAULT_HOPS;
    if (!Number.isInteger(hops) || hops < 1 || hops > MAX_HOPS) {
      throw new BadUserInputError(`maxHops: must be 1 to ${MAX_HOPS} (got ${hops})`, 'maxHops');
    }
    const [fromId, toId] = (await requireActors(ctx.executor, [from, to], (i) =>
      i === 0 ? 'from' : 'to',
    )) as [string, string];
    if (fromId === toId) throw new BadUserInputError(`from and to name the same actor (${fromId})`, 'to');
    // A var-length bound cannot be a parameter: "@hops" writes the checked integer into the query.
    const rows = await ctx.executor.read(`graph/connections@${hops}`, {
      from: fromId,
      to: toId,
      limit: MAX_PATHS,
    });
    return rows.map((r) => ({ length: r.length, steps: r.steps }));
  },

  timeline: async (
    _: unknown,
    args: { actor: string; from?: string | null; to?: string | null },
    ctx: Context,
  ) => {
    checkRange(args.from, args.to);
    const actorId = await requireActor(ctx.executor, args.actor, 'actor');
    const params = { actor: actorId, from: args.from ?? null, to: args.to ?? null };
    const [{ rows, truncated }, weeks] = await Promise.all([
      bounded(ctx, 'timeline/actor', params, MAX_TIMELINE_CLAIMS),
      // Counted in Cypher over every matching claim, not over the bounded list.
      ctx.executor.read('timeline/weeks', params),
    ]);
    const claims = presentAt(await ctx.loaders.claim.loadMany(rows.map((r) => r.id as string)));
    return {
      actor: await ctx.loaders.actor.load(actorId),
      claims: rows.flatMap((r, i) => {
        const claim = claims[i];
        return claim ? [{ date: r.day ?? null, claim }] : [];
      }),
      truncated,
      weeks,
    };
  },
};

export const AnalysisClaim = {
  contradictedBy: async (claim: Row, _: unknown, ctx: Context) => {
    const row = await ctx.loaders.contradictions.load(claim.id as string);
    return present(await ctx.loaders.claim.loadMany((row?.contradictedBy as string[]) ?? []));
  },
  provenance: async (claim: Row, _: unknown, ctx: Context) => {
    const row = await ctx.loaders.provenance.load(claim.id as string);
    if (!row) return [];
    const links: Row[] = [];
    if (row.claimant) links.push({ kind: 'CLAIMANT', actorId: row.claimant });
    if (row.voice) links.push({ kind: 'VOICE', actorId: row.voice });
    const sources = (row.sources as ProvenanceSource[]) ?? [];
    // Issue 12: the originals of translated excerpts, loaded together (none: no query).
    const originalIds = sources.flatMap((s) => s.excerpts.map((x) => x.translationOf as string | null));
    const originals = new Map(
      present(await ctx.loaders.excerpt.loadMany(originalIds.filter((id): id is string => !!id))).map((x) => [
        x.id as string,
        x,
      ]),
    );
    for (const s of sources) {
      if (s.outlet) links.push({ kind: 'REPORTED_BY', actorId: s.outlet, sourceUrl: s.url });
      links.push({ kind: 'SOURCE', sourceUrl: s.url });
      for (const excerpt of s.excerpts) {
        links.push({ kind: 'EXCERPT', sourceUrl: s.url, excerpt });
        const original = excerpt.translationOf ? originals.get(excerpt.translationOf as string) : undefined;
        if (original) {
          links.push({
            kind: 'TRANSLATION_OF',
            actorId: excerpt.translator ?? null,
            sourceUrl: original.sourceUrl,
            excerpt: original,
          });
        }
      }
    }
    return links;
  },
};

export const ProvenanceLink = {
  actor: (link: Row, _: unknown, ctx: Context) =>
    link.actorId ? ctx.loaders.actor.load(link.actorId as string) : null,
  source: (link: Row, _: unknown, ctx: Context) =>
    link.sourceUrl ? ctx.loaders.source.load(link.sourceUrl as string) : null,
  excerpt: (link: Row) => link.excerpt ?? null,
};

export const Dispute = {
  denials: async (d: Row, _: unknown, ctx: Context) =>
    present(await ctx.loaders.claim.loadMany(d.denialIds as string[])),
  contradictions: async (d: Row, _: unknown, ctx: Context) =>
    present(await ctx.loaders.claim.loadMany(d.contradictionIds as string[])),
};

// A graph of thousands of edges usually asks for the ids and URLs it draws with: those come from
// the edge row itself, and the claim, actor and source reads happen only for more than the key.
export const AttributionEdge = {
  from: (e: Row, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    keyOnlyOr(info, 'id', e.from, () => ctx.loaders.actor.load(e.from as string)),
  to: (e: Row, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    keyOnlyOr(info, 'id', e.to, () => ctx.loaders.actor.load(e.to as string)),
  claim: (e: Row, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    keyOnlyOr(info, 'id', e.claim, () => ctx.loaders.claim.load(e.claim as string)),
  sources: async (e: Row, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    selectsOnly(info, ['url'])
      ? (e.sources as string[]).map((url) => ({ url }))
      : present(await ctx.loaders.source.loadMany(e.sources as string[])),
};

export const PathStep = {
  actor: (s: Row, _: unknown, ctx: Context) =>
    s.label === 'Actor' ? ctx.loaders.actor.load(s.id as string) : null,
  claim: (s: Row, _: unknown, ctx: Context) =>
    s.label === 'Claim' ? ctx.loaders.claim.load(s.id as string) : null,
  event: (s: Row, _: unknown, ctx: Context) =>
    s.label === 'Event' ? ctx.loaders.event.load(s.id as string) : null,
};

/** Everything this module adds, keyed by type, for src/graphql/resolvers.ts to merge. */
export const analysisResolvers = {
  Query: AnalysisQuery,
  Claim: AnalysisClaim,
  ProvenanceLink,
  Dispute,
  AttributionEdge,
  PathStep,
};
