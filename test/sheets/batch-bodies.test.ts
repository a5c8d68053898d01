/**
 * A plan over one 2 MB body goes in several batchUpdate bodies (issue 16 §5). Each body is
 * atomic, together they are not: when body k fails, the sheets earlier bodies added are removed
 * (named ranges first) and SpreadsheetApp applies the whole plan — the workbook ends exactly as
 * the SpreadsheetApp path alone leaves it. A regeneration in place that would need two bodies is
 * never split: SpreadsheetApp does it (a half-rewritten sheet of the user's could not be undone).
 */
import { describe, expect, it } from 'vitest';
import { withOwnedRange } from '../../src/core/plan/owned';
import { buildActionsPlan, buildCheckInsPlan, buildSettingsPlan } from '../../src/core/plan/supportSheets';
import type { SheetPlan, WorkbookPlan } from '../../src/core/plan/types';
import { createLocalApp } from '../../src/local/workbook';
import { applyWorkbookPlanDetailed } from '../../src/sheets/applyPlan';
import { planBatch, type SheetsApiLike } from '../../src/sheets/batch/apply';
import { splitIntoBodies } from '../../src/sheets/batch/requests';
import { writeOwnedSheet } from '../../src/sheets/ownedSheet';
import { dump } from './batch-dump';
import { bigOkrPlan, CYCLE } from './fixtures';

/** An OKR sheet of 1,000 KRs (≈ 3 MB of requests) and the three support sheets. */
function bigWorkbookPlan(): WorkbookPlan {
  return { sheets: [bigOkrPlan(1000), buildCheckInsPlan('en'), buildActionsPlan('en'), buildSettingsPlan({ lang: 'en', ...CYCLE })] };
}

/** The in-memory API, failing on its k-th batchUpdate (1-based) as the real one can between bodies. */
function failingOn(k: number, api: SheetsApiLike): SheetsApiLike & { bodies: number } {
  const out = {
    bodies: 0,
    get: (id: string, o: object) => api.get(id, o),
    batchUpdate: (r: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest, id: string) => {
      out.bodies++;
      if (out.bodies === k) throw new Error('The service is currently unavailable.');
      return api.batchUpdate(r, id);
    },
  };
  return out;
}

function quietly<T>(f: () => T): { result: T; warnings: string[] } {
  const warnings: string[] = [];
  const orig = console.warn;
  console.warn = (...m: unknown[]) => void warnings.push(String(m[0]));
  try {
    return { result: f(), warnings };
  } finally {
    console.warn = orig;
  }
}

describe('a plan in several bodies', () => {
  const plan = bigWorkbookPlan();
  const bodies = splitIntoBodies(planBatch(plan, { sheets: [] }, {})!.requests).length;

  it('needs more than two bodies (the premise of the cases below)', () => {
    expect(bodies).toBeGreaterThan(2);
  });

  it.each([2, 'last'] as const)('body %s fails: the earlier bodies\' sheets and names are removed, SpreadsheetApp applies the plan — the same workbook', (k) => {
    const ref = createLocalApp({ formulas: 'store' });
    const expected = applyWorkbookPlanDetailed({ ...ref.ctx('en'), lock: undefined }, plan, { sheetsApi: null });
    const local = createLocalApp({ formulas: 'store' });
    const api = failingOn(k === 'last' ? bodies : k, local.sheetsApi);
    const { result, warnings } = quietly(() => applyWorkbookPlanDetailed({ ...local.ctx('en'), lock: undefined, sheetsApi: api }, plan));
    expect(api.bodies).toBe(k === 'last' ? bodies : k);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/batchUpdate failed, applying through SpreadsheetApp instead: The service is currently unavailable/);
    expect(result).toEqual(expected);
    expect(result.every((s) => s.via === 'spreadsheetApp')).toBe(true);
    // no `Big (2)`, no `…_2` names left by the removed sheets
    expect(local.ss.getNamedRanges().map((n) => n.getName()).sort()).toEqual(ref.ss.getNamedRanges().map((n) => n.getName()).sort());
    expect(dump(local)).toEqual(dump(ref));
  }, 180_000);

  it('every body applied: one get, one batchUpdate per body, the same workbook as SpreadsheetApp', () => {
    const ref = createLocalApp({ formulas: 'store' });
    applyWorkbookPlanDetailed({ ...ref.ctx('en'), lock: undefined }, plan, { sheetsApi: null });
    const local = createLocalApp({ formulas: 'store' });
    const m = local.calls.measure(() => applyWorkbookPlanDetailed({ ...local.ctx('en'), lock: undefined, sheetsApi: local.sheetsApi }, plan));
    expect(m.counts).toEqual({
      getId: 1, 'Sheets.Spreadsheets.get': 1, getActiveSheet: 1, getIndex: 1, 'Sheets.Spreadsheets.batchUpdate': bodies, getSheetById: 1, activate: 1,
    });
    expect(dump(local)).toEqual(dump(ref));
  }, 180_000);
});

describe('a regeneration in place never goes in two bodies', () => {
  it('a sheet whose rewrite is over 2 MB is rewritten by SpreadsheetApp, without a warning', () => {
    const big = (tag: string): SheetPlan =>
      withOwnedRange({
        name: 'Long review', role: 'review', frozenRows: 0, columnWidths: [],
        values: Array.from({ length: 30_000 }, (_, i) => [`${tag} line ${i + 1}`, `owner ${i % 7}`, i]),
        formats: [], validations: [], conditionalFormats: [], protections: [], namedRanges: [], metadata: { 'okrSheets.role': 'review' },
      });
    const local = createLocalApp({ formulas: 'store' });
    const ctx = { ...local.ctx('en'), lock: undefined, sheetsApi: local.sheetsApi };
    const first = local.calls.measure(() => writeOwnedSheet(ctx, big('v1'), null));
    expect(first.counts['Sheets.Spreadsheets.batchUpdate']).toBeGreaterThan(1); // a new sheet may take several bodies
    const { result: again, warnings } = quietly(() => local.calls.measure(() => writeOwnedSheet(ctx, big('v2'), 'Long review')));
    expect(warnings).toEqual([]);
    expect(again.counts['Sheets.Spreadsheets.get']).toBe(1);
    expect(again.counts['Sheets.Spreadsheets.batchUpdate'] ?? 0).toBe(0);
    expect(local.ss.getSheetByName('Long review')!.getRange('A30000').getValue()).toBe('v2 line 30000');
  }, 180_000);
});
