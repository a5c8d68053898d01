/**
 * HR's distribution loop at scale, modelled from call counts (issue 12, issue 13 in the hub): a
 * roster of 24 units is distributed, collected, one unit reviewed from the hub and every unit
 * carried into the next cycle on the in-memory workbook and the in-memory Drive (src/local/drive.ts),
 * the service calls per unit are counted by kind, and the wall time in Apps Script for 50, 500
 * and 5,000 units is estimated from assumed per-call latencies.
 *
 * Assumed latencies (ms per call) — assumptions, not measurements; replace with figures measured
 * on a real account:
 * - spreadsheet write or format call (setValues, setNumberFormats, setDataValidations …): 25 ms.
 *   Apps Script caches writes and sends them together ("we do some look ahead caching, and some
 *   write caching", http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html);
 *   one 4,000-cell setValues was measured under 50 ms
 *   (https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp).
 * - accessor on an object a read returned (a sheet's name or ID, a metadata entry's key, value,
 *   location): 10 ms — assumed to answer from what that read fetched.
 * - spreadsheet read call (getValues, getDataRange, metadata finder …): 100 ms — a read empties
 *   the write cache first (same blog post), so it pays a round trip; a simple key–value service
 *   call takes 30–90 ms on average (https://ziritione.org/post/apps_script_performance).
 * - SpreadsheetApp.create: 1,500 ms; SpreadsheetApp.openById: 600 ms (a new document or a
 *   document load; our assumption).
 * - Drive API call (move into the folder, share, read a file's state, trash): 300 ms (our assumption).
 * Batches: Apps Script stops an execution at 6 minutes
 * (https://developers.google.com/apps-script/guides/services/quotas); a batch is planned for at
 * most 4 minutes of calls, leaving room for slow calls.
 */
import { distributionUnits } from '../src/core/distribution';
import { buildRosterTemplatePlan } from '../src/core/roster';
import { LocalDrive } from '../src/local/drive';
import { createLocalApp } from '../src/local/workbook';
import { applyWorkbookPlan } from '../src/sheets/applyPlan';
import { collectBatch, distributeBatch, nextCycleBatch, reviewUnitFromHub } from '../src/sheets/distribution';

const LATENCY = { write: 25, read: 100, accessor: 10, create: 1500, open: 600, drive: 300 } as const;
const BATCH_BUDGET_MS = 4 * 60 * 1000;
/** Calls that fetch from the document (a round trip, after the write cache is emptied). */
const READS = new Set(['getValues', 'getDisplayValues', 'getDataRange', 'find', 'getSheets', 'getSheetByName', 'getDeveloperMetadata', 'getLastRow', 'getLastColumn', 'getMaxRows', 'getMaxColumns']);
/** Accessors on objects a read already returned (a sheet's name and ID, a metadata entry's key,
 *  value and location): assumed to answer from what that read fetched, 10 ms each. */
const ACCESSORS = new Set(['getName', 'getSheetId', 'getId', 'getSpreadsheetTimeZone', 'getActiveSheet', 'getKey', 'getValue', 'getLocation', 'getSheet', 'isSheetHidden']);

function roster(): string[][] {
  const rows = [['单元', '层级', '上级单元', '负责人', '邮箱', '部门模板'], ['星河科技', '公司', '', '王总', 'ceo@example.com', '公司']];
  const depts = ['销售', '市场', '产研', '法务', '人力资源'];
  depts.forEach((d, i) => {
    rows.push([`${d}中心`, '部门', '星河科技', `部门负责人${i}`, `d${i}@example.com`, d]);
    for (let t = 0; t < 3; t++) rows.push([`${d}${t + 1}组`, '团队', `${d}中心`, `组长${i}${t}`, `t${i}${t}@example.com`, d]);
  });
  return rows.slice(0, 26);
}

/** Milliseconds a set of counted calls would take. */
function cost(sheetCalls: Record<string, number>, driveCalls: Record<string, number>): { ms: number; reads: number; writes: number; accessors: number; drive: number } {
  let reads = 0, writes = 0, accessors = 0;
  for (const [name, n] of Object.entries(sheetCalls)) {
    if (name === 'openById' || name === 'create') continue;
    if (READS.has(name)) reads += n;
    else if (ACCESSORS.has(name)) accessors += n;
    else writes += n;
  }
  const drive = Object.entries(driveCalls).filter(([k]) => k !== 'createSpreadsheet' && k !== 'openById').reduce((a, [, n]) => a + n, 0);
  const ms = reads * LATENCY.read + writes * LATENCY.write + accessors * LATENCY.accessor + drive * LATENCY.drive +
    (driveCalls.createSpreadsheet ?? 0) * LATENCY.create + (driveCalls.openById ?? 0) * LATENCY.open;
  return { ms, reads, writes, accessors, drive };
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const merge = (a: Record<string, number>, b: Record<string, number>) => {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + v;
  return a;
};

export async function run() {
  const rows = roster();
  const units = distributionUnits(rows);
  if (!units.ok) throw new Error('bench roster has problems');
  const n = units.units.length;
  const hub = createLocalApp({ lang: 'zh-CN', name: 'HR hub', formulas: 'store' });
  applyWorkbookPlan(hub.ctx('zh-CN'), { sheets: [{ ...buildRosterTemplatePlan('zh-CN'), values: rows }] });
  const drive = new LocalDrive({ lang: 'zh-CN' });

  // distribute in one batch of every unit (the per-unit figures do not depend on the batch size)
  hub.calls.reset();
  let t = performance.now();
  const d = distributeBatch(hub.ctx('zh-CN'), drive, { cycle: '2026-Q4', batchSize: n });
  const distributeMs = performance.now() - t;
  if (!('done' in d) || !d.finished) throw new Error('distribution did not finish');
  const unitSheetCalls: Record<string, number> = {};
  for (const f of drive.files.values()) merge(unitSheetCalls, f.wb.calls.counts);
  const dHub = { ...hub.calls.counts };
  const dDrive = { ...drive.calls };
  const distCost = cost(merge({ ...unitSheetCalls }, dHub), dDrive);

  // collect: every file once, then the summary
  drive.resetCalls();
  hub.calls.reset();
  t = performance.now();
  const c = collectBatch(hub.ctx('zh-CN'), drive, { asOf: '2026-11-20', batchSize: n });
  const collectMs = performance.now() - t;
  if (!c.finished) throw new Error('collection did not finish');
  const cUnit: Record<string, number> = {};
  for (const f of drive.files.values()) merge(cUnit, f.wb.calls.counts);
  const collCost = cost(merge({ ...cUnit }, { ...hub.calls.counts }), { ...drive.calls });

  // the review of one unit from the hub: its file opened once, the others from the collect cache
  drive.resetCalls();
  hub.calls.reset();
  t = performance.now();
  reviewUnitFromHub(hub.ctx('zh-CN'), drive, { unit: '销售中心' });
  const reviewMs = performance.now() - t;
  const rUnit: Record<string, number> = {};
  for (const f of drive.files.values()) merge(rUnit, f.wb.calls.counts);
  const reviewCost = cost(merge({ ...rUnit }, { ...hub.calls.counts }), { ...drive.calls });

  // "Start next cycle for every unit": each file archived and carried, the registry updated
  drive.resetCalls();
  hub.calls.reset();
  t = performance.now();
  const nc = nextCycleBatch(hub.ctx('zh-CN'), drive, { cycle: '2027-Q1', batchSize: n });
  const nextMs = performance.now() - t;
  if (!nc.finished) throw new Error('next cycle did not finish');
  const nUnit: Record<string, number> = {};
  for (const f of drive.files.values()) merge(nUnit, f.wb.calls.counts);
  const nextCost = cost(merge({ ...nUnit }, { ...hub.calls.counts }), { ...drive.calls });

  const perUnit = (x: { ms: number }) => x.ms / n;
  const figures = [
    { name: `distribute ${n} units (in-memory)`, value: distributeMs, unit: 'ms' },
    { name: 'distribute: spreadsheet calls per unit', value: (distCost.reads + distCost.writes + distCost.accessors) / n, unit: 'calls', note: `${r1(distCost.reads / n)} reads + ${r1(distCost.writes / n)} writes + ${r1(distCost.accessors / n)} accessors, hub included` },
    { name: 'distribute: Drive calls per unit', value: Object.values(dDrive).reduce((a, b) => a + b, 0) / n, unit: 'calls', note: JSON.stringify(dDrive) },
    { name: `collect ${n} units (in-memory)`, value: collectMs, unit: 'ms' },
    { name: 'collect: spreadsheet calls per unit', value: (collCost.reads + collCost.writes + collCost.accessors) / n, unit: 'calls', note: `${r1(collCost.reads / n)} reads + ${r1(collCost.writes / n)} writes + ${r1(collCost.accessors / n)} accessors, hub and summary included` },
    { name: 'collect: Drive calls per unit', value: Object.values(drive.calls).reduce((a, b) => a + b, 0) / n, unit: 'calls', note: JSON.stringify(drive.calls) },
    { name: `review of one unit from the hub (in-memory)`, value: reviewMs, unit: 'ms' },
    { name: 'review of one unit from the hub: estimated Apps Script time', value: reviewCost.ms / 1000, unit: 's', note: `${reviewCost.reads} reads + ${reviewCost.writes} writes + ${reviewCost.accessors} accessors; Drive ${JSON.stringify(drive.calls)}` },
    { name: `next cycle for ${n} units (in-memory)`, value: nextMs, unit: 'ms' },
    { name: 'next cycle: spreadsheet calls per unit', value: (nextCost.reads + nextCost.writes + nextCost.accessors) / n, unit: 'calls', note: `${r1(nextCost.reads / n)} reads + ${r1(nextCost.writes / n)} writes + ${r1(nextCost.accessors / n)} accessors, hub included` },
    { name: 'next cycle: estimated Apps Script time per unit', value: perUnit(nextCost) / 1000, unit: 's' },
    { name: 'distribute: estimated Apps Script time per unit', value: perUnit(distCost) / 1000, unit: 's' },
    { name: 'collect: estimated Apps Script time per unit', value: perUnit(collCost) / 1000, unit: 's' },
  ];
  for (const size of [50, 500, 5000]) {
    const dMin = (perUnit(distCost) * size) / 60000;
    const cMin = (perUnit(collCost) * size) / 60000;
    figures.push(
      { name: `distribute ${size.toLocaleString('en')} units: estimated wall time`, value: dMin, unit: 'min', note: `${Math.ceil((perUnit(distCost) * size) / BATCH_BUDGET_MS)} batches of ≤ 4 min; ${Math.max(1, Math.floor(BATCH_BUDGET_MS / perUnit(distCost)))} units per batch` },
      { name: `collect ${size.toLocaleString('en')} units: estimated wall time`, value: cMin, unit: 'min', note: `${Math.ceil((perUnit(collCost) * size) / BATCH_BUDGET_MS)} batches of ≤ 4 min; ${Math.max(1, Math.floor(BATCH_BUDGET_MS / perUnit(collCost)))} units per batch` },
      { name: `next cycle ${size.toLocaleString('en')} units: estimated wall time`, value: (perUnit(nextCost) * size) / 60000, unit: 'min', note: `${Math.ceil((perUnit(nextCost) * size) / BATCH_BUDGET_MS)} batches of ≤ 4 min; ${Math.max(1, Math.floor(BATCH_BUDGET_MS / perUnit(nextCost)))} units per batch` },
    );
  }
  return figures;
}
