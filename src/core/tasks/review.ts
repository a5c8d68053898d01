/**
 * The review task (复盘): snapshot model in, review documents, Markdown and Review sheet plans
 * out. The add-on (src/sheets/review.ts) and the CLI (src/local/cli/review.ts) both call these,
 * so for the same workbook and as-of day they print the same bytes.
 *
 * Each unit and cycle has its own Review sheet (issue 11 §1). Why one sheet per unit rather than
 * one shared sheet with the owners' text stored aside: the owners write in the sheet itself,
 * next to the computed lines, and a sheet that only ever holds one unit's review can be rewritten
 * without any risk to another unit's words; regenerating unit B never reads or writes unit A's
 * sheet. The sheet is found again by its title (unit and cycle, in either language) among the
 * sheets carrying our review role — never by its tab name, which users rename.
 */
import { buildAlignment, type AlignmentOptions, type AlignmentTree } from '../alignment';
import { fmt, type Lang } from '../i18n';
import { SHEET_NAMES } from '../labels';
import { mergeOwnerText, readOwnerText, reviewSheetPlan } from '../plan/reviewSheet';
import { withOwnedRange } from '../plan/owned';
import type { SheetPlan } from '../plan/types';
import { REVIEW_TEXT, buildReview, reviewToMarkdown, type ReviewDoc } from '../review';
import { findOkrSheet, type OkrSheetModel, type SheetSnapshot, type WorkbookModel } from '../snapshot';

export interface ReviewRequest {
  /** The OKR sheet to review (by name; case and spaces ignored). */
  sheet: string;
  /** The as-of day; default: the sheet's own As-of cell, else the snapshot's day. */
  asOf?: string;
  /** YYYY-MM of the monthly summary; default the month of the as-of day. */
  month?: string;
  /** The document's language; default the workbook's. */
  lang?: Lang;
  alignment?: AlignmentOptions;
}

/** Why no review could be made: no sheet of that name, or a sheet that is not an OKR table. */
export interface ReviewFailure {
  error: 'notFound' | 'notOkrSheet';
  name: string;
}

export const isReviewFailure = (x: unknown): x is ReviewFailure =>
  typeof x === 'object' && x !== null && 'error' in x && 'name' in x;

/** Separates the reviews of several OKR sheets in one Markdown text. */
export const REVIEW_SEPARATOR = '\n\n---\n\n';

/**
 * One sheet's review, with what owners already wrote in this unit's Review sheet merged back
 * (`mergeOwnerText`): the sheet, the Markdown and the CLI all carry the owners' words.
 */
function docOf(model: WorkbookModel, okr: OkrSheetModel, req: Omit<ReviewRequest, 'sheet'>, tree: AlignmentTree): ReviewDoc {
  const doc = buildReview({
    table: okr.read.table,
    sheet: okr.sheet,
    checkins: model.checkins,
    actions: model.actions,
    // the sheet's own As-of cell is what its Status formulas use: the review follows it
    asOf: req.asOf ?? okr.read.asOf ?? model.snapshot.asOf,
    lang: req.lang ?? model.settings.lang,
    settings: model.settings,
    alignment: tree,
    ...(req.month ? { month: req.month } : {}),
  });
  const existing = findReviewSheet(model, doc);
  return existing ? mergeOwnerText(doc, readOwnerText(existing.values)) : doc;
}

/** The review of one OKR sheet, or why there is none. */
export function reviewDocument(model: WorkbookModel, req: ReviewRequest): ReviewDoc | ReviewFailure {
  const okr = findOkrSheet(model, req.sheet);
  if (!okr) {
    const exists = model.snapshot.sheets.some((s) => s.name === req.sheet);
    return { error: exists ? 'notOkrSheet' : 'notFound', name: req.sheet };
  }
  return docOf(model, okr, req, buildAlignment(model.okr.map((o) => ({ sheet: o.sheet, table: o.read.table })), { settings: model.settings, ...req.alignment }));
}

/** The reviews of every OKR sheet, in tab order (the CLI's `review FILE`). */
export function reviewDocuments(model: WorkbookModel, req: Omit<ReviewRequest, 'sheet'> = {}): ReviewDoc[] {
  const tree = buildAlignment(model.okr.map((o) => ({ sheet: o.sheet, table: o.read.table })), { settings: model.settings, ...req.alignment });
  return model.okr.map((o) => docOf(model, o, req, tree));
}

/** Markdown of one or several reviews (the copy button, `okr-sheets review`). */
export function reviewsMarkdown(docs: readonly ReviewDoc[]): string {
  return docs.map((d) => reviewToMarkdown(d)).join(REVIEW_SEPARATOR);
}

/** The tab name a new Review sheet gets: `复盘 销售中心 2026-Q4` (Excel-safe characters, ≤ 100). */
export function reviewSheetName(doc: ReviewDoc): string {
  const base = [SHEET_NAMES.review[doc.lang], doc.unit, doc.cycle].map((s) => s.trim()).filter(Boolean).join(' ');
  return base.replace(/[[\]*?:/\\']/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
}

/** The titles a Review sheet of this unit and cycle carries in A1, in either language. */
function titlesOf(doc: ReviewDoc): Set<string> {
  const p = { unit: doc.unit, cycle: doc.cycle || '—' };
  return new Set([fmt(REVIEW_TEXT.title, 'zh-CN', p), fmt(REVIEW_TEXT.title, 'en', p)]);
}

/** Our Review sheet of this document's unit and cycle (role metadata + title), if any. */
export function findReviewSheet(model: WorkbookModel, doc: ReviewDoc): SheetSnapshot | null {
  const titles = titlesOf(doc);
  return model.snapshot.sheets.find((s) => s.metaRole === 'review' && !s.skipped && titles.has(cellText(s.values[0]?.[0]))) ?? null;
}

const cellText = (v: unknown) => (typeof v === 'string' ? v.replace(/^'/, '').trim() : '');

export interface ReviewSheetTask {
  doc: ReviewDoc;
  /** The Review sheet plan (its owned block recorded in its metadata). */
  plan: SheetPlan;
  /** The existing Review sheet of this unit and cycle to rewrite, or null: a new sheet. */
  target: string | null;
}

/**
 * The Review sheet of one unit, planned onto this unit's existing Review sheet (owners' words
 * merged back) or onto a new one.
 */
export function reviewSheetTask(model: WorkbookModel, req: ReviewRequest): ReviewSheetTask | ReviewFailure {
  const doc = reviewDocument(model, req);
  if (isReviewFailure(doc)) return doc;
  const existing = findReviewSheet(model, doc);
  const plan = withOwnedRange(reviewSheetPlan(doc, { name: existing?.name ?? reviewSheetName(doc) }));
  return { doc, plan, target: existing?.name ?? null };
}

/** Review sheet plans of every OKR sheet (the CLI's `review FILE -o out.xlsx`), names unique. */
export function reviewSheetPlans(docs: readonly ReviewDoc[]): SheetPlan[] {
  const used = new Set<string>();
  return docs.map((doc) => {
    const base = reviewSheetName(doc);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 95)} (${i})`;
    used.add(name.toLowerCase());
    return withOwnedRange(reviewSheetPlan(doc, { name }));
  });
}
