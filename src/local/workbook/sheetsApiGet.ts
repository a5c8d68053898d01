/**
 * `spreadsheets.get` with `ranges` naming whole sheets, on the in-memory workbook: what a
 * regeneration in place reads (src/sheets/batch/owned.ts OWNED_GET_FIELDS) — each named sheet's
 * properties (id, title, grid size), developer metadata (with ids), chart ids, conditional-format
 * ranges and its cells from A1 to the last one with content: `userEnteredValue` (formula, number,
 * text, boolean) and, for a date, `userEnteredFormat.numberFormat.type` DATE. As the API does, a
 * sheet not named in `ranges` is left out ("Limiting the range returns only the portions of the
 * spreadsheet that intersect the requested ranges",
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get), and a
 * range naming no sheet fails the request.
 */
import { isoToSerial } from '../../sheets/batch/requests';
import { toIsoDate } from '../../core/checkins';
import { fromSheetDate } from '../../sheets/dates';
import type { WorkbookCore } from './core';
import { LocalSheet } from './workbook';
import { dateToSerial } from './dates';

type Schema = GoogleAppsScript.Sheets.Schema.Spreadsheet;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;

/** The sheet name of an A1 range (`'Q4 review'!A1:B2`, `Sheet1`, `'It''s'`). */
function sheetOfRange(a1: string): string {
  const quoted = /^'((?:[^']|'')*)'(?:!.*)?$/.exec(a1);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  const bang = a1.indexOf('!');
  return bang >= 0 ? a1.slice(0, bang) : a1;
}

function cellOf(value: unknown, formula: string): CellData {
  if (formula) return { userEnteredValue: { formulaValue: formula } };
  if (value instanceof Date) {
    const iso = toIsoDate(fromSheetDate(value));
    return iso ? { userEnteredValue: { numberValue: isoToSerial(iso) }, userEnteredFormat: { numberFormat: { type: 'DATE' } } } : {};
  }
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  if (typeof value === 'boolean') return { userEnteredValue: { boolValue: value } };
  if (typeof value === 'string' && value !== '') return { userEnteredValue: { stringValue: value } };
  return {};
}

export function getOwnedSheets(wb: WorkbookCore, spreadsheetId: string, ranges: string[]): Schema {
  const sheets = ranges.map((a1) => {
    const name = sheetOfRange(a1).toLowerCase();
    const d = wb.sheets.find((s) => !s.deleted && s.name.toLowerCase() === name);
    if (!d) throw new Error(`Unable to parse range: ${a1}`);
    const sheet = new LocalSheet(wb, d);
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    let rowData: { values: CellData[] }[] = [];
    if (lastRow > 0 && lastCol > 0) {
      const r = sheet.getRange(1, 1, lastRow, lastCol);
      const formulas = r.getFormulas();
      rowData = r.getValues().map((row, i) => ({ values: row.map((v, j) => cellOf(v, formulas[i]?.[j] ?? '')) }));
    }
    return {
      properties: { sheetId: d.id, title: d.name, gridProperties: { rowCount: d.maxRows, columnCount: d.maxCols } },
      developerMetadata: wb.metadata.filter((m) => m.sheetId === d.id).map((m) => ({ metadataId: m.id, metadataKey: m.key, metadataValue: m.value ?? '' })),
      charts: d.charts.map((c) => ({ chartId: c.id ?? undefined })),
      conditionalFormats: sheet.getConditionalFormatRules().map((rule) => ({
        ranges: rule.getRanges().map((g) => ({
          sheetId: d.id, startRowIndex: g.getRow() - 1, endRowIndex: g.getRow() - 1 + g.getNumRows(), startColumnIndex: g.getColumn() - 1, endColumnIndex: g.getColumn() - 1 + g.getNumColumns(),
        })),
      })),
      data: [{ startRow: 0, startColumn: 0, rowData }],
    };
  });
  return { spreadsheetId, properties: { title: wb.name, locale: wb.locale, timeZone: wb.timeZone }, sheets };
}

/** The texts getValues gives for formula errors, as the API's ErrorType (src/sheets/batch/snapshotRead.ts maps them back). */
const ERROR_TYPE: Readonly<Record<string, string>> = {
  '#ERROR!': 'ERROR', '#NULL!': 'NULL_VALUE', '#DIV/0!': 'DIV_BY_ZERO', '#VALUE!': 'VALUE', '#REF!': 'REF',
  '#NAME?': 'NAME', '#NUM!': 'NUM', '#N/A': 'N_A',
};

/** One cell as the API gives it for the snapshot's field mask (what is not asked is left out). */
function snapshotCell(value: unknown, formula: string, shown: string, ask: { display: boolean; formula: boolean }): CellData {
  const out: CellData = {};
  if (value instanceof Date) {
    const serial = dateToSerial(value);
    out.effectiveValue = { numberValue: serial };
    out.effectiveFormat = { numberFormat: { type: Number.isInteger(serial) ? 'DATE' : 'DATE_TIME' } };
  } else if (typeof value === 'number') out.effectiveValue = { numberValue: value };
  else if (typeof value === 'boolean') out.effectiveValue = { boolValue: value };
  else if (typeof value === 'string' && value !== '') {
    const error = formula ? ERROR_TYPE[value] ?? (/^#[A-Z0-9/]+[!?]$/.test(value) ? 'ERROR' : undefined) : undefined;
    out.effectiveValue = error ? { errorValue: { type: error, message: value } } : { stringValue: value };
  }
  // a formula whose result is empty has no effectiveValue here (only its formula says it is content)
  if (formula && ask.formula) out.userEnteredValue = { formulaValue: formula };
  if (ask.display && (out.effectiveValue || formula)) out.formattedValue = shown;
  return out;
}

/** A row without its trailing empty cells, as the API sends it. */
function trimRow(cells: CellData[]): CellData[] {
  let n = cells.length;
  while (n > 0 && Object.keys(cells[n - 1]!).length === 0) n--;
  return cells.slice(0, n);
}

/**
 * `spreadsheets.get` for the workbook snapshot (src/sheets/batch/snapshotRead.ts): the
 * spreadsheet's title and time zone, each sheet's properties and metadata, and — when the mask
 * names `rowData` — each sheet's cells (every sheet without `ranges`, the named ones with them):
 * effectiveValue (a date as its serial with numberFormat type DATE / DATE_TIME, a formula's error
 * as errorValue), formattedValue and formulaValue when the mask names them. Trailing empty rows
 * and cells are left out as the API leaves them out; an empty sheet has a GridData without rowData.
 */
export function getForSnapshot(wb: WorkbookCore, spreadsheetId: string, args: { ranges?: string[]; fields?: string }): Schema {
  const fields = args.fields ?? '';
  const withData = /rowData/.test(fields);
  const ask = { display: /formattedValue/.test(fields), formula: /formulaValue/.test(fields) };
  const live = wb.sheets.filter((s) => !s.deleted);
  const chosen = args.ranges
    ? args.ranges.map((a1) => {
        const name = sheetOfRange(a1).toLowerCase();
        return live.find((s) => s.name.toLowerCase() === name) ?? (() => { throw new Error(`Unable to parse range: ${a1}`); })();
      })
    : live;
  const sheets = chosen.map((d) => {
    const out: GoogleAppsScript.Sheets.Schema.Sheet = {
      properties: { sheetId: d.id, title: d.name, index: live.indexOf(d) },
      developerMetadata: wb.metadata.filter((m) => m.sheetId === d.id).map((m) => ({ metadataKey: m.key, metadataValue: m.value ?? '' })),
    };
    if (!withData) return out;
    const sheet = new LocalSheet(wb, d);
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    if (lastRow === 0 || lastCol === 0) return { ...out, data: [{}] };
    const r = sheet.getRange(1, 1, lastRow, lastCol);
    const formulas = r.getFormulas();
    const shown = ask.display ? r.getDisplayValues() : [];
    const rows = r.getValues().map((row, i) => ({ values: trimRow(row.map((v, j) => snapshotCell(v, formulas[i]?.[j] ?? '', shown[i]?.[j] ?? '', ask))) }));
    while (rows.length > 0 && rows[rows.length - 1]!.values.length === 0) rows.pop();
    return { ...out, data: [{ rowData: rows.map((x) => (x.values.length ? x : {})) }] };
  });
  return { spreadsheetId, properties: { title: wb.name, locale: wb.locale, timeZone: wb.timeZone }, sheets };
}
