/**
 * Small writes an action makes outside a sheet plan: blocks of cells (a conversion, an appended
 * import) and showing a sheet. Kept here so the actions in src/addon hold no spreadsheet calls.
 */
import { sheetsWouldCoerce } from '../core/escape';
import type { PlanCell } from '../core/plan/types';
import { cellValue } from './applyPlan';
import type { SheetsContext } from './context';
import { ERROR_MESSAGES, OkrError } from './errors';

/** A rectangle of values whose top-left cell is (row, col), 0-based. */
export interface CellBlock {
  row: number;
  col: number;
  values: PlanCell[][];
}

/**
 * Writes each block with one setValues, nothing else: rows are added first where a block
 * reaches past the sheet's last row. Text Sheets would read as a number or a date (`01234`,
 * `3/4`) gets an apostrophe, so it stays as typed.
 */
export function writeCellBlocks(ctx: SheetsContext, sheetName: string, blocks: readonly CellBlock[]): void {
  if (blocks.length === 0) return;
  const sheet = ctx.ss.getSheetByName(sheetName);
  if (!sheet) throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name: sheetName });
  const bottom = Math.max(...blocks.map((b) => b.row + b.values.length));
  const maxRows = sheet.getMaxRows();
  if (bottom > maxRows) sheet.insertRowsAfter(maxRows, bottom - maxRows);
  for (const b of blocks) {
    const values = b.values.map((line) =>
      line.map((c) => (typeof c === 'string' && sheetsWouldCoerce(c) && !c.startsWith("'") ? `'${c}` : cellValue(c))),
    );
    sheet.getRange(b.row + 1, b.col + 1, values.length, values[0]!.length).setValues(values);
  }
}

/** Shows the sheet of that name, when there is one (after a write the user should see). */
export function activateSheet(ctx: SheetsContext, name: string | null | undefined): void {
  const sheet = name ? ctx.ss.getSheetByName(name) : null;
  if (sheet) ctx.ss.setActiveSheet(sheet);
}
