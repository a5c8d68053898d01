/**
 * OKRGRADE: grade band label of scores.
 * Pure (no Apps Script globals): the same code runs in Sheets, in HyperFormula
 * (src/local/hfPlugin.ts) and in tests. Each custom function has its own module so that, in the
 * lazily initialised Apps Script bundle, a call loads only what that function needs.
 */
import { GRADE_LABELS } from '../../core/labels';
import { grade } from '../../core/progress';
import { scaleSpec, shareFromTyped, type ScoreSettings } from '../../core/scale';
import { CellProblem, asShare, finish, guard, isRange, message, readBandArg, readLang, readNumber, readScaleArg, shareScale, toGrid } from './args';
import { M, text } from './messages';

function okrGrade(score: unknown, language?: unknown, redBelow?: unknown, greenFrom?: unknown, scale?: unknown): unknown {
  const FN = 'OKRGRADE';
  const lang = readLang(FN, language, 'en');
  // red above green: the default bands, as for the Settings rows (scale.ts gradeBands)
  const red = readBandArg(FN, 'red_below', redBelow);
  const green = readBandArg(FN, 'green_from', greenFrom);
  const given = readScaleArg(FN, scale);
  const g = toGrid(score);
  const nums = g.map((r) => r.map((v) => readNumber(v)));
  // without a scale: 0.7 or 70 (the percent rule of every share argument); 70 is then graded as
  // the 0-100 Score cell shows it (67 stays 67, yellow), 0.67 as the 0-1 cell does (0.7, green)
  const divisor = given ? 1 : shareScale(FN, M.scores, nums.flat());
  const spec = scaleSpec(given ?? (divisor === 100 ? '0-100' : '0-1'));
  const settings: ScoreSettings = { scoreScale: spec.scale, gradeRedBelow: red, gradeGreenFrom: green };
  const out = g.map((r, i) =>
    r.map((v, j) => {
      const n = nums[i]![j];
      if (n === null) return '';
      if (n === undefined) return new CellProblem(message(FN, M.notNumber, { what: 'score', whatZh: '得分', text: text(v) }));
      const share = given ? shareFromTyped(n.value, spec) : asShare(n, divisor);
      return GRADE_LABELS[grade(share, settings)][lang];
    }),
  );
  return finish(isRange(score), out);
}


/**
 * Grade band of scores as shown (0.67 shows 0.7; 67 shows 67): below 0.4 red, from 0.7 green, yellow between (Google's convention), or the bands given.
 *
 * @param {number[][]} score A score or a range of scores (0.7 or 70; text such as "70%" typed as text is no score, as in the sheet).
 * @param {string} language Optional. "en" (default) or "zh-CN" (中文) for the label.
 * @param {number} red_below Optional. Red below this share (0.4 or 40).
 * @param {number} green_from Optional. Green from this share (0.7 or 70).
 * @param {string} scale Optional. "0-1", "0-100" or "%"; left out, scores up to 1 are 0–1, else 0–100.
 * @return {string[][]} The grade label per score, e.g. "Green (delivered)" or "绿（达成）".
 * @customfunction
 */
export function OKRGRADE(score: unknown, language?: unknown, red_below?: unknown, green_from?: unknown, scale?: unknown): unknown {
  return guard('OKRGRADE', () => okrGrade(score, language, red_below, green_from, scale));
}
