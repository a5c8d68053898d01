import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import { createLocalApp } from '../../src/local/workbook';
import { seedWorkbook } from '../../src/local/playground/seed';
import type { Lang } from '../../src/core/i18n';

describe('the playground sample workbook', () => {
  it.each<Lang>(['en', 'zh-CN'])('opens with owners filled, check-ins logged and no owner errors (%s)', (lang) => {
    const local = createLocalApp({ lang });
    const ctx = local.ctx(lang);
    const seeded = seedWorkbook(ctx, lang);
    expect(seeded.problems).toEqual([]);
    const res = dispatch('checkSheet', { sheet: seeded.sheets[0]! }, () => ctx, lang);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const findings = (res.result as { findings: { ruleId: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'single-owner')).toEqual([]);
    const krs = dispatch('listKrs', { sheet: seeded.sheets[0]! }, () => ctx, lang);
    expect(krs.ok && (krs.result as { krs: { current: number | null }[] }).krs.filter((k) => k.current !== null).length).toBeGreaterThan(0);
  });
});
