/**
 * The Check task (design §3, lint): every finding about the OKR sheets of a workbook model, each
 * at its sheet and cell — the same list behind the sidebar's Check and `okr-sheets lint`:
 *
 * - `table-read`: what the table reader could not read as the sheet does (a problem of the read);
 * - the lint catalog (src/core/lint), with "aligned to an existing parent" checked against the
 *   units of this workbook (a parent in a unit that is not in the workbook cannot be checked and
 *   is skipped);
 * - `stale-kr`: KRs without a check-in for longer than the Settings threshold.
 */
import { staleKrs } from '../checkins';
import { fmt, type Lang, type Localized } from '../i18n';
import { findingMessage, lintTable } from '../lint';
import type { Severity } from '../model';
import type { OkrSheetModel, WorkbookModel } from '../snapshot';
import { a1For } from '../table';
import { normRef } from '../text';
import { tableAsOf } from './score';
import { alignmentFindings, type AlignmentFinding } from './alignment';

export const CHECK_MESSAGES = {
  staleNever: {
    'zh-CN': 'KR {id} 自周期开始 {days} 天没有进展更新（超过 {limit} 天即视为停滞）。',
    en: 'KR {id} has had no check-in in the {days} days since the cycle began (stale after {limit} days).',
  },
  staleSince: {
    'zh-CN': 'KR {id} 上次进展更新是 {last}，已 {days} 天（超过 {limit} 天即视为停滞）。',
    en: 'KR {id} was last checked in on {last}, {days} days ago (stale after {limit} days).',
  },
} satisfies Record<string, Localized>;

export interface CheckFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  sheet: string;
  /** The cell to select, null for a whole-table finding. */
  a1: string | null;
}

export interface SheetCheck {
  sheet: string;
  findings: CheckFinding[];
  counts: Record<Severity, number>;
}

export interface CheckOptions {
  lang: Lang;
  /** Overrides every table's as-of day; else the table's "As of" cell, else the snapshot's. */
  asOf?: string;
  /** Only these sheets (by name); default every OKR sheet. */
  sheets?: readonly string[];
}

/**
 * `Unit/O1` references that exist in this workbook, plus every reference into a unit the
 * workbook does not hold (those cannot be checked here, so they are taken as known).
 */
export function knownParents(model: WorkbookModel): Set<string> {
  const units = new Set(model.okr.map((o) => normRef(o.read.table.header.unit)).filter(Boolean));
  const known = new Set<string>();
  for (const { read } of model.okr) {
    const unit = read.table.header.unit;
    for (const row of read.table.rows) {
      if (row.id && unit) known.add(`${unit}/${row.id}`);
      const slash = row.alignsTo.lastIndexOf('/');
      const parentUnit = slash > 0 ? row.alignsTo.slice(0, slash) : '';
      if (row.alignsTo && (!parentUnit || !units.has(normRef(parentUnit)))) known.add(row.alignsTo);
    }
  }
  return known;
}

function countBySeverity(findings: readonly CheckFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The findings of one OKR sheet. `parents` is `knownParents(model)` (computed once per run). */
export function checkSheetModel(
  model: WorkbookModel, sheet: OkrSheetModel, opts: CheckOptions, parents = knownParents(model),
  loops: readonly AlignmentFinding[] = alignmentFindings(model, opts.lang),
): SheetCheck {
  const { read } = sheet;
  const name = sheet.sheet;
  const { lang } = opts;
  const asOf = tableAsOf(model, sheet, opts.asOf);
  const findings: CheckFinding[] = [];
  for (const p of read.problems) {
    findings.push({ ruleId: 'table-read', severity: 'warning', message: p.message[lang], sheet: name, a1: a1For(read, p.at) });
  }
  for (const f of lintTable(read.table, { asOf, knownParents: parents, settings: model.settings })) {
    findings.push({ ruleId: f.rule, severity: f.severity, message: findingMessage(f, lang), sheet: name, a1: a1For(read, f.at) });
  }
  const limit = model.settings.staleDays;
  for (const s of staleKrs(read.table, model.checkins, asOf, limit, { sheetName: name })) {
    findings.push({
      ruleId: 'stale-kr',
      severity: 'warning',
      message: fmt(s.lastCheckIn ? CHECK_MESSAGES.staleSince : CHECK_MESSAGES.staleNever, lang, {
        id: s.krId,
        days: s.daysSince ?? '?',
        last: s.lastCheckIn ?? '',
        limit,
      }),
      sheet: name,
      a1: a1For(read, { row: s.row, column: 'current' }),
    });
  }
  // alignment loops and self-alignment (src/core/tasks/alignment.ts), at this sheet's cells
  for (const f of loops) if (f.sheet === name) findings.push(f);
  return { sheet: name, findings, counts: countBySeverity(findings) };
}

/** The findings of every OKR sheet of the model (or those named), in tab order. */
export function checkWorkbook(model: WorkbookModel, opts: CheckOptions): SheetCheck[] {
  const parents = knownParents(model);
  const only = opts.sheets ? new Set(opts.sheets) : null;
  const loops = alignmentFindings(model, opts.lang);
  return model.okr.filter((o) => !only || only.has(o.sheet)).map((o) => checkSheetModel(model, o, opts, parents, loops));
}
