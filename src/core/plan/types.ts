/**
 * A workbook described as data ("plans", design §1). Core builds plans; `src/sheets` applies
 * them through SpreadsheetApp in batched calls; `src/local` exports them to xlsx and reads xlsx
 * back into them. Ranges are A1 strings relative to their own sheet (no sheet prefix).
 */
import type { SheetRole } from '../labels';

/** A date cell, kept as an ISO date so the plan stays time-zone free. */
export interface PlanDate {
  date: string; // YYYY-MM-DD
}
/** A string starting with `=` is a formula; user text is escaped before it gets here. */
export type PlanCell = string | number | boolean | null | PlanDate;

export type ValidationRule =
  | { kind: 'list'; values: string[] }
  | { kind: 'checkbox' }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'date'; min?: string; max?: string };

export interface ValidationPlan {
  range: string;
  rule: ValidationRule;
  helpText: string;
  /** false = warn only (Sheets shows a marker, keeps the value). */
  strict: boolean;
}

export type ConditionPlan =
  | { kind: 'textEq'; value: string }
  | { kind: 'numberBetween'; min: number; max: number }
  | { kind: 'numberLess'; value: number }
  | { kind: 'numberGreaterEq'; value: number }
  | { kind: 'formula'; formula: string };

export interface ConditionalFormatPlan {
  range: string;
  when: ConditionPlan;
  background?: string; // #rrggbb
  fontColor?: string;
  bold?: boolean;
}

export interface FormatPlan {
  range: string;
  numberFormat?: string; // e.g. '0%', 'yyyy-mm-dd', '0.0'
  bold?: boolean;
  background?: string;
  fontColor?: string;
  wrap?: boolean;
  horizontalAlignment?: 'left' | 'center' | 'right';
}

export interface ProtectionPlan {
  range: string;
  description: string;
  /** Always true in our plans: formula columns warn, they never lock users out. */
  warningOnly: true;
}

export interface NamedRangePlan {
  /** The name without the sheet prefix; the applier makes it unique per spreadsheet. */
  name: string;
  range: string;
}

/**
 * Cells whose formula only Google Sheets evaluates (=SPARKLINE bars). An engine without it
 * (the xlsx exporter, LibreOffice, HyperFormula) writes `fallback[i]` into the i-th cell of
 * `range` (top to bottom) and shows it as a data bar from `min` to `max` in `color`.
 */
export interface DataBarPlan {
  range: string;
  fallback: string[];
  min: number;
  max: number;
  color: string; // #rrggbb
  /** The stand-in shows text (the Trend column's "12 → 18"): no data bar, the value not hidden. */
  text?: boolean;
}

export interface SheetPlan {
  name: string;
  role: SheetRole;
  /** Cell block anchored at A1. Rows may be ragged; missing cells are blank. */
  values: PlanCell[][];
  frozenRows: number;
  columnWidths: number[]; // pixels, by column from A
  formats: FormatPlan[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  protections: ProtectionPlan[];
  namedRanges: NamedRangePlan[];
  /** Developer metadata on the sheet; `okrSheets.role` marks sheets the add-on owns. */
  metadata: Record<string, string>;
  /** Sheets-only bar cells and their portable stand-ins (optional; absent = none). */
  dataBars?: DataBarPlan[];
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
}

export const OWNER_KEY = 'okrSheets.role';
