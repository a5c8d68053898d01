/**
 * End to end: the real built sidebar in headless Chromium, talking through the
 * google.script.run stand-in to the real RPC handlers on the in-memory workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Dialog, FrameLocator, Page } from 'playwright-core';
import type { Playground } from '../../src/local/playground/server';
import { launch, playground, shot } from './browser';
import { PANEL_IDS } from '../../src/addon/sidebar';

let pg: Playground;
let browser: Browser;
let page: Page;
let side: FrameLocator;
const dialogs: string[] = [];
const pageErrors: string[] = [];

/** The little of the DOM the page functions below use (this project type-checks without DOM). */
interface ElLike {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(sel: string): ArrayLike<ElLike>;
}
interface DocLike {
  querySelectorAll(sel: string): ArrayLike<ElLike>;
}

/** Cell text in the grid of the sheet shown. */
async function cellText(a1: string): Promise<string> {
  return (await page.locator(`#grid td[data-a1="${a1}"]`).textContent()) ?? '';
}

/** Header → column letter, from the grid (the reader finds columns by label, so do we). */
async function gridLookup(): Promise<{ header: Record<string, string>; rowOf: Record<string, number> }> {
  return page.evaluate(() => {
    const document = (globalThis as unknown as { document: DocLike }).document;
    const header: Record<string, string> = {};
    const rowOf: Record<string, number> = {};
    const rows = Array.from(document.querySelectorAll('#grid tr'));
    let idCol: string | null = null;
    for (const tr of rows) {
      const cells = Array.from(tr.querySelectorAll('td[data-a1]'));
      if (!idCol) {
        for (const td of cells) {
          const t = (td.textContent ?? '').trim();
          if (t === 'ID' || t === '编号') {
            for (const x of cells) header[(x.textContent ?? '').trim()] = (x.getAttribute('data-a1') ?? '').replace(/\d+$/, '');
            idCol = header[t]!;
          }
        }
        continue;
      }
      const idCell = cells.find((td) => (td.getAttribute('data-a1') ?? '').replace(/\d+$/, '') === idCol);
      const id = (idCell?.textContent ?? '').trim();
      if (id) rowOf[id] = Number((idCell!.getAttribute('data-a1') ?? '').replace(/^[A-Z]+/, ''));
    }
    return { header, rowOf };
  });
}

async function openTab(id: string) {
  await side.locator(`#tab-${id}`).click();
  await side.locator(`#panel-${id}[data-rendered="true"]`).waitFor();
}

async function gridVersion(): Promise<number> {
  return Number((await page.locator('body').getAttribute('data-version')) ?? '0');
}

async function showSheet(name: string) {
  await page.locator(`#tabs button[data-sheet="${name}"]`).click();
  await expect.poll(() => page.locator('#grid').getAttribute('data-sheet')).toBe(name);
}

beforeAll(async () => {
  pg = await playground({ lang: 'en' });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (d: Dialog) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${pg.url}?lang=en`);
  side = page.frameLocator('#sidebar');
  await side.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await pg?.close();
});

describe('playground end to end', () => {
  it('opens the sidebar in the playground\'s language when the URL names none', async () => {
    const p2 = await browser.newPage();
    try {
      await p2.goto(pg.url);
      await expect.poll(() => p2.locator('#sidebar').getAttribute('src')).toContain('lang=en');
      expect(await p2.locator('#sidebar-lang').inputValue()).toBe('en');
    } finally {
      await p2.close();
    }
  });

  it('starts on the sample company workbook with computed values', async () => {
    await expect.poll(() => page.locator('#tabs button').count()).toBeGreaterThan(0);
    const sheets = await page.locator('#tabs button').allTextContents();
    expect(sheets.some((n) => /Company|CEO|公司/i.test(n)), sheets.join(', ')).toBe(true);
    expect(sheets).toContain('Check-ins');
    // the seeded check-ins give computed, non-zero progress and coloured statuses
    const { header, rowOf } = await gridLookup();
    const kr1 = rowOf[Object.keys(rowOf).find((id) => /KR1$/.test(id))!]!;
    expect(await cellText(`${header['Progress']}${kr1}`)).toMatch(/^[1-9]\d*(\.\d+)?%$/);
    expect(await page.locator('#grid td[class*="status-"]').count()).toBeGreaterThan(0);
    const width = (await page.locator('#sidebar').boundingBox())?.width;
    expect(width).toBe(300);
    await page.screenshot({ path: shot('01-start') });
  });

  it('inserts the Sales template from the sidebar and shows its rows with computed progress', async () => {
    await openTab('templates');
    const dept = side.locator('#tpl-department');
    const options = await dept.locator('option').allTextContents();
    const sales = options.find((o) => /sales/i.test(o));
    expect(sales, `departments: ${options.join(', ')}`).toBeTruthy();
    await dept.selectOption({ label: sales! });
    await side.locator('#tpl-lang').selectOption('en');
    await expect.poll(() => side.locator('#tpl-preview li.obj').count()).toBeGreaterThan(0);
    await side.locator('#tpl-unit').fill('Sales East');
    const v0 = await gridVersion();
    await side.locator('#tpl-insert').click();
    await expect(side.locator('#messages .msg.info').textContent()).resolves.toMatch(/Created sheet/);
    await expect.poll(gridVersion).toBeGreaterThan(v0);
    const info = (await side.locator('#messages .msg.info').textContent()) ?? '';
    const sheetName = /"(.+)"/.exec(info)![1]!;
    await expect.poll(() => page.locator('#grid').getAttribute('data-sheet')).toBe(sheetName);

    const { header, rowOf } = await gridLookup();
    const kr = Object.keys(rowOf).find((id) => /KR/.test(id))!;
    expect(kr).toBeTruthy();
    const row = rowOf[kr]!;
    const progressCol = header['Progress']!;
    expect(progressCol).toBeTruthy();
    // computed, not the formula text
    expect(await cellText(`${progressCol}${row}`)).toMatch(/^\d+(\.\d+)?%$/);

    // edit Current in the grid → recomputed progress
    const startCell = `${header['Start']}${row}`;
    const targetCell = `${header['Target']}${row}`;
    const start = Number((await cellText(startCell)).replace(/[^\d.-]/g, '') || '0');
    const target = Number((await cellText(targetCell)).replace(/[^\d.-]/g, ''));
    const pctTarget = /%$/.test(await cellText(targetCell));
    const mid = pctTarget ? (start + target) / 2 / 100 : (start + target) / 2;
    await page.locator(`#grid td[data-a1="${header['Current']}${row}"]`).click();
    await page.locator('#cell-input').fill(String(mid));
    const v1 = await gridVersion();
    await page.locator('#cell-input').press('Enter');
    await expect.poll(gridVersion).toBeGreaterThan(v1);
    await expect.poll(() => cellText(`${progressCol}${row}`)).toMatch(/^(4\d|50|5\d)(\.\d+)?%$/);
    await page.screenshot({ path: shot('02-sales-template') });
  });

  it('runs Check and clicking a finding selects its cell in the grid', async () => {
    await openTab('check');
    await side.locator('#check-run').click();
    const finding = side.locator('.finding[role="button"]').first();
    await finding.waitFor();
    const a1 = (await finding.getAttribute('data-a1'))!;
    const sheet = await side.locator('#check-sheet').inputValue();
    expect(a1).toMatch(/^[A-Z]+\d+$/);
    await finding.click();
    await expect.poll(() => page.locator('#grid td.selected').getAttribute('data-a1')).toBe(a1);
    expect(await page.locator('#grid').getAttribute('data-sheet')).toBe(sheet);
    await page.screenshot({ path: shot('03-check') });
  });

  it('records a check-in: Current updated and a log row added, history kept', async () => {
    await openTab('checkin');
    const sheet = await side.locator('#ci-sheet').inputValue();
    const kr = await side.locator('#ci-kr').inputValue();
    const logRowsBefore = pg.ctx.ss.getSheets().map((s) => [s.getName(), s.getLastRow()] as const);

    async function checkIn(value: string, done: string) {
      await side.locator('#ci-value').fill(value);
      await side.locator('#ci-confidence').selectOption('7');
      await side.locator('#ci-done').fill(done);
      await side.locator('#ci-next').fill('Call the top 10 accounts');
      await side.locator('#ci-blockers').fill('Need one more pre-sales engineer');
      await side.locator('#ci-save').click();
      await side.locator('#messages .msg.info').waitFor();
      return (await side.locator('#messages .msg.info').textContent()) ?? '';
    }
    const msg1 = await checkIn('42', 'Visited 12 customers');
    const m = /Updated (.+) \(([A-Z]+\d+)\) and logged it on "(.+)", row (\d+)/.exec(msg1);
    expect(m, msg1).toBeTruthy();
    const [, krId, currentA1, logSheet, logRow] = m!;
    expect(krId).toBe(kr);

    await showSheet(sheet);
    await expect.poll(() => cellText(currentA1!)).toMatch(/^42(\.0+)?$/);

    const before = logRowsBefore.find(([n]) => n === logSheet)?.[1] ?? 0;
    expect(Number(logRow)).toBeGreaterThan(before);
    const msg2 = await checkIn('45', 'Visited 3 more customers');
    const logRow2 = Number(/row (\d+)/.exec(msg2)![1]);
    expect(logRow2).toBe(Number(logRow) + 1);

    await showSheet(logSheet!);
    const text = await page.locator('#grid').textContent();
    expect(text).toContain('Visited 12 customers');
    expect(text).toContain('Visited 3 more customers');
    await page.screenshot({ path: shot('04-checkin') });
  });

  it('imports pasted text: preview rows with numbers, then a new sheet', async () => {
    await openTab('import');
    await side.locator('#imp-text').fill(
      ['O: Delight our customers', 'KR1: Raise NPS from 45 to 60', 'KR2: Cut first response time from 8 hours to 2 hours', 'KR3: Launch the help center by Nov 30'].join('\n'),
    );
    await side.locator('#imp-preview-btn').click();
    const rows = side.locator('#imp-rows tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const kr1 = await rows.nth(1).locator('td').allTextContents();
    expect(kr1[2]).toBe('45');
    expect(kr1[3]).toBe('60');
    await side.locator('#imp-write-btn').click();
    await side.locator('#messages .msg.info').waitFor();
    const msg = (await side.locator('#messages .msg.info').textContent()) ?? '';
    const sheet = /"(.+)"/.exec(msg)![1]!;
    await showSheet(sheet);
    const grid = (await page.locator('#grid').textContent()) ?? '';
    expect(grid).toContain('Raise NPS from 45 to 60');
    expect(grid).toContain('Delight our customers');
    await page.screenshot({ path: shot('05-import') });
  });

  it('renders hostile KR text as text and runs nothing', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await openTab('import');
    await side.locator('#imp-text').fill(`O: ${evil}\nKR1: ${evil} from 1 to 2`);
    await side.locator('#imp-preview-btn').click();
    await side.locator('#imp-rows').waitFor();
    expect(await side.locator('#imp-rows img').count()).toBe(0);
    expect(await side.locator('#imp-rows').textContent()).toContain(evil);
    await side.locator('#imp-write-btn').click();
    await side.locator('#messages .msg.info').waitFor();
    const sheet = /"(.+)"/.exec((await side.locator('#messages .msg.info').textContent()) ?? '')![1]!;
    await showSheet(sheet);
    expect(await page.locator('#grid img').count()).toBe(0);
    expect(await page.locator('#grid').textContent()).toContain(evil);
    // check-in panel and Check list the same text
    await openTab('checkin');
    await side.locator('#ci-sheet').selectOption(sheet);
    await expect.poll(async () => (await side.locator('#ci-kr').textContent()) ?? '').toContain(evil);
    await openTab('check');
    await side.locator('#check-sheet').selectOption(sheet);
    await side.locator('#check-run').click();
    await side.locator('#check-results').waitFor();
    expect(await side.locator('img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: shot('06-xss') });
  });

  it('sets up OKR sheets for a roster typed into the grid', async () => {
    await openTab('roster');
    await side.locator('#ro-new').click();
    await expect.poll(async () => (await side.locator('#messages .msg.info').textContent()) ?? '').toMatch(/Created "/);
    const roster = /"(.+)"/.exec((await side.locator('#messages .msg.info').textContent()) ?? '')![1]!;
    await expect.poll(() => page.locator(`#tabs button[data-sheet="${roster}"]`).count()).toBe(1);
    // the empty roster: one problem, said in the singular
    await side.locator('#ro-setup').click();
    await expect.poll(async () => (await side.locator('#ro-result').textContent()) ?? '').toMatch(/The roster has 1 problem; nothing was created/);
    await showSheet(roster);
    const cells: [string, string][] = [
      ['A2', 'Acme'], ['B2', 'Company'], ['D2', 'Wang Fang'], ['F2', 'Company'], ['G2', 'CEO'],
      ['A3', 'Sales'], ['B3', 'Department'], ['C3', 'Acme'], ['D3', 'Li Lei'], ['F3', 'Sales'], ['G3', 'Sales center'],
    ];
    for (const [a1, value] of cells) {
      await page.locator(`#grid td[data-a1="${a1}"]`).click();
      await page.locator('#cell-input').fill(value);
      const v = await gridVersion();
      await page.locator('#cell-input').press('Enter');
      await expect.poll(gridVersion).toBeGreaterThan(v);
    }
    expect(await cellText('G3')).toBe('Sales center');
    await openTab('roster');
    await side.locator('#ro-cycle').fill('2026-Q4');
    await side.locator('#ro-setup').click();
    await expect.poll(async () => (await side.locator('#ro-result').textContent()) ?? '').toMatch(/Created 2 OKR sheets/);
    const tabs = await page.locator('#tabs button').allTextContents();
    expect(tabs.filter((t) => /Acme|Sales 2026-Q4/.test(t)).length).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: shot('07-roster') });
  });

  it('shows problems in words, and the busy indicator while a call runs', async () => {
    await openTab('checkin');
    await side.locator('#ci-value').fill('abc');
    await side.locator('#ci-save').click();
    // refused in words that name what was typed: by the sidebar ('"abc" is not a number.'), or,
    // should the text reach the server, by core check-ins ('The new value is not a number: abc')
    await expect.poll(() => side.locator('#messages .msg.error').textContent()).toMatch(/"abc" is not a number|not a number: abc/);
    // a server-side refusal reaches the user as a sentence, not a stack trace
    await side.locator('#ci-value').fill('1');
    await side.locator('#ci-kr').evaluate((el) => {
      const s = el as unknown as { options: ArrayLike<{ value: string }>; value: string };
      s.options[0]!.value = 'O99.KR9';
      s.value = 'O99.KR9';
    });
    await side.locator('#ci-save').click();
    await expect.poll(async () => (await side.locator('#messages .msg.error').allTextContents()).join(' ')).toMatch(/O99\.KR9/);
    expect((await side.locator('#messages').textContent()) ?? '').not.toMatch(/at \w+ \(|\.ts:\d+/);

    // slow the server down: the busy bar shows and the buttons are disabled meanwhile
    await openTab('check');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await page.route('**/rpc', async (route) => {
      await gate;
      await route.continue();
    });
    await side.locator('#check-run').click();
    await expect.poll(() => side.locator('body').getAttribute('class')).toMatch(/busy/);
    expect(await side.locator('#check-run').isDisabled()).toBe(true);
    release();
    await expect.poll(() => side.locator('body').getAttribute('class')).not.toMatch(/busy/);
    expect(await side.locator('#check-run').isDisabled()).toBe(false);
    await page.unroute('**/rpc');
  });

  it('switches the sidebar to Chinese, server messages included', async () => {
    await page.locator('#sidebar-lang').selectOption('zh-CN');
    await side.locator('body[data-ready="true"]').waitFor();
    await expect.poll(() => side.locator('#tab-templates').textContent()).toBe('模板');
    await openTab('check');
    await side.locator('#check-run').click();
    await side.locator('.finding').first().waitFor();
    expect(await side.locator('.finding .ftext').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
    await side.locator('#lang').selectOption('en');
    await expect.poll(() => side.locator('#tab-templates').textContent()).toBe('Templates');
  });

  it('every menu item opens an existing panel', async () => {
    const p2 = await browser.newPage();
    try {
      for (const id of PANEL_IDS) {
        await p2.goto(`${pg.url}sidebar.html?lang=en&panel=${id}`);
        await p2.locator(`#panel-${id}[data-rendered="true"]`).waitFor({ timeout: 10_000 });
      }
    } finally {
      await p2.close();
    }
  });

  it('the grid keeps leading spaces, so the Alignment map shows its tree indented', async () => {
    await openTab('review');
    await side.locator('#rv-alignment').click();
    await expect.poll(async () => (await side.locator('#messages .msg.info').textContent()) ?? '').toMatch(/Alignment map/);
    const name = /"(.+)"/.exec((await side.locator('#messages .msg.info').textContent()) ?? '')![1]!;
    await showSheet(name);
    // innerText is the text as rendered: collapsed white space would drop the indentation
    const rendered = (await page.evaluate(
      `[...document.querySelectorAll('#grid td[data-a1^="A"]')].map((td) => td.innerText).filter((t) => t.includes('◆'))`,
    )) as string[];
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.every((t) => /^\s+◆/.test(t))).toBe(true);
    // generated again: the map rewrites only its own block in place (no backup sheet), so there
    // is still exactly one Alignment map tab
    await openTab('review');
    await side.locator('#rv-alignment').click();
    await expect.poll(async () => (await side.locator('#messages .msg.info').textContent()) ?? '').toMatch(/Alignment map/);
    await page.waitForTimeout(500);
    const tabs = await page.locator('#tabs button').allTextContents();
    expect(tabs.filter((x) => /Alignment map/.test(x))).toEqual([name]);
  });

  it('no page errors along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
