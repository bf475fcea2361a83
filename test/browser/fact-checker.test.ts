/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (page.evaluate callbacks run in the browser: they see the DOM.)
import type { Page } from 'playwright-core';
import { expectCleanPage, screenshot, viewReady, type NetworkWindow, useExplorer } from './browser';

/**
 * The walk, in a real Chromium on the seed graph: a fact-checker who never writes GraphQL
 * finds who accused whom of harbouring the TTP, reads the words in the source, sees the denial
 * beside them, shares the link, and follows the claimant into its network.
 */
const ACCUSATION = 'pakistan-accuses-kabul-of-harboring-ttp';
const DENIAL = 'taliban-denies-sheltering-ttp';

const session = useExplorer();

/** What the claim view must show, on first arrival and after a reload alike. */
async function expectAccusationView(page: Page): Promise<void> {
  await viewReady(page, 'claim');
  expect(await page.locator('h1').textContent()).toBe(
    'The Taliban government harbours Tehreek-e Taliban Pakistan (TTP) militants, who are responsible for numerous deadly attacks within Pakistan.',
  );
  const facts = page.locator('dl.facts');
  expect(await facts.locator('dt:has-text("Status") + dd').textContent()).toBe('disputed');
  expect(await facts.locator('dt:has-text("Claimant") + dd').textContent()).toBe('Government of Pakistan');
  expect(await facts.locator('dt:has-text("Kind") + dd').textContent()).toBe('accusation');
  expect(await facts.locator('dt:has-text("About") + dd').textContent()).toBe(
    'Taliban government and Tehreek-e Taliban Pakistan',
  );

  // The exact words, inside a <mark> in the source text, scrolled into view in it.
  const mark = page.locator('figure.source-text mark', { hasText: 'harboring Tehreek-e Taliban Pakistan' });
  expect(await mark.count()).toBe(1);
  const inView = await mark.evaluate((m) => {
    const box = m.getBoundingClientRect();
    const pane = (m.closest('.text') as HTMLElement).getBoundingClientRect();
    return box.top >= pane.top && box.bottom <= pane.bottom;
  });
  expect(inView).toBe(true);

  // The denial beside it (to its right, level with it), with its own words marked and its source.
  const mine = page.locator('.side-by-side > .this');
  const denial = page.locator(`.side-by-side > .against article[data-claim="${DENIAL}"]`);
  expect(await denial.locator('.card-label').textContent()).toBe('Denied by');
  expect(await denial.locator('mark').textContent()).toBe('The Taliban denies sheltering the TTP');
  expect(await denial.locator('blockquote footer a').textContent()).toContain('Al Jazeera');
  expect(await mine.locator('mark').textContent()).toContain('harboring Tehreek-e Taliban Pakistan');
  const [a, b] = [await mine.boundingBox(), await denial.boundingBox()];
  expect(a && b && b.x >= a.x + a.width).toBe(true);
  expect(a && b && b.y < a.y + a.height && a.y < b.y + b.height).toBe(true);

  // Provenance from claimant to words, and the history of who recorded it.
  expect(await page.locator('ol.chain li').allTextContents()).toEqual([
    'claimant Government of Pakistan',
    'reported by Al Jazeera',
    'source Afghanistan-Pakistan Peace Talks Collapse Amid Mutual Accusations',
    expect.stringMatching(/^excerpt specifically accusing Kabul of harboring Tehreek-e Taliban Pakistan/),
  ]);
  expect(await page.locator('table.history tbody td:nth-child(2)').allTextContents()).toEqual([
    'loader:test',
  ]);
  expect(await page.locator(`a[href="/export/claims/${ACCUSATION}.jsonld"]`).count()).toBe(1);
}

it('walks the fact-checker path: search, the accusation in its words, its denial beside it, a reload, the claimant and its network', async () => {
  const { page } = session.w;
  await page.goto(`${session.app.url}/`);
  await viewReady(page, 'search');
  expect(await page.title()).toContain('claimgraph');

  const box = page.getByRole('searchbox', { name: 'Search claims' });
  await box.fill('harbouring');
  await box.press('Enter');
  const result = page.locator(`#results article[data-claim="${ACCUSATION}"]`);
  await result.waitFor();
  expect(page.url()).toContain('#/search?q=harbouring');
  // Kind, claimant, date, status and source on the result; the matched words highlighted.
  const meta = await result.locator('.meta').textContent();
  for (const part of ['accusation', 'disputed', 'Government of Pakistan', '8 Nov 2025', 'Al Jazeera']) {
    expect(meta).toContain(part);
  }
  expect(await result.locator('mark').allTextContents()).toEqual(['harbours', 'harboring']);
  await screenshot(page, 'fact-checker-1-search');

  await result.getByRole('link', { name: /^The Taliban government harbours/ }).click();
  await expectAccusationView(page);
  expect(page.url()).toBe(`${session.app.url}/#/claim/${ACCUSATION}`);
  await screenshot(page, 'claim-view');

  // A reload (or the link sent to a colleague) brings the same view back.
  await page.reload();
  await expectAccusationView(page);

  // The claimant: its aliases, and its attribution network drawn.
  await page.locator('dl.facts dt:has-text("Claimant") + dd a').click();
  await viewReady(page, 'actor');
  expect(await page.locator('h1').textContent()).toBe('Government of Pakistan');
  expect(await page.locator('ul.aliases li').allTextContents()).toEqual(
    expect.arrayContaining(['Islamabad', 'Pakistan']),
  );
  await page.waitForFunction(() => {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('#network canvas')];
    // Drawn: some canvas of the network has a non-transparent pixel.
    return canvases.some((c) => {
      const ctx = c.getContext('2d');
      if (!ctx || !c.width || !c.height) return false;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    });
  });
  const nodes = await page.evaluate(() =>
    (window as NetworkWindow).claimgraphNetwork
      ?.nodes()
      .map((n) => n.id())
      .sort(),
  );
  expect(nodes).toEqual(['pakistan-government', 'taliban-government', 'ttp']);
  const edges = await page.evaluate(() => (window as NetworkWindow).claimgraphNetwork?.edges().length);
  expect(edges).toBeGreaterThanOrEqual(5);
  await screenshot(page, 'fact-checker-2-actor');

  // Open a node: a real click where Cytoscape drew the Taliban government.
  const at = await page.evaluate(() => {
    const cy = (window as NetworkWindow).claimgraphNetwork;
    const node = cy?.getElementById('taliban-government');
    const rect = (cy?.container() as HTMLElement).getBoundingClientRect();
    const p = node?.renderedPosition();
    return p ? { x: rect.left + p.x, y: rect.top + p.y } : null;
  });
  expect(at).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  await page.waitForURL(`${session.app.url}/#/actor/taliban-government`);
  await page.locator('h1', { hasText: 'Taliban government' }).waitFor();
  await viewReady(page, 'actor');
  expect(await page.locator('ul.aliases li').allTextContents()).toEqual(expect.arrayContaining(['Kabul']));
  await screenshot(page, 'fact-checker-3-node');

  expectCleanPage(session.w);
}, 120_000);

it('is usable from the keyboard, with landmarks and labels', async () => {
  const { page } = session.w;
  await page.goto(`${session.app.url}/#/search`);
  await viewReady(page, 'search');
  expect(await page.getByRole('banner').count()).toBe(1);
  expect(await page.getByRole('navigation', { name: 'Views' }).count()).toBe(1);
  expect(await page.getByRole('main').count()).toBe(1);
  for (const label of ['Kind', 'Claimant', 'Target', 'Stated from', 'Stated to', 'Status']) {
    expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
  }
  // Tab from the top reaches the search box; typing and Enter search; Tab reaches the result.
  await page.getByRole('searchbox', { name: 'Search claims' }).focus();
  await page.keyboard.type('Doha');
  await page.keyboard.press('Enter');
  await page.locator('#results article').first().waitFor();
  let opened = false;
  for (let i = 0; i < 30 && !opened; i++) {
    await page.keyboard.press('Tab');
    opened = await page.evaluate(() => document.activeElement?.closest('#results h3') !== null);
  }
  expect(opened).toBe(true);
  await page.keyboard.press('Enter');
  await viewReady(page, 'claim');
  // A new view moves focus to its heading, as a page load would for a screen reader.
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  expectCleanPage(session.w);
}, 120_000);
