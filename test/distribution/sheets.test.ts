/**
 * The Sheets loop on the in-memory workbook and the in-memory Drive: batches that resume from the
 * registry, a unit absent or complete, sharing with the owner, collection with problems on their
 * rows, and the service calls each unit costs (deterministic, so asserted exactly).
 */
import { describe, expect, it } from 'vitest';
import { distributionUnits, readRegistryValues, STATUS_WORDS, unitFilePlan } from '../../src/core/distribution';
import { COLUMN_LABELS, label } from '../../src/core/labels';
import { buildRosterTemplatePlan } from '../../src/core/roster';
import { scoreTable } from '../../src/core/score';
import { readSnapshot } from '../../src/core/snapshot';
import { LocalDrive } from '../../src/local/drive';
import { createLocalApp, type LocalWorkbook } from '../../src/local/workbook';
import { applyWorkbookPlan, planCallEstimate } from '../../src/sheets/applyPlan';
import { collectBatch, COLLECT_CACHE_SHEET, distributeBatch, type BatchResult } from '../../src/sheets/distribution';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { runAll } from './helpers';

const ROSTER = [
  ['单元', '层级', '上级单元', '负责人', '邮箱', '部门模板'],
  ['星河科技', '公司', '', '王总', 'ceo@example.com', '公司'],
  ['销售中心', '部门', '星河科技', '李明', 'li@example.com', '销售'],
  ['法务部', '部门', '星河科技', '陈静', '', '法务'],
  ['华东销售组', '团队', '销售中心', '周杰', 'zhou@example.com', '销售'],
  ['华南销售组', '团队', '销售中心', '吴敏', 'wu@example.com', '销售'],
  ['合规组', '团队', '法务部', '何丽', 'he@example.com', '法务'],
];
const CYCLE = '2026-Q4';
const AS_OF = '2026-11-20';

function hubWith(rows: string[][]): LocalWorkbook {
  const hub = createLocalApp({ lang: 'zh-CN', name: 'HR 中枢' });
  applyWorkbookPlan(hub.ctx('zh-CN'), { sheets: [{ ...buildRosterTemplatePlan('zh-CN'), values: rows }] });
  return hub;
}

function registry(hub: LocalWorkbook) {
  const snap = takeSnapshot(hub.ctx('zh-CN'));
  return readRegistryValues(snap.sheets.find((s) => s.metaRole === 'registry')!.values).rows;
}


/** O1's KRs moved to `share` of their way, as a team types it in Sheets. */
function fillO1(wb: LocalWorkbook, share: number): void {
  const sheet = wb.ss.getSheets().find((s) => s.getName().startsWith('OKR'))!;
  const values = sheet.getDataRange().getValues();
  const h = values.findIndex((r) => r.includes(COLUMN_LABELS.id['zh-CN'][0]));
  const c = (k: keyof typeof COLUMN_LABELS) => values[h]!.indexOf(COLUMN_LABELS[k]['zh-CN'][0]);
  values.forEach((r, i) => {
    if (i <= h || typeof r[c('id')] !== 'string' || !String(r[c('id')]).startsWith('O1.KR')) return;
    const start = typeof r[c('start')] === 'number' ? (r[c('start')] as number) : 0;
    sheet.getRange(i + 1, c('current') + 1).setValue(start + share * ((r[c('target')] as number) - start));
  });
}

describe('distribute in Sheets', () => {
  it('builds one complete, shared file per unit in batches, resumable from the registry', () => {
    const hub = hubWith(ROSTER);
    const drive = new LocalDrive({ lang: 'zh-CN' });
    const batches = runAll(() => distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE, batchSize: 4 }));
    expect(batches.map((b) => b.done)).toEqual([4, 6]);
    expect(batches.at(-1)!.progress['zh-CN']).toBe('6 / 6 个单元');
    const rows = registry(hub);
    expect(rows.map((r) => r.status)).toEqual(['shared', 'shared', 'created', 'shared', 'shared', 'shared']); // 法务部 has no email
    for (const r of rows) {
      const wb = drive.workbook(r.file);
      // complete: the four sheets, the blank first sheet gone
      expect(wb.ss.getSheets().map((s) => s.getName())).toEqual([`OKR ${r.unit} ${CYCLE}`, '进展更新', '行动计划', '设置']);
      expect(drive.files.get(r.file)!.folder).toBe([...drive.folders.keys()][0]);
    }
    expect(drive.folders.size).toBe(1);
    const zhou = drive.byTitle(`OKR 华东销售组 ${CYCLE}`)!;
    expect(zhou.editors).toEqual([{ email: 'zhou@example.com', note: expect.stringContaining('“华东销售组”2026-Q4 周期的 OKR 表') }]);
    const texts = zhou.wb.ss.getSheets()[0]!.getDataRange().getValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(texts).not.toContain('北京');

    // again: nothing made, nothing opened
    const calls = { ...drive.calls };
    const again = distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE });
    expect(again).toMatchObject({ done: 6, total: 6, finished: true, processed: [] });
    expect(drive.calls).toEqual(calls);
  });

  it('a unit left half-made (registry still `planned` with its file) is trashed and made again', () => {
    const hub = hubWith(ROSTER);
    const drive = new LocalDrive({ lang: 'zh-CN' });
    runAll(() => distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE, batchSize: 10 }));
    // a batch that died after the file was made: the row says planned + ID, the file is half there
    const rows = registry(hub);
    const victim = rows.find((r) => r.unit === '合规组')!;
    const sheet = hub.ss.getSheetByName('单元登记表')!;
    const values = sheet.getDataRange().getValues();
    const at = values.findIndex((r) => r[0] === '合规组');
    sheet.getRange(at + 1, values[0]!.indexOf('状态') + 1).setValue(label(STATUS_WORDS.planned, 'zh-CN'));
    const r = distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE });
    if (!('done' in r)) throw new Error('roster');
    expect(r.processed.map((p) => p.unit)).toEqual(['合规组']);
    expect(drive.files.get(victim.file)!.state).toBe('trashed');
    const now = registry(hub).find((x) => x.unit === '合规组')!;
    expect(now.file).not.toBe(victim.file);
    expect(now.status).toBe('shared');
  });

  it('stops cleanly at the daily create quota and continues later', () => {
    const hub = hubWith(ROSTER);
    const drive = new LocalDrive({ lang: 'zh-CN', createLimit: 3 });
    const r = distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE, batchSize: 10 });
    if (!('done' in r)) throw new Error('roster');
    expect(r.done).toBe(3);
    expect(r.finished).toBe(false);
    expect(r.warning?.en).toContain('3 / 6');
    expect(registry(hub).filter((x) => x.file).length).toBe(3); // the rest absent, none half-made
  });

  it('costs a fixed number of service calls per unit', () => {
    const hub = hubWith(ROSTER.slice(0, 3));
    const drive = new LocalDrive({ lang: 'zh-CN' });
    hub.calls.reset();
    distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE, batchSize: 10 });
    const perUnit = [...drive.files.values()].map((f) => f.wb.calls.total);
    expect(drive.calls).toEqual({ createFolder: 1, createSpreadsheet: 2, moveToFolder: 2, openById: 2, shareWithEditor: 2 });
    // the applier's own estimate for the four sheets, + 3 to look for support sheets by metadata,
    // + getSheets and deleteSheet for the blank first sheet
    const res = distributionUnits(ROSTER.slice(0, 3));
    if (!res.ok) throw new Error('roster');
    const estimate = (i: number) =>
      unitFilePlan(res.units[i]!, { lang: 'zh-CN', cycle: CYCLE, cycleStart: '2026-10-01', cycleEnd: '2026-12-31' }, 'hub', '星河科技')
        .sheets.reduce((n, sp) => n + planCallEstimate(sp).total, 0) + 3 + 2;
    expect(perUnit).toEqual([estimate(0), estimate(1)]);
  });
});

describe('collect in Sheets', () => {
  it('collects in batches: figures equal each file\'s own, problems on their rows, summary sheets at the end', () => {
    const hub = hubWith(ROSTER);
    const drive = new LocalDrive({ lang: 'zh-CN' });
    runAll(() => distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE, batchSize: 10 }));
    const file = (unit: string) => registry(hub).find((r) => r.unit === unit)!.file;
    fillO1(drive.workbook(file('星河科技')), 0.6);
    fillO1(drive.workbook(file('销售中心')), 0.5);
    fillO1(drive.workbook(file('华东销售组')), 0.8);
    fillO1(drive.workbook(file('华南销售组')), 0.4);
    drive.delete(file('合规组'));
    drive.breakFile(file('法务部'));

    const batches = runAll(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF, batchSize: 4 }));
    expect(batches.map((b) => b.done)).toEqual([4, 6]);
    const rows = registry(hub);
    expect(Object.fromEntries(rows.map((r) => [r.unit, r.status]))).toMatchObject({ 合规组: 'missing', 法务部: 'unreadable', 华东销售组: 'collected' });
    for (const r of rows.filter((x) => x.status === 'collected')) {
      const wb = drive.workbook(r.file);
      const model = readSnapshot(takeSnapshot(wb.ctx('zh-CN'), { asOf: AS_OF }), 'zh-CN');
      const okr = model.okr[0]!;
      const s = scoreTable(okr.read.table, okr.read.asOf ?? AS_OF, model.settings);
      expect(r.score).toBeCloseTo(s.overall, 12);
      expect(r.progress).toBeCloseTo(s.objectives.reduce((a, o) => a + o.progress, 0) / s.objectives.length, 12);
      expect(r.lastCollected).toBe(AS_OF);
    }
    // the summary: Dashboard and Alignment map, the sales roll-up across three files
    const snap = takeSnapshot(hub.ctx('zh-CN'));
    const map = snap.sheets.find((s) => s.metaRole === 'alignment')!.values;
    const at = map.findIndex((r) => typeof r[0] === 'string' && r[0].trim() === '■ 销售中心');
    expect(map[at + 1]![3]).toBeCloseTo(0.5 * 0.5 + 0.5 * ((0.8 + 0.4) / 2), 12);
    const dash = snap.sheets.find((s) => s.metaRole === 'dashboard')!.values;
    expect(dash.find((r) => r[0] === '合规组')![4]).toBe(label(STATUS_WORDS.missing, 'zh-CN'));
    expect(snap.sheets.find((s) => s.name === COLLECT_CACHE_SHEET)).toBeDefined();
    expect(hub.ss.getSheetByName(COLLECT_CACHE_SHEET)!.isSheetHidden()).toBe(true);

    // "Collect" again after a complete pass: a new pass reads every readable file once more
    const opened = drive.calls.openById;
    const again = collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF });
    expect(again).toMatchObject({ done: 6, total: 6, finished: true });
    expect(again.processed).toHaveLength(6);
    expect(drive.calls.openById).toBe((opened ?? 0) + 5); // 合规组's file is gone: Drive says so before any open
  });
});
