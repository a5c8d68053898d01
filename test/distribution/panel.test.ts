/**
 * The Distribute panel in the real built sidebar (headless Chromium, the playground's stand-in for
 * google.script.run, an in-memory Drive): one click runs batch after batch to "3 / 3 units", a
 * second collects them back into the hub.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setDriveProvider } from '../../src/addon/actions/distribution';
import { buildRosterTemplatePlan } from '../../src/core/roster';
import type { Playground } from '../../src/local/playground/server';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';

/** The little of playwright used here (its types need the DOM lib; see test/diagnostics/panel.test.ts). */
interface Locator {
  waitFor(o?: { timeout?: number; state?: 'attached' | 'visible' }): Promise<void>;
  textContent(): Promise<string | null>;
  click(): Promise<void>;
  fill(v: string): Promise<void>;
}
interface Page {
  goto(url: string): Promise<unknown>;
  locator(sel: string): Locator;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface Helpers {
  launch(): Promise<Browser>;
  playground(o: { lang: 'zh-CN' | 'en'; seed?: boolean }): Promise<Playground>;
}
const helpersPath = '../e2e/browser';

let pg: Playground;
let browser: Browser;

beforeAll(async () => {
  const h = (await import(/* @vite-ignore */ helpersPath)) as Helpers;
  pg = await h.playground({ lang: 'en', seed: false });
  browser = await h.launch();
  applyWorkbookPlan(pg.ctx, { sheets: [{ ...buildRosterTemplatePlan('en'), values: [
    ['Unit', 'Level', 'Parent unit', 'Owner', 'Email', 'Department template'],
    ['Acme', 'Company', '', 'Ada', 'ada@example.com', 'Company'],
    ['Sales Center', 'Department', 'Acme', 'Bo', 'bo@example.com', 'Sales'],
    ['Legal', 'Department', 'Acme', 'Cy', '', 'Legal'],
  ] }] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await pg?.close();
  setDriveProvider(null);
});

it('distributes with a progress bar, then collects', async () => {
  const page = await browser.newPage();
  await page.goto(`${pg.url}sidebar.html?lang=en&panel=distribution`);
  await page.locator('#di-cycle').fill('2026-Q4');
  await page.locator('#di-distribute').click();
  await page.locator('#di-result .ok').waitFor({ timeout: 90_000 });
  expect(await page.locator('#di-result .ok').textContent()).toBe('Distribution done: 3 / 3 units');
  expect(await page.locator('#di-progress-text').textContent()).toBe('3 / 3 units');
  await page.locator('#di-collect').click();
  await page.locator('#di-result .ok').waitFor({ timeout: 90_000 });
  expect(await page.locator('#di-result .ok').textContent()).toContain('Collected: 3 / 3 units');
  const names = pg.ctx.ss.getSheets().map((s) => s.getName());
  expect(names).toEqual(expect.arrayContaining(['Units registry', 'Dashboard', 'Alignment map']));
}, 180_000);
