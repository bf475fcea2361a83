/**
 * Rule-based attribution extraction: text + the graph's actors in, DRAFT claims out.
 *
 * The pipeline, per sentence (compromise finds the sentences, person names and number words):
 *   1. gazetteer: every mention of a known actor by name or alias, longest match first;
 *   2. clauses: a sentence splits at contrastive breaks (", even as", ", while", "; ", ", without");
 *   3. sieves, in order, each claiming the cue it uses: nominal cues ("reports from X of ..."),
 *      "according to X", reporting verbs with their subject before ("X said that ...") or after
 *      ("..., X said." / "..., said X"), participles that add a claim of another kind (", vowing
 *      ..."), and passive hearsay ("is rumoured to");
 *   4. the speaker: a known person (its roles give the body it speaks for or serves in), a body,
 *      "both sides", a pronoun (the last compatible speaker), an unnamed source (a placeholder,
 *      one per kind of source in a text), or an unknown name (proposed, never merged);
 *   5. the kind: the cue's kind, refined by the content (numbers that count → FIGURE, "will" →
 *      COMMITMENT, blame words about another actor → ACCUSATION, "baseless" → DENIAL);
 *   6. one content with two propositions ("that while A, B", "A and will B", two figure groups)
 *      gives a record for the first and one for the whole, as annotators count them.
 * Offsets are worked out on the text as UTF-16 and returned as code points.
 */
import nlp from 'compromise';
import type { ClaimKind } from '../data/types';
import { resolveDate } from './dates';
import { parseFigures } from './figures';
import {
  AUXILIARIES,
  BLAME_WORDS,
  BOTH_SIDES,
  DETERMINER_BEFORE,
  PUT_AT,
  STRONG_BLAME,
  TITLE_WORDS,
  COUNT_WORDS,
  FUTURE,
  HEARSAY,
  NEGATED_BEFORE,
  NEEDS_OBJECT_FRAME,
  PRONOUNS,
  ROLE_HEADS,
  UNNAMED_HEADS,
  VERB_CUES,
} from './lexicon';
import { EXTRACTOR_VERSION, type Draft, type DraftActor, type Gazetteer, type GazetteerActor } from './types';

const DENY_WORDS =
  /\b(?:baseless|unfounded|groundless|untrue|false|fabricated|invented|made up|lies|propaganda|nothing to do with|not involved|no truth|no basis|misleading|rejected|denied)\b/i;
const DENIED_OBJECT =
  /\b(?:claims?|accusations?|allegations?|reports?|charges?|numbers|figures|account|version|it|this|that)\b/i;
const PARTY_KINDS = new Set(['GOVERNMENT', 'STATE', 'ARMED_GROUP', 'ARMED_FORCES']);
const KIND_RANK: Record<ClaimKind, number> = {
  STATEMENT: 0,
  FIGURE: 1,
  DENIAL: 2,
  ACCUSATION: 3,
  COMMITMENT: 4,
};

interface Mention {
  start: number;
  end: number;
  actor: GazetteerActor;
}

interface Speaker {
  claimants: DraftActor[];
  voice: DraftActor | null;
  mention: string;
  /** person: he/she can refer to it; body: it; plural: they. */
  sort: 'person' | 'body' | 'plural';
  confidence: number;
  sieve: string;
}

interface Segment {
  start: number;
  end: number;
}

/** Normalises typographic quotes one code unit for one, so offsets survive. */
function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ');
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

class ActorIndex {
  private readonly surfaces: Array<{ text: string; lower: boolean; actor: GazetteerActor }> = [];
  readonly byId = new Map<string, GazetteerActor>();
  readonly bodiesOf = new Map<string, string[]>();

  constructor(gazetteer: Gazetteer) {
    for (const a of gazetteer.actors) {
      this.byId.set(a.id, a);
      for (const s of new Set([a.name, ...a.aliases])) this.add(s, a);
      // People are named by surname after the first mention ("Tarar said").
      if (a.kind === 'PERSON') {
        const last = a.name.split(/\s+/).pop();
        if (last && last.length >= 4 && last !== a.name) this.add(last, a);
      }
    }
    for (const r of gazetteer.roles) {
      if (r.relation !== 'SPEAKS_FOR' && r.relation !== 'SERVES_IN') continue;
      this.bodiesOf.set(r.actor, [...(this.bodiesOf.get(r.actor) ?? []), r.of]);
    }
    this.sort();
  }

  add(surface: string, actor: GazetteerActor): void {
    const text = normalise(surface.trim());
    if (text.length < 2) return;
    if (this.surfaces.some((s) => s.text === text)) return;
    this.surfaces.push({ text, lower: text === text.toLowerCase(), actor });
  }

  sort(): void {
    this.surfaces.sort((a, b) => b.text.length - a.text.length);
  }

  /** Every mention in text[from, to), longest first, never overlapping. */
  find(text: string, from: number, to: number): Mention[] {
    const hay = text.slice(from, to);
    const lowerHay = hay.toLowerCase();
    const taken: Mention[] = [];
    for (const s of this.surfaces) {
      const h = s.lower ? lowerHay : hay;
      for (let i = h.indexOf(s.text); i >= 0; i = h.indexOf(s.text, i + 1)) {
        const start = from + i;
        const end = start + s.text.length;
        if (isWordChar(text[start - 1]) || isWordChar(text[end])) continue;
        if (taken.some((m) => start < m.end && m.start < end)) continue;
        taken.push({ start, end, actor: s.actor });
      }
    }
    return taken.sort((a, b) => a.start - b.start);
  }
}

const capitalise = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** `claimgraph-rules/<version>:<sieve>`, for a maintainer to find the rule behind a draft. */
const extractorName = (sieve: string) => `claimgraph-rules/${EXTRACTOR_VERSION}:${sieve}`;

export interface ExtractOptions {
  /** The source's publication date (YYYY-MM-DD): relative dates resolve against it. */
  publishedAt?: string | null;
}

/** Extracts draft attributions from `text`. Pure and deterministic. */
export function extractDrafts(original: string, gazetteer: Gazetteer, options: ExtractOptions = {}): Draft[] {
  const text = normalise(original);
  const index = new ActorIndex(gazetteer);
  const drafts: Draft[] = [];
  const history: Speaker[] = [];
  const partyHistory: string[] = [];
  const placeholders = new Map<string, DraftActor>();
  const proposedPeople = new Map<string, DraftActor>();
  /** The body a proposed person was first named with ("Hamdullah Fitrat, the Taliban's spokesman"). */
  const proposedBody = new Map<string, string>();

  // UTF-16 index → code point index.
  const cp: number[] = new Array<number>(text.length + 1);
  for (let i = 0, n = 0; i <= text.length; i++) {
    cp[i] = n;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff)) n++;
  }

  const placeholder = (phrase: string, sort: 'OTHER' | 'PERSON', named = false): DraftActor => {
    const clean = phrase
      .replace(/^(?:a|an|the|some|several|two|three|four|many|other|unnamed|anonymous)\s+/gi, '')
      .replace(/^(?:a|an|the|some|several|two|three|four|many|other|unnamed|anonymous)\s+/gi, '')
      .trim();
    const key = named
      ? `person:${clean.toLowerCase()}`
      : `unnamed:${clean
          .toLowerCase()
          .replace(/(\w)s\b/g, '$1')
          .replace(/\s+/g, ' ')}`;
    const map = named ? proposedPeople : placeholders;
    const found = map.get(key);
    if (found) return found;
    // "The officials said" after "Pakistani security officials said": a definite bare head
    // refers back to the last unnamed source with that head.
    if (!named && /^the\s+\w+$/i.test(phrase.trim())) {
      const head = key
        .replace(/^unnamed:/, '')
        .split(' ')
        .pop()!;
      const prior = [...placeholders.values()]
        .reverse()
        .find((p) => p.type === 'placeholder' && p.key.endsWith(` ${head}`));
      if (prior) return prior;
    }
    const actor: DraftActor = {
      type: 'placeholder',
      key,
      name: named
        ? clean
        : `unnamed ${clean.replace(/^(\w)/, (c) => (/[A-Z]/.test(c) ? c : c.toLowerCase()))}`,
      kind: sort,
    };
    map.set(key, actor);
    return actor;
  };

  const sameSide = (a: DraftActor, id: string): boolean =>
    a.type === 'actor' && (a.id === id || (index.bodiesOf.get(a.id) ?? []).includes(id));

  /** Who a subject phrase text[from, to) names. */
  const resolveSubject = (from: number, to: number, mentions: Mention[], sieve: string): Speaker | null => {
    let phrase = text.slice(from, to);
    // Trailing auxiliaries and adverbs are not part of the subject ("The Taliban has publicly").
    let words = phrase.trimEnd().split(/\s+/);
    while (
      words.length > 1 &&
      (AUXILIARIES.has(words[words.length - 1]!.toLowerCase()) || /^\w+ly$/i.test(words[words.length - 1]!))
    ) {
      words = words.slice(0, -1);
    }
    phrase = words.join(' ');
    const stripped = phrase.replace(/^[\s,"(]+|[\s,")]+$/g, '');
    const inZone = mentions.filter((m) => m.start >= from && m.end <= to);
    const lower = stripped.toLowerCase().replace(/^(?:and|but|then|so)\s+/, '');

    if (BOTH_SIDES.test(lower)) {
      const parties = [...new Set(partyHistory.slice().reverse())].slice(0, 2);
      if (parties.length === 2) {
        return {
          claimants: parties.map((id) => ({ type: 'actor', id })),
          voice: null,
          mention: stripped,
          sort: 'plural',
          confidence: 0.6,
          sieve: `${sieve}+both-sides`,
        };
      }
      return null;
    }
    // "Its refugee ministry said": a possessive stands for the last compatible speaker too.
    const possessive = /^(its|their|his|her)\s+[\w\s-]{2,40}$/.exec(lower);
    const pronoun =
      PRONOUNS[lower] ??
      (possessive
        ? ({ its: 'body', their: 'plural', his: 'person', her: 'person' } as const)[possessive[1] as 'its']
        : undefined);
    if (pronoun) {
      const prior = [...history]
        .reverse()
        .find((h) => h.sort === pronoun || (pronoun === 'plural' && h.sort === 'body'));
      if (!prior) return null;
      return { ...prior, mention: stripped, confidence: 0.65, sieve: `${sieve}+pronoun` };
    }
    if (stripped.split(/\s+/).length > 14) return null;

    const person = inZone.find((m) => m.actor.kind === 'PERSON');
    const bodies = inZone.filter((m) => m.actor.kind !== 'PERSON' && m.actor.kind !== 'MEDIA');
    if (person) {
      const served = index.bodiesOf.get(person.actor.id) ?? [];
      const named = bodies.find((b) => served.includes(b.actor.id)) ?? bodies[0];
      const claimant = served[0] ?? named?.actor.id ?? person.actor.id;
      const isBody = claimant !== person.actor.id;
      return {
        claimants: [{ type: 'actor', id: claimant }],
        voice: isBody ? { type: 'actor', id: person.actor.id } : null,
        mention: stripped,
        sort: 'person',
        confidence: 0.85,
        sieve,
      };
    }
    // An unnamed source: a placeholder, qualified by the words the text uses for it.
    const beforeComma = stripped.split(',')[0]!.trim();
    const unnamed = UNNAMED_HEADS.exec(beforeComma);
    const headPart = beforeComma.split(
      /\s+(?:at|in|from|of|with|on|for|linked|familiar|close|based|near)\s+/,
    )[0]!;
    if (
      unnamed &&
      !properName(headPart) &&
      !/^(?:spokes|minister)/i.test(beforeComma.split(/\s+/).pop() ?? '')
    ) {
      const plural = /s$/i.test(unnamed[1]!) || /^(?:police|people)/i.test(unnamed[1]!);
      return {
        claimants: [placeholder(beforeComma, 'OTHER')],
        voice: null,
        mention: stripped,
        sort: plural ? 'plural' : 'body',
        confidence: 0.6,
        sieve: `${sieve}+unnamed`,
      };
    }
    // A name the graph does not know: proposed as a new person, never merged with a lookalike.
    const proper = properName(stripped);
    const known = [...proposedPeople.values()].find(
      (p) =>
        p.type === 'placeholder' &&
        new RegExp(`\\b${escapeRe(stripped.split(',')[0]!.trim())}\\b`).test(p.name),
    );
    if (bodies.length > 0) {
      const coordinated =
        bodies.length >= 2 &&
        /\s(?:and|&)\s/.test(text.slice(bodies[0]!.end, bodies[1]!.start)) &&
        bodies[1]!.start - bodies[0]!.end <= 12;
      const joint = coordinated && /\bjoint(?:ly)?\b/i.test(text.slice(Math.max(0, from - 60), to + 120));
      const voice =
        proper && !bodies.some((b) => b.start <= from + 1) ? placeholder(proper, 'PERSON', true) : null;
      if (voice?.type === 'placeholder') proposedBody.set(voice.key, bodies[0]!.actor.id);
      const personal =
        /\b(?:spokes(?:man|woman|person)|minister|secretary|ambassador|envoy|president|premier|chief|commander|leader)\b/i.test(
          stripped,
        );
      const claimants: DraftActor[] =
        coordinated && !joint
          ? bodies.slice(0, 2).map((b) => ({ type: 'actor', id: b.actor.id }))
          : [{ type: 'actor', id: bodies[0]!.actor.id }];
      return {
        claimants,
        voice,
        mention: stripped,
        sort: voice || personal ? 'person' : coordinated ? 'plural' : 'body',
        confidence: ROLE_HEADS.test(stripped) ? 0.8 : 0.75,
        sieve: voice ? `${sieve}+proposed-voice` : sieve,
      };
    }
    if (known && known.type === 'placeholder') {
      const body = proposedBody.get(known.key);
      return {
        claimants: [body ? { type: 'actor', id: body } : known],
        voice: body ? known : null,
        mention: stripped,
        sort: 'person',
        confidence: 0.6,
        sieve: `${sieve}+proposed`,
      };
    }
    if (proper) {
      return {
        claimants: [placeholder(proper, 'PERSON', true)],
        voice: null,
        mention: stripped,
        sort: 'person',
        confidence: 0.55,
        sieve: `${sieve}+proposed`,
      };
    }
    return null;
  };

  const emit = (
    speaker: Speaker,
    baseKind: ClaimKind,
    cue: string,
    span: Segment,
    content: Segment,
    mentions: Mention[],
    sentence: Segment,
  ) => {
    history.push(speaker);
    let end = span.end;
    while (end > span.start && /[\s.,;:]/.test(text[end - 1]!)) end--;
    let start = span.start;
    while (start < end && /[\s,]/.test(text[start]!)) start++;
    if (end - start < 8) return;
    const thatClause = /^\s*that\s/i.test(text.slice(content.start, content.end));
    const contentText = text
      .slice(content.start, Math.min(content.end, end))
      .trim()
      .replace(/^that\s+/i, '');
    const inContent = mentions.filter((m) => m.start >= content.start && m.end <= Math.min(content.end, end));
    for (const claimant of speaker.claimants) {
      const kind = refineKind(baseKind, contentText, inContent, claimant, cue);
      const targets = [
        ...new Set(
          inContent
            .filter((m) => m.actor.kind !== 'MEDIA' && !sameSide(claimant, m.actor.id))
            .filter((m) => !(speaker.voice?.type === 'actor' && speaker.voice.id === m.actor.id))
            .map((m) => m.actor.id),
        ),
      ].slice(0, 3);
      const exact = original.slice(start, end);
      const quoteMatch = /"([^"]{3,})"/.exec(text.slice(start, end));
      const date = resolveDate(text.slice(sentence.start, sentence.end), options.publishedAt ?? null);
      const figures = kind === 'FIGURE' ? parseFigures(contentText) : [];
      if (kind === 'FIGURE' && figures.length === 0) continue;
      const confidence = Math.round(speaker.confidence * (kind === baseKind ? 1 : 0.9) * 100) / 100;
      const draft: Draft = {
        kind,
        claimant,
        mention: speaker.mention,
        voice: speaker.voice,
        targets,
        // A "that"-clause is the proposition itself; otherwise the excerpt says it best. The
        // reviewer writes the neutral paraphrase.
        content:
          thatClause && contentText.split(/\s+/).length >= 3
            ? `${capitalise(contentText.replace(/[\s.,;:"]+$/, ''))}.`
            : `${original.slice(start, end).replace(/[\s.,;:]+$/, '')}.`,
        cue,
        // Taken from the original text by offset: the quoted words exactly as the source has them.
        quote: quoteMatch
          ? original
              .slice(start + quoteMatch.index + 1, start + quoteMatch.index + 1 + quoteMatch[1]!.length)
              .replace(/[,.;:]+$/, '')
              .trim()
          : null,
        statedOn: date?.date ?? null,
        statedOnText: date?.text ?? null,
        figures,
        start: cp[start]!,
        end: cp[end]!,
        exact,
        confidence,
        extractor: extractorName(speaker.sieve),
      };
      const dup = drafts.find(
        (d) =>
          d.kind === draft.kind &&
          d.start === draft.start &&
          d.end === draft.end &&
          sameActor(d.claimant, claimant),
      );
      if (!dup) drafts.push(draft);
    }
  };

  /** One content with two propositions gives two records: the first part alone, then the whole. */
  const emitWithSplits = (
    speaker: Speaker,
    kind: ClaimKind,
    cue: string,
    span: Segment,
    content: Segment,
    mentions: Mention[],
    sentence: Segment,
  ) => {
    const body = text.slice(content.start, span.end);
    const concessive = /^\s*(?:that\s+)?(?:while|although|though)\s+[^,]+,\s+/i.exec(body);
    const future = /\s+and\s+(?:will|would|shall)\s+/i.exec(body);
    const figureSplit = /,\s+(?:alongside|in addition to|as well as|plus|besides)\s+/i.exec(body);
    const split = concessive
      ? content.start + concessive[0].replace(/,\s+$/, '').length
      : future
        ? content.start + future.index
        : figureSplit &&
            COUNT_WORDS.test(body.slice(0, figureSplit.index)) &&
            COUNT_WORDS.test(body.slice(figureSplit.index))
          ? content.start + figureSplit.index
          : null;
    if (split !== null && split > content.start + 5) {
      emit(speaker, kind, cue, { start: span.start, end: split }, content, mentions, sentence);
      history.pop();
      const rest =
        figureSplit && split === content.start + figureSplit.index
          ? { start: split, end: span.end }
          : content;
      emit(speaker, kind, cue, span, rest, mentions, sentence);
      return;
    }
    emit(speaker, kind, cue, span, content, mentions, sentence);
  };

  const paragraphs = [...text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)];
  for (const p of paragraphs) {
    const para = p[0];
    const pStart = p.index;
    // Headlines and datelines (no sentence-final punctuation) carry no attributions to score.
    if (!/[.!?"']\s*$/.test(para.trim())) {
      for (const m of index.find(text, pStart, pStart + para.length))
        if (PARTY_KINDS.has(m.actor.kind)) partyHistory.push(m.actor.id);
      continue;
    }
    for (const sentence of sentences(para, pStart)) {
      const mentions = index.find(text, sentence.start, sentence.end);
      processSentence(sentence, mentions);
      for (const m of mentions) if (PARTY_KINDS.has(m.actor.kind)) partyHistory.push(m.actor.id);
    }
  }

  function processSentence(sentence: Segment, mentions: Mention[]) {
    const used = new Set<number>();
    for (const seg of clauses(sentence)) {
      let found = false;
      const s = text.slice(seg.start, seg.end);

      // Nominal cues: "reports from X of ...", "a statement from X that ...".
      for (const m of s.matchAll(
        /\b(reports?|statements?|claims?|accounts?)\s+(?:from|by|issued by)\s+(.{2,60}?)\s+(?:of|that|saying)\s+/gi,
      )) {
        const subj = seg.start + m.index + m[0].indexOf(m[2]!);
        const speaker = resolveSubject(subj, subj + m[2]!.length, mentions, 'nominal');
        if (!speaker) continue;
        const kind = /^report/i.test(m[1]!) ? 'STATEMENT' : 'STATEMENT';
        emitWithSplits(
          speaker,
          kind,
          m[1]!,
          { start: seg.start + m.index, end: seg.end },
          { start: seg.start + m.index + m[0].length, end: seg.end },
          mentions,
          sentence,
        );
        used.add(seg.start + m.index);
        found = true;
      }
      if (found) continue;

      // "according to X, ..." / "..., according to X."
      const acc = /\baccording to\s+([^,.;]+)/i.exec(s);
      if (acc) {
        const subj = seg.start + acc.index + acc[0].indexOf(acc[1]!);
        const speaker = resolveSubject(subj, subj + acc[1]!.length, mentions, 'according-to');
        if (speaker) {
          const atStart = acc.index < 3;
          const content = atStart
            ? { start: subj + acc[1]!.length, end: seg.end }
            : { start: seg.start, end: seg.start + acc.index };
          emitWithSplits(speaker, 'STATEMENT', 'according to', seg, content, mentions, sentence);
          continue;
        }
      }

      // Reporting verbs.
      const cues: Array<{ at: number; form: string; kind: ClaimKind; base: string }> = [];
      for (const w of s.matchAll(/[A-Za-z]+/g)) {
        const cue = VERB_CUES.get(w[0].toLowerCase());
        if (!cue) continue;
        const at = seg.start + w.index;
        if (used.has(at)) continue;
        if (
          NEEDS_OBJECT_FRAME.has(cue.base) &&
          !/^\s+(?:that|on|for|to)\b/i.test(text.slice(at + w[0].length, at + w[0].length + 6))
        )
          continue;
        if (cue.base === 'put' && !PUT_AT.test(text.slice(at + w[0].length, at + w[0].length + 60))) continue;
        if (DETERMINER_BEFORE.test(text.slice(Math.max(seg.start, at - 8), at))) continue;
        cues.push({ at, form: w[0], kind: cue.kind, base: cue.base });
      }
      // A participle adding a claim of another kind to the same speaker (", vowing not to ...")
      // ends the main claim; coordinated participles ("asserting ... and vowing ...") are one
      // claim, of the strongest kind.
      const participleAfter = (i: number, mainKind: ClaimKind) => {
        for (let j = i + 1; j < cues.length; j++) {
          const c = cues[j]!;
          if (!/ing$/i.test(c.form)) continue;
          const lead = /,\s+(?:\w+ly\s+)?$/.exec(text.slice(seg.start, c.at));
          if (!lead || KIND_RANK[c.kind] === KIND_RANK[mainKind]) continue;
          let kind = c.kind;
          let form = c.form;
          for (const next of cues.slice(j + 1)) {
            if (
              /\s+and\s+$/i.test(text.slice(seg.start, next.at)) &&
              /ing$/i.test(next.form) &&
              KIND_RANK[next.kind] > KIND_RANK[kind]
            ) {
              kind = next.kind;
              form = next.form;
            }
          }
          return {
            mainEnd: seg.start + lead.index,
            from: seg.start + lead.index,
            cueEnd: c.at + c.form.length,
            kind,
            form,
          };
        }
        return null;
      };
      // "X accused Y of ... and said ...": a second cue coordinated with the first, same subject.
      const coordinatedAfter = (i: number) => {
        for (let j = i + 1; j < cues.length; j++) {
          const c = cues[j]!;
          if (/ing$/i.test(c.form)) continue;
          const lead = /,?\s+and\s+(?:\w+ly\s+|also\s+|later\s+)?$/.exec(text.slice(seg.start, c.at));
          if (!lead) continue;
          if ((text.slice(seg.start, c.at).match(/"/g) ?? []).length % 2 === 1) continue; // inside a quote
          return {
            mainEnd: seg.start + lead.index,
            from: seg.start + lead.index + lead[0].indexOf('and') + 3,
            cueEnd: c.at + c.form.length,
            kind: c.kind,
            form: c.form,
          };
        }
        return null;
      };
      let done = false;
      for (let i = 0; i < cues.length && !done; i++) {
        const cue = cues[i]!;
        const before = text.slice(seg.start, cue.at);
        if (NEGATED_BEFORE.test(before)) continue;
        const after = text.slice(cue.at + cue.form.length, seg.end);
        if (/ing$/i.test(cue.form) && /,\s+(?:\w+ly\s+)?$/.test(before)) continue;

        // "..., X said." / "..., said X." / '"...," X said.': the speaker after the content.
        // The tail after an inverted cue may carry a subordinate clause (", as Islamabad pressed ...").
        const tail =
          /^\s*([^,.;"]{0,80}?)\s*(?:[.,]?\s*$|,\s+(?=(?:as|while|after|before|when|adding|citing|amid|despite)\b))/.exec(
            after,
          );
        const inverted = /(?:,|,"|")\s*([^,"]{0,80})$/.exec(before);
        const shortTail = tail !== null && tail[1]!.split(/\s+/).length <= 9 && !/\bthat\b/i.test(tail[1]!);
        const contentBefore = inverted ? before.slice(0, inverted.index).split(/\s+/).length >= 3 : false;
        if (
          inverted &&
          shortTail &&
          contentBefore &&
          inverted[1]!.split(/\s+/).length <= 10 &&
          !/^\s*(?:which|who|that|whom)\b/i.test(inverted[1]!) &&
          (inverted[1]!.trim().length > 0 ||
            /^(?:say|tell|add|state|write|post|claim|insist|note|warn|explain|confirm|report)$/.test(
              cue.base,
            ))
        ) {
          const subj = seg.start + before.length - inverted[1]!.length;
          const speaker =
            inverted[1]!.trim().length > 0
              ? resolveSubject(subj, cue.at, mentions, 'verb-after')
              : resolveSubject(cue.at + cue.form.length, seg.end, mentions, 'verb-before-speaker');
          if (speaker) {
            emitWithSplits(
              speaker,
              cue.kind,
              cue.form,
              { start: seg.start, end: Math.min(seg.end, cue.at + cue.form.length + tail![0].length) },
              { start: seg.start, end: seg.start + inverted.index },
              mentions,
              sentence,
            );
            done = true;
            continue;
          }
        }
        // "X said that ...": the subject before the cue.
        let subjStart = seg.start;
        let spanStart = seg.start;
        const rel = /^(.*),\s+(?:which|that|whom)\s+(?!.*,)/.exec(before);
        if (rel) {
          subjStart = seg.start + rel[0].length;
          spanStart = nounPhraseStart(seg.start, seg.start + rel[1]!.length);
        } else {
          const andClause = /^(.*)(?:,\s+and|;)\s+/.exec(before);
          if (andClause) {
            subjStart = seg.start + andClause[0].length;
            spanStart = subjStart;
          } else if (!/,\s*$/.test(before) && /,\s/.test(before)) {
            // "On Friday, Pakistan said": the subject is after the last comma (not so for an
            // apposition closed right before the cue: "Mujahid, the spokesman, said").
            const lastComma = before.lastIndexOf(', ');
            const head = before.slice(0, lastComma);
            if (
              !index.find(text, seg.start, seg.start + head.length).length ||
              /^(?:on|in|at|after|before|late|earlier|separately|meanwhile|however|speaking)\b/i.test(
                head.trim(),
              )
            ) {
              subjStart = seg.start + lastComma + 2;
              spanStart = subjStart;
            }
          }
        }
        const speaker = resolveSubject(subjStart, cue.at, mentions, 'verb');
        if (!speaker) continue;
        const part = participleAfter(i, cue.kind) ?? coordinatedAfter(i);
        const mainEnd = part ? part.mainEnd : seg.end;
        emitWithSplits(
          speaker,
          cue.kind,
          cue.form,
          { start: spanStart, end: mainEnd },
          { start: cue.at + cue.form.length, end: mainEnd },
          mentions,
          sentence,
        );
        if (part) {
          emitWithSplits(
            { ...speaker, sieve: 'participle' },
            part.kind,
            part.form,
            { start: part.from, end: seg.end },
            { start: part.cueEnd, end: seg.end },
            mentions,
            sentence,
          );
        }
        done = true;
        found = true;
      }
      if (done || found) continue;

      // Passive hearsay: "X is rumoured to ...", "reportedly".
      const hear = HEARSAY.exec(s);
      if (hear) {
        const speaker: Speaker = {
          claimants: [placeholder('sources (hearsay)', 'OTHER')],
          voice: null,
          mention: hear[0],
          sort: 'plural',
          confidence: 0.45,
          sieve: 'hearsay',
        };
        emitWithSplits(speaker, 'STATEMENT', hear[0].trim(), seg, seg, mentions, sentence);
      }
    }
  }

  /** Where the noun phrase ending at `to` begins (for "recent explosions in Kabul, which X blames"). */
  function nounPhraseStart(from: number, to: number): number {
    const chunk = text.slice(from, to);
    const m =
      /(?:^|,\s+|\s+(?:and|or|to|by|of|that|with|for)\s+)((?:(?!\s+(?:and|or|to|by|of|that|with|for)\s+)[^,])*)$/.exec(
        chunk,
      );
    return m ? from + chunk.length - m[1]!.length : from;
  }

  function clauses(sentence: Segment): Segment[] {
    const s = text.slice(sentence.start, sentence.end);
    const out: Segment[] = [];
    let start = 0;
    // A leading subordinate clause ("While X has not responded, Islamabad confirmed ...").
    const lead = /^(?:While|Although|Though|Even as|Even though|Despite|Whereas)\b[^,]*,\s+/.exec(s);
    if (lead) start = lead[0].length;
    const re = /,\s+(?:even as|even though|while|whereas|although|though|but|however|yet|without)\s+|;\s+/gi;
    for (const m of s.matchAll(re)) {
      if (m.index < start) continue;
      out.push({ start: sentence.start + start, end: sentence.start + m.index });
      const opener = /without/i.test(m[0]) ? m[0].length : m[0].length;
      start = m.index + opener;
    }
    out.push({ start: sentence.start + start, end: sentence.end });
    return out.filter((c) => c.end - c.start > 3);
  }

  return drafts.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));

  // Helpers that need no closure state.
  function properName(phrase: string): string | null {
    const first = phrase.split(',')[0]!.trim().replace(TITLE_WORDS, '');
    const m =
      /^(?:(?:Mr|Mrs|Ms|Dr|Gen|General|Maj|Colonel|Col|Lt)\.?\s+)?((?:[A-Z][\p{L}'-]+\s+){0,3}[A-Z][\p{L}'-]+)$/u.exec(
        first,
      );
    if (!m) return null;
    const name = m[1]!;
    if (/^(?:The|A|An|This|That|It|He|She|They|We|I)\b/.test(name)) return null;
    if (name.split(/\s+/).length < 2 && nlp(first).people().length === 0) return null;
    return name;
  }
}

function refineKind(
  base: ClaimKind,
  content: string,
  mentions: Mention[],
  claimant: DraftActor,
  cue = '',
): ClaimKind {
  if (base === 'FIGURE') return 'FIGURE';
  if (base === 'STATEMENT' && parseFigures(content).length > 0) return 'FIGURE';
  if (base !== 'STATEMENT') return base;
  const firstClause = content.split(/,\s+(?:and|but)\s+/)[0]!;
  if (DENY_WORDS.test(firstClause) && DENIED_OBJECT.test(firstClause)) return 'DENIAL';
  // A warning of what the speaker would do is a threat: a commitment.
  if (/^(?:warn|threaten|vow|pledge|promise)/i.test(cue) && /\b(?:would|will)\b/i.test(firstClause))
    return 'COMMITMENT';
  if (FUTURE.test(firstClause)) return 'COMMITMENT';
  const subject = mentions[0];
  const aboutOther =
    subject !== undefined && !(claimant.type === 'actor' && claimant.id === subject.actor.id);
  if (STRONG_BLAME.test(content) && (aboutOther || subject === undefined)) return 'ACCUSATION';
  if (BLAME_WORDS.test(content) && aboutOther) return 'ACCUSATION';
  return 'STATEMENT';
}

function sameActor(a: DraftActor, b: DraftActor): boolean {
  if (a.type === 'actor' && b.type === 'actor') return a.id === b.id;
  if (a.type === 'placeholder' && b.type === 'placeholder') return a.key === b.key;
  return false;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sentences of a paragraph (compromise's splitter: it knows "U.N." and "Mr." are not ends). */
function sentences(para: string, offset: number): Segment[] {
  const out: Segment[] = [];
  const json = nlp.tokenize(para).json({ offset: true }) as Array<{
    text: string;
    offset: { start: number; length: number };
  }>;
  let cursor = 0;
  for (const s of json) {
    let start = para.indexOf(s.text.trim().slice(0, 12), Math.max(cursor, s.offset.start - 5));
    if (start < 0) start = s.offset.start;
    const end = Math.min(para.length, start + s.text.trim().length);
    // compromise keeps a sentence ending inside a closing quote ('aggression." The') joined to
    // the next one; split there too.
    let from = start;
    for (const m of para.slice(start, end).matchAll(/[.!?]["']\s+(?=["']?[A-Z])/g)) {
      const cut = start + m.index + 2;
      out.push({ start: offset + from, end: offset + cut });
      from = cut + m[0].length - 2;
    }
    out.push({ start: offset + from, end: offset + end });
    cursor = end;
  }
  return out;
}
