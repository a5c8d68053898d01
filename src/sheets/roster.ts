/**
 * HR set-up through the spreadsheet: read the Roster sheet (one values read), validate it as a
 * whole (src/core/roster.ts), and only then create one OKR sheet per unit in a single locked
 * action. If a write fails midway, the sheets this action created are removed again, so a
 * roster never leaves a half-built workbook.
 */
import type { Localized } from '../core/i18n';
import { SHEET_NAMES } from '../core/labels';
import { colLetter } from '../core/plan/a1';
import { OWNER_KEY } from '../core/plan/types';
import { cycleDates } from '../core/pace';
import {
  buildRosterPlan, buildRosterTemplatePlan, readRosterValues, validateRoster, type RosterKey, type RosterProblem,
} from '../core/roster';
import type { SheetLike } from './api';
import { applyWorkbookPlanDetailed } from './applyPlan';
import type { SheetsContext } from './context';
import { fromSheetValues } from './dates';
import { ERROR_MESSAGES, OkrError } from './errors';
import { withDocumentLock } from './lock';

export interface RosterProblemOut {
  code: RosterProblem['code'];
  row: number | null;
  column: RosterKey | null;
  /** Cell to select (`C7`), null when the problem is about the whole roster. */
  a1: string | null;
  message: Localized;
}

export type RosterSetupResult =
  | { ok: true; sheet: string; created: string[] }
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

/** The roster sheet: by name, else the sheet carrying the roster role, else by its default name. */
export function findRosterSheet(ctx: SheetsContext, sheetName?: string): SheetLike {
  const { ss } = ctx;
  if (sheetName) {
    const s = ss.getSheetByName(sheetName);
    if (!s) throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name: sheetName });
    return s;
  }
  const md = ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).withValue('roster').find();
  const rosters = md.map((m) => m.getLocation().getSheet()).filter((s): s is SheetLike => !!s);
  if (rosters.length > 0) {
    // Several roster sheets (e.g. "New roster sheet" clicked twice): the one open, else the first
    // that holds any unit — never silently an empty one while a filled one exists.
    const active = ss.getActiveSheet();
    return rosters.find((s) => s.getSheetId() === active.getSheetId())
      ?? rosters.find((s) => s.getLastRow() > 1)
      ?? rosters[0]!;
  }
  for (const n of [SHEET_NAMES.roster[ctx.lang], SHEET_NAMES.roster['zh-CN'], SHEET_NAMES.roster.en]) {
    const s = ss.getSheetByName(n);
    if (s) return s;
  }
  throw new OkrError('notFound', MSG.noRoster);
}

export interface RosterSetupOptions {
  sheetName?: string;
  cycle: string;
  /** Spare (empty, pre-formatted) rows under each unit's KRs. */
  spareRows?: number;
}

export function setupFromRosterSheet(ctx: SheetsContext, opts: RosterSetupOptions): RosterSetupResult {
  const dates = cycleDates(opts.cycle);
  if (!dates) throw new OkrError('invalidInput', MSG.badCycle, { cycle: opts.cycle });
  const sheet = findRosterSheet(ctx, opts.sheetName);
  const name = sheet.getName();
  const values = fromSheetValues(sheet.getDataRange().getValues());
  const read = readRosterValues(values);
  const checked = validateRoster(read);
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
  return withDocumentLock(ctx, () => {
    const before = new Set(ctx.ss.getSheets().map((s) => s.getSheetId()));
    try {
      const applied = applyWorkbookPlanDetailed(ctx, plan, { uniqueNames: true });
      const created = applied.filter((a) => a.role === 'okr' && a.action === 'created').map((a) => a.name);
      const first = created[0] ? ctx.ss.getSheetByName(created[0]) : null;
      if (first) ctx.ss.setActiveSheet(first);
      return { ok: true as const, sheet: name, created };
    } catch (e) {
      // nothing half-created: remove every sheet this action added
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

/** Adds an empty Roster sheet (unique name), makes it active, returns its name. */
export function createRosterSheet(ctx: SheetsContext): string {
  const [applied] = applyWorkbookPlanDetailed(ctx, { sheets: [buildRosterTemplatePlan(ctx.lang)] }, { uniqueNames: true });
  const s = ctx.ss.getSheetByName(applied!.name);
  if (s) ctx.ss.setActiveSheet(s);
  return applied!.name;
}
