/**
 * The grading round at scale: core grade rows + calibration over 40,000 KRs (400 sheets × 20
 * objectives × 5 KRs, self and manager scores on every row), and, on the in-memory workbook, the
 * service calls and time of one gradingView and one saveGrades of a whole 500-KR sheet.
 * Timings live here, never in tests (test/grading asserts the call counts).
 */
import { dispatch } from '../src/addon/rpc/server';
import { calibrationItems, gradeRows } from '../src/core/grading';
import { DEFAULT_SETTINGS, type OkrRow, type OkrTable } from '../src/core/model';
import type { OkrSheetRow } from '../src/core/plan/okrSheet';
import { gradedWorkbook } from '../test/grading/fixtures';

function syntheticTables(sheets: number, objectives: number, krsPer: number): OkrTable[] {
  const out: OkrTable[] = [];
  for (let s = 0; s < sheets; s++) {
    const rows: OkrRow[] = [];
    const row = (p: Partial<OkrRow> & { id: string }): OkrRow => ({
      index: rows.length, type: 'increase', title: p.id, owner: 'x', alignsTo: '', source: null, agreed: null, start: null, target: null,
      current: null, unit: '', weight: null, due: null, confidence: null, selfScore: null, notes: '', raw: {}, ...p,
    });
    for (let o = 1; o <= objectives; o++) {
      rows.push(row({ id: `O${o}`, type: 'objective', selfScore: ((s + o) % 10) / 10, managerScore: ((s + 2 * o) % 10) / 10 }));
      for (let k = 1; k <= krsPer; k++) {
        rows.push(row({ id: `O${o}.KR${k}`, start: 0, target: 100, current: (s * 7 + o * 13 + k * 17) % 120, selfScore: ((o + k) % 10) / 10, managerScore: ((s + k) % 10) / 10 }));
      }
    }
    out.push({ header: { unit: `U${s}`, level: 'team', owner: 'x', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: '' }, rows, lang: 'en' });
  }
  return out;
}

function best(fn: () => void, reps = 3): number {
  let b = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    b = Math.min(b, performance.now() - t0);
  }
  return Math.round(b * 10) / 10;
}

export async function run() {
  const tables = syntheticTables(400, 20, 5);
  let items = 0;
  const coreMs = best(() => {
    items = 0;
    for (const t of tables) items += calibrationItems(gradeRows(t, '2026-12-31', DEFAULT_SETTINGS), { sheet: t.header.unit, unit: t.header.unit }).length;
  });

  const rows: OkrSheetRow[] = [];
  for (let o = 1; o <= 100; o++) {
    rows.push({ id: `O${o}`, type: 'objective', title: `Objective ${o}`, owner: 'A' });
    for (let k = 1; k <= 5; k++) rows.push({ id: `O${o}.KR${k}`, type: 'increase', title: `KR ${k}`, owner: 'A', start: 0, target: 10, current: (o + k) % 11 });
  }
  const { local, ctx } = gradedWorkbook('en', rows);
  const view = local.calls.measure(() => dispatch('gradingView', { sheet: 'Sales' }, () => ctx, 'en'));
  const grades = rows.map((r, i) => ({ id: r.id, managerScore: String((i % 10) / 10), comment: `c${i}` }));
  const t0 = performance.now();
  const save = local.calls.measure(() => dispatch('saveGrades', { sheet: 'Sales', grades }, () => ctx, 'en'));
  const saveMs = Math.round(performance.now() - t0);
  if (!save.result.ok) throw new Error('saveGrades failed');
  return [
    { name: 'grade rows + calibration, 40,000 KRs (core)', value: coreMs, unit: 'ms', note: `${items} calibration items` },
    { name: 'gradingView, 600-row sheet: service calls', value: view.calls, unit: 'calls' },
    { name: 'saveGrades, 600 rows: service calls', value: save.calls, unit: 'calls', note: `setValues ${save.counts.setValues ?? 0}` },
    { name: 'saveGrades, 600 rows, in-memory workbook (HyperFormula recalculation included)', value: saveMs, unit: 'ms' },
  ];
}
