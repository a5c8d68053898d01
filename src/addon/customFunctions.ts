/**
 * The custom functions (design §4). Each is a global function in Sheets: the build copies the
 * JSDoc below into dist/CustomFunctions.js, which is what Sheets' autocomplete reads. Bodies
 * live in ./customFunctions/impl.ts (pure; also registered in HyperFormula by
 * src/local/hfPlugin.ts). Parameter names are the names Sheets shows.
 *
 * All of them: ranges in, ranges out (one call for a whole column); deterministic; bad input →
 * a short bilingual message (thrown for a problem with the whole call, written into the row
 * for a problem with one row of a range). See README "Custom functions".
 */
import { guard } from './customFunctions/args';
import { krProgressFn, okrCheck, okrGrade, okrPace, okrRollup, okrScore } from './customFunctions/impl';
import { okrParse } from './customFunctions/parse';

/**
 * Weighted mean score (0–1) of a list of progress values, or the overall score of a whole OKR table.
 * Progress: fractions (0.7), percentages (70 or "70%") — if every number is at most 1 they are fractions, otherwise (all up to 100) percentages. Blanks and text are skipped. Chinese and English tables and text are understood.
 *
 * @param {number[][]} progress_or_table Progress values (a column or any range), or a whole OKR table including its header row (ID, Type, Objective / Key result… in English or Chinese, e.g. 编号, 类型, 目标 / 关键结果): then the score is the mean of the objective scores.
 * @param {number[][]} weights Optional. Weights of the same size as the progress range (0.3, 30 or "30%"); blank weights share what is left equally. Leave out for equal weights.
 * @return {number} The score, between 0 and 1.
 * @customfunction
 */
export function OKRSCORE(progress_or_table: unknown, weights?: unknown): number {
  return guard('OKRSCORE', () => okrScore(progress_or_table, weights));
}

/**
 * Progress (0–1) of key results, same shape as the input: =OKRSCORE(KRPROGRESS(D2:D9, C2:C9, B2:B9), E2:E9).
 * Increase / decrease: (current − start) / (target − start), clamped to 0–1; at least / at most: 1 while the limit holds; milestone: TRUE/1/100% = done, 0.7 or 70% = that share. Blank current = 0 (not started); a row with neither current nor target stays blank.
 *
 * @param {number[][]} current Current values (numbers, "80%", "5万", "¥10,000", TRUE for a done milestone).
 * @param {number[][]} target Target values: one cell for all rows, or a range the same size as current.
 * @param {number[][]} start Optional. Start (baseline) values; blank = 0. One cell or the same size as current.
 * @param {string[][]} type Optional. KR type per row in English or Chinese: Increase 提升, Decrease 降低, At least 不低于, At most 不高于, Milestone 里程碑 (Objective rows give a blank). Blank = Increase.
 * @return {number[][]} Progress per key result, between 0 and 1.
 * @customfunction
 */
export function KRPROGRESS(current: unknown, target: unknown, start?: unknown, type?: unknown): unknown {
  return guard('KRPROGRESS', () => krProgressFn(current, target, start, type));
}

/**
 * Grade band of scores: below 0.4 red, 0.4 to 0.69 yellow, 0.7 and above green (Google's convention).
 *
 * @param {number[][]} score A score or a range of scores (0.7, 70 or "70%").
 * @param {string} language Optional. "en" (default) or "zh-CN" (中文) for the label.
 * @return {string[][]} The grade label per score, e.g. "Green (delivered)" or "绿（达成）".
 * @customfunction
 */
export function OKRGRADE(score: unknown, language?: unknown): unknown {
  return guard('OKRGRADE', () => okrGrade(score, language));
}

/**
 * Pace status of progress against the share of the cycle elapsed: On track, At risk, Off track, Done or Not started (English or Chinese).
 * Without as_of it uses the date of evaluation; Sheets then recalculates only when an input changes, so give as_of (e.g. a cell with =TODAY()) to refresh daily.
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
  return guard('OKRPACE', () => okrPace(progress, cycle_start, cycle_end, as_of, language));
}

/**
 * Parses key-result sentences in Chinese or English, one result row per input row: kind, direction, start, target, unit, deadline.
 * Example: "将采购周期由 1.5 天缩短至 1 天" gives metric, decrease, 1.5, 1, 天. Percentages become fractions, 万/亿/k/M are applied, Chinese numerals count.
 *
 * @param {string[][]} text A key-result sentence or a column of them.
 * @param {string} language Optional. "en" or "zh-CN" for the kind and direction labels; default: the language of each sentence.
 * @return {string[][]} Per row: kind, direction, start, target, unit, deadline (ISO date).
 * @customfunction
 */
export function OKRPARSE(text: unknown, language?: unknown): unknown {
  return guard('OKRPARSE', () => okrParse(text, language));
}

/**
 * Checks an OKR table against the OKR rules (at most 5 objectives, 2–4 KRs each, measurable results not tasks, one owner, weights total 100%, …), one row per finding.
 *
 * @param {string[][]} table The whole OKR table including its header row (English or Chinese headers).
 * @param {string} language Optional. "en" or "zh-CN" for the messages; default: the table's language.
 * @return {string[][]} Per finding: cell (counted from the range's top-left cell as A1), rule id, severity, message.
 * @customfunction
 */
export function OKRCHECK(table: unknown, language?: unknown): unknown[][] {
  return guard('OKRCHECK', () => okrCheck(table, language));
}

/**
 * Rolled-up progress per id: each node's own progress combined with the weighted progress of the nodes aligned under it (half each when both exist). Alignment cycles are reported, not looped.
 *
 * @param {string[][]} ids Node ids (e.g. Sales/O1), one per row.
 * @param {string[][]} parent_ids The id each node aligns to (blank = top level), same size as ids.
 * @param {number[][]} progress Each node's own progress (0.6, 60 or "60%"; blank = none), same size as ids.
 * @param {number[][]} weights Optional. Weight of each node among its siblings; blank = equal.
 * @return {number[][]} Rolled-up progress per id, between 0 and 1.
 * @customfunction
 */
export function OKRROLLUP(ids: unknown, parent_ids: unknown, progress: unknown, weights?: unknown): unknown {
  return guard('OKRROLLUP', () => okrRollup(ids, parent_ids, progress, weights));
}
