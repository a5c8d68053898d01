/**
 * "Convert to numbers" (issue 10, one number): the cells the `number-as-text` rule reports, as
 * the writes that fix them. One place decides both — `textNumberCells` feeds the lint finding and
 * the conversion — so the sidebar's button writes exactly the number the finding showed.
 *
 * Pure: a table read (values grid as read, row 0 = sheet row 1) in, cell writes out. The Sheets
 * shell writes each block with one setValues (src/addon/actions/convertNumbers.ts).
 */
import type { ColumnKey, OkrRow, OkrTable } from '../model';
import { parseNumberText, unitScale, valueInUnit } from '../numbers';
import { columnLetter, type TableReadOk } from '../table';

/** The number columns whose text the sheet's formulas read as no number. */
export const NUMBER_COLUMNS: readonly ColumnKey[] = ['start', 'target', 'current', 'weight', 'confidence', 'selfScore'];

const VALUE_COLUMNS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(['start', 'target', 'current']);

const isBlankRaw = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A number typed as text in a number column, with the number it would be. */
export interface TextNumberCell {
  row: OkrRow;
  column: ColumnKey;
  text: string;
  value: number;
  /** the unit the text carried (`500万元` → 元, `¥2,000` → ¥); null for none, for percentages
   *  and when the value is already in the row's unit (`inUnit`) */
  unit: string | null;
  percent: boolean;
  /** the row's Unit (`万元`) when `value` is the text's amount counted in it: `180万` → 180 */
  inUnit?: string;
}

/** Every text-that-reads-as-a-number cell of the table, row by row, in column order. */
export function textNumberCells(table: OkrTable): TextNumberCell[] {
  const out: TextNumberCell[] = [];
  for (const r of table.rows) {
    // Start / Target / Current count in the row's Unit: `180万` in a 万元 row is 180 (issue 16 §4)
    const scale = unitScale(r.unit);
    for (const c of NUMBER_COLUMNS) {
      const v = r.raw[c];
      // a cell the reader took as a number is a number in the sheet too
      if (typeof v !== 'string' || isBlankRaw(v) || r[c as 'start'] !== null) continue;
      const n = parseNumberText(v);
      if (!n.ok) continue;
      const value = VALUE_COLUMNS.has(c) ? valueInUnit(n, scale) : n.value;
      const cellOut: TextNumberCell = { row: r, column: c, text: v, value, unit: n.percent ? null : n.unit, percent: n.percent };
      if (value !== n.value) {
        cellOut.inUnit = r.unit;
        cellOut.unit = null;
      }
      out.push(cellOut);
    }
  }
  return out;
}

/** One cell written: 0-based row/column in the values grid. */
export interface CellWrite {
  row: number;
  col: number;
  value: number | string;
}

/** A rectangle of writes: one setValues. */
export interface WriteBlock {
  row: number;
  col: number;
  values: (number | string)[][];
}

export interface NumberConversion {
  a1: string;
  id: string;
  column: ColumnKey;
  from: string;
  to: number;
}

export interface NumberConversionPlan {
  conversions: NumberConversion[];
  /** Unit cells filled from the text's unit (only blank ones). */
  units: { a1: string; id: string; unit: string }[];
  blocks: WriteBlock[];
  /** Requested cells that hold no text number (already numbers, or not a number cell). */
  skipped: string[];
}

const a1Of = (row: number, col: number) => `${columnLetter(col)}${row + 1}`;
const normA1 = (a1: string) => a1.replace(/\$/g, '').toUpperCase();

/**
 * The writes that turn the text numbers of `read` into numbers: all of them, or only the cells
 * in `cells` (A1). A row's blank Unit cell gets the unit its texts carried when they agree
 * (`500万元` → 5000000 and 元); a unit cell with anything in it is never touched.
 */
export function planNumberConversions(read: TableReadOk, cells?: readonly string[]): NumberConversionPlan {
  const wanted = cells ? new Set(cells.map(normA1)) : null;
  const found = new Set<string>();
  const writes: CellWrite[] = [];
  const conversions: NumberConversion[] = [];
  const units: NumberConversionPlan['units'] = [];
  const byRow = new Map<number, TextNumberCell[]>();
  for (const t of textNumberCells(read.table)) {
    const row = read.rowIndexes[t.row.index], col = read.columns[t.column];
    if (row === undefined || col === undefined) continue;
    const a1 = a1Of(row, col);
    if (wanted && !wanted.has(a1)) continue;
    found.add(a1);
    writes.push({ row, col, value: t.value });
    conversions.push({ a1, id: t.row.id, column: t.column, from: t.text, to: t.value });
    const list = byRow.get(t.row.index) ?? [];
    list.push(t);
    byRow.set(t.row.index, list);
  }
  const unitCol = read.columns.unit;
  if (unitCol !== undefined) {
    for (const [index, list] of byRow) {
      const row = list[0]!.row;
      if (!isBlankRaw(row.raw.unit)) continue;
      // the Unit column is the unit of Start / Target / Current only (not of `8分` in Confidence)
      const carried = new Set(list.filter((t) => VALUE_COLUMNS.has(t.column)).map((t) => t.unit).filter((u): u is string => u !== null));
      if (carried.size !== 1) continue; // none, or texts that disagree: leave the choice to the user
      const unit = [...carried][0]!;
      const r = read.rowIndexes[index]!;
      writes.push({ row: r, col: unitCol, value: unit });
      units.push({ a1: a1Of(r, unitCol), id: row.id, unit });
    }
  }
  const skipped = wanted ? [...wanted].filter((a) => !found.has(a)) : [];
  return { conversions, units, blocks: writeBlocks(writes), skipped };
}

/**
 * Writes grouped into rectangles with no gap: runs along a row first, then equal runs on
 * consecutive rows merged. A cell not written is never inside a block.
 */
export function writeBlocks(writes: readonly CellWrite[]): WriteBlock[] {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: WriteBlock[] = [];
  for (const w of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === w.row && last.col + last.values[0]!.length === w.col) last.values[0]!.push(w.value);
    else runs.push({ row: w.row, col: w.col, values: [[w.value]] });
  }
  const blocks: WriteBlock[] = [];
  // open blocks by "col:width", extended while the next run sits on the next row
  const open = new Map<string, WriteBlock>();
  for (const run of runs) {
    const key = `${run.col}:${run.values[0]!.length}`;
    const b = open.get(key);
    if (b && b.row + b.values.length === run.row) {
      b.values.push(run.values[0]!);
      continue;
    }
    const nb: WriteBlock = { row: run.row, col: run.col, values: [run.values[0]!] };
    open.set(key, nb);
    blocks.push(nb);
  }
  return blocks;
}
