/**
 * The score scale in the custom functions (issue 14 §2): =OKRSCORE(…, [scale]) returns the score
 * as the sheet's Score cells hold it in that scale; =OKRGRADE(score, [language], [red_below],
 * [green_from], [scale]) grades the score as its cell shows it with the bands given. Called
 * directly and as HyperFormula formulas (the same code as in Sheets).
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { OKRGRADE, OKRSCORE } from '../../src/addon/customFunctions';
import { registerOkrFunctions } from '../../src/local/hfPlugin';
import { EN_TABLE } from './fixtures';

registerOkrFunctions(HyperFormula);

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const thrown = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
};

describe('OKRSCORE scale argument', () => {
  it('the same mean in 0-1, 0-100 and % (a share, formatted as a percentage); left out = 0-1', () => {
    const p = col(0.5, 0.8);
    expect(OKRSCORE(p)).toBeCloseTo(0.65, 12);
    expect(OKRSCORE(p, '', '0-1')).toBeCloseTo(0.65, 12);
    expect(OKRSCORE(p, undefined, '0-100')).toBeCloseTo(65, 10);
    expect(OKRSCORE(p, '', '%')).toBeCloseTo(0.65, 12);
    expect(OKRSCORE(p, '', 'percent')).toBeCloseTo(0.65, 12);
    expect(OKRSCORE(p, '', 100)).toBeCloseTo(65, 10); // the Settings reader's lenient forms
    expect(OKRSCORE(p, '', [['百分制']])).toBeCloseTo(65, 10); // a one-cell range, e.g. Settings!B10
    expect(OKRSCORE(col(50, 80), col(1, 3), '0-100')).toBeCloseTo(72.5, 10);
  });
  it('a whole table: the overall score in the scale, its self-scores read in the same scale', () => {
    expect(OKRSCORE(EN_TABLE, '', '0-100')).toBeCloseTo(82.5, 10);
    const withSelf = [[...EN_TABLE[0]!, 'Self-score'], ...EN_TABLE.slice(1).map((r, i) => [...r, i === 0 ? 40 : ''])];
    // O1's own self-score 40 分 replaces its computed 0.65; O2 = 1 → (0.4 + 1) / 2
    expect(OKRSCORE(withSelf, '', '0-100')).toBeCloseTo(70, 10);
    const selfOn01 = [[...EN_TABLE[0]!, 'Self-score'], ...EN_TABLE.slice(1).map((r, i) => [...r, i === 0 ? 0.4 : ''])];
    expect(OKRSCORE(selfOn01)).toBeCloseTo(0.7, 12);
  });
  it('an unknown scale is a short message in both languages', () => {
    expect(thrown(() => OKRSCORE(col(0.5), '', '0-10'))).toBe('OKRSCORE: scale must be "0-1", "0-100" or "%" (got "0-10") / 分制须为 "0-1"、"0-100" 或 "%"（收到 "0-10"）');
  });
});

describe('OKRGRADE bands and scale', () => {
  it('graded on the score as its cell shows it: 67 on 0-100 is yellow, 0.67 on 0-1 shows 0.7 and is green', () => {
    expect(OKRGRADE(col(67, 70, 39, 40))).toEqual(col('Yellow (progress)', 'Green (delivered)', 'Red (missed)', 'Yellow (progress)'));
    expect(OKRGRADE(0.67)).toBe('Green (delivered)');
    expect(OKRGRADE(0.67, 'en', '', '', '%')).toBe('Yellow (progress)'); // shows 67%
    expect(OKRGRADE(0.695, 'en', '', '', '%')).toBe('Green (delivered)'); // shows 70%
    expect(OKRGRADE(67, 'en', '', '', '0-100')).toBe('Yellow (progress)');
  });
  it('custom bands as shares or numbers up to 100 (the percent rule), a one-cell range included', () => {
    expect(OKRGRADE(col(0.5, 0.6, 0.8), 'en', 0.6, 0.8)).toEqual(col('Red (missed)', 'Yellow (progress)', 'Green (delivered)'));
    expect(OKRGRADE(col(50, 60, 80), 'zh-CN', 60, [[80]])).toEqual(col('红（未达预期）', '黄（有进展）', '绿（达成）'));
    expect(OKRGRADE(0.75, 'en', '', 0.8)).toBe('Green (delivered)'); // 0.75 shows 0.8
    expect(OKRGRADE(75, 'en', '', 0.8)).toBe('Yellow (progress)'); // 75 shows 75
  });
  it('short messages for bad bands; red above green means the default bands, as in Settings', () => {
    expect(thrown(() => OKRGRADE(0.5, 'en', 'high'))).toMatch(/^OKRGRADE: red_below must be fractions \(0–1\) or percentages \(0–100\); found high \/ /);
    expect(thrown(() => OKRGRADE(0.5, 'en', '', 150))).toMatch(/^OKRGRADE: green_from must be fractions/);
    expect(OKRGRADE(col(0.3, 0.5, 0.7), 'en', 0.8, 0.6)).toEqual(col('Red (missed)', 'Yellow (progress)', 'Green (delivered)'));
  });
});

describe('as HyperFormula formulas', () => {
  it('=OKRSCORE(A1:A2,,"0-100") and =OKRGRADE(A1:A2,"en",0.6,0.8,"0-1") spill like in Sheets', () => {
    const hf = HyperFormula.buildFromArray([
      [0.5, '=OKRSCORE(A1:A2,,"0-100")', '=OKRGRADE(A1:A2,"en",0.6,0.8,"0-1")', '=OKRSCORE(A1:A2,,"x")'],
      [0.8],
    ], { licenseKey: 'gpl-v3' });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBeCloseTo(65, 10);
    expect([0, 1].map((row) => hf.getCellValue({ sheet: 0, row, col: 2 }))).toEqual(['Red (missed)', 'Green (delivered)']);
    const err = hf.getCellValue({ sheet: 0, row: 0, col: 3 });
    expect(err).toBeInstanceOf(DetailedCellError);
    expect((err as DetailedCellError).message).toMatch(/scale must be/);
    hf.destroy();
  });
});
