import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import type { SheetsContext } from '../../src/sheets/context';
import { OWNER_KEY } from '../../src/core/plan/types';
import { makeWorkbook } from './helpers';

type Check = { findings: { ruleId: string; a1: string | null; message: string }[] };

function check(ctx: SheetsContext, lang: 'en' | 'zh-CN' = 'en'): Check {
  const res = dispatch('checkSheet', { sheet: 'Sales OKR' }, () => ctx, lang);
  if (!res.ok) throw new Error(res.message);
  return res.result as Check;
}

/** Puts an "As of" date in the header block so the check is deterministic. */
function asOf(sheet: ReturnType<typeof makeWorkbook>['sheet'], iso: string) {
  sheet.getRange('D4:E4').setValues([['As of', iso]]);
}

describe('Check reports stale KRs (no check-in for N days)', () => {
  it('flags KRs with no check-in since the cycle start on their Current cell, in both languages', () => {
    const { ctx, sheet } = makeWorkbook();
    asOf(sheet, '2026-11-20');
    const stale = check(ctx).findings.filter((f) => f.ruleId === 'stale-kr');
    // KR1..KR3 have no check-in: 50 days since 2026-10-01 (all three below 100%).
    expect(stale.map((f) => f.a1)).toEqual(['G7', 'G8', 'G9']);
    expect(stale[0]!.message).toMatch(/O1\.KR1.*50 days/);
    const zh = check(ctx, 'zh-CN').findings.filter((f) => f.ruleId === 'stale-kr');
    expect(zh[0]!.message).toMatch(/O1\.KR1.*50 天/);
  });

  it('a recent check-in clears the flag; the Settings threshold is honoured', () => {
    const { ctx, sheet, local } = makeWorkbook();
    asOf(sheet, '2026-10-10');
    // Nine days into the cycle: below the default 14, nothing is stale yet.
    expect(check(ctx).findings.some((f) => f.ruleId === 'stale-kr')).toBe(false);

    // a sheet called Settings is the user's unless our metadata says it is ours (never by name)
    const settings = local.ss.insertSheet('Settings');
    settings.getRange('A1:B1').setValues([['Stale after (days)', 5]]);
    expect(check(ctx).findings.some((f) => f.ruleId === 'stale-kr')).toBe(false);
    settings.addDeveloperMetadata(OWNER_KEY, 'settings');
    const flagged = check(ctx).findings.filter((f) => f.ruleId === 'stale-kr');
    expect(flagged.length).toBe(3);

    const rec = dispatch(
      'recordCheckIn',
      { sheet: 'Sales OKR', krId: 'O1.KR1', value: 120, confidence: 7, done: 'two deals', next: '', blockers: '', date: '2026-10-09' },
      () => ctx,
      'en',
    );
    expect(rec.ok).toBe(true);
    const after = check(ctx).findings.filter((f) => f.ruleId === 'stale-kr').map((f) => f.a1);
    expect(after).toEqual(['G8', 'G9']);
  });
});
