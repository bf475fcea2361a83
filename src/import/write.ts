/**
 * Pass two of a bulk import: goes through the input again, in order, and writes what pass one
 * (validate.ts) planned, in large UNWIND batches: one transaction per batch, with its audit event.
 * A crash loses at most the batch in flight; the next run's pass one finds every committed record
 * unchanged in the graph and skips it, so it goes on where this one stopped.
 */
import path from 'node:path';
import { recordAudit, type Writer } from '../db/audit';
import type { Executor, Tx } from '../db/executor';
import { anchorAt, codePoints } from '../data/anchor';
import { foldName } from '../refs/names';
import { canonicalLanguage } from '../refs/languages';
import { refreshStatusAround } from '../writes/status';
import { readRecords } from './read';
import type { ImportRecord, RecordType } from './records';
import { contentHash, normalizeUrl, recordKey, type Denial, type ImportPlan } from './validate';
import { fingerprint } from '../similarity/minhash';

type Of<T extends RecordType> = Extract<ImportRecord, { type: T }> & { hash: string };

interface Batch {
  file: string;
  firstLine: number;
  lastLine: number;
  actors: Of<'actor'>[];
  roles: Of<'role'>[];
  sources: Of<'source'>[];
  events: Of<'event'>[];
  claims: Of<'claim'>[];
  denials: Denial[];
  size: number;
}

export interface ImportProgress {
  /** Records written so far, and to write in all. */
  written: number;
  total: number;
  claims: number;
  file: string;
  line: number;
}

export interface ImportResult {
  written: Record<RecordType, number>;
  unchanged: number;
  denials: number;
  batches: number;
}

/** Batches whose status statements are planned afresh (see writeImport). */
export const FRESH_BATCHES = 3;

const newBatch = (file: string): Batch => ({
  file,
  firstLine: 0,
  lastLine: 0,
  actors: [],
  roles: [],
  sources: [],
  events: [],
  claims: [],
  denials: [],
  size: 0,
});

export async function writeImport(
  executor: Executor,
  plan: ImportPlan,
  writer: Writer,
  opts: { batchSize: number; onBatch?: (p: ImportProgress) => void },
): Promise<ImportResult> {
  const total = Object.values(plan.toWrite).reduce((a, b) => a + b, 0);
  const result: ImportResult = {
    written: { actor: 0, role: 0, source: 0, event: 0, claim: 0 },
    unchanged: plan.unchanged.size,
    denials: 0,
    batches: 0,
  };
  // The first batches are small (100 records, then 1,000), then every one is opts.batchSize. Each
  // batch's statements are planned from the statistics of what is committed, which for the first
  // batch into an empty graph is nothing: every label's count is 0, every scan looks free, and a
  // plan that reads every claim for each claim can be chosen. Over 100 records that costs
  // nothing; by the third batch the plans are made on a graph that holds thousands of records.
  // The status statements of those first FRESH_BATCHES batches are planned afresh (@fresh), each
  // from the graph the one before committed; the third one's plan, made on at least 1,100
  // records, replaces the cached one, and later batches run it from the cache (Neo4j replans a
  // cached statement by itself once the statistics drift far enough from those it was made on).
  // Planning them for every batch cost 1 to 3 s a batch on this machine: refresh-links alone is a
  // large query to plan.
  let started = 0;
  const batchLimit = (n: number) => Math.min(opts.batchSize, n === 0 ? 100 : n === 1 ? 1000 : opts.batchSize);
  // Source texts of this input, for deriving excerpt prefixes and suffixes.
  const texts = new Map<string, string>();
  let cached: { url: string; cps: string[] } | undefined;
  const cpsOf = async (url: string): Promise<string[]> => {
    if (cached?.url === url) return cached.cps;
    let text = texts.get(url);
    if (text === undefined) {
      const [row] = await executor.read('sources/by-urls', { urls: [url] });
      text = String(row?.text ?? '');
    }
    cached = { url, cps: codePoints(text) };
    return cached.cps;
  };

  // One batch commits while the next is read and anchored (Node's work and Neo4j's overlap, on
  // two cores about the time of one). Batches still commit strictly in order, one at a time: a
  // batch may reference records of the one before it, which must be committed first.
  let inFlight: Promise<void> = Promise.resolve();
  const commit = async (b: Batch) => {
    await inFlight;
    if (b.size === 0) return;
    inFlight = commitNow(b);
    // A failure surfaces at the next commit (or the final await), and stops the import there.
    inFlight.catch(() => undefined);
  };
  const commitNow = async (b: Batch) => {
    // Batches commit one at a time, in order: result.batches is this batch's position.
    const fresh = result.batches < FRESH_BATCHES;
    await executor.write((tx) => writeBatch(tx, b, writer, fresh));
    result.batches += 1;
    result.written.actor += b.actors.length;
    result.written.role += b.roles.length;
    result.written.source += b.sources.length;
    result.written.event += b.events.length;
    result.written.claim += b.claims.length;
    result.denials += b.denials.length;
    const written = Object.values(result.written).reduce((a, c) => a + c, 0);
    opts.onBatch?.({ written, total, claims: result.written.claim, file: b.file, line: b.lastLine });
  };

  for (const file of plan.files) {
    let batch = newBatch(file);
    for await (const read of readRecords(file)) {
      // Pass one accepted every line, and files do not change under a running import.
      if (!read.ok) throw read.error;
      const { line, record, hash } = read.item;
      if (plan.unchanged.has(recordKey(record))) continue;
      if (batch.size === 0) batch.firstLine = line;
      batch.lastLine = line;
      batch.size += 1;
      switch (record.type) {
        case 'actor': {
          const name = foldName(record.name);
          const aliases = (record.aliases ?? []).map(foldName);
          // A placeholder gets no Alias nodes (load/upsert-actors, extract/upsert-placeholders):
          // nothing is ever matched to it by name.
          const placeholder = record.placeholder === true;
          batch.actors.push({
            ...record,
            name,
            aliases,
            names: placeholder ? [] : [name, ...aliases],
            placeholder: placeholder ? true : null,
            description: record.description ?? null,
            hash,
          } as Of<'actor'>);
          break;
        }
        case 'role':
          batch.roles.push({ ...record, title: record.title ?? null, hash });
          break;
        case 'source': {
          const url = normalizeUrl(record.url);
          texts.set(url, record.text);
          const language = record.language ? canonicalLanguage(record.language) : null;
          batch.sources.push({
            ...record,
            url,
            language,
            contentHash: contentHash(record.text),
            hash,
          } as Of<'source'>);
          break;
        }
        case 'event':
          batch.events.push({
            ...record,
            parties: record.parties ?? [],
            mediators: record.mediators ?? [],
            hash,
          });
          break;
        case 'claim': {
          const url = normalizeUrl(record.source);
          const cps = await cpsOf(url);
          batch.claims.push({
            ...record,
            source: url,
            targets: record.targets ?? [],
            about: record.about ?? [],
            figures: (record.figures ?? []).map((f) => ({
              value: f.value,
              unit: f.unit ?? null,
              measure: f.measure ?? null,
            })),
            excerpts: record.excerpts.map((x, i) => ({
              id: `${record.id}#${i}`,
              ...anchorAt(cps, x.start, x.end),
            })),
            hash,
          } as Of<'claim'>);
          for (const denied of record.denies ?? []) {
            if (!plan.deferredKeys.has(`${record.id}>${denied}`))
              batch.denials.push({ denial: record.id, denied });
          }
          break;
        }
      }
      if (batch.size >= batchLimit(started)) {
        started += 1;
        await commit(batch);
        batch = newBatch(file);
      }
    }
    await commit(batch);
  }
  await inFlight;

  if (plan.deferredDenials.length) {
    const denials = plan.deferredDenials;
    await executor.write(async (tx) => {
      const at = new Date().toISOString();
      const [row] = await tx.run('load/link-denials', { at, by: writer.by, denials });
      expectWritten('denial', Number(row?.denials), denials.length);
      // A denial changes no figure, so no figure keys to redo: the denied claims' status, locked.
      await refreshStatusAround(
        tx,
        denials.map((d) => d.denial),
        [],
        { freshPlans: true },
      );
      await recordAudit(tx, writer, at, {
        operation: 'importDenials',
        summary: `imported ${denials.length} denial link(s) between imported claims`,
        changes: { denials },
        claimIds: [...new Set(denials.map((d) => d.denial))],
      });
    });
    result.denials += denials.length;
    result.batches += 1;
  }
  return result;
}

function expectWritten(what: string, got: number, wanted: number): void {
  // Every reference was checked before the import began; a shortfall means the graph changed
  // under it (a concurrent retraction cannot do this, a deletion by hand can). Fail the batch
  // rather than commit a claim without its claimant.
  if (got !== wanted) {
    throw new Error(
      `import: wrote ${got} of ${wanted} ${what} record(s): a referenced record vanished during the import`,
    );
  }
}

async function writeBatch(tx: Tx, b: Batch, writer: Writer, fresh: boolean): Promise<void> {
  const at = new Date().toISOString();
  const common = { at, by: writer.by };
  if (b.actors.length) {
    const [r] = await tx.run('import/write-actors', { ...common, actors: b.actors });
    expectWritten('actor', Number(r?.written), b.actors.length);
  }
  if (b.roles.length) await tx.run('load/upsert-roles', { roles: b.roles });
  if (b.sources.length) {
    const [r] = await tx.run('import/write-sources', { ...common, sources: b.sources });
    expectWritten('source', Number(r?.written), b.sources.length);
    // Issue 12: MinHash signatures (about 2 ms per 1,000 characters), so later sources find these as copy candidates.
    await tx.run('provenance/fingerprint-sources', {
      sources: b.sources.map((s) => ({ url: s.url, ...fingerprint(s.text) })),
    });
  }
  if (b.events.length) {
    const [r] = await tx.run('import/write-events', { ...common, events: b.events });
    expectWritten('event', Number(r?.written), b.events.length);
  }
  const claimIds = b.claims.map((c) => c.id);
  // Every claim here is new (pass one refuses a record that would change one in the graph), and
  // the statements that create claims and links also set their derived properties: page keys in
  // import/write-claims and link-claim-targets, figure keys in import/write-figures. So no second
  // pass over the batch's claims (claims/refresh-keys, refresh-figure-keys); statuses below.
  const figureKeys = b.claims.length ? await writeClaims(tx, b, common) : [];
  if (b.denials.length) {
    const [r] = await tx.run('import/link-denials', { ...common, denials: b.denials });
    expectWritten('denial', Number(r?.denials), b.denials.length);
  }
  // Stored status, by the one rule (fragments/claim-status), once every link of the batch is made.
  // import/write-claims stored UNCONTESTED for every new claim, which is the rule's answer for
  // each except those this batch's denials deny and the figure claims under a key its figures were
  // keyed under (import/write-figures): nothing else can deny or contradict a claim no committed
  // transaction has seen (a denial that points forward at it is linked at the end, with its own
  // refresh). Those, older committed claims among them, go through claims/refresh-status, under
  // each claim's lock. Planned afresh while the graph is young (see batchLimit above).
  await refreshStatusAround(
    tx,
    b.denials.map((d) => d.denied),
    figureKeys,
    { freshPlans: fresh },
  );
  const parts = (
    [
      ['claim', b.claims.length],
      ['actor', b.actors.length],
      ['source', b.sources.length],
      ['event', b.events.length],
      ['role', b.roles.length],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([w, n]) => `${n} ${w}${n === 1 ? '' : 's'}`);
  await recordAudit(tx, writer, at, {
    operation: 'import',
    summary: `imported ${path.basename(b.file)} lines ${b.firstLine}-${b.lastLine}: ${parts.join(', ')}`,
    changes: { file: path.basename(b.file), lines: [b.firstLine, b.lastLine] },
    claimIds,
    actorIds: b.actors.map((a) => a.id),
    sourceUrls: b.sources.map((s) => s.url),
  });
}

/**
 * The claims of a batch as plain UNWIND statements, one per node or link type, each row an index
 * seek and a CREATE: no subquery, no Eager, so the planner streams every list (PROFILE'd in
 * test/integration/import.test.ts). One statement with a CALL { } per link type was ten times
 * slower: each subquery's row count and the Eager before it held the whole batch in memory.
 */
async function writeClaims(tx: Tx, b: Batch, common: { at: string; by: string }): Promise<string[]> {
  const [r] = await tx.run('import/write-claims', {
    ...common,
    claims: b.claims.map((c) => claimRow(c, common)),
  });
  expectWritten('claim', Number(r?.written), b.claims.length);
  const voices: Link[] = [];
  const targets: Link[] = [];
  const about: Link[] = [];
  const figures: Record<string, unknown>[] = [];
  const excerpts: Record<string, unknown>[] = [];
  for (const c of b.claims) {
    if (c.voice) voices.push({ claim: c.id, to: c.voice });
    for (const t of c.targets ?? []) targets.push({ claim: c.id, to: t });
    for (const e of c.about ?? []) about.push({ claim: c.id, to: e });
    (c.figures ?? []).forEach((f, i) =>
      figures.push({ claim: c.id, id: `${c.id}#figure${i}`, ...f, position: i }),
    );
    c.excerpts.forEach((x, i) => excerpts.push({ claim: c.id, source: c.source, ...x, position: i }));
  }
  for (const [name, links] of [
    ['import/link-claim-voices', voices],
    ['import/link-claim-targets', targets],
    ['import/link-claim-about', about],
  ] as const) {
    if (!links.length) continue;
    const [l] = await tx.run(name, { links });
    expectWritten(name.slice('import/link-claim-'.length), Number(l?.linked), links.length);
  }
  const keys = new Set<string>();
  if (figures.length) {
    // After link-claim-about: write-figures keys each figure by its claim's events.
    const rows = await tx.run('import/write-figures', { figures });
    expectWritten(
      'figure',
      rows.reduce((n, r) => n + Number(r.figures), 0),
      figures.length,
    );
    for (const r of rows) for (const k of r.keys as string[]) keys.add(k);
  }
  const [x] = await tx.run('import/write-excerpts', { excerpts });
  expectWritten('excerpt', Number(x?.written), excerpts.length);
  return [...keys];
}

interface Link {
  claim: string;
  to: string;
}

/**
 * A claim's own properties only: its links travel in their own lists. Review state as a YAML
 * source file's claim gives it (load/upsert-claims): omitted means CURATED and VERIFIED, and a
 * VERIFIED claim is reviewed by the importer at the import's time; a DRAFT is not reviewed yet.
 */
function claimRow(c: Of<'claim'>, common: { at: string; by: string }): Record<string, unknown> {
  const verification = c.verification ?? 'VERIFIED';
  const reviewed = verification === 'VERIFIED';
  return {
    origin: c.origin ?? 'CURATED',
    verification,
    confidence: c.confidence ?? null,
    extractor: c.extractor ?? null,
    reviewedAt: reviewed ? common.at : null,
    reviewedBy: reviewed ? common.by : null,
    id: c.id,
    kind: c.kind,
    claimant: c.claimant,
    content: c.content,
    cue: c.cue ?? null,
    quote: c.quote ?? null,
    statedOn: c.statedOn ?? null,
    statedOnText: c.statedOnText ?? null,
    source: c.source,
    hash: c.hash,
  };
}
