/**
 * Weekly / monthly report (RPC `progressReport` for Copy Markdown, `writeProgressReport` for the
 * sheet): one snapshot → core `buildProgressReport` → Markdown, or the sheet plan applied as a
 * new sheet (never over a sheet the user has).
 */
import { parsePeriod, weekOf, type Period } from '../../core/cycle/period';
import { buildProgressReport, reportSheetPlan, reportToMarkdown, type ProgressReport } from '../../core/cycle/report';
import { readSnapshot } from '../../core/snapshot';
import { applyWorkbookPlan } from '../../sheets/applyPlan';
import type { SheetsContext } from '../../sheets/context';
import { OkrError } from '../../sheets/errors';
import { takeSnapshot } from '../../sheets/snapshot';
import { activateSheet } from '../../sheets/cells';

export interface ReportPayload {
  /** `2026-W48` or `2026-11`; default this week (the spreadsheet's time zone). */
  period?: string | undefined;
}

const BAD_PERIOD = { 'zh-CN': '无法识别的周期：{value}（示例：2026-W48 或 2026-11）', en: 'Not a week or a month: {value} (e.g. 2026-W48 or 2026-11)' };

function report(ctx: SheetsContext, p: ReportPayload): ProgressReport {
  const snapshot = takeSnapshot(ctx);
  const period: Period | null = p.period ? parsePeriod(p.period) : weekOf(snapshot.asOf);
  if (!period) throw new OkrError('invalidInput', BAD_PERIOD, { value: p.period ?? '' });
  const model = readSnapshot(snapshot, ctx.lang);
  return buildProgressReport(model, period, model.lang ?? ctx.lang);
}

export function progressReportAction(ctx: SheetsContext, p: ReportPayload): { title: string; markdown: string } {
  const r = report(ctx, p);
  return { title: r.title, markdown: reportToMarkdown(r) };
}

export function writeProgressReportAction(ctx: SheetsContext, p: ReportPayload): { sheet: string } {
  const [name] = applyWorkbookPlan(ctx, { sheets: [reportSheetPlan(report(ctx, p))] }, { uniqueNames: true });
  activateSheet(ctx, name);
  return { sheet: name ?? '' };
}
