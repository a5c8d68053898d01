import { describe, expect, it } from 'vitest';
import { createLocalApp } from '../../src/local/workbook';
import { OWNER_KEY } from '../../src/core/plan/types';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { isReadError, listOkrSheets, readOkrSheet, requireOkrSheet } from '../../src/sheets/readTable';
import { OkrError } from '../../src/sheets/errors';
import { sampleWorkbookPlan } from './fixtures';

/** A hand-made table of `n` KRs (4 per objective) below a header block, columns shuffled. */
function bigGrid(n: number): unknown[][] {
  const header = ['Notes', 'ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current', 'Due'];
  const grid: unknown[][] = [
    ['Unit', 'Big team', '', 'Cycle', '2026-Q4', '', '', '', ''],
    ['', '', '', '', '', '', '', '', ''],
    header,
  ];
  let o = 0;
  for (let k = 0; k < n; k++) {
    if (k % 4 === 0) {
      o++;
      grid.push(['', `O${o}`, 'Objective', `Objective ${o}`, 'Ann', '', '', '', '']);
    }
    grid.push(['', `O${o}.KR${(k % 4) + 1}`, 'Increase', `Raise metric ${k} from 10 to 20`, 'Ann', 10, 20, 12, new Date(2026, 11, 1)]);
  }
  return grid;
}

describe('readOkrSheet', () => {
  it('reads a 5,000-KR table with exactly one values read', () => {
    const local = createLocalApp();
    const grid = bigGrid(5000);
    const sheet = local.ss.insertSheet('Big');
    sheet.insertRowsAfter(1000, grid.length - 1000);
    sheet.getRange(1, 1, grid.length, grid[0]!.length).setValues(grid);
    const m = local.calls.measure(() => readOkrSheet(local.ctx(), sheet));
    expect(m.counts).toEqual({ getName: 1, getDataRange: 1, getValues: 1 });
    const r = m.result;
    if (isReadError(r)) throw new Error(r.error.en);
    expect(r.table.rows.filter((x) => x.type !== 'objective')).toHaveLength(5000);
    expect(r.table.rows[1]).toMatchObject({ id: 'O1.KR1', start: 10, target: 20, current: 12, due: '2026-12-01' });
  });

  it('turns a finding (row, column) into the A1 address of the sheet cell', () => {
    const local = createLocalApp();
    const sheet = local.ss.insertSheet('T');
    const grid = bigGrid(4);
    sheet.getRange(1, 1, grid.length, grid[0]!.length).setValues(grid);
    const r = requireOkrSheet(local.ctx(), sheet);
    expect(r.a1({ row: 1, column: 'target' })).toBe('G5');
    expect(r.a1({ row: 0, column: null })).toBe('B4');
  });

  it('a sheet without an OKR header is an error (or OkrError notOkrSheet), in both languages', () => {
    const local = createLocalApp();
    const s = local.ss.insertSheet('Plain');
    s.getRange('A1:B2').setValues([['hello', 'world'], [1, 2]]);
    const r = readOkrSheet(local.ctx(), s);
    expect(isReadError(r)).toBe(true);
    expect(() => requireOkrSheet(local.ctx('zh-CN'), s)).toThrow(OkrError);
  });
});

describe('listOkrSheets', () => {
  it('finds OKR sheets by role metadata; by content only on demand; never generated sheets', () => {
    const local = createLocalApp();
    const plan = sampleWorkbookPlan('en');
    applyWorkbookPlan(local.ctx(), plan);
    const hand = local.ss.insertSheet('Hand-made');
    const grid = bigGrid(4);
    hand.getRange(1, 1, grid.length, grid[0]!.length).setValues(grid);
    const review = local.ss.insertSheet('Review');
    review.addDeveloperMetadata(OWNER_KEY, 'review');
    review.getRange(1, 1, grid.length, grid[0]!.length).setValues(grid);

    expect(listOkrSheets(local.ctx()).map((s) => [s.name, s.by])).toEqual([[plan.sheets[0]!.name, 'metadata']]);
    expect(listOkrSheets(local.ctx(), { scanContent: true }).map((s) => [s.name, s.by])).toEqual([
      [plan.sheets[0]!.name, 'metadata'],
      ['Hand-made', 'content'],
    ]);
  });
});
