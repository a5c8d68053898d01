/**
 * Lint for the grading round: a Rubric KR with no rubric is reported by Check at its Rubric cell
 * in both languages; `manager-score-range` (and `self-score-range`) follow the workbook's score
 * scale — 0–1 (or the cap), 0–100, 0–100% — at the cell.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import type { CheckResult } from '../../src/addon/rpc/contract';
import { findingMessage, lintTable } from '../../src/core/lint';
import { DEFAULT_SETTINGS, type OkrRow, type OkrSettings, type OkrTable } from '../../src/core/model';
import { gradedWorkbook, GRADED_ROWS } from './fixtures';

function check(lang: 'zh-CN' | 'en') {
  const rows = GRADED_ROWS.map((r) => (r.id === 'O2.KR1' ? { ...r, rubric: '' } : r.id === 'O1.KR1' ? { ...r, managerScore: 7 } : r));
  const { ctx } = gradedWorkbook(lang, rows);
  const r = dispatch('checkSheet', { sheet: 'Sales' }, () => ctx, lang);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r.result as CheckResult).findings;
}

describe('Check: grading findings at the cell, in both languages', () => {
  it('a Rubric KR without a rubric: rubric-unreadable at its Rubric cell (U11)', () => {
    const en = check('en').filter((f) => f.ruleId === 'rubric-unreadable');
    expect(en).toEqual([{ ruleId: 'rubric-unreadable', severity: 'error', sheet: 'Sales', a1: 'U11', message: 'Rubric key result O2.KR1 has no rubric, so it scores 0: e.g. ≥2000:1; ≥1500:0.7; ≥1000:0.3' }]);
    const zh = check('zh-CN').filter((f) => f.ruleId === 'rubric-unreadable');
    expect(zh).toEqual([{ ruleId: 'rubric-unreadable', severity: 'error', sheet: 'Sales', a1: 'U11', message: '评分标准型关键结果 O2.KR1 没有填写评分标准，得分为 0：如 ≥2000:1; ≥1500:0.7; ≥1000:0.3' }]);
  });

  it('a manager score outside 0–1: manager-score-range at its Manager score cell (V8)', () => {
    expect(check('en').filter((f) => f.ruleId === 'manager-score-range')).toEqual([
      { ruleId: 'manager-score-range', severity: 'error', sheet: 'Sales', a1: 'V8', message: 'O1.KR1: manager score 7 is outside 0–1 (e.g. 0.7)' },
    ]);
    expect(check('zh-CN').filter((f) => f.ruleId === 'manager-score-range').map((f) => f.message)).toEqual(['O1.KR1 的上级评分 7 超出 0–1（例如 0.7）']);
  });
});

describe('score ranges follow the scale', () => {
  const row = (p: Partial<OkrRow>): OkrRow => ({
    index: 1, id: 'O1.KR1', type: 'increase', title: 'KR', owner: 'A', alignsTo: '', source: null, agreed: null, start: 0, target: 10,
    current: 5, unit: '', weight: null, due: null, confidence: null, selfScore: null, notes: '', raw: {}, ...p,
  });
  const table = (p: Partial<OkrRow>): OkrTable => ({
    header: { unit: 'U', level: 'team', owner: 'A', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: '' },
    rows: [{ ...row({}), index: 0, id: 'O1', type: 'objective', start: null, target: null, current: null }, row(p)],
    lang: 'en',
  });
  const lint = (p: Partial<OkrRow>, s: Partial<OkrSettings>, rule: string) =>
    lintTable(table(p), { settings: { ...DEFAULT_SETTINGS, ...s } }).filter((f) => f.rule === rule).map((f) => findingMessage(f, 'en'));

  it('0–100: 70 is fine, 120 is not; 0–1 with a 120% cap: 1.2 is fine, 1.3 is not; percent: 150% is not', () => {
    expect(lint({ managerScore: 70, selfScore: 80 }, { scoreScale: '0-100' }, 'manager-score-range')).toEqual([]);
    expect(lint({ managerScore: 70, selfScore: 80 }, { scoreScale: '0-100' }, 'self-score-range')).toEqual([]);
    expect(lint({ managerScore: 120 }, { scoreScale: '0-100' }, 'manager-score-range')).toEqual(['O1.KR1: manager score 120 is outside 0–100 (e.g. 70)']);
    expect(lint({ selfScore: 120 }, { scoreScale: '0-100' }, 'self-score-range')).toEqual(['O1.KR1: self-score 120 is outside 0–100 (e.g. 70)']);
    expect(lint({ managerScore: 1.2 }, { progressCap: 1.2 }, 'manager-score-range')).toEqual([]);
    expect(lint({ managerScore: 1.3 }, { progressCap: 1.2 }, 'manager-score-range')).toEqual(['O1.KR1: manager score 1.3 is outside 0–1.2 (e.g. 0.7)']);
    expect(lint({ managerScore: 1.5 }, { scoreScale: 'percent' }, 'manager-score-range')).toEqual(['O1.KR1: manager score 150% is outside 0–100% (e.g. 70%)']);
    expect(lint({ managerScore: -0.1 }, {}, 'manager-score-range')).toHaveLength(1);
    // one decimal is a 0–1 convention only
    expect(lint({ selfScore: 75 }, { scoreScale: '0-100' }, 'self-score-range')).toEqual([]);
  });

  it('a manager score typed as words is unreadable-number at its cell', () => {
    const f = lintTable(table({ managerScore: null, raw: { managerScore: 'good' } }), { settings: DEFAULT_SETTINGS }).filter((x) => x.rule === 'unreadable-number');
    expect(f.map((x) => [x.at.column, findingMessage(x, 'en')])).toEqual([['managerScore', 'O1.KR1: “good” in Manager score is not a number']]);
  });
});
