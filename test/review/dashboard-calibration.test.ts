/**
 * Dashboard calibration (issue 14 §3): objectives and KRs whose self and manager scores differ by
 * 0.3 or more (as shares; 30 points on 0–100), listed with unit, id, self, manager and the
 * difference — in the data and on the Dashboard sheet, in the workbook's scale.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { buildDashboard, dashboardSheetPlan } from '../../src/core/plan/dashboardSheet';
import { row, table } from './fixtures';

const sheets = (f: number) => [
  {
    sheet: 'Sales', table: table({ unit: 'Sales centre', level: 'department', owner: 'Wang' }, [
      row({ id: 'O1', type: 'objective', title: 'Grow', selfScore: 0.9 * f, managerScore: 0.6 * f }), // exactly 0.3 apart
      row({ id: 'O1.KR1', type: 'increase', title: 'Leads', start: 0, target: 10, current: 5, selfScore: 0.5 * f, managerScore: 0.4 * f }), // 0.1
      row({ id: 'O1.KR2', type: 'increase', title: 'Partners', start: 0, target: 10, current: 5, selfScore: 0.2 * f, managerScore: 0.7 * f }), // +0.5
      row({ id: 'O1.KR3', type: 'increase', title: 'No self-score', start: 0, target: 10, current: 5, managerScore: 0 }),
    ], 'en'),
  },
  {
    sheet: 'Team', table: table({ unit: 'Team', level: 'team', owner: 'Zhao' }, [
      row({ id: 'O1', type: 'objective', title: 'Ship' }),
      row({ id: 'O1.KR1', type: 'increase', title: 'Releases', start: 0, target: 4, current: 4, selfScore: 1 * f, managerScore: 0.6 * f }), // -0.4
    ], 'en'),
  },
];

describe('dashboard calibration', () => {
  it('lists self/manager gaps of 0.3 or more, either way, and nothing else', () => {
    const data = buildDashboard(sheets(1), [], '2026-12-31', { lang: 'en', settings: DEFAULT_SETTINGS });
    expect(data.calibration.map((c) => [c.unit, c.id, c.self, c.manager, Number(c.difference.toFixed(6))])).toEqual([
      ['Sales centre', 'O1', 0.9, 0.6, -0.3],
      ['Sales centre', 'O1.KR2', 0.2, 0.7, 0.5],
      ['Team', 'O1.KR1', 1, 0.6, -0.4],
    ]);
  });

  it('the Dashboard sheet lists them in the scale (0–1 and 0–100)', () => {
    const plan01 = dashboardSheetPlan(buildDashboard(sheets(1), [], '2026-12-31', { lang: 'en', settings: DEFAULT_SETTINGS })).sheet;
    const at = plan01.values.findIndex((r) => r[0] === 'Calibration: self and manager scores 0.3 or more apart');
    expect(at).toBeGreaterThan(0);
    expect(plan01.values.slice(at + 1, at + 5)).toEqual([
      ['Unit', 'Objective / KR', 'Title', 'Self', 'Manager', 'Difference (manager − self)'],
      ['Sales centre', 'O1', 'Grow', 0.9, 0.6, -0.3],
      ['Sales centre', 'O1.KR2', 'Partners', 0.2, 0.7, 0.5],
      ['Team', 'O1.KR1', 'Releases', 1, 0.6, -0.4],
    ]);
    expect(plan01.formats).toContainEqual({ range: `F${at + 3}:F${at + 5}`, numberFormat: '+0.0;-0.0;0.0' });

    const data100 = buildDashboard(sheets(100), [], '2026-12-31', { lang: 'zh-CN', settings: { ...DEFAULT_SETTINGS, scoreScale: '0-100' } });
    expect(data100.calibration.map((c) => c.id)).toEqual(['O1', 'O1.KR2', 'O1.KR1']);
    const plan100 = dashboardSheetPlan(data100).sheet;
    const z = plan100.values.findIndex((r) => r[0] === '评分校准：自评与上级评相差 30 或以上');
    expect(plan100.values[z + 2]).toEqual(['Sales centre', 'O1', 'Grow', 90, 60, -30]);
    expect(plan100.formats).toContainEqual({ range: `D${z + 3}:E${z + 5}`, numberFormat: '0' });
  });

  it('says so when there is nothing to calibrate; the chart sits below the list', () => {
    const data = buildDashboard([sheets(1)[1]!].map((s) => ({ ...s, table: { ...s.table, rows: s.table.rows.map((r) => ({ ...r, managerScore: null })) } })), [], '2026-12-31', { lang: 'en' });
    expect(data.calibration).toEqual([]);
    const { sheet, chart } = dashboardSheetPlan(data);
    expect(sheet.values.some((r) => r[0] === '(none: self and manager scores agree, or are not in yet)')).toBe(true);
    expect(chart.anchorRow).toBeGreaterThan(sheet.values.length);
  });

  it('the unit score column is in the scale too, coloured by the Settings bands', () => {
    const data = buildDashboard(sheets(100), [], '2026-12-31', { lang: 'en', settings: { ...DEFAULT_SETTINGS, scoreScale: '0-100', gradeGreenFrom: 0.8 } });
    const plan = dashboardSheetPlan(data).sheet;
    // Sales centre: O1 self 90 → Score cell 90 (the Final score, not the unit score, takes the manager's)
    expect(plan.values[4]![5]).toBe(90);
    expect(plan.formats).toContainEqual({ range: 'F5:F6', numberFormat: '0' });
    expect(plan.conditionalFormats.slice(0, 3).map((c) => c.when)).toEqual([
      { kind: 'numberGreaterEq', value: 80 }, { kind: 'numberBetween', min: 40, max: 79.99 }, { kind: 'numberLess', value: 40 },
    ]);
  });
});
