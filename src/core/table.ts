/**
 * Reads an OKR table from a 2-D array of cell values (what Range.getValues() returns, or an
 * xlsx sheet): finds the header row by its labels in either language, reads the header block
 * above it, and converts each data row into an OkrRow. Never depends on column order.
 */
import type { Lang, Localized } from './i18n';
import type { CellRef, ColumnKey, OkrRow, OkrTable } from './model';

export interface TableProblem {
  at: CellRef;
  message: Localized;
}

export interface TableReadOk {
  table: OkrTable;
  /** 0-based index in `values` of the header row. */
  headerRow: number;
  /** 0-based column index in `values` of each recognised column. */
  columns: Partial<Record<ColumnKey, number>>;
  /** values-row (0-based) of each table row: rowIndexes[row.index]. */
  rowIndexes: number[];
  problems: TableProblem[];
}
export type TableRead = TableReadOk | { error: Localized };

export function readTableValues(values: unknown[][], opts?: { lang?: Lang }): TableRead {
  void values; void opts;
  return { error: { 'zh-CN': '未实现', en: 'Not implemented' } };
}

/** A1 address (e.g. `H12`) of a cell reference, relative to the grid passed to readTableValues. */
export function a1For(read: TableRead, ref: CellRef): string | null {
  void read; void ref;
  return null;
}

export interface ObjectiveGroup {
  objective: OkrRow;
  krs: OkrRow[];
}

/** Groups rows into objectives: a KR belongs to the objective its ID starts with (`O1.KR2` → `O1`),
 *  else to the nearest objective above it. `orphans` are KRs with neither. */
export function groupObjectives(table: OkrTable): { groups: ObjectiveGroup[]; orphans: OkrRow[] } {
  void table;
  return { groups: [], orphans: [] };
}

export function krsOf(table: OkrTable, objectiveId: string): OkrRow[] {
  void table; void objectiveId;
  return [];
}
