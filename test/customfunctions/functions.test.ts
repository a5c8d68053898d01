import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  KRPROGRESS, OKRCHECK, OKRGRADE, OKRPACE, OKRPARSE, OKRROLLUP, OKRSCORE,
} from '../../src/addon/customFunctions';
import { krProgress } from '../../src/core/progress';
import { BAD_TABLE, EN_TABLE, ZH_TABLE } from './fixtures';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const thrown = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('OKRSCORE', () => {
  it('averages fractions, skipping blanks and text', () => {
    expect(OKRSCORE(col(0.5, 1, '', 'n/a', null))).toBeCloseTo(0.75);
  });
  it('reads 0–100 numbers as percentages when any is above 1; "70%" typed as text is skipped, as by the sheet', () => {
    expect(OKRSCORE(col(50, 100))).toBeCloseTo(0.75);
    expect(OKRSCORE(col('70%', 0.5))).toBeCloseTo(0.5);
    expect(OKRSCORE(col(1, 0))).toBeCloseTo(0.5); // all ≤ 1 → fractions
  });
  it('weights: same size, weighted mean, percent weights, blanks share the remainder', () => {
    expect(OKRSCORE(col(0.5, 1), col(1, 3))).toBeCloseTo(0.875);
    expect(OKRSCORE(col(0.5, 1), col(0.25, 0.75))).toBeCloseTo(0.875);
    // weights typed as text are blank weights, as in the sheet: they share what is left equally
    expect(OKRSCORE(col(0.5, 1), col('25%', '75%'))).toBeCloseTo(0.75);
    expect(OKRSCORE(col(0.5, 1, 0), col(0.25, 0.75, ''))).toBeCloseTo(0.875); // blank gets 1 − 1 = 0
    expect(OKRSCORE(col(0.2, 0.4, 0.6), col(0.5, '', ''))).toBeCloseTo(0.5 * 0.2 + 0.25 * 0.4 + 0.25 * 0.6);
  });
  it('a single scalar works', () => {
    expect(OKRSCORE(0.4)).toBeCloseTo(0.4);
  });
  it('explains bad input in one line, naming the function, in English and Chinese', () => {
    expect(thrown(() => OKRSCORE(col(0.5, 1), col(1)))).toMatch(/^OKRSCORE: weights must be the same size as progress .* \/ 权重/);
    expect(thrown(() => OKRSCORE(col('a', '')))).toMatch(/^OKRSCORE: no progress numbers found/);
    expect(thrown(() => OKRSCORE(col(50, 150)))).toMatch(/^OKRSCORE: progress must be fractions .*150/);
    expect(thrown(() => OKRSCORE(col(0.5), col('heavy')))).toMatch(/^OKRSCORE: weight “heavy” is not a number/);
  });
  it('scores a whole OKR table (English headers): mean of objective scores', () => {
    expect(OKRSCORE(EN_TABLE)).toBeCloseTo(0.825);
  });
  it('scores the same table with Chinese headers and a header block above it', () => {
    expect(OKRSCORE(ZH_TABLE)).toBeCloseTo(0.825);
  });
  it('a range with OKR column titles that is not a whole table: a hint, not a silent average', () => {
    expect(thrown(() => OKRSCORE([['Owner', 'Target', 'Current', 'Progress'], ['Ann', 10, 5, 0.5]]))).toMatch(
      /^OKRSCORE: the range has OKR column titles but is not a whole OKR table .* pass just the progress column/,
    );
  });
  it('refuses separate weights for a whole table', () => {
    expect(thrown(() => OKRSCORE(EN_TABLE, col(1)))).toMatch(/^OKRSCORE: a whole OKR table takes its weights/);
  });
  it('a manager’s own layout: a column whose first cell is the title "Progress" is not mistaken for a table', () => {
    expect(OKRSCORE(col('Progress', 0.2, 0.4))).toBeCloseTo(0.3);
  });
});

describe('KRPROGRESS', () => {
  it('returns the input shape; one row per KR', () => {
    expect(KRPROGRESS(col(5, 8, 12), col(10, 10, 10), col(0, 0, 0))).toEqual(col(0.5, 0.8, 1));
  });
  it('broadcasts a single target/start cell over the range', () => {
    expect(KRPROGRESS(col(25, 50), 100, 0)).toEqual(col(0.25, 0.5));
    expect(KRPROGRESS([[25, 50]], 100)).toEqual([[0.25, 0.5]]);
  });
  it('understands type labels in both languages; objectives and empty rows stay blank', () => {
    const out = KRPROGRESS(
      col(1.2, true, 0.7, 40, 90, '', ''),
      col(1, '', '', 50, 100, '', 10),
      col(1.5, '', '', 0, 120, '', 0),
      col('降低', 'Milestone', '里程碑', 'At least', '不高于', '目标', 'Increase'),
    ) as number[][];
    expect(out[0]![0]).toBeCloseTo(0.6);
    expect(out.slice(1)).toEqual(col(1, 0.7, 0.8, 1, '', 0));
  });
  it('a KR row with nothing typed yet is 0, as the sheet\'s Progress; only a row with nothing at all is blank', () => {
    // type given (Increase / Milestone), or only a start: a KR not started
    expect(KRPROGRESS(col('', '', '', ''), col('', '', '', ''), col('', '', 5, ''), col('Increase', '里程碑', '', ''))).toEqual(col(0, 0, 0, ''));
    // without the type argument, a row with neither current, target nor start is no KR
    expect(KRPROGRESS(col('', 4), col('', 8))).toEqual(col('', 0.5));
  });
  it('reads text numbers (5万, ¥10,000, 80%) as the sheet does: as blank, so the row shows the sheet\'s 0', () => {
    expect(KRPROGRESS(col('5万', '¥10,000', 5e4), col('10万', 20000, '10万'))).toEqual(col(0, 0, 0));
    expect(KRPROGRESS(col(5e4, 1e4), col(1e5, 20000))).toEqual(col(0.5, 0.5));
    // text start counts 0, like a blank start (N() in the formula)
    expect(KRPROGRESS(col(60), col(100), col('50%'))).toEqual(col(0.6));
    // a milestone with text is not done
    expect(KRPROGRESS(col('100%'), col(''), col(''), col('Milestone'))).toEqual(col(0));
  });
  it('agrees with core krProgress for any numbers (property)', () => {
    const types = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone'] as const;
    const labels = ['Increase', 'Decrease', 'At least', 'At most', 'Milestone'];
    const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(num, num, num, fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 30 }), (rows) => {
        const out = KRPROGRESS(
          rows.map((r) => [r[0]]),
          rows.map((r) => [r[1]]),
          rows.map((r) => [r[2]]),
          rows.map((r) => [labels[r[3]]]),
        ) as number[][];
        rows.forEach(([c, t, s, k], i) => expect(out[i]![0]).toBe(krProgress(types[k]!, s, t, c)));
      }),
    );
  });
  it('a bad row gets a message in that row, the others still compute; a single cell throws', () => {
    const out = KRPROGRESS(col('lots', 5), 10) as unknown[][];
    expect(out[0]![0]).toMatch(/^KRPROGRESS: current “lots” is not a number/);
    expect(out[1]![0]).toBe(0.5);
    expect(thrown(() => KRPROGRESS('lots', 10))).toMatch(/^KRPROGRESS: current “lots” is not a number/);
    expect((KRPROGRESS(col(1), col(2), col(0), col('sideways')) as unknown[][])[0]![0]).toMatch(/unknown type “sideways”/);
  });
  it('mismatched shapes are an error for the whole call', () => {
    expect(thrown(() => KRPROGRESS(col(1, 2), col(1, 2, 3)))).toMatch(/^KRPROGRESS: target must be one cell or the same size as current \(2×1\); it is 3×1/);
  });
  it('composes: =OKRSCORE(KRPROGRESS(D2:D9, C2:C9, B2:B9), E2:E9)', () => {
    const start = col(0, 0, 100, '', 0);
    const target = col(10, 100, 50, '', 4);
    const current = col(5, 80, 75, '', '');
    const weights = col(0.4, 0.4, 0.2, '', '');
    const p = KRPROGRESS(current, target, start);
    expect(p).toEqual(col(0.5, 0.8, 0.5, '', 0));
    // the blank row is skipped; the unstarted row (weight blank → shares the 0 left) counts 0
    expect(OKRSCORE(p, weights)).toBeCloseTo(0.4 * 0.5 + 0.4 * 0.8 + 0.2 * 0.5);
  });
});

describe('OKRGRADE', () => {
  it('bands on the score as displayed (0.0): < 0.4 red, 0.4–0.6 yellow, ≥ 0.7 green (English by default)', () => {
    expect(OKRGRADE(col(0.34, 0.35, 0.64, 0.65, 2 / 3, 1, ''))).toEqual(
      col('Red (missed)', 'Yellow (progress)', 'Yellow (progress)', 'Green (delivered)', 'Green (delivered)', 'Green (delivered)', ''),
    );
  });
  it('Chinese labels on request; percentages understood; a score typed as text is no score (as in the sheet)', () => {
    expect(OKRGRADE(70, 'zh-CN')).toBe('绿（达成）');
    expect(OKRGRADE(0.34, '中文')).toBe('红（未达预期）');
    expect(OKRGRADE('34%', '中文')).toBe('');
  });
  it('an unknown language is an error', () => {
    expect(thrown(() => OKRGRADE(0.5, 'fr'))).toMatch(/^OKRGRADE: language must be "en" or "zh-CN"/);
  });
});

describe('OKRPACE', () => {
  // 2026-Q4 has 92 days; by the end of Nov 15, 46 days have passed → expected 0.5.
  it('statuses against the share of the cycle elapsed', () => {
    expect(OKRPACE(col(0.35, 0.25, 0.05, 1, ''), '2026-10-01', '2026-12-31', '2026-11-15')).toEqual(
      col('On track', 'At risk', 'Off track', 'Done', 'Not started'),
    );
  });
  it('accepts a cycle name, Date cells, serial dates, and Chinese output', () => {
    expect(OKRPACE(0.05, '2026-Q4', '', '2026-11-15', 'zh-CN')).toBe('落后');
    expect(OKRPACE(0.1, '2026年第4季度', '', '2026-11-15', 'zh-CN')).toBe('有风险'); // Δ = −0.4: at risk, edge included
    expect(OKRPACE(0.35, new Date(2026, 9, 1), new Date(2026, 11, 31), 46341)).toBe('On track'); // 46341 = 2026-11-15
  });
  it('without as_of, uses the day of evaluation', () => {
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    const todayIso = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    const progress = col(0, 0.3, 0.6, 0.9);
    expect(OKRPACE(progress, '2026-01-01', '2027-12-31')).toEqual(OKRPACE(progress, '2026-01-01', '2027-12-31', todayIso));
  });
  it('per-cell cycle dates; a bad date is reported', () => {
    expect(OKRPACE(col(0.5, 0.9), col('2026-10-01', '2026-11-01'), col('2026-12-31', '2026-11-30'), '2026-11-30')).toEqual(
      col('On track', 'On track'),
    );
    expect(thrown(() => OKRPACE(0.5, 'someday', '2026-12-31', '2026-11-15'))).toMatch(/^OKRPACE: cycle_start “someday” is not a date/);
  });
});

describe('OKRPARSE', () => {
  it('one row per input row: kind, direction, start, target, unit, deadline (labels in the sentence language)', () => {
    expect(OKRPARSE(col('将采购周期由 1.5 天缩短至 1 天', 'Raise NPS from 45 to 60', '', '客户满意度不低于 95%'))).toEqual([
      ['指标', '降低', 1.5, 1, '天', ''],
      ['Metric', 'Increase', 45, 60, '', ''],
      ['', '', '', '', '', ''],
      ['指标', '不低于', '', 0.95, '%', ''],
    ]);
  });
  it('milestones and deadlines; a fixed language on request', () => {
    expect(OKRPARSE('12月15日前上线新官网', 'en')).toEqual([['Milestone', '', '', '', '', '12-15']]);
  });
  it('nothing measurable: the reason in that row; a single cell throws it', () => {
    const out = OKRPARSE(col('hello there', 'Raise NPS from 45 to 60')) as unknown[][];
    expect(out[0]![0]).toMatch(/^OKRPARSE: no measurable number or milestone found \/ 没有找到/);
    expect(out[1]![0]).toBe('Metric');
    expect(thrown(() => OKRPARSE('hello there'))).toMatch(/^OKRPARSE: no measurable/);
  });
  it('reads a multi-column row from its first non-blank cell', () => {
    expect(OKRPARSE([['', 'Raise NPS from 45 to 60', 'ignored']])).toEqual([['Metric', 'Increase', 45, 60, '', '']]);
  });
});

describe('OKRCHECK', () => {
  it('one row per finding: cell, rule, severity, message (table language)', () => {
    const out = OKRCHECK(BAD_TABLE);
    expect(out.length).toBeGreaterThan(3);
    for (const row of out) {
      expect(row).toHaveLength(4);
      expect(String(row[0])).toMatch(/^[A-Z]+\d+$/);
      expect(['Error', 'Warning', 'Info']).toContain(row[2]);
      expect(String(row[3]).length).toBeGreaterThan(5);
    }
    const rules = new Set(out.map((r) => r[1]));
    expect(rules.size).toBeGreaterThan(1);
  });
  it('messages in Chinese on request', () => {
    const out = OKRCHECK(BAD_TABLE, 'zh-CN');
    expect(out.some((r) => /[\u4e00-\u9fff]/.test(String(r[3])))).toBe(true);
    expect(['错误', '警告', '提示']).toContain(out[0]![2]);
  });
  it('a range without an OKR header is an error', () => {
    expect(thrown(() => OKRCHECK(col(1, 2, 3)))).toMatch(/^OKRCHECK: No OKR header row found/);
  });
});

describe('OKRROLLUP', () => {
  it('rolls children up into parents (own progress and children half each)', () => {
    const out = OKRROLLUP(col('Co', 'Co/O1', 'Co/O2', 'Sales/O1'), col('', 'Co', 'Co', 'Co/O1'), col('', 0.4, 1, 0.8)) as number[][];
    expect(out[3]![0]).toBeCloseTo(0.8);
    expect(out[1]![0]).toBeCloseTo(0.5 * 0.8 + 0.5 * 0.4);
    expect(out[2]![0]).toBeCloseTo(1);
    expect(out[0]![0]).toBeCloseTo((0.6 + 1) / 2);
  });
  it('weights among siblings', () => {
    const out = OKRROLLUP(col('P', 'A', 'B'), col('', 'P', 'P'), col('', 0, 1), col('', 1, 3)) as number[][];
    expect(out[0]![0]).toBeCloseTo(0.75);
  });
  it('cycles and duplicates are reported in their rows, not looped', () => {
    const out = OKRROLLUP(col('X', 'Y', 'Z', 'Z'), col('Y', 'X', '', ''), col(0.2, 0.3, 0.5, 0.9)) as unknown[][];
    expect(out[0]![0]).toMatch(/^OKRROLLUP: alignment cycle: X → Y → X/);
    expect(out[2]![0]).toBeCloseTo(0.5);
    expect(out[3]![0]).toMatch(/duplicate id “Z”/);
  });
  it('sizes must match', () => {
    expect(thrown(() => OKRROLLUP(col('A', 'B'), col(''), col(1, 1)))).toMatch(/^OKRROLLUP: ids, parent_ids, progress must have the same number of cells \(2\); parent_ids has 1/);
  });
});

describe('every custom function, any input', () => {
  const FNS: [string, (...a: unknown[]) => unknown][] = [
    ['OKRSCORE', OKRSCORE], ['KRPROGRESS', KRPROGRESS], ['OKRGRADE', OKRGRADE], ['OKRPACE', OKRPACE],
    ['OKRPARSE', OKRPARSE], ['OKRCHECK', OKRCHECK], ['OKRROLLUP', OKRROLLUP],
  ];
  const cell = fc.oneof(fc.double(), fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(''), fc.constant(null), fc.date());
  const arg = fc.oneof(cell, fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }));
  it('returns a value or throws one short line that names the function (never a stack trace)', () => {
    for (const [name, fn] of FNS) {
      fc.assert(
        fc.property(fc.array(arg, { maxLength: 5 }), (args) => {
          try {
            fn(...args);
          } catch (e) {
            expect(e).toBeInstanceOf(Error);
            const m = (e as Error).message;
            expect(m.startsWith(`${name}: `)).toBe(true);
            expect(m).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)/);
            expect(m.length).toBeLessThan(400);
          }
        }),
        { numRuns: 150 },
      );
    }
  });
});
