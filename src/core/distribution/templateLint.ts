/**
 * The lint a template must pass before it is offered (issue 12 §4: "after the same validation and
 * lint as built-ins"): the role's OKR sheet is built as distribution would build it, read back by
 * the project's reader, and linted. The library test holds the built-ins to the same check.
 */
import { escapeCellText, unescapeCellText } from '../escape';
import type { Lang } from '../i18n';
import { findingMessage, lintTable, type Finding } from '../lint';
import { buildOkrSheetPlanFromRows, templateRows } from '../plan/okrSheet';
import type { PlanCell } from '../plan/types';
import { isTableError, readTableValues } from '../table';
import type { RoleTemplate } from '../templates/schema';

const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

const cellValue = (c: PlanCell): unknown =>
  c !== null && typeof c === 'object' ? c.date : typeof c === 'string' ? unescapeCellText(c) : c;

/** Lint findings (errors and warnings; the "agreed" reminder left out: a new sheet is never agreed yet). */
export function lintRole(role: RoleTemplate, lang: Lang): { findings: Finding[]; messages: string[] } {
  const rows = templateRows({ role, lang, ...CYCLE, owner: escapeCellText('owner') }, '');
  const plan = buildOkrSheetPlanFromRows({
    lang, rows,
    header: { unit: role.name[lang], level: role.level, owner: 'owner', ...CYCLE, alignedTo: '' },
  });
  const read = readTableValues(plan.values.map((r) => r.map(cellValue)), { lang });
  if (isTableError(read)) return { findings: [], messages: [read.error[lang]] };
  const findings = lintTable(read.table).filter((f) => f.severity !== 'info' && f.rule !== 'agreed');
  return { findings, messages: findings.map((f) => `${f.rule}: ${findingMessage(f, lang)}`) };
}
