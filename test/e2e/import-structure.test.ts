/**
 * End to end (Chromium) for issue 15 in the sidebar: the import preview explains how the text was
 * read, one switch re-reads it (and the write uses that reading), and "adopt this sheet" shows a
 * team's own table's column mapping, then builds a new OKR sheet with the source untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Playground } from '../../src/local/playground/server';
import { createLocalApp } from '../../src/local/workbook';
import { launch, playground, shot } from './browser';

let pg: Playground;
let browser: Browser;
let page: Page;

/** `##` headings group bold objectives: the parser picks one reading, the other is a switch away. */
const MARKDOWN = [
  '## Growth',
  '**Win the east region**',
  '- Raise monthly revenue from 100k to 150k @Li Lei',
  '- Sign 10 new customers by 11月30日',
  '**Keep customers happy**',
  '- Raise NPS from 45 to 60',
  '## Platform',
  '**Ship a faster app**',
  '- Cut page load time from 3s to 1s',
].join('\n');

const SOURCE: (string | number)[][] = [
  ['Objective', 'Key result', 'Owner', 'Target', 'Current', 'Comment'],
  ['Win the east region', 'Monthly revenue 150k', 'Li Lei', 150, 120, 'on track'],
  ['', 'Sign 10 new customers', 'Han Mei', 10, 4, ''],
  ['Keep customers happy', 'NPS 60', 'Wang Fang', 60, 50, ''],
];

function workbook() {
  const local = createLocalApp({ lang: 'en', name: 'Team' });
  const sheet = local.ss.insertSheet('Our own OKRs');
  sheet.getRange(1, 1, SOURCE.length, SOURCE[0]!.length).setValues(SOURCE);
  local.ss.setActiveSheet(sheet);
  return local.toPlan();
}

const sourceValues = () => JSON.stringify(pg.ctx.ss.getSheetByName('Our own OKRs')!.getDataRange().getValues());

beforeAll(async () => {
  pg = await playground({ lang: 'en', workbook: { plan: workbook() as never, name: 'Team', lang: 'en' } });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 420, height: 1400 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await pg?.close();
});

async function open() {
  await page.goto(`${pg.url}sidebar.html?lang=en&panel=import`);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
  await page.locator('#panel-import[data-rendered="true"]').waitFor();
}

const objectiveTitles = () => page.locator('#imp-rows tr.obj td:nth-child(2)').allTextContents();

describe('import preview in the sidebar', () => {
  it('explains the reading; one switch re-reads the text before writing, and the write uses it', async () => {
    const sheets = pg.ctx.ss.getSheets().length;
    await open();
    await page.locator('#imp-text').fill(MARKDOWN);
    await page.locator('#imp-preview-btn').click();
    await page.locator('#imp-structure').waitFor();
    expect(await page.locator('#imp-structure').textContent()).toMatch(/^objectives: .+; key results: /);
    const first = await objectiveTitles();
    expect(first.length).toBeGreaterThan(0);
    // owner and due where parsed
    const revenue = page.locator('#imp-rows tr.kr', { hasText: 'monthly revenue' });
    expect(await revenue.locator('span.owner').textContent()).toBe('Li Lei');
    expect(await page.locator('#imp-rows tr.kr', { hasText: '10 new customers' }).locator('span.due').textContent()).toMatch(/^Due \d{4}-11-30$/);
    await page.screenshot({ path: shot('import-01-structure') });

    // the one switch: every reading the parser offers, the chosen one selected
    const options = await page.locator('#imp-level option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
    expect(options.length).toBeGreaterThan(1);
    const chosen = await page.locator('#imp-level').inputValue();
    const other = options.find((o) => o !== chosen)!;
    const explained = await page.locator('#imp-structure').textContent();
    await page.locator('#imp-level').selectOption(other);
    await expect.poll(() => page.locator('#imp-structure').textContent()).not.toBe(explained);
    expect(await page.locator('#imp-level').inputValue()).toBe(other);
    const second = await objectiveTitles();
    expect(second).not.toEqual(first);
    await page.screenshot({ path: shot('import-02-switched') });

    // nothing was written by previewing; the write follows the switched reading
    expect(pg.ctx.ss.getSheets().length).toBe(sheets);
    await page.locator('#imp-write-btn').click();
    await expect.poll(() => page.locator('#messages').textContent()).toMatch(/Wrote \d+ rows/);
    const msg = (await page.locator('#messages').textContent())!;
    const name = /to "([^"]+)"/.exec(msg)![1]!;
    const written = pg.ctx.ss.getSheetByName(name)!.getDataRange().getValues().flat();
    for (const t of second) expect(written).toContain(t);
  }, 90_000);

  it('says clearly what was looked for when nothing is found', async () => {
    await open();
    await page.locator('#imp-text').fill('Lunch at noon.\nBring slides.');
    await page.locator('#imp-preview-btn').click();
    await page.locator('#imp-error').waitFor();
    expect(await page.locator('#imp-error').textContent()).toMatch(/No OKRs found\. Looked for/);
    expect(await page.locator('#imp-write-btn').count()).toBe(0);
  }, 60_000);

  it('adopt this sheet: shows the column mapping, builds a new OKR sheet, the source unchanged', async () => {
    const before = sourceValues();
    // the user opens their own sheet (the last write left our new OKR sheet open), then the panel
    pg.ctx.ss.setActiveSheet(pg.ctx.ss.getSheetByName('Our own OKRs')!);
    await open();
    expect(await page.locator('#imp-adopt-sheet').inputValue()).toBe('Our own OKRs');
    await page.locator('#imp-adopt-btn').click();
    await page.locator('#imp-adopt-map').waitFor();
    const mapping = await page.locator('#imp-adopt-map li').allTextContents();
    expect(mapping.slice(0, 3)).toEqual(['A · Objective → objective', 'B · Key result → key result', 'C · Owner → owner']);
    expect(await page.locator('#imp-adopt-rows td.rid').allTextContents()).toEqual(['O1', 'O1.KR1', 'O1.KR2', 'O2', 'O2.KR1']);
    await page.screenshot({ path: shot('import-03-adopt') });
    const count = pg.ctx.ss.getSheets().length;
    await page.locator('#imp-adopt-unit').fill('East Sales');
    await page.locator('#imp-adopt-cycle').fill('2026-Q4');
    await page.locator('#imp-adopt-write').click();
    await expect.poll(() => page.locator('#messages').textContent()).toMatch(/Wrote 5 rows/);
    const name = /to "([^"]+)"/.exec((await page.locator('#messages').textContent())!)![1]!;
    expect(name).toContain('East Sales');
    const header = pg.ctx.ss.getSheetByName(name)!.getDataRange().getValues().slice(0, 6).flat();
    expect(header).toContain('East Sales');
    expect(header).toContain('2026-Q4');
    expect(pg.ctx.ss.getSheets().length).toBeGreaterThan(count);
    expect(sourceValues()).toBe(before);
  }, 60_000);
});
