import { describe, expect, it } from 'vitest';
import { dispatch, RPC_HANDLERS } from '../../src/addon/rpc/server';
import { CONTRACT, RPC_METHODS } from '../../src/addon/rpc/contract';
import type { SheetsContext } from '../../src/sheets/context';
import type { LockLike } from '../../src/sheets/api';
import { makeWorkbook, snapshot } from './helpers';

const MB = 'x'.repeat(1_000_000);

function call(ctx: SheetsContext, method: unknown, payload: unknown, lang: 'en' | 'zh-CN' = 'en') {
  return dispatch(method, payload, () => ctx, lang);
}

describe('rpc contract', () => {
  it('has exactly one handler per method', () => {
    expect(Object.keys(RPC_HANDLERS).sort()).toEqual([...RPC_METHODS].sort());
    for (const m of RPC_METHODS) expect(typeof CONTRACT[m].write).toBe('boolean');
  });
});

describe('rpc: malformed payloads change nothing and say why', () => {
  const cases: [string, unknown, unknown, RegExp][] = [
    ['unknown method', 'dropAllSheets', {}, /Unknown action/],
    ['non-string method', 42, {}, /Unknown action/],
    ['payload not an object', 'recordCheckIn', 'hello', /not in the expected form/],
    ['payload null', 'checkSheet', [], /not in the expected form/],
    ['missing fields', 'recordCheckIn', { sheet: 'Sales OKR' }, /Field "krId" is missing or has the wrong type \(expected text\)/],
    ['wrong type', 'recordCheckIn',
      { sheet: 'Sales OKR', krId: 'O1.KR1', value: '120', confidence: 5, done: '', next: '', blockers: '' },
      /Field "value" is missing or has the wrong type \(expected a number\)/],
    ['out of range', 'recordCheckIn',
      { sheet: 'Sales OKR', krId: 'O1.KR1', value: 120, confidence: 11, done: '', next: '', blockers: '' },
      /Field "confidence" must be at most 10/],
    ['not finite', 'recordCheckIn',
      { sheet: 'Sales OKR', krId: 'O1.KR1', value: Number.NaN, confidence: 5, done: '', next: '', blockers: '' },
      /Field "value"/],
    ['bad enum', 'writeImport', { text: 'O: x', mode: 'replaceAll', lang: 'en' }, /Field "mode" has an invalid value/],
    ['unknown field', 'checkSheet', { sheet: 'Sales OKR', evil: true }, /Unknown field\(s\): evil/],
    ['bad A1', 'selectCell', { sheet: 'Sales OKR', a1: 'A1; DROP' }, /Field "a1" has an invalid value/],
    ['1 MB string', 'recordCheckIn',
      { sheet: 'Sales OKR', krId: 'O1.KR1', value: 120, confidence: 5, done: MB, next: '', blockers: '' },
      /too large \(1000\d+ characters; the limit is 100000\)/],
    ['11,000-char field', 'recordCheckIn',
      { sheet: 'Sales OKR', krId: 'O1.KR1', value: 120, confidence: 5, done: 'y'.repeat(11_000), next: '', blockers: '' },
      /Field "done" is too long \(at most 10000 characters\)/],
    ['1 MB import text', 'writeImport', { text: MB, mode: 'newSheet', lang: 'en' }, /too large/],
  ];
  for (const [name, method, payload, message] of cases) {
    it(name, () => {
      const { local, ctx } = makeWorkbook();
      const before = snapshot(local);
      const res = call(ctx, method, payload);
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.message).toMatch(message);
      expect(res.message).not.toMatch(/at \w+ \(|\.ts:\d+|Error:/); // no stack trace
      expect(res.code).toMatch(/^(invalidInput|unknownMethod)$/);
      expect(snapshot(local)).toBe(before);
    });
  }

  it('answers in Chinese when asked', () => {
    const { local, ctx } = makeWorkbook('zh-CN');
    const before = snapshot(local);
    const res = call(ctx, 'recordCheckIn', { sheet: 'Sales OKR', krId: 'O1.KR1', value: 1, confidence: 5, done: MB, next: '', blockers: '' }, 'zh-CN');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/提交的内容太大/);
    const res2 = call(ctx, 'recordCheckIn', { sheet: 'Sales OKR' }, 'zh-CN');
    if (!res2.ok) expect(res2.message).toBe('字段“krId”缺失或类型不对（应为文本）。');
    expect(snapshot(local)).toBe(before);
  });

  it('a missing sheet is a clear notFound error', () => {
    const { local, ctx } = makeWorkbook();
    const before = snapshot(local);
    const res = call(ctx, 'checkSheet', { sheet: 'Nope' });
    expect(res).toEqual({ ok: false, code: 'notFound', message: 'Sheet "Nope" was not found.' });
    expect(snapshot(local)).toBe(before);
  });

  it('an unexpected exception becomes the generic message, never a stack trace', () => {
    const { ctx } = makeWorkbook();
    const broken: SheetsContext = {
      ...ctx,
      ss: new Proxy(ctx.ss, {
        get(t, k) {
          if (k === 'getActiveSheet') return () => { throw new Error('secret internals at foo.ts:12'); };
          return Reflect.get(t, k);
        },
      }),
    };
    const res = call(broken, 'getContext', {});
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.code).toBe('internal');
      expect(res.message).not.toMatch(/secret|foo\.ts/);
      expect(res.message).toMatch(/Something went wrong/);
    }
  });

  it('a write waits for the document lock and says so when it cannot get it', () => {
    const { local, ctx } = makeWorkbook();
    let released = 0;
    const busy: LockLike = { hasLock: () => false, tryLock: () => false, waitLock: () => { throw new Error('timeout'); }, releaseLock: () => { released++; } };
    const before = snapshot(local);
    const res = call({ ...ctx, lock: busy }, 'writeImport', { text: 'O: Grow\nKR1: Raise NPS from 45 to 60', mode: 'newSheet', lang: 'en' });
    expect(res).toMatchObject({ ok: false, code: 'locked' });
    if (!res.ok) expect(res.message).toMatch(/Another user is editing/);
    expect(snapshot(local)).toBe(before);
    expect(released).toBe(0);
    // reads do not need the lock
    expect(call({ ...ctx, lock: busy }, 'checkSheet', { sheet: 'Sales OKR' }).ok).toBe(true);
  });
});

describe('rpc: two users on one document', () => {
  it('a write waits for the other user and then proceeds; while held, it says so in words', () => {
    const { local } = makeWorkbook();
    const me = local.ctx('en');
    const other = local.ss.newLock();
    expect(other.tryLock(1000)).toBe(true); // a colleague is writing
    const before = snapshot(local);
    const payload = { text: 'O: Grow\nKR1: Raise NPS from 45 to 60', mode: 'newSheet', lang: 'en' };
    const blocked = dispatch('writeImport', payload, () => me, 'zh-CN');
    expect(blocked).toMatchObject({ ok: false, code: 'locked', message: '其他人正在编辑此表格，请稍后再试。' });
    expect(snapshot(local)).toBe(before);
    other.releaseLock();
    const done = dispatch('writeImport', payload, () => me, 'en');
    expect(done.ok).toBe(true);
    expect(me.lock!.hasLock()).toBe(false); // released after the write
  });
});

describe('rpc: the happy paths', () => {
  it('getContext lists sheets and spots the OKR one', () => {
    const { ctx } = makeWorkbook();
    const res = call(ctx, 'getContext', {});
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const r = res.result as { activeSheet: string; sheets: { name: string; isOkr: boolean }[] };
    expect(r.activeSheet).toBe('Sales OKR');
    expect(r.sheets.find((s) => s.name === 'Sales OKR')?.isOkr).toBe(true);
  });

  it('checkSheet returns localized findings with cells; selectCell selects them', () => {
    const { ctx, local } = makeWorkbook();
    const res = call(ctx, 'checkSheet', { sheet: 'Sales OKR' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const r = res.result as { findings: { ruleId: string; a1: string | null; message: string; severity: string }[] };
    expect(r.findings.length).toBeGreaterThan(0);
    const located = r.findings.find((f) => f.a1 !== null)!;
    expect(located.a1).toMatch(/^[A-Z]+\d+$/);
    const zh = call(ctx, 'checkSheet', { sheet: 'Sales OKR' }, 'zh-CN');
    if (zh.ok) expect((zh.result as typeof r).findings.some((f) => /[\u4e00-\u9fff]/.test(f.message))).toBe(true);

    const sel = call(ctx, 'selectCell', { sheet: 'Sales OKR', a1: located.a1! });
    expect(sel).toEqual({ ok: true, result: { sheet: 'Sales OKR', a1: located.a1 } });
    expect(local.ss.getActiveRange()?.getA1Notation()).toBe(located.a1);
  });

  it('listKrs lists the KRs with their numbers', () => {
    const { ctx } = makeWorkbook();
    const res = call(ctx, 'listKrs', { sheet: 'Sales OKR' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const r = res.result as { krs: { id: string; current: number | null; target: number | null }[] };
    expect(r.krs.map((k) => k.id)).toEqual(['O1.KR1', 'O1.KR2', 'O1.KR3']);
    expect(r.krs[0]).toMatchObject({ current: 110, target: 150 });
  });
});
