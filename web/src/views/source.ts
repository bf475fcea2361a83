import { gql } from '../api';
import { clear, formatDate, h, link, markSpans } from '../dom';
import type { ViewContext } from '../main';
import { claimHref } from '../routes';
import type { ActorRef, Connection } from '../types';
import { actorLink, empty, kindBadge, section, loading, statusBadge } from '../ui';

interface SourceClaim {
  id: string;
  kind: string;
  content: string;
  status: string;
  claimant: ActorRef;
  evidence: { start: number; end: number; exact: string; state: string; source: { url: string } }[];
}

const PAGE = 50;
/** A source with more claims than this is drawn with the first ones and says so. */
const MAX_PAGES = 20;

export async function renderSource(ctx: ViewContext): Promise<void> {
  const { root, route } = ctx;
  const url = route.params.get('url') ?? '';
  const focus = route.params.get('claim');
  clear(root, loading('the source'));
  const data = await gql<{
    source: {
      url: string;
      title: string | null;
      publishedAt: string | null;
      publisher: ActorRef | null;
      text: string;
    } | null;
  }>(
    `query Source($url: String!) { source(url: $url) { url title publishedAt publisher { id name } text } }`,
    { url },
  );
  if (!ctx.current()) return;
  const s = data.source;
  if (!s) {
    document.title = 'No such source · claimgraph explorer';
    clear(root, h('h1', {}, 'No such source'), empty(`No source has the URL “${url}”.`));
    return;
  }
  // Every claim anchored here, a page of 50 at a time, to mark all of their excerpts.
  const claims: SourceClaim[] = [];
  let after: string | null = null;
  let more = false;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res: { claims: Connection<SourceClaim> } = await gql(
      `query SourceClaims($url: String!, $first: Int!, $after: String) {
        claims(filter: { sourceUrl: $url }, first: $first, after: $after) {
          totalCount
          edges { node { id kind content status claimant { id name } evidence { start end exact state source { url } } } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { url, first: PAGE, after },
    );
    if (!ctx.current()) return;
    claims.push(...res.claims.edges.map((e) => e.node));
    more = res.claims.pageInfo.hasNextPage;
    after = res.claims.pageInfo.endCursor;
    if (!more || !after) break;
  }
  document.title = `${s.title ?? s.url} · claimgraph explorer`;
  const spans = claims.flatMap((c) =>
    // An orphan's offsets point into an older version of the text (issue 12): never marked here.
    c.evidence
      .filter((e) => e.source.url === s.url && e.state !== 'ORPHANED')
      .map((e) => ({ start: e.start, end: e.end, claim: c })),
  );
  const order = new Map(claims.map((c, i) => [c.id, i + 1]));
  const text = h(
    'div',
    { class: 'text source-full' },
    markSpans(s.text, spans, (piece, span, covering) =>
      h(
        'mark',
        {
          class: `kind-${span.claim.kind.toLowerCase()}${span.claim.id === focus ? ' focused' : ''}`,
          'data-claim': span.claim.id,
          // Words that carry several claims (one excerpt inside another) link to the narrowest.
          'data-claims': [...new Set(covering.map((c) => c.claim.id))].join(' '),
        },
        h(
          'a',
          {
            href: claimHref(span.claim.id),
            title: `${span.claim.kind.toLowerCase()}: ${span.claim.content}`,
          },
          piece,
        ),
      ),
    ),
  );
  clear(
    root,
    h(
      'header',
      { class: 'view-header' },
      h('p', { class: 'crumb' }, 'Source'),
      h('h1', {}, s.title ?? s.url),
      h(
        'p',
        { class: 'meta' },
        s.publisher ? actorLink(s.publisher) : 'unknown outlet',
        ' · ',
        formatDate(s.publishedAt),
        ' · ',
        h('a', { href: s.url, rel: 'noopener noreferrer', target: '_blank' }, s.url),
      ),
    ),
    h(
      'div',
      { class: 'source-layout' },
      section(
        'The text',
        'source-text',
        h('p', { class: 'note' }, 'Every excerpt that carries a claim is marked; each mark opens its claim.'),
        text,
      ),
      section(
        `Claims in this source (${claims.length})`,
        'source-claims',
        more ? h('p', { class: 'note' }, `Only the first ${claims.length} claims are marked.`) : null,
        claims.length
          ? h(
              'ol',
              { class: 'source-claims' },
              claims.map((c) =>
                h(
                  'li',
                  { value: order.get(c.id) ?? 0 },
                  kindBadge(c.kind),
                  ' ',
                  statusBadge(c.status),
                  ' ',
                  link(claimHref(c.id), c.content),
                  ' — ',
                  actorLink(c.claimant),
                  ' · ',
                  h(
                    'a',
                    { href: `/export/claims/${encodeURIComponent(c.id)}.jsonld`, download: `${c.id}.jsonld` },
                    'JSON-LD',
                  ),
                ),
              ),
            )
          : empty('No claim is anchored in this source yet.'),
      ),
    ),
  );
  (focus ? root.querySelector('mark.focused') : null)?.scrollIntoView({ block: 'center' });
}
