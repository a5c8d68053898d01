/**
 * The text-import task: what `parseOkrText` read (src/core/importtext.ts) → OKR rows → a preview,
 * a new OKR sheet (with the support sheets, which the applier creates only when missing), or the
 * cells to append below an existing table. The sidebar's import and `okr-sheets import -o` both
 * call these, so one text gives the same rows everywhere: the same KR type (krtext `krType`),
 * owners inherited from the objective, due days placed in the cycle, `%` KRs formatted as %.
 *
 * Appending writes only the cells it fills (ID, type, title, owner, start, target, unit, due,
 * notes) and only into rows that are free: a row is free when every table cell in it is blank,
 * an unticked checkbox, or a formula; any typed value — text in a formula column included —
 * makes it occupied and nothing is written (issue 11 §4).
 */
import { fmt, type Lang, type Localized } from '../i18n';
import type { ImportedKr, ImportedObjective, ImportedOkrs } from '../importtext';
import { KR_PARSE_ERRORS, krType } from '../krtext';
import { ROW_TYPE_LABELS, SHEET_NAMES, label } from '../labels';
import type { ColumnKey, KrType } from '../model';
import { cycleDates } from '../pace';
import { quarterOf } from '../dates';
import { escapeCellText } from '../escape';
import { buildOkrSheetPlanFromRows, defaultOkrSheetName, type OkrSheetRow } from '../plan/okrSheet';
import { buildActionsPlan, buildCheckInsPlan, buildSettingsPlan } from '../plan/supportSheets';
import type { PlanCell, WorkbookPlan } from '../plan/types';
import type { TableReadOk } from '../table';

export const IMPORT_MESSAGES = {
  keptAside: { 'zh-CN': '未作为目标或关键结果导入：{text}', en: 'Not imported as an objective or key result: {text}' },
  parse: { 'zh-CN': '未能读出数字：{why}', en: 'No number read: {why}' },
  placeholder: { 'zh-CN': '含占位符（xx），请补全', en: 'Has a placeholder (xx) to fill in' },
  nothing: {
    'zh-CN': '没有识别出目标或关键结果。请按“目标(O)：…”“KR1：…”的格式每行一条。',
    en: 'No objectives or key results were recognised. Write one per line: "O: …", "KR1: …".',
  },
  untitled: { 'zh-CN': '（未命名目标）', en: '(untitled objective)' },
  noRoom: {
    'zh-CN': '“{sheet}”的表格下方没有足够的空行（需要 {rows} 行），为避免覆盖数据未写入。',
    en: 'There are not enough blank rows below the table on "{sheet}" ({rows} needed); nothing was written so no data is overwritten.',
  },
  importedUnit: { 'zh-CN': '导入', en: 'Imported' },
} satisfies Record<string, Localized>;

/** A row as the import plans it, with what the parser could not settle. */
export interface ImportedRow extends OkrSheetRow {
  /** 0 = an objective row; n = its n-th KR. */
  krNum: number;
  oNum: number;
  warnings: Localized[];
}

export interface ImportOptions {
  lang: Lang;
  /** The cycle (`2026-Q4`); default the text's own, else the quarter of `today`. */
  cycle?: string;
  unit?: string;
  owner?: string;
  /** ISO day the import happens (for the default cycle). */
  today: string;
}

/** The cycle an import uses and its dates (an unknown cycle name falls back to the quarter). */
export function importCycle(imported: ImportedOkrs, opts: Pick<ImportOptions, 'cycle' | 'today'>): { cycle: string; start: string; end: string } {
  const wanted = (opts.cycle ?? '').trim() || (imported.cycle ?? '').trim() || quarterOf(opts.today);
  const d = cycleDates(wanted);
  if (d) return { cycle: wanted, ...d };
  const q = quarterOf(opts.today);
  return { cycle: q, ...cycleDates(q)! };
}

/** The KR type a parsed KR gets in the sheet: a Type column, else the sentence, else increase. */
export function importedKrType(k: ImportedKr): KrType {
  if (k.type) return k.type;
  const t = krType(k.parsed);
  if (t) return t;
  if (k.parsed.kind === 'milestone') return 'milestone';
  return k.parsed.direction === 'decrease' ? 'decrease' : 'increase';
}

/** A deadline inside the cycle: `YYYY-MM-DD`, `end-of-…`, or `MM-DD` placed in the cycle's year(s). */
export function dueIn(deadline: string | null, start: string, end: string): string | null {
  if (!deadline) return null;
  if (deadline.startsWith('end-of-')) return end;
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return deadline;
  const m = /^(\d{2})-(\d{2})$/.exec(deadline);
  if (!m) return null;
  for (const y of new Set([start.slice(0, 4), end.slice(0, 4)])) {
    const iso = `${y}-${m[1]}-${m[2]}`;
    if (iso >= start && iso <= end) return iso;
  }
  return `${start.slice(0, 4)}-${m[1]}-${m[2]}`;
}

function krWarnings(k: ImportedKr): Localized[] {
  const out: Localized[] = [];
  if (k.parsed.error) {
    const why = KR_PARSE_ERRORS[k.parsed.error];
    out.push({ 'zh-CN': fmt(IMPORT_MESSAGES.parse, 'zh-CN', { why: why['zh-CN'] }), en: fmt(IMPORT_MESSAGES.parse, 'en', { why: why.en }) });
  }
  if (k.parsed.placeholder) out.push(IMPORT_MESSAGES.placeholder);
  return out;
}

function objectiveRow(o: ImportedObjective, i: number, opts: ImportOptions): ImportedRow {
  return {
    oNum: i + 1, krNum: 0, id: `O${i + 1}`, type: 'objective',
    title: o.title || IMPORT_MESSAGES.untitled[opts.lang],
    owner: o.owner ?? opts.owner ?? '',
    notes: o.notes.join('\n'),
    warnings: [],
  };
}

function krRow(o: ImportedObjective, k: ImportedKr, i: number, j: number, dates: { start: string; end: string }, opts: ImportOptions): ImportedRow {
  const type = importedKrType(k);
  const v = k.values ?? {};
  const unit = v.unit ?? k.parsed.unit ?? '';
  const milestone = type === 'milestone';
  return {
    oNum: i + 1, krNum: j + 1, id: `O${i + 1}.KR${j + 1}`, type,
    title: k.title,
    owner: k.owner ?? o.owner ?? opts.owner ?? '',
    start: milestone ? null : (v.start ?? k.parsed.start),
    target: milestone ? 1 : (v.target ?? k.parsed.target),
    ...(v.current !== undefined && v.current !== null ? { current: v.current } : {}),
    ...(v.weight !== undefined && v.weight !== null ? { weight: v.weight } : {}),
    unit,
    due: dueIn(k.due, dates.start, dates.end),
    notes: k.notes.join('\n'),
    ...(unit === '%' || unit === '％' || milestone ? { valueFormat: '0%' } : {}),
    warnings: krWarnings(k),
  };
}

/** Every objective and KR of the text as rows (IDs O1, O1.KR1 …). */
export function importRows(imported: ImportedOkrs, opts: ImportOptions): ImportedRow[] {
  const dates = importCycle(imported, opts);
  const rows: ImportedRow[] = [];
  imported.objectives.forEach((o, i) => {
    rows.push(objectiveRow(o, i, opts));
    o.keyResults.forEach((k, j) => rows.push(krRow(o, k, i, j, dates, opts)));
  });
  return rows;
}

/** Lines not imported, and why nothing was (localized; long lines shortened). */
export function importProblems(imported: ImportedOkrs, lang: Lang): string[] {
  const out = imported.notes.map((n) => fmt(IMPORT_MESSAGES.keptAside, lang, { text: n.length > 80 ? `${n.slice(0, 80)}…` : n }));
  if (imported.error) out.push(imported.error.message[lang]);
  return out;
}

/** The preview the sidebar shows before writing (nothing is written). */
export function importPreview(imported: ImportedOkrs, opts: ImportOptions): {
  rows: { id: string; type: string; title: string; start: number | null; target: number | null; unit: string; owner: string; due: string | null; notes: string[] }[];
  problems: string[];
} {
  return {
    rows: importRows(imported, opts).map((r) => ({
      id: r.id, type: r.type ?? 'increase', title: r.title, start: num(r.start), target: num(r.target), unit: r.unit ?? '',
      owner: r.owner ?? '', due: r.due ?? null, notes: r.warnings.map((w) => w[opts.lang]),
    })),
    problems: importProblems(imported, opts.lang),
  };
}

const num = (c: PlanCell | undefined): number | null => (typeof c === 'number' ? c : null);

/**
 * A new OKR sheet from the text, with the Check-ins, Actions and Settings sheets it works with
 * (the applier creates a support sheet only when the workbook has none of that role).
 * `settingsSheet`: the workbook's Settings sheet, when it has one (its formulas point there).
 */
export function importWorkbookPlan(imported: ImportedOkrs, opts: ImportOptions & { settingsSheet?: string | null }): WorkbookPlan {
  const { lang } = opts;
  const c = importCycle(imported, opts);
  const unit = (opts.unit ?? '').trim() || (imported.unit ?? '').trim();
  const owner = (opts.owner ?? '').trim() || (imported.owner ?? '').trim();
  const settingsName = opts.settingsSheet ?? SHEET_NAMES.settings[lang];
  const okr = buildOkrSheetPlanFromRows({
    lang,
    header: { unit, level: null, owner, cycle: c.cycle, cycleStart: c.start, cycleEnd: c.end, alignedTo: '' },
    sheetName: defaultOkrSheetName(unit || IMPORT_MESSAGES.importedUnit[lang], c.cycle, lang),
    rows: importRows(imported, { ...opts, ...(owner ? { owner } : {}) }).map(({ warnings: _w, krNum: _k, oNum: _o, ...row }) => row),
    settingsSheetName: settingsName,
    metadata: imported.notes.length ? { 'okrSheets.importNotes': imported.notes.join('\n').slice(0, 30000) } : {},
  });
  return {
    sheets: [
      okr,
      buildCheckInsPlan(lang),
      buildActionsPlan(lang),
      buildSettingsPlan({ lang, cycle: c.cycle, cycleStart: c.start, cycleEnd: c.end, sheetName: settingsName }),
    ],
  };
}

/** Input columns an append fills; every other column of the row is left alone. */
export const APPEND_COLUMNS: readonly ColumnKey[] = ['id', 'type', 'title', 'owner', 'start', 'target', 'unit', 'due', 'notes'];

export interface AppendPlan {
  /** 0-based sheet row of the first appended row. */
  firstRow: number;
  rows: number;
  /** Column runs to write: 0-based first column and the cells (rows × run width). */
  writes: { col: number; values: PlanCell[][] }[];
}

export type AppendResult = { ok: true; plan: AppendPlan } | { ok: false; message: Localized; params: Record<string, string | number> };

/** A cell a person has not typed into: blank, an unticked checkbox, or a formula. */
const free = (v: unknown, formula: string | undefined) => Boolean(formula) || v === '' || v === null || v === undefined || v === false;

/**
 * The cells to append `imported` below the table of an OKR sheet: IDs numbered after its last
 * objective; rows must be free in every column of the table (`formulas`: the sheet's formula
 * text, '' where none, when the shell read it — without it, any value counts as typed).
 */
export function appendTask(
  imported: ImportedOkrs,
  read: TableReadOk,
  sheet: { name: string; values: readonly (readonly unknown[])[]; formulas?: readonly (readonly string[])[] },
  opts: ImportOptions,
): AppendResult {
  const lang = read.table.lang;
  const offset = read.table.rows.reduce((m, r) => {
    const n = /^O(\d+)$/i.exec(r.id.trim());
    return n ? Math.max(m, Number(n[1])) : m;
  }, 0);
  const rows = importRows(imported, opts);
  if (rows.length === 0) return { ok: false, message: IMPORT_MESSAGES.nothing, params: {} };
  const lastRow = read.rowIndexes.length > 0 ? Math.max(...read.rowIndexes) : read.headerRow;
  const first = lastRow + 1;
  const tableCols = Object.values(read.columns).filter((c): c is number => c !== undefined);
  for (let i = 0; i < rows.length; i++) {
    const line = sheet.values[first + i] ?? [];
    const f = sheet.formulas?.[first + i] ?? [];
    if (tableCols.some((c) => !free(line[c], f[c]))) return { ok: false, message: IMPORT_MESSAGES.noRoom, params: { sheet: sheet.name, rows: rows.length } };
  }
  const cellOf = (r: ImportedRow, key: ColumnKey): PlanCell => {
    switch (key) {
      case 'id': return r.krNum === 0 ? `O${r.oNum + offset}` : `O${r.oNum + offset}.KR${r.krNum}`;
      case 'type': return label(ROW_TYPE_LABELS[r.type ?? 'increase'], lang);
      case 'title': return escapeCellText(r.title);
      case 'owner': return escapeCellText(r.owner ?? '');
      case 'start': return num(r.start);
      case 'target': return num(r.target);
      case 'unit': return escapeCellText(r.unit ?? '');
      case 'due': return r.due ? { date: r.due } : null;
      case 'notes': return escapeCellText(r.notes ?? '');
      default: return null;
    }
  };
  // contiguous runs of filled columns: one write each, whatever the number of rows
  const cols = APPEND_COLUMNS.map((k) => ({ k, c: read.columns[k] })).filter((x): x is { k: ColumnKey; c: number } => x.c !== undefined).sort((a, b) => a.c - b.c);
  const writes: AppendPlan['writes'] = [];
  for (let i = 0; i < cols.length; ) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1]!.c === cols[j]!.c + 1) j++;
    const run = cols.slice(i, j + 1);
    writes.push({ col: run[0]!.c, values: rows.map((r) => run.map((x) => cellOf(r, x.k))) });
    i = j + 1;
  }
  return { ok: true, plan: { firstRow: first, rows: rows.length, writes } };
}

/** One reading of the document's structure, in the user's language (the preview's switch). */
export interface StructureInfo {
  objectiveLevel: string;
  explanation: string;
  objectives: number;
  keyResults: number;
}

/** The reading the parser used and the others it offers (resend with `{ objectiveLevel }`). */
export function structureInfo(imported: ImportedOkrs, lang: Lang): (StructureInfo & { alternatives: StructureInfo[] }) | null {
  const s = imported.structure;
  if (!s) return null;
  const one = (o: { objectiveLevel: string; explanation: Localized; objectives: number; keyResults: number }): StructureInfo => ({
    objectiveLevel: o.objectiveLevel,
    explanation: o.explanation[lang],
    objectives: o.objectives,
    keyResults: o.keyResults,
  });
  return { ...one(s), alternatives: s.alternatives.filter((a) => a.objectiveLevel !== s.objectiveLevel).map(one) };
}

/**
 * "Adopt this sheet": the objectives adoptSheet read from a team's own table, as the import
 * task's input, so the new OKR sheet is planned exactly as a text import's (one path).
 */
export function adoptedOkrs(adopted: { objectives: ImportedObjective[]; notes: string[] }): ImportedOkrs {
  return { objectives: adopted.objectives, notes: adopted.notes };
}
