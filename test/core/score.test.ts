/**
 * scoreTable in the workbook's scale (issue 14 §2): typed scores (self, manager, rubric steps)
 * are in the scale and come back as shares; grades use the Settings bands on the displayed
 * share; over-achievement counts only up to the Settings cap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScore } from '../../src/core/format';
import { DEFAULT_SETTINGS, type OkrSettings, type ScoreScale } from '../../src/core/model';
import { grade } from '../../src/core/progress';
import { cellFromShare, scaleSpec } from '../../src/core/scale';
import { scoreTable, unitScore } from '../../src/core/score';
import { readTableValues, isTableError } from '../../src/core/table';

const HEADER = ['ID', 'Type', 'Objective / Key result', 'Start', 'Target', 'Current', 'Weight', 'Self-score', 'Manager score', 'Rubric'];

type Row = [id: string, type: string, start?: unknown, target?: unknown, current?: unknown, weight?: unknown, self?: unknown, manager?: unknown, rubric?: unknown];

function table(rows: Row[]) {
  const grid: unknown[][] = [['Unit', 'Sales', '', 'Cycle', '2026-Q4'], ['Cycle start', '2026-10-01', '', 'Cycle end', '2026-12-31'], [], HEADER];
  for (const [id, type, start, target, current, weight, self, manager, rubric] of rows) {
    grid.push([id, type, `Title ${id}`, start ?? '', target ?? '', current ?? '', weight ?? '', self ?? '', manager ?? '', rubric ?? '']);
  }
  const r = readTableValues(grid);
  if (isTableError(r)) throw new Error(String(r.error));
  return r.table;
}

const settings = (s: Partial<OkrSettings>): OkrSettings => ({ ...DEFAULT_SETTINGS, ...s });

describe('scoreTable on each scale', () => {
  const rows: Row[] = [
    ['O1', 'Objective'],
    ['O1.KR1', 'Increase', 0, 100, 66.6],
    ['O1.KR2', 'Rubric', 0, 2000, 1600, '', '', '', '≥2000:100; ≥1500:70; ≥1000:30'],
    ['O2', 'Objective', '', '', '', '', 80, 90],
    ['O2.KR1', 'Increase', 0, 10, 5, '', 40, 55],
  ];

  it('0-100: rubric steps, self and manager scores are typed in points and read as shares', () => {
    const s = scoreTable(table(rows), null, settings({ scoreScale: '0-100' }));
    const [kr1, kr2, kr3] = s.krs;
    expect(kr1!.score).toBe(0.67); // 66.6% progress shows 67 分
    expect(kr2!.score).toBe(0.7); // rubric step 70 分
    expect(kr3!.score).toBe(0.4); // self-score 40 分
    expect(kr3!.selfScore).toBe(0.4);
    expect(kr3!.managerScore).toBe(0.55);
    expect(kr3!.finalScore).toBe(0.55);
    expect(kr1!.finalScore).toBe(0.67);
    const [o1, o2] = s.objectives;
    expect(o1!.score).toBeCloseTo((0.67 + 0.7) / 2, 12);
    expect(o2!.score).toBe(0.8); // the objective's own self-score
    expect(o2!.finalScore).toBe(0.9);
    expect(s.overall).toBeCloseTo(unitScore([o1!, o2!]), 12);
    expect(s.scale?.scale).toBe('0-100');
    // the same rows typed on 0-1 would read the 70 as 70 (no division): the scale matters
    const wrongScale = scoreTable(table(rows), null, DEFAULT_SETTINGS);
    expect(wrongScale.krs[1]!.score).toBe(70);
  });

  it('0-1 and percent read the same typed shares; the computed KR score rounds per scale', () => {
    const typedAsShares: Row[] = rows.map((r) => r.map((v, i) => (i >= 6 && typeof v === 'number' ? v / 100 : i === 8 && typeof v === 'string' ? v.replace(/:(\d+)/g, (_m, n: string) => ':' + Number(n) / 100) : v)) as Row);
    const one = scoreTable(table(typedAsShares), null, settings({ scoreScale: '0-1' }));
    const pct = scoreTable(table(typedAsShares), null, settings({ scoreScale: 'percent' }));
    expect(one.krs.map((k) => k.score)).toEqual([0.7, 0.7, 0.4]);
    expect(pct.krs.map((k) => k.score)).toEqual([0.67, 0.7, 0.4]);
    expect(pct.krs[2]!.finalScore).toBe(0.55);
  });

  it('grades use the Settings bands on the displayed share', () => {
    const t = table([['O1', 'Objective'], ['O1.KR1', 'Increase', 0, 100, 66]]);
    expect(scoreTable(t, null, settings({ scoreScale: '0-1' })).objectives[0]!.grade).toBe('green'); // 0.7
    expect(scoreTable(t, null, settings({ scoreScale: '0-100' })).objectives[0]!.grade).toBe('yellow'); // 66 分
    expect(scoreTable(t, null, settings({ scoreScale: '0-100', gradeGreenFrom: 0.65 })).objectives[0]!.grade).toBe('green');
    expect(scoreTable(t, null, settings({ gradeRedBelow: 0.75, gradeGreenFrom: 0.9 })).overallGrade).toBe('red');
    expect(scoreTable(t, null, settings({ scoreScale: '0-100', sweetSpotFrom: 0.66, sweetSpotTo: 0.66 })).objectives[0]!.sweetSpot).toBe(true);
  });
});

describe('over-achievement follows the cap', () => {
  const rows: Row[] = [['O1', 'Objective'], ['O1.KR1', 'Increase', 0, 100, 130], ['O1.KR2', 'Increase', 0, 100, 140]];
  it('cap 100%: KR and objective progress stop at 1, the KR still shows as exceeded, the objective does not', () => {
    const s = scoreTable(table(rows), null, DEFAULT_SETTINGS);
    expect(s.krs.map((k) => [k.progress, k.exceeded, k.ratio])).toEqual([[1, true, 1.3], [1, true, 1.4]]);
    expect(s.objectives[0]!.progress).toBe(1);
    expect(s.objectives[0]!.exceeded).toBe(false);
    expect(s.overall).toBe(1);
  });
  it('cap 120%: progress and scores count up to 1.2 and no further; the objective is exceeded', () => {
    const s = scoreTable(table(rows), null, settings({ progressCap: 1.2 }));
    expect(s.krs.map((k) => k.progress)).toEqual([1.2, 1.2]);
    expect(s.krs.map((k) => k.score)).toEqual([1.2, 1.2]);
    expect(s.objectives[0]!.progress).toBe(1.2);
    expect(s.objectives[0]!.exceeded).toBe(true);
    const onPoints = scoreTable(table(rows), null, settings({ progressCap: 1.2, scoreScale: '0-100' }));
    expect(formatScore(onPoints.overall, onPoints.scale?.scale, 'zh-CN')).toBe('120 分');
  });
});

describe('property: every view shows cellFromShare of core\'s share', () => {
  it('random tables, scales and caps: formatScore of each score is the Score cell value', () => {
    const kr = fc.record({
      target: fc.integer({ min: 1, max: 1000 }),
      current: fc.option(fc.integer({ min: -100, max: 1600 }), { nil: undefined }),
      weight: fc.option(fc.integer({ min: 0, max: 100 }).map((w) => w / 100), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(kr, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<ScoreScale>('0-1', '0-100', 'percent'),
        fc.constantFrom(1, 1.2, 1.5),
        (objectives, scale, cap) => {
          const rows: Row[] = [];
          objectives.forEach((krs, i) => {
            rows.push([`O${i + 1}`, 'Objective']);
            krs.forEach((k, j) => rows.push([`O${i + 1}.KR${j + 1}`, 'Increase', 0, k.target, k.current, k.weight]));
          });
          const st = settings({ scoreScale: scale, progressCap: cap });
          const s = scoreTable(table(rows), null, st);
          const spec = scaleSpec(scale);
          for (const x of [...s.krs, ...s.objectives, { score: s.overall }]) {
            const cell = cellFromShare(x.score, spec);
            const shown = Number(formatScore(x.score, st, 'en').replace(/[^\d.]/g, ''));
            expect(shown).toBeCloseTo(scale === 'percent' ? cell * 100 : cell, 9);
            expect(x.score).toBeLessThanOrEqual(cap + 1e-12);
          }
          // a KR's computed score IS a cell value of the scale (no hidden decimals)
          for (const k of s.krs) expect(cellFromShare(k.score, spec) / spec.factor).toBeCloseTo(k.score, 12);
          for (const o of s.objectives) expect(o.grade).toBe(grade(o.score, st));
        },
      ),
      { numRuns: 300 },
    );
  });
});
