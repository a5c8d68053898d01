/** The sidebar's write actions through the RPC layer, on the in-memory workbook. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import { makeWorkbook, snapshot } from './helpers';
import type { SheetsContext } from '../../src/sheets/context';

function ok<T>(ctx: SheetsContext, method: string, payload: unknown, lang: 'en' | 'zh-CN' = 'en'): T {
  const res = dispatch(method, payload, () => ctx, lang);
  if (!res.ok) throw new Error(`${method}: ${res.code} ${res.message}`);
  return res.result as T;
}

const TEXT_EN = ['O: Delight our customers', 'KR1: Raise NPS from 45 to 60', 'KR2: Cut first response time from 8 hours to 2 hours'].join('\n');
const TEXT_ZH = ['目标(O)：提升客户满意度', 'KR1：NPS 由 45 提升到 60', '关键结果2：将投诉处理时长由 3 天缩短至 1 天', 'KR3：12月15日前上线自助服务中心'].join('\n');

describe('import text', () => {
  it('keeps what is not an objective or a KR aside, in words', () => {
    const { ctx } = makeWorkbook();
    const p = ok<{ rows: { id: string; title: string }[]; problems: string[] }>(ctx, 'previewImport', { text: `Our plan for Q4\n${TEXT_EN}` });
    expect(p.rows.map((r) => r.id)).toEqual(['O1', 'O1.KR1', 'O1.KR2']);
    expect(p.problems).toEqual(['Not imported as an objective or key result: Our plan for Q4']);
  });

  it('previews rows with start, target, unit and type, writing nothing', () => {
    const { ctx, local } = makeWorkbook();
    const before = snapshot(local);
    const p = ok<{ rows: { id: string; type: string; start: number | null; target: number | null; unit: string }[] }>(ctx, 'previewImport', { text: TEXT_ZH }, 'zh-CN');
    expect(p.rows.map((r) => r.id)).toEqual(['O1', 'O1.KR1', 'O1.KR2', 'O1.KR3']);
    expect(p.rows[1]).toMatchObject({ type: 'increase', start: 45, target: 60 });
    expect(p.rows[2]).toMatchObject({ type: 'decrease', start: 3, target: 1, unit: '天' });
    expect(p.rows[3]).toMatchObject({ type: 'milestone' });
    expect(snapshot(local)).toBe(before);
  });

  it('writes a new OKR sheet that reads back as the same table, user text escaped', () => {
    const { ctx } = makeWorkbook();
    const text = `${TEXT_EN}\nKR3: =HYPERLINK("http://evil") from 1 to 2`;
    const r = ok<{ sheet: string; rows: number }>(ctx, 'writeImport', { text, mode: 'newSheet', lang: 'en', unit: 'Support', cycle: '2026-Q4' });
    expect(r.rows).toBe(4);
    expect(ctx.ss.getActiveSheet().getName()).toBe(r.sheet);
    const krs = ok<{ krs: { id: string; title: string; target: number | null }[] }>(ctx, 'listKrs', { sheet: r.sheet });
    expect(krs.krs.map((k) => k.id)).toEqual(['O1.KR1', 'O1.KR2', 'O1.KR3']);
    expect(krs.krs[0]).toMatchObject({ title: 'Raise NPS from 45 to 60', target: 60 });
    // the formula-looking title was written as text, not a formula
    const formulas = ctx.ss.getSheetByName(r.sheet)!.getDataRange().getFormulas().flat();
    expect(formulas.some((f) => /HYPERLINK/i.test(f))).toBe(false);
  });

  it('appends rows below an existing table with renumbered IDs, never over data', () => {
    const { ctx } = makeWorkbook();
    const r = ok<{ sheet: string; rows: number; mode: string }>(ctx, 'writeImport', { text: TEXT_EN, mode: 'append', sheet: 'Sales OKR', lang: 'en' });
    expect(r).toMatchObject({ sheet: 'Sales OKR', rows: 3, mode: 'append' });
    const krs = ok<{ krs: { id: string }[] }>(ctx, 'listKrs', { sheet: 'Sales OKR' });
    expect(krs.krs.map((k) => k.id)).toEqual(['O1.KR1', 'O1.KR2', 'O1.KR3', 'O2.KR1', 'O2.KR2']);
    const values = ctx.ss.getSheetByName('Sales OKR')!.getDataRange().getValues();
    expect(values[5]![2]).toBe('Grow revenue in the east region'); // untouched
  });

  it('empty or meaningless text is a clear error and writes nothing', () => {
    const { ctx, local } = makeWorkbook();
    const before = snapshot(local);
    const res = dispatch('writeImport', { text: 'just some words', mode: 'newSheet', lang: 'en' }, () => ctx, 'en');
    expect(res).toMatchObject({ ok: false, code: 'invalidInput' });
    if (!res.ok) expect(res.message).toMatch(/No objectives or key results/);
    expect(snapshot(local)).toBe(before);
  });
});

describe('check-in through RPC', () => {
  it('updates Current and Confidence and appends to the log, keeping history', () => {
    const { ctx } = makeWorkbook();
    const base = { sheet: 'Sales OKR', krId: 'O1.KR1', done: 'Visited 12 customers', next: 'Call 10 more', blockers: 'None' };
    const a = ok<{ currentA1: string; logSheet: string; logRow: number }>(ctx, 'recordCheckIn', { ...base, value: 120, confidence: 7, date: '2026-11-02' });
    const b = ok<{ currentA1: string; logSheet: string; logRow: number }>(ctx, 'recordCheckIn', { ...base, value: 130, confidence: 8, date: '2026-11-09' });
    const sheet = ctx.ss.getSheetByName('Sales OKR')!;
    expect(sheet.getRange(a.currentA1).getValue()).toBe(130);
    expect(b.logSheet).toBe(a.logSheet);
    expect(b.logRow).toBe(a.logRow + 1);
    const log = ctx.ss.getSheetByName(a.logSheet)!.getDataRange().getValues().flat().map(String);
    expect(log.filter((v) => v === 'Visited 12 customers')).toHaveLength(2);
    const krs = ok<{ krs: { id: string; current: number | null; confidence: number | null }[] }>(ctx, 'listKrs', { sheet: 'Sales OKR' });
    expect(krs.krs[0]).toMatchObject({ current: 130, confidence: 8 });
  });

  it('an unknown KR is a clear error and nothing changes', () => {
    const { ctx, local } = makeWorkbook();
    const before = snapshot(local);
    const res = dispatch('recordCheckIn', { sheet: 'Sales OKR', krId: 'O9.KR9', value: 1, confidence: 5, done: '', next: '', blockers: '' }, () => ctx, 'en');
    expect(res.ok).toBe(false);
    expect(snapshot(local)).toBe(before);
  });
});

describe('roster through RPC', () => {
  it('creates a roster sheet, reports problems with cells, then sets up one sheet per unit', () => {
    const { ctx } = makeWorkbook();
    const { sheet } = ok<{ sheet: string }>(ctx, 'createRosterSheet', {});
    const roster = ctx.ss.getSheetByName(sheet)!;
    // a unit whose parent does not exist
    roster.getRange(2, 1, 1, 7).setValues([['Sales', 'Department', 'Nowhere', 'Li Lei', '', 'Sales', 'Sales center']]);
    const bad = ok<{ ok: boolean; problems?: { a1: string | null; message: string }[] }>(ctx, 'setupFromRoster', { cycle: '2026-Q4', sheetName: sheet });
    expect(bad.ok).toBe(false);
    expect(bad.problems!.length).toBeGreaterThan(0);
    expect(bad.problems![0]!.message).toMatch(/Nowhere/);
    roster.getRange(2, 1, 2, 7).setValues([
      ['Acme', 'Company', '', 'Wang Fang', '', 'Company', 'CEO'],
      ['Sales', 'Department', 'Acme', 'Li Lei', '', 'Sales', 'Sales center'],
    ]);
    const good = ok<{ ok: boolean; created?: string[] }>(ctx, 'setupFromRoster', { cycle: '2026-Q4', sheetName: sheet });
    expect(good.ok).toBe(true);
    expect(good.created).toHaveLength(2);
  });
});
