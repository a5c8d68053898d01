/**
 * 360 evaluation at scale (issue 14 §4): a roster of N people in a tree (a company, 10
 * departments, teams of 10) → the Evaluation plan; every answer filled; then the core reader,
 * and the native formulas' recalculation in HyperFormula — the cost the README's note on
 * "people × answers" is about (each result cell scans the whole answers block).
 */
import { HyperFormula } from 'hyperformula';
import { buildEvaluationPlan, readEvaluationValues } from '../src/core/evaluation';
import { peopleFromRoster } from '../src/core/evaluation/people';
import { readRosterValues } from '../src/core/roster';
import type { PlanCell, SheetPlan } from '../src/core/plan/types';

function roster(n: number): string[][] {
  const rows = [['Unit', 'Parent', 'Owner'], ['Company', '', 'P0']];
  for (let i = 1; i < n; i++) {
    const parent = i <= 10 ? 'Company' : `U${1 + ((i - 11) % 10)}`;
    rows.push([`U${i}`, parent, `P${i}`]);
  }
  return rows;
}

function filled(n: number): SheetPlan {
  const found = peopleFromRoster(readRosterValues(roster(n)));
  if (!found.ok) throw new Error('roster');
  const plan = buildEvaluationPlan(found.people, { lang: 'en', cycle: '2026-Q4', spareRows: 0 });
  const values = plan.values.map((r) => [...r]);
  const header = values.findIndex((r) => r[1] === 'Relation');
  for (let r = header + 1; r < values.length; r++) {
    if (!values[r]![0] || r % 4 === 0) continue; // every fourth row left unanswered
    for (let c = 3; c <= 6; c++) values[r]![c] = 1 + ((r * 7 + c) % 5);
  }
  return { ...plan, values };
}

const ms = (f: () => unknown): number => {
  const t0 = performance.now();
  f();
  return Math.round((performance.now() - t0) * 10) / 10;
};

function hfMs(p: SheetPlan): number {
  const raw = p.values.map((r) => r.map((v: PlanCell) => (v !== null && typeof v === 'object' ? null : v)));
  let hf: HyperFormula | undefined;
  const t = ms(() => {
    hf = HyperFormula.buildFromSheets({ [p.name]: raw }, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  });
  hf?.destroy();
  return t;
}

export function run() {
  const big = filled(1000);
  const figures = [
    { name: 'evaluation plan from a roster, 1,000 people', value: ms(() => filled(1000)), unit: 'ms' },
    { name: 'core read of a filled sheet, 1,000 people', value: ms(() => readEvaluationValues(big.name, big.values)), unit: 'ms' },
  ];
  for (const n of [100, 200, 400]) {
    figures.push({ name: `HyperFormula build + recalc, ${n} people`, value: hfMs(filled(n)), unit: 'ms' });
  }
  return figures;
}
