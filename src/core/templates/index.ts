/**
 * The department template library (templates/*.json), imported statically so that it is part of
 * the Apps Script bundle, validated once on first use.
 *
 *   listDepartments(lang)      → departments with their roles, names in that language
 *   getDepartment(dept)        → a DepartmentTemplate
 *   getRole(dept, role)        → a RoleTemplate
 *   findRole(dept, role)       → { ok, role } or { ok: false, message } (message lists the valid choices)
 *   parentOf(role)             → the role it aligns to, if any
 *
 * Lookups accept the id (any case) or the name in either language ("sales", "销售", "Sales").
 */
import company from '../../../templates/company.json';
import hr from '../../../templates/hr.json';
import finance from '../../../templates/finance.json';
import rnd from '../../../templates/rnd.json';
import marketing from '../../../templates/marketing.json';
import sales from '../../../templates/sales.json';
import procurement from '../../../templates/procurement.json';
import customerService from '../../../templates/customerService.json';
import operations from '../../../templates/operations.json';
import engineering from '../../../templates/engineering.json';
import { fmt, type Lang, type Localized } from '../i18n';
import type { Level } from '../model';
import { parseDepartment, type DepartmentTemplate, type RoleTemplate } from './schema';

export type { DepartmentTemplate, RoleTemplate, ObjectiveTemplate, KrTemplate, Due } from './schema';

const RAW: readonly unknown[] = [company, hr, finance, rnd, marketing, sales, procurement, customerService, operations, engineering];

let cache: DepartmentTemplate[] | null = null;

/** Every department, validated (throws on a malformed file: a build-time bug, not user input). */
export function allDepartments(): readonly DepartmentTemplate[] {
  if (!cache) cache = RAW.map((d, i) => parseDepartment(d, `templates #${i + 1}`));
  return cache;
}

export interface DepartmentSummary {
  id: string;
  name: string;
  roles: { id: string; name: string; level: Level; objectives: number; krs: number }[];
}

export function listDepartments(lang: Lang): DepartmentSummary[] {
  return allDepartments().map((d) => ({
    id: d.id,
    name: d.name[lang],
    roles: d.roles.map((r) => ({
      id: r.id,
      name: r.name[lang],
      level: r.level,
      objectives: r.objectives.length,
      krs: r.objectives.reduce((n, o) => n + o.krs.length, 0),
    })),
  }));
}

const MSG = {
  unknownDept: {
    'zh-CN': '没有名为“{name}”的部门模板。可选：{list}',
    en: 'No department template "{name}". Choose one of: {list}',
  },
  unknownRole: {
    'zh-CN': '部门“{dept}”没有名为“{name}”的角色模板。可选：{list}',
    en: 'Department "{dept}" has no role template "{name}". Choose one of: {list}',
  },
} satisfies Record<string, Localized>;

/** A lookup error whose message exists in both languages. */
export class TemplateError extends Error {
  readonly localized: Localized;
  constructor(localized: Localized) {
    super(localized.en);
    this.name = 'TemplateError';
    this.localized = localized;
  }
}

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();
const matches = (key: string, item: { id: string; name: Localized }) => {
  const k = norm(key);
  return k !== '' && (norm(item.id) === k || norm(item.name['zh-CN']) === k || norm(item.name.en) === k);
};

const both = (f: (lang: Lang) => string): Localized => ({ 'zh-CN': f('zh-CN'), en: f('en') });
const listOf = (items: readonly { id: string; name: Localized }[], lang: Lang) =>
  items.map((i) => `${i.id} (${i.name[lang]})`).join(lang === 'zh-CN' ? '、' : ', ');

export type Found<T> = { ok: true; value: T } | { ok: false; message: Localized };

export function findDepartment(dept: string): Found<DepartmentTemplate> {
  const all = allDepartments();
  const d = all.find((x) => matches(dept, x));
  if (d) return { ok: true, value: d };
  return { ok: false, message: both((lang) => fmt(MSG.unknownDept, lang, { name: dept, list: listOf(all, lang) })) };
}

export function findRole(dept: string, role: string): Found<RoleTemplate> {
  const d = findDepartment(dept);
  if (!d.ok) return d;
  const r = d.value.roles.find((x) => matches(role, x));
  if (r) return { ok: true, value: r };
  return {
    ok: false,
    message: both((lang) => fmt(MSG.unknownRole, lang, { dept: d.value.name[lang], name: role, list: listOf(d.value.roles, lang) })),
  };
}

export function getDepartment(dept: string): DepartmentTemplate {
  const d = findDepartment(dept);
  if (!d.ok) throw new TemplateError(d.message);
  return d.value;
}

export function getRole(dept: string, role: string): RoleTemplate {
  const r = findRole(dept, role);
  if (!r.ok) throw new TemplateError(r.message);
  return r.value;
}

/** The role a role aligns to (its `parent`), or null. */
export function parentOf(role: RoleTemplate): RoleTemplate | null {
  if (!role.parent) return null;
  const r = findRole(role.parent.dept, role.parent.role);
  return r.ok ? r.value : null;
}

/** The department a role belongs to. */
export function departmentOf(role: RoleTemplate): DepartmentTemplate | null {
  return allDepartments().find((d) => d.roles.includes(role)) ?? null;
}
