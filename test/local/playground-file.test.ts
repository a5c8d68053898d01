/** `npm start -- file.xlsx` (issue 10 §8): the playground opens the user's workbook. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadPlaygroundFile } from '../../src/local/playground/file';
import { startPlayground, type Playground } from '../../src/local/playground/server';
import { exportXlsx } from '../../src/local/xlsx/export';
import { createLocalApp } from '../../src/local/workbook';
import { dispatch } from '../../src/addon/rpc/server';
import { OKR_VALUES } from '../rpc/helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'okr-pg-file-'));
let pg: Playground | null = null;
afterAll(async () => {
  await pg?.close();
});

async function sampleFile(): Promise<string> {
  const local = createLocalApp({ lang: 'en' });
  const sheet = local.ss.insertSheet('Sales OKR');
  const width = Math.max(...OKR_VALUES.map((r) => r.length));
  sheet.getRange(1, 1, OKR_VALUES.length, width).setValues(OKR_VALUES.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
  sheet.getRange('A12').setValue('a note the user wrote');
  local.ss.deleteSheet(local.ss.getSheetByName('Sheet1')!);
  const file = path.join(dir, 'my-okrs.xlsx');
  writeFileSync(file, await exportXlsx(local.toPlan()));
  return file;
}

describe('playground: open a workbook from a file', () => {
  it('loads the xlsx into the in-memory workbook, with its own language, and the RPC works on it', async () => {
    const file = await sampleFile();
    const loaded = await loadPlaygroundFile(file);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.file.name).toBe('my-okrs');
    expect(loaded.file.lang).toBe('en');
    pg = await startPlayground({ sidebarHtml: '<html><head></head><body></body></html>', port: 0, workbook: loaded.file });
    const res = await fetch(`${pg.url}api/workbook`);
    const grid = (await res.json()) as { spreadsheet: string; sheets: { name: string; values: string[][] }[] };
    expect(grid.spreadsheet).toBe('my-okrs');
    expect(grid.sheets.map((s) => s.name)).toEqual(['Sales OKR']); // no sample sheets
    expect(grid.sheets[0]!.values[11]![0]).toBe('a note the user wrote');
    const krs = dispatch('listKrs', { sheet: 'Sales OKR' }, () => pg!.ctx, 'en');
    expect(krs.ok && (krs.result as { krs: { id: string }[] }).krs.map((k) => k.id)).toEqual(['O1.KR1', 'O1.KR2', 'O1.KR3']);
  });

  it('a missing, non-xlsx or damaged file is a clear message in both languages', async () => {
    const missing = await loadPlaygroundFile(path.join(dir, 'nope.xlsx'));
    expect(missing).toMatchObject({ ok: false });
    if (!missing.ok) {
      expect(missing.message.en).toMatch(/File not found: .*nope\.xlsx/);
      expect(missing.message['zh-CN']).toMatch(/找不到文件/);
    }
    const csv = path.join(dir, 'okrs.csv');
    writeFileSync(csv, 'a,b\n');
    const notXlsx = await loadPlaygroundFile(csv);
    expect(!notXlsx.ok && notXlsx.message.en).toMatch(/Only \.xlsx files/);
    const bad = path.join(dir, 'broken.xlsx');
    writeFileSync(bad, 'this is not a zip');
    const broken = await loadPlaygroundFile(bad);
    expect(!broken.ok && broken.message.en).toMatch(/^Cannot read .*broken\.xlsx: /);
    const folder = await loadPlaygroundFile(dir);
    expect(!folder.ok && folder.message.en).toMatch(/Not a file/);
  });

  it('npm start -- missing.xlsx exits 2 with the message, before serving anything', () => {
    const r = spawnSync(process.execPath, ['scripts/start.mjs', '--', path.join(dir, 'missing.xlsx')], {
      encoding: 'utf8', env: { ...process.env, PORT: '0', OKR_LANG: 'en' }, timeout: 120_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/File not found: .*missing\.xlsx/);
    expect(r.stdout).not.toMatch(/playground/);
  }, 130_000);
});
