/**
 * Regenerating a generated sheet (Review, Dashboard, Alignment map) in place through the Sheets
 * API (issue 16 §5): one `spreadsheets.get` of that sheet alone (its metadata, grid size,
 * charts, conditional-format ranges and the cells it holds) and one `batchUpdate` — instead of
 * ≈ 80 SpreadsheetApp calls. The same decisions as `writeOwnedSheet` (src/sheets/ownedSheet.ts),
 * which is the fallback and the reference the tests compare with cell by cell:
 *
 * - only the block the previous generation recorded (`okrSheets.owned`) is cleared — values,
 *   formats and validations, never notes (`updateCells` with a `range`, no `rows`, and
 *   `fields: userEnteredValue,userEnteredFormat,dataValidation`: "If the data in rows does not
 *   cover the entire requested range, the fields matching those set in fields will be cleared",
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#updatecellsrequest);
 * - a taller block with content below it first gets rows inserted after the old block
 *   (`insertDimension`, https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#insertdimensionrequest),
 *   so a person's cells below move down;
 * - cells a person typed inside the old block, right of what the add-on wrote on that row, are
 *   written back (`keepUserCells`, the same core function);
 * - conditional-format rules touching the old block are ours and deleted
 *   (`deleteConditionalFormatRule`, highest index first); a person's rules stay first, ours follow;
 * - our role and meta entries are replaced (`deleteDeveloperMetadata` by id,
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#deletedevelopermetadatarequest);
 * - the add-on's chart (id in `okrSheets.chart`) is updated, or added when it is gone; the
 *   user's charts are never named in a request (./chart.ts).
 *
 * Not done here (null → SpreadsheetApp): a plan with named ranges or protections (no generated
 * plan has them), and a rewrite that needs more than one body — a body is atomic, two bodies are
 * not, and a half-rewritten sheet of the user's could not be put back as it was.
 */
import { toIsoDate } from '../../core/checkins';
import type { Lang } from '../../core/i18n';
import { escapeCellText } from '../../core/escape';
import { parseRange } from '../../core/plan/a1';
import type { ChartSpec } from '../../core/plan/dashboardSheet';
import { OWNED_CHART_KEY, OWNED_RANGE_KEY, OWNED_WIDTHS_KEY, decodeWidths, keepUserCells, planBlock } from '../../core/plan/owned';
import { OWNER_KEY, type PlanCell, type SheetPlan } from '../../core/plan/types';
import { META_KEY } from '../applyPlan';
import { addChartRequest, freeObjectId, updateChartRequests } from './chart';
import {
  cellRequests, conditionalFormatRequests, metadataRequests, sheetMetadata, splitIntoBodies, validationRequests, widthRequests,
  type BatchRequest,
} from './requests';


/**
 * What `spreadsheets.get` returns for the sheet being regenerated (with `ranges` = that sheet:
 * "Limiting the range returns only the portions of the spreadsheet that intersect the requested
 * ranges", https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get).
 * A field mask that names `data` returns grid data without includeGridData. Cells: what a person
 * typed (`userEnteredValue`) and whether a number is a date (its number-format type) — nothing else.
 */
export const OWNED_GET_FIELDS =
  'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),' +
  'developerMetadata(metadataId,metadataKey,metadataValue),charts(chartId),conditionalFormats(ranges),' +
  'data(startRow,startColumn,rowData(values(userEnteredValue,userEnteredFormat(numberFormat(type))))))';

export interface OwnedSheetState {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  metadata: { id: number; key: string; value: string }[];
  chartIds: number[];
  /** Per conditional-format rule (in order): the top-left cell (1-based) of each of its ranges. */
  ruleCorners: { row: number; col: number }[][];
  /** The cells as read, from A1 (rows and cells past the last non-empty one may be missing). */
  cells: GoogleAppsScript.Sheets.Schema.CellData[][];
}

/** The sheet's state from the `get` answer (the one sheet asked for). */
export function readOwnedState(answer: GoogleAppsScript.Sheets.Schema.Spreadsheet): OwnedSheetState | null {
  const s = answer.sheets?.[0];
  const p = s?.properties;
  if (!s || !p || typeof p.sheetId !== 'number') return null;
  const cells: GoogleAppsScript.Sheets.Schema.CellData[][] = [];
  for (const d of s.data ?? []) {
    const r0 = d.startRow ?? 0;
    const c0 = d.startColumn ?? 0;
    (d.rowData ?? []).forEach((row, i) => {
      const line = (cells[r0 + i] ??= []);
      (row.values ?? []).forEach((v, j) => (line[c0 + j] = v));
    });
  }
  return {
    sheetId: p.sheetId,
    title: p.title ?? '',
    rowCount: p.gridProperties?.rowCount ?? 1000,
    columnCount: p.gridProperties?.columnCount ?? 26,
    metadata: (s.developerMetadata ?? []).map((m) => ({ id: m.metadataId ?? -1, key: m.metadataKey ?? '', value: m.metadataValue ?? '' })),
    chartIds: (s.charts ?? []).map((c) => c.chartId).filter((x): x is number => typeof x === 'number'),
    ruleCorners: (s.conditionalFormats ?? []).map((r) => (r.ranges ?? []).map((g) => ({ row: (g.startRowIndex ?? 0) + 1, col: (g.startColumnIndex ?? 0) + 1 }))),
    cells,
  };
}

const hasValue = (c: GoogleAppsScript.Sheets.Schema.CellData | undefined) => {
  const v = c?.userEnteredValue;
  return !!v && (v.formulaValue !== undefined || v.numberValue !== undefined || v.boolValue !== undefined || (v.stringValue ?? '') !== '' || v.errorValue !== undefined);
};

/** What a cell holds, as it must be written back: the SpreadsheetApp path's `typedCells`. */
function typedCell(c: GoogleAppsScript.Sheets.Schema.CellData | undefined): PlanCell {
  const v = c?.userEnteredValue;
  if (!v) return null;
  if (v.formulaValue !== undefined) return v.formulaValue;
  if (v.numberValue !== undefined) {
    const type = c?.userEnteredFormat?.numberFormat?.type;
    return type === 'DATE' || type === 'DATE_TIME' ? { date: toIsoDate(v.numberValue) ?? '' } : v.numberValue;
  }
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.stringValue !== undefined) return v.stringValue === '' ? null : escapeCellText(v.stringValue);
  return null;
}

function metaJson(state: OwnedSheetState): Record<string, unknown> | null {
  const m = state.metadata.find((x) => x.key === META_KEY);
  if (!m) return null;
  try {
    const v = JSON.parse(m.value) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export interface OwnedRewrite {
  /** The plan as written (a person's cells inside the old block carried in). */
  plan: SheetPlan;
  requests: BatchRequest[];
}

/**
 * The requests that regenerate `state`'s sheet with `planned` (pure). `takenIds`: object ids in
 * use elsewhere (for a new chart's id). Null when the SpreadsheetApp path must do it.
 */
export function planOwnedRewrite(state: OwnedSheetState, planned: SheetPlan, lang: Lang, chart?: ChartSpec): OwnedRewrite | null {
  if (planned.namedRanges.length > 0 || planned.protections.length > 0) return null;
  const S = state.sheetId;
  const meta = metaJson(state);
  let lastRow = 0;
  let lastCol = 0;
  state.cells.forEach((row, r) => row?.forEach((c, col) => {
    if (hasValue(c)) {
      lastRow = Math.max(lastRow, r + 1);
      lastCol = Math.max(lastCol, col + 1);
    }
  }));
  // a sheet from before blocks were recorded: its used range was all ours
  let old = { rows: Math.max(1, lastRow), cols: Math.max(1, lastCol) };
  const a1 = meta?.[OWNED_RANGE_KEY];
  if (typeof a1 === 'string') {
    try {
      const b = parseRange(a1);
      old = { rows: b.row2, cols: b.col2 };
    } catch {
      /* damaged: the used range, as above */
    }
  }
  let plan = planned;
  const widths = decodeWidths(typeof meta?.[OWNED_WIDTHS_KEY] === 'string' ? (meta[OWNED_WIDTHS_KEY] as string) : undefined);
  if (widths) {
    const typed = Array.from({ length: old.rows }, (_, r) => Array.from({ length: old.cols }, (_, c) => typedCell(state.cells[r]?.[c])));
    plan = keepUserCells(plan, typed, widths, lang);
  }
  const next = planBlock(plan);
  const out: BatchRequest[] = [];

  // 1. clear the old block: values, formats, validations (notes stay: not in the mask)
  out.push({
    updateCells: {
      range: { sheetId: S, startRowIndex: 0, endRowIndex: old.rows, startColumnIndex: 0, endColumnIndex: old.cols },
      fields: 'userEnteredValue,userEnteredFormat,dataValidation',
    },
  });
  // 2. a taller block pushes what lies below it down
  let rowCount = state.rowCount;
  if (next.rows > old.rows && lastRow > old.rows) {
    out.push({ insertDimension: { range: { sheetId: S, dimension: 'ROWS', startIndex: old.rows, endIndex: next.rows }, inheritFromBefore: true } });
    rowCount += next.rows - old.rows;
  }
  // 3. our conditional-format rules go (highest index first, so the others keep theirs)
  const ours = state.ruleCorners.map((corners, i) => (corners.some((c) => c.row <= old.rows && c.col <= old.cols) ? i : -1)).filter((i) => i >= 0);
  for (const index of [...ours].reverse()) out.push({ deleteConditionalFormatRule: { sheetId: S, index } });
  const userRules = state.ruleCorners.length - ours.length;
  // 4. our role and meta entries are replaced below
  for (const m of state.metadata) if (m.key === OWNER_KEY || m.key === META_KEY) out.push(deleteMetadata(m.id));
  // 5. the grid grows to the block (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#appenddimensionrequest)
  if (next.rows > rowCount) out.push({ appendDimension: { sheetId: S, dimension: 'ROWS', length: next.rows - rowCount } });
  if (next.cols > state.columnCount) out.push({ appendDimension: { sheetId: S, dimension: 'COLUMNS', length: next.cols - state.columnCount } });
  // 6. the block, as on a new sheet
  const t = { sheetId: S, title: state.title, names: new Map<string, string>() };
  out.push(...cellRequests(plan, t, next.rows, next.cols));
  out.push(...validationRequests(plan, S));
  out.push(...conditionalFormatRequests(plan, t, userRules));
  if (plan.frozenRows > 0) {
    out.push({ updateSheetProperties: { properties: { sheetId: S, gridProperties: { frozenRowCount: Math.min(plan.frozenRows, next.rows) } }, fields: 'gridProperties.frozenRowCount' } });
  }
  out.push(...widthRequests(plan, S));
  out.push(...metadataRequests(plan, S));
  // 7. the add-on's chart
  if (chart) out.push(...chartRequests(chart, S, state.metadata, state.chartIds, state.chartIds.concat(S)));
  return { plan, requests: out };
}

function deleteMetadata(metadataId: number): BatchRequest {
  return { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } } };
}

/**
 * The chart requests for a sheet: update ours when it is still there, else add one and record its
 * id (the old record removed), as `placeChart` does.
 */
export function chartRequests(
  chart: ChartSpec, sheetId: number, metadata: OwnedSheetState['metadata'], chartIds: number[], takenIds: Iterable<number>,
): BatchRequest[] {
  const records = metadata.filter((m) => m.key === OWNED_CHART_KEY);
  const ourId = records[0] ? Number(records[0].value) : NaN;
  if (chartIds.includes(ourId)) return updateChartRequests(chart, sheetId, ourId);
  const id = freeObjectId(takenIds);
  return [addChartRequest(chart, sheetId, id), ...records.map((m) => deleteMetadata(m.id)), sheetMetadata(sheetId, OWNED_CHART_KEY, String(id))];
}

/** True when the requests fit one atomic body (else SpreadsheetApp rewrites the sheet). */
export function fitsOneBody(requests: BatchRequest[]): boolean {
  return splitIntoBodies(requests).length <= 1;
}
