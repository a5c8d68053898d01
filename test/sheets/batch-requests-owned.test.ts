/**
 * The pure request builders of a regeneration in place (src/sheets/batch/owned.ts) and of the
 * Dashboard's chart (src/sheets/batch/chart.ts), checked against the v4 reference's field rules.
 */
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/core/plan/dashboardSheet';
import { OWNED_CHART_KEY, withOwnedRange } from '../../src/core/plan/owned';
import type { SheetPlan } from '../../src/core/plan/types';
import { META_KEY } from '../../src/sheets/applyPlan';
import { addChartRequest, updateChartRequests } from '../../src/sheets/batch/chart';
import { chartRequests, planOwnedRewrite, type OwnedSheetState } from '../../src/sheets/batch/owned';

const chart: ChartSpec = { type: 'column', title: 'Scores', ranges: ['A4:A6', 'F4:F6'], numHeaders: 1, anchorRow: 9, anchorColumn: 1 };

const plan = (rows: number): SheetPlan =>
  withOwnedRange({
    name: 'R', role: 'review', frozenRows: 0, columnWidths: [],
    values: Array.from({ length: rows }, (_, i) => [`line ${i + 1}`]),
    formats: [], validations: [], conditionalFormats: [{ range: `A1:A${rows}`, when: { kind: 'textEq', value: 'x' }, bold: true }],
    protections: [], namedRanges: [], metadata: { 'okrSheets.role': 'review' },
  });

function state(p: SheetPlan, extra: Partial<OwnedSheetState> = {}): OwnedSheetState {
  const { 'okrSheets.role': role, ...rest } = p.metadata;
  return {
    sheetId: 7, title: 'R', rowCount: 30, columnCount: 26,
    metadata: [{ id: 1, key: 'okrSheets.role', value: role! }, { id: 2, key: META_KEY, value: JSON.stringify(rest) }],
    chartIds: [], ruleCorners: [[{ row: 1, col: 1 }]],
    cells: p.values.map((r) => r.map((v) => ({ userEnteredValue: { stringValue: String(v) } }))),
    ...extra,
  };
}

describe('chart requests', () => {
  it('addChart names its id; the value axis is EXPLICIT 0–1; the first range is the domain', () => {
    const r = addChartRequest(chart, 7, 99).addChart!.chart!;
    expect(r.chartId).toBe(99);
    const basic = r.spec!.basicChart!;
    expect(basic).toMatchObject({ chartType: 'COLUMN', legendPosition: 'NO_LEGEND', headerCount: 1 });
    expect(basic.axis![0]).toMatchObject({ position: 'LEFT_AXIS', viewWindowOptions: { viewWindowMode: 'EXPLICIT', viewWindowMin: 0, viewWindowMax: 1 } });
    expect(basic.domains![0]!.domain!.sourceRange!.sources![0]).toEqual({ sheetId: 7, startRowIndex: 3, endRowIndex: 6, startColumnIndex: 0, endColumnIndex: 1 });
    expect(basic.series!.map((s) => s.series!.sourceRange!.sources![0]!.startColumnIndex)).toEqual([5]);
    expect(r.position!.overlayPosition!.anchorCell).toEqual({ sheetId: 7, rowIndex: 8, columnIndex: 0 });
  });

  it('an update moves the chart with OverlayPosition fields only (the root is implied)', () => {
    const [spec, pos] = updateChartRequests(chart, 7, 42);
    expect(spec!.updateChartSpec!.chartId).toBe(42);
    expect(pos!.updateEmbeddedObjectPosition!.fields!.split(',')).toEqual(['anchorCell', 'offsetXPixels', 'offsetYPixels']);
  });

  it('ours is updated when it is still there; otherwise added with a free id and recorded, the old record removed', () => {
    const md = [{ id: 5, key: OWNED_CHART_KEY, value: '42' }];
    expect(chartRequests(chart, 7, md, [3, 42], [7, 3, 42]).map((r) => Object.keys(r)[0])).toEqual(['updateChartSpec', 'updateEmbeddedObjectPosition']);
    const added = chartRequests(chart, 7, md, [3], [7, 3]);
    expect(added.map((r) => Object.keys(r)[0])).toEqual(['addChart', 'deleteDeveloperMetadata', 'createDeveloperMetadata']);
    expect(added[0]!.addChart!.chart!.chartId).toBe(8);
    expect(added[2]!.createDeveloperMetadata!.developerMetadata).toMatchObject({ metadataKey: OWNED_CHART_KEY, metadataValue: '8' });
  });
});

describe('planOwnedRewrite', () => {
  it('clears the old block (values, formats, validations — not notes), deletes our rule and metadata, writes the new block', () => {
    const rw = planOwnedRewrite(state(plan(5)), plan(3), 'en')!;
    const kinds = rw.requests.map((r) => Object.keys(r)[0]);
    expect(rw.requests[0]!.updateCells).toEqual({
      range: { sheetId: 7, startRowIndex: 0, endRowIndex: 5, startColumnIndex: 0, endColumnIndex: 1 },
      fields: 'userEnteredValue,userEnteredFormat,dataValidation',
    });
    expect(kinds).not.toContain('insertDimension');
    expect(rw.requests.filter((r) => r.deleteConditionalFormatRule)).toEqual([{ deleteConditionalFormatRule: { sheetId: 7, index: 0 } }]);
    expect(rw.requests.filter((r) => r.deleteDeveloperMetadata).map((r) => r.deleteDeveloperMetadata!.dataFilter!.developerMetadataLookup!.metadataId)).toEqual([1, 2]);
    expect(rw.requests.find((r) => r.addConditionalFormatRule)!.addConditionalFormatRule!.index).toBe(0);
  });

  it('a taller block inserts rows after the old one only when something lies below it', () => {
    const free = planOwnedRewrite(state(plan(3)), plan(6), 'en')!;
    expect(free.requests.some((r) => r.insertDimension)).toBe(false);
    const below = state(plan(3));
    below.cells[9] = [{ userEnteredValue: { stringValue: 'footnote' } }];
    const pushed = planOwnedRewrite(below, plan(6), 'en')!;
    expect(pushed.requests.find((r) => r.insertDimension)!.insertDimension).toEqual({
      range: { sheetId: 7, dimension: 'ROWS', startIndex: 3, endIndex: 6 }, inheritFromBefore: true,
    });
  });

  it('a person\'s rules stay first: ours are deleted highest index first and added after theirs', () => {
    const s = state(plan(4), { ruleCorners: [[{ row: 20, col: 1 }], [{ row: 1, col: 1 }], [{ row: 2, col: 9 }, { row: 3, col: 1 }], [{ row: 25, col: 4 }]] });
    const rw = planOwnedRewrite(s, plan(4), 'en')!;
    expect(rw.requests.filter((r) => r.deleteConditionalFormatRule).map((r) => r.deleteConditionalFormatRule!.index)).toEqual([2, 1]);
    expect(rw.requests.find((r) => r.addConditionalFormatRule)!.addConditionalFormatRule!.index).toBe(2);
  });

  it('a person\'s text right of what we wrote, a date and a formula are written back as they were', () => {
    // the block is 4 columns wide (its title row); lines 2–3 hold one cell, a person typed beside
    const wide = (): SheetPlan => {
      const p = plan(3);
      return withOwnedRange({ ...p, values: [['Title', 'a', 'b', 'c'], ...p.values.slice(1)] });
    };
    const s = state(wide());
    s.cells[1]![2] = { userEnteredValue: { stringValue: '=not a formula' } };
    s.cells[2]![1] = { userEnteredValue: { numberValue: 46329 }, userEnteredFormat: { numberFormat: { type: 'DATE' } } };
    s.cells[2]![3] = { userEnteredValue: { formulaValue: '=1+1' } };
    const rw = planOwnedRewrite(s, wide(), 'en')!;
    expect(rw.plan.values[1]![2]).toBe("'=not a formula");
    expect(rw.plan.values[2]![1]).toEqual({ date: '2026-11-03' });
    expect(rw.plan.values[2]![3]).toBe('=1+1');
  });

  it('plans with named ranges or protections are left to SpreadsheetApp', () => {
    expect(planOwnedRewrite(state(plan(2)), { ...plan(2), namedRanges: [{ name: 'x', range: 'A1' }] }, 'en')).toBeNull();
    expect(planOwnedRewrite(state(plan(2)), { ...plan(2), protections: [{ range: 'A1', description: '', warningOnly: true }] }, 'en')).toBeNull();
  });
});
