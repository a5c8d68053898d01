/**
 * Roll-up ("smart progress", design §3): a node (an objective, a unit) takes its progress from
 * its own KRs, from the nodes aligned under it, or both. Iterative and linear: a 50,000-deep
 * chain is fine, and alignment cycles are reported instead of looping.
 */
import { clamp01, effectiveWeights } from './progress';

export interface RollupInput {
  id: string;
  /** id of the node this one aligns to; null = a root. */
  parent: string | null;
  /** progress from the node's own KRs (0–1), null when it has no KRs. */
  ownProgress: number | null;
  /** weight of this node among its siblings; blank = equal (rule of `effectiveWeights`). */
  weight?: number | null;
  /**
   * Where the node's progress comes from:
   * - 'krs': own KRs only (children are still computed, shown as fromChildren);
   * - 'children': aligned children only (no children → own KRs as a fallback);
   * - 'both' (default): childShare·children + (1 − childShare)·own when both exist,
   *   otherwise whichever exists.
   */
  mode?: 'krs' | 'children' | 'both';
  /** share of the children in 'both' mode, default 0.5. */
  childShare?: number;
}

export interface RollupResult {
  /** the node's progress, 0–1 (0 when it has neither KRs nor children). */
  progress: number;
  fromKrs: number | null;
  /** weighted mean of the children's `progress`; null without children. */
  fromChildren: number | null;
}

export interface RollupProblem {
  /** cycle: the ids form an alignment loop (their links inside the loop are ignored);
   *  missingParent: ids[0] is the missing parent, the rest are the nodes naming it;
   *  duplicate: an id given twice (later copies ignored). */
  kind: 'cycle' | 'missingParent' | 'duplicate';
  ids: string[];
}

export interface Rollup {
  results: Map<string, RollupResult>;
  problems: RollupProblem[];
}

export function rollup(nodes: readonly RollupInput[]): Rollup {
  const problems: RollupProblem[] = [];
  const index = new Map<string, number>();
  const list: RollupInput[] = [];
  const dups = new Set<string>();
  for (const n of nodes) {
    if (index.has(n.id)) {
      dups.add(n.id);
      continue;
    }
    index.set(n.id, list.length);
    list.push(n);
  }
  for (const id of dups) problems.push({ kind: 'duplicate', ids: [id] });

  const N = list.length;
  // parent index per node (-1 = root)
  const parent = new Int32Array(N).fill(-1);
  const missing = new Map<string, string[]>();
  for (let i = 0; i < N; i++) {
    const p = list[i]!.parent;
    if (p === null || p === undefined || p === '') continue;
    const j = index.get(p);
    if (j === undefined) {
      const arr = missing.get(p);
      if (arr) arr.push(list[i]!.id);
      else missing.set(p, [list[i]!.id]);
    } else parent[i] = j;
  }
  for (const [p, ids] of missing) problems.push({ kind: 'missingParent', ids: [p, ...ids] });

  // Cycle detection on the functional graph i → parent[i]: 0 = new, 1 = on current path, 2 = done.
  const state = new Uint8Array(N);
  const path: number[] = [];
  for (let i = 0; i < N; i++) {
    if (state[i]) continue;
    path.length = 0;
    let v = i;
    while (v !== -1 && state[v] === 0) {
      state[v] = 1;
      path.push(v);
      v = parent[v]!;
    }
    if (v !== -1 && state[v] === 1) {
      // v is on the current path: the loop is path[from..]
      const from = path.indexOf(v);
      const loop = path.slice(from);
      problems.push({ kind: 'cycle', ids: loop.map((k) => list[k]!.id) });
      for (const k of loop) parent[k] = -1; // break every link inside the loop
    }
    for (const k of path) state[k] = 2;
  }

  // Children lists (CSR) and bottom-up order (Kahn: leaves first).
  const childCount = new Int32Array(N);
  for (let i = 0; i < N; i++) if (parent[i]! >= 0) childCount[parent[i]!]!++;
  const offset = new Int32Array(N + 1);
  for (let i = 0; i < N; i++) offset[i + 1] = offset[i]! + childCount[i]!;
  const fill = offset.slice(0, N);
  const children = new Int32Array(offset[N]!);
  for (let i = 0; i < N; i++) {
    const p = parent[i]!;
    if (p >= 0) children[fill[p]!++] = i;
  }
  const pending = childCount.slice();
  const queue = new Int32Array(N);
  let head = 0, tail = 0;
  for (let i = 0; i < N; i++) if (pending[i] === 0) queue[tail++] = i;

  const progress = new Float64Array(N);
  const results = new Map<string, RollupResult>();
  const childWeights: (number | null)[] = [];
  while (head < tail) {
    const i = queue[head++]!;
    const node = list[i]!;
    const own = node.ownProgress !== null && node.ownProgress !== undefined && Number.isFinite(node.ownProgress)
      ? clamp01(node.ownProgress)
      : null;
    let fromChildren: number | null = null;
    const a = offset[i]!, b = offset[i + 1]!;
    if (b > a) {
      childWeights.length = 0;
      for (let k = a; k < b; k++) childWeights.push(list[children[k]!]!.weight ?? null);
      const w = effectiveWeights(childWeights);
      let sum = 0;
      for (let k = a; k < b; k++) sum += progress[children[k]!]! * w[k - a]!;
      fromChildren = clamp01(sum);
    }
    const mode = node.mode ?? 'both';
    let p: number;
    if (mode === 'krs') p = own ?? 0;
    else if (mode === 'children') p = fromChildren ?? own ?? 0;
    else if (own !== null && fromChildren !== null) {
      const share = clamp01(node.childShare ?? 0.5);
      p = share * fromChildren + (1 - share) * own;
    } else p = fromChildren ?? own ?? 0;
    progress[i] = p;
    results.set(node.id, { progress: p, fromKrs: own, fromChildren });
    const par = parent[i]!;
    if (par >= 0 && --pending[par]! === 0) queue[tail++] = par;
  }
  return { results, problems };
}
