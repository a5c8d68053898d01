/**
 * The workbook snapshot read through the advanced Sheets service (issue 16 §5): one
 * `spreadsheets.get` when every sheet is read, two when only some are (the first learns the
 * sheets and their role metadata, the second reads the chosen ones) — instead of one finder call
 * plus ≈ 7 SpreadsheetApp calls per sheet (src/sheets/snapshot.ts, which stays the fallback and
 * the reference: both paths must give the same snapshot, test/sheets/snapshot-api*.test.ts).
 *
 * Field meanings (Sheets API v4 reference, CellData / ExtendedValue / NumberFormat:
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/cells#CellData):
 * - `effectiveValue`: for a formula cell the computed value, else what was entered; a date is a
 *   number (serial day from 1899-12-30) whose `effectiveFormat.numberFormat.type` is DATE,
 *   DATE_TIME or TIME. The day is read from the serial itself: no time zone is involved, unlike
 *   the Date objects of getValues (the day shown is the serial's integer part);
 * - `effectiveValue.errorValue`: a formula's error, turned into the text getValues returns
 *   (`#DIV/0!`; ErrorType: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/other#ErrorType);
 * - `formattedValue`: what the cell shows (getDisplayValues) — asked for only when wanted;
 * - `userEnteredValue.formulaValue`: the formula text. Always asked for: a formula whose result is
 *   empty still counts as content for getDataRange (the spare rows of a template end in such
 *   rows), and only the formula tells it apart from an empty cell.
 * A field mask that names `sheets.data` returns grid data ("If a field mask is set, the
 * includeGridData parameter is ignored", spreadsheets.get:
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get).
 * The API leaves out trailing empty rows and cells; the grid is padded back to the rectangle
 * getDataRange gives (A1 to the last row / column with content; A1 alone for an empty sheet).
 */
import { quotedSheet } from '../../core/plan/a1';
import { enUsFormulaLocale } from './locale';
import { toIsoDate } from '../../core/checkins';
import type { SheetRole } from '../../core/labels';
import { isSheetRole } from '../../core/labels';
import { OWNER_KEY } from '../../core/plan/types';
import type { SheetSnapshot } from '../../core/snapshot';
import type { SheetsApiLike } from './apply';

type Schema = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;

/** The cells of one read (see the module comment for why formulaValue is always there). */
function cellFields(display: boolean): string {
  return ['effectiveValue', 'userEnteredValue/formulaValue', 'effectiveFormat/numberFormat/type', ...(display ? ['formattedValue'] : [])].join(',');
}

/** The spreadsheet's title and zone, each sheet's title and its sheet-level metadata — and,
 *  with `display` given, every sheet's cells in the same get. */
export function snapshotMetaFields(display?: boolean): string {
  const data = display === undefined ? '' : `,data(startRow,startColumn,rowData(values(${cellFields(display)})))`;
  return `properties(title,timeZone,locale),sheets(properties(sheetId,title,index),developerMetadata(metadataKey,metadataValue)${data})`;
}

/** The grid fields of the read of named sheets (`ranges`). */
export function snapshotDataFields(display: boolean): string {
  return `sheets(properties(title),data(startRow,startColumn,rowData(values(${cellFields(display)}))))`;
}

/** The text getValues gives for each ErrorType. */
const ERROR_TEXT: Readonly<Record<string, string>> = {
  ERROR: '#ERROR!', NULL_VALUE: '#NULL!', DIV_BY_ZERO: '#DIV/0!', VALUE: '#VALUE!', REF: '#REF!',
  NAME: '#NAME?', NUM: '#NUM!', N_A: '#N/A', LOADING: '#LOADING',
};
const DATE_TYPES = new Set(['DATE', 'DATE_TIME', 'TIME']);


/** A cell's value as getValues (then src/sheets/snapshot.ts's ISO dates) gives it. */
export function cellValue(cell: CellData | undefined): unknown {
  const v = cell?.effectiveValue;
  if (!v) return '';
  if (typeof v.numberValue === 'number') {
    const type = cell?.effectiveFormat?.numberFormat?.type;
    if (type && DATE_TYPES.has(type)) {
      const day = new Date(Date.UTC(1899, 11, 30) + Math.floor(v.numberValue) * 86_400_000);
      return toIsoDate(new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate())) ?? '';
    }
    return v.numberValue;
  }
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (typeof v.stringValue === 'string') return v.stringValue;
  if (v.errorValue) return ERROR_TEXT[v.errorValue.type ?? 'ERROR'] ?? '#ERROR!';
  return '';
}

const hasContent = (c: CellData | undefined): boolean =>
  !!c && ((c.effectiveValue !== undefined && Object.keys(c.effectiveValue).length > 0) || !!c.userEnteredValue?.formulaValue);

/** A sheet's grid data as getDataRange's values (and display values / formulas when asked). */
export function gridOf(sheet: GoogleAppsScript.Sheets.Schema.Sheet | undefined, display: boolean, formulas: boolean): Pick<SheetSnapshot, 'values' | 'display' | 'formulas'> {
  const cells: (CellData | undefined)[][] = [];
  for (const g of sheet?.data ?? []) {
    const r0 = g.startRow ?? 0;
    const c0 = g.startColumn ?? 0;
    (g.rowData ?? []).forEach((row, i) => {
      const line = (cells[r0 + i] ??= []);
      (row.values ?? []).forEach((cell, j) => {
        line[c0 + j] = cell;
      });
    });
  }
  let rows = 1;
  let cols = 1;
  cells.forEach((line, r) => line?.forEach((c, j) => {
    if (!hasContent(c)) return;
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, j + 1);
  }));
  const grid = <T>(f: (c: CellData | undefined) => T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(cells[r]?.[c])));
  const out: Pick<SheetSnapshot, 'values' | 'display' | 'formulas'> = { values: grid(cellValue) };
  if (display) out.display = grid((c) => (hasContent(c) ? c?.formattedValue ?? '' : ''));
  if (formulas) out.formulas = grid((c) => c?.userEnteredValue?.formulaValue ?? '');
  return out;
}

/** Our role per sheet title: the first OWNER_KEY entry with a known role, as readSheetRoles. */
export function rolesOf(meta: Schema): Map<string, SheetRole> {
  const out = new Map<string, SheetRole>();
  for (const s of meta.sheets ?? []) {
    const name = s.properties?.title ?? '';
    for (const m of s.developerMetadata ?? []) {
      if (m.metadataKey !== OWNER_KEY) continue;
      const value = m.metadataValue ?? '';
      if (!out.has(name) && isSheetRole(value)) out.set(name, value);
    }
  }
  return out;
}

export interface ApiSnapshotRead {
  name: string;
  timeZone: string;
  sheets: SheetSnapshot[];
}

/**
 * The sheets of a snapshot through the API. `read(name, role)` says which sheets to read (the
 * same rule as the SpreadsheetApp path); when it reads them all, one get carries everything.
 * Throws on any API error (the caller falls back to SpreadsheetApp).
 */
export function readSnapshotViaApi(
  api: SheetsApiLike,
  spreadsheetId: string,
  opts: { display: boolean; formulas: boolean; readAll: boolean; read: (name: string, role: SheetRole | null) => boolean },
): ApiSnapshotRead {
  const data = snapshotDataFields(opts.display);
  const meta = api.get(spreadsheetId, { fields: snapshotMetaFields(opts.readAll ? opts.display : undefined) });
  // formula text comes back in the locale's syntax, perhaps; getFormulas' is en-US (./locale.ts)
  if (opts.formulas && !enUsFormulaLocale(meta.properties?.locale)) throw new Error(`formula text in locale ${meta.properties?.locale ?? '?'}: read through SpreadsheetApp`);
  const roles = rolesOf(meta);
  const titles = (meta.sheets ?? []).map((s) => s.properties?.title ?? '');
  const wanted = titles.filter((t) => opts.readAll || opts.read(t, roles.get(t) ?? null));
  let grids: Schema = meta;
  if (!opts.readAll && wanted.length > 0) grids = api.get(spreadsheetId, { ranges: wanted.map(quotedSheet), fields: data });
  const byTitle = new Map((grids.sheets ?? []).map((s) => [s.properties?.title ?? '', s] as const));
  const sheets = titles.map((name): SheetSnapshot => {
    const base: SheetSnapshot = { name, metaRole: roles.get(name) ?? null, values: [] };
    if (!wanted.includes(name)) return { ...base, skipped: true };
    return { ...base, ...gridOf(byTitle.get(name), opts.display, opts.formulas) };
  });
  const timeZone = meta.properties?.timeZone;
  if (!timeZone) throw new Error('spreadsheets.get returned no time zone');
  return { name: meta.properties?.title ?? '', timeZone, sheets };
}
