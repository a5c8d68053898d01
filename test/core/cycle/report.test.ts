/** 周报 / 月报 from a hand-written check-in history (issue 13 §2). */
import { describe, expect, it } from 'vitest';
import { parsePeriod, weekOf } from '../../../src/core/cycle/period';
import { buildProgressReport, reportSheetPlan, reportToMarkdown } from '../../../src/core/cycle/report';
import { cycleModel, cycleWorkbook } from './fixture';

describe('periods', () => {
  it.each([
    ['2026-W48', '2026-11-23', '2026-11-29'], ['2026-W01', '2025-12-29', '2026-01-04'], ['2026W53', '2026-12-28', '2027-01-03'],
    ['2026-11', '2026-11-01', '2026-11-30'], ['2028-02', '2028-02-01', '2028-02-29'],
  ])('%s is %s to %s', (p, start, end) => expect(parsePeriod(p)).toMatchObject({ start, end }));
  it('rejects what is not a period', () => {
    for (const p of ['2026-W54', '2025-W53', '2026-13', 'last week', '2026-W0']) expect(parsePeriod(p), p).toBeNull();
  });
  it('the week of a day', () => {
    expect(weekOf('2026-11-30').label).toBe('2026-W49');
    expect(weekOf('2027-01-01').label).toBe('2026-W53');
  });
});

describe('buildProgressReport', () => {
  const local = cycleWorkbook();
  const model = cycleModel(local);

  it('a week: each change from → to, per unit and owner; quiet KRs listed; a confidence drop called out', () => {
    const r = buildProgressReport(model, parsePeriod('2026-W48')!, 'en');
    const sales = r.units.find((u) => u.unit === 'Sales')!;
    expect(sales.owners.map((o) => [o.owner, o.krs.map((k) => [k.krId, k.from, k.to, k.confidenceFrom, k.confidenceTo])])).toEqual([
      ['Li Lei', [['O1.KR1', 122, 130, 7, 5], ['O2.KR1', 0.11, 0.1, 6, 6]]],
    ]);
    expect(sales.quiet.map((q) => q.krId)).toEqual(['O1.KR2', 'O1.KR3', 'O3.KR1']);
    const acme = r.units.find((u) => u.unit === 'Acme')!.owners[0]!.krs[0]!;
    expect([acme.from, acme.to, acme.confidenceFrom]).toEqual([10, 12, null]); // no earlier entry: from Start
    const md = reportToMarkdown(r);
    expect(md).toContain('# Weekly report 2026-W48 (2026-11-23 to 2026-11-29)');
    expect(md).toContain('- **O1.KR1 Monthly revenue from 100 to 150**: 122 → 130 k (progress 44% → 60%, +16 pts); confidence 7 → 5');
    expect(md).toContain('  - Blockers / resources needed: Need one more presales engineer');
    expect(md).toMatch(/Qualified leads from 20 to 60\*\*: 24 → 26 .*confidence 8 → 4 ⚠ confidence down 4 points/);
    expect(md).not.toContain('Sign 10 new customers**'); // no check-in that week
  });

  it('a month gathers every entry: from the last value before it, all done items, the latest next step', () => {
    const r = buildProgressReport(model, parsePeriod('2026-11')!, 'en');
    const k = r.units.find((u) => u.unit === 'Sales')!.owners.find((o) => o.owner === 'Li Lei')!.krs[0]!;
    expect(k).toMatchObject({ krId: 'O1.KR1', from: 110, to: 130, entries: 2, done: ['Price list updated', 'Bundle launched'], next: 'Close 3 renewals' });
    const wang = r.units.find((u) => u.unit === 'Sales')!.owners.find((o) => o.owner === 'Wang Fang')!;
    expect(wang.krs.map((x) => x.krId)).toEqual(['O1.KR2', 'O3.KR1']);
  });

  it('in Chinese, and as a sheet with escaped text', () => {
    const r = buildProgressReport(model, parsePeriod('2026-W48')!, 'zh-CN');
    const md = reportToMarkdown(r);
    expect(md).toContain('# 周报 2026-W48（2026-11-23 至 2026-11-29）');
    expect(md).toContain('（进度 44% → 60%，+16 个百分点）；信心 7 → 5');
    const plan = reportSheetPlan(r);
    expect(plan.name).toBe('周报 2026-W48');
    expect(plan.values[1]![0]).toBe('单元');
    expect(plan.values.slice(2).map((row) => row[2])).toEqual(['O1.KR1', 'O1.KR1', 'O2.KR1', 'O1.KR1']);
    expect(plan.metadata['okrSheets.role']).toBeUndefined();
  });

  it('a period with no check-ins says so', () => {
    const md = reportToMarkdown(buildProgressReport(model, parsePeriod('2026-W40')!, 'en'));
    expect(md).toContain('No check-ins in this period.');
  });
});
