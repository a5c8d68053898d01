/**
 * The playground's starting workbook: the company template (and, below it, the sales
 * department), inserted through the same RPC handlers the sidebar uses, so there is something
 * to see, check and update the moment the page opens.
 */
import type { Lang } from '../../core/i18n';
import { dispatch } from '../../addon/rpc/server';
import type { SheetsContext } from '../../sheets/context';

export interface SeedResult {
  sheets: string[];
  problems: string[];
}

function currentQuarter(d = new Date()): string {
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

export function seedWorkbook(ctx: SheetsContext, lang: Lang): SeedResult {
  const out: SeedResult = { sheets: [], problems: [] };
  const catalog = dispatch('listTemplates', { lang }, () => ctx, lang);
  if (!catalog.ok) {
    out.problems.push(catalog.message);
    return out;
  }
  const depts = (catalog.result as { departments: { id: string; roles: { id: string }[] }[] }).departments;
  const company = depts.find((d) => /company|corporate|公司/i.test(d.id)) ?? depts[0];
  const role = company?.roles[0];
  if (!company || !role) return out;
  const r = dispatch(
    'insertTemplate',
    { department: company.id, role: role.id, lang, cycle: currentQuarter() },
    () => ctx,
    lang,
  );
  if (r.ok) out.sheets.push((r.result as { sheet: string }).sheet);
  else out.problems.push(r.message);
  return out;
}
