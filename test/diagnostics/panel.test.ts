/**
 * The Diagnostics panel in the real built sidebar (headless Chromium, playground stand-in for
 * google.script.run): opening it runs the checks at once, shows the pass/fail report in the
 * chosen language, and "Copy report" puts the report text on the clipboard inside the click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Playground } from '../../src/local/playground/server';
import { launch, playground, shot } from '../e2e/browser';

let pg: Playground;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
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
  it('runs on open, reports every check passed in Chinese, and leaves the workbook as it was', async () => {
    await page.goto(`${pg.url}?lang=zh-CN`);
    await page.frameLocator('#sidebar').locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
    const before = await sheetTabs();
    expect(before.length).toBeGreaterThan(0);

    await page.goto(`${pg.url}sidebar.html?lang=zh-CN&panel=diagnostics`);
    const summary = page.locator('#diag-summary');
    await summary.waitFor({ timeout: 60_000 });
    const checks = await page.locator('#diag-checks li').count();
    expect(checks).toBeGreaterThan(15);
    expect(await summary.textContent()).toBe(`全部 ${checks} 项检查通过。`);
    expect(await page.locator('#diag-checks li[data-status="pass"]').count()).toBe(checks);
    expect(await page.locator('#diag-checks li[data-check="progress"]').textContent()).toMatch(/进度.*与核心一致.*agree with core/);
    await page.screenshot({ path: shot('diagnostics-zh'), fullPage: true });

    await page.goto(`${pg.url}?lang=zh-CN`);
    await expect.poll(sheetTabs).toEqual(before);
  });

  it('"Copy report" puts the report text on the clipboard', async () => {
    await page.goto(`${pg.url}sidebar.html?lang=en&panel=diagnostics`);
    await page.locator('#diag-summary').waitFor({ timeout: 60_000 });
    const text = await page.locator('#diag-text').inputValue();
    expect(text).toMatch(/^OKR Sheets diagnostics .* · locale en_US|^OKR Sheets diagnostics /);
    expect(text).toMatch(/\n\d+ passed, 0 failed, 0 not checked\n/);
    await page.locator('#diag-copy').click();
    await expect.poll(() => page.locator('#messages').textContent()).toMatch(/Report copied/);
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(text);
  });
});
