/**
 * The 360 evaluation task (issue 14 §4): a roster → the Evaluation sheet plan of a cycle; a
 * filled Evaluation sheet → results per person. Shells (CLI, add-on) call only these.
 */
import type { Lang } from '../i18n';
import { readRosterValues, type RosterProblem } from '../roster';
import type { WorkbookPlan } from '../plan/types';
import { buildEvaluationPlan, responseRowCount, type EvaluationPlanOptions } from './plan';
import { peopleFromRoster, type EvaluationPerson } from './people';

export { buildEvaluationPlan, evaluationSheetName, personKey, type EvaluationPlanOptions } from './plan';
export { peopleFromRoster, type EvaluationPerson } from './people';
export { isEvaluationSheet, readEvaluations, readEvaluationValues, type EvaluationRead, type EvaluationResult, type MissingEvaluation } from './read';
export { DEFAULT_OKR_WEIGHT, DEFAULT_WEIGHTS, RELATION_LABELS, RELATIONS, type Relation } from './labels';

export type EvaluationTaskResult =
  | { ok: true; plan: WorkbookPlan; people: EvaluationPerson[]; responseRows: number }
  | { ok: false; problems: RosterProblem[] };

/** Roster values (a sheet or a CSV, header in either language) → the Evaluation sheet plan. */
export function planEvaluationFromRoster(values: readonly (readonly unknown[])[], opts: EvaluationPlanOptions & { lang: Lang }): EvaluationTaskResult {
  const found = peopleFromRoster(readRosterValues(values));
  if (!found.ok) return found;
  const sheet = buildEvaluationPlan(found.people, opts);
  return { ok: true, plan: { sheets: [sheet] }, people: found.people, responseRows: responseRowCount(found.people, opts.maxPeers) };
}
