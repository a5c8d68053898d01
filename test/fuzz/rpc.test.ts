/**
 * Property-based fuzzing of the RPC handlers (fast-check): arbitrary payloads for every method,
 * edge numbers and impossible dates. Every call answers `{ ok: true }` or a localised
 * `{ ok: false, code, message }` — never a throw, never internal text such as "Cannot set
 * properties of undefined", never NaN or Infinity in a result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACT, isRealDay, RPC_METHODS, type RpcResponse } from '../../src/addon/rpc/contract';
import { dispatch } from '../../src/addon/rpc/server';
import { makeWorkbook } from '../rpc/helpers';

const INTERNAL = /TypeError|ReferenceError|RangeError|Cannot (read|set) prop|undefined \(|is not a function|\bat .+:\d+:\d+/;

function expectWellFormed(r: RpcResponse, lang: 'en' | 'zh-CN'): void {
  if (r.ok) {
    const json = JSON.stringify(r.result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `!!${v}` : v));
    expect(json).not.toMatch(/!!(NaN|Infinity|-Infinity)|NaN%|Infinity%/);
    return;
  }
  expect(typeof r.code).toBe('string');
  expect(r.message.length).toBeGreaterThan(0);
  expect(r.message).not.toMatch(INTERNAL);
  if (lang === 'zh-CN' && r.code === 'invalidInput') expect(r.message).toMatch(/[\u4e00-\u9fff]/);
}

const EDGE_NUMBERS = [0, -0, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER, 1e15, 1e16, -1e16, NaN, Infinity, -Infinity, 0.1 + 0.2];
const BAD_DAYS = ['9999-99-99', '2026-13', '2026-02-31', '2026-02-29', '2025-13-01', '0000-00-00', '2026-1-1', '2026-04-31', ' 2026-01-01'];

const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.constantFrom(...EDGE_NUMBERS),
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 30 }),
    fc.constantFrom(...BAD_DAYS, 'Sales OKR', 'O1.KR1', 'en', 'zh-CN', 'newSheet', 'append', '=HYPERLINK("http://x","y")', '__proto__', 'constructor'),
    fc.array(tie('any'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('sheet', 'krId', 'value', 'date', 'month', 'asOf', 'text', 'mode', 'lang', '__proto__', 'x'), tie('any'), { maxKeys: 4 }),
  ),
})).any;

/** A payload close to valid for `method`: its real keys with arbitrary values. */
function nearPayload(method: string) {
  const shape = (CONTRACT as Record<string, { payload: { _zod?: { def?: { shape?: Record<string, unknown> } } } }>)[method]!.payload._zod?.def?.shape ?? {};
  const keys = Object.keys(shape);
  return fc.record(Object.fromEntries(keys.map((k) => [k, value])) as Record<string, typeof value>, { requiredKeys: [] });
}

describe('rpc fuzz: every method answers ok or a localised error', () => {
  const { ctx } = makeWorkbook('en');
  it('arbitrary payloads (null, arrays, strings, near-valid objects) for every method', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RPC_METHODS).chain((m) => fc.tuple(fc.constant(m), fc.oneof(nearPayload(m), value))),
        fc.constantFrom<'en' | 'zh-CN'>('en', 'zh-CN'),
        ([method, payload], lang) => {
          let r: RpcResponse | undefined;
          expect(() => (r = dispatch(method, payload, () => ({ ...ctx, lang }), lang))).not.toThrow();
          expectWellFormed(r!, lang);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a null payload is invalid for every method', () => {
    for (const m of RPC_METHODS) {
      const r = dispatch(m, null, () => ctx, 'en');
      expect(r.ok, m).toBe(false);
      if (!r.ok) expect(r.code).toBe('invalidInput');
    }
  });

  it('impossible days and months are refused by every method that takes one', () => {
    for (const day of ['9999-99-99', '2026-02-31', '2026-04-31', '2025-02-29']) {
      const base = { sheet: 'Sales OKR', krId: 'O1.KR1', value: 120, confidence: 5, done: '', next: '', blockers: '' };
      for (const [m, p] of [
        ['recordCheckIn', { ...base, date: day }],
        ['generateReview', { sheet: 'Sales OKR', asOf: day }],
        ['reviewMarkdown', { sheet: 'Sales OKR', asOf: day }],
        ['generateDashboard', { asOf: day }],
      ] as const) {
        const r = dispatch(m, p, () => ctx, 'en');
        expect(r.ok, `${m} ${day}`).toBe(false);
        if (!r.ok) expect(r.message).toMatch(/date|asOf/);
      }
    }
    for (const month of ['2026-13', '2026-00', '9999-99']) {
      const r = dispatch('reviewMarkdown', { sheet: 'Sales OKR', month }, () => ctx, 'en');
      expect(r.ok, month).toBe(false);
    }
    expect(isRealDay('2024-02-29')).toBe(true);
    expect(isRealDay('2026-12-31')).toBe(true);
  });

  it('check-in values: finite and within ±1e15', () => {
    const base = { sheet: 'Sales OKR', krId: 'O1.KR1', confidence: 5, done: '', next: '', blockers: '', confirmed: true };
    for (const v of [1e308, -1e308, 1e16, Number.MAX_VALUE]) {
      const r = dispatch('recordCheckIn', { ...base, value: v }, () => ctx, 'en');
      expect(r.ok, String(v)).toBe(false);
    }
    const ok = dispatch('recordCheckIn', { ...base, value: 1e15 }, () => ctx, 'en');
    expectWellFormed(ok, 'en');
  });
});
