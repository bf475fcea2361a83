import { gql } from '../api';
import { append, clear, h, lower } from '../dom';
import type { ViewContext } from '../main';
import { drawNetwork, legend, networkList, type GraphData } from '../network';
import { disputesHref, searchHref } from '../routes';
import { timelineChart, type Week } from '../timeline';
import { CLAIM_ROW, type ActorRef, type ClaimRow, type Connection } from '../types';
import { actorLink, claimCard, empty, errorBox, loading, section } from '../ui';

interface ActorDetail {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  description: string | null;
  roles: { relation: string; title: string | null; of: ActorRef }[];
}

const PAGE = 20;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const ACTOR_QUERY = `query Actor($ref: String!, $first: Int!) {
  actor(ref: $ref) {
    id name kind aliases description
    roles { relation title of { id name } }
    claimsMade(first: $first) { totalCount edges { node { ${CLAIM_ROW} } } pageInfo { hasNextPage endCursor } }
    claimsAbout(first: $first) { totalCount edges { node { ${CLAIM_ROW} } } pageInfo { hasNextPage endCursor } }
  }
}`;

/** One more page of claimsMade or claimsAbout. */
const pageQuery = (
  field: 'claimsMade' | 'claimsAbout',
) => `query More($ref: String!, $first: Int!, $after: String) {
  actor(ref: $ref) { ${field}(first: $first, after: $after) { totalCount edges { node { ${CLAIM_ROW} } } pageInfo { hasNextPage endCursor } } }
}`;

function claimList(
  ref: string,
  field: 'claimsMade' | 'claimsAbout',
  first: Connection<ClaimRow>,
  what: string,
): HTMLElement {
  const list = h('ol', { class: 'cards' });
  const wrap = h('div', {}, h('p', { class: 'count' }, `${first.totalCount} ${what}.`), list);
  const add = (conn: Connection<ClaimRow>) => {
    append(
      list,
      conn.edges.map((e) => h('li', {}, claimCard(e.node, { heading: 'h3' }))),
    );
    if (conn.pageInfo.hasNextPage && conn.pageInfo.endCursor) {
      const after = conn.pageInfo.endCursor;
      const button = h('button', { type: 'button', class: 'more' }, `Show ${PAGE} more`);
      button.addEventListener('click', async () => {
        button.disabled = true;
        button.textContent = 'Loading…';
        try {
          const data = await gql<{ actor: Record<string, Connection<ClaimRow>> }>(pageQuery(field), {
            ref,
            first: PAGE,
            after,
          });
          button.remove();
          add(data.actor[field] as Connection<ClaimRow>);
        } catch (err) {
          button.replaceWith(errorBox(err, 'load more claims'));
        }
      });
      wrap.append(button);
    }
  };
  if (first.totalCount === 0) return empty(`No ${what}.`);
  add(first);
  return wrap;
}

async function fillTimeline(el: HTMLElement, ref: string, ctx: ViewContext): Promise<void> {
  try {
    const data = await gql<{ timeline: { weeks: Week[] } }>(
      `query Timeline($ref: String!) { timeline(actor: $ref) { weeks { week start total counts { kind count } } } }`,
      { ref },
    );
    if (!ctx.current()) return;
    const weeks = data.timeline.weeks;
    clear(el, weeks.length ? [timelineChart(weeks), legend()] : empty('No dated claims by this actor.'));
  } catch (err) {
    if (ctx.current()) clear(el, errorBox(err, 'load the timeline'));
  }
}

async function fillNetwork(el: HTMLElement, ref: string, focus: string, ctx: ViewContext): Promise<void> {
  try {
    const data = await gql<{ attributionGraph: GraphData }>(
      `query Network($ref: String!) {
        attributionGraph(actors: [$ref]) {
          nodes { id name kind } edges { kind from { id } to { id } claim { id content } } truncated
        }
      }`,
      { ref },
    );
    if (!ctx.current()) return;
    const g = data.attributionGraph;
    if (!g.edges.length) {
      clear(el, empty('No claim links this actor to another (claims without targets draw no edge).'));
      return;
    }
    const canvas = h('div', {
      id: 'network',
      class: 'network',
      role: 'img',
      'aria-label': `Attribution network of ${g.nodes.length} actors and ${g.edges.length} claims; listed below`,
    });
    clear(
      el,
      h(
        'p',
        { class: 'note' },
        'Click an actor to open it, a line to open its claim. Arrows point from claimant to target.',
      ),
      canvas,
      legend(),
      g.truncated ? h('p', { class: 'note' }, 'Only the first 5000 claims are drawn.') : null,
      networkList(g),
    );
    drawNetwork(canvas, g, focus);
  } catch (err) {
    if (ctx.current()) clear(el, errorBox(err, 'load the attribution network'));
  }
}

export async function renderActor(ctx: ViewContext): Promise<void> {
  const { root, route } = ctx;
  const ref = route.arg ?? '';
  clear(root, loading('the actor'));
  const timelineEl = h('div', {}, loading('the timeline'));
  const networkEl = h('div', {}, loading('the network'));
  // Three requests at once: a slow or refused network never holds back the rest of the page.
  const main = gql<{
    actor: (ActorDetail & Record<'claimsMade' | 'claimsAbout', Connection<ClaimRow>>) | null;
  }>(ACTOR_QUERY, { ref, first: PAGE });
  const timeline = fillTimeline(timelineEl, ref, ctx);
  const network = main
    .then((d) => (d.actor ? fillNetwork(networkEl, ref, d.actor.id, ctx) : undefined))
    .catch(() => undefined);
  const data = await main;
  if (!ctx.current()) return;
  const a = data.actor;
  if (!a) {
    document.title = 'No such actor · claimgraph explorer';
    clear(root, h('h1', {}, 'No such actor'), empty(`No actor has the id, name or alias “${ref}”.`));
    return;
  }
  document.title = `${a.name} · claimgraph explorer`;
  clear(
    root,
    h(
      'header',
      { class: 'view-header' },
      h('p', { class: 'crumb' }, capitalise(lower(a.kind))),
      h('h1', {}, a.name),
      a.description ? h('p', { class: 'lede' }, a.description) : null,
    ),
    section(
      'Names and roles',
      'actor-names',
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Kind'),
        h('dd', {}, lower(a.kind)),
        h('dt', {}, 'Also called'),
        h(
          'dd',
          {},
          a.aliases.length
            ? h(
                'ul',
                { class: 'aliases' },
                a.aliases.map((x) => h('li', {}, x)),
              )
            : 'no aliases',
        ),
        h('dt', {}, 'Roles'),
        h(
          'dd',
          {},
          a.roles.length
            ? h(
                'ul',
                {},
                a.roles.map((r) =>
                  h('li', {}, r.title ? `${r.title}, ` : '', lower(r.relation), ' ', actorLink(r.of)),
                ),
              )
            : 'none recorded',
        ),
      ),
      h(
        'p',
        { class: 'links' },
        h('a', { href: searchHref({ claimant: a.id }) }, 'Search its claims'),
        ' · ',
        h('a', { href: disputesHref(a.id) }, 'Its disputes'),
        ' · Export its graph: ',
        h(
          'a',
          { href: `/export/graph.graphml?actors=${encodeURIComponent(a.id)}`, download: true },
          'GraphML',
        ),
        ' · ',
        h('a', { href: `/export/graph.json?actors=${encodeURIComponent(a.id)}`, download: true }, 'JSON'),
      ),
    ),
    section('Attribution network', 'actor-network', networkEl),
    section('Claims per week', 'actor-timeline', timelineEl),
    h(
      'div',
      { class: 'two-columns' },
      section('Claims it made', 'actor-made', claimList(a.id, 'claimsMade', a.claimsMade, 'claims made')),
      section(
        'Claims about it',
        'actor-about',
        claimList(a.id, 'claimsAbout', a.claimsAbout, 'claims about it'),
      ),
    ),
  );
  await Promise.all([timeline, network]);
}
