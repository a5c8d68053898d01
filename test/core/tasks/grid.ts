/** Hand-made snapshots for the core task tests: OKR grids as a user might lay them out. */
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';

export interface GridKr {
  id: string;
  type?: string;
  title?: string;
  owner?: string;
  alignsTo?: string;
  start?: unknown;
  target?: unknown;
  current?: unknown;
  due?: string;
  selfScore?: unknown;
}

export const HEADER = ['ID', 'Type', 'Objective / Key result', 'Owner', 'Aligns to', 'Start', 'Target', 'Current', 'Due', 'Self-score'];

/** Header block (unit, cycle) on rows 1–2, the table header on row 4, data from row 5. */
export function okrGrid(unit: string, rows: GridKr[], opts: { asOf?: string } = {}): unknown[][] {
  const grid: unknown[][] = [
    ['Unit', unit, '', 'Cycle', '2026-Q4', ...(opts.asOf ? ['As of', opts.asOf] : [])],
    ['Cycle start', '2026-10-01', '', 'Cycle end', '2026-12-31'],
    [],
    HEADER,
  ];
  for (const r of rows) {
    const isObjective = r.type === undefined ? !r.id.includes('.') : r.type === 'Objective';
    grid.push([
      r.id, r.type ?? (isObjective ? 'Objective' : 'Increase'), r.title ?? `Title of ${r.id}`, r.owner ?? 'Ann', r.alignsTo ?? '',
      r.start ?? '', r.target ?? '', r.current ?? '', r.due ?? '', r.selfScore ?? '',
    ]);
  }
  return grid;
}

export function snapshotOf(sheets: Array<Partial<SheetSnapshot> & { name: string; values: unknown[][] }>, asOf = '2026-11-15'): WorkbookSnapshot {
  return { name: 'test', sheets: sheets.map((s) => ({ metaRole: null, ...s })), timeZone: 'UTC', asOf };
}

/** `n` KRs, four per objective, with varied numbers (deterministic). */
export function manyKrs(n: number): GridKr[] {
  const rows: GridKr[] = [];
  for (let k = 0; k < n; k++) {
    const o = Math.floor(k / 4) + 1;
    if (k % 4 === 0) rows.push({ id: `O${o}` });
    rows.push({ id: `O${o}.KR${(k % 4) + 1}`, start: 0, target: 100, current: (k * 37) % 130, due: '2026-12-15' });
  }
  return rows;
}
