/**
 * The data-safety round of test/safety/user-content.test.ts ("every action three times over two
 * units") run on two identical workbooks — one through SpreadsheetApp, one with the Sheets API
 * on (generated sheets regenerated in place by get + batchUpdate, new sheets added by
 * batchUpdate) — ends in the same workbook cell by cell, and what the person typed survives on
 * the API side as it does on the other. Tab order included: a sheet the API adds is placed after
 * the active one, as insertSheet places it — the alignment map takes the first of two sheets
 * claiming a unit, so the order shows in its cells.
 */
import { describe, expect, it } from 'vitest';
import { twoUnits } from './fixtures';
import { dispatch } from '../../src/addon/rpc/server';
import { type LocalWorkbook } from '../../src/local/workbook';
import type { SheetsContext } from '../../src/sheets/context';
import { generateAlignmentMap, generateDashboard, generateReview } from '../../src/sheets/review';
import { dump } from './batch-dump';

const ASOF = '2026-11-30';

/** What people write on and around the generated sheets (the safety test's edits). */
function personWrites(local: LocalWorkbook, reviews: string[], dash: string, map: string): void {
  const ss = local.ss;
  reviews.forEach((name, i) => {
    const sh = ss.getSheetByName(name)!;
    const v = sh.getDataRange().getValues();
    const o1 = v.findIndex((row) => String(row[0]).startsWith('O1 '));
    sh.getRange(o1 + 7, 3).setValue(`lesson written by owner ${i}`);
    sh.getRange('G3').setValue(`remark ${i}`);
    sh.getRange(o1 + 3, 4).setValue(`side note ${i}`);
    sh.getRange('G4').setNote(`note ${i}`);
  });
  const d = ss.getSheetByName(dash)!;
  d.insertChart(d.newChart().asLineChart().addRange(d.getRange('A4:F6')).setPosition(40, 10, 0, 0).build());
  d.getRange('R1').setValue('dashboard owner: HR');
  d.getRange('D1').setValue('v2, shared with HR');
  const m = ss.getSheetByName(map)!;
  m.getRange(m.getLastRow() + 3, 2).setValue('map footnote');
  ss.getSheetByName('Center')!.getRange('Q2').setValue('budget owner: Wang').setNote('on the OKR sheet');
  const mine = ss.insertSheet('Dashboard notes');
  mine.getRange('A1:B2').setValues([['my', 'own'], ['=1+1', "'=2+2"]]);
}

function round(ctx: SheetsContext, n: number): string[] {
  const out = [
    ...['Center', 'Beijing'].map((s) => generateReview(ctx, { sheet: s, asOf: ASOF }).reviewSheet),
    generateDashboard(ctx, { asOf: ASOF }).dashboardSheet,
    generateAlignmentMap(ctx).alignmentSheet,
  ];
  const a = dispatch('writeImport', { text: `O: Round ${n}\nKR1: Raise y from 0 to ${n + 1}`, mode: 'append', sheet: 'Beijing', lang: 'en' }, () => ctx, 'en');
  const b = dispatch('writeImport', { text: `O: Imported ${n}\nKR1: Cut z from 9 to 3`, mode: 'newSheet', lang: 'en', unit: 'Import', cycle: '2026-Q4' }, () => ctx, 'en');
  expect(a.ok && b.ok).toBe(true);
  return out;
}

describe('data safety on the Sheets API path', () => {
  it('every action three times over two units: the same workbook as through SpreadsheetApp, the person\'s words kept', () => {
    const viaApp = twoUnits('en');
    const viaApi = twoUnits('en', { sheetsApi: true });
    const names = [viaApp, viaApi].map(({ local, ctx }) => {
      const reviews = ['Center', 'Beijing'].map((s) => generateReview(ctx, { sheet: s, asOf: ASOF }).reviewSheet);
      const dash = generateDashboard(ctx, { asOf: ASOF }).dashboardSheet;
      const map = generateAlignmentMap(ctx).alignmentSheet;
      personWrites(local, reviews, dash, map);
      return [...reviews, dash, map];
    });
    expect(names[1]).toEqual(names[0]);
    const before = viaApi.local.calls.get('Sheets.Spreadsheets.batchUpdate');
    for (let n = 0; n < 3; n++) expect(round(viaApi.ctx, n)).toEqual(round(viaApp.ctx, n));
    // 4 regenerations and a new import sheet a round went through the API
    expect(viaApi.local.calls.get('Sheets.Spreadsheets.batchUpdate') - before).toBeGreaterThanOrEqual(15);
    expect(viaApp.local.calls.get('Sheets.Spreadsheets.batchUpdate')).toBe(0);
    const text = JSON.stringify(viaApi.local.toPlan().sheets.map((s) => s.values));
    for (const t of ['lesson written by owner 0', 'side note 1', 'remark 1', 'v2, shared with HR', 'dashboard owner: HR', 'map footnote', 'budget owner: Wang']) {
      expect(text, t).toContain(t);
    }
    expect(dump(viaApi.local)).toEqual(dump(viaApp.local));
  }, 180_000);
});
