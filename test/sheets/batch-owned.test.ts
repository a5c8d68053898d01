/**
 * Regenerating a generated sheet in place through the Sheets API (issue 16 §5, second bullet):
 * the same actions run on two identical workbooks, one through SpreadsheetApp (the reference,
 * src/sheets/ownedSheet.ts) and one through `get` + `batchUpdate` (src/sheets/batch/owned.ts),
 * give the same workbook cell by cell — values, formulas, formats, notes, validations,
 * conditional formats, metadata, charts, named ranges, grid size, active sheet — for (a) fresh
 * sheets, (b) a larger block over a person's content below, (c) a smaller block, (d) a person's
 * cells, note and own chart inside and beside the block. And the calls each path makes.
 */
import { describe, expect, it } from 'vitest';
import { okrPlanOf, twoUnits } from './fixtures';
import type { Lang } from '../../src/core/i18n';
import { withOwnedRange } from '../../src/core/plan/owned';
import type { SheetPlan } from '../../src/core/plan/types';
import { type LocalWorkbook } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import type { SheetsApiLike } from '../../src/sheets/batch/apply';
import type { SheetsContext } from '../../src/sheets/context';
import { writeOwnedSheet } from '../../src/sheets/ownedSheet';
import { generateAlignmentMap, generateDashboard, generateReview } from '../../src/sheets/review';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { beijing } from '../review/fixtures';
import { dump } from './batch-dump';

const ASOF = '2026-11-30';

/** Two units, the support sheets and one check-in — written through SpreadsheetApp. */
/** Two identical workbooks: `app` applies through SpreadsheetApp, `api` through the Sheets API. */
function twins(lang: Lang = 'en') {
  const a = twoUnits(lang).local;
  const b = twoUnits(lang).local;
  const ctxA: SheetsContext = { ...a.ctx(lang), lock: undefined };
  const ctxB: SheetsContext = { ...b.ctx(lang), lock: undefined, sheetsApi: b.sheetsApi };
  /** Runs the same step on both; returns the calls each made. */
  const both = <T>(step: (ctx: SheetsContext, local: LocalWorkbook) => T) => {
    const viaApp = a.calls.measure(() => step(ctxA, a));
    const viaApi = b.calls.measure(() => step(ctxB, b));
    expect(viaApi.result).toEqual(viaApp.result);
    return { viaApp, viaApi };
  };
  return { a, b, both };
}

const sheetOf = (local: LocalWorkbook, name: string) => local.ss.getSheetByName(name)!;
const apiCalls = (counts: Record<string, number>) => (counts['Sheets.Spreadsheets.get'] ?? 0) + (counts['Sheets.Spreadsheets.batchUpdate'] ?? 0);

describe('regenerating in place: SpreadsheetApp path ≡ batchUpdate path', () => {
  it('(a) fresh review, dashboard (with its chart) and alignment map, then regenerated unchanged', () => {
    const { a, b, both } = twins();
    both((ctx) => generateReview(ctx, { sheet: 'Center', asOf: ASOF }).reviewSheet);
    both((ctx) => generateDashboard(ctx, { asOf: ASOF }).dashboardSheet);
    both((ctx) => generateAlignmentMap(ctx).alignmentSheet);
    expect(dump(b)).toEqual(dump(a));
    // the add-on's chart is on the API side too, recorded in metadata
    expect(b.ss.chartsOf('Dashboard')).toHaveLength(1);
    const r = both((ctx) => generateDashboard(ctx, { asOf: '2026-12-01' }).dashboardSheet);
    expect(r.viaApi.counts['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    both((ctx) => generateReview(ctx, { sheet: 'Center', asOf: ASOF }).reviewSheet);
    both((ctx) => generateAlignmentMap(ctx).alignmentSheet);
    expect(b.ss.chartsOf('Dashboard')).toHaveLength(1);
    expect(dump(b)).toEqual(dump(a));
  }, 120_000);

  it('(b) a larger block pushes a person\'s footnote below it down on both paths', () => {
    const { a, b, both } = twins();
    const name = both((ctx) => generateAlignmentMap(ctx).alignmentSheet).viaApp.result;
    both((_, local) => {
      const sheet = sheetOf(local, name);
      sheet.getRange(sheet.getLastRow() + 2, 1).setValue('footnote by a person');
      sheet.getRange(sheet.getLastRow(), 2).setNote('a note below the block');
    });
    both((ctx) => applyWorkbookPlan(ctx, { sheets: [okrPlanOf({ ...beijing, header: { ...beijing.header, unit: 'Shanghai' } }, 'en', 'Shanghai')] }, { sheetsApi: null }));
    const r = both((ctx) => generateAlignmentMap(ctx).alignmentSheet);
    expect(r.viaApi.counts['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    const col = sheetOf(b, name).getDataRange().getValues().map((x) => x[0]);
    expect(col.filter((v) => v === 'footnote by a person')).toHaveLength(1);
    expect(col.some((v) => String(v).includes('Shanghai'))).toBe(true);
    expect(dump(b)).toEqual(dump(a));
  }, 120_000);

  it('(c) a smaller block: the rest of the old block is cleared, nothing below moves', () => {
    const { a, b, both } = twins();
    const plan = (rows: number): SheetPlan =>
      withOwnedRange({
        name: 'Summary', role: 'review', frozenRows: 1, columnWidths: [160, 100],
        values: [['Title', 'n'], ...Array.from({ length: rows }, (_, i) => [`line ${i + 1}`, i + 1])],
        formats: [{ range: 'A1:B1', bold: true, background: '#e8f0fe' }, { range: `B2:B${rows + 1}`, numberFormat: '0.0' }],
        validations: [{ range: `B2:B${rows + 1}`, rule: { kind: 'number', min: 0 }, strict: false, helpText: '' }],
        conditionalFormats: [{ range: `B2:B${rows + 1}`, when: { kind: 'numberLess', value: 2 }, background: '#fce8e6' }],
        protections: [], namedRanges: [], metadata: { 'okrSheets.role': 'review' },
      });
    both((ctx) => writeOwnedSheet(ctx, plan(8), null).getName());
    both((_, local) => {
      const s = sheetOf(local, 'Summary');
      s.getRange('A15').setValue('below, by a person');
      s.getRange('D3').setValue('beside, by a person').setNote('beside note');
      s.setConditionalFormatRules([
        ...s.getConditionalFormatRules(),
        local.app.newConditionalFormatRule().setRanges([s.getRange('D20:D22')]).whenNumberGreaterThanOrEqualTo(5).setBackground('#00ff00').build(),
      ]);
    });
    const r = both((ctx) => writeOwnedSheet(ctx, plan(3), 'Summary').getName());
    expect(r.viaApi.counts['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    const s = sheetOf(b, 'Summary');
    expect(s.getRange('A6:B9').getValues().flat().every((v) => v === '')).toBe(true);
    expect(s.getRange('A15').getValue()).toBe('below, by a person');
    expect(s.getRange('D3').getValue()).toBe('beside, by a person');
    expect(s.getConditionalFormatRules()).toHaveLength(2);
    expect(dump(b)).toEqual(dump(a));
  }, 60_000);

  it('(d) a person\'s cells, note and own chart inside and beside the block survive, ours is updated not piled up', () => {
    const { a, b, both } = twins();
    const review = both((ctx) => generateReview(ctx, { sheet: 'Center', asOf: ASOF }).reviewSheet).viaApp.result;
    const dash = both((ctx) => generateDashboard(ctx, { asOf: ASOF }).dashboardSheet).viaApp.result;
    both((_, local) => {
      const r = sheetOf(local, review);
      const v = r.getDataRange().getValues();
      const o1 = v.findIndex((row) => String(row[0]).startsWith('O1 '));
      r.getRange(o1 + 5, 3).setValue('We moved the salons online.');
      r.getRange(o1 + 3, 4).setValue('side note inside the block');
      r.getRange(o1 + 4, 4).setValue(new Date(2026, 10, 3));
      r.getRange(o1 + 6, 4).setFormula('=1+1');
      r.getRange('H2').setNote('ask finance about Q1');
      r.getRange(2, 3).setNote('note on a generated cell');
      const d = sheetOf(local, dash);
      d.insertChart(d.newChart().asPieChart().addRange(d.getRange('A4:B6')).setPosition(30, 8, 0, 0).build());
      d.getRange('T2').setNote('my reminder').setValue('keep me');
      d.getRange('D1').setValue('v2, shared with HR');
    });
    for (let i = 0; i < 2; i++) {
      const r1 = both((ctx) => generateReview(ctx, { sheet: 'Center', asOf: ASOF }).markdown);
      expect(r1.viaApi.result).toContain('We moved the salons online.');
      both((ctx) => generateDashboard(ctx, { asOf: i === 0 ? ASOF : '2026-12-01' }).dashboardSheet);
    }
    const charts = b.ss.chartsOf(dash);
    expect(charts.filter((c) => /PIE/.test(c.type))).toHaveLength(1);
    expect(charts.filter((c) => /COLUMN/.test(c.type))).toHaveLength(1);
    expect(sheetOf(b, dash).getRange('T2').getValue()).toBe('keep me');
    expect(sheetOf(b, review).getDataRange().getValues().flat()).toContain('side note inside the block');
    expect(dump(b)).toEqual(dump(a));
  }, 120_000);

  it('the add-on\'s chart deleted by a person is added again (and recorded) on both paths', () => {
    const { a, b, both } = twins();
    const dash = both((ctx) => generateDashboard(ctx, { asOf: ASOF }).dashboardSheet).viaApp.result;
    both((_, local) => {
      const d = sheetOf(local, dash);
      for (const c of d.getCharts()) d.removeChart(c);
    });
    both((ctx) => generateDashboard(ctx, { asOf: ASOF }).dashboardSheet);
    expect(b.ss.chartsOf(dash)).toHaveLength(1);
    expect(dump(b)).toEqual(dump(a));
  }, 60_000);

  it('the comparison can fail: a person\'s cell the API path would lose shows', () => {
    const { a, b, both } = twins();
    const review = both((ctx) => generateReview(ctx, { sheet: 'Center', asOf: ASOF }).reviewSheet).viaApp.result;
    sheetOf(a, review).getRange('E3').setValue('only on one side');
    both((ctx) => generateReview(ctx, { sheet: 'Center', asOf: ASOF }).reviewSheet);
    expect(dump(b)).not.toEqual(dump(a));
  }, 60_000);
});

describe('service calls of an action, both paths (lock left out: the same on both)', () => {
  it('review, dashboard (chart) and alignment map regenerated: the snapshot + 4 calls on the API path, whatever the rows', () => {
    const { b, both } = twins();
    both((ctx) => generateReview(ctx, { sheet: 'Center', asOf: ASOF }));
    both((ctx) => generateDashboard(ctx, { asOf: ASOF }));
    both((ctx) => generateAlignmentMap(ctx));
    // the snapshot as the API path takes it (through the Sheets API: src/sheets/batch/snapshotRead.ts)
    const ctx = { ...b.ctx('en'), lock: undefined, sheetsApi: b.sheetsApi };
    const again: Array<[string, ReturnType<typeof both>, ReturnType<typeof b.calls.measure>]> = [
      ['review', both((c) => generateReview(c, { sheet: 'Center', asOf: ASOF })), b.calls.measure(() => takeSnapshot(ctx, { asOf: ASOF }))],
      ['dashboard', both((c) => generateDashboard(c, { asOf: ASOF })), b.calls.measure(() => takeSnapshot(ctx, { asOf: ASOF }))],
      ['alignment', both((c) => generateAlignmentMap(c)), b.calls.measure(() => takeSnapshot(ctx))],
    ];
    for (const [name, r, snap] of again) {
      // the snapshot taken apart; the writing is getId, get, batchUpdate,
      // getSheetById — and the action reads the sheet's name for its summary
      const writes = minus(r.viaApi.counts, snap.counts);
      expect(writes, name).toEqual({ getId: 1, 'Sheets.Spreadsheets.get': 1, 'Sheets.Spreadsheets.batchUpdate': 1, getSheetById: 1, getName: 1 });
      expect(r.viaApi.calls, name).toBe(snap.calls + 5);
      expect(apiCalls(r.viaApp.counts), name).toBe(0);
      expect(r.viaApp.calls - snap.calls, name).toBeGreaterThan(20);
    }
  }, 120_000);
});

describe('fallback', () => {
  it('an API that fails on a regeneration: one console.warn, SpreadsheetApp rewrites the sheet, the same workbook', () => {
    const { a, b, both } = twins();
    both((ctx) => generateDashboard(ctx, { asOf: ASOF }).dashboardSheet);
    const failing: SheetsApiLike = {
      get: (id, o) => b.sheetsApi.get(id, o),
      batchUpdate: () => {
        throw new Error('Request had insufficient authentication scopes.');
      },
    };
    const warn: string[] = [];
    const orig = console.warn;
    console.warn = (...m: unknown[]) => void warn.push(String(m[0]));
    try {
      generateDashboard({ ...a.ctx('en'), lock: undefined }, { asOf: '2026-12-01' });
      generateDashboard({ ...b.ctx('en'), lock: undefined, sheetsApi: failing }, { asOf: '2026-12-01' });
    } finally {
      console.warn = orig;
    }
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatch(/batchUpdate failed, applying through SpreadsheetApp instead: Request had insufficient authentication scopes/);
    expect(dump(b)).toEqual(dump(a));
  }, 60_000);
});

/** counts − base, by method (zeros left out). */
function minus(counts: Record<string, number>, base: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(counts)) if (v - (base[k] ?? 0) !== 0) out[k] = v - (base[k] ?? 0);
  return out;
}
