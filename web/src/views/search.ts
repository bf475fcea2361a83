import { gql } from '../api';
import { clear, guillemetMarks, h, link } from '../dom';
import type { ViewContext } from '../main';
import { claimHref, searchHref, sourceHref } from '../routes';
import { CLAIM_ROW, type ActorRef, type ClaimRow, type Connection } from '../types';
import { actorLink, claimDate, empty, errorBox, kindBadge, loading, sourceLabel, statusBadge } from '../ui';

const KINDS = ['ACCUSATION', 'DENIAL', 'STATEMENT', 'COMMITMENT', 'FIGURE'];
const STATUSES = ['UNCONTESTED', 'DISPUTED', 'RETRACTED'];
const FILTERS = ['kind', 'claimant', 'target', 'from', 'to', 'status'] as const;
const PAGE = 50;
/** searchClaims has no cursor; its `first` is capped at 100 by the server. */
const SEARCH_CAP = 100;

interface Hit {
  score: number;
  highlights: string[];
  claim: ClaimRow;
}

function field(label: string, control: HTMLElement): HTMLElement {
  // Label by id, not by wrapping: a wrapped <select> would lend its option text to the name.
  const id = `filter-${control.getAttribute('name') ?? label}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function select(name: string, options: string[], value: string | null, any: string): HTMLSelectElement {
  const el = h(
    'select',
    { name },
    h('option', { value: '' }, any),
    options.map((o) => h('option', { value: o, selected: o === value }, o.toLowerCase())),
  );
  return el;
}

function buildForm(params: URLSearchParams): HTMLFormElement {
  const form = h(
    'form',
    { id: 'search-form', role: 'search', 'aria-label': 'Claims' },
    h(
      'div',
      { class: 'search-line' },
      h('input', {
        type: 'search',
        name: 'q',
        'aria-label': 'Search claims',
        placeholder: 'Words in a claim or its source: harbouring, ceasefire, "Doha commitments"…',
        value: params.get('q') ?? '',
        autocomplete: 'off',
      }),
      h('button', { type: 'submit' }, 'Search'),
    ),
    h(
      'fieldset',
      { class: 'filters' },
      h('legend', {}, 'Filters'),
      field('Kind', select('kind', KINDS, params.get('kind'), 'any kind')),
      field(
        'Claimant',
        h('input', { name: 'claimant', value: params.get('claimant') ?? '', placeholder: 'e.g. Islamabad' }),
      ),
      field(
        'Target',
        h('input', { name: 'target', value: params.get('target') ?? '', placeholder: 'e.g. TTP' }),
      ),
      field('Stated from', h('input', { type: 'date', name: 'from', value: params.get('from') ?? '' })),
      field('Stated to', h('input', { type: 'date', name: 'to', value: params.get('to') ?? '' })),
      field('Status', select('status', STATUSES, params.get('status'), 'any status')),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const name of ['q', ...FILTERS]) {
      const v = String(data.get(name) ?? '').trim();
      if (v) next[name] = v;
    }
    location.hash = searchHref(next);
  });
  return form;
}

function resultItem(c: ClaimRow, highlights: string[]): HTMLElement {
  const source = c.evidence[0]?.source;
  return h(
    'li',
    {},
    h(
      'article',
      { class: `result kind-${c.kind.toLowerCase()}`, 'data-claim': c.id },
      h('h3', {}, link(claimHref(c.id), c.content)),
      h(
        'p',
        { class: 'meta' },
        kindBadge(c.kind),
        ' ',
        statusBadge(c.status),
        ' ',
        actorLink(c.claimant),
        ' · ',
        claimDate(c),
        source ? [' · ', link(sourceHref(source.url, c.id), sourceLabel(source))] : null,
      ),
      highlights.length
        ? h(
            'ul',
            { class: 'highlights' },
            highlights.map((t) => h('li', {}, guillemetMarks(t))),
          )
        : c.evidence[0]
          ? h('p', { class: 'highlights' }, '“', c.evidence[0].exact, '”')
          : null,
    ),
  );
}

function exportLinks(params: URLSearchParams): HTMLElement {
  const q = new URLSearchParams();
  const actors = [params.get('claimant'), params.get('target')].filter(Boolean).join(',');
  if (actors) q.set('actors', actors);
  if (params.get('kind')) q.set('kinds', params.get('kind') as string);
  if (params.get('from')) q.set('from', params.get('from') as string);
  if (params.get('to')) q.set('to', params.get('to') as string);
  const s = q.toString() ? `?${q}` : '';
  return h(
    'p',
    { class: 'exports' },
    'Export the attribution graph for these filters: ',
    h('a', { href: `/export/graph.graphml${s}`, download: true }, 'GraphML'),
    ' · ',
    h('a', { href: `/export/graph.json${s}`, download: true }, 'JSON'),
  );
}

/** Full-text search; the filters narrow the best matches here, in the page (searchClaims has none). */
async function textSearch(params: URLSearchParams, out: HTMLElement, ctx: ViewContext): Promise<void> {
  const q = params.get('q') as string;
  const limit = Math.min(SEARCH_CAP, Math.max(PAGE, Number(params.get('n')) || PAGE));
  const data = await gql<{ searchClaims: Hit[]; claimant: ActorRef | null; target: ActorRef | null }>(
    `query Search($text: String!, $first: Int!, $claimant: String!, $target: String!, $withClaimant: Boolean!, $withTarget: Boolean!) {
      searchClaims(text: $text, first: $first) { score highlights claim { ${CLAIM_ROW} } }
      claimant: actor(ref: $claimant) @include(if: $withClaimant) { id name }
      target: actor(ref: $target) @include(if: $withTarget) { id name }
    }`,
    {
      text: q,
      first: limit,
      claimant: params.get('claimant') ?? '',
      target: params.get('target') ?? '',
      withClaimant: Boolean(params.get('claimant')),
      withTarget: Boolean(params.get('target')),
    },
  );
  if (!ctx.current()) return;
  for (const [key, found] of [
    ['claimant', data.claimant],
    ['target', data.target],
  ] as const) {
    if (params.get(key) && !found) {
      clear(out, empty(`No actor is called “${params.get(key)}”: check the ${key} filter.`));
      return;
    }
  }
  const kind = params.get('kind');
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  const hits = data.searchClaims.filter(({ claim: c }) => {
    if (kind && c.kind !== kind) return false;
    if (status && c.status !== status) return false;
    if (data.claimant && c.claimant.id !== data.claimant.id) return false;
    if (data.target && !c.targets.some((t) => t.id === data.target?.id)) return false;
    if ((from || to) && !c.statedOn) return false;
    if (from && (c.statedOn as string) < from) return false;
    if (to && (c.statedOn as string) > to) return false;
    return true;
  });
  const filtered = hits.length !== data.searchClaims.length;
  const more = data.searchClaims.length === limit;
  clear(
    out,
    h(
      'p',
      { class: 'count', role: 'status' },
      hits.length === 0
        ? `No claims match “${q}”${filtered ? ' with these filters' : ''}.`
        : `${hits.length} claim${hits.length === 1 ? ' matches' : 's match'} “${q}”${filtered ? ` with these filters (of the ${data.searchClaims.length} best matches)` : ''}, best first.`,
    ),
    hits.length
      ? h(
          'ol',
          { class: 'results' },
          hits.map((hit) => resultItem(hit.claim, hit.highlights)),
        )
      : null,
    more && limit < SEARCH_CAP
      ? h(
          'p',
          {},
          link(searchHref({ ...Object.fromEntries(params), n: String(SEARCH_CAP) }), 'Show more matches'),
        )
      : more
        ? h(
            'p',
            { class: 'note' },
            `Only the ${SEARCH_CAP} best matches are searched: add words to narrow the search.`,
          )
        : null,
    exportLinks(params),
  );
}

/** No words: the claims themselves, newest first, filtered by the server, a page of 50 at a time. */
async function browse(params: URLSearchParams, out: HTMLElement, ctx: ViewContext): Promise<void> {
  const filter: Record<string, string> = {};
  if (params.get('kind')) filter.kind = params.get('kind') as string;
  if (params.get('status')) filter.status = params.get('status') as string;
  if (params.get('claimant')) filter.claimant = params.get('claimant') as string;
  if (params.get('target')) filter.target = params.get('target') as string;
  if (params.get('from')) filter.statedFrom = params.get('from') as string;
  if (params.get('to')) filter.statedTo = params.get('to') as string;
  const after = params.get('after');
  const data = await gql<{ claims: Connection<ClaimRow> }>(
    `query Browse($filter: ClaimFilter, $first: Int!, $after: String) {
      claims(filter: $filter, first: $first, after: $after) {
        totalCount edges { node { ${CLAIM_ROW} } } pageInfo { hasNextPage endCursor }
      }
    }`,
    { filter, first: PAGE, after },
  );
  if (!ctx.current()) return;
  const { totalCount, edges, pageInfo } = data.claims;
  const rest = Object.fromEntries([...params].filter(([k]) => k !== 'after'));
  clear(
    out,
    h(
      'p',
      { class: 'count', role: 'status' },
      totalCount === 0
        ? 'No claims match these filters.'
        : `${totalCount} claim${totalCount === 1 ? '' : 's'}${Object.keys(filter).length ? (totalCount === 1 ? ' matches these filters' : ' match these filters') : ' in the graph'}, newest first${after ? ' (a later page)' : ''}.`,
    ),
    edges.length
      ? h(
          'ol',
          { class: 'results' },
          edges.map((e) => resultItem(e.node, [])),
        )
      : null,
    h(
      'nav',
      { class: 'pager', 'aria-label': 'Result pages' },
      after ? link(searchHref(rest), '← First page') : null,
      pageInfo.hasNextPage && pageInfo.endCursor
        ? link(searchHref({ ...rest, after: pageInfo.endCursor }), `Next ${PAGE} →`)
        : null,
    ),
    exportLinks(params),
  );
}

export async function renderSearch(ctx: ViewContext): Promise<void> {
  const { root, route } = ctx;
  const params = route.params;
  document.title = params.get('q')
    ? `“${params.get('q')}” · claimgraph explorer`
    : 'Search · claimgraph explorer';
  // Re-searching keeps the form (and the keyboard focus in it); only the results are redrawn.
  let form = root.querySelector<HTMLFormElement>('#search-form');
  let out = root.querySelector<HTMLElement>('#results');
  if (!form || !out) {
    form = buildForm(params);
    out = h('section', { id: 'results', 'aria-label': 'Results', 'aria-live': 'polite' });
    clear(
      root,
      h('h1', {}, 'Who claimed what'),
      h(
        'p',
        { class: 'lede' },
        'Search the claims in the graph (their paraphrases, quotes and exact words) or leave the box empty to browse them with the filters.',
      ),
      form,
      out,
    );
  } else {
    syncForm(form, params);
  }
  clear(out, loading('claims'));
  try {
    if ((params.get('q') ?? '').trim()) await textSearch(params, out, ctx);
    else await browse(params, out, ctx);
  } catch (err) {
    if (ctx.current()) clear(out, errorBox(err, 'search'));
  }
}

/** Back/forward between searches: the form shows the search the URL holds. */
function syncForm(form: HTMLFormElement, params: URLSearchParams): void {
  for (const name of ['q', ...FILTERS]) {
    const el = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (el) el.value = params.get(name) ?? '';
  }
}
