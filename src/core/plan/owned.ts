/**
 * The cells a generated sheet (Review, Dashboard, Alignment map) belongs to the add-on: the block
 * its plan writes, from A1. Recorded in the sheet's metadata when it is written, so the next
 * generation clears exactly that block and nothing else — a user's chart, note or extra cells
 * beside or below it stay (issue 11 §2).
 */
import { range } from './a1';
import type { SheetPlan } from './types';
import { parseRange } from './a1';

/** Metadata key holding the A1 block the add-on wrote on a generated sheet. */
export const OWNED_RANGE_KEY = 'okrSheets.owned';
/** Metadata key holding the id of the chart the add-on placed (the Dashboard's). */
export const OWNED_CHART_KEY = 'okrSheets.chart';

/** Rows and columns of the plan's block: every value and every range it formats. */
export function planBlock(sp: SheetPlan): { rows: number; cols: number } {
  let rows = sp.values.length;
  let cols = Math.max(0, ...sp.values.map((r) => r.length));
  const ranges = [
    ...sp.formats.map((f) => f.range), ...sp.validations.map((v) => v.range),
    ...sp.conditionalFormats.map((c) => c.range), ...sp.protections.map((p) => p.range),
    ...sp.namedRanges.map((n) => n.range), ...(sp.dataBars ?? []).map((d) => d.range),
  ];
  for (const a1 of ranges) {
    const b = parseRange(a1);
    rows = Math.max(rows, b.row2);
    cols = Math.max(cols, b.col2);
  }
  return { rows: Math.max(rows, 1), cols: Math.max(cols, 1) };
}

/** The plan with its owned block recorded in its metadata. */
export function withOwnedRange(sp: SheetPlan): SheetPlan {
  const { rows, cols } = planBlock(sp);
  return { ...sp, metadata: { ...sp.metadata, [OWNED_RANGE_KEY]: range(1, 1, rows, cols) } };
}
