/**
 * The Review (复盘) sheet plan. A flat, filterable layout whose formatting does not grow with the
 * number of objectives (so applying it costs the same few calls for 2 objectives or 200):
 *
 *   title, meta
 *   [Objective | Part | Content]       nine rows per objective, the objective named on its first
 *   monthly check-in summary           [Key result | Progress | Work | Next steps | Resources]
 *   roll-up of the levels below        [Unit / objective | Progress | Owner]
 *
 * Cells still waiting for the owner's words are highlighted by ONE conditional-format rule that
 * looks for the prompt marker. Role 'review': the add-on owns this sheet, rewrites it in place.
 */
import type { Lang, Localized } from '../i18n';
import { fmt } from '../i18n';
import { SHEET_NAMES } from '../labels';
import { escapeCellText, unescapeCellText } from '../escape';
import { OWNER_PROMPT, REVIEW_PARTS, REVIEW_PART_TITLES, REVIEW_TEXT, type ReviewDoc } from '../review';
import { OWNER_KEY, type ConditionalFormatPlan, type FormatPlan, type PlanCell, type SheetPlan } from './types';

export const REVIEW_SHEET_TEXT = {
  objective: { 'zh-CN': '目标', en: 'Objective' },
  part: { 'zh-CN': '复盘项', en: 'Part' },
  content: { 'zh-CN': '内容', en: 'Content' },
  kr: { 'zh-CN': '关键结果', en: 'Key result' },
  progress: { 'zh-CN': '进度', en: 'Progress' },
  work: { 'zh-CN': '本月工作', en: 'Work this month' },
  next: { 'zh-CN': '下一步', en: 'Next steps' },
  resources: { 'zh-CN': '资源 / 困难', en: 'Resources / difficulties' },
  unit: { 'zh-CN': '下级单元 / 目标', en: 'Unit below / objective' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
} satisfies Record<string, Localized>;

export const PROMPT_BACKGROUND = '#fff4c2';
export const HEADING_BACKGROUND = '#e8f0fe';

export function reviewSheetPlan(doc: ReviewDoc, opts: { name?: string } = {}): SheetPlan {
  const lang: Lang = doc.lang;
  const t = (m: Localized, p: Record<string, string | number> = {}) => fmt(m, lang, p);
  const esc = (s: string) => escapeCellText(s);
  const values: PlanCell[][] = [];
  const formats: FormatPlan[] = [];
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const row = (...cells: PlanCell[]) => {
    values.push(cells);
    return values.length; // 1-based row number
  };
  const heading = (r: number) => formats.push({ range: `A${r}:E${r}`, bold: true, background: HEADING_BACKGROUND });

  heading(row(esc(doc.title)));
  row(esc(doc.meta));
  row();

  // The nine parts.
  const head = row(t(REVIEW_SHEET_TEXT.objective), t(REVIEW_SHEET_TEXT.part), t(REVIEW_SHEET_TEXT.content));
  heading(head);
  if (doc.objectives.length === 0) row(t(REVIEW_TEXT.noObjectives));
  for (const o of doc.objectives) {
    REVIEW_PARTS.forEach((key, i) => {
      const part = o.parts.find((p) => p.key === key)!;
      row(i === 0 ? esc(`${o.id} ${o.title}`) : '', `${i + 1}. ${REVIEW_PART_TITLES[key][lang]}`, esc(part.lines.join('\n')));
    });
  }
  const partsEnd = values.length;
  if (partsEnd > head) {
    formats.push({ range: `A${head + 1}:A${partsEnd}`, bold: true, wrap: true });
    formats.push({ range: `C${head + 1}:C${partsEnd}`, wrap: true });
    conditionalFormats.push({
      range: `C${head + 1}:C${partsEnd}`,
      when: { kind: 'formula', formula: `=ISNUMBER(SEARCH("${OWNER_PROMPT[lang].trim()}",$C${head + 1}))` },
      background: PROMPT_BACKGROUND,
    });
  }

  // Monthly check-in summary.
  row();
  heading(row(t(REVIEW_TEXT.monthlyTitle, { month: doc.monthly.month })));
  const mh = row(t(REVIEW_SHEET_TEXT.kr), t(REVIEW_SHEET_TEXT.progress), t(REVIEW_SHEET_TEXT.work), t(REVIEW_SHEET_TEXT.next), t(REVIEW_SHEET_TEXT.resources));
  formats.push({ range: `A${mh}:E${mh}`, bold: true });
  const none = t(REVIEW_TEXT.none);
  for (const o of doc.monthly.objectives) {
    row(esc(`${o.id} ${o.title}`), o.progress);
    for (const k of o.krs) {
      row(
        esc(`    ${k.id} ${k.title}`), k.progress,
        esc(k.work.join('\n') || none), esc(k.next.join('\n') || none), esc(k.resources.join('\n') || none),
      );
    }
  }
  if (values.length > mh) {
    formats.push({ range: `B${mh + 1}:B${values.length}`, numberFormat: '0%' });
    formats.push({ range: `C${mh + 1}:E${values.length}`, wrap: true });
  }

  // Roll-up of the levels below (context for this level's review).
  if (doc.children.length) {
    row();
    heading(row(t(REVIEW_TEXT.childrenTitle)));
    const ch = row(t(REVIEW_SHEET_TEXT.unit), t(REVIEW_SHEET_TEXT.progress), t(REVIEW_SHEET_TEXT.owner));
    formats.push({ range: `A${ch}:E${ch}`, bold: true });
    for (const c of doc.children) {
      row(esc(c.unit), c.progress, esc(c.owner));
      for (const o of c.objectives) row(esc(`    ${o.id} ${o.title}`), o.progress);
    }
    formats.push({ range: `B${ch + 1}:B${values.length}`, numberFormat: '0%' });
  }

  // Alignment problems of this unit (already capped by the review).
  if (doc.problems.length) {
    row();
    heading(row(t(REVIEW_TEXT.problemsTitle)));
    for (const line of doc.problems) row(esc(line));
  }

  return {
    name: opts.name ?? SHEET_NAMES.review[lang],
    role: 'review',
    values,
    frozenRows: 0,
    columnWidths: [220, 150, 520, 240, 240],
    formats,
    validations: [],
    conditionalFormats,
    protections: [],
    namedRanges: [],
    metadata: { [OWNER_KEY]: 'review', 'okrSheets.reviewOf': doc.sheet, 'okrSheets.asOf': doc.asOf },
  };
}

// ---------------------------------------------------------------------------------------------
// Keeping the owner's words across regeneration

const PART_NUMBER = /^\s*(\d)\.\s/;
const isPrompt = (line: string) => line.startsWith(OWNER_PROMPT['zh-CN']) || line.startsWith(OWNER_PROMPT.en.trim());
const cellText = (v: unknown) => unescapeCellText(v === null || v === undefined ? '' : String(v));

/**
 * What owners wrote into an existing Review sheet: for each `objectiveId|part`, the non-prompt
 * lines of the Content cell. Reads the layout of `reviewSheetPlan` (either language).
 */
export function readOwnerText(values: readonly (readonly unknown[])[]): { title: string; parts: Map<string, string[]> } {
  const parts = new Map<string, string[]>();
  const title = cellText(values[0]?.[0]).trim();
  const head = values.findIndex(
    (r) => [REVIEW_SHEET_TEXT.part['zh-CN'], REVIEW_SHEET_TEXT.part.en].includes(cellText(r[1]).trim()) &&
      [REVIEW_SHEET_TEXT.content['zh-CN'], REVIEW_SHEET_TEXT.content.en].includes(cellText(r[2]).trim()),
  );
  if (head < 0) return { title, parts };
  let objective = '';
  for (let r = head + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const a = cellText(row[0]).trim();
    const b = cellText(row[1]);
    if (!a && !b.trim()) break; // end of the parts block
    if (a) objective = a.split(/\s+/)[0]!;
    const m = PART_NUMBER.exec(b);
    if (!m || !objective) continue;
    const key = REVIEW_PARTS[Number(m[1]) - 1];
    if (!key) continue;
    const lines = cellText(row[2]).split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => l.trim() && !isPrompt(l.trim()));
    parts.set(`${objective}|${key}`, lines);
  }
  return { title, parts };
}

/** A review template as a pattern: `{date}` a day, any other placeholder any text. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/(\{\w+\})/).map((x) => {
    if (x === '{date}') return '\\d{4}-\\d{2}-\\d{2}';
    if (/^\{\w+\}$/.test(x)) return '.*';
    return x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('')}$`);
}

/** Lines the review generator writes (either language), recognised by their templates. */
const GENERATED_LINES: RegExp[] = [
  ...(['alignsTo', 'resultLine', 'rollupLine', 'tooEasy', 'sweetSpot', 'krLine', 'latestNext', 'selfScoreGiven', 'krSelfScores', 'gradeLine', 'managerComment', 'noDone', 'noProblems'] as const)
    .flatMap((k) => [templatePattern(REVIEW_TEXT[k]['zh-CN']), templatePattern(REVIEW_TEXT[k].en)]),
  /^\d{4}-\d{2}-\d{2} \S+: /, // a check-in's done / blockers line
];

/**
 * Lines of an old Review cell the owner wrote: not a prompt, not a line the fresh review
 * generates, and not a line of the generator's own templates (an older number, a check-in line
 * since edited) — so regenerating neither loses the owner's words nor piles up stale lines.
 */
function ownerLines(previous: readonly string[], fresh: ReadonlySet<string>, krIds: readonly string[]): string[] {
  const action = (l: string) => krIds.some((id) => l.startsWith(`${id}: `));
  return previous.filter((l) => !fresh.has(l.trim()) && !GENERATED_LINES.some((re) => re.test(l.trim())) && !action(l.trim()));
}

/**
 * Regenerating must not lose what owners wrote: in every part, the lines the owner added in the
 * previous Review sheet of the same unit and cycle (same title) are kept after the freshly
 * computed lines, and a part's prompt is dropped once the owner has written in it.
 */
export function mergeOwnerText(doc: ReviewDoc, previous: { title: string; parts: Map<string, string[]> }): ReviewDoc {
  if (previous.title !== doc.title || previous.parts.size === 0) return doc;
  return {
    ...doc,
    objectives: doc.objectives.map((o) => ({
      ...o,
      parts: o.parts.map((p) => {
        const auto = p.lines.filter((l) => !isPrompt(l));
        const extra = ownerLines(previous.parts.get(`${o.id}|${p.key}`) ?? [], new Set(auto.map((l) => l.trim())), o.krs.map((k) => k.id));
        return extra.length ? { ...p, lines: [...auto, ...extra], needsOwner: false } : p;
      }),
    })),
  };
}
