/** Shared set-up of the Sheets-side distribution tests: a hub with a roster, batches run to the end, a team's typing. */
import { readRegistryValues, type RegistryRow } from '../../src/core/distribution';
import { COLUMN_LABELS } from '../../src/core/labels';
import { buildRosterTemplatePlan } from '../../src/core/roster';
import type { SheetPlan } from '../../src/core/plan/types';
import { createLocalApp, type LocalWorkbook } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import type { BatchResult } from '../../src/sheets/distribution';
import { takeSnapshot } from '../../src/sheets/snapshot';

export const ROSTER = [
  ['单元', '层级', '上级单元', '负责人', '邮箱', '部门模板'],
  ['星河科技', '公司', '', '王总', 'ceo@example.com', '公司'],
  ['销售中心', '部门', '星河科技', '李明', 'li@example.com', '销售'],
  ['法务部', '部门', '星河科技', '陈静', '', '法务'],
  ['华东销售组', '团队', '销售中心', '周杰', 'zhou@example.com', '销售'],
  ['华南销售组', '团队', '销售中心', '吴敏', 'wu@example.com', '销售'],
  ['合规组', '团队', '法务部', '何丽', 'he@example.com', '法务'],
];
export const CYCLE = '2026-Q4';
export const AS_OF = '2026-11-20';

export function hubWith(rows: string[][], extra: SheetPlan[] = []): LocalWorkbook {
  const hub = createLocalApp({ lang: 'zh-CN', name: 'HR 中枢' });
  applyWorkbookPlan(hub.ctx('zh-CN'), { sheets: [{ ...buildRosterTemplatePlan('zh-CN'), values: rows }, ...extra] });
  return hub;
}

export function registry(hub: LocalWorkbook): (RegistryRow & { at: number })[] {
  const snap = takeSnapshot(hub.ctx('zh-CN'));
  return readRegistryValues(snap.sheets.find((s) => s.metaRole === 'registry')!.values).rows;
}

export function runAll(step: () => BatchResult | { ok: false }): BatchResult[] {
  const out: BatchResult[] = [];
  for (let i = 0; i < 30; i++) {
    const r = step();
    if (!('done' in r)) throw new Error('roster problems');
    out.push(r);
    if (r.finished) return out;
  }
  throw new Error('never finished');
}

/** O1's KRs moved to `share` of their way, as a team types it in Sheets. */
export function fillO1(wb: LocalWorkbook, share: number, sheetName?: string): void {
  const sheet = sheetName ? wb.ss.getSheetByName(sheetName)! : wb.ss.getSheets().find((s) => s.getName().startsWith('OKR'))!;
  const values = sheet.getDataRange().getValues();
  const h = values.findIndex((r) => r.includes(COLUMN_LABELS.id['zh-CN'][0]));
  const c = (k: keyof typeof COLUMN_LABELS) => values[h]!.indexOf(COLUMN_LABELS[k]['zh-CN'][0]);
  values.forEach((r, i) => {
    if (i <= h || typeof r[c('id')] !== 'string' || !String(r[c('id')]).startsWith('O1.KR')) return;
    if (typeof r[c('target')] !== 'number') return;
    const start = typeof r[c('start')] === 'number' ? (r[c('start')] as number) : 0;
    sheet.getRange(i + 1, c('current') + 1).setValue(start + share * ((r[c('target')] as number) - start));
  });
}
