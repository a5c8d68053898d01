/**
 * Server actions of HR's distribution loop (issue 12): one batch of distribute or collect per
 * call; the sidebar calls again until `finished`, showing "12 / 48 units". Thin: the hub is the
 * open spreadsheet, the work is src/sheets/distribution.ts, the decisions src/core/distribution.
 *
 * Drive: in Apps Script the advanced Drive service (`Drive`, v3, enabled in appsscript.json) and
 * `SpreadsheetApp`; the playground and tests set an in-memory Drive with `setDriveProvider`.
 */
import type { Localized } from '../../core/i18n';
import { label } from '../../core/labels';
import { STATUS_WORDS } from '../../core/distribution';
import type { SheetsContext } from '../../sheets/context';
import { collectBatch, distributeBatch, HUB_REMINDER_TEXT, hubRemindersPreview, nextCycleBatch, reviewUnitFromHub, type BatchResult } from '../../sheets/distribution';
import { fmt } from '../../core/i18n';
import { appsScriptDrive, type AdvancedDriveV3, type DriveLike, type SpreadsheetAppWithFiles } from '../../sheets/drive';
import { OkrError } from '../../sheets/errors';
import type { DistributionBatchResult, HubReviewSummary } from '../rpc/contract';

const MSG = {
  noDrive: {
    'zh-CN': '未启用 Drive 高级服务，无法创建或读取单元文件。',
    en: 'The advanced Drive service is not enabled, so unit files cannot be made or read.',
  },
} satisfies Record<string, Localized>;

let provider: ((ctx: SheetsContext) => DriveLike) | null = null;

/** Sets where unit files live (the playground's and the tests' in-memory Drive); null = Apps Script's. */
export function setDriveProvider(p: ((ctx: SheetsContext) => DriveLike) | null): void {
  provider = p;
}

function driveFor(ctx: SheetsContext): DriveLike {
  if (provider) return provider(ctx);
  const g = globalThis as { Drive?: AdvancedDriveV3; SpreadsheetApp?: SpreadsheetAppWithFiles };
  if (!g.Drive || !g.SpreadsheetApp) throw new OkrError('notFound', MSG.noDrive);
  return appsScriptDrive(g.Drive, g.SpreadsheetApp);
}

function plain(ctx: SheetsContext, r: BatchResult): DistributionBatchResult {
  const L = ctx.lang;
  return {
    ok: true,
    done: r.done,
    total: r.total,
    finished: r.finished,
    progress: r.progress[L],
    processed: r.processed.map((p) => ({ unit: p.unit, status: label(STATUS_WORDS[p.status], L), file: p.file })),
    problems: r.problems.map((p) => p.message[L]),
    warning: r.warning ? r.warning[L] : null,
  };
}

export function distributeBatchAction(ctx: SheetsContext, p: { cycle: string; batchSize?: number }): DistributionBatchResult {
  const r = distributeBatch(ctx, driveFor(ctx), { cycle: p.cycle, ...(p.batchSize ? { batchSize: p.batchSize } : {}) });
  if (!('done' in r)) {
    // roster messages already name their row
    return { ok: false, problems: r.problems.map((x) => x.message[ctx.lang]) };
  }
  return plain(ctx, r);
}

export function collectBatchAction(ctx: SheetsContext, p: { asOf?: string; batchSize?: number }): DistributionBatchResult {
  return plain(ctx, collectBatch(ctx, driveFor(ctx), { ...(p.asOf ? { asOf: p.asOf } : {}), ...(p.batchSize ? { batchSize: p.batchSize } : {}) }));
}

/** The review of one unit from the hub: its file read now, the units below as last collected. */
export function reviewUnitFromHubAction(ctx: SheetsContext, p: { unit: string; month?: string | undefined; asOf?: string | undefined }): HubReviewSummary {
  return reviewUnitFromHub(ctx, driveFor(ctx), { unit: p.unit, ...(p.month ? { month: p.month } : {}), ...(p.asOf ? { asOf: p.asOf } : {}) });
}

/** One batch of "Start next cycle for every unit" (each unit file carried into `cycle`, registry updated). */
export function nextCycleBatchAction(ctx: SheetsContext, p: { cycle: string; dropDone?: boolean | undefined; batchSize?: number | undefined }): DistributionBatchResult {
  return plain(ctx, nextCycleBatch(ctx, driveFor(ctx), { cycle: p.cycle, dropDone: p.dropDone === true, ...(p.batchSize ? { batchSize: p.batchSize } : {}) }));
}

/** The outbox of "Reminders for every unit", from the last collection (the sidebar collects first). */
export function hubRemindersAction(ctx: SheetsContext, p: { asOf?: string | undefined }) {
  return hubRemindersPreview(ctx, p.asOf ? { asOf: p.asOf } : {});
}

/**
 * The scheduled reminder run on a hub (src/addon/actions/reminders.ts): every unit file collected,
 * batch after batch, so the reminders read today's files. Apps Script stops a run after 6 minutes
 * (https://developers.google.com/apps-script/guides/services/quotas), so collection stops after
 * `budgetMs` and says so: the units not reached keep what the last collection read.
 */
export function collectForReminders(ctx: SheetsContext, budgetMs = 240_000): { problems: string[] } {
  const start = Date.now();
  for (;;) {
    const r = collectBatch(ctx, driveFor(ctx));
    if (r.finished) return { problems: [] };
    if (Date.now() - start > budgetMs || r.processed.length === 0) {
      return { problems: [fmt(HUB_REMINDER_TEXT.partialCollection, ctx.lang, { progress: r.progress[ctx.lang] })] };
    }
  }
}
