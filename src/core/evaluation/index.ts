/**
 * The 360 evaluation task (issue 14 §4): a roster → the Evaluation sheet plan of a cycle; a
 * filled Evaluation sheet → results per person. Shells (CLI, add-on) call only these.
 */
import type { Lang } from '../i18n';
import { readRosterValues, type RosterProblem } from '../roster';
import type { WorkbookPlan } from '../plan/types';
import { buildEvaluationPlan, responseRowCount, type EvaluationPlanOptions } from './plan';
import { peopleFromRoster, type EvaluationPerson } from './people';
import { okrFinalScores } from './okr';
import type { WorkbookModel } from '../snapshot';
import { personKey } from './plan';

export { buildEvaluationPlan, evaluationSheetName, personKey, type EvaluationPlanOptions } from './plan';
export { peopleFromRoster, type EvaluationPerson } from './people';
export { isEvaluationSheet, readEvaluations, readEvaluationValues, type EvaluationRead, type EvaluationResult, type MissingEvaluation } from './read';
export { okrFinalScores, type PersonOkrScore } from './okr';
export { DEFAULT_OKR_WEIGHT, DEFAULT_WEIGHTS, RELATION_LABELS, RELATIONS, type Relation } from './labels';

export type EvaluationTaskResult =
  | {
      ok: true; plan: WorkbookPlan; people: EvaluationPerson[]; responseRows: number;
      /** People whose OKR final score is shown beside their result (the others are blank). */
      withOkrScore: number;
    }
  | { ok: false; problems: RosterProblem[] };

/**
 * Roster values (a sheet or a CSV, header in either language) → the Evaluation sheet plan. With
 * `okrModel` (the workbook the roster sits in, or one given beside it), each person's OKR final
 * score (./okr.ts) is filled in beside their result as context.
 */
export function planEvaluationFromRoster(
  values: readonly (readonly unknown[])[],
  opts: EvaluationPlanOptions & { lang: Lang; okrModel?: WorkbookModel },
): EvaluationTaskResult {
  const found = peopleFromRoster(readRosterValues(values));
  if (!found.ok) return found;
  const { okrModel, ...planOpts } = opts;
  const okrScores = planOpts.okrScores ?? (okrModel ? new Map([...okrFinalScores(okrModel, found.people)].map(([k, v]) => [k, v.score])) : undefined);
  const sheet = buildEvaluationPlan(found.people, { ...planOpts, ...(okrScores ? { okrScores } : {}) });
  const withOkrScore = found.people.filter((p) => okrScores?.has(personKey(p.name))).length;
  return { ok: true, plan: { sheets: [sheet] }, people: found.people, responseRows: responseRowCount(found.people, opts.maxPeers), withOkrScore };
}
