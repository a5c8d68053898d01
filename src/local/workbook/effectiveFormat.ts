/**
 * `spreadsheets.get` with `ranges` on the in-memory workbook, for the one field Run diagnostics
 * reads: `sheets.data.rowData.values.effectiveFormat.backgroundColor` — the colour a cell shows,
 * which the Sheets API documents as including "the results of applying any conditional
 * formatting" (CellData.effectiveFormat,
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/cells#CellData).
 *
 * The colour is the cell's own background, overridden by the first conditional-format rule of
 * its sheet whose range holds the cell and whose condition is true (rule order = priority).
 * Conditions evaluated here: custom formulas (by the formula engine, their relative references
 * moved from the rule's first cell to the cell, as Sheets reads them), "text is exactly" and the
 * number comparisons. A cell under a rule this module cannot evaluate (another condition) makes
 * the request fail: "unknown" is never answered as "not coloured". As the API does, a cell in the
 * default format (here: no background) has no effectiveFormat.
 */
import type { WorkbookCore, SheetData } from './core';
import { cellKey } from './core';
import { parseA1, resolveA1, type Rect } from './a1';
import type { LocalConditionalFormatRule } from './builders';

type Schema = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type Color = GoogleAppsScript.Sheets.Schema.Color;

/** '#rrggbb' → the API's 0–1 colour (white, the default, is left out as the API leaves defaults out). */
function color(hex: string | null | undefined): Color | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return null;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((x) => parseInt(x, 16) / 255);
  return r === 1 && g === 1 && b === 1 ? null : { red: r, green: g, blue: b };
}

/** A cell reference outside string literals: not part of a name, not a function (LOG10( …). */
const REF = /(^|[^A-Za-z0-9_$.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g;
const colNum = (letters: string) => letters.toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
function colLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The formula as it reads in a cell `dr` rows and `dc` columns from the rule's first cell. */
export function shiftRelativeRefs(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (_, pre: string, dCol: string, col: string, dRow: string, row: string) =>
            `${pre}${dCol}${dCol ? col : colLetters(colNum(col) + dc)}${dRow}${dRow ? row : Number(row) + dr}`,
          ),
    )
    .join('');
}

/** true / false when the rule's condition is decided for the cell; null when not evaluable here. */
function ruleHolds(wb: WorkbookCore, s: SheetData, rule: LocalConditionalFormatRule, first: Rect, row: number, col: number): boolean | null {
  const d = rule._d;
  const value = wb.hf.getCellValue({ sheet: s.hfId, row: row - 1, col: col - 1 });
  const n = typeof value === 'number' ? value : null;
  const [a, b] = d.args as number[];
  switch (d.criteria) {
    case 'CUSTOM_FORMULA': {
      const formula = shiftRelativeRefs(String(d.args[0] ?? ''), row - first.row, col - first.col);
      // a formula that does not parse or evaluates to an error colours nothing, as in Sheets
      let v: unknown;
      try {
        v = wb.hf.calculateFormula(formula, s.hfId);
      } catch {
        return false;
      }
      return v === true || (typeof v === 'number' && v !== 0);
    }
    case 'TEXT_EQUAL_TO': return typeof value === 'string' && value === String(d.args[0]);
    case 'NUMBER_BETWEEN': return n !== null && n >= Math.min(a!, b!) && n <= Math.max(a!, b!);
    case 'NUMBER_LESS_THAN': return n !== null && n < a!;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return n !== null && n <= a!;
    case 'NUMBER_GREATER_THAN': return n !== null && n > a!;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return n !== null && n >= a!;
    default: return null;
  }
}

function effectiveBackground(wb: WorkbookCore, s: SheetData, row: number, col: number): { known: boolean; color: Color | null } {
  for (const rule of s.cf) {
    const r = rule._d.ranges.find((x) => x._s === s && row >= x._r.row && row < x._r.row + x._r.numRows && col >= x._r.col && col < x._r.col + x._r.numCols);
    if (!r) continue;
    const first = rule._d.ranges[0]!._r;
    const holds = ruleHolds(wb, s, rule, first, row, col);
    if (holds === null) return { known: false, color: null };
    if (holds && rule._d.background) return { known: true, color: color(rule._d.background) };
  }
  return { known: true, color: color(s.fmt.get(cellKey(row, col))?.background) };
}

/** The grid data of `ranges` ('Sheet'!A1:B2) with each cell's effective background colour. */
export function effectiveFormatGrid(wb: WorkbookCore, spreadsheetId: string, ranges: string[]): Schema {
  const sheets = ranges.map((a1) => {
    const p = parseA1(a1);
    const s = wb.sheets.find((x) => !x.deleted && x.name.toLowerCase() === (p.sheet ?? '').toLowerCase());
    if (!s) throw new Error(`Unable to parse range: ${a1}`);
    const rect = resolveA1(p, s.maxRows, s.maxCols);
    const rowData = Array.from({ length: rect.numRows }, (_, i) => ({
      values: Array.from({ length: rect.numCols }, (_, j) => {
        const bg = effectiveBackground(wb, s, rect.row + i, rect.col + j);
        if (!bg.known) throw new Error(`effectiveFormat of ${a1}: a conditional format the in-memory workbook cannot evaluate`);
        return bg.color ? { effectiveFormat: { backgroundColor: bg.color } } : {};
      }),
    }));
    return { properties: { sheetId: s.id, title: s.name }, data: [{ startRow: rect.row - 1, startColumn: rect.col - 1, rowData }] };
  });
  return { spreadsheetId, sheets };
}
