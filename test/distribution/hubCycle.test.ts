/**
 * The hub-wide cycle actions (issue 13 §1 and §5 in the hub): "Start next cycle for every unit"
 * in batches (each file archived and carried by the same core task, registry updated, a second
 * pass changes nothing) and "Reminders for every unit" (one model of all files: each owner's
 * message equals the one their own file gives; a manager's digest covers the units below), in
 * Sheets and offline.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setDriveProvider } from '../../src/addon/actions/distribution';
import { dispatch } from '../../src/addon/rpc/server';
import { ownerMessage, planReminders } from '../../src/core/cycle/reminders';
import { readSnapshot } from '../../src/core/snapshot';
import { LocalDrive } from '../../src/local/drive';
import { snapshotFromXlsx } from '../../src/local/snapshot';
import { collectBatch, distributeBatch, hubRemindersPreview, nextCycleBatch } from '../../src/sheets/distribution';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { cli, sha256, tempDir } from '../cli/xlsx-helpers';
import { AS_OF, CYCLE, ROSTER, fillO1, hubWith, registry, runAll } from './helpers';
import { readFileSync } from 'node:fs';

afterEach(() => setDriveProvider(null));

const NEXT = '2027-Q1';

function distributed() {
  const hub = hubWith(ROSTER);
  const drive = new LocalDrive({ lang: 'zh-CN' });
  runAll(() => distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE }));
  const file = (unit: string) => registry(hub).find((r) => r.unit === unit)!.file;
  return { hub, drive, file };
}

describe('Start next cycle for every unit (Sheets)', () => {
  it('carries each unit file in batches, updates the registry, and a second pass changes nothing', () => {
    const { hub, drive, file } = distributed();
    fillO1(drive.workbook(file('华东销售组')), 0.5);
    const east = drive.workbook(file('华东销售组'));
    const oldCurrent = readSnapshot(takeSnapshot(east.ctx('zh-CN')), 'zh-CN').okr[0]!.read.table.rows.find((r) => r.id === 'O1.KR1')!.current;
    expect(oldCurrent).not.toBeNull();

    const batches = runAll(() => nextCycleBatch(hub.ctx('zh-CN'), drive, { cycle: NEXT, batchSize: 4 }));
    expect(batches.map((b) => b.done)).toEqual([4, 6]);
    for (const r of registry(hub)) {
      expect(r.cycle).toBe(NEXT);
      const names = drive.workbook(r.file).ss.getSheets().map((s) => s.getName());
      expect(names).toEqual(expect.arrayContaining([`OKR ${r.unit} ${CYCLE}`, `OKR ${r.unit} ${NEXT}`]));
      const wb = drive.workbook(r.file);
      const archive = wb.ss.getSheetByName(`OKR ${r.unit} ${CYCLE}`)!;
      // the in-memory workbook records a sheet protection as one covering the whole sheet
      expect(archive.getProtections(wb.app.ProtectionType.RANGE).map((p) => [p.isWarningOnly(), p.getDescription().includes(CYCLE)])).toContainEqual([true, true]);
    }
    // Start = the last Current, Current blank, in the new sheet of the same file
    const model = readSnapshot(takeSnapshot(east.ctx('zh-CN')), 'zh-CN');
    const carried = model.okr.find((o) => o.sheet === `OKR 华东销售组 ${NEXT}`)!.read.table.rows.find((r) => r.id === 'O1.KR1')!;
    expect(carried.start).toBe(oldCurrent);
    expect(carried.current).toBeNull();

    const counts = registry(hub).map((r) => drive.workbook(r.file).ss.getSheets().length);
    const again = runAll(() => nextCycleBatch(hub.ctx('zh-CN'), drive, { cycle: NEXT }));
    expect(again.at(-1)!.processed).toEqual([]);
    expect(again.at(-1)!.problems).toHaveLength(6);
    expect(registry(hub).map((r) => drive.workbook(r.file).ss.getSheets().length)).toEqual(counts);

    // collection now reads each unit's new sheet: nothing typed there yet
    runAll(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: '2027-01-20' }));
    expect(registry(hub).find((r) => r.unit === '华东销售组')!.progress).toBe(0);
  });
});

describe('Reminders for every unit (Sheets)', () => {
  it('gives each owner the message their own file gives, and the department head a digest of the teams below', () => {
    const { hub, drive, file } = distributed();
    setDriveProvider(() => drive);
    runAll(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF }));
    const preview = hubRemindersPreview(hub.ctx('zh-CN'), { asOf: AS_OF });
    expect(preview.units).toBe(6);
    const own = readSnapshot(takeSnapshot(drive.workbook(file('华东销售组')).ctx('zh-CN'), { asOf: AS_OF }), 'zh-CN');
    const alone = planReminders(own, { asOf: AS_OF, lang: 'zh-CN' });
    const zhou = alone.owners.find((o) => o.owner === '周杰')!;
    const fromHub = preview.messages.find((m) => m.to === '周杰')!;
    expect(fromHub.email).toBe('zhou@example.com'); // from the hub's registry
    expect(fromHub.body).toBe(ownerMessage({ ...zhou, email: 'zhou@example.com' }, alone).body);
    const head = preview.messages.filter((m) => m.to === '李明');
    expect(head.some((m) => m.body.includes('华东销售组') && m.body.includes('华南销售组'))).toBe(true);
    // over RPC: the same outbox
    const r = dispatch('hubReminders', { asOf: AS_OF }, () => hub.ctx('zh-CN'), 'zh-CN');
    expect(r.ok && (r.result as { messages: unknown[] }).messages.length).toBe(preview.messages.length);
  });
});

describe('offline: distribute --next-cycle and collect --remind', () => {
  it('carries every unit file once, and previews every owner\'s reminder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), ROSTER.map((r) => r.join(',')).join('\n') + '\n');
    expect((await cli(dir, 'distribute', 'r.csv', '--out-dir', 'okr', '--cycle', CYCLE, '--lang', 'zh-CN')).code).toBe(0);
    const first = await cli(dir, 'distribute', 'okr/hub.xlsx', '--next-cycle', '--cycle', NEXT, '--lang', 'zh-CN');
    expect(first.code, first.err).toBe(0);
    const folder = join(dir, 'okr', CYCLE);
    for (const f of readdirSync(folder)) {
      const snap = await snapshotFromXlsx(readFileSync(join(folder, f)));
      expect(snap.sheets.filter((s) => s.metaRole === 'okr').map((s) => s.name).some((n) => n.endsWith(NEXT))).toBe(true);
    }
    const hashes = readdirSync(folder).map((f) => sha256(join(folder, f)));
    const second = await cli(dir, 'distribute', 'okr/hub.xlsx', '--next-cycle', '--cycle', NEXT, '--lang', 'zh-CN');
    expect(second.code).toBe(0);
    expect(readdirSync(folder).map((f) => sha256(join(folder, f)))).toEqual(hashes);
    const hub = await snapshotFromXlsx(readFileSync(join(dir, 'okr', 'hub.xlsx')));
    const reg = hub.sheets.find((s) => s.metaRole === 'registry')!.values;
    expect(reg.some((row) => row.includes(NEXT))).toBe(true);

    const remind = await cli(dir, 'collect', 'okr/hub.xlsx', '--remind', '--json', '--as-of', '2027-02-20', '--lang', 'zh-CN');
    expect(remind.code, remind.err).toBe(0);
    const owners = (JSON.parse(remind.out) as { owners: { owner: string; email: string | null }[] }).owners;
    expect(owners.find((o) => o.owner === '周杰')?.email).toBe('zhou@example.com');
    expect(owners.map((o) => o.owner).sort()).toEqual(['何丽', '李明', '吴敏', '王总', '陈静', '周杰'].sort());
  });
});
