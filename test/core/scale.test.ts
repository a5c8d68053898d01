/**
 * The score scale (issue 14 §2): what a Score cell holds in each scale, typed scores back to
 * shares, grades and the sweet spot on the displayed share with the Settings bands, and the one
 * formatter every view uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScore, scaleName } from '../../src/core/format';
import type { ScoreScale } from '../../src/core/model';
import { displayedScore, grade, isSweetSpot, krScore } from '../../src/core/progress';
import { cellFromShare, displayedShare, gradeBands, scaleSpec, scoreInScale, shareFromTyped } from '../../src/core/scale';

const SCALES: ScoreScale[] = ['0-1', '0-100', 'percent'];

describe('scale round trips', () => {
  it('a share becomes the cell value of each scale, and a typed value comes back as the share', () => {
    expect(cellFromShare(0.7, scaleSpec('0-1'))).toBe(0.7);
    expect(cellFromShare(0.7, scaleSpec('0-100'))).toBe(70);
    expect(cellFromShare(0.7, scaleSpec('percent'))).toBe(0.7);
    expect(cellFromShare(0.666, scaleSpec('0-1'))).toBe(0.7);
    expect(cellFromShare(0.666, scaleSpec('0-100'))).toBe(67);
    expect(cellFromShare(0.666, scaleSpec('percent'))).toBe(0.67);
    // 0.645 is 0.64499… in binary; the inner ROUND(…,10) makes it the 0.65 people see
    expect(cellFromShare(0.645, scaleSpec('percent'))).toBe(0.65);
    expect(shareFromTyped(70, scaleSpec('0-100'))).toBe(0.7);
    expect(shareFromTyped(0.7, scaleSpec('percent'))).toBe(0.7);
    expect(scaleSpec(undefined).scale).toBe('0-1');
    expect(scaleSpec({ scoreScale: '0-100' }).numberFormat).toBe('0');
  });

  it('typed → share → cell gives back what was typed (whole points, whole percents, tenths)', () => {
    const typed: Record<ScoreScale, fc.Arbitrary<number>> = {
      '0-1': fc.integer({ min: 0, max: 12 }).map((n) => n / 10),
      '0-100': fc.integer({ min: 0, max: 120 }),
      percent: fc.integer({ min: 0, max: 120 }).map((n) => n / 100),
    };
    for (const s of SCALES) {
      const spec = scaleSpec(s);
      fc.assert(fc.property(typed[s], (v) => cellFromShare(shareFromTyped(v, spec), spec) === v));
    }
  });
});

describe('grade bands and sweet spot from Settings', () => {
  it('defaults are Google 0.4 / 0.7 on the score as shown (backwards compatible)', () => {
    expect(grade(0.65)).toBe('green'); // shows 0.7 on 0-1
    expect(grade(0.65, { scoreScale: '0-100' })).toBe('yellow'); // shows 65 分
    expect(grade(0.695, { scoreScale: '0-100' })).toBe('green'); // shows 70 分
    expect(grade(0.694, { scoreScale: 'percent' })).toBe('yellow'); // shows 69%
    expect(grade(0.395, { scoreScale: 'percent' })).toBe('yellow'); // shows 40%
    expect(grade(0.394, { scoreScale: 'percent' })).toBe('red');
  });
  it('custom bands move the colours; a red band above green falls back to the defaults', () => {
    const bands = { gradeRedBelow: 0.3, gradeGreenFrom: 0.8 };
    expect(grade(0.3, bands)).toBe('yellow');
    expect(grade(0.24, bands)).toBe('red');
    expect(grade(0.7, bands)).toBe('yellow');
    expect(grade(0.8, bands)).toBe('green');
    expect(grade(0.75, { ...bands, scoreScale: '0-100' })).toBe('yellow');
    expect(grade(0.75, bands)).toBe('green'); // 0.75 shows 0.8 on 0-1
    expect(gradeBands({ gradeRedBelow: 0.9, gradeGreenFrom: 0.5 })).toMatchObject({ redBelow: 0.4, greenFrom: 0.7 });
    expect(gradeBands({ gradeRedBelow: 5 }).redBelow).toBe(0.4);
    expect(grade(0.5, { gradeRedBelow: 0.5, gradeGreenFrom: 0.5 })).toBe('green');
  });
  it('the sweet spot follows its Settings and the scale', () => {
    expect(isSweetSpot(0.65)).toBe(true);
    expect(isSweetSpot(0.55)).toBe(true); // shows 0.6
    expect(isSweetSpot(0.55, { scoreScale: '0-100' })).toBe(false); // shows 55
    expect(isSweetSpot(0.75, { sweetSpotFrom: 0.7, sweetSpotTo: 0.8 })).toBe(true);
    expect(isSweetSpot(0.6, { sweetSpotFrom: 0.7, sweetSpotTo: 0.8 })).toBe(false);
    expect(isSweetSpot(0.65, { sweetSpotFrom: 0.9, sweetSpotTo: 0.1 })).toBe(true); // reversed → defaults
  });
  it('a computed KR score is its progress rounded as the Score cell rounds it in the scale', () => {
    expect(krScore(null, 0.666)).toBe(0.7);
    expect(krScore(null, 0.666, scaleSpec('0-100'))).toBe(0.67);
    expect(krScore(null, 0.6666, scaleSpec('percent'))).toBe(0.67);
    expect(krScore(0.5, 0.666, scaleSpec('0-100'))).toBe(0.5);
    expect(displayedScore(0.666, { scoreScale: '0-100' })).toBe(0.67);
  });
});

describe('formatScore', () => {
  it('shows the cell value of each scale in both languages', () => {
    expect(formatScore(0.666, '0-1', 'en')).toBe('0.7');
    expect(formatScore(0.666, { scoreScale: '0-100' }, 'zh-CN')).toBe('67 分');
    expect(formatScore(0.666, { scoreScale: '0-100' }, 'en')).toBe('67 pts');
    expect(formatScore(0.666, { scoreScale: 'percent' }, 'en')).toBe('67%');
    expect(formatScore(1.2, 'percent', 'zh-CN')).toBe('120%');
    expect(formatScore(0.04)).toBe('0.0');
    expect(formatScore(null, '0-100', 'en')).toBe('—');
    expect(formatScore(NaN)).toBe('—');
    expect(scaleName('0-100', 'zh-CN')).toBe('0–100 分');
    expect(scaleName({ scoreScale: 'percent' }, 'en')).toBe('percent');
  });

  it('property: the displayed score is cellFromShare of the share, in all three scales', () => {
    const share = fc.double({ min: 0, max: 3, noNaN: true });
    fc.assert(
      fc.property(share, fc.constantFrom(...SCALES), fc.constantFrom('en', 'zh-CN'), (x, s, lang) => {
        const spec = scaleSpec(s);
        const cell = cellFromShare(x, spec);
        expect(scoreInScale(x, { scoreScale: s })).toBe(cell);
        const shown = Number(formatScore(x, s, lang).replace(/[^\d.]/g, ''));
        expect(shown).toBeCloseTo(s === 'percent' ? cell * 100 : cell, 9);
        // the grade is decided on that very number
        expect(grade(x, { scoreScale: s })).toBe(grade(displayedShare(x, spec), { scoreScale: s }));
        expect(displayedShare(x, spec)).toBeCloseTo(cell / spec.factor, 12);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseScoreScale', () => {
  it('reads every form the Settings reader reads, and the same way', async () => {
    const { readScoreScale } = await import('../../src/core/plan/supportSheets');
    const { parseScoreScale } = await import('../../src/core/scale');
    const forms = ['0-1', '0–1', ' 0 - 1 ', '1', '0.0-1.0', '0-100', '0—100', '100', '百分制', '0-100分', '%', '％', 'percent', 'Percent', '百分比', '', null, 'x', '0-10', 1, 100];
    for (const f of forms) expect(parseScoreScale(f), String(f)).toBe(readScoreScale(f));
    expect(parseScoreScale('0–100')).toBe('0-100');
  });
});
