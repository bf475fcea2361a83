import type { Executor, Row } from '../db/executor';
import { isRealIsoDate } from '../data/schema';
import { CLAIM_KINDS } from '../data/types';
import { BadUserInputError } from '../errors';
import { requireActors } from '../refs';

/**
 * Streamed exports of the attribution graph: actors are nodes, each claim is one edge from its
 * claimant to each of its targets (retracted claims and claims without targets draw none). Rows
 * are read a page at a time (keyset paging on id) and each page is written before the next is
 * fetched, so memory stays flat however large the graph.
 */

export type GraphFormat = 'graphml' | 'json';

export const CONTENT_TYPES = {
  graphml: 'application/graphml+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
} as const;

export interface GraphFilter {
  /** Actor ids: with two or more, edges between them; with one, every edge touching it. */
  actors: string[] | null;
  kinds: string[] | null;
  from: string | null;
  to: string | null;
}

export interface ExportProgress {
  actors: number;
  /** Claims that drew at least one edge. */
  claims: number;
  edges: number;
  /**
   * Edges left out because an endpoint is not among the nodes written: an actor or claim recorded
   * after the nodes were read (the export is not one transaction). 0 on a graph at rest.
   */
  skipped: number;
}

/** "14 actors, 9 claims, 9 edges", and the edges left out, if any. */
export function describeProgress(p: ExportProgress): string {
  const skipped = p.skipped
    ? `; left out ${p.skipped} edge${p.skipped === 1 ? '' : 's'} to or from an actor not among the nodes written (the graph changed during the export)`
    : '';
  return `${p.actors} actors, ${p.claims} claims, ${p.edges} edges${skipped}`;
}

export interface ExportOptions {
  pageSize?: number;
  onProgress?: (progress: ExportProgress) => void;
}

/** Where output goes: writes resolve once the chunk is accepted (back-pressure respected). */
export interface Sink {
  write(chunk: string): Promise<void>;
}

export function streamSink(stream: NodeJS.WritableStream): Sink {
  return {
    write: (chunk) =>
      new Promise<void>((resolve, reject) => {
        if ((stream as { destroyed?: boolean }).destroyed) {
          reject(new Error('the output was closed'));
          return;
        }
        if (stream.write(chunk)) {
          resolve();
          return;
        }
        const cleanup = () => {
          stream.removeListener('drain', onDrain);
          stream.removeListener('close', onClose);
          stream.removeListener('error', onClose);
        };
        const onDrain = () => {
          cleanup();
          resolve();
        };
        const onClose = () => {
          cleanup();
          reject(new Error('the output was closed'));
        };
        stream.once('drain', onDrain);
        stream.once('close', onClose);
        stream.once('error', onClose);
      }),
  };
}

/** A graph filter checked without the database: actors are still refs, not yet ids. */
export interface CheckedGraphFilter {
  actorRefs: string[] | null;
  kinds: string[] | null;
  from: string | null;
  to: string | null;
}

export type RawGraphFilter = { actors?: unknown; kinds?: unknown; from?: unknown; to?: unknown };

/**
 * Everything about the filters that needs no database: list syntax, claim kinds, real calendar
 * dates (`2025-02-30` is refused here, not by Neo4j's date() halfway through a stream), from ≤ to.
 * Each error names its parameter.
 */
const FILTER_PARAMETERS = ['actors', 'kinds', 'from', 'to'];

export function checkGraphFilter(raw: RawGraphFilter): CheckedGraphFilter {
  // A typo (?kind=) must not silently export the whole graph.
  const unknown = Object.keys(raw).filter((k) => !FILTER_PARAMETERS.includes(k));
  if (unknown.length) {
    throw new BadUserInputError(
      `${unknown[0]}: not a filter of this export (use ${FILTER_PARAMETERS.join(', ')})`,
      unknown[0],
    );
  }
  const list = (value: unknown, field: string): string[] | null => {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string')
      throw new BadUserInputError(`${field}: give one comma-separated list`, field);
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return items.length ? items : null;
  };
  const date = (value: unknown, field: string): string | null => {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string' || !isRealIsoDate(value)) {
      throw new BadUserInputError(
        `${field}: expected a real calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`,
        field,
      );
    }
    return value;
  };
  const known: readonly string[] = CLAIM_KINDS;
  const kinds = list(raw.kinds, 'kinds')?.map((k) => k.toUpperCase()) ?? null;
  for (const k of kinds ?? []) {
    if (!known.includes(k)) {
      throw new BadUserInputError(`kinds: unknown claim kind "${k}" (one of ${known.join(', ')})`, 'kinds');
    }
  }
  const from = date(raw.from, 'from');
  const to = date(raw.to, 'to');
  if (from && to && from > to) {
    throw new BadUserInputError(`from: ${from} is after to (${to}); give from ≤ to`, 'from');
  }
  return { actorRefs: list(raw.actors, 'actors'), kinds: kinds && [...new Set(kinds)], from, to };
}

/**
 * Filters as given on a query string or command line (comma-separated lists), checked and
 * resolved (actor refs to ids; an unknown ref is NOT_FOUND). Call it before writing anything: it
 * is the whole of the validation, and exportGraph then has nothing left to refuse.
 */
export async function parseGraphFilter(executor: Executor, raw: RawGraphFilter): Promise<GraphFilter> {
  const { actorRefs, kinds, from, to } = checkGraphFilter(raw);
  let actors: string[] | null = null;
  if (actorRefs) {
    // One query for the whole list, however long (src/refs).
    actors = [...new Set(await requireActors(executor, actorRefs, () => 'actors'))];
  }
  return { actors, kinds, from, to };
}

/** Every page of a keyset-paged named query, one at a time. */
async function* pages(
  executor: Executor,
  name: string,
  params: Record<string, unknown>,
  pageSize: number,
): AsyncGenerator<Row[]> {
  let after = '';
  for (;;) {
    const rows = await executor.read(name, { ...params, after, limit: pageSize });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id as string;
  }
}

const xml = (value: unknown): string =>
  String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

const GRAPHML_HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="actorKind" for="node" attr.name="kind" attr.type="string"/>
  <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>
  <key id="description" for="node" attr.name="description" attr.type="string"/>
  <key id="claim" for="edge" attr.name="claim" attr.type="string"/>
  <key id="claimKind" for="edge" attr.name="kind" attr.type="string"/>
  <key id="content" for="edge" attr.name="content" attr.type="string"/>
  <key id="date" for="edge" attr.name="date" attr.type="string"/>
  <key id="sources" for="edge" attr.name="sources" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="url" for="node" attr.name="url" attr.type="string"/>
  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="language" for="all" attr.name="language" attr.type="string"/>
  <key id="originalLanguage" for="edge" attr.name="originalLanguage" attr.type="string"/>
  <key id="method" for="edge" attr.name="method" attr.type="string"/>
  <key id="anchoring" for="edge" attr.name="anchoring" attr.type="string"/>
  <graph id="claimgraph" edgedefault="directed">
`;

function data(key: string, value: unknown): string {
  return value === null || value === undefined || value === ''
    ? ''
    : `<data key="${key}">${xml(value)}</data>`;
}

function graphmlNode(a: Row): string {
  const aliases = (a.aliases as string[]).join('; ');
  return `    <node id="${xml(a.id)}">${data('name', a.name)}${data('actorKind', a.kind)}${data('aliases', aliases)}${data('description', a.description)}</node>\n`;
}

function graphmlEdges(c: Row): string {
  return (c.targets as string[])
    .map(
      (t) =>
        `    <edge id="${xml(`${String(c.id)}:${t}`)}" source="${xml(c.claimant)}" target="${xml(t)}">` +
        `${data('claim', c.id)}${data('claimKind', c.kind)}${data('content', c.content)}${data('date', c.day)}` +
        `${data('sources', (c.sources as string[]).join(' '))}${data('anchoring', c.anchoring)}</edge>\n`,
    )
    .join('');
}

function jsonNode(a: Row): string {
  return JSON.stringify({
    id: a.id,
    name: a.name,
    kind: a.kind,
    aliases: a.aliases,
    description: a.description,
  });
}

function jsonEdges(c: Row): string[] {
  return (c.targets as string[]).map((t) =>
    JSON.stringify({
      id: `${String(c.id)}:${t}`,
      claim: c.id,
      kind: c.kind,
      source: c.claimant,
      target: t,
      content: c.content,
      date: c.day,
      sources: c.sources,
      anchoring: c.anchoring,
    }),
  );
}

/** Issue 12: a source that takes part in a copy or translation, as a node (its id is its URL). */
function graphmlSourceNode(s: Row): string {
  return `    <node id="${xml(s.id)}">${data('label', 'Source')}${data('url', s.id)}${data('name', s.title)}${data('language', s.language)}</node>\n`;
}

function jsonSourceNode(s: Row): string {
  return JSON.stringify({ id: s.id, label: 'Source', url: s.id, name: s.title, language: s.language });
}

/** A COPY_OF edge (copy → original) or TRANSLATION_OF edge (translation's source → original's source). */
function graphmlProvenanceEdge(e: Row): string {
  return (
    `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">` +
    `${data('relation', e.relation)}${data('claim', e.claim)}${data('language', e.language)}` +
    `${data('originalLanguage', e.originalLanguage)}${data('method', e.method)}</edge>\n`
  );
}

function jsonProvenanceEdge(e: Row): string {
  return JSON.stringify({
    id: e.id,
    relation: e.relation,
    source: e.source,
    target: e.target,
    claim: e.claim ?? undefined,
    language: e.language ?? undefined,
    originalLanguage: e.originalLanguage ?? undefined,
    method: e.method ?? undefined,
  });
}

/**
 * Writes the graph as GraphML or JSON (`{"nodes": [...], "edges": [...]}`) to `sink`, a page at
 * a time. Nodes are every actor, or with an actor filter the listed actors and every actor at
 * either end of an edge (for a single actor, everyone it has claims with), found by a first pass
 * over the same edge pages. Nodes are written before edges, and the graph may change in between:
 * an edge is written only if both its endpoints were written as nodes, and the others are counted
 * in `skipped`. Memory holds the ids of the nodes written, so it grows with the actors, never with
 * the claims.
 */
export async function exportGraph(
  executor: Executor,
  format: GraphFormat,
  filter: GraphFilter,
  sink: Sink,
  opts: ExportOptions = {},
): Promise<ExportProgress> {
  const pageSize = opts.pageSize ?? 500;
  const progress: ExportProgress = { actors: 0, claims: 0, edges: 0, skipped: 0 };
  const params = { actors: filter.actors, kinds: filter.kinds, from: filter.from, to: filter.to };
  let nodeIds: string[] | null = null;
  if (filter.actors) {
    const ids = new Set(filter.actors);
    for await (const rows of pages(executor, 'export/edges-page', params, pageSize)) {
      for (const r of rows) {
        ids.add(r.claimant as string);
        for (const t of r.targets as string[]) ids.add(t);
      }
    }
    nodeIds = [...ids];
  }
  const written = new Set<string>();
  let first = true;
  await sink.write(format === 'graphml' ? GRAPHML_HEAD : '{"nodes":[');
  for await (const rows of pages(executor, 'export/actors-page', { actors: nodeIds }, pageSize)) {
    if (format === 'graphml') await sink.write(rows.map(graphmlNode).join(''));
    else {
      await sink.write(rows.map((r, i) => `${first && i === 0 ? '\n' : ',\n'}${jsonNode(r)}`).join(''));
      first = false;
    }
    for (const r of rows) written.add(r.id as string);
    progress.actors += rows.length;
    opts.onProgress?.({ ...progress });
  }
  // Issue 12: copies and translations link sources, not actors, so they belong to the whole graph
  // only (a filtered export, about actors, kinds or dates, leaves them out). The sources taking
  // part are nodes too (label Source, id its URL), written after the actors.
  const wholeGraph = !filter.actors && !filter.kinds && !filter.from && !filter.to;
  const sources = new Set<string>();
  if (wholeGraph) {
    for await (const rows of pages(executor, 'export/provenance-sources-page', {}, pageSize)) {
      if (format === 'graphml') await sink.write(rows.map(graphmlSourceNode).join(''));
      else {
        await sink.write(
          rows.map((r, i) => `${first && i === 0 ? '\n' : ',\n'}${jsonSourceNode(r)}`).join(''),
        );
        first = false;
      }
      for (const r of rows) sources.add(r.id as string);
    }
  }
  if (format === 'json') await sink.write('\n],"edges":[');
  first = true;
  for await (const rows of pages(executor, 'export/edges-page', params, pageSize)) {
    const claims: Row[] = [];
    for (const r of rows) {
      const all = r.targets as string[];
      const targets = written.has(r.claimant as string) ? all.filter((t) => written.has(t)) : [];
      progress.skipped += all.length - targets.length;
      if (targets.length) claims.push({ ...r, targets });
    }
    if (format === 'graphml') await sink.write(claims.map(graphmlEdges).join(''));
    else {
      const edges = claims.flatMap(jsonEdges);
      if (edges.length) {
        await sink.write(edges.map((e, i) => `${first && i === 0 ? '\n' : ',\n'}${e}`).join(''));
        first = false;
      }
    }
    progress.claims += claims.length;
    progress.edges += claims.reduce((n, r) => n + (r.targets as string[]).length, 0);
    opts.onProgress?.({ ...progress });
  }
  // Issue 12: COPY_OF and TRANSLATION_OF edges, between the source nodes written above; edges
  // whose sources were not written (added during the export) are counted in `skipped`.
  if (wholeGraph) {
    for await (const rows of pages(executor, 'export/provenance-edges-page', {}, pageSize)) {
      const kept = rows.filter((e) => sources.has(e.source as string) && sources.has(e.target as string));
      progress.skipped += rows.length - kept.length;
      progress.edges += kept.length;
      if (format === 'graphml') await sink.write(kept.map(graphmlProvenanceEdge).join(''));
      else if (kept.length) {
        await sink.write(
          kept.map((e, i) => `${first && i === 0 ? '\n' : ',\n'}${jsonProvenanceEdge(e)}`).join(''),
        );
        first = false;
      }
      opts.onProgress?.({ ...progress });
    }
  }
  await sink.write(format === 'graphml' ? '  </graph>\n</graphml>\n' : '\n]}\n');
  return progress;
}
