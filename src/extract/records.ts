/**
 * Drafts as records to store: stable ids and keys derived from the source URL and where the
 * draft sits in its text, so the same text extracted twice gives the same records (the service
 * writes nothing new; the CLI writes the same file). Shared by extractClaims and `npm run extract`.
 */
import { createHash } from 'node:crypto';
import { anchorAt, codePoints, type Anchor } from '../data/anchor';
import type { Draft, DraftActor, DraftFigure } from './types';

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

export interface PlaceholderRecord {
  id: string;
  name: string;
  kind: 'OTHER' | 'PERSON';
  description: string;
}

export interface DraftRecord {
  id: string;
  key: string;
  kind: string;
  claimant: string;
  voice: string | null;
  targets: string[];
  content: string;
  cue: string;
  quote: string | null;
  statedOn: string | null;
  statedOnText: string | null;
  figures: DraftFigure[];
  excerpt: Anchor;
  confidence: number;
  extractor: string;
}

/** The id of a placeholder: one per kind of unnamed source (or unknown name) per source. */
export const placeholderId = (url: string, key: string) => `placeholder-${hash(url, key).slice(0, 16)}`;

export function toRecords(
  url: string,
  text: string,
  drafts: Draft[],
): { placeholders: PlaceholderRecord[]; drafts: DraftRecord[] } {
  const cps = codePoints(text);
  const placeholders = new Map<string, PlaceholderRecord>();
  const ref = (a: DraftActor): string => {
    if (a.type === 'actor') return a.id;
    const id = placeholderId(url, a.key);
    if (!placeholders.has(id)) {
      placeholders.set(id, {
        id,
        name: a.name,
        kind: a.kind,
        description:
          a.kind === 'PERSON'
            ? `Proposed by the extractor: a speaker named in ${url} whom the graph does not know. Confirm by creating the actor (or finding it) and resolving this placeholder to it.`
            : `Placeholder for an unnamed source in ${url}; resolve it to a named actor if the source is ever named.`,
      });
    }
    return id;
  };
  const records = drafts.map((d) => {
    const claimant = ref(d.claimant);
    const key = hash(url, d.kind, String(d.start), String(d.end), claimant);
    return {
      id: `draft-${key.slice(0, 20)}`,
      key,
      kind: d.kind,
      claimant,
      voice: d.voice ? ref(d.voice) : null,
      targets: d.targets.filter((t) => t !== claimant),
      content: d.content,
      cue: d.cue,
      quote: d.quote,
      statedOn: d.statedOn,
      statedOnText: d.statedOnText,
      figures: d.figures,
      excerpt: anchorAt(cps, d.start, d.end),
      confidence: d.confidence,
      extractor: d.extractor,
    };
  });
  return { placeholders: [...placeholders.values()], drafts: records };
}
