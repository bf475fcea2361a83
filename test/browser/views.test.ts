/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (page.evaluate callbacks run in the browser: they see the DOM.)
import type { Page } from 'playwright-core';
import { expectCleanPage, screenshot, viewReady, useExplorer } from './browser';
import { recordClaim } from '../../src/writes/claims';
import { recheckSource } from '../../src/writes/recheck';
import { addSource } from '../../src/writes/sources';

/** The explorer's other views in a real Chromium on the seed graph: filters, source, disputes, errors. */
const SOURCE =
  'https://www.aljazeera.com/news/2025/11/8/afghanistans-taliban-blames-irresponsible-pakistan-as-peace-talks-fail';

const session = useExplorer();

const resultIds = (page: Page) =>
  page
    .locator('#results article[data-claim]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')));

/** Submits the search form and waits until the results for the URL it produced are drawn. */
async function search(page: Page): Promise<void> {
  const before = page.url();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForFunction((url) => location.href !== url, before);
  await viewReady(page, 'search');
  await page.locator('#results .count').waitFor();
}

describe('search filters', () => {
  it('narrow a full-text search by kind and claimant, live in the URL, and survive a reload', async () => {
    const { page } = session.w;
    await page.goto(`${session.app.url}/#/search?q=ceasefire`);
    await viewReady(page, 'search');
    await page.locator('#results .count').waitFor();
    expect((await resultIds(page)).length).toBe(5);

    await page.getByLabel('Kind', { exact: true }).selectOption('COMMITMENT');
    await search(page);
    expect((await resultIds(page)).sort()).toEqual([
      'pakistan-ceasefire-remains-in-effect',
      'taliban-ceasefire-remains-in-effect',
      'taliban-ceasefire-will-be-honored',
    ]);
    expect(await page.locator('#results .badge.kind').allTextContents()).toEqual([
      'commitment',
      'commitment',
      'commitment',
    ]);

    await page.getByLabel('Claimant', { exact: true }).fill('Islamabad');
    await search(page);
    expect(await resultIds(page)).toEqual(['pakistan-ceasefire-remains-in-effect']);
    expect(page.url()).toContain('kind=COMMITMENT');
    expect(page.url()).toContain('claimant=Islamabad');
    await screenshot(page, 'search-filters');

    await page.reload();
    await viewReady(page, 'search');
    expect(await resultIds(page)).toEqual(['pakistan-ceasefire-remains-in-effect']);
    expect(await page.getByRole('searchbox', { name: 'Search claims' }).inputValue()).toBe('ceasefire');
    expect(await page.getByLabel('Kind', { exact: true }).inputValue()).toBe('COMMITMENT');
    expect(await page.getByLabel('Claimant', { exact: true }).inputValue()).toBe('Islamabad');
    expectCleanPage(session.w);
  }, 120_000);

  it('browse every claim with no words: claimant, kind, status and dates go to the server', async () => {
    const { page } = session.w;
    await page.goto(`${session.app.url}/#/search`);
    await viewReady(page, 'search');
    expect(await page.locator('#results .count').textContent()).toBe('19 claims in the graph, newest first.');

    await page.getByLabel('Claimant', { exact: true }).fill('Islamabad');
    await page.getByLabel('Kind', { exact: true }).selectOption('ACCUSATION');
    await search(page);
    expect((await resultIds(page)).sort()).toEqual([
      'pakistan-accuses-kabul-of-harboring-ttp',
      'pakistan-accuses-taliban-of-breaking-doha-commitments',
    ]);
    await page.getByLabel('Status', { exact: true }).selectOption('DISPUTED');
    await search(page);
    expect(await resultIds(page)).toEqual(['pakistan-accuses-kabul-of-harboring-ttp']);

    // Dates: only claims stated within the range (undated ones are left out, as the API does).
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await page.getByLabel('Kind', { exact: true }).selectOption('');
    await page.getByLabel('Claimant', { exact: true }).fill('');
    await page.getByLabel('Stated from', { exact: true }).fill('2025-11-07');
    await page.getByLabel('Stated to', { exact: true }).fill('2025-11-07');
    await search(page);
    expect(await resultIds(page)).toEqual(['pakistan-confirms-talks-deadlock']);
    expect(await page.locator('#results .count').textContent()).toBe(
      '1 claim matches these filters, newest first.',
    );
    expectCleanPage(session.w);
  }, 120_000);
});

it('the source view marks every excerpt, each opening its claim', async () => {
  const { page } = session.w;
  await page.goto(
    `${session.app.url}/#/source?url=${encodeURIComponent(SOURCE)}&claim=taliban-denies-sheltering-ttp`,
  );
  await viewReady(page, 'source');
  expect(await page.locator('h1').textContent()).toBe(
    'Afghanistan-Pakistan Peace Talks Collapse Amid Mutual Accusations',
  );
  const marked = await page
    .locator('.source-full mark[data-claim]')
    .evaluateAll((els) => [...new Set(els.flatMap((e) => (e.getAttribute('data-claims') ?? '').split(' ')))]);
  expect(marked.length).toBe(19);
  expect(await page.locator('ol.source-claims > li').count()).toBe(19);
  const focused = page.locator('.source-full mark.focused');
  expect(await focused.textContent()).toBe('The Taliban denies sheltering the TTP');
  expect(await focused.isVisible()).toBe(true);
  // The whole text is there, not only the excerpts.
  expect(await page.locator('.source-full').textContent()).toContain('Talks mediated by Qatar and Turkiye');
  await screenshot(page, 'source-view');

  await page
    .locator('.source-full mark[data-claim="pakistan-accuses-kabul-of-harboring-ttp"] a')
    .first()
    .click();
  await viewReady(page, 'claim');
  expect(page.url()).toBe(`${session.app.url}/#/claim/pakistan-accuses-kabul-of-harboring-ttp`);
  expectCleanPage(session.w);
}, 120_000);

it('the disputes view sets each disputed claim beside its denials, and filters by actor', async () => {
  const { page } = session.w;
  await page.goto(`${session.app.url}/#/disputes`);
  await viewReady(page, 'disputes');
  const disputes = page.locator('li.dispute');
  expect(await disputes.count()).toBe(1);
  const left = disputes.locator('.this article');
  const right = disputes.locator('.against article');
  expect(await left.getAttribute('data-claim')).toBe('pakistan-accuses-kabul-of-harboring-ttp');
  expect(await right.getAttribute('data-claim')).toBe('taliban-denies-sheltering-ttp');
  expect(await right.locator('.card-label').textContent()).toBe('Denied by');
  expect(await right.locator('mark').textContent()).toBe('The Taliban denies sheltering the TTP');
  const [a, b] = [await left.boundingBox(), await right.boundingBox()];
  expect(a && b && b.x >= a.x + a.width).toBe(true);
  await screenshot(page, 'disputes-view');

  await page.getByLabel('Actor (either side)').fill('Qatar');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('p.count', { hasText: 'Qatar' }).waitFor();
  expect(await page.locator('p.count').textContent()).toBe('No disputed claims involving “Qatar”.');
  expect(page.url()).toBe(`${session.app.url}/#/disputes?actor=Qatar`);
  expectCleanPage(session.w);
}, 120_000);

describe('errors are said in words', () => {
  it('a refused search shows the API message and its code', async () => {
    const { page } = session.w;
    await page.goto(`${session.app.url}/#/search?q=${encodeURIComponent('/harbou?r/')}`);
    await viewReady(page, 'search');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('regular expressions (/…/) are not supported');
    expect(await alert.locator('code').textContent()).toBe('BAD_USER_INPUT');
    await screenshot(page, 'api-error');
    expectCleanPage(session.w);
  }, 120_000);

  it('an unknown actor, claim or source says so instead of a blank page', async () => {
    const { page } = session.w;
    await page.goto(`${session.app.url}/#/search?claimant=Atlantis`);
    await viewReady(page, 'search');
    expect(await page.getByRole('alert').textContent()).toContain(
      'no actor has the id, name or alias "Atlantis"',
    );
    expect(await page.getByRole('alert').locator('code').textContent()).toBe('NOT_FOUND');

    await page.goto(`${session.app.url}/#/claim/no-such-claim`);
    await viewReady(page, 'claim');
    expect(await page.locator('h1').textContent()).toBe('No such claim');
    await page.goto(`${session.app.url}/#/actor/Atlantis`);
    await viewReady(page, 'actor');
    expect(await page.locator('h1').textContent()).toBe('No such actor');
    expectCleanPage(session.w);
  }, 120_000);
});

// Last in this file: it adds a source and a claim to the seed graph the tests above count.
describe('an orphaned excerpt (issue 12)', () => {
  it('is said to be orphaned beside the source text, with its candidates, and never marked in it', async () => {
    const desk = { by: 'test-desk', role: 'editor' };
    const url = 'https://example.org/browser/orphan';
    const text = 'Torkham, 9 November. Customs officials said 40 trucks crossed on Saturday. Trade resumed.';
    await addSource(session.executor, desk, { url, text });
    const id = await recordClaim(session.executor, desk, {
      kind: 'STATEMENT',
      claimant: 'Islamabad',
      content: 'Forty trucks crossed at Torkham.',
      source: url,
      excerpt: 'Customs officials said 40 trucks crossed',
    });
    await recheckSource(session.executor, desk, url, text.replace('40 trucks', '14 trucks'));

    const { page } = session.w;
    await page.goto(`${session.app.url}/#/claim/${id}`);
    await viewReady(page, 'claim');
    expect(await page.locator('.view-header .badge.anchoring').textContent()).toBe('orphaned');
    const note = page.locator('section[aria-labelledby="claim-source"] .orphan');
    expect(await note.getAttribute('role')).toBe('note');
    expect(await note.locator('p').first().textContent()).toContain(
      'Orphaned: Customs officials said 40 trucks crossed is no longer in the current text', // <q> draws its quotes in CSS
    );
    expect(
      await note
        .getByRole('list', { name: 'Closest passages in the current text' })
        .locator('li q')
        .first()
        .textContent(),
    ).toBe('Customs officials said 14 trucks crossed');
    // The old offsets point into the old text: nothing is marked in the current one.
    expect(await page.locator('section[aria-labelledby="claim-source"] mark').count()).toBe(0);
    expect(await page.locator('section[aria-labelledby="claim-source"] .text').textContent()).toContain(
      'said 14 trucks',
    );
    await screenshot(page, 'claim-orphaned');
    expectCleanPage(session.w);
  }, 120_000);
});
