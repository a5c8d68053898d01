/**
 * The snapshot read through the Sheets API (src/sheets/batch/snapshotRead.ts) equals the
 * SpreadsheetApp one (the reference) on every workbook below — templates in both languages,
 * check-ins, generated Review / Dashboard / Alignment sheets, the diagnostics fixture, dates,
 * date-times, number-like text, errors, checkboxes, empty sheets, a formula row ending in ''
 * — with and without display values and formulas, all sheets or some. Then the call counts of
 * each path, a control that fails when dates are read as numbers, and the fallback on an error.
 */
import { describe, expect, it, vi } from 'vitest';
import { fixturePlan } from '../../src/addon/diagnostics/fixture';
import type { Lang } from '../../src/core/i18n';
import { buildActionsPlan, buildCheckInsPlan, buildSettingsPlan } from '../../src/core/plan/supportSheets';
import { createLocalApp, type LocalWorkbook } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import type { SheetsApiLike } from '../../src/sheets/batch/apply';
import { recordCheckIn } from '../../src/sheets/checkins';
import { generateAlignmentMap, generateDashboard, generateReview } from '../../src/sheets/review';
import { takeSnapshot, type TakeSnapshotOptions } from '../../src/sheets/snapshot';
import { beijing, center } from '../review/fixtures';
import { bigOkrPlan, sampleWorkbookPlan, okrPlanOf } from './fixtures';

const ASOF = '2026-11-30';

/** A sheet of odd cells: dates, a date-time, number-like text, errors, checkboxes, a trailing formula giving ''. */
function oddCells(local: LocalWorkbook): void {
  const ss = local.ctx().ss;
  const odd = ss.insertSheet("It's odd");
  odd.getRange(1, 1, 4, 6).setValues([
    [new Date(2026, 9, 1), new Date(2026, 11, 31, 23, 30), "'007", "'3/4", '=1/0', '=NA()'],
    [true, false, 0, -1.25, '', '=A1+30'],
    ['text', '', '', '', '=B2', '=ZZZNOFUNC(1)'],
    ['', '', '', '', '', ''],
  ]);
  odd.getRange('D6').setFormula('=IF(C2>0,1,"")');
  ss.insertSheet('Empty');
  const far = ss.insertSheet('Far corner');
  far.getRange('E9').setValue('only here');
}

type Build = (lang: Lang) => LocalWorkbook;
const WORKBOOKS: Record<string, Build> = {
  'sample template with spare rows + a big sheet': (lang) => {
    const local = createLocalApp({ lang });
    applyWorkbookPlan(local.ctx(lang), { sheets: [...sampleWorkbookPlan(lang, { spareRows: 3 }).sheets, bigOkrPlan(30, lang, 2)] });
    return local;
  },
  'two units, check-ins, review, dashboard, alignment map': (lang) => {
    const local = createLocalApp({ lang });
    const ctx = local.ctx(lang);
    applyWorkbookPlan(ctx, {
      sheets: [
        okrPlanOf(center, lang, 'Center'), okrPlanOf(beijing, lang, 'Beijing'), buildCheckInsPlan(lang), buildActionsPlan(lang),
        buildSettingsPlan({ lang, cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' }),
      ],
    });
    recordCheckIn(ctx, { sheet: 'Center', krId: 'O1.KR1', value: 650, confidence: 7, done: 'two salons', next: 'Shanghai', blockers: 'budget', date: '2026-11-10' });
    generateReview(ctx, { sheet: 'Center', asOf: ASOF });
    generateDashboard(ctx, { asOf: ASOF });
    generateAlignmentMap(ctx);
    return local;
  },
  'the diagnostics fixture': (lang) => {
    const local = createLocalApp({ lang });
    applyWorkbookPlan(local.ctx(lang), { sheets: [fixturePlan(lang, 'Diag scratch')] });
    return local;
  },
  'odd cells, an empty sheet, content far from A1': (lang) => {
    const local = createLocalApp({ lang });
    applyWorkbookPlan(local.ctx(lang), { sheets: sampleWorkbookPlan(lang).sheets });
    oddCells(local);
    return local;
  },
};

const OPTIONS: Record<string, TakeSnapshotOptions> = {
  values: {},
  'display + formulas': { display: true, formulas: true },
  'one sheet (support sheets always)': { sheets: ["It's odd", 'Center', 'Diag scratch'] },
  'one sheet, display': { sheets: ['Far corner'], display: true },
};

const both = (local: LocalWorkbook, opts: TakeSnapshotOptions, lang: Lang) => {
  const ctx = { ...local.ctx(lang), sheetsApi: local.sheetsApi };
  return {
    app: takeSnapshot(ctx, { asOf: ASOF, ...opts, sheetsApi: null }),
    api: takeSnapshot(ctx, { asOf: ASOF, ...opts, sheetsApi: local.sheetsApi }),
  };
};

describe('snapshot through the Sheets API = through SpreadsheetApp', () => {
  for (const [name, build] of Object.entries(WORKBOOKS)) {
    for (const lang of ['en', 'zh-CN'] as const) {
      it(`${name} (${lang})`, () => {
        const local = build(lang);
        let read = 0;
        for (const [label, opts] of Object.entries(OPTIONS)) {
          const { app, api } = both(local, opts, lang);
          read += app.sheets.filter((s) => !s.skipped).length;
          expect(api, label).toStrictEqual(app);
        }
        expect(read).toBeGreaterThan(0);
      });
    }
  }

  it('reads the odd cells as getValues does (dates as ISO days, text stays text, errors as their text)', () => {
    const local = WORKBOOKS['odd cells, an empty sheet, content far from A1']!('en');
    const { app, api } = both(local, { formulas: true }, 'en');
    const odd = api.sheets.find((s) => s.name === "It's odd")!;
    expect(odd.values[0]).toEqual(['2026-10-01', '2026-12-31', '007', '3/4', '#DIV/0!', '#N/A']);
    expect(odd.values[1]).toEqual([true, false, 0, -1.25, '', '2026-10-31']);
    expect(odd.values[2]![5]).toBe('#NAME?');
    expect(odd.values).toHaveLength(6); // the formula in D6 gives '' and still ends the data range
    expect(odd.formulas![5]![3]).toBe('=IF(C2>0,1,"")');
    expect(api.sheets.find((s) => s.name === 'Empty')!.values).toEqual([['']]);
    const far = api.sheets.find((s) => s.name === 'Far corner')!.values;
    expect([far.length, far[0]!.length, far[8]![4]]).toEqual([9, 5, 'only here']);
    expect(api).toStrictEqual(app);
  });

  it('control: a read that drops the date format gives numbers, and the comparison fails', () => {
    const local = WORKBOOKS['odd cells, an empty sheet, content far from A1']!('en');
    const api = local.sheetsApi;
    const noFormats: SheetsApiLike = {
      batchUpdate: api.batchUpdate.bind(api),
      get: (id, args) => {
        const got = api.get(id, args);
        for (const s of got.sheets ?? []) for (const g of s.data ?? []) for (const r of g.rowData ?? []) for (const c of r.values ?? []) delete c.effectiveFormat;
        return got;
      },
    };
    const ctx = local.ctx('en');
    const app = takeSnapshot(ctx, { asOf: ASOF, sheetsApi: null });
    const bad = takeSnapshot(ctx, { asOf: ASOF, sheetsApi: noFormats });
    expect(typeof bad.sheets.find((s) => s.name === "It's odd")!.values[0]![0]).toBe('number');
    expect(bad).not.toStrictEqual(app);
  });
});

describe('snapshot service calls', () => {
  it('API path: one get for every sheet, two for some, + the active sheet (2); the same for 30 and 3,000 KRs', () => {
    const counts = (krs: number, opts: TakeSnapshotOptions) => {
      const local = createLocalApp({ lang: 'en' });
      applyWorkbookPlan(local.ctx(), { sheets: [...sampleWorkbookPlan('en').sheets, bigOkrPlan(krs)] });
      local.calls.reset();
      return local.calls.measure(() => takeSnapshot(local.ctx(), { asOf: ASOF, ...opts, sheetsApi: local.sheetsApi })).counts;
    };
    const all = counts(30, {});
    expect(all).toEqual({ 'Sheets.Spreadsheets.get': 1, getId: 1, getActiveSheet: 1, getName: 1 });
    expect(counts(3000, {})).toEqual(all);
    const some = counts(30, { sheets: ['OKR Big 2026-Q4'], display: true });
    expect(some).toEqual({ 'Sheets.Spreadsheets.get': 2, getId: 1, getActiveSheet: 1, getName: 1 });
  });

  it('falls back to SpreadsheetApp with one warning when the API fails, and gives the same snapshot', () => {
    const local = createLocalApp({ lang: 'en' });
    applyWorkbookPlan(local.ctx(), { sheets: sampleWorkbookPlan('en').sheets });
    const failing: SheetsApiLike = { get: () => { throw new Error('Quota exceeded'); }, batchUpdate: () => { throw new Error('unused'); } };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const ctx = local.ctx();
      const ref = takeSnapshot(ctx, { asOf: ASOF, sheetsApi: null });
      expect(takeSnapshot(ctx, { asOf: ASOF, sheetsApi: failing })).toStrictEqual(ref);
      expect(takeSnapshot(ctx, { asOf: ASOF, sheetsApi: failing })).toStrictEqual(ref);
      expect(warn.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      warn.mockRestore();
    }
  });
});
