/**
 * Recording a check-in in a spreadsheet: the KR row's Current and Confidence cells get the new
 * values, and one row is appended to the Check-ins sheet (created when the workbook has none).
 * A constant number of service calls whatever the size of the sheets: one read per sheet, one
 * write per block.
 */
import {
  applyCheckIn, CHECKIN_LABELS, checkInLogRow, defaultCheckInColumns, readActions, readCheckIns, type CheckInInput, type CheckInKey,
} from '../core/checkins';
import type { Localized } from '../core/i18n';
import { SHEET_NAMES, label } from '../core/labels';
import type { OkrTable } from '../core/model';
import { colLetter } from '../core/plan/a1';
import { buildCheckInsPlan } from '../core/plan/supportSheets';
import { OWNER_KEY, type PlanCell, type SheetPlan } from '../core/plan/types';
import { readTableValues, isTableError, type TableReadOk } from '../core/table';
import type { SheetLike, SpreadsheetLike } from './api';
import type { SheetsContext } from './context';
import { ERROR_MESSAGES, OkrError } from './errors';
import { withDocumentLock } from './lock';
import { applyWorkbookPlan } from './applyPlan';
import { fromSheetValues, sheetDate } from './dates';

export const CHECKIN_SHEET_MESSAGES = {
  noCurrentColumn: {
    'zh-CN': '工作表“{name}”没有“当前值”列，无法记录进展。',
    en: 'Sheet "{name}" has no Current column, so the check-in cannot be recorded.',
  },
  checkInRejected: { 'zh-CN': '{message}', en: '{message}' },
  userSheetInTheWay: {
    'zh-CN': '已有名为“{name}”的工作表但不是进展更新表，请改名后重试。',
    en: 'A sheet named "{name}" exists but is not a Check-ins sheet; rename it and try again.',
  },
} satisfies Record<string, Localized>;

export interface CheckInResult {
  sheet: string;
  krId: string;
  /** A1 of the KR's Current cell. */
  currentA1: string;
  /** The Check-ins sheet and the row number of the appended entry. */
  logSheet: string;
  logRow: number;
  /** False when the entry was back-dated (a newer entry keeps Current) or carried no value. */
  currentWritten: boolean;
  /** Set when the log already had a newer entry for this KR: its date, and what to tell the user. */
  backdated: { latest: string; message: Localized } | null;
}

/** `details` of the OkrError thrown when a value needs the user's confirmation first. */
export interface NeedsConfirmationDetails {
  needsConfirmation: true;
}

export function isNeedsConfirmation(details: unknown): details is NeedsConfirmationDetails {
  return typeof details === 'object' && details !== null && (details as { needsConfirmation?: unknown }).needsConfirmation === true;
}

/** An OKR sheet as read: its values (from A1) and the parsed table. */
export interface OkrSheetRead extends TableReadOk {
  sheet: SheetLike;
  name: string;
}

/** One sheet's values from A1 (one getDataRange + one getValues). */
export function sheetValues(sheet: SheetLike): unknown[][] {
  return fromSheetValues(sheet.getDataRange().getValues());
}

export function requireSheet(ss: SpreadsheetLike, name: string): SheetLike {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name });
  return sheet;
}

/** Reads an OKR sheet by name; throws a localized error when it is missing or not an OKR sheet. */
export function readOkrSheetByName(ctx: SheetsContext, name: string): OkrSheetRead {
  const sheet = requireSheet(ctx.ss, name);
  const read = readTableValues(sheetValues(sheet), { lang: ctx.lang });
  if (isTableError(read)) throw new OkrError('notOkrSheet', ERROR_MESSAGES.notOkrSheet, { name });
  return { ...read, sheet, name };
}

/** The sheet carrying role metadata `role`, found through the metadata finder (constant calls). */
export function findOwnedSheet(ss: SpreadsheetLike, role: string): SheetLike | null {
  const found = ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).withValue(role).find();
  for (const m of found) {
    const s = m.getLocation().getSheet();
    if (s) return s;
  }
  return null;
}

/**
 * Finds the log sheet of `role`: ours by role metadata (one finder call, whatever it is called
 * now); else a sheet with the log's name in either language whose header is that log's (a log
 * kept by hand). A user's own sheet that merely has the name is never taken for ours.
 */
export function findLogSheet(ss: SpreadsheetLike, role: 'checkins' | 'actions', lang: 'zh-CN' | 'en' = 'zh-CN'): SheetLike | null {
  const owned = findOwnedSheet(ss, role);
  if (owned) return owned;
  const other = lang === 'zh-CN' ? 'en' : 'zh-CN';
  const isLog = (values: unknown[][]) => (role === 'checkins' ? readCheckIns(values) : readActions(values)).headerRow >= 0;
  for (const name of [SHEET_NAMES[role][lang], SHEET_NAMES[role][other]]) {
    const sheet = ss.getSheetByName(name);
    if (sheet && isLog(sheetValues(sheet))) return sheet;
  }
  return null;
}

/** A PlanCell → what setValues takes (dates as midnight in the spreadsheet's time zone). */
export function toCellValue(v: PlanCell): unknown {
  if (v && typeof v === 'object') {
    const [y, m, d] = v.date.split('-').map(Number);
    return sheetDate(y!, m!, d!);
  }
  return v ?? '';
}

function ensureCheckInsSheet(ctx: SheetsContext): { sheet: SheetLike; values: unknown[][] } {
  const existing = findLogSheet(ctx.ss, 'checkins', ctx.lang);
  if (existing) return { sheet: existing, values: sheetValues(existing) };
  const plan: SheetPlan = buildCheckInsPlan(ctx.lang);
  applyWorkbookPlan(ctx, { sheets: [plan] }, { replaceOwned: false });
  // ours by metadata: a user's sheet of the same name stays theirs (ours got another name)
  const created = findOwnedSheet(ctx.ss, 'checkins');
  if (!created) throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name: plan.name });
  return { sheet: created, values: [plan.values[0] as unknown[]] };
}

/**
 * Records a check-in: appends the log row and, unless a newer entry is already logged for the
 * KR (a back-dated check-in), writes Current / Confidence of the KR row. A value that looks like
 * a slip (core `implausibleValue`) is refused with an OkrError whose details say
 * `needsConfirmation` — nothing is written — until the call is repeated with `confirmed`.
 * Takes the document lock. User text is escaped against formula injection.
 */
export function recordCheckIn(ctx: SheetsContext, input: CheckInInput, opts: { confirmed?: boolean } = {}): CheckInResult {
  return withDocumentLock(ctx, () => {
    const okr = readOkrSheetByName(ctx, input.sheet);
    const curCol = okr.columns.current;
    if (curCol === undefined) throw new OkrError('invalidInput', CHECKIN_SHEET_MESSAGES.noCurrentColumn, { name: okr.name });
    // The log is read before anything is written: it decides whether this entry is the latest.
    const existing = findLogSheet(ctx.ss, 'checkins', ctx.lang);
    const existingValues = existing ? sheetValues(existing) : null;
    const logRead = existingValues ? readCheckIns(existingValues) : null;
    if (existing && logRead && logRead.headerRow < 0) {
      throw new OkrError('conflict', CHECKIN_SHEET_MESSAGES.userSheetInTheWay, { name: existing.getName() });
    }
    const res = applyCheckIn(okr.table, input, { log: logRead?.items ?? [], sheetName: okr.name, confirmed: opts.confirmed === true });
    if (!res.ok) {
      const details: NeedsConfirmationDetails | undefined = res.needsConfirmation ? { needsConfirmation: true } : undefined;
      throw new OkrError('invalidInput', CHECKIN_SHEET_MESSAGES.checkInRejected, { message: res.message[ctx.lang] }, details);
    }
    const u = res.update;
    const confCol = okr.columns.confidence;
    const r = okr.rowIndexes[u.row]! + 1;
    const writes: { col: number; value: unknown }[] = [];
    if (u.current !== null) writes.push({ col: curCol + 1, value: u.current });
    if (u.confidence !== null && confCol !== undefined) writes.push({ col: confCol + 1, value: u.confidence });
    if (writes.length === 2 && Math.abs(writes[0]!.col - writes[1]!.col) === 1) {
      writes.sort((a, b) => a.col - b.col);
      okr.sheet.getRange(r, writes[0]!.col, 1, 2).setValues([[writes[0]!.value, writes[1]!.value]]);
    } else {
      for (const w of writes) okr.sheet.getRange(r, w.col).setValue(w.value);
    }

    const log = existing && existingValues ? { sheet: existing, values: existingValues } : ensureCheckInsSheet(ctx);
    const read = logRead ?? readCheckIns(log.values);
    let columns: Partial<Record<CheckInKey, number>> = read.headerRow >= 0 ? read.columns : defaultCheckInColumns();
    let width = Math.max((log.values[read.headerRow] ?? []).length, ...Object.values(columns).map((c) => (c ?? 0) + 1));
    if (read.headerRow >= 0 && columns.cycle === undefined) {
      // a log made before the Cycle column: its header goes after the last column, once; older
      // entries stay blank there and read as the cycle they were logged in (entryBelongsTo)
      const max = log.sheet.getMaxColumns();
      if (width + 1 > max) log.sheet.insertColumnsAfter(max, width + 1 - max);
      log.sheet.getRange(read.headerRow + 1, width + 1).setValue(label(CHECKIN_LABELS.cycle, okr.table.lang));
      columns = { ...columns, cycle: width };
      width += 1;
    }
    const entry = { ...u.entry, sheet: okr.name };
    const row = checkInLogRow(entry, columns, width).map(toCellValue);
    const logRow = Math.max(log.values.length, read.headerRow + 1) + 1;
    log.sheet.getRange(logRow, 1, 1, width).setValues([row]);
    return {
      sheet: okr.name,
      krId: u.krId,
      currentA1: `${colLetter(curCol + 1)}${r}`,
      logSheet: log.sheet.getName(),
      logRow,
      currentWritten: u.current !== null,
      backdated: u.backdated,
    };
  });
}

/** The KR's table (for callers that already read it). */
export type { OkrTable };
