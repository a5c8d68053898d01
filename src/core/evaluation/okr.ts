/**
 * The person's OKR final score beside their 360 result (issue 14 §4), as context.
 *
 * Which OKR sheets count for a person: the ones they own — the sheet whose header Owner is
 * their name — and, when none names them, the sheet of the unit the roster gives them (its
 * header Unit). Why the owned sheets and not every row they own inside others' sheets: the
 * people of the evaluation are the roster's unit owners, and a unit's OKR sheet is what that
 * owner committed to and was graded on as a whole (the manager's Final scores); single KRs a
 * person carries on a parent's sheet are part of that parent's result and would be counted twice.
 *
 * The score is the unit score of those sheets with the grading round's Final scores: the mean of
 * their objectives' Final scores (manager's when given, else self, else computed) — a share 0–1,
 * as the Evaluation sheet's "OKR final score (0–1)" column and its 1 + 4 × score formula expect.
 * A person with no such sheet gets no score (blank), never 0.
 */
import { gradeRows } from '../grading';
import type { WorkbookModel } from '../snapshot';
import { personKey } from './plan';
import type { EvaluationPerson } from './people';

export interface PersonOkrScore {
  score: number;
  /** The OKR sheets the score comes from. */
  sheets: string[];
}

export function okrFinalScores(model: WorkbookModel, people: readonly EvaluationPerson[]): Map<string, PersonOkrScore> {
  const byOwner = new Map<string, string[]>();
  const byUnit = new Map<string, string[]>();
  const finals = new Map<string, number[]>();
  for (const o of model.okr) {
    const h = o.read.table.header;
    const objectives = gradeRows(o.read.table, o.read.asOf ?? model.snapshot.asOf, model.settings).filter((r) => r.kind === 'objective');
    if (objectives.length === 0) continue;
    finals.set(o.sheet, objectives.map((r) => r.final));
    if (h.owner.trim()) byOwner.set(personKey(h.owner), [...(byOwner.get(personKey(h.owner)) ?? []), o.sheet]);
    const unit = personKey(h.unit || o.sheet);
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), o.sheet]);
  }
  const out = new Map<string, PersonOkrScore>();
  for (const p of people) {
    const sheets = byOwner.get(personKey(p.name)) ?? byUnit.get(personKey(p.unit)) ?? [];
    if (sheets.length === 0) continue;
    const all = sheets.flatMap((s) => finals.get(s) ?? []);
    out.set(personKey(p.name), { score: all.reduce((s, x) => s + x, 0) / all.length, sheets });
  }
  return out;
}
