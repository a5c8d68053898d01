/** Carry over to the next cycle (issue 13 §5): core plan, applied on the in-memory workbook. */
import { describe, expect, it } from 'vitest';
import { moveDue, nextCycleName } from '../../../src/core/cycle/names';
import { planNextCycle } from '../../../src/core/cycle/nextCycle';
import { readSnapshot } from '../../../src/core/snapshot';
import { staleKrs } from '../../../src/core/checkins';
import { applyNextCycle } from '../../../src/sheets/cycle';
import { takeSnapshot } from '../../../src/sheets/snapshot';
import { cycleModel, cycleWorkbook } from './fixture';

describe('cycle names', () => {
  it.each([
    ['2026-Q4', '2027-Q1'], ['2026-Q1', '2026-Q2'], ['2026-11', '2026-12'], ['2026-12', '2027-01'],
    ['2026', '2027'], ['2026-H2', '2027-H1'], ['2026-H1', '2026-H2'], ['2026年第4季度', '2027-Q1'],
  ])('%s → %s', (a, b) => expect(nextCycleName(a)).toBe(b));
  it('unknown cycles give null', () => expect(nextCycleName('autumn')).toBeNull());
  it('moves a due date to the same place in the next cycle', () => {
    const q4 = { start: '2026-10-01', end: '2026-12-31' };
    const q1 = { start: '2027-01-01', end: '2027-03-31' };
    expect(moveDue('2026-11-15', q4, q1)).toBe('2027-02-15');
    expect(moveDue('2026-11-30', q4, q1)).toBe('2027-02-28'); // a month-end stays a month-end
    expect(moveDue('2026-12-31', q4, q1)).toBe('2027-03-31');
    expect(moveDue('2027-01-20', q4, q1)).toBe('2027-03-31'); // was past the cycle: the new end
    expect(moveDue(null, q4, q1)).toBeNull();
  });
});

describe('planNextCycle', () => {
  it('carries every sheet of the latest cycle; --drop-done leaves exactly the unfinished KRs, Start = last Current', () => {
    const local = cycleWorkbook();
    const res = planNextCycle(cycleModel(local), { dropDone: true });
    expect(res.carried.map((c) => [c.from, c.to, c.toCycle])).toEqual([
      ['Acme OKR', 'OKR Acme 2027-Q1', '2027-Q1'],
      ['Sales OKR', 'OKR Sales 2027-Q1', '2027-Q1'],
      ['East Sales OKR', 'OKR East Sales 2027-Q1', '2027-Q1'],
    ]);
    const sales = res.carried[1]!;
    expect(sales.dropped).toEqual(['O1.KR2', 'O3.KR1']);
    expect(sales).toMatchObject({ objectives: 2, krs: 3 }); // O3 had only a done KR: dropped too
    const plan = res.sheets[1]!;
    const ids = plan.values.map((r) => r[0]).filter((v): v is string => typeof v === 'string' && /^O\d/.test(v));
    expect(ids).toEqual(['O1', 'O1.KR1', 'O1.KR3', 'O2', 'O2.KR1']);
  });

  it('applied: Start = last Current, Current/Confidence/Agreed blank, Due moved, weights and IDs kept; archive values identical', () => {
    const local = cycleWorkbook();
    const ctx = local.ctx('en');
    const before = takeSnapshot(ctx, { asOf: '2026-11-30' });
    const archiveBefore = before.sheets.find((s) => s.name === 'Sales OKR')!.values;
    const res = planNextCycle(readSnapshot(before, 'en'), { dropDone: true });
    applyNextCycle(ctx, res);
    const after = readSnapshot(takeSnapshot(ctx, { asOf: '2026-11-30' }), 'en');
    // the archive reads the same, cell for cell
    expect(after.snapshot.sheets.find((s) => s.name === 'Sales OKR')!.values).toEqual(archiveBefore);
    const sheet = ctx.ss.getSheetByName('Sales OKR')!;
    const statusCol = after.okr.find((o) => o.sheet === 'Sales OKR')!.read.columns.status! + 1;
    expect(sheet.getRange(7, statusCol).getFormula()).toBe(''); // frozen as a value
    expect(res.archives[1]!.note).toMatchObject({ row: 5, col: statusCol - 1 });
    expect(res.archives[1]!.note!.text).toMatch(/Status frozen as values on 2026-11-30 \(cycle 2026-Q4 archived; the next cycle is on "OKR Sales 2027-Q1"\)/);
    // (the in-memory workbook records a sheet protection as one over the whole grid)
    const archive = sheet.getProtections(local.app.ProtectionType.RANGE).filter((p) => /archive of cycle 2026-Q4/.test(p.getDescription()));
    expect(archive.map((p) => p.isWarningOnly())).toEqual([true]);

    const next = after.okr.find((o) => o.sheet === 'OKR Sales 2027-Q1')!.read.table;
    expect(next.header).toMatchObject({ unit: 'Sales', cycle: '2027-Q1', cycleStart: '2027-01-01', cycleEnd: '2027-03-31', alignedTo: 'Acme' });
    const kr = (id: string) => next.rows.find((r) => r.id === id)!;
    expect(kr('O1.KR1')).toMatchObject({ start: 130, target: 150, current: null, weight: 0.5, due: '2027-03-31', confidence: null, agreed: null, owner: 'Li Lei' });
    expect(kr('O1.KR3')).toMatchObject({ start: null, target: 1, current: null, due: '2027-02-15', owner: 'Zhao Min' });
    expect(kr('O2.KR1')).toMatchObject({ type: 'atMost', start: 0.1, target: 0.08, current: null });
    expect(kr('O1')).toMatchObject({ alignsTo: 'Acme/O1' });
    // the new sheet's history starts empty: nothing logged for it, old entries stay with the archive
    expect(staleKrs(next, after.checkins, '2027-01-20', 14, { sheetName: 'OKR Sales 2027-Q1' }).map((s) => s.lastCheckIn)).toEqual([null, null, null]);
    expect(after.checkins).toHaveLength(11);
  });

  it('without --drop-done every KR travels; a second run skips what is already carried over', () => {
    const local = cycleWorkbook();
    const ctx = local.ctx('en');
    const res = planNextCycle(cycleModel(local), { sheets: ['Sales OKR'] });
    expect(res.carried[0]).toMatchObject({ objectives: 3, krs: 5, dropped: [] });
    applyNextCycle(ctx, res);
    const again = planNextCycle(cycleModel(local), { sheets: ['Sales OKR'] });
    expect(again.carried).toEqual([]);
    expect(again.skipped[0]!.message.en).toMatch(/already has a sheet for the next cycle \(2027-Q1\): "OKR Sales 2027-Q1"/);
    // by default the latest cycle is now 2027-Q1: the new sheet is the one offered next time
    expect(planNextCycle(cycleModel(local)).carried.map((c) => c.from)).toEqual(['OKR Sales 2027-Q1']);
  });

  it('an explicit cycle and Chinese notes', () => {
    const local = cycleWorkbook('zh-CN');
    const res = planNextCycle(cycleModel(local, '2026-11-30', 'zh-CN'), { cycle: '2027-H1', sheets: ['East Sales OKR'] });
    expect(res.carried[0]).toMatchObject({ toCycle: '2027-H1', to: 'OKR East Sales 2027-H1' });
    expect(res.archives[0]!.note!.text).toMatch(/状态已于 2026-11-30 固定为数值/);
    expect(planNextCycle(cycleModel(local), { cycle: 'someday' }).skipped[0]!.message.en).toMatch(/Unknown cycle: someday/);
  });
});
