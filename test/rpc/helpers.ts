/** A small in-memory workbook with one hand-written OKR sheet, for the RPC tests. */
import { createLocalApp } from '../../src/local/workbook';
import type { SheetsContext } from '../../src/sheets/context';
import type { Lang } from '../../src/core/i18n';

export const OKR_VALUES: (string | number | boolean | null)[][] = [
  ['Unit', 'Sales', '', 'Cycle', '2026-Q4'],
  ['Level', 'Department', '', 'Cycle start', '2026-10-01'],
  ['Owner', 'Li Lei', '', 'Cycle end', '2026-12-31'],
  [],
  ['ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current', 'Unit', 'Confidence', 'Notes'],
  ['O1', 'Objective', 'Grow revenue in the east region', 'Li Lei', null, null, null, '', null, ''],
  ['O1.KR1', 'Increase', 'Raise monthly revenue from 100 to 150', 'Li Lei', 100, 150, 110, 'k', 6, ''],
  ['O1.KR2', 'Increase', 'Sign xx new customers', '', 0, 10, null, '', null, ''],
  ['O1.KR3', 'Milestone', 'Attend the partner meeting', 'Han Mei', null, 1, null, '', null, ''],
];

export function makeWorkbook(lang: Lang = 'en') {
  const local = createLocalApp();
  const sheet = local.ss.insertSheet('Sales OKR');
  const width = Math.max(...OKR_VALUES.map((r) => r.length));
  const grid = OKR_VALUES.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  sheet.getRange(1, 1, grid.length, width).setValues(grid);
  local.ss.setActiveSheet(sheet);
  const ctx: SheetsContext = { app: local.app, ss: local.ss, lang };
  return { local, ctx, sheet };
}

export const snapshot = (local: { toPlan(): unknown }) => JSON.stringify(local.toPlan());
