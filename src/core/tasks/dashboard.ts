/**
 * The dashboard task: snapshot model in, the dashboard's data, its sheet plan and the chart to
 * place out. The shell (src/sheets/review.ts) writes the plan onto our Dashboard sheet (found by
 * role metadata) and places or updates only the chart it placed itself.
 */
import type { Lang } from '../i18n';
import { buildDashboard, dashboardSheetPlan, type ChartSpec, type DashboardData } from '../plan/dashboardSheet';
import { withOwnedRange } from '../plan/owned';
import type { SheetPlan } from '../plan/types';
import type { SheetSnapshot, WorkbookModel } from '../snapshot';

export interface DashboardTask {
  data: DashboardData;
  plan: SheetPlan;
  chart: ChartSpec;
  /** Our existing Dashboard sheet to rewrite in place, or null: a new sheet. */
  target: string | null;
}

/** Our generated sheet of that role (the first, in tab order), by metadata only. */
export function ownedSheet(model: WorkbookModel, role: 'dashboard' | 'alignment' | 'review'): SheetSnapshot | null {
  return model.snapshot.sheets.find((s) => s.metaRole === role) ?? null;
}

export function dashboardTask(model: WorkbookModel, req: { asOf?: string; lang?: Lang } = {}): DashboardTask {
  const sheets = model.okr.map((o) => ({ sheet: o.sheet, table: o.read.table }));
  const data = buildDashboard(sheets, model.checkins, req.asOf ?? model.snapshot.asOf, {
    lang: req.lang ?? model.settings.lang, settings: model.settings,
  });
  const target = ownedSheet(model, 'dashboard')?.name ?? null;
  const { sheet, chart } = dashboardSheetPlan(data, { staleDays: model.settings.staleDays, ...(target ? { name: target } : {}) });
  return { data, plan: withOwnedRange(sheet), chart, target };
}
