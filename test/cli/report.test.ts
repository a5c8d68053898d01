/** `okr-sheets report FILE --week | --month [-o …]` (issue 13 §2, offline). */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportXlsx } from '../../src/local/xlsx/export';
import { importXlsx } from '../../src/local/xlsx/import';
import { cycleWorkbook } from '../core/cycle/fixture';
import { cli, expectNoStack, tempDir } from './xlsx-helpers';

describe('okr-sheets report', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'acme.xlsx'), await exportXlsx(cycleWorkbook().toPlan()));

  it('prints the weekly report as Markdown, listing each change from → to', async () => {
    const r = await cli(dir, 'report', 'acme.xlsx', '--week', '2026-W48');
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# Weekly report 2026-W48 (2026-11-23 to 2026-11-29)');
    expect(r.out).toContain('122 → 130 k (progress 44% → 60%, +16 pts)');
    expect(r.out).toContain('24 → 26 (progress 10% → 15%, +5 pts)');
  });

  it('writes the monthly report to .md and .xlsx', async () => {
    const md = await cli(dir, 'report', 'acme.xlsx', '--month', '2026-11', '-o', 'nov.md');
    expect(md.code).toBe(0);
    expect(readFileSync(join(dir, 'nov.md'), 'utf8')).toContain('# Monthly report 2026-11');
    const x = await cli(dir, 'report', 'acme.xlsx', '--month', '2026-11', '-o', 'nov.xlsx');
    expect(x.code).toBe(0);
    const plan = await importXlsx(readFileSync(join(dir, 'nov.xlsx')));
    expect(plan.sheets.map((s) => s.name)).toEqual(['Report 2026-11']);
    expect(plan.sheets[0]!.values[2]!.slice(0, 6)).toEqual(['Acme', 'Alex Lin', 'O1.KR1', 'Revenue from 10M to 15M', 10, 12]);
  });

  it('usage errors are exit 2 in words', async () => {
    const none = await cli(dir, 'report', 'acme.xlsx');
    expect([none.code, /exactly one of --week or --month/.test(none.err)]).toEqual([2, true]);
    const bad = await cli(dir, 'report', 'acme.xlsx', '--week', '2026-11');
    expect([bad.code, /Not a week: 2026-11/.test(bad.err)]).toEqual([2, true]);
    const ext = await cli(dir, 'report', 'acme.xlsx', '--month', '2026-11', '-o', 'r.txt');
    expect([ext.code, /\.md or \.xlsx/.test(ext.err)]).toEqual([2, true]);
    expect(existsSync(join(dir, 'r.txt'))).toBe(false);
  });
});
