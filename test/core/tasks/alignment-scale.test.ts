/**
 * The Alignment map shows each unit's and objective's score in the workbook's scale (issue 14
 * §2): the Score column holds the Score cell's value (cellFromShare of core's share) with the
 * scale's number format, read from the Settings sheet like every other view.
 */
import { describe, expect, it } from 'vitest';
import { buildSettingsPlan } from '../../../src/core/plan/supportSheets';
import type { ScoreScale } from '../../../src/core/model';
import { readSnapshot } from '../../../src/core/snapshot';
import { alignmentTask } from '../../../src/core/tasks/alignment';
import { scoreWorkbook } from '../../../src/core/tasks/score';
import { okrGrid, snapshotOf } from './grid';

function model(scoreScale: ScoreScale | null) {
  const sales = okrGrid('Sales', [
    { id: 'O1' },
    { id: 'O1.KR1', start: 0, target: 100, current: 66 },
    { id: 'O2' },
    { id: 'O2.KR1', start: 0, target: 10, current: 5, selfScore: scoreScale === '0-100' ? 40 : 0.4 },
  ]);
  const team = okrGrid('Team', [{ id: 'O1', alignsTo: 'Sales/O1' }, { id: 'O1.KR1', start: 0, target: 4, current: 3 }]);
  team[0]!.push('Aligned to', 'Sales');
  const sheets: Array<{ name: string; values: unknown[][]; metaRole?: string | null }> = [{ name: 'Sales', values: sales }, { name: 'Team', values: team }];
  if (scoreScale) {
    const plan = buildSettingsPlan({ lang: 'en', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', settings: { scoreScale } });
    sheets.push({ name: 'Settings', metaRole: 'settings', values: plan.values.map((r) => r.map((c) => (c && typeof c === 'object' && 'date' in c ? c.date : c))) });
  }
  return readSnapshot(snapshotOf(sheets as never));
}

describe('Alignment map Score column', () => {
  it('holds each unit\'s and objective\'s score as the sheet shows it, in each scale', () => {
    const numberFormat: Record<ScoreScale, string> = { '0-1': '0.0', '0-100': '0', percent: '0%' };
    for (const scale of ['0-1', '0-100', 'percent'] as const) {
      const m = model(scale);
      expect(m.settings.scoreScale).toBe(scale);
      const { plan, tree } = alignmentTask(m, { lang: 'en' });
      expect(tree.scale).toBe(scale);
      const header = plan.values[2]!;
      expect(header[8]).toBe('Score');
      const row = (name: string) => plan.values.find((r) => typeof r[0] === 'string' && r[0].includes(name))!;
      const u = scoreWorkbook(m)[0]!;
      // the map's numbers are the score task's (one number): unit and objectives
      expect(row('■ Sales')[8]).toBe(u.scoreInScale);
      expect(row('◆ O1 ')[8]).toBe(u.objectives[0]!.scoreInScale);
      expect(row('◆ O2 ')[8]).toBe(u.objectives[1]!.scoreInScale);
      expect(plan.formats.find((f) => f.range.startsWith('I4'))?.numberFormat).toBe(numberFormat[scale]);
    }
  });
  it('0-100: the computed KR score rounds to whole points before the mean, self-scores are typed in points', () => {
    const { plan } = alignmentTask(model('0-100'), { lang: 'zh-CN' });
    const row = (name: string) => plan.values.find((r) => typeof r[0] === 'string' && r[0].includes(name))!;
    expect(plan.values[2]![8]).toBe('得分');
    expect(row('◆ O1 ')[8]).toBe(66);
    expect(row('◆ O2 ')[8]).toBe(40);
    expect(row('■ Sales')[8]).toBe(53);
    expect(row('■ Team')[8]).toBe(75);
  });
  it('without a Settings sheet: 0-1', () => {
    const { plan } = alignmentTask(model(null), { lang: 'en' });
    const row = (name: string) => plan.values.find((r) => typeof r[0] === 'string' && r[0].includes(name))!;
    expect(row('■ Sales')[8]).toBe(0.6);
    expect(row('■ Team')[8]).toBe(0.8);
  });
});
