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
  return { spreadsheetId, sheets };
}
