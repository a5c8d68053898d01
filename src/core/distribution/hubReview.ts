/**
 * The review (复盘) of any unit from the hub (issue 12 §3), with the same review task as a unit's
 * own workbook (core/tasks/review `reviewSheetTask`). It is fed one workbook model that holds:
 * - the unit's file as read now: its OKR sheet (the latest cycle's), check-ins, actions, Settings;
 * - the OKR tables of the other units as collection last read them, so the children's roll-up
 *   across files is in the review (each named by its registry unit, as in the Alignment map);
 * - the hub's own Review sheets, so what owners already wrote in the hub's review of this unit is
 *   merged back, never lost.
 * Offline (`collect --review UNIT`) and in Sheets (the Distribute panel) build the same model.
 */
import type { Lang } from '../i18n';
import { readSnapshot, type SheetSnapshot, type WorkbookModel, type WorkbookSnapshot } from '../snapshot';
import { reviewSheetTask, type ReviewFailure, type ReviewSheetTask } from '../tasks/review';
import { unitKey } from './registry';
import { latestUnitTable } from './unitTable';

export interface HubReviewInput {
  /** The unit as the registry spells it. */
  unit: string;
  /** The unit's own file. */
  file: WorkbookSnapshot;
  /** The other units' OKR table values (as last collected). */
  others: readonly { unit: string; values: unknown[][] }[];
  /** The hub's sheets; only those with our Review role are used. */
  hubSheets: readonly SheetSnapshot[];
  lang: Lang;
  asOf?: string;
  month?: string;
}

/** The model the review reads, and the name of the unit's OKR sheet in it; null: the file holds no OKR table. */
export function hubReviewModel(input: HubReviewInput): { model: WorkbookModel; sheet: string; hubNames: Map<string, string> } | null {
  const own = readSnapshot(input.file, input.lang);
  const okr = latestUnitTable(own.okr, input.unit);
  if (!okr) return null;
  const keep = input.file.sheets.filter((s) => {
    const role = own.roles.get(s.name);
    return s.name === okr.sheet || role === 'checkins' || role === 'actions' || role === 'settings';
  });
  const taken = new Set(keep.map((s) => s.name.toLowerCase()));
  const uniqueName = (base: string) => {
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
    taken.add(name.toLowerCase());
    return name;
  };
  const others: SheetSnapshot[] = input.others
    .filter((o) => unitKey(o.unit) !== unitKey(input.unit))
    .map((o) => ({ name: uniqueName(o.unit), metaRole: 'okr', values: o.values }));
  // the model's name of each hub Review sheet → its name in the hub (renamed only on a clash)
  const hubNames = new Map<string, string>();
  const reviews: SheetSnapshot[] = input.hubSheets
    .filter((s) => s.metaRole === 'review')
    .map((s) => {
      const name = uniqueName(s.name);
      hubNames.set(name, s.name);
      return { ...s, name };
    });
  const snapshot: WorkbookSnapshot = { ...input.file, sheets: [...keep, ...others, ...reviews] };
  return { model: readSnapshot(snapshot, input.lang), sheet: okr.sheet, hubNames };
}

/** The unit's Review sheet plan for the hub (onto the hub's existing review of that unit and cycle). */
export function hubReviewTask(input: HubReviewInput): ReviewSheetTask | ReviewFailure {
  const built = hubReviewModel(input);
  if (!built) return { error: 'notOkrSheet', name: input.unit };
  const task = reviewSheetTask(built.model, {
    sheet: built.sheet,
    lang: input.lang,
    ...(input.asOf ? { asOf: input.asOf } : {}),
    ...(input.month ? { month: input.month } : {}),
  });
  if ('error' in task) return task;
  const target = task.target ? (built.hubNames.get(task.target) ?? null) : null;
  return { ...task, target, plan: { ...task.plan, name: target ?? task.plan.name } };
}
