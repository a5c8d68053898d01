/**
 * The cells the sheet's formulas cannot read as the user meant (issue 16 §4), each said at its
 * cell in both languages, with core reading the cell as the sheet does:
 * - a date typed as TEXT in Due (`2026/10/20`): Status (ISNUMBER) sees no date, so no overdue —
 *   core neither; `unreadable-number` / dateText gives the date to enter;
 * - a date in a number cell (a snapshot holds it as its ISO day): `unreadable-number` / dateNumber
 *   with the serial number the formulas count;
 * - TRUE / FALSE (a checkbox) in Start, Target, Weight or a score: `unreadable-number` / boolean;
 *   Start reads as N(TRUE) = 1, as the Progress formula reads it;
 * - a milestone's Current in words (`完成`): 0 to the formula; `unreadable-number` / milestone;
 * - an ID with spaces around it: `id-spaces` (the objective formulas compare IDs as typed).
 */
import { describe, expect, it } from 'vitest';
import { findingMessage, lintTable, type Finding } from '../../src/core/lint';
import { sheetDate } from '../../src/core/numbers';
import { scoreTable } from '../../src/core/score';
import { isTableError, readTableValues } from '../../src/core/table';

const HEADER = ['ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current', 'Weight', 'Due', 'Self-score'];

function table(rows: unknown[][]) {
  const read = readTableValues([['Cycle', '2026-Q4'], HEADER, ...rows]);
  if (isTableError(read)) throw new Error(read.error.en);
  return read.table;
}
const of = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const both = (f: Finding) => [findingMessage(f, 'en'), findingMessage(f, 'zh-CN')];

describe('cells the sheet cannot read as meant: core reads them as the sheet, Check names the cell', () => {
  it('a due date typed as text is no date (no overdue), and Check gives the date to enter', () => {
    const t = table([['O1', 'Objective', 'Grow', 'Ann'], ['O1.KR1', 'Increase', 'Raise sales', 'Bob', 0, 100, 10, '', '2026/10/20']]);
    expect(t.rows[1]!.due).toBeNull();
    // as of Nov 15 the sheet shows no overdue for it (Status reads Due with ISNUMBER), nor does core
    expect(scoreTable(t, '2026-11-15').krs[0]!.status).not.toBe('overdue');
    const [f] = of(lintTable(t), 'unreadable-number');
    expect(f).toMatchObject({ at: { row: 1, column: 'due' }, variant: 'dateText', severity: 'error' });
    expect(both(f!)).toEqual([
      'O1.KR1: Due holds the text “2026/10/20”, which the sheet\'s formulas do not read as a date (no overdue status): enter the date 2026-10-20',
      'O1.KR1 的“截止日期”是文字“2026/10/20”，表格公式不会把它当作日期（不会显示逾期）：请改填日期 2026-10-20',
    ]);
    // a real date (the snapshot's ISO day) is a date, and overdue
    const d = table([['O1', 'Objective', 'Grow', 'Ann'], ['O1.KR1', 'Increase', 'Raise sales', 'Bob', 0, 100, 10, '', '2026-10-20']]);
    expect(d.rows[1]!.due).toBe('2026-10-20');
    expect(scoreTable(d, '2026-11-15').krs[0]!.status).toBe('overdue');
    expect(of(lintTable(d), 'unreadable-number')).toEqual([]);
  });

  it('sheetDate: dates and serials are dates, text that reads as one is not', () => {
    expect(sheetDate('2026-10-20')).toBe('2026-10-20');
    expect(sheetDate(46315)).toBe('2026-10-20');
    for (const s of ['2026/10/20', '2026年10月20日', '2026.10.20', 'soon', '']) expect(sheetDate(s), s).toBeNull();
  });

  it('a date in a number cell: Check says it is a date and which number the formulas count', () => {
    const t = table([['O1', 'Objective', 'Grow', 'Ann'], ['O1.KR1', 'Increase', 'Raise sales', 'Bob', 0, 100, '2026-11-10']]);
    const [f] = of(lintTable(t), 'unreadable-number');
    expect(f).toMatchObject({ at: { row: 1, column: 'current' }, variant: 'dateNumber', params: { serial: 46336 } });
    expect(both(f!)[0]).toBe('O1.KR1: Current holds the date 2026-11-10, not the number this column needs (the sheet\'s formulas count a date as its serial number 46336): enter a number');
    expect(both(f!)[1]).toMatch(/^O1\.KR1 的“当前值”是日期 2026-11-10.*46336/);
  });

  it('a checkbox in Start reads as 1 (N(TRUE)), elsewhere as no number; Check names each', () => {
    const t = table([['O1', 'Objective', 'Grow', 'Ann'], ['O1.KR1', 'Increase', 'Raise sales', 'Bob', true, 11, 6, false, '', true]]);
    const kr = t.rows[1]!;
    expect([kr.start, kr.target, kr.weight, kr.selfScore]).toEqual([1, 11, null, null]);
    // (6 − 1) / (11 − 1), as the Progress formula computes it with N(TRUE) = 1
    expect(scoreTable(t).krs[0]!.progress).toBeCloseTo(0.5, 12);
    const fs = of(lintTable(t), 'unreadable-number');
    expect(fs.map((f) => [f.at.column, f.variant])).toEqual([['start', 'boolean'], ['weight', 'boolean'], ['selfScore', 'boolean']]);
    expect(both(fs[0]!)[0]).toBe('O1.KR1: Start holds TRUE (a checkbox), not a number (the formulas read TRUE in Start as 1, elsewhere as blank): enter a number');
    expect(both(fs[0]!)[1]).toMatch(/^O1\.KR1 的“起始值”是勾选框的值 TRUE/);
    // a milestone's Current is where TRUE belongs
    const m = table([['O1', 'Objective', 'Grow', 'Ann'], ['O1.KR1', 'Milestone', 'Launch', 'Bob', '', '', true]]);
    expect(of(lintTable(m), 'unreadable-number')).toEqual([]);
  });

  it('a milestone\'s Current in words counts as 0; Check says how to mark it done', () => {
    const t = table([['O1', 'Objective', 'Grow', 'Ann'], ['O1.KR1', 'Milestone', 'Launch the portal', 'Bob', '', '', '完成']]);
    expect(scoreTable(t).krs[0]!.progress).toBe(0);
    const [f] = of(lintTable(t), 'unreadable-number');
    expect(f).toMatchObject({ at: { row: 1, column: 'current' }, variant: 'milestone' });
    expect(both(f!)).toEqual([
      'O1.KR1: “完成” in Current counts as 0 (not done) in the sheet\'s formulas: tick the box (TRUE) or enter 1 when the milestone is done, or a share such as 0.5',
      'O1.KR1 的“当前值”是文字“完成”，表格公式按 0（未完成）计算：里程碑完成请勾选（TRUE）或填 1，部分完成填比例（如 0.5）',
    ]);
  });

  it('an ID with spaces around it is named at the ID cell; a clean ID is not', () => {
    const t = table([['O1 ', 'Objective', 'Grow', 'Ann'], [' O1.KR1', 'Increase', 'Raise sales', 'Bob', 0, 10, 5], ['O1.KR2', 'Increase', 'Raise leads', 'Cy', 0, 10, 5]]);
    const fs = of(lintTable(t), 'id-spaces');
    expect(fs.map((f) => [f.at.row, f.at.column])).toEqual([[0, 'id'], [1, 'id']]);
    expect(both(fs[1]!)).toEqual([
      'The ID “␣O1.KR1” has spaces around it: the sheet\'s formulas compare IDs as typed, so this row may not count for its objective: remove the spaces',
      '编号“␣O1.KR1”前后有空格：表格公式按原样比较编号，此行的进度可能不计入其目标：请删除空格',
    ]);
  });
});
