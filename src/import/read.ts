import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { DataFileError } from '../errors';
import { ImportRecordSchema, type Located } from './records';

/**
 * JSON with object keys sorted at every level and null fields left out: the same record always
 * hashes the same. Built by JSON.stringify with a replacer (twice as fast as a hand-written
 * walk, which matters at a million lines). Records are zod strict objects whose keys are field
 * names, never integer-like keys (which JavaScript would order numerically, not by code unit).
 */
const sortedKeys = (_key: string, value: unknown): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) if (v[k] !== undefined && v[k] !== null) out[k] = v[k];
  return out;
};
const canonical = (value: unknown): string => JSON.stringify(value, sortedKeys);

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
 * skipped. Streams in 1 MiB chunks: a file of a million lines is never held in memory. (Lines are
 * split here rather than by node:readline, whose async iterator cost half of pass one's time.)
 */
export async function* readRecords(file: string): AsyncGenerator<ReadItem> {
  let line = 0;
  let rest = '';
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop()!;
    for (const text of lines) {
      line += 1;
      const item = readLine(file, line, text);
      if (item) yield item;
    }
  }
  if (rest !== '') {
    line += 1;
    const item = readLine(file, line, rest);
    if (item) yield item;
  }
}

function readLine(file: string, line: number, text: string): ReadItem | undefined {
  if (text.trim() === '') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      error: new DataFileError(
        file,
        `line ${line}`,
        '(line)',
        `is not valid JSON: ${(err as Error).message}`,
      ),
    };
  }
  const parsed = ImportRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? issue.path.map(String).join('.') : '(record)';
    const problem =
      issue.code === 'invalid_union'
        ? '`type` must be one of actor, role, source, event, claim'
        : issue.message;
    return { ok: false, error: new DataFileError(file, label(line, raw), field, problem) };
  }
  return { ok: true, item: { file, line, record: parsed.data, hash: recordHash(parsed.data) } };
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
