import { gql } from '../api';
import { clear, formatDate, formatDateTime, h, link, lower, markSpans, type Child } from '../dom';
import type { ViewContext } from '../main';
import { sourceHref } from '../routes';
import { CLAIM_ROW, type ActorRef, type ClaimRow, type Excerpt, type SourceRef } from '../types';
import {
  actorLink,
  claimCard,
  claimDate,
  empty,
  excerptQuote,
  joinLinks,
  kindBadge,
  loading,
  section,
  sourceLabel,
  statusBadge,
} from '../ui';

interface ClaimDetail extends ClaimRow {
  cue: string | null;
  quote: string | null;
  statedOnText: string | null;
  about: { id: string; name: string }[];
  figures: { value: number; unit: string | null; measure: string | null }[];
  evidence: (Excerpt & {
    start: number;
    end: number;
    source: SourceRef & { text: string };
    language: string | null;
    translationOf: { exact: string; language: string | null; source: SourceRef } | null;
    // Issue 12: an ORPHANED excerpt's words are not in the current text; candidates are offered.
    state: 'ANCHORED' | 'ORPHANED';
    snapshot: { position: number; at: string } | null;
    candidates: { exact: string; start: number; end: number; score: number }[];
  })[];
  anchoring: 'ANCHORED' | 'PARTLY_ORPHANED' | 'ORPHANED';
  corroboration: { sources: number; independentOrigins: number };
  provenance: {
    kind: string;
    actor: ActorRef | null;
    source: SourceRef | null;
    excerpt: { exact: string; start: number; end: number } | null;
  }[];
  deniedBy: ClaimRow[];
  denies: ClaimRow[];
  contradictedBy: ClaimRow[];
  retraction: { reason: string; at: string; by: string } | null;
  history: { at: string; by: string; role: string; operation: string; summary: string }[];
}

const CLAIM_QUERY = `query Claim($id: ID!) {
  claim(id: $id) {
    ${CLAIM_ROW}
    cue quote statedOnText
    about { id name }
    figures { value unit measure }
    anchoring
    evidence {
      exact prefix suffix start end language source { url title publishedAt publisher { id name } text }
      translationOf { exact language source { url title } }
      state snapshot { position at } candidates { exact start end score }
    }
    corroboration { sources independentOrigins }
    provenance { kind actor { id name } source { url title } excerpt { exact start end } }
    deniedBy { ${CLAIM_ROW} }
    denies { ${CLAIM_ROW} }
    contradictedBy { ${CLAIM_ROW} }
    retraction { reason at by }
    history { at by role operation summary }
  }
}`;

function facts(c: ClaimDetail): HTMLElement {
  const row = (term: string, ...value: Child[]) => [h('dt', {}, term), h('dd', {}, ...value)];
  return h(
    'dl',
    { class: 'facts' },
    row('Kind', kindBadge(c.kind)),
    row('Status', statusBadge(c.status)),
    row('Claimant', actorLink(c.claimant)),
    c.voice ? row('Voice', actorLink(c.voice)) : null,
    c.targets.length ? row('About', joinLinks(c.targets.map(actorLink))) : null,
    row(
      'Date',
      c.statedOn
        ? h('time', { datetime: c.statedOn }, formatDate(c.statedOn))
        : ['not stated; ', claimDate(c)],
      c.statedOnText ? ` (the source says “${c.statedOnText}”)` : null,
    ),
    // Issue 12: copies of one story (markCopy) count as one origin.
    row(
      'Reported by',
      `${plural(c.corroboration.sources, 'source')}, ${plural(c.corroboration.independentOrigins, 'independent origin')}`,
    ),
    c.cue ? row('Cue', `“${c.cue}”`) : null,
    c.quote ? row('Quote', h('q', {}, c.quote)) : null,
    c.about.length ? row('Events', c.about.map((e) => e.name).join('; ')) : null,
    c.figures.length
      ? row(
          'Figures',
          c.figures
            .map((f) => `${f.value}${f.unit ? ` ${f.unit}` : ''}${f.measure ? ` (${f.measure})` : ''}`)
            .join('; '),
        )
      : null,
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Issue 12: each translated excerpt beside the original words it translates. */
function translations(c: ClaimDetail): HTMLElement[] {
  return c.evidence.flatMap((e) => {
    const original = e.translationOf;
    if (!original) return [];
    const words = (exact: string, language: string | null, source: SourceRef, label: string) =>
      h(
        'figure',
        { class: 'translation-side' },
        h('figcaption', {}, `${label}${language ? ` (${language})` : ''}`),
        h('blockquote', { lang: language ?? undefined, dir: 'auto' }, h('mark', {}, exact)),
        h('footer', {}, '— ', link(sourceHref(source.url, c.id), source.title ?? source.url)),
      );
    return [
      h(
        'div',
        { class: 'side-by-side translation' },
        words(original.exact, original.language, original.source, 'Original words'),
        words(e.exact, e.language, e.source, 'Translation'),
      ),
    ];
  });
}

function provenance(c: ClaimDetail): HTMLElement {
  const step = (kind: string, ...body: Child[]) =>
    h('li', {}, h('span', { class: 'step-kind' }, lower(kind)), ' ', ...body);
  return h(
    'ol',
    { class: 'chain', 'aria-label': 'Provenance, from claimant to words' },
    c.provenance.map((p) => {
      if (p.actor) return step(p.kind, actorLink(p.actor));
      if (p.excerpt)
        return step(p.kind, h('q', {}, p.excerpt.exact), ` (characters ${p.excerpt.start}–${p.excerpt.end})`);
      if (p.source) return step(p.kind, link(sourceHref(p.source.url, c.id), p.source.title ?? p.source.url));
      return step(p.kind);
    }),
  );
}

/** The claim's source text, its own words marked (and scrolled to once drawn). */
function sourceTexts(c: ClaimDetail): HTMLElement[] {
  const bySource = new Map<
    string,
    { source: ClaimDetail['evidence'][number]['source']; spans: { start: number; end: number }[] }
  >();
  for (const e of c.evidence) {
    const entry = bySource.get(e.source.url) ?? { source: e.source, spans: [] };
    // An orphan's offsets point into an older text: marking them in this one would mark words the
    // claimant never said. It is shown beside the text instead (orphanNote).
    if (e.state !== 'ORPHANED') entry.spans.push({ start: e.start ?? 0, end: e.end ?? 0 });
    bySource.set(e.source.url, entry);
  }
  return [...bySource.values()].map(({ source, spans }) =>
    h(
      'figure',
      { class: 'source-text' },
      h(
        'figcaption',
        {},
        link(sourceHref(source.url, c.id), sourceLabel(source)),
        source.publishedAt ? ` · ${formatDate(source.publishedAt)}` : null,
      ),
      c.evidence.filter((e) => e.state === 'ORPHANED' && e.source.url === source.url).map(orphanNote),
      h(
        'div',
        { class: 'text', tabindex: 0, 'aria-label': `Text of ${source.title ?? source.url}` },
        markSpans(source.text, spans, (piece) => h('mark', { class: 'this-claim' }, piece)),
      ),
    ),
  );
}

/** An orphaned excerpt: its words, where they were, and the closest passages of the current text. */
function orphanNote(e: ClaimDetail['evidence'][number]): HTMLElement {
  return h(
    'div',
    { class: 'orphan', role: 'note' },
    h(
      'p',
      {},
      h('strong', {}, 'Orphaned: '),
      h('q', {}, e.exact),
      ' is no longer in the current text of this source',
      e.snapshot
        ? ` (it was at characters ${e.start}–${e.end} of version ${e.snapshot.position}, ${formatDateTime(e.snapshot.at)})`
        : '',
      '. An editor can accept one of the closest passages below.',
    ),
    e.candidates.length
      ? h(
          'ol',
          { class: 'candidates', 'aria-label': 'Closest passages in the current text' },
          e.candidates.map((k) =>
            h(
              'li',
              {},
              h('q', {}, k.exact),
              ` (characters ${k.start}–${k.end}, score ${Math.round(k.score * 100)}%)`,
            ),
          ),
        )
      : h('p', {}, 'No passage of the current text is close to these words.'),
  );
}

function history(c: ClaimDetail): HTMLElement {
  if (!c.history.length) return empty('No writes recorded.');
  return h(
    'table',
    { class: 'history' },
    h('caption', { class: 'visually-hidden' }, 'Every write that touched this claim, oldest first'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['When', 'Who', 'Role', 'What', 'Summary'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      c.history.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, h('time', { datetime: e.at }, formatDateTime(e.at))),
          h('td', {}, e.by),
          h('td', {}, e.role),
          h('td', {}, lower(e.operation.replace(/([a-z])([A-Z])/g, '$1 $2'))),
          h('td', {}, e.summary),
        ),
      ),
    ),
  );
}

export async function renderClaim(ctx: ViewContext): Promise<void> {
  const { root, route } = ctx;
  const id = route.arg ?? '';
  clear(root, loading('the claim'));
  const data = await gql<{ claim: ClaimDetail | null }>(CLAIM_QUERY, { id });
  if (!ctx.current()) return;
  const c = data.claim;
  if (!c) {
    document.title = 'No such claim · claimgraph explorer';
    clear(root, h('h1', {}, 'No such claim'), empty(`No claim has the id “${id}”.`));
    return;
  }
  document.title = `${c.content} · claimgraph explorer`;

  const against = h('div', { class: 'against' });
  const sideBySide = h(
    'div',
    { class: 'side-by-side' },
    h(
      'div',
      { class: 'this' },
      h('h3', {}, 'This claim'),
      h('p', { class: 'meta' }, kindBadge(c.kind), ' ', actorLink(c.claimant), ' · ', claimDate(c)),
      c.evidence.map(excerptQuote),
    ),
    against,
  );
  // Contradicting figures come with the claim (Claim.contradictedBy, every one of them): an
  // earlier version looked for them among the claimant's first 20 disputes, and a heavy
  // claimant's contradicted figure read as uncontradicted.
  clear(
    against,
    c.deniedBy.map((d) => claimCard(d, { heading: 'h3', label: 'Denied by' })),
    c.contradictedBy.map((d) => claimCard(d, { heading: 'h3', label: 'Contradicted by' })),
    c.denies.map((d) => claimCard(d, { heading: 'h3', label: 'This denial denies' })),
    !c.deniedBy.length && !c.denies.length && !c.contradictedBy.length
      ? empty('Nothing in the graph denies or contradicts this claim.')
      : null,
  );

  clear(
    root,
    h(
      'header',
      { class: 'view-header' },
      h('p', { class: 'crumb' }, 'Claim ', h('code', {}, c.id)),
      h('h1', {}, c.content),
      h(
        'p',
        { class: 'meta' },
        kindBadge(c.kind),
        ' ',
        statusBadge(c.status),
        ' ',
        c.anchoring !== 'ANCHORED'
          ? h(
              'span',
              { class: 'badge anchoring' },
              c.anchoring === 'ORPHANED' ? 'orphaned' : 'partly orphaned',
            )
          : null,
        c.anchoring !== 'ANCHORED' ? ' ' : null,
        actorLink(c.claimant),
      ),
    ),
    c.retraction
      ? h(
          'p',
          { class: 'retracted', role: 'note' },
          `Retracted by ${c.retraction.by} on ${formatDateTime(c.retraction.at)}: ${c.retraction.reason}`,
        )
      : null,
    section('Who, what, when', 'claim-facts', facts(c)),
    section('Beside what denies or contradicts it', 'claim-against', sideBySide),
    section('In its source', 'claim-source', sourceTexts(c)),
    c.evidence.some((e) => e.translationOf)
      ? section('Original and translation', 'claim-translation', translations(c))
      : null,
    section('Provenance', 'claim-provenance', provenance(c)),
    section('History', 'claim-history', history(c)),
    section(
      'Links and exports',
      'claim-links',
      h(
        'ul',
        { class: 'links' },
        h('li', {}, 'Actors: ', joinLinks(uniqueActors(c).map(actorLink))),
        h(
          'li',
          {},
          'Sources: ',
          joinLinks(
            [...new Map(c.evidence.map((e) => [e.source.url, e.source])).values()].map((s) =>
              link(sourceHref(s.url, c.id), sourceLabel(s)),
            ),
          ),
        ),
        h(
          'li',
          {},
          'Export: ',
          h(
            'a',
            { href: `/export/claims/${encodeURIComponent(c.id)}.jsonld`, download: `${c.id}.jsonld` },
            'this claim as JSON-LD',
          ),
          ' · ',
          h(
            'a',
            { href: `/export/graph.graphml?actors=${encodeURIComponent(c.claimant.id)}`, download: true },
            "the claimant's graph as GraphML",
          ),
          ' · ',
          h(
            'a',
            { href: `/export/graph.json?actors=${encodeURIComponent(c.claimant.id)}`, download: true },
            'as JSON',
          ),
        ),
      ),
    ),
  );
  root.querySelector('mark.this-claim')?.scrollIntoView({ block: 'center' });
}

function uniqueActors(c: ClaimDetail): ActorRef[] {
  const all = [c.claimant, c.voice, ...c.targets, ...c.provenance.map((p) => p.actor)].filter(
    (a): a is ActorRef => Boolean(a),
  );
  return [...new Map(all.map((a) => [a.id, a])).values()];
}
