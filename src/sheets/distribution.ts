/**
 * HR's distribution loop in Sheets (issue 12): the hub is the open spreadsheet; unit files are
 * made and read through `DriveLike` (./drive.ts). Every decision is core's
 * (src/core/distribution); this file reads snapshots and writes what core returns.
 *
 * Batches: Apps Script stops a script after 6 minutes
 * (https://developers.google.com/apps-script/guides/services/quotas), so the sidebar calls a
 * batch again and again until `finished`, showing "12 / 48 units". All state lives in the
 * hub's Units registry (and, for collection, the hidden `_okr_collect` sheet), so closing the
 * sidebar or a failed batch loses nothing: the next batch starts where the registry says.
 *
 * A unit is either absent or complete: its registry row says `planned` with the new file's ID
 * before the file is built, and `created` / `shared` only once every sheet is in it. A batch that
 * dies in between leaves `planned` + ID; the next run trashes that file and builds it again.
 */
import { fmt, type Lang, type Localized } from '../core/i18n';
import { cycleDates } from '../core/pace';
import {
  cacheUnit, cachedUnitFile, collectUnit, findRow, isActive, planHubReminders, unitNextCycle, type CollectProblemCode, type UnitFile, hubReviewTask, summariseUnits, uncacheUnit, type CachedUnit, type UnitRead,
  distributionUnits, mergeRegistryValues, planDistribution, readCompanyTemplates, readRegistryValues,
  registryRowOf, registrySheetPlan, STATUS_WORDS, templatesSheetPlan, unitFilePlan, unitFileTitle, unitKey,
  type RegistryRow, type UnitSource, type UnitStatus,
} from '../core/distribution';
import { label } from '../core/labels';
import { readRosterValues, type RosterProblem } from '../core/roster';
import type { PlanCell } from '../core/plan/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import type { SheetLike } from './api';
import { applyWorkbookPlan, cellValue } from './applyPlan';
import type { SheetsContext } from './context';
import { DAILY_SPREADSHEETS, type DriveLike } from './drive';
import { OkrError } from './errors';
import { takeSnapshot } from './snapshot';
import { readSnapshot } from '../core/snapshot';
import { reviewsMarkdown } from '../core/tasks/review';
import { withDocumentLock } from './lock';
import { writeOwnedSheet } from './ownedSheet';
import { applyNextCycle } from './cycle';
import { managerMessage, ownerMessage, type Message, type ReminderRun } from '../core/cycle/reminders';
import { sendReminderRun, type ReminderServices, type RunOutcome } from './reminders';

/** Units per batch: at the bench's estimate (≈ 5 s a unit distributed, ≈ 3 s collected) a batch takes
 *  about 2 minutes, a third of the 6-minute limit, leaving room for slow calls. */
export const DEFAULT_DISTRIBUTE_BATCH = 20;
export const DEFAULT_COLLECT_BATCH = 40;
const FOLDER_KEY = 'okrSheets.distributionFolder';
export const COLLECT_CACHE_SHEET = '_okr_collect';
/** Google Sheets holds at most 50,000 characters in a cell. */
const CELL_CHARS = 50_000;

export const DISTRIBUTION_TEXT = {
  noRoster: { 'zh-CN': '中枢中没有组织名单（需要“单元”“负责人”等列）', en: 'The hub has no roster (columns such as “Unit”, “Owner”)' },
  rosterProblems: { 'zh-CN': '组织名单有 {n} 个问题，未分发任何文件', en: 'The roster has {n} problem(s); nothing was distributed' },
  badCycle: { 'zh-CN': '无法识别周期“{cycle}”', en: 'Cycle “{cycle}” is not recognised' },
  noRegistry: { 'zh-CN': '中枢中还没有单元登记表：请先分发', en: 'The hub has no Units registry yet: distribute first' },
  quota: {
    'zh-CN': '要新建 {n} 个文件；Google 每天只允许新建 {consumer} 个表格（Google Workspace 账号 {workspace} 个）。今天用完后，明天点“继续”会从登记表接着做。',
    en: '{n} files to create; Google allows {consumer} new spreadsheets a day ({workspace} on Google Workspace). When today\'s allowance runs out, “Continue” tomorrow picks up from the registry.',
  },
  quotaHit: { 'zh-CN': '今天新建表格的配额已用完，已停在 {done} / {total}；明天继续即可。', en: 'Today\'s allowance of new spreadsheets is used up; stopped at {done} / {total}. Continue tomorrow.' },
  failed: { 'zh-CN': '“{unit}”未能创建：{why}（下次继续时重做）', en: '“{unit}” could not be made: {why} (made again on the next run)' },
  folder: { 'zh-CN': 'OKR {cycle}', en: 'OKR {cycle}' },
  shareNote: {
    'zh-CN': '这是“{unit}”{cycle} 周期的 OKR 表，由 {hub} 分发。请填写目标和关键结果，并定期更新进展。',
    en: 'This is the {cycle} OKR file of “{unit}”, sent from {hub}. Please fill in your objectives and key results and keep the check-ins up to date.',
  },
  progress: { 'zh-CN': '{done} / {total} 个单元', en: '{done} / {total} units' },
} satisfies Record<string, Localized>;

const both = (m: Localized, p: Record<string, string | number> = {}): Localized => ({ 'zh-CN': fmt(m, 'zh-CN', p), en: fmt(m, 'en', p) });

export interface BatchResult {
  done: number;
  total: number;
  finished: boolean;
  /** "12 / 48 units" in both languages. */
  progress: Localized;
  /** Units handled by this batch, with the status they ended in. */
  processed: { unit: string; status: UnitStatus; file: string }[];
  problems: { unit: string; message: Localized }[];
  warning?: Localized;
}

// ─── reading the hub ──────────────────────────────────────────────────────────────────────────

interface Hub {
  snapshot: WorkbookSnapshot;
  registry: SheetSnapshot | null;
  roster: SheetSnapshot | null;
  templates: SheetSnapshot | null;
}

function readHub(ctx: SheetsContext): Hub {
  const snapshot = takeSnapshot(ctx);
  const byRole = (r: string) => snapshot.sheets.find((s) => s.metaRole === r) ?? null;
  const roster = byRole('roster') ?? snapshot.sheets.find((s) => s.metaRole === null && readRosterValues(s.values).headerRow >= 0) ?? null;
  return { snapshot, registry: byRole('registry'), roster, templates: byRole('templates') };
}

/** Writes the registry: the whole sheet once (merged values), then one row per change. */
class RegistryWriter {
  private values: PlanCell[][];
  private sheet: SheetLike | null;
  constructor(private readonly ctx: SheetsContext, hub: Hub, rows: readonly RegistryRow[]) {
    this.values = mergeRegistryValues(hub.registry?.values ?? null, rows, ctx.lang);
    this.sheet = hub.registry ? ctx.ss.getSheetByName(hub.registry.name) : null;
    if (!this.sheet) {
      const plans = [registrySheetPlan(this.values, ctx.lang)];
      if (!hub.templates) plans.push(templatesSheetPlan(ctx.lang));
      const [name] = applyWorkbookPlan(ctx, { sheets: plans });
      this.sheet = ctx.ss.getSheetByName(name!);
    } else {
      this.sheet.getRange(1, 1, this.values.length, this.values[0]!.length).setValues(this.values.map((r) => r.map(cellValue)));
    }
  }
  write(row: RegistryRow): void {
    this.values = mergeRegistryValues(this.values, [row], this.ctx.lang);
    const at = readRegistryValues(this.values).rows.find((r) => unitKey(r.unit) === unitKey(row.unit))!.at;
    const cells = this.values[at]!;
    this.sheet!.getRange(at + 1, 1, 1, cells.length).setValues([cells.map(cellValue)]);
  }
}

function cycleFolder(ctx: SheetsContext, drive: DriveLike, cycle: string): string {
  const key = `${FOLDER_KEY}.${cycle}`;
  const found = ctx.ss.createDeveloperMetadataFinder().withKey(key).find()[0];
  const id = found?.getValue();
  if (id && drive.folderUsable(id)) return id;
  const made = drive.createFolder(fmt(DISTRIBUTION_TEXT.folder, ctx.lang, { cycle }));
  if (found) found.setValue(made);
  else ctx.ss.addDeveloperMetadata(key, made);
  return made;
}

// ─── distribute ──────────────────────────────────────────────────────────────────────────────

export interface DistributeOptions {
  cycle: string;
  /** Units built by this call (default DEFAULT_DISTRIBUTE_BATCH). */
  batchSize?: number;
}

export type DistributeResult = BatchResult | { ok: false; problems: RosterProblem[] };

/** One batch of distribution: builds, shares and records up to `batchSize` missing unit files. */
export function distributeBatch(ctx: SheetsContext, drive: DriveLike, opts: DistributeOptions): DistributeResult {
  const { lang } = ctx;
  const dates = cycleDates(opts.cycle);
  if (!dates) throw new OkrError('invalidInput', DISTRIBUTION_TEXT.badCycle, { cycle: opts.cycle });
  const hub = readHub(ctx);
  if (!hub.roster) throw new OkrError('notFound', DISTRIBUTION_TEXT.noRoster);
  const company = hub.templates ? readCompanyTemplates(hub.templates.values).departments : [];
  const units = distributionUnits(hub.roster.values, company);
  if (!units.ok) return { ok: false, problems: units.problems };
  const before = hub.registry ? readRegistryValues(hub.registry.values).rows : [];
  // the registry is the state: a unit recorded past `planned` is complete (no Drive call to check)
  const plan = planDistribution(units.units, before, () => true);
  const registry = new RegistryWriter(ctx, hub, plan.registry);
  const total = units.units.length;
  const result: BatchResult = { done: plan.existing.length, total, finished: false, progress: both(DISTRIBUTION_TEXT.progress), processed: [], problems: [] };
  if (plan.create.length > DAILY_SPREADSHEETS.consumer) {
    result.warning = both(DISTRIBUTION_TEXT.quota, { n: plan.create.length, consumer: DAILY_SPREADSHEETS.consumer, workspace: DAILY_SPREADSHEETS.workspace });
  }
  const folder = plan.create.length ? cycleFolder(ctx, drive, opts.cycle) : '';
  const hubName = ctx.ss.getName();
  const settings = hubSettings(hub, lang);
  const companyName = units.units[0]?.unit ?? '';
  let quotaHit = false;
  for (const step of plan.create.slice(0, Math.max(1, opts.batchSize ?? DEFAULT_DISTRIBUTE_BATCH))) {
    const u = step.unit;
    // a half-made file from a batch that died: trashed, then made again from scratch
    if (step.before?.file && step.before.status === 'planned' && drive.state(step.before.file) === 'ok') drive.trash(step.before.file);
    let id = '';
    try {
      id = drive.createSpreadsheet(unitFileTitle(u.unit, opts.cycle), folder);
    } catch (e) {
      if (/too many times|quota|limit/i.test(e instanceof Error ? e.message : String(e))) {
        quotaHit = true;
        break;
      }
      throw e;
    }
    const base = registryRowOf(u, step.before ?? undefined, { cycle: opts.cycle });
    registry.write({ ...base, file: id, status: 'planned' });
    try {
      const file = drive.openSpreadsheet(id);
      const unitCtx: SheetsContext = { app: file.app, ss: file.ss, lang };
      const blank = file.ss.getSheets()[0]!;
      applyWorkbookPlan(unitCtx, unitFilePlan(u, { lang, cycle: opts.cycle, cycleStart: dates.start, cycleEnd: dates.end, ...(settings ? { settings } : {}) }, ctx.ss.getId(), companyName));
      file.ss.deleteSheet(blank);
      let status: UnitStatus = 'created';
      if (u.email) {
        drive.shareWithEditor(id, u.email, fmt(DISTRIBUTION_TEXT.shareNote, lang, { unit: u.unit, cycle: opts.cycle, hub: hubName }));
        status = 'shared';
      }
      registry.write({ ...base, file: id, status });
      result.processed.push({ unit: u.unit, status, file: id });
      result.done++;
    } catch (e) {
      const why = e instanceof OkrError ? e.localized : { 'zh-CN': String(e instanceof Error ? e.message : e), en: String(e instanceof Error ? e.message : e) };
      try {
        drive.trash(id);
        registry.write({ ...base, file: '', status: 'planned' });
      } catch {
        // the row keeps `planned` + ID: the next run trashes the file
      }
      result.problems.push({ unit: u.unit, message: { 'zh-CN': fmt(DISTRIBUTION_TEXT.failed, 'zh-CN', { unit: u.unit, why: why['zh-CN'] }), en: fmt(DISTRIBUTION_TEXT.failed, 'en', { unit: u.unit, why: why.en }) } });
    }
  }
  result.finished = result.done === total;
  if (quotaHit) result.warning = both(DISTRIBUTION_TEXT.quotaHit, { done: result.done, total });
  result.progress = both(DISTRIBUTION_TEXT.progress, { done: result.done, total });
  return result;
}

// ─── collect ─────────────────────────────────────────────────────────────────────────────────

export interface CollectOptions {
  /** The collection day (ISO); default today in the hub's time zone. */
  asOf?: string;
  batchSize?: number;
}

/**
 * Where a collection pass stands, in the hub's developer metadata (a few dozen characters; the
 * metadata guide allows 30,000 characters per spreadsheet:
 * https://developers.google.com/sheets/api/guides/metadata). Units are collected in the order of
 * their keys (`unitKey`), never by registry position, so a person sorting the registry between
 * batches changes nothing: `after` is the key of the last unit done. A pass whose day differs, or
 * that completed, starts again from the first unit.
 */
interface Cursor {
  asOf: string;
  after: string;
  complete: boolean;
}
const CURSOR_KEY = 'okrSheets.collectCursor';

function cursorOf(ctx: SheetsContext, key = CURSOR_KEY): { cursor: Cursor | null; save: (c: Cursor) => void } {
  const found = ctx.ss.createDeveloperMetadataFinder().withKey(key).find()[0] ?? null;
  let cursor: Cursor | null = null;
  try {
    const raw = found?.getValue();
    const c = raw ? (JSON.parse(raw) as Partial<Cursor>) : null;
    if (c && typeof c.asOf === 'string' && typeof c.after === 'string') cursor = { asOf: c.asOf, after: c.after, complete: c.complete === true };
  } catch {
    cursor = null; // unreadable: a new pass
  }
  let meta = found;
  return {
    cursor,
    save: (c) => {
      const v = JSON.stringify(c);
      if (meta) meta.setValue(v);
      else {
        ctx.ss.addDeveloperMetadata(key, v);
        meta = ctx.ss.createDeveloperMetadataFinder().withKey(key).find()[0] ?? null;
      }
    },
  };
}

/**
 * What each unit's read left for the last batch (its figures and OKR table: core `CachedUnit`),
 * one row per unit in the hidden `_okr_collect` sheet: unit, day, then the JSON cut into cells
 * under Sheets' 50,000-character cell limit — nothing is trimmed, and no check-in log is kept.
 */
interface CacheRow {
  at: number;
  asOf: string;
  width: number;
  cached: CachedUnit | null;
}
const CHUNK = CELL_CHARS - 1000;

function readCache(values: readonly (readonly unknown[])[]): Map<string, CacheRow> {
  const out = new Map<string, CacheRow>();
  values.forEach((r, at) => {
    if (typeof r[0] !== 'string' || !r[0]) return;
    const json = r.slice(2).map((c) => (typeof c === 'string' ? c : '')).join('');
    let cached: CachedUnit | null = null;
    try {
      cached = json ? (JSON.parse(json) as CachedUnit) : null;
    } catch {
      cached = null;
    }
    out.set(unitKey(r[0]), { at, asOf: String(r[1] ?? ''), width: r.length, cached });
  });
  return out;
}

function cacheSheet(ctx: SheetsContext): SheetLike {
  const found = ctx.ss.getSheetByName(COLLECT_CACHE_SHEET);
  if (found) return found;
  const s = ctx.ss.insertSheet(COLLECT_CACHE_SHEET);
  s.hideSheet();
  return s;
}

/** The hub's Settings (cap, bands, scale) when it has a Settings sheet; else none (the built-ins). */
function hubSettings(hub: Hub, lang: Lang) {
  return hub.snapshot.sheets.some((s) => s.metaRole === 'settings') ? readSnapshot(hub.snapshot, lang).settings : undefined;
}

/** Opens one unit file and reads it: its snapshot, or the problem met (Drive's own fields first, see ./drive.ts). */
function openUnit(drive: DriveLike, file: string, lang: Lang, asOf: string): UnitSource {
  const state = file ? drive.state(file) : 'missing';
  if (state !== 'ok') return { problem: state };
  try {
    const f = drive.openSpreadsheet(file);
    return { snapshot: takeSnapshot({ app: f.app, ss: f.ss, lang }, { asOf }) };
  } catch {
    return { problem: 'unreadable' };
  }
}

/** One batch of collection: reads up to `batchSize` unit files; the last batch writes Dashboard and Alignment map. */
export function collectBatch(ctx: SheetsContext, drive: DriveLike, opts: CollectOptions = {}): BatchResult {
  const { lang } = ctx;
  const hub = readHub(ctx);
  if (!hub.registry) throw new OkrError('notFound', DISTRIBUTION_TEXT.noRegistry);
  const asOf = opts.asOf ?? hub.snapshot.asOf;
  // units that left the roster keep their row as it was: not read, not counted
  const rows = readRegistryValues(hub.registry.values).rows.filter(isActive);
  const ordered = [...rows].sort((a, b) => (unitKey(a.unit) < unitKey(b.unit) ? -1 : unitKey(a.unit) > unitKey(b.unit) ? 1 : 0));
  const { cursor, save } = cursorOf(ctx);
  const resume = cursor && cursor.asOf === asOf && !cursor.complete ? cursor.after : null;
  const pending = resume === null ? ordered : ordered.filter((r) => unitKey(r.unit) > resume);
  const cache = readCache(hub.snapshot.sheets.find((s) => s.name === COLLECT_CACHE_SHEET)?.values ?? []);
  const registry = new RegistryWriter(ctx, hub, rows);
  const sheet = cacheSheet(ctx);
  let nextRow = Math.max(0, ...[...cache.values()].map((c) => c.at + 1));
  const result: BatchResult = { done: rows.length - pending.length, total: rows.length, finished: false, progress: both(DISTRIBUTION_TEXT.progress), processed: [], problems: [] };

  for (const r of pending.slice(0, Math.max(1, opts.batchSize ?? DEFAULT_COLLECT_BATCH))) {
    const read = collectUnit(r, openUnit(drive, r.file, lang, asOf), asOf, lang, opts.asOf !== undefined);
    registry.write(read.row);
    const cached = cacheUnit(read);
    const json = JSON.stringify(cached);
    const chunks: string[] = [];
    for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
    const prev = cache.get(unitKey(r.unit));
    const at = prev?.at ?? nextRow++;
    const width = Math.max(2 + chunks.length, prev?.width ?? 0);
    const cells: string[] = [r.unit, asOf, ...chunks];
    while (cells.length < width) cells.push('');
    sheet.getRange(at + 1, 1, 1, width).setValues([cells]);
    cache.set(unitKey(r.unit), { at, asOf, width, cached });
    save({ asOf, after: unitKey(r.unit), complete: false });
    const status = read.row.status;
    result.processed.push({ unit: r.unit, status, file: r.file });
    if (status !== 'collected') {
      result.problems.push({ unit: r.unit, message: { 'zh-CN': `${r.unit}：${label(STATUS_WORDS[status], 'zh-CN')}`, en: `${r.unit}: ${label(STATUS_WORDS[status], 'en')}` } });
    }
    result.done++;
  }
  result.finished = result.done === result.total;
  if (result.finished) {
    writeSummary(ctx, rows, cache, asOf, hubSettings(hub, lang));
    save({ asOf, after: '', complete: true });
  }
  result.progress = both(DISTRIBUTION_TEXT.progress, { done: result.done, total: result.total });
  return result;
}

/** The company Dashboard and Alignment map from every unit's cached read (no file opened again). */
function writeSummary(ctx: SheetsContext, rows: readonly RegistryRow[], cache: Map<string, CacheRow>, asOf: string, settings: ReturnType<typeof hubSettings>): void {
  const reads: UnitRead[] = rows.map((r) => {
    const c = cache.get(unitKey(r.unit));
    // a unit the cache does not hold for this day (added to the registry mid-pass) counts as not collected
    return c?.cached && c.asOf === asOf ? uncacheUnit(c.cached, ctx.lang) : collectUnit(r, undefined, asOf, ctx.lang, false);
  });
  const all = summariseUnits(reads, asOf, ctx.lang, settings ? { settings } : {});
  applyWorkbookPlan(ctx, { sheets: [all.dashboard, all.alignment] }, { replaceOwned: true, backup: false });
}

// ─── the review of one unit, from the hub ────────────────────────────────────────────────────

export const HUB_REVIEW_TEXT = {
  notInRegistry: { 'zh-CN': '单元登记表中没有“{unit}”', en: '“{unit}” is not in the Units registry' },
  cannotOpen: { 'zh-CN': '无法打开“{unit}”的文件：{why}', en: 'Cannot open the file of “{unit}”: {why}' },
  noTable: { 'zh-CN': '“{unit}”的文件中没有 OKR 表', en: 'The file of “{unit}” holds no OKR table' },
} satisfies Record<string, Localized>;

export interface HubReviewResult {
  reviewSheet: string;
  objectives: number;
  /** False when no collection has run yet: the review has the unit's own OKRs but no roll-up of the units below. */
  rollUp: boolean;
  markdown: string;
}

/**
 * The review (复盘) of one unit written into the hub: its file read now (one open), the other
 * units' tables as the last collection cached them, the hub's existing Review sheet of that unit
 * and cycle rewritten (owners' words kept) — core `hubReviewTask`.
 */
export function reviewUnitFromHub(ctx: SheetsContext, drive: DriveLike, opts: { unit: string; asOf?: string; month?: string }): HubReviewResult {
  const { lang } = ctx;
  return withDocumentLock(ctx, () => {
    const hub = readHub(ctx);
    if (!hub.registry) throw new OkrError('notFound', DISTRIBUTION_TEXT.noRegistry);
    const row = findRow(readRegistryValues(hub.registry.values).rows, opts.unit);
    if (!row) throw new OkrError('notFound', HUB_REVIEW_TEXT.notInRegistry, { unit: opts.unit });
    const source = openUnit(drive, row.file, lang, opts.asOf ?? hub.snapshot.asOf);
    if ('problem' in source) {
      throw new OkrError('notFound', HUB_REVIEW_TEXT.cannotOpen, { unit: row.unit, why: label(STATUS_WORDS[source.problem], lang) });
    }
    const cache = readCache(hub.snapshot.sheets.find((s) => s.name === COLLECT_CACHE_SHEET)?.values ?? []);
    const others = [...cache.values()].flatMap((c) => (c.cached?.okr ? [{ unit: c.cached.row.unit, values: c.cached.okr.values }] : []));
    const task = hubReviewTask({
      unit: row.unit, file: source.snapshot, others, hubSheets: hub.snapshot.sheets, lang,
      ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(opts.month ? { month: opts.month } : {}),
    });
    if ('error' in task) throw new OkrError('notFound', HUB_REVIEW_TEXT.noTable, { unit: row.unit });
    const sheet = writeOwnedSheet(ctx, task.plan, task.target);
    ctx.ss.setActiveSheet(sheet);
    return {
      reviewSheet: sheet.getName(),
      objectives: task.doc.objectives.length,
      rollUp: others.some((o) => unitKey(o.unit) !== unitKey(row.unit)),
      markdown: reviewsMarkdown([task.doc]),
    };
  });
}

// ─── hub-wide cycle actions (issue 13 §1, §5 in the hub) ─────────────────────────────────────

const NEXT_CYCLE_CURSOR_KEY = 'okrSheets.nextCycleCursor';
/** ≈ 3.4 s a unit (bench/distribution.bench.ts): 40 units ≈ 2.3 minutes, well under the 6-minute limit. */
export const DEFAULT_NEXT_CYCLE_BATCH = 40;

const byKey = (a: RegistryRow, b: RegistryRow) => (unitKey(a.unit) < unitKey(b.unit) ? -1 : unitKey(a.unit) > unitKey(b.unit) ? 1 : 0);

/**
 * One batch of "Start next cycle for every unit": each unit file (still on the roster) carried
 * into `cycle` in place by core `unitNextCycle` → `planNextCycle` and applied by the same
 * `applyNextCycle` as the sidebar's single-workbook action; its registry row gets the new cycle,
 * its figures cleared. Batches resume from a cursor like collection; a unit already in `cycle`
 * is skipped, so running the whole pass again changes nothing.
 */
export function nextCycleBatch(ctx: SheetsContext, drive: DriveLike, opts: { cycle: string; dropDone?: boolean; batchSize?: number }): BatchResult {
  const { lang } = ctx;
  if (!cycleDates(opts.cycle)) throw new OkrError('invalidInput', DISTRIBUTION_TEXT.badCycle, { cycle: opts.cycle });
  const hub = readHub(ctx);
  if (!hub.registry) throw new OkrError('notFound', DISTRIBUTION_TEXT.noRegistry);
  const rows = readRegistryValues(hub.registry.values).rows.filter(isActive);
  const { cursor, save } = cursorOf(ctx, NEXT_CYCLE_CURSOR_KEY);
  const resume = cursor && cursor.asOf === opts.cycle && !cursor.complete ? cursor.after : null;
  const ordered = [...rows].sort(byKey);
  const pending = resume === null ? ordered : ordered.filter((r) => unitKey(r.unit) > resume);
  const registry = new RegistryWriter(ctx, hub, rows);
  const result: BatchResult = { done: rows.length - pending.length, total: rows.length, finished: false, progress: both(DISTRIBUTION_TEXT.progress), processed: [], problems: [] };
  for (const r of pending.slice(0, Math.max(1, opts.batchSize ?? DEFAULT_NEXT_CYCLE_BATCH))) {
    const state = r.file ? drive.state(r.file) : 'missing';
    let problem: CollectProblemCode | null = state === 'ok' ? null : state;
    if (!problem) {
      try {
        const f = drive.openSpreadsheet(r.file);
        const unitCtx: SheetsContext = { app: f.app, ss: f.ss, lang };
        const res = unitNextCycle(takeSnapshot(unitCtx), r.unit, { cycle: opts.cycle, dropDone: opts.dropDone === true, lang });
        if (!res) problem = 'no-okr-table';
        else {
          for (const s of res.skipped) result.problems.push({ unit: r.unit, message: s.message });
          if (res.carried.length) {
            applyNextCycle(unitCtx, res);
            const row: RegistryRow = { ...r, cycle: opts.cycle, status: r.email ? 'shared' : 'created', lastCollected: null, progress: null, score: null, krs: null, stale: null };
            registry.write(row);
            result.processed.push({ unit: r.unit, status: row.status, file: r.file });
          }
        }
      } catch {
        problem = 'unreadable';
      }
    }
    if (problem) {
      registry.write({ ...r, status: problem });
      result.processed.push({ unit: r.unit, status: problem, file: r.file });
      result.problems.push({ unit: r.unit, message: { 'zh-CN': `${r.unit}：${label(STATUS_WORDS[problem], 'zh-CN')}`, en: `${r.unit}: ${label(STATUS_WORDS[problem], 'en')}` } });
    }
    save({ asOf: opts.cycle, after: unitKey(r.unit), complete: false });
    result.done++;
  }
  result.finished = result.done === result.total;
  if (result.finished) save({ asOf: opts.cycle, after: '', complete: true });
  result.progress = both(DISTRIBUTION_TEXT.progress, { done: result.done, total: result.total });
  return result;
}

export const HUB_REMINDER_TEXT = {
  noCollection: { 'zh-CN': '还没有收集过各单元文件：先点“收集进度”。', en: 'No unit file has been collected yet: click “Collect progress” first.' },
  partialCollection: { 'zh-CN': '本次只收集了 {progress}；其余单元按上次收集的数据提醒。', en: 'Only {progress} collected this time; the other units are reminded from the last collection.' },
} satisfies Record<string, Localized>;

/**
 * "Reminders for every unit": the messages a run would send for every unit file, from what the
 * last collection pass read of each (OKR table, check-in log, Settings — the collect cache), so the
 * sidebar runs a collection in batches first and then this one call: no file is opened here.
 * Core `planHubReminders`, the same task as one workbook's reminders.
 */
export function hubRemindersPreview(ctx: SheetsContext, opts: { asOf?: string } = {}): { asOf: string; units: number; messages: Message[] } {
  const { run, units } = hubReminderRun(ctx, opts);
  return { asOf: run.asOf, units, messages: [...run.owners.map((o) => ownerMessage(o, run)), ...run.managers.map((m) => managerMessage(m, run))] };
}

/** The hub-wide run the preview shows (core `planHubReminders` over the collect cache). */
function hubReminderRun(ctx: SheetsContext, opts: { asOf?: string }): { run: ReminderRun; units: number } {
  const hub = readHub(ctx);
  const rows = hub.registry ? readRegistryValues(hub.registry.values).rows.filter(isActive) : [];
  const cache = readCache(hub.snapshot.sheets.find((s) => s.name === COLLECT_CACHE_SHEET)?.values ?? []);
  const files: UnitFile[] = [];
  for (const r of rows) {
    const c = cache.get(unitKey(r.unit))?.cached;
    const file = c ? cachedUnitFile(c, hub.snapshot.timeZone, opts.asOf ?? hub.snapshot.asOf) : null;
    if (file) files.push({ unit: r.unit, file });
  }
  if (!files.length) throw new OkrError('notFound', HUB_REMINDER_TEXT.noCollection);
  return { run: planHubReminders(files, hub.snapshot, { lang: ctx.lang, ...(opts.asOf ? { asOf: opts.asOf } : {}) }), units: files.length };
}

/**
 * "Send to every unit": the preview's messages, sent by the same path as one workbook's run
 * (src/sheets/reminders.ts `sendReminderRun`: quota first, most urgent first, webhook digest,
 * one row in the hub's Reminders log). Reads the last collection, as the preview does.
 */
export function sendHubReminders(ctx: SheetsContext, svc: ReminderServices, opts: { asOf?: string; problems?: string[] } = {}): RunOutcome & { units: number } {
  const { run, units } = hubReminderRun(ctx, opts.asOf ? { asOf: opts.asOf } : {});
  return { ...sendReminderRun(ctx, svc, run, ctx.lang, opts.problems ? { problems: opts.problems } : {}), units };
}

/** A hub is a spreadsheet holding the Units registry (the sheet `readHub` finds by its role). */
export function isHub(ctx: SheetsContext): boolean {
  return readHub(ctx).registry !== null;
}
