/** Rosters and randomly filled Evaluation sheets for the 360 evaluation tests. */
import { buildEvaluationPlan } from '../../src/core/evaluation/plan';
import { peopleFromRoster } from '../../src/core/evaluation/people';
import { readRosterValues } from '../../src/core/roster';
import type { PlanCell, SheetPlan } from '../../src/core/plan/types';
import type { Lang } from '../../src/core/i18n';
import { rng } from '../helpers/rng';
export { rng };

/** A company of three levels: Hua owns two units (counted once); Wen's team has no siblings. */
export const ROSTER: string[][] = [
  ['Unit', 'Level', 'Parent unit', 'Owner'],
  ['Company', 'Company', '', 'Alice'],
  ['Sales', 'Department', 'Company', 'Bob'],
  ['Marketing', 'Department', 'Company', 'Carol'],
  ['Product', 'Department', 'Company', 'Hua'],
  ['Sales East', 'Team', 'Sales', 'Dan'],
  ['Sales West', 'Team', 'Sales', 'Eve'],
  ['Key accounts', 'Team', 'Sales', 'Hua'],
  ['Brand', 'Team', 'Marketing', 'Wen'],
  ['Brand (Dan helps)', 'Individual', 'Brand', 'Dan'],
];

export function people(roster: string[][] = ROSTER) {
  const r = peopleFromRoster(readRosterValues(roster));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message.en).join('; '));
  return r.people;
}

export function plan(lang: Lang = 'en', okrScores?: Map<string, number>): SheetPlan {
  return buildEvaluationPlan(people(), { lang, cycle: '2026-Q4', ...(okrScores ? { okrScores } : {}) });
}

/** Header rows (0-based) of the responses and results blocks, and the criteria columns. */
export function locate(values: readonly (readonly unknown[])[]) {
  const responses = values.findIndex((r) => r[1] === 'Relation' || r[1] === '评价关系');
  const results = values.findIndex((r) => r[0] === 'Person' || r[0] === '被评人');
  return { responses, results, criteria: [3, 4, 5, 6] };
}

const set = (values: PlanCell[][], r: number, c: number, v: PlanCell) => {
  while (values.length <= r) values.push([]);
  const line = values[r]!;
  while (line.length <= c) line.push(null);
  line[c] = v;
};

/**
 * Fills a plan at random: some response rows left unanswered, some criteria blank or text
 * ("n/a": not a number, so not counted), random relation weights (sometimes 0, sometimes blank),
 * an OKR weight and OKR scores; sometimes a relation typed in another case.
 */
export function fillRandomly(p: SheetPlan, seed: number): SheetPlan {
  const next = rng(seed);
  const values = p.values.map((r) => [...r]);
  const { responses, results } = locate(values);
  for (let r = responses + 1; r < values.length; r++) {
    if (values[r]?.[0] === null || values[r]?.[0] === undefined) continue;
    if (next() < 0.3) continue; // not answered yet
    for (const c of [3, 4, 5, 6]) {
      const x = next();
      set(values, r, c, x < 0.15 ? null : x < 0.2 ? 'n/a' : 1 + Math.floor(next() * 5));
    }
    if (next() < 0.1) set(values, r, 1, String(values[r]![1]).toUpperCase());
  }
  for (let r = 4; r <= 7; r++) {
    const x = next();
    set(values, r, 1, x < 0.1 ? 0 : x < 0.15 ? null : Math.round(next() * 50) / 100);
  }
  set(values, 8, 1, next() < 0.5 ? 0 : Math.round(next() * 60) / 100);
  for (let r = results + 1; r < values.length && values[r]?.[0]; r++) {
    if (next() < 0.7) set(values, r, 6, Math.round(next() * 10) / 10);
  }
  return { ...p, values };
}
