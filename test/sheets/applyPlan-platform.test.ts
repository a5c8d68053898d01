/**
 * applyPlan against what Google documents (issue 16 §4): named ranges left behind by a deleted
 * sheet, new sheets trimmed to their block, chart options by dotted key.
 */
import { describe, expect, it } from 'vitest';
import { createLocalApp } from '../../src/local/workbook';
import { OWNER_KEY, type SheetPlan } from '../../src/core/plan/types';
import { USER_MARGIN_ROWS, applyWorkbookPlan, deleteSheetAndNames, planCallEstimate } from '../../src/sheets/applyPlan';
import { placeChart } from '../../src/sheets/ownedSheet';
import { parseRange } from '../../src/core/plan/a1';
import { sampleWorkbookPlan } from './fixtures';

const calc = (name = 'Calc'): SheetPlan => ({
  name, role: 'okr', values: [[5, '=target*2']], frozenRows: 1, columnWidths: [], formats: [], validations: [],
  conditionalFormats: [], protections: [], namedRanges: [{ name: 'target', range: 'A1' }], metadata: { [OWNER_KEY]: 'okr' },
});

describe('named ranges into a deleted sheet (kept by Sheets as #REF!)', () => {
  it('the in-memory workbook keeps the name taken, unlisted and unremovable, as Sheets does', () => {
    const local = createLocalApp();
    const sheet = local.ss.insertSheet('Gone');
    local.ss.setNamedRange('kept_name', sheet.getRange('A1'));
    local.ss.deleteSheet(sheet);
    expect(local.ss.getNamedRanges()).toEqual([]);
    expect(local.ss.getRangeByName('kept_name')).toBeNull();
    expect(() => local.ss.removeNamedRange('kept_name')).toThrow();
    expect(() => local.ss.setNamedRange('kept_name', local.ss.getSheets()[0]!.getRange('A1'))).toThrow(/already exists/);
  });

  it('re-creating a sheet the user deleted takes free names before writing, and its formulas use them', () => {
    const local = createLocalApp();
    applyWorkbookPlan(local.ctx(), { sheets: [calc()] });
    local.ss.deleteSheet(local.ss.getSheetByName('Calc')!); // the user deletes it: Calc_target stays taken
    const m = local.calls.measure(() => applyWorkbookPlan({ ...local.ctx(), lock: undefined }, { sheets: [calc()] }));
    const cell = local.ss.getSheetByName('Calc')!.getRange('B1');
    expect(cell.getFormula()).toBe('=Calc_target_2*2');
    expect(cell.getValue()).toBe(10);
    expect(local.ss.getNamedRanges().map((n) => n.getName())).toEqual(['Calc_target_2']);
    // one failed setNamedRange more than a first insert
    expect(m.counts.setNamedRange).toBe(2);
    expect(m.calls).toBe(planCallEstimate(calc()).total + 1);
  });

  it('a whole template inserted again after the user deleted its OKR sheet is complete (no half-written sheet)', () => {
    const local = createLocalApp();
    const plan = sampleWorkbookPlan('en');
    applyWorkbookPlan(local.ctx(), plan);
    const okr = plan.sheets[0]!;
    local.ss.deleteSheet(local.ss.getSheetByName(okr.name)!);
    applyWorkbookPlan(local.ctx(), { sheets: [okr] });
    const again = local.sheetPlan(okr.name);
    expect(again.namedRanges).toHaveLength(okr.namedRanges.length);
    expect(again.conditionalFormats).toHaveLength(okr.conditionalFormats.length);
    expect(again.metadata).toEqual(okr.metadata);
  });

  it('deleteSheetAndNames frees our names first, so the next sheet gets them back unchanged', () => {
    const local = createLocalApp();
    applyWorkbookPlan(local.ctx(), { sheets: [calc()] });
    deleteSheetAndNames(local.ss, local.ss.getSheetByName('Calc')!);
    applyWorkbookPlan(local.ctx(), { sheets: [calc()] });
    expect(local.ss.getSheetByName('Calc')!.getRange('B1').getFormula()).toBe('=Calc_target*2');
  });
});

describe('new sheets are trimmed to their block', () => {
  it('the template sheets keep the rows their plans use plus a margin of 20, and 26 columns', () => {
    const local = createLocalApp();
    const plan = sampleWorkbookPlan('en');
    const m = local.calls.measure(() => applyWorkbookPlan(local.ctx(), plan));
    const size = (n: string) => {
      const s = local.ss.getSheetByName(n)!;
      return [s.getMaxRows(), s.getMaxColumns()];
    };
    // each sheet is its block: the OKR sheet its values (objectives, KRs, spare rows), the logs
    // down to row 1,001 where their validations end, Settings its rows
    const block = (sp: SheetPlan) => {
      const ranges = [...sp.formats, ...sp.validations, ...sp.conditionalFormats, ...sp.protections, ...sp.namedRanges].map((x) => parseRange(x.range));
      return [Math.max(sp.values.length, ...ranges.map((b) => b.row2)) + USER_MARGIN_ROWS, Math.max(26, ...sp.values.map((r) => r.length), ...ranges.map((b) => b.col2))];
    };
    expect(plan.sheets.map((sp) => size(sp.name))).toEqual(plan.sheets.map(block));
    expect(size(plan.sheets[0]!.name)[0]).toBeLessThan(100);
    expect(size(plan.sheets[1]!.name)[0]).toBe(1001 + USER_MARGIN_ROWS);
    // two sheets lose rows (OKR, Settings), two grow past 1,000 (the logs); columns are kept
    expect(m.counts.deleteRows).toBe(2);
    expect(m.counts.insertRowsAfter).toBe(2);
    expect(m.counts.deleteColumns ?? 0).toBe(0);
    const cells = plan.sheets.reduce((n, sp) => n + size(sp.name).reduce((a, b) => a * b, 1), 0);
    expect(cells).toBeLessThan((4 * 26_000) / 1.5);
  });

  it('a one-row sheet under a frozen header keeps its margin (Sheets cannot freeze every row)', () => {
    const local = createLocalApp();
    const sp: SheetPlan = { ...calc('Head'), values: [['Title']], namedRanges: [] };
    applyWorkbookPlan(local.ctx(), { sheets: [sp] });
    const s = local.ss.getSheetByName('Head')!;
    expect([s.getMaxRows(), s.getMaxColumns(), s.getFrozenRows()]).toEqual([1 + USER_MARGIN_ROWS, 26, 1]);
  });

  it('a rewritten sheet keeps its size (only new sheets are trimmed)', () => {
    const local = createLocalApp();
    const review: SheetPlan = { ...calc('Review'), role: 'review', namedRanges: [], values: [['R'], ['x']], metadata: { [OWNER_KEY]: 'review' } };
    applyWorkbookPlan(local.ctx(), { sheets: [review] });
    local.ss.getSheetByName('Review')!.insertRowsAfter(2, 50);
    const m = local.calls.measure(() => applyWorkbookPlan(local.ctx(), { sheets: [review] }, { replaceOwned: true, backup: false }));
    expect(m.counts.deleteRows ?? 0).toBe(0);
    expect(local.ss.getSheetByName('Review')!.getMaxRows()).toBe(2 + USER_MARGIN_ROWS + 50);
  });
});

describe('chart options by dotted key', () => {
  it('placeChart sets legend.position and vAxis.viewWindow.min/max; the stand-in keeps them as given', () => {
    const local = createLocalApp();
    const sheet = local.ss.insertSheet('Dash');
    sheet.getRange('A1:B3').setValues([['Unit', 'Score'], ['A', 0.5], ['B', 0.7]]);
    placeChart(sheet, { type: 'column', ranges: ['A1:B3'], numHeaders: 1, title: 'Scores', anchorRow: 1, anchorColumn: 4 });
    const [chart] = local.ss.chartsOf('Dash');
    expect(chart!.options).toEqual({ title: 'Scores', 'legend.position': 'none', 'vAxis.viewWindow.min': 0, 'vAxis.viewWindow.max': 1 });
  });
});
