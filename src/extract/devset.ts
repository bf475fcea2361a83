/**
 * The development set: annotated texts under data/extraction-dev/ plus the seed source, whose
 * curated claims are its annotations (each excerpt one record, as the guide counts a paraphrase
 * and a quote of the same claim as two). Shared by `npm run eval:extraction` and the tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { codePoints, findOccurrences } from '../data/anchor';
import { readSourceFile } from '../data/validate';
import { CLAIM_KINDS } from '../data/types';
import { PROJECT_ROOT } from '../paths';
import type { Annotation } from './score';
import type { Gazetteer } from './types';

export const DEV_DIR = path.join(PROJECT_ROOT, 'data', 'extraction-dev');
export const SEED_FILE = path.join(
  PROJECT_ROOT,
  'data',
  'sources',
  '2025-11-08-aljazeera-afghanistan-pakistan-talks.yaml',
);

export interface DevText {
  name: string;
  text: string;
  publishedAt: string | null;
  gazetteer: Gazetteer;
  annotations: Annotation[];
}

const DevFile = z.strictObject({
  publishedAt: z.string(),
  text: z.string().min(1),
  actors: z
    .array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        aliases: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  roles: z
    .array(
      z.strictObject({
        actor: z.string(),
        relation: z.string(),
        of: z.string(),
        title: z.string().nullish(),
      }),
    )
    .default([]),
  annotations: z.array(
    z.strictObject({
      claimant: z.union([z.string(), z.array(z.string())]),
      kind: z.enum(CLAIM_KINDS),
      exact: z.string().min(1),
      occurrence: z.number().int().min(1).optional(),
    }),
  ),
});

/** The seed's actors and roles: the gazetteer every dev text starts from (as the graph would). */
export function seedGazetteer(): Gazetteer {
  const seed = readSourceFile(SEED_FILE);
  return {
    actors: seed.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, aliases: a.aliases })),
    roles: seed.roles.map((r) => ({ actor: r.actor, relation: r.relation, of: r.of, title: r.title })),
  };
}

export function seedDevText(): DevText {
  const seed = readSourceFile(SEED_FILE);
  return {
    name: path.basename(SEED_FILE),
    text: seed.source.text,
    publishedAt: seed.source.publishedAt,
    gazetteer: seedGazetteer(),
    annotations: seed.claims.flatMap((c) =>
      c.excerpts.map((x) => ({ claimants: [c.claimant], kind: c.kind, start: x.start, end: x.end })),
    ),
  };
}

export function readDevText(file: string): DevText {
  const parsed = DevFile.parse(YAML.parse(readFileSync(file, 'utf8')));
  const base = seedGazetteer();
  const text = codePoints(parsed.text);
  return {
    name: path.basename(file),
    text: parsed.text,
    publishedAt: parsed.publishedAt,
    gazetteer: {
      actors: [...base.actors, ...parsed.actors],
      roles: [...base.roles, ...parsed.roles.map((r) => ({ ...r, title: r.title ?? null }))],
    },
    annotations: parsed.annotations.map((a, i) => {
      const hits = findOccurrences(text, codePoints(a.exact));
      const hit = hits[(a.occurrence ?? 1) - 1];
      if (!hit)
        throw new Error(`${path.basename(file)}: annotations[${i}].exact is not in the text: "${a.exact}"`);
      if (hits.length > 1 && a.occurrence === undefined) {
        throw new Error(
          `${path.basename(file)}: annotations[${i}].exact occurs ${hits.length} times; add occurrence`,
        );
      }
      return {
        claimants: Array.isArray(a.claimant) ? a.claimant : [a.claimant],
        kind: a.kind,
        start: hit[0],
        end: hit[1],
      };
    }),
  };
}

export function devSet(): DevText[] {
  const files = readdirSync(DEV_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readDevText(path.join(DEV_DIR, f)));
  return [seedDevText(), ...files];
}
