/**
 * The batchUpdate path (issue 16 §5): the same plans applied through SpreadsheetApp and through
 * the Sheets API's batchUpdate give the same workbook, cell by cell, in ≈ 2 service calls.
 */
import { describe, expect, it } from 'vitest';
import { createLocalApp } from '../../src/local/workbook';
import type { WorkbookPlan } from '../../src/core/plan/types';
import { buildAlignment } from '../../src/core/alignment';
import { buildReview } from '../../src/core/review';
import { reviewSheetPlan } from '../../src/core/plan/reviewSheet';
import { buildDashboard, dashboardSheetPlan } from '../../src/core/plan/dashboardSheet';
import { USER_MARGIN_ROWS, applyWorkbookPlan, applyWorkbookPlanDetailed, planCallEstimate } from '../../src/sheets/applyPlan';
import { planBatch } from '../../src/sheets/batch/apply';
import { bodyBytes, isoToSerial, planToBatchRequests, splitIntoBodies } from '../../src/sheets/batch/requests';
import type { SheetsApiLike } from '../../src/sheets/batch/apply';
import { bigOkrPlan, sampleWorkbookPlan } from './fixtures';
import { center, checkins, salesSheets } from '../review/fixtures';
import { dump } from './batch-dump';

function reviewAndDashboard(): WorkbookPlan {
  const doc = buildReview({ table: center, sheet: '销售中心', checkins, asOf: '2026-11-30', month: '2026-11', alignment: buildAlignment(salesSheets) });
  const dash = dashboardSheetPlan(buildDashboard(salesSheets, checkins, '2026-11-30', { lang: 'en' }));
  return { sheets: [reviewSheetPlan(doc), dash.sheet] };
}

const PLANS: Array<[string, () => WorkbookPlan[]]> = [
  ['template, zh-CN (OKR sheet + check-ins, actions, settings)', () => [sampleWorkbookPlan('zh-CN')]],
  ['template, en, then a second unit beside it (support sheets found by metadata)', () => [sampleWorkbookPlan('en'), sampleWorkbookPlan('en', { unit: 'Sales 2' })]],
  ['a review and a dashboard', () => [reviewAndDashboard()]],
];

describe('SpreadsheetApp path ≡ batchUpdate path', () => {
  it.each(PLANS)('%s: the same workbook, cell by cell', (_, plans) => {
    const viaApp = createLocalApp({ lang: 'zh-CN' });
    const viaApi = createLocalApp({ lang: 'zh-CN' });
    for (const p of plans()) {
      const a = applyWorkbookPlanDetailed(viaApp.ctx(), p);
      const b = applyWorkbookPlanDetailed({ ...viaApi.ctx(), sheetsApi: viaApi.sheetsApi }, p);
      // the same sheets, names and actions; only the service that applied them differs
      expect(b.map(({ via, ...rest }) => rest)).toEqual(a.map(({ via, ...rest }) => rest));
      expect(a.every((s) => s.via === 'spreadsheetApp')).toBe(true);
      expect(b.every((s) => s.via === 'sheetsApi')).toBe(true);
    }
    expect(viaApi.calls.get('Sheets.Spreadsheets.batchUpdate')).toBe(plans().length);
    expect(viaApp.calls.get('Sheets.Spreadsheets.batchUpdate')).toBe(0);
    expect(dump(viaApi)).toEqual(dump(viaApp));
  }, 60_000);

  it('the comparison can fail: one changed cell of the plan shows', () => {
    const viaApp = createLocalApp();
    const viaApi = createLocalApp();
    const plan = sampleWorkbookPlan('en');
    applyWorkbookPlan(viaApp.ctx(), plan);
    const changed = structuredClone(plan);
    changed.sheets[3]!.values[1]![1] = 'changed';
    applyWorkbookPlan({ ...viaApi.ctx(), sheetsApi: viaApi.sheetsApi }, changed);
    expect(dump(viaApi)).not.toEqual(dump(viaApp));
  });
});

describe('service calls', () => {
  it('a template: 7 calls (getId, get, batchUpdate; placed after the active sheet and activated) instead of one call per step of every sheet', () => {
    const plan = sampleWorkbookPlan('en');
    const viaApp = createLocalApp();
    const viaApi = createLocalApp();
    const app = viaApp.calls.measure(() => applyWorkbookPlan({ ...viaApp.ctx(), lock: undefined }, plan));
    const api = viaApi.calls.measure(() => applyWorkbookPlan({ ...viaApi.ctx(), lock: undefined, sheetsApi: viaApi.sheetsApi }, plan));
    // SpreadsheetApp: every sheet's planCallEstimate plus the 3-call support look-up
    expect(app.calls).toBe(plan.sheets.reduce((n, sp) => n + planCallEstimate(sp).total, 0) + 3);
    // batchUpdate: getId, spreadsheets.get, spreadsheets.batchUpdate — the new sheets placed after
    // the active one (getActiveSheet, getIndex) and the last activated (getSheetById, activate),
    // as insertSheet leaves them
    expect(api.counts).toEqual({
      getId: 1, 'Sheets.Spreadsheets.get': 1, getActiveSheet: 1, getIndex: 1, 'Sheets.Spreadsheets.batchUpdate': 1, getSheetById: 1, activate: 1,
    });
    expect(api.calls).toBe(7);
    expect(viaApi.ss.getActiveSheet().getName()).toBe(viaApp.ss.getActiveSheet().getName());
  });

  it('a 4,000-KR sheet: bodies stay under 2 MB, still one get and a few batchUpdates', () => {
    const sp = bigOkrPlan(4000);
    const bp = planBatch({ sheets: [sp] }, { sheets: [] }, {})!;
    const bodies = splitIntoBodies(bp.requests);
    expect(bodies.length).toBeGreaterThan(1);
    for (const b of bodies) expect(bodyBytes(b)).toBeLessThanOrEqual(2_000_000);
    expect(bodies.flat()).toEqual(bp.requests);
    const local = createLocalApp({ formulas: 'store' });
    const m = local.calls.measure(() => applyWorkbookPlan({ ...local.ctx(), lock: undefined, sheetsApi: local.sheetsApi }, { sheets: [sp] }));
    expect(m.counts['Sheets.Spreadsheets.batchUpdate']).toBe(bodies.length);
    expect(local.ss.getSheetByName(sp.name)!.getMaxRows()).toBe(sp.values.length + USER_MARGIN_ROWS);
  }, 60_000);
});

describe('fallback to SpreadsheetApp', () => {
  it('a failing batchUpdate (API off, scope not granted) is logged once and the plan applied through SpreadsheetApp', () => {
    const local = createLocalApp();
    const failing: SheetsApiLike = {
      get: (id, o) => local.sheetsApi.get(id, o),
      batchUpdate: () => {
        throw new Error('Sheets API has not been used in project 123 before or it is disabled.');
      },
    };
    const warn: string[] = [];
    const orig = console.warn;
    console.warn = (...m: unknown[]) => {
      warn.push(String(m[0]));
    };
    try {
      applyWorkbookPlan({ ...local.ctx(), sheetsApi: failing }, sampleWorkbookPlan('en'));
    } finally {
      console.warn = orig;
    }
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatch(/batchUpdate failed, applying through SpreadsheetApp instead: Sheets API has not been used/);
    const ref = createLocalApp();
    applyWorkbookPlan(ref.ctx(), sampleWorkbookPlan('en'));
    expect(dump(local)).toEqual(dump(ref));
  });

  it('a name left taken by a deleted sheet fails the atomic batch before any change; SpreadsheetApp then picks name_2', () => {
    const local = createLocalApp();
    const plan = sampleWorkbookPlan('en');
    const ctx = { ...local.ctx(), sheetsApi: local.sheetsApi };
    applyWorkbookPlan(ctx, plan);
    local.ss.deleteSheet(local.ss.getSheetByName(plan.sheets[0]!.name)!);
    const before = local.ss.getSheets().length;
    const orig = console.warn;
    console.warn = () => {};
    try {
      applyWorkbookPlan(ctx, { sheets: [plan.sheets[0]!] });
    } finally {
      console.warn = orig;
    }
    expect(local.ss.getSheets().length).toBe(before + 1);
    expect(local.ss.getNamedRanges().every((n) => n.getName().endsWith('_2'))).toBe(true);
  });

  it('a rewrite of our generated sheet in place (replaceOwned) goes through SpreadsheetApp', () => {
    const local = createLocalApp();
    const ctx = { ...local.ctx(), sheetsApi: local.sheetsApi };
    const plan = reviewAndDashboard();
    applyWorkbookPlan(ctx, plan);
    const m = local.calls.measure(() => applyWorkbookPlanDetailed(ctx, { sheets: [plan.sheets[0]!] }, { replaceOwned: true, backup: false }));
    expect(m.result.map((s) => s.action)).toEqual(['rewritten']);
    expect(m.counts['Sheets.Spreadsheets.batchUpdate'] ?? 0).toBe(0);
  });
});

describe('planToBatchRequests', () => {
  it('dates are serial numbers (time-zone free), text is never parsed, formulas use the prefixed names', () => {
    expect(isoToSerial('1899-12-31')).toBe(1);
    expect(isoToSerial('2026-10-01')).toBe(46296);
    const reqs = planToBatchRequests(
      {
        name: 'T', role: 'okr', values: [[{ date: '2026-10-01' }, '01234', "'=1+1", '=target*2', 5]], frozenRows: 0, columnWidths: [],
        formats: [], validations: [], conditionalFormats: [], protections: [], namedRanges: [{ name: 'target', range: 'E1' }], metadata: {},
      },
      { sheetId: 7, title: 'T', names: new Map([['target', 'T_target']]) },
    );
    const cells = reqs.find((r) => r.updateCells)!.updateCells!.rows![0]!.values!;
    expect(cells.map((c) => c.userEnteredValue)).toEqual([
      { numberValue: 46296 }, { stringValue: '01234' }, { stringValue: '=1+1' }, { formulaValue: '=T_target*2' }, { numberValue: 5 },
    ]);
    expect(cells[0]!.userEnteredFormat!.numberFormat).toEqual({ type: 'DATE', pattern: 'yyyy-mm-dd' });
    expect(cells[1]!.userEnteredFormat!.numberFormat).toEqual({ type: 'TEXT', pattern: '@' });
    expect(reqs[0]!.addSheet!.properties!.gridProperties).toEqual({ rowCount: 1 + USER_MARGIN_ROWS, columnCount: 26 });
    expect(reqs[1]!.addNamedRange!.namedRange).toEqual({ name: 'T_target', range: { sheetId: 7, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 4, endColumnIndex: 5 } });
  });
});
