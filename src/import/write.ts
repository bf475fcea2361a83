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

  const commit = async (b: Batch) => {
    if (b.size === 0) return;
    await executor.write((tx) => writeBatch(tx, b, writer));
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
        case 'actor':
          batch.actors.push({
            ...record,
            name: foldName(record.name),
            aliases: (record.aliases ?? []).map(foldName),
            description: record.description ?? null,
            hash,
          });
          break;
        case 'role':
          batch.roles.push({ ...record, title: record.title ?? null, hash });
          break;
        case 'source': {
          const url = normalizeUrl(record.url);
          texts.set(url, record.text);
          batch.sources.push({ ...record, url, contentHash: contentHash(record.text), hash } as Of<'source'>);
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
      if (batch.size >= opts.batchSize) {
        await commit(batch);
        batch = newBatch(file);
      }
    }
    await commit(batch);
  }

  if (plan.deferredDenials.length) {
    const denials = plan.deferredDenials;
    await executor.write(async (tx) => {
      const at = new Date().toISOString();
      const [row] = await tx.run('load/link-denials', { at, by: writer.by, denials });
      expectWritten('denial', Number(row?.denials), denials.length);
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

async function writeBatch(tx: Tx, b: Batch, writer: Writer): Promise<void> {
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
  if (b.claims.length) {
    const [r] = await tx.run('import/write-claims', { ...common, claims: b.claims });
    expectWritten('claim', Number(r?.written), b.claims.length);
  }
  if (b.denials.length) {
    const [r] = await tx.run('load/link-denials', { ...common, denials: b.denials });
    expectWritten('denial', Number(r?.denials), b.denials.length);
  }
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
    claimIds: b.claims.map((c) => c.id),
    actorIds: b.actors.map((a) => a.id),
    sourceUrls: b.sources.map((s) => s.url),
  });
}
