/** The weekly / monthly report through the RPC on the in-memory workbook. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import { cycleWorkbook } from '../core/cycle/fixture';

describe('progressReport / writeProgressReport RPC', () => {
  it('Markdown for a month, and the same report written as a new sheet (twice: two sheets, nothing overwritten)', () => {
    const local = cycleWorkbook();
    const ctx = local.ctx('en');
    const md = dispatch('progressReport', { period: '2026-11' }, () => ctx, 'en');
    expect(md.ok && (md.result as { markdown: string }).markdown).toContain('110 → 130 k (progress 20% → 60%, +40 pts)');
    const a = dispatch('writeProgressReport', { period: '2026-11' }, () => ctx, 'en');
    const b = dispatch('writeProgressReport', { period: '2026-11' }, () => ctx, 'en');
    expect(a.ok && (a.result as { sheet: string }).sheet).toBe('Report 2026-11');
    expect(b.ok && (b.result as { sheet: string }).sheet).not.toBe('Report 2026-11');
    expect(ctx.ss.getSheetByName('Report 2026-11')!.getRange('C3').getValue()).toBe('O1.KR1');
  });
  it('a bad period is a clear error', () => {
    const local = cycleWorkbook();
    const res = dispatch('progressReport', { period: 'soon' }, () => local.ctx('en'), 'en');
    expect(res).toMatchObject({ ok: false, code: 'invalidInput' });
    if (!res.ok) expect(res.message).toMatch(/Not a week or a month: soon/);
  });
});
