/**
 * The in-memory workbook: `createLocalApp()` gives an `AppLike` + `SpreadsheetLike` that the
 * src/sheets code runs on unchanged, formulas evaluated by HyperFormula, every service call
 * counted. Node only (tests, CLI, playground) — never bundled into Apps Script.
 *
 *   const local = createLocalApp();                 // one empty sheet, like a new spreadsheet
 *   const ctx = local.ctx('en');                    // SheetsContext with the document lock
 *   applyWorkbookPlan(ctx, plan);
 *   local.calls.total;                              // service calls so far
 *   local.toPlan();                                 // snapshot for the xlsx exporter
 *   const imported = createLocalApp({ plan });      // build a workbook from plan data
 */
import type { Lang } from '../../core/i18n';
import type { SheetPlan, WorkbookPlan } from '../../core/plan/types';
import type { AppLike, LockLike, SpreadsheetLike } from '../../sheets/api';
import type { SheetsContext } from '../../sheets/context';
import { applyWorkbookPlan } from '../../sheets/applyPlan';
import { CallCounter, type WorkbookCore } from './core';
import { createEngine } from './engine';
import { sheetToPlan, workbookToPlan } from './toPlan';
import { LocalApp, LocalLock, LocalRange, LocalSpreadsheet, createSheetData } from './workbook';
import type { LocalChart } from './builders';
import { createSheetsApi } from './sheetsApi';
import type { SheetsApiLike } from '../../sheets/batch/apply';

export { CallCounter } from './core';
export { LocalApp, LocalLock, LocalRange, LocalSheet, LocalSpreadsheet } from './workbook';
export { dateToSerial, serialToDate, isoToLocalDate, localDateToIso } from './dates';
export { formatValue } from './numberFormat';

export interface LocalOptions {
  /** Spreadsheet locale; zh-CN names the first sheet 工作表1, en `Sheet1`. Default en. */
  lang?: Lang;
  name?: string;
  /** Build the workbook from plan data (the xlsx importer's output) instead of one empty sheet. */
  plan?: WorkbookPlan;
  /**
   * 'evaluate' (default): formulas are computed by HyperFormula. 'store': formulas are kept as
   * text and read back as blank values — for bulk jobs and benchmarks on very large tables,
   * where HyperFormula's dependency graph grows with rows × range length. Row/column inserts do
   * not rewrite stored formulas.
   */
  formulas?: 'evaluate' | 'store';
}

/** Local-only helpers on the spreadsheet object (not part of SpreadsheetLike). */
export interface LocalExtras {
  toPlan(): WorkbookPlan;
  /** A second user's handle on the same document lock. */
  newLock(): LockLike;
  /** Charts inserted on a sheet (recorded, not drawn). */
  chartsOf(sheetName: string): ReturnType<LocalChart['describe']>[];
  /** Messages passed to toast(). */
  toasts(): string[];
  /**
   * A cell edit as a user types it in the Sheets UI: a strict validation rejects an invalid
   * value (setValues never does). Returns the help text on rejection.
   */
  userEdit(sheetName: string, a1: string, value: unknown): { ok: true } | { ok: false; helpText: string };
}

export interface LocalWorkbook {
  app: AppLike;
  ss: SpreadsheetLike & LocalExtras;
  calls: CallCounter;
  /** The document lock as the current user holds it. */
  lock: LockLike;
  /** A SheetsContext on this workbook (with the lock). */
  ctx(lang?: Lang): SheetsContext;
  /**
   * The advanced Sheets service's stand-in (`Sheets.Spreadsheets.get` / `batchUpdate`) on this
   * workbook. Not in ctx() by default: pass `{ ...local.ctx(), sheetsApi: local.sheetsApi }`.
   */
  sheetsApi: SheetsApiLike;
  toPlan(): WorkbookPlan;
  sheetPlan(name: string): SheetPlan;
}

let counter = 0;

export function createLocalApp(opts: LocalOptions = {}): LocalWorkbook {
  const lang = opts.lang ?? 'en';
  const wb: WorkbookCore = {
    hf: createEngine(),
    evaluate: opts.formulas !== 'store',
    calls: new CallCounter(),
    sheets: [],
    named: new Map(),
    orphanNames: new Set(),
    metadata: [],
    protections: [],
    nextId: 1,
    activeSheetId: 0,
    lockHolder: null,
    toasts: [],
    locale: lang === 'zh-CN' ? 'zh_CN' : 'en_US',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    id: `local-${++counter}`,
    name: opts.name ?? (lang === 'zh-CN' ? '无标题电子表格' : 'Untitled spreadsheet'),
  };
  const first = createSheetData(wb, lang === 'zh-CN' ? '工作表1' : 'Sheet1', 0);
  wb.activeSheetId = first.id;

  const ss = new LocalSpreadsheet(wb) as LocalSpreadsheet & LocalExtras;
  const extras: LocalExtras = {
    toPlan: () => workbookToPlan(wb),
    newLock: () => new LocalLock(wb),
    chartsOf: (name) => {
      const s = wb.sheets.find((x) => !x.deleted && x.name === name);
      return s ? s.charts.map((c) => ({ id: c.id, type: c.type, ranges: c.ranges.map((r) => r._a1()), options: { ...c.options }, position: { ...c.position } })) : [];
    },
    toasts: () => [...wb.toasts],
    userEdit: (sheetName, a1, value) => userEdit(wb, sheetName, a1, value),
  };
  Object.assign(ss, extras);
  const app = new LocalApp(wb, () => ss);
  const lock = new LocalLock(wb);
  const local: LocalWorkbook = {
    app,
    ss,
    calls: wb.calls,
    lock,
    ctx: (l = lang) => ({ app, ss, lock, lang: l }),
    sheetsApi: createSheetsApi(wb, ss, app),
    toPlan: () => workbookToPlan(wb),
    sheetPlan: (name) => {
      const s = wb.sheets.find((x) => !x.deleted && x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      wb.calls._muted++;
      try {
        return sheetToPlan(wb, s);
      } finally {
        wb.calls._muted--;
      }
    },
  };

  if (opts.plan) {
    // Imported workbooks keep their sheet names: move the blank first sheet out of the way.
    const placeholder = ss.getSheets()[0]!;
    placeholder.setName(`__okr_placeholder_${wb.id}`);
    applyWorkbookPlan({ app, ss, lang }, opts.plan, { uniqueNames: true });
    if (ss.getNumSheets() > 1) ss.deleteSheet(placeholder);
    else placeholder.setName(lang === 'zh-CN' ? '工作表1' : 'Sheet1');
    const firstSheet = ss.getSheets()[0];
    if (firstSheet) ss.setActiveSheet(firstSheet);
    wb.calls.reset();
  }
  return local;
}

function userEdit(wb: WorkbookCore, sheetName: string, a1: string, value: unknown): { ok: true } | { ok: false; helpText: string } {
  const s = wb.sheets.find((x) => !x.deleted && x.name === sheetName);
  if (!s) throw new Error(`no sheet ${sheetName}`);
  wb.calls._muted++;
  try {
    const sheet = new LocalSpreadsheet(wb).getSheetByName(sheetName)!;
    const range = sheet.getRange(a1) as LocalRange;
    const rule = range.getDataValidation() as import('./builders').LocalDataValidation | null;
    if (rule && !rule._d.allowInvalid && value !== '' && value !== null && !satisfies(rule._d.criteria, rule._d.args, value)) {
      return { ok: false, helpText: rule._d.helpText };
    }
    range._write([[value]]);
    return { ok: true };
  } finally {
    wb.calls._muted--;
  }
}

function satisfies(criteria: string, args: unknown[], v: unknown): boolean {
  const n = typeof v === 'number' ? v : NaN;
  switch (criteria) {
    case 'VALUE_IN_LIST':
      return ((args[0] as string[]) ?? []).some((x) => x === String(v));
    case 'CHECKBOX':
      return typeof v === 'boolean';
    case 'NUMBER_BETWEEN':
      return n >= Number(args[0]) && n <= Number(args[1]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n >= Number(args[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n <= Number(args[0]);
    case 'DATE_IS_VALID_DATE':
      return v instanceof Date;
    case 'DATE_BETWEEN':
      return v instanceof Date && v >= (args[0] as Date) && v <= (args[1] as Date);
    case 'DATE_ON_OR_AFTER':
      return v instanceof Date && v >= (args[0] as Date);
    case 'DATE_ON_OR_BEFORE':
      return v instanceof Date && v <= (args[0] as Date);
    default:
      return true;
  }
}
