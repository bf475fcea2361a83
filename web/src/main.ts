import { clear } from './dom';
import { parseHash, type Route } from './routes';
import { errorBox } from './ui';
import { renderSearch } from './views/search';
import { renderClaim } from './views/claim';
import { renderActor } from './views/actor';
import { renderSource } from './views/source';
import { renderDisputes } from './views/disputes';
import { renderReview } from './views/review';

/** What a view gets: where to draw, the route, and whether it is still the current one. */
export interface ViewContext {
  root: HTMLElement;
  route: Route;
  /** False once the user has moved on: late answers must not draw over the next view. */
  current(): boolean;
}

type View = (ctx: ViewContext) => Promise<void>;

const VIEWS: Record<string, { render: View; nav: string }> = {
  search: { render: renderSearch, nav: 'search' },
  claim: { render: renderClaim, nav: 'search' },
  actor: { render: renderActor, nav: 'search' },
  source: { render: renderSource, nav: 'search' },
  disputes: { render: renderDisputes, nav: 'disputes' },
  review: { render: renderReview, nav: 'review' },
};

let generation = 0;
let lastView: string | null = null;

async function route(): Promise<void> {
  const root = document.getElementById('main') as HTMLElement;
  const hash = location.hash;
  // Only "#/…" is a view; other fragments (the skip link's) are in-page jumps.
  if (hash && !hash.startsWith('#/')) return;
  const r = parseHash(hash);
  const view = VIEWS[r.view];
  const mine = ++generation;
  const ctx: ViewContext = { root, route: r, current: () => mine === generation };
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a[data-nav]')) {
    if (a.dataset.nav === (view?.nav ?? '')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  root.setAttribute('aria-busy', 'true');
  delete root.dataset.ready;
  const sameView = lastView === r.view;
  lastView = r.view;
  try {
    if (!view) {
      clear(root);
      root.append(errorBox(new Error(`There is no "${r.view}" view here.`), 'open this page'));
    } else {
      await view.render(ctx);
    }
  } catch (err) {
    if (!ctx.current()) return;
    clear(root);
    root.append(errorBox(err, 'show this view'));
  }
  if (!ctx.current()) return;
  root.removeAttribute('aria-busy');
  // Tests and the benchmark wait on this: the view has drawn what its first answer held.
  root.dataset.ready = r.view;
  performance.mark(`claimgraph:ready:${r.view}`);
  if (!sameView) {
    // A new view: send keyboard and screen-reader focus to its heading, as a page load would.
    const heading = root.querySelector<HTMLElement>('h1');
    if (heading && r.view !== 'search') {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }
}

window.addEventListener('hashchange', () => void route());
window.addEventListener('DOMContentLoaded', () => void route());
