/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (page.evaluate callbacks run in the browser: they see the DOM.)
import YAML from 'yaml';
import { loadBundles } from '../../src/data/load';
import { validateSourceFile } from '../../src/data/validate';
import { expectCleanPage, screenshot, viewReady, useExplorer } from './browser';

/**
 * Contradicting figures, side by side: a source of our own in which two claimants give different
 * death tolls for the same event (same measure, same unit), so each figure is disputed by the other.
 */
const TEXT =
  'Harbour town, 3 March. The port authority said 12 people died in the warehouse fire. ' +
  'The fire brigade said 4 people died in the fire.';
const FIRST = 'The port authority said 12 people died in the warehouse fire';
const SECOND = 'The fire brigade said 4 people died in the fire';

function contradictingSource(): string {
  const at = (words: string) => ({
    exact: words,
    start: TEXT.indexOf(words),
    end: TEXT.indexOf(words) + words.length,
  });
  return YAML.stringify({
    source: {
      url: 'https://example.org/2026/03/03/warehouse-fire',
      title: 'Warehouse fire',
      publishedAt: '2026-03-03',
      text: TEXT,
    },
    actors: [
      { id: 'port-authority', name: 'Port authority', kind: 'OTHER', aliases: [] },
      { id: 'fire-brigade', name: 'Fire brigade', kind: 'OTHER', aliases: [] },
    ],
    events: [{ id: 'warehouse-fire', kind: 'OTHER', name: 'Warehouse fire', startDate: '2026-03-02' }],
    claims: [
      {
        id: 'port-authority-fire-deaths',
        kind: 'FIGURE',
        claimant: 'port-authority',
        content: 'Twelve people died in the warehouse fire.',
        cue: 'said',
        about: ['warehouse-fire'],
        figures: [{ value: 12, unit: 'person', measure: 'deaths' }],
        excerpts: [at(FIRST)],
      },
      {
        id: 'fire-brigade-fire-deaths',
        kind: 'FIGURE',
        claimant: 'fire-brigade',
        content: 'Four people died in the warehouse fire.',
        cue: 'said',
        about: ['warehouse-fire'],
        figures: [{ value: 4, unit: 'person', measure: 'deaths' }],
        excerpts: [at(SECOND)],
      },
    ],
  });
}

const session = useExplorer(async (executor) => {
  await loadBundles(executor, [validateSourceFile('warehouse-fire.yaml', contradictingSource())], {
    by: 'loader:test',
    role: 'system',
  });
});

it('the claim view sets a figure beside the figure that contradicts it, each with its own words', async () => {
  const { page } = session.w;
  await page.goto(`${session.app.url}/#/claim/port-authority-fire-deaths`);
  await viewReady(page, 'claim');
  expect(await page.locator('dl.facts dt:has-text("Status") + dd').textContent()).toBe('disputed');
  expect(await page.locator('dl.facts dt:has-text("Figures") + dd').textContent()).toBe('12 person (deaths)');
  const other = page.locator('.side-by-side > .against article[data-claim="fire-brigade-fire-deaths"]');
  expect(await other.locator('.card-label').textContent()).toBe('Contradicted by');
  expect(await other.locator('mark').textContent()).toBe(SECOND);
  expect(await page.locator('.side-by-side > .this mark').textContent()).toBe(FIRST);
  await screenshot(page, 'contradiction');

  await page.goto(`${session.app.url}/#/disputes?actor=fire-brigade`);
  await viewReady(page, 'disputes');
  // Each figure is disputed by the other, and the fire brigade is on one side of both.
  const claims = await page
    .locator('li.dispute .this article')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')));
  expect(claims.sort()).toEqual(['fire-brigade-fire-deaths', 'port-authority-fire-deaths']);
  expect(await page.locator('li.dispute .against .card-label').allTextContents()).toEqual([
    'Contradicted by',
    'Contradicted by',
  ]);
  expectCleanPage(session.w);
}, 120_000);
