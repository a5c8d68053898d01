/**
 * Collection in Sheets, the parts that must survive real life: Drive's own answer for each kind of
 * unreachable file (deleted, trashed, unshared, Drive down, broken), a pass that resumes after a
 * closed sidebar, a re-sorted registry or a batch that died, with only a small cursor kept; the
 * hub's Settings (a 120% cap) reaching the cross-file roll-up; the review of any unit from the hub.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setDriveProvider } from '../../src/addon/actions/distribution';
import type { HubReviewSummary } from '../../src/addon/rpc/contract';
import { dispatch } from '../../src/addon/rpc/server';
import { STATUS_WORDS, unitKey } from '../../src/core/distribution';
import { label } from '../../src/core/labels';
import { buildSettingsPlan } from '../../src/core/plan/supportSheets';
import { scoreTable } from '../../src/core/score';
import { readSnapshot } from '../../src/core/snapshot';
import { LocalDrive } from '../../src/local/drive';
import { appsScriptDrive, errorStatus, fileState, type AdvancedDriveV3, type SpreadsheetAppWithFiles } from '../../src/sheets/drive';
import { collectBatch, COLLECT_CACHE_SHEET, distributeBatch } from '../../src/sheets/distribution';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { AS_OF, CYCLE, ROSTER, fillO1, hubWith, registry, runAll } from './helpers';

afterEach(() => setDriveProvider(null));

function distributed(extra: Parameters<typeof hubWith>[1] = []) {
  const hub = hubWith(ROSTER, extra);
  const drive = new LocalDrive({ lang: 'zh-CN' });
  runAll(() => distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE }));
  const file = (unit: string) => registry(hub).find((r) => r.unit === unit)!.file;
  return { hub, drive, file };
}

describe('file states from Drive\'s own answer', () => {
  it('maps files.get: trashed field, 404, 403, anything else; details.code first, the text only as a fallback', () => {
    const thrown = (message: string, code?: number) => () => {
      throw Object.assign(new Error(message), code ? { details: { code } } : {});
    };
    expect(fileState(() => ({ trashed: true }))).toBe('trashed');
    expect(fileState(() => ({ trashed: false }))).toBe('ok');
    expect(fileState(thrown('whatever', 404))).toBe('missing');
    expect(fileState(thrown('whatever', 403))).toBe('unshared');
    expect(fileState(thrown('whatever', 500))).toBe('unreachable');
    // no code: Apps Script's words
    expect(fileState(thrown('API call to drive.files.get failed with error: File not found: abc.'))).toBe('missing');
    expect(fileState(thrown('API call to drive.files.get failed with error: The user does not have sufficient permissions for file abc.'))).toBe('unshared');
    expect(fileState(thrown('Exception: Service unavailable'))).toBe('unreachable');
    expect(errorStatus(Object.assign(new Error("x"), { details: { code: 429 } }))).toBe(429);
  });

  it('the real adapter asks files.get for id and trashed only', () => {
    const asked: unknown[] = [];
    const fake = { Files: { get: (id: string, o: unknown) => (asked.push([id, o]), { id, trashed: false }) } } as unknown as AdvancedDriveV3;
    expect(appsScriptDrive(fake, {} as SpreadsheetAppWithFiles).state('f1')).toBe('ok');
    expect(asked).toEqual([['f1', { fields: 'id,trashed', supportsAllDrives: true }]]);
  });

  it('puts each problem on its row in the registry and the Dashboard; the other units are collected', () => {
    const { hub, drive, file } = distributed();
    drive.delete(file('合规组'));
    drive.setState(file('法务部'), 'trashed');
    drive.setState(file('华南销售组'), 'unshared');
    drive.setState(file('销售中心'), 'unreachable');
    drive.breakFile(file('华东销售组'));
    runAll(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF }));
    const status = Object.fromEntries(registry(hub).map((r) => [r.unit, r.status]));
    expect(status).toEqual({ 星河科技: 'collected', 销售中心: 'unreachable', 法务部: 'trashed', 华东销售组: 'unreadable', 华南销售组: 'unshared', 合规组: 'missing' });
    const dash = takeSnapshot(hub.ctx('zh-CN')).sheets.find((s) => s.metaRole === 'dashboard')!.values;
    expect(dash.find((r) => r[0] === '销售中心')![4]).toBe(label(STATUS_WORDS.unreachable, 'zh-CN'));
    // Drive is asked once per unit; only the two readable-by-Drive files are opened
    expect(drive.calls.state).toBe(6);
    expect(drive.calls.openById).toBe(6 + 2); // six while distributing, then 星河科技 and the broken 华东销售组
  });
});

describe('a collection pass resumes from a small cursor', () => {
  it('continues after a closed sidebar and a re-sorted registry, each unit read once; a long log is kept whole', () => {
    const { hub, drive, file } = distributed();
    // a year of check-ins with long notes: far more than one cell's 50,000 characters
    const log = drive.workbook(file('华东销售组')).ss.getSheetByName('进展更新')!;
    const rows = Array.from({ length: 1200 }, (_, i) => ['2026-10-02', 'OKR 华东销售组 2026-Q4', 'O1.KR1', i, 7, `第 ${i} 次：${'拜访客户并整理商机。'.repeat(6)}`, '', '', CYCLE]);
    log.insertRowsAfter(log.getMaxRows(), rows.length);
    log.getRange(2, 1, rows.length, rows[0]!.length).setValues(rows);
    drive.resetCalls();
    const first = collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF, batchSize: 2 });
    expect(first).toMatchObject({ done: 2, total: 6, finished: false });
    // a person sorts the registry (rows reversed) while the sidebar is closed
    const reg = hub.ss.getSheets().find((s) => takeSnapshot(hub.ctx('zh-CN')).sheets.find((x) => x.metaRole === 'registry')!.name === s.getName())!;
    const values = reg.getDataRange().getValues();
    reg.getRange(2, 1, values.length - 1, values[0]!.length).setValues(values.slice(1).reverse());
    const rest = runAll(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF, batchSize: 2 }));
    expect(rest.map((b) => b.done)).toEqual([4, 6]);
    const seen = [first, ...rest].flatMap((b) => b.processed.map((p) => p.unit));
    expect([...seen].sort()).toEqual(ROSTER.slice(1).map((r) => r[0]!).sort());
    expect(drive.calls.openById).toBe(6);
    expect(registry(hub).every((r) => r.status === 'collected' && r.lastCollected === AS_OF)).toBe(true);
    // the cursor is a few dozen characters; the cache holds no check-in log
    const cursor = hub.ss.createDeveloperMetadataFinder().withKey('okrSheets.collectCursor').find()[0]!.getValue()!;
    expect(cursor.length).toBeLessThan(120);
    expect(JSON.parse(cursor)).toMatchObject({ asOf: AS_OF, complete: true });
    const cache = hub.ss.getSheetByName(COLLECT_CACHE_SHEET)!.getDataRange().getValues();
    expect(cache.map((r) => r[0]).sort()).toEqual(ROSTER.slice(1).map((r) => r[0]!).sort());
    const east = cache.find((r) => r[0] === '华东销售组')!;
    const cells = east.slice(2).filter((c) => c !== '');
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.every((c) => String(c).length <= 50_000)).toBe(true);
    const kept = JSON.parse(cells.join('')) as { support: { metaRole: string; values: unknown[][] }[] };
    expect(kept.support.find((x) => x.metaRole === 'checkins')!.values).toHaveLength(1 + rows.length);
  });

  it('a batch that dies part-way is picked up where the cursor says; nothing is read twice but the unit it died on', () => {
    const { hub, drive } = distributed();
    drive.resetCalls();
    const realState = drive.state.bind(drive);
    let calls = 0;
    drive.state = (id: string) => {
      if (++calls === 3) throw new Error('Exceeded maximum execution time');
      return realState(id);
    };
    expect(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF, batchSize: 4 })).toThrow(/maximum execution time/);
    drive.state = realState;
    const rest = runAll(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF, batchSize: 4 }));
    expect(rest[0]!.done).toBe(2 + 4);
    expect(rest.at(-1)!.finished).toBe(true);
    expect(drive.calls.openById).toBe(6);
    const order = ROSTER.slice(1).map((r) => r[0]!).sort((a, b) => (unitKey(a) < unitKey(b) ? -1 : 1));
    expect(rest[0]!.processed.map((p) => p.unit)).toEqual(order.slice(2));
  });
});

describe('the hub\'s Settings reach every unit file and the roll-up', () => {
  it('with a 120% cap, the Alignment map shows the progress each unit\'s own sheet shows', () => {
    const settings = buildSettingsPlan({ lang: 'zh-CN', cycle: CYCLE, cycleStart: '2026-10-01', cycleEnd: '2026-12-31', settings: { progressCap: 1.2 } });
    const { hub, drive, file } = distributed([settings]);
    const wb = drive.workbook(file('华东销售组'));
    expect(readSnapshot(takeSnapshot(wb.ctx('zh-CN')), 'zh-CN').settings.progressCap).toBe(1.2);
    fillO1(wb, 1.1);
    runAll(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF }));
    const model = readSnapshot(takeSnapshot(wb.ctx('zh-CN'), { asOf: AS_OF }), 'zh-CN');
    const own = scoreTable(model.okr[0]!.read.table, AS_OF, model.settings).objectives[0]!.progress;
    expect(own).toBeGreaterThan(1);
    const map = takeSnapshot(hub.ctx('zh-CN')).sheets.find((s) => s.metaRole === 'alignment')!.values;
    const at = map.findIndex((r) => typeof r[0] === 'string' && r[0].trim() === '■ 华东销售组');
    expect(map[at + 1]![3]).toBeCloseTo(own, 9); // the map keeps 10 decimals; the default cap would show 1
  });
});

describe('the review of any unit from the hub (Sheets)', () => {
  const call = (hub: ReturnType<typeof hubWith>, unit: string) => {
    const r = dispatch('reviewUnitFromHub', { unit }, () => hub.ctx('zh-CN'), 'zh-CN');
    if (!r.ok) throw new Error(r.message);
    return r.result as HubReviewSummary;
  };

  it('writes the unit\'s review into the hub with the units below as context, one file opened, rewritten in place', () => {
    const { hub, drive, file } = distributed();
    setDriveProvider(() => drive);
    fillO1(drive.workbook(file('华东销售组')), 0.8);
    const early = call(hub, '销售中心');
    expect(early.rollUp).toBe(false);
    expect(early.markdown).not.toContain('华东销售组');

    runAll(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF }));
    drive.resetCalls();
    const r = call(hub, '销售中心');
    expect(r).toMatchObject({ reviewSheet: early.reviewSheet, rollUp: true });
    expect(r.objectives).toBeGreaterThan(0);
    expect(r.markdown).toContain('下级汇总');
    expect(r.markdown).toContain('华东销售组');
    expect(r.markdown).toContain('华南销售组');
    expect(drive.calls.openById).toBe(1);
    const reviews = takeSnapshot(hub.ctx('zh-CN')).sheets.filter((s) => s.metaRole === 'review');
    expect(reviews.map((s) => s.name)).toEqual([r.reviewSheet]);
    expect(String(reviews[0]!.values[0]![0])).toContain('销售中心');
  });

  it('says which unit cannot be reviewed, and why', () => {
    const { hub, drive, file } = distributed();
    setDriveProvider(() => drive);
    drive.setState(file('法务部'), 'trashed');
    expect(dispatch('reviewUnitFromHub', { unit: '法务部' }, () => hub.ctx('zh-CN'), 'zh-CN')).toMatchObject({ ok: false, message: expect.stringContaining(label(STATUS_WORDS.trashed, 'zh-CN')) });
    expect(dispatch('reviewUnitFromHub', { unit: '不存在' }, () => hub.ctx('zh-CN'), 'zh-CN')).toMatchObject({ ok: false, message: expect.stringContaining('不存在') });
  });
});
