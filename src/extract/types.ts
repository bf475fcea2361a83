/**
 * The extractor's inputs and outputs. Extraction is pure: text + publication date + the graph's
 * actors (a gazetteer) in, drafts out. Nothing here touches the database, so the CLI, the service
 * and the evaluation share one code path and it is unit-testable.
 */
import type { ClaimKind } from '../data/types';

export const EXTRACTOR_VERSION = '1.0.0';

export interface GazetteerActor {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
}

export interface GazetteerRole {
  actor: string;
  relation: string;
  of: string;
  title: string | null;
}

export interface Gazetteer {
  actors: GazetteerActor[];
  roles: GazetteerRole[];
}

/**
 * Who a draft is attributed to: a known actor, a placeholder for an unnamed source ("officials
 * said"), or a named speaker the graph does not know yet, proposed for a reviewer to confirm.
 * Placeholders and proposals are never matched against existing actors by name: nothing is merged
 * with a lookalike without a person deciding.
 */
export type DraftActor =
  | { type: 'actor'; id: string }
  | { type: 'placeholder'; key: string; name: string; kind: 'OTHER' | 'PERSON' };

export interface DraftFigure {
  value: number;
  unit: string | null;
  measure: string | null;
}

export interface Draft {
  kind: ClaimKind;
  claimant: DraftActor;
  /** The text's words for the claimant ("a Taliban spokesman", "He"). */
  mention: string;
  voice: DraftActor | null;
  targets: string[];
  content: string;
  cue: string;
  quote: string | null;
  statedOn: string | null;
  statedOnText: string | null;
  figures: DraftFigure[];
  /** Code-point offsets into the text, end exclusive, as every excerpt in the graph. */
  start: number;
  end: number;
  exact: string;
  confidence: number;
  /** `claimgraph-rules/<version>:<sieve>`: which rule found it. */
  extractor: string;
}
