/**
 * KRPROGRESS: per-KR progress, same shape as the input.
 * Pure (no Apps Script globals): the same code runs in Sheets, in HyperFormula
 * (src/local/hfPlugin.ts) and in tests. Each custom function has its own module so that, in the
 * lazily initialised Apps Script bundle, a call loads only what that function needs.
 */
import { ROW_TYPE_LABELS, matchLabel } from '../../core/labels';
import type { RowType } from '../../core/model';
import { krProgress } from '../../core/progress';
import { CellProblem, fail, finish, guard, isBlank, isOmitted, isRange, message, readNumber, shaped, toGrid, width } from './args';
import { M, text } from './messages';


const TYPE_KEYS: Record<string, RowType> = {
  increase: 'increase', decrease: 'decrease', atleast: 'atLeast', atmost: 'atMost', milestone: 'milestone', objective: 'objective',
};

/** A type cell → RowType; blank → increase (one formula serves both directions); undefined = unknown. */
export function readType(v: unknown): RowType | undefined {
  if (isBlank(v)) return 'increase';
  if (typeof v !== 'string') return undefined;
  return matchLabel(ROW_TYPE_LABELS, v) ?? TYPE_KEYS[v.replace(/[\s_-]+/g, '').toLowerCase()];
}

const NUM_WHAT = {
  current: { en: 'current', zh: '当前值' },
  target: { en: 'target', zh: '目标值' },
  start: { en: 'start', zh: '起始值' },
};

function krProgressFn(current: unknown, target: unknown, start?: unknown, type?: unknown): unknown {
  const FN = 'KRPROGRESS';
  const cur = toGrid(current);
  const rows = cur.length, cols = width(cur);
  if (!rows || !cols) fail(FN, M.empty);
  const tg = shaped(FN, 'target', 'current', target, rows, cols);
  const st = isOmitted(start) ? () => null : shaped(FN, 'start', 'current', start, rows, cols);
  const ty = isOmitted(type) ? () => null : shaped(FN, 'type', 'current', type, rows, cols);
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < cols; c++) {
      const rowType = readType(ty(r, c));
      if (rowType === undefined) {
        row.push(new CellProblem(message(FN, M.badType, { text: text(ty(r, c)) })));
        continue;
      }
      if (rowType === 'objective') {
        row.push('');
        continue;
      }
      const cv = cur[r]![c], tv = tg(r, c), sv = st(r, c);
      const cn = readNumber(cv, true), tn = readNumber(tv), sn = readNumber(sv);
      const bad = cn === undefined ? ['current', cv] : tn === undefined ? ['target', tv] : sn === undefined ? ['start', sv] : null;
      if (bad) {
        const w = NUM_WHAT[bad[0] as keyof typeof NUM_WHAT];
        row.push(new CellProblem(message(FN, M.notNumber, { what: w.en, whatZh: w.zh, text: text(bad[1]) })));
        continue;
      }
      // The sheet's Progress of a KR row (an ID and a KR type) is 0 until Current holds a number,
      // whatever else the row holds; only a row with nothing in it is no KR. So: a row that names
      // its KR type, or holds a start, target or current, is a KR (0 when not started); a row
      // with none of them (a spare row in the range) is blank, so OKRSCORE skips it.
      if (isBlank(cv) && isBlank(tv) && isBlank(sv) && isBlank(ty(r, c))) {
        row.push('');
        continue;
      }
      row.push(krProgress(rowType, sn?.value ?? null, tn?.value ?? null, cn?.value ?? null));
    }
    out.push(row);
  }
  return finish(isRange(current), out);
}


/**
 * Progress (0–1) of key results, same shape as the input: =OKRSCORE(KRPROGRESS(D2:D9, C2:C9, B2:B9), E2:E9).
 * Increase / decrease: (current − start) / (target − start), clamped to 0–1; at least / at most: 1 while the limit holds; milestone: TRUE = done. Blank current = 0 (not started), as the sheet's Progress shows it; a row with nothing in current, target, start and type is blank (no KR), so OKRSCORE skips it. Numbers typed as text ("500万") count as blank, as in the sheet's Progress formula.
 *
 * @param {number[][]} current Current values (numbers; TRUE or 1 for a done milestone). Text is no number, as in the sheet.
 * @param {number[][]} target Target values: one cell for all rows, or a range the same size as current.
 * @param {number[][]} start Optional. Start (baseline) values; blank = 0. One cell or the same size as current.
 * @param {string[][]} type Optional. KR type per row in English or Chinese: Increase 提升, Decrease 降低, At least 不低于, At most 不高于, Milestone 里程碑 (Objective rows give a blank). Blank = Increase.
 * @return {number[][]} Progress per key result, between 0 and 1.
 * @customfunction
 */
export function KRPROGRESS(current: unknown, target: unknown, start?: unknown, type?: unknown): unknown {
  return guard('KRPROGRESS', () => krProgressFn(current, target, start, type));
}
