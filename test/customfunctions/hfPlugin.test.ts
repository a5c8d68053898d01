/**
 * The custom functions as real formulas, evaluated by HyperFormula through src/local/hfPlugin.ts
 * (the same function code as in Sheets).
 */
import { describe, expect, it } from 'vitest';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { OKR_FUNCTION_NAMES, registerOkrFunctions } from '../../src/local/hfPlugin';
import { OKRCHECK, OKRSCORE } from '../../src/addon/customFunctions';
import { createEngine } from '../../src/local/workbook/engine';
import { BAD_TABLE, EN_TABLE } from './fixtures';

registerOkrFunctions(HyperFormula);

// A: KR, B: start, C: target, D: current, E: weight, F: type (rows 2–9; rows 7–9 empty)
const KRS: unknown[][] = [
  ['KR', 'Start', 'Target', 'Current', 'Weight', 'Type'],
  ['KR1', 0, 10, 5, 0.4, 'Increase'],
  ['KR2', 0, 100, 80, 0.4, '提升'],
  ['KR3', 100, 50, 75, 0.2, '降低'],
  ['KR4', '', 1, true, '', 'Milestone'],
  ['KR5', 20, 40, '', '', ''],
  [], [], [],
];

const engine = (rows: unknown[][], config: Record<string, unknown> = {}) =>
  HyperFormula.buildFromArray(rows as never, { licenseKey: 'gpl-v3', ...config });

const CONFIGS: [string, Record<string, unknown>][] = [
  ['default configuration', {}],
  ['Sheets-like configuration (array arithmetic, null → 0)', { useArrayArithmetic: true, evaluateNullToZero: true, nullDate: { year: 1899, month: 12, day: 30 } }],
];

describe.each(CONFIGS)('HyperFormula, %s', (_name, config) => {
  it('registers every custom function, idempotently', () => {
    registerOkrFunctions(HyperFormula);
    for (const n of OKR_FUNCTION_NAMES) expect(HyperFormula.getFunctionPlugin(n), n).toBeDefined();
  });

  it('=OKRSCORE(KRPROGRESS(D2:D9,C2:C9,B2:B9),E2:E9)', () => {
    const hf = engine([...KRS.slice(0, 1).map((r) => [...r, '=OKRSCORE(KRPROGRESS(D2:D9,C2:C9,B2:B9),E2:E9)']), ...KRS.slice(1)], config);
    // KR4 (milestone without a type argument: current TRUE read as 1 against target 1 → 1), KR5 not started
    // weights: 0.4, 0.4, 0.2 given; the two blanks share the 0 left
    expect(hf.getCellValue({ sheet: 0, col: 6, row: 0 })).toBeCloseTo(0.4 * 0.5 + 0.4 * 0.8 + 0.2 * 0.5);
  });

  it('KRPROGRESS spills one value per row, same shape as the input', () => {
    const hf = engine([...KRS.slice(0, 1).map((r) => [...r, '=KRPROGRESS(D2:D6,C2:C6,B2:B6,F2:F6)']), ...KRS.slice(1)], config);
    const col = [0, 1, 2, 3, 4].map((r) => hf.getCellValue({ sheet: 0, col: 6, row: r }));
    expect(col).toEqual([0.5, 0.8, 0.5, 1, 0]);
  });

  it('OKRGRADE and OKRPACE spill over a range; literals and dates work', () => {
    const hf = engine(
      [
        [0.2, '=OKRGRADE(A1:A3,"zh-CN")', '=OKRPACE(A1:A3,DATE(2026,10,1),DATE(2026,12,31),DATE(2026,11,15))', '=OKRPACE(0.05,"2026-Q4","","2026-11-15")'],
        [0.5],
        [0.8],
      ],
      config,
    );
    expect([0, 1, 2].map((r) => hf.getCellValue({ sheet: 0, col: 1, row: r }))).toEqual(['红（未达预期）', '黄（有进展）', '绿（达成）']);
    expect([0, 1, 2].map((r) => hf.getCellValue({ sheet: 0, col: 2, row: r }))).toEqual(['At risk', 'On track', 'On track']);
    expect(hf.getCellValue({ sheet: 0, col: 3, row: 0 })).toBe('Off track');
  });

  it('OKRPARSE over a column: six columns per row', () => {
    const hf = engine([['将采购周期由 1.5 天缩短至 1 天', '=OKRPARSE(A1:A2)'], ['Raise NPS from 45 to 60']], config);
    const row = (r: number) => [1, 2, 3, 4, 5, 6].map((c) => hf.getCellValue({ sheet: 0, col: c, row: r }));
    expect(row(0).slice(0, 5)).toEqual(['指标', '降低', 1.5, 1, '天']);
    expect(row(1).slice(0, 4)).toEqual(['Metric', 'Increase', 45, 60]);
  });

  it('OKRSCORE and OKRCHECK of a whole table agree with the direct calls', () => {
    const w = EN_TABLE[0]!.length;
    const hf = engine([...EN_TABLE.map((r, i) => (i === 0 ? [...r, '=OKRSCORE(A1:J6)'] : r))], config);
    expect(hf.getCellValue({ sheet: 0, col: w, row: 0 })).toBeCloseTo(OKRSCORE(EN_TABLE));

    const bw = BAD_TABLE[0]!.length;
    const hf2 = engine(BAD_TABLE.map((r, i) => (i === 0 ? [...r, '=OKRCHECK(A1:I13)'] : r)), config);
    const direct = OKRCHECK(BAD_TABLE);
    const spilled = direct.map((_, r) => [0, 1, 2, 3].map((c) => hf2.getCellValue({ sheet: 0, col: bw + c, row: r })));
    expect(spilled).toEqual(direct);
  });

  it('OKRROLLUP over columns', () => {
    const hf = engine([['P', '', '', '=OKRROLLUP(A1:A3,B1:B3,C1:C3)'], ['A', 'P', 0], ['B', 'P', 1]], config);
    expect([0, 1, 2].map((r) => hf.getCellValue({ sheet: 0, col: 3, row: r }))).toEqual([0.5, 0, 1]);
  });

  it('bad input: a #VALUE! error carrying the function’s message', () => {
    const hf = engine([[0.5, 1, '=OKRSCORE(A1:B1,A2)'], [1]], config);
    const v = hf.getCellValue({ sheet: 0, col: 2, row: 0 });
    expect(v).toBeInstanceOf(DetailedCellError);
    expect((v as DetailedCellError).message).toMatch(/^OKRSCORE: weights must be the same size as progress/);
  });
});

describe('in the in-memory workbook engine (src/local/workbook, used by the playground)', () => {
  it('date cells typed as text become dates there, and OKRPACE / OKRSCORE still read them', () => {
    const hf = createEngine();
    const sheet = hf.getSheetId(hf.addSheet('OKR'))!;
    hf.setSheetContent(sheet, [
      ['2026-10-01', '2026-12-31', '2026-11-15', '', '=OKRPACE(D2:D3,A1,B1,C1)', '=OKRSCORE(D2:D3)'],
      ['', '', '', 0.35],
      ['', '', '', '60%'],
    ]);
    expect(hf.getCellValue({ sheet, col: 4, row: 0 })).toBe('On track');
    expect(hf.getCellValue({ sheet, col: 4, row: 1 })).toBe('On track');
    expect(hf.getCellValue({ sheet, col: 5, row: 0 })).toBeCloseTo(0.475);
  });
});
