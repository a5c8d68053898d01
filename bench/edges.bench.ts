/**
 * The edge rules of "one number" (issue 16 §4) at scale: 40,000 KR rows in 400 OKR tables whose
 * number cells hold odd contents (text numbers such as `180万` in 万元 rows, TRUE/FALSE, dates,
 * dates typed as text, IDs with spaces) — read, scored, and linted with the whole catalog; and
 * the share of that time the rules that name those cells take (number-as-text, unreadable-number,
 * id-spaces). `npm run bench -- edges`.
 */
import { lintTable } from '../src/core/lint';
import type { OkrTable } from '../src/core/model';
import { scoreTable } from '../src/core/score';
import { isTableError, readTableValues } from '../src/core/table';
import { rng } from '../test/helpers/rng';

interface Figure { name: string; value: number; unit: string; budget?: number; note?: string }

const HEADER = ['ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current', 'Unit', 'Weight', 'Due', 'Self-score'];
const ODD: unknown[] = [12, 0.5, '', null, '180万', '80%', '１２', '1,200', true, false, '2026-11-10', 'N/A', '3/4', -5];
const UNITS = ['万元', '元', '%', '家', '', '千人'];
const TYPES = ['Increase', 'Decrease', 'At least', 'At most', 'Milestone'];

function tables(n: number, krsEach: number): OkrTable[] {
  const r = rng(16);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: OkrTable[] = [];
  for (let t = 0; t < n; t++) {
    const grid: unknown[][] = [['Cycle', '2026-Q4'], HEADER];
    for (let o = 1; o <= krsEach / 4; o++) {
      grid.push([pick([`O${o}`, `O${o}`, `O${o} `]), 'Objective', `Objective ${o}`, 'Ann']);
      for (let k = 1; k <= 4; k++) {
        const id = pick([`O${o}.KR${k}`, `O${o}.KR${k}`, `o${o}.kr${k}`, ` O${o}.KR${k}`]);
        grid.push([id, pick(TYPES), `Key result ${k}`, 'Bob', pick(ODD), pick(ODD), pick(ODD), pick(UNITS), pick([null, 0.25, '30%', -0.1, true]), pick([null, '2026-12-20', '2026/10/20', 'soon']), pick([null, 0.7, '0.6'])]);
      }
    }
    const read = readTableValues(grid);
    if (isTableError(read)) throw new Error('no table');
    out.push(read.table);
  }
  return out;
}

const time = (f: () => void, reps = 3): number => {
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
};

export function run(): Figure[] {
  const ts = tables(400, 100);
  const krs = ts.reduce((n, t) => n + t.rows.filter((r) => r.type !== 'objective').length, 0);
  const lintAll = time(() => ts.forEach((t) => lintTable(t)));
  const lintEdges = time(() => ts.forEach((t) => lintTable(t, { only: ['number-as-text', 'unreadable-number', 'id-spaces'] })));
  const score = time(() => ts.forEach((t) => scoreTable(t, '2026-11-15')));
  const findings = ts.reduce((n, t) => n + lintTable(t, { only: ['number-as-text', 'unreadable-number', 'id-spaces'] }).length, 0);
  return [
    { name: `edges: KR rows with odd cells`, value: krs, unit: 'rows' },
    { name: 'edges: findings of the edge rules', value: findings, unit: 'findings' },
    { name: 'edges: lint, whole catalog', value: Math.round(lintAll), unit: 'ms', budget: 1000 },
    { name: 'edges: lint, the three edge rules', value: Math.round(lintEdges), unit: 'ms' },
    { name: 'edges: scoreTable', value: Math.round(score), unit: 'ms' },
  ];
}
