/**
 * `180万` typed as text in a KR whose Unit is 万元 (issue 16 §4, "one number"). The sheet cannot
 * compute text: its Progress formula reads the cell as N(text) = 0, so core reads it so too (no
 * view shows 1,800,000 or 180 while the sheet shows 0), and Check says so AT THAT CELL with the
 * number to type — 180, counted in the row's unit — in both languages; "Convert to numbers"
 * writes that 180, after which the sheet's Progress and core agree on 0.6 (180 of 300 万元).
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import type { CheckResult, ConvertNumbersResult, ImportResult } from '../../src/addon/rpc/contract';
import { findingMessage, lintTable } from '../../src/core/lint';
import { textNumberCells } from '../../src/core/lint/convertNumbers';
import { readSnapshot } from '../../src/core/snapshot';
import { scoreTable } from '../../src/core/score';
import { isTableError, readTableValues } from '../../src/core/table';
import type { SheetsContext } from '../../src/sheets/context';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { makeWorkbook } from '../rpc/helpers';

function ok<T>(ctx: SheetsContext, method: string, payload: unknown, lang: 'en' | 'zh-CN' = 'en'): T {
  const res = dispatch(method, payload, () => ctx, lang);
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
  return res.result as T;
}

function revenueSheet(lang: 'en' | 'zh-CN') {
  const w = makeWorkbook();
  const text = lang === 'en' ? 'O: Grow revenue\nKR1: Raise revenue from 0 to 300\nKR2: Sign 10 new customers' : 'O: 扩大收入\nKR1: 收入由 0 提升到 300\nKR2: 新签 10 家客户';
  const imp = ok<ImportResult>(w.ctx, 'writeImport', { text, mode: 'newSheet', lang }, lang);
  const sheet = w.ctx.ss.getSheetByName(imp.sheet)!;
  const values = sheet.getDataRange().getValues();
  const headerRow = values.findIndex((r) => r.includes(lang === 'en' ? 'ID' : '编号'));
  const header = values[headerRow]!.map(String);
  const col = (en: string, zh: string) => header.indexOf(lang === 'en' ? en : zh);
  const kr1 = values.findIndex((r) => r[col('ID', '编号')] === 'O1.KR1');
  const a1 = (c: number) => `${String.fromCharCode(65 + c)}${kr1 + 1}`;
  const cell = (en: string, zh: string) => sheet.getRange(a1(col(en, zh)));
  return { ...w, name: imp.sheet, sheet, kr1, a1, col, cell };
}

/** Core's progress of O1.KR1, through the one snapshot every view starts from. */
function coreProgress(ctx: SheetsContext, sheet: string, id = 'O1.KR1'): number {
  const model = readSnapshot(takeSnapshot(ctx));
  const okr = model.okr.find((o) => o.sheet === sheet)!;
  return scoreTable(okr.read.table, model.snapshot.asOf, model.settings).krs.find((k) => k.id === id)!.progress;
}

describe('a number typed as text in a row whose unit is 万元', () => {
  it.each(['en', 'zh-CN'] as const)('%s: core reads it as the sheet does (0), Check names the cell with 180 in 万元, conversion writes 180', (lang) => {
    const w = revenueSheet(lang);
    w.cell('Start', '起始值').setValue(0);
    w.cell('Target', '目标值').setValue(300);
    w.cell('Unit', '单位').setValue('万元');
    w.cell('Current', '当前值').setValue('180万');
    const current = w.a1(w.col('Current', '当前值'));
    // the sheet cannot compute text: its Progress is 0, and so is core's
    expect(w.cell('Progress', '进度').getValue()).toBe(0);
    expect(coreProgress(w.ctx, w.name)).toBe(0);

    const check = ok<CheckResult>(w.ctx, 'checkSheet', { sheet: w.name }, lang);
    const found = check.findings.filter((f) => f.ruleId === 'number-as-text');
    expect(found.map((f) => f.a1)).toEqual([current]);
    expect(found[0]!.message).toBe(
      lang === 'en'
        ? 'O1.KR1: Current holds the text “180万”, which the sheet\'s formulas do not read as a number: enter the number 180 (the row\'s unit is 万元)'
        : 'O1.KR1 的“当前值”是文字“180万”，表格公式不会把它当作数字：请改填数字 180（本行单位是“万元”）',
    );

    const res = ok<ConvertNumbersResult>(w.ctx, 'convertNumberCells', { sheet: w.name }, lang);
    expect(res.converted.map((c) => [c.a1, c.to])).toEqual([[current, 180]]);
    expect(res.units).toEqual([]); // the Unit cell is kept
    expect(w.cell('Current', '当前值').getValue()).toBe(180);
    expect(w.cell('Unit', '单位').getValue()).toBe('万元');
    expect(w.cell('Progress', '进度').getValue()).toBeCloseTo(0.6, 12);
    expect(coreProgress(w.ctx, w.name)).toBeCloseTo(0.6, 12);
  });

  it('every way the amount may be typed gives the number in the row\'s unit; a bare number is taken as typed', () => {
    const header = ['ID', 'Type', 'Objective / Key result', 'Start', 'Target', 'Current', 'Unit'];
    const cases: [text: string, unit: string, want: number, inUnit: boolean][] = [
      ['180万', '万元', 180, true],
      ['180万元', '万元', 180, true],
      ['¥1,800,000', '万元', 180, true],
      ['1.2亿', '万元', 12000, true],
      ['三千万', '万元', 3000, true],
      ['180', '万元', 180, false], // already in 万元
      ['2.5k', '千人', 2.5, true],
      ['180万', '元', 1800000, false], // no multiplier in the unit: as read
      ['80%', '%', 0.8, false],
      ['180万', '', 1800000, false],
    ];
    for (const [text, unit, want, inUnit] of cases) {
      const read = readTableValues([header, ['O1', 'Objective', 'Grow'], ['O1.KR1', 'Increase', 'Revenue', 0, 300, text, unit]]);
      if (isTableError(read)) throw new Error('no table');
      const [c] = textNumberCells(read.table);
      expect([text, unit, c?.value, c?.inUnit ?? null]).toEqual([text, unit, want, inUnit ? unit : null]);
      const f = lintTable(read.table).find((x) => x.rule === 'number-as-text')!;
      expect(f.variant ?? null, `${text} in ${unit}`).toBe(inUnit ? 'inUnit' : null);
      expect(findingMessage(f, 'en')).toContain(`enter the number ${want}`);
      // the sheet reads the text as no number, and so does core
      expect(read.table.rows[1]!.current).toBeNull();
    }
  });

  it('a table without our formulas (no Type column) reads the text leniently, in the row\'s unit', () => {
    const read = readTableValues([['ID', 'Objective / Key result', 'Start', 'Target', 'Current', 'Unit'], ['O1', 'Grow'], ['O1.KR1', 'Revenue', 0, 300, '180万', '万元']]);
    if (isTableError(read)) throw new Error('no table');
    expect(read.table.rows[1]!.current).toBe(180);
  });
});
