/**
 * The Diagnostics panel in the real built sidebar (headless Chromium, playground stand-in for
 * google.script.run): opening it runs the checks at once, shows the pass/fail report in the
 * chosen language, and "Copy report" puts the report text on the clipboard inside the click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playground } from '../../src/local/playground/server';

/**
 * The little of playwright this test uses. The helpers are imported untyped: playwright's types
 * need the DOM lib, which this (server-side) tsconfig project does not have — test/e2e has its
 * own project with DOM stand-ins.
 */
interface Locator {
  waitFor(o?: { timeout?: number }): Promise<void>;
  count(): Promise<number>;
  textContent(): Promise<string | null>;
  getAttribute(name: string): Promise<string | null>;
  nth(i: number): Locator;
  inputValue(): Promise<string>;
  click(): Promise<void>;
  allTextContents(): Promise<string[]>;
  locator(sel: string): Locator;
}
interface Page {
  goto(url: string): Promise<unknown>;
  locator(sel: string): Locator;
  frameLocator(sel: string): { locator(sel: string): Locator };
  screenshot(o: { path: string; fullPage?: boolean }): Promise<unknown>;
  evaluate(expr: string): Promise<unknown>;
}
interface Context {
  grantPermissions(p: string[], o: { origin: string }): Promise<void>;
  newPage(): Promise<Page>;
}
interface Browser {
  newContext(o: { viewport: { width: number; height: number } }): Promise<Context>;
  close(): Promise<void>;
}
interface Helpers {
  launch(): Promise<Browser>;
  playground(o: { lang: 'zh-CN' | 'en' }): Promise<Playground>;
  shot(name: string): string;
}
const helpersPath = '../e2e/browser';

let pg: Playground;
let browser: Browser;
let context: Context;
let page: Page;
let shot: Helpers['shot'];

beforeAll(async () => {
  const h = (await import(/* @vite-ignore */ helpersPath)) as Helpers;
  shot = h.shot;
  const { launch, playground } = h;
  pg = await playground({ lang: 'zh-CN' });
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: pg.url });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await pg?.close();
});

const sheetTabs = () => page.locator('#tabs button').allTextContents();

describe('Diagnostics panel', () => {
  // The playground carries the in-memory stand-in of the advanced Sheets service (as the rpc context
  // does on Sheets), so the API path, the two-path comparison and the colours are checked; it cannot
  // read granted scopes (no ScriptApp): that one check is "not checked". The warning path (no
  // service, API disabled, scope refused) is covered in test/diagnostics/paths.test.ts.
  it('runs on open, reports in Chinese — every check passes but the scopes, not checked here — and leaves the workbook as it was', async () => {
    await page.goto(`${pg.url}?lang=zh-CN`);
    await page.frameLocator('#sidebar').locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
    const before = await sheetTabs();
    expect(before.length).toBeGreaterThan(0);

    await page.goto(`${pg.url}sidebar.html?lang=zh-CN&panel=diagnostics`);
    const summary = page.locator('#diag-summary');
    await summary.waitFor({ timeout: 60_000 });
    const checks = await page.locator('#diag-checks li').count();
    expect(checks).toBeGreaterThan(15);
    const passed = await page.locator('#diag-checks li[data-status="pass"]').count();
    expect(await page.locator('#diag-checks li[data-status="fail"]').count()).toBe(0);
    expect(await page.locator('#diag-checks li[data-status="warn"]').count()).toBe(0);
    expect(passed).toBe(checks - 1); // the scopes: not checked off Apps Script
    expect(await summary.textContent()).toBe(`全部 ${passed} 项检查通过。`);
    expect(await page.locator('#diag-checks li[data-check="sheets-api-path"]').getAttribute('data-status')).toBe('pass');
    expect(await page.locator('#diag-checks li[data-check="sheets-api-path"]').textContent()).toMatch(/batchUpdate/);
    expect(await page.locator('#diag-checks li[data-check="progress"]').textContent()).toMatch(/进度.*与核心一致.*\d+ 行（\d+ 个 KR，\d+ 个目标）与核心一致$/);
    await page.screenshot({ path: shot('diagnostics-zh'), fullPage: true });

    await page.goto(`${pg.url}?lang=zh-CN`);
    await expect.poll(sheetTabs).toEqual(before);
  });

  it('"Copy report" puts the report text on the clipboard', async () => {
    await page.goto(`${pg.url}sidebar.html?lang=en&panel=diagnostics`);
    await page.locator('#diag-summary').waitFor({ timeout: 60_000 });
    const text = await page.locator('#diag-text').inputValue();
    expect(text).toMatch(/^OKR Sheets diagnostics .* · locale en_US|^OKR Sheets diagnostics /);
    expect(text).toMatch(/\n\d+ passed, 0 failed, 0 warnings, 1 not checked\n/);
    expect(text).toMatch(/\n✔ PASS Plans applied through the Sheets API \(one batchUpdate\) — /);
    expect(text).toMatch(/\n✔ PASS The Sheets API and SpreadsheetApp write the same sheet, cell by cell — /);
    expect(text).toMatch(/\n✔ PASS Progress computed by the sheet's formulas matches core — \d+ rows \(\d+ KRs, \d+ objectives\) agree with core\n/);
    await page.locator('#diag-copy').click();
    await expect.poll(() => page.locator('#messages').textContent()).toMatch(/Report copied/);
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(text);
  });
});
