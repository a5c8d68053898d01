/**
 * The roster is read afresh on every distribute, offline and in Sheets: a unit new to the roster
 * gets its file; a unit gone from it is marked "removed from roster" in the registry — its row
 * and file kept (history), left out of collection — and takes its file back when it returns.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegistryValues } from '../../src/core/distribution';
import { readRosterValues } from '../../src/core/roster';
import { LocalDrive } from '../../src/local/drive';
import { snapshotFromXlsx } from '../../src/local/snapshot';
import { collectBatch, distributeBatch } from '../../src/sheets/distribution';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { cli, sha256, tempDir } from '../cli/xlsx-helpers';
import { AS_OF, CYCLE, ROSTER, hubWith, registry, runAll } from './helpers';

const CSV = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';
const WITHOUT_LEGAL_TEAM = ROSTER.filter((r) => r[0] !== '合规组');
const WITH_OPS = [...WITHOUT_LEGAL_TEAM, ['运营部', '部门', '星河科技', '孙丽', 'sun@example.com', '']];

describe('offline: distribute follows the roster', () => {
  it('adds new units, marks removed ones (file and row kept, not collected), and restores a unit that returns', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r1.csv'), CSV(ROSTER));
    writeFileSync(join(dir, 'r2.csv'), CSV(WITH_OPS));
    expect((await cli(dir, 'distribute', 'r1.csv', '--out-dir', 'okr', '--cycle', CYCLE, '--lang', 'zh-CN')).code).toBe(0);
    const hubPath = join(dir, 'okr', 'hub.xlsx');
    const rows = async () => readRegistryValues((await snapshotFromXlsx(readFileSync(hubPath))).sheets.find((s) => s.metaRole === 'registry')!.values).rows;
    const legalFile = join(dir, 'okr', (await rows()).find((r) => r.unit === '合规组')!.file);
    const before = sha256(legalFile);

    const second = await cli(dir, 'distribute', 'r2.csv', '--out-dir', 'okr', '--cycle', CYCLE, '--lang', 'zh-CN');
    expect(second.code).toBe(0);
    expect(second.err).toContain('合规组');
    const after = await rows();
    expect(Object.fromEntries(after.map((r) => [r.unit, r.status]))).toMatchObject({ 合规组: 'removed', 运营部: 'created', 销售中心: 'created' });
    expect(existsSync(legalFile) && sha256(legalFile)).toBe(before);
    // the hub's roster is the new one
    const hub = await snapshotFromXlsx(readFileSync(hubPath));
    expect(readRosterValues(hub.sheets.find((s) => s.metaRole === 'roster')!.values).entries.map((e) => e.unit)).toContain('运营部');

    const c = await cli(dir, 'collect', 'okr/hub.xlsx', '--json', '--as-of', AS_OF);
    const units = (JSON.parse(c.out) as { units: { unit: string }[] }).units.map((u) => u.unit);
    expect(units).toContain('运营部');
    expect(units).not.toContain('合规组');
    expect((await rows()).find((r) => r.unit === '合规组')!.status).toBe('removed');

    // back on the roster: the same file, nothing made again
    expect((await cli(dir, 'distribute', 'r1.csv', '--out-dir', 'okr', '--cycle', CYCLE, '--lang', 'zh-CN')).code).toBe(0);
    const back = (await rows()).find((r) => r.unit === '合规组')!;
    expect(back.status).toBe('created');
    expect(join(dir, 'okr', back.file)).toBe(legalFile);
    expect((await rows()).find((r) => r.unit === '运营部')!.status).toBe('removed');
  });
});

describe('Sheets: distribute follows the roster sheet', () => {
  it('marks a unit deleted from the roster, keeps its file, and makes the new one', () => {
    const hub = hubWith(ROSTER);
    const drive = new LocalDrive({ lang: 'zh-CN' });
    runAll(() => distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE }));
    const legal = registry(hub).find((r) => r.unit === '合规组')!;
    const roster = hub.ss.getSheets().find((s) => s.getName() === takeSnapshot(hub.ctx('zh-CN')).sheets.find((x) => x.metaRole === 'roster')!.name)!;
    roster.getRange(1, 1, ROSTER.length, 6).setValues(WITH_OPS.concat([['', '', '', '', '', '']]).slice(0, ROSTER.length));
    const files = drive.files.size;
    const r = runAll(() => distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE }));
    expect(r.at(-1)).toMatchObject({ done: 6, total: 6, finished: true });
    expect(drive.files.size).toBe(files + 1);
    const rows = registry(hub);
    expect(rows.find((x) => x.unit === '合规组')).toMatchObject({ status: 'removed', file: legal.file });
    expect(drive.files.get(legal.file)!.state).toBe('ok');
    expect(rows.find((x) => x.unit === '运营部')!.status).toBe('shared');
    const c = runAll(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF }));
    expect(c.at(-1)!.total).toBe(6);
    expect(registry(hub).find((x) => x.unit === '合规组')!.status).toBe('removed');
  });
});
