/**
 * A1 range helpers for the xlsx bridge. Rows and columns are 1-based; `r2`/`c2` null means the
 * range is open-ended (`D8:D` in Sheets), which xlsx cannot express — the exporter closes it at
 * a sheet-wide "open row" recorded in the metadata sheet, and the importer reopens it.
 */
export interface Rect {
  r1: number;
  c1: number;
  r2: number | null;
  c2: number | null;
}

export function colToNum(col: string): number {
  let n = 0;
  for (const ch of col.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function numToCol(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(row: number, col: number): string {
  return numToCol(col) + row;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Parses `A1`, `A1:B2`, `A:A`, `A5:A`, `3:5` (an optional `Sheet!` prefix is ignored). */
export function parseRange(range: string): Rect | null {
  const body = range.includes('!') ? range.slice(range.lastIndexOf('!') + 1) : range;
  const [a, b] = body.split(':');
  if (a === undefined) return null;
  const pa = PART.exec(a.trim());
  if (!pa) return null;
  const pb = b === undefined ? pa : PART.exec(b.trim());
  if (!pb) return null;
  const c1 = pa[1] ? colToNum(pa[1]) : 1;
  const r1 = pa[2] ? Number(pa[2]) : 1;
  if (!pa[1] && !pa[2]) return null;
  const c2 = pb[1] ? colToNum(pb[1]) : pa[1] && b === undefined ? c1 : null;
  const r2 = pb[2] ? Number(pb[2]) : pa[2] && b === undefined ? r1 : null;
  if (r1 < 1 || c1 < 1) return null;
  return {
    r1: Math.min(r1, r2 ?? r1),
    c1: Math.min(c1, c2 ?? c1),
    r2: r2 === null ? null : Math.max(r1, r2),
    c2: c2 === null ? null : Math.max(c1, c2),
  };
}

export function formatRect(r: Rect): string {
  if (r.c2 === null) return `${r.r1}:${r.r2 ?? r.r1}`;
  const a = cellAddress(r.r1, r.c1);
  if (r.r2 === null) return `${a}:${numToCol(r.c2)}`;
  if (r.r1 === r.r2 && r.c1 === r.c2) return a;
  return `${a}:${cellAddress(r.r2, r.c2)}`;
}

/** Closes an open-ended range at `openRow` / `openCol`. */
export function closeRect(r: Rect, openRow: number, openCol: number): Required<{ [K in keyof Rect]: number }> {
  return { r1: r.r1, c1: r.c1, r2: r.r2 ?? openRow, c2: r.c2 ?? openCol };
}

/** Absolute reference for defined names and list sources: `'My sheet'!$A$1:$B$2`. */
export function absoluteRef(sheet: string, r: Rect, openRow: number): string {
  const c2 = r.c2 ?? r.c1;
  const r2 = r.r2 ?? openRow;
  const q = `'${sheet.replace(/'/g, "''")}'`;
  const a = `$${numToCol(r.c1)}$${r.r1}`;
  if (r2 === r.r1 && c2 === r.c1) return `${q}!${a}`;
  return `${q}!${a}:$${numToCol(c2)}$${r2}`;
}

/**
 * Covers a set of cells with rectangles: vertical runs per column, then runs with the same
 * rows in adjacent columns are merged. Exact for the rectangular ranges plans use.
 */
export function rectsFromCells(cells: Iterable<[number, number]>): Rect[] {
  const byCol = new Map<number, number[]>();
  for (const [r, c] of cells) {
    let list = byCol.get(c);
    if (!list) byCol.set(c, (list = []));
    list.push(r);
  }
  const runs: Rect[] = [];
  for (const c of [...byCol.keys()].sort((x, y) => x - y)) {
    const rows = [...new Set(byCol.get(c)!)].sort((x, y) => x - y);
    let start = rows[0]!;
    let prev = start;
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r !== undefined && r === prev + 1) {
        prev = r;
        continue;
      }
      runs.push({ r1: start, r2: prev, c1: c, c2: c });
      if (r !== undefined) start = prev = r;
    }
  }
  // merge horizontally: a run extends an earlier one with the same rows ending in the column before
  const out: Rect[] = [];
  const open = new Map<string, Rect>();
  for (const run of runs) {
    const key = `${run.r1}:${run.r2}`;
    const prev = open.get(key);
    if (prev && prev.c2 === run.c1 - 1) {
      prev.c2 = run.c2;
    } else {
      const rect = { ...run };
      out.push(rect);
      open.set(key, rect);
    }
  }
  return out.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}
