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

const SAMPLE = {
  'zh-CN': { done: '示例：本周完成了阶段目标', next: '示例：下周继续推进', blockers: '示例：需要增加一名工程师' },
  en: { done: 'Sample: this week’s milestone reached', next: 'Sample: keep going next week', blockers: 'Sample: need one more engineer' },
} as const;

/** A named owner, so the first Check shows what the OKRs need rather than nine blank owners. */
const SAMPLE_OWNER: Record<Lang, string> = { 'zh-CN': '林总', en: 'Alex Lin' };

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
    { department: company.id, role: role.id, lang, cycle: currentQuarter(), owner: SAMPLE_OWNER[lang] },
    () => ctx,
    lang,
  );
  if (!r.ok) {
    out.problems.push(r.message);
    return out;
  }
  const sheet = (r.result as { sheet: string }).sheet;
  out.sheets.push(sheet);

  // A few check-ins, so progress, status colours and the log have something to show.
  const krs = dispatch('listKrs', { sheet }, () => ctx, lang);
  if (!krs.ok) return out;
  const list = (krs.result as { krs: { id: string; start: number | null; target: number | null }[] }).krs;
  const shares = [0.7, 0.35, 0.1, 0.9];
  const note = SAMPLE[lang];
  list.slice(0, shares.length).forEach((kr, i) => {
    if (kr.target === null) return;
    const start = kr.start ?? 0;
    const value = Math.round((start + (kr.target - start) * shares[i]!) * 100) / 100;
    const res = dispatch(
      'recordCheckIn',
      { sheet, krId: kr.id, value, confidence: [8, 5, 3, 9][i]!, done: note.done, next: note.next, blockers: i === 2 ? note.blockers : '' },
      () => ctx,
      lang,
    );
    if (!res.ok) out.problems.push(res.message);
  });
  return out;
}
