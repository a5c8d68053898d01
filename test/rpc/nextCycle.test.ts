/** "Start next cycle" through the RPC on the in-memory workbook. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import type { NextCycleSummary } from '../../src/addon/rpc/contract';
import { cycleWorkbook } from '../core/cycle/fixture';

describe('startNextCycle RPC', () => {
  it('carries the open sheet, opens the new one, and refuses a second run in words', () => {
    const local = cycleWorkbook();
    const ctx = local.ctx('en');
    ctx.ss.setActiveSheet(ctx.ss.getSheetByName('East Sales OKR')!);
    const res = dispatch('startNextCycle', { dropDone: true }, () => ctx, 'en');
    expect(res.ok).toBe(true);
    const r = (res as { result: NextCycleSummary }).result;
    expect(r.carried).toEqual([{ from: 'East Sales OKR', to: 'OKR East Sales 2027-Q1', fromCycle: '2026-Q4', toCycle: '2027-Q1', objectives: 1, krs: 2, dropped: [] }]);
    expect(ctx.ss.getActiveSheet().getName()).toBe('OKR East Sales 2027-Q1');
    const again = dispatch('startNextCycle', { sheet: 'East Sales OKR' }, () => ctx, 'zh-CN');
    expect(again.ok && (again.result as NextCycleSummary).carried).toEqual([]);
    expect(again.ok && (again.result as NextCycleSummary).skipped[0]).toMatch(/已有下一周期（2027-Q1）的工作表/);
  });
  it('rejects a bad payload before touching anything', () => {
    const local = cycleWorkbook();
    const res = dispatch('startNextCycle', { dropDone: 'yes' }, () => local.ctx('en'), 'en');
    expect(res).toMatchObject({ ok: false, code: 'invalidInput' });
  });
});
