/**
 * End to end (issue 10, "one number"): numbers typed as text in an OKR sheet → Check in the real
 * built sidebar (headless Debian Chromium) offers "Convert N cells to numbers"; one click writes
 * the numbers, Check runs again and the finding is gone; the sheet's Progress follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Playground } from '../../src/local/playground/server';
import { launch, playground, shot } from './browser';

let pg: Playground;
let browser: Browser;
let page: Page;
let side: FrameLocator;
const pageErrors: string[] = [];

beforeAll(async () => {
  pg = await playground({ lang: 'en' });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (d) => void d.dismiss());
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${pg.url}?lang=en`);
  side = page.frameLocator('#sidebar');
  await side.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await pg?.close();
});

/** 0-based row of the KR and 0-based columns by header label, read from the workbook itself. */
function locate(sheetName: string) {
  const sheet = pg.ctx.ss.getSheetByName(sheetName)!;
  const values = sheet.getDataRange().getValues();
  const h = values.findIndex((r) => r.includes('ID') && r.includes('Target'));
  const col = (label: string) => values[h]!.indexOf(label);
  const row = values.findIndex((r, i) => i > h && /KR1$/.test(String(r[col('ID')])));
  const a1 = (c: number) => `${String.fromCharCode(65 + c)}${row + 1}`;
  return { sheet, col, row, a1 };
}

describe('convert numbers typed as text, from the Check panel', () => {
  it('offers one button for the cells, converts them, re-checks, and Progress follows', async () => {
    await side.locator('#tab-check').click();
    await side.locator('#panel-check[data-rendered="true"]').waitFor();
    const sheetName = await side.locator('#check-sheet').inputValue();
    const { sheet, col, a1 } = locate(sheetName);
    const start = a1(col('Start')), target = a1(col('Target')), current = a1(col('Current')), progress = a1(col('Progress'));
    sheet.getRange(start).setValue(0);
    sheet.getRange(target).setValue('500万');
    sheet.getRange(current).setValue('180万');
    expect(sheet.getRange(progress).getValue()).toBe(0); // the formula reads text as no number

    await side.locator('#check-run').click();
    const button = side.locator('#check-convert');
    await button.waitFor();
    expect(await button.textContent()).toBe('Convert 2 cells to numbers');
    const found = side.locator('.finding[data-rule="number-as-text"]');
    const cells: (string | null)[] = [];
    for (let i = 0; i < (await found.count()); i++) cells.push(await found.nth(i).getAttribute('data-a1'));
    expect(cells.sort()).toEqual([current, target].sort());
    await page.screenshot({ path: shot('convert-numbers-1-offer') });

    await button.click();
    await expect.poll(async () => (await side.locator('#messages .msg.info').textContent().catch(() => '')) ?? '').toMatch(/Converted 2 cells/);
    // Check ran again: no text numbers left, so no button
    await expect.poll(() => side.locator('.finding[data-rule="number-as-text"]').count()).toBe(0);
    expect(await side.locator('#check-convert').count()).toBe(0);
    expect(sheet.getRange(target).getValue()).toBe(5000000);
    expect(sheet.getRange(current).getValue()).toBe(1800000);
    expect(sheet.getRange(progress).getValue()).toBeCloseTo(0.36, 10);
    await page.screenshot({ path: shot('convert-numbers-2-done') });
    expect(pageErrors).toEqual([]);
  });
});
