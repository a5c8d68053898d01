/**
 * Sidebar actions that read the spreadsheet: the context (sheets, active sheet), Check (lint
 * findings with the A1 of each), selecting a cell, and listing the KRs of an OKR sheet.
 * Each reads a sheet in ONE getValues call (design §6).
 */
import { fmt, type Localized } from '../../core/i18n';
import { staleKrs } from '../../core/checkins';
import { isKrType, SHEET_NAMES } from '../../core/labels';
import { readSettingsValues } from '../../core/plan/supportSheets';
import { readCheckInLog, sheetValues } from '../../sheets/checkins';
import { todayIso } from './review';
import { findingMessage, lintTable } from '../../core/lint';
import type { Severity } from '../../core/model';
import { a1For, isTableError, readTableValues, type TableReadOk } from '../../core/table';
import type { SheetLike } from '../../sheets/api';
import type { SheetsContext } from '../../sheets/context';
import { fromSheetValues } from '../../sheets/dates';
import { ERROR_MESSAGES, OkrError } from '../../sheets/errors';
import { OWNER_KEY } from '../../core/plan/types';
import type { CheckResult, ContextInfo, Finding, KrList } from '../rpc/contract';

export const CHECK_MESSAGES = {
  cellNotFound: { 'zh-CN': '找不到单元格 {a1}。', en: 'Cell {a1} was not found.' },
  staleNever: {
    'zh-CN': 'KR {id} 自周期开始 {days} 天没有进展更新（超过 {limit} 天即视为停滞）。',
    en: 'KR {id} has had no check-in in the {days} days since the cycle began (stale after {limit} days).',
  },
  staleSince: {
    'zh-CN': 'KR {id} 上次进展更新是 {last}，已 {days} 天（超过 {limit} 天即视为停滞）。',
    en: 'KR {id} was last checked in on {last}, {days} days ago (stale after {limit} days).',
  },
} satisfies Record<string, Localized>;

/** How far down/right an OKR header row is looked for when listing sheets. */
const PROBE_ROWS = 40;
const PROBE_COLS = 40;

export function findSheet(ctx: SheetsContext, name?: string): SheetLike {
  if (name === undefined) return ctx.ss.getActiveSheet();
  const sh = ctx.ss.getSheetByName(name);
  if (!sh) throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name });
  return sh;
}

/** The OKR table of a sheet (one getValues call), or a clear `notOkrSheet` error. */
export function readSheetTable(ctx: SheetsContext, sheet: SheetLike): TableReadOk {
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  const values = rows > 0 && cols > 0 ? fromSheetValues(sheet.getRange(1, 1, rows, cols).getValues()) : [];
  const read = readTableValues(values, { lang: ctx.lang });
  if (isTableError(read)) throw new OkrError('notOkrSheet', ERROR_MESSAGES.notOkrSheet, { name: sheet.getName() });
  return read;
}

function looksLikeOkrSheet(ctx: SheetsContext, sheet: SheetLike): boolean {
  const rows = Math.min(PROBE_ROWS, sheet.getLastRow());
  const cols = Math.min(PROBE_COLS, sheet.getLastColumn());
  if (rows < 1 || cols < 1) return false;
  return !isTableError(readTableValues(fromSheetValues(sheet.getRange(1, 1, rows, cols).getValues()), { lang: ctx.lang }));
}

/**
 * The spreadsheet as the sidebar needs it. OKR sheets: ours by developer metadata (one finder
 * call), any other sheet by an OKR header row in its top-left 40×40 cells (one read each);
 * our generated and support sheets are never scanned.
 */
export function getContextInfo(ctx: SheetsContext): ContextInfo {
  const roles = new Map<number, string>();
  for (const m of ctx.ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).find()) {
    const s = m.getLocation().getSheet();
    if (s) roles.set(s.getSheetId(), m.getValue() ?? '');
  }
  return {
    lang: ctx.lang,
    spreadsheetName: ctx.ss.getName(),
    activeSheet: ctx.ss.getActiveSheet().getName(),
    sheets: ctx.ss.getSheets().map((s) => {
      const role = roles.get(s.getSheetId());
      return { name: s.getName(), isOkr: role === 'okr' || (role === undefined && looksLikeOkrSheet(ctx, s)) };
    }),
  };
}

export function checkSheet(ctx: SheetsContext, p: { sheet?: string }): CheckResult {
  const sheet = findSheet(ctx, p.sheet);
  const name = sheet.getName();
  const read = readSheetTable(ctx, sheet);
  const findings: Finding[] = [];
  for (const prob of read.problems) {
    findings.push({ ruleId: 'table-read', severity: 'warning', message: prob.message[ctx.lang], sheet: name, a1: a1For(read, prob.at) });
  }
  const asOf = read.asOf ?? todayIso(ctx);
  for (const f of lintTable(read.table, { asOf })) {
    findings.push({ ruleId: f.rule, severity: f.severity, message: findingMessage(f, ctx.lang), sheet: name, a1: a1For(read, f.at) });
  }
  findings.push(...staleFindings(ctx, read, name, asOf));
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { sheet: name, findings, counts };
}

/** The Settings sheet's stale-days threshold (default 14 when there is no Settings sheet). */
function staleDaysSetting(ctx: SheetsContext): number {
  const sheet = ctx.ss.getSheetByName(SHEET_NAMES.settings['zh-CN']) ?? ctx.ss.getSheetByName(SHEET_NAMES.settings.en);
  return readSettingsValues(sheet ? sheetValues(sheet) : []).staleDays;
}

/** KRs without a check-in for longer than the Settings threshold: a warning on their Current cell. */
function staleFindings(ctx: SheetsContext, read: TableReadOk, sheetName: string, asOf: string): Finding[] {
  const limit = staleDaysSetting(ctx);
  const log = readCheckInLog(ctx.ss).entries;
  return staleKrs(read.table, log, asOf, limit, { sheetName }).map((s) => ({
    ruleId: 'stale-kr',
    severity: 'warning' as const,
    message: fmt(s.lastCheckIn ? CHECK_MESSAGES.staleSince : CHECK_MESSAGES.staleNever, ctx.lang, {
      id: s.krId,
      days: s.daysSince ?? '?',
      last: s.lastCheckIn ?? '',
      limit,
    }),
    sheet: sheetName,
    a1: a1For(read, { row: s.row, column: 'current' }),
  }));
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
  const sheet = findSheet(ctx, p.sheet);
  const read = readSheetTable(ctx, sheet);
  return {
    sheet: sheet.getName(),
    krs: read.table.rows
      .filter((r) => isKrType(r.type) && r.id !== '')
      .map((r) => ({ id: r.id, title: r.title, start: r.start, current: r.current, target: r.target, unit: r.unit, confidence: r.confidence })),
  };
}
