/** `okr-sheets remind FILE [--as-of D] [--json]` (issue 13, offline: prints, never sends). */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportXlsx } from '../../src/local/xlsx/export';
import { cycleWorkbook } from '../core/cycle/fixture';
import { cli, expectNoStack, tempDir } from './xlsx-helpers';

describe('okr-sheets remind', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'acme.xlsx'), await exportXlsx(cycleWorkbook().toPlan()));

  it('--json: the owners and managers, in the documented shape', async () => {
    const r = await cli(dir, 'remind', 'acme.xlsx', '--as-of', '2026-11-30', '--json');
    expectNoStack(r);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { owners: { owner: string; email: string; krs: { sheet: string; id: string; days: number; status: string }[] }[]; managers: { manager: string; units: string[] }[] };
    expect(j.owners.map((o) => [o.owner, o.email, o.krs.map((k) => `${k.sheet}/${k.id}`)])).toEqual([
      ['Zhao Min', 'zhaomin@acme.test', ['Sales OKR/O1.KR3']],
      ['Chen Jing', 'chenjing@acme.test', ['East Sales OKR/O1.KR2']],
    ]);
    expect(j.managers.map((m) => [m.manager, m.units.length])).toEqual([['Alex Lin', 3], ['Li Lei', 2], ['Han Mei', 1]]);
  });

  it('prints each message, says nothing is sent', async () => {
    const r = await cli(dir, 'remind', 'acme.xlsx', '--as-of', '2026-11-30');
    expect(r.code).toBe(0);
    expect(r.out).toContain('(preview only, nothing is sent) As of 2026-11-30: 2 owner reminder(s), 3 manager digest(s)');
    expect(r.out).toContain('To: Zhao Min <zhaomin@acme.test>');
    expect(r.out).toContain('Subject: OKR digest: Acme, Sales, East Sales');
    const zh = await cli(dir, 'remind', 'acme.xlsx', '--as-of', '2026-11-30', '--lang', 'zh-CN');
    expect(zh.out).toContain('（仅预览，不会发送）');
    const bad = await cli(dir, 'remind', 'acme.xlsx', '--as-of', '2026-02-30');
    expect(bad.code).toBe(2);
  });
});
