/**
 * WorkbookPlan → .xlsx (exceljs). The offline twin of `src/sheets/applyPlan.ts`.
 *
 * - Formulas are written as formulas with no cached result and the workbook asks for a full
 *   calculation on load, so Excel, WPS and LibreOffice compute every value themselves.
 * - Functions newer than Excel 2007 get the `_xlfn.` prefix; SPARKLINE (Sheets only, the Bar
 *   column) becomes its data argument plus a data bar over those cells (number hidden).
 * - Validations, conditional formats, frozen header, widths, number formats and named ranges are
 *   native xlsx features. What xlsx cannot hold (sheet role, developer metadata, protection
 *   descriptions, the original SPARKLINE formulas) goes to the very hidden sheet `_okr_meta`.
 * - Protection: Sheets' "warning only" has no xlsx equivalent. By default (`protect: 'lock'`) the
 *   formula cells are locked and the sheet is protected WITHOUT a password, every other cell
 *   unlocked and formatting, sorting, inserting and deleting rows allowed: typing over a formula
 *   is stopped with Excel's/WPS's own message, and anyone who really means it removes the
 *   protection in one click (Review → Unprotect Sheet) — the closest to a warning xlsx offers,
 *   and it never locks anyone out. `protect: 'none'` leaves the sheet unprotected.
 */
import ExcelJS from 'exceljs';
import type {
  ConditionalFormatPlan,
  FormatPlan,
  PlanCell,
  PlanDate,
  SheetPlan,
  ValidationPlan,
  WorkbookPlan,
} from '../../core/plan/types';
import { unescapeCellText } from '../../core/escape';
import { compileShift, hasSparkline, replaceSparkline, toXlsxFormula } from './formula';
import { ARCHIVE_NOTE_KEY } from '../../core/cycle/nextCycle';
import { encodeMeta, LISTS_SHEET, META_MARK, META_SHEET, type SheetMeta, type SparklineRun } from './meta';
import { absoluteRef, cellAddress, closeRect, formatRect, parseRange, rectsFromCells, type Rect } from './range';

export interface ExportOptions {
  /** 'lock' (default): formula cells locked, sheet protected without password. 'none': no protection. */
  protect?: 'lock' | 'none';
}

/** Sentinels for number/date validations without a bound (xlsx needs both). */
export const NUM_MIN = -1e15;
export const NUM_MAX = 1e15;
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '9999-12-31';
export const DATA_BAR_COLOR = 'FF4285F4';
/** Excel's prompt limits. */
const PROMPT_MAX = 255;
const ERROR_MAX = 225;

export const isPlanDate = (v: unknown): v is PlanDate =>
  typeof v === 'object' && v !== null && typeof (v as PlanDate).date === 'string';

/** Pixels → Excel column width (characters of the default font: 7 px per digit + 5 px padding). */
export const pxToWidth = (px: number): number => Math.max(0, (px - 5) / 7);
export const widthToPx = (w: number): number => Math.round(w * 7 + 5);

/** `#rrggbb` / `#rgb` → `FFRRGGBB`; anything else → null (an invalid colour would make Excel repair the file). */
export function argbOrNull(hex: string | undefined): string | null {
  if (!hex) return null;
  let h = hex.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(h)) h = h.replace(/./g, (c) => c + c);
  return /^[0-9a-f]{6}$/i.test(h) ? 'FF' + h.toUpperCase() : null;
}
export const argb = (hex: string): string => argbOrNull(hex) ?? 'FF000000';

/** ISO date → the JS Date exceljs stores (UTC midnight, so the serial number has no time part). */
export function planDateToDate(d: PlanDate): Date {
  const [y, m, day] = d.date.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, day ?? 1));
}

/** The row up to which open-ended plan ranges (`D8:D`) are written. */
export function openRowFor(sheet: SheetPlan): number {
  return Math.max(sheet.values.length + 200, 300);
}
export function openColFor(sheet: SheetPlan): number {
  let width = Math.max(sheet.columnWidths.length, 1);
  for (const r of sheet.values) if (r && r.length > width) width = r.length;
  // past the widest row: a closed range ending on the open column would read back as open-ended
  // (the OKR sheet is exactly 26 columns wide since its Trend and helper columns)
  return Math.max(width + 1, 26);
}

function writeValue(cell: ExcelJS.Cell, v: PlanCell): void {
  if (v === null || v === undefined || v === '') return;
  if (isPlanDate(v)) {
    cell.value = planDateToDate(v);
    cell.numFmt = 'yyyy-mm-dd';
  } else if (typeof v === 'string') {
    if (v.startsWith('=') && v.length > 1) cell.value = { formula: toXlsxFormula(v) } as ExcelJS.CellFormulaValue;
    else cell.value = unescapeCellText(v);
  } else if (typeof v === 'number') {
    cell.value = Number.isFinite(v) ? v : null;
  } else if (typeof v === 'boolean') {
    cell.value = v;
  }
}

function forEachCell(r: Required<{ [K in keyof Rect]: number }>, fn: (row: number, col: number) => void): void {
  for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) fn(row, col);
}

function applyFormat(ws: ExcelJS.Worksheet, f: FormatPlan, openRow: number, openCol: number): void {
  const rect = parseRange(f.range);
  if (!rect) return;
  forEachCell(closeRect(rect, openRow, openCol), (row, col) => {
    const cell = ws.getCell(row, col);
    if (f.numberFormat !== undefined) cell.numFmt = f.numberFormat;
    if (f.bold !== undefined || f.fontColor !== undefined) {
      cell.font = {
        ...(cell.font ?? {}),
        ...(f.bold !== undefined ? { bold: f.bold } : {}),
        ...(argbOrNull(f.fontColor) ? { color: { argb: argb(f.fontColor!) } } : {}),
      };
    }
    if (argbOrNull(f.background)) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.background!) } };
    if (f.wrap !== undefined || f.horizontalAlignment) {
      cell.alignment = {
        ...(cell.alignment ?? {}),
        ...(f.wrap !== undefined ? { wrapText: f.wrap } : {}),
        ...(f.horizontalAlignment ? { horizontal: f.horizontalAlignment } : {}),
      };
    }
  });
}

/** A list literal Excel accepts: ≤ 255 characters, no commas or quotes inside values. */
function inlineList(values: string[]): string | null {
  if (values.some((v) => v.includes(',') || v.includes('"'))) return null;
  const text = `"${values.join(',')}"`;
  return text.length <= 255 ? text : null;
}

interface ListSink {
  add(values: string[]): string;
}

function validationModel(v: ValidationPlan, lists: ListSink): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: !!v.helpText,
    prompt: v.helpText ? v.helpText.slice(0, PROMPT_MAX) : undefined,
    showErrorMessage: true,
    errorStyle: v.strict ? 'stop' : 'warning',
    error: v.helpText ? v.helpText.slice(0, ERROR_MAX) : undefined,
  } as const;
  const r = v.rule;
  switch (r.kind) {
    case 'list':
      return { ...common, type: 'list', formulae: [inlineList(r.values) ?? lists.add(r.values)] };
    case 'checkbox':
      return { ...common, type: 'list', formulae: ['"TRUE,FALSE"'] };
    case 'number': {
      if (r.min !== undefined && r.max !== undefined)
        return { ...common, type: 'decimal', operator: 'between', formulae: [r.min, r.max] };
      if (r.min !== undefined) return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [r.min] };
      if (r.max !== undefined) return { ...common, type: 'decimal', operator: 'lessThanOrEqual', formulae: [r.max] };
      return { ...common, type: 'decimal', operator: 'between', formulae: [NUM_MIN, NUM_MAX] };
    }
    case 'date': {
      const d = (iso: string) => planDateToDate({ date: iso });
      if (r.min !== undefined && r.max !== undefined)
        return { ...common, type: 'date', operator: 'between', formulae: [d(r.min), d(r.max)] };
      if (r.min !== undefined) return { ...common, type: 'date', operator: 'greaterThanOrEqual', formulae: [d(r.min)] };
      if (r.max !== undefined) return { ...common, type: 'date', operator: 'lessThanOrEqual', formulae: [d(r.max)] };
      return { ...common, type: 'date', operator: 'between', formulae: [d(DATE_MIN), d(DATE_MAX)] };
    }
  }
}

function cfRule(cf: ConditionalFormatPlan): ExcelJS.ConditionalFormattingRule {
  const style: Partial<ExcelJS.Style> = {};
  if (argbOrNull(cf.background)) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.background!) } };
  if (cf.fontColor || cf.bold !== undefined)
    style.font = {
      ...(argbOrNull(cf.fontColor) ? { color: { argb: argb(cf.fontColor!) } } : {}),
      ...(cf.bold !== undefined ? { bold: cf.bold } : {}),
    };
  const w = cf.when;
  const base = { priority: 0, style } as const;
  switch (w.kind) {
    case 'textEq':
      return { ...base, type: 'cellIs', operator: 'equal', formulae: [`"${w.value.replace(/"/g, '""')}"`] };
    case 'numberBetween':
      return { ...base, type: 'cellIs', operator: 'between', formulae: [w.min, w.max] };
    case 'numberLess':
      return { ...base, type: 'cellIs', operator: 'lessThan', formulae: [w.value] };
    case 'numberGreaterEq':
      return { ...base, type: 'cellIs', operator: 'greaterThanOrEqual', formulae: [w.value] } as unknown as ExcelJS.ConditionalFormattingRule;
    case 'formula':
      return { ...base, type: 'expression', formulae: [toXlsxFormula(w.formula)] };
  }
}

/** Excel defined names: letters, digits, `_` and `.`, not starting with a digit, not a cell ref. */
function xlsxName(name: string, taken: Set<string>): string {
  let n = name.replace(/[^\p{L}\p{N}_.]/gu, '_');
  if (!/^[\p{L}_]/u.test(n) || /^[A-Za-z]{1,3}\d+$/.test(n) || /^[rRcC]\d*$/.test(n)) n = '_' + n;
  let out = n;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${n}_${i}`;
  taken.add(out.toLowerCase());
  return out;
}

/** Excel sheet names: ≤ 31 characters, none of : \\ / ? * [ ], unique (case-insensitive). */
export function xlsxSheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  base = base.slice(0, 31);
  let out = base;
  for (let i = 2; used.has(out.toLowerCase()); i++) out = `${base.slice(0, 31 - String(i).length - 3)} (${i})`;
  used.add(out.toLowerCase());
  return out;
}

function sparklineRuns(cells: Array<{ row: number; col: number; formula: string }>): SparklineRun[] {
  const runs: SparklineRun[] = [];
  let shift: ((dRow: number, dCol: number) => string) | null = null;
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && shift && last.col === c.col && last.r2 === c.row - 1 && shift(c.row - last.r1, 0) === c.formula) {
      last.r2 = c.row;
    } else {
      runs.push({ col: c.col, r1: c.row, r2: c.row, formula: c.formula });
      shift = compileShift(c.formula);
    }
  }
  return runs;
}

export async function exportXlsx(plan: WorkbookPlan, options: ExportOptions = {}): Promise<Buffer> {
  const protect = options.protect ?? 'lock';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OKR Sheets';
  wb.calcProperties = { fullCalcOnLoad: true };
  const metas: Array<[string, SheetMeta]> = [];
  const takenNames = new Set<string>();
  const listRows: string[][] = [];
  const lists: ListSink = {
    add(values) {
      listRows.push(values);
      const col = listRows.length;
      return absoluteRef(LISTS_SHEET, { r1: 1, c1: col, r2: Math.max(1, values.length), c2: col }, 1);
    },
  };

  const usedSheetNames = new Set<string>([META_SHEET.toLowerCase(), LISTS_SHEET.toLowerCase()]);
  plan.sheets.forEach((sheet, index) => {
    const xlsxSheet = xlsxSheetName(sheet.name, usedSheetNames);
    const ws = wb.addWorksheet(xlsxSheet, {
      views: sheet.frozenRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows }] : [{}],
    });
    const openRow = openRowFor(sheet);
    const openCol = openColFor(sheet);
    const meta: SheetMeta = {
      index,
      role: sheet.role,
      metadata: { ...sheet.metadata },
      protections: sheet.protections.map((p) => ({ ...p })),
      openRow,
      openCol,
      sparklines: [],
      dataBars: [],
      names: {},
      helpTexts: {},
      ...(xlsxSheet !== sheet.name ? { planName: sheet.name } : {}),
    };
    const locking = protect === 'lock' && sheet.protections.length > 0;

    // column widths first; when locking, every column starts unlocked (new rows stay editable)
    for (let c = 1; c <= Math.max(sheet.columnWidths.length, locking ? openCol : 0); c++) {
      const col = ws.getColumn(c);
      const px = sheet.columnWidths[c - 1];
      if (px !== undefined && px > 0) col.width = pxToWidth(px);
      if (locking) col.protection = { locked: false };
    }

    // values; Sheets-only bar cells get their portable fallback (DataBarPlan) or, for a
    // SPARKLINE not covered by one, its data argument
    const fallbackAt = new Map<string, string>();
    for (const bar of sheet.dataBars ?? []) {
      const rect = parseRange(bar.range);
      if (!rect) continue;
      const c = closeRect(rect, rect.r1 + bar.fallback.length - 1, rect.c1);
      let i = 0;
      forEachCell(c, (row, col) => {
        const f = bar.fallback[i++];
        if (f !== undefined) fallbackAt.set(`${row},${col}`, f);
      });
    }
    const sparkCells: Array<{ row: number; col: number; formula: string }> = [];
    const genericBars: Array<[number, number]> = [];
    // a column's run of formulas that are copies of the first one (same relative formula) is
    // written as one shared formula: a fraction of the XML, faster to write, load and recalc
    const runs = new Map<number, { row: number; last: number; shift: (dRow: number, dCol: number) => string; address: string }>();
    const writeFormula = (cell: ExcelJS.Cell, row: number, col: number, f: string) => {
      const run = runs.get(col);
      if (run && run.last === row - 1 && run.shift(row - run.row, 0) === f) {
        cell.value = { sharedFormula: run.address } as ExcelJS.CellSharedFormulaValue;
        run.last = row;
      } else {
        writeValue(cell, f);
        runs.set(col, { row, last: row, shift: compileShift(f), address: cellAddress(row, col) });
      }
    };
    sheet.values.forEach((rowValues, r) => {
      if (!rowValues || rowValues.length === 0) return;
      const row = ws.getRow(r + 1);
      rowValues.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        const cell = row.getCell(c + 1);
        const fallback = fallbackAt.get(`${r + 1},${c + 1}`);
        if (typeof v === 'string' && v.startsWith('=') && v.length > 1) {
          let f = v;
          if (fallback !== undefined || hasSparkline(v)) {
            sparkCells.push({ row: r + 1, col: c + 1, formula: v });
            if (fallback === undefined) genericBars.push([r + 1, c + 1]);
            f = fallback ?? replaceSparkline(v);
          }
          if (f.startsWith('=') && f.length > 1) writeFormula(cell, r + 1, c + 1, f);
          else writeValue(cell, f);
        } else {
          runs.delete(c + 1);
          writeValue(cell, v);
        }
      });
    });

    for (const f of sheet.formats) applyFormat(ws, f, openRow, openCol);
    archiveNote(ws, sheet.metadata[ARCHIVE_NOTE_KEY]);

    // data bars (number hidden): the plan's, then one per run of other SPARKLINE cells
    meta.sparklines = sparklineRuns(sparkCells);
    const bars: Array<{ rect: Required<{ [K in keyof Rect]: number }>; min: number; max: number; color: string }> = [];
    for (const bar of sheet.dataBars ?? []) {
      const rect = parseRange(bar.range);
      // a text stand-in (Trend "12 → 18") gets no bar and stays visible
      if (rect && !bar.text) bars.push({ rect: closeRect(rect, openRow, openCol), min: bar.min, max: bar.max, color: argbOrNull(bar.color) ?? DATA_BAR_COLOR });
    }
    for (const rect of rectsFromCells(genericBars)) bars.push({ rect: closeRect(rect, openRow, openCol), min: 0, max: 1, color: DATA_BAR_COLOR });
    for (const bar of bars) {
      forEachCell(bar.rect, (row, col) => (ws.getCell(row, col).numFmt = ';;;'));
      const ref = formatRect(bar.rect);
      meta.dataBars.push(ref);
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: 'dataBar',
            priority: 0,
            gradient: true,
            minLength: 0,
            maxLength: 100,
            cfvo: [
              { type: 'num', value: bar.min },
              { type: 'num', value: bar.max },
            ],
            color: { argb: bar.color },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    }
    if (sheet.dataBars) meta.dataBarPlans = sheet.dataBars.map((b) => b.range);

    // validations
    for (const v of sheet.validations) {
      const rect = parseRange(v.range);
      if (!rect) continue;
      const ref = formatRect(closeRect(rect, openRow, openCol));
      (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model[ref] = validationModel(v, lists);
      if (v.helpText.length > PROMPT_MAX) meta.helpTexts[ref] = v.helpText;
    }

    // conditional formats, in plan order (= priority)
    for (const cf of sheet.conditionalFormats) {
      const rect = parseRange(cf.range);
      if (!rect) continue;
      ws.addConditionalFormatting({ ref: formatRect(closeRect(rect, openRow, openCol)), rules: [cfRule(cf)] });
    }

    // protection
    if (locking) {
      // A warning-only range in Sheets may span input columns too (the OKR sheet's one range runs
      // from Self-score to the helper column, its description saying who edits what). xlsx has
      // no warning, only a lock, so only the columns of that range that hold formulas are locked.
      const isFormula = (v: unknown) => typeof v === 'string' && v.startsWith('=') && v.length > 1;
      for (const p of sheet.protections) {
        const rect = parseRange(p.range);
        if (!rect) continue;
        const closed = closeRect(rect, openRow, openCol);
        const formulaCols = new Set<number>();
        for (let c = closed.c1; c <= closed.c2; c++) {
          for (let r = closed.r1; r <= Math.min(closed.r2, sheet.values.length); r++) {
            if (isFormula(sheet.values[r - 1]?.[c - 1])) { formulaCols.add(c); break; }
          }
        }
        forEachCell(closed, (row, col) => {
          if (formulaCols.has(col)) ws.getCell(row, col).protection = { locked: true };
        });
      }
      void ws.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatCells: true,
        formatColumns: true,
        formatRows: true,
        insertRows: true,
        insertColumns: true,
        insertHyperlinks: true,
        deleteRows: true,
        deleteColumns: true,
        sort: true,
        autoFilter: true,
        pivotTables: true,
      });
    }

    // named ranges → defined names (workbook-wide in xlsx: made unique, originals in meta)
    for (const n of sheet.namedRanges) {
      const rect = parseRange(n.range);
      if (!rect) continue;
      const name = xlsxName(n.name, takenNames);
      meta.names[name] = n.name;
      const closed = closeRect(rect, openRow, openCol);
      wb.definedNames.add(absoluteRef(xlsxSheet, closed, openRow), name);
    }
    metas.push([xlsxSheet, meta]);
  });

  if (listRows.length) {
    const ls = wb.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
    listRows.forEach((values, c) => values.forEach((v, r) => (ls.getCell(r + 1, c + 1).value = v)));
  }
  const ms = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  ms.getCell('A1').value = META_MARK;
  metas.forEach(([name, meta], i) => {
    encodeMeta(name, meta).forEach((text, c) => (ms.getCell(i + 2, c + 1).value = text));
  });
  // the first visible sheet is the active one
  if (plan.sheets.length) wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export { cellAddress };

/** An archived OKR sheet's "as of" note (issue 13 §5), kept as metadata because plans carry no
 *  notes: written back as the cell's note, so the archive says when its Status was frozen. */
function archiveNote(ws: ExcelJS.Worksheet, raw: string | undefined): void {
  if (!raw) return;
  try {
    const n = JSON.parse(raw) as { cell?: unknown; text?: unknown };
    if (typeof n.cell === 'string' && /^[A-Z]{1,3}\d{1,7}$/.test(n.cell) && typeof n.text === 'string') ws.getCell(n.cell).note = n.text;
  } catch {
    /* not ours to fix: the metadata is kept as it was */
  }
}
