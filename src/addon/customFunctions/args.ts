/**
 * Argument handling shared by the custom functions. Sheets passes a single cell as a scalar and
 * a range as a 2-D array (rows of cells); numbers, strings, booleans, Dates, '' for blanks.
 * HyperFormula (src/local/hfPlugin.ts) is adapted to pass the same shapes.
 *
 * Error policy (documented in the README):
 * - a problem with the whole call (wrong shapes, mismatched sizes, no numbers at all, an unknown
 *   language) throws `CfError`; Sheets shows its message as the cell's error;
 * - a problem with one row of a range result (an unreadable number in row 7) becomes a short
 *   message in that row, so the other rows still compute; when the call was for one cell, the
 *   message is thrown instead.
 * Messages are bilingual (English / 中文): a custom function cannot know the viewer's language.
 */
import type { Lang, Localized } from '../../core/i18n';
import type { ScoreScale } from '../../core/model';
import { parseDate, parseNumber } from '../../core/numbers';
import { parseScoreScale } from '../../core/scale';
import { fromSheetDate, setSheetTimeZone, sheetTimeZone } from '../../sheets/dates';

export type Grid = unknown[][];

export class CfError extends Error {}

/** `FN: english / 中文`, with `{name}` placeholders filled in both. */
export function message(fn: string, msg: Localized, params: Record<string, string | number> = {}): string {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (w, k: string) => (k in params ? String(params[k]) : w));
  return `${fn}: ${fill(msg.en)} / ${fill(msg['zh-CN'])}`;
}

export function fail(fn: string, msg: Localized, params?: Record<string, string | number>): never {
  throw new CfError(message(fn, msg, params));
}

/** A per-cell problem, turned into text (range call) or thrown (single-cell call) at the end. */
export class CellProblem {
  constructor(readonly text: string) {}
}

export const isRange = (x: unknown): x is unknown[] => Array.isArray(x);

/** Any argument as rows of cells: scalar → 1×1, 1-D array → one row, 2-D stays. */
export function toGrid(x: unknown): Grid {
  if (!Array.isArray(x)) return [[x]];
  if (x.length === 0) return [];
  return x.every((r) => Array.isArray(r)) ? (x as Grid) : [x];
}

export const width = (g: Grid): number => g.reduce((w, r) => Math.max(w, r.length), 0);

export function flatten(g: Grid): unknown[] {
  const out: unknown[] = [];
  for (const r of g) for (const c of r) out.push(c);
  return out;
}

export const isBlank = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** An optional argument left out (or given as one blank cell). */
export const isOmitted = (v: unknown): boolean => v === undefined || (!Array.isArray(v) && isBlank(v));

export interface ReadNumber {
  value: number;
  /** a fraction whatever the percent rule says (false for every cell value: a number cell is a
   *  plain number, and text is not read — see readNumber) */
  percent: boolean;
}

/**
 * A number as the sheet's own formulas read it (issue 10, "one number"): a number cell is its
 * number; blank → null. Text is no number there (N() = 0, ISNUMBER() false), so text that reads
 * as a number (`500万`, `80%`, `¥10,000` typed as text) is null too — blank, exactly as the
 * sheet's Progress / Score formulas take it, never a second reading of the same cell (Check's
 * `number-as-text` reports that cell, and the sidebar converts it). Other text (`lots`) is
 * undefined: the caller says it is not a number. Booleans count only when `booleans` is set.
 */
export function readNumber(v: unknown, booleans = false): ReadNumber | null | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, percent: false } : undefined;
  if (isBlank(v)) return null;
  if (typeof v === 'boolean') return booleans ? { value: v ? 1 : 0, percent: false } : undefined;
  if (v instanceof Date || (typeof v === 'object' && v !== null)) return undefined;
  return parseNumber(v).ok ? null : undefined;
}

const SHARE_MSG: Localized = {
  en: '{what} must be fractions (0–1) or percentages (0–100); found {value}',
  'zh-CN': '{what}须为小数（0–1）或百分数（0–100），发现 {value}',
};

/**
 * The percent rule for shares (progress, scores, weights).
 * Of the plain numbers: when every one is ≤ 1 they are fractions; when some are above 1 and all
 * are ≤ 100 they are percentages (÷100); a number below 0 or above 100 is an error.
 * Returns the divisor for plain numbers (1 or 100).
 */
export function shareScale(fn: string, what: Localized, nums: readonly (ReadNumber | null | undefined)[]): number {
  let max = 0;
  for (const n of nums) {
    if (!n || n.percent) continue;
    if (n.value < 0 || n.value > 100) fail(fn, SHARE_MSG, { what: what.en, value: n.value });
    if (n.value > max) max = n.value;
  }
  return max > 1 ? 100 : 1;
}

export const asShare = (n: ReadNumber, scale: number): number => (n.percent ? n.value : n.value / scale);

const SHAPE_MSG: Localized = {
  en: '{name} must be one cell or the same size as {other} ({rows}×{cols}); it is {r}×{c}',
  'zh-CN': '{name}须为单个单元格，或与{other}大小相同（{rows}×{cols}），现为 {r}×{c}',
};

/**
 * An argument that is either one value (used for every cell) or a range of the same shape as
 * `rows × cols`. Returns a cell accessor.
 */
export function shaped(fn: string, name: string, other: string, arg: unknown, rows: number, cols: number): (r: number, c: number) => unknown {
  if (!Array.isArray(arg)) return () => arg;
  const g = toGrid(arg);
  const gw = width(g);
  if (g.length === 1 && gw === 1) {
    const v = g[0]![0];
    return () => v;
  }
  if (g.length !== rows || gw !== cols) fail(fn, SHAPE_MSG, { name, other, rows, cols, r: g.length, c: gw });
  return (r, c) => g[r]![c];
}

const LANG_MSG: Localized = {
  en: 'language must be "en" or "zh-CN" (got "{value}")',
  'zh-CN': '语言须为 "en" 或 "zh-CN"（收到 "{value}"）',
};

/** `en`, `English`, `英文` → en; `zh`, `zh-CN`, `zh_CN`, `cn`, `Chinese`, `中文` → zh-CN; blank → fallback. */
export function readLang(fn: string, v: unknown, fallback: Lang): Lang {
  if (isOmitted(v)) return fallback;
  const s = String(Array.isArray(v) ? toGrid(v)[0]?.[0] ?? '' : v).trim().toLowerCase().replace(/_/g, '-');
  if (!s) return fallback;
  if (/^(en|en-[a-z]+|english|英文|英语)$/.test(s)) return 'en';
  if (/^(zh|zh-[a-z]+|cn|chinese|中文|简体中文|汉语)$/.test(s)) return 'zh-CN';
  return fail(fn, LANG_MSG, { value: s });
}

const SCALE_MSG: Localized = {
  en: 'scale must be "0-1", "0-100" or "%" (got "{value}")',
  'zh-CN': '分制须为 "0-1"、"0-100" 或 "%"（收到 "{value}"）',
};

/** An optional one-value argument: a one-cell range counts as its cell (`Settings!B10`). */
const oneValue = (v: unknown): unknown => (Array.isArray(v) ? toGrid(v)[0]?.[0] : v);

/**
 * The optional score-scale argument, read as the Settings cell is (scale.ts parseScoreScale:
 * `0-1`, `0-100`, `100`, `百分制`, `%`, `percent`…); left out → null (the caller's default).
 */
export function readScaleArg(fn: string, v: unknown): ScoreScale | null {
  const x = oneValue(v);
  if (isOmitted(x)) return null;
  return parseScoreScale(x) ?? fail(fn, SCALE_MSG, { value: String(x).trim().slice(0, 20) });
}

/** An optional band argument (red_below, green_from) as a share by the percent rule of every
 *  share argument (0.4 or 40); left out → undefined (the default band). */
export function readBandArg(fn: string, name: string, v: unknown): number | undefined {
  const x = oneValue(v);
  if (isOmitted(x)) return undefined;
  const n = typeof x === 'number' ? x : NaN;
  if (!(n >= 0 && n <= 100)) fail(fn, SHARE_MSG, { what: name, value: String(x).trim().slice(0, 20) });
  return n > 1 ? n / 100 : n;
}

/** A date cell (Date, serial number, ISO or 2026/12/31 or 2026年12月31日 text) as ISO; null for blank; undefined if unreadable. */
export function readDate(v: unknown): string | null | undefined {
  if (isBlank(v)) return null;
  return parseDate(v) ?? undefined;
}

const hasDate = (x: unknown): boolean => x instanceof Date || (Array.isArray(x) && x.some(hasDate));

/** The spreadsheet's time zone (Apps Script only; custom functions may read the Spreadsheet service). */
function spreadsheetZone(): string | null {
  try {
    const app = (globalThis as { SpreadsheetApp?: { getActiveSpreadsheet(): { getSpreadsheetTimeZone(): string } | null } }).SpreadsheetApp;
    return app?.getActiveSpreadsheet()?.getSpreadsheetTimeZone() ?? null;
  } catch {
    return null;
  }
}

/**
 * A cell or range argument with its Date cells as the calendar date the spreadsheet shows.
 * Sheets passes a date cell as midnight in the SPREADSHEET's time zone, but `getDate()` runs in
 * the script's (appsscript.json), a day apart when the two differ (src/sheets/dates.ts). Only
 * when a Date is present is the zone read, once per execution; elsewhere (HyperFormula, tests)
 * there is none and the argument is returned as is.
 */
export function sheetDates(x: unknown): unknown {
  if (!hasDate(x)) return x;
  if (!sheetTimeZone()) setSheetTimeZone(spreadsheetZone());
  if (!sheetTimeZone()) return x;
  const map = (v: unknown): unknown => (v instanceof Date ? fromSheetDate(v) : Array.isArray(v) ? v.map(map) : v);
  return map(x);
}

/** Today's calendar date in the spreadsheet's time zone (Apps Script), else the runtime's. */
export function today(): string {
  if (!sheetTimeZone()) setSheetTimeZone(spreadsheetZone());
  const d = fromSheetDate(new Date());
  const p = (n: number) => (n < 10 ? '0' : '') + n;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * Final shape: a range call returns the grid (per-cell problems as their text); a single-cell
 * call returns the one value, or throws its problem.
 */
export function finish(wasRange: boolean, out: unknown[][]): unknown {
  if (!wasRange && out.length === 1 && out[0]!.length === 1) {
    const v = out[0]![0];
    if (v instanceof CellProblem) throw new CfError(v.text);
    return v;
  }
  for (const row of out) for (let c = 0; c < row.length; c++) if (row[c] instanceof CellProblem) row[c] = (row[c] as CellProblem).text;
  return out;
}

/** Runs a custom function body: CfError messages pass through; anything else becomes one short line. */
export function guard<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof CfError) throw new Error(e.message);
    const m = e instanceof Error ? e.message : String(e);
    throw new Error(`${fn}: ${m.split('\n')[0]}`);
  }
}
