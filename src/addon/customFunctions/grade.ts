/**
 * OKRGRADE: grade band label of scores.
 * Pure (no Apps Script globals): the same code runs in Sheets, in HyperFormula
 * (src/local/hfPlugin.ts) and in tests. Each custom function has its own module so that, in the
 * lazily initialised Apps Script bundle, a call loads only what that function needs.
 */
import { GRADE_LABELS } from '../../core/labels';
import { grade } from '../../core/progress';
import { CellProblem, asShare, finish, guard, isRange, message, readLang, readNumber, shareScale, toGrid } from './args';
import { M, text } from './messages';


function okrGrade(score: unknown, language?: unknown): unknown {
  const FN = 'OKRGRADE';
  const lang = readLang(FN, language, 'en');
  const g = toGrid(score);
  const nums = g.map((r) => r.map((v) => readNumber(v)));
  const scale = shareScale(FN, M.scores, nums.flat());
  const out = g.map((r, i) =>
    r.map((v, j) => {
      const n = nums[i]![j];
      if (n === null) return '';
      if (n === undefined) return new CellProblem(message(FN, M.notNumber, { what: 'score', whatZh: '得分', text: text(v) }));
      return GRADE_LABELS[grade(asShare(n, scale))][lang];
    }),
  );
  return finish(isRange(score), out);
}


/**
 * Grade band of scores: below 0.4 red, 0.4 to 0.69 yellow, 0.7 and above green (Google's convention).
 *
 * @param {number[][]} score A score or a range of scores (0.7 or 70; text such as "70%" typed as text is no score, as in the sheet).
 * @param {string} language Optional. "en" (default) or "zh-CN" (中文) for the label.
 * @return {string[][]} The grade label per score, e.g. "Green (delivered)" or "绿（达成）".
 * @customfunction
 */
export function OKRGRADE(score: unknown, language?: unknown): unknown {
  return guard('OKRGRADE', () => okrGrade(score, language));
}
