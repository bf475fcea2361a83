/**
 * Scoring drafts against annotations, as the annotation guide defines it: a draft matches an
 * annotation when the kind is the same (optional), its claimant, voice, or an actor its claimant
 * speaks for or serves in is the annotated actor, and the excerpts overlap with a Jaccard index of
 * at least 0.5 over character positions. Each annotation matches at most one draft.
 */
import type { ClaimKind } from '../data/types';
import type { Draft, DraftActor, Gazetteer } from './types';

export interface Annotation {
  /** An actor id; `placeholder` for an unnamed source; `new:<Name>` for a person the graph lacks. */
  claimants: string[];
  kind: ClaimKind;
  start: number;
  end: number;
}

export interface Score {
  drafts: number;
  annotations: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
}

export function jaccard(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = a.end - a.start + (b.end - b.start) - inter;
  return union > 0 ? inter / union : 0;
}

function actorMatches(draft: Draft, wanted: string, gazetteer: Gazetteer): boolean {
  const ids = (a: DraftActor | null): string[] => {
    if (!a) return [];
    if (a.type === 'actor') {
      const served = gazetteer.roles
        .filter((r) => r.actor === a.id && (r.relation === 'SPEAKS_FOR' || r.relation === 'SERVES_IN'))
        .map((r) => r.of);
      return [a.id, ...served];
    }
    return a.kind === 'PERSON' ? [`new:${a.name.toLowerCase()}`, 'placeholder'] : ['placeholder'];
  };
  const w = wanted.startsWith('new:') ? wanted.toLowerCase() : wanted;
  return [...ids(draft.claimant), ...ids(draft.voice)].includes(w);
}

/** Greedy one-to-one matching, best overlap first. */
export function score(
  drafts: Draft[],
  annotations: Annotation[],
  gazetteer: Gazetteer,
  withKind = true,
): Score & { pairs: Array<[number, number]> } {
  const candidates: Array<[number, number, number]> = [];
  drafts.forEach((d, i) =>
    annotations.forEach((a, j) => {
      if (withKind && d.kind !== a.kind) return;
      if (!a.claimants.some((c) => actorMatches(d, c, gazetteer))) return;
      const jac = jaccard(d, a);
      if (jac >= 0.5) candidates.push([jac, i, j]);
    }),
  );
  candidates.sort((x, y) => y[0] - x[0]);
  const usedD = new Set<number>();
  const usedA = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [, i, j] of candidates) {
    if (usedD.has(i) || usedA.has(j)) continue;
    usedD.add(i);
    usedA.add(j);
    pairs.push([i, j]);
  }
  return { ...figures(drafts.length, annotations.length, pairs.length), pairs };
}

export function figures(drafts: number, annotations: number, matched: number): Score {
  const precision = drafts ? matched / drafts : 0;
  const recall = annotations ? matched / annotations : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { drafts, annotations, matched, precision, recall, f1 };
}
