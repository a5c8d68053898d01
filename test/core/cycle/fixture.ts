/**
 * A three-level workbook with a hand-written check-in history (issue 13 "must show"): company
 * Acme ← department Sales ← team East Sales, cycle 2026-Q4, a roster with the owners' emails.
 * Built as plans (the real OKR sheet with its native formulas) on the in-memory workbook.
 */
import type { Lang } from '../../../src/core/i18n';
import { buildOkrSheetPlanFromRows, type OkrSheetRow } from '../../../src/core/plan/okrSheet';
import { buildCheckInsPlan, buildSettingsPlan } from '../../../src/core/plan/supportSheets';
import { readSnapshot, type WorkbookModel } from '../../../src/core/snapshot';
import { createLocalApp, type LocalWorkbook } from '../../../src/local/workbook';
import { applyWorkbookPlan } from '../../../src/sheets/applyPlan';
import { takeSnapshot } from '../../../src/sheets/snapshot';

export const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

const header = (unit: string, level: 'company' | 'department' | 'team', owner: string, alignedTo: string) => ({
  unit, level, owner, alignedTo, ...CYCLE, asOf: null,
});

export const COMPANY_ROWS: OkrSheetRow[] = [
  { id: 'O1', type: 'objective', title: 'Become the region’s first choice', owner: 'Alex Lin' },
  { id: 'O1.KR1', type: 'increase', title: 'Revenue from 10M to 15M', owner: 'Alex Lin', start: 10, target: 15, current: 12, unit: 'M', due: '2026-12-31' },
];

export const SALES_ROWS: OkrSheetRow[] = [
  { id: 'O1', type: 'objective', title: 'Grow revenue in the east', owner: 'Li Lei', alignsTo: 'Acme/O1' },
  { id: 'O1.KR1', type: 'increase', title: 'Monthly revenue from 100 to 150', owner: 'Li Lei', start: 100, target: 150, current: 130, unit: 'k', weight: 0.5, due: '2026-12-31' },
  { id: 'O1.KR2', type: 'increase', title: 'Sign 10 new customers', owner: 'Wang Fang', start: 0, target: 10, current: 10, weight: 0.3, due: '2026-12-15' },
  { id: 'O1.KR3', type: 'milestone', title: 'Launch the partner portal', owner: 'Zhao Min', target: 1, weight: 0.2, due: '2026-11-15' },
  { id: 'O2', type: 'objective', title: 'Keep the team', owner: 'Li Lei' },
  { id: 'O2.KR1', type: 'atMost', title: 'Attrition below 8%', owner: 'Li Lei', start: 0.12, target: 0.08, current: 0.1, unit: '%', valueFormat: '0%', due: '2026-12-31' },
  { id: 'O3', type: 'objective', title: 'Close the pilot', owner: 'Li Lei' },
  { id: 'O3.KR1', type: 'milestone', title: 'Pilot contract signed', owner: 'Wang Fang', target: 1, current: true, due: '2026-11-30' },
];

export const EAST_ROWS: OkrSheetRow[] = [
  { id: 'O1', type: 'objective', title: 'Win the east coast', owner: 'Han Mei', alignsTo: 'Sales/O1' },
  { id: 'O1.KR1', type: 'increase', title: 'Qualified leads from 20 to 60', owner: 'Han Mei', start: 20, target: 60, current: 26, due: '2026-12-31' },
  { id: 'O1.KR2', type: 'increase', title: 'Demos from 0 to 30', owner: 'Chen Jing', start: 0, target: 30, current: 3, due: '2026-12-31' },
];

/** Check-in history: [date, sheet, KR, value, confidence, done, next, blockers]. */
export const HISTORY: (string | number | null)[][] = [
  ['2026-10-12', 'Sales OKR', 'O1.KR1', 110, 7, 'Two key accounts renewed', 'Visit the north cluster', ''],
  ['2026-11-02', 'Sales OKR', 'O1.KR1', 122, 7, 'Price list updated', 'Push the bundle', ''],
  ['2026-11-24', 'Sales OKR', 'O1.KR1', 130, 5, 'Bundle launched', 'Close 3 renewals', 'Need one more presales engineer'],
  ['2026-11-20', 'Sales OKR', 'O1.KR2', 10, 9, 'Tenth customer signed', '', ''],
  ['2026-10-20', 'Sales OKR', 'O2.KR1', 0.11, 6, 'Exit interviews done', 'Career paths', ''],
  ['2026-11-25', 'Sales OKR', 'O2.KR1', 0.1, 6, 'Career paths published', '', ''],
  ['2026-11-18', 'Sales OKR', 'O3.KR1', 1, 9, 'Pilot signed', '', ''],
  ['2026-10-15', 'East Sales OKR', 'O1.KR1', 24, 8, 'Trade fair', 'Follow up', ''],
  ['2026-11-23', 'East Sales OKR', 'O1.KR1', 26, 4, 'Few replies', 'New channel', 'Budget for ads'],
  ['2026-11-10', 'East Sales OKR', 'O1.KR2', 3, 6, 'First demos', '', ''],
  ['2026-11-26', 'Acme OKR', 'O1.KR1', 12, 7, 'Q4 forecast', '', ''],
];

export const ROSTER: string[][] = [
  ['Unit', 'Level', 'Parent unit', 'Owner', 'Email'],
  ['Acme', 'Company', '', 'Alex Lin', 'alex@acme.test'],
  ['Sales', 'Department', 'Acme', 'Li Lei', 'lilei@acme.test'],
  ['East Sales', 'Team', 'Sales', 'Han Mei', 'hanmei@acme.test'],
];
/** KR owners who own no unit: their emails come from the People sheet. */
export const PEOPLE: string[][] = [
  ['Owner', 'Email'],
  ['Wang Fang', 'wangfang@acme.test'],
  ['Zhao Min', 'zhaomin@acme.test'],
  ['Chen Jing', 'chenjing@acme.test'],
];

export function cycleWorkbook(lang: Lang = 'en'): LocalWorkbook {
  const local = createLocalApp({ lang, name: 'Acme OKRs' });
  const ctx = local.ctx(lang);
  const settings = 'Settings';
  applyWorkbookPlan(ctx, {
    sheets: [
      buildOkrSheetPlanFromRows({ lang, header: header('Acme', 'company', 'Alex Lin', ''), rows: COMPANY_ROWS, sheetName: 'Acme OKR', settingsSheetName: settings, spareRows: 3 }),
      buildOkrSheetPlanFromRows({ lang, header: header('Sales', 'department', 'Li Lei', 'Acme'), rows: SALES_ROWS, sheetName: 'Sales OKR', settingsSheetName: settings, spareRows: 3 }),
      buildOkrSheetPlanFromRows({ lang, header: header('East Sales', 'team', 'Han Mei', 'Sales'), rows: EAST_ROWS, sheetName: 'East Sales OKR', settingsSheetName: settings, spareRows: 3 }),
      buildCheckInsPlan(lang),
      buildSettingsPlan({ lang, ...CYCLE, sheetName: settings }),
    ],
  });
  const log = ctx.ss.getSheetByName(lang === 'zh-CN' ? '进展更新' : 'Check-ins')!;
  log.getRange(2, 1, HISTORY.length, 8).setValues(HISTORY.map((r) => r.map((v) => v ?? '')));
  const roster = ctx.ss.insertSheet('Roster');
  roster.getRange(1, 1, ROSTER.length, 5).setValues(ROSTER);
  const people = ctx.ss.insertSheet('People');
  people.getRange(1, 1, PEOPLE.length, 2).setValues(PEOPLE);
  const blank = ctx.ss.getSheetByName(lang === 'zh-CN' ? '工作表1' : 'Sheet1');
  if (blank) ctx.ss.deleteSheet(blank);
  local.calls.reset();
  return local;
}

export function cycleModel(local: LocalWorkbook, asOf = '2026-11-30', lang: Lang = 'en'): WorkbookModel {
  return readSnapshot(takeSnapshot(local.ctx(lang), { asOf }), lang);
}
