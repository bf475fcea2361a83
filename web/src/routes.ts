/**
 * Views live in the URL's hash (#/claim/<id>, #/search?q=…), so a reload or a shared link brings
 * the same view back, and the server only ever serves one page.
 */
export interface Route {
  view: string;
  arg: string | null;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const [view, ...rest] = path.split('/');
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : null;
  return { view: view || 'search', arg, params };
}

const withParams = (path: string, params?: Record<string, string | null | undefined>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
};

export const searchHref = (params: Record<string, string | null | undefined> = {}) =>
  withParams('#/search', params);
export const claimHref = (id: string) => `#/claim/${encodeURIComponent(id)}`;
export const actorHref = (id: string) => `#/actor/${encodeURIComponent(id)}`;
export const sourceHref = (url: string, claim?: string) => withParams('#/source', { url, claim });
export const disputesHref = (actor?: string) => withParams('#/disputes', { actor });
export const reviewHref = () => '#/review';
