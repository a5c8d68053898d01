import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/model';
import { scoreTable } from '../../../src/core/score';
import { readSnapshot } from '../../../src/core/snapshot';
import { scoreWorkbook } from '../../../src/core/tasks/score';
import { manyKrs, okrGrid, snapshotOf } from './grid';

describe('scoreWorkbook', () => {
  it('per KR, objective and unit; each objective carries its own KRs; A1 of the Progress cell when the sheet has one', () => {
    const values = okrGrid('Sales', [
      { id: 'O1' },
      { id: 'O1.KR1', start: 0, target: 10, current: 5 },
      { id: 'O1.KR2', start: 0, target: 10, current: 10 },
      { id: 'O2' },
      { id: 'O2.KR1', start: 0, target: 4, current: 1 },
      { id: 'X.KR9', start: 0, target: 4, current: 4 },
    ]);
    const model = readSnapshot(snapshotOf([{ name: 'Sales OKR', values }]));
    const [u] = scoreWorkbook(model);
    expect(u!.sheet).toBe('Sales OKR');
    expect(u!.unit).toBe('Sales');
    expect(u!.asOf).toBe('2026-11-15');
    expect(u!.objectives.map((o) => [o.id, o.progress, o.krs.map((k) => k.id)])).toEqual([
      ['O1', 0.75, ['O1.KR1', 'O1.KR2']],
      ['O2', 0.25, ['O2.KR1']],
    ]);
    expect(u!.orphans.map((k) => k.id)).toEqual(['X.KR9']);
    // the unit's score: the same number core scoreTable calls overall (the one definition)
    const direct = scoreTable(model.okr[0]!.read.table, '2026-11-15', DEFAULT_SETTINGS);
    expect(u!.overall).toBe(direct.overall);
    expect(u!.overall).toBeCloseTo((0.75 + 0.3) / 2, 9); // KR scores 0.5, 1.0 → O1 0.75; O2 ROUND(0.25,1) = 0.3
    expect(u!.krs.map((k) => k.title)).toEqual(['Title of O1.KR1', 'Title of O1.KR2', 'Title of O2.KR1', 'Title of X.KR9']);
    expect(u!.krs[0]!.a1).toBeNull(); // this grid has no Progress column
    const counts = Object.values(u!.statusCounts).reduce((a, b) => a + b, 0);
    expect(counts).toBe(4);
  });

  it('--as-of overrides the table; else the table\'s As-of cell; else the snapshot day', () => {
    const withCell = okrGrid('A', [{ id: 'O1' }, { id: 'O1.KR1', start: 0, target: 1, current: 0 }], { asOf: '2026-10-20' });
    const without = okrGrid('B', [{ id: 'O1' }, { id: 'O1.KR1', start: 0, target: 1, current: 0 }]);
    const model = readSnapshot(snapshotOf([{ name: 'A', values: withCell }, { name: 'B', values: without }], '2026-12-01'));
    expect(scoreWorkbook(model).map((u) => u.asOf)).toEqual(['2026-10-20', '2026-12-01']);
    expect(scoreWorkbook(model, { asOf: '2026-11-01' }).map((u) => u.asOf)).toEqual(['2026-11-01', '2026-11-01']);
    expect(scoreWorkbook(model, { sheets: ['B'] }).map((u) => u.sheet)).toEqual(['B']);
  });

  it('10,000 KRs: every KR listed once under its objective, the same numbers as scoreTable', () => {
    const values = okrGrid('Big', manyKrs(10_000));
    const model = readSnapshot(snapshotOf([{ name: 'Big', values }]));
    const [u] = scoreWorkbook(model);
    expect(u!.objectives).toHaveLength(2_500);
    expect(u!.objectives.reduce((n, o) => n + o.krs.length, 0)).toBe(10_000);
    const direct = scoreTable(model.okr[0]!.read.table, u!.asOf, model.settings);
    expect(u!.objectives[2_499]!.score).toBe(direct.objectives[2_499]!.score);
    expect(u!.overall).toBe(direct.overall);
  });
});
