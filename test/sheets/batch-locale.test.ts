/**
 * The Sheets API path writes our en-US-syntax formulas only in locales whose own syntax that is
 * (src/sheets/batch/locale.ts); other locales go through SpreadsheetApp — the same sheet, more
 * calls. Run diagnostics still tries the API in any locale, to compare the two paths there.
 */
import { describe, expect, it } from 'vitest';
import { createLocalApp, type LocalWorkbook } from '../../src/local/workbook';
import type { Lang } from '../../src/core/i18n';
import type { SheetPlan } from '../../src/core/plan/types';
import { withOwnedRange } from '../../src/core/plan/owned';
import { applyWorkbookPlanDetailed } from '../../src/sheets/applyPlan';
import { enUsFormulaLocale } from '../../src/sheets/batch/locale';
import type { SheetsContext } from '../../src/sheets/context';
import { writeOwnedSheet } from '../../src/sheets/ownedSheet';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { runDiagnostics } from '../../src/addon/diagnostics/run';
import { sampleWorkbookPlan } from './fixtures';
import { dump } from './batch-dump';

describe('enUsFormulaLocale', () => {
  it('takes locales that write a decimal point and commas between arguments', () => {
    for (const l of ['en_US', 'en_GB', 'en', 'zh_CN', 'zh_TW', 'ja_JP', 'ko_KR', 'es_MX', 'en-US']) expect(enUsFormulaLocale(l), l).toBe(true);
  });
  it('leaves to SpreadsheetApp the decimal-comma locales, unknown English variants and an unreadable locale', () => {
    for (const l of ['de_DE', 'fr_FR', 'tr_TR', 'es_ES', 'pt_BR', 'ru_RU', 'it_IT', 'nl_NL', 'en_ZA', 'en_DK', '', null, undefined]) expect(enUsFormulaLocale(l), String(l)).toBe(false);
  });
});

function workbook(locale: string, lang: Lang = 'en'): { local: LocalWorkbook; ctx: SheetsContext } {
  const local = createLocalApp({ lang });
  (local.ss as unknown as { setSpreadsheetLocale(l: string): void }).setSpreadsheetLocale(locale);
  return { local, ctx: { ...local.ctx(lang), lock: undefined, sheetsApi: local.sheetsApi } };
}

const summary = (rows: number): SheetPlan =>
  withOwnedRange({
    name: 'Summary', role: 'review', frozenRows: 1, columnWidths: [160, 100],
    values: [['Title', 'n'], ...Array.from({ length: rows }, (_, i) => [`line ${i + 1}`, `=ROUND(${i + 1}.5,0)`])],
    formats: [], validations: [], conditionalFormats: [], protections: [], namedRanges: [], metadata: { 'okrSheets.role': 'review' },
  });

describe('the Sheets API path by spreadsheet locale', () => {
  it('a template in en_US goes through one batchUpdate; in de_DE through SpreadsheetApp, giving the same sheets', () => {
    const us = workbook('en_US');
    const de = workbook('de_DE');
    const viaUs = us.local.calls.measure(() => applyWorkbookPlanDetailed(us.ctx, sampleWorkbookPlan('en')));
    const viaDe = de.local.calls.measure(() => applyWorkbookPlanDetailed(de.ctx, sampleWorkbookPlan('en')));
    expect(viaUs.result.map((s) => s.via)).toEqual(viaUs.result.map(() => 'sheetsApi'));
    expect(viaDe.result.map((s) => s.via)).toEqual(viaDe.result.map(() => 'spreadsheetApp'));
    expect(viaUs.counts['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    expect(viaDe.counts['Sheets.Spreadsheets.batchUpdate'] ?? 0).toBe(0);
    expect(viaDe.counts['Sheets.Spreadsheets.get']).toBe(1); // the get that reads the locale
    expect(viaDe.calls).toBeGreaterThan(viaUs.calls);
    expect(dump(de.local)).toEqual(dump(us.local));
  });

  it('regenerating in place: de_DE rewrites through SpreadsheetApp (no batchUpdate), en_US through the API', () => {
    for (const [locale, batches] of [['en_US', 1], ['de_DE', 0]] as const) {
      const { local, ctx } = workbook(locale);
      writeOwnedSheet({ ...ctx, sheetsApi: undefined }, summary(5), null);
      local.ss.getSheetByName('Summary')!.getRange('D2').setValue('a person wrote this');
      const m = local.calls.measure(() => writeOwnedSheet(ctx, summary(3), 'Summary'));
      expect(m.counts['Sheets.Spreadsheets.batchUpdate'] ?? 0, locale).toBe(batches);
      const s = local.ss.getSheetByName('Summary')!;
      expect(s.getRange('B2:B4').getFormulas().flat(), locale).toEqual(['=ROUND(1.5,0)', '=ROUND(2.5,0)', '=ROUND(3.5,0)']);
      expect(s.getRange('D2').getValue(), locale).toBe('a person wrote this');
    }
  });

  it('a snapshot with formula text in de_DE is read through SpreadsheetApp; without formulas through the API', () => {
    const { local, ctx } = workbook('de_DE');
    applyWorkbookPlanDetailed(ctx, sampleWorkbookPlan('en'));
    const warn = console.warn;
    const warned: string[] = [];
    console.warn = (...m: unknown[]) => void warned.push(String(m[0]));
    try {
      const plain = local.calls.measure(() => takeSnapshot(ctx, { asOf: '2026-11-30' }));
      expect(plain.counts['Sheets.Spreadsheets.get']).toBe(1);
      expect(warned).toEqual([]);
      const withFormulas = local.calls.measure(() => takeSnapshot(ctx, { asOf: '2026-11-30', formulas: true }));
      const viaApp = takeSnapshot({ ...ctx, sheetsApi: undefined }, { asOf: '2026-11-30', formulas: true });
      expect(withFormulas.result).toStrictEqual(viaApp);
      expect(warned.join('\n')).toMatch(/de_DE/);
    } finally {
      console.warn = warn;
    }
  });

  it('Run diagnostics still applies its scratch template through the API in de_DE, to compare both paths there', () => {
    const { ctx } = workbook('de_DE');
    const report = runDiagnostics(ctx, { clock: () => 0 });
    const byId = new Map(report.checks.map((c) => [c.id, c]));
    expect(byId.get('sheets-api-path')?.status).toBe('pass');
    expect(byId.get('paths-agree')?.status).toBe('pass');
  });
});
