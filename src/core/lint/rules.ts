/**
 * The lint catalog (design §3). Every rule: a stable kebab-case id, a default severity, a short
 * message in zh-CN and en with {params}, and a check that returns located findings.
 * Rules are linear in the number of rows; regular expressions are compiled once.
 */
import type { Params } from '../i18n';
import type { ColumnKey, OkrRow, OkrTable, Severity } from '../model';
import { parseKrText } from '../krtext';
import { parseDate, parseNumber, parseNumberText } from '../numbers';
import { parseRubric, rubricScoreAsSheet, RUBRIC_MAX_LENGTH, RUBRIC_MAX_STEPS } from '../rubric';
import { cellFromShare, scaleSpec } from '../scale';
import { dayNumber } from '../pace';
import { scoreRange } from '../grading';
import { groupObjectives, type ObjectiveGroup } from '../table';
import type { Finding, LintContext, LintRule } from './types';
import { textNumberCells } from './convertNumbers';

export const MAX_OBJECTIVES = 5;
export const MIN_KRS = 2;
export const MAX_KRS = 4;
export const BOTTOM_UP_SHARE = 0.6;

// a row without an ID is not a key result (no-id reports it)
const isKr = (r: OkrRow) => r.type !== 'objective' && r.id !== '';
const short = (s: string, n = 40) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const idOr = (r: OkrRow) => r.id || `#${r.index + 1}`;

function finding(rule: LintRule, row: number | null, column: ColumnKey | null, params: Params, variant?: string, severity?: Severity): Finding {
  const f: Finding = { rule: rule.id, severity: severity ?? rule.severity, at: { row, column }, params };
  if (variant) f.variant = variant;
  return f;
}

const groups = (t: OkrTable): ObjectiveGroup[] => groupObjectives(t).groups;
const isBlankRaw = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

// ---------------------------------------------------------------------------------------------

export const maxObjectives: LintRule = {
  id: 'max-objectives',
  severity: 'error',
  message: {
    'zh-CN': '共有 {count} 个目标，最多 {max} 个：请聚焦最重要的几件事',
    en: '{count} objectives; at most {max}: focus on what matters most',
  },
  description: { 'zh-CN': '每张 OKR 表最多 5 个目标', en: 'At most 5 objectives per OKR sheet' },
  check(t) {
    const g = groups(t);
    if (g.length <= MAX_OBJECTIVES) return [];
    return [finding(this, g[MAX_OBJECTIVES]!.objective.index, 'id', { count: g.length, max: MAX_OBJECTIVES })];
  },
};

export const krCount: LintRule = {
  id: 'kr-count',
  severity: 'warning',
  message: { 'zh-CN': '目标 {id} 有 {count} 个关键结果，建议 2–4 个', en: 'Objective {id} has {count} key results; 2–4 is the norm' },
  variants: {
    none: { 'zh-CN': '目标 {id} 没有关键结果', en: 'Objective {id} has no key results' },
    few: {
      'zh-CN': '目标 {id} 只有 {count} 个关键结果，建议至少 2 个',
      en: 'Objective {id} has only {count} key result; use at least 2',
    },
    many: {
      'zh-CN': '目标 {id} 有 {count} 个关键结果，超过 4 个，请精简',
      en: 'Objective {id} has {count} key results, more than 4: trim them',
    },
  },
  description: { 'zh-CN': '每个目标 2–4 个关键结果', en: '2–4 key results per objective' },
  check(t) {
    const out: Finding[] = [];
    for (const g of groups(t)) {
      const n = g.krs.length;
      const p = { id: idOr(g.objective), count: n };
      if (n === 0) out.push(finding(this, g.objective.index, 'title', p, 'none', 'error'));
      else if (n < MIN_KRS) out.push(finding(this, g.objective.index, 'title', p, 'few'));
      else if (n > MAX_KRS) out.push(finding(this, g.objective.index, 'title', p, 'many'));
    }
    return out;
  },
};

export const krMeasurable: LintRule = {
  id: 'kr-measurable',
  severity: 'error',
  message: {
    'zh-CN': '关键结果“{title}”没有数字目标值：请填写目标值，或将类型改为里程碑',
    en: 'Key result “{title}” has no numeric target: enter a target, or make it a milestone',
  },
  variants: {
    inText: {
      'zh-CN': '关键结果“{title}”的目标值列为空，文字里写的是 {value}：请填入目标值列',
      en: 'Key result “{title}” has an empty Target column, but its text says {value}: enter it as the target',
    },
  },
  description: { 'zh-CN': '关键结果必须可衡量：数字目标或里程碑', en: 'A key result must be measurable: a number or a milestone' },
  check(t) {
    const out: Finding[] = [];
    for (const r of t.rows) {
      if (!isKr(r) || r.type === 'milestone' || r.target !== null) continue;
      if (!isBlankRaw(r.raw.target)) continue; // unreadable text: reported by unreadable-number
      const parsed = r.title ? parseKrText(r.title) : null;
      if (parsed && parsed.target !== null && !parsed.placeholder) {
        const value = parsed.unit === '%' ? `${Math.round(parsed.target * 1e6) / 1e4}%` : `${parsed.target}${parsed.unit ?? ''}`;
        out.push(finding(this, r.index, 'target', { id: idOr(r), title: short(r.title), value }, 'inText'));
      } else out.push(finding(this, r.index, 'target', { id: idOr(r), title: short(r.title) }));
    }
    return out;
  },
};

const MULTI_OWNER_RE = /[、,，;；/／&＆+＋|｜]|\s(?:and|und|et)\s|[\u4e00-\u9fff]{2,}\s+[\u4e00-\u9fff]{2,}/i;

export const singleOwner: LintRule = {
  id: 'single-owner',
  severity: 'error',
  message: {
    'zh-CN': '关键结果 {id} 的负责人“{owner}”不止一人：每个关键结果只能有一位负责人',
    en: 'Key result {id} has more than one owner (“{owner}”): exactly one owner per key result',
  },
  variants: {
    missing: { 'zh-CN': '关键结果 {id} 没有负责人', en: 'Key result {id} has no owner' },
  },
  description: { 'zh-CN': '每个关键结果恰好一位负责人', en: 'Exactly one owner per key result' },
  check(t) {
    const out: Finding[] = [];
    for (const r of t.rows) {
      if (!isKr(r)) continue;
      if (!r.owner) out.push(finding(this, r.index, 'owner', { id: idOr(r) }, 'missing'));
      else if (MULTI_OWNER_RE.test(r.owner)) out.push(finding(this, r.index, 'owner', { id: idOr(r), owner: short(r.owner) }));
    }
    return out;
  },
};

export const dueInCycle: LintRule = {
  id: 'due-in-cycle',
  severity: 'warning',
  message: {
    'zh-CN': '{id} 的截止日期 {due} 早于周期开始 {start}',
    en: '{id} is due {due}, before the cycle starts ({start})',
  },
  variants: {
    after: {
      'zh-CN': '{id} 的截止日期 {due} 晚于周期结束 {end}，本周期无法评分',
      en: '{id} is due {due}, after the cycle ends ({end}): it cannot be scored this cycle',
    },
  },
  description: { 'zh-CN': '截止日期须在周期之内', en: 'Due dates fall inside the cycle' },
  check(t) {
    const s = dayNumber(t.header.cycleStart), e = dayNumber(t.header.cycleEnd);
    if (s === null && e === null) return [];
    const out: Finding[] = [];
    for (const r of t.rows) {
      const d = dayNumber(r.due);
      if (d === null) continue;
      const p = { id: idOr(r), due: r.due!, start: t.header.cycleStart ?? '', end: t.header.cycleEnd ?? '' };
      if (s !== null && d < s) out.push(finding(this, r.index, 'due', p));
      else if (e !== null && d > e) out.push(finding(this, r.index, 'due', p, 'after', 'error'));
    }
    return out;
  },
};

const TASK_VERB_ZH = /(完成|开展|组织|参与|协助|负责|推进|跟进|配合|支持|落实)/;
const TASK_VERB_EN = /\b(attend(?:s|ing)?|help(?:s|ing)?|assist(?:s|ing)?|support(?:s|ing)?|organi[sz](?:e|es|ing)|participat(?:e|es|ing)|work(?:s|ing)? on|follow(?:s|ing)? up|conduct(?:s|ing)?|complete|finish|carry out|take part)\b/i;
/** verbs that are pure activity even for a milestone (unlike 完成/complete) */
const WEAK_VERB = /(参与|协助|配合|跟进|负责|推进|支持)|\b(attend|help|assist|support|participate|work on|follow up|take part)/i;
const HAS_QUANTITY = /[0-9０-９%％]|[一二两三四五六七八九十百千万亿]+\s*(?:个|家|场|次|项|人|名|位|篇|条|款|套|门|期|倍|成)/;

export const resultsNotTasks: LintRule = {
  id: 'results-not-tasks',
  severity: 'warning',
  message: {
    'zh-CN': '“{title}”描述的是要做的事，而不是要达成的结果：写明可衡量的成果',
    en: '“{title}” describes an activity, not a result: state the measurable outcome',
  },
  description: { 'zh-CN': '关键结果写结果，不写任务', en: 'Key results are outcomes, not tasks' },
  check(t) {
    const out: Finding[] = [];
    for (const r of t.rows) {
      if (!isKr(r) || !r.title) continue;
      if (r.type === 'milestone') {
        if (!WEAK_VERB.test(r.title)) continue;
      } else {
        if (r.target !== null || HAS_QUANTITY.test(r.title)) continue;
        if (!TASK_VERB_ZH.test(r.title) && !TASK_VERB_EN.test(r.title)) continue;
      }
      out.push(finding(this, r.index, 'title', { id: idOr(r), title: short(r.title) }));
    }
    return out;
  },
};

const LONG_EFFECT_RE = /(年度|全年|年底|年末|年终|长期|整体|总体|多年|三年|五年|品牌影响力|口碑|企业文化)|\b(annual|yearly|year[- ]end|full[- ]year|long[- ]term|overall|lifetime|brand awareness|reputation|culture)\b/i;

export const longEffect: LintRule = {
  id: 'long-effect',
  severity: 'warning',
  message: {
    'zh-CN': '长效误区：“{title}”要到周期末甚至更久才能看到变化，请加一个周期内可跟踪的阶段性指标',
    en: 'Slow-moving KR: “{title}” shows no change until the cycle ends or later; add an interim measure you can track',
  },
  description: {
    'zh-CN': '长效误区：KR 变化过慢，周期内无法指导工作',
    en: 'Long-effect trap: a KR too slow to guide work during the cycle',
  },
  check(t) {
    const e = dayNumber(t.header.cycleEnd);
    const out: Finding[] = [];
    for (const r of t.rows) {
      if (!isKr(r) || r.type === 'milestone' || !r.title || r.current !== null) continue;
      if (!LONG_EFFECT_RE.test(r.title)) continue;
      const d = dayNumber(r.due);
      const interimDue = d !== null && e !== null && d < e;
      if (interimDue && r.target !== null) continue;
      out.push(finding(this, r.index, 'title', { id: idOr(r), title: short(r.title) }));
    }
    return out;
  },
};

const FINAL_TOTAL_RE = /(销售额|销售收入|营收|营业额|收入|利润|回款|业绩|成交额|流水|GMV)|\b(revenue|sales|profit|turnover|bookings|income|GMV|earnings)\b/i;

export const endGame: LintRule = {
  id: 'end-game',
  severity: 'warning',
  message: {
    'zh-CN': '终局误区：目标 {id} 的关键结果全是最终结果（如销售额），缺少过程/领先指标',
    en: 'End-game trap: every key result of {id} is a final total (such as revenue); add a leading indicator',
  },
  description: {
    'zh-CN': '终局误区：只盯最终结果，没有领先指标',
    en: 'End-game trap: only final totals, no leading KR',
  },
  check(t) {
    const out: Finding[] = [];
    for (const g of groups(t)) {
      if (g.krs.length === 0) continue;
      if (g.krs.every((k) => FINAL_TOTAL_RE.test(k.title))) out.push(finding(this, g.objective.index, 'title', { id: idOr(g.objective) }));
    }
    return out;
  },
};

const normRef = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/／/g, '/').toUpperCase();
const parentCache = new WeakMap<Set<string>, Set<string>>();

export const alignedParent: LintRule = {
  id: 'aligned-parent',
  severity: 'error',
  message: {
    'zh-CN': '{id} 对齐的上级“{parent}”不存在',
    en: '{id} aligns to “{parent}”, which does not exist',
  },
  description: { 'zh-CN': '对齐的上级目标必须存在', en: 'The parent an OKR aligns to must exist' },
  check(t, ctx) {
    if (!ctx.knownParents) return [];
    let known = parentCache.get(ctx.knownParents);
    if (!known) {
      known = new Set([...ctx.knownParents].map(normRef));
      parentCache.set(ctx.knownParents, known);
    }
    const out: Finding[] = [];
    for (const r of t.rows) {
      if (!r.alignsTo) continue;
      if (!known.has(normRef(r.alignsTo))) out.push(finding(this, r.index, 'alignsTo', { id: idOr(r), parent: short(r.alignsTo) }));
    }
    return out;
  },
};

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export const weightsTotal: LintRule = {
  id: 'weights-total',
  severity: 'error',
  message: {
    'zh-CN': '目标 {id} 的关键结果权重合计 {total}，应为 100%',
    en: 'Key result weights of {id} total {total}; they must total 100%',
  },
  variants: {
    blanksZero: {
      'zh-CN': '目标 {id} 已填权重合计 {total}，未填权重的关键结果将分不到权重',
      en: 'Weights of {id} already total {total}; key results with blank weights get nothing',
    },
  },
  description: { 'zh-CN': '一个目标内的权重合计 100%', en: 'Weights within an objective total 100%' },
  check(t) {
    const out: Finding[] = [];
    for (const g of groups(t)) {
      let sum = 0, given = 0, blanks = 0;
      for (const k of g.krs) {
        if (k.weight === null) blanks++;
        else {
          given++;
          sum += k.weight;
        }
      }
      if (given === 0) continue;
      const p = { id: idOr(g.objective), total: pct(sum) };
      if (blanks === 0 ? Math.abs(sum - 1) > 1e-6 : sum > 1 + 1e-6) out.push(finding(this, g.objective.index, 'weight', p));
      else if (blanks > 0 && sum >= 1 - 1e-6) out.push(finding(this, g.objective.index, 'weight', p, 'blanksZero'));
    }
    return out;
  },
};

const PLACEHOLDER_RE = /(?<![A-Za-z])[xX]{2,}(?![A-Za-z])|(?<![A-Za-z])[xXnN]\s*[%％](?![A-Za-z])|(?<![A-Za-z])X(?=\s*[万亿千百元个家次天])|某(?!些|种|方面)|_{2,}|＿+|\?{2,}|？{2,}|\*\s*[%％]|（\s*）|\(\s*\)|【[^】]*待[^】]*】|\[(?:TBD|TODO)\]|\bTBD\b|待定/;
const PLACEHOLDER_COLS: ColumnKey[] = ['title', 'owner', 'start', 'target', 'current', 'unit', 'due'];

export const placeholder: LintRule = {
  id: 'placeholder',
  severity: 'error',
  message: {
    'zh-CN': '{id} 还留有占位符“{text}”，请填上实际内容',
    en: '{id} still has the placeholder “{text}”: fill in the real value',
  },
  description: { 'zh-CN': '模板占位符（xx、XXXX、某）必须替换', en: 'Template placeholders (xx, XXXX, TBD) must be replaced' },
  check(t) {
    const out: Finding[] = [];
    for (const r of t.rows) {
      for (const c of PLACEHOLDER_COLS) {
        const v = r.raw[c];
        if (typeof v !== 'string') continue;
        const m = PLACEHOLDER_RE.exec(v);
        if (m) out.push(finding(this, r.index, c, { id: idOr(r), text: m[0], column: c }));
      }
    }
    return out;
  },
};

export const bottomUpShare: LintRule = {
  id: 'bottom-up-share',
  severity: 'info',
  message: {
    'zh-CN': '只有 {share} 的目标是自下而上提出的，建议至少 60%',
    en: 'Only {share} of objectives are bottom-up; aim for at least 60%',
  },
  description: { 'zh-CN': '60% 以上的目标应自下而上提出', en: 'At least 60% of objectives should come bottom-up' },
  check(t) {
    if (t.header.level === 'company') return []; // the top level has nobody above it to cascade from
    let known = 0, up = 0;
    for (const g of groups(t)) {
      const s = g.objective.source;
      if (s === null) continue;
      known++;
      if (s === 'bottomUp') up++;
    }
    if (known === 0 || up / known >= BOTTOM_UP_SHARE - 1e-9) return [];
    return [finding(this, null, 'source', { share: pct(up / known), count: up, total: known })];
  },
};

export const agreed: LintRule = {
  id: 'agreed',
  severity: 'warning',
  message: {
    'zh-CN': '{id} 尚未达成共识：目标须 100% 协商同意',
    en: '{id} is not agreed yet: every objective must be agreed, not imposed',
  },
  description: { 'zh-CN': '100% 的目标经协商同意', en: '100% of objectives agreed' },
  check(t) {
    const out: Finding[] = [];
    for (const r of t.rows) {
      if (!('agreed' in r.raw) || r.agreed === true) continue;
      if (r.type !== 'objective') continue;
      out.push(finding(this, r.index, 'agreed', { id: idOr(r) }));
    }
    return out;
  },
};

export const duplicateId: LintRule = {
  id: 'duplicate-id',
  severity: 'error',
  // params.first: index (in table.rows) of the row that uses the ID first
  message: { 'zh-CN': '编号 {id} 重复：表中已有同样的编号', en: 'ID {id} is used more than once in the sheet' },
  description: { 'zh-CN': '编号在表内唯一', en: 'IDs are unique in the sheet' },
  check(t) {
    const seen = new Map<string, number>();
    const out: Finding[] = [];
    for (const r of t.rows) {
      if (!r.id) continue;
      const k = r.id.toUpperCase();
      const first = seen.get(k);
      if (first === undefined) seen.set(k, r.index);
      else out.push(finding(this, r.index, 'id', { id: r.id, first }));
    }
    return out;
  },
};

export const orphanKr: LintRule = {
  id: 'orphan-kr',
  severity: 'error',
  message: {
    'zh-CN': '关键结果 {id} 不计入任何目标：表格只统计放在目标下方、编号以该目标编号加“.”开头的行（如 O1 下的 O1.KR1）',
    en: 'Key result {id} counts for no objective: the sheet counts rows below an objective whose ID starts with its ID and a dot (O1.KR1 under O1)',
  },
  description: { 'zh-CN': '每个关键结果属于一个目标', en: 'Every key result belongs to an objective' },
  check(t) {
    return groupObjectives(t).orphans.map((r) => finding(this, r.index, 'id', { id: idOr(r) }));
  },
};

export const decreaseNoStart: LintRule = {
  id: 'decrease-no-start',
  severity: 'error',
  message: {
    'zh-CN': '降低型关键结果 {id} 缺少起始值，无法计算进度',
    en: 'Decrease key result {id} has no start value, so progress cannot be computed',
  },
  description: { 'zh-CN': '降低型 KR 必须有起始值', en: 'A decrease KR needs a start value' },
  check(t) {
    const out: Finding[] = [];
    for (const r of t.rows) {
      if (r.type === 'decrease' && r.start === null && isBlankRaw(r.raw.start)) out.push(finding(this, r.index, 'start', { id: idOr(r) }));
    }
    return out;
  },
};

const NUMBER_COLS: ColumnKey[] = ['start', 'target', 'current', 'weight', 'confidence', 'selfScore', 'managerScore'];

export const unreadableNumber: LintRule = {
  id: 'unreadable-number',
  severity: 'error',
  message: {
    'zh-CN': '{id} 的“{column}”无法识别为数字：“{text}”',
    en: '{id}: “{text}” in {column} is not a number',
  },
  variants: {
    date: { 'zh-CN': '{id} 的“{column}”无法识别为日期：“{text}”', en: '{id}: “{text}” in {column} is not a date' },
    // text that reads as a date: the Status formula (ISNUMBER) sees no date, so no overdue
    dateText: {
      'zh-CN': '{id} 的“{column}”是文字“{text}”，表格公式不会把它当作日期（不会显示逾期）：请改填日期 {date}',
      en: '{id}: {column} holds the text “{text}”, which the sheet\'s formulas do not read as a date (no overdue status): enter the date {date}',
    },
    // a milestone's Current in words (`done`, `完成`): the formula reads it as 0
    milestone: {
      'zh-CN': '{id} 的“{column}”是文字“{text}”，表格公式按 0（未完成）计算：里程碑完成请勾选（TRUE）或填 1，部分完成填比例（如 0.5）',
      en: '{id}: “{text}” in {column} counts as 0 (not done) in the sheet\'s formulas: tick the box (TRUE) or enter 1 when the milestone is done, or a share such as 0.5',
    },
    // a date where a number belongs (a snapshot holds a date cell as its ISO day)
    dateNumber: {
      'zh-CN': '{id} 的“{column}”是日期 {text}，不是此列需要的数字（表格公式会把日期当作序号 {serial} 计算）：请填写数字',
      en: '{id}: {column} holds the date {text}, not the number this column needs (the sheet\'s formulas count a date as its serial number {serial}): enter a number',
    },
    // a checkbox where a number belongs: Progress reads Start as N(TRUE) = 1, the other columns as no number
    boolean: {
      'zh-CN': '{id} 的“{column}”是勾选框的值 {text}，不是数字（表格公式把起始值中的 TRUE 当作 1，其他列当作空）：请填写数字',
      en: '{id}: {column} holds {text} (a checkbox), not a number (the formulas read TRUE in Start as 1, elsewhere as blank): enter a number',
    },
  },
  description: { 'zh-CN': '数字列和日期列须能识别', en: 'Number and date columns must be readable' },
  check(t) {
    const out: Finding[] = [];
    for (const r of t.rows) {
      for (const c of NUMBER_COLS) {
        const v = r.raw[c];
        if (isBlankRaw(v)) continue;
        // TRUE / FALSE is a milestone's Current; anywhere else it is no number the user meant
        if (typeof v === 'boolean') {
          if (c !== 'current' && r.id) out.push(finding(this, r.index, c, { id: idOr(r), column: c, text: v ? 'TRUE' : 'FALSE' }, 'boolean'));
          continue;
        }
        // text that reads as a number is number-as-text's finding
        if (r[c as 'start'] !== null || (typeof v === 'string' ? parseNumberText(v) : parseNumber(v)).ok) continue;
        const p = { id: idOr(r), column: c, text: short(String(v), 30) };
        const serial = typeof v === 'string' ? isoSerial(v) : null;
        if (serial !== null) out.push(finding(this, r.index, c, { ...p, serial }, 'dateNumber'));
        else out.push(c === 'current' && r.type === 'milestone' ? finding(this, r.index, c, p, 'milestone') : finding(this, r.index, c, p));
      }
      const d = r.raw.due;
      if (!isBlankRaw(d) && r.due === null) {
        const would = parseDate(d);
        const p = { id: idOr(r), column: 'due', text: short(String(d), 30) };
        out.push(would ? finding(this, r.index, 'due', { ...p, date: would }, 'dateText') : finding(this, r.index, 'due', p, 'date'));
      }
    }
    return out;
  },
};

/** The spreadsheet serial number (days since 1899-12-30) of an ISO day, else null. */
function isoSerial(v: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (!m || parseDate(v) === null) return null;
  return (Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) - Date.UTC(1899, 11, 30)) / 86400000;
}

/**
 * An ID with spaces around it (issue 16 §4): core reads IDs trimmed, but the sheet's objective
 * formulas compare the ID cell as typed (`LEFT(id, LEN(O1)+1) = "O1."`), so ` O1.KR2` counts for
 * no objective there, `O1 ` finds none of its KRs, and an ID of spaces makes a row a key result
 * to the sheet while core sees no ID. Said at the ID cell; removing the spaces makes them agree.
 */
export const idSpaces: LintRule = {
  id: 'id-spaces',
  severity: 'error',
  message: {
    'zh-CN': '编号“{text}”前后有空格：表格公式按原样比较编号，此行的进度可能不计入其目标：请删除空格',
    en: 'The ID “{text}” has spaces around it: the sheet\'s formulas compare IDs as typed, so this row may not count for its objective: remove the spaces',
  },
  description: { 'zh-CN': '编号前后不能有空格', en: 'IDs without surrounding spaces' },
  check(t) {
    const out: Finding[] = [];
    for (const r of t.rows) {
      const v = r.raw.id;
      if (typeof v === 'string' && v !== '' && v !== v.trim()) out.push(finding(this, r.index, 'id', { id: idOr(r), text: short(v.replace(/\s/g, '␣'), 30) }));
    }
    return out;
  },
};

/** `5000000`, `0.8 (80%)`: how a number-as-text finding shows the number the text would be. */
function shownNumber(value: number, percent: boolean): string {
  const v = Number(value.toPrecision(12));
  return percent ? `${v} (${Number((v * 100).toPrecision(12))}%)` : String(v);
}

/**
 * Text in a number cell (issue 10, "one number"): `500万`, `1.2亿`, `¥2,000,000`, `８０％`, `2.5k`
 * typed as text. The sheet's formulas read text as no number (N() = 0, ISNUMBER() false), and so
 * does core — this finding says so at the cell, with the number the text would be, so that the
 * user converts it (the sidebar can do it in one click) instead of any view guessing.
 */
export const numberAsText: LintRule = {
  id: 'number-as-text',
  severity: 'error',
  message: {
    'zh-CN': '{id} 的“{column}”是文字“{text}”，表格公式不会把它当作数字：请改填数字 {value}{unit}',
    en: '{id}: {column} holds the text “{text}”, which the sheet\'s formulas do not read as a number: enter the number {value}{unit}',
  },
  variants: {
    // the row's Unit has a multiplier (万元): the number to type is the amount counted in it
    inUnit: {
      'zh-CN': '{id} 的“{column}”是文字“{text}”，表格公式不会把它当作数字：请改填数字 {value}（本行单位是“{rowUnit}”）',
      en: '{id}: {column} holds the text “{text}”, which the sheet\'s formulas do not read as a number: enter the number {value} (the row\'s unit is {rowUnit})',
    },
  },
  description: {
    'zh-CN': '数字列须填数字：文字形式的数字（如 500万）在表格公式中按 0 / 空计算',
    en: 'Number columns need numbers: a number typed as text (e.g. 500万) counts as 0 / blank in the formulas',
  },
  // the cells come from convertNumbers.ts, so the sidebar's "convert" writes exactly these numbers
  check(t) {
    return textNumberCells(t).map((c) => {
      const unit = c.unit ? `（${c.unit}）` : '';
      const params = { id: idOr(c.row), column: c.column, text: short(c.text, 30), value: shownNumber(c.value, c.percent), unit, number: c.value };
      return c.inUnit ? finding(this, c.row.index, c.column, { ...params, rowUnit: c.inUnit }, 'inUnit') : finding(this, c.row.index, c.column, params);
    });
  },
};

const ID_LESS_INPUTS: ColumnKey[] = ['type', 'title', 'owner', 'start', 'target', 'current', 'weight', 'due', 'confidence', 'selfScore'];

/**
 * A row without an ID is not a key result anywhere (issue 10): the sheet's formulas leave it out
 * of every objective and show no progress for it, and so does core. A value typed there (a
 * number in a spare row below the table) is reported at its cell so it is not silently lost.
 */
export const noId: LintRule = {
  id: 'no-id',
  severity: 'warning',
  message: {
    'zh-CN': '第 {n} 行没有编号，“{column}”中的“{text}”不会计入任何目标：请填写编号（如 O1.KR3），或删除该值',
    en: 'Row {n} has no ID, so “{text}” in {column} counts for no objective: give it an ID (e.g. O1.KR3) or clear it',
  },
  description: { 'zh-CN': '没有编号的行不是关键结果', en: 'A row without an ID is not a key result' },
  check(t) {
    const out: Finding[] = [];
    for (const r of t.rows) {
      if (r.id) continue;
      const c = ID_LESS_INPUTS.find((k) => !isBlankRaw(r.raw[k]) && r.raw[k] !== false);
      if (!c) continue;
      const severity = r.type !== null || r.title ? 'error' : 'warning';
      out.push(finding(this, r.index, c, { n: r.index + 1, column: c, text: short(String(r.raw[c]), 30) }, undefined, severity));
    }
    return out;
  },
};

/**
 * Rubric KRs (评分标准): the Rubric cell must be a form the sheet's Score formula reads
 * (rubric.ts): `≥2000:1; ≥1500:0.7; ≥1000:0.3`. Anything else would score differently from what
 * the owner wrote, so it is an error at that cell, naming the step that does not read.
 */
export const rubricUnreadable: LintRule = {
  id: 'rubric-unreadable',
  severity: 'error',
  message: {
    'zh-CN': '{id} 的评分标准中“{step}”无法识别：每一档写成 ≥数值:得分（越低越好用 ≤），用“;”分隔，如 ≥2000:1; ≥1500:0.7; ≥1000:0.3',
    en: '{id}: the rubric step “{step}” cannot be read: write each step as ≥value:score (≤ when lower is better), separated by “;”, e.g. ≥2000:1; ≥1500:0.7; ≥1000:0.3',
  },
  variants: {
    empty: { 'zh-CN': '评分标准型关键结果 {id} 没有填写评分标准，得分为 0：如 ≥2000:1; ≥1500:0.7; ≥1000:0.3', en: 'Rubric key result {id} has no rubric, so it scores 0: e.g. ≥2000:1; ≥1500:0.7; ≥1000:0.3' },
    tooMany: { 'zh-CN': '{id} 的评分标准超过 {max} 档，表格只读取前 {max} 档', en: '{id}: the rubric has more than {max} steps; the sheet reads the first {max} only' },
    tooLong: { 'zh-CN': '{id} 的评分标准超过 {len} 个字符，表格公式无法可靠读取', en: '{id}: the rubric is longer than {len} characters, which the sheet\'s formula cannot read reliably' },
    mixed: { 'zh-CN': '{id} 的评分标准混用了 ≥ 和 ≤（“{step}”）：同一标准只用一个方向', en: '{id}: the rubric mixes ≥ and ≤ (“{step}”): use one direction' },
    unused: { 'zh-CN': '{id} 填写了评分标准，但类型不是“评分标准”，得分不会按它计算', en: '{id} has a rubric but its type is not Rubric, so its score does not follow it' },
  },
  description: { 'zh-CN': '评分标准须能被表格公式读取', en: 'A rubric must be readable by the sheet\'s formula' },
  check(t) {
    const out: Finding[] = [];
    for (const r of t.rows) {
      const text = r.rubric ?? '';
      if (r.type !== 'rubric') {
        if (text && r.id && r.type !== null) out.push(finding(this, r.index, 'rubric', { id: idOr(r) }, 'unused', 'warning'));
        continue;
      }
      if (!r.id) continue;
      const p = parseRubric(text);
      if (p.ok) continue;
      const params = { id: idOr(r), step: short(p.step ?? '', 30), max: RUBRIC_MAX_STEPS, len: RUBRIC_MAX_LENGTH };
      out.push(finding(this, r.index, 'rubric', params, p.error === 'step' ? undefined : p.error));
    }
    return out;
  },
};

/**
 * A row planned as another KR type carries a Score formula without the rubric branch (issue 16
 * §5 keeps each row's formula to its own type); if its Type is then changed to Rubric, the sheet
 * keeps scoring it linearly while core scores it by the rubric. Caught from the Score cell the
 * sheet computed: it equals the linear score and not the rubric's step. A spare row carries
 * every branch, so copying its Score cell into the row mends it.
 */
export const rubricScoreFormula: LintRule = {
  id: 'rubric-score-formula',
  severity: 'warning',
  message: {
    'zh-CN': '{id} 的类型是“评分标准”，但本行的得分公式是为其他类型写的：表格显示 {sheet}，按评分标准应为 {rubric}。请从空白行复制“得分”单元格到本行（或重新插入该行）',
    en: '{id} is a Rubric KR, but this row\'s Score formula was written for another type: the sheet shows {sheet}, the rubric gives {rubric}. Copy the Score cell of a spare row into this row (or insert the row again)',
  },
  description: { 'zh-CN': '评分标准型关键结果的得分公式须读取评分标准', en: 'A rubric KR\'s Score formula must read its rubric' },
  check(t, ctx) {
    const out: Finding[] = [];
    const spec = scaleSpec(ctx.settings);
    for (const r of t.rows) {
      if (r.type !== 'rubric' || !r.id || r.selfScore !== null) continue;
      const shown = r.raw.score, progress = r.raw.progress;
      if (typeof shown !== 'number' || typeof progress !== 'number' || !parseRubric(r.rubric ?? '').ok) continue;
      const byRubric = rubricScoreAsSheet(r.rubric ?? '', r.current);
      const linear = cellFromShare(progress, spec);
      if (Math.abs(shown - byRubric) > 1e-9 && Math.abs(shown - linear) <= 1e-9) {
        out.push(finding(this, r.index, 'score', { id: idOr(r), sheet: shown, rubric: byRubric }));
      }
    }
    return out;
  },
};

export const confidenceRange: LintRule = {
  id: 'confidence-range',
  severity: 'warning',
  message: {
    'zh-CN': '{id} 的信心指数 {value} 超出 1–10',
    en: '{id}: confidence {value} is outside 1–10',
  },
  description: { 'zh-CN': '信心指数取 1–10', en: 'Confidence is 1–10' },
  check(t) {
    const out: Finding[] = [];
    for (const r of t.rows) {
      const c = r.confidence;
      if (c !== null && (c < 1 || c > 10)) out.push(finding(this, r.index, 'confidence', { id: idOr(r), value: c }));
    }
    return out;
  },
};

export const selfScoreRange: LintRule = {
  id: 'self-score-range',
  severity: 'error',
  message: {
    'zh-CN': '{id} 的自评分 {value} 超出 {range}（例如 {example}）',
    en: '{id}: self-score {value} is outside {range} (e.g. {example})',
  },
  variants: {
    decimals: {
      'zh-CN': '{id} 的自评分 {value} 请只保留一位小数（如 0.7）',
      en: '{id}: self-score {value} should have one decimal (e.g. 0.7)',
    },
  },
  description: { 'zh-CN': '自评分在评分刻度之内（0–1 保留一位小数）', en: 'Self-score within the score scale (0–1: one decimal)' },
  check(t, ctx) {
    const out: Finding[] = [];
    const range = scoreRange(ctx.settings);
    for (const r of t.rows) {
      const s = r.selfScore;
      if (s === null) continue;
      if (s < range.min || s > range.max + 1e-9) out.push(finding(this, r.index, 'selfScore', { id: idOr(r), value: typedText(s, range.scale), range: range.text, example: SCALE_EXAMPLE[range.scale] }));
      // one decimal is the 0–1 scale's convention (the Score cell shows one); 0–100 and % take whole numbers
      else if (range.scale === '0-1' && Math.abs(s * 10 - Math.round(s * 10)) > 1e-9) out.push(finding(this, r.index, 'selfScore', { id: idOr(r), value: s }, 'decimals', 'warning'));
    }
    return out;
  },
};

/** A typical score in each scale, for messages. */
const SCALE_EXAMPLE = { '0-1': '0.7', '0-100': '70', percent: '70%' } as const;
/** A score cell's value as the person typed it (a percent-scale cell holds 0.7 for 70%). */
const typedText = (v: number, scale: keyof typeof SCALE_EXAMPLE) => (scale === 'percent' ? `${Number((v * 100).toFixed(6))}%` : String(v));

/**
 * The grading round (issue 14 §3): the manager's score is typed in the workbook's scale like the
 * self-score — 0–1, 0–100 or 0–100% (up to the over-achievement cap when it allows more). A value
 * outside would make the Final score cell and every view show a score the scale cannot hold.
 */
export const managerScoreRange: LintRule = {
  id: 'manager-score-range',
  severity: 'error',
  message: {
    'zh-CN': '{id} 的上级评分 {value} 超出 {range}（例如 {example}）',
    en: '{id}: manager score {value} is outside {range} (e.g. {example})',
  },
  description: { 'zh-CN': '上级评分在评分刻度之内', en: 'Manager score within the score scale' },
  check(t, ctx) {
    const out: Finding[] = [];
    const range = scoreRange(ctx.settings);
    for (const r of t.rows) {
      const m = r.managerScore;
      if (m === null || m === undefined) continue;
      if (m < range.min || m > range.max + 1e-9) {
        out.push(finding(this, r.index, 'managerScore', { id: idOr(r), value: typedText(m, range.scale), range: range.text, example: SCALE_EXAMPLE[range.scale] }));
      }
    }
    return out;
  },
};

/** All rules, in the order findings are reported. */
export const RULES: readonly LintRule[] = [
  maxObjectives, krCount, krMeasurable, singleOwner, dueInCycle, resultsNotTasks, longEffect, endGame,
  alignedParent, weightsTotal, placeholder, bottomUpShare, agreed, duplicateId, orphanKr, idSpaces,
  decreaseNoStart, unreadableNumber, numberAsText, noId, rubricUnreadable, confidenceRange, selfScoreRange,
  managerScoreRange, rubricScoreFormula,
];
