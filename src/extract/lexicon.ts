/**
 * The cue lexicon: reporting verbs and phrases, each mapped to the kind of claim it introduces,
 * and the word lists the kind rules use. General English reporting vocabulary only: nothing here
 * names an actor or a text.
 */
import type { ClaimKind } from '../data/types';

export interface VerbCue {
  /** Base forms; inflections are generated (say → says, said, saying). */
  kind: ClaimKind;
  forms: string[];
}

const inflect = (base: string, irregular: string[] = []): string[] => {
  const forms = new Set<string>([base, ...irregular]);
  if (base.endsWith('e')) {
    forms
      .add(`${base}s`)
      .add(`${base}d`)
      .add(`${base.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(base)) {
    forms
      .add(`${base.slice(0, -1)}ies`)
      .add(`${base.slice(0, -1)}ied`)
      .add(`${base}ing`);
  } else if (/(s|sh|ch|x)$/.test(base)) {
    forms.add(`${base}es`).add(`${base}ed`).add(`${base}ing`);
  } else {
    forms.add(`${base}s`).add(`${base}ed`).add(`${base}ing`);
  }
  return [...forms];
};

const CUES: Array<[ClaimKind, string, string[]?]> = [
  ['STATEMENT', 'say', ['said', 'says', 'saying']],
  ['STATEMENT', 'state'],
  ['STATEMENT', 'tell', ['told', 'telling', 'tells']],
  ['STATEMENT', 'add'],
  ['STATEMENT', 'announce'],
  ['STATEMENT', 'confirm'],
  ['STATEMENT', 'acknowledge'],
  ['STATEMENT', 'report'],
  ['STATEMENT', 'claim'],
  ['STATEMENT', 'insist'],
  ['STATEMENT', 'argue'],
  ['STATEMENT', 'assert'],
  ['STATEMENT', 'maintain'],
  ['STATEMENT', 'note'],
  ['STATEMENT', 'emphasize'],
  ['STATEMENT', 'emphasise'],
  ['STATEMENT', 'stress'],
  ['STATEMENT', 'reiterate'],
  ['STATEMENT', 'explain'],
  ['STATEMENT', 'describe'],
  ['STATEMENT', 'characterize'],
  ['STATEMENT', 'characterise'],
  ['STATEMENT', 'warn'],
  ['STATEMENT', 'write', ['wrote', 'written', 'writes', 'writing']],
  ['STATEMENT', 'post'],
  ['STATEMENT', 'declare'],
  ['STATEMENT', 'predict'],
  ['STATEMENT', 'suggest'],
  ['STATEMENT', 'estimate'],
  ['STATEMENT', 'urge'],
  ['STATEMENT', 'demand'],
  ['STATEMENT', 'call', ['called', 'calls', 'calling']],
  ['STATEMENT', 'welcome'],
  ['FIGURE', 'put', ['puts', 'putting']],
  ['ACCUSATION', 'accuse'],
  ['ACCUSATION', 'allege'],
  ['ACCUSATION', 'blame'],
  ['ACCUSATION', 'attribute'],
  ['ACCUSATION', 'condemn'],
  ['ACCUSATION', 'criticize'],
  ['ACCUSATION', 'criticise'],
  ['ACCUSATION', 'charge'],
  ['DENIAL', 'deny', ['denied', 'denies', 'denying']],
  ['DENIAL', 'reject'],
  ['DENIAL', 'dismiss'],
  ['DENIAL', 'refute'],
  ['DENIAL', 'rebut', ['rebutted', 'rebutting', 'rebuts']],
  ['DENIAL', 'dispute'],
  ['COMMITMENT', 'vow'],
  ['COMMITMENT', 'pledge'],
  ['COMMITMENT', 'promise'],
  ['COMMITMENT', 'threaten'],
  ['COMMITMENT', 'commit', ['committed', 'commits', 'committing']],
  ['COMMITMENT', 'guarantee'],
  ['COMMITMENT', 'assure'],
];

/** Every inflected cue form → its kind and base form. */
export const VERB_CUES = new Map<string, { kind: ClaimKind; base: string }>();
for (const [kind, base, irregular] of CUES) {
  for (const form of inflect(base, irregular)) VERB_CUES.set(form, { kind, base });
}
// "claims" and "reports" are nouns as often as verbs; the subject rule sorts them out.

/** Forms that read as a cue only in some frames; each is checked by the extractor. */
export const NEEDS_OBJECT_FRAME = new Set(['call', 'add', 'post', 'note', 'write', 'charge', 'commit']);

/** "put the death toll at 40": `put` is a cue only in this frame. */
export const PUT_AT =
  /^\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?:own\s+)?(?:death toll|toll|losses|casualties|casualty figure|number of [\w-]+|figure|count)\s+at\b/i;

/** A determiner right before a cue word makes it a noun ("the claim", "a report"). */
export const DETERMINER_BEFORE =
  /\b(?:the|a|an|its|their|his|her|this|that|these|those|our|such|any|no)\s+$/i;

/** Title words before a name that are not part of it ("Analyst Michael Kugelman"). */
export const TITLE_WORDS =
  /^(?:(?:Analyst|Expert|Researcher|Professor|Prof|Commentator|Journalist|Lawmaker|Senator|Minister|Spokesman|Spokeswoman|General|Gen|Commander|President|Ambassador|Envoy|Dr|Mr|Mrs|Ms|Maj|Col|Lt|Colonel|Major|Sheikh|Mullah|Maulvi)\.?\s+)+/;

/** Words between a subject and its cue that are not part of the subject. */
export const AUXILIARIES = new Set(
  'has have had is was were are be been also later earlier again then previously repeatedly consistently publicly separately further once swiftly quickly initially officially formally firmly strongly flatly categorically privately openly angrily sharply specifically had also did does do will would'.split(
    ' ',
  ),
);

/** A negation before the cue makes it a non-claim ("has not confirmed", "declined to comment"). */
export const NEGATED_BEFORE =
  /\b(?:not|never|no longer|yet to|declined to|refused to|failed to|did not|has not|have not|could not|would not)\s+(?:\w+ly\s+)?(?:yet\s+)?$/i;

/** Heads of noun phrases that name an unnamed source: claims by them go to a placeholder actor. */
export const UNNAMED_HEADS =
  /\b(officials?|sources?|diplomats?|insiders?|aides?|people familiar|persons? familiar|witnesses|residents|accounts|users|observers|commanders?|elders|police|medics|doctors|a person|an official|someone|analysts?|experts?|workers|activists|officers|guards)\b/i;

/** Heads that make a phrase a body's voice: its words belong to the body ("a Taliban spokesman"). */
export const ROLE_HEADS =
  /\b(spokes(?:man|woman|person)|minister|ministry|office|foreign office|secretary|ambassador|envoy|commander|chief|president|prime minister|premier|leader|head|representative|delegation|negotiators?|government|military|army|statement)\b/i;

export const PRONOUNS: Record<string, 'person' | 'body' | 'plural'> = {
  he: 'person',
  she: 'person',
  it: 'body',
  they: 'plural',
};

/** Phrases naming the two parties of a dispute at once. */
export const BOTH_SIDES =
  /^(?:both sides|the two sides|both countries|the two countries|both governments|the two governments|both parties|the two neighbours|the two neighbors)$/i;

/** Passive hearsay: an attribution to an unnamed claimant. */
export const HEARSAY =
  /\b(?:is|are|was|were) (?:widely |also )?(rumou?red|thought|believed|said|reported|alleged|understood|suspected) to\b|\breportedly\b|\bit is (?:alleged|claimed|rumou?red|understood|believed) that\b/i;

/**
 * Words of blame. Strong ones make a statement an accusation whoever its subject is ("the other
 * side was responsible for"); weak ones only when the statement is about another actor.
 */
export const STRONG_BLAME =
  /\b(?:irresponsible|non-cooperative|to blame|blamed?|responsib\w+ for|fail(?:ed|s|ing)? to|not upheld|harbou?r(?:s|ed|ing)\b|shelter(?:ed|ing)\b|sponsor\w*|support\w* (?:for )?(?:terror|militan)\w*|sabotag\w+|refus\w+ to)/i;
export const BLAME_WORDS =
  /\b(?:violat\w+|breach\w*|attack\w*|aggression|aggressive|provocat\w+|interfer\w+|shift\w*|backed|hostile|terroris\w+|killed|targeted|shelled|lied|used [\w\s]{0,20}territory|without (?:demonstrating|showing|any))/i;

/** Words of a future act: a statement with them is a commitment ("will honour", "shall"). */
export const FUTURE =
  /\b(?:will|shall|won't|'ll|(?:is|are|was|were|remains?|remained) (?:fully )?committed to|intends? to|plans? to|would (?:continue|never|not allow|not permit|not tolerate|defend|respond|retaliate|honou?r|abide|protect|fight back))\b/i;

/** What a number counts, when it is a casualty or count figure. */
export const COUNT_WORDS =
  /\b(?:killed|dead|deaths?|died|fatalities|casualties|injur\w+|wounded|hurt|people|persons|civilians?|soldiers?|troops|fighters?|militants?|children|women|men|refugees|displaced|arrested|detained|captured|families|returnees|bodies|posts|villages|strikes|drones?|attacks)\b/;

export const PERSON_UNITS =
  /\b(?:killed|dead|deaths?|died|fatalities|casualties|injur\w+|wounded|hurt|people|persons|civilians?|soldiers?|troops|fighters?|militants?|children|women|men|refugees|displaced|arrested|detained|captured|families|returnees|bodies)\b/;

/** Clause breaks: a claim's excerpt ends before one, and a new clause may start after it. */
export const CLAUSE_BREAK =
  /(?:,\s+|\s+)(?:even as|even though|while|whereas|although|though|but|however|yet)\s+|;\s+|,\s+(?=without\b)/g;
