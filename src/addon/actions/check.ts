/**
 * Sidebar actions that read the spreadsheet: the context (sheets, active sheet), Check, selecting
 * a cell, and listing the KRs of an OKR sheet. Each is the outline of style.md: one snapshot
 * (src/sheets/snapshot.ts: one read per sheet), one core task, a summary for the sidebar.
 */
import type { Localized } from '../../core/i18n';
import { isKrType } from '../../core/labels';
import { readSnapshot } from '../../core/snapshot';
import { checkSheetModel } from '../../core/tasks/check';
import type { SheetLike } from '../../sheets/api';
import type { SheetsContext } from '../../sheets/context';
import { ERROR_MESSAGES, OkrError } from '../../sheets/errors';
import { readOkrSheetModel, takeSnapshot } from '../../sheets/snapshot';
import type { CheckResult, ContextInfo, KrList } from '../rpc/contract';

export const CHECK_MESSAGES = {
  cellNotFound: { 'zh-CN': '找不到单元格 {a1}。', en: 'Cell {a1} was not found.' },
} satisfies Record<string, Localized>;

function findSheet(ctx: SheetsContext, name: string): SheetLike {
  const sh = ctx.ss.getSheetByName(name);
  if (!sh) throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name });
  return sh;
}

/** The spreadsheet as the sidebar needs it: every sheet, and which are OKR sheets (role
 *  metadata, else an OKR header row — `recogniseSheet`, as everywhere). */
export function getContextInfo(ctx: SheetsContext): ContextInfo {
  const snapshot = takeSnapshot(ctx);
  const { roles } = readSnapshot(snapshot, ctx.lang);
  return {
    lang: ctx.lang,
    spreadsheetName: snapshot.name,
    activeSheet: snapshot.activeSheet ?? '',
    sheets: snapshot.sheets.map((s) => ({ name: s.name, isOkr: roles.get(s.name) === 'okr' })),
  };
}

/** Check of one sheet: the whole workbook is read (alignment links are checked across units). */
export function checkSheet(ctx: SheetsContext, p: { sheet?: string }): CheckResult {
  const { model, okr } = readOkrSheetModel(ctx, p.sheet, { allSheets: true });
  return checkSheetModel(model, okr, { lang: ctx.lang });
}

export function selectCell(ctx: SheetsContext, p: { sheet: string; a1: string }): { sheet: string; a1: string } {
  const sheet = findSheet(ctx, p.sheet);
  let a1: string;
  try {
    ctx.ss.setActiveSheet(sheet);
    a1 = sheet.setActiveSelection(p.a1).getA1Notation();
  } catch {
    throw new OkrError('notFound', CHECK_MESSAGES.cellNotFound, { a1: p.a1 });
  }
  return { sheet: sheet.getName(), a1 };
}

export function listKrs(ctx: SheetsContext, p: { sheet?: string }): KrList {
  const { okr } = readOkrSheetModel(ctx, p.sheet);
  return {
    sheet: okr.sheet,
    krs: okr.read.table.rows
      .filter((r) => isKrType(r.type) && r.id !== '')
      .map((r) => ({ id: r.id, title: r.title, start: r.start, current: r.current, target: r.target, unit: r.unit, confidence: r.confidence })),
  };
}
