/**
 * Reads an OKR table from a 2-D array of cell values (what Range.getValues() returns, or an
 * xlsx sheet): finds the header row by its labels in either language, reads the header block
 * above it, and converts each data row into an OkrRow. Never depends on column order.
 *
 * Rules:
 * - The header row is the first row (among the first 200) with ≥ 3 cells matching COLUMN_LABELS
 *   (any alias, either language), one of them the title column.
 * - The table language is the language with more matched header labels that belong to one
 *   language only (a tie → opts.lang, else zh-CN).
 * - Header block: above the header row, a cell matching HEADER_LABELS (a trailing `:`/`：` is
 *   ignored) takes its value from the first non-blank cell to its right (up to 3 cells; another
 *   label there means the value is blank).
 *   A missing cycle start/end is filled from the cycle name (`2026-Q4` → Oct 1 – Dec 31).
 *   The "Time elapsed" helper cell (a formula the Status column reads) is a label whose value is
 *   ignored: core computes the elapsed share itself.
 * - Data rows: rows whose input cells are all blank are skipped (formula columns Progress,
 *   Score, Status, Bar and unticked checkboxes (FALSE) do not count as input); 3 blank rows in
 *   a row, or a second header row, end the table.
 * - Type: ROW_TYPE_LABELS in either language. Blank type: an ID like `O1` → objective; an ID
 *   like `O1.KR2` / `KR3` → KR: a checkbox current → milestone; start and target given →
 *   decrease when target < start, else increase; otherwise the type the KR text implies
 *   (krtext.ts: `上线…` → milestone, `不低于 95%` → atLeast …), else increase. Text that is not a known type → type null and a problem.
 * - Numbers are parsed leniently (numbers.ts). Current TRUE/FALSE → 1/0. Weight: `30%` → 0.3,
 *   and a plain number above 1 is read as a percentage (30 → 0.3).
 * - `row.raw` keeps every mapped cell as found, for lint.
 */
import type { Lang, Localized } from './i18n';
import {
  COLUMN_LABELS, HEADER_LABELS, LEVEL_LABELS, ROW_TYPE_LABELS, SOURCE_LABELS, matchLabel,
  type HeaderKey,
} from './labels';
import { COLUMN_KEYS, type CellRef, type ColumnKey, type OkrHeader, type OkrRow, type OkrTable, type RowType, type KrType } from './model';
import { parseDate, parseNumber } from './numbers';
import { cycleDates } from './pace';
import { parseKrText } from './krtext';

export interface TableProblem {
  at: CellRef;
  message: Localized;
}

export interface TableReadOk {
  table: OkrTable;
  /** 0-based index in `values` of the header row. */
  headerRow: number;
  /** 0-based column index in `values` of each recognised column. */
  columns: Partial<Record<ColumnKey, number>>;
  /** values-row (0-based) of each table row: rowIndexes[row.index]. */
  rowIndexes: number[];
  /** the "As of" value of the header block, ISO, if present. */
  asOf: string | null;
  problems: TableProblem[];
}
export type TableRead = TableReadOk | { error: Localized };

export const isTableError = (r: TableRead): r is { error: Localized } => 'error' in r;

const MSG = {
  noHeader: {
    'zh-CN': '未找到 OKR 表头（需要“编号”“类型”“目标 / 关键结果”等列标题）',
    en: 'No OKR header row found (expected column titles such as “ID”, “Type”, “Objective / Key result”)',
  },
  badType: { 'zh-CN': '无法识别的类型“{text}”', en: 'Unknown type “{text}”' },
  noType: { 'zh-CN': '缺少类型，且无法从编号推断', en: 'Type missing and cannot be inferred from the ID' },
  dupColumn: { 'zh-CN': '列标题重复：“{text}”，已使用第一列', en: 'Duplicate column “{text}”; the first one is used' },
} satisfies Record<string, Localized>;

const withText = (m: Localized, text: string): Localized => ({
  'zh-CN': m['zh-CN'].replace('{text}', text),
  en: m.en.replace('{text}', text),
});

// ---- label lookup (precomputed: no per-cell scans over every alias) ----
const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/[:：]$/, '').toLowerCase();
type LabelTable<K extends string> = Record<K, { 'zh-CN': string[]; en: string[] }>;
interface LabelHit<K> { key: K; lang: Lang | null }
/** normalised label → key, plus every character a label cell may contain (a quick reject for
 *  the many cells that are not labels, before the costlier normalisation) */
type LabelIndex<K> = Map<string, LabelHit<K>> & { chars?: Set<string> };
function labelIndex<K extends string>(t: LabelTable<K>): LabelIndex<K> {
  const m: LabelIndex<K> = new Map<string, LabelHit<K>>();
  const chars = new Set<string>([' ', '\u3000', '\t', '\n', '\r', ':', '：', '\u00a0']);
  for (const key of Object.keys(t) as K[]) {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const l of t[key][lang]) for (const ch of l) chars.add(ch.toLowerCase()).add(ch.toUpperCase());
    }
  }
  m.chars = chars;
  for (const key of Object.keys(t) as K[]) {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const l of t[key][lang]) {
        const n = norm(l);
        const prev = m.get(n);
        if (!prev) m.set(n, { key, lang });
        else if (prev.key === key && prev.lang !== lang) prev.lang = null; // shared by both languages
      }
    }
  }
  return m;
}
const COLUMN_INDEX = labelIndex(COLUMN_LABELS);
const HEADER_INDEX = labelIndex(HEADER_LABELS);
const SOURCE_INDEX = labelIndex(SOURCE_LABELS);

function cellLabel<K>(index: LabelIndex<K>, v: unknown): LabelHit<K> | null {
  if (typeof v !== 'string' || v.length > 40) return null;
  const chars = index.chars;
  if (chars) for (let i = 0; i < v.length; i++) if (!chars.has(v[i]!)) return null;
  const n = norm(v);
  return n ? index.get(n) ?? null : null;
}

const isBlank = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

const text = (v: unknown): string => {
  if (isBlank(v)) return '';
  if (v instanceof Date) return parseDate(v) ?? '';
  return String(v).trim();
};

const COLUMN_BIT = Object.fromEntries(COLUMN_KEYS.map((k, i) => [k, i])) as Record<ColumnKey, number>;

const FORMULA_COLUMNS = new Set<ColumnKey>(['progress', 'score', 'status', 'bar']);

const OBJ_ID_RE = /^O\d+$/i;
const KR_ID_RE = /^(?:(O\d+)\s*[.\-_·]?\s*)?KR\s*\d+$/i;

const TRUE_TEXT = new Set(['true', '✓', '✔', '☑', '是', 'yes', 'y', '1', 'x', '√', '已共识', '同意']);
const FALSE_TEXT = new Set(['false', '✗', '✘', '☐', '否', 'no', 'n', '0', '未共识', '不同意']);

function readBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const n = v.trim().toLowerCase();
    if (TRUE_TEXT.has(n)) return true;
    if (FALSE_TEXT.has(n)) return false;
  }
  return null;
}

function readNum(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean' || isBlank(v)) return null;
  const r = parseNumber(v);
  return r.ok ? r.value : null;
}

function headerScore(line: unknown[]): { count: number; zh: number; en: number; hasTitle: boolean } {
  let count = 0, zh = 0, en = 0, hasTitle = false;
  let seen = 0; // bit set of matched column keys
  for (const v of line) {
    const hit = cellLabel(COLUMN_INDEX, v);
    if (!hit) continue;
    const bit = 1 << COLUMN_BIT[hit.key];
    if (seen & bit) continue;
    seen |= bit;
    count++;
    if (hit.key === 'title') hasTitle = true;
    if (hit.lang === 'zh-CN') zh++;
    else if (hit.lang === 'en') en++;
  }
  return { count, zh, en, hasTitle };
}

/** The first row (of the first 200) with ≥ 3 column labels including the title column. */
function findHeaderRow(values: unknown[][]): { row: number; zh: number; en: number } | null {
  const limit = Math.min(values.length, 200);
  for (let r = 0; r < limit; r++) {
    const line = values[r];
    if (!line) continue;
    const h = headerScore(line);
    if (h.count >= 3 && h.hasTitle) return { row: r, zh: h.zh, en: h.en };
  }
  return null;
}

function emptyHeader(): OkrHeader {
  return { unit: '', level: null, owner: '', cycle: '', cycleStart: null, cycleEnd: null, alignedTo: '' };
}

export function readTableValues(values: unknown[][], opts: { lang?: Lang } = {}): TableRead {
  const found = findHeaderRow(values);
  if (!found) return { error: MSG.noHeader };
  const headerRow = found.row;
  const lang: Lang = found.zh > found.en ? 'zh-CN' : found.en > found.zh ? 'en' : opts.lang ?? 'zh-CN';
  const problems: TableProblem[] = [];

  // columns
  const columns: Partial<Record<ColumnKey, number>> = {};
  const hr = values[headerRow] ?? [];
  for (let c = 0; c < hr.length; c++) {
    const hit = cellLabel(COLUMN_INDEX, hr[c]);
    if (!hit) continue;
    if (columns[hit.key] === undefined) columns[hit.key] = c;
    else problems.push({ at: { row: null, column: hit.key }, message: withText(MSG.dupColumn, text(hr[c])) });
  }
  const colList = Object.entries(columns) as [ColumnKey, number][];
  const inputCols = colList.filter(([k]) => !FORMULA_COLUMNS.has(k));

  // header block
  const header = emptyHeader();
  let asOf: string | null = null;
  for (let r = 0; r < headerRow; r++) {
    const line = values[r];
    if (!line) continue;
    for (let c = 0; c < line.length; c++) {
      const hit = cellLabel(HEADER_INDEX, line[c]);
      if (!hit) continue;
      let v: unknown = null;
      for (let k = c + 1; k < line.length && k <= c + 3; k++) {
        if (isBlank(line[k])) continue;
        if (!cellLabel(HEADER_INDEX, line[k])) v = line[k]; // the next label: this one is blank
        break;
      }
      setHeader(header, hit.key, v, (d) => (asOf = d));
    }
  }
  if ((!header.cycleStart || !header.cycleEnd) && header.cycle) {
    const d = cycleDates(header.cycle);
    if (d) {
      header.cycleStart ??= d.start;
      header.cycleEnd ??= d.end;
    }
  }

  // data rows
  const rows: OkrRow[] = [];
  const rowIndexes: number[] = [];
  let blankRun = 0;
  const titleCol = columns.title;
  for (let r = headerRow + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    let blank = true;
    for (const [, c] of inputCols) {
      const v = line[c];
      if (!isBlank(v) && v !== false) {
        blank = false;
        break;
      }
    }
    if (blank) {
      if (++blankRun >= 3) break;
      continue;
    }
    blankRun = 0;
    // a second header row (its title cell holds a title label) ends the table
    if (titleCol !== undefined && cellLabel(COLUMN_INDEX, line[titleCol])?.key === 'title' && headerScore(line).count >= 3) break;
    const raw: Partial<Record<ColumnKey, unknown>> = {};
    for (const [k, c] of colList) raw[k] = line[c] ?? null;
    const row = readRow(raw, rows.length, problems);
    rows.push(row);
    rowIndexes.push(r);
  }
  return { table: { header, rows, lang }, headerRow, columns, rowIndexes, asOf, problems };
}

function setHeader(h: OkrHeader, key: HeaderKey, v: unknown, setAsOf: (d: string | null) => void): void {
  switch (key) {
    case 'unit': if (!h.unit) h.unit = text(v); break;
    case 'owner': if (!h.owner) h.owner = text(v); break;
    case 'alignedTo': if (!h.alignedTo) h.alignedTo = text(v); break;
    case 'cycle':
      // a month typed as `2026-11` may come back as a Date (Sheets) or a date serial (xlsx)
      if (!h.cycle) h.cycle = v instanceof Date || (typeof v === 'number' && v > 20000) ? (parseDate(v) ?? '').slice(0, 7) : text(v);
      break;
    case 'level': if (!h.level) h.level = matchLabel(LEVEL_LABELS, v); break;
    case 'cycleStart': if (!h.cycleStart) h.cycleStart = isBlank(v) ? null : parseDate(v); break;
    case 'cycleEnd': if (!h.cycleEnd) h.cycleEnd = isBlank(v) ? null : parseDate(v); break;
    case 'asOf': setAsOf(isBlank(v) ? null : parseDate(v)); break;
    case 'elapsed': break; // the plan's helper cell (share of the cycle elapsed): computed, not read
  }
}

const ROW_TYPE_INDEX = labelIndex(ROW_TYPE_LABELS);

function readRow(raw: Partial<Record<ColumnKey, unknown>>, index: number, problems: TableProblem[]): OkrRow {
  const id = text(raw.id);
  const start = readNum(raw.start);
  const target = readNum(raw.target);
  const cur = raw.current;
  const current = typeof cur === 'boolean' ? (cur ? 1 : 0) : readNum(cur);
  let weight = readNum(raw.weight);
  if (weight !== null && weight > 1 && !(typeof raw.weight === 'string' && raw.weight.includes('%'))) weight /= 100;

  let type: RowType | null = null;
  const typeText = text(raw.type);
  if (typeText) {
    const hit = typeof raw.type === 'string' ? cellLabel(ROW_TYPE_INDEX, raw.type) : null;
    type = hit ? hit.key : null;
    if (!type) problems.push({ at: { row: index, column: 'type' }, message: withText(MSG.badType, typeText) });
  } else if (OBJ_ID_RE.test(id)) type = 'objective';
  else if (KR_ID_RE.test(id)) {
    type = typeof cur === 'boolean'
      ? 'milestone'
      : start !== null && target !== null
        ? target < start ? 'decrease' : 'increase'
        : inferKrType(text(raw.title));
  } else if (text(raw.title)) problems.push({ at: { row: index, column: 'type' }, message: MSG.noType });

  return {
    index,
    id,
    type,
    title: text(raw.title),
    owner: text(raw.owner),
    alignsTo: text(raw.alignsTo),
    source: cellLabel(SOURCE_INDEX, raw.source)?.key ?? null,
    agreed: isBlank(raw.agreed) ? null : readBool(raw.agreed),
    start,
    target,
    current,
    unit: text(raw.unit),
    weight,
    due: isBlank(raw.due) ? null : parseDate(raw.due),
    confidence: readNum(raw.confidence),
    selfScore: readNum(raw.selfScore),
    notes: text(raw.notes),
    raw,
  };
}

function inferKrType(title: string): KrType {
  const p = parseKrText(title);
  return p.krType ?? (p.direction === 'decrease' ? 'decrease' : 'increase');
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * A1 address (e.g. `H12`) of a finding, relative to the grid given to readTableValues, shifted by
 * `origin` (0-based row/column of values[0][0] in the sheet; the sheets layer passes it).
 * row null → the header row; column null (or a column not in the sheet) → the ID column, else
 * the first mapped column. null for a failed read or an unknown row.
 */
export function a1For(read: TableRead, ref: CellRef, origin: { row: number; column: number } = { row: 0, column: 0 }): string | null {
  if (isTableError(read)) return null;
  const r = ref.row === null ? read.headerRow : read.rowIndexes[ref.row];
  if (r === undefined) return null;
  let c = ref.column !== null ? read.columns[ref.column] : undefined;
  if (c === undefined) c = read.columns.id ?? read.columns.title;
  if (c === undefined) return null;
  return `${columnLetter(c + origin.column)}${r + origin.row + 1}`;
}

export interface ObjectiveGroup {
  objective: OkrRow;
  krs: OkrRow[];
}

/** The objective ID a KR ID names: `O1.KR2` → `O1`, `O1-KR2` → `O1`; else the part before the
 *  last `.`; null if none. */
export function objectiveIdOf(krId: string): string | null {
  const m = KR_ID_RE.exec(krId);
  if (m) return m[1] ? m[1] : null;
  const dot = krId.lastIndexOf('.');
  return dot > 0 ? krId.slice(0, dot) : null;
}

const groupCache = new WeakMap<OkrTable, { rows: OkrRow[]; n: number; groups: ObjectiveGroup[]; orphans: OkrRow[] }>();

/**
 * Groups rows into objectives. A KR (any row that is not an objective, including rows of unknown
 * type) belongs to the objective its ID names (`O1.KR2` → `O1`) when that objective exists,
 * otherwise to the nearest objective above it; `orphans` are KRs with neither. Objectives keep
 * table order. The result is cached per table object while its `rows` array keeps its identity
 * and length (re-grouped when rows are added or removed; edit IDs/types → pass a new table).
 */
export function groupObjectives(table: OkrTable): { groups: ObjectiveGroup[]; orphans: OkrRow[] } {
  const cached = groupCache.get(table);
  if (cached && cached.rows === table.rows && cached.n === table.rows.length) return cached;
  const groups: ObjectiveGroup[] = [];
  const byId = new Map<string, ObjectiveGroup>();
  for (const row of table.rows) {
    if (row.type !== 'objective') continue;
    const g: ObjectiveGroup = { objective: row, krs: [] };
    groups.push(g);
    if (row.id && !byId.has(row.id.toUpperCase())) byId.set(row.id.toUpperCase(), g);
  }
  const orphans: OkrRow[] = [];
  let current: ObjectiveGroup | null = null;
  let gi = 0;
  for (const row of table.rows) {
    if (row.type === 'objective') {
      current = groups[gi++] ?? null;
      continue;
    }
    const oid = row.id ? objectiveIdOf(row.id) : null;
    const g = (oid ? byId.get(oid.toUpperCase()) : undefined) ?? current;
    if (g) g.krs.push(row);
    else orphans.push(row);
  }
  groupCache.set(table, { rows: table.rows, n: table.rows.length, groups, orphans });
  return { groups, orphans };
}

/** The KRs of one objective (by its ID, case-insensitive); [] if there is no such objective. */
export function krsOf(table: OkrTable, objectiveId: string): OkrRow[] {
  const want = objectiveId.trim().toUpperCase();
  return groupObjectives(table).groups.find((g) => g.objective.id.toUpperCase() === want)?.krs ?? [];
}
