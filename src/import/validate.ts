/**
 * Pass one of a bulk import: reads every line, checks it as every write is checked, and writes
 * nothing. A file with any error imports nothing; the errors (up to MAX_ERRORS) name file, line,
 * record and field.
 *
 * The rules beyond a line's shape:
 * - ids, URLs and names are unique within the input;
 * - a reference (claimant, voice, targets, publisher, about, parties, mediators, a role's actors, a
 *   claim's source) points at a record on an *earlier* line, or at one already in the graph; so the
 *   writer can go through the input once, in order. Only `denies` may point forward (a denial
 *   imported before what it denies): those links are made once every claim is written;
 * - a record the graph already holds is left alone when it was imported before with identical
 *   content (same hash), and is an error otherwise: an import never overwrites. This is what makes
 *   a second run write nothing and a run after a crash go on where the last one stopped;
 * - claims meet the rules of src/data/claim-rules.ts against their source's text.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../db/executor';
import { ClaimgraphError, DataFileError } from '../errors';
import { codePoints } from '../data/anchor';
import { claimProblem } from '../data/claim-rules';
import { nameKey, nameProblem } from '../refs/names';
import { normalizeUrl as normalizeSourceUrl } from '../refs/urls';
import { readRecords } from './read';
import type { ImportRecord, RecordType } from './records';

export const MAX_ERRORS = 20;
/** Keys per existence look-up: one index seek each, a few thousand per round trip. */
const LOOKUP_CHUNK = 5000;

/** Every problem pass one found; `message` is the first, `errors` all of them. */
export class ImportInvalidError extends ClaimgraphError {
  constructor(readonly errors: DataFileError[]) {
    const more =
      errors.length > 1
        ? ` (and ${errors.length - 1} more${errors.length >= MAX_ERRORS ? ', at least' : ''})`
        : '';
    super('DATA_FILE_INVALID', 400, `${errors[0]!.message}${more}`, {
      errors: errors.map((e) => ({ file: e.file, record: e.record, field: e.field, message: e.message })),
    });
  }
}

export interface Denial {
  denial: string;
  denied: string;
}

export interface ImportPlan {
  files: string[];
  /** `type:key` of records the graph already holds with the same content: not written again. */
  unchanged: Set<string>;
  /** Denials that point forward in the input (or whose link is missing): linked at the end. */
  deferredDenials: Denial[];
  /** `denial>denied` of the above, so the writer leaves them out of their claim's batch. */
  deferredKeys: Set<string>;
  /** Records read, and records that will be written, by type. */
  read: Record<RecordType, number>;
  toWrite: Record<RecordType, number>;
}

const zero = (): Record<RecordType, number> => ({ actor: 0, role: 0, source: 0, event: 0, claim: 0 });

export const recordKey = (r: ImportRecord): string => {
  switch (r.type) {
    case 'source':
      return `source:${normalizeUrl(r.url)}`;
    case 'role':
      return `role:${r.actor} ${r.relation} ${r.of}`;
    default:
      return `${r.type}:${r.id}`;
  }
};

/** Source URLs are stored in one form (src/refs/urls.ts), as the loader and the API store them. */
export const normalizeUrl = (url: string): string => normalizeSourceUrl(url, 'url');

export const contentHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

type RefType = 'actor' | 'event' | 'claim' | 'source';
interface Use {
  file: string;
  line: number;
  record: string;
  field: string;
}
interface Pending {
  key: string;
  hash: string;
  where: Use;
}

export async function planImport(
  executor: Executor,
  files: string[],
  onLine?: (lines: number) => void,
): Promise<ImportPlan> {
  const errors: DataFileError[] = [];
  const fail = (where: Use, problem: string) => {
    errors.push(new DataFileError(where.file, where.record, where.field, problem));
  };
  const full = () => errors.length >= MAX_ERRORS;

  const defined: Record<RefType, Map<string, number>> = {
    actor: new Map(),
    event: new Map(),
    claim: new Map(),
    source: new Map(),
  };
  const roles = new Set<string>();
  const names = new Map<string, { actor: string; where: Use }>();
  const sources = new Map<string, { text: string; publishedAt: string | null }>();
  // References no earlier line defines: they must be in the graph. First use of each, for messages.
  const outside: Record<RefType, Map<string, Use>> = {
    actor: new Map(),
    event: new Map(),
    claim: new Map(),
    source: new Map(),
  };
  // Claims anchored in a source already in the graph: checked once its text is fetched.
  const againstStored: Array<{ claim: Extract<ImportRecord, { type: 'claim' }>; url: string; where: Use }> =
    [];
  const forward: Array<Denial & { where: Use }> = [];
  const plan: ImportPlan = {
    files,
    unchanged: new Set(),
    deferredDenials: [],
    deferredKeys: new Set(),
    read: zero(),
    toWrite: zero(),
  };

  // Records the input defines, checked against the graph a chunk at a time.
  const pending: Record<RefType, Pending[]> = { actor: [], event: [], claim: [], source: [] };
  const pendingNames: Array<{ key: string; actor: string; where: Use }> = [];
  const pendingRoles: Array<{ key: string; role: Extract<ImportRecord, { type: 'role' }> }> = [];
  const flush = async (force: boolean) => {
    for (const type of ['actor', 'event', 'claim', 'source'] as const) {
      const list = pending[type];
      if (!list.length || (!force && list.length < LOOKUP_CHUNK)) continue;
      pending[type] = [];
      const found = new Map(
        (await executor.read(`import/existing-${type}s`, { keys: list.map((p) => p.key) })).map((r) => [
          r.key as string,
          r.hash as string | null,
        ]),
      );
      for (const p of list) {
        if (!found.has(p.key)) continue;
        if (found.get(p.key) === p.hash) {
          plan.unchanged.add(`${type}:${p.key}`);
          plan.toWrite[type] -= 1;
        } else {
          fail(
            p.where,
            `${type} ${JSON.stringify(p.key)} is already in the graph with other content${found.get(p.key) === null ? ' (written by the loader or the API)' : ' (from an earlier import)'}; an import never overwrites: leave the line out, or give the record a new ${type === 'source' ? 'URL' : 'id'}`,
          );
        }
      }
    }
    if (pendingNames.length && (force || pendingNames.length >= LOOKUP_CHUNK)) {
      const list = pendingNames.splice(0);
      const holders = await executor.read('import/alias-holders', { keys: list.map((n) => n.key) });
      const holder = new Map(holders.map((r) => [r.key as string, r.actor as string]));
      for (const n of list) {
        const h = holder.get(n.key);
        if (h !== undefined && h !== n.actor) {
          fail(
            n.where,
            `${JSON.stringify(n.key)} already names actor "${h}" in the graph; use that actor's id or another name`,
          );
        }
      }
    }
    if (pendingRoles.length && (force || pendingRoles.length >= LOOKUP_CHUNK)) {
      const list = pendingRoles.splice(0);
      const present = await executor.read('import/existing-roles', { roles: list.map((r) => r.role) });
      const have = new Set(
        present.map((r) => `role:${String(r.actor)} ${String(r.relation)} ${String(r.of)}`),
      );
      for (const r of list) {
        if (have.has(r.key)) {
          plan.unchanged.add(r.key);
          plan.toWrite.role -= 1;
        }
      }
    }
  };

  let cached: { url: string; cps: string[] } | undefined;
  const textOf = (url: string, text: string): string[] => {
    if (cached?.url !== url) cached = { url, cps: codePoints(text) };
    return cached.cps;
  };

  let lines = 0;
  for (const file of files) {
    for await (const read of readRecords(file)) {
      lines += 1;
      if (lines % 10_000 === 0) onLine?.(lines);
      if (!read.ok) {
        errors.push(read.error);
        if (full()) break;
        continue;
      }
      const { line, record: r, hash } = read.item;
      const key = recordKey(r);
      const label = `line ${line} (${r.type} "${key.slice(r.type.length + 1)}")`;
      const at = (field: string): Use => ({ file, line, record: label, field });
      plan.read[r.type] += 1;
      plan.toWrite[r.type] += 1;

      const ref = (type: RefType, value: string | null | undefined, field: string) => {
        if (value == null) return;
        const k = type === 'source' ? normalizeUrl(value) : value;
        if (defined[type].has(k)) return;
        if (!outside[type].has(k)) outside[type].set(k, at(field));
      };
      const refs = (type: RefType, values: readonly string[] | null | undefined, field: string) => {
        const seen = new Set<string>();
        (values ?? []).forEach((v, j) => {
          if (seen.has(v)) fail(at(`${field}[${j}]`), `${JSON.stringify(v)} is listed twice`);
          seen.add(v);
          ref(type, v, `${field}[${j}]`);
        });
      };
      const define = (type: RefType, k: string) => {
        const prev = defined[type].get(k);
        if (prev !== undefined) {
          fail(at(type === 'source' ? 'url' : 'id'), `duplicate ${type}; already defined on line ${prev}`);
          return;
        }
        defined[type].set(k, line);
        pending[type].push({ key: k, hash, where: at(type === 'source' ? 'url' : 'id') });
      };

      switch (r.type) {
        case 'actor': {
          define('actor', r.id);
          [r.name, ...(r.aliases ?? [])].forEach((text, j) => {
            const field = j === 0 ? 'name' : `aliases[${j - 1}]`;
            // The same folding and refusals as every other write path (src/refs/names.ts).
            const problem = nameProblem(text);
            if (problem) {
              fail(at(field), problem);
              return;
            }
            const k = nameKey(text);
            const other = names.get(k);
            if (other) {
              fail(
                at(field),
                `${JSON.stringify(text)} is already used (case-insensitively) by actor "${other.actor}" (${other.where.record}); names and aliases must identify one actor`,
              );
              return;
            }
            names.set(k, { actor: r.id, where: at(field) });
            // A placeholder takes no name in the graph (it gets no Alias nodes), so only the
            // input's own names are checked for it, as a YAML file's are (src/data/load.ts).
            if (!r.placeholder) pendingNames.push({ key: k, actor: r.id, where: at(field) });
          });
          break;
        }
        case 'role': {
          ref('actor', r.actor, 'actor');
          ref('actor', r.of, 'of');
          if (r.actor === r.of) fail(at('of'), 'an actor cannot hold a role for itself');
          if (roles.has(key)) fail(at('relation'), `duplicate role (${key.slice(5)})`);
          roles.add(key);
          pendingRoles.push({ key, role: r });
          break;
        }
        case 'source': {
          const url = normalizeUrl(r.url);
          define('source', url);
          ref('actor', r.publisher, 'publisher');
          sources.set(url, { text: r.text, publishedAt: r.publishedAt ?? null });
          break;
        }
        case 'event': {
          define('event', r.id);
          if (r.startDate && r.endDate && r.endDate < r.startDate) {
            fail(at('endDate'), `ends (${r.endDate}) before it starts (${r.startDate})`);
          }
          refs('actor', r.parties, 'parties');
          refs('actor', r.mediators, 'mediators');
          break;
        }
        case 'claim': {
          define('claim', r.id);
          ref('actor', r.claimant, 'claimant');
          ref('actor', r.voice, 'voice');
          refs('actor', r.targets, 'targets');
          refs('event', r.about, 'about');
          const seen = new Set<string>();
          (r.denies ?? []).forEach((d, j) => {
            if (seen.has(d)) fail(at(`denies[${j}]`), `${JSON.stringify(d)} is listed twice`);
            seen.add(d);
            // A denial may come before what it denies: resolved once the whole input is read.
            if (!defined.claim.has(d)) forward.push({ denial: r.id, denied: d, where: at(`denies[${j}]`) });
          });
          const url = normalizeUrl(r.source);
          const source = sources.get(url);
          if (source) {
            const problem = claimProblem(r, textOf(url, source.text), source.publishedAt);
            if (problem)
              fail(
                at(
                  problem.path
                    .map(String)
                    .join('.')
                    .replace(/\.(\d+)/g, '[$1]'),
                ),
                problem.problem,
              );
          } else {
            ref('source', url, 'source');
            againstStored.push({ claim: r, url, where: at('source') });
          }
          break;
        }
      }
      if (full()) break;
      await flush(false);
    }
    if (full()) break;
  }
  if (!full()) await flush(true);

  // References outside the input must be in the graph.
  if (!full()) {
    for (const type of ['actor', 'event', 'source'] as const) {
      const keys = [...outside[type].keys()];
      for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
        const chunk = keys.slice(i, i + LOOKUP_CHUNK);
        const found = new Set(
          (await executor.read(`import/existing-${type}s`, { keys: chunk })).map((r) => r.key as string),
        );
        for (const k of chunk) {
          if (found.has(k)) continue;
          const where = outside[type].get(k)!;
          const later = defined[type].get(k);
          fail(
            where,
            later !== undefined
              ? `${type} ${JSON.stringify(k)} is defined only later, on line ${later}; define it before the lines that use it`
              : `unknown ${type} ${JSON.stringify(k)}: no earlier line defines it and the graph has none`,
          );
        }
      }
    }
  }

  // Denials pointing forward: at a claim later in the input, or one in the graph.
  if (!full() && forward.length) {
    const stored = forward.filter((f) => !defined.claim.has(f.denied));
    for (let i = 0; i < stored.length; i += LOOKUP_CHUNK) {
      const chunk = stored.slice(i, i + LOOKUP_CHUNK);
      const found = new Set(
        (await executor.read('import/existing-claims', { keys: chunk.map((f) => f.denied) })).map(
          (r) => r.key as string,
        ),
      );
      for (const f of chunk) {
        if (!found.has(f.denied))
          fail(f.where, `unknown claim ${JSON.stringify(f.denied)}: neither the input nor the graph has it`);
      }
    }
    const linked = new Set<string>();
    for (let i = 0; i < forward.length; i += LOOKUP_CHUNK) {
      const chunk = forward.slice(i, i + LOOKUP_CHUNK).map(({ denial, denied }) => ({ denial, denied }));
      for (const r of await executor.read('import/existing-denials', { denials: chunk })) {
        linked.add(`${String(r.denial)}>${String(r.denied)}`);
      }
    }
    for (const { denial, denied } of forward) {
      const k = `${denial}>${denied}`;
      if (linked.has(k)) continue;
      plan.deferredDenials.push({ denial, denied });
      plan.deferredKeys.add(k);
    }
  }

  // Claims anchored in sources the graph already holds.
  if (!full() && againstStored.length) {
    const urls = [...new Set(againstStored.map((c) => c.url))];
    const stored = new Map<string, { text: string; publishedAt: string | null }>();
    for (let i = 0; i < urls.length; i += LOOKUP_CHUNK) {
      for (const r of await executor.read('sources/by-urls', { urls: urls.slice(i, i + LOOKUP_CHUNK) })) {
        stored.set(r.url as string, {
          text: r.text as string,
          publishedAt: (r.publishedAt as string | null) ?? null,
        });
      }
    }
    for (const { claim, url, where } of againstStored) {
      const source = stored.get(url);
      if (source === undefined) continue; // reported above as an unknown source
      const problem = claimProblem(claim, textOf(url, source.text), source.publishedAt);
      if (problem) {
        fail(
          {
            ...where,
            field: problem.path
              .map(String)
              .join('.')
              .replace(/\.(\d+)/g, '[$1]'),
          },
          problem.problem,
        );
      }
      if (full()) break;
    }
  }

  if (errors.length) throw new ImportInvalidError(errors.slice(0, MAX_ERRORS));
  return plan;
}
