/**
 * The Trend cell of a KR row (issue 13 §3): the KR's logged values over time, read natively from
 * the Check-ins log so it keeps working without the add-on.
 *
 * - `trendFormula` (Google Sheets): a line SPARKLINE over the KR's log entries, oldest first.
 *   FILTER picks the rows whose KR ID is the row's ID and whose Sheet is this sheet (or blank:
 *   a log kept by hand with no Sheet column value belongs to every table, as in
 *   core/checkins.ts `entryBelongsTo`), SORT orders them by date (log order on ties, SORT is
 *   stable), INDEX(…,0,4) keeps the values. FILTER returns #N/A when nothing matches
 *   (https://support.google.com/docs/answer/3093197), so IFERROR turns "no rows" into a blank;
 *   SPARKLINE's data is "the range or array containing the data to plot", line is the default
 *   chart type and "color" sets the line's colour (https://support.google.com/docs/answer/3093289).
 * - `trendFallbackFormula` (engines without SPARKLINE: the xlsx export, LibreOffice,
 *   HyperFormula): the last change as text, "12 → 18" (one entry: "18"; none: blank), from
 *   criteria functions every engine evaluates alike (see its comment for what that costs).
 *
 * The log's layout is ours (buildCheckInsPlan: A Date, B Sheet / unit, C KR ID, D New value);
 * columns added later (Cycle) go after these, so the letters hold.
 */
import { quotedSheet } from './a1';
import type { Lang } from '../i18n';

export interface TrendFormulaParams {
  /** 1-based row of the KR in the OKR sheet. */
  row: number;
  /** The row's ID cell, e.g. `$A7` (same sheet). */
  idCell: string;
  /** The OKR sheet's own name, as the log's Sheet column names it. */
  sheetName: string;
  /** The Check-ins sheet's name. */
  checkinsSheet: string;
  /** The workbook's language (the trend shows numbers only; kept so both formulas share one shape). */
  lang: Lang;
  /** A header range (two cells wide: option, value) holding TREND_OPTIONS; absent = an array
   *  literal inline. SPARKLINE takes either (https://support.google.com/docs/answer/3093289). */
  options?: string;
}

/** Rows of the log the fallback scans (the Sheets formula reads open-ended ranges). Far beyond
 *  the 1,000 rows the Check-ins plan lays out, so appended rows count too. */
export const TREND_LOG_ROWS = 5000;

export const TREND_COLOR = '#1a73e8';

/** The line sparkline's options, as rows of (option, value). */
export const TREND_OPTIONS: readonly (readonly [string, string])[] = [['charttype', 'line'], ['color', TREND_COLOR]];

/** 'Check-ins' → `'Check-ins'!` (quotes doubled as A1 notation requires). */
const sheetPrefix = (name: string): string => `${quotedSheet(name)}!`;

/** A text constant in a formula: "…" with quotes doubled. */
function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The log's columns (ours, see buildCheckInsPlan). */
const LOG = { date: 'A', sheet: 'B', krId: 'C', value: 'D' } as const;

function logRange(p: TrendFormulaParams, key: keyof typeof LOG, lastRow: number | null): string {
  const c = LOG[key];
  return `${sheetPrefix(p.checkinsSheet)}$${c}$2:$${c}${lastRow === null ? '' : `$${lastRow}`}`;
}

/** Google Sheets: a line sparkline of the KR's logged values, oldest first; blank without any. */
export function trendFormula(p: TrendFormulaParams): string {
  const r = (k: keyof typeof LOG) => logRange(p, k, null);
  const id = p.idCell;
  const belongs = `(${r('sheet')}=${str(p.sheetName)})+(${r('sheet')}="")`;
  // the block Date … New value, so no array literal is needed; INDEX(…,0,4) keeps the values
  const block = `${sheetPrefix(p.checkinsSheet)}$${LOG.date}$2:$${LOG.value}`;
  const rows = `FILTER(${block},${r('krId')}=${id},${belongs},ISNUMBER(${r('value')}))`;
  const opts = p.options ?? `{${TREND_OPTIONS.map(([k, v]) => `"${k}","${v}"`).join(';')}}`;
  return `=IF(${id}="","",IFERROR(SPARKLINE(INDEX(SORT(${rows},1,TRUE),0,4),${opts}),""))`;
}

/**
 * Engines without SPARKLINE: "previous → latest" of the KR's logged values, by date.
 *
 * Criteria functions only (MAXIFS, SUMIFS, COUNTIFS): they skip text and blanks, need no array
 * evaluation (HyperFormula evaluates ROW(range) and MAX over an array expression differently
 * from Excel and LibreOffice), and stay fast on a long log. What that costs, said plainly:
 * entries logged on the same day show as their mean (core's "later row wins" needs a row
 * order these functions cannot see), and only entries naming this sheet count (HyperFormula's
 * criteria never match a blank cell; every entry the add-on writes names its sheet).
 */
export function trendFallbackFormula(p: TrendFormulaParams): string {
  const n = TREND_LOG_ROWS + 1;
  const [A, B, C, D] = (['date', 'sheet', 'krId', 'value'] as const).map((k) => logRange(p, k, n));
  const id = p.idCell;
  // this KR on this sheet with a number value (the criterion matches numbers only)
  const mine = `${C},${id},${B},${str(p.sheetName)},${D},">=-1E+300"`;
  const d1 = `MAXIFS(${A},${mine})`;
  const d2 = `MAXIFS(${A},${mine},${A},"<"&${d1})`;
  const valueOn = (date: string) => `ROUND(SUMIFS(${D},${mine},${A},${date})/COUNTIFS(${mine},${A},${date}),4)`;
  return (
    // nested IFs, not OR: a blank ID must not reach the criteria (HyperFormula: #VALUE!)
    // IFERROR: a workbook without the log (or a renamed one) shows a blank, never #REF!
    `=IFERROR(IF(${id}="","",IF(COUNTIFS(${mine})=0,"",` +
    `IF(${d2}=0,${valueOn(d1)}&"",${valueOn(d2)}&" → "&${valueOn(d1)}))),"")`
  );
}
