/**
 * OKRPACE: pace status of progress against the share of the cycle elapsed.
 * Pure (no Apps Script globals): the same code runs in Sheets, in HyperFormula
 * (src/local/hfPlugin.ts) and in tests. Each custom function has its own module so that, in the
 * lazily initialised Apps Script bundle, a call loads only what that function needs.
 */
import { STATUS_LABELS } from '../../core/labels';
import { cycleDates, paceStatus } from '../../core/pace';
import {
  CellProblem, asShare, fail, finish, guard, isOmitted, isRange, message, readDate, readLang, readNumber, shaped,
  shareScale, sheetDates, toGrid, today, width,
} from './args';
import { M, text } from './messages';


function okrPace(progress: unknown, cycleStart: unknown, cycleEnd: unknown, asOf?: unknown, language?: unknown): unknown {
  const FN = 'OKRPACE';
  const lang = readLang(FN, language, 'en');
  const g = toGrid(progress);
  const rows = g.length, cols = width(g);
  if (!rows || !cols) fail(FN, M.empty);
  const cs = shaped(FN, 'cycle_start', 'progress', cycleStart, rows, cols);
  const ce = isOmitted(cycleEnd) ? () => null : shaped(FN, 'cycle_end', 'progress', cycleEnd, rows, cols);
  const todayIso = isOmitted(asOf) ? today() : null;
  const ao = todayIso ? () => todayIso : shaped(FN, 'as_of', 'progress', asOf, rows, cols);
  const nums = g.map((r) => r.map((v) => readNumber(v)));
  const scale = shareScale(FN, M.progress, nums.flat());

  const dates = (r: number, c: number): { start: string; end: string; asOf: string } | CellProblem => {
    const sv = cs(r, c), ev = ce(r, c), av = ao(r, c);
    let start = readDate(sv), end = readDate(ev);
    if (start === undefined && (end === null || end === undefined) && typeof sv === 'string') {
      const cyc = cycleDates(sv); // a cycle name: 2026-Q4, 2026年第4季度, 2026-11
      if (cyc) ({ start, end } = cyc);
    }
    if (start === undefined) return new CellProblem(message(FN, M.badDate, { what: 'cycle_start', whatZh: '周期开始', text: text(sv) }));
    if (end === undefined) return new CellProblem(message(FN, M.badDate, { what: 'cycle_end', whatZh: '周期结束', text: text(ev) }));
    if (!start || !end) return new CellProblem(message(FN, M.noCycle));
    const a = readDate(av);
    if (!a) return new CellProblem(message(FN, M.badDate, { what: 'as_of', whatZh: '统计日期', text: text(av) }));
    return { start, end, asOf: a };
  };

  const out = g.map((r, i) =>
    r.map((v, j) => {
      const n = nums[i]![j];
      if (n === undefined) return new CellProblem(message(FN, M.notNumber, { what: 'progress', whatZh: '进度', text: text(v) }));
      const d = dates(i, j);
      if (d instanceof CellProblem) return d;
      return STATUS_LABELS[paceStatus(n === null ? null : asShare(n, scale), d.start, d.end, d.asOf)][lang];
    }),
  );
  return finish(isRange(progress), out);
}


/**
 * Pace status of progress against the share of the cycle elapsed: On track, At risk, Off track, Done or Not started (English or Chinese).
 * Give as_of (a cell holding =TODAY()) to refresh daily: without it Sheets recalculates only when an input changes.
 *
 * @param {number[][]} progress Progress values (0.45, 45 or "45%"), a cell or a range; blank = not started.
 * @param {Date} cycle_start Cycle start date (or a cycle name such as 2026-Q4 or 2026年第4季度, with cycle_end left blank).
 * @param {Date} cycle_end Cycle end date.
 * @param {Date} as_of Optional. The date to measure at; default: the day of evaluation.
 * @param {string} language Optional. "en" (default) or "zh-CN" (中文).
 * @return {string[][]} The status label per progress value.
 * @customfunction
 */
export function OKRPACE(progress: unknown, cycle_start: unknown, cycle_end: unknown, as_of?: unknown, language?: unknown): unknown {
  return guard('OKRPACE', () => okrPace(progress, sheetDates(cycle_start), sheetDates(cycle_end), sheetDates(as_of), language));
}
