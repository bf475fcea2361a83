import { gql } from '../api';
import { clear, h, link } from '../dom';
import type { ViewContext } from '../main';
import { disputesHref } from '../routes';
import { CLAIM_ROW, type ClaimRow } from '../types';
import { claimCard, errorBox, loading } from '../ui';

interface Dispute {
  claim: ClaimRow;
  denials: ClaimRow[];
  contradictions: ClaimRow[];
}

// Each dispute carries up to 100 denials and 100 contradictions with their evidence: 10 disputes
// is about 207,000 nodes, within the API's node limit of 250,000 (README "Limits").
const PAGE = 10;
/** `disputes` has no cursor; its `first` is capped at 100 by the server. */
const CAP = 10;

export async function renderDisputes(ctx: ViewContext): Promise<void> {
  const { root, route } = ctx;
  const actor = route.params.get('actor') ?? '';
  const limit = Math.min(CAP, Math.max(PAGE, Number(route.params.get('n')) || PAGE));
  document.title = `Disputes${actor ? ` · ${actor}` : ''} · claimgraph explorer`;
  const form = h(
    'form',
    { class: 'inline-form', 'aria-label': 'Filter disputes' },
    h(
      'label',
      { class: 'field' },
      h('span', {}, 'Actor (either side)'),
      h('input', { name: 'actor', value: actor, placeholder: 'e.g. Kabul' }),
    ),
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = disputesHref(String(new FormData(form).get('actor') ?? '').trim());
  });
  const out = h('section', { 'aria-label': 'Disputes', 'aria-live': 'polite' }, loading('disputes'));
  clear(
    root,
    h('h1', {}, 'Disputes'),
    h(
      'p',
      { class: 'lede' },
      'Every disputed claim beside the denials and the contradicting figures that dispute it.',
    ),
    form,
    out,
  );
  try {
    const data = await gql<{ disputes: Dispute[] }>(
      `query Disputes($actor: String, $first: Int!) {
        disputes(actor: $actor, first: $first) {
          claim { ${CLAIM_ROW} } denials { ${CLAIM_ROW} } contradictions { ${CLAIM_ROW} }
        }
      }`,
      { actor: actor || null, first: limit },
    );
    if (!ctx.current()) return;
    const list = data.disputes;
    clear(
      out,
      h(
        'p',
        { class: 'count', role: 'status' },
        list.length === 0
          ? `No disputed claims${actor ? ` involving “${actor}”` : ''}.`
          : `${list.length} disputed claim${list.length === 1 ? '' : 's'}${actor ? ` involving “${actor}”` : ''}.`,
      ),
      h(
        'ol',
        { class: 'disputes' },
        list.map((d) =>
          h(
            'li',
            { class: 'dispute' },
            h(
              'div',
              { class: 'side-by-side' },
              h(
                'div',
                { class: 'this plain' },
                claimCard(d.claim, { heading: 'h2', label: 'Disputed claim' }),
              ),
              h(
                'div',
                { class: 'against' },
                d.denials.map((x) => claimCard(x, { heading: 'h3', label: 'Denied by' })),
                d.contradictions.map((x) => claimCard(x, { heading: 'h3', label: 'Contradicted by' })),
              ),
            ),
          ),
        ),
      ),
      list.length === limit && limit < CAP
        ? h('p', {}, link(`${disputesHref(actor)}${actor ? '&' : '?'}n=${CAP}`, 'Show more disputes'))
        : list.length === CAP
          ? h(
              'p',
              { class: 'note' },
              `Only the first ${CAP} disputes are shown: filter by an actor to see others.`,
            )
          : null,
    );
  } catch (err) {
    if (ctx.current()) clear(out, errorBox(err, 'load the disputes'));
  }
}
