/**
 * The 360 link (issue 14 §4): generating the Evaluation sheet in a workbook with OKR sheets fills
 * in each person's OKR final score (the sheets they own, else their unit's; the mean of the
 * objectives' Final scores — manager's when given) beside the 360 result; a person with no OKR
 * sheet stays blank, never 0; the OKR weight stays 0 so the overall equals the 360 result.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import { readEvaluations } from '../../src/core/evaluation';
import { buildOkrSheetPlanFromRows, type OkrSheetRow } from '../../src/core/plan/okrSheet';
import { buildRosterTemplatePlan } from '../../src/core/roster';
import { createLocalApp } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { ROSTER } from './fixtures';

function okrSheet(name: string, unit: string, owner: string, rows: OkrSheetRow[]) {
  return buildOkrSheetPlanFromRows({
    lang: 'en', sheetName: name, spareRows: 1, settingsSheetName: null,
    header: { unit, level: 'team', owner, cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: '', asOf: '2026-12-31' },
    rows,
  });
}

describe('360 evaluation: OKR final score beside the result', () => {
  it('owned sheets first, else the unit\'s; manager scores count; no sheet → blank', () => {
    const local = createLocalApp({ plan: { sheets: [{ ...buildRosterTemplatePlan('en'), values: ROSTER }] } });
    const ctx = local.ctx('en');
    applyWorkbookPlan(ctx, {
      sheets: [
        // Bob's own sheet: O1 manager 0.4 (self 0.9); O2 computed 0.6 → mean 0.5
        okrSheet('Sales OKRs', 'Sales', 'Bob', [
          { id: 'O1', type: 'objective', title: 'Grow', selfScore: 0.9, managerScore: 0.4 },
          { id: 'O1.KR1', type: 'increase', title: 'Leads', start: 0, target: 10, current: 10 },
          { id: 'O2', type: 'objective', title: 'Method' },
          { id: 'O2.KR1', type: 'increase', title: 'Playbook', start: 0, target: 10, current: 6 },
        ]),
        // no owner named: the sheet of Dan's unit (the roster: Dan owns Sales East)
        okrSheet('East', 'Sales East', '', [
          { id: 'O1', type: 'objective', title: 'East', managerScore: 0.8 },
          { id: 'O1.KR1', type: 'increase', title: 'Deals', start: 0, target: 10, current: 3 },
        ]),
      ],
    });
    const r = dispatch('generateEvaluation', { cycle: '2026-Q4' }, () => ctx, 'en');
    expect(r).toMatchObject({ ok: true, result: { ok: true, people: 7, withOkrScore: 2 } });
    const read = readEvaluations(takeSnapshot(ctx))[0]!;
    const okr = Object.fromEntries(read.results.map((x) => [x.person, x.okrScore]));
    expect(okr.Bob).toBeCloseTo(0.5, 10);
    expect(okr.Dan).toBeCloseTo(0.8, 10);
    expect(okr.Alice).toBeNull();
    expect(okr.Eve).toBeNull();
    // weakly linked: weight 0, so with answers the overall is the 360 result alone
    expect(read.okrWeight).toBe(0);
  });
});
