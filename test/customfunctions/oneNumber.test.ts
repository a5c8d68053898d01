/**
 * "One number" for the custom functions (issue 10): on an OKR sheet made by the add-on (its own
 * native Progress / Score formulas, evaluated by HyperFormula in the in-memory workbook), with
 * numbers typed as text in Start / Target / Current, =KRPROGRESS(...) of a row equals the sheet's
 * Progress of that row — a KR row with nothing typed yet included (0 in both, issue 16 §4) — and
 * =OKRSCORE(whole table) equals the sheet's Overall score.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import type { ImportResult } from '../../src/addon/rpc/contract';
import { columnLetter } from '../../src/core/table';
import { makeWorkbook } from '../rpc/helpers';

const TYPES = ['Increase', 'Decrease', 'At least', 'At most', 'Milestone'] as const;
const TEXTS = ['500万', '80%', '¥2,000', '2.5k', '８０％', '五家', 'lots'];

/** A small deterministic generator (no flaky seeds): xorshift32. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

describe('custom functions read numbers as the sheet does', () => {
  it('KRPROGRESS == the sheet\'s Progress and OKRSCORE(table) == Overall score, with text in number cells', () => {
    const { ctx } = makeWorkbook();
    const krs = Array.from({ length: 4 }, (_, o) => `O: Objective ${o + 1}\n` + Array.from({ length: 4 }, (_, k) => `KR${k + 1}: Raise metric ${o}${k} from 0 to 100`).join('\n')).join('\n');
    const res = dispatch('writeImport', { text: krs, mode: 'newSheet', lang: 'en' }, () => ctx, 'en');
    if (!res.ok) throw new Error(res.message);
    const name = (res.result as ImportResult).sheet;
    const sheet = ctx.ss.getSheetByName(name)!;
    const values = sheet.getDataRange().getValues();
    const h = values.findIndex((r) => r.includes('ID') && r.includes('Target'));
    const col = (label: string) => values[h]!.indexOf(label);
    const [cId, cType, cS, cT, cC, cP] = ['ID', 'Type', 'Start', 'Target', 'Current', 'Progress'].map(col) as number[] as [number, number, number, number, number, number];
    const a1 = (r: number, c: number) => `${columnLetter(c)}${r + 1}`;
    const krRows = values.map((r, i) => (i > h && /\.KR\d+$/.test(String(r[cId])) ? i : -1)).filter((i) => i >= 0);
    expect(krRows.length).toBe(16);

    const rand = rng(20261201);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const free = col('Notes'); // a free-text column: the formulas of the sheet never read it
    expect(free).toBeGreaterThan(cP);
    let texts = 0;
    // the first rows are the edges of issue 16 §4: a KR row with nothing typed yet (the sheet
    // shows 0, not blank), an untouched milestone, and a milestone with only a target
    const untouched = new Map<number, [string, unknown]>([[krRows[0]!, ['Increase', '']], [krRows[1]!, ['Milestone', '']], [krRows[2]!, ['Milestone', 1]]]);
    for (const r of krRows) {
      const fixed = untouched.get(r);
      const type = fixed ? fixed[0] : pick(TYPES);
      sheet.getRange(a1(r, cType)).setValue(type);
      const cell = (): string | number | boolean => {
        const u = rand();
        if (u < 0.35) { texts++; return pick(TEXTS); }
        if (u < 0.45) return '';
        return type === 'Milestone' ? Math.round(rand() * 10) / 10 : Math.round(rand() * 200);
      };
      sheet.getRange(a1(r, cS)).setValue(fixed ? '' : cell());
      sheet.getRange(a1(r, cT)).setValue(fixed ? (fixed[1] as string | number) : cell());
      sheet.getRange(a1(r, cC)).setValue(fixed ? '' : cell());
      sheet.getRange(a1(r, free)).setValue(`=KRPROGRESS(${a1(r, cC)},${a1(r, cT)},${a1(r, cS)},${a1(r, cType)})`);
    }
    expect(texts).toBeGreaterThan(5);
    for (const r of untouched.keys()) expect(sheet.getRange(a1(r, free)).getValue(), a1(r, free)).toBe(0);
    const lastCol = columnLetter(values[0]!.length - 1);
    sheet.getRange(a1(0, free)).setValue(`=OKRSCORE(A${h + 1}:${lastCol}${values.length})`);

    const after = sheet.getDataRange().getValues();
    for (const r of krRows) {
      const sheetP = after[r]![cP];
      const fnP = after[r]![free];
      const why = `${a1(r, cId)} ${JSON.stringify([after[r]![cType], after[r]![cS], after[r]![cT], after[r]![cC]])}`;
      const typedText = [cS, cT, cC].some((c) => typeof after[r]![c] === 'string' && after[r]![c] !== '');
      if (typeof fnP === 'string' && /not a number/.test(fnP)) {
        // text that is no number at all ('lots') is named in the cell, never read as some number
        expect(after[r]!.some((v) => v === 'lots'), why).toBe(true);
        continue;
      }
      // a KR row (its type given) is never blank: not started is 0, as the sheet's Progress
      expect(typeof fnP, why).toBe('number');
      expect(fnP as number, `${why} typedText=${typedText}`).toBeCloseTo(sheetP as number, 9);
    }
    const overall = after.findIndex((r) => r.includes('Overall score'));
    const overallCol = after[overall]!.indexOf('Overall score') + 1;
    expect(after[0]![free] as number).toBeCloseTo(after[overall]![overallCol] as number, 9);
  });

  it.todo('with a Settings cap above 100% ("progress counts up to" 120%), the sheet\'s Progress of an over-achieving KR is 1.2 while =KRPROGRESS() and =OKRSCORE(table) count up to 100%: neither takes the cap (a `cap` argument would change the functions\' signatures, which the bundle tests pin)');
});
