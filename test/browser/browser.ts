/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (page.evaluate callbacks run in the browser: they see the DOM.)
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from 'cytoscape';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Executor } from '../../src/db/executor';
import { PROJECT_ROOT } from '../../src/paths';
import type { TestApp } from '../support/app';
import { closeApp, openSeededApp } from '../support/fixtures';

/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download needs a host
 * these machines cannot reach). `.ci/run` installs it with apt-get when it is missing.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(PROJECT_ROOT, 'test', 'browser', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    // Never a skip: a missing browser is a failed test run, with the way out.
    throw new Error(
      `no Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--lang=en-GB'],
  });
}

/** A page whose every request is watched: anything that leaves 127.0.0.1 is blocked and recorded. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  problems: string[];
  /** Requests that tried to leave 127.0.0.1 (blocked). */
  external: string[];
  /** Every /graphql request body the page sent. */
  graphql: string[];
}

export async function openPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
    locale: 'en-GB',
  });
  const problems: string[] = [];
  const external: string[] = [];
  const graphql: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') {
      if (url.pathname === '/graphql') graphql.push(route.request().postData() ?? '');
      await route.continue();
      return;
    }
    external.push(route.request().url());
    await route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  return { context, page, problems, external, graphql };
}

/** Waits until the explorer has drawn `view` (main[data-ready] is set once its first answer is shown). */
export async function viewReady(page: Page, view: string): Promise<void> {
  await page.locator(`main[data-ready="${view}"]`).waitFor({ state: 'attached', timeout: 45_000 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** What every browser test checks last: nothing left the host, nothing went wrong in the page. */
export function expectCleanPage(w: WatchedPage): void {
  expect({ external: w.external, problems: w.problems }).toEqual({ external: [], problems: [] });
}

/** The explorer exposes its drawn network (a Cytoscape.js core) as window.claimgraphNetwork. */
export type NetworkWindow = Window & { claimgraphNetwork?: Core };

/** What a browser suite works with; its fields are set by useExplorer's hooks before each test runs. */
export interface ExplorerSession {
  app: TestApp;
  executor: Executor;
  browser: Browser;
  /** A fresh watched page for each test (its own context: no cookies or storage carried over). */
  w: WatchedPage;
}

/**
 * Registers the hooks every browser suite needs: the seed graph (plus `prepare`'s data) served by
 * an app of its own, one Chromium for the file, and a fresh watched page per test. Call it at the
 * top of a test file; a suite's own beforeAll runs after it, with `session.app` ready.
 */
export function useExplorer(prepare?: (executor: Executor) => Promise<void>): ExplorerSession {
  const session = {} as ExplorerSession;
  beforeAll(async () => {
    ({ executor: session.executor, app: session.app } = await openSeededApp(prepare));
    session.browser = await launchChromium();
    // Seeding and a first Chromium start on a busy 2-core machine can take longer than a test.
  }, 180_000);
  afterAll(async () => {
    await session.browser?.close();
    await closeApp(session.app, session.executor);
  });
  beforeEach(async () => {
    session.w = await openPage(session.browser);
  });
  afterEach(async () => {
    await session.w?.context.close();
  });
  return session;
}
