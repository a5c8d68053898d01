/**
 * Generates the Review (复盘), Dashboard and Alignment map sheets from every OKR sheet of the
 * spreadsheet plus the Check-ins and Actions logs. Each generated sheet is owned through role
 * metadata and rewritten in place (`applyWorkbookPlan(…, { replaceOwned: true })`): generating
 * again never makes a second copy and never touches a user sheet. Reads are one call per sheet,
 * writes one call per block: the number of service calls does not grow with the number of rows.
 */
import { buildAlignment, type AlignmentOptions, type AlignmentSheet, type AlignmentTree } from '../core/alignment';
import { readActions, readCheckIns, type CheckInEntry } from '../core/checkins';
import type { Lang } from '../core/i18n';
import { SHEET_NAMES, type SheetRole } from '../core/labels';
import type { ActionItem, OkrSettings } from '../core/model';
import { DEFAULT_SETTINGS } from '../core/model';
import { alignmentSheetPlan } from '../core/plan/alignmentSheet';
import { buildDashboard, dashboardSheetPlan, type ChartSpec } from '../core/plan/dashboardSheet';
import { mergeOwnerText, readOwnerText, reviewSheetPlan } from '../core/plan/reviewSheet';
import { readSettingsValues } from '../core/plan/supportSheets';
import type { SheetPlan } from '../core/plan/types';
import {
  buildReview, reviewToMarkdown,
  type GenerateAlignmentResult, type GenerateDashboardResult, type GenerateReviewResult, type ReviewDoc,
} from '../core/review';

export type { GenerateAlignmentResult, GenerateDashboardResult, GenerateReviewResult };
import { isTableError, readTableValues } from '../core/table';
import type { SheetLike } from './api';
import { findOwnedSheet, sheetValues } from './checkins';
import type { SheetsContext } from './context';
import { ERROR_MESSAGES, OkrError } from './errors';
import { withDocumentLock } from './lock';
import { applyWorkbookPlan } from './applyPlan';

/** Everything the reports need, read in one pass (one getValues per sheet). */
export interface WorkbookData {
  okr: AlignmentSheet[];
  checkins: CheckInEntry[];
  actions: ActionItem[];
  settings: OkrSettings;
}

const GENERATED: SheetRole[] = ['review', 'dashboard', 'alignment'];
const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();
const escRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Our generated sheets, their renamed copies (`Review (2)`) and backups (`复盘（备份）`, `Review (2) (backup)`). */
const GENERATED_RE = new RegExp(
  `^(${GENERATED.flatMap((r) => [SHEET_NAMES[r]['zh-CN'], SHEET_NAMES[r].en]).map(escRe).join('|')})(\\s*[（(]\\d+[)）])?(\\s*[（(](备份|backup)[)）])?$`,
  'i',
);
const SETTINGS_NAMES = new Set([norm(SHEET_NAMES.settings['zh-CN']), norm(SHEET_NAMES.settings.en)]);

/**
 * Reads every sheet once and sorts it: OKR sheets (header row found), the Check-ins and Actions
 * logs (their headers found), Settings (by name). Generated sheets (Review, Dashboard, Alignment
 * map, by name) are skipped.
 */
export function readWorkbook(ctx: SheetsContext): WorkbookData {
  const okr: AlignmentSheet[] = [];
  const checkins: CheckInEntry[] = [];
  const actions: ActionItem[] = [];
  let settings: OkrSettings = { ...DEFAULT_SETTINGS, lang: ctx.lang };
  for (const sheet of ctx.ss.getSheets()) {
    const name = sheet.getName();
    const n = norm(name);
    if (GENERATED_RE.test(name.trim())) continue;
    const values = sheetValues(sheet);
    if (SETTINGS_NAMES.has(n)) {
      const s = readSettingsValues(values);
      settings = { lang: s.lang, atRiskBelow: s.atRiskBelow, offTrackBelow: s.offTrackBelow, staleDays: s.staleDays };
      continue;
    }
    const t = readTableValues(values, { lang: ctx.lang });
    if (!isTableError(t)) {
      okr.push({ sheet: name, table: t.table });
      continue;
    }
    const c = readCheckIns(values);
    if (c.headerRow >= 0) {
      const base = checkins.length;
      for (const e of c.items) checkins.push({ ...e, order: base + e.order });
      continue;
    }
    const a = readActions(values);
    if (a.headerRow >= 0) actions.push(...a.items);
  }
  return { okr, checkins, actions, settings };
}

/**
 * Writes a generated sheet: our existing one (found by role metadata, whatever it is called now)
 * is rewritten in place; otherwise a new sheet is made (a user sheet of the same name is never
 * touched — the applier picks another name).
 */
function applyOwned(ctx: SheetsContext, plan: SheetPlan): SheetLike {
  const owned = findOwnedSheet(ctx.ss, plan.role);
  const sp = owned ? { ...plan, name: owned.getName() } : plan;
  const [name] = applyWorkbookPlan(ctx, { sheets: [sp] }, { replaceOwned: true });
  const sheet = (name ? ctx.ss.getSheetByName(name) : null) ?? findOwnedSheet(ctx.ss, plan.role);
  if (!sheet) throw new OkrError('internal', ERROR_MESSAGES.internal);
  return sheet;
}

export interface ReviewOptions {
  /** The OKR sheet to review. */
  sheet: string;
  /** ISO date the review is as of. */
  asOf: string;
  /** YYYY-MM of the monthly summary (default: the month of asOf). */
  month?: string;
  lang?: Lang;
  alignment?: AlignmentOptions;
}

export function buildReviewDoc(ctx: SheetsContext, opts: ReviewOptions, wb: WorkbookData = readWorkbook(ctx)): ReviewDoc {
  const target = wb.okr.find((s) => s.sheet === opts.sheet) ?? wb.okr.find((s) => norm(s.sheet) === norm(opts.sheet));
  if (!target) {
    if (ctx.ss.getSheetByName(opts.sheet)) throw new OkrError('notOkrSheet', ERROR_MESSAGES.notOkrSheet, { name: opts.sheet });
    throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name: opts.sheet });
  }
  return buildReview({
    table: target.table,
    sheet: target.sheet,
    checkins: wb.checkins,
    actions: wb.actions,
    asOf: opts.asOf,
    lang: opts.lang ?? ctx.lang,
    settings: wb.settings,
    alignment: buildAlignment(wb.okr, opts.alignment),
    ...(opts.month ? { month: opts.month } : {}),
  });
}

/** Writes (or rewrites in place) the one Review sheet of the spreadsheet. */
export function generateReview(ctx: SheetsContext, opts: ReviewOptions): GenerateReviewResult {
  return withDocumentLock(ctx, () => {
    let doc = buildReviewDoc(ctx, opts);
    // keep what owners already wrote into the Review sheet of this unit and cycle
    const previous = findOwnedSheet(ctx.ss, 'review');
    if (previous) doc = mergeOwnerText(doc, readOwnerText(sheetValues(previous)));
    const sheet = applyOwned(ctx, reviewSheetPlan(doc));
    return {
      reviewSheet: sheet.getName(),
      objectives: doc.objectives.length,
      ownerPrompts: doc.objectives.reduce((a, o) => a + o.parts.filter((p) => p.needsOwner).length, 0),
      markdown: reviewToMarkdown(doc),
    };
  });
}

/** The review as Markdown (for the sidebar's copy button); writes nothing. */
export function reviewMarkdown(ctx: SheetsContext, opts: ReviewOptions): string {
  return reviewToMarkdown(buildReviewDoc(ctx, opts));
}

/** Adds the scores-by-unit column chart, or updates the one already there (never piles up). */
export function placeChart(sheet: SheetLike, spec: ChartSpec): void {
  const existing = sheet.getCharts();
  for (let i = 1; i < existing.length; i++) sheet.removeChart(existing[i]!);
  const first = existing[0];
  let b = (first ? first.modify().clearRanges() : sheet.newChart()).asColumnChart();
  for (const r of spec.ranges) b = b.addRange(sheet.getRange(r));
  b = b
    .setNumHeaders(spec.numHeaders)
    .setOption('title', spec.title)
    .setOption('legend', { position: 'none' })
    .setOption('vAxis', { minValue: 0, maxValue: 1 })
    .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0);
  if (first) sheet.updateChart(b.build());
  else sheet.insertChart(b.build());
}

export function generateDashboard(ctx: SheetsContext, opts: { asOf: string; lang?: Lang }): GenerateDashboardResult {
  return withDocumentLock(ctx, () => {
    const wb = readWorkbook(ctx);
    const data = buildDashboard(wb.okr, wb.checkins, opts.asOf, { lang: opts.lang ?? ctx.lang, settings: wb.settings });
    const { sheet: plan, chart } = dashboardSheetPlan(data, { staleDays: wb.settings.staleDays });
    const sheet = applyOwned(ctx, plan);
    placeChart(sheet, chart);
    return { dashboardSheet: sheet.getName(), units: data.units.length, staleKrs: data.stale.length };
  });
}

export function generateAlignmentMap(ctx: SheetsContext, opts: { lang?: Lang; alignment?: AlignmentOptions } = {}): GenerateAlignmentResult {
  return withDocumentLock(ctx, () => {
    const lang = opts.lang ?? ctx.lang;
    const wb = readWorkbook(ctx);
    const tree = buildAlignment(wb.okr, opts.alignment);
    const sheet = applyOwned(ctx, alignmentSheetPlan(tree, lang));
    return { alignmentSheet: sheet.getName(), units: wb.okr.length, problems: tree.problems.map((p) => p.message[lang]) };
  });
}

/** The alignment tree (plain data) for the sidebar. */
export function alignmentTree(ctx: SheetsContext, opts: { alignment?: AlignmentOptions } = {}): AlignmentTree {
  return buildAlignment(readWorkbook(ctx).okr, opts.alignment);
}
