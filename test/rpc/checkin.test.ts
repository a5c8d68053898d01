/** Check-ins by date through the RPC, on the in-memory workbook (issue 10 §4). */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import type { CheckInNeedsConfirmation, CheckInResult } from '../../src/addon/rpc/contract';
import type { SheetsContext } from '../../src/sheets/context';
import { makeWorkbook, snapshot } from './helpers';

function call(ctx: SheetsContext, payload: Record<string, unknown>, lang: 'en' | 'zh-CN' = 'en'): CheckInResult | CheckInNeedsConfirmation {
  const res = dispatch('recordCheckIn', { sheet: 'Sales OKR', krId: 'O1.KR1', confidence: 7, done: '', next: '', blockers: '', value: null, ...payload }, () => ctx, lang);
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
  return res.result as CheckInResult | CheckInNeedsConfirmation;
}
const recorded = (r: CheckInResult | CheckInNeedsConfirmation): CheckInResult => {
  if (r.status !== 'recorded') throw new Error(`not recorded: ${r.message}`);
  return r;
};
const logRows = (ctx: SheetsContext, name: string) => ctx.ss.getSheetByName(name)!.getDataRange().getValues();

describe('recordCheckIn RPC: Current follows the latest-dated entry', () => {
  it('a back-dated check-in is logged, reported, and does not overwrite the newer Current / Confidence', () => {
    const { ctx, sheet } = makeWorkbook();
    const a = recorded(call(ctx, { value: 130, confidence: 8, date: '2026-11-20' }));
    expect(a).toMatchObject({ currentWritten: true, backdated: null });
    const b = recorded(call(ctx, { value: 115, confidence: 5, date: '2026-11-05', done: 'late entry' }));
    expect(b.currentWritten).toBe(false);
    expect(b.backdated?.latest).toBe('2026-11-20');
    expect(b.backdated?.message).toMatch(/before the latest check-in \(2026-11-20\)/);
    expect(sheet.getRange(a.currentA1).getValue()).toBe(130);
    // Confidence (column I) kept too
    expect(sheet.getRange(a.currentA1.replace(/^G/, 'I')).getValue()).toBe(8);
    // both entries are in the log
    const log = logRows(ctx, b.logSheet);
    expect(b.logRow).toBe(a.logRow + 1);
    expect(log.flat()).toContain('late entry');
    expect(log.filter((r) => r.includes('O1.KR1'))).toHaveLength(2);
    // a later one writes again
    const c = recorded(call(ctx, { value: 140, date: '2026-11-27' }));
    expect(c.currentWritten).toBe(true);
    expect(sheet.getRange(a.currentA1).getValue()).toBe(140);
  });

  it('says so in Chinese for a Chinese user', () => {
    const { ctx } = makeWorkbook();
    recorded(call(ctx, { value: 130, date: '2026-11-20' }, 'zh-CN'));
    const b = recorded(call(ctx, { value: 115, date: '2026-11-05' }, 'zh-CN'));
    expect(b.backdated?.message).toMatch(/早于最近一次更新（2026-11-20）/);
  });
});

describe('recordCheckIn RPC: milestones and implausible values', () => {
  it('a milestone takes 完成 / done / ✓ as typed text and writes TRUE', () => {
    const { ctx, sheet } = makeWorkbook();
    for (const word of ['完成', 'done', '✓', 'TRUE', '是']) {
      const r = recorded(call(ctx, { krId: 'O1.KR3', valueText: word, date: '2026-11-20' }));
      expect(sheet.getRange(r.currentA1).getValue()).toBe(true);
      sheet.getRange(r.currentA1).setValue('');
    }
  });

  it('a value more than 10× the target needs confirmation: nothing written until confirmed', () => {
    const { ctx, local, sheet } = makeWorkbook();
    const before = snapshot(local);
    const q = call(ctx, { value: 1600, date: '2026-11-20' });
    expect(q.status).toBe('needsConfirmation');
    if (q.status === 'needsConfirmation') expect(q.message).toMatch(/more than 10 times the target 150/);
    expect(snapshot(local)).toBe(before);
    const r = recorded(call(ctx, { value: 1600, date: '2026-11-20', confirmed: true }));
    expect(sheet.getRange(r.currentA1).getValue()).toBe(1600);
  });

  it('a negative value where the range is positive asks too, in the user language', () => {
    const { ctx, local } = makeWorkbook();
    const before = snapshot(local);
    const q = call(ctx, { value: -3, date: '2026-11-20' }, 'zh-CN');
    expect(q).toMatchObject({ status: 'needsConfirmation' });
    if (q.status === 'needsConfirmation') expect(q.message).toMatch(/负数/);
    expect(snapshot(local)).toBe(before);
  });

  it('text that is not a value is a clear error', () => {
    const { ctx } = makeWorkbook();
    const res = dispatch('recordCheckIn', { sheet: 'Sales OKR', krId: 'O1.KR1', value: null, valueText: 'about half', confidence: 5, done: '', next: '', blockers: '' }, () => ctx, 'en');
    expect(res).toMatchObject({ ok: false, code: 'invalidInput' });
    if (!res.ok) expect(res.message).toMatch(/not a number: about half/);
  });
});

describe('recordCheckIn RPC: the words of a check-in stay as typed (issue 11 §5)', () => {
  it('done / next / blockers that look like numbers or dates are not turned into them', () => {
    const { ctx } = makeWorkbook();
    const r = recorded(call(ctx, { value: 120, date: '2026-11-20', done: '3/4', next: '01234', blockers: '1-2' }));
    const row = logRows(ctx, r.logSheet)[r.logRow - 1]!;
    expect(row).toContain('3/4');
    expect(row).toContain('01234');
    expect(row).toContain('1-2');
  });
});

describe('recordCheckIn RPC: a user sheet that only has the log\'s name is not ours (issue 11 §3)', () => {
  it('the check-in goes to our own log; the user\'s "Check-ins" sheet is untouched', () => {
    const { ctx } = makeWorkbook();
    const mine = ctx.ss.insertSheet('Check-ins');
    mine.getRange(1, 1, 2, 2).setValues([['my notes', 'about check-ins'], ['call Wang', 'Friday']]);
    const before = JSON.stringify(mine.getDataRange().getValues());
    const r = recorded(call(ctx, { value: 120, date: '2026-11-20', done: 'closed two deals' }));
    expect(r.logSheet).not.toBe('Check-ins');
    expect(JSON.stringify(mine.getDataRange().getValues())).toBe(before);
    expect(logRows(ctx, r.logSheet).flat()).toContain('closed two deals');
    // and the next one finds the same log again (by its metadata)
    const r2 = recorded(call(ctx, { value: 125, date: '2026-11-27' }));
    expect(r2.logSheet).toBe(r.logSheet);
    expect(r2.logRow).toBe(r.logRow + 1);
  });

  it('a log kept by hand under the name (its header is a check-in log) is used', () => {
    const { ctx } = makeWorkbook();
    const log = ctx.ss.insertSheet('Check-ins');
    log.getRange(1, 1, 1, 8).setValues([['Date', 'Sheet', 'KR ID', 'New value', 'Confidence', 'Done this period', 'Next steps', 'Blockers / resources needed']]);
    const r = recorded(call(ctx, { value: 120, date: '2026-11-20' }));
    expect(r.logSheet).toBe('Check-ins');
    expect(r.logRow).toBe(2);
  });
});
