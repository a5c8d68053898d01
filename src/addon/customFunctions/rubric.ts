/**
 * OKRRUBRIC: the score of values by a rubric (评分标准, issue 14), same shape as the values.
 * Pure (no Apps Script globals): the same code runs in Sheets, in HyperFormula
 * (src/local/hfPlugin.ts) and in tests; core's rubric.ts decides the score, so the function, the
 * OKR sheet's Score formula and every view agree.
 */
import type { Localized } from '../../core/i18n';
import { parseNumber } from '../../core/numbers';
import { rubricFromLists, rubricScore } from '../../core/rubric';
import { CellProblem, fail, finish, flatten, guard, isBlank, isRange, message, toGrid } from './args';
import { M, text } from './messages';

const MSG = {
  sizes: {
    en: 'thresholds and scores must have the same number of values ({n} and {m})',
    'zh-CN': '阈值与得分的个数须相同（{n} 个与 {m} 个）',
  },
  none: { en: 'give at least one threshold and score', 'zh-CN': '至少需要一个阈值和得分' },
  order: {
    en: 'thresholds must be in ascending order (more is better) or descending order (less is better)',
    'zh-CN': '阈值须按升序（越高越好）或降序（越低越好）排列',
  },
  listNumber: { en: '{what} “{text}” is not a number', 'zh-CN': '{whatZh}“{text}”不是数字' },
  unpaired: { en: 'threshold {n} or its score is blank', 'zh-CN': '第 {n} 个阈值或其得分为空' },
  asText: {
    en: 'value “{text}” is text, not a number (as a number: {n})',
    'zh-CN': '数值“{text}”是文字，不是数字（应填 {n}）',
  },
} satisfies Record<string, Localized>;

/** The cells of a list argument; text (or a boolean) is an error for the whole call. */
function listCells(fn: string, arg: unknown, what: string, whatZh: string): (number | null)[] {
  return flatten(toGrid(arg)).map((v) => {
    if (isBlank(v)) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(fn, MSG.listNumber, { what, whatZh, text: text(v) });
    return v;
  });
}

/**
 * Thresholds and scores as pairs. Ranges of the same size pair cell by cell, so a blank beside a
 * number is named instead of shifting every later pair by one (both blank: no step); of
 * different sizes (a row of 3, a column of 4 with a trailing blank) the numbers pair in order.
 */
function pairs(fn: string, thresholds: unknown, scores: unknown): { ts: number[]; ss: number[] } {
  let tc = listCells(fn, thresholds, 'threshold', '阈值');
  let sc = listCells(fn, scores, 'score', '得分');
  if (tc.length !== sc.length) {
    tc = tc.filter((x) => x !== null);
    sc = sc.filter((x) => x !== null);
    if (tc.length !== sc.length) fail(fn, MSG.sizes, { n: tc.length, m: sc.length });
  }
  const odd = tc.findIndex((t, i) => (t === null) !== (sc[i] === null));
  if (odd >= 0) fail(fn, MSG.unpaired, { n: odd + 1 });
  return { ts: tc.filter((x) => x !== null), ss: sc.filter((x) => x !== null) };
}

function okrRubric(value: unknown, thresholds: unknown, scores: unknown): unknown {
  const FN = 'OKRRUBRIC';
  const { ts, ss } = pairs(FN, thresholds, scores);
  if (ts.length === 0) fail(FN, MSG.none);
  const rubric = rubricFromLists(ts, ss);
  if (!rubric) fail(FN, MSG.order);
  const g = toGrid(value);
  if (!g.length) fail(FN, M.empty);
  const out = g.map((row) =>
    row.map((v) => {
      if (isBlank(v)) return '';
      if (typeof v === 'number' && Number.isFinite(v)) return rubricScore(rubric, v);
      // read as the sheet reads it: text is not a number, even when it looks like one
      const p = parseNumber(v);
      if (p.ok && typeof v === 'string') return new CellProblem(message(FN, MSG.asText, { text: text(v), n: p.value }));
      return new CellProblem(message(FN, M.notNumber, { what: 'value', whatZh: '数值', text: text(v) }));
    }),
  );
  return finish(isRange(value), out);
}

/**
 * Score by a rubric (评分标准): the highest score among the thresholds a value reaches; below every threshold, 0.
 * Thresholds rising with the scores: more is better (value ≥ threshold); falling as the scores rise: less is better.
 * Example: =OKRRUBRIC(1600, {1000,1500,2000}, {0.3,0.7,1}) → 0.7.
 *
 * @param {number[][]} value A value or a range of values (e.g. the Current column).
 * @param {number[][]} thresholds The thresholds, ascending or descending, e.g. {1000,1500,2000}.
 * @param {number[][]} scores The score of each threshold, same count, in your scale: {0.3,0.7,1} or {30,70,100}.
 * @return {number[][]} The score per value (0 below every threshold).
 * @customfunction
 */
export function OKRRUBRIC(value: unknown, thresholds: unknown, scores: unknown): unknown {
  return guard('OKRRUBRIC', () => okrRubric(value, thresholds, scores));
}
