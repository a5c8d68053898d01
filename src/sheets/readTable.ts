/**
 * Reading OKR sheets: one values read per sheet (`getDataRange().getValues()`), parsed by
 * src/core/table.ts (header row found by its labels in either language, any column order).
 */
import type { Localized } from '../core/i18n';
import type { SheetRole } from '../core/labels';
import type { CellRef } from '../core/model';
import { OWNER_KEY } from '../core/plan/types';
import { a1For, isTableError, readTableValues, type TableReadOk } from '../core/table';
import type { SheetLike } from './api';
import type { SheetsContext } from './context';
import { fromSheetValues } from './dates';
import { ERROR_MESSAGES, OkrError } from './errors';

export interface OkrSheetRead extends TableReadOk {
  sheetName: string;
  /** The values as read (row 0 = sheet row 1). */
  values: unknown[][];
  /** `H12` for a finding's cell (null when the ref points at nothing readable). */
  a1(ref: CellRef): string | null;
}

export type OkrSheetReadResult = OkrSheetRead | { sheetName: string; error: Localized };

export const isReadError = (r: OkrSheetReadResult): r is { sheetName: string; error: Localized } => 'error' in r;

/** Reads an OKR table from a sheet with exactly one service read (plus the name). */
export function readOkrSheet(ctx: SheetsContext, sheet: SheetLike): OkrSheetReadResult {
  const sheetName = sheet.getName();
  const values = fromSheetValues(sheet.getDataRange().getValues());
  return readOkrValues(ctx, sheetName, values);
}

/** The same on values already read. */
export function readOkrValues(ctx: SheetsContext, sheetName: string, values: unknown[][]): OkrSheetReadResult {
  const read = readTableValues(values, { lang: ctx.lang });
  if (isTableError(read)) return { sheetName, error: read.error };
  return { ...read, sheetName, values, a1: (ref: CellRef) => a1For(read, ref) };
}

/** Like readOkrSheet, but a sheet without an OKR table is an OkrError('notOkrSheet'). */
export function requireOkrSheet(ctx: SheetsContext, sheet: SheetLike): OkrSheetRead {
  const r = readOkrSheet(ctx, sheet);
  if (isReadError(r)) throw new OkrError('notOkrSheet', ERROR_MESSAGES.notOkrSheet, { name: r.sheetName });
  return r;
}

export interface OkrSheetRef {
  sheet: SheetLike;
  name: string;
  /** 'metadata' = carries our role metadata; 'content' = recognised by its header row. */
  by: 'metadata' | 'content';
}

/**
 * OKR sheets of the spreadsheet, in tab order: those carrying `okrSheets.role = okr` (one
 * finder call), and with `scanContent` also every other sheet whose values contain an OKR
 * header row (one values read per such sheet — only on demand). Generated and support sheets
 * (our other roles) are never scanned.
 */
export function listOkrSheets(ctx: SheetsContext, opts: { scanContent?: boolean } = {}): OkrSheetRef[] {
  const { ss } = ctx;
  const found = ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).find();
  const roleBySheet = new Map<number, SheetRole>();
  for (const m of found) {
    const s = m.getLocation().getSheet();
    if (s) roleBySheet.set(s.getSheetId(), (m.getValue() ?? '') as SheetRole);
  }
  const out: OkrSheetRef[] = [];
  for (const sheet of ss.getSheets()) {
    const id = sheet.getSheetId();
    const role = roleBySheet.get(id);
    if (role === 'okr') out.push({ sheet, name: sheet.getName(), by: 'metadata' });
    else if (role === undefined && opts.scanContent) {
      const r = readOkrSheet(ctx, sheet);
      if (!isReadError(r)) out.push({ sheet, name: r.sheetName, by: 'content' });
    }
  }
  return out;
}
