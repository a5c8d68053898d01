/**
 * OKRSCORE: weighted mean score of progress values, or the score of a whole OKR table.
 * Pure (no Apps Script globals): the same code runs in Sheets, in HyperFormula
 * (src/local/hfPlugin.ts) and in tests. Each custom function has its own module so that, in the
 * lazily initialised Apps Script bundle, a call loads only what that function needs.
 */
import { DEFAULT_SETTINGS } from '../../core/model';
import { scoreTable } from '../../core/score';
import { objectiveProgress } from '../../core/progress';
import { scaleSpec } from '../../core/scale';
import { asShare, fail, flatten, guard, isOmitted, readNumber, readScaleArg, shareScale, sheetDates, toGrid, type ReadNumber } from './args';
import { M, text } from './messages';
import { looksLikeTable, readTable } from './tables';


/**
 * The score as a share, times the scale's factor: the number the sheet's Overall score / an
 * objective's Score cell holds in that scale (not rounded, as those cells are not; their number
 * format rounds the display). Self-scores in a table are read in the same scale.
 */
function okrScore(progressOrTable: unknown, weights?: unknown, scale?: unknown): number {
  const FN = 'OKRSCORE';
  const spec = scaleSpec(readScaleArg(FN, scale) ?? '0-1');
  return okrShare(FN, progressOrTable, weights, spec.scale) * spec.factor;
}

function okrShare(FN: string, progressOrTable: unknown, weights: unknown, scoreScale: ReturnType<typeof scaleSpec>['scale']): number {
  const g = toGrid(progressOrTable);
  if (looksLikeTable(g)) {
    if (!isOmitted(weights)) fail(FN, M.tableWeights);
    return scoreTable(readTable(FN, g, true).table, null, { ...DEFAULT_SETTINGS, scoreScale }).overall;
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
 * Weighted mean score of a list of progress values, or the overall score of a whole OKR table, in a score scale (0–1 by default).
 * Progress: fractions (0.7) or, when some number is above 1, percentages (70). Blanks and text are skipped, as by the sheet's formulas.
 *
 * @param {number[][]} progress_or_table Progress values, or a whole OKR table with its header row (English or Chinese): then the mean of the objective scores.
 * @param {number[][]} weights Optional. Weights, same size as progress (0.3 or 30); blanks share what is left.
 * @param {string} scale Optional. "0-1" (default), "0-100" (分) or "%" (a share); a table's self-scores are typed in it.
 * @return {number} The score in the scale.
 * @customfunction
 */
export function OKRSCORE(progress_or_table: unknown, weights?: unknown, scale?: unknown): number {
  return guard('OKRSCORE', () => okrScore(sheetDates(progress_or_table), weights, scale));
}
