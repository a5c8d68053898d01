/**
 * Issue 16 §5: the native formulas' text per row, halved. The issue's baseline was about 1 KB per
 * KR row and 3 KB per objective row; the ceilings are half of that — KR row ≤ 500 characters,
 * objective row ≤ 1,500 — in BOTH languages, every formula of the row counted, the helper column
 * included, the Trend column (Sheets-only, added after the issue) counted apart. Measured on the
 * rows of a fresh sheet (objective on row 7, KRs on 8–10, a spare row on 11), as
 * `npm run bench -- plan` prints them. Before this step (commit 4c4b91b): KR 647 zh / 677 en,
 * objective 1,655 / 1,685, rubric KR 2,456 / 2,486, milestone (row 10) 692 / 722, spare row
 * 4,158 / 4,188; Trend +220 / +245.
 * A row further down has longer references (row 10 is one character more per reference than
 * row 8): the milestone row on row 10 shows it.
 */
import { describe, expect, test } from 'vitest';
import type { Lang } from '../../src/core/i18n';
import { rowFormulaLengths } from '../helpers/formulaLengths';

function lengths(lang: Lang) {
  const x = rowFormulaLengths(lang);
  return { objective: x.objective, kr: x['KR (increase)'], rubric: x['KR (rubric)'], milestone: x['KR (milestone)'], spare: x['spare row'] };
}

describe('formula text per row (issue 16 §5)', () => {
  test.each(['zh-CN', 'en'] as const)('%s: KR row ≤ 500, objective row ≤ 1,500 (half the issue’s baseline)', (lang) => {
    const x = lengths(lang);
    expect(x.kr.chars).toBeLessThanOrEqual(500);
    expect(x.objective.chars).toBeLessThanOrEqual(1500);
    // the other kinds of row may not grow back either (figures of this commit, rounded up)
    expect(x.milestone.chars).toBeLessThanOrEqual(540);
    expect(x.rubric.chars).toBeLessThanOrEqual(2140);
    expect(x.spare.chars).toBeLessThanOrEqual(3840);
    // the Trend sparkline, counted apart, is shorter than it was (220 zh-CN / 245 en)
    expect(x.kr.trend).toBeLessThan(lang === 'en' ? 245 : 220);
  });

  test('both languages cost the same: no status word is spelled in a row formula', () => {
    const zh = lengths('zh-CN'), en = lengths('en');
    expect(en.kr.chars).toBe(zh.kr.chars);
    expect(en.objective.chars).toBe(zh.objective.chars);
    expect(en.spare.chars).toBe(zh.spare.chars);
  });
});
