/**
 * The grading view (sidebar "Grading" panel; RPC `gradingView`, `saveGrades`; issue 14 §3):
 * one snapshot → core task (src/core/tasks/grading.ts) → for Save, the Manager score and
 * Comment cells written through src/sheets/cells.ts (one setValues per run of adjacent rows
 * per column; no other cell touched) → the view as it now stands.
 */
import { readSnapshot } from '../../core/snapshot';
import {
  gradingView, modelAfterSave, planSaveGrades, type GradeInput, type GradingView,
} from '../../core/tasks/grading';
import { writeCellBlocks } from '../../sheets/cells';
import type { SheetsContext } from '../../sheets/context';
import { OkrError } from '../../sheets/errors';
import { takeSnapshot } from '../../sheets/snapshot';
import type { SaveGradesResult } from '../rpc/contract';


function viewOrThrow(v: ReturnType<typeof gradingView>): GradingView {
  if ('error' in v) throw new OkrError('notFound', v.error, v.params);
  return v;
}

export function gradingViewAction(ctx: SheetsContext, p: { sheet?: string | undefined }): GradingView {
  const snapshot = takeSnapshot(ctx, p.sheet !== undefined ? { sheets: [p.sheet] } : {});
  return viewOrThrow(gradingView(readSnapshot(snapshot, ctx.lang), { ...(p.sheet !== undefined ? { sheet: p.sheet } : {}), lang: ctx.lang }));
}

export function saveGradesAction(ctx: SheetsContext, p: { sheet: string; grades: GradeInput[] }): SaveGradesResult {
  const model = readSnapshot(takeSnapshot(ctx, { sheets: [p.sheet] }), ctx.lang);
  const plan = planSaveGrades(model, p.sheet, p.grades, ctx.lang);
  if (!plan.ok) return plan;
  writeCellBlocks(ctx, plan.sheet, plan.blocks);
  const view = viewOrThrow(gradingView(modelAfterSave(model, plan), { sheet: plan.sheet, lang: ctx.lang }));
  return { ok: true, sheet: plan.sheet, written: plan.rows, view };
}
