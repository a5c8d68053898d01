/**
 * Review (复盘, design §3): for each objective the nine parts of the review meeting agenda —
 * what, why, what was done, problems, how they were solved, result, lessons, next step,
 * self-score — filled from the table, the check-in log and the action plan, with clearly marked
 * prompts wherever only the owner can write. Plus the monthly check-in summary (progress now,
 * last month's work, next steps, resources needed) and, for a level with aligned children, their
 * roll-up as context.
 *
 * Outputs a `ReviewDoc` (data), Markdown for pasting into mail / Feishu / DingTalk / WeChat, and
 * (src/core/plan/reviewSheet.ts) a Review sheet plan.
 */
import type { Lang, Localized } from './i18n';
import { fmt } from './i18n';
import { fmtPercent, fmtValue } from './format';
import { gradeRows, scoreRange, scoreText, type GradeRow } from './grading';
import { GRADE_LABELS, LEVEL_LABELS, ROW_TYPE_LABELS, STATUS_LABELS, isKrType, label } from './labels';
import type { ActionItem, CheckIn, Grade, KrType, Level, OkrRow, OkrSettings, OkrTable, Status } from './model';
import { DEFAULT_SETTINGS } from './model';
import { grade, tooEasy } from './progress';
import { scoreTable } from './score';
import { groupObjectives } from './table';
import { cycleDates } from './pace';
import { checkInsFor } from './checkins';
import { capLines, type AlignmentTree, findUnit, objectiveIndex } from './alignment';

export type ReviewPartKey = 'what' | 'why' | 'done' | 'problems' | 'solved' | 'result' | 'lessons' | 'next' | 'selfScore';
export const REVIEW_PARTS: readonly ReviewPartKey[] = ['what', 'why', 'done', 'problems', 'solved', 'result', 'lessons', 'next', 'selfScore'];

export const REVIEW_PART_TITLES: Record<ReviewPartKey, Localized> = {
  what: { 'zh-CN': '目标是什么', en: 'What the objective is' },
  why: { 'zh-CN': '为什么定这个目标', en: 'Why we set it' },
  done: { 'zh-CN': '做了什么', en: 'What was done' },
  problems: { 'zh-CN': '遇到的问题', en: 'Problems met' },
  solved: { 'zh-CN': '如何解决', en: 'How they were solved' },
  result: { 'zh-CN': '最终结果', en: 'Result' },
  lessons: { 'zh-CN': '经验与教训', en: 'Lessons learned' },
  next: { 'zh-CN': '下一步建议', en: 'Next step' },
  selfScore: { 'zh-CN': '评分（自评、上级评、最终得分）', en: 'Scores (self, manager, final)' },
};

/** Marks text only the owner can write; shown in the sheet and the Markdown as-is. */
export const OWNER_PROMPT: Localized = { 'zh-CN': '【请负责人填写】', en: '[Owner to write] ' };

export const REVIEW_TEXT = {
  title: { 'zh-CN': 'OKR 复盘：{unit}（{cycle}）', en: 'OKR review: {unit} ({cycle})' },
  meta: { 'zh-CN': '层级：{level}　负责人：{owner}　统计日期：{asOf}', en: 'Level: {level} · Owner: {owner} · As of: {asOf}' },
  whyPrompt: { 'zh-CN': '为什么定这个目标？它支撑哪个上级目标？', en: 'Why this objective? Which parent objective does it serve?' },
  alignsTo: { 'zh-CN': '对齐到：{parent}', en: 'Aligns to: {parent}' },
  donePrompt: { 'zh-CN': '补充进展更新中没有记录的重要工作。', en: 'Add important work the check-ins did not record.' },
  noDone: { 'zh-CN': '（进展更新和行动计划中暂无记录）', en: '(nothing recorded in check-ins or actions yet)' },
  noProblems: { 'zh-CN': '（进展更新中未记录困难）', en: '(no blockers recorded in check-ins)' },
  problemsPrompt: { 'zh-CN': '补充未记录的问题。', en: 'Add problems that were not logged.' },
  solvedPrompt: { 'zh-CN': '上述问题是怎么解决的？哪些还没解决？', en: 'How were the problems above solved? Which are still open?' },
  lessonsPrompt: {
    'zh-CN': '哪些做法值得保持？哪些要改进？目标定得是否合适？',
    en: 'What worked and should continue? What should change? Was the target set right?',
  },
  nextPrompt: { 'zh-CN': '下一周期的建议（继续、调整或放弃）。', en: 'Recommendation for the next cycle (continue, adjust or drop).' },
  selfScorePrompt: {
    'zh-CN': '给自己打分（{range}）；系统算出的参考分：{score}',
    en: 'Score yourself ({range}); the computed reference score is {score}',
  },
  /** The grading round (issue 14 §3): one line per objective and per KR, in the scale. */
  gradeLine: {
    'zh-CN': '{id}：系统得分 {computed}，自评 {self}，上级评 {manager}，最终得分 {final}',
    en: '{id}: computed {computed}, self {self}, manager {manager}, final {final}',
  },
  managerComment: { 'zh-CN': '{id} 上级评语：{text}', en: '{id} manager\'s comment: {text}' },
  // lines of Review sheets made before the grading round: kept so regenerating one recognises
  // them as generated (reviewSheet.ts GENERATED_LINES), not as the owner's words
  selfScoreGiven: { 'zh-CN': '自评分：{score}', en: 'Self-score: {score}' },
  krSelfScores: { 'zh-CN': '各 KR 自评：{list}', en: 'KR self-scores: {list}' },
  resultLine: {
    'zh-CN': '得分 {score}，进度 {progress}，评级：{grade}',
    en: 'Score {score}, progress {progress}, grade: {grade}',
  },
  rollupLine: {
    'zh-CN': '含下级对齐目标的汇总进度 {progress}（自身 KR {own}，下级 {children}）',
    en: 'Rolled-up progress incl. aligned objectives {progress} (own KRs {own}, aligned below {children})',
  },
  tooEasy: { 'zh-CN': '得分 1.0：目标可能定得太容易了', en: 'Score 1.0: the target may have been too easy' },
  sweetSpot: { 'zh-CN': '0.6–0.7：有挑战且达成，理想区间', en: '0.6–0.7: ambitious and delivered — the sweet spot' },
  krLine: {
    'zh-CN': '{id} {title}：{values}，进度 {progress}，得分 {score}{flags}',
    en: '{id} {title}: {values}, progress {progress}, score {score}{flags}',
  },
  exceeded: { 'zh-CN': '，超额完成（{ratio}）', en: ', exceeded ({ratio})' },
  latestNext: { 'zh-CN': '{kr}（{date}）：{text}', en: '{kr} ({date}): {text}' },
  monthlyTitle: { 'zh-CN': '月度进展（{month}）', en: 'Monthly check-in ({month})' },
  progressNow: { 'zh-CN': '当前进度', en: 'Progress now' },
  lastMonthWork: { 'zh-CN': '本月完成的工作', en: "This month's work" },
  nextSteps: { 'zh-CN': '下一步', en: 'Next steps' },
  resources: { 'zh-CN': '需要的资源 / 困难', en: 'Resources needed / difficulties' },
  none: { 'zh-CN': '（无）', en: '(none)' },
  confidence: { 'zh-CN': '信心 {value}/10', en: 'confidence {value}/10' },
  childrenTitle: { 'zh-CN': '下级汇总（背景）', en: 'Roll-up of the levels below (context)' },
  childLine: { 'zh-CN': '{unit}（{owner}）：进度 {progress}', en: '{unit} ({owner}): progress {progress}' },
  krsTitle: { 'zh-CN': '各关键结果', en: 'Key results' },
  noObjectives: { 'zh-CN': '该表中没有目标。', en: 'This sheet has no objectives.' },
  problemsTitle: { 'zh-CN': '对齐问题', en: 'Alignment problems' },
} satisfies Record<string, Localized>;

export interface ReviewPart {
  key: ReviewPartKey;
  title: string;
  /** Lines of text, in the document's language (user text as written). */
  lines: string[];
  /** True when the part carries an owner prompt still to be answered. */
  needsOwner: boolean;
}

export interface KrResult {
  id: string;
  title: string;
  owner: string;
  type: KrType;
  start: number | null;
  target: number | null;
  current: number | null;
  unit: string;
  progress: number;
  score: number;
  selfScore: number | null;
  /** The grading round (src/core/grading.ts), as shares: computed ignores self-scores; final is
   *  the manager's when given, else the Score cell. */
  computedScore: number;
  managerScore: number | null;
  finalScore: number;
  comment: string;
  exceeded: boolean;
  confidence: number | null;
  status: Status;
}

export interface ObjectiveReview {
  id: string;
  title: string;
  owner: string;
  progress: number;
  score: number;
  grade: Grade;
  tooEasy: boolean;
  selfScore: number | null;
  computedScore: number;
  managerScore: number | null;
  finalScore: number;
  comment: string;
  /** From the alignment roll-up, when the review was given one. */
  rollup: { progress: number; fromKrs: number | null; fromChildren: number | null; children: { id: string; title: string; progress: number }[] } | null;
  krs: KrResult[];
  parts: ReviewPart[];
}

export interface MonthlyKr {
  id: string;
  title: string;
  progress: number;
  confidence: number | null;
  work: string[];
  next: string[];
  resources: string[];
}

export interface MonthlySummary {
  month: string; // YYYY-MM
  objectives: { id: string; title: string; progress: number; krs: MonthlyKr[] }[];
}

export interface ReviewDoc {
  lang: Lang;
  sheet: string;
  unit: string;
  level: Level | null;
  owner: string;
  cycle: string;
  asOf: string;
  title: string;
  meta: string;
  objectives: ObjectiveReview[];
  monthly: MonthlySummary;
  /** Child units aligned under this one, with their roll-up (context for a level's review). */
  children: { unit: string; owner: string; level: Level | null; progress: number; objectives: { id: string; title: string; progress: number }[] }[];
  /** Alignment problems of this unit (loops, self-alignment, broken links), capped with a count
   *  of the rest. */
  problems: string[];
}

export interface ReviewInput {
  table: OkrTable;
  sheet: string;
  checkins: readonly (CheckIn & { sheet?: string; order?: number })[];
  actions?: readonly (ActionItem & { sheet?: string })[];
  asOf: string;
  /** YYYY-MM of the monthly summary; default the month of `asOf`. */
  month?: string;
  lang?: Lang;
  settings?: OkrSettings;
  /** Extra "why" text per objective id (e.g. from the template), used when the notes are empty. */
  why?: Record<string, string>;
  /** The alignment tree of the spreadsheet, for the children's roll-up. */
  alignment?: AlignmentTree;
}

const pct = fmtPercent;
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();
/** A KR value with its unit, as every view shows it (src/core/format.ts). */
const valueText = (v: number | null, unit: string, lang: Lang) => fmtValue(v, unit, lang, { withUnit: true });

/** Builds the review document of one OKR table. */
export function buildReview(input: ReviewInput): ReviewDoc {
  const { table, asOf } = input;
  const lang = input.lang ?? table.lang;
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const h = table.header;
  const t = (m: Localized, p: Record<string, string | number> = {}) => fmt(m, lang, p);
  const prompt = (m: Localized, p: Record<string, string | number> = {}) => OWNER_PROMPT[lang] + t(m, p);
  // every score in the workbook's scale (0.7 / 70 分 / 70%), as its Score cells show it
  const num1 = (share: number | null) => scoreText(share, settings, lang);
  const dates = h.cycleStart && h.cycleEnd ? { start: h.cycleStart, end: h.cycleEnd } : cycleDates(h.cycle);
  const logs = checkInsFor(input.checkins, table, input.sheet).filter(
    (c) => c.date <= asOf && (!dates || c.date >= dates.start),
  );
  const actions = (input.actions ?? []).filter(
    (a) => !a.sheet || norm(a.sheet) === norm(h.unit) || norm(a.sheet) === norm(input.sheet),
  );
  const byKr = new Map<string, typeof logs>();
  for (const c of logs) {
    const k = norm(c.krId);
    const arr = byKr.get(k);
    if (arr) arr.push(c);
    else byKr.set(k, [c]);
  }
  const unitNode = input.alignment ? findUnit(input.alignment, h.unit || input.sheet) : null;
  const objIndex = input.alignment ? objectiveIndex(input.alignment) : null;
  const month = input.month ?? asOf.slice(0, 7);

  const objectives: ObjectiveReview[] = [];
  const monthly: MonthlySummary = { month, objectives: [] };
  // the sheet's own numbers (core scoreTable = the Progress / Score / Status formulas, overdue
  // included), grouped as the formulas group rows
  const scored = scoreTable(table, asOf, settings);
  const krAt = new Map(scored.krs.map((k) => [k.row, k]));
  const objAt = new Map(scored.objectives.map((x) => [x.row, x]));
  const grades = new Map<number, GradeRow>(gradeRows(table, asOf, settings).map((g) => [g.index, g]));
  const noGrade = (score: number, selfScore: number | null) => ({ computed: score, self: selfScore, manager: null, final: score, comment: '' });
  for (const { objective: o, krs } of groupObjectives(table).groups) {
    const krResults: KrResult[] = krs
      .filter((k): k is OkrRow & { type: KrType } => isKrType(k.type) && krAt.has(k.index))
      .map((k) => {
        const s = krAt.get(k.index)!;
        const g = grades.get(k.index) ?? noGrade(s.score, k.selfScore);
        return {
          id: k.id, title: k.title, owner: k.owner, type: k.type, start: k.start, target: k.target,
          current: k.current, unit: k.unit, progress: s.progress, score: s.score, selfScore: g.self,
          computedScore: g.computed, managerScore: g.manager, finalScore: g.final, comment: g.comment,
          exceeded: s.exceeded, confidence: k.confidence, status: s.status,
        };
      });
    const os = objAt.get(o.index);
    const progress = os?.progress ?? 0;
    const score = os?.score ?? 0;
    const g = os?.grade ?? grade(score);
    const gid = `${unitNode?.unit ?? h.unit}/${o.id}`;
    const node = objIndex?.get(gid) ?? null;
    const rollupInfo = node
      ? {
          progress: node.progress, fromKrs: node.fromKrs, fromChildren: node.fromChildren,
          children: node.children.map((cid) => {
            const c = objIndex!.get(cid)!;
            return { id: c.id, title: c.title, progress: c.progress };
          }),
        }
      : null;
    const krLogs = krs.flatMap((k) => (byKr.get(norm(k.id)) ?? []).map((c) => ({ k, c })));

    // 1 what
    const what = [o.title || '—'];
    if (o.alignsTo) what.push(t(REVIEW_TEXT.alignsTo, { parent: o.alignsTo }));
    // 2 why
    const whyText = o.notes.trim() || input.why?.[o.id]?.trim() || '';
    const why = whyText ? [oneLine(whyText)] : [prompt(REVIEW_TEXT.whyPrompt)];
    // 3 done
    const done: string[] = [];
    for (const { k, c } of krLogs) if (c.done) done.push(`${c.date} ${k.id}: ${oneLine(c.done)}`);
    const krIds = new Set(krs.map((k) => norm(k.id)));
    for (const a of actions) {
      if (!a.done || !krIds.has(norm(a.krId))) continue;
      done.push(`${a.krId}: ${oneLine(a.task)}${a.deliverable ? ` → ${oneLine(a.deliverable)}` : ''}${a.owner ? ` (${a.owner})` : ''}`);
    }
    if (done.length === 0) done.push(t(REVIEW_TEXT.noDone));
    done.push(prompt(REVIEW_TEXT.donePrompt));
    // 4 problems
    const problems: string[] = [];
    for (const { k, c } of krLogs) if (c.blockers) problems.push(`${c.date} ${k.id}: ${oneLine(c.blockers)}`);
    if (problems.length === 0) problems.push(t(REVIEW_TEXT.noProblems));
    problems.push(prompt(REVIEW_TEXT.problemsPrompt));
    // 5 solved
    const solved = [prompt(REVIEW_TEXT.solvedPrompt)];
    // 6 result
    const result = [t(REVIEW_TEXT.resultLine, { score: num1(score), progress: pct(progress), grade: GRADE_LABELS[g][lang] })];
    if (rollupInfo && rollupInfo.fromChildren !== null) {
      result.push(t(REVIEW_TEXT.rollupLine, {
        progress: pct(rollupInfo.progress),
        own: rollupInfo.fromKrs === null ? '—' : pct(rollupInfo.fromKrs),
        children: pct(rollupInfo.fromChildren),
      }));
    }
    if (tooEasy(score)) result.push(t(REVIEW_TEXT.tooEasy));
    for (const k of krResults) {
      const values = k.type === 'milestone'
        ? `${label(ROW_TYPE_LABELS.milestone, lang)} ${pct(k.current ?? 0)}`
        : `${valueText(k.start, k.unit, lang)} → ${valueText(k.current, k.unit, lang)} / ${valueText(k.target, k.unit, lang)}`;
        const ratio = k.exceeded && k.type !== 'milestone' && k.target !== null && k.target !== (k.start ?? 0)
        ? pct(((k.current ?? 0) - (k.start ?? 0)) / (k.target - (k.start ?? 0)))
        : k.exceeded ? pct(k.current ?? 0) : '';
      result.push(t(REVIEW_TEXT.krLine, {
        id: k.id, title: oneLine(k.title), values, progress: pct(k.progress), score: num1(k.score),
        flags: k.exceeded ? t(REVIEW_TEXT.exceeded, { ratio }) : '',
      }));
    }
    // 7 lessons
    const lessons = [prompt(REVIEW_TEXT.lessonsPrompt)];
    // 8 next
    const next: string[] = [];
    for (const k of krs) {
      const list = byKr.get(norm(k.id)) ?? [];
      const last = [...list].reverse().find((c) => c.next);
      if (last) next.push(t(REVIEW_TEXT.latestNext, { kr: k.id, date: last.date, text: oneLine(last.next) }));
    }
    next.push(prompt(REVIEW_TEXT.nextPrompt));
    // 9 scores: computed, self, manager and final (issue 14 §3) for the objective and each KR,
    // then the manager's comments; the owner is asked for a self-score while there is none
    const og = grades.get(o.index) ?? noGrade(score, o.selfScore);
    const selfScore: string[] = [];
    const gradeLine = (id: string, g: { computed: number; self: number | null; manager: number | null; final: number }) =>
      t(REVIEW_TEXT.gradeLine, { id, computed: num1(g.computed), self: num1(g.self), manager: num1(g.manager), final: num1(g.final) });
    selfScore.push(gradeLine(o.id, og));
    for (const k of krResults) selfScore.push(gradeLine(k.id, { computed: k.computedScore, self: k.selfScore, manager: k.managerScore, final: k.finalScore }));
    for (const [id, c] of [[o.id, og.comment] as const, ...krResults.map((k) => [k.id, k.comment] as const)]) {
      if (c.trim()) selfScore.push(t(REVIEW_TEXT.managerComment, { id, text: oneLine(c) }));
    }
    if (o.selfScore === null) selfScore.push(prompt(REVIEW_TEXT.selfScorePrompt, { score: num1(score), range: scoreRange(settings).text }));

    const partLines: Record<ReviewPartKey, string[]> = { what, why, done, problems, solved, result, lessons, next, selfScore };
    const ownerPrompt = OWNER_PROMPT[lang];
    objectives.push({
      id: o.id, title: o.title, owner: o.owner, progress, score, grade: g, tooEasy: tooEasy(score),
      selfScore: og.self, computedScore: og.computed, managerScore: og.manager, finalScore: og.final, comment: og.comment,
      rollup: rollupInfo, krs: krResults,
      parts: REVIEW_PARTS.map((key) => ({
        key, title: REVIEW_PART_TITLES[key][lang], lines: partLines[key],
        needsOwner: partLines[key].some((l) => l.startsWith(ownerPrompt)),
      })),
    });

    // Monthly summary
    monthly.objectives.push({
      id: o.id, title: o.title, progress,
      krs: krResults.map((k) => {
        const inMonth = (byKr.get(norm(k.id)) ?? []).filter((c) => c.date.slice(0, 7) === month);
        return {
          id: k.id, title: k.title, progress: k.progress,
          confidence: [...inMonth].reverse().find((c) => c.confidence !== null)?.confidence ?? k.confidence,
          work: inMonth.filter((c) => c.done).map((c) => `${c.date}: ${oneLine(c.done)}`),
          next: inMonth.filter((c) => c.next).slice(-1).map((c) => oneLine(c.next)),
          resources: inMonth.filter((c) => c.blockers).map((c) => `${c.date}: ${oneLine(c.blockers)}`),
        };
      }),
    });
  }

  const children = (unitNode?.children ?? []).map((c) => ({
    unit: c.unit, owner: c.owner, level: c.level, progress: c.progress,
    objectives: c.objectives.map((o) => ({ id: o.id, title: o.title, progress: o.progress })),
  }));
  const unit = h.unit || input.sheet;
  const mine = (id: string) => norm(id) === norm(unit) || norm(id).startsWith(`${norm(unit)}/`);
  const problems = capLines(
    (input.alignment?.problems ?? []).filter((p) => p.sheet === input.sheet || p.ids.some(mine)).map((p) => p.message[lang]),
    lang,
  );
  return {
    lang, sheet: input.sheet, unit, level: h.level, owner: h.owner, cycle: h.cycle, asOf,
    title: t(REVIEW_TEXT.title, { unit: h.unit || input.sheet, cycle: h.cycle || '—' }),
    meta: t(REVIEW_TEXT.meta, {
      level: h.level ? label(LEVEL_LABELS[h.level], lang) : '—', owner: h.owner || '—', asOf,
    }),
    objectives, monthly, children, problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown (copy button): headings, bold and plain bullets only — what mail clients, Feishu,
// DingTalk and WeChat all paste reasonably.

/** Neutralises Markdown that would change the structure (headings, lists, emphasis, links). */
export function mdText(s: string): string {
  return s
    .replace(/([\\`*])/g, '\\$1')
    .replace(/^(\s*)([#>+-]|\d+\.)(\s)/, '$1\\$2$3');
}

export function reviewToMarkdown(doc: ReviewDoc, lang: Lang = doc.lang): string {
  const t = (m: Localized, p: Record<string, string | number> = {}) => fmt(m, lang, p);
  const out: string[] = [];
  out.push(`# ${mdText(doc.title)}`, '', mdText(doc.meta), '');
  if (doc.objectives.length === 0) out.push(t(REVIEW_TEXT.noObjectives), '');
  for (const o of doc.objectives) {
    out.push(`## ${mdText(`${o.id} ${o.title}`)}`, '');
    REVIEW_PARTS.forEach((key, i) => {
      const part = o.parts.find((p) => p.key === key)!;
      out.push(`**${i + 1}. ${REVIEW_PART_TITLES[key][lang]}**`, '');
      for (const line of part.lines) out.push(`- ${mdText(line)}`);
      out.push('');
    });
  }
  out.push(`## ${t(REVIEW_TEXT.monthlyTitle, { month: doc.monthly.month })}`, '');
  for (const o of doc.monthly.objectives) {
    out.push(`**${mdText(`${o.id} ${o.title}`)}** — ${t(REVIEW_TEXT.progressNow)} ${pct(o.progress)}`, '');
    for (const k of o.krs) {
      const conf = k.confidence !== null ? `, ${t(REVIEW_TEXT.confidence, { value: k.confidence })}` : '';
      out.push(`- ${mdText(`${k.id} ${k.title}`)}: ${pct(k.progress)}${conf}`);
      out.push(`  - ${t(REVIEW_TEXT.lastMonthWork)}: ${k.work.length ? k.work.map(mdText).join('; ') : t(REVIEW_TEXT.none)}`);
      out.push(`  - ${t(REVIEW_TEXT.nextSteps)}: ${k.next.length ? k.next.map(mdText).join('; ') : t(REVIEW_TEXT.none)}`);
      out.push(`  - ${t(REVIEW_TEXT.resources)}: ${k.resources.length ? k.resources.map(mdText).join('; ') : t(REVIEW_TEXT.none)}`);
    }
    out.push('');
  }
  if (doc.children.length) {
    out.push(`## ${t(REVIEW_TEXT.childrenTitle)}`, '');
    for (const c of doc.children) {
      out.push(`- ${mdText(t(REVIEW_TEXT.childLine, { unit: c.unit, owner: c.owner || '—', progress: pct(c.progress) }))}`);
      for (const o of c.objectives) out.push(`  - ${mdText(`${o.id} ${o.title}`)}: ${pct(o.progress)}`);
    }
    out.push('');
  }
  if (doc.problems.length) {
    out.push(`## ${t(REVIEW_TEXT.problemsTitle)}`, '');
    for (const line of doc.problems) out.push(`- ${mdText(line)}`);
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** Status label helper (used by the sheet plans). */
export function statusText(s: Status, lang: Lang): string {
  return STATUS_LABELS[s][lang];
}

// ---------------------------------------------------------------------------------------------
// Results of the review actions (plain data; shared by src/sheets, the RPC contract and the sidebar)

export interface GenerateReviewResult {
  /** The Review sheet's name. */
  reviewSheet: string;
  objectives: number;
  /** Parts (over all objectives) still waiting for the owner's words. */
  ownerPrompts: number;
  markdown: string;
}

export interface GenerateDashboardResult {
  dashboardSheet: string;
  units: number;
  staleKrs: number;
  /** Objectives and KRs whose self and manager scores differ by 0.3 or more (calibration). */
  calibration?: number;
}

export interface GenerateAlignmentResult {
  alignmentSheet: string;
  units: number;
  /** Alignment problems, localized. */
  problems: string[];
}
