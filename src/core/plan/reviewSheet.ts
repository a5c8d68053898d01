/**
 * The Review (复盘) sheet plan: one block per objective with the nine parts, the monthly check-in
 * summary, and the children's roll-up as context. Owner prompts are highlighted so the owner
 * sees where to write. Role 'review': the add-on owns this sheet and rewrites it in place.
 */
import type { Lang, Localized } from '../i18n';
import { fmt } from '../i18n';
import { SHEET_NAMES } from '../labels';
import { escapeCellText } from '../escape';
import { REVIEW_PARTS, REVIEW_PART_TITLES, REVIEW_TEXT, type ReviewDoc } from '../review';
import { OWNER_KEY, type FormatPlan, type PlanCell, type SheetPlan } from './types';

export const REVIEW_SHEET_TEXT = {
  part: { 'zh-CN': '复盘项', en: 'Part' },
  content: { 'zh-CN': '内容', en: 'Content' },
  kr: { 'zh-CN': '关键结果', en: 'Key result' },
  progress: { 'zh-CN': '进度', en: 'Progress' },
  work: { 'zh-CN': '本月工作', en: 'Work this month' },
  next: { 'zh-CN': '下一步', en: 'Next steps' },
  resources: { 'zh-CN': '资源 / 困难', en: 'Resources / difficulties' },
  unit: { 'zh-CN': '下级单元', en: 'Unit below' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
} satisfies Record<string, Localized>;

export const PROMPT_BACKGROUND = '#fff4c2';
export const HEADING_BACKGROUND = '#e8f0fe';

const t = (m: Localized, lang: Lang, p: Record<string, string | number> = {}) => fmt(m, lang, p);

export function reviewSheetPlan(doc: ReviewDoc, opts: { name?: string } = {}): SheetPlan {
  const lang = doc.lang;
  const values: PlanCell[][] = [];
  const formats: FormatPlan[] = [];
  const row = (...cells: PlanCell[]) => {
    values.push(cells);
    return values.length; // 1-based row number
  };
  const esc = (s: string) => escapeCellText(s);
  const r1 = row(esc(doc.title));
  formats.push({ range: `A${r1}:E${r1}`, bold: true, background: HEADING_BACKGROUND });
  row(esc(doc.meta));
  row();
  for (const o of doc.objectives) {
    const r = row(esc(o.id), esc(o.title));
    formats.push({ range: `A${r}:E${r}`, bold: true, background: HEADING_BACKGROUND });
    REVIEW_PARTS.forEach((key, i) => {
      const part = o.parts.find((p) => p.key === key)!;
      const pr = row(`${i + 1}. ${REVIEW_PART_TITLES[key][lang]}`, esc(part.lines.join('\n')));
      formats.push({ range: `B${pr}`, wrap: true });
      if (part.needsOwner) formats.push({ range: `B${pr}`, background: PROMPT_BACKGROUND });
    });
    row();
  }
  const mt = row(t(REVIEW_TEXT.monthlyTitle, lang, { month: doc.monthly.month }));
  formats.push({ range: `A${mt}:E${mt}`, bold: true, background: HEADING_BACKGROUND });
  const mh = row(
    t(REVIEW_SHEET_TEXT.kr, lang), t(REVIEW_SHEET_TEXT.progress, lang), t(REVIEW_SHEET_TEXT.work, lang),
    t(REVIEW_SHEET_TEXT.next, lang), t(REVIEW_SHEET_TEXT.resources, lang),
  );
  formats.push({ range: `A${mh}:E${mh}`, bold: true });
  const none = t(REVIEW_TEXT.none, lang);
  let firstPct = 0, lastPct = 0;
  for (const o of doc.monthly.objectives) {
    const r = row(esc(`${o.id} ${o.title}`), o.progress);
    formats.push({ range: `A${r}`, bold: true });
    firstPct ||= r;
    lastPct = r;
    for (const k of o.krs) {
      lastPct = row(
        esc(`${k.id} ${k.title}`), k.progress,
        esc(k.work.join('\n') || none), esc(k.next.join('\n') || none), esc(k.resources.join('\n') || none),
      );
    }
  }
  if (firstPct) {
    formats.push({ range: `B${firstPct}:B${lastPct}`, numberFormat: '0%' });
    formats.push({ range: `C${firstPct}:E${lastPct}`, wrap: true });
  }
  if (doc.children.length) {
    row();
    const ct = row(t(REVIEW_TEXT.childrenTitle, lang));
    formats.push({ range: `A${ct}:E${ct}`, bold: true, background: HEADING_BACKGROUND });
    const ch = row(t(REVIEW_SHEET_TEXT.unit, lang), t(REVIEW_SHEET_TEXT.progress, lang), t(REVIEW_SHEET_TEXT.owner, lang));
    formats.push({ range: `A${ch}:E${ch}`, bold: true });
    const start = values.length + 1;
    for (const c of doc.children) {
      row(esc(c.unit), c.progress, esc(c.owner));
      for (const o of c.objectives) row(esc(`    ${o.id} ${o.title}`), o.progress);
    }
    formats.push({ range: `B${start}:B${values.length}`, numberFormat: '0%' });
  }
  return {
    name: opts.name ?? SHEET_NAMES.review[lang],
    role: 'review',
    values,
    frozenRows: 0,
    columnWidths: [220, 560, 260, 260, 260],
    formats,
    validations: [],
    conditionalFormats: [],
    protections: [],
    namedRanges: [],
    metadata: { [OWNER_KEY]: 'review', 'okrSheets.reviewOf': doc.sheet, 'okrSheets.asOf': doc.asOf },
  };
}
