import { ApiError } from './api';
import { formatDate, h, link, lower, type Child } from './dom';
import type { ClaimRow, Excerpt } from './types';
import { actorHref, claimHref, sourceHref } from './routes';

export const KIND_COLOURS: Record<string, string> = {
  ACCUSATION: '#b91c1c',
  DENIAL: '#1d4ed8',
  STATEMENT: '#4b5563',
  COMMITMENT: '#15803d',
  FIGURE: '#7e22ce',
};

export function kindBadge(kind: string): HTMLElement {
  return h('span', { class: `badge kind kind-${kind.toLowerCase()}` }, lower(kind));
}

export function statusBadge(status: string): HTMLElement {
  return h('span', { class: `badge status status-${status.toLowerCase()}` }, lower(status));
}

export function loading(what: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, `Loading ${what}…`);
}

export function empty(message: string): HTMLElement {
  return h('p', { class: 'empty', role: 'status' }, message);
}

/** An error in words: the server's message and its code, never a blank page. */
export function errorBox(err: unknown, doing: string): HTMLElement {
  const code = err instanceof ApiError ? err.code : 'CLIENT_ERROR';
  const message = err instanceof Error ? err.message : String(err);
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('p', {}, h('strong', {}, `Could not ${doing}. `), message),
    h('p', { class: 'code' }, 'Error code: ', h('code', {}, code)),
  );
}

export function actorLink(a: { id: string; name: string }): HTMLAnchorElement {
  return link(actorHref(a.id), a.name);
}

export function sourceLabel(s: Excerpt['source']): string {
  const by = s.publisher?.name;
  const title = s.title ?? s.url;
  return by ? `${by}: ${title}` : title;
}

/** The exact words with a little of their context, the words in a <mark>. */
export function excerptQuote(e: Excerpt): HTMLElement {
  return h(
    'blockquote',
    { class: 'excerpt' },
    e.prefix ? h('span', { class: 'context' }, `…${e.prefix}`) : null,
    h('mark', {}, e.exact),
    e.suffix ? h('span', { class: 'context' }, `${e.suffix}…`) : null,
    h('footer', {}, '— ', link(sourceHref(e.source.url), sourceLabel(e.source))),
  );
}

export function claimMeta(c: ClaimRow): HTMLElement {
  return h(
    'p',
    { class: 'meta' },
    kindBadge(c.kind),
    ' ',
    statusBadge(c.status),
    ' ',
    actorLink(c.claimant),
    c.voice ? [' (voiced by ', actorLink(c.voice), ')'] : null,
    c.targets.length ? [' about ', joinLinks(c.targets.map(actorLink))] : null,
    ' · ',
    claimDate(c),
  );
}

/** A claim's date: statedOn, else its source's publication date (said so), as the API dates claims. */
export function claimDate(c: Pick<ClaimRow, 'statedOn' | 'evidence'>): HTMLElement {
  if (c.statedOn) return h('time', { datetime: c.statedOn }, formatDate(c.statedOn));
  const published = c.evidence.find((e) => e.source.publishedAt)?.source.publishedAt;
  if (published)
    return h('span', {}, h('time', { datetime: published }, formatDate(published)), ' (source date)');
  return h('span', {}, 'undated');
}

export function joinLinks(items: Node[]): Child[] {
  const out: Child[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? ' and ' : ', ');
    out.push(item);
  });
  return out;
}

/** A claim as a card: what, who, when, status, and its words in their source. */
export function claimCard(
  c: ClaimRow,
  opts: { heading?: 'h2' | 'h3' | 'h4'; label?: string } = {},
): HTMLElement {
  const tag = opts.heading ?? 'h3';
  return h(
    'article',
    { class: `card claim-card kind-${c.kind.toLowerCase()}`, 'data-claim': c.id },
    opts.label ? h('p', { class: 'card-label' }, opts.label) : null,
    h(tag, {}, link(claimHref(c.id), c.content)),
    claimMeta(c),
    c.evidence.map(excerptQuote),
  );
}

export function section(title: string, id: string, ...children: Child[]): HTMLElement {
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}
