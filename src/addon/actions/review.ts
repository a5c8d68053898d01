/**
 * Review actions (sidebar "Review" panel, RPC `generateReview`, `reviewMarkdown`,
 * `generateDashboard`, `generateAlignmentMap`, `alignmentTree`). "As of" defaults to today in
 * the spreadsheet's time zone; everything below works on an explicit date.
 */
import type { AlignmentTree } from '../../core/alignment';
import type { SheetsContext } from '../../sheets/context';
import {
  alignmentTree, generateAlignmentMap, generateDashboard, generateReview, reviewMarkdown,
  type GenerateAlignmentResult, type GenerateDashboardResult, type GenerateReviewResult,
} from '../../sheets/review';

/** Today as an ISO date in the spreadsheet's time zone (falls back to the runtime's). */
export function todayIso(ctx: SheetsContext, now: Date = new Date()): string {
  try {
    const tz = ctx.ss.getSpreadsheetTimeZone();
    if (tz && typeof Intl !== 'undefined') {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
      if (/^\d{4}-\d{2}-\d{2}$/.test(parts)) return parts;
    }
  } catch {
    /* unknown time zone: use the runtime's */
  }
  const p = (n: number) => (n < 10 ? '0' : '') + n;
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
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

export function generateReviewAction(ctx: SheetsContext, p: ReviewPayload): GenerateReviewResult {
  return generateReview(ctx, { sheet: p.sheet, asOf: p.asOf ?? todayIso(ctx), ...(p.month ? { month: p.month } : {}) });
}

export function reviewMarkdownAction(ctx: SheetsContext, p: ReviewPayload): { markdown: string } {
  return { markdown: reviewMarkdown(ctx, { sheet: p.sheet, asOf: p.asOf ?? todayIso(ctx), ...(p.month ? { month: p.month } : {}) }) };
}

export function generateDashboardAction(ctx: SheetsContext, p: { asOf?: string | undefined }): GenerateDashboardResult {
  return generateDashboard(ctx, { asOf: p.asOf ?? todayIso(ctx) });
}

export function generateAlignmentMapAction(ctx: SheetsContext, p: AlignmentPayload): GenerateAlignmentResult {
  return generateAlignmentMap(ctx, { alignment: alignmentOpts(p) });
}

export function alignmentTreeAction(ctx: SheetsContext, p: AlignmentPayload): AlignmentTree {
  return alignmentTree(ctx, { alignment: alignmentOpts(p) });
}

export type { GenerateAlignmentResult, GenerateDashboardResult, GenerateReviewResult };
