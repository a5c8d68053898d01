/**
 * Writing a generated sheet (Review, Dashboard, Alignment map) so that regenerating it rewrites
 * only what the add-on wrote (issue 11 §2):
 *
 * - the block the previous generation wrote is recorded in the sheet's metadata
 *   (`okrSheets.owned`, src/core/plan/owned.ts); only that block's values, formats and
 *   validations are cleared (clearContent / clearFormat / clearDataValidations keep notes:
 *   https://developers.google.com/apps-script/reference/spreadsheet/range#clearcontent ,
 *   #clearformat); nothing is copied to a hidden backup, because nothing a person wrote is lost;
 * - when the new block is taller than the old one and something lies below it, rows are inserted
 *   first, so a user's cells below move down instead of being overwritten;
 * - the user's charts, notes, cells outside the block and conditional-format rules outside it stay;
 *   only the chart the add-on placed (its id in `okrSheets.chart`) is updated;
 * - cells a person typed inside the block, right of what the add-on wrote on that row
 *   (`okrSheets.ownedWidths`), are written back (formula, or the value as text), at the same
 *   place or — when the new layout needs that cell — listed below the block.
 *
 * Service calls do not grow with rows. Where the advanced Sheets service is on (ctx.sheetsApi),
 * the whole regeneration — chart included — is one Sheets API `get` + one `batchUpdate`
 * (./batch/owned.ts, the same decisions); this SpreadsheetApp path is the fallback, taken once
 * with a console.warn when the API fails, and the reference the batch path is tested against.
 */
import { parseRange, quotedSheet } from '../core/plan/a1';
import { toIsoDate } from '../core/checkins';
import { escapeCellText } from '../core/escape';
import { OWNED_CHART_KEY, OWNED_RANGE_KEY, OWNED_WIDTHS_KEY, decodeWidths, keepUserCells, planBlock } from '../core/plan/owned';
import { OWNER_KEY, type PlanCell, type SheetPlan } from '../core/plan/types';
import type { ChartSpec } from '../core/plan/dashboardSheet';
import type { RangeLike, SheetLike } from './api';
import { META_KEY, applyWorkbookPlan, writeSheet } from './applyPlan';
import { applyViaBatch, type SheetsApiLike } from './batch/apply';
import { enUsFormulaLocale } from './batch/locale';
import { OWNED_GET_FIELDS, fitsOneBody, planOwnedRewrite, readOwnedState } from './batch/owned';
import type { SheetsContext } from './context';
import { fromSheetDate } from './dates';
import { ERROR_MESSAGES, OkrError } from './errors';

interface Block {
  rows: number;
  cols: number;
}

/** The block recorded in the metadata, or null (a sheet written before blocks were recorded). */
function recordedBlock(metaJson: string | null): Block | null {
  if (!metaJson) return null;
  try {
    const a1 = (JSON.parse(metaJson) as Record<string, unknown>)[OWNED_RANGE_KEY];
    if (typeof a1 !== 'string') return null;
    const b = parseRange(a1);
    return { rows: b.row2, cols: b.col2 };
  } catch {
    return null;
  }
}

const inside = (r: RangeLike, b: Block) => r.getRow() <= b.rows && r.getColumn() <= b.cols;

function metaField(metaJson: string | null, key: string): string | undefined {
  if (!metaJson) return undefined;
  try {
    const v = (JSON.parse(metaJson) as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** What each cell holds, as it must be written back: its formula, else its value (text kept as
 *  text, a date as a day). Two reads for the whole block. */
function typedCells(area: RangeLike): PlanCell[][] {
  const formulas = area.getFormulas();
  return area.getValues().map((row, r) =>
    row.map((v: unknown, c): PlanCell => {
      const f = formulas[r]?.[c];
      if (f) return f;
      if (v instanceof Date) return { date: toIsoDate(fromSheetDate(v)) ?? '' };
      if (typeof v === 'string') return v === '' ? null : escapeCellText(v);
      return typeof v === 'number' || typeof v === 'boolean' ? v : null;
    }),
  );
}

/**
 * Writes `plan` onto `target` (our existing generated sheet, found by role metadata in the
 * snapshot) in its owned block, or onto a new sheet when there is none; with `chart`, places or
 * updates the add-on's chart too. Returns the sheet.
 */
export function writeOwnedSheet(ctx: SheetsContext, planned: SheetPlan, target: string | null, chart?: ChartSpec): SheetLike {
  if (ctx.sheetsApi) {
    try {
      const done = writeOwnedViaBatch(ctx, ctx.sheetsApi, planned, target, chart);
      if (done) return done;
    } catch (e) {
      if (e instanceof OkrError) throw e;
      console.warn(`OKR Sheets: batchUpdate failed, applying through SpreadsheetApp instead: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const sheet = writeOwnedThroughSpreadsheetApp(ctx, planned, target);
  if (chart) placeChart(sheet, chart);
  return sheet;
}

/**
 * The batch path: a new sheet through applyViaBatch (chart in the same body, then activated as
 * insertSheet leaves it); an existing one in place — getId, get (that sheet only), batchUpdate,
 * getSheetById: 4 calls whatever the rows. Null when SpreadsheetApp must do it.
 */
function writeOwnedViaBatch(ctx: SheetsContext, api: SheetsApiLike, plan: SheetPlan, target: string | null, chart?: ChartSpec): SheetLike | null {
  if (!target) {
    const done = applyViaBatch(ctx, api, { sheets: [plan] }, {}, [chart]);
    if (!done) return null;
    if (!done.active) throw new OkrError('internal', ERROR_MESSAGES.internal);
    return done.active;
  }
  const id = ctx.ss.getId();
  const got = api.get(id, { ranges: [quotedSheet(target)], fields: `properties(locale),${OWNED_GET_FIELDS}` });
  // formulas go in en-US syntax: through the API only where that is the locale's own (batch/locale.ts)
  if (!enUsFormulaLocale(got.properties?.locale)) return null;
  const state = readOwnedState(got);
  if (!state) return null;
  const rewrite = planOwnedRewrite(state, plan, ctx.lang, chart);
  if (!rewrite || !fitsOneBody(rewrite.requests)) return null;
  api.batchUpdate({ requests: rewrite.requests }, id);
  return ctx.ss.getSheetById(state.sheetId) ?? null;
}

function writeOwnedThroughSpreadsheetApp(ctx: SheetsContext, planned: SheetPlan, target: string | null): SheetLike {
  let plan = planned;
  const sheet = target ? ctx.ss.getSheetByName(target) : null;
  if (!sheet) {
    // a new sheet; a user sheet of the same name is never touched (the applier picks another name)
    const [name] = applyWorkbookPlan(ctx, { sheets: [plan] }, { sheetsApi: null });
    const made = name ? ctx.ss.getSheetByName(name) : null;
    if (!made) throw new OkrError('internal', ERROR_MESSAGES.internal);
    return made;
  }
  const md = sheet.getDeveloperMetadata();
  const metaJson = md.find((m) => m.getKey() === META_KEY)?.getValue() ?? null;
  // a sheet from before blocks were recorded: its used range was all ours
  const old = recordedBlock(metaJson) ?? { rows: Math.max(1, sheet.getLastRow()), cols: Math.max(1, sheet.getLastColumn()) };
  const area = sheet.getRange(1, 1, old.rows, old.cols);
  // cells a person typed inside the old block (right of what we wrote on that row) are written
  // back: at the same place when the new layout leaves it free, else listed below the block
  const oldWidths = decodeWidths(metaField(metaJson, OWNED_WIDTHS_KEY));
  if (oldWidths) plan = keepUserCells(plan, typedCells(area), oldWidths, ctx.lang);
  const next = planBlock(plan);

  area.clearContent();
  area.clearFormat();
  area.clearDataValidations();
  if (next.rows > old.rows && sheet.getLastRow() > old.rows) sheet.insertRowsAfter(old.rows, next.rows - old.rows);
  // conditional-format rules of the user (outside the old block) are kept beside ours
  const rules = sheet.getConditionalFormatRules();
  const userRules = rules.filter((r) => !r.getRanges().some((x) => inside(x, old)));
  for (const m of md) if (m.getKey() === OWNER_KEY || m.getKey() === META_KEY) m.remove();

  writeSheet(ctx, sheet, plan, true, sheet.getName(), { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns() });
  if (userRules.length !== rules.length || plan.conditionalFormats.length > 0) {
    const ours = plan.conditionalFormats.length > 0 ? sheet.getConditionalFormatRules() : [];
    sheet.setConditionalFormatRules([...userRules, ...ours]);
  }
  return sheet;
}

/**
 * Adds the scores-by-unit column chart, or updates the one the add-on placed before (its id in
 * the sheet's `okrSheets.chart` metadata). Other charts on the sheet are the user's: untouched.
 * EmbeddedChart.getChartId is stable within the spreadsheet:
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getChartId()
 */
export function placeChart(sheet: SheetLike, spec: ChartSpec): void {
  const md = sheet.getDeveloperMetadata().filter((m) => m.getKey() === OWNED_CHART_KEY);
  const ourId = md[0]?.getValue() ?? null;
  const charts = sheet.getCharts();
  const ours = ourId === null ? undefined : charts.find((c) => String(c.getChartId()) === ourId);
  let b = (ours ? ours.modify().clearRanges() : sheet.newChart()).asColumnChart();
  for (const r of spec.ranges) b = b.addRange(sheet.getRange(r));
  // options by dotted key, as EmbeddedChartBuilder.setOption documents them
  // (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setoptionoption,-value)
  b = b
    .setNumHeaders(spec.numHeaders)
    .setOption('title', spec.title)
    .setOption('legend.position', 'none')
    .setOption('vAxis.viewWindow.min', 0)
    .setOption('vAxis.viewWindow.max', 1)
    .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0);
  if (ours) {
    sheet.updateChart(b.build());
    return;
  }
  sheet.insertChart(b.build());
  const before = new Set(charts.map((c) => String(c.getChartId())));
  const added = sheet.getCharts().find((c) => !before.has(String(c.getChartId())));
  for (const m of md) m.remove();
  if (added) sheet.addDeveloperMetadata(OWNED_CHART_KEY, String(added.getChartId()));
}
