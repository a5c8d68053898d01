/**
 * "Convert N cells to numbers" (RPC `convertNumberCells`, issue 10 "one number"): the sidebar's
 * one click for Check's `number-as-text` findings. The outline of style.md: one snapshot of the
 * sheet (src/sheets/snapshot.ts), core `planNumberConversions` (src/core/lint/convertNumbers.ts,
 * the same cells and numbers the finding shows), one setValues per contiguous block of those
 * cells — no other cell is written. The RPC server holds the document lock around it.
 * Range.setValues: https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
 */
import { planNumberConversions } from '../../core/lint/convertNumbers';
import type { SheetsContext } from '../../sheets/context';
import { writeCellBlocks } from '../../sheets/cells';
import { readOkrSheetModel } from '../../sheets/snapshot';
import type { ConvertNumbersResult } from '../rpc/contract';

export interface ConvertNumbersPayload {
  sheet: string;
  /** A1 cells to convert; default every text number of the sheet. */
  cells?: string[] | undefined;
}

export function convertNumberCellsAction(ctx: SheetsContext, p: ConvertNumbersPayload): ConvertNumbersResult {
  const { okr } = readOkrSheetModel(ctx, p.sheet);
  const plan = planNumberConversions(okr.read, p.cells);
  writeCellBlocks(ctx, okr.sheet, plan.blocks);
  return { sheet: okr.sheet, converted: plan.conversions, units: plan.units, writes: plan.blocks.length, skipped: plan.skipped };
}
