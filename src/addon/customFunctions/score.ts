/**
 * OKRSCORE: weighted mean score of progress values, or the score of a whole OKR table.
 * Pure (no Apps Script globals): the same code runs in Sheets, in HyperFormula
 * (src/local/hfPlugin.ts) and in tests. Each custom function has its own module so that, in the
 * lazily initialised Apps Script bundle, a call loads only what that function needs.
 */
import { scoreTable } from '../../core/score';
import { objectiveProgress } from '../../core/progress';
import { asShare, fail, flatten, guard, isOmitted, readNumber, shareScale, sheetDates, toGrid, type ReadNumber } from './args';
import { M, text } from './messages';
import { looksLikeTable, readTable } from './tables';


function okrScore(progressOrTable: unknown, weights?: unknown): number {
  const FN = 'OKRSCORE';
  const g = toGrid(progressOrTable);
  if (looksLikeTable(g)) {
    if (!isOmitted(weights)) fail(FN, M.tableWeights);
    return scoreTable(readTable(FN, g, true).table).overall;
  }
  const cells = flatten(g);
  let wcells: unknown[] | null = null;
  if (!isOmitted(weights)) {
    wcells = flatten(toGrid(weights));
    if (wcells.length !== cells.length) fail(FN, M.weightsSize, { n: cells.length, m: wcells.length });
  }
  const ps: ReadNumber[] = [];
  const ws: (ReadNumber | null)[] = [];
  for (let i = 0; i < cells.length; i++) {
    const p = readNumber(cells[i]);
    if (!p) continue; // blanks and text are skipped
    ps.push(p);
    if (wcells) {
      const w = readNumber(wcells[i]);
      if (w === undefined) fail(FN, M.weightNotNumber, { text: text(wcells[i]) });
      ws.push(w);
    } else ws.push(null);
  }
  if (!ps.length) fail(FN, M.noNumbers);
  const pScale = shareScale(FN, M.progress, ps);
  const wScale = shareScale(FN, M.weights, ws);
  return objectiveProgress(ps.map((p, i) => ({ progress: asShare(p, pScale), weight: ws[i] ? asShare(ws[i]!, wScale) : null })));
}


/**
 * Weighted mean score (0–1) of a list of progress values, or the overall score of a whole OKR table.
 * Progress: fractions (0.7) or percentages (70) — if every number is at most 1 they are fractions, otherwise (all up to 100) percentages. Blanks and text (even "70%" typed as text) are skipped, as by the sheet's formulas. Chinese and English tables and text are understood.
 *
 * @param {number[][]} progress_or_table Progress values (a column or any range), or a whole OKR table including its header row (ID, Type, Objective / Key result… in English or Chinese, e.g. 编号, 类型, 目标 / 关键结果): then the score is the mean of the objective scores.
 * @param {number[][]} weights Optional. Weights of the same size as the progress range (0.3 or 30); blank weights (and text)  share what is left equally. Leave out for equal weights.
 * @return {number} The score, between 0 and 1.
 * @customfunction
 */
export function OKRSCORE(progress_or_table: unknown, weights?: unknown): number {
  return guard('OKRSCORE', () => okrScore(sheetDates(progress_or_table), weights));
}
