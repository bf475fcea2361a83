/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (page.evaluate callbacks run in the browser: they see the DOM.)
import { createToken } from '../../src/auth';
import { expectCleanPage, openPage, screenshot, viewReady, useExplorer } from './browser';

/**
 * The editors' review queue against issue 8's API (Claim.verification, extractClaims, verifyDraft,
 * rejectDraft): drafts extracted from a source of our own, each beside its marked words; one
 * verified, one rejected with a reason, the editor token asked once and kept for the session only.
 */
const SOURCE = 'https://example.org/2025/11/12/border-crossing-review';
const TEXT =
  'Peshawar, 12 November. Pakistan accused the Taliban of sheltering fighters near the border, officials said. ' +
  'A Taliban spokesman said the accusation was false. The Interior Ministry said the crossing at Torkham would stay closed.';

const session = useExplorer();
let token: string;
let drafts: string[];

beforeAll(async () => {
  token = (await createToken(session.executor, { role: 'editor', name: 'review-desk', by: 'test' })).token;
  const added = await session.app.gql(
    'mutation($input: AddSourceInput!) { addSource(input: $input) { url } }',
    {
      input: {
        url: SOURCE,
        title: 'Border crossing',
        publisher: 'Al Jazeera',
        publishedAt: '2025-11-12',
        text: TEXT,
      },
    },
    { token },
  );
  expect(added.body.errors).toBeUndefined();
  const extracted = await session.app.gql<{ extractClaims: { drafts: { id: string }[] } }>(
    'mutation($source: String!) { extractClaims(source: $source) { drafts { id } } }',
    { source: SOURCE },
    { token },
  );
  expect(extracted.body.errors).toBeUndefined();
  drafts = extracted.body.data?.extractClaims.drafts.map((d) => d.id) ?? [];
  expect(drafts.length).toBeGreaterThanOrEqual(2);
  // Extraction on a busy 2-core machine can take longer than a test.
}, 120_000);

async function verificationOf(id: string): Promise<string | undefined> {
  const res = await session.app.gql<{ claim: { verification: string } | null }>(
    'query($id: ID!) { claim(id: $id) { verification } }',
    { id },
    { token },
  );
  return res.body.data?.claim?.verification;
}

it('asks for the token once, keeps it for the session only, and verifies and rejects drafts', async () => {
  const { page } = session.w;
  await page.goto(`${session.app.url}/#/review`);
  await viewReady(page, 'review');
  await page.getByLabel('Editor token').fill(token);
  await page.getByRole('button', { name: 'Use this token' }).click();
  await page.locator('li.draft').first().waitFor();
  expect(await page.evaluate(() => [sessionStorage.length, localStorage.length])).toEqual([1, 0]);

  // Each draft beside its words, marked.
  const [first, second] = drafts as [string, string];
  const one = page.locator(`li.draft[data-draft="${first}"]`);
  const two = page.locator(`li.draft[data-draft="${second}"]`);
  expect(await one.locator('.against mark').count()).toBeGreaterThan(0);
  expect(TEXT).toContain((await one.locator('.against mark').first().textContent()) ?? '∅');
  await screenshot(page, 'review-queue');

  // A reload keeps the session's token: no second prompt.
  await page.reload();
  await viewReady(page, 'review');
  expect(await page.getByLabel('Editor token').count()).toBe(0);

  await one.getByRole('button', { name: 'Verify', exact: true }).click();
  await one.waitFor({ state: 'detached' });
  expect(await verificationOf(first)).toBe('VERIFIED');

  await two.getByRole('button', { name: 'Reject…' }).click();
  await two.getByLabel('Reason').fill('Not a claim: a description of the crossing');
  await two.getByRole('button', { name: 'Reject', exact: true }).click();
  await two.waitFor({ state: 'detached' });
  expect(await verificationOf(second)).toBe('REJECTED');

  // A new browser session asks again.
  const fresh = await openPage(session.browser);
  await fresh.page.goto(`${session.app.url}/#/review`);
  await viewReady(fresh.page, 'review');
  expect(await fresh.page.getByLabel('Editor token').count()).toBe(1);
  await fresh.context.close();
  expectCleanPage(session.w);
}, 120_000);

it('says in words when a draft cannot be verified (NOT_A_DRAFT)', async () => {
  const { page } = session.w;
  // A draft of its own: the walk above reviewed every draft of the first source.
  const url = 'https://example.org/2025/11/13/army-statement-review';
  await session.app.gql(
    'mutation($input: AddSourceInput!) { addSource(input: $input) { url } }',
    {
      input: {
        url,
        title: 'Army statement',
        publishedAt: '2025-11-13',
        text: 'The Pakistani army said the crossing would reopen on Friday.',
      },
    },
    { token },
  );
  const extracted = await session.app.gql<{ extractClaims: { drafts: { id: string }[] } }>(
    'mutation($source: String!) { extractClaims(source: $source) { drafts { id } } }',
    { source: url },
    { token },
  );
  expect(extracted.body.data?.extractClaims.drafts.length).toBeGreaterThanOrEqual(1);
  await page.goto(`${session.app.url}/#/review`);
  await viewReady(page, 'review');
  await page.getByLabel('Editor token').fill(token);
  await page.getByRole('button', { name: 'Use this token' }).click();
  const remaining = page.locator('li.draft').first();
  await remaining.waitFor();
  const id = (await remaining.getAttribute('data-draft')) as string;
  // Someone else verifies it first; this page still shows it as a draft.
  await session.app.gql('mutation($id: ID!) { verifyDraft(id: $id) { id } }', { id }, { token });
  await remaining.getByRole('button', { name: 'Verify', exact: true }).click();
  const alert = remaining.getByRole('alert');
  await alert.waitFor();
  expect(await alert.locator('code').textContent()).toBe('NOT_A_DRAFT');
  expectCleanPage(session.w);
}, 120_000);
