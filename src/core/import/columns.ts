/**
 * Column meaning from a header cell, Chinese or English, in any wording teams use in their own
 * OKR tables (`| KR | 描述 | 完成标准 | 权重 |`, `Objective | Key Result | Owner | Grade`). Shared
 * by pasted tables and "adopt this sheet". Exact words first, then the longest contained word, so
 * 目标值 is a target and 目标 an objective.
 */
import type { Localized } from '../i18n';
import { toHalfWidth } from '../numbers';

export type ColumnRole =
  | 'id'
  | 'type'
  | 'objective'
  | 'kr'
  | 'okr' // one text column holding objective rows and KR rows
  | 'title' // text of the row (描述 / description) when the KR column holds only IDs
  | 'owner'
  | 'start'
  | 'target'
  | 'current'
  | 'unit'
  | 'weight'
  | 'due'
  | 'criteria'
  | 'score'
  | 'progress'
  | 'confidence'
  | 'status'
  | 'notes';

// Normalised words (lower case, half-width, no spaces or punctuation), most specific first.
const WORDS: [ColumnRole, string[]][] = [
  ['okr', ['objectivesandkeyresults', 'objectiveskeyresults', 'objectivekeyresult', 'objectivesandkrs', 'okrs', 'okr', '目标关键结果', '目标和关键结果', 'okr内容']],
  ['target', ['目标值', '目标数值', '指标值', 'targetvalue', 'target', 'goalvalue']],
  ['start', ['起始值', '初始值', '基线值', '基线', '基准值', 'baseline', 'start', 'startvalue', 'from']],
  ['current', ['当前值', '实际值', '现值', '完成值', '实际完成', '当前进展值', 'current', 'actual', 'currentvalue', 'actualvalue']],
  ['criteria', ['完成标准', '衡量标准', '验收标准', '评价标准', '考核标准', '衡量方式', '标准', 'criteria', 'successcriteria', 'definitionofdone', 'measure', 'metric', 'howmeasured']],
  ['kr', ['关键结果', '关键成果', 'keyresults', 'keyresult', 'krs', 'kr']],
  ['objective', ['目标(o)', 'objectives', 'objective', 'goal', 'goals', '目标', 'o']],
  ['id', ['编号', '序号', 'id', 'no', 'number', '#', '编码']],
  ['type', ['类型', '类别', 'type', 'krtype', 'kind']],
  ['title', ['描述', '内容', '标题', '名称', '事项', 'description', 'title', 'name', 'details', 'detail']],
  ['owner', ['负责人', '责任人', '执行人', '承担人', 'owner', 'owners', 'assignee', 'dri', 'who', 'lead', 'responsible']],
  ['unit', ['单位', 'unit', 'units']],
  ['weight', ['权重', '占比', 'weight', 'weighting', 'weights']],
  ['due', ['截止日期', '截止时间', '完成时间', '完成日期', '截止', '期限', '时间节点', '时间', 'duedate', 'due', 'deadline', 'by', 'when', 'date', 'targetdate']],
  ['score', ['得分', '评分', '分数', '自评分', '自评', '打分', 'score', 'grade', 'selfscore', 'finalscore', 'rating']],
  ['progress', ['进度', '完成度', '完成率', '进展', 'progress', 'complete', '%complete', 'percentcomplete']],
  ['confidence', ['信心指数', '信心', 'confidence']],
  ['status', ['状态', 'status', 'health']],
  ['notes', ['备注', '说明', '附注', 'notes', 'note', 'comments', 'comment', 'remarks']],
];

export const ROLE_NAMES: Record<ColumnRole, Localized> = {
  id: { 'zh-CN': '编号', en: 'ID' },
  type: { 'zh-CN': '类型', en: 'type' },
  objective: { 'zh-CN': '目标', en: 'objective' },
  kr: { 'zh-CN': '关键结果', en: 'key result' },
  okr: { 'zh-CN': '目标与关键结果', en: 'objectives and key results' },
  title: { 'zh-CN': '关键结果内容', en: 'key result text' },
  owner: { 'zh-CN': '负责人', en: 'owner' },
  start: { 'zh-CN': '起始值', en: 'start' },
  target: { 'zh-CN': '目标值', en: 'target' },
  current: { 'zh-CN': '当前值', en: 'current' },
  unit: { 'zh-CN': '单位', en: 'unit' },
  weight: { 'zh-CN': '权重', en: 'weight' },
  due: { 'zh-CN': '截止日期', en: 'due' },
  criteria: { 'zh-CN': '完成标准', en: 'criteria' },
  score: { 'zh-CN': '评分', en: 'score' },
  progress: { 'zh-CN': '进度', en: 'progress' },
  confidence: { 'zh-CN': '信心指数', en: 'confidence' },
  status: { 'zh-CN': '状态', en: 'status' },
  notes: { 'zh-CN': '备注', en: 'notes' },
};

export function normHeader(cell: unknown): string {
  if (typeof cell !== 'string' && typeof cell !== 'number') return '';
  return toHalfWidth(String(cell))
    .toLowerCase()
    .replace(/\*\*|__/g, '')
    .replace(/[（【[]/g, '(')
    .replace(/[）】\]]/g, ')')
    .replace(/[\s:：._\-–—'’"“”、&+/|]+/g, '')
    .trim();
}

/** The role a header cell names, or null. Only short cells count: a long cell is data. */
export function roleOfHeader(cell: unknown): ColumnRole | null {
  const n = normHeader(cell);
  if (!n || n.length > 24) return null;
  const bare = n.replace(/[()]/g, '');
  for (const [role, words] of WORDS) if (words.includes(n) || words.includes(bare)) return role;
  // `关键结果(KR)`, `Key Result 描述`, `目标(O)`: the longest contained word of at least 2 letters.
  let best: { role: ColumnRole; len: number } | null = null;
  for (const [role, words] of WORDS) {
    for (const w of words) {
      if (w.length < 2 || w.length <= (best?.len ?? 0)) continue;
      if (bare.includes(w)) best = { role, len: w.length };
    }
  }
  return best && best.len * 2 >= Math.min(bare.length, 8) ? best.role : null;
}
