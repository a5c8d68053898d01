/**
 * A sheet plan as Sheets API v4 `batchUpdate` requests (issue 16 §5): pure, no service calls.
 * Applied by ./apply.ts through the advanced Sheets service; the in-memory workbook interprets
 * exactly these request kinds (src/local/workbook/sheetsApi.ts).
 *
 * One new sheet is: addSheet (title, grid trimmed to the block, frozen rows), one updateCells per
 * slice of rows (values, formulas and formats of every cell), one setDataValidation per plan
 * validation, one addConditionalFormatRule per rule, one addProtectedRange (warning only) per
 * protection, one addNamedRange per name, one updateDimensionProperties per run of equal
 * non-default column widths, one createDeveloperMetadata per entry. What the SpreadsheetApp path
 * writes (src/sheets/applyPlan.ts) and this writes are the same workbook — test/sheets/batch.
 *
 * Request reference: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request
 */
import { parseRange } from '../../core/plan/a1';
import type { ConditionalFormatPlan, FormatPlan, PlanCell, SheetPlan, ValidationPlan } from '../../core/plan/types';
import { OWNER_KEY } from '../../core/plan/types';
import {
  AUTOMATIC_NUMBER_FORMAT, DEFAULT_WIDTH, META_KEY, TEXT_NUMBER_FORMAT, planBlockSize, planNumberFormats, renameInFormula,
} from '../applyPlan';

type Schema = GoogleAppsScript.Sheets.Schema.Request;
export type BatchRequest = Schema;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;
type CellFormat = GoogleAppsScript.Sheets.Schema.CellFormat;
type GridRange = GoogleAppsScript.Sheets.Schema.GridRange;
type Color = GoogleAppsScript.Sheets.Schema.Color;
type BooleanCondition = GoogleAppsScript.Sheets.Schema.BooleanCondition;

/**
 * Google recommends request bodies of at most 2 MB ("To speed up requests, we recommend a 2 MB
 * maximum payload": https://developers.google.com/workspace/sheets/api/limits). Bodies are cut
 * below that, and one updateCells carries at most this many bytes of rows.
 */
export const BODY_LIMIT_BYTES = 2_000_000;
const CELLS_SLICE_BYTES = 1_500_000;

/** The pattern a date cell gets when the plan gives it no number format (as the in-memory
 *  workbook's automatic date format, src/local/workbook/numberFormat.ts AUTO_DATE_FORMAT). */
export const DATE_PATTERN = 'yyyy-mm-dd';

export interface SheetTarget {
  /** The new sheet's id (unused in the spreadsheet). */
  sheetId: number;
  /** Its real name (after clashes are resolved). */
  title: string;
  /** Plan name (lower case) → the spreadsheet-wide named-range name. */
  names: Map<string, string>;
}

/** Days since 1899-12-30 for `YYYY-MM-DD`: Sheets' serial number of that day (time-zone free). */
export function isoToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** `#rrggbb` → the API's colour (0–1 channels). */
export function hexToColor(hex: string): Color {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  return { red: parseInt(m[1]!, 16) / 255, green: parseInt(m[2]!, 16) / 255, blue: parseInt(m[3]!, 16) / 255 };
}

export function grid(sheetId: number, a1: string): GridRange {
  const b = parseRange(a1);
  return { sheetId, startRowIndex: b.row1 - 1, endRowIndex: b.row2, startColumnIndex: b.col1 - 1, endColumnIndex: b.col2 };
}

/** All requests that create and fill one new sheet. */
export function planToBatchRequests(sp: SheetPlan, t: SheetTarget): BatchRequest[] {
  const { rows, cols, keepRows, keepCols } = planBlockSize(sp);
  const out: BatchRequest[] = [
    {
      addSheet: {
        properties: {
          sheetId: t.sheetId,
          title: t.title,
          gridProperties: { rowCount: keepRows, columnCount: keepCols, ...(sp.frozenRows > 0 ? { frozenRowCount: Math.min(sp.frozenRows, rows) } : {}) },
        },
      },
    },
  ];
  // names first, as on the SpreadsheetApp path: a taken name fails the (atomic) batch before any cell
  for (const n of sp.namedRanges) {
    out.push({ addNamedRange: { namedRange: { name: t.names.get(n.name.toLowerCase())!, range: grid(t.sheetId, n.range) } } });
  }
  out.push(...cellRequests(sp, t, rows, cols));
  out.push(...validationRequests(sp, t.sheetId));
  out.push(...conditionalFormatRequests(sp, t, 0));
  for (const p of sp.protections) {
    out.push({ addProtectedRange: { protectedRange: { range: grid(t.sheetId, p.range), warningOnly: true, ...(p.description ? { description: p.description } : {}) } } });
  }
  out.push(...widthRequests(sp, t.sheetId));
  out.push(...metadataRequests(sp, t.sheetId));
  return out;
}

/** One setDataValidation per plan validation (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#setdatavalidationrequest). */
export function validationRequests(sp: SheetPlan, sheetId: number): BatchRequest[] {
  return sp.validations.map((v) => ({ setDataValidation: { range: grid(sheetId, v.range), rule: validationRule(v) } }));
}

/**
 * One addConditionalFormatRule per plan rule, at `base + i` — after the `base` rules kept
 * before ours (a person's rules on a regenerated sheet stay first, as on the SpreadsheetApp path).
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#addconditionalformatrulerequest
 */
export function conditionalFormatRequests(sp: SheetPlan, t: SheetTarget, base: number): BatchRequest[] {
  const fix = (f: string) => renameInFormula(f, t.names);
  return sp.conditionalFormats.map((c, i) => ({ addConditionalFormatRule: { index: base + i, rule: conditionalRule(c, t.sheetId, fix) } }));
}

/** One updateDimensionProperties per run of equal non-default column widths. */
export function widthRequests(sp: SheetPlan, sheetId: number): BatchRequest[] {
  const out: BatchRequest[] = [];
  let c = 0;
  while (c < sp.columnWidths.length) {
    const w = sp.columnWidths[c]!;
    let n = 1;
    while (c + n < sp.columnWidths.length && sp.columnWidths[c + n] === w) n++;
    if (w !== DEFAULT_WIDTH) {
      out.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: c, endIndex: c + n },
          properties: { pixelSize: w },
          fields: 'pixelSize',
        },
      });
    }
    c += n;
  }
  return out;
}

/** The sheet's developer metadata as the SpreadsheetApp path writes it: the role on its own
 *  (searchable), everything else in one JSON entry. https://developers.google.com/workspace/sheets/api/guides/metadata */
export function metadataRequests(sp: SheetPlan, sheetId: number): BatchRequest[] {
  const { [OWNER_KEY]: role, ...rest } = sp.metadata;
  const out: BatchRequest[] = [];
  if (role !== undefined) out.push(sheetMetadata(sheetId, OWNER_KEY, role));
  if (Object.keys(rest).length > 0) out.push(sheetMetadata(sheetId, META_KEY, JSON.stringify(rest)));
  return out;
}

/** createDeveloperMetadata on a sheet, visible to every app of the document as SpreadsheetApp's
 *  addDeveloperMetadata(key, value) is (DOCUMENT visibility). */
export function sheetMetadata(sheetId: number, metadataKey: string, metadataValue: string): BatchRequest {
  return { createDeveloperMetadata: { developerMetadata: { metadataKey, metadataValue, location: { sheetId }, visibility: 'DOCUMENT' } } };
}

/** The block's cells as updateCells requests of at most CELLS_SLICE_BYTES of rows each. */
export function cellRequests(sp: SheetPlan, t: SheetTarget, rows: number, cols: number): BatchRequest[] {
  const nf = planNumberFormats(sp, rows, cols);
  const style = styleGrid(sp.formats, rows, cols);
  const out: BatchRequest[] = [];
  let slice: GoogleAppsScript.Sheets.Schema.RowData[] = [];
  let bytes = 0;
  let start = 0;
  const flush = (next: number) => {
    if (slice.length > 0) {
      out.push({ updateCells: { start: { sheetId: t.sheetId, rowIndex: start, columnIndex: 0 }, rows: slice, fields: 'userEnteredValue,userEnteredFormat' } });
    }
    slice = [];
    bytes = 0;
    start = next;
  };
  for (let r = 0; r < rows; r++) {
    const src = sp.values[r] ?? [];
    const values: CellData[] = [];
    for (let c = 0; c < cols; c++) {
      const cell: CellData = {};
      const v = cellValue(src[c] ?? null, t.names);
      if (v) cell.userEnteredValue = v;
      const format = cellFormat(nf?.[r]?.[c], style[r]![c]!, typeof src[c] === 'object' && src[c] !== null);
      if (format) cell.userEnteredFormat = format;
      values.push(cell);
    }
    const row = { values };
    const size = utf8Bytes(JSON.stringify(row));
    if (bytes + size > CELLS_SLICE_BYTES && slice.length > 0) flush(r);
    slice.push(row);
    bytes += size;
  }
  flush(rows);
  return out;
}

function cellValue(v: PlanCell, names: Map<string, string>): GoogleAppsScript.Sheets.Schema.ExtendedValue | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'object') return { numberValue: isoToSerial(v.date) };
  if (v.startsWith('=') && v.length > 1) return { formulaValue: renameInFormula(v, names) };
  // a string value is never parsed by the API (no '80%' → 0.8); a leading ' (our escape for
  // text that looks like a formula) is what the UI would hide, so it is dropped here
  return { stringValue: v.startsWith("'") ? v.slice(1) : v };
}

interface Style {
  bold?: boolean;
  background?: string;
  fontColor?: string;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

function styleGrid(formats: FormatPlan[], rows: number, cols: number): Style[][] {
  const g: Style[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ({})));
  for (const f of formats) {
    const b = parseRange(f.range);
    for (let r = b.row1; r <= b.row2; r++) {
      for (let c = b.col1; c <= b.col2; c++) {
        const s = g[r - 1]![c - 1]!;
        if (f.bold !== undefined) s.bold = f.bold;
        if (f.background !== undefined) s.background = f.background;
        if (f.fontColor !== undefined) s.fontColor = f.fontColor;
        if (f.horizontalAlignment !== undefined) s.align = f.horizontalAlignment;
        if (f.wrap !== undefined) s.wrap = f.wrap;
      }
    }
  }
  return g;
}

function cellFormat(numberFormat: string | undefined, s: Style, isDate: boolean): CellFormat | null {
  const f: CellFormat = {};
  const own = numberFormat && numberFormat !== AUTOMATIC_NUMBER_FORMAT ? numberFormat : undefined;
  if (isDate && !(own && isDatePattern(own))) {
    // setValues(Date) gives a cell without a date format one; a serial number needs it said
    f.numberFormat = { type: 'DATE', pattern: DATE_PATTERN };
  } else if (own) {
    f.numberFormat = { type: own === TEXT_NUMBER_FORMAT ? 'TEXT' : isDatePattern(own) ? 'DATE' : 'NUMBER', pattern: own };
  }
  if (s.background) f.backgroundColor = hexToColor(s.background);
  if (s.bold || s.fontColor) f.textFormat = { ...(s.bold ? { bold: true } : {}), ...(s.fontColor ? { foregroundColor: hexToColor(s.fontColor) } : {}) };
  if (s.align) f.horizontalAlignment = s.align.toUpperCase();
  if (s.wrap) f.wrapStrategy = 'WRAP';
  return Object.keys(f).length > 0 ? f : null;
}

function isDatePattern(p: string): boolean {
  return /[yd]/i.test(p.replace(/"[^"]*"/g, '')) && !/[0#]/.test(p);
}

function validationRule(v: ValidationPlan): GoogleAppsScript.Sheets.Schema.DataValidationRule {
  const rule = v.rule;
  const vals = (...xs: (string | number)[]) => xs.map((x) => ({ userEnteredValue: String(x) }));
  let condition: BooleanCondition;
  switch (rule.kind) {
    case 'list':
      condition = { type: 'ONE_OF_LIST', values: vals(...rule.values) };
      break;
    case 'checkbox':
      condition = { type: 'BOOLEAN' };
      break;
    case 'number':
      if (rule.min !== undefined && rule.max !== undefined) condition = { type: 'NUMBER_BETWEEN', values: vals(rule.min, rule.max) };
      else if (rule.min !== undefined) condition = { type: 'NUMBER_GREATER_THAN_EQ', values: vals(rule.min) };
      else if (rule.max !== undefined) condition = { type: 'NUMBER_LESS_THAN_EQ', values: vals(rule.max) };
      // the SpreadsheetApp path's "any number" (requireNumberBetween(-1e15, 1e15))
      else condition = { type: 'NUMBER_BETWEEN', values: vals(-1e15, 1e15) };
      break;
    case 'date':
      if (rule.min !== undefined && rule.max !== undefined) condition = { type: 'DATE_BETWEEN', values: vals(rule.min, rule.max) };
      else if (rule.min !== undefined) condition = { type: 'DATE_ON_OR_AFTER', values: vals(rule.min) };
      else if (rule.max !== undefined) condition = { type: 'DATE_ON_OR_BEFORE', values: vals(rule.max) };
      else condition = { type: 'DATE_IS_VALID' };
      break;
  }
  return { condition, strict: v.strict, showCustomUi: rule.kind === 'list', ...(v.helpText ? { inputMessage: v.helpText } : {}) };
}

function conditionalRule(c: ConditionalFormatPlan, sheetId: number, fix: (f: string) => string): GoogleAppsScript.Sheets.Schema.ConditionalFormatRule {
  const w = c.when;
  const vals = (...xs: (string | number)[]) => xs.map((x) => ({ userEnteredValue: String(x) }));
  let condition: BooleanCondition;
  switch (w.kind) {
    case 'textEq':
      condition = { type: 'TEXT_EQ', values: vals(w.value) };
      break;
    case 'numberBetween':
      condition = { type: 'NUMBER_BETWEEN', values: vals(w.min, w.max) };
      break;
    case 'numberLess':
      condition = { type: 'NUMBER_LESS', values: vals(w.value) };
      break;
    case 'numberGreaterEq':
      condition = { type: 'NUMBER_GREATER_THAN_EQ', values: vals(w.value) };
      break;
    case 'formula':
      condition = { type: 'CUSTOM_FORMULA', values: vals(fix(w.formula)) };
      break;
  }
  const format: CellFormat = {};
  if (c.background) format.backgroundColor = hexToColor(c.background);
  if (c.fontColor || c.bold) format.textFormat = { ...(c.fontColor ? { foregroundColor: hexToColor(c.fontColor) } : {}), ...(c.bold ? { bold: true } : {}) };
  return { ranges: [grid(sheetId, c.range)], booleanRule: { condition, format } };
}

/** UTF-8 length of a string (Apps Script has no Buffer / TextEncoder). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Requests cut into batchUpdate bodies of at most BODY_LIMIT_BYTES each, in order. Each body is
 * applied atomically; a plan that needs several bodies is applied body by body.
 */
export function splitIntoBodies(requests: BatchRequest[], limit = BODY_LIMIT_BYTES): BatchRequest[][] {
  const bodies: BatchRequest[][] = [];
  let cur: BatchRequest[] = [];
  let bytes = utf8Bytes('{"requests":[]}');
  for (const r of requests) {
    const size = utf8Bytes(JSON.stringify(r)) + 1;
    if (cur.length > 0 && bytes + size > limit) {
      bodies.push(cur);
      cur = [];
      bytes = utf8Bytes('{"requests":[]}');
    }
    cur.push(r);
    bytes += size;
  }
  if (cur.length > 0) bodies.push(cur);
  return bodies;
}

/** The JSON size of a batchUpdate body (what the bench reports). */
export function bodyBytes(requests: BatchRequest[]): number {
  return utf8Bytes(JSON.stringify({ requests }));
}
