/**
 * Review actions (sidebar "Review" panel, RPC `generateReview`, `reviewMarkdown`,
 * `generateDashboard`, `generateAlignmentMap`, `alignmentTree`): each maps the payload to a
 * core task through src/sheets/review.ts. "As of" defaults to the OKR sheet's As-of cell, else
 * today in the spreadsheet's time zone (the snapshot's day).
 */
import type { AlignmentTree } from '../../core/alignment';
import { todayIso as coreTodayIso } from '../../core/dates';
import type { SheetsContext } from '../../sheets/context';
import {
  alignmentTree, generateAlignmentMap, generateDashboard, generateReview, reviewMarkdown,
  type GenerateAlignmentResult, type GenerateDashboardResult, type GenerateReviewResult,
} from '../../sheets/review';

/** Today in the spreadsheet's time zone (src/core/dates.ts; kept here for the check-in action). */
export function todayIso(ctx: SheetsContext, now: Date = new Date()): string {
  let tz: string | null = null;
  try {
    tz = ctx.ss.getSpreadsheetTimeZone();
  } catch {
    /* no zone: the runtime's */
  }
  return coreTodayIso(tz, now);
}

export interface ReviewPayload {
  sheet: string;
  /** YYYY-MM of the monthly summary. */
  month?: string | undefined;
  asOf?: string | undefined;
}

export interface AlignmentPayload {
  mode?: 'krs' | 'children' | 'both' | undefined;
  childShare?: number | undefined;
}

const alignmentOpts = (p: AlignmentPayload) => ({
  ...(p.mode ? { mode: p.mode } : {}),
  ...(p.childShare !== undefined ? { childShare: p.childShare } : {}),
});

const reviewOpts = (p: ReviewPayload) => ({ sheet: p.sheet, ...(p.asOf ? { asOf: p.asOf } : {}), ...(p.month ? { month: p.month } : {}) });

export function generateReviewAction(ctx: SheetsContext, p: ReviewPayload): GenerateReviewResult {
  return generateReview(ctx, reviewOpts(p));
}

export function reviewMarkdownAction(ctx: SheetsContext, p: ReviewPayload): { markdown: string } {
  return { markdown: reviewMarkdown(ctx, reviewOpts(p)) };
}

export function generateDashboardAction(ctx: SheetsContext, p: { asOf?: string | undefined }): GenerateDashboardResult {
  return generateDashboard(ctx, p.asOf ? { asOf: p.asOf } : {});
}

export function generateAlignmentMapAction(ctx: SheetsContext, p: AlignmentPayload): GenerateAlignmentResult {
  return generateAlignmentMap(ctx, { alignment: alignmentOpts(p) });
}

export function alignmentTreeAction(ctx: SheetsContext, p: AlignmentPayload): AlignmentTree {
  return alignmentTree(ctx, { alignment: alignmentOpts(p) });
}

export type { GenerateAlignmentResult, GenerateDashboardResult, GenerateReviewResult };
