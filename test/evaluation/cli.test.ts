/** `okr-sheets evaluation` (roster → Evaluation sheet) and `okr-sheets score` on a filled one. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvaluations } from '../../src/core/evaluation';
import type { PlanCell } from '../../src/core/plan/types';
import { snapshotFromXlsx } from '../../src/local/snapshot';
import { exportXlsx } from '../../src/local/xlsx/export';
import { cli, expectNoStack, tempDir } from '../cli/xlsx-helpers';
import { locate, plan, ROSTER } from './fixtures';

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n') + '\n';

describe('okr-sheets evaluation', () => {
  it('writes the Evaluation sheet of the cycle from a CSV roster (exit 0)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'roster.csv'), csv(ROSTER));
    const r = await cli(dir, 'evaluation', 'roster.csv', '-o', 'eval.xlsx', '--cycle', '2026-Q4');
    expect(r.err).toContain('Wrote eval.xlsx: 7 people, 28 evaluation rows, cycle 2026-Q4');
    expect(r.code).toBe(0);
    const snap = await snapshotFromXlsx(readFileSync(join(dir, 'eval.xlsx')));
    expect(snap.sheets.map((s) => [s.name, s.metaRole])).toEqual([['Evaluation 2026-Q4', 'evaluation']]);
    const read = readEvaluations(snap)[0]!;
    expect(read.weights).toEqual({ self: 0.1, peer: 0.3, manager: 0.4, skip: 0.2 });
    expect(read.results.map((x) => [x.person, x.answered, x.missing.length, x.result])).toContainEqual(['Dan', 0, 5, null]);
  });

  it('a Chinese roster gives a Chinese sheet; --lang decides over it; an .xlsx roster works too', async () => {
    const dir = tempDir();
    const zh = [['单元', '上级单元', '负责人'], ['公司', '', '王总'], ['销售部', '公司', '李经理'], ['市场部', '公司', '张经理']];
    writeFileSync(join(dir, 'r.csv'), csv(zh));
    expect((await cli(dir, 'evaluation', 'r.csv', '-o', 'zh.xlsx', '--cycle', '2026-Q4')).code).toBe(0);
    const snap = await snapshotFromXlsx(readFileSync(join(dir, 'zh.xlsx')));
    expect(snap.sheets[0]!.name).toBe('360评估 2026-Q4');
    const li = readEvaluations(snap)[0]!.results.find((x) => x.person === '李经理')!;
    expect(li.missing.map((m) => `${m.relation}:${m.evaluator}`)).toEqual(['self:李经理', 'peer:张经理', 'manager:王总']);
    expect((await cli(dir, 'evaluation', 'r.csv', '-o', 'en.xlsx', '--cycle', '2026-Q4', '--lang', 'en')).code).toBe(0);
    const en = await snapshotFromXlsx(readFileSync(join(dir, 'en.xlsx')));
    expect(en.sheets[0]!.name).toBe('Evaluation 2026-Q4');
    // the roster as an xlsx: the sheet with a roster header is read, wherever it is
    const asXlsx = { ...plan('en'), metadata: {} };
    writeFileSync(join(dir, 'roster.xlsx'), await exportXlsx({ sheets: [{ ...asXlsx, name: 'Notes', values: [['hello']] }, { ...asXlsx, name: 'People', values: ROSTER }] }));
    const ok = await cli(dir, 'evaluation', 'roster.xlsx', '-o', 'from-xlsx.xlsx', '--cycle', '2026-Q4');
    expect([ok.code, ok.err]).toEqual([0, 'Wrote from-xlsx.xlsx: 7 people, 28 evaluation rows, cycle 2026-Q4\n']);
    // an xlsx without a roster header (the sheet just written): exit 1, named
    const bad = await cli(dir, 'evaluation', 'en.xlsx', '-o', 'x.xlsx', '--cycle', '2026-Q4');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('No roster header row found');
  });

  it('roster problems: exit 1, every problem with its row, nothing written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), csv([['Unit', 'Parent', 'Owner'], ['A', '', 'Ann'], ['B', 'Nowhere', 'Bo'], ['C', 'A', '']]));
    const r = await cli(dir, 'evaluation', 'r.csv', '-o', 'eval.xlsx');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Row 3: parent unit “Nowhere” is not in the roster');
    expect(r.err).toContain('Row 4: unit “C” has no owner');
    expect(existsSync(join(dir, 'eval.xlsx'))).toBe(false);
    expectNoStack(r);
  });

  it('bad usage and unreadable input: exit 2 with one line, no stack', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'roster.csv'), csv(ROSTER));
    writeFileSync(join(dir, 'broken.xlsx'), 'not a zip at all');
    writeFileSync(join(dir, 'taken.xlsx'), 'x');
    const cases: [string[], string][] = [
      [['evaluation'], 'Missing argument'],
      [['evaluation', 'roster.csv'], 'Say where to write'],
      [['evaluation', 'roster.csv', '-o', 'e.xlsx', '--cycle', 'Q9'], 'Unknown cycle'],
      [['evaluation', 'roster.csv', '-o', 'e.xlsx', '--peers', '0'], '--peers must be'],
      [['evaluation', 'roster.csv', '-o', 'e.csv'], 'should end in .xlsx'],
      [['evaluation', 'roster.pdf', '-o', 'e.xlsx'], 'should be a .csv or .xlsx'],
      [['evaluation', 'missing.csv', '-o', 'e.xlsx'], 'File not found'],
      [['evaluation', 'broken.xlsx', '-o', 'e.xlsx'], 'not a readable .xlsx'],
      [['evaluation', 'roster.csv', '-o', 'taken.xlsx'], 'already exists'],
      [['evaluation', 'roster.csv', '-o', 'roster.csv'], 'should end in .xlsx'],
      [['evaluation', 'roster.csv', '-o', 'e.xlsx', '--bogus'], 'Unknown option'],
      [['evaluation', 'roster.csv', 'extra.csv', '-o', 'e.xlsx'], 'Unexpected argument'],
    ];
    for (const [args, want] of cases) {
      const r = await cli(dir, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(want);
      expectNoStack(r);
    }
    expect(existsSync(join(dir, 'e.xlsx'))).toBe(false);
    expect(readFileSync(join(dir, 'taken.xlsx'), 'utf8')).toBe('x');
    const help = await cli(dir, 'evaluation', '--help');
    expect([help.code, help.out.startsWith('Usage: okr-sheets evaluation')]).toEqual([0, true]);
    expect((await cli(dir, '--help')).out).toMatch(/evaluation +the 360 evaluation sheet/);
  });
});

function fill(values: PlanCell[][], person: string, relation: string, scores: number[], nth = 0): void {
  const { responses } = locate(values);
  const rows = values.filter((r, i) => i > responses && r[0] === person && r[1] === relation);
  scores.forEach((s, k) => (rows[nth]![3 + k] = s));
}

describe('okr-sheets score on a filled Evaluation sheet', () => {
  it('prints every person\'s result, missing evaluations listed with their rows', async () => {
    const dir = tempDir();
    const p = plan('en', new Map([['dan', 0.7]]));
    const values = p.values.map((r) => [...r]);
    fill(values, 'Dan', 'Self', [5, 5, 5, 5]);
    fill(values, 'Dan', 'Peer', [3, 4, 3, 4], 1);
    fill(values, 'Dan', 'Manager', [4, 4, 4, 3]);
    writeFileSync(join(dir, 'eval.xlsx'), await exportXlsx({ sheets: [{ ...p, values }] }));
    const r = await cli(dir, 'score', 'eval.xlsx');
    expect(r.code).toBe(0);
    // (5×0.1 + 3.5×0.3 + 3.75×0.4) / 0.8 = 3.8125
    expect(r.out).toContain('Dan — 360 result 3.81 (Self 5.00, Peer 3.50, Manager 3.75, Skip-level –); OKR 0.7; overall 3.81; answered 3 of 5');
    expect(r.out).toMatch(/missing: Peer Eve \(row \d+\); Skip-level Alice \(row \d+\)/);
    expect(r.out).toContain('Alice — 360 result – (');
    expect(r.out).toContain('missing: Self Alice (row');

    const j = await cli(dir, 'score', 'eval.xlsx', '--json');
    expect(j.code).toBe(0);
    const dan = JSON.parse(j.out).evaluations[0].results.find((x: { person: string }) => x.person === 'Dan');
    expect(dan.result).toBeCloseTo(3.8125, 12);
    expect(dan.okrScore).toBe(0.7);

    const zh = await cli(dir, 'score', 'eval.xlsx', '--lang', 'zh-CN');
    expect(zh.out).toContain('Dan — 360 结果 3.81（自评 5.00，互评 3.50，上级评 3.75，上上级评 –）');
  });

  it('a workbook with neither OKR table nor Evaluation sheet keeps score\'s own message (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.xlsx'), await exportXlsx({ sheets: [{ ...plan('en'), values: [['hello']] , metadata: {} }] }));
    const r = await cli(dir, 'score', 'empty.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('No OKR table');
  });
});

describe('okr-sheets score on a workbook with OKR sheets and an Evaluation sheet', () => {
  it('prints the 360 results, then the OKR scores as before', async () => {
    const { buildWorkbookPlan } = await import('../../src/core/plan/okrSheet');
    const { allDepartments } = await import('../../src/core/templates');
    const role = allDepartments()[0]!.roles[0]!;
    const okr = buildWorkbookPlan({ role, lang: 'en', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', owner: 'Dan' });
    const dir = tempDir();
    writeFileSync(join(dir, 'both.xlsx'), await exportXlsx({ sheets: [...okr.sheets, plan('en')] }));
    const r = await cli(dir, 'score', 'both.xlsx', '--as-of', '2026-11-15');
    expect(r.code).toBe(0);
    const at360 = r.out.indexOf('Evaluation 2026-Q4 — weights: Self 10%, Peer 30%, Manager 40%, Skip-level 20%; OKR score 0%');
    const atOkr = r.out.search(/: overall \d/);
    expect(at360).toBeGreaterThanOrEqual(0);
    expect(atOkr).toBeGreaterThan(at360);
    // --json stays one document: the OKR scores
    const j = await cli(dir, 'score', 'both.xlsx', '--json');
    expect(JSON.parse(j.out).sheets.length).toBeGreaterThan(0);
  });
});

describe('okr-sheets evaluation --okr', () => {
  it('fills each person\'s OKR final score from the OKR workbook (the sheets they own); no sheet → blank', async () => {
    const { buildOkrSheetPlanFromRows } = await import('../../src/core/plan/okrSheet');
    const dir = tempDir();
    writeFileSync(join(dir, 'roster.csv'), csv(ROSTER));
    const okr = buildOkrSheetPlanFromRows({
      lang: 'en', sheetName: 'Sales', spareRows: 1, settingsSheetName: null,
      header: { unit: 'Sales', level: 'department', owner: 'Bob', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: '', asOf: '2026-12-31' },
      rows: [
        { id: 'O1', type: 'objective', title: 'Grow', managerScore: 0.6 },
        { id: 'O1.KR1', type: 'increase', title: 'Leads', start: 0, target: 10, current: 2 },
      ],
    });
    writeFileSync(join(dir, 'okrs.xlsx'), await exportXlsx({ sheets: [okr] }));
    const r = await cli(dir, 'evaluation', 'roster.csv', '-o', 'eval.xlsx', '--cycle', '2026-Q4', '--okr', 'okrs.xlsx');
    expect(r.code).toBe(0);
    expect(r.err).toContain('1 of them with an OKR final score from okrs.xlsx');
    const read = readEvaluations(await snapshotFromXlsx(readFileSync(join(dir, 'eval.xlsx'))))[0]!;
    const okrOf = Object.fromEntries(read.results.map((x) => [x.person, x.okrScore]));
    expect(okrOf.Bob).toBeCloseTo(0.6, 10);
    expect(okrOf.Alice).toBeNull();
    // a file with no OKR table is refused in words (exit 2), nothing written
    const bad = await cli(dir, 'evaluation', 'roster.csv', '-o', 'e2.xlsx', '--cycle', '2026-Q4', '--okr', 'eval.xlsx');
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'e2.xlsx'))).toBe(false);
  }, 60_000);
});
