/** The dashboard and the review show each unit's numbers as the sheet computes them (issue 10 §3, §5). */
import { describe, expect, it } from 'vitest';
import { buildDashboard, dashboardSheetPlan } from '../../../src/core/plan/dashboardSheet';
import { buildReview } from '../../../src/core/review';
import { scoreTable } from '../../../src/core/score';
import { beijing, center, channel, row, table } from '../../review/fixtures';

describe('dashboard numbers are the sheet\'s numbers', () => {
  it('unit score = the mean of objective scores (scoreTable.overall), for every unit', () => {
    const sheets = [center, beijing, channel].map((t, i) => ({ sheet: `S${i}`, table: t }));
    const data = buildDashboard(sheets, [], '2026-11-30', { lang: 'en' });
    sheets.forEach((s, i) => expect(data.units[i]!.avgScore).toBeCloseTo(scoreTable(s.table, '2026-11-30').overall, 12));
  });

  it('0.667 shows as 0.7 and is coloured as 0.7 (green)', () => {
    const t = table({ unit: 'U', level: 'team', owner: 'x' }, [
      row({ id: 'O1', type: 'objective', title: 'a' }), row({ id: 'O1.KR1', type: 'increase', start: 0, target: 10, current: 10 }),
      row({ id: 'O2', type: 'objective', title: 'b' }), row({ id: 'O2.KR1', type: 'increase', start: 0, target: 10, current: 10 }),
      row({ id: 'O3', type: 'objective', title: 'c' }), row({ id: 'O3.KR1', type: 'increase', start: 0, target: 10, current: 0 }),
    ], 'en');
    const data = buildDashboard([{ sheet: 'U', table: t }], [], '2026-11-30', { lang: 'en' });
    expect(data.units[0]!.avgScore).toBeCloseTo(2 / 3, 12);
    const { sheet } = dashboardSheetPlan(data);
    expect(sheet.values[4]![5]).toBe(0.7);
    expect(sheet.formats.find((f) => f.range.startsWith('F5'))!.numberFormat).toBe('0.0');
    const green = sheet.conditionalFormats.find((c) => c.when.kind === 'numberGreaterEq')!;
    expect(green.when.kind === 'numberGreaterEq' && (sheet.values[4]![5] as number) >= green.when.value).toBe(true);
  });
});

describe('the review shows the sheet\'s numbers too', () => {
  it('objective progress / score / grade and KR status (overdue included) come from scoreTable', () => {
    const t = table({ unit: 'U', level: 'team', owner: 'x' }, [
      row({ id: 'O1', type: 'objective', title: 'a' }),
      row({ id: 'O1.KR1', type: 'increase', start: 0, target: 10, current: 4, weight: 0.75 }),
      row({ id: 'O1.KR2', type: 'milestone', target: 1, current: null, due: '2026-11-01' }),
    ], 'en');
    const doc = buildReview({ table: t, sheet: 'U', checkins: [], asOf: '2026-11-30', lang: 'en' });
    const s = scoreTable(t, '2026-11-30');
    expect(doc.objectives[0]!.progress).toBeCloseTo(s.objectives[0]!.progress, 12);
    expect(doc.objectives[0]!.score).toBeCloseTo(s.objectives[0]!.score, 12);
    expect(doc.objectives[0]!.krs.map((k) => k.status)).toEqual(s.krs.map((k) => k.status));
    expect(doc.objectives[0]!.krs[1]!.status).toBe('overdue');
  });
});
