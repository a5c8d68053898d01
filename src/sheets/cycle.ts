/**
 * Applying "Start next cycle" (core/cycle/nextCycle): the new OKR sheets through the one plan
 * writer, then each archive frozen in place — its Status cells written back as the values they
 * show (one setValues per sheet), a note on the Status header, and a warning-only protection of
 * the whole sheet; then the Settings' cycle cells (one setValues). Constant calls per carried
 * sheet, whatever its rows.
 */
import type { NextCycleResult } from '../core/cycle/nextCycle';
import type { SheetsContext } from './context';
import { applyWorkbookPlanDetailed } from './applyPlan';
import { withDocumentLock } from './lock';
import { toCellValue } from './checkins';
import { ARCHIVE_NOTE_KEY, type SettingsCycleUpdate } from '../core/cycle/nextCycle';
import { cell as cellA1 } from '../core/plan/a1';

export interface AppliedNextCycle {
  /** Carried sheet → the new sheet's actual name (a clash gets a unique name). */
  created: Map<string, string>;
}

export function applyNextCycle(ctx: SheetsContext, res: NextCycleResult): AppliedNextCycle {
  return withDocumentLock(ctx, () => {
    const applied = applyWorkbookPlanDetailed(ctx, { sheets: res.sheets }, { uniqueNames: true });
    const created = new Map<string, string>();
    res.carried.forEach((c, i) => created.set(c.from, applied[i]?.name ?? c.to));
    for (const a of res.archives) {
      const sheet = ctx.ss.getSheetByName(a.sheet);
      if (!sheet) continue;
      if (a.status && a.status.values.length > 0) {
        sheet.getRange(a.status.row + 1, a.status.col + 1, a.status.values.length, 1).setValues(a.status.values);
      }
      if (a.note) {
        sheet.getRange(a.note.row + 1, a.note.col + 1).setNote(a.note.text);
        // the note again as metadata: the xlsx export writes it back as a cell note
        sheet.addDeveloperMetadata(ARCHIVE_NOTE_KEY, JSON.stringify({ cell: cellA1(a.note.row + 1, a.note.col + 1), text: a.note.text }));
      }
      // Warning only: the owner can still correct a typo, but nobody edits history by accident.
      sheet.protect().setDescription(a.protection).setWarningOnly(true);
    }
    applySettingsCycle(ctx, res.settings ?? null);
    return { created };
  });
}

/** Settings' Cycle / start / end value cells: one setValues when they are adjacent rows (the
 *  Settings plan's layout), else one setValue each. Nothing else on the sheet is written. */
function applySettingsCycle(ctx: SheetsContext, u: SettingsCycleUpdate | null): void {
  const sheet = u ? ctx.ss.getSheetByName(u.sheet) : null;
  if (!u || !sheet) return;
  const cells = u.cells;
  const adjacent = cells.every((c, i) => c.col === cells[0]!.col && (i === 0 || c.row === cells[i - 1]!.row + 1));
  if (adjacent) sheet.getRange(cells[0]!.row + 1, cells[0]!.col + 1, cells.length, 1).setValues(cells.map((c) => [toCellValue(c.value)]));
  else for (const c of cells) sheet.getRange(c.row + 1, c.col + 1).setValue(toCellValue(c.value));
}
