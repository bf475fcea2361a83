/**
 * Reads and validates source data files (data/sources/*.yaml) into SourceBundles.
 *
 * Nothing is written anywhere from here: a file either yields a complete, normalized bundle or a
 * DataFileError naming the file, the record (`claims[3] (id "taliban-denies-sheltering-ttp")`),
 * the field (`excerpts[0].exact`) and the problem, with the line of the YAML file where it helps.
 *
 * Order of checks: YAML syntax → shape (schema.ts) → ids, names, references, dates, excerpts.
 * Excerpt offsets count Unicode code points, end exclusive (W3C TextPositionSelector); prefix and
 * suffix (TextQuoteSelector) are derived here, QUOTE_CONTEXT code points either side.
 */
import { createHash } from 'node:crypto';
import { canonicalLanguage } from '../refs/languages';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import YAML, { LineCounter, isCollection, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { DataFileError } from '../errors';
import { SourceFileSchema, type SourceFileInput } from './schema';
import type {
  ActorRecord,
  ClaimRecord,
  EventRecord,
  ExcerptRecord,
  RoleRecord,
  SourceBundle,
  SourceRecord,
} from './types';
import { editDistance } from '../search/text';
import { anchorAt, codePoints } from './anchor';
import { claimProblem } from './claim-rules';
import { foldName, nameKey, nameProblem } from '../refs/names';

type Path = readonly PropertyKey[];

/** Turns a path inside the file into the record / field words a fact-checker can search for. */
class Locator {
  constructor(
    readonly file: string,
    private readonly raw: unknown,
    private readonly doc?: Document.Parsed,
    private readonly lines?: LineCounter,
  ) {}

  error(path: Path, problem: string): DataFileError {
    const { record, field } = this.describe(path);
    const line = this.line(path);
    return new DataFileError(this.file, record, field, line ? `${problem} (line ${line})` : problem);
  }

  describe(path: Path): { record: string; field: string } {
    const [top, index, ...rest] = path;
    if (top === undefined) return { record: '(file)', field: '(top level)' };
    if (top === 'source') {
      return { record: 'source', field: index === undefined ? '(record)' : formatPath([index, ...rest]) };
    }
    if (typeof index !== 'number') {
      return { record: '(file)', field: formatPath(path) };
    }
    return {
      record: this.recordLabel(String(top), index),
      field: rest.length ? formatPath(rest) : '(record)',
    };
  }

  recordLabel(list: string, index: number): string {
    const item = (this.raw as Record<string, unknown> | null)?.[list];
    const entry = Array.isArray(item) ? (item[index] as Record<string, unknown> | undefined) : undefined;
    const label = `${list}[${index}]`;
    if (!entry || typeof entry !== 'object') return label;
    if (typeof entry.id === 'string') return `${label} (id "${entry.id}")`;
    if (list === 'roles' && typeof entry.actor === 'string' && typeof entry.of === 'string') {
      return `${label} (${entry.actor} ${String(entry.relation)} ${entry.of})`;
    }
    return label;
  }

  /** 1-based line of the deepest node on `path` that exists in the YAML document. */
  line(path: Path): number | undefined {
    if (!this.doc || !this.lines) return undefined;
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n) as unknown[], true);
      if ((isScalar(node) || isCollection(node)) && node.range) {
        return this.lines.linePos(node.range[0]).line;
      }
    }
    return undefined;
  }
}

/** `['excerpts', 0, 'exact']` → `excerpts[0].exact`. */
function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(record)';
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

function describeIssue(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      if (got === undefined) return `is required (expected ${issue.expected})`;
      const actual = got === null ? 'nothing (null)' : Array.isArray(got) ? 'a list' : typeof got;
      let hint = '';
      if (issue.expected === 'string' && (typeof got === 'number' || typeof got === 'boolean')) {
        hint = `; put quotes around it in the YAML ('${String(got)}')`;
      } else if (issue.expected === 'number' && typeof got === 'string') {
        hint = '; write the number without quotes';
      }
      return `expected ${issue.expected}, got ${actual}${typeof got === 'object' ? '' : ` ${show(got)}`}${hint}`;
    }
    case 'invalid_value':
      if (got === undefined) return `is required; use one of: ${issue.values.map(String).join(', ')}`;
      return `${show(got)} is not allowed; use one of: ${issue.values.map(String).join(', ')}`;
    default:
      return typeof got === 'string' || typeof got === 'number'
        ? `${issue.message} (got ${show(got)})`
        : issue.message;
  }
}

/** The first line of a yaml error message, without its repeated "at line L, column C:". */
const firstLine = (message: string): string =>
  (message.split('\n')[0] ?? message).replace(/\s+at line \d+, column \d+:?\s*$/, '');

/** Validates one source file's YAML text and returns its normalized bundle, or throws DataFileError. */
export function validateSourceFile(file: string, yamlText: string): SourceBundle {
  const lines = new LineCounter();
  const doc = YAML.parseDocument(yamlText, { lineCounter: lines });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = syntax.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}` : '(unknown position)';
    throw new DataFileError(file, 'YAML syntax', where, firstLine(syntax.message));
  }
  const raw: unknown = doc.toJS();
  const at = new Locator(file, raw, doc, lines);

  const parsed = SourceFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0]!;
      throw at.error([...issue.path, key], `unknown field ${JSON.stringify(key)} (check the spelling)`);
    }
    throw at.error(issue.path, describeIssue(issue));
  }
  return checkAndNormalize(file, parsed.data, at);
}

function checkAndNormalize(file: string, input: SourceFileInput, at: Locator): SourceBundle {
  const text = input.source.text;
  const cps = codePoints(text);

  // ---- actors: unique ids, names and aliases unique case-insensitively across all actors
  const actorIds = new Map<string, number>();
  const names = new Map<string, { index: number; what: string }>();
  input.actors.forEach((a, i) => {
    const prev = actorIds.get(a.id);
    if (prev !== undefined)
      throw at.error(['actors', i, 'id'], `duplicate actor id; already used by actors[${prev}]`);
    actorIds.set(a.id, i);
    const labels: Array<[Path, string, string]> = [[['actors', i, 'name'], a.name, 'name']];
    (a.aliases ?? []).forEach((alias, j) =>
      labels.push([['actors', i, 'aliases', j], alias, `aliases[${j}]`]),
    );
    for (const [path, value, what] of labels) {
      // The same folding as every other write path (src/refs/names.ts): a look-alike ("Ｋａｂｕｌ")
      // collides with the name it imitates; control and bidi-override characters are refused.
      const problem = nameProblem(value);
      if (problem) throw at.error(path, problem);
      const key = nameKey(value);
      const other = names.get(key);
      if (other) {
        const owner = other.index === i ? 'this actor' : at.recordLabel('actors', other.index);
        throw at.error(
          path,
          `${JSON.stringify(value)} is already used (case-insensitively) by ${owner} as its ${other.what}; names and aliases must identify one actor`,
        );
      }
      names.set(key, { index: i, what });
    }
  });

  const actorRef = (path: Path, ref: string | null | undefined): void => {
    if (ref == null || actorIds.has(ref)) return;
    throw at.error(path, `unknown actor ${JSON.stringify(ref)}${suggestActor(ref, input)}`);
  };
  const actorRefs = (path: Path, refs: readonly string[] | null | undefined): void => {
    noDuplicates(path, refs);
    (refs ?? []).forEach((r, j) => actorRef([...path, j], r));
  };
  const noDuplicates = (path: Path, refs: readonly string[] | null | undefined): void => {
    const seen = new Set<string>();
    (refs ?? []).forEach((r, j) => {
      if (seen.has(r)) throw at.error([...path, j], `${JSON.stringify(r)} is listed twice`);
      seen.add(r);
    });
  };

  // ---- source
  actorRef(['source', 'publisher'], input.source.publisher);

  // ---- roles
  const roleKeys = new Set<string>();
  input.roles?.forEach((r, i) => {
    actorRef(['roles', i, 'actor'], r.actor);
    actorRef(['roles', i, 'of'], r.of);
    if (r.actor === r.of) throw at.error(['roles', i, 'of'], 'an actor cannot hold a role for itself');
    const key = `${r.actor} ${r.relation} ${r.of}`;
    if (roleKeys.has(key)) throw at.error(['roles', i, 'relation'], `duplicate role (${key})`);
    roleKeys.add(key);
  });

  // ---- events
  const eventIds = new Map<string, number>();
  input.events?.forEach((e, i) => {
    const prev = eventIds.get(e.id);
    if (prev !== undefined)
      throw at.error(['events', i, 'id'], `duplicate event id; already used by events[${prev}]`);
    eventIds.set(e.id, i);
    if (e.startDate && e.endDate && e.endDate < e.startDate) {
      throw at.error(['events', i, 'endDate'], `ends (${e.endDate}) before it starts (${e.startDate})`);
    }
    actorRefs(['events', i, 'parties'], e.parties);
    actorRefs(['events', i, 'mediators'], e.mediators);
  });

  // ---- claims
  const claimIds = new Map<string, number>();
  input.claims.forEach((c, i) => {
    const prev = claimIds.get(c.id);
    if (prev !== undefined)
      throw at.error(['claims', i, 'id'], `duplicate claim id; already used by claims[${prev}]`);
    claimIds.set(c.id, i);
  });

  const publishedAt = input.source.publishedAt ?? null;
  input.claims.forEach((c, i) => {
    const p = (...rest: PropertyKey[]): Path => ['claims', i, ...rest];
    actorRef(p('claimant'), c.claimant);
    actorRef(p('voice'), c.voice);
    actorRefs(p('targets'), c.targets);

    noDuplicates(p('about'), c.about);
    (c.about ?? []).forEach((ref, j) => {
      if (!eventIds.has(ref)) {
        const known = [...eventIds.keys()];
        throw at.error(
          p('about', j),
          `unknown event ${JSON.stringify(ref)}; events in this file: ${known.length ? known.join(', ') : '(none)'}`,
        );
      }
    });

    noDuplicates(p('denies'), c.denies);
    (c.denies ?? []).forEach((ref, j) => {
      if (!claimIds.has(ref))
        throw at.error(p('denies', j), `unknown claim ${JSON.stringify(ref)} in this file`);
    });
    const problem = claimProblem(c, cps, publishedAt);
    if (problem) throw at.error(p(...problem.path), problem.problem);
  });

  // ---- normalize
  const source: SourceRecord = {
    // Stored and looked up in one form (see normalizeUrl in src/refs/urls.ts).
    url: new URL(input.source.url).href,
    title: input.source.title,
    publisher: input.source.publisher ?? null,
    publishedAt,
    language: input.source.language ? canonicalLanguage(input.source.language) : null,
    text,
    contentHash: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
  const actors: ActorRecord[] = input.actors.map((a) => ({
    id: a.id,
    name: foldName(a.name),
    kind: a.kind,
    aliases: (a.aliases ?? []).map(foldName),
    description: a.description ?? null,
    ...(a.placeholder ? { placeholder: true } : {}),
  }));
  const roles: RoleRecord[] = (input.roles ?? []).map((r) => ({
    actor: r.actor,
    relation: r.relation,
    of: r.of,
    title: r.title ?? null,
  }));
  const events: EventRecord[] = (input.events ?? []).map((e) => ({
    id: e.id,
    kind: e.kind,
    name: e.name,
    startDate: e.startDate ?? null,
    endDate: e.endDate ?? null,
    dateText: e.dateText ?? null,
    place: e.place ?? null,
    parties: e.parties ?? [],
    mediators: e.mediators ?? [],
  }));
  const claims: ClaimRecord[] = input.claims.map((c) => ({
    id: c.id,
    kind: c.kind,
    claimant: c.claimant,
    voice: c.voice ?? null,
    targets: c.targets ?? [],
    content: c.content,
    cue: c.cue ?? null,
    quote: c.quote ?? null,
    statedOn: c.statedOn ?? null,
    statedOnText: c.statedOnText ?? null,
    about: c.about ?? [],
    denies: c.denies ?? [],
    ...(c.origin ? { origin: c.origin } : {}),
    ...(c.verification ? { verification: c.verification } : {}),
    ...(c.confidence != null ? { confidence: c.confidence } : {}),
    ...(c.extractor ? { extractor: c.extractor } : {}),
    figures: (c.figures ?? []).map((f) => ({
      value: f.value,
      unit: f.unit ?? null,
      measure: f.measure ?? null,
    })),
    excerpts: c.excerpts.map((x, j): ExcerptRecord => ({
      id: `${c.id}#${j}`,
      ...anchorAt(cps, x.start, x.end),
    })),
  }));
  return { file, source, actors, roles, events, claims };
}

/** " (did you mean ...?)" for an unknown actor reference, matching names, aliases and near-miss ids. */
function suggestActor(ref: string, input: SourceFileInput): string {
  const lower = ref.toLowerCase();
  const byName = input.actors.find(
    (a) => a.name.toLowerCase() === lower || (a.aliases ?? []).some((x) => x.toLowerCase() === lower),
  );
  if (byName) return `; references use actor ids: did you mean "${byName.id}" (${byName.name})?`;
  const near = input.actors
    .map((a) => ({ id: a.id, d: editDistance(lower, a.id) }))
    .filter(({ id, d }) => d <= Math.max(3, Math.floor(0.4 * Math.max(lower.length, id.length))))
    .sort((x, y) => x.d - y.d)
    .slice(0, 3);
  if (near.length) return `; did you mean ${near.map(({ id }) => `"${id}"`).join(' or ')}?`;
  return `; actor ids in this file: ${input.actors.map((a) => a.id).join(', ')}`;
}

/** Reads and validates one source file. */
export function readSourceFile(path: string): SourceBundle {
  let yamlText: string;
  try {
    yamlText = readFileSync(path, 'utf8');
  } catch (err) {
    throw new DataFileError(path, '(file)', '(file)', `cannot read the file: ${(err as Error).message}`);
  }
  return validateSourceFile(path, yamlText);
}

/**
 * Reads one file, or every *.yaml / *.yml file in a directory (sorted by name, not recursive), and
 * checks the bundles against each other (see checkBundlesTogether).
 */
export function readSourcePath(fileOrDir: string): SourceBundle[] {
  let isDir: boolean;
  try {
    isDir = statSync(fileOrDir).isDirectory();
  } catch (err) {
    throw new DataFileError(fileOrDir, '(file)', '(file)', `cannot read: ${(err as Error).message}`);
  }
  if (!isDir) return [readSourceFile(fileOrDir)];
  const files = readdirSync(fileOrDir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(fileOrDir, name));
  const bundles = files.map(readSourceFile);
  checkBundlesTogether(bundles);
  return bundles;
}

/**
 * Checks that several files can be loaded into one graph without one silently overwriting another:
 * - a source URL appears in one file only;
 * - a claim id appears in one file only;
 * - an actor id or event id used in several files has the same kind and name in each;
 * - a name or alias (case-insensitive) means the same actor id in every file.
 * Throws a DataFileError naming the later file.
 */
export function checkBundlesTogether(bundles: readonly SourceBundle[]): void {
  const urls = new Map<string, string>();
  const claims = new Map<string, string>();
  const actors = new Map<string, { file: string; name: string; kind: string }>();
  const events = new Map<string, { file: string; name: string; kind: string }>();
  const names = new Map<string, { file: string; actor: string }>();
  for (const b of bundles) {
    const prevUrl = urls.get(b.source.url);
    if (prevUrl)
      throw new DataFileError(
        b.file,
        'source',
        'url',
        `the same source URL is already loaded from ${prevUrl}`,
      );
    urls.set(b.source.url, b.file);

    b.claims.forEach((c, i) => {
      const prev = claims.get(c.id);
      if (prev) {
        throw new DataFileError(
          b.file,
          `claims[${i}] (id "${c.id}")`,
          'id',
          `claim id is already used in ${prev}`,
        );
      }
      claims.set(c.id, b.file);
    });

    b.actors.forEach((a, i) => {
      const record = `actors[${i}] (id "${a.id}")`;
      const prev = actors.get(a.id);
      if (prev && (prev.kind !== a.kind || prev.name !== a.name)) {
        const field = prev.kind !== a.kind ? 'kind' : 'name';
        throw new DataFileError(
          b.file,
          record,
          field,
          `actor "${a.id}" is ${field === 'kind' ? a.kind : JSON.stringify(a.name)} here but ${field === 'kind' ? prev.kind : JSON.stringify(prev.name)} in ${prev.file}; make them agree`,
        );
      }
      if (!prev) actors.set(a.id, { file: b.file, name: a.name, kind: a.kind });
      [a.name, ...a.aliases].forEach((label, j) => {
        const key = nameKey(label);
        const other = names.get(key);
        if (other && other.actor !== a.id) {
          throw new DataFileError(
            b.file,
            record,
            j === 0 ? 'name' : `aliases[${j - 1}]`,
            `${JSON.stringify(label)} already names actor "${other.actor}" in ${other.file}`,
          );
        }
        if (!other) names.set(key, { file: b.file, actor: a.id });
      });
    });

    b.events.forEach((e, i) => {
      const prev = events.get(e.id);
      if (prev && (prev.kind !== e.kind || prev.name !== e.name)) {
        const field = prev.kind !== e.kind ? 'kind' : 'name';
        throw new DataFileError(
          b.file,
          `events[${i}] (id "${e.id}")`,
          field,
          `event "${e.id}" has a different ${field} in ${prev.file}; make them agree`,
        );
      }
      if (!prev) events.set(e.id, { file: b.file, name: e.name, kind: e.kind });
    });
  }
}
