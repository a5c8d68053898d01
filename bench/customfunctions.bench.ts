/**
 * Each custom function on a 10,000-row range (design §4: "a 10,000-row range well under a
 * second"), called the way Sheets calls it: 2-D arrays in, 2-D arrays out. Median of 5 runs.
 */
import {
  KRPROGRESS, OKRCHECK, OKRGRADE, OKRPACE, OKRPARSE, OKRROLLUP, OKRSCORE,
} from '../src/addon/customFunctions';

const N = 10_000;
const RUNS = 5;
const BUDGET_MS = 500;

const col = <T>(f: (i: number) => T): T[][] => Array.from({ length: N }, (_, i) => [f(i)]);

function median(f: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

export function run() {
  // deterministic pseudo-random data
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const start = col(() => Math.round(rnd() * 100));
  const target = col((i) => start[i]![0]! + 10 + Math.round(rnd() * 100));
  const current = col((i) => (i % 17 === 0 ? '' : start[i]![0]! + Math.round(rnd() * 120)));
  const types = col((i) => ['Increase', '提升', 'At least', '不高于', 'Milestone'][i % 5]);
  const weights = col(() => Math.round(rnd() * 10) / 100);
  const progress = col(() => Math.round(rnd() * 100) / 100);
  const sentences = col((i) => (i % 2 ? `将采购周期由 ${(i % 9) + 2} 天缩短至 1 天` : `Raise NPS from ${i % 50} to ${(i % 50) + 20}`));
  const ids = col((i) => `N${i}`);
  const parents = col((i) => (i === 0 ? '' : `N${Math.floor((i - 1) / 4)}`));
  const table: unknown[][] = [['ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current', 'Weight']];
  for (let o = 0; table.length <= N; o++) {
    table.push([`O${o + 1}`, 'Objective', `Grow market ${o}`, 'Ann', '', '', '', '']);
    for (let k = 1; k <= 3; k++) table.push([`O${o + 1}.KR${k}`, 'Increase', `Raise sales from 10 to ${20 + k}`, 'Bob', 10, 20 + k, 12 + k, '']);
  }

  const fig = (name: string, f: () => unknown) => ({ name: `${name}, ${N.toLocaleString('en-US')} rows`, value: median(f), unit: 'ms', budget: BUDGET_MS });
  return [
    fig('OKRSCORE(progress, weights)', () => OKRSCORE(progress, weights)),
    fig('OKRSCORE(whole table)', () => OKRSCORE(table)),
    fig('KRPROGRESS(current, target, start, type)', () => KRPROGRESS(current, target, start, types)),
    fig('OKRSCORE(KRPROGRESS(…), weights)', () => OKRSCORE(KRPROGRESS(current, target, start, types), weights)),
    fig('OKRGRADE(scores)', () => OKRGRADE(progress)),
    fig('OKRPACE(progress, start, end, as_of)', () => OKRPACE(progress, '2026-10-01', '2026-12-31', '2026-11-15')),
    fig('OKRPARSE(sentences)', () => OKRPARSE(sentences)),
    fig('OKRCHECK(table)', () => OKRCHECK(table)),
    fig('OKRROLLUP(ids, parents, progress, weights)', () => OKRROLLUP(ids, parents, progress, weights)),
  ];
}
