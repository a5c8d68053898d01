/**
 * The alignment task: snapshot model in, the alignment tree (sidebar), the Alignment map sheet
 * plan and the problem lines (loops, self-alignment, broken links), capped with a count of the
 * rest — the same lines for the sheet, the sidebar, `okr-sheets review` and Check.
 */
import { alignmentProblemLines, buildAlignment, type AlignmentOptions, type AlignmentTree } from '../alignment';
import type { Lang } from '../i18n';
import { alignmentSheetPlan } from '../plan/alignmentSheet';
import { withOwnedRange } from '../plan/owned';
import type { SheetPlan } from '../plan/types';
import type { WorkbookModel } from '../snapshot';
import { ownedSheet } from './dashboard';

/** The alignment tree of every OKR sheet of the model. */
export function alignmentOf(model: WorkbookModel, opts: AlignmentOptions = {}): AlignmentTree {
  return buildAlignment(model.okr.map((o) => ({ sheet: o.sheet, table: o.read.table })), opts);
}

export interface AlignmentTask {
  tree: AlignmentTree;
  plan: SheetPlan;
  /** Our existing Alignment map sheet to rewrite in place, or null: a new sheet. */
  target: string | null;
  /** Localized problem lines, capped (`alignmentProblemLines`). */
  problems: string[];
}

export function alignmentTask(model: WorkbookModel, req: { lang?: Lang; alignment?: AlignmentOptions } = {}): AlignmentTask {
  const lang = req.lang ?? model.settings.lang;
  const tree = alignmentOf(model, req.alignment);
  const target = ownedSheet(model, 'alignment')?.name ?? null;
  const plan = withOwnedRange(alignmentSheetPlan(tree, lang, target ? { name: target } : {}));
  return { tree, plan, target, problems: alignmentProblemLines(tree, lang) };
}
