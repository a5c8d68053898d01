/**
 * The alignment task: snapshot model in, the alignment tree (sidebar), the Alignment map sheet
 * plan and the problem lines (loops, self-alignment, broken links), capped with a count of the
 * rest — the same lines for the sheet, the sidebar, `okr-sheets review` and Check.
 */
import { MAX_PROBLEM_LINES, MORE_PROBLEMS, alignmentProblemLines, buildAlignment, type AlignmentOptions, type AlignmentTree } from '../alignment';
import { fmt, type Lang } from '../i18n';
import { a1For } from '../table';
import { alignmentSheetPlan } from '../plan/alignmentSheet';
import { withOwnedRange } from '../plan/owned';
import type { SheetPlan } from '../plan/types';
import type { WorkbookModel } from '../snapshot';
import { ownedSheet } from './dashboard';

/** The alignment tree of every OKR sheet of the model. */
export function alignmentOf(model: WorkbookModel, opts: AlignmentOptions = {}): AlignmentTree {
  return buildAlignment(model.okr.map((o) => ({ sheet: o.sheet, table: o.read.table })), { settings: model.settings, ...opts });
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

/** A Check finding about alignment (the shape of src/core/tasks/check.ts's `CheckFinding`). */
export interface AlignmentFinding {
  ruleId: 'alignment-loop';
  severity: 'error';
  message: string;
  sheet: string;
  a1: string | null;
}

/**
 * Alignment loops — `A/O1 → B/O1 → A/O1`, an objective aligned to itself, units whose "aligned to"
 * go round — as Check findings at the objective's "Aligns to" cell (the unit header for a unit
 * loop), at most `MAX_PROBLEM_LINES`, then one finding counting the rest. Broken links are the
 * lint rule `aligned-parent`'s.
 */
export function alignmentFindings(model: WorkbookModel, lang: Lang, tree: AlignmentTree = alignmentOf(model)): AlignmentFinding[] {
  const loops = tree.problems.filter((p) => p.kind === 'cycle' || p.kind === 'unitCycle');
  const out: AlignmentFinding[] = [];
  for (const p of loops.slice(0, MAX_PROBLEM_LINES)) {
    const sheet = model.okr.find((o) => o.sheet === p.sheet);
    let a1: string | null = null;
    if (sheet && p.kind === 'cycle') {
      const id = p.ids[0]!.slice(p.ids[0]!.lastIndexOf('/') + 1);
      const row = sheet.read.table.rows.find((r) => r.type === 'objective' && r.id === id);
      if (row) a1 = a1For(sheet.read, { row: row.index, column: 'alignsTo' });
    }
    out.push({ ruleId: 'alignment-loop', severity: 'error', message: p.message[lang], sheet: p.sheet, a1 });
  }
  if (loops.length > MAX_PROBLEM_LINES) {
    out.push({ ruleId: 'alignment-loop', severity: 'error', message: fmt(MORE_PROBLEMS, lang, { n: loops.length - MAX_PROBLEM_LINES }), sheet: out[0]!.sheet, a1: null });
  }
  return out;
}
