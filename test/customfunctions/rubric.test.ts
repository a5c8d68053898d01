/**
 * Rubric scoring (issue 14 §1) three ways that must agree: core (rubric.ts), the custom function
 * =OKRRUBRIC (called directly and as a HyperFormula formula), and the OKR sheet's native Score
 * formula for a rubric KR (formulas.ts rubricScoreExpr, evaluated by HyperFormula) — on
 * randomised rising and falling rubrics.
 */
import { describe, expect, it } from 'vitest';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { OKRRUBRIC } from '../../src/addon/customFunctions';
import { COLUMN_KEYS, type ColumnKey } from '../../src/core/model';
import { rubricScoreExpr, type FormulaLayout } from '../../src/core/plan/formulas';
import {
  commitTargetStretch, formatRubric, parseRubric, rubricFromLists, rubricScore, rubricScoreAsSheet, type Rubric,
} from '../../src/core/rubric';
import { registerOkrFunctions } from '../../src/local/hfPlugin';
import { rng } from '../parity/generate';

registerOkrFunctions(HyperFormula);

const thrown = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
};

describe('OKRRUBRIC', () => {
  it('the issue\'s example, and below the first threshold', () => {
    expect(OKRRUBRIC(1600, [[1000, 1500, 2000]], [[0.3, 0.7, 1]])).toBe(0.7);
    expect(OKRRUBRIC(999, [[1000, 1500, 2000]], [[0.3, 0.7, 1]])).toBe(0);
    expect(OKRRUBRIC(2000, [[1000, 1500, 2000]], [[0.3, 0.7, 1]])).toBe(1);
  });
  it('descending thresholds: less is better', () => {
    expect(OKRRUBRIC([[1], [2.5], [3], [6]], [[5, 3, 2]], [[0.3, 0.7, 1]])).toEqual([[1], [0.7], [0.7], [0]]);
  });
  it('array-aware over value; blanks stay blank; text is a message in its row', () => {
    expect(OKRRUBRIC([[1600], [''], ['1600'], ['abc']], [[1000], [1500], [2000]], [[0.3], [0.7], [1]])).toEqual([
      [0.7], [''], ['OKRRUBRIC: value “1600” is text, not a number (as a number: 1600) / 数值“1600”是文字，不是数字（应填 1600）'],
      ['OKRRUBRIC: value “abc” is not a number / 数值“abc”不是数字'],
    ]);
  });
  it('short errors for mismatched sizes, no steps, unordered thresholds, text thresholds', () => {
    expect(thrown(() => OKRRUBRIC(1, [[1, 2, 3]], [[0.5, 1]]))).toBe('OKRRUBRIC: thresholds and scores must have the same number of values (3 and 2) / 阈值与得分的个数须相同（3 个与 2 个）');
    expect(thrown(() => OKRRUBRIC(1, '', ''))).toMatch(/^OKRRUBRIC: give at least one threshold/);
    expect(thrown(() => OKRRUBRIC(1, [[1, 3, 2]], [[0.3, 1, 0.7]]))).toMatch(/^OKRRUBRIC: thresholds must be in ascending order/);
    expect(thrown(() => OKRRUBRIC(1, [['x', 3]], [[0.3, 1]]))).toMatch(/^OKRRUBRIC: threshold “x” is not a number/);
    expect(thrown(() => OKRRUBRIC('1600', [[1000]], [[1]]))).toMatch(/is text, not a number/);
  });
  it('as a formula in HyperFormula, spilling over a column', () => {
    const hf = HyperFormula.buildFromArray([[1600, '=OKRRUBRIC(A1:A3,{1000,1500,2000},{0.3,0.7,1})'], [900], [2100], ['=OKRRUBRIC(1,{1,2},{1})']], { licenseKey: 'gpl-v3' });
    expect([0, 1, 2].map((r) => hf.getCellValue({ sheet: 0, row: r, col: 1 }))).toEqual([0.7, 0, 1]);
    const err = hf.getCellValue({ sheet: 0, row: 3, col: 0 });
    expect(err).toBeInstanceOf(DetailedCellError);
    expect((err as DetailedCellError).message).toMatch(/same number of values/);
    hf.destroy();
  });
});

describe('rubric text', () => {
  it('parses both directions, full-width punctuation and >= / <=', () => {
    expect(parseRubric('≥2000:1; ≥1500:0.7; ≥1000:0.3')).toEqual({ ok: true, rubric: { direction: 'rising', steps: [{ threshold: 2000, score: 1 }, { threshold: 1500, score: 0.7 }, { threshold: 1000, score: 0.3 }] } });
    expect(parseRubric('≤2：1；≤3：0.7；<=5:0.3;')).toMatchObject({ ok: true, rubric: { direction: 'falling' } });
    expect(parseRubric('≥2000 → 1')).toMatchObject({ ok: false, error: 'step', step: '≥2000 → 1' });
    expect(parseRubric('')).toMatchObject({ ok: false, error: 'empty' });
  });
  it('commit / target / stretch preset: 0.3 / 0.7 / 1, either direction', () => {
    const up = commitTargetStretch(1000, 1500, 2000);
    expect(formatRubric(up)).toBe('≥2000:1; ≥1500:0.7; ≥1000:0.3');
    expect([999, 1000, 1700, 2500].map((v) => rubricScore(up, v))).toEqual([0, 0.3, 0.7, 1]);
    const down = commitTargetStretch(5, 3, 2);
    expect(formatRubric(down)).toBe('≤2:1; ≤3:0.7; ≤5:0.3');
    expect([6, 5, 2.5, 1].map((v) => rubricScore(down, v))).toEqual([0, 0.3, 0.7, 1]);
  });
});

/** A layout where only the Rubric (A) and Current (B) columns matter. */
function layout(): FormulaLayout {
  const col = Object.fromEntries(COLUMN_KEYS.map((k, i) => [k, i + 3])) as Record<ColumnKey, number>;
  col.rubric = 1;
  col.current = 2;
  return { col, firstRow: 1, lastRow: 400, cycleStart: '$Z$1', cycleEnd: '$Z$2', asOf: '$Z$3', expected: '$Z$4', atRiskRef: null, offTrackRef: null };
}

function randomRubric(r: () => number): Rubric {
  const n = 1 + Math.floor(r() * 4);
  const ts = Array.from({ length: n }, () => Math.round((r() * 400 - 100) * 10) / 10).sort((a, b) => a - b);
  const ss = Array.from({ length: n }, (_, i) => Math.round(((i + 1) / n) * 10) / 10);
  const rising = r() < 0.5;
  return rubricFromLists(rising ? ts : [...ts].reverse(), rising ? ss : [...ss])!;
}

describe('core == OKRRUBRIC == the native Score formula (HyperFormula), randomised', () => {
  it('300 random rubrics and values, rising and falling', () => {
    const r = rng(14);
    const L = layout();
    const rows: unknown[][] = [];
    const want: { core: number; fn: number; text: string; v: unknown }[] = [];
    for (let i = 1; i <= 300; i++) {
      const rub = randomRubric(r);
      const text = formatRubric(rub);
      const v = r() < 0.1 ? null : Math.round((r() * 500 - 150) * 10) / 10;
      const p = parseRubric(text);
      expect(p.ok, text).toBe(true);
      const thresholds = [rub.steps.map((s) => s.threshold)], scores = [rub.steps.map((s) => s.score)];
      want.push({ core: rubricScore(rub, v as number | null), fn: v === null ? 0 : (OKRRUBRIC(v, thresholds, scores) as number), text, v });
      expect(rubricScoreAsSheet(text, v as number | null)).toBe(rubricScore(rub, v as number | null));
      rows.push([text, v, `=${rubricScoreExpr(L, i)}`]);
    }
    const hf = HyperFormula.buildFromArray(rows as never, { licenseKey: 'gpl-v3' });
    const bad: string[] = [];
    want.forEach((w, i) => {
      const f = hf.getCellValue({ sheet: 0, row: i, col: 2 });
      if (f !== w.core || w.fn !== w.core) bad.push(`${w.text} @ ${String(w.v)}: formula ${JSON.stringify(f)} OKRRUBRIC ${w.fn} core ${w.core}`);
    });
    hf.destroy();
    expect(bad.slice(0, 5)).toEqual([]);
    const scored = new Set(want.map((w) => w.core));
    expect(scored.size).toBeGreaterThan(4); // the cases reach several steps, not only 0
  });
});

describe('OKRRUBRIC against issue 14 §1', () => {
  it('direction from the order of thresholds along the scores (either listing order reads the same)', () => {
    const sales = [1600, 999, 2000, 1500];
    const a = OKRRUBRIC(sales.map((v) => [v]), [[1000, 1500, 2000]], [[0.3, 0.7, 1]]);
    const b = OKRRUBRIC(sales.map((v) => [v]), [[2000, 1500, 1000]], [[1, 0.7, 0.3]]); // as the text form lists it
    expect(a).toEqual([[0.7], [0], [1], [0.7]]);
    expect(b).toEqual(a);
    const days = [1, 2.5, 3, 6];
    const c = OKRRUBRIC(days.map((v) => [v]), [[2, 3, 5]], [[1, 0.7, 0.3]]); // ≤2 → 1, ≤3 → 0.7, ≤5 → 0.3
    const d = OKRRUBRIC(days.map((v) => [v]), [[5, 3, 2]], [[0.3, 0.7, 1]]);
    expect(c).toEqual([[1], [0.7], [0.7], [0]]);
    expect(d).toEqual(c);
  });
  it('rubric steps typed in 0-100 give points, as the Score cell of a 0-100 sheet holds them', () => {
    expect(OKRRUBRIC([[1600], [2500], [1000], [10]], [[1000], [1500], [2000]], [[30], [70], [100]])).toEqual([[70], [100], [30], [0]]);
  });
  it('array-aware over a 2-D value range; the result has the value\'s shape', () => {
    expect(OKRRUBRIC([[999, 1000], [1500, 2001]], [[1000, 1500, 2000]], [[0.3, 0.7, 1]])).toEqual([[0, 0.3], [0.7, 1]]);
  });
  it('ranges of one size pair cell by cell: a blank in one list beside a number in the other is named', () => {
    expect(thrown(() => OKRRUBRIC(1600, [[1000], [''], [2000]], [[0.3], [0.7], ['']]))).toBe(
      'OKRRUBRIC: threshold 2 or its score is blank / 第 2 个阈值或其得分为空',
    );
    expect(OKRRUBRIC(1600, [[1000], [''], [2000]], [[0.3], [''], [1]])).toBe(0.3);
    // a column with a trailing blank against a row of the same numbers: counted, not paired
    expect(OKRRUBRIC(1600, [[1000], [1500], [2000], ['']], [[0.3, 0.7, 1]])).toBe(0.7);
  });
});
