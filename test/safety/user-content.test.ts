/**
 * Data safety (issue 11, "Must show"): everything a person typed — owner review text, notes,
 * cells beside and below generated blocks, a chart on the Dashboard, their own sheets, the OKR
 * tables — survives every generate / refresh / import action run three times over two units.
 * Plus the regressions of issue 11 §1, §2 and §4, each on its own.
 */
import { describe, expect, it } from 'vitest';
import { okrPlanOf, twoUnits } from '../sheets/fixtures';
import { dispatch } from '../../src/addon/rpc/server';
import { OWNER_KEY } from '../../src/core/plan/types';
import type { LocalSheet } from '../../src/local/workbook';
import type { SheetLike } from '../../src/sheets/api';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { recordCheckIn } from '../../src/sheets/checkins';
import type { SheetsContext } from '../../src/sheets/context';
import { generateAlignmentMap, generateDashboard, generateReview } from '../../src/sheets/review';
import { beijing } from '../review/fixtures';

const ASOF = '2026-11-30';

const notesOf = (sheet: SheetLike) => [...(sheet as unknown as LocalSheet)._live().notes.values()].sort();
const sheetOf = (ctx: SheetsContext, name: string) => ctx.ss.getSheetByName(name)!;
/** The row (0-based) of objective `id`'s part `n` (1–9) on a Review sheet. */
function partRow(values: unknown[][], id: string, n: number): number {
  const o = values.findIndex((row) => String(row[0]).startsWith(`${id} `));
  return o + n - 1;
}

describe('issue 11 §1: owners\' review text survives any regeneration of any unit', () => {
  it('A filled, B generated twice, A regenerated: A\'s words are still there; notes on the sheet stay', () => {
    const { ctx } = twoUnits();
    const a = generateReview(ctx, { sheet: 'Center', asOf: ASOF });
    const sheetA = sheetOf(ctx, a.reviewSheet);
    const values = sheetA.getDataRange().getValues();
    const solved = partRow(values, 'O1', 5);
    sheetA.getRange(solved + 1, 3).setValue('We moved the salons online.');
    sheetA.getRange('H2').setNote('ask finance about Q1');
    sheetA.getRange(2, 3).setNote('note on a generated cell');
    generateReview(ctx, { sheet: 'Beijing', asOf: ASOF });
    generateReview(ctx, { sheet: 'Beijing', asOf: ASOF });
    for (let i = 0; i < 3; i++) {
      const again = generateReview(ctx, { sheet: 'Center', asOf: ASOF });
      expect(again.reviewSheet).toBe(a.reviewSheet);
      expect(again.markdown).toContain('We moved the salons online.');
      const now = sheetOf(ctx, a.reviewSheet).getDataRange().getValues();
      expect(now[partRow(now, 'O1', 5)]![2]).toBe('We moved the salons online.');
      expect(notesOf(sheetOf(ctx, a.reviewSheet))).toEqual(['ask finance about Q1', 'note on a generated cell']);
    }
  });
});

describe('issue 11 §1: words typed into any part are kept, stale computed lines are not', () => {
  it('an owner line under the result survives two regenerations after the numbers change', () => {
    const { ctx } = twoUnits();
    const r = generateReview(ctx, { sheet: 'Center', asOf: ASOF });
    const sh = sheetOf(ctx, r.reviewSheet);
    const v = sh.getDataRange().getValues();
    const result = partRow(v, 'O1', 6);
    const what = partRow(v, 'O1', 1);
    const oldResult = String(v[result]![2]);
    sh.getRange(result + 1, 3).setValue(`${oldResult}\nThe salons drove most of it.`);
    sh.getRange(what + 1, 3).setValue(`${String(v[what]![2])}\nAgreed with finance in October.`);
    recordCheckIn(ctx, { sheet: 'Center', krId: 'O1.KR2', value: 45, confidence: 8, date: '2026-11-20' });
    generateReview(ctx, { sheet: 'Center', asOf: ASOF });
    generateReview(ctx, { sheet: 'Center', asOf: ASOF });
    const now = sheetOf(ctx, r.reviewSheet).getDataRange().getValues();
    const cell = String(now[partRow(now, 'O1', 6)]![2]);
    expect(cell.split('\n').filter((l) => l === 'The salons drove most of it.')).toHaveLength(1);
    expect(cell).not.toBe(oldResult);
    // the old computed lines (other numbers) did not pile up
    expect(cell.split('\n').filter((l) => /^Score /.test(l))).toHaveLength(1);
    expect(cell.split('\n').filter((l) => /, progress .*, score /.test(l))).toHaveLength(2); // O1's two KRs
    expect(String(now[partRow(now, 'O1', 1)]![2]).split('\n')).toContain('Agreed with finance in October.');
  });
});

describe('issue 11 §2: a regenerated sheet rewrites only the block it wrote', () => {
  it('a user chart and a note on the Dashboard stay after two regenerations; our chart is updated, not piled up', () => {
    const { local, ctx } = twoUnits();
    const d = generateDashboard(ctx, { asOf: ASOF });
    const sheet = sheetOf(ctx, d.dashboardSheet);
    sheet.insertChart(sheet.newChart().asPieChart().addRange(sheet.getRange('A4:B6')).setPosition(30, 8, 0, 0).build());
    const userChart = local.ss.chartsOf(d.dashboardSheet).find((c) => /PIE/i.test(String(c.type)))!;
    sheet.getRange('T2').setNote('my reminder').setValue('keep me');
    generateDashboard(ctx, { asOf: ASOF });
    generateDashboard(ctx, { asOf: '2026-12-01' });
    const charts = local.ss.chartsOf(d.dashboardSheet);
    expect(charts).toHaveLength(2);
    expect(charts.some((c) => c.id === userChart.id && /PIE/i.test(String(c.type)))).toBe(true);
    expect(charts.filter((c) => /COLUMN/i.test(String(c.type)))).toHaveLength(1);
    expect(notesOf(sheetOf(ctx, d.dashboardSheet))).toEqual(['my reminder']);
    expect(sheetOf(ctx, d.dashboardSheet).getRange('T2').getValue()).toBe('keep me');
    // no hidden backup copies pile up
    expect(ctx.ss.getSheets().filter((s) => s.isSheetHidden())).toHaveLength(0);
  });

  it('a longer block pushes a user cell below it down instead of overwriting it', () => {
    const { ctx } = twoUnits();
    const m = generateAlignmentMap(ctx);
    const sheet = sheetOf(ctx, m.alignmentSheet);
    const below = sheet.getLastRow() + 2;
    sheet.getRange(below, 1).setValue('footnote by a person');
    // a third unit makes the map longer
    applyWorkbookPlan(ctx, { sheets: [okrPlanOf({ ...beijing, header: { ...beijing.header, unit: 'Shanghai' } }, 'en', 'Shanghai')] });
    generateAlignmentMap(ctx);
    const col = sheetOf(ctx, m.alignmentSheet).getDataRange().getValues().map((r) => r[0]);
    expect(col.filter((v) => v === 'footnote by a person')).toHaveLength(1);
    expect(col.some((v) => String(v).includes('Shanghai'))).toBe(true);
  });
});

describe('issue 11 §4: append import writes only the cells it means to write', () => {
  it('text in a spare row\'s formula column is occupied: nothing written, no live formula', () => {
    const { ctx } = twoUnits();
    const sheet = sheetOf(ctx, 'Center');
    const values = sheet.getDataRange().getValues();
    const formulas = sheet.getDataRange().getFormulas();
    const header = values.findIndex((r) => r.includes('Score'));
    const scoreCol = values[header]!.indexOf('Score');
    const lastKr = values.findIndex((r) => r[0] === 'O2.KR1');
    // the spare row right below the table: its Score cell holds a template formula; a person
    // replaces it with text that looks like a formula (stored as text)
    expect(formulas[lastKr + 1]![scoreCol]).toMatch(/^=/);
    sheet.getRange(lastKr + 2, scoreCol + 1).setValue('\'=HYPERLINK("http://evil.example/x","click")');
    const before = JSON.stringify(sheet.getDataRange().getValues());
    const res = dispatch('writeImport', { text: 'O: New goal\nKR1: Raise x from 1 to 2', mode: 'append', sheet: 'Center', lang: 'en' }, () => ctx, 'en');
    expect(res).toMatchObject({ ok: false, code: 'conflict' });
    expect(JSON.stringify(sheet.getDataRange().getValues())).toBe(before);
    expect(sheet.getDataRange().getFormulas().flat().some((f) => /HYPERLINK/i.test(f))).toBe(false);
  });

  it('an append keeps the template formulas of the spare rows (never writes back what it read)', () => {
    const { ctx } = twoUnits();
    const sheet = sheetOf(ctx, 'Center');
    const formulasBefore = sheet.getDataRange().getFormulas();
    const values = sheet.getDataRange().getValues();
    const lastKr = values.findIndex((r) => r[0] === 'O2.KR1');
    const res = dispatch('writeImport', { text: 'O: New goal\nKR1: Raise x from 1 to 2', mode: 'append', sheet: 'Center', lang: 'en' }, () => ctx, 'en');
    expect(res.ok).toBe(true);
    const after = sheet.getDataRange().getFormulas();
    for (const r of [lastKr + 1, lastKr + 2]) {
      formulasBefore[r]!.forEach((f, c) => {
        if (f) expect(after[r]![c]).toBe(f);
      });
    }
    expect(sheet.getDataRange().getValues()[lastKr + 1]![0]).toBe('O3');
  });
});

describe('data safety: every action three times over two units', () => {
  it('nothing a person typed changes or vanishes', () => {
    const { local, ctx } = twoUnits();
    // the generated sheets exist, then people write on and around them
    const reviews = ['Center', 'Beijing'].map((s) => generateReview(ctx, { sheet: s, asOf: ASOF }).reviewSheet);
    const dash = generateDashboard(ctx, { asOf: ASOF }).dashboardSheet;
    const map = generateAlignmentMap(ctx).alignmentSheet;
    const typed: { sheet: string; col: number; text: string }[] = [];
    reviews.forEach((name, i) => {
      const sh = sheetOf(ctx, name);
      const v = sh.getDataRange().getValues();
      sh.getRange(partRow(v, 'O1', 7) + 1, 3).setValue(`lesson written by owner ${i}`);
      sh.getRange('G3').setValue(`remark ${i}`);
      // inside the generated block, beside a part the add-on wrote three cells of
      sh.getRange(partRow(v, 'O1', 3) + 1, 4).setValue(`side note ${i}`);
      typed.push({ sheet: name, col: 3, text: `side note ${i}` });
      sh.getRange('G4').setNote(`note ${i}`);
      typed.push({ sheet: name, col: 2, text: `lesson written by owner ${i}` }, { sheet: name, col: 6, text: `remark ${i}` });
    });
    const dSheet = sheetOf(ctx, dash);
    dSheet.insertChart(dSheet.newChart().asLineChart().addRange(dSheet.getRange('A4:F6')).setPosition(40, 10, 0, 0).build());
    const userChartIds = local.ss.chartsOf(dash).map((c) => c.id);
    dSheet.getRange('R1').setValue('dashboard owner: HR');
    dSheet.getRange('D1').setValue('v2, shared with HR'); // inside the block, beside the title
    typed.push({ sheet: dash, col: 3, text: 'v2, shared with HR' });
    typed.push({ sheet: dash, col: 17, text: 'dashboard owner: HR' });
    const mSheet = sheetOf(ctx, map);
    mSheet.getRange(mSheet.getLastRow() + 3, 2).setValue('map footnote');
    typed.push({ sheet: map, col: 1, text: 'map footnote' });
    sheetOf(ctx, 'Center').getRange('Q2').setValue('budget owner: Wang').setNote('on the OKR sheet');
    typed.push({ sheet: 'Center', col: 16, text: 'budget owner: Wang' });
    const mine = ctx.ss.insertSheet('Dashboard notes');
    mine.getRange('A1:B2').setValues([['my', 'own'], ['=1+1', "'=2+2"]]);
    const userSheet = JSON.stringify(local.sheetPlan('Dashboard notes'));
    const notesBefore = new Map(ctx.ss.getSheets().map((s) => [s.getName(), notesOf(s)]));

    for (let round = 0; round < 3; round++) {
      for (const s of ['Center', 'Beijing']) expect(generateReview(ctx, { sheet: s, asOf: ASOF }).reviewSheet).toBe(reviews[['Center', 'Beijing'].indexOf(s)]);
      expect(generateDashboard(ctx, { asOf: ASOF }).dashboardSheet).toBe(dash);
      expect(generateAlignmentMap(ctx).alignmentSheet).toBe(map);
      const app = dispatch('writeImport', { text: `O: Round ${round}\nKR1: Raise y from 0 to ${round + 1}`, mode: 'append', sheet: 'Beijing', lang: 'en' }, () => ctx, 'en');
      expect(app.ok).toBe(true);
      const made = dispatch('writeImport', { text: `O: Imported ${round}\nKR1: Cut z from 9 to 3`, mode: 'newSheet', lang: 'en', unit: 'Import', cycle: '2026-Q4' }, () => ctx, 'en');
      expect(made.ok).toBe(true);
    }

    for (const t of typed) {
      const col = sheetOf(ctx, t.sheet).getDataRange().getValues().map((r) => r[t.col]);
      expect(col, `${t.sheet}: ${t.text}`).toContain(t.text);
    }
    for (const [name, notes] of notesBefore) expect(notesOf(sheetOf(ctx, name)), name).toEqual(notes);
    expect(local.ss.chartsOf(dash).map((c) => c.id)).toEqual(userChartIds);
    expect(JSON.stringify(local.sheetPlan('Dashboard notes'))).toBe(userSheet);
    // one sheet per generated role and unit, nothing hidden, no copies
    const roles = local.toPlan().sheets.map((s) => s.metadata[OWNER_KEY]);
    expect(roles.filter((r) => r === 'review')).toHaveLength(2);
    expect(roles.filter((r) => r === 'dashboard')).toHaveLength(1);
    expect(roles.filter((r) => r === 'alignment')).toHaveLength(1);
    expect(ctx.ss.getSheets().filter((s) => s.isSheetHidden())).toHaveLength(0);
  }, 120_000);
});
