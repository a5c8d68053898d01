/**
 * HR set-up from a Roster sheet: one row per unit (company, department, team or person) with its
 * level, parent unit, owner, email, department template and role template. The roster is
 * validated as a whole first — every problem listed with its sheet row — and only a clean
 * roster becomes a workbook plan: one OKR sheet per unit (parents first), its header "aligned to"
 * the parent unit, plus the support sheets once.
 *
 * Headers are localized; the reader accepts either language and any column order.
 */
import type { Lang, Localized } from './i18n';
import { fmt } from './i18n';
import { LEVEL_LABELS, SHEET_NAMES, label, matchLabel } from './labels';
import { LEVELS, type Level } from './model';
import { groupDigits } from './limits';
import {
  buildOkrSheetPlanFromRows, buildWorkbookPlan, defaultOkrSheetName, templateRows, META,
} from './plan/okrSheet';
import { OWNER_KEY, type SheetPlan, type WorkbookPlan } from './plan/types';
import { allDepartments, departmentOf, findDepartment, findRole, type DepartmentTemplate, type RoleTemplate } from './templates';
import { findCompanyRole } from './distribution/companyTemplates';

export type RosterKey = 'unit' | 'level' | 'parent' | 'owner' | 'email' | 'department' | 'role';
export const ROSTER_KEYS: readonly RosterKey[] = ['unit', 'level', 'parent', 'owner', 'email', 'department', 'role'];

type Labels = { 'zh-CN': string[]; en: string[] };
export const ROSTER_LABELS: Record<RosterKey, Labels> = {
  unit: { 'zh-CN': ['单元', '部门/团队', '组织', '单元名称'], en: ['Unit', 'Unit name', 'Team'] },
  level: { 'zh-CN': ['层级'], en: ['Level'] },
  parent: { 'zh-CN': ['上级单元', '上级', '上级部门'], en: ['Parent unit', 'Parent', 'Reports to'] },
  owner: { 'zh-CN': ['负责人'], en: ['Owner'] },
  email: { 'zh-CN': ['邮箱', '电子邮箱', '邮件'], en: ['Email', 'E-mail'] },
  department: { 'zh-CN': ['部门模板', '模板部门'], en: ['Department template', 'Department'] },
  role: { 'zh-CN': ['角色模板', '角色'], en: ['Role template', 'Role'] },
};

export interface RosterEntry {
  /** 1-based sheet row. */
  row: number;
  unit: string;
  level: Level | null;
  parent: string;
  owner: string;
  email: string;
  department: string;
  role: string;
}

export type RosterProblemCode =
  | 'noHeader' | 'empty' | 'blankUnit' | 'duplicateUnit' | 'blankOwner' | 'missingParent' | 'cycle'
  | 'badLevel' | 'noDepartment' | 'unknownTemplate' | 'badEmail' | 'tooManyUnits';

export interface RosterProblem {
  code: RosterProblemCode;
  /** 1-based sheet row; null = the whole roster. */
  row: number | null;
  column: RosterKey | null;
  message: Localized;
}

export interface ResolvedUnit extends RosterEntry {
  template: RoleTemplate;
  departmentId: string;
  level: Level;
  /** Parent entry (resolved), null for a root. */
  parentEntry: ResolvedUnit | null;
  depth: number;
}

const MSG = {
  noHeader: {
    'zh-CN': '未找到组织名单表头（需要“单元”“负责人”“部门模板”等列）',
    en: 'No roster header row found (expected columns such as “Unit”, “Owner”, “Department template”)',
  },
  empty: { 'zh-CN': '组织名单中没有任何单元', en: 'The roster lists no units' },
  tooManyUnits: {
    'zh-CN': '组织名单有 {n} 个单元，超过一次最多 {limit} 个的上限；请拆分后分批设置',
    en: 'The roster lists {n} units, more than the limit of {limit} in one set-up; split it and set up each part',
  },
  blankUnit: { 'zh-CN': '第 {row} 行：单元名称为空', en: 'Row {row}: the unit name is blank' },
  duplicateUnit: {
    'zh-CN': '第 {row} 行：单元“{unit}”重复（第 {first} 行已有）',
    en: 'Row {row}: unit “{unit}” is listed twice (first on row {first})',
  },
  blankOwner: { 'zh-CN': '第 {row} 行：单元“{unit}”没有负责人', en: 'Row {row}: unit “{unit}” has no owner' },
  missingParent: {
    'zh-CN': '第 {row} 行：上级单元“{parent}”不在名单中',
    en: 'Row {row}: parent unit “{parent}” is not in the roster',
  },
  cycle: {
    'zh-CN': '第 {row} 行：单元“{unit}”的上级关系形成循环（{chain}）',
    en: 'Row {row}: unit “{unit}” is part of a reporting cycle ({chain})',
  },
  badLevel: {
    'zh-CN': '第 {row} 行：无法识别的层级“{text}”（公司 / 部门 / 团队 / 个人）',
    en: 'Row {row}: unknown level “{text}” (Company / Department / Team / Individual)',
  },
  noDepartment: { 'zh-CN': '第 {row} 行：未填写部门模板', en: 'Row {row}: no department template given' },
  unknownTemplate: { 'zh-CN': '第 {row} 行：{detail}', en: 'Row {row}: {detail}' },
  badEmail: { 'zh-CN': '第 {row} 行：邮箱“{text}”格式不正确', en: 'Row {row}: “{text}” is not an email address' },
} satisfies Record<string, Localized>;

const both = (m: Localized, params: Record<string, string | number>): Localized => ({
  'zh-CN': fmt(m, 'zh-CN', params),
  en: fmt(m, 'en', params),
});

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
const key = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim().toLowerCase();

export interface RosterRead {
  entries: RosterEntry[];
  /** 0-based index of the header row in the values. */
  headerRow: number;
  columns: Partial<Record<RosterKey, number>>;
  problems: RosterProblem[];
}

/** Finds the header row (first 50 rows, ≥ 2 roster labels including the unit) and reads the rows. */
export function readRosterValues(values: readonly (readonly unknown[])[]): RosterRead {
  let headerRow = -1;
  let columns: Partial<Record<RosterKey, number>> = {};
  for (let r = 0; r < Math.min(values.length, 50) && headerRow < 0; r++) {
    const cols: Partial<Record<RosterKey, number>> = {};
    (values[r] ?? []).forEach((cell, c) => {
      const k = matchLabel(ROSTER_LABELS, cell);
      if (k && cols[k] === undefined) cols[k] = c;
    });
    if (cols.unit !== undefined && Object.keys(cols).length >= 2) {
      headerRow = r;
      columns = cols;
    }
  }
  if (headerRow < 0) {
    return { entries: [], headerRow: -1, columns: {}, problems: [{ code: 'noHeader', row: null, column: null, message: MSG.noHeader }] };
  }
  const entries: RosterEntry[] = [];
  const problems: RosterProblem[] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const get = (k: RosterKey) => (columns[k] === undefined ? '' : text(row[columns[k]!]));
    const cells = ROSTER_KEYS.map(get);
    if (cells.every((c) => c === '')) continue;
    const levelText = get('level');
    const level = levelText ? matchLabel(LEVEL_LABELS, levelText) : null;
    if (levelText && !level) {
      problems.push({ code: 'badLevel', row: r + 1, column: 'level', message: both(MSG.badLevel, { row: r + 1, text: levelText }) });
    }
    entries.push({
      row: r + 1,
      unit: get('unit'),
      level,
      parent: get('parent'),
      owner: get('owner'),
      email: get('email'),
      department: get('department'),
      role: get('role'),
    });
  }
  return { entries, headerRow, columns, problems };
}

/** The role template of an entry: the named role, or (role blank) the department's role at the entry's level. */
function resolveTemplate(
  e: RosterEntry, company: readonly DepartmentTemplate[] = [],
): { ok: true; role: RoleTemplate } | { ok: false; message: Localized } {
  // the workbook's own company templates (its Templates sheet) come ahead of the built-ins (issue 12 §4)
  const c = company.length ? findCompanyRole(company, e.department, e.role, e.level) : null;
  if (c) return { ok: true, role: c.role };
  if (e.role) {
    const r = findRole(e.department, e.role);
    return r.ok ? { ok: true, role: r.value } : { ok: false, message: r.message };
  }
  const found = findDepartment(e.department);
  if (!found.ok) return { ok: false, message: found.message };
  const dept = found.value;
  const role = dept.roles.find((x) => x.level === e.level) ?? dept.roles[0]!;
  return { ok: true, role };
}

/**
 * Validates the whole roster. Returns every problem (row order), or the units in creation
 * order (parents before children) when there is none.
 */
export function validateRoster(
  read: RosterRead,
  opts: { maxUnits?: number; companyDepartments?: readonly DepartmentTemplate[] } = {},
): { ok: true; units: ResolvedUnit[] } | { ok: false; problems: RosterProblem[] } {
  // set-up into ONE spreadsheet passes maxUnits (LIMITS.units); distribution (one file per
  // unit) and 360 evaluation (people, not sheets) do not. Past it, nothing else is checked:
  // one clear message, work bounded by the limit.
  if (opts.maxUnits !== undefined && read.entries.length > opts.maxUnits) {
    const n = { n: groupDigits(read.entries.length), limit: groupDigits(opts.maxUnits) };
    return { ok: false, problems: [{ code: 'tooManyUnits', row: null, column: null, message: both(MSG.tooManyUnits, n) }] };
  }
  const problems: RosterProblem[] = [...read.problems];
  if (read.headerRow >= 0 && read.entries.length === 0) {
    problems.push({ code: 'empty', row: null, column: null, message: MSG.empty });
  }
  const byKey = new Map<string, RosterEntry>();
  const templates = new Map<RosterEntry, { role: RoleTemplate; departmentId: string }>();
  for (const e of read.entries) {
    const p = (code: RosterProblemCode, column: RosterKey | null, m: Localized, extra: Record<string, string | number> = {}) =>
      problems.push({ code, row: e.row, column, message: both(m, { row: e.row, unit: e.unit, ...extra }) });
    if (!e.unit) p('blankUnit', 'unit', MSG.blankUnit);
    else {
      const first = byKey.get(key(e.unit));
      if (first) p('duplicateUnit', 'unit', MSG.duplicateUnit, { first: first.row });
      else byKey.set(key(e.unit), e);
    }
    if (!e.owner) p('blankOwner', 'owner', MSG.blankOwner);
    if (e.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e.email)) p('badEmail', 'email', MSG.badEmail, { text: e.email });
    if (!e.department) p('noDepartment', 'department', MSG.noDepartment);
    else {
      const t = resolveTemplate(e, opts.companyDepartments);
      if (!t.ok) {
        problems.push({
          code: 'unknownTemplate',
          row: e.row,
          column: e.role ? 'role' : 'department',
          message: { 'zh-CN': fmt(MSG.unknownTemplate, 'zh-CN', { row: e.row, detail: t.message['zh-CN'] }), en: fmt(MSG.unknownTemplate, 'en', { row: e.row, detail: t.message.en }) },
        });
      } else templates.set(e, { role: t.role, departmentId: departmentOf(t.role)?.id ?? e.department });
    }
  }
  // parents: missing, then cycles (each unit of a cycle reported once)
  for (const e of read.entries) {
    if (e.parent && !byKey.has(key(e.parent))) {
      problems.push({ code: 'missingParent', row: e.row, column: 'parent', message: both(MSG.missingParent, { row: e.row, parent: e.parent }) });
    }
  }
  const inCycle = new Set<RosterEntry>();
  for (const e of byKey.values()) {
    const seen: RosterEntry[] = [];
    let cur: RosterEntry | undefined = e;
    while (cur && !seen.includes(cur)) {
      seen.push(cur);
      cur = cur.parent ? byKey.get(key(cur.parent)) : undefined;
    }
    if (cur) {
      const loop = seen.slice(seen.indexOf(cur));
      if (loop.includes(e) && !inCycle.has(e)) {
        for (const x of loop) inCycle.add(x);
        const chain = [...loop, loop[0]!].map((x) => x.unit).join(' → ');
        for (const x of loop) {
          problems.push({ code: 'cycle', row: x.row, column: 'parent', message: both(MSG.cycle, { row: x.row, unit: x.unit, chain }) });
        }
      }
    }
  }
  if (problems.length > 0) {
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return { ok: false, problems };
  }

  // creation order: parents first, roster order among siblings
  const resolved = new Map<RosterEntry, ResolvedUnit>();
  const resolve = (e: RosterEntry): ResolvedUnit => {
    const done = resolved.get(e);
    if (done) return done;
    const parentEntry = e.parent ? resolve(byKey.get(key(e.parent))!) : null;
    const t = templates.get(e)!;
    const u: ResolvedUnit = {
      ...e,
      template: t.role,
      departmentId: t.departmentId,
      level: e.level ?? t.role.level,
      parentEntry,
      depth: parentEntry ? parentEntry.depth + 1 : 0,
    };
    resolved.set(e, u);
    return u;
  };
  for (const e of read.entries) resolve(e);
  const units = [...resolved.values()].sort((a, b) => a.depth - b.depth || a.row - b.row);
  return { ok: true, units };
}

export interface RosterPlanOptions {
  lang: Lang;
  cycle: string;
  cycleStart: string;
  cycleEnd: string;
  spareRows?: number;
}

/**
 * One OKR sheet per unit (parents first) plus the support sheets. Row-level "aligns to" links
 * (`Parent unit/O1`) are kept only when the parent unit uses the role template the child's
 * template aligns to — otherwise the IDs would not exist on the parent sheet — and the header
 * "aligned to" always names the parent unit.
 */
export function buildRosterPlan(units: readonly ResolvedUnit[], opts: RosterPlanOptions): WorkbookPlan {
  const { lang } = opts;
  const settingsName = SHEET_NAMES.settings[lang];
  const sheets: SheetPlan[] = units.map((u) => {
    const parent = u.parentEntry;
    const alignedTo = parent ? parent.unit : '';
    const roleOpts = {
      role: u.template,
      lang,
      cycle: opts.cycle,
      cycleStart: opts.cycleStart,
      cycleEnd: opts.cycleEnd,
      owner: u.owner,
      unit: u.unit,
      level: u.level,
      alignedTo,
    };
    const linksResolve =
      !!parent && !!u.template.parent && u.template.parent.role === parent.template.id &&
      departmentOf(parent.template)?.id === u.template.parent.dept;
    const rows = templateRows(roleOpts, linksResolve ? alignedTo : '');
    return buildOkrSheetPlanFromRows({
      lang,
      header: {
        unit: u.unit,
        level: u.level,
        owner: u.owner,
        cycle: opts.cycle,
        cycleStart: opts.cycleStart,
        cycleEnd: opts.cycleEnd,
        alignedTo,
      },
      rows,
      sheetName: defaultOkrSheetName(u.unit, opts.cycle, lang),
      ...(opts.spareRows !== undefined ? { spareRows: opts.spareRows } : {}),
      settingsSheetName: settingsName,
      metadata: {
        [META.template]: `${u.departmentId}/${u.template.id}`,
        ...(u.email ? { 'okrSheets.ownerEmail': u.email } : {}),
      },
    });
  });
  const first = units[0];
  if (first) {
    const support = buildWorkbookPlan({
      role: first.template, lang, cycle: opts.cycle, cycleStart: opts.cycleStart, cycleEnd: opts.cycleEnd, owner: first.owner,
    }).sheets.filter((s) => s.role !== 'okr');
    sheets.push(...support);
  }
  return { sheets };
}

const HELP = {
  unit: { 'zh-CN': '单元名称（公司、部门、团队或个人），在名单中唯一', en: 'Unit name (company, department, team or person), unique in the roster' },
  level: { 'zh-CN': '公司 / 部门 / 团队 / 个人；留空 = 取角色模板的层级', en: 'Company / Department / Team / Individual; blank = the role template\'s level' },
  parent: { 'zh-CN': '上级单元的名称（顶层留空）', en: 'Name of the parent unit (blank at the top)' },
  owner: { 'zh-CN': '负责人（必填）', en: 'Owner (required)' },
  email: { 'zh-CN': '负责人邮箱（可选）', en: 'Owner\'s email (optional)' },
  department: { 'zh-CN': '部门模板', en: 'Department template' },
  role: { 'zh-CN': '角色模板；留空 = 按层级选择该部门的模板', en: 'Role template; blank = the department\'s template for the level' },
} satisfies Record<RosterKey, Localized>;

export const ROSTER_ROWS = 200;

/** An empty Roster sheet for HR: localized headers, dropdowns for level, department and role. */
export function buildRosterTemplatePlan(lang: Lang): SheetPlan {
  const header = ROSTER_KEYS.map((k) => label(ROSTER_LABELS[k], lang));
  const col = (k: RosterKey) => String.fromCharCode(65 + ROSTER_KEYS.indexOf(k));
  const rows = (k: RosterKey) => `${col(k)}2:${col(k)}${ROSTER_ROWS + 1}`;
  const depts = allDepartments();
  const roleNames = [...new Set(depts.flatMap((d) => d.roles.map((r) => r.name[lang])))];
  return {
    name: SHEET_NAMES.roster[lang],
    role: 'roster',
    values: [header],
    frozenRows: 1,
    columnWidths: [180, 90, 180, 110, 200, 150, 200],
    formats: [{ range: `A1:${col('role')}1`, bold: true, background: '#dbe5f1' }],
    validations: [
      { range: rows('level'), rule: { kind: 'list', values: LEVELS.map((l) => label(LEVEL_LABELS[l], lang)) }, helpText: HELP.level[lang], strict: false },
      { range: rows('department'), rule: { kind: 'list', values: depts.map((d) => d.name[lang]) }, helpText: HELP.department[lang], strict: false },
      { range: rows('role'), rule: { kind: 'list', values: roleNames }, helpText: HELP.role[lang], strict: false },
    ],
    conditionalFormats: [],
    protections: [],
    namedRanges: [],
    metadata: { [OWNER_KEY]: 'roster', 'okrSheets.lang': lang },
  };
}

/** Help text of each roster column (for the sidebar). */
export function rosterHelp(lang: Lang): Record<RosterKey, string> {
  return Object.fromEntries(ROSTER_KEYS.map((k) => [k, HELP[k][lang]])) as Record<RosterKey, string>;
}
