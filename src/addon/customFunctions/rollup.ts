/**
 * OKRROLLUP: rolled-up progress per id.
 * Pure (no Apps Script globals): the same code runs in Sheets, in HyperFormula
 * (src/local/hfPlugin.ts) and in tests. Each custom function has its own module so that, in the
 * lazily initialised Apps Script bundle, a call loads only what that function needs.
 */
import { rollup, type RollupInput } from '../../core/rollup';
import { CellProblem, asShare, fail, finish, flatten, guard, isBlank, isOmitted, isRange, message, readNumber, shareScale, toGrid } from './args';
import { M, text } from './messages';


function okrRollup(ids: unknown, parentIds: unknown, progress: unknown, weights?: unknown): unknown {
  const FN = 'OKRROLLUP';
  const idGrid = toGrid(ids);
  const idCells = flatten(idGrid);
  const n = idCells.length;
  if (!n) fail(FN, M.empty);
  const withW = !isOmitted(weights);
  const sized = (name: string, arg: unknown): unknown[] => {
    const cells = flatten(toGrid(arg));
    if (cells.length !== n) fail(FN, M.rollupSize, { n, m: cells.length, name, andWeights: withW ? ', weights' : '' });
    return cells;
  };
  const parents = sized('parent_ids', parentIds);
  const progCells = sized('progress', progress);
  const wCells = withW ? sized('weights', weights) : null;

  const problems = new Map<number, CellProblem>();
  const pNums = progCells.map((v, i) => {
    const x = readNumber(v);
    if (x === undefined) problems.set(i, new CellProblem(message(FN, M.notNumber, { what: 'progress', whatZh: '进度', text: text(v) })));
    return x ?? null;
  });
  const wNums = (wCells ?? []).map((v, i) => {
    const x = readNumber(v);
    if (x === undefined) problems.set(i, new CellProblem(message(FN, M.weightNotNumber, { text: text(v) })));
    return x ?? null;
  });
  const pScale = shareScale(FN, M.progress, pNums);
  const wScale = shareScale(FN, M.weights, wNums);

  const key = (v: unknown) => (isBlank(v) ? '' : String(v).trim());
  const nodes: RollupInput[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const id = key(idCells[i]);
    if (!id) continue;
    if (seen.has(id)) {
      problems.set(i, new CellProblem(message(FN, M.duplicateId, { id })));
      continue;
    }
    seen.add(id);
    const p = pNums[i], w = wCells ? wNums[i] : null;
    nodes.push({
      id,
      parent: key(parents[i]) || null,
      ownProgress: p ? asShare(p, pScale) : null,
      weight: w ? asShare(w, wScale) : null,
    });
  }
  const { results, problems: rp } = rollup(nodes);
  const inCycle = new Map<string, string>();
  for (const p of rp) if (p.kind === 'cycle') for (const id of p.ids) inCycle.set(id, [...p.ids, p.ids[0]].join(' → '));

  const out: unknown[][] = [];
  let i = 0;
  for (const r of idGrid) {
    const row: unknown[] = [];
    for (let c = 0; c < r.length; c++, i++) {
      const id = key(r[c]);
      const problem = problems.get(i);
      if (problem) row.push(problem);
      else if (!id) row.push('');
      else if (inCycle.has(id)) row.push(new CellProblem(message(FN, M.cycle, { path: inCycle.get(id)! })));
      else row.push(results.get(id)?.progress ?? '');
    }
    out.push(row);
  }
  return finish(isRange(ids), out);
}


/**
 * Rolled-up progress per id: each node's own progress combined with the weighted progress of the nodes aligned under it (half each when both exist). Alignment cycles are reported, not looped.
 *
 * @param {string[][]} ids Node ids (e.g. Sales/O1), one per row.
 * @param {string[][]} parent_ids The id each node aligns to (blank = top level), same size as ids.
 * @param {number[][]} progress Each node's own progress (0.6, 60 or "60%"; blank = none), same size as ids.
 * @param {number[][]} weights Optional. Weight of each node among its siblings; blank = equal.
 * @return {number[][]} Rolled-up progress per id, between 0 and 1.
 * @customfunction
 */
export function OKRROLLUP(ids: unknown, parent_ids: unknown, progress: unknown, weights?: unknown): unknown {
  return guard('OKRROLLUP', () => okrRollup(ids, parent_ids, progress, weights));
}
