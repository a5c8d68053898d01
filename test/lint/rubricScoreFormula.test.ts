/**
 * A KR row whose Type is changed to Rubric after the sheet was made keeps its linear Score
 * formula (each row carries only its own type's branch, issue 16 §5), so the sheet and core would
 * disagree silently. Check names it at the Score cell (lint rubric-score-formula); a spare row,
 * which carries every branch, scores by the rubric and raises nothing.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import type { CheckResult, ImportResult } from '../../src/addon/rpc/contract';
import type { SheetsContext } from '../../src/sheets/context';
import { makeWorkbook } from '../rpc/helpers';

function ok<T>(ctx: SheetsContext, method: string, payload: unknown, lang: 'en' | 'zh-CN' = 'en'): T {
  const res = dispatch(method, payload, () => ctx, lang);
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
  return res.result as T;
}

function sheetWithTwoKrs(lang: 'en' | 'zh-CN') {
  const w = makeWorkbook();
  const text = 'O: Grow revenue\nKR1: Raise revenue from 0 to 100\nKR2: Sign 10 new customers';
  const imp = ok<ImportResult>(w.ctx, 'writeImport', { text, mode: 'newSheet', lang }, lang);
  const sheet = w.ctx.ss.getSheetByName(imp.sheet)!;
  const values = sheet.getDataRange().getValues();
  const headerRow = values.findIndex((r) => r.includes('ID'));
  const header = values[headerRow]!.map(String);
  const col = (label: string) => header.indexOf(label);
  const rowOf = (id: string) => values.findIndex((r) => r[col('ID')] === id);
  const a1 = (row: number, c: number) => `${String.fromCharCode(65 + c)}${row + 1}`;
  const set = (row: number, label: string, v: unknown) => sheet.getRange(a1(row, col(label))).setValue(v);
  return { ...w, name: imp.sheet, sheet, col, rowOf, a1, set, headerRow, values };
}

const RUBRIC = '≥80:1; ≥50:0.7; ≥20:0.3';

describe('lint rubric-score-formula', () => {
  it('a KR row switched to Rubric: the sheet shows the linear score, Check says so at the Score cell', () => {
    const w = sheetWithTwoKrs('en');
    const kr1 = w.rowOf('O1.KR1');
    w.set(kr1, 'Type', 'Rubric');
    w.set(kr1, 'Rubric', RUBRIC);
    w.set(kr1, 'Current', 60);
    const score = w.sheet.getRange(w.a1(kr1, w.col('Score'))).getValue();
    expect(score).toBe(0.6); // linear, not the rubric's 0.7
    const found = ok<CheckResult>(w.ctx, 'checkSheet', { sheet: w.name }).findings.filter((f) => f.ruleId === 'rubric-score-formula');
    expect(found.map((f) => f.a1)).toEqual([w.a1(kr1, w.col('Score'))]);
    expect(found[0]!.message).toContain('0.6');
    expect(found[0]!.message).toContain('0.7');
    const zh = dispatch('checkSheet', { sheet: w.name }, () => w.ctx, 'zh-CN');
    expect(zh.ok && (zh.result as CheckResult).findings.find((f) => f.ruleId === 'rubric-score-formula')!.message).toMatch(/评分标准/);
  });

  it('no finding when the linear score happens to equal the rubric step, or on a spare row (every branch)', () => {
    const w = sheetWithTwoKrs('en');
    const kr1 = w.rowOf('O1.KR1');
    w.set(kr1, 'Type', 'Rubric');
    w.set(kr1, 'Rubric', RUBRIC);
    w.set(kr1, 'Current', 70); // linear 0.7 = rubric 0.7
    // a spare row below the table's KRs becomes a rubric KR of O1
    const spare = w.values.findIndex((r, i) => i > w.rowOf('O1.KR2') && r[w.col('ID')] === '' && r[w.col('Type')] === '');
    expect(spare).toBeGreaterThan(0);
    w.set(spare, 'ID', 'O1.KR3');
    w.set(spare, 'Type', 'Rubric');
    w.set(spare, 'Start', 0);
    w.set(spare, 'Target', 100);
    w.set(spare, 'Rubric', RUBRIC);
    w.set(spare, 'Current', 60);
    expect(w.sheet.getRange(w.a1(spare, w.col('Score'))).getValue()).toBe(0.7);
    const found = ok<CheckResult>(w.ctx, 'checkSheet', { sheet: w.name }).findings.filter((f) => f.ruleId === 'rubric-score-formula');
    expect(found).toEqual([]);
  });
});
