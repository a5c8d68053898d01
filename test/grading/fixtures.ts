/** A graded OKR sheet in the in-memory workbook (native formulas evaluated by HyperFormula). */
import type { Lang } from '../../src/core/i18n';
import { buildOkrSheetPlanFromRows, type OkrSheetRow } from '../../src/core/plan/okrSheet';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { createLocalApp } from '../../src/local/workbook';

/** O1: KR1 at 60%, KR2 at 40%; KR2 self 0.8, manager 0.4 (a 0.4 gap). O2: KR1 rubric, no rubric
 *  steps yet; O2 self 0.6, manager 0.7 (0.1: not a calibration item). */
export const GRADED_ROWS: OkrSheetRow[] = [
  { id: 'O1', type: 'objective', title: 'Grow the sales centre', owner: 'Wang' },
  { id: 'O1.KR1', type: 'increase', title: 'Qualified leads to 1000', owner: 'Li', start: 0, target: 1000, current: 600, unit: 'leads' },
  { id: 'O1.KR2', type: 'increase', title: 'Partner channels to 50', owner: 'Han', start: 0, target: 50, current: 20, unit: 'channels', selfScore: 0.8, managerScore: 0.4, comment: 'Half of the channels are not active yet' },
  { id: 'O2', type: 'objective', title: 'One sales method', owner: 'Wang', selfScore: 0.6, managerScore: 0.7 },
  { id: 'O2.KR1', type: 'rubric', title: 'Deals closed with the standard playbook', owner: 'Zhang', start: 0, target: 100, current: 80, rubric: '≥90:1; ≥70:0.7; ≥50:0.3' },
];

export function gradedWorkbook(lang: Lang = 'en', rows: OkrSheetRow[] = GRADED_ROWS, name = 'Sales') {
  const local = createLocalApp({ lang });
  const ctx = local.ctx(lang);
  applyWorkbookPlan(ctx, {
    sheets: [buildOkrSheetPlanFromRows({
      lang, sheetName: name, spareRows: 2, settingsSheetName: null,
      header: { unit: 'Sales centre', level: 'department', owner: 'Wang', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: '', asOf: '2026-12-31' },
      rows,
    })],
  });
  return { local, ctx };
}
