/**
 * Company templates (issue 12 §4): HR keeps the company's own templates in the hub's Templates
 * sheet — one row per objective or KR, grouped by department and role — and they are offered
 * beside the built-in library. They go through the same schema as templates/*.json
 * (`parseDepartment`: 1–3 objectives per role, 2–4 KRs per objective, a number target…), so a
 * company template can never build a sheet a built-in could not. A text given in one language
 * only is used for both.
 */
import { fmt, type Lang, type Localized } from '../i18n';
import { LEVEL_LABELS, ROW_TYPE_LABELS, SHEET_NAMES, label, matchLabel } from '../labels';
import type { Level } from '../model';
import { OWNER_KEY, type SheetPlan } from '../plan/types';
import { parseDepartment, type DepartmentTemplate, type KrTemplate, type ObjectiveTemplate, type RoleTemplate } from '../templates/schema';
import { unescapeCellText } from '../escape';
import { toNumber } from '../checkins';
import { lintRole } from './templateLint';
import { recogniseSheet, type WorkbookSnapshot } from '../snapshot';

export type TemplateKey =
  | 'department' | 'role' | 'level' | 'type' | 'titleZh' | 'titleEn' | 'start' | 'target' | 'unit' | 'due' | 'whyZh' | 'whyEn';
export const TEMPLATE_KEYS: readonly TemplateKey[] = ['department', 'role', 'level', 'type', 'titleZh', 'titleEn', 'start', 'target', 'unit', 'due', 'whyZh', 'whyEn'];

type Labels = { 'zh-CN': string[]; en: string[] };
export const TEMPLATE_LABELS: Record<TemplateKey, Labels> = {
  department: { 'zh-CN': ['部门'], en: ['Department'] },
  role: { 'zh-CN': ['角色'], en: ['Role'] },
  level: { 'zh-CN': ['层级'], en: ['Level'] },
  type: { 'zh-CN': ['类型'], en: ['Type'] },
  titleZh: { 'zh-CN': ['标题（中文）', '标题'], en: ['Title (zh-CN)', 'Title (zh)'] },
  titleEn: { 'zh-CN': ['标题（英文）'], en: ['Title (en)', 'Title'] },
  start: { 'zh-CN': ['起始值'], en: ['Start'] },
  target: { 'zh-CN': ['目标值'], en: ['Target'] },
  unit: { 'zh-CN': ['单位'], en: ['Unit'] },
  due: { 'zh-CN': ['截止（第几个月）', '截止'], en: ['Due (month of cycle)', 'Due'] },
  whyZh: { 'zh-CN': ['原因（中文）', '原因'], en: ['Why (zh-CN)', 'Why (zh)'] },
  whyEn: { 'zh-CN': ['原因（英文）'], en: ['Why (en)', 'Why'] },
};

export interface TemplateProblem {
  /** 1-based sheet row; null = a whole role. */
  row: number | null;
  message: Localized;
}

export interface CompanyTemplates {
  departments: DepartmentTemplate[];
  problems: TemplateProblem[];
}

const MSG = {
  krFirst: { 'zh-CN': '第 {row} 行：关键结果前没有目标', en: 'Row {row}: a key result with no objective above it' },
  badType: { 'zh-CN': '第 {row} 行：无法识别的类型“{text}”', en: 'Row {row}: unknown type “{text}”' },
  noTitle: { 'zh-CN': '第 {row} 行：标题为空', en: 'Row {row}: the title is blank' },
  noTarget: { 'zh-CN': '第 {row} 行：目标值不是数字', en: 'Row {row}: the target is not a number' },
  noRole: { 'zh-CN': '第 {row} 行：缺少部门或角色', en: 'Row {row}: the department or role is blank' },
  badRole: { 'zh-CN': '模板“{dept} / {role}”不合格：{why}', en: 'Template “{dept} / {role}” is not valid: {why}' },
} satisfies Record<string, Localized>;

const both = (m: Localized, p: Record<string, string | number>): Localized => ({ 'zh-CN': fmt(m, 'zh-CN', p), en: fmt(m, 'en', p) });
const text = (v: unknown): string => (v === null || v === undefined ? '' : unescapeCellText(String(v)).trim());
const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();
const pair = (zh: string, en: string) => ({ 'zh-CN': zh || en, en: en || zh });

interface Draft {
  dept: string;
  role: string;
  level: Level | null;
  firstRow: number;
  objectives: (ObjectiveTemplate & { row: number })[];
}

/** Reads the Templates sheet: every role validated; problems listed with their rows. */
export function readCompanyTemplates(values: readonly (readonly unknown[])[]): CompanyTemplates {
  let headerRow = -1;
  let cols: Partial<Record<TemplateKey, number>> = {};
  for (let r = 0; r < Math.min(values.length, 20) && headerRow < 0; r++) {
    const found: Partial<Record<TemplateKey, number>> = {};
    (values[r] ?? []).forEach((cell, c) => {
      const k = matchLabel(TEMPLATE_LABELS, cell);
      if (k && found[k] === undefined) found[k] = c;
    });
    if (found.department !== undefined && found.type !== undefined && (found.titleZh !== undefined || found.titleEn !== undefined)) {
      headerRow = r;
      cols = found;
    }
  }
  const problems: TemplateProblem[] = [];
  if (headerRow < 0) return { departments: [], problems };
  const drafts = new Map<string, Draft>();
  let current: Draft | null = null;
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const get = (k: TemplateKey) => (cols[k] === undefined ? undefined : row[cols[k]!]);
    if (TEMPLATE_KEYS.every((k) => text(get(k)) === '')) continue;
    const sheetRow = r + 1;
    const prev: Draft | null = current;
    const dept: string = text(get('department')) || prev?.dept || '';
    const roleName: string = text(get('role')) || (prev && dept === prev.dept ? prev.role : '');
    if (!dept || !roleName) {
      problems.push({ row: sheetRow, message: both(MSG.noRole, { row: sheetRow }) });
      continue;
    }
    const key = `${norm(dept)}/${norm(roleName)}`;
    let d = drafts.get(key);
    if (!d) {
      d = { dept, role: roleName, level: null, firstRow: sheetRow, objectives: [] };
      drafts.set(key, d);
    }
    current = d;
    d.level = d.level ?? matchLabel(LEVEL_LABELS, text(get('level')));
    const typeText = text(get('type'));
    const type = matchLabel(ROW_TYPE_LABELS, typeText);
    if (!type) {
      problems.push({ row: sheetRow, message: both(MSG.badType, { row: sheetRow, text: typeText }) });
      continue;
    }
    const title = pair(text(get('titleZh')), text(get('titleEn')));
    if (!title['zh-CN']) {
      problems.push({ row: sheetRow, message: both(MSG.noTitle, { row: sheetRow }) });
      continue;
    }
    if (type === 'objective') {
      const why = pair(text(get('whyZh')), text(get('whyEn')));
      d.objectives.push({ row: sheetRow, title, why: why['zh-CN'] ? why : title, source: 'bottomUp', krs: [] });
      continue;
    }
    const o = d.objectives[d.objectives.length - 1];
    if (!o) {
      problems.push({ row: sheetRow, message: both(MSG.krFirst, { row: sheetRow }) });
      continue;
    }
    const target = toNumber(get('target'));
    if (target === null) {
      problems.push({ row: sheetRow, message: both(MSG.noTarget, { row: sheetRow }) });
      continue;
    }
    const start = toNumber(get('start'));
    const unitText = text(get('unit'));
    const dueN = toNumber(get('due'));
    const k: KrTemplate = {
      type, title, target,
      ...(type === 'milestone' ? {} : { start }),
      ...(unitText ? { unit: { 'zh-CN': unitText, en: unitText } } : {}),
      due: dueN !== null && Number.isInteger(dueN) && dueN >= 1 && dueN <= 12 ? dueN : 'end',
    };
    o.krs.push(k);
  }
  // one department per name, its roles validated by the built-ins' schema
  const byDept = new Map<string, { name: string; roles: RoleTemplate[] }>();
  let n = 0;
  for (const d of drafts.values()) {
    n++;
    const role: RoleTemplate = {
      id: `r${n}`,
      name: { 'zh-CN': d.role, en: d.role },
      level: d.level ?? 'team',
      objectives: d.objectives.map(({ row: _row, ...o }) => o),
    };
    try {
      parseDepartment({ id: 'company', name: { 'zh-CN': d.dept, en: d.dept }, roles: [role] }, d.dept);
    } catch (e) {
      const why = (e instanceof Error ? e.message : String(e)).split('\n').slice(1).join(' ').trim() || String(e);
      problems.push({ row: d.firstRow, message: both(MSG.badRole, { dept: d.dept, role: d.role, why }) });
      continue;
    }
    // the built-ins' lint: an error (no measurable KR, a task instead of a result…) keeps it out
    const errs = (['zh-CN', 'en'] as const).map((l) => {
      const r = lintRole(role, l);
      return r.findings.filter((f) => f.severity === 'error').map((f) => r.messages[r.findings.indexOf(f)]!);
    });
    if (errs[0]!.length || errs[1]!.length) {
      problems.push({ row: d.firstRow, message: { 'zh-CN': fmt(MSG.badRole, 'zh-CN', { dept: d.dept, role: d.role, why: errs[0]!.join('；') || errs[1]!.join('; ') }), en: fmt(MSG.badRole, 'en', { dept: d.dept, role: d.role, why: errs[1]!.join('; ') || errs[0]!.join('；') }) } });
      continue;
    }
    const entry = byDept.get(norm(d.dept)) ?? { name: d.dept, roles: [] };
    entry.roles.push(role);
    byDept.set(norm(d.dept), entry);
  }
  let i = 0;
  const departments = [...byDept.values()].map((d) => ({ id: `company${++i}`, name: { 'zh-CN': d.name, en: d.name }, roles: d.roles }));
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { departments, problems };
}

/** The company role for a roster entry: by department, then role name, else the department's role at that level. */
export function findCompanyRole(
  depts: readonly DepartmentTemplate[], dept: string, role: string, level: Level | null,
): { dept: DepartmentTemplate; role: RoleTemplate } | null {
  const d = depts.find((x) => norm(x.name['zh-CN']) === norm(dept) || norm(x.name.en) === norm(dept));
  if (!d) return null;
  const r = (role && d.roles.find((x) => norm(x.name['zh-CN']) === norm(role))) ||
    d.roles.find((x) => x.level === level) || (role ? null : d.roles[0]);
  return r ? { dept: d, role: r } : null;
}

/** The hub's Templates sheet, empty but for its header (role `templates`). */
export function templatesSheetPlan(lang: Lang): SheetPlan {
  const header = TEMPLATE_KEYS.map((k) => label(TEMPLATE_LABELS[k], lang));
  const last = String.fromCharCode(64 + header.length);
  return {
    name: SHEET_NAMES.templates[lang],
    role: 'templates',
    values: [header],
    frozenRows: 1,
    columnWidths: TEMPLATE_KEYS.map((k) => (k.startsWith('title') || k.startsWith('why') ? 260 : 100)),
    formats: [{ range: `A1:${last}1`, bold: true, background: '#dbe5f1' }],
    validations: [
      { range: 'C2:C500', rule: { kind: 'list', values: (['company', 'department', 'team', 'individual'] as const).map((l) => label(LEVEL_LABELS[l], lang)) }, helpText: '', strict: false },
      { range: 'D2:D500', rule: { kind: 'list', values: Object.values(ROW_TYPE_LABELS).map((l) => l[lang][0]!) }, helpText: '', strict: false },
    ],
    conditionalFormats: [],
    protections: [],
    namedRanges: [],
    metadata: { [OWNER_KEY]: 'templates' },
  };
}

/** Catalog ids of company departments carry this prefix, so they never collide with a built-in's id or name. */
export const COMPANY_ID_PREFIX = 'hub:';

/**
 * The company templates of a workbook: its sheet with role metadata `templates` (found by
 * metadata, never by name), read and validated; null when the workbook has no such sheet.
 */
export function companyTemplatesOf(snapshot: WorkbookSnapshot): CompanyTemplates | null {
  const sheet = snapshot.sheets.find((s) => recogniseSheet(s) === 'templates' && !s.skipped);
  return sheet ? readCompanyTemplates(sheet.values) : null;
}

/** A company role by catalog ids (`hub:company1`, `r2`) or by names, as the built-ins' lookup allows. */
export function findCompanyRoleById(
  company: CompanyTemplates, department: string, role: string,
): { dept: DepartmentTemplate; role: RoleTemplate } | null {
  const id = department.startsWith(COMPANY_ID_PREFIX) ? department.slice(COMPANY_ID_PREFIX.length) : department;
  const d = company.departments.find((x) => x.id === id) ??
    company.departments.find((x) => norm(x.name['zh-CN']) === norm(department));
  if (!d) return null;
  const r = d.roles.find((x) => x.id === role) ?? d.roles.find((x) => norm(x.name['zh-CN']) === norm(role));
  return r ? { dept: d, role: r } : null;
}
