/**
 * End to end (issue 14 §3): the Grading panel of the real built sidebar (headless Debian
 * Chromium) on the playground. A manager types a score for a KR and Saves: the card's Final score
 * changes to it, the sheet's Manager score cell holds it and the sheet's own Final score formula
 * shows it; a score outside the scale is refused in words and nothing is written.
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
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${pg.url}?lang=en`);
  side = page.frameLocator('#sidebar');
  await side.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
  await side.locator('#tab-grading').click();
  await side.locator('#panel-grading[data-rendered="true"]').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await pg?.close();
});

/** The sheet's Manager score and Final score cells of a KR, read from the workbook itself. */
function cells(sheetName: string, id: string) {
  const values = pg.ctx.ss.getSheetByName(sheetName)!.getDataRange().getValues();
  const h = values.findIndex((r) => r.includes('ID') && r.includes('Manager score'));
  const col = (label: string) => values[h]!.indexOf(label);
  const row = values.findIndex((r, i) => i > h && r[col('ID')] === id);
  return { manager: values[row]![col('Manager score')], final: values[row]![col('Final score')], comment: values[row]![col('Comment')] };
}

const message = async () => (await side.locator('#messages .msg').allTextContents()).join(' | ');

describe('Grading panel', () => {
  it('a manager score typed and saved changes the Final score, in the card and in the sheet', async () => {
    const sheetName = await side.locator('#gr-sheet').inputValue();
    await side.locator('#gr-manager-0').waitFor();
    // the first KR card (objectives have no KR dot in the ID)
    const ids = await side.locator('.grade-card').evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(n: string): string | null }).getAttribute('data-id') ?? ''));
    const i = ids.findIndex((id) => /\.KR\d+$/.test(id));
    expect(i).toBeGreaterThan(0);
    const id = ids[i]!;
    const before = cells(sheetName, id);
    const finalBefore = await side.locator(`#gr-final-${i}`).textContent();
    const target = finalBefore === '0.3' ? '0.9' : '0.3';
    expect(before.manager === '' || before.manager === null).toBe(true);

    await side.locator(`#gr-manager-${i}`).fill(target);
    await side.locator(`#gr-comment-${i}`).fill('Graded in the browser test');
    await side.locator('#gr-save').click();
    await expect.poll(message).toContain('Saved 1 row(s) of grades');
    expect(await side.locator(`#gr-final-${i}`).textContent()).toBe(target);
    const after = cells(sheetName, id);
    expect(after).toEqual({ manager: Number(target), final: Number(target), comment: 'Graded in the browser test' });
    await page.screenshot({ path: shot('grading-saved') });
  });

  it('a score outside the scale is refused in words; nothing is written', async () => {
    const sheetName = await side.locator('#gr-sheet').inputValue();
    const ids = await side.locator('.grade-card').evaluateAll((els) => els.map((e) => (e as unknown as { getAttribute(n: string): string | null }).getAttribute('data-id') ?? ''));
    const i = ids.findIndex((id) => /\.KR\d+$/.test(id));
    const before = cells(sheetName, ids[i]!);
    await side.locator(`#gr-manager-${i}`).fill('7');
    await side.locator('#gr-save').click();
    await expect.poll(message).toContain(`${ids[i]}: manager score 7 is outside 0–1`);
    expect(cells(sheetName, ids[i]!)).toEqual(before);
    expect(pageErrors).toEqual([]);
  });
});
