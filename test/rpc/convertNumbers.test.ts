/** RPC convertNumberCells on the in-memory workbook (issue 10, "one number"): Check's
 *  number-as-text cells become numbers, nothing else changes, the sheet's formulas follow. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import type { CheckResult, ConvertNumbersResult, ImportResult } from '../../src/addon/rpc/contract';
import { convertNumberCellsAction } from '../../src/addon/actions/convertNumbers';
import { writeBlocks } from '../../src/core/lint/convertNumbers';
import type { SheetsContext } from '../../src/sheets/context';
import { makeWorkbook } from './helpers';

function ok<T>(ctx: SheetsContext, method: string, payload: unknown, lang: 'en' | 'zh-CN' = 'en'): T {
  const res = dispatch(method, payload, () => ctx, lang);
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
  return res.result as T;
}

/** A generated OKR sheet (native Progress / Score formulas, HyperFormula) with one KR. */
function formulaSheet() {
  const w = makeWorkbook();
  const imp = ok<ImportResult>(w.ctx, 'writeImport', { text: 'O: Grow revenue\nKR1: Raise revenue from 0 to 100\nKR2: Sign 10 new customers', mode: 'newSheet', lang: 'en' });
  const sheet = w.ctx.ss.getSheetByName(imp.sheet)!;
  const values = sheet.getDataRange().getValues();
  const headerRow = values.findIndex((r) => r.includes('ID') && r.includes('Target'));
  const header = values[headerRow]!.map(String);
  const col = (label: string) => header.indexOf(label);
  const rowOf = (id: string) => values.findIndex((r) => r[col('ID')] === id);
  const a1 = (row: number, c: number) => `${String.fromCharCode(65 + c)}${row + 1}`;
  return { ...w, name: imp.sheet, sheet, col, rowOf, a1 };
}

// dates compare by their time (getValues gives a new Date each read)
const key = (v: unknown) => (v instanceof Date ? `d${v.getTime()}` : typeof v === 'number' ? `n${v}` : `s${String(v)}`);
const numberAsText = (r: CheckResult) => r.findings.filter((f) => f.ruleId === 'number-as-text');

describe('convertNumberCells RPC', () => {
  it('writes the numbers Check showed, the unit where Unit is blank, and nothing else; Progress recomputes', () => {
    const { ctx, local, name, sheet, col, rowOf, a1 } = formulaSheet();
    const kr1 = rowOf('O1.KR1'), kr2 = rowOf('O1.KR2');
    const [cS, cT, cC, cU, cP] = ['Start', 'Target', 'Current', 'Unit', 'Progress'].map(col) as [number, number, number, number, number];
    expect(cP).toBeGreaterThanOrEqual(0);
    sheet.getRange(a1(kr1, cS)).setValue(0);
    sheet.getRange(a1(kr1, cT)).setValue('500万元');
    sheet.getRange(a1(kr1, cC)).setValue('180万');
    sheet.getRange(a1(kr1, cU)).setValue('');
    sheet.getRange(a1(kr2, cC)).setValue('四家');
    sheet.getRange(a1(kr2, cU)).setValue('customers');
    // the sheet's formula reads text as no number
    expect(sheet.getRange(a1(kr1, cP)).getValue()).toBe(0);

    const before = sheet.getDataRange().getValues();
    const check = ok<CheckResult>(ctx, 'checkSheet', { sheet: name });
    const found = numberAsText(check);
    expect(found.map((f) => f.a1).sort()).toEqual([a1(kr1, cT), a1(kr1, cC), a1(kr2, cC)].sort());
    expect(found.find((f) => f.a1 === a1(kr1, cT))!.message).toMatch(/5000000（元）/);

    const m = local.calls.measure(() => convertNumberCellsAction(ctx, { sheet: name }));
    const res: ConvertNumbersResult = m.result;
    expect(res.converted.map((c) => [c.a1, c.to])).toEqual([[a1(kr1, cT), 5000000], [a1(kr1, cC), 1800000], [a1(kr2, cC), 4]]);
    expect(res.units).toEqual([{ a1: a1(kr1, cU), id: 'O1.KR1', unit: '元' }]);
    // Target · Current · Unit of KR1 are one block; KR2's Current another (Unit of KR2 is kept)
    expect(res.writes).toBe(2);
    expect(Object.entries(m.counts).filter(([k]) => /setValues/.test(k))).toEqual([[expect.stringMatching(/setValues/), 2]]);

    const after = sheet.getDataRange().getValues();
    const changed: string[] = [];
    for (let r = 0; r < before.length; r++) {
      for (let c = 0; c < before[r]!.length; c++) {
        if (key(before[r]![c]) !== key(after[r]![c])) changed.push(a1(r, c));
      }
    }
    // only those cells, plus the formula results that follow them (Progress, Score, Status, …)
    const inputs = [a1(kr1, cT), a1(kr1, cC), a1(kr1, cU), a1(kr2, cC)];
    expect(changed).toEqual(expect.arrayContaining(inputs));
    expect(after[kr1]![cT]).toBe(5000000);
    expect(after[kr1]![cC]).toBe(1800000);
    expect(after[kr1]![cU]).toBe('元');
    expect(after[kr2]![cU]).toBe('customers');
    expect(after[kr1]![cP]).toBeCloseTo(0.36, 10);
    expect(after[kr2]![cP]).toBeCloseTo(0.4, 10);
    for (const x of changed.filter((x) => !inputs.includes(x))) {
      const f = sheet.getRange(x).getFormula();
      expect(f, `${x} changed but holds no formula`).toMatch(/^=/);
    }

    expect(numberAsText(ok<CheckResult>(ctx, 'checkSheet', { sheet: name }))).toEqual([]);
  });

  it('converts only the cells asked for, and reports the ones that held no text number', () => {
    const { ctx, name, sheet, col, rowOf, a1 } = formulaSheet();
    const kr1 = rowOf('O1.KR1');
    sheet.getRange(a1(kr1, col('Target'))).setValue('2.5k');
    sheet.getRange(a1(kr1, col('Current'))).setValue('８０％');
    const res = ok<ConvertNumbersResult>(ctx, 'convertNumberCells', { sheet: name, cells: [a1(kr1, col('Current')), 'A1'] });
    expect(res.converted).toEqual([expect.objectContaining({ a1: a1(kr1, col('Current')), to: 0.8 })]);
    expect(res.units).toEqual([]); // a percentage carries no unit
    expect(res.skipped).toEqual(['A1']);
    expect(sheet.getRange(a1(kr1, col('Target'))).getValue()).toBe('2.5k');
    expect(sheet.getRange(a1(kr1, col('Current'))).getValue()).toBe(0.8);
  });

  it('a unit typed in Confidence is not the KR\'s unit: Unit stays blank', () => {
    const { ctx, name, sheet, col, rowOf, a1 } = formulaSheet();
    const kr2 = rowOf('O1.KR2');
    sheet.getRange(a1(kr2, col('Unit'))).setValue('');
    sheet.getRange(a1(kr2, col('Confidence'))).setValue('8分');
    const res = ok<ConvertNumbersResult>(ctx, 'convertNumberCells', { sheet: name });
    expect(res.converted).toEqual([expect.objectContaining({ a1: a1(kr2, col('Confidence')), to: 8 })]);
    expect(res.units).toEqual([]);
    expect(sheet.getRange(a1(kr2, col('Unit'))).getValue()).toBe('');
    expect(sheet.getRange(a1(kr2, col('Confidence'))).getValue()).toBe(8);
  });

  it('with nothing to convert it writes nothing; a bad sheet is a clear error', () => {
    const { ctx, local, name } = formulaSheet();
    const m = local.calls.measure(() => convertNumberCellsAction(ctx, { sheet: name }));
    expect(m.result.converted).toEqual([]);
    expect(Object.keys(m.counts).filter((k) => /setValue/.test(k))).toEqual([]);
    const bad = dispatch('convertNumberCells', { sheet: 'Nope' }, () => ctx, 'zh-CN');
    expect(bad.ok).toBe(false);
  });

  it('blocks: runs along rows, merged down equal spans, never covering a cell not written', () => {
    const blocks = writeBlocks([
      { row: 5, col: 5, value: 1 }, { row: 5, col: 6, value: 2 },
      { row: 6, col: 5, value: 3 }, { row: 6, col: 6, value: 4 },
      { row: 7, col: 6, value: 5 }, { row: 9, col: 6, value: 6 },
    ]);
    expect(blocks).toEqual([
      { row: 5, col: 5, values: [[1, 2], [3, 4]] },
      { row: 7, col: 6, values: [[5]] },
      { row: 9, col: 6, values: [[6]] },
    ]);
  });
});
