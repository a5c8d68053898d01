/**
 * A1 notation for the in-memory workbook: `B3`, `B3:D9`, `A:A`, `3:5`, `A5:T` (open-ended),
 * optionally prefixed with a sheet (`'My sheet'!A1:B2`). Rows and columns are 1-based.
 */
import { colLetter, colNumber } from '../../core/plan/a1';

export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface ParsedA1 {
  sheet: string | null;
  /** null bounds mean "to the edge of the sheet" (resolved against the sheet's size). */
  row1: number | null;
  col1: number | null;
  row2: number | null;
  col2: number | null;
}

export function splitSheet(a1: string): { sheet: string | null; ref: string } {
  const s = a1.trim();
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: s.slice(bang + 1) };
}

const PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

export function parseA1(a1: string): ParsedA1 {
  const { sheet, ref } = splitSheet(a1);
  const [p, q, extra] = ref.split(':');
  if (p === undefined || extra !== undefined || p === '') throw new Error(`Range not found: ${a1}`);
  const a = PART.exec(p);
  const b = q === undefined ? a : PART.exec(q);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) throw new Error(`Range not found: ${a1}`);
  const c1 = a[1] ? colNumber(a[1]) : null;
  const r1 = a[2] ? Number(a[2]) : null;
  const c2 = b[1] ? colNumber(b[1]) : null;
  const r2 = b[2] ? Number(b[2]) : null;
  if (q === undefined && (c1 === null || r1 === null)) throw new Error(`Range not found: ${a1}`);
  if (r1 === 0 || r2 === 0) throw new Error(`Range not found: ${a1}`);
  return { sheet, row1: r1, col1: c1, row2: r2, col2: c2 };
}

/** Resolves open bounds against a sheet of `maxRows` × `maxCols`; normalises corner order. */
export function resolveA1(p: ParsedA1, maxRows: number, maxCols: number): Rect {
  const r1 = p.row1 ?? 1;
  const c1 = p.col1 ?? 1;
  const r2 = p.row2 ?? (p.row1 !== null && p.col1 === null ? p.row1 : maxRows);
  const c2 = p.col2 ?? (p.col1 !== null && p.row1 === null ? p.col1 : maxCols);
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

export function rectA1(r: Rect): string {
  const a = `${colLetter(r.col)}${r.row}`;
  if (r.numRows === 1 && r.numCols === 1) return a;
  return `${a}:${colLetter(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}
