/**
 * Carry over to the next cycle (issue 13 §5), a pure task: workbook model in, plans out.
 *
 * For each OKR sheet of the cycle being closed, a new OKR sheet for the next cycle
 * (2026-Q4 → 2027-Q1, 2026-11 → 2026-12, 2026 → 2027, 2026-H2 → 2027-H1) holding the objectives
 * and their KRs: Start = the last Current (kept when there was none), Current, Confidence,
 * Self-score and Agreed blank, Due moved into the new cycle, weights, IDs, owners, alignment and
 * notes kept. `dropDone` leaves out KRs already at 100% and objectives left with none.
 *
 * The old sheet stays as the archive: its Status column is frozen as the values it shows (the
 * formulas read TODAY(), so left alone they would drift), with an "as of" note, and the sheet is
 * protected (warning only). Every cell keeps the value it had: the archive reads the same forever.
 *
 * The check-in log is not touched: its entries name the old sheet and carry the old cycle (or,
 * logged before the Cycle column, are dated in it), so the new sheet starts with an empty history
 * (core/checkins `entryBelongsTo`).
 *
 * The Settings sheet's Cycle, Cycle start and Cycle end move to the new cycle (`settings`: those
 * three value cells only, found by their labels; every other setting stays as the user set it).
 *
 * Idempotent: a sheet whose unit already has an OKR sheet for the next cycle is skipped, with a
 * note saying so.
 */
import { fmt, type Lang, type Localized } from '../i18n';
import { isKrType } from '../labels';
import type { OkrRow, OkrTable } from '../model';
import { cycleDates } from '../pace';
import { buildOkrSheetPlanFromRows, defaultOkrSheetName, type OkrSheetRow } from '../plan/okrSheet';
import type { PlanCell, SheetPlan } from '../plan/types';
import { SETTING_LABELS, matchLabel } from '../labels';
import { keepAsTypedText } from '../escape';
import { krProgress } from '../progress';
import type { OkrSheetModel, WorkbookModel } from '../snapshot';
import { moveDue, nextCycleName } from './names';

export interface NextCycleOptions {
  /** The new cycle's name; default the cycle after the sheets' own. */
  cycle?: string;
  /** Leave out KRs already done (progress 100%) and objectives left with no KR. */
  dropDone?: boolean;
  /** Only these OKR sheets (the sidebar: the open one). Default: every OKR sheet of the latest
   *  cycle in the workbook. */
  sheets?: string[];
  /** Language of notes and messages; default the workbook's, else Chinese. */
  lang?: Lang;
}

/** Developer metadata on an archived sheet: `{"cell":"R7","text":"…"}`, the "as of" note, so
 *  engines that keep metadata but not Sheets notes (the xlsx export) can put the note back. */
export const ARCHIVE_NOTE_KEY = 'okrSheets.archiveNote';

/** What freezing the old sheet takes: cells are 0-based (row, col) of the sheet's values. */
export interface ArchivePlan {
  sheet: string;
  /** The Status cells of the table rows, top-left and the values they show now. */
  status: { row: number; col: number; values: unknown[][] } | null;
  /** The note on the Status header cell ("frozen as of …"). */
  note: { row: number; col: number; text: string } | null;
  /** Warning-only protection of the whole sheet, with this description. */
  protection: string;
}

export interface CarriedSheet {
  from: string;
  to: string;
  fromCycle: string;
  toCycle: string;
  objectives: number;
  krs: number;
  /** KR IDs left out as done (`dropDone`). */
  dropped: string[];
}

/** The Settings sheet's cycle cells to rewrite: 0-based (row, col) of its values. */
export interface SettingsCycleUpdate {
  sheet: string;
  cycle: string;
  cells: { row: number; col: number; value: PlanCell }[];
}

export interface NextCycleResult {
  /** New OKR sheets, one per carried sheet. */
  sheets: SheetPlan[];
  /** Settings' Cycle / Cycle start / Cycle end moved to the new cycle; null when nothing was
   *  carried, there is no Settings sheet, or it already names this cycle or a later one. */
  settings?: SettingsCycleUpdate | null;
  archives: ArchivePlan[];
  carried: CarriedSheet[];
  /** Sheets left alone and why (already carried over, no cycle, unknown cycle). */
  skipped: { sheet: string; message: Localized }[];
}

export const NEXT_CYCLE_MESSAGES = {
  frozen: {
    'zh-CN': '状态已于 {date} 固定为数值（{cycle} 周期归档，下一周期见“{next}”）。',
    en: 'Status frozen as values on {date} (cycle {cycle} archived; the next cycle is on "{next}").',
  },
  protection: { 'zh-CN': 'OKR Sheets：{cycle} 周期归档（只读提醒）', en: 'OKR Sheets: archive of cycle {cycle} (warning only)' },
  already: { 'zh-CN': '“{sheet}”已有下一周期（{cycle}）的工作表“{other}”，跳过。', en: '"{sheet}" already has a sheet for the next cycle ({cycle}): "{other}"; skipped.' },
  noCycle: { 'zh-CN': '“{sheet}”没有可识别的周期（如 2026-Q4），跳过。', en: '"{sheet}" has no cycle we can read (such as 2026-Q4); skipped.' },
  badCycle: { 'zh-CN': '无法识别的周期：{cycle}（示例：2027-Q1、2026-12、2027、2027-H1）', en: 'Unknown cycle: {cycle} (examples: 2027-Q1, 2026-12, 2027, 2027-H1)' },
  notOkr: { 'zh-CN': '“{sheet}”不是 OKR 工作表，跳过。', en: '"{sheet}" is not an OKR sheet; skipped.' },
} satisfies Record<string, Localized>;

const both = (m: Localized, p: Record<string, string | number>): Localized => ({ 'zh-CN': fmt(m, 'zh-CN', p), en: fmt(m, 'en', p) });

const startOf = (cycle: string): string => cycleDates(cycle)?.start ?? '';

/** The sheets to carry: those asked for, else every OKR sheet of the latest cycle present. */
function candidates(model: WorkbookModel, opts: NextCycleOptions, skipped: NextCycleResult['skipped']): OkrSheetModel[] {
  if (opts.sheets) {
    const out: OkrSheetModel[] = [];
    for (const name of opts.sheets) {
      const o = model.okr.find((x) => x.sheet === name);
      if (o) out.push(o);
      else skipped.push({ sheet: name, message: both(NEXT_CYCLE_MESSAGES.notOkr, { sheet: name }) });
    }
    return out;
  }
  const dated = model.okr.filter((o) => cycleDates(o.read.table.header.cycle));
  for (const o of model.okr) {
    if (!dated.includes(o)) skipped.push({ sheet: o.sheet, message: both(NEXT_CYCLE_MESSAGES.noCycle, { sheet: o.sheet }) });
  }
  const latest = dated.map((o) => startOf(o.read.table.header.cycle)).sort().pop();
  return dated.filter((o) => startOf(o.read.table.header.cycle) === latest);
}

const sameUnit = (a: OkrTable, b: OkrTable) => a.header.unit.trim() !== '' && a.header.unit.trim() === b.header.unit.trim();

/** Plans the next cycle. Throws nothing: a cycle it cannot read is in `skipped`. */
export function planNextCycle(model: WorkbookModel, opts: NextCycleOptions = {}): NextCycleResult {
  const lang: Lang = opts.lang ?? model.lang ?? 'zh-CN';
  const result: NextCycleResult = { sheets: [], archives: [], carried: [], skipped: [] };
  const settingsSheet = [...model.roles].find(([, r]) => r === 'settings')?.[0] ?? null;
  const taken = new Set(model.snapshot.sheets.map((s) => s.name));
  for (const o of candidates(model, opts, result.skipped)) {
    const table = o.read.table;
    const fromCycle = table.header.cycle;
    const from = cycleDates(fromCycle);
    if (!from) {
      result.skipped.push({ sheet: o.sheet, message: both(NEXT_CYCLE_MESSAGES.noCycle, { sheet: o.sheet }) });
      continue;
    }
    const toCycle = opts.cycle ?? nextCycleName(fromCycle);
    const to = toCycle ? cycleDates(toCycle) : null;
    if (!toCycle || !to) {
      result.skipped.push({ sheet: o.sheet, message: both(NEXT_CYCLE_MESSAGES.badCycle, { cycle: toCycle ?? fromCycle }) });
      continue;
    }
    const existing = model.okr.find((x) => x !== o && sameUnit(x.read.table, table) && cycleDates(x.read.table.header.cycle)?.start === to.start);
    if (existing) {
      result.skipped.push({ sheet: o.sheet, message: both(NEXT_CYCLE_MESSAGES.already, { sheet: o.sheet, cycle: toCycle, other: existing.sheet }) });
      continue;
    }
    const { rows, krs, objectives, dropped } = carryRows(table, from, to, opts.dropDone === true);
    const name = uniqueSheetName(newSheetName(o.sheet, table, fromCycle, toCycle, lang), taken);
    taken.add(name);
    result.sheets.push(
      buildOkrSheetPlanFromRows({
        lang: table.lang,
        header: { ...table.header, cycle: toCycle, cycleStart: to.start, cycleEnd: to.end, asOf: null },
        rows,
        sheetName: name,
        settingsSheetName: settingsSheet,
        metadata: { 'okrSheets.carriedFrom': o.sheet },
      }),
    );
    result.archives.push(archivePlan(o, model.snapshot.sheets.find((x) => x.name === o.sheet)?.values ?? [], fromCycle, name, model.snapshot.asOf, lang));
    result.carried.push({ from: o.sheet, to: name, fromCycle, toCycle, objectives, krs, dropped });
  }
  const first = result.carried[0];
  result.settings = first && settingsSheet ? settingsUpdate(model, settingsSheet, first.toCycle) : null;
  return result;
}

/** The Settings rows labelled Cycle / Cycle start / Cycle end (value in the next column), moved
 *  to `cycle` — unless Settings already names that cycle or a later one. */
function settingsUpdate(model: WorkbookModel, sheet: string, cycle: string): SettingsCycleUpdate | null {
  const to = cycleDates(cycle);
  const values = model.snapshot.sheets.find((x) => x.name === sheet)?.values ?? [];
  if (!to) return null;
  const now = model.settings.cycle ? cycleDates(model.settings.cycle) : null;
  if (now && now.start >= to.start) return null;
  const value = { cycle: keepAsTypedText(cycle), cycleStart: { date: to.start }, cycleEnd: { date: to.end } } as const;
  // a label given twice: the last row is the one readSettingsValues reads, so that one moves
  const byKey = new Map<string, SettingsCycleUpdate['cells'][number]>();
  values.forEach((line, row) => {
    const key = matchLabel(SETTING_LABELS, line[0]);
    if (key === 'cycle' || key === 'cycleStart' || key === 'cycleEnd') byKey.set(key, { row, col: 1, value: value[key] });
  });
  const cells = [...byKey.values()].sort((a, b) => a.row - b.row);
  return cells.length ? { sheet, cycle, cells } : null;
}

/** The new sheet's name: the old one with its cycle replaced, else the default name. */
function newSheetName(old: string, table: OkrTable, fromCycle: string, toCycle: string, lang: Lang): string {
  if (fromCycle && old.includes(fromCycle)) return old.split(fromCycle).join(toCycle);
  return defaultOkrSheetName(table.header.unit || old, toCycle, lang);
}

function uniqueSheetName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let i = 2; ; i++) if (!taken.has(`${name} (${i})`)) return `${name} (${i})`;
}

function carryRows(
  table: OkrTable,
  from: { start: string; end: string },
  to: { start: string; end: string },
  dropDone: boolean,
): { rows: OkrSheetRow[]; krs: number; objectives: number; dropped: string[] } {
  // Group by objective, in sheet order: rows before the first objective travel alone.
  const groups: { objective: OkrRow | null; krs: OkrRow[] }[] = [{ objective: null, krs: [] }];
  for (const r of table.rows) {
    if (!r.id) continue; // a row without an ID is not a key result anywhere
    if (r.type === 'objective') groups.push({ objective: r, krs: [] });
    else if (isKrType(r.type)) groups[groups.length - 1]!.krs.push(r);
  }
  const rows: OkrSheetRow[] = [];
  const dropped: string[] = [];
  let krs = 0;
  let objectives = 0;
  for (const g of groups) {
    const keep = g.krs.filter((k) => {
      const done = isKrType(k.type) && krProgress(k.type, k.start, k.target, k.current) >= 1;
      if (done && dropDone) dropped.push(k.id);
      return !(done && dropDone);
    });
    if (g.objective) {
      if (dropDone && g.krs.length > 0 && keep.length === 0) continue;
      rows.push(carryObjective(g.objective, from, to));
      objectives++;
    }
    for (const k of keep) rows.push(carryKr(k, from, to));
    krs += keep.length;
  }
  return { rows, krs, objectives, dropped };
}

function carryObjective(r: OkrRow, from: { start: string; end: string }, to: { start: string; end: string }): OkrSheetRow {
  return {
    id: r.id, type: 'objective', title: r.title, owner: r.owner, alignsTo: r.alignsTo, source: r.source, agreed: null,
    weight: r.weight, due: moveDue(r.due, from, to), notes: r.notes,
  };
}

function carryKr(r: OkrRow, from: { start: string; end: string }, to: { start: string; end: string }): OkrSheetRow {
  const milestone = r.type === 'milestone';
  const pct = r.unit === '%';
  return {
    id: r.id,
    type: r.type,
    title: r.title,
    owner: r.owner,
    alignsTo: r.alignsTo,
    source: r.source,
    agreed: null,
    // A milestone starts again from not done; a number starts where the last cycle ended.
    start: milestone ? null : (r.current ?? r.start),
    target: r.target,
    current: null,
    unit: r.unit,
    weight: r.weight,
    due: moveDue(r.due, from, to),
    confidence: null,
    selfScore: null,
    notes: r.notes,
    ...(pct || milestone ? { valueFormat: '0%' } : {}),
  };
}

function archivePlan(o: OkrSheetModel, sheetValues: readonly (readonly unknown[])[], cycle: string, next: string, asOf: string, lang: Lang): ArchivePlan {
  const { columns, rowIndexes, headerRow } = o.read;
  const col = columns.status;
  const protection = fmt(NEXT_CYCLE_MESSAGES.protection, lang, { cycle });
  if (col === undefined || rowIndexes.length === 0) return { sheet: o.sheet, status: null, note: null, protection };
  const first = Math.min(...rowIndexes);
  const last = Math.max(...rowIndexes);
  const values: unknown[][] = [];
  for (let r = first; r <= last; r++) values.push([sheetValues[r]?.[col] ?? '']);
  return {
    sheet: o.sheet,
    status: { row: first, col, values },
    note: { row: headerRow, col, text: fmt(NEXT_CYCLE_MESSAGES.frozen, lang, { date: asOf, cycle, next }) },
    protection,
  };
}
