/**
 * The in-memory workbook's state, shared by every wrapper object (spreadsheet, sheet, range …),
 * and the call counter that tests use to assert service-call budgets.
 */
import type { Engine } from './engine';
import type { Rect } from './a1';
import type { ChartData, LocalConditionalFormatRule, LocalDataValidation } from './builders';

/**
 * Counts every call made through the SpreadsheetLike/AppLike surface by method name.
 * `total` counts spreadsheet service calls (Spreadsheet, Sheet, Range, RangeList, Protection,
 * NamedRange, DeveloperMetadata, Lock, app.flush); builder calls (newDataValidation(),
 * requireValueInList(), build() …) build values in memory and are counted apart in `builders`.
 */
export class CallCounter {
  counts: Record<string, number> = {};
  builders: Record<string, number> = {};
  total = 0;
  builderTotal = 0;
  /** When > 0, calls are not counted (used by local-only helpers such as toPlan). */
  _muted = 0;

  _hit(name: string, builder: boolean): void {
    if (this._muted > 0) return;
    if (builder) {
      this.builders[name] = (this.builders[name] ?? 0) + 1;
      this.builderTotal++;
    } else {
      this.counts[name] = (this.counts[name] ?? 0) + 1;
      this.total++;
    }
  }
  get(name: string): number {
    return this.counts[name] ?? 0;
  }
  reset(): void {
    this.counts = {};
    this.builders = {};
    this.total = 0;
    this.builderTotal = 0;
  }
  snapshot(): { total: number; counts: Record<string, number> } {
    return { total: this.total, counts: { ...this.counts } };
  }
  /** Runs fn and returns how many service calls it made (and its result). */
  measure<T>(fn: () => T): { calls: number; counts: Record<string, number>; result: T } {
    const before = { ...this.counts };
    const t0 = this.total;
    const result = fn();
    const counts: Record<string, number> = {};
    for (const [k, v] of Object.entries(this.counts)) {
      const d = v - (before[k] ?? 0);
      if (d) counts[k] = d;
    }
    return { calls: this.total - t0, counts, result };
  }
}

export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  background?: string;
  fontColor?: string;
  wrap?: boolean;
  align?: string;
}

export interface ProtectionData {
  id: number;
  sheetId: number;
  rect: Rect;
  description: string;
  warningOnly: boolean;
}

export interface NamedRangeData {
  name: string;
  sheetId: number;
  rect: Rect;
}

export interface MetadataData {
  id: number;
  key: string;
  value: string | null;
  /** null = on the spreadsheet. */
  sheetId: number | null;
}

export interface SheetData {
  id: number;
  name: string;
  hfId: number;
  deleted: boolean;
  maxRows: number;
  maxCols: number;
  fmt: Map<number, CellFormat>;
  /**
   * Formula texts as written. With `formulas: 'store'` they are the only copy; otherwise they
   * give back the exact text while the engine's own (normalised) text is unchanged (`norm`).
   */
  stored: Map<number, string>;
  norm: Map<number, string>;
  dv: Map<number, LocalDataValidation>;
  notes: Map<number, string>;
  cf: LocalConditionalFormatRule[];
  frozenRows: number;
  frozenCols: number;
  widths: Map<number, number>;
  charts: ChartData[];
  hidden: boolean;
  tabColor: string | null;
  active: Rect;
}

export const COL_KEY = 20_000;
export const cellKey = (row: number, col: number): number => row * COL_KEY + col;
export const keyRow = (k: number): number => Math.floor(k / COL_KEY);
export const keyCol = (k: number): number => k % COL_KEY;

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_WIDTH = 100;

export interface WorkbookCore {
  hf: Engine;
  /** false: formulas are stored as text and read back as blank values (bulk/bench mode). */
  evaluate: boolean;
  calls: CallCounter;
  sheets: SheetData[];
  named: Map<string, NamedRangeData>;
  /**
   * Names (lower case) of named ranges whose sheet was deleted: on Sheets they stay behind as
   * `#REF!`, invisible to getNamedRanges / getRangeByName and impossible to remove, yet the name
   * stays taken (assumptions.ts 'named-ranges-removed-with-sheet').
   */
  orphanNames: Set<string>;
  metadata: MetadataData[];
  protections: ProtectionData[];
  nextId: number;
  activeSheetId: number;
  lockHolder: object | null;
  toasts: string[];
  locale: string;
  timeZone: string;
  id: string;
  name: string;
}
