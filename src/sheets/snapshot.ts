/**
 * The Sheets shell's one way to make a `WorkbookSnapshot` (design §1, "snapshot in, plans out").
 *
 * Through the Sheets API (ctx.sheetsApi, or opts.sheetsApi; ./batch/snapshotRead.ts): one
 * `spreadsheets.get` when every sheet is read, two when some are, + getId and the active sheet's
 * name (2) — 4 or 5 calls whatever the sheets and rows; any API error falls back to the
 * SpreadsheetApp read below (one console.warn), which gives the same snapshot
 * (test/sheets/snapshot-api.test.ts) and stays the reference.
 *
 * Through SpreadsheetApp, service calls, whatever the number of rows:
 * - one developer-metadata finder call for the whole spreadsheet (our role key; per entry a few
 *   getters, so it grows with the number of sheets we own, never with rows);
 * - per sheet: its name, then `getDataRange()` + `getValues()` (and `getDisplayValues()`
 *   on the same range when display values are asked for) — one read per sheet;
 * - the spreadsheet's name, time zone and active sheet.
 *
 * Dates are turned into ISO days as the spreadsheet shows them (src/sheets/dates.ts), so core
 * never sees a Date and never depends on the script's time zone.
 * Finder reference: https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder#find()
 */
import { toIsoDate } from '../core/checkins';
import { todayIso } from '../core/dates';
import { isSheetRole, type SheetRole } from '../core/labels';
import { OWNER_KEY } from '../core/plan/types';
import { readSnapshot, type OkrSheetModel, type SheetSnapshot, type WorkbookModel, type WorkbookSnapshot } from '../core/snapshot';
import type { SheetLike, SpreadsheetLike } from './api';
import type { SheetsContext } from './context';
import { fromSheetDate } from './dates';
import { ERROR_MESSAGES, OkrError } from './errors';
import type { SheetsApiLike } from './batch/apply';
import { readSnapshotViaApi } from './batch/snapshotRead';

export interface TakeSnapshotOptions {
  /** The as-of day (ISO); default today in the spreadsheet's time zone. */
  asOf?: string;
  /** Read the values of these sheets only (by name). Sheets carrying a support role (Settings,
   *  Check-ins, Actions) are always read: every task needs the settings and the logs. Other
   *  sheets appear with `skipped: true` and no values. Default: every sheet. */
  sheets?: string[];
  /** Also read what each cell shows (`getDisplayValues`, one more call per sheet read). */
  display?: boolean;
  /** Also read each cell's formula text (`getFormulas`, one more call per sheet read): "adopt this
   *  sheet" keeps a team's own formulas as values with a note ('' where a cell has none:
   *  https://developers.google.com/apps-script/reference/spreadsheet/range#getFormulas). */
  formulas?: boolean;
  /** Also read the sheets carrying one of these roles (e.g. the hub's `templates`), found by the
   *  same one finder call, so an action need not know their names. */
  roles?: SheetRole[];
  /** The Sheets API to read through (src/sheets/batch/snapshotRead.ts: 1–2 gets instead of ≈ 7
   *  calls per sheet); default ctx.sheetsApi; null = SpreadsheetApp only (the reference path). */
  sheetsApi?: SheetsApiLike | null;
}

const ALWAYS_READ: ReadonlySet<SheetRole> = new Set<SheetRole>(['settings', 'checkins', 'actions']);

/**
 * Our role per sheet name, from ONE finder call: only the role key is searched, so the cost is a
 * few getters per sheet we own (never per row, never per other add-on's entry). The language
 * entry is not read here: readSnapshot takes the language from the Settings sheet's values, else
 * from the OKR sheets' headers.
 */
export function readSheetRoles(ss: SpreadsheetLike): Map<string, SheetRole> {
  const out = new Map<string, SheetRole>();
  for (const m of ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).find()) {
    const sheet = m.getLocation().getSheet();
    if (!sheet) continue;
    const name = sheet.getName();
    const value = m.getValue() ?? '';
    // a second role entry (e.g. a backup copy's) never overrides the first
    if (!out.has(name) && isSheetRole(value)) out.set(name, value);
  }
  return out;
}

/** A values grid with every Date as the ISO day the spreadsheet shows (in place). */
function isoDates(values: unknown[][]): unknown[][] {
  for (const row of values) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v instanceof Date) row[c] = toIsoDate(fromSheetDate(v)) ?? '';
    }
  }
  return values;
}

/** The values (and optionally display values / formulas) of one sheet: one range, one read each
 *  (Run diagnostics compares it with the API read: src/addon/diagnostics/snapshotPaths.ts). */
export function readSheet(sheet: SheetLike, display: boolean, formulas = false): Pick<SheetSnapshot, 'values' | 'display' | 'formulas'> {
  const range = sheet.getDataRange();
  const values = isoDates(range.getValues());
  const out: Pick<SheetSnapshot, 'values' | 'display' | 'formulas'> = display ? { values, display: range.getDisplayValues() } : { values };
  if (formulas) out.formulas = range.getFormulas();
  return out;
}

/** Whether a snapshot reads a sheet's values: the sheets asked for, and every support sheet. */
function readsSheet(opts: TakeSnapshotOptions, wanted: ReadonlySet<string> | null, name: string, metaRole: SheetRole | null): boolean {
  return !wanted || wanted.has(name) || (metaRole !== null && (ALWAYS_READ.has(metaRole) || opts.roles?.includes(metaRole) === true));
}

/** Default for `sheetsApi` when the option is not given: read through ctx.sheetsApi. */
export const SNAPSHOT_VIA_API_BY_DEFAULT = true;

/** One warning per execution when the API read fails (the SpreadsheetApp read follows). */
let warned = false;

/** One snapshot of the spreadsheet (see the module comment for the calls it makes). */
export function takeSnapshot(ctx: SheetsContext, opts: TakeSnapshotOptions = {}): WorkbookSnapshot {
  const { ss } = ctx;
  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  const api = opts.sheetsApi === undefined ? (SNAPSHOT_VIA_API_BY_DEFAULT ? ctx.sheetsApi : undefined) : opts.sheetsApi;
  if (api) {
    try {
      const got = readSnapshotViaApi(api, ss.getId(), {
        display: opts.display === true,
        formulas: opts.formulas === true,
        readAll: !wanted,
        read: (name, role) => readsSheet(opts, wanted, name, role),
      });
      return { name: got.name, sheets: got.sheets, timeZone: got.timeZone, asOf: opts.asOf ?? todayIso(got.timeZone), activeSheet: ss.getActiveSheet().getName() };
    } catch (e) {
      // quota, a missing scope, a time-out: the SpreadsheetApp read gives the same snapshot
      if (!warned) console.warn(`Snapshot through the Sheets API failed; reading through SpreadsheetApp: ${String((e as Error)?.message ?? e)}`);
      warned = true;
    }
  }
  const roles = readSheetRoles(ss);
  const sheets: SheetSnapshot[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    const metaRole = roles.get(name) ?? null;
    const base: SheetSnapshot = { name, metaRole, values: [] };
    const read = readsSheet(opts, wanted, name, metaRole);
    sheets.push(read ? { ...base, ...readSheet(sheet, opts.display === true, opts.formulas === true) } : { ...base, skipped: true });
  }
  const timeZone = ss.getSpreadsheetTimeZone();
  return {
    name: ss.getName(),
    sheets,
    timeZone,
    asOf: opts.asOf ?? todayIso(timeZone),
    activeSheet: ss.getActiveSheet().getName(),
  };
}

/**
 * One OKR sheet (by name; default the active sheet) and the model it was read with — the
 * preamble of every action about one sheet. `allSheets` reads the whole workbook (a task that
 * looks across units, such as Check's alignment rule); otherwise only that sheet and the support
 * sheets are read. `values` are the sheet's as read (row 0 = sheet row 1). Throws OkrError
 * `notFound` / `notOkrSheet`.
 */
export function readOkrSheetModel(
  ctx: SheetsContext,
  name?: string,
  opts: Omit<TakeSnapshotOptions, 'sheets'> & { allSheets?: boolean } = {},
): { model: WorkbookModel; okr: OkrSheetModel; values: unknown[][] } {
  const sheetName = name ?? ctx.ss.getActiveSheet().getName();
  const { allSheets, ...rest } = opts;
  const snapshot = takeSnapshot(ctx, allSheets ? rest : { ...rest, sheets: [sheetName] });
  if (!snapshot.sheets.some((s) => s.name === sheetName)) throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name: sheetName });
  const model = readSnapshot(snapshot, ctx.lang);
  const okr = model.okr.find((o) => o.sheet === sheetName);
  if (!okr) throw new OkrError('notOkrSheet', ERROR_MESSAGES.notOkrSheet, { name: sheetName });
  return { model, okr, values: snapshot.sheets.find((s) => s.name === sheetName)!.values };
}
