/** The offline hub keeps what people add: their own sheet called "Dashboard", their registry notes. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { readRegistryValues } from '../../src/core/distribution';
import { snapshotFromXlsx } from '../../src/local/snapshot';
import { cli, tempDir } from '../cli/xlsx-helpers';

it('collect writes its Dashboard beside a person\'s own "Dashboard" and keeps registry notes', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'roster.csv'), 'Unit,Level,Parent unit,Owner,Department template\nAcme,Company,,Ada,Company\nLegal,Department,Acme,Cy,Legal\n');
  expect((await cli(dir, 'distribute', 'roster.csv', '--out-dir', 'okr', '--cycle', '2026-Q4', '--lang', 'en')).code).toBe(0);
  // HR, in Excel: a sheet of their own named Dashboard, and a note beside a registry row
  const hubPath = join(dir, 'okr', 'hub.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(hubPath);
  wb.addWorksheet('Dashboard').getCell('A1').value = 'my own numbers';
  const reg = wb.getWorksheet('Units registry')!;
  const width = reg.getRow(1).cellCount;
  reg.getRow(1).getCell(width + 1).value = 'HR notes';
  reg.getRow(3).getCell(width + 1).value = 'call Cy on Monday';
  await wb.xlsx.writeFile(hubPath);

  const r = await cli(dir, 'collect', 'okr/hub.xlsx', '--as-of', '2026-11-20', '--lang', 'en');
  expect(r.code, r.err).toBe(0);
  const snap = await snapshotFromXlsx(readFileSync(hubPath));
  const mine = snap.sheets.find((s) => s.name === 'Dashboard')!;
  expect(mine.metaRole).toBeNull();
  expect(mine.values[0]![0]).toBe('my own numbers');
  expect(snap.sheets.find((s) => s.metaRole === 'dashboard')!.name).toBe('Dashboard (2)');
  const values = snap.sheets.find((s) => s.metaRole === 'registry')!.values;
  const rows = readRegistryValues(values).rows;
  expect(rows.map((x) => x.status)).toEqual(['collected', 'collected']);
  const legal = values.find((row) => row[0] === 'Legal')!;
  expect(legal).toContain('call Cy on Monday');
}, 120_000);
