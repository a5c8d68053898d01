/** `okr-sheets next-cycle FILE -o OUT` on an .xlsx (issue 13 §5, offline). */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalApp } from '../../src/local/workbook';
import { importXlsx } from '../../src/local/xlsx/import';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { readSnapshot } from '../../src/core/snapshot';
import { exportXlsx } from '../../src/local/xlsx/export';
import { cycleWorkbook } from '../core/cycle/fixture';
import { cli, expectNoStack, sha256, tempDir } from './xlsx-helpers';

describe('okr-sheets next-cycle', () => {
  it('writes the next cycle beside the archive; the archive values are identical; the input is untouched', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q4.xlsx'), await exportXlsx(cycleWorkbook().toPlan()));
    const hash = sha256(join(dir, 'q4.xlsx'));
    const r = await cli(dir, 'next-cycle', 'q4.xlsx', '-o', 'q1.xlsx', '--drop-done', '--as-of', '2026-11-30');
    expectNoStack(r);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sales OKR (2026-Q4) → OKR Sales 2027-Q1 (2027-Q1): 2 objective(s), 3 key result(s); done, not carried: O1.KR2, O3.KR1');
    expect(r.out).toContain('Wrote q1.xlsx');
    expect(sha256(join(dir, 'q4.xlsx'))).toBe(hash);

    // values after recalculation, as a spreadsheet opening each file shows them
    const recalculated = async (f: string) =>
      takeSnapshot(createLocalApp({ plan: await importXlsx(readFileSync(join(dir, f))) }).ctx('en'), { asOf: '2026-11-30' });
    const before = await recalculated('q4.xlsx');
    const after = await recalculated('q1.xlsx');
    expect(before.sheets.find((s) => s.name === 'Sales OKR')!.values.flat()).toContain('Overdue');
    for (const name of ['Acme OKR', 'Sales OKR', 'East Sales OKR', 'Check-ins']) {
      expect(after.sheets.find((s) => s.name === name)!.values, name).toEqual(before.sheets.find((s) => s.name === name)!.values);
    }
    const model = readSnapshot(after, 'en');
    const next = model.okr.find((o) => o.sheet === 'OKR Sales 2027-Q1')!.read.table;
    expect(next.rows.filter((x) => x.id).map((x) => [x.id, x.start, x.current])).toEqual([
      ['O1', null, null], ['O1.KR1', 130, null], ['O1.KR3', null, null], ['O2', null, null], ['O2.KR1', 0.1, null],
    ]);
  }, 60_000);

  it('usage errors are exit 2 in words: no -o, a bad cycle, an existing output', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q4.xlsx'), await exportXlsx(cycleWorkbook().toPlan()));
    const noOut = await cli(dir, 'next-cycle', 'q4.xlsx');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toMatch(/Missing -o out\.xlsx/);
    const bad = await cli(dir, 'next-cycle', 'q4.xlsx', '-o', 'x.xlsx', '--cycle', 'spring');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Unknown cycle: spring/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    writeFileSync(join(dir, 'taken.xlsx'), 'x');
    const taken = await cli(dir, 'next-cycle', 'q4.xlsx', '-o', 'taken.xlsx');
    expect(taken.code).toBe(2);
    expect(taken.err).toMatch(/already exists/);
    expectNoStack(taken);
  }, 60_000);
});
