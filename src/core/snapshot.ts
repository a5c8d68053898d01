/**
 * The workbook snapshot (design §1, "snapshot in, plans out"): everything a task needs to know
 * about a workbook, read once by a shell, then handed to pure core tasks.
 *
 * Each shell has exactly one way to make one:
 * - Sheets: `src/sheets/snapshot.ts` (one values read per sheet it needs, one metadata finder call);
 * - xlsx: `src/local/snapshot.ts` (values after recalculation — cached results, else evaluated);
 * - the in-memory workbook: the Sheets path itself, on the local SpreadsheetApp.
 *
 * A sheet is recognised one way everywhere (`recogniseSheet`): our role metadata first, then
 * content (an OKR header row, a Check-ins / Actions log header). A user sheet is never adopted by
 * its name alone: a sheet called "Settings" without our metadata is the user's.
 */
import { readActions, readCheckIns, type CheckInEntry } from './checkins';
import { isLang, type Lang } from './i18n';
import type { SheetRole } from './labels';
import { DEFAULT_SETTINGS, type ActionItem, type OkrSettings } from './model';
import { readSettingsValues } from './plan/supportSheets';
import { isTableError, readTableValues, type TableReadOk } from './table';
import { normKey } from './text';

/** One sheet as read. Values: row 0 = sheet row 1; numbers, booleans, text, dates as ISO
 *  `YYYY-MM-DD` strings, blanks as null or ''; formula cells hold what the engine computed. */
export interface SheetSnapshot {
  name: string;
  /** The role our developer metadata gives the sheet (null: none — a user's sheet). */
  metaRole: SheetRole | null;
  /** The language our metadata records (`okrSheets.lang`), when present. */
  metaLang?: Lang | null;
  values: unknown[][];
  /** What each cell shows (`getDisplayValues`), where the shell has it: used where the number a
   *  user sees matters (a percentage's decimals, a score shown rounded). */
  display?: string[][];
  /** Formula text per cell ('' = none), where the shell has it. */
  formulas?: string[][];
  /** True when the shell listed the sheet without reading its values (a snapshot asked for
   *  some sheets only); `values` is then empty and says nothing about the sheet. */
  skipped?: boolean;
}

export interface WorkbookSnapshot {
  /** The spreadsheet's (or file's) name. */
  name: string;
  sheets: SheetSnapshot[];
  /** IANA zone the spreadsheet shows dates in (`Asia/Shanghai`); dates in `values` are already
   *  the days shown there. */
  timeZone: string;
  /** ISO day the tasks are "as of": today in `timeZone` unless the caller chose one. */
  asOf: string;
  /** The sheet the user has open, when the shell knows it. */
  activeSheet?: string;
}

export type RecognisedRole = SheetRole | 'other';

/** A recognised OKR sheet: its table read once. */
export interface OkrSheetModel {
  sheet: string;
  read: TableReadOk;
  /** How it was recognised. */
  by: 'metadata' | 'content';
}

/** The snapshot parsed once: what every task starts from. */
export interface WorkbookModel {
  snapshot: WorkbookSnapshot;
  roles: Map<string, RecognisedRole>;
  okr: OkrSheetModel[];
  checkins: CheckInEntry[];
  actions: (ActionItem & { sheet?: string })[];
  settings: OkrSettings & { cycle: string | null };
  /** The workbook's language: Settings, else the language most OKR sheets' headers use,
   *  else null (the caller's fallback applies). */
  lang: Lang | null;
}

const GENERATED: ReadonlySet<RecognisedRole> = new Set(['review', 'dashboard', 'alignment']);

/**
 * The role of a sheet: our metadata first; otherwise its content — an OKR header row, a
 * Check-ins or Actions log header — else 'other'. Never by name alone.
 */
export function recogniseSheet(s: SheetSnapshot): RecognisedRole {
  if (s.metaRole) return s.metaRole;
  if (!isTableError(readTableValues(s.values))) return 'okr';
  if (readCheckIns(s.values).headerRow >= 0) return 'checkins';
  if (readActions(s.values).headerRow >= 0) return 'actions';
  return 'other';
}

/**
 * Parses a snapshot once: OKR tables, the check-in and action logs (every log sheet, in tab
 * order), and the Settings sheet that carries our metadata. Generated sheets are not read.
 */
export function readSnapshot(snapshot: WorkbookSnapshot, fallbackLang?: Lang): WorkbookModel {
  const roles = new Map<string, RecognisedRole>();
  const okr: OkrSheetModel[] = [];
  const checkins: CheckInEntry[] = [];
  const actions: (ActionItem & { sheet?: string })[] = [];
  let settings: (OkrSettings & { cycle: string | null }) | null = null;
  let settingsLang: Lang | null = null;
  for (const s of snapshot.sheets) {
    const role = recogniseSheet(s);
    roles.set(s.name, role);
    if (GENERATED.has(role) || role === 'other' || role === 'roster') continue;
    if (role === 'settings') {
      if (!settings) {
        settings = readSettingsValues(s.values);
        settingsLang = hasLangSetting(s.values) ? settings.lang : (s.metaLang ?? null);
      }
      continue;
    }
    if (role === 'okr') {
      const read = readTableValues(s.values, fallbackLang ? { lang: fallbackLang } : {});
      if (!isTableError(read)) okr.push({ sheet: s.name, read, by: s.metaRole === 'okr' ? 'metadata' : 'content' });
      continue;
    }
    if (role === 'checkins') {
      const c = readCheckIns(s.values);
      const base = checkins.length;
      for (const e of c.items) checkins.push({ ...e, order: base + e.order });
      continue;
    }
    if (role === 'actions') actions.push(...readActions(s.values).items);
  }
  const lang = settingsLang ?? majorityLang(okr.map((o) => o.read.table.lang));
  const base = settings ?? { ...DEFAULT_SETTINGS, cycle: null };
  return { snapshot, roles, okr, checkins, actions, settings: { ...base, lang: lang ?? fallbackLang ?? base.lang }, lang };
}

/** True when the Settings values carry an explicit language row (so it decides). */
function hasLangSetting(values: readonly (readonly unknown[])[]): boolean {
  return values.some((row) => isLang(row[1]));
}

function majorityLang(langs: readonly Lang[]): Lang | null {
  if (langs.length === 0) return null;
  const zh = langs.filter((l) => l === 'zh-CN').length;
  return zh * 2 >= langs.length ? 'zh-CN' : 'en';
}

/** The OKR sheet of that name (exact, then ignoring case and spaces), or null. */
export function findOkrSheet(model: WorkbookModel, name: string): OkrSheetModel | null {
  return model.okr.find((o) => o.sheet === name) ?? model.okr.find((o) => normKey(o.sheet) === normKey(name)) ?? null;
}
