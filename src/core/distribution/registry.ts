/**
 * The Units registry (design §8): the hub's sheet the add-on owns, one row per unit — who it is,
 * which file it got, how far distribution and collection went, and the unit's figures.
 *
 * People sort, filter and annotate it: rows are found by the unit's name, never by position;
 * columns by their labels (either language, any order). An update rewrites only our columns of
 * the rows it names and appends rows for new units; a column a person added keeps its cells.
 */
import type { Lang, Localized } from '../i18n';
import { LEVEL_LABELS, SHEET_NAMES, label, matchLabel } from '../labels';
import type { Level } from '../model';
import { OWNER_KEY, type PlanCell, type SheetPlan } from '../plan/types';
import { escapeCellText, unescapeCellText } from '../escape';

export type RegistryKey =
  | 'unit' | 'level' | 'parent' | 'owner' | 'email' | 'template' | 'file' | 'status'
  | 'lastCollected' | 'progress' | 'score' | 'krs' | 'stale' | 'cycle';
/** `cycle` last: a registry written before it existed gets it at its right edge, nothing moves. */
export const REGISTRY_KEYS: readonly RegistryKey[] = [
  'unit', 'level', 'parent', 'owner', 'email', 'template', 'file', 'status', 'lastCollected', 'progress', 'score', 'krs', 'stale', 'cycle',
];

type Labels = { 'zh-CN': string[]; en: string[] };
export const REGISTRY_LABELS: Record<RegistryKey, Labels> = {
  unit: { 'zh-CN': ['单元'], en: ['Unit'] },
  level: { 'zh-CN': ['层级'], en: ['Level'] },
  parent: { 'zh-CN': ['上级单元'], en: ['Parent unit'] },
  owner: { 'zh-CN': ['负责人'], en: ['Owner'] },
  email: { 'zh-CN': ['邮箱'], en: ['Email'] },
  template: { 'zh-CN': ['模板'], en: ['Template'] },
  file: { 'zh-CN': ['文件'], en: ['File'] },
  status: { 'zh-CN': ['状态'], en: ['Status'] },
  lastCollected: { 'zh-CN': ['最近收集'], en: ['Last collected'] },
  progress: { 'zh-CN': ['进度'], en: ['Progress'] },
  score: { 'zh-CN': ['得分'], en: ['Score'] },
  krs: { 'zh-CN': ['KR 数'], en: ['KRs'] },
  stale: { 'zh-CN': ['久未更新 KR'], en: ['Stale KRs'] },
  cycle: { 'zh-CN': ['当前周期'], en: ['Current cycle'] },
};

/** How far a unit got. The problems are collection's (a file that cannot be read). */
/** `removed`: the unit left the roster; its row and file stay (history), collection skips it. */
export type DistributionState = 'planned' | 'created' | 'shared' | 'collected' | 'removed';
export type CollectProblemCode = 'missing' | 'trashed' | 'unshared' | 'unreachable' | 'unreadable' | 'no-okr-table';
export type UnitStatus = DistributionState | CollectProblemCode;

export const STATUS_WORDS: Record<UnitStatus, Labels> = {
  planned: { 'zh-CN': ['待创建'], en: ['planned'] },
  created: { 'zh-CN': ['已创建'], en: ['created'] },
  shared: { 'zh-CN': ['已共享'], en: ['shared'] },
  collected: { 'zh-CN': ['已收集'], en: ['collected'] },
  removed: { 'zh-CN': ['已从组织名单移除'], en: ['removed from roster'] },
  missing: { 'zh-CN': ['文件不存在'], en: ['missing: the file is not there'] },
  trashed: { 'zh-CN': ['文件已移入回收站'], en: ['trashed: the file is in the trash'] },
  unshared: { 'zh-CN': ['无权打开文件（未共享）'], en: ['unshared: no access to the file'] },
  unreachable: { 'zh-CN': ['云端硬盘无响应，稍后再收集'], en: ['unreachable: Drive did not answer; collect again later'] },
  unreadable: { 'zh-CN': ['文件损坏，无法读取'], en: ['unreadable: the file is broken'] },
  'no-okr-table': { 'zh-CN': ['文件中没有 OKR 表'], en: ['no-okr-table: the file holds no OKR table'] },
};

export const PROBLEM_CODES: readonly CollectProblemCode[] = ['missing', 'trashed', 'unshared', 'unreachable', 'unreadable', 'no-okr-table'];
/** Rows collection reads: every unit still on the roster. */
export const isActive = (r: { status: UnitStatus }): boolean => r.status !== 'removed';
export const isProblem = (s: UnitStatus): s is CollectProblemCode => (PROBLEM_CODES as readonly string[]).includes(s);

export interface RegistryRow {
  unit: string;
  level: Level | null;
  parent: string;
  owner: string;
  email: string;
  /** `dept/role`, `company:<dept>/<role>` or `generic/<level>`. */
  template: string;
  /** Offline: a path relative to the hub; Sheets: the file ID. '' = not created yet. */
  file: string;
  status: UnitStatus;
  lastCollected: string | null;
  progress: number | null;
  score: number | null;
  krs: number | null;
  stale: number | null;
  /** The cycle the unit's file is in now (set by distribute and by the hub's next cycle); '' unknown. */
  cycle?: string;
}

export interface RegistryRead {
  /** 0-based header row, -1 when the sheet has none (a new registry). */
  headerRow: number;
  columns: Partial<Record<RegistryKey, number>>;
  /** Rows by their sheet position (0-based in `values`). */
  rows: (RegistryRow & { at: number })[];
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : unescapeCellText(String(v)).trim());
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const unitKey = (s: string): string => s.replace(/[\s\u3000]+/g, ' ').trim().toLowerCase();

/** The status a cell's words mean (either language); unknown words read as `planned`. */
export function readStatus(v: unknown): UnitStatus {
  const t = text(v);
  return matchLabel(STATUS_WORDS, t) ?? (PROBLEM_CODES as readonly string[]).find((c) => t.startsWith(c + ':')) as UnitStatus | undefined ?? 'planned';
}

export function readRegistryValues(values: readonly (readonly unknown[])[]): RegistryRead {
  let headerRow = -1;
  let columns: Partial<Record<RegistryKey, number>> = {};
  for (let r = 0; r < Math.min(values.length, 20) && headerRow < 0; r++) {
    const cols: Partial<Record<RegistryKey, number>> = {};
    (values[r] ?? []).forEach((cell, c) => {
      const k = matchLabel(REGISTRY_LABELS, cell);
      if (k && cols[k] === undefined) cols[k] = c;
    });
    if (cols.unit !== undefined && cols.file !== undefined) {
      headerRow = r;
      columns = cols;
    }
  }
  const rows: RegistryRead['rows'] = [];
  if (headerRow < 0) return { headerRow, columns, rows };
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const get = (k: RegistryKey) => (columns[k] === undefined ? undefined : row[columns[k]!]);
    const unit = text(get('unit'));
    if (!unit) continue;
    const lc = get('lastCollected');
    rows.push({
      at: r,
      unit,
      level: matchLabel(LEVEL_LABELS, text(get('level'))),
      parent: text(get('parent')),
      owner: text(get('owner')),
      email: text(get('email')),
      template: text(get('template')),
      file: text(get('file')),
      status: readStatus(get('status')),
      lastCollected: typeof lc === 'string' && /^\d{4}-\d{2}-\d{2}/.test(lc) ? lc.slice(0, 10) : null,
      progress: num(get('progress')),
      score: num(get('score')),
      krs: num(get('krs')),
      stale: num(get('stale')),
      cycle: text(get('cycle')),
    });
  }
  return { headerRow, columns, rows };
}

/** The registry's language: that of its header (so a hub stays in one language). */
export function registryLang(values: readonly (readonly unknown[])[], fallback: Lang): Lang {
  const read = readRegistryValues(values);
  const head = text(values[read.headerRow]?.[read.columns.unit ?? 0]);
  return REGISTRY_LABELS.unit['zh-CN'].includes(head) ? 'zh-CN' : REGISTRY_LABELS.unit.en.includes(head) ? 'en' : fallback;
}

/** A registry row by unit name (spaces and case ignored). */
export function findRow<T extends { unit: string }>(rows: readonly T[], unit: string): T | undefined {
  const k = unitKey(unit);
  return rows.find((r) => unitKey(r.unit) === k);
}

function cellOf(row: RegistryRow, k: RegistryKey, lang: Lang): PlanCell {
  switch (k) {
    case 'level': return row.level ? label(LEVEL_LABELS[row.level], lang) : '';
    case 'status': return label(STATUS_WORDS[row.status], lang);
    case 'lastCollected': return row.lastCollected ? { date: row.lastCollected } : null;
    case 'progress': case 'score': case 'krs': case 'stale': return row[k];
    case 'cycle': return escapeCellText(row.cycle ?? '');
    default: return escapeCellText(row[k]);
  }
}

/**
 * The registry's new values: `updates` written into the rows of the same unit (only our columns),
 * new units appended in order; every other cell of `values` kept as it was. A registry without
 * our header (or none) gets the full header in `lang`.
 */
export function mergeRegistryValues(values: readonly (readonly unknown[])[] | null, updates: readonly RegistryRow[], lang: Lang): PlanCell[][] {
  const read = values ? readRegistryValues(values) : { headerRow: -1, columns: {}, rows: [] };
  const out: PlanCell[][] = values && read.headerRow >= 0 ? values.map((r) => r.map(keepCell)) : [REGISTRY_KEYS.map((k) => label(REGISTRY_LABELS[k], lang))];
  const headerRow = read.headerRow >= 0 ? read.headerRow : 0;
  const columns: Partial<Record<RegistryKey, number>> = read.headerRow >= 0 ? { ...read.columns } : Object.fromEntries(REGISTRY_KEYS.map((k, i) => [k, i]));
  // a registry a person trimmed gets our missing columns back at its right edge
  let width = Math.max(...out.map((r) => r.length));
  for (const k of REGISTRY_KEYS) {
    if (columns[k] === undefined) {
      columns[k] = width++;
      out[headerRow]![columns[k]!] = label(REGISTRY_LABELS[k], lang);
    }
  }
  for (const u of updates) {
    const found = findRow(read.rows, u.unit);
    let at = found?.at;
    if (at === undefined) {
      at = out.length;
      out.push([]);
    }
    const row = out[at]!;
    for (const k of REGISTRY_KEYS) row[columns[k]!] = cellOf(u, k, lang);
  }
  for (const r of out) for (let c = 0; c < width; c++) if (r[c] === undefined) r[c] = null;
  return out;
}

/** A cell as read, written back unchanged: text escaped again (a note reading `=x` stays text). */
function keepCell(c: unknown): PlanCell {
  if (c === undefined) return null;
  if (typeof c === 'string') return escapeCellText(c);
  return c as PlanCell;
}

/** The registry sheet (role `registry`): values from `mergeRegistryValues`. */
export function registrySheetPlan(values: PlanCell[][], lang: Lang, name = SHEET_NAMES.registry[lang]): SheetPlan {
  const width = values[0]?.length ?? REGISTRY_KEYS.length;
  const col = (i: number) => String.fromCharCode(65 + i);
  const read = readRegistryValues(values);
  const pctCols = (['progress', 'score'] as const).map((k) => read.columns[k]).filter((c): c is number => c !== undefined);
  return {
    name,
    role: 'registry',
    values,
    frozenRows: read.headerRow + 1,
    columnWidths: REGISTRY_KEYS.map((k) => (k === 'unit' || k === 'file' || k === 'status' ? 200 : 100)).slice(0, width),
    formats: [
      { range: `A${read.headerRow + 1}:${col(width - 1)}${read.headerRow + 1}`, bold: true, background: '#dbe5f1' },
      // room for units added later (the applier takes bounded ranges only)
      ...pctCols.map((c) => ({ range: `${col(c)}${read.headerRow + 2}:${col(c)}${values.length + 500}`, numberFormat: c === read.columns.score ? '0.00' : '0%' })),
    ],
    validations: [],
    conditionalFormats: [],
    protections: [],
    namedRanges: [],
    metadata: { [OWNER_KEY]: 'registry' },
  };
}

export const REGISTRY_TEXT = {
  note: {
    'zh-CN': '此表由 OKR Sheets 维护：按单元名称查找行，可排序、筛选、加备注列。',
    en: 'OKR Sheets keeps this sheet: rows are found by unit name; sort, filter and add note columns freely.',
  },
} satisfies Record<string, Localized>;
