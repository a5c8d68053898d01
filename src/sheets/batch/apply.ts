/**
 * Applying a workbook plan through the advanced Sheets service (Sheets API v4) in one
 * `spreadsheets.get` (which sheets exist, which are ours by metadata) and one
 * `spreadsheets.batchUpdate` (every new sheet, whole) — instead of ≈ 20 SpreadsheetApp calls per
 * sheet (issue 16 §5). The same decisions as the SpreadsheetApp path (src/sheets/applyPlan.ts):
 * support sheets by role metadata, a clash gives `Name (2)`, formulas pointed at our support
 * sheets' real names, named ranges prefixed per sheet.
 *
 * Needs (README "Build and deploy"): the advanced service `Sheets` in appsscript.json, the Sheets
 * API enabled in the script's Cloud project, and the `https://www.googleapis.com/auth/spreadsheets`
 * scope (the API does not take `spreadsheets.currentonly`: https://developers.google.com/workspace/sheets/api/scopes).
 * A batchUpdate is atomic ("the updates in the request will be applied together atomically",
 * spreadsheets.batchUpdate); a plan above the 2 MB body Google recommends goes in several bodies.
 *
 * A sheet the plan adds goes where insertSheet puts it — right after the active sheet (the
 * in-memory workbook's assumption; tab order matters: readers take the first of two sheets
 * claiming a unit) — and is activated afterwards, as insertSheet leaves it ("The new sheet
 * becomes the active sheet", https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheetsheetname).
 * The API has no active sheet, so this costs four SpreadsheetApp calls (getActiveSheet, getIndex
 * before; getSheetById, activate after), only when the plan adds a sheet.
 *
 * A plan over one body (≈ 600 KRs and more) goes in several bodies; each is atomic, together
 * they are not. When body k > 1 fails, the sheets the earlier bodies added are removed again
 * through SpreadsheetApp (their named ranges first, which Sheets would otherwise keep as taken
 * #REF! names) and the error goes to the caller, which applies the whole plan through
 * SpreadsheetApp: the workbook ends exactly as if the API had not been there (test/sheets/
 * batch-bodies.test.ts). Retrying the later bodies instead would leave a sheet half-written
 * whenever the API keeps failing (quota, time-out), and SpreadsheetApp cannot resume a body.
 *
 * Regenerating a generated sheet in place (Review, Dashboard, Alignment map) is ./owned.ts.
 * Not handled (the caller falls back to SpreadsheetApp): `replaceOwned` whole-sheet rewrites
 * with a hidden backup copy (the hub's distribution dashboard).
 */
import { SHEET_NAMES, type SheetRole } from '../../core/labels';
import type { WorkbookPlan } from '../../core/plan/types';
import { OWNER_KEY } from '../../core/plan/types';
import {
  GENERATED_ROLES, SUPPORT_ROLES, namedRangeName, retargetSheetRefs, supportFallbackName, uniq,
  type AppliedSheet, type ApplyOptions,
} from '../applyPlan';
import type { SheetsContext } from '../context';
import { OkrError } from '../errors';
import type { SheetLike } from '../api';
import type { ChartSpec } from '../../core/plan/dashboardSheet';
import { chartRequests } from './owned';
import { enUsFormulaLocale } from './locale';
import { planToBatchRequests, splitIntoBodies, type BatchRequest } from './requests';

/** The two methods of the advanced service `Sheets.Spreadsheets` this module uses. */
export interface SheetsApiLike {
  get(spreadsheetId: string, optionalArgs: object): GoogleAppsScript.Sheets.Schema.Spreadsheet;
  batchUpdate(
    resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest,
    spreadsheetId: string,
  ): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse;
}
declare const realSpreadsheets: GoogleAppsScript.Sheets.Collection.SpreadsheetsCollection;
/** Compile-time proof that the real advanced service satisfies SheetsApiLike. */
export const _realSheetsApiFits = (): SheetsApiLike => realSpreadsheets;

/** What `spreadsheets.get` returns of each sheet: enough to name new sheets and find ours. */
export const GET_FIELDS = 'properties(locale),sheets(properties(sheetId,title),developerMetadata(metadataKey,metadataValue),charts(chartId))';

const NAME_TAKEN = {
  'zh-CN': '已存在名为“{name}”的工作表。',
  en: 'A sheet named "{name}" already exists.',
};

export interface BatchPlan {
  applied: AppliedSheet[];
  requests: BatchRequest[];
  /** Ids of the sheets the requests add. */
  sheetIds: number[];
}

/**
 * Decides every new sheet's name and id from one `get`, and builds the requests; null when the
 * plan rewrites an existing generated sheet (the SpreadsheetApp path does that).
 */
export function planBatch(
  plan: WorkbookPlan, existing: GoogleAppsScript.Sheets.Schema.Spreadsheet, opts: ApplyOptions, charts: readonly (ChartSpec | undefined)[] = [],
): BatchPlan | null {
  const taken = new Set<string>();
  const ids = new Set<number>();
  const objectIds: number[] = [];
  const ours = new Map<SheetRole, string>();
  for (const s of existing.sheets ?? []) {
    const title = s.properties?.title ?? '';
    taken.add(title.toLowerCase());
    if (typeof s.properties?.sheetId === 'number') ids.add(s.properties.sheetId);
    for (const c of s.charts ?? []) if (typeof c.chartId === 'number') objectIds.push(c.chartId);
    for (const m of s.developerMetadata ?? []) {
      const role = m.metadataValue as SheetRole;
      if (m.metadataKey === OWNER_KEY && SUPPORT_ROLES.includes(role) && !ours.has(role)) ours.set(role, title);
    }
  }
  const free = (name: string) => !taken.has(name.toLowerCase());
  const unique = (name: string) => {
    for (let i = 2; ; i++) {
      const suffix = ` (${i})`;
      const c = name.slice(0, 100 - suffix.length) + suffix;
      if (free(c)) return c;
    }
  };
  let nextId = Math.max(0, ...ids) + 1;

  // support sheets first, as applyWorkbookPlanDetailed does: their real names fix the formulas
  const renames = new Map<string, string>();
  const supportName = new Map<number, { name: string; existing: boolean }>();
  plan.sheets.forEach((sp, i) => {
    if (!SUPPORT_ROLES.includes(sp.role)) return;
    const mine = ours.get(sp.role);
    let t: { name: string; existing: boolean };
    if (mine !== undefined) t = { name: mine, existing: true };
    else if (free(sp.name)) t = { name: sp.name, existing: false };
    else {
      const fb = supportFallbackName(sp.name);
      t = { name: free(fb) ? fb : unique(fb), existing: false };
    }
    if (!t.existing) taken.add(t.name.toLowerCase());
    supportName.set(i, t);
    for (const n of uniq([sp.name, SHEET_NAMES[sp.role]['zh-CN'], SHEET_NAMES[sp.role].en])) if (n !== t.name) renames.set(n, t.name);
  });

  const applied: AppliedSheet[] = [];
  const requests: BatchRequest[] = [];
  const sheetIds: number[] = [];
  for (const [i, sp] of plan.sheets.entries()) {
    const base = { planName: sp.name, role: sp.role };
    const support = supportName.get(i);
    if (support?.existing) {
      applied.push({ ...base, name: support.name, action: 'skipped' });
      continue;
    }
    let title: string;
    if (support) title = support.name;
    else {
      if (!free(sp.name) && opts.replaceOwned && GENERATED_ROLES.includes(sp.role)) return null;
      if (!free(sp.name) && opts.uniqueNames === false) throw new OkrError('conflict', NAME_TAKEN, { name: sp.name });
      title = free(sp.name) ? sp.name : unique(sp.name);
      taken.add(title.toLowerCase());
    }
    const fixed = renames.size > 0 ? retargetSheetRefs(sp, renames) : sp;
    const names = new Map(sp.namedRanges.map((n) => [n.name.toLowerCase(), namedRangeName(title, n.name)] as const));
    const sheetId = nextId++;
    sheetIds.push(sheetId);
    requests.push(...planToBatchRequests(fixed, { sheetId, title, names }));
    const chart = charts[i];
    if (chart) {
      const reqs = chartRequests(chart, sheetId, [], [], [...ids, ...sheetIds, ...objectIds]);
      requests.push(...reqs);
      objectIds.push(reqs[0]!.addChart!.chart!.chartId!);
    }
    applied.push({ ...base, name: title, action: 'created' });
  }
  return { applied, requests, sheetIds };
}

export interface BatchResult {
  applied: AppliedSheet[];
  /** The sheet activated afterwards (the last one the plan added), as insertSheet leaves it. */
  active: SheetLike | null;
}

/**
 * One get + one batchUpdate per body (+ getSheetById and activate when a sheet was added).
 * Returns null when the SpreadsheetApp path must do the plan. Throws the API's error when a body
 * fails (after removing the sheets earlier bodies added, so the fallback starts from the
 * workbook as it was). `charts[i]`: the chart placed on plan sheet i (the Dashboard's).
 */
export function applyViaBatch(
  ctx: SheetsContext, api: SheetsApiLike, plan: WorkbookPlan, opts: ApplyOptions, charts: readonly (ChartSpec | undefined)[] = [],
): BatchResult | null {
  const id = ctx.ss.getId();
  const existing = api.get(id, { fields: GET_FIELDS });
  // formulas go in en-US syntax: through the API only where that is the locale's own (./locale.ts)
  if (!opts.sheetsApiAnyLocale && !enUsFormulaLocale(existing.properties?.locale)) return null;
  const bp = planBatch(plan, existing, opts, charts);
  if (!bp) return null;
  if (bp.sheetIds.length > 0) placeAfterActive(bp.requests, ctx.ss.getActiveSheet().getIndex());
  const bodies = splitIntoBodies(bp.requests);
  let done = 0;
  try {
    for (const body of bodies) {
      api.batchUpdate({ requests: body }, id);
      done++;
    }
  } catch (e) {
    if (done > 0) removeAdded(ctx, bp.sheetIds);
    throw e;
  }
  const last = bp.sheetIds[bp.sheetIds.length - 1];
  const active = last === undefined ? null : ctx.ss.getSheetById(last);
  active?.activate();
  return { applied: bp.applied, active };
}

/** The new sheets at 0-based `at`, `at + 1` … in plan order: right after the active sheet (1-based
 *  position `at`), as one insertSheet after another puts them. AddSheetRequest's properties.index:
 *  https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#addsheetrequest */
function placeAfterActive(requests: BatchRequest[], at: number): void {
  let k = 0;
  for (const r of requests) if (r.addSheet?.properties) r.addSheet.properties.index = at + k++;
}

function removeAdded(ctx: SheetsContext, sheetIds: number[]): void {
  for (const sid of sheetIds) {
    const sheet = ctx.ss.getSheetById(sid);
    if (!sheet) continue;
    try {
      for (const n of sheet.getNamedRanges()) n.remove();
      ctx.ss.deleteSheet(sheet);
    } catch {
      /* the original error is what the log reports */
    }
  }
}
