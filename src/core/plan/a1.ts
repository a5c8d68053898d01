/**
 * A1 helpers: column letters, cells and ranges (1-based rows and columns, as in Sheets).
 */

/** 1 → A, 26 → Z, 27 → AA. */
export function colLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`column must be a positive integer: ${col}`);
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 1, Z → 26, AA → 27 (case-insensitive). */
export function colNumber(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) throw new RangeError(`not column letters: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** (row 3, col 2) → B3; abs adds `$` to both parts. */
export function cell(row: number, col: number, abs = false): string {
  const d = abs ? '$' : '';
  return `${d}${colLetter(col)}${d}${row}`;
}

/** B3:D9 (a single cell when both corners coincide). */
export function range(row1: number, col1: number, row2: number, col2: number, abs = false): string {
  const a = cell(row1, col1, abs);
  const b = cell(row2, col2, abs);
  return a === b ? a : `${a}:${b}`;
}

/** A column segment, e.g. colRange(3, 7, 40) → C7:C40. */
export function colRange(col: number, row1: number, row2: number, abs = false): string {
  return range(row1, col, row2, col, abs);
}

/** Parses `B3` / `$B$3` → { row: 3, col: 2 }. */
export function parseCell(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new RangeError(`not an A1 cell: ${a1}`);
  return { row: Number(m[2]), col: colNumber(m[1]!) };
}

/** Parses `B3:D9` or `B3` into corners (top-left first). */
export function parseRange(a1: string): { row1: number; col1: number; row2: number; col2: number } {
  const [p, q] = a1.split(':');
  const a = parseCell(p!);
  const b = q === undefined ? a : parseCell(q);
  return {
    row1: Math.min(a.row, b.row),
    col1: Math.min(a.col, b.col),
    row2: Math.max(a.row, b.row),
    col2: Math.max(a.col, b.col),
  };
}

/** A sheet's name as A1 notation quotes it: always quoted, quotes doubled ('It''s'). Alone it
 *  names the whole sheet (a Sheets API `ranges` entry). */
export function quotedSheet(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

/** A sheet reference usable in a formula: always quoted, quotes doubled ('It''s'!A1). */
export function sheetRef(sheetName: string, a1: string): string {
  return `${quotedSheet(sheetName)}!${a1}`;
}
