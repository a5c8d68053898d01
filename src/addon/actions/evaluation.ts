/**
 * "360 evaluation" (RPC `generateEvaluation`, issue 14 §4): one snapshot → the roster sheet
 * (ours by role metadata, else the first sheet with a roster header) → core
 * `planEvaluationFromRoster` → applied as a new sheet (a second run for the same cycle gets a
 * new name; answers already typed are never overwritten) → what the user sees.
 */
import { planEvaluationFromRoster } from '../../core/evaluation';
import type { Localized } from '../../core/i18n';
import { cycleDates } from '../../core/pace';
import { readRosterValues } from '../../core/roster';
import { readSnapshot } from '../../core/snapshot';
import { applyWorkbookPlan } from '../../sheets/applyPlan';
import type { SheetsContext } from '../../sheets/context';
import { OkrError } from '../../sheets/errors';
import { takeSnapshot } from '../../sheets/snapshot';
import type { EvaluationSheetResult } from '../rpc/contract';
import { activateSheet } from '../../sheets/cells';

const MSG = {
  badCycle: { 'zh-CN': '无法识别的周期：{cycle}（示例：2026-Q4、2026-11、2026）', en: 'Unknown cycle: {cycle} (examples: 2026-Q4, 2026-11, 2026)' },
  noRoster: { 'zh-CN': '没有找到组织名单表（需要“单元”“上级单元”“负责人”等列）', en: 'No roster sheet found (expected columns such as “Unit”, “Parent unit”, “Owner”)' },
} satisfies Record<string, Localized>;

export interface EvaluationPayload {
  cycle: string;
  /** The roster sheet; default ours (role metadata), else the first with a roster header. */
  rosterSheet?: string | undefined;
}

export function generateEvaluationAction(ctx: SheetsContext, p: EvaluationPayload): EvaluationSheetResult {
  const cycle = p.cycle.trim();
  if (!cycleDates(cycle)) throw new OkrError('invalidInput', MSG.badCycle, { cycle });
  const snapshot = takeSnapshot(ctx);
  const roster = p.rosterSheet !== undefined
    ? snapshot.sheets.find((s) => s.name === p.rosterSheet)
    : snapshot.sheets.find((s) => s.metaRole === 'roster') ?? snapshot.sheets.find((s) => readRosterValues(s.values).headerRow >= 0);
  if (!roster) return { ok: false, sheet: null, people: 0, rows: 0, problems: [MSG.noRoster[ctx.lang]] };
  // the OKR sheets of this workbook give each person's OKR final score (core evaluation/okr.ts)
  const task = planEvaluationFromRoster(roster.values, { lang: ctx.lang, cycle, okrModel: readSnapshot(snapshot, ctx.lang) });
  if (!task.ok) return { ok: false, sheet: roster.name, people: 0, rows: 0, problems: task.problems.map((x) => x.message[ctx.lang]) };
  const [name] = applyWorkbookPlan(ctx, task.plan, { uniqueNames: true });
  activateSheet(ctx, name);
  return { ok: true, sheet: name ?? null, people: task.people.length, rows: task.responseRows, problems: [], withOkrScore: task.withOkrScore };
}
