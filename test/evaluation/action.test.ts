/** RPC `generateEvaluation`: the roster sheet in the spreadsheet → a new Evaluation sheet. */
import { describe, expect, it } from 'vitest';
import { generateEvaluationAction } from '../../src/addon/actions/evaluation';
import { readEvaluations } from '../../src/core/evaluation';
import { buildRosterTemplatePlan } from '../../src/core/roster';
import { createLocalApp } from '../../src/local/workbook';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { ROSTER } from './fixtures';

function withRoster(rows: string[][]) {
  return createLocalApp({ plan: { sheets: [{ ...buildRosterTemplatePlan('en'), values: rows }] } });
}

describe('generateEvaluation', () => {
  it('makes the cycle\'s Evaluation sheet from the roster sheet; a second run never overwrites it', () => {
    const local = withRoster(ROSTER);
    const ctx = local.ctx('en');
    const r = generateEvaluationAction(ctx, { cycle: '2026-Q4' });
    expect(r).toEqual({ ok: true, sheet: 'Evaluation 2026-Q4', people: 7, rows: 28, problems: [], withOkrScore: 0 });
    const snap = takeSnapshot(ctx);
    expect(snap.sheets.find((s) => s.name === r.sheet)!.metaRole).toBe('evaluation');
    expect(readEvaluations(snap)[0]!.results.map((x) => x.person)).toEqual(['Alice', 'Bob', 'Carol', 'Hua', 'Dan', 'Eve', 'Wen']);
    const again = generateEvaluationAction(ctx, { cycle: '2026-Q4' });
    expect(again.ok && again.sheet).not.toBe('Evaluation 2026-Q4');
    expect(local.ss.getSheets().length).toBe(3);
  });

  it('service calls do not grow with the roster', () => {
    const calls = (n: number) => {
      const rows = [['Unit', 'Parent unit', 'Owner'], ['Co', '', 'P0'], ...Array.from({ length: n - 1 }, (_, i) => [`U${i + 1}`, 'Co', `P${i + 1}`])];
      const local = withRoster(rows);
      const ctx = local.ctx('en');
      return local.calls.measure(() => generateEvaluationAction(ctx, { cycle: '2026-Q4' })).calls;
    };
    expect(calls(40)).toBe(calls(7));
  });

  it('roster problems and a missing roster come back as messages; a bad cycle is refused', () => {
    const bad = generateEvaluationAction(withRoster([['Unit', 'Parent unit', 'Owner'], ['A', 'Nowhere', 'Ann']]).ctx('zh-CN'), { cycle: '2026-Q4' });
    expect(bad).toEqual({ ok: false, sheet: 'Roster', people: 0, rows: 0, problems: ['第 2 行：上级单元“Nowhere”不在名单中'] });
    const none = generateEvaluationAction(createLocalApp().ctx('en'), { cycle: '2026-Q4' });
    expect(none.ok).toBe(false);
    expect(none.problems[0]).toContain('No roster sheet found');
    expect(() => generateEvaluationAction(withRoster(ROSTER).ctx('en'), { cycle: 'soon' })).toThrow(/Unknown cycle: soon/);
  });
});
