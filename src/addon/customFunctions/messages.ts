/** Messages and labels shared by the custom functions (bilingual: see args.ts). */
import type { Localized } from '../../core/i18n';
import type { Severity } from '../../core/model';

export const M = {
  progress: { en: 'progress', 'zh-CN': '进度' },
  weights: { en: 'weights', 'zh-CN': '权重' },
  scores: { en: 'scores', 'zh-CN': '得分' },
  noNumbers: { en: 'no progress numbers found (blanks and text are skipped)', 'zh-CN': '未找到任何进度数字（空白和文字会被跳过）' },
  weightsSize: {
    en: 'weights must be the same size as progress ({n} cells); got {m}',
    'zh-CN': '权重须与进度大小相同（{n} 个单元格），现为 {m} 个',
  },
  weightNotNumber: { en: 'weight “{text}” is not a number', 'zh-CN': '权重“{text}”不是数字' },
  tableWeights: {
    en: 'a whole OKR table takes its weights from its Weight column; leave out the second argument',
    'zh-CN': '整张 OKR 表的权重取自“权重”列，请去掉第二个参数',
  },
  empty: { en: 'the range is empty', 'zh-CN': '区域为空' },
  notNumber: { en: '{what} “{text}” is not a number', 'zh-CN': '{whatZh}“{text}”不是数字' },
  badType: {
    en: 'unknown type “{text}” (Increase, Decrease, At least, At most, Milestone)',
    'zh-CN': '无法识别的类型“{text}”（提升、降低、不低于、不高于、里程碑）',
  },
  badDate: { en: '{what} “{text}” is not a date', 'zh-CN': '{whatZh}“{text}”不是日期' },
  noCycle: {
    en: 'cycle_start and cycle_end are needed (dates, or a cycle name such as 2026-Q4 in cycle_start)',
    'zh-CN': '需要 cycle_start 和 cycle_end（日期；或在 cycle_start 中写周期名，如 2026-Q4）',
  },
  rollupSize: {
    en: 'ids, parent_ids, progress{andWeights} must have the same number of cells ({n}); {name} has {m}',
    'zh-CN': 'ids、parent_ids、progress{andWeights}的单元格数须相同（{n} 个），{name} 有 {m} 个',
  },
  duplicateId: { en: 'duplicate id “{id}”', 'zh-CN': '重复的编号“{id}”' },
  cycle: { en: 'alignment cycle: {path}', 'zh-CN': '对齐关系成环：{path}' },
  noProblems: { en: 'No problems found', 'zh-CN': '未发现问题' },
  notATable: {
    en: 'the range has OKR column titles but is not a whole OKR table (ID, Type, Objective / Key result columns); to score your own layout, pass just the progress column',
    'zh-CN': '该区域有 OKR 列标题，但不是完整的 OKR 表（需要编号、类型、目标 / 关键结果列）；如为自定义布局，请只传入进度列',
  },
} satisfies Record<string, Localized>;

export const SEVERITY: Record<Severity, Localized> = {
  error: { en: 'Error', 'zh-CN': '错误' },
  warning: { en: 'Warning', 'zh-CN': '警告' },
  info: { en: 'Info', 'zh-CN': '提示' },
};


/** A cell value, shortened for a message. */
export const text = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim().slice(0, 40);
