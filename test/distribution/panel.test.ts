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
import { dispatch } from '../../src/addon/rpc/server';
import type { DistributionBatchResult } from '../../src/addon/rpc/contract';
import { readRegistryValues } from '../../src/core/distribution';
import { takeSnapshot } from '../../src/sheets/snapshot';

/** The little of playwright used here (its types need the DOM lib; see test/diagnostics/panel.test.ts). */
interface Locator {
  waitFor(o?: { timeout?: number; state?: 'attached' | 'visible' }): Promise<void>;
  textContent(): Promise<string | null>;
  click(): Promise<void>;
  fill(v: string): Promise<void>;
  press(key: string): Promise<void>;
  allTextContents(): Promise<string[]>;
}
interface Page {
  goto(url: string): Promise<unknown>;
  locator(sel: string): Locator;
  evaluate(expr: string): Promise<unknown>;
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
  // the review of a department from the hub: the units seen are offered, the sheet written in the hub
  expect(await page.evaluate(`document.querySelectorAll('#di-units option').length`)).toBe(3);
  await page.locator('#di-review-unit').fill('Acme');
  await page.locator('#di-review').click();
  await page.locator('#di-review-result .ok').waitFor({ timeout: 60_000 });
  expect(await page.locator('#di-review-result .ok').textContent()).toMatch(/^Written to “Review Acme 2026-Q4” \(\d+ objectives\)\.$/);
  expect(pg.ctx.ss.getSheetByName('Review Acme 2026-Q4')).not.toBeNull();
}, 180_000);

it('shows the hub and each unit file as tabs; a value typed in a unit file is collected into the hub', async () => {
  const page = await browser.newPage();
  await page.goto(`${pg.url}?lang=en`);
  const fileTabs = page.locator('#files button');
  await page.locator('#files button[data-file="hub"]').waitFor({ timeout: 30_000 });
  const titles = await fileTabs.allTextContents();
  expect(titles.filter((t) => /^OKR .* 2026-Q4$/.test(t))).toEqual(['OKR Acme 2026-Q4', 'OKR Sales Center 2026-Q4', 'OKR Legal 2026-Q4']);
  // the team of Legal opens its file and types a current value for O1.KR1
  await page.locator('#files button:has-text("OKR Legal 2026-Q4")').click();
  await page.locator('#tabs button[data-sheet="OKR Legal 2026-Q4"]').click();
  await page.locator('#grid[data-sheet="OKR Legal 2026-Q4"] td[data-a1="A1"]').waitFor({ timeout: 30_000 });
  const a1 = (await page.evaluate(`(() => {
    const tds = [...document.querySelectorAll('#grid td[data-a1]')];
    const head = tds.find((td) => td.textContent === 'Current');
    const kr = tds.find((td) => td.textContent === 'O1.KR1');
    return head.getAttribute('data-a1').replace(/\\d+$/, '') + kr.getAttribute('data-a1').replace(/^[A-Z]+/, '');
  })()`)) as string;
  await page.locator(`#grid td[data-a1="${a1}"]`).click();
  await page.locator('#cell-input').fill('80%');
  await page.locator('#cell-input').press('Enter');
  await page.locator('#files button[data-file="hub"]').click();
  await page.locator('#tabs button[data-sheet="Units registry"]').waitFor({ timeout: 30_000 });
  const r = dispatch('collectBatch', { asOf: '2026-11-20' }, () => pg.ctx, 'en');
  expect(r.ok && (r.result as DistributionBatchResult).ok).toBe(true);
  const reg = readRegistryValues(takeSnapshot(pg.ctx).sheets.find((x) => x.metaRole === 'registry')!.values).rows;
  expect(reg.find((x) => x.unit === 'Legal')!.progress).toBeGreaterThan(0);
  expect(reg.find((x) => x.unit === 'Acme')!.progress).toBe(0);
}, 180_000);
