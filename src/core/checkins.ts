/**
 * Check-ins (design §2, §3): the log of progress updates. One Check-ins sheet per workbook holds
 * rows of (date, sheet/unit, KR ID, new value, confidence, done this period, next steps,
 * blockers / resources needed). History is appended, never overwritten; the OKR row's Current
 * and Confidence cells carry the latest values.
 *
 * Pure: dates are ISO strings, "today" is always a parameter.
 */
import type { Localized } from './i18n';
import { fmt } from './i18n';
import { isKrType } from './labels';
import type { ActionItem, CheckIn, KrType, OkrRow, OkrTable } from './model';
import type { PlanCell } from './plan/types';
import { keepAsTypedText } from './escape';
import { krProgress } from './progress';

type Labels = { 'zh-CN': string[]; en: string[] };

export type CheckInKey = 'date' | 'sheet' | 'krId' | 'value' | 'confidence' | 'done' | 'next' | 'blockers' | 'cycle';
/** `cycle` last (issue 13 §5): logs made before it keep their column letters; their entries have
 *  no cycle and belong where their sheet and date put them (`entryBelongsTo`). */
export const CHECKIN_KEYS: readonly CheckInKey[] = ['date', 'sheet', 'krId', 'value', 'confidence', 'done', 'next', 'blockers', 'cycle'];

/** Check-ins headers; the reader accepts every alias of either language. */
export const CHECKIN_LABELS: Record<CheckInKey, Labels> = {
  date: { 'zh-CN': ['日期', '更新日期', '填写日期'], en: ['Date', 'Check-in date'] },
  sheet: { 'zh-CN': ['表 / 单元', '表/单元', '单元', '工作表', '表', '部门/团队', '部门'], en: ['Sheet / unit', 'Sheet/unit', 'Sheet', 'Unit'] },
  krId: { 'zh-CN': ['KR 编号', 'KR编号', '关键结果编号', 'KR'], en: ['KR ID', 'KR', 'Key result ID'] },
  value: { 'zh-CN': ['新值', '最新值', '本期数值', '当前值'], en: ['New value', 'Value', 'Current'] },
  confidence: { 'zh-CN': ['信心指数', '信心', '信心 (1-10)', '信心(1-10)'], en: ['Confidence', 'Confidence (1-10)'] },
  done: { 'zh-CN': ['本期完成', '本期完成的工作', '已完成工作', '做了什么', '完成事项'], en: ['Done this period', 'Done', 'Work done'] },
  next: { 'zh-CN': ['下一步', '下一步计划', '下步计划'], en: ['Next steps', 'Next step', 'Next'] },
  blockers: {
    'zh-CN': ['困难 / 所需资源', '困难/所需资源', '困难与资源', '遇到的困难', '所需资源', '困难', '问题/资源'],
    en: ['Blockers / resources needed', 'Blockers/resources needed', 'Blockers / resources', 'Blockers', 'Resources needed'],
  },
  cycle: { 'zh-CN': ['周期', 'OKR 周期'], en: ['Cycle', 'OKR cycle'] },
};

export type ActionKey = 'krId' | 'task' | 'owner' | 'due' | 'deliverable' | 'done';
export const ACTION_LABELS: Record<ActionKey, Labels> = {
  krId: { 'zh-CN': ['KR 编号', 'KR编号', '关键结果编号', 'KR'], en: ['KR ID', 'KR', 'Key result ID'] },
  task: { 'zh-CN': ['任务', '行动', '工作任务'], en: ['Task', 'Action'] },
  owner: { 'zh-CN': ['负责人'], en: ['Owner'] },
  due: { 'zh-CN': ['截止日期', '截止', '期限'], en: ['Due', 'Due date', 'Deadline'] },
  deliverable: { 'zh-CN': ['交付物', '交付成果', '成果'], en: ['Deliverable'] },
  done: { 'zh-CN': ['完成', '已完成', '完成 ✓', '完成✓'], en: ['Done', 'Done ✓', 'Completed'] },
};

/** A check-in as logged: the model's CheckIn plus where it came from. */
export interface CheckInEntry extends CheckIn {
  /** The sheet or unit the KR belongs to ('' when the log has no such column). */
  sheet: string;
  /** 0-based index among the log's data rows (later rows win ties on the same date). */
  order: number;
  /** The OKR cycle the entry was logged in ('' or absent: a log without a Cycle column). */
  cycle?: string;
}

export interface LogProblem {
  /** 0-based data row (null: the whole sheet). */
  row: number | null;
  message: Localized;
}

export interface ReadLogResult<K extends string, T> {
  items: T[];
  /** 0-based index of the header row in `values`; -1 when not found. */
  headerRow: number;
  /** Column index (0-based) by key; missing keys have no column. */
  columns: Partial<Record<K, number>>;
  problems: LogProblem[];
}

const MSG = {
  noHeader: { 'zh-CN': '未找到表头行（需要“日期”“KR 编号”等列）', en: 'No header row found (needs Date, KR ID, … columns)' },
  badDate: { 'zh-CN': '第 {row} 行：日期无法识别', en: 'Row {row}: the date is not readable' },
  unknownKr: { 'zh-CN': '找不到关键结果 {kr}', en: 'Key result {kr} not found' },
  notKr: { 'zh-CN': '{kr} 不是关键结果（是目标）', en: '{kr} is an objective, not a key result' },
  badConfidence: { 'zh-CN': '信心指数应为 1–10 的整数', en: 'Confidence must be a whole number from 1 to 10' },
  badValue: { 'zh-CN': '新值不是数字：{value}', en: 'The new value is not a number: {value}' },
  badDateInput: { 'zh-CN': '日期应为 YYYY-MM-DD：{value}', en: 'The date must be YYYY-MM-DD: {value}' },
  confirmNegative: {
    'zh-CN': '新值 {value} 是负数，而 {kr} 的起始值和目标值都不是负数。确定要保存吗？',
    en: 'The new value {value} is negative, but {kr} runs between non-negative numbers. Save it anyway?',
  },
  confirmTooLarge: {
    'zh-CN': '新值 {value} 超过目标值 {target} 的 10 倍（单位是否有误，比如 80 与 80%？）。确定要保存吗？',
    en: 'The new value {value} is more than 10 times the target {target} (is the unit right, e.g. 80 vs 80%?). Save it anyway?',
  },
  confirmMilestone: {
    'zh-CN': '{kr} 是里程碑，新值应为“完成”或 0–100% 之间的完成比例，而不是 {value}。确定要保存吗？',
    en: '{kr} is a milestone: the new value should be "done" or a share from 0 to 100%, not {value}. Save it anyway?',
  },
  backdated: {
    'zh-CN': '已记入日志；{date} 早于最近一次更新（{latest}），因此“当前值”保持为最近一次的值。',
    en: 'Logged; {date} is before the latest check-in ({latest}), so Current keeps the latest value.',
  },
} satisfies Record<string, Localized>;
export const CHECKIN_MESSAGES = MSG;

// ---------------------------------------------------------------------------------------------
// Dates (ISO strings; Date cells and spreadsheet serial numbers accepted)

const pad = (n: number) => (n < 10 ? '0' : '') + n;

/** A cell value → ISO date, or null. Date objects use their calendar fields as shown. */
export function toIsoDate(v: unknown): string | null {
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return null;
    return `${v.getFullYear()}-${pad(v.getMonth() + 1)}-${pad(v.getDate())}`;
  }
  if (typeof v === 'number' && isFinite(v) && v > 0 && v < 200000) {
    // Spreadsheet serial day (1899-12-30 = 0).
    const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86400000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  if (v && typeof v === 'object' && typeof (v as { date?: unknown }).date === 'string') {
    return toIsoDate((v as { date: string }).date);
  }
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(v);
  if (!m) return null;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCMonth() !== mo - 1) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Whole days from `a` to `b` (ISO dates); positive when b is later. */
export function daysBetween(a: string, b: string): number {
  const p = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y!, m! - 1, d!);
  };
  return Math.round((p(b) - p(a)) / 86400000);
}

// ---------------------------------------------------------------------------------------------
// Reading the logs

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();

function buildLookup<K extends string>(labels: Record<K, Labels>): Map<string, K> {
  const m = new Map<string, K>();
  for (const key of Object.keys(labels) as K[]) {
    for (const l of [...labels[key]['zh-CN'], ...labels[key].en]) if (!m.has(norm(l))) m.set(norm(l), key);
  }
  return m;
}
const CHECKIN_LOOKUP = buildLookup(CHECKIN_LABELS);
const ACTION_LOOKUP = buildLookup(ACTION_LABELS);

function findHeader<K extends string>(
  values: unknown[][],
  lookup: Map<string, K>,
  required: K[],
  maxScan = 30,
): { headerRow: number; columns: Partial<Record<K, number>> } {
  const limit = Math.min(values.length, maxScan);
  for (let r = 0; r < limit; r++) {
    const row = values[r] ?? [];
    const columns: Partial<Record<K, number>> = {};
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== 'string' || !cell.trim()) continue;
      const key = lookup.get(norm(cell));
      if (key !== undefined && columns[key] === undefined) columns[key] = c;
    }
    if (required.every((k) => columns[k] !== undefined)) return { headerRow: r, columns };
  }
  return { headerRow: -1, columns: {} };
}

const text = (v: unknown): string =>
  v === null || v === undefined ? '' : v instanceof Date ? toIsoDate(v) ?? '' : String(v).trim();

/** A milestone's "done" as people type it (TRUE, 是, 完成, done, ✓ …) and its opposite. */
const DONE_WORDS = /^(true|yes|y|是|完成|已完成|达成|已达成|done|completed?|finished|✓|✔|√|☑)$/i;
const NOT_DONE_WORDS = /^(false|no|n|否|未完成|没完成|not ?done|✗|✘|×|☐)$/i;

/** Lenient number: 12, '12', '1,200', '80%', TRUE/FALSE and done/完成/✓/是 (milestones). */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'string') return null;
  const s = v.trim().replace(/[,，\s¥$]/g, '');
  if (!s) return null;
  if (DONE_WORDS.test(s)) return 1;
  if (NOT_DONE_WORDS.test(s)) return 0;
  const m = /^([-+]?\d*\.?\d+)(%?)$/.exec(s);
  if (!m) return null;
  const n = parseFloat(m[1]!);
  return m[2] ? n / 100 : n;
}

/** Parses a Check-ins sheet's values (header found by label, either language). */
export function readCheckIns(values: unknown[][]): ReadLogResult<CheckInKey, CheckInEntry> {
  const { headerRow, columns } = findHeader(values, CHECKIN_LOOKUP, ['date', 'krId']);
  if (headerRow < 0) return { items: [], headerRow, columns, problems: [{ row: null, message: MSG.noHeader }] };
  const items: CheckInEntry[] = [];
  const problems: LogProblem[] = [];
  const get = (row: unknown[], k: CheckInKey) => (columns[k] === undefined ? null : row[columns[k]!]);
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const krId = text(get(row, 'krId'));
    if (!krId) continue;
    const order = r - headerRow - 1;
    const date = toIsoDate(get(row, 'date'));
    if (!date) {
      problems.push({ row: order, message: { 'zh-CN': fmt(MSG.badDate, 'zh-CN', { row: r + 1 }), en: fmt(MSG.badDate, 'en', { row: r + 1 }) } });
      continue;
    }
    const conf = toNumber(get(row, 'confidence'));
    items.push({
      date,
      sheet: text(get(row, 'sheet')),
      krId,
      value: toNumber(get(row, 'value')),
      confidence: conf,
      done: text(get(row, 'done')),
      next: text(get(row, 'next')),
      blockers: text(get(row, 'blockers')),
      order,
      // only when logged with one: entries of older logs keep their old shape
      ...(text(get(row, 'cycle')) ? { cycle: text(get(row, 'cycle')) } : {}),
    });
  }
  return { items, headerRow, columns, problems };
}

/** Parses an Actions sheet's values (KR ID, task, owner, due, deliverable, done ✓). */
export function readActions(values: unknown[][]): ReadLogResult<ActionKey, ActionItem & { sheet?: string }> {
  const { headerRow, columns } = findHeader(values, ACTION_LOOKUP, ['krId', 'task']);
  if (headerRow < 0) return { items: [], headerRow, columns, problems: [{ row: null, message: MSG.noHeader }] };
  const items: ActionItem[] = [];
  const get = (row: unknown[], k: ActionKey) => (columns[k] === undefined ? null : row[columns[k]!]);
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const krId = text(get(row, 'krId'));
    const task = text(get(row, 'task'));
    if (!krId && !task) continue;
    const done = get(row, 'done');
    items.push({
      krId,
      task,
      owner: text(get(row, 'owner')),
      due: toIsoDate(get(row, 'due')),
      deliverable: text(get(row, 'deliverable')),
      done: done === true || toNumber(done) === 1,
    });
  }
  return { items, headerRow, columns, problems: [] };
}

// ---------------------------------------------------------------------------------------------
// Querying

/**
 * Does a log entry belong to this sheet/table? An entry with no sheet matches any table; one
 * naming the sheet matches it; one naming the unit matches only from the table's cycle start —
 * after "Start next cycle" the unit has a new sheet, and the old cycle's entries stay with the
 * archive (marked by their dates), so the new cycle's history starts empty. An entry marked with
 * a cycle belongs only to a table of that cycle; one without (logged before the Cycle column)
 * follows the rules above, i.e. stays with the cycle it was logged in.
 */
export function entryBelongsTo(entry: { sheet?: string; date?: string; cycle?: string }, table: OkrTable, sheetName?: string): boolean {
  const c = entry.cycle ?? '';
  if (c.trim() && table.header.cycle.trim() && normCached(c) !== normCached(table.header.cycle)) return false;
  const s = entry.sheet ?? '';
  if (!s.trim()) return true;
  if (s === sheetName) return true;
  const n = normCached(s);
  if (sheetName !== undefined && n === normCached(sheetName)) return true;
  if (s !== table.header.unit && n !== normCached(table.header.unit)) return false;
  const start = table.header.cycleStart;
  return !(start && entry.date && entry.date < start);
}

/** Sheet / unit names repeat across thousands of log rows: normalise each distinct one once. */
const NORM_CACHE = new Map<string, string>();
function normCached(s: string): string {
  let n = NORM_CACHE.get(s);
  if (n === undefined) {
    if (NORM_CACHE.size > 10000) NORM_CACHE.clear();
    NORM_CACHE.set(s, (n = norm(s)));
  }
  return n;
}

/** Check-ins of one table, oldest first (date, then log order). */
export function checkInsFor<T extends CheckIn & { sheet?: string; order?: number }>(
  checkins: readonly T[],
  table: OkrTable,
  sheetName?: string,
): T[] {
  const mine: { c: T; i: number }[] = [];
  checkins.forEach((c, i) => {
    if (entryBelongsTo(c, table, sheetName)) mine.push({ c, i });
  });
  return mine
    .sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : (a.c.order ?? a.i) - (b.c.order ?? b.i)))
    .map(({ c }) => c);
}

/** The latest check-in per KR ID (later date wins; on the same date the later log row wins). */
export function latestCheckIns<T extends CheckIn & { order?: number }>(checkins: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  checkins.forEach((c, i) => {
    const prev = out.get(c.krId);
    if (!prev || prev.date < c.date || (prev.date === c.date && (prev.order ?? -1) <= (c.order ?? i))) out.set(c.krId, c);
  });
  return out;
}

export interface StaleKr {
  /** Index into `table.rows`. */
  row: number;
  krId: string;
  title: string;
  owner: string;
  /** ISO date of the latest check-in, null when the KR has none. */
  lastCheckIn: string | null;
  /** Days since the latest check-in (or since the cycle start when there is none); null if unknown. */
  daysSince: number | null;
}

/**
 * KRs with no check-in for `staleDays` days as of `asOf` (design: "stale KR", default 14 days
 * from Settings). With no check-in at all, the clock starts at the cycle start (a cycle not yet
 * started has no stale KRs); with no cycle start either, the KR counts as stale. Finished KRs
 * (progress 1) are never stale.
 */
export function staleKrs(
  table: OkrTable,
  checkins: readonly (CheckIn & { sheet?: string; order?: number })[],
  asOf: string,
  staleDays = 14,
  opts: { sheetName?: string } = {},
): StaleKr[] {
  const latest = latestCheckIns(checkInsFor(checkins, table, opts.sheetName).filter((c) => c.date <= asOf));
  const out: StaleKr[] = [];
  for (const row of table.rows) {
    if (!isKrType(row.type) || !row.id) continue;
    if (krProgress(row.type, row.start, row.target, row.current) >= 1) continue;
    const last = latest.get(row.id)?.date ?? null;
    const from = last ?? table.header.cycleStart;
    const daysSince = from ? daysBetween(from, asOf) : null;
    if (daysSince === null || daysSince >= staleDays) {
      out.push({ row: row.index, krId: row.id, title: row.title, owner: row.owner, lastCheckIn: last, daysSince });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Recording a check-in

export interface CheckInInput {
  sheet: string;
  krId: string;
  /** New Current value: a number, TRUE/FALSE for a milestone, or text such as '80%'; null keeps Current. */
  value: number | boolean | string | null;
  confidence: number | null;
  done?: string;
  next?: string;
  blockers?: string;
  /** ISO date of the check-in. */
  date: string;
}

export interface CheckInUpdate {
  /** Index into `table.rows` of the KR row. */
  row: number;
  krId: string;
  /** What to write into Current (null: leave the cell as it is — no value, or back-dated). */
  current: number | boolean | null;
  /** What to write into Confidence (null: leave the cell as it is). */
  confidence: number | null;
  /** The log entry appended to the Check-ins sheet (always, even when back-dated). */
  entry: CheckInEntry;
  /** Set when the log already holds a newer entry for this KR: the entry is logged, but the
   *  newer Current (and Confidence) stay. `latest` is that newer entry's date. */
  backdated: { latest: string; message: Localized } | null;
}

export type ApplyResult =
  | { ok: true; update: CheckInUpdate }
  /** `needsConfirmation`: the value looks like a slip (see `implausibleValue`); nothing is
   *  written until the caller resends with `confirmed`. */
  | { ok: false; message: Localized; needsConfirmation?: boolean };

export interface ApplyCheckInOptions {
  /** The check-in log as read (every sheet's entries): decides whether the entry is back-dated. */
  log?: readonly (CheckIn & { sheet?: string; order?: number })[];
  /** The OKR sheet's name (log entries name the sheet or the unit). */
  sheetName?: string;
  /** The user confirmed an implausible value. */
  confirmed?: boolean;
}

const loc = (m: Localized, params: Record<string, string | number>): Localized => ({
  'zh-CN': fmt(m, 'zh-CN', params),
  en: fmt(m, 'en', params),
});

/** A check-in value → what goes into Current: milestones keep done/not done as TRUE/FALSE. */
function checkInValue(type: KrType, v: number | boolean | string): number | boolean | null {
  if (typeof v === 'boolean') return type === 'milestone' ? v : v ? 1 : 0;
  if (type === 'milestone' && typeof v === 'string') {
    const t = v.trim();
    if (DONE_WORDS.test(t)) return true;
    if (NOT_DONE_WORDS.test(t)) return false;
  }
  return toNumber(v);
}

/**
 * Why a value is probably a slip (a unit or sign typo), or null: a milestone outside 0–100%;
 * a negative value where start and target are both ≥ 0; a value more than 10 times the larger
 * of |target| and |start| (80 typed for 80%, 5000000 for 500 万 when the sheet counts 万).
 */
export function implausibleValue(row: Pick<OkrRow, 'id' | 'type' | 'start' | 'target'>, value: number, shown: string): Localized | null {
  if (row.type === 'milestone') return value < 0 || value > 1 ? loc(MSG.confirmMilestone, { kr: row.id, value: shown }) : null;
  if (row.target === null || !Number.isFinite(row.target)) return null;
  const s = row.start ?? 0;
  if (value < 0 && s >= 0 && row.target >= 0) return loc(MSG.confirmNegative, { kr: row.id, value: shown });
  const scale = Math.max(Math.abs(row.target), Math.abs(s));
  if (scale > 0 && Math.abs(value) > 10 * scale) return loc(MSG.confirmTooLarge, { kr: row.id, value: shown, target: row.target });
  return null;
}

/** The latest logged date (≤ any date) of this KR's entries that carry `pick`, or null. */
function latestLogged(
  log: ApplyCheckInOptions['log'],
  table: OkrTable,
  sheetName: string | undefined,
  krId: string,
  pick: (e: CheckIn) => boolean,
): string | null {
  let latest: string | null = null;
  for (const e of log ?? []) {
    if (norm(e.krId) !== norm(krId) || !pick(e) || !entryBelongsTo(e, table, sheetName)) continue;
    if (latest === null || e.date > latest) latest = e.date;
  }
  return latest;
}

/**
 * Validates a check-in against the table and the log, and works out the cell updates and the
 * log entry. Nothing is overwritten in the log: the entry is always a new row. Current follows
 * the latest-dated entry: a back-dated entry is logged but leaves a newer Current alone (same
 * date: the later log row wins, as `latestCheckIns` reads it). An implausible value asks for
 * confirmation first.
 */
export function applyCheckIn(table: OkrTable, input: CheckInInput, opts: ApplyCheckInOptions = {}): ApplyResult {
  const row: OkrRow | undefined = table.rows.find((r) => r.id && norm(r.id) === norm(input.krId));
  if (!row) return { ok: false, message: loc(MSG.unknownKr, { kr: input.krId }) };
  if (!isKrType(row.type)) return { ok: false, message: loc(MSG.notKr, { kr: input.krId }) };
  const type = row.type;
  const date = toIsoDate(input.date);
  if (!date) return { ok: false, message: loc(MSG.badDateInput, { value: String(input.date) }) };
  if (input.confidence !== null && input.confidence !== undefined) {
    const c = input.confidence;
    if (!Number.isInteger(c) || c < 1 || c > 10) return { ok: false, message: MSG.badConfidence };
  }
  let current: number | boolean | null = null;
  if (input.value !== null && input.value !== undefined && input.value !== '') {
    current = checkInValue(type, input.value);
    if (current === null) return { ok: false, message: loc(MSG.badValue, { value: String(input.value) }) };
    if (typeof current === 'number' && !opts.confirmed) {
      const why = implausibleValue(row, current, String(input.value));
      if (why) return { ok: false, message: why, needsConfirmation: true };
    }
  }
  const confidence = input.confidence ?? null;
  const entry: CheckInEntry = {
    date,
    sheet: input.sheet,
    krId: row.id,
    value: current === null ? null : typeof current === 'boolean' ? (current ? 1 : 0) : current,
    confidence,
    done: (input.done ?? '').trim(),
    next: (input.next ?? '').trim(),
    blockers: (input.blockers ?? '').trim(),
    order: Number.MAX_SAFE_INTEGER,
    cycle: table.header.cycle.trim(),
  };
  const newerValue = latestLogged(opts.log, table, opts.sheetName, row.id, (e) => e.value !== null);
  const newerConf = latestLogged(opts.log, table, opts.sheetName, row.id, (e) => e.confidence !== null);
  const valueBack = current !== null && newerValue !== null && newerValue > date;
  const confBack = confidence !== null && newerConf !== null && newerConf > date;
  const latest = [valueBack ? newerValue : null, confBack ? newerConf : null].filter((d): d is string => d !== null).sort().pop();
  return {
    ok: true,
    update: {
      row: row.index,
      krId: row.id,
      current: valueBack ? null : current,
      confidence: confBack ? null : confidence,
      entry,
      backdated: latest ? { latest, message: loc(MSG.backdated, { date, latest }) } : null,
    },
  };
}

/**
 * The log row for an entry, laid out in the Check-ins sheet's own column order (`columns` from
 * `readCheckIns`; default: CHECKIN_KEYS order). User text is escaped against formula injection
 * and kept as typed where Sheets would read it as a number or a date (`3/4`, `01234`).
 */
export function checkInLogRow(
  entry: CheckIn & { sheet?: string; cycle?: string },
  columns: Partial<Record<CheckInKey, number>> = defaultCheckInColumns(),
  width?: number,
): PlanCell[] {
  const w = width ?? Math.max(...Object.values(columns).map((c) => (c ?? 0) + 1), 0);
  const row: PlanCell[] = new Array<PlanCell>(w).fill('');
  const put = (k: CheckInKey, v: PlanCell) => {
    const c = columns[k];
    if (c !== undefined && c < w) row[c] = v;
  };
  put('date', { date: entry.date });
  put('sheet', keepAsTypedText(entry.sheet ?? ''));
  put('krId', keepAsTypedText(entry.krId));
  put('value', entry.value);
  put('confidence', entry.confidence);
  put('done', keepAsTypedText(entry.done));
  put('next', keepAsTypedText(entry.next));
  put('blockers', keepAsTypedText(entry.blockers));
  put('cycle', keepAsTypedText(entry.cycle ?? '')); // 2026-11 stays text, not a date
  return row;
}

export function defaultCheckInColumns(): Partial<Record<CheckInKey, number>> {
  const c: Partial<Record<CheckInKey, number>> = {};
  CHECKIN_KEYS.forEach((k, i) => (c[k] = i));
  return c;
}

