/**
 * The known inputs diagnostics writes into its scratch sheet: every KR type, a decrease written
 * as an Increase row (target below start), a milestone ticked and one at 70 %, a blank current
 * (not started), an over-achieved KR, a self-score, weights given and left blank — with a fixed
 * As-of date, so the sheet's own formulas and core must agree on one answer.
 */
import type { Lang } from '../../core/i18n';
import { buildOkrSheetPlanFromRows, type OkrSheetRow } from '../../core/plan/okrSheet';
import type { SheetPlan } from '../../core/plan/types';

export const FIXTURE_CYCLE = { cycle: '2026-Q4', start: '2026-10-01', end: '2026-12-31', asOf: '2026-11-15' };

export const FIXTURE_ROWS: OkrSheetRow[] = [
  { id: 'O1', type: 'objective', title: 'Diagnostics objective one' },
  { id: 'O1.KR1', type: 'increase', title: 'Increase 20 → 120, now 70', start: 20, target: 120, current: 70, weight: 0.4 },
  { id: 'O1.KR2', type: 'decrease', title: 'Decrease 10 → 4, now 7', start: 10, target: 4, current: 7, weight: 0.3 },
  { id: 'O1.KR3', type: 'increase', title: 'A decrease as an Increase row: 1.5 → 1, now 1.2', start: 1.5, target: 1, current: 1.2 },
  { id: 'O1.KR4', type: 'atLeast', title: 'At least 95, now 96', start: 80, target: 95, current: 96 },
  { id: 'O2', type: 'objective', title: 'Diagnostics objective two' },
  { id: 'O2.KR1', type: 'atMost', title: 'At most 3, now 5 from 9', start: 9, target: 3, current: 5 },
  { id: 'O2.KR2', type: 'milestone', title: 'Milestone done', target: 1, current: true },
  { id: 'O2.KR3', type: 'milestone', title: 'Milestone 70 % done', target: 1, current: 0.7 },
  { id: 'O2.KR4', type: 'increase', title: 'Not started (blank current)', start: 0, target: 50, current: null },
  { id: 'O2.KR5', type: 'increase', title: 'Over-achieved, self-scored 0.6', start: 0, target: 10, current: 14, selfScore: 0.6 },
];

/** The scratch sheet: no Settings sheet (the formulas fall back to 0.2 / 0.4), two spare rows. */
export function fixturePlan(lang: Lang, sheetName: string): SheetPlan {
  return buildOkrSheetPlanFromRows({
    lang,
    sheetName,
    spareRows: 2,
    settingsSheetName: null,
    header: {
      unit: 'OKR Sheets diagnostics',
      level: 'team',
      owner: '007', // number-like text: both write paths must keep it as text (paths.ts compares them)
      cycle: FIXTURE_CYCLE.cycle,
      cycleStart: FIXTURE_CYCLE.start,
      cycleEnd: FIXTURE_CYCLE.end,
      alignedTo: '',
      asOf: FIXTURE_CYCLE.asOf,
    },
    rows: FIXTURE_ROWS,
    metadata: { diagnostics: 'scratch' },
  });
}
