/**
 * The roster as distribution reads it: the same reader and checks as roster set-up
 * (`readRosterValues` / `validateRoster`), except that a unit whose department has no template
 * is not a problem here — it takes the company's template (the hub's Templates sheet) when there
 * is one, else the built-in, else the generic template for its level.
 */
import type { Level } from '../model';
import { readRosterValues, validateRoster, type RosterEntry, type RosterProblem } from '../roster';
import { departmentOf, findDepartment, findRole, type RoleTemplate, type DepartmentTemplate } from '../templates';
import { findCompanyRole } from './companyTemplates';
import { GENERIC_DEPT_ID, genericRole } from './generic';
import { unitKey } from './registry';

export type TemplateSource = 'company' | 'builtin' | 'generic';

export interface DistUnit {
  row: number;
  unit: string;
  level: Level;
  parent: string;
  owner: string;
  email: string;
  role: RoleTemplate;
  /** The department id (built-in), `company:<name>` or `generic`. */
  departmentId: string;
  source: TemplateSource;
  /** `dept/role` as the registry shows it. */
  templateId: string;
  parentUnit: DistUnit | null;
  depth: number;
}

export type UnitsResult = { ok: true; units: DistUnit[] } | { ok: false; problems: RosterProblem[] };

function pickTemplate(e: RosterEntry, company: readonly DepartmentTemplate[]): Omit<DistUnit, 'row' | 'unit' | 'level' | 'parent' | 'owner' | 'email' | 'parentUnit' | 'depth'> {
  const c = e.department ? findCompanyRole(company, e.department, e.role, e.level) : null;
  if (c) return { role: c.role, departmentId: `company:${c.dept.name['zh-CN']}`, source: 'company', templateId: `company:${c.dept.name['zh-CN']}/${c.role.name['zh-CN']}` };
  if (e.department) {
    const found = e.role ? findRole(e.department, e.role) : findDepartment(e.department);
    if (found.ok) {
      const role = 'roles' in found.value ? (found.value.roles.find((r) => r.level === e.level) ?? found.value.roles[0]!) : found.value;
      const dept = departmentOf(role)?.id ?? e.department;
      return { role, departmentId: dept, source: 'builtin', templateId: `${dept}/${role.id}` };
    }
  }
  const level = e.level ?? 'team';
  return { role: genericRole(level), departmentId: GENERIC_DEPT_ID, source: 'generic', templateId: `${GENERIC_DEPT_ID}/${level}` };
}

/** Every unit of the roster, parents first, or the roster's problems (unknown templates excepted). */
export function distributionUnits(values: readonly (readonly unknown[])[], company: readonly DepartmentTemplate[] = []): UnitsResult {
  const read = readRosterValues(values);
  const checked = validateRoster(read);
  if (!checked.ok) {
    const real = checked.problems.filter((p) => p.code !== 'unknownTemplate' && p.code !== 'noDepartment');
    if (real.length > 0) return { ok: false, problems: real };
  }
  const byKey = new Map(read.entries.map((e) => [unitKey(e.unit), e]));
  const done = new Map<RosterEntry, DistUnit>();
  const resolve = (e: RosterEntry): DistUnit => {
    const have = done.get(e);
    if (have) return have;
    const parentUnit = e.parent ? resolve(byKey.get(unitKey(e.parent))!) : null;
    const t = pickTemplate(e, company);
    const u: DistUnit = {
      row: e.row, unit: e.unit, level: e.level ?? t.role.level, parent: parentUnit?.unit ?? '', owner: e.owner, email: e.email,
      ...t, parentUnit, depth: parentUnit ? parentUnit.depth + 1 : 0,
    };
    done.set(e, u);
    return u;
  };
  for (const e of read.entries) resolve(e);
  return { ok: true, units: [...done.values()].sort((a, b) => a.depth - b.depth || a.row - b.row) };
}
