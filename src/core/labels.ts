/**
 * Every label a workbook shows or a reader must recognise, in both languages. The writer uses
 * the first label of the chosen language; the reader accepts any alias of either language, so a
 * zh-CN reader opens an English sheet and users may retitle columns within reason.
 */
import type { Lang, Localized } from './i18n';
import type { ColumnKey, KrType, Level, RowType, Source, Status, Grade } from './model';

type Labels = { 'zh-CN': string[]; en: string[] };

export const COLUMN_LABELS: Record<ColumnKey, Labels> = {
  id: { 'zh-CN': ['编号', 'ID'], en: ['ID', 'No.'] },
  type: { 'zh-CN': ['类型'], en: ['Type'] },
  title: { 'zh-CN': ['目标 / 关键结果', '内容', '标题', '目标/关键结果'], en: ['Objective / Key result', 'Title', 'Objective/Key result'] },
  owner: { 'zh-CN': ['负责人'], en: ['Owner'] },
  alignsTo: { 'zh-CN': ['对齐', '对齐到', '上级目标'], en: ['Aligns to', 'Aligned to', 'Parent'] },
  source: { 'zh-CN': ['来源'], en: ['Source'] },
  agreed: { 'zh-CN': ['已共识', '共识'], en: ['Agreed'] },
  start: { 'zh-CN': ['起始值', '基线', '初始值'], en: ['Start', 'Baseline'] },
  target: { 'zh-CN': ['目标值'], en: ['Target'] },
  current: { 'zh-CN': ['当前值', '现值'], en: ['Current'] },
  unit: { 'zh-CN': ['单位'], en: ['Unit'] },
  weight: { 'zh-CN': ['权重'], en: ['Weight'] },
  due: { 'zh-CN': ['截止日期', '截止', '期限'], en: ['Due', 'Due date', 'Deadline'] },
  confidence: { 'zh-CN': ['信心指数', '信心'], en: ['Confidence'] },
  progress: { 'zh-CN': ['进度'], en: ['Progress'] },
  selfScore: { 'zh-CN': ['自评分', '自评'], en: ['Self-score', 'Self score'] },
  score: { 'zh-CN': ['得分', '评分'], en: ['Score'] },
  status: { 'zh-CN': ['状态'], en: ['Status'] },
  bar: { 'zh-CN': ['进度条'], en: ['Bar', 'Progress bar'] },
  notes: { 'zh-CN': ['备注'], en: ['Notes'] },
  rubric: { 'zh-CN': ['评分标准'], en: ['Rubric'] },
  managerScore: { 'zh-CN': ['上级评分'], en: ['Manager score'] },
  finalScore: { 'zh-CN': ['最终得分'], en: ['Final score'] },
  comment: { 'zh-CN': ['评语'], en: ['Comment'] },
  trend: { 'zh-CN': ['趋势', '走势'], en: ['Trend'] },
};

/** Dropdown values of the Type column. */
export const ROW_TYPE_LABELS: Record<RowType, Labels> = {
  objective: { 'zh-CN': ['目标', 'O'], en: ['Objective', 'O'] },
  increase: { 'zh-CN': ['提升'], en: ['Increase'] },
  decrease: { 'zh-CN': ['降低'], en: ['Decrease'] },
  atLeast: { 'zh-CN': ['不低于', '至少'], en: ['At least'] },
  atMost: { 'zh-CN': ['不高于', '至多'], en: ['At most'] },
  milestone: { 'zh-CN': ['里程碑'], en: ['Milestone'] },
  rubric: { 'zh-CN': ['评分标准'], en: ['Rubric'] },
};

export const SOURCE_LABELS: Record<Source, Labels> = {
  topDown: { 'zh-CN': ['自上而下'], en: ['Top-down'] },
  bottomUp: { 'zh-CN': ['自下而上'], en: ['Bottom-up'] },
};

export const LEVEL_LABELS: Record<Level, Labels> = {
  company: { 'zh-CN': ['公司'], en: ['Company'] },
  department: { 'zh-CN': ['部门'], en: ['Department'] },
  team: { 'zh-CN': ['团队'], en: ['Team'] },
  individual: { 'zh-CN': ['个人'], en: ['Individual'] },
};

export const STATUS_LABELS: Record<Status, Localized> = {
  notStarted: { 'zh-CN': '未开始', en: 'Not started' },
  onTrack: { 'zh-CN': '正常', en: 'On track' },
  atRisk: { 'zh-CN': '有风险', en: 'At risk' },
  offTrack: { 'zh-CN': '落后', en: 'Off track' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  overdue: { 'zh-CN': '已逾期', en: 'Overdue' },
};

export const GRADE_LABELS: Record<Grade, Localized> = {
  red: { 'zh-CN': '红（未达预期）', en: 'Red (missed)' },
  yellow: { 'zh-CN': '黄（有进展）', en: 'Yellow (progress)' },
  green: { 'zh-CN': '绿（达成）', en: 'Green (delivered)' },
};

/** Labels of the header block above the table. `elapsed` (time elapsed, a formula the Status
 *  column reads) is recognised as a label so that no value is taken from it, and is ignored. */
export type HeaderKey = 'unit' | 'level' | 'owner' | 'cycle' | 'cycleStart' | 'cycleEnd' | 'alignedTo' | 'asOf' | 'elapsed' | 'overallScore' | 'today';
export const HEADER_LABELS: Record<HeaderKey, Labels> = {
  unit: { 'zh-CN': ['单元', '部门/团队'], en: ['Unit'] },
  level: { 'zh-CN': ['层级'], en: ['Level'] },
  owner: { 'zh-CN': ['负责人'], en: ['Owner'] },
  cycle: { 'zh-CN': ['周期'], en: ['Cycle'] },
  cycleStart: { 'zh-CN': ['开始日期'], en: ['Cycle start'] },
  cycleEnd: { 'zh-CN': ['结束日期'], en: ['Cycle end'] },
  alignedTo: { 'zh-CN': ['上级'], en: ['Aligned to'] },
  asOf: { 'zh-CN': ['统计日期'], en: ['As of'] },
  elapsed: { 'zh-CN': ['时间进度'], en: ['Time elapsed'] },
  /** the unit's score (score.ts unitScore), a formula; like `elapsed`, recognised and ignored */
  overallScore: { 'zh-CN': ['总分'], en: ['Overall score'] },
  /** the day the formulas count as today (As of, else TODAY()): one volatile cell, read by every
   *  Status formula for "overdue"; recognised and ignored like `elapsed` */
  today: { 'zh-CN': ['计算日'], en: ['Counted as of'] },
};

export type SheetRole = 'okr' | 'checkins' | 'actions' | 'settings' | 'review' | 'dashboard' | 'roster' | 'alignment' | 'registry' | 'templates' | 'evaluation';
export const SHEET_NAMES: Record<SheetRole, Localized> = {
  okr: { 'zh-CN': 'OKR', en: 'OKR' },
  checkins: { 'zh-CN': '进展更新', en: 'Check-ins' },
  actions: { 'zh-CN': '行动计划', en: 'Actions' },
  settings: { 'zh-CN': '设置', en: 'Settings' },
  review: { 'zh-CN': '复盘', en: 'Review' },
  dashboard: { 'zh-CN': '仪表盘', en: 'Dashboard' },
  roster: { 'zh-CN': '组织名单', en: 'Roster' },
  alignment: { 'zh-CN': '对齐地图', en: 'Alignment map' },
  // HR's hub (distribution across files, src/core/distribution)
  registry: { 'zh-CN': '单元登记表', en: 'Units registry' },
  templates: { 'zh-CN': '公司模板', en: 'Templates' },
  // the 360 evaluation of a cycle (src/core/evaluation)
  evaluation: { 'zh-CN': '360评估', en: 'Evaluation' },
};

/** A role our metadata may carry (`okrSheets.role`), as every snapshot reader checks it. */
export const isSheetRole = (value: string): value is SheetRole => Object.prototype.hasOwnProperty.call(SHEET_NAMES, value);

/** The label a writer uses. */
export function label(labels: Labels, lang: Lang): string {
  return labels[lang][0]!;
}

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();

/** Finds the key whose labels (either language) match `text`; null if none. */
export function matchLabel<K extends string>(table: Record<K, Labels>, text: unknown): K | null {
  if (typeof text !== 'string' && typeof text !== 'number') return null;
  const n = norm(String(text));
  if (!n) return null;
  for (const key of Object.keys(table) as K[]) {
    const l = table[key];
    if (l['zh-CN'].some((x) => norm(x) === n) || l.en.some((x) => norm(x) === n)) return key;
  }
  return null;
}

export const isKrType = (t: RowType | null): t is KrType => t !== null && t !== 'objective';

/** Rows of the Settings sheet (label in column A, value in column B). */
export type SettingKey =
  | 'lang' | 'cycle' | 'cycleStart' | 'cycleEnd' | 'atRiskBelow' | 'offTrackBelow' | 'staleDays' | 'progressCap'
  | 'scoreScale' | 'gradeRedBelow' | 'gradeGreenFrom' | 'sweetSpotFrom' | 'sweetSpotTo';
export const SETTING_LABELS: Record<SettingKey, Labels> = {
  lang: { 'zh-CN': ['语言'], en: ['Language'] },
  cycle: { 'zh-CN': ['周期'], en: ['Cycle'] },
  cycleStart: { 'zh-CN': ['开始日期', '周期开始'], en: ['Cycle start'] },
  cycleEnd: { 'zh-CN': ['结束日期', '周期结束'], en: ['Cycle end'] },
  atRiskBelow: { 'zh-CN': ['有风险阈值', '风险阈值'], en: ['At-risk threshold', 'At risk below'] },
  offTrackBelow: { 'zh-CN': ['落后阈值'], en: ['Off-track threshold', 'Off track below'] },
  staleDays: { 'zh-CN': ['未更新天数', '停滞天数'], en: ['Stale after (days)', 'Stale days'] },
  progressCap: { 'zh-CN': ['进度上限'], en: ['Progress counts up to'] },
  scoreScale: { 'zh-CN': ['评分尺度', '分制'], en: ['Score scale'] },
  gradeRedBelow: { 'zh-CN': ['红色低于'], en: ['Red below'] },
  gradeGreenFrom: { 'zh-CN': ['绿色起点', '绿色自'], en: ['Green from'] },
  sweetSpotFrom: { 'zh-CN': ['理想区间下限'], en: ['Sweet spot from'] },
  sweetSpotTo: { 'zh-CN': ['理想区间上限'], en: ['Sweet spot to'] },
};
