/**
 * Applies a WorkbookPlan (design §1, plans as data) through SpreadsheetApp in batched calls.
 *
 * Service calls per sheet do not depend on the number of rows. One Range object serves the
 * whole block (values, styles, validations): it comes from `getRange`, or — when the plan has
 * other ranges (conditional formats, protections, named ranges) — as the first range of one
 * `getRangeList(...).getRanges()` that yields them all. Then one setNumberFormats (cells without
 * a plan format get 'General', i.e. automatic; written before the values, so a Date written into
 * an automatic cell still gets its date format), one setValues (formulas are strings starting
 * with `=`), one 2-D call per other style property in use (setFontWeights, setBackgrounds,
 * setFontColors, setHorizontalAlignments, setWraps), one setDataValidations (a 2-D grid of rules
 * and nulls), one setConditionalFormatRules. What grows with the plan (not the rows): one call
 * per named range, two per protection (three with a description), one per run of equal
 * non-default column widths. `planCallEstimate()` gives the exact count for a plan.
 *
 * Safety (design §7):
 * - a sheet whose name exists gets a new unique name (`Sales OKR (2)`); the existing sheet is
 *   never touched;
 * - support sheets (check-ins, actions, settings) are recognised by role metadata only and
 *   created when missing; a user sheet with the name gets ours beside it (`Settings (OKR)`),
 *   and the plan's formulas are pointed at our sheet's real name (retargetSheetRefs);
 * - with `replaceOwned`, a generated sheet (review / dashboard / alignment) carrying our role
 *   metadata is rewritten in place (backup copy first, clear, write); a user sheet of that name
 *   is left alone and the plan goes to a new unique name;
 * - named ranges get a per-sheet prefix (unique in the spreadsheet); formulas of the same sheet
 *   that use a plan name are rewritten to the prefixed name;
 * - writes hold the document lock when ctx.lock is present.
 */
import type { Localized } from '../core/i18n';
import { SHEET_NAMES, type SheetRole } from '../core/labels';
import { parseRange } from '../core/plan/a1';
import { sheetsWouldCoerce } from '../core/escape';
import type {
  ConditionalFormatPlan, FormatPlan, PlanCell, SheetPlan, ValidationPlan, WorkbookPlan,
} from '../core/plan/types';
import { OWNER_KEY } from '../core/plan/types';
import type {
  AppLike, ConditionalFormatRuleLike, DataValidationLike, DeveloperMetadataLike, FontWeight, RangeLike, SheetLike,
} from './api';
import type { SheetsContext } from './context';
import { isoToSheetDate } from './dates';
import { OkrError } from './errors';
import { withDocumentLock } from './lock';
import { applyViaBatch, type SheetsApiLike } from './batch/apply';

export interface ApplyOptions {
  /** A name clash gives the new sheet a unique name (default). false → an OkrError('conflict'). */
  uniqueNames?: boolean;
  /** Rewrite our generated sheets (review, dashboard, alignment) in place. Default false. */
  replaceOwned?: boolean;
  /** Before a rewrite, keep a copy of the old sheet (default true; one backup per sheet). */
  backup?: boolean;
  /** The Sheets API to apply through; default ctx.sheetsApi; null = SpreadsheetApp only. */
  sheetsApi?: SheetsApiLike | null;
  /** Take the Sheets API path whatever the spreadsheet's locale (Run diagnostics, to compare the
   *  two paths there); by default only en-US-syntax locales take it (src/sheets/batch/locale.ts). */
  sheetsApiAnyLocale?: boolean;
}

export type SheetAction = 'created' | 'rewritten' | 'skipped';
export interface AppliedSheet {
  /** The plan's sheet name. */
  planName: string;
  /** The sheet's actual name. */
  name: string;
  role: SheetRole;
  action: SheetAction;
  /** The backup copy made before a rewrite. */
  backup?: string;
  /** Which service applied it: one Sheets API batchUpdate (src/sheets/batch) or SpreadsheetApp
   *  (the fallback). Set by applyWorkbookPlanDetailed on every sheet — Run diagnostics reports it. */
  via?: AppliedVia;
}
export type AppliedVia = 'sheetsApi' | 'spreadsheetApp';

/** Developer metadata keys other than the role are stored together in this one entry (JSON). */
export const META_KEY = 'okrSheets.meta';

export const SUPPORT_ROLES: readonly SheetRole[] = ['checkins', 'actions', 'settings'];
export const GENERATED_ROLES: readonly SheetRole[] = ['review', 'dashboard', 'alignment'];

/** Rows and columns of a new sheet in Google Sheets. */
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLS = 26;
export const DEFAULT_WIDTH = 100;

const MSG = {
  nameTaken: {
    'zh-CN': '已存在名为“{name}”的工作表。',
    en: 'A sheet named "{name}" already exists.',
  },
  badRange: { 'zh-CN': '计划中的区域“{range}”无效。', en: 'Invalid range "{range}" in the plan.' },
  backup: { 'zh-CN': '{name}（备份）', en: '{name} (backup)' },
} satisfies Record<string, Localized>;

/** Applies a plan; returns the names of the sheets created or rewritten, in plan order. */
export function applyWorkbookPlan(ctx: SheetsContext, plan: WorkbookPlan, opts: ApplyOptions = {}): string[] {
  return applyWorkbookPlanDetailed(ctx, plan, opts)
    .filter((s) => s.action !== 'skipped')
    .map((s) => s.name);
}

export function applyWorkbookPlanDetailed(ctx: SheetsContext, plan: WorkbookPlan, opts: ApplyOptions = {}): AppliedSheet[] {
  return withDocumentLock(ctx, () => {
    const api = opts.sheetsApi === undefined ? ctx.sheetsApi : opts.sheetsApi;
    if (api) {
      // one get + one batchUpdate instead of ≈ 20 calls a sheet (src/sheets/batch); when it
      // fails (API not enabled, scope not granted …) the plan goes through SpreadsheetApp once
      try {
        const done = applyViaBatch(ctx, api, plan, opts);
        if (done) return done.applied.map((s) => ({ ...s, via: 'sheetsApi' as const }));
      } catch (e) {
        if (e instanceof OkrError) throw e;
        console.warn(`OKR Sheets: batchUpdate failed, applying through SpreadsheetApp instead: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return applyThroughSpreadsheetApp(ctx, plan, opts).map((s) => ({ ...s, via: 'spreadsheetApp' as const }));
  });
}

function applyThroughSpreadsheetApp(ctx: SheetsContext, plan: WorkbookPlan, opts: ApplyOptions): AppliedSheet[] {
  {
    const hasSupport = plan.sheets.some((sp) => SUPPORT_ROLES.includes(sp.role));
    const owned = hasSupport ? supportSheetsByRole(ctx) : new Map<SheetRole, DeveloperMetadataLike>();
    // Decide every support sheet's real name before anything is written, so that formulas of
    // the plan (an OKR sheet's Status reads Settings) point at OUR sheet: the one carrying the
    // role metadata, or the one about to be created — never a user's sheet that happens to
    // have the name, never a name in the other language (issue 11, item 3).
    const targets = new Map<SheetPlan, SupportTarget>();
    const renames = new Map<string, string>();
    if (hasSupport) {
      for (const sp of plan.sheets) {
        if (!SUPPORT_ROLES.includes(sp.role)) continue;
        const t = supportTarget(ctx, sp, owned);
        targets.set(sp, t);
        for (const n of uniq([sp.name, SHEET_NAMES[sp.role]['zh-CN'], SHEET_NAMES[sp.role].en])) if (n !== t.name) renames.set(n, t.name);
      }
    }
    return plan.sheets.map((sp) => {
      const target = targets.get(sp);
      const fixed = renames.size > 0 ? retargetSheetRefs(sp, renames) : sp;
      return target ? applySupportSheet(ctx, fixed, target) : applySheet(ctx, fixed, opts, owned);
    });
  }
}

interface SupportTarget {
  name: string;
  /** Ours already (role metadata): left as it is. */
  existing: boolean;
}

/** `Settings (OKR)` / `设置（OKR）`: the name our support sheet takes when a user sheet has ours. */
export function supportFallbackName(name: string): string {
  return /[\u3400-\u9fff]/.test(name) ? `${name}（OKR）` : `${name} (OKR)`;
}

/**
 * Where a support sheet of the plan goes: ours by role metadata (users rename tabs), else the
 * plan's name when free, else `Settings (OKR)` (then `Settings (OKR) (2)` …). A user's sheet
 * named "Settings" is never adopted.
 */
function supportTarget(ctx: SheetsContext, sp: SheetPlan, owned: Map<SheetRole, DeveloperMetadataLike>): SupportTarget {
  const mine = owned.get(sp.role)?.getLocation().getSheet();
  if (mine) return { name: mine.getName(), existing: true };
  if (!ctx.ss.getSheetByName(sp.name)) return { name: sp.name, existing: false };
  const fallback = supportFallbackName(sp.name);
  return { name: ctx.ss.getSheetByName(fallback) ? uniqueName(ctx, fallback) : fallback, existing: false };
}

function applySupportSheet(ctx: SheetsContext, sp: SheetPlan, t: SupportTarget): AppliedSheet {
  const base = { planName: sp.name, role: sp.role };
  if (t.existing) return { ...base, name: t.name, action: 'skipped' };
  const sheet = ctx.ss.insertSheet(t.name);
  writeSheet(ctx, sheet, sp, true, t.name);
  return { ...base, name: t.name, action: 'created' };
}

/** The plan with sheet references `'Old'!A1` / `Old!A1` in its formulas pointing at new names. */
export function retargetSheetRefs(sp: SheetPlan, renames: Map<string, string>): SheetPlan {
  const fix = (v: PlanCell): PlanCell => (typeof v === 'string' && v.startsWith('=') && v.includes('!') ? renameSheetsInFormula(v, renames) : v);
  let changed = false;
  const values = sp.values.map((line) =>
    (line ?? []).map((v) => {
      const f = fix(v);
      if (f !== v) changed = true;
      return f;
    }),
  );
  const conditionalFormats = sp.conditionalFormats.map((cf) => {
    if (cf.when.kind !== 'formula') return cf;
    const f = renameSheetsInFormula(cf.when.formula, renames);
    if (f === cf.when.formula) return cf;
    changed = true;
    return { ...cf, when: { ...cf.when, formula: f } };
  });
  return changed ? { ...sp, values, conditionalFormats } : sp;
}

/** Index of the quote closing the literal that opens at `start` (`"…"` or `'…'`, the quote
 *  doubled inside), or the formula's end when it is not closed. */
function closingQuote(formula: string, start: number): number {
  const q = formula[start];
  let j = start + 1;
  while (j < formula.length) {
    if (formula[j] !== q) j++;
    else if (formula[j + 1] === q) j += 2;
    else break;
  }
  return j;
}

/** Replaces sheet names before `!` (quoted or bare) outside string literals. */
export function renameSheetsInFormula(formula: string, renames: Map<string, string>): string {
  const quote = (n: string) => `'${n.replace(/'/g, "''")}'`;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      const j = closingQuote(formula, i);
      const token = formula.slice(i, j + 1);
      const name = token.slice(1, -1).replace(/''/g, "'");
      const to = ch === "'" && formula[j + 1] === '!' ? renames.get(name) : undefined;
      out += to !== undefined ? quote(to) : token;
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_\u3400-\u9fff][A-Za-z0-9_.\u3400-\u9fff]*/.exec(formula.slice(i));
    if (m) {
      const word = m[0];
      const to = formula[i + word.length] === '!' && out[out.length - 1] !== '!' ? renames.get(word) : undefined;
      out += to !== undefined ? quote(to) : word;
      i += word.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * Support sheets already in the workbook, by role metadata (users rename tabs): one finder
 * query, one getValue per sheet we own.
 */
function supportSheetsByRole(ctx: SheetsContext): Map<SheetRole, DeveloperMetadataLike> {
  const out = new Map<SheetRole, DeveloperMetadataLike>();
  for (const m of ctx.ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).find()) {
    const role = m.getValue() as SheetRole;
    if (SUPPORT_ROLES.includes(role) && !out.has(role)) out.set(role, m);
  }
  return out;
}

function applySheet(ctx: SheetsContext, sp: SheetPlan, opts: ApplyOptions, owned: Map<SheetRole, DeveloperMetadataLike>): AppliedSheet {
  const { ss } = ctx;
  const base = { planName: sp.name, role: sp.role };

  if (!(opts.replaceOwned && GENERATED_ROLES.includes(sp.role))) {
    // the common case in one call: insertSheet fails only when the name is taken
    const sheet = tryInsert(ctx, sp.name);
    if (sheet) {
      writeSheet(ctx, sheet, sp, true, sp.name);
      return { ...base, name: sp.name, action: 'created' };
    }
  }
  const existing = ss.getSheetByName(sp.name);
  if (existing && opts.replaceOwned && GENERATED_ROLES.includes(sp.role)) {
    const md = existing.getDeveloperMetadata();
    const owned = md.some((m) => m.getKey() === OWNER_KEY && m.getValue() === sp.role);
    if (owned) {
      const backup = opts.backup === false ? undefined : backupSheet(ctx, existing, sp.name);
      writeSheet(ctx, existing, sp, false, sp.name);
      return { ...base, name: sp.name, action: 'rewritten', ...(backup ? { backup } : {}) };
    }
  }
  let name = sp.name;
  if (existing) {
    if (opts.uniqueNames === false) throw new OkrError('conflict', MSG.nameTaken, { name: sp.name });
    name = uniqueName(ctx, sp.name);
  }
  const sheet = ss.insertSheet(name);
  writeSheet(ctx, sheet, sp, true, name);
  return { ...base, name, action: 'created' };
}

/** insertSheet(name), or null when a sheet of that name exists (any other failure is thrown). */
function tryInsert(ctx: SheetsContext, name: string): SheetLike | null {
  try {
    return ctx.ss.insertSheet(name);
  } catch (e) {
    if (ctx.ss.getSheetByName(name)) return null;
    throw e;
  }
}

export function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** `Name (2)`, `Name (3)` … the first one free (names stay within 100 characters). */
export function uniqueName(ctx: SheetsContext, name: string): string {
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = name.slice(0, 100 - suffix.length) + suffix;
    if (!ctx.ss.getSheetByName(candidate)) return candidate;
  }
}

/** Keeps one backup per generated sheet: the previous backup (ours, by metadata) is replaced. */
function backupSheet(ctx: SheetsContext, sheet: SheetLike, name: string): string {
  const { ss } = ctx;
  const backupName = MSG.backup[ctx.lang].replace('{name}', name).slice(0, 100);
  const old = ss.getSheetByName(backupName);
  let finalName = backupName;
  if (old) {
    const ours = old.getDeveloperMetadata().some((m) => m.getKey() === 'okrSheets.backupOf');
    if (ours) deleteSheetAndNames(ss, old);
    else finalName = uniqueName(ctx, backupName);
  }
  const dup = sheet.copyTo(ss);
  dup.setName(finalName);
  for (const m of dup.getDeveloperMetadata()) m.remove();
  dup.addDeveloperMetadata('okrSheets.backupOf', name);
  // Hidden: the backup is a safety net, not a second tab to read (View → Hidden sheets shows it).
  dup.hideSheet();
  return finalName;
}

/**
 * Deletes a sheet after removing its named ranges: Sheets keeps named ranges into a deleted sheet
 * as #REF!, unlisted and unremovable, with their names still taken (assumptions.ts
 * 'named-ranges-removed-with-sheet'), so a later sheet could not take them back.
 */
export function deleteSheetAndNames(ss: SheetsContext['ss'], sheet: SheetLike): void {
  for (const n of sheet.getNamedRanges()) n.remove();
  ss.deleteSheet(sheet);
}

/**
 * Names a range, or — when the name is taken (a #REF! name left by a deleted sheet cannot be
 * seen or removed) — the first free `name_2`, `name_3` …; returns the name used. Called before
 * any value is written, so a taken name never leaves a sheet half-written.
 */
function setFreeName(ss: SheetsContext['ss'], name: string, range: RangeLike): string {
  let first: unknown;
  for (let i = 1; i <= MAX_NAME_TRIES; i++) {
    const candidate = i === 1 ? name : `${name.slice(0, 240)}_${i}`;
    try {
      ss.setNamedRange(candidate, range);
      return candidate;
    } catch (e) {
      first ??= e;
    }
  }
  throw first;
}
const MAX_NAME_TRIES = 10;

/**
 * Empty rows a new sheet keeps below the plan's block: people write beside and below what we
 * generate (a footnote under a review, a remark right of a dashboard — test/safety), and the
 * Sheets UI only adds rows at the bottom through "Add more rows".
 */
export const USER_MARGIN_ROWS = 20;

/**
 * The block a plan writes: every value and every range of the plan (an OKR sheet's spare rows
 * are in it). A new sheet's grid is `keepRows` × `keepCols`: the block's rows plus
 * USER_MARGIN_ROWS (instead of 1,000: each default sheet is 26,000 cells toward the
 * 10-million-cell limit, https://support.google.com/drive/answer/37603), and the default 26
 * columns (or the block's, when wider) — columns are kept because people type beside our
 * blocks, and once the rows are trimmed 26 columns cost little.
 */
export function planBlockSize(sp: SheetPlan): { rows: number; cols: number; keepRows: number; keepCols: number } {
  let rows = sp.values.length;
  let cols = Math.max(0, ...sp.values.map((r) => r.length));
  for (const a1 of planRanges(sp)) {
    const b = box(a1);
    rows = Math.max(rows, b.row2);
    cols = Math.max(cols, b.col2);
  }
  rows = Math.max(rows, 1);
  cols = Math.max(cols, 1);
  return { rows, cols, keepRows: Math.max(rows + USER_MARGIN_ROWS, sp.frozenRows + 1), keepCols: Math.max(cols, NEW_SHEET_COLS) };
}

// ─── writing one sheet ──────────────────────────────────────────────────────────────────────

interface Box {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

function box(a1: string): Box {
  try {
    return parseRange(a1);
  } catch {
    throw new OkrError('invalidInput', MSG.badRange, { range: a1 });
  }
}

function planRanges(sp: SheetPlan): string[] {
  return [
    ...sp.formats.map((f) => f.range),
    ...sp.validations.map((v) => v.range),
    ...sp.conditionalFormats.map((c) => c.range),
    ...sp.protections.map((p) => p.range),
    ...sp.namedRanges.map((n) => n.range),
  ];
}

/** PlanCell → what setValues takes: PlanDate → Date at local midnight, null → ''. */
export function cellValue(c: PlanCell): string | number | boolean | Date {
  if (c === null || c === undefined) return '';
  if ((c as unknown) instanceof Date) return c as unknown as Date;
  if (typeof c === 'object') return isoToDate(c.date);
  return c;
}

/** `YYYY-MM-DD` → the Date to write: midnight in the spreadsheet's time zone (see ./dates). */
export function isoToDate(iso: string): Date {
  const d = isoToSheetDate(iso);
  if (!d) throw new OkrError('invalidInput', MSG.badRange, { range: iso });
  return d;
}

/** A name usable as a named-range prefix: ASCII word characters, plus a hash when lossy. */
export function namePrefix(sheetName: string): string {
  let s = sheetName.replace(/[^A-Za-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_|_$/g, '');
  if (s !== sheetName) s = `${s}${s ? '_' : ''}${hash36(sheetName)}`;
  if (!/^[A-Za-z_]/.test(s)) s = `S_${s}`;
  return s.slice(0, 60);
}

function hash36(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).slice(0, 5);
}

/** The spreadsheet-wide name of a plan's named range on a sheet. */
export function namedRangeName(sheetName: string, name: string): string {
  const p = namePrefix(sheetName);
  return name.startsWith(`${p}_`) ? name : `${p}_${name}`;
}

/** Replaces bare uses of `names` (outside string literals and quoted sheet names) in a formula. */
export function renameInFormula(formula: string, names: Map<string, string>): string {
  if (names.size === 0 || !formula.startsWith('=')) return formula;
  const lower = formula.toLowerCase();
  if (![...names.keys()].some((n) => lower.includes(n))) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      const j = closingQuote(formula, i);
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i));
    if (m) {
      const word = m[0];
      const prev = out[out.length - 1];
      const next = formula[i + word.length];
      const replacement = names.get(word.toLowerCase());
      out += replacement && prev !== '!' && next !== '(' && next !== '!' ? replacement : word;
      i += word.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Writes a plan's block onto a sheet. `size`: the sheet's grid when `fresh` is true but the
 *  sheet is not new (src/sheets/ownedSheet.ts rewrites only the block it owns). */
export function writeSheet(ctx: SheetsContext, sheet: SheetLike, sp: SheetPlan, fresh: boolean, actualName: string, size?: { rows: number; cols: number }): void {
  const { app, ss } = ctx;

  // 1. size of the block: every value and every range of the plan
  let rows = sp.values.length;
  let cols = Math.max(0, ...sp.values.map((r) => r.length));
  const rangeBoxes = new Map<string, Box>();
  for (const a1 of planRanges(sp)) {
    const b = rangeBoxes.get(a1) ?? box(a1);
    rangeBoxes.set(a1, b);
    rows = Math.max(rows, b.row2);
    cols = Math.max(cols, b.col2);
  }
  cols = Math.max(cols, 1);
  rows = Math.max(rows, 1);

  // 2. a rewrite starts from an empty sheet (formats, validations, protections, names, charts)
  let maxRows = size?.rows ?? NEW_SHEET_ROWS;
  let maxCols = size?.cols ?? NEW_SHEET_COLS;
  const isNew = fresh && !size;
  if (fresh && size && sp.namedRanges.length > 0) for (const n of sheet.getNamedRanges()) n.remove();
  if (!fresh) {
    maxRows = sheet.getMaxRows();
    maxCols = sheet.getMaxColumns();
    const all = sheet.getRange(1, 1, maxRows, maxCols);
    all.clear();
    all.clearDataValidations();
    for (const p of sheet.getProtections(app.ProtectionType.RANGE)) p.remove();
    for (const n of sheet.getNamedRanges()) n.remove();
    for (const c of sheet.getCharts()) sheet.removeChart(c);
    if (sp.conditionalFormats.length === 0) sheet.clearConditionalFormatRules();
  }
  // a new sheet gets the rows the plan uses plus a margin (planBlockSize), not 1,000
  const wantRows = isNew ? Math.max(rows + USER_MARGIN_ROWS, sp.frozenRows + 1) : rows;
  if (wantRows > maxRows) sheet.insertRowsAfter(maxRows, wantRows - maxRows);
  else if (isNew && wantRows < maxRows) sheet.deleteRows(wantRows + 1, maxRows - wantRows);
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);

  // 3. one Range for the block; with other ranges, all of them from one getRangeList
  const names = new Map<string, string>();
  const blockA1 = a1Of({ row1: 1, col1: 1, row2: rows, col2: cols });
  const others = otherRanges(sp).filter((a1) => a1 !== blockA1);
  const rangeOf = new Map<string, RangeLike>();
  let block: RangeLike;
  if (others.length > 0) {
    const list = sheet.getRangeList([blockA1, ...others]).getRanges();
    block = list[0]!;
    rangeOf.set(blockA1, block);
    others.forEach((a1, i) => rangeOf.set(a1, list[i + 1]!));
  } else {
    block = sheet.getRange(1, 1, rows, cols);
    rangeOf.set(blockA1, block);
  }

  // named ranges before anything is written: a name that is taken gives way to a free one, and
  // the formulas below use the names actually set
  for (const n of sp.namedRanges) {
    names.set(n.name.toLowerCase(), setFreeName(ss, namedRangeName(actualName, n.name), rangeOf.get(n.range)!));
  }
  const fix = (f: string) => renameInFormula(f, names);

  // 4. number formats before the values (a Date written into an automatic cell gets a date format)
  const nf = numberFormatGrid(sp, rangeBoxes, rows, cols);
  if (nf) block.setNumberFormats(nf);

  // 5. values (formulas included) in one call
  const values: (string | number | boolean | Date)[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = sp.values[r] ?? [];
    const row: (string | number | boolean | Date)[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const v = cellValue(src[c] ?? null);
      row[c] = typeof v === 'string' && v.startsWith('=') ? fix(v) : v;
    }
    values.push(row);
  }
  block.setValues(values);

  // 6. other styles: one 2-D call per property in use
  applyFormats(block, sp.formats, rangeBoxes, rows, cols);

  // 7. validations: one rule per distinct rule, one call for the whole block
  if (sp.validations.length > 0) {
    const grid: (DataValidationLike | null)[][] = Array.from({ length: rows }, () => new Array<DataValidationLike | null>(cols).fill(null));
    const built = new Map<string, DataValidationLike>();
    for (const v of sp.validations) {
      const key = JSON.stringify([v.rule, v.helpText, v.strict]);
      let rule = built.get(key);
      if (!rule) built.set(key, (rule = buildValidation(app, v)));
      const b = rangeBoxes.get(v.range)!;
      for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) grid[r - 1]![c - 1] = rule;
    }
    block.setDataValidations(grid);
  }

  // 8. conditional formats (one call), protections
  if (sp.conditionalFormats.length > 0) {
    sheet.setConditionalFormatRules(buildConditionalFormats(app, sp.conditionalFormats, rangeOf, fix));
  }
  for (const p of sp.protections) {
    const prot = rangeOf.get(p.range)!.protect();
    prot.setWarningOnly(true);
    if (p.description) prot.setDescription(p.description);
  }

  // 9. frozen rows, column widths (one call per run of equal widths, default widths skipped)
  if (sp.frozenRows > 0 || !fresh) sheet.setFrozenRows(Math.min(sp.frozenRows, rows));
  let c = 0;
  while (c < sp.columnWidths.length) {
    const w = sp.columnWidths[c]!;
    let n = 1;
    while (c + n < sp.columnWidths.length && sp.columnWidths[c + n] === w) n++;
    if (!(fresh && w === DEFAULT_WIDTH)) {
      if (n === 1) sheet.setColumnWidth(c + 1, w);
      else sheet.setColumnWidths(c + 1, n, w);
    }
    c += n;
  }

  // 10. developer metadata: the role on its own (searchable), everything else in one JSON entry
  const { [OWNER_KEY]: role, ...rest } = sp.metadata;
  if (!fresh) for (const m of sheet.getDeveloperMetadata()) if (m.getKey() === OWNER_KEY || m.getKey() === META_KEY) m.remove();
  if (role !== undefined) sheet.addDeveloperMetadata(OWNER_KEY, role);
  if (Object.keys(rest).length > 0) sheet.addDeveloperMetadata(META_KEY, JSON.stringify(rest));
}

type Grid<T> = (T | null)[][];

/** The ranges other than the block that need a Range object (in plan order, deduplicated). */
function otherRanges(sp: SheetPlan): string[] {
  return uniq([
    ...sp.conditionalFormats.map((c) => c.range),
    ...sp.protections.map((p) => p.range),
    ...sp.namedRanges.map((n) => n.range),
  ]);
}

function a1Of(b: Box): string {
  const col = (n: number) => {
    let out = '';
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
    return out;
  };
  return `${col(b.col1)}${b.row1}:${col(b.col2)}${b.row2}`;
}

/** Bold, background, font colour, alignment, wrap: one 2-D call on the block per property used. */
function applyFormats(block: RangeLike, formats: FormatPlan[], boxes: Map<string, Box>, rows: number, cols: number): void {
  if (formats.length === 0) return;
  const make = <T>(): Grid<T> => Array.from({ length: rows }, () => new Array<T | null>(cols).fill(null));
  let bold: Grid<FontWeight> | null = null;
  let bg: Grid<string> | null = null;
  let fg: Grid<string> | null = null;
  let align: Grid<'left' | 'center' | 'right'> | null = null;
  let wrap: boolean[][] | null = null;
  for (const f of formats) {
    const b = boxes.get(f.range)!;
    const each = <T>(g: Grid<T>, v: T) => {
      for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) g[r - 1]![c - 1] = v;
    };
    if (f.bold !== undefined) each((bold ??= make<FontWeight>()), f.bold ? 'bold' : 'normal');
    if (f.background !== undefined) each((bg ??= make<string>()), f.background);
    if (f.fontColor !== undefined) each((fg ??= make<string>()), f.fontColor);
    if (f.horizontalAlignment !== undefined) each((align ??= make<'left' | 'center' | 'right'>()), f.horizontalAlignment);
    if (f.wrap !== undefined) {
      wrap ??= Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
      for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) wrap[r - 1]![c - 1] = f.wrap;
    }
  }
  if (bold) block.setFontWeights(bold);
  if (bg) block.setBackgrounds(bg);
  if (fg) block.setFontColors(fg);
  if (align) block.setHorizontalAlignments(align);
  // wrap off is the default (text overflows), so one 2-D call covers the block
  if (wrap) block.setWraps(wrap);
}

/** What Sheets calls the automatic number format (Format → Number → Automatic). */
export const AUTOMATIC_NUMBER_FORMAT = 'General';

/** The block's number formats (rows × cols; 'General' = automatic), or null when all are automatic. */
export function planNumberFormats(sp: SheetPlan, rows: number, cols: number): string[][] | null {
  return numberFormatGrid(sp, new Map(), rows, cols);
}

/**
 * The block's number formats as one grid (a later plan format over the same cell wins; cells
 * without one are automatic), or null when the plan sets none.
 */
function numberFormatGrid(sp: SheetPlan, boxes: Map<string, Box>, rows: number, cols: number): string[][] | null {
  const formats = sp.formats;
  const coerced = coercibleCells(sp);
  if (!formats.some((f) => f.numberFormat !== undefined) && coerced.length === 0) return null;
  const grid: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill(AUTOMATIC_NUMBER_FORMAT));
  for (const f of formats) {
    if (f.numberFormat === undefined) continue;
    const b = boxes.get(f.range) ?? box(f.range);
    for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) grid[r - 1]![c - 1] = f.numberFormat || AUTOMATIC_NUMBER_FORMAT;
  }
  // text Sheets would turn into a number or a date (`01234`, `3/4`) is written into a text
  // cell, before the value, so it stays exactly as typed (issue 11, item 5)
  for (const [r, c] of coerced) grid[r]![c] = TEXT_NUMBER_FORMAT;
  return grid;
}

/** Sheets' plain-text number format: a value written into such a cell is kept as text.
 *  https://developers.google.com/apps-script/reference/spreadsheet/range#setnumberformatnumberformat */
export const TEXT_NUMBER_FORMAT = '@';

/** 0-based cells whose plan value is text that Sheets would parse as a number or a date. */
function coercibleCells(sp: SheetPlan): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  sp.values.forEach((line, r) =>
    (line ?? []).forEach((v, c) => {
      if (typeof v === 'string' && !v.startsWith('=') && !v.startsWith("'") && sheetsWouldCoerce(v)) out.push([r, c]);
    }),
  );
  return out;
}

function buildValidation(app: AppLike, v: ValidationPlan): DataValidationLike {
  let b = app.newDataValidation();
  const rule = v.rule;
  switch (rule.kind) {
    case 'list':
      b = b.requireValueInList(rule.values, true);
      break;
    case 'checkbox':
      b = b.requireCheckbox();
      break;
    case 'number':
      if (rule.min !== undefined && rule.max !== undefined) b = b.requireNumberBetween(rule.min, rule.max);
      else if (rule.min !== undefined) b = b.requireNumberGreaterThanOrEqualTo(rule.min);
      else if (rule.max !== undefined) b = b.requireNumberLessThanOrEqualTo(rule.max);
      else b = b.requireNumberBetween(-1e15, 1e15);
      break;
    case 'date':
      if (rule.min !== undefined && rule.max !== undefined) b = b.requireDateBetween(isoToDate(rule.min), isoToDate(rule.max));
      else if (rule.min !== undefined) b = b.requireDateOnOrAfter(isoToDate(rule.min));
      else if (rule.max !== undefined) b = b.requireDateOnOrBefore(isoToDate(rule.max));
      else b = b.requireDate();
      break;
  }
  if (v.helpText) b = b.setHelpText(v.helpText);
  return b.setAllowInvalid(!v.strict).build();
}

function buildConditionalFormats(
  app: AppLike,
  plans: ConditionalFormatPlan[],
  rangeOf: Map<string, RangeLike>,
  fix: (f: string) => string,
): ConditionalFormatRuleLike[] {
  return plans.map((c) => {
    let b = app.newConditionalFormatRule().setRanges([rangeOf.get(c.range)!]);
    const w = c.when;
    switch (w.kind) {
      case 'textEq':
        b = b.whenTextEqualTo(w.value);
        break;
      case 'numberBetween':
        b = b.whenNumberBetween(w.min, w.max);
        break;
      case 'numberLess':
        b = b.whenNumberLessThan(w.value);
        break;
      case 'numberGreaterEq':
        b = b.whenNumberGreaterThanOrEqualTo(w.value);
        break;
      case 'formula':
        b = b.whenFormulaSatisfied(fix(w.formula));
        break;
    }
    if (c.background) b = b.setBackground(c.background);
    if (c.fontColor) b = b.setFontColor(c.fontColor);
    if (c.bold) b = b.setBold(true);
    return b.build();
  });
}

/**
 * Service calls `applyWorkbookPlan` makes for one new sheet (no name clash, fresh sheet, no
 * replaceOwned) — plus, once per plan with support sheets, 3 calls to find the support sheets
 * by metadata and 1 per sheet the add-on already owns —
 * the budget figure reported by tests and the bench.
 */
export function planCallEstimate(sp: SheetPlan): { total: number; parts: Record<string, number> } {
  const { rows, cols, keepRows } = planBlockSize(sp);
  let widthRuns = 0;
  for (let i = 0; i < sp.columnWidths.length; i++) {
    if (i > 0 && sp.columnWidths[i] === sp.columnWidths[i - 1]) continue;
    if (sp.columnWidths[i] !== DEFAULT_WIDTH) widthRuns++;
  }
  const blockA1 = a1Of({ row1: 1, col1: 1, row2: rows, col2: cols });
  const others = otherRanges(sp).filter((a1) => a1 !== blockA1);
  const { [OWNER_KEY]: role, ...rest } = sp.metadata;
  const has = (k: keyof FormatPlan) => (sp.formats.some((f) => f[k] !== undefined) ? 1 : 0);
  const parts: Record<string, number> = {
    // a support sheet: is its name free (a user sheet of that name sends ours to `… (OKR)`)
    'find name': SUPPORT_ROLES.includes(sp.role) ? 1 : 0,
    insertSheet: 1,
    'grow sheet': (keepRows > NEW_SHEET_ROWS ? 1 : 0) + (cols > NEW_SHEET_COLS ? 1 : 0),
    // deleteRows down to the block plus USER_MARGIN_ROWS (see planBlockSize)
    'trim sheet': keepRows < NEW_SHEET_ROWS ? 1 : 0,
    // getRange, or getRangeList + getRanges when other ranges are needed
    ranges: others.length > 0 ? 2 : 1,
    values: 1,
    styles: (has('numberFormat') || coercibleCells(sp).length > 0 ? 1 : 0) + has('bold') + has('background') + has('fontColor') + has('horizontalAlignment') + has('wrap'),
    validations: sp.validations.length > 0 ? 1 : 0,
    conditionalFormats: sp.conditionalFormats.length > 0 ? 1 : 0,
    protections: sp.protections.reduce((n, p) => n + (p.description ? 3 : 2), 0),
    namedRanges: sp.namedRanges.length,
    frozenRows: sp.frozenRows > 0 ? 1 : 0,
    columnWidths: widthRuns,
    metadata: (role !== undefined ? 1 : 0) + (Object.keys(rest).length > 0 ? 1 : 0),
  };
  return { total: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

/** Reads a sheet's developer metadata back into the plan's flat record (role + META_KEY JSON). */
export function readSheetMetadata(sheet: SheetLike): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of sheet.getDeveloperMetadata()) {
    const k = m.getKey();
    const v = m.getValue() ?? '';
    if (k === META_KEY) {
      try {
        const parsed = JSON.parse(v) as unknown;
        if (parsed && typeof parsed === 'object') {
          for (const [pk, pv] of Object.entries(parsed as Record<string, unknown>)) out[pk] = String(pv);
        }
      } catch {
        /* a damaged entry is ignored */
      }
    } else out[k] = v;
  }
  return out;
}

