/**
 * Start next cycle moves the Settings' cycle (and nothing else there); the check-in log carries a
 * Cycle column: new entries name their cycle, older ones (no cycle) stay with the cycle they were
 * logged in (issue 13 §5).
 */
import { describe, expect, it } from 'vitest';
import { checkInsFor, entryBelongsTo } from '../../../src/core/checkins';
import { planNextCycle } from '../../../src/core/cycle/nextCycle';
import { readSnapshot } from '../../../src/core/snapshot';
import { createLocalApp } from '../../../src/local/workbook';
import { applyNextCycle } from '../../../src/sheets/cycle';
import { recordCheckIn } from '../../../src/sheets/checkins';
import { takeSnapshot } from '../../../src/sheets/snapshot';
import { applyWorkbookPlan } from '../../../src/sheets/applyPlan';
import { buildOkrSheetPlanFromRows } from '../../../src/core/plan/okrSheet';
import { CYCLE, SALES_ROWS, cycleModel, cycleWorkbook } from './fixture';

const iso = (v: unknown) => (v instanceof Date ? `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}` : v);

describe('next cycle: the Settings sheet', () => {
  it('Cycle, Cycle start and Cycle end move to the new cycle; every other setting stays as the user set it', () => {
    const local = cycleWorkbook();
    const settings = local.ctx('en').ss.getSheetByName('Settings')!;
    settings.getRange('B8').setValue(21); // the user's own stale days (row of staleDays)
    const before = settings.getDataRange().getValues().map((r) => r.map(iso));
    const res = planNextCycle(cycleModel(local), {});
    expect(res.settings).toMatchObject({ sheet: 'Settings', cycle: '2027-Q1' });
    local.calls.reset();
    applyNextCycle(local.ctx('en'), res);
    const after = settings.getDataRange().getValues().map((r) => r.map(iso));
    const changed: string[] = [];
    after.forEach((line, r) => line.forEach((v, c) => { if (v !== before[r]?.[c]) changed.push(`${String(after[r]![0])}=${String(v)}`); }));
    expect(changed).toEqual(['Cycle=2027-Q1', 'Cycle start=2027-01-01', 'Cycle end=2027-03-31']);
    expect(after[7]![1]).toBe(21);
    expect(readSnapshot(takeSnapshot(local.ctx('en')), 'en').settings.cycle).toBe('2027-Q1');
  });

  it('left alone when Settings already names a later cycle, or nothing is carried', () => {
    const local = cycleWorkbook();
    local.ctx('en').ss.getSheetByName('Settings')!.getRange('B3').setValue("'2027-Q2");
    expect(planNextCycle(cycleModel(local), {}).settings).toBeNull();
    expect(planNextCycle(cycleModel(local), { sheets: ['Nope'] }).settings).toBeNull();
  });
});

describe('check-in log: the Cycle column', () => {
  it('a check-in on the new cycle\'s sheet carries its cycle; the archive\'s history and the new one stay apart', () => {
    const local = cycleWorkbook();
    applyNextCycle(local.ctx('en'), planNextCycle(cycleModel(local), {}));
    const oldCount = (m: ReturnType<typeof cycleModel>, sheet: string) => checkInsFor(m.checkins, m.okr.find((o) => o.sheet === sheet)!.read.table, sheet).length;
    const before = cycleModel(local, '2027-01-20');
    expect(oldCount(before, 'Sales OKR')).toBe(7);
    expect(oldCount(before, 'OKR Sales 2027-Q1')).toBe(0); // the new cycle starts empty
    const r = recordCheckIn(local.ctx('en'), { sheet: 'OKR Sales 2027-Q1', krId: 'O1.KR1', value: 135, confidence: 6, date: '2027-01-15' });
    const log = local.ctx('en').ss.getSheetByName('Check-ins')!;
    expect(log.getRange(1, 9).getValue()).toBe('Cycle');
    expect(log.getRange(r.logRow, 9).getValue()).toBe('2027-Q1');
    const after = cycleModel(local, '2027-01-20');
    expect(oldCount(after, 'Sales OKR')).toBe(7);
    expect(checkInsFor(after.checkins, after.okr.find((o) => o.sheet === 'OKR Sales 2027-Q1')!.read.table, 'OKR Sales 2027-Q1').map((e) => [e.date, e.value, e.cycle])).toEqual([['2027-01-15', 135, '2027-Q1']]);
  });

  it('an entry marked with another cycle never counts for a table, even naming its unit inside its dates', () => {
    const model = cycleModel(cycleWorkbook());
    const table = model.okr.find((o) => o.sheet === 'Sales OKR')!.read.table; // 2026-Q4
    expect(entryBelongsTo({ sheet: 'Sales', date: '2026-11-02' }, table, 'Sales OKR')).toBe(true); // no cycle: by date
    expect(entryBelongsTo({ sheet: 'Sales', date: '2026-11-02', cycle: '2026-Q4' }, table, 'Sales OKR')).toBe(true);
    expect(entryBelongsTo({ sheet: 'Sales', date: '2026-11-02', cycle: '2027-Q1' }, table, 'Sales OKR')).toBe(false);
    expect(entryBelongsTo({ sheet: 'Sales OKR', date: '2026-11-02', cycle: '2027-Q1' }, table, 'Sales OKR')).toBe(false);
    expect(entryBelongsTo({ sheet: '', date: '2026-11-02', cycle: '2026-q4' }, table, 'Sales OKR')).toBe(true); // case and spaces ignored
  });

  it('a log made before the Cycle column gets its header once, at the end; older rows stay blank there', () => {
    const local = createLocalApp({ lang: 'zh-CN' });
    const ctx = local.ctx('zh-CN');
    applyWorkbookPlan(ctx, { sheets: [buildOkrSheetPlanFromRows({ lang: 'zh-CN', header: { unit: '销售部', level: 'department', owner: '李雷', alignedTo: '', ...CYCLE, asOf: null }, rows: SALES_ROWS, sheetName: '销售部 OKR', spareRows: 2 })] });
    const old = ctx.ss.insertSheet('进展更新');
    old.getRange(1, 1, 2, 8).setValues([
      ['日期', '表 / 单元', 'KR 编号', '新值', '信心指数', '本期完成', '下一步', '困难 / 所需资源'],
      [new Date(2026, 10, 2), '销售部 OKR', 'O1.KR1', 120, 7, '', '', ''],
    ]);
    const first = recordCheckIn(ctx, { sheet: '销售部 OKR', krId: 'O1.KR1', value: 125, confidence: 7, date: '2026-11-09' });
    const second = recordCheckIn(ctx, { sheet: '销售部 OKR', krId: 'O1.KR1', value: 128, confidence: 7, date: '2026-11-16' });
    const v = old.getDataRange().getValues();
    expect(v[0]![8]).toBe('周期');
    expect(v.map((r) => r[8])).toEqual(['周期', '', '2026-Q4', '2026-Q4']);
    expect([first.logRow, second.logRow]).toEqual([3, 4]);
    expect(v[0]!.filter((x) => x === '周期')).toHaveLength(1); // once
  });
});
