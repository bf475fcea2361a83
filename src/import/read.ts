import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { DataFileError } from '../errors';
import { ImportRecordSchema, type Located } from './records';

/** JSON with object keys sorted at every level: the same record always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const recordHash = (record: unknown): string =>
  createHash('sha256').update(canonical(record)).digest('hex').slice(0, 32);

function label(line: number, raw: unknown): string {
  const r = raw as { type?: unknown; id?: unknown; url?: unknown } | null;
  const key = typeof r?.id === 'string' ? r.id : typeof r?.url === 'string' ? r.url : undefined;
  const type = typeof r?.type === 'string' ? r.type : 'record';
  return key ? `line ${line} (${type} "${key}")` : `line ${line}`;
}

export type ReadItem = { ok: true; item: Located } | { ok: false; error: DataFileError };

/**
 * The records of one NDJSON file, in order, each shape-checked (src/data/schema.ts, through
 * records.ts) or turned into an error naming the file, line, record and field. Blank lines are
 * skipped. Streams: a file of a million lines is never held in memory.
 */
export async function* readRecords(file: string): AsyncGenerator<ReadItem> {
  const lines = readline.createInterface({
    input: fs.createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      yield {
        ok: false,
        error: new DataFileError(
          file,
          `line ${line}`,
          '(line)',
          `is not valid JSON: ${(err as Error).message}`,
        ),
      };
      continue;
    }
    const parsed = ImportRecordSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length ? issue.path.map(String).join('.') : '(record)';
      const problem =
        issue.code === 'invalid_union'
          ? '`type` must be one of actor, role, source, event, claim'
          : issue.message;
      yield { ok: false, error: new DataFileError(file, label(line, raw), field, problem) };
      continue;
    }
    yield { ok: true, item: { file, line, record: parsed.data, hash: recordHash(parsed.data) } };
  }
}

/** The .ndjson files named: a file, or every *.ndjson file of a folder in name order. */
export function importFiles(target: string): string[] {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new DataFileError(target, '(file)', '(path)', 'does not exist');
  if (stat.isFile()) return [target];
  const files = fs
    .readdirSync(target)
    .filter((f) => f.endsWith('.ndjson'))
    .sort()
    .map((f) => `${target.replace(/\/$/, '')}/${f}`);
  if (files.length === 0) throw new DataFileError(target, '(folder)', '(path)', 'holds no .ndjson file');
  return files;
}
