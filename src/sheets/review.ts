/**
 * Review (复盘), Dashboard and Alignment map in a spreadsheet — the shell around the core tasks
 * (src/core/tasks): one snapshot (one read per sheet), one pure task, then the plan written onto
 * the sheet the add-on owns (src/sheets/ownedSheet.ts: only the block it wrote is rewritten; a
 * user's chart, notes and cells stay). Each unit and cycle has its own Review sheet, so owners'
 * words in one unit's review are never touched by another's. Service calls do not grow with rows.
 */
import type { AlignmentOptions, AlignmentTree } from '../core/alignment';
import type { Lang } from '../core/i18n';
import type { GenerateAlignmentResult, GenerateDashboardResult, GenerateReviewResult, ReviewDoc } from '../core/review';
import { readSnapshot, type WorkbookModel } from '../core/snapshot';
import { alignmentOf, alignmentTask } from '../core/tasks/alignment';
import { dashboardTask } from '../core/tasks/dashboard';
import { isReviewFailure, reviewDocument, reviewsMarkdown, reviewSheetTask, type ReviewFailure } from '../core/tasks/review';
import type { SheetsContext } from './context';
import { ERROR_MESSAGES, OkrError } from './errors';
import { withDocumentLock } from './lock';
import { placeChart, writeOwnedSheet } from './ownedSheet';
import { takeSnapshot } from './snapshot';

export type { GenerateAlignmentResult, GenerateDashboardResult, GenerateReviewResult };
export { placeChart };

export interface ReviewOptions {
  /** The OKR sheet to review. */
  sheet: string;
  /** ISO day the review is as of (default: the sheet's As-of cell, else today). */
  asOf?: string;
  /** YYYY-MM of the monthly summary (default: the month of asOf). */
  month?: string;
  lang?: Lang;
  alignment?: AlignmentOptions;
}

/** The workbook read once and parsed (the add-on's language is the fallback for the workbook's). */
export function workbookModel(ctx: SheetsContext, asOf?: string): WorkbookModel {
  return readSnapshot(takeSnapshot(ctx, asOf ? { asOf } : {}), ctx.lang);
}

function fail(f: ReviewFailure): never {
  if (f.error === 'notOkrSheet') throw new OkrError('notOkrSheet', ERROR_MESSAGES.notOkrSheet, { name: f.name });
  throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name: f.name });
}

const request = (o: ReviewOptions) => ({
  sheet: o.sheet,
  ...(o.asOf ? { asOf: o.asOf } : {}), ...(o.month ? { month: o.month } : {}),
  ...(o.lang ? { lang: o.lang } : {}), ...(o.alignment ? { alignment: o.alignment } : {}),
});

export function buildReviewDoc(ctx: SheetsContext, opts: ReviewOptions, model: WorkbookModel = workbookModel(ctx, opts.asOf)): ReviewDoc {
  const doc = reviewDocument(model, request(opts));
  return isReviewFailure(doc) ? fail(doc) : doc;
}

/** Writes (or rewrites in its owned block) the Review sheet of this unit and cycle. */
export function generateReview(ctx: SheetsContext, opts: ReviewOptions): GenerateReviewResult {
  return withDocumentLock(ctx, () => {
    const task = reviewSheetTask(workbookModel(ctx, opts.asOf), request(opts));
    if (isReviewFailure(task)) fail(task);
    const sheet = writeOwnedSheet(ctx, task.plan, task.target);
    return {
      reviewSheet: sheet.getName(),
      objectives: task.doc.objectives.length,
      ownerPrompts: task.doc.objectives.reduce((a, o) => a + o.parts.filter((p) => p.needsOwner).length, 0),
      markdown: reviewsMarkdown([task.doc]),
    };
  });
}

/** The review as Markdown (for the sidebar's copy button); writes nothing. */
export function reviewMarkdown(ctx: SheetsContext, opts: ReviewOptions): string {
  return reviewsMarkdown([buildReviewDoc(ctx, opts)]);
}

export function generateDashboard(ctx: SheetsContext, opts: { asOf?: string; lang?: Lang } = {}): GenerateDashboardResult {
  return withDocumentLock(ctx, () => {
    const task = dashboardTask(workbookModel(ctx, opts.asOf), opts.lang ? { lang: opts.lang } : {});
    const sheet = writeOwnedSheet(ctx, task.plan, task.target, task.chart);
    return { dashboardSheet: sheet.getName(), units: task.data.units.length, staleKrs: task.data.stale.length, calibration: task.data.calibration.length };
  });
}

export function generateAlignmentMap(ctx: SheetsContext, opts: { lang?: Lang; alignment?: AlignmentOptions } = {}): GenerateAlignmentResult {
  return withDocumentLock(ctx, () => {
    const model = workbookModel(ctx);
    const task = alignmentTask(model, { ...(opts.lang ? { lang: opts.lang } : {}), ...(opts.alignment ? { alignment: opts.alignment } : {}) });
    const sheet = writeOwnedSheet(ctx, task.plan, task.target);
    return { alignmentSheet: sheet.getName(), units: model.okr.length, problems: task.problems };
  });
}

/** The alignment tree (plain data) for the sidebar. */
export function alignmentTree(ctx: SheetsContext, opts: { alignment?: AlignmentOptions } = {}): AlignmentTree {
  return alignmentOf(workbookModel(ctx), opts.alignment);
}
