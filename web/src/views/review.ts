import { ApiError, gql } from '../api';
import { clear, h, lower } from '../dom';
import type { ViewContext } from '../main';
import type { ActorRef, Excerpt } from '../types';
import { actorLink, empty, errorBox, excerptQuote, kindBadge, loading } from '../ui';

/**
 * The editors' review queue (issue 8's API): drafts extracted from sources, each beside its
 * words, to verify (as is or edited) or reject with a reason. Writes need an editor token: asked
 * once, kept in sessionStorage only, so it is gone when the browser session ends.
 */
const TOKEN_KEY = 'claimgraph.editorToken';
const KINDS = ['ACCUSATION', 'DENIAL', 'STATEMENT', 'COMMITMENT', 'FIGURE'];
const PAGE = 50;

interface Draft {
  id: string;
  kind: string;
  content: string;
  confidence: number | null;
  extractor: string | null;
  origin: string;
  verification: string;
  claimant: ActorRef;
  evidence: Excerpt[];
}

const QUEUE = `query Queue($first: Int!) {
  claims(filter: { verification: DRAFT }, first: $first) {
    totalCount
    edges { node {
      id kind content confidence extractor origin verification
      claimant { id name }
      evidence { exact prefix suffix start end source { url title publisher { id name } } }
    } }
  }
}`;

/** The server predates the review API: its schema has no verification fields. */
function lacksReviewApi(err: unknown): boolean {
  return (
    err instanceof ApiError &&
    /GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/.test(err.code) &&
    /verification|verifyDraft|rejectDraft|extractClaims|confidence|extractor|origin/.test(err.message)
  );
}

function tokenForm(onToken: () => void): HTMLElement {
  const form = h(
    'form',
    { class: 'inline-form', 'aria-label': 'Sign in as an editor' },
    h(
      'label',
      { class: 'field' },
      h('span', {}, 'Editor token'),
      h('input', {
        type: 'password',
        name: 'token',
        autocomplete: 'off',
        required: true,
        placeholder: 'cg_…',
      }),
    ),
    h('button', { type: 'submit' }, 'Use this token'),
    h(
      'p',
      { class: 'note' },
      'Kept for this browser session only (sessionStorage); `npm run token -- --role editor` makes one.',
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const t = String(new FormData(form).get('token') ?? '').trim();
    if (!t) return;
    sessionStorage.setItem(TOKEN_KEY, t);
    onToken();
  });
  return form;
}

function draftItem(d: Draft, token: string, refresh: () => void): HTMLElement {
  const status = h('div', { class: 'draft-status', 'aria-live': 'polite' });
  const act = async (label: string, query: string, variables: Record<string, unknown>) => {
    clear(status, loading(label));
    try {
      await gql(query, variables, { token });
      refresh();
    } catch (err) {
      clear(status, errorBox(err, label));
    }
  };
  const verify = h('button', { type: 'button' }, 'Verify');
  verify.addEventListener('click', () =>
    act('verify the draft', `mutation Verify($id: ID!) { verifyDraft(id: $id) { id verification } }`, {
      id: d.id,
    }),
  );

  const editForm = h(
    'form',
    { class: 'edit-form', hidden: true, 'aria-label': `Edit draft ${d.id}` },
    h(
      'label',
      { class: 'field' },
      h('span', {}, 'Content'),
      h('textarea', { name: 'content', rows: 3 }, d.content),
    ),
    h(
      'label',
      { class: 'field' },
      h('span', {}, 'Kind'),
      h(
        'select',
        { name: 'kind', 'aria-label': 'Kind' },
        KINDS.map((k) => h('option', { value: k, selected: k === d.kind }, k.toLowerCase())),
      ),
    ),
    h(
      'label',
      { class: 'field' },
      h('span', {}, 'Claimant'),
      h('input', { name: 'claimant', value: d.claimant.name }),
    ),
    h('button', { type: 'submit' }, 'Verify with these edits'),
  );
  editForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(editForm);
    const edits: Record<string, string> = {};
    const content = String(f.get('content') ?? '').trim();
    const kind = String(f.get('kind') ?? '');
    const claimant = String(f.get('claimant') ?? '').trim();
    if (content && content !== d.content) edits.content = content;
    if (kind && kind !== d.kind) edits.kind = kind;
    if (claimant && claimant !== d.claimant.name) edits.claimant = claimant;
    void act(
      'verify the edited draft',
      `mutation VerifyEdited($id: ID!, $edits: DraftEdits) { verifyDraft(id: $id, edits: $edits) { id verification } }`,
      { id: d.id, edits },
    );
  });
  const edit = h('button', { type: 'button', 'aria-expanded': 'false' }, 'Edit…');
  edit.addEventListener('click', () => {
    editForm.hidden = !editForm.hidden;
    edit.setAttribute('aria-expanded', String(!editForm.hidden));
  });

  const rejectForm = h(
    'form',
    { class: 'reject-form', hidden: true, 'aria-label': `Reject draft ${d.id}` },
    h('label', { class: 'field' }, h('span', {}, 'Reason'), h('input', { name: 'reason', required: true })),
    h('button', { type: 'submit' }, 'Reject'),
  );
  rejectForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const reason = String(new FormData(rejectForm).get('reason') ?? '').trim();
    if (!reason) return;
    void act(
      'reject the draft',
      `mutation Reject($id: ID!, $reason: String!) { rejectDraft(id: $id, reason: $reason) { id verification } }`,
      {
        id: d.id,
        reason,
      },
    );
  });
  const reject = h('button', { type: 'button', 'aria-expanded': 'false' }, 'Reject…');
  reject.addEventListener('click', () => {
    rejectForm.hidden = !rejectForm.hidden;
    reject.setAttribute('aria-expanded', String(!rejectForm.hidden));
  });

  return h(
    'li',
    { class: 'draft', 'data-draft': d.id },
    h(
      'div',
      { class: 'side-by-side' },
      h(
        'div',
        { class: 'this' },
        h('h2', {}, d.content),
        h(
          'p',
          { class: 'meta' },
          kindBadge(d.kind),
          ' ',
          actorLink(d.claimant),
          d.confidence !== null ? ` · confidence ${d.confidence.toFixed(2)}` : null,
          d.extractor ? ` · by ${d.extractor}` : null,
          ` · ${lower(d.origin)}`,
        ),
        h('div', { class: 'actions' }, verify, ' ', edit, ' ', reject),
        editForm,
        rejectForm,
        status,
      ),
      h(
        'div',
        { class: 'against' },
        d.evidence.length ? d.evidence.map(excerptQuote) : empty('No words anchored.'),
      ),
    ),
  );
}

export async function renderReview(ctx: ViewContext): Promise<void> {
  const { root } = ctx;
  document.title = 'Review queue · claimgraph explorer';
  const token = sessionStorage.getItem(TOKEN_KEY);
  const out = h('section', { 'aria-label': 'Drafts', 'aria-live': 'polite' });
  const forget = h('button', { type: 'button' }, 'Forget the token');
  forget.addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    void renderReview(ctx);
  });
  clear(
    root,
    h('h1', {}, 'Review queue'),
    h(
      'p',
      { class: 'lede' },
      'Drafts extracted from sources, most confident first. Check each against its words, then verify, edit or reject it.',
    ),
    token
      ? h('div', { class: 'token-line' }, 'Using your editor token for this session. ', forget)
      : tokenForm(() => void renderReview(ctx)),
    out,
  );
  if (!token) {
    out.append(empty('Enter an editor token to review drafts.'));
    return;
  }

  const extract = h(
    'form',
    { class: 'inline-form', 'aria-label': 'Extract drafts' },
    h(
      'label',
      { class: 'field' },
      h('span', {}, 'Extract drafts from the source at URL'),
      h('input', { name: 'source', type: 'url', required: true }),
    ),
    h('button', { type: 'submit' }, 'Extract'),
  );
  const extractStatus = h('div', { 'aria-live': 'polite' });
  extract.addEventListener('submit', async (e) => {
    e.preventDefault();
    const source = String(new FormData(extract).get('source') ?? '').trim();
    clear(extractStatus, loading('drafts'));
    try {
      const r = await gql<{ extractClaims: { drafts: { id: string }[] } | null }>(
        `mutation Extract($source: String!) { extractClaims(source: $source) { source { url } drafts { id } } }`,
        { source },
        { token },
      );
      clear(
        extractStatus,
        h('p', { role: 'status' }, `${r.extractClaims?.drafts.length ?? 0} drafts extracted.`),
      );
      void load();
    } catch (err) {
      clear(extractStatus, errorBox(err, 'extract drafts'));
    }
  });
  root.insertBefore(h('div', {}, extract, extractStatus), out);

  const load = async () => {
    clear(out, loading('the drafts'));
    try {
      const data = await gql<{ claims: { totalCount: number; edges: { node: Draft }[] } }>(
        QUEUE,
        { first: PAGE },
        { token },
      );
      if (!ctx.current()) return;
      // Most confident first (the queue's server-side sort argument is not part of the contract yet).
      const drafts = data.claims.edges
        .map((e) => e.node)
        .sort((a, b) => (b.confidence ?? -1) - (a.confidence ?? -1));
      clear(
        out,
        h(
          'p',
          { class: 'count', role: 'status' },
          drafts.length ? `${data.claims.totalCount} drafts to review.` : 'No drafts to review.',
        ),
        drafts.length
          ? h(
              'ol',
              { class: 'drafts' },
              drafts.map((d) => draftItem(d, token, () => void load())),
            )
          : null,
      );
    } catch (err) {
      if (!ctx.current()) return;
      if (lacksReviewApi(err)) {
        clear(
          out,
          h(
            'div',
            { class: 'error', role: 'alert' },
            h(
              'p',
              {},
              h('strong', {}, 'This server has no review queue yet. '),
              'Its API lacks the draft fields (Claim.verification, verifyDraft, rejectDraft) that extraction adds.',
            ),
            h(
              'p',
              { class: 'code' },
              'Server said: ',
              (err as Error).message,
              ' (',
              h('code', {}, (err as ApiError).code),
              ')',
            ),
          ),
        );
      } else clear(out, errorBox(err, 'load the drafts'));
    }
  };
  await load();
}
