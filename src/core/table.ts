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
 * - Type: ROW_TYPE_LABELS in either language. A blank type in a table WITH a Type column is no
 *   type (type null and a problem): the sheet's formulas show nothing for such a row, so core
 *   does not guess one ("one number", issue 10). Only a table without a Type column (a user's own
 *   layout, a CSV) infers it: an ID like `O1` → objective; an ID like `O1.KR2` / `KR3` → KR: a
 *   checkbox current → milestone; start and target given → decrease when target < start, else
 *   increase; otherwise the type the KR text implies (krtext.ts: `上线…` → milestone,
 *   `不低于 95%` → atLeast …), else increase. Text that is not a known type → type null and a problem.
 * - Number cells (start, target, current, weight, confidence, self-score) are read the way the
 *   sheet's formulas read them: a number is a number, TRUE/FALSE in Current is 1/0, and TEXT is
 *   not a number — `500万` typed as text is null here exactly as N()/ISNUMBER() see it in the
 *   sheet. Lint (`number-as-text`) reports such a cell with the number it would be. Weight is
 *   the number as it is (the formulas do not rescale 30 to 30%; lint reports totals ≠ 100%).
 *   TRUE/FALSE in Start is 1/0, as the Progress formula's N() reads it; Due is a date only when
 *   the cell holds one (text such as `2026/10/20` is no date to Status's ISNUMBER, nor here).
 *   Lint `unreadable-number` names those cells. Without a Type column, text counts in the row's
 *   Unit (`180万` where Unit is 万元 → 180).
 * - `row.raw` keeps every mapped cell as found, for lint.
 */
import type { Lang, Localized } from './i18n';
import {
  COLUMN_LABELS, HEADER_LABELS, LEVEL_LABELS, ROW_TYPE_LABELS, SOURCE_LABELS, matchLabel,
  type HeaderKey,
} from './labels';
import { COLUMN_KEYS, type CellRef, type ColumnKey, type OkrHeader, type OkrRow, type OkrTable, type RowType, type KrType } from './model';
import { parseDate, parseNumber, sheetDate, unitScale, valueInUnit, type UnitScale } from './numbers';
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
  noType: { 'zh-CN': '缺少类型：表格公式不会计算这一行（请选择目标或关键结果类型）', en: 'Type missing: the sheet\'s formulas compute nothing for this row (choose Objective or a KR type)' },
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

// every labelled key has a bit (a key may be read by label before the sheet plan writes it)
const COLUMN_BIT = Object.fromEntries(
  [...COLUMN_KEYS, ...(Object.keys(COLUMN_LABELS) as ColumnKey[]).filter((k) => !COLUMN_KEYS.includes(k))].map((k, i) => [k, i]),
) as Record<ColumnKey, number>;

const FORMULA_COLUMNS = new Set<ColumnKey>(['progress', 'score', 'status', 'bar', 'finalScore', 'trend']);

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

/** A number cell as the sheet's formulas see it (ISNUMBER): numbers only; text is not a number. */
function readNum(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Lenient reading for tables WITHOUT our formulas (no Type column: a user's own layout or CSV),
 *  where no sheet formula defines the number. */
function readNumLenient(v: unknown, scale: UnitScale | null = null): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean' || isBlank(v)) return null;
  const r = parseNumber(v);
  // `180万` in a row whose Unit is 万元 is 180 there (numbers.ts valueInUnit)
  return r.ok ? valueInUnit(r, scale) : null;
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
    const row = readRow(raw, rows.length, problems, columns.type !== undefined);
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
    case 'overallScore': break; // a formula (unitScore), computed by core, not read
    case 'today': break; // a formula (As of, else TODAY()), not read
  }
}

const ROW_TYPE_INDEX = labelIndex(ROW_TYPE_LABELS);

function readRow(raw: Partial<Record<ColumnKey, unknown>>, index: number, problems: TableProblem[], hasTypeColumn: boolean): OkrRow {
  const id = text(raw.id);
  const num = hasTypeColumn ? readNum : readNumLenient;
  // Start / Target / Current count in the row's Unit (only read leniently without a Type column)
  const scale = hasTypeColumn ? null : unitScale(raw.unit);
  const value = (v: unknown) => (hasTypeColumn ? readNum(v) : readNumLenient(v, scale));
  // a checkbox in Start is N(TRUE) = 1 to the Progress formula (its only reading of Start)
  const start = hasTypeColumn && typeof raw.start === 'boolean' ? +raw.start : value(raw.start);
  const target = value(raw.target);
  const cur = raw.current;
  const current = typeof cur === 'boolean' ? (cur ? 1 : 0) : value(cur);
  let weight = num(raw.weight);
  if (!hasTypeColumn && weight !== null && weight > 1 && !(typeof raw.weight === 'string' && raw.weight.includes('%'))) weight /= 100;

  let type: RowType | null = null;
  const typeText = text(raw.type);
  if (typeText) {
    const hit = typeof raw.type === 'string' ? cellLabel(ROW_TYPE_INDEX, raw.type) : null;
    type = hit ? hit.key : null;
    if (!type) problems.push({ at: { row: index, column: 'type' }, message: withText(MSG.badType, typeText) });
  } else if (hasTypeColumn) {
    if (id || text(raw.title)) problems.push({ at: { row: index, column: 'type' }, message: MSG.noType });
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
    // Status reads Due with ISNUMBER: text that looks like a date is no date there (numbers.ts)
    due: isBlank(raw.due) ? null : hasTypeColumn ? sheetDate(raw.due) : parseDate(raw.due),
    confidence: num(raw.confidence),
    selfScore: num(raw.selfScore),
    notes: text(raw.notes),
    rubric: text(raw.rubric),
    managerScore: num(raw.managerScore),
    comment: text(raw.comment),
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
 * Groups rows into objectives exactly as the sheet's objective formulas count them: a row
 * belongs to the nearest objective ABOVE it when its ID starts with that objective's ID and a
 * dot (`O1.KR2` under `O1`; case-insensitive, like the formulas' `LEFT(id, LEN(O)+1) = O&"."`).
 * Any other non-objective row with an ID is an orphan (lint `orphan-kr` reports it at its cell;
 * its own progress still shows, but no objective counts it). Rows without an ID are not key
 * results anywhere (lint `no-id` reports a stray value). Objectives without an ID are not
 * objectives either (their formulas show blanks). Rows of unknown type stay in their group (lint
 * reads them); scoring counts only rows of a KR type (the formulas count numeric progress only).
 * The result is cached per table object while its `rows` array keeps its identity and length.
 */
export function groupObjectives(table: OkrTable): { groups: ObjectiveGroup[]; orphans: OkrRow[] } {
  const cached = groupCache.get(table);
  if (cached && cached.rows === table.rows && cached.n === table.rows.length) return cached;
  const groups: ObjectiveGroup[] = [];
  const orphans: OkrRow[] = [];
  let current: ObjectiveGroup | null = null;
  let prefix = '';
  for (const row of table.rows) {
    if (!row.id) {
      if (row.type === 'objective') current = null; // an objective without ID ends the block above
      continue;
    }
    if (row.type === 'objective') {
      current = { objective: row, krs: [] };
      prefix = row.id.toUpperCase() + '.';
      groups.push(current);
      continue;
    }
    if (current && row.id.toUpperCase().startsWith(prefix)) current.krs.push(row);
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
