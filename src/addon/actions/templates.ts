/**
 * Server actions of the template library (Sheets half): list, preview and insert department
 * templates, set up a whole organisation from a Roster sheet, and give HR an empty roster.
 * Every action takes a SheetsContext; errors are OkrError (code + localized message).
 */
import { COMPANY_ID_PREFIX, companyTemplatesOf, findCompanyRoleById, type CompanyTemplates } from '../../core/distribution/companyTemplates';
import type { Lang, Localized } from '../../core/i18n';
import type { Level } from '../../core/model';
import { cycleDates } from '../../core/pace';
import { buildWorkbookPlan, templateRows } from '../../core/plan/okrSheet';
import { allDepartments, departmentOf, findRole, parentOf, type RoleTemplate } from '../../core/templates';
import { applyWorkbookPlanDetailed } from '../../sheets/applyPlan';
import type { SheetsContext } from '../../sheets/context';
import { OkrError } from '../../sheets/errors';
import { takeSnapshot } from '../../sheets/snapshot';
import { createRosterSheet as createRoster, setupFromRosterSheet, type RosterProblemOut } from '../../sheets/roster';
import type { InsertResult, TemplateCatalog, TemplatePreview } from '../rpc/contract';
import { activateSheet } from '../../sheets/cells';

const MSG = {
  badCycle: {
    'zh-CN': '无法识别周期“{cycle}”。请写成 2026-Q4、2026-11 或 2026。',
    en: 'Cycle "{cycle}" is not recognised. Write it as 2026-Q4, 2026-11 or 2026.',
  },
} satisfies Record<string, Localized>;

function quarterOf(d: Date): string {
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

/** Cycle suggestions: this quarter, the next, this year, this month. */
export function cycleSuggestions(now = new Date()): string[] {
  const next = new Date(now.getFullYear(), now.getMonth() + 3, 1);
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  return [quarterOf(now), quarterOf(next), String(now.getFullYear()), month];
}

/**
 * The workbook's company templates (its Templates sheet, found by role metadata), validated and
 * linted as the built-ins are; null without one. One snapshot that reads the support sheets and
 * the Templates sheet only (src/sheets/snapshot.ts lists its calls).
 */
function companyTemplates(ctx: SheetsContext): CompanyTemplates | null {
  return companyTemplatesOf(takeSnapshot(ctx, { sheets: [], roles: ['templates'] }));
}

export function listTemplates(ctx: SheetsContext): TemplateCatalog {
  const company = companyTemplates(ctx);
  return {
    departments: [
      // the company's own first: HR put them there to be used
      ...(company?.departments ?? []).map((d) => ({
        id: COMPANY_ID_PREFIX + d.id,
        name: d.name,
        roles: d.roles.map((r) => ({ id: r.id, name: r.name })),
        source: 'company' as const,
      })),
      ...allDepartments().map((d) => ({
        id: d.id,
        name: d.name,
        roles: d.roles.map((r) => ({ id: r.id, name: r.name })),
        source: 'builtin' as const,
      })),
    ],
    ...(company && company.problems.length ? { companyProblems: company.problems.map((p) => p.message) } : {}),
    cycles: cycleSuggestions(),
  };
}

interface RoleChoice {
  department: string;
  role: string;
  cycle?: string | undefined;
}

interface Resolved {
  role: RoleTemplate;
  cycle: string;
  start: string;
  end: string;
  departmentId: string | undefined;
  /** A company template has no parent role in the library. */
  company: boolean;
}

const COMPANY_MSG = {
  notFound: {
    'zh-CN': '公司模板表中没有“{dept} / {role}”（可能已被修改或未通过检查）。',
    en: 'The Templates sheet has no valid template “{dept} / {role}” (it may have changed or not pass the checks).',
  },
} satisfies Record<string, Localized>;

function resolve(ctx: SheetsContext, p: RoleChoice): Resolved {
  let role: RoleTemplate;
  let departmentId: string | undefined;
  let company = false;
  if (p.department.startsWith(COMPANY_ID_PREFIX)) {
    // read again at each call: HR may have edited the sheet since the catalog was listed
    const found = findCompanyRoleById(companyTemplates(ctx) ?? { departments: [], problems: [] }, p.department, p.role);
    if (!found) throw new OkrError('notFound', COMPANY_MSG.notFound, { dept: p.department.slice(COMPANY_ID_PREFIX.length), role: p.role });
    role = found.role;
    departmentId = `company:${found.dept.name['zh-CN']}`;
    company = true;
  } else {
    const found = findRole(p.department, p.role);
    if (!found.ok) throw new OkrError('notFound', found.message);
    role = found.value;
    departmentId = departmentOf(found.value)?.id;
  }
  const cycle = (p.cycle ?? '').trim() || cycleSuggestions()[0]!;
  const dates = cycleDates(cycle);
  if (!dates) throw new OkrError('invalidInput', MSG.badCycle, { cycle });
  return { role, cycle, start: dates.start, end: dates.end, departmentId, company };
}

export function previewTemplate(ctx: SheetsContext, p: RoleChoice & { lang: Lang }): TemplatePreview {
  const { role, cycle, start, end } = resolve(ctx, p);
  const rows = templateRows({ role, lang: p.lang, cycle, cycleStart: start, cycleEnd: end, owner: '' }, '');
  return {
    title: `${role.name[p.lang]} · ${cycle}`,
    rows: rows.map((r) => ({
      id: r.id,
      type: r.type ?? '',
      title: r.title,
      start: typeof r.start === 'number' ? r.start : null,
      target: typeof r.target === 'number' ? r.target : null,
      unit: r.unit ?? '',
    })),
  };
}

export interface InsertTemplateInput extends RoleChoice {
  lang: Lang;
  cycle: string;
  unit?: string | undefined;
  owner?: string | undefined;
  level?: Level | undefined;
  alignedTo?: string | undefined;
}

/**
 * Inserts the template as a new OKR sheet (a unique name if taken) plus any missing support
 * sheets, and makes it active. `sheet` and `sheetName` both carry the new sheet's name.
 */
export function insertTemplate(ctx: SheetsContext, p: InsertTemplateInput): InsertResult & { sheetName: string } {
  const { role, cycle, start, end, departmentId, company } = resolve(ctx, p);
  const plan = buildWorkbookPlan({
    role,
    lang: p.lang,
    cycle,
    cycleStart: start,
    cycleEnd: end,
    owner: p.owner?.trim() ?? '',
    parentRole: company ? null : parentOf(role),
    ...(departmentId ? { departmentId } : {}),
    ...(p.unit?.trim() ? { unit: p.unit.trim() } : {}),
    ...(p.level ? { level: p.level } : {}),
    ...(p.alignedTo?.trim() ? { alignedTo: p.alignedTo.trim() } : {}),
  });
  const applied = applyWorkbookPlanDetailed(ctx, plan, { uniqueNames: true });
  const name = applied.find((a) => a.role === 'okr')!.name;
  activateSheet(ctx, name);
  const rows = role.objectives.reduce((n, o) => n + 1 + o.krs.length, 0);
  return { sheet: name, sheetName: name, rows };
}

export type SetupFromRosterResult =
  | { ok: true; sheet: string; created: string[] }
  | { ok: false; sheet: string; problems: RosterProblemOut[] };

/** One OKR sheet per roster unit, or every roster problem (and nothing created). */
export function setupFromRoster(ctx: SheetsContext, p: { sheetName?: string | undefined; cycle: string }): SetupFromRosterResult {
  return setupFromRosterSheet(ctx, { cycle: p.cycle, ...(p.sheetName ? { sheetName: p.sheetName } : {}) });
}

export function createRosterSheet(ctx: SheetsContext): { sheet: string; sheetName: string } {
  const name = createRoster(ctx);
  return { sheet: name, sheetName: name };
}
