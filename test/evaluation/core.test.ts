/** The 360 evaluation core: relations from the roster, the sheet plan, and the reader's rules. */
import { describe, expect, it } from 'vitest';
import { planEvaluationFromRoster, readEvaluationValues } from '../../src/core/evaluation';
import { isEvaluationSheet } from '../../src/core/evaluation/read';
import type { PlanCell } from '../../src/core/plan/types';
import { recogniseSheet } from '../../src/core/snapshot';
import { evaluatePlan } from '../helpers/hfPlan';
import { locate, people, plan, ROSTER } from './fixtures';

describe('relations from the roster', () => {
  it('manager, skip-level and peers come from the parent units and their owners', () => {
    const byName = new Map(people().map((p) => [p.name, p]));
    expect([...byName.keys()]).toEqual(['Alice', 'Bob', 'Carol', 'Hua', 'Dan', 'Eve', 'Wen']);
    expect(byName.get('Alice')).toMatchObject({ manager: null, skip: null, peers: [] });
    expect(byName.get('Bob')).toMatchObject({ manager: 'Alice', skip: null, peers: ['Carol', 'Hua'] });
    // Dan counts once, at his first unit (Sales East)
    expect(byName.get('Dan')).toMatchObject({ unit: 'Sales East', manager: 'Bob', skip: 'Alice', peers: ['Eve', 'Hua'] });
    expect(byName.get('Wen')).toMatchObject({ manager: 'Carol', skip: 'Alice', peers: [] });
  });

  it('a manager who owns two levels is skipped to the next different owner', () => {
    const roster = [
      ['Unit', 'Parent', 'Owner'],
      ['Company', '', 'Alice'],
      ['Ops', 'Company', 'Bob'],
      ['Ops core', 'Ops', 'Bob'],
      ['Ops desk', 'Ops core', 'Cai'],
    ];
    const cai = people(roster).find((p) => p.name === 'Cai')!;
    expect(cai).toMatchObject({ manager: 'Bob', skip: 'Alice' });
  });

  it('roster problems about people and the tree stop it; a missing department template does not', () => {
    const bad = planEvaluationFromRoster([['Unit', 'Parent', 'Owner'], ['A', 'Nowhere', 'Ann'], ['B', '', '']], { lang: 'en', cycle: '2026-Q4' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.code).sort()).toEqual(['blankOwner', 'missingParent']);
    const none = planEvaluationFromRoster([['Name', 'Age'], ['x', 1]], { lang: 'en', cycle: '2026-Q4' });
    expect(!none.ok && none.problems[0]!.code).toBe('noHeader');
  });
});

describe('the Evaluation sheet plan', () => {
  it('rows per person: self, peers (at most 3, one blank row when none), manager, skip-level', () => {
    const p = plan('en');
    const { responses } = locate(p.values);
    const all = p.values.slice(responses + 1).filter((r) => r[0]).map((r) => `${r[0]}|${r[1] ?? ''}|${r[2] ?? ''}`);
    // each person's block ends in one spare row that names them and nothing else
    expect(all.filter((r) => r.endsWith('||'))).toEqual(['Alice||', 'Bob||', 'Carol||', 'Hua||', 'Dan||', 'Eve||', 'Wen||']);
    expect(all.slice(0, 3)).toEqual(['Alice|Self|Alice', 'Alice|Peer|', 'Alice||']);
    const rows = all.filter((r) => !r.endsWith('||'));
    expect(rows.filter((r) => r.startsWith('Alice|'))).toEqual(['Alice|Self|Alice', 'Alice|Peer|']);
    expect(rows.filter((r) => r.startsWith('Dan|'))).toEqual(['Dan|Self|Dan', 'Dan|Peer|Eve', 'Dan|Peer|Hua', 'Dan|Manager|Bob', 'Dan|Skip-level|Alice']);
    expect(p.metadata['okrSheets.role']).toBe('evaluation');
    expect(p.role).toBe('evaluation');
    expect(p.name).toBe('Evaluation 2026-Q4');
    expect(plan('zh-CN').name).toBe('360评估 2026-Q4');
  });

  it('default weights 10 / 30 / 40 / 20 % and OKR weight 0, in the sheet\'s own block', () => {
    const v = plan('zh-CN').values;
    expect(v.slice(4, 9).map((r) => [r[0], r[1]])).toEqual([['自评', 0.1], ['互评', 0.3], ['上级评', 0.4], ['上上级评', 0.2], ['OKR 得分权重', 0]]);
  });

  it('is recognised by its metadata, and without metadata by its content (never its name)', () => {
    const p = plan('en');
    expect(recogniseSheet({ name: 'x', metaRole: 'evaluation', values: [] })).toBe('evaluation');
    expect(isEvaluationSheet({ name: 'x', metaRole: null, values: p.values })).toBe(true);
    expect(isEvaluationSheet({ name: 'Evaluation', metaRole: null, values: [['Person', 'Score']] })).toBe(false);
    expect(isEvaluationSheet({ name: 'x', metaRole: 'okr', values: p.values })).toBe(false);
  });

  it('user text is escaped against formula injection', () => {
    const p = planEvaluationFromRoster([['Unit', 'Owner'], ['A', '=HYPERLINK("x")']], { lang: 'en', cycle: '2026-Q4' });
    expect(p.ok && p.plan.sheets[0]!.values.flat().filter((v) => typeof v === 'string' && v.includes('HYPERLINK'))).toEqual(Array(5).fill("'=HYPERLINK(\"x\")")); // results, self row's person and evaluator, peer row, spare row
  });
});

/** Writes scores into a plan's response row for (person, relation, evaluator-index). */
function answer(values: PlanCell[][], person: string, relation: string, scores: PlanCell[], nth = 0): void {
  const { responses } = locate(values);
  const rows = values.map((r, i) => ({ r, i })).filter(({ r, i }) => i > responses && r[0] === person && r[1] === relation);
  const row = rows[nth]!.r;
  scores.forEach((s, k) => {
    while (row.length <= 3 + k) row.push(null);
    row[3 + k] = s;
  });
}

describe('missing evaluations are listed, not counted as zero', () => {
  it('only self and one peer answered: the mean renormalises over those two relations', () => {
    const p = plan('en');
    const values = p.values.map((r) => [...r]);
    answer(values, 'Dan', 'Self', [5, 5, 5, 5]);
    answer(values, 'Dan', 'Peer', [3, 4, null, 'n/a'], 1); // Hua's row; two criteria count
    const ev = evaluatePlan({ sheets: [{ ...p, values }] });
    const sheet = ev.hf.getSheetValues(ev.hf.getSheetId(p.name)!);
    ev.destroy();
    const dan = readEvaluationValues(p.name, sheet)!.results.find((r) => r.person === 'Dan')!;
    expect(dan.relations).toEqual({ self: 5, peer: 3.5, manager: null, skip: null });
    // (5 × 0.1 + 3.5 × 0.3) / (0.1 + 0.3) = 3.875 — not (0.5 + 1.05) / 1.0 = 1.55
    expect(dan.result).toBeCloseTo(3.875, 12);
    expect(dan.answered).toBe(2);
    expect(dan.missing.map((m) => `${m.relation}:${m.evaluator}`)).toEqual(['peer:Eve', 'manager:Bob', 'skip:Alice']);
    const line = sheet[dan.row - 1]!;
    expect(line[5]).toBeCloseTo(3.875, 12);
    expect(line[9]).toBe(3);
    // nobody answered for Alice: no result at all (blank), not 0
    const alice = readEvaluationValues(p.name, sheet)!.results.find((r) => r.person === 'Alice')!;
    expect(alice.result).toBeNull();
    expect(sheet[alice.row - 1]![5]).toBe('');
  });

  it('the OKR score counts only with a weight above 0, as 1 + 4 × score', () => {
    const p = plan('en', new Map([['dan', 0.5]]));
    const values = p.values.map((r) => [...r]);
    answer(values, 'Dan', 'Manager', [4, 4, 4, 4]);
    const read0 = readEvaluationValues(p.name, values)!.results.find((r) => r.person === 'Dan')!;
    expect(read0.okrScore).toBe(0.5);
    expect(read0.overall).toBe(4);
    values[8]![1] = 0.25;
    const read1 = readEvaluationValues(p.name, values)!.results.find((r) => r.person === 'Dan')!;
    expect(read1.overall).toBeCloseTo(4 * 0.75 + 3 * 0.25, 12);
  });
});
