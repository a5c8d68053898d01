/**
 * HR set-up through the spreadsheet: read the Roster sheet through the shell's one snapshot
 * (takeSnapshot: one metadata finder call, one values read per sheet it needs), validate it as a
 * whole (src/core/roster.ts), and only then create one OKR sheet per unit — in batches of
 * ROSTER_BATCH_UNITS per call, each well under Apps Script's 6-minute limit, resumed from the
 * sheets already made (their metadata is the checkpoint). If a write fails midway, the sheets
 * this batch created are removed again, so a batch is never half-built.
 */
import type { Lang, Localized } from '../core/i18n';
import { SHEET_NAMES } from '../core/labels';
import { colLetter } from '../core/plan/a1';
import { LIMITS } from '../core/limits';
import { cycleDates } from '../core/pace';
import {
  buildRosterPlan, buildRosterTemplatePlan, readRosterValues, validateRoster, type RosterKey, type RosterProblem,
} from '../core/roster';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { applyWorkbookPlanDetailed, META_KEY } from './applyPlan';
import type { SheetsContext } from './context';
import { ERROR_MESSAGES, OkrError } from './errors';
import { withDocumentLock } from './lock';
import { takeSnapshot } from './snapshot';
import { companyTemplatesOf } from '../core/distribution/companyTemplates';

export interface RosterProblemOut {
  code: RosterProblem['code'];
  row: number | null;
  column: RosterKey | null;
  /** Cell to select (`C7`), null when the problem is about the whole roster. */
  a1: string | null;
  message: Localized;
}

export type RosterSetupResult =
  | {
      ok: true;
      sheet: string;
      /** OKR sheets created by this call (one batch). */
      created: string[];
      /** Units whose sheet exists now, of `total`. */
      done: number;
      total: number;
      /** The first units still to create (the sidebar calls again while `remainingCount` > 0). */
      remaining: string[];
      remainingCount: number;
    }
  | { ok: false; sheet: string; problems: RosterProblemOut[] };

const MSG = {
  noRoster: {
    'zh-CN': '没有找到组织名单工作表。请先用“新建组织名单”创建，或选择名单所在的工作表。',
    en: 'No roster sheet found. Create one with “New roster sheet”, or pick the sheet that holds it.',
  },
  badCycle: {
    'zh-CN': '无法识别周期“{cycle}”。请写成 2026-Q4、2026-11 或 2026。',
    en: 'Cycle "{cycle}" is not recognised. Write it as 2026-Q4, 2026-11 or 2026.',
  },
} satisfies Record<string, Localized>;

/**
 * The roster sheet in a snapshot: by name when one is given; else the sheets carrying the roster
 * role — the one open, else the first that holds any unit (never silently an empty one while a
 * filled one exists, e.g. after "New roster sheet" was clicked twice), else the first; else a
 * sheet with the roster's default name in either language.
 */
export function pickRosterSheet(snapshot: WorkbookSnapshot, lang: Lang, sheetName?: string): SheetSnapshot {
  if (sheetName) {
    const s = snapshot.sheets.find((x) => x.name === sheetName);
    if (!s) throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name: sheetName });
    return s;
  }
  const rosters = snapshot.sheets.filter((x) => x.metaRole === 'roster');
  if (rosters.length > 0) {
    return rosters.find((x) => x.name === snapshot.activeSheet)
      ?? rosters.find((x) => x.values.length > 1)
      ?? rosters[0]!;
  }
  for (const n of rosterNames(lang)) {
    const s = snapshot.sheets.find((x) => x.name === n);
    if (s) return s;
  }
  throw new OkrError('notFound', MSG.noRoster);
}

const rosterNames = (lang: Lang) => [SHEET_NAMES.roster[lang], SHEET_NAMES.roster['zh-CN'], SHEET_NAMES.roster.en];

export interface RosterSetupOptions {
  sheetName?: string;
  cycle: string;
  /** Spare (empty, pre-formatted) rows under each unit's KRs. */
  spareRows?: number;
  /** Units created per call (default ROSTER_BATCH_UNITS). */
  maxUnits?: number;
}

export function setupFromRosterSheet(ctx: SheetsContext, opts: RosterSetupOptions): RosterSetupResult {
  const dates = cycleDates(opts.cycle);
  if (!dates) throw new OkrError('invalidInput', MSG.badCycle, { cycle: opts.cycle });
  // one snapshot: the roster (by the name given, its role, or its default names) and the
  // workbook's company templates (its Templates sheet, by role metadata), which a roster may name
  const snapshot = takeSnapshot(ctx, { sheets: opts.sheetName ? [opts.sheetName] : rosterNames(ctx.lang), roles: ['roster', 'templates'] });
  const sheet = pickRosterSheet(snapshot, ctx.lang, opts.sheetName);
  const name = sheet.name;
  const read = readRosterValues(sheet.values);
  const company = companyTemplatesOf(snapshot);
  const checked = validateRoster(read, { maxUnits: LIMITS.units, ...(company ? { companyDepartments: company.departments } : {}) });
  if (!checked.ok) {
    const a1 = (p: RosterProblem) => {
      if (p.row === null) return null;
      const c = p.column !== null ? read.columns[p.column] : undefined;
      return `${colLetter((c ?? read.columns.unit ?? 0) + 1)}${p.row}`;
    };
    return { ok: false, sheet: name, problems: checked.problems.map((p) => ({ ...p, a1: a1(p) })) };
  }
  const plan = buildRosterPlan(checked.units, {
    lang: ctx.lang,
    cycle: opts.cycle.trim(),
    cycleStart: dates.start,
    cycleEnd: dates.end,
    ...(opts.spareRows !== undefined ? { spareRows: opts.spareRows } : {}),
  });
  // checkpoint: every unit's sheet carries its cycle and unit; a sheet interrupted mid-write has
  // no metadata yet (written last), so it never counts as done
  const units = checked.units;
  const keyOf = (unit: string) => `${opts.cycle.trim()}|${unit}`;
  const okrPlans = plan.sheets.filter((sp) => sp.role === 'okr').map((sp, i) => ({ ...sp, metadata: { ...sp.metadata, [ROSTER_UNIT_KEY]: keyOf(units[i]!.unit) } }));
  const support = plan.sheets.filter((sp) => sp.role !== 'okr');
  const max = Math.max(1, opts.maxUnits ?? ROSTER_BATCH_UNITS);
  return withDocumentLock(ctx, () => {
    const done = doneRosterUnits(ctx);
    const todo = units.map((u, i) => i).filter((i) => !done.has(keyOf(units[i]!.unit)));
    const batch = todo.slice(0, max);
    const before = new Set(ctx.ss.getSheets().map((s) => s.getSheetId()));
    try {
      // support sheets ride along in every batch: skipped once they exist, and they let the
      // applier point this batch's formulas at our Settings (applyPlan.ts)
      const applied = batch.length > 0 ? applyWorkbookPlanDetailed(ctx, { sheets: [...batch.map((i) => okrPlans[i]!), ...support] }, { uniqueNames: true }) : [];
      const created = applied.filter((a) => a.role === 'okr' && a.action === 'created').map((a) => a.name);
      const first = done.size === 0 && created[0] ? ctx.ss.getSheetByName(created[0]) : null;
      if (first) ctx.ss.setActiveSheet(first);
      const left = todo.slice(batch.length).map((i) => units[i]!.unit);
      return {
        ok: true as const,
        sheet: name,
        created,
        done: units.length - left.length,
        total: units.length,
        remaining: left.slice(0, REMAINING_LISTED),
        remainingCount: left.length,
      };
    } catch (e) {
      // nothing half-created: remove every sheet this batch added (earlier batches stay done)
      for (const s of ctx.ss.getSheets()) {
        if (!before.has(s.getSheetId())) {
          try {
            ctx.ss.deleteSheet(s);
          } catch {
            /* keep going: the original error matters */
          }
        }
      }
      throw e;
    }
  });
}

/**
 * Units per call. Apps Script stops a script after 6 minutes
 * (https://developers.google.com/apps-script/guides/services/quotas, "Script runtime"); an OKR
 * sheet takes about 20 service calls (planCallEstimate), so 15 units are a few hundred calls —
 * well under a minute, far from the limit even on a slow day. The sidebar calls again until
 * nothing remains, showing "12 / 48 units".
 */
export const ROSTER_BATCH_UNITS = 15;
/** Metadata of a unit's OKR sheet made by roster set-up: `cycle|unit` (the checkpoint). */
export const ROSTER_UNIT_KEY = 'okrSheets.rosterUnit';
/** Names of remaining units listed in a result (the count is always given). */
const REMAINING_LISTED = 50;

/** `cycle|unit` of every unit sheet roster set-up has finished: one finder query. */
export function doneRosterUnits(ctx: SheetsContext): Set<string> {
  const out = new Set<string>();
  for (const m of ctx.ss.createDeveloperMetadataFinder().withKey(META_KEY).find()) {
    try {
      const v = JSON.parse(m.getValue() ?? '{}') as Record<string, unknown>;
      if (typeof v[ROSTER_UNIT_KEY] === 'string') out.add(v[ROSTER_UNIT_KEY]);
    } catch {
      /* not ours to read */
    }
  }
  return out;
}

/** Adds an empty Roster sheet (unique name), makes it active, returns its name. */
export function createRosterSheet(ctx: SheetsContext): string {
  const [applied] = applyWorkbookPlanDetailed(ctx, { sheets: [buildRosterTemplatePlan(ctx.lang)] }, { uniqueNames: true });
  const s = ctx.ss.getSheetByName(applied!.name);
  if (s) ctx.ss.setActiveSheet(s);
  return applied!.name;
}
