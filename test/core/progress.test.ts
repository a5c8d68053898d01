import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  effectiveWeights, grade, isSweetSpot, objectiveScore, krExceeded, krProgress, krRatio, krScore, objectiveProgress,
  round1, roundHalfUp, tooEasy,
} from '../../src/core/progress';
import type { KrType } from '../../src/core/model';

describe('krProgress: increase / decrease', () => {
  it('increase is linear from start to target', () => {
    expect(krProgress('increase', 45, 60, 51)).toBeCloseTo(0.4, 12);
    expect(krProgress('increase', 45, 60, 45)).toBe(0);
    expect(krProgress('increase', 45, 60, 60)).toBe(1);
  });
  it('a missing start counts as 0', () => {
    expect(krProgress('increase', null, 200, 50)).toBeCloseTo(0.25, 12);
  });
  it('decrease uses the same formula (target below start)', () => {
    // 采购周期 1.5 天 → 1 天, now 1.2 天
    expect(krProgress('decrease', 1.5, 1, 1.2)).toBeCloseTo(0.6, 12);
    expect(krProgress('decrease', 1.5, 1, 1)).toBe(1);
  });
  it('clamps over-achievement and going backwards to [0, 1]', () => {
    expect(krProgress('increase', 0, 100, 130)).toBe(1);
    expect(krProgress('increase', 50, 100, 20)).toBe(0);
    expect(krProgress('decrease', 10, 5, 12)).toBe(0);
    expect(krProgress('decrease', 10, 5, 2)).toBe(1);
  });
  it('negative numbers work (a loss shrinking towards break-even)', () => {
    expect(krProgress('increase', -200, 0, -50)).toBeCloseTo(0.75, 12);
  });
  it('target equal to start: 1 when reached in the KR direction, else 0', () => {
    expect(krProgress('increase', 5, 5, 5)).toBe(1);
    expect(krProgress('increase', 5, 5, 4)).toBe(0);
    expect(krProgress('decrease', 5, 5, 6)).toBe(0);
    expect(krProgress('decrease', 5, 5, 4.5)).toBe(1);
  });
  it('blank current, blank target or no type → 0', () => {
    expect(krProgress('increase', 0, 100, null)).toBe(0);
    expect(krProgress('increase', 0, null, 50)).toBe(0);
    expect(krProgress(null, 0, 100, 50)).toBe(0);
    expect(krProgress('objective', 0, 100, 50)).toBe(0);
  });
});

describe('krProgress: at least / at most / milestone', () => {
  it('atLeast: 1 at or above target, linear from start below it', () => {
    expect(krProgress('atLeast', 0.9, 0.99, 0.995)).toBe(1);
    expect(krProgress('atLeast', 0.9, 0.99, 0.99)).toBe(1);
    expect(krProgress('atLeast', 0.9, 0.99, 0.945)).toBeCloseTo(0.5, 9);
    expect(krProgress('atLeast', 0.9, 0.99, 0.8)).toBe(0);
  });
  it('atLeast with start at or above target and current below it → 0', () => {
    expect(krProgress('atLeast', 100, 90, 85)).toBe(0);
  });
  it('atMost: 1 at or below target; from a start above target, linear; else 0', () => {
    expect(krProgress('atMost', 10, 5, 4)).toBe(1);
    expect(krProgress('atMost', 10, 5, 5)).toBe(1);
    expect(krProgress('atMost', 10, 5, 8)).toBeCloseTo(0.4, 12);
    expect(krProgress('atMost', 10, 5, 12)).toBe(0);
    expect(krProgress('atMost', null, 5, 6)).toBe(0);
    expect(krProgress('atMost', 3, 5, 6)).toBe(0);
  });
  it('milestone: done 1, not done 0, a share stays a share, ignoring target', () => {
    expect(krProgress('milestone', null, null, 1)).toBe(1);
    expect(krProgress('milestone', null, null, 0)).toBe(0);
    expect(krProgress('milestone', null, 1, 0.7)).toBe(0.7);
    expect(krProgress('milestone', null, null, 1.5)).toBe(1);
    expect(krProgress('milestone', null, null, null)).toBe(0);
  });
});

describe('krExceeded / krRatio', () => {
  it('flags over-achievement and keeps the raw ratio', () => {
    expect(krExceeded('increase', 0, 100, 130)).toBe(true);
    expect(krRatio('increase', 0, 100, 130)).toBeCloseTo(1.3, 12);
    expect(krExceeded('increase', 0, 100, 100)).toBe(false);
    expect(krExceeded('decrease', 10, 5, 4)).toBe(true);
    expect(krExceeded('decrease', 10, 5, 6)).toBe(false);
    expect(krExceeded('atLeast', 100, 90, 95)).toBe(true);
    expect(krExceeded('atMost', 10, 5, 4)).toBe(true);
    expect(krExceeded('atMost', 10, 5, 5)).toBe(false);
    expect(krExceeded('milestone', null, null, 1)).toBe(false);
    expect(krExceeded('increase', 5, 5, 6)).toBe(true);
    expect(krExceeded('increase', 0, 100, null)).toBe(false);
    expect(krRatio('increase', 5, 5, 6)).toBeNull();
  });
});

describe('weights and objective progress', () => {
  it('blank weights are equal', () => {
    expect(objectiveProgress([{ progress: 1, weight: null }, { progress: 0, weight: null }])).toBeCloseTo(0.5, 12);
  });
  it('given weights are used', () => {
    expect(objectiveProgress([{ progress: 1, weight: 0.7 }, { progress: 0, weight: 0.3 }])).toBeCloseTo(0.7, 12);
  });
  it('mixed: blanks share the remainder', () => {
    expect(effectiveWeights([0.5, null, null])).toEqual([0.5, 0.25, 0.25]);
    expect(objectiveProgress([{ progress: 1, weight: 0.5 }, { progress: 0, weight: null }, { progress: 1, weight: null }])).toBeCloseTo(0.75, 12);
  });
  it('weights not totalling 1 are normalised; all-zero → equal', () => {
    const w = effectiveWeights([0.3, 0.3]);
    expect(w[0]).toBeCloseTo(0.5, 12);
    expect(effectiveWeights([0, 0])).toEqual([0.5, 0.5]);
    expect(effectiveWeights([1, null])).toEqual([1, 0]);
  });
  it('no KRs → 0', () => {
    expect(objectiveProgress([])).toBe(0);
  });
});

describe('scores and grades', () => {
  it('krScore is the self-score when present, else ROUND(progress, 1)', () => {
    expect(krScore(0.5, 0.93)).toBe(0.5);
    expect(krScore(null, 0.93)).toBe(0.9);
    expect(krScore(null, 0.25)).toBe(0.3);
    expect(krScore(null, 0.24)).toBe(0.2);
  });
  it('round1 removes binary noise before rounding half up', () => {
    const noisy = (0.3 - 0.05) * 1; // 0.25 computed, may carry noise
    expect(round1(noisy)).toBe(0.3);
    expect(round1(0.24999999999999997)).toBe(0.3);
    expect(round1(0.649)).toBe(0.6);
    expect(roundHalfUp(-0.25, 1)).toBe(-0.3);
  });
  it('objectiveScore: own self-score, else weighted mean of KR scores (KR self-scores count)', () => {
    expect(objectiveScore(0.6, [{ score: 1, weight: null }])).toBe(0.6);
    expect(objectiveScore(null, [{ score: 0.3, weight: 0.75 }, { score: 1, weight: 0.25 }])).toBeCloseTo(0.475, 12);
    expect(objectiveScore(null, [{ score: 0.8, weight: null }, { score: 0.2, weight: null }])).toBeCloseTo(0.5, 12);
    expect(objectiveScore(null, [])).toBe(0);
  });
  it('grade bands with tolerant edges', () => {
    expect(grade(0.34)).toBe('red');
    expect(grade(0.4)).toBe('yellow');
    expect(grade(0.64)).toBe('yellow');
    expect(grade(0.7)).toBe('green');
    // decided on the score as displayed (0.0): 0.667 shows 0.7 → green; 0.35 shows 0.4 → yellow
    expect(grade(2 / 3)).toBe('green');
    expect(grade(0.35)).toBe('yellow');
    expect(grade(0.349)).toBe('red');
    expect(grade(0.25)).toBe('red');
    expect(grade((0.7 + 0.7 + 0.7) / 3)).toBe('green');
    expect(grade(1)).toBe('green');
  });
  it('sweet spot and too easy', () => {
    expect(isSweetSpot(0.65)).toBe(true);
    expect(isSweetSpot(0.6)).toBe(true);
    expect(isSweetSpot(0.8)).toBe(false);
    expect(tooEasy(1)).toBe(true);
    expect(tooEasy(0.9)).toBe(false);
  });
});

// ---- properties ----
const num = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const types: KrType[] = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone'];

describe('krProgress properties', () => {
  it('always within [0, 1] for any numbers, blanks and types', () => {
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.option(num), fc.option(num), fc.option(num), (t, s, g, c) => {
        const p = krProgress(t, s, g, c);
        return p >= 0 && p <= 1;
      }),
    );
  });
  it('monotone in current for increase (target above start)', () => {
    fc.assert(
      fc.property(num, num, num, num, (a, b, c1, c2) => {
        fc.pre(a !== b);
        const [s, t] = a < b ? [a, b] : [b, a];
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        return krProgress('increase', s, t, lo) <= krProgress('increase', s, t, hi);
      }),
    );
  });
  it('anti-monotone in current for decrease (target below start)', () => {
    fc.assert(
      fc.property(num, num, num, num, (a, b, c1, c2) => {
        fc.pre(a !== b);
        const [t, s] = a < b ? [a, b] : [b, a];
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        return krProgress('decrease', s, t, lo) >= krProgress('decrease', s, t, hi);
      }),
    );
  });
  it('increase and decrease are mirror images (negate every number)', () => {
    fc.assert(
      fc.property(num, num, num, (s, t, c) => {
        fc.pre(s !== t);
        return Math.abs(krProgress('increase', s, t, c) - krProgress('decrease', -s, -t, -c)) < 1e-12;
      }),
    );
  });
  it('atLeast and atMost mirror each other (negate every number)', () => {
    fc.assert(
      fc.property(num, num, num, (s, t, c) => {
        return Math.abs(krProgress('atLeast', s, t, c) - krProgress('atMost', -s, -t, -c)) < 1e-12;
      }),
    );
  });
  it('milestone share identity: a share in [0,1] is its own progress', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.option(num), (c, t) => krProgress('milestone', null, t, c) === c),
    );
  });
  it('objective progress lies between the smallest and largest KR progress', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ progress: fc.double({ min: 0, max: 1, noNaN: true }), weight: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) }), { minLength: 1, maxLength: 8 }),
        (krs) => {
          const p = objectiveProgress(krs);
          const ps = krs.map((k) => k.progress);
          return p >= Math.min(...ps) - 1e-12 && p <= Math.max(...ps) + 1e-12;
        },
      ),
    );
  });
  it('effective weights sum to 1', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: -1, max: 2, noNaN: true })), { minLength: 1, maxLength: 10 }), (ws) => {
        const sum = effectiveWeights(ws).reduce((a, b) => a + b, 0);
        return Math.abs(sum - 1) < 1e-9;
      }),
    );
  });
});

describe('round1 agrees with a spreadsheet engine', () => {
  it('ROUND(ROUND(x,10),1) in HyperFormula equals round1(x), edges included', async () => {
    const { HyperFormula } = await import('hyperformula');
    const xs: number[] = [];
    for (let k = 0; k <= 100; k++) xs.push(k / 100, k / 100 + 1e-13, k / 100 - 1e-13, (k + 0.5) / 100);
    xs.push(0.24999999999999997, (0.3 - 0.05), 1 / 3, 2 / 3, 0.15, 0.35, 0.45, 0.55, 0.65, 0.85, 0.95);
    const hf = HyperFormula.buildFromArray(xs.map((x, i) => [x, `=ROUND(ROUND(A${i + 1},10),1)`]), { licenseKey: 'gpl-v3' });
    const bad = xs.filter((x, i) => hf.getCellValue({ sheet: 0, row: i, col: 1 }) !== round1(x));
    hf.destroy();
    expect(bad).toEqual([]);
  });
});

describe('over-achievement cap (Settings "progress counts up to", issue 14 §2)', () => {
  it('increase / decrease / rubric / milestone count up to the cap; at least / at most stay at 1', () => {
    expect(krProgress('increase', 0, 100, 130)).toBe(1);
    expect(krProgress('increase', 0, 100, 130, 1.2)).toBeCloseTo(1.2, 12);
    expect(krProgress('increase', 0, 100, 110, 1.5)).toBeCloseTo(1.1, 12);
    expect(krProgress('decrease', 10, 5, 2, 1.5)).toBeCloseTo(1.5, 12);
    expect(krProgress('rubric', 0, 100, 125, 2)).toBeCloseTo(1.25, 12);
    expect(krProgress('milestone', null, null, 1.4, 1.2)).toBeCloseTo(1.2, 12);
    expect(krProgress('atLeast', 0, 100, 150, 1.5)).toBe(1);
    expect(krProgress('atMost', 10, 5, 1, 1.5)).toBe(1);
    expect(krProgress('increase', 0, 100, -5, 1.5)).toBe(0);
  });
  it('objective progress may exceed 100% only up to the cap', () => {
    const krs = [{ progress: 1.4, weight: null }, { progress: 1.2, weight: null }];
    expect(objectiveProgress(krs)).toBe(1);
    expect(objectiveProgress(krs, 1.5)).toBeCloseTo(1.3, 12);
    expect(objectiveProgress(krs, 1.25)).toBe(1.25);
  });
});
