/** Import's structure switch and "adopt this sheet" through the RPC layer, on the in-memory workbook. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import type { AdoptPreview, ImportPreview } from '../../src/addon/rpc/contract';
import { createLocalApp } from '../../src/local/workbook';
import type { SheetsContext } from '../../src/sheets/context';
import { makeWorkbook } from './helpers';

function ok<T>(ctx: SheetsContext, method: string, payload: unknown, lang: 'en' | 'zh-CN' = 'en'): T {
  const res = dispatch(method, payload, () => ctx, lang);
  if (!res.ok) throw new Error(`${method}: ${res.code} ${res.message}`);
  return res.result as T;
}

/** Bold lines and bullets, then `##` headings under which bold lines group bullets: two readings. */
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

/** A team's own table: one row per KR, the objective only on its first row, a formula score. */
const SOURCE: (string | number)[][] = [
  ['Team OKRs 2026 Q4', '', '', '', '', ''],
  ['Objective', 'Key result', 'Owner', 'Target', 'Current', 'Score'],
  ['Win the east region', 'Monthly revenue 150k', 'Li Lei', 150, 120, 0.6],
  ['', 'Sign 10 new customers', 'Han Mei', 10, 4, 0.4],
  ['Keep customers happy', 'NPS 60', 'Wang Fang', 60, 50, 0.5],
];

function adoptWorkbook(lang: 'en' | 'zh-CN' = 'en') {
  const local = createLocalApp();
  const sheet = local.ss.insertSheet('Our own OKRs');
  sheet.getRange(1, 1, SOURCE.length, 6).setValues(SOURCE);
  sheet.getRange(3, 6).setFormula('=E3/D3*0.75');
  local.ss.setActiveSheet(sheet);
  const ctx: SheetsContext = { app: local.app, ss: local.ss, lang };
  return { local, ctx, sheet };
}

describe('import preview: the structure, in words, and one switch', () => {
  it('explains the reading, offers the others, and the switch changes both preview and write', () => {
    const { ctx } = makeWorkbook();
    const p = ok<ImportPreview>(ctx, 'previewImport', { text: MARKDOWN });
    expect(p.structure?.explanation).toMatch(/^objectives: /);
    expect(p.structure!.alternatives.length).toBeGreaterThan(0);
    const other = p.structure!.alternatives[0]!;
    expect(other.objectiveLevel).not.toBe(p.structure!.objectiveLevel);
    const q = ok<ImportPreview>(ctx, 'previewImport', { text: MARKDOWN, objectiveLevel: other.objectiveLevel });
    expect(q.structure!.objectiveLevel).toBe(other.objectiveLevel);
    expect(q.structure!.explanation).toBe(other.explanation);
    const objectives = (x: ImportPreview) => x.rows.filter((r) => r.type === 'objective').map((r) => r.title);
    expect(objectives(q)).not.toEqual(objectives(p));
    // the write reads the text the same way as the switched preview
    const w = ok<{ sheet: string; rows: number }>(ctx, 'writeImport', { text: MARKDOWN, objectiveLevel: other.objectiveLevel, mode: 'newSheet', lang: 'en', cycle: '2026-Q4' });
    expect(w.rows).toBe(q.rows.length);
    const written = ctx.ss.getSheetByName(w.sheet)!.getDataRange().getValues().flat();
    for (const t of objectives(q)) expect(written).toContain(t);
  });

  it('shows owner and due where parsed, and the parser error once when nothing is found', () => {
    const { ctx } = makeWorkbook();
    const p = ok<ImportPreview>(ctx, 'previewImport', { text: MARKDOWN });
    const byTitle = (t: RegExp) => p.rows.find((r) => t.test(r.title))!;
    expect(byTitle(/monthly revenue/).owner).toBe('Li Lei');
    expect(byTitle(/10 new customers/).due).toMatch(/^\d{4}-11-30$/);
    const none = ok<ImportPreview>(ctx, 'previewImport', { text: 'Lunch at noon.\nBring slides.' });
    expect(none.rows).toEqual([]);
    expect(none.error).toMatch(/No OKRs found\. Looked for/);
    expect(none.problems).not.toContain(none.error);
    const zh = ok<ImportPreview>({ ...ctx, lang: 'zh-CN' }, 'previewImport', { text: MARKDOWN }, 'zh-CN');
    expect(zh.structure!.explanation).toMatch(/^目标：/);
  });
});

describe('adopt this sheet', () => {
  it('previews the column mapping and rows from one read of the sheet (values + formulas), writing nothing', () => {
    const { ctx, local } = adoptWorkbook();
    local.calls.reset();
    const p = ok<AdoptPreview>(ctx, 'previewAdopt', {});
    expect(p.ok).toBe(true);
    expect(p.sheet).toBe('Our own OKRs');
    expect(p.mapping.slice(0, 3)).toEqual([
      { letter: 'A', header: 'Objective', role: 'objective' },
      { letter: 'B', header: 'Key result', role: 'key result' },
      { letter: 'C', header: 'Owner', role: 'owner' },
    ]);
    expect(p.explanation).toMatch(/column A \(Objective\)/);
    expect(p.rows.map((r) => r.id)).toEqual(['O1', 'O1.KR1', 'O1.KR2', 'O2', 'O2.KR1']);
    expect(p.rows[2]).toMatchObject({ title: 'Sign 10 new customers', owner: 'Han Mei', target: 10 });
    // one range read: values and formulas once each, never a write
    expect(local.calls.get('getDataRange')).toBe(1);
    expect(local.calls.get('getValues')).toBe(1);
    expect(local.calls.get('getFormulas')).toBe(1);
    expect(local.calls.get('getSheets')).toBe(1);
    expect(Object.keys(local.calls.counts).filter((k) => /^(set|insert|delete|clear|append)/.test(k))).toEqual([]);
  });

  it('builds our OKR sheet as a new sheet; the source sheet is unchanged', () => {
    const { ctx, sheet } = adoptWorkbook();
    const before = JSON.stringify({ v: sheet.getDataRange().getValues(), f: sheet.getDataRange().getFormulas() });
    const sheetsBefore = ctx.ss.getSheets().length;
    const r = ok<{ sheet: string; rows: number; mode: string }>(ctx, 'writeAdopt', { lang: 'en', cycle: '2026-Q4', unit: 'East Sales' });
    expect(r).toMatchObject({ rows: 5, mode: 'newSheet' });
    expect(r.sheet).not.toBe('Our own OKRs');
    expect(ctx.ss.getSheets().length).toBeGreaterThan(sheetsBefore);
    expect(JSON.stringify({ v: sheet.getDataRange().getValues(), f: sheet.getDataRange().getFormulas() })).toBe(before);
    const out = ctx.ss.getSheetByName(r.sheet)!.getDataRange().getValues();
    const row = (id: string) => out.find((line) => line[0] === id)!;
    expect(row('O1')).toContain('Win the east region');
    expect(row('O1.KR2')).toContain('Sign 10 new customers');
    expect(row('O1.KR2')).toContain('Han Mei');
    // the user's current value comes along
    expect(row('O1.KR1')).toContain(120);
    // their own formula is kept as its value, with a note saying so
    expect(row('O1.KR1').join('|')).toMatch(/Score: was the formula =E3\/D3\*0\.75, kept as the value/);
    // the new sheet reads back as an OKR sheet: adopting it again is refused
    const again = dispatch('previewAdopt', { sheet: r.sheet }, () => ctx, 'en');
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message).toMatch(/already an OKR Sheets sheet/);
  });

  it('a sheet without an OKR table: a message naming what was looked for, nothing written', () => {
    const { ctx, local } = adoptWorkbook();
    const other = local.ss.insertSheet('Lunch');
    other.getRange(1, 1, 2, 2).setValues([['Day', 'Dish'], ['Mon', 'Noodles']]);
    const p = ok<AdoptPreview>(ctx, 'previewAdopt', { sheet: 'Lunch' });
    expect(p.ok).toBe(false);
    expect(p.message).toMatch(/No OKR table found \(looked in the first 2 rows/);
    const n = ctx.ss.getSheets().length;
    const w = dispatch('writeAdopt', { sheet: 'Lunch', lang: 'en' }, () => ctx, 'en');
    expect(w.ok).toBe(false);
    expect(ctx.ss.getSheets().length).toBe(n);
    const zh = ok<AdoptPreview>({ ...ctx, lang: 'zh-CN' }, 'previewAdopt', { sheet: 'Lunch' }, 'zh-CN');
    expect(zh.message).toMatch(/没有找到 OKR 表格/);
  });
});
