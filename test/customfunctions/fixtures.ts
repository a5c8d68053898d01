/** Small OKR tables (as Range.getValues() would give them) for the custom-function tests. */

/** English headers. Expected OKRSCORE: O1 = (0.5 + 0.8) / 2 = 0.65, O2 = 1 → overall 0.825. */
export const EN_TABLE: unknown[][] = [
  ['ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current', 'Unit', 'Weight', 'Due'],
  ['O1', 'Objective', 'Grow the East region', 'Ann', '', '', '', '', '', ''],
  ['O1.KR1', 'Increase', 'Raise new customers from 0 to 10', 'Bob', 0, 10, 5, 'customers', '50%', '2026-12-20'],
  ['O1.KR2', 'Increase', 'Raise NPS from 0 to 100', 'Cat', 0, 100, 80, 'points', '50%', '2026-12-20'],
  ['O2', 'Objective', 'Open the partner channel', 'Ann', '', '', '', '', '', ''],
  ['O2.KR1', 'Milestone', 'Partner contract signed', 'Dan', '', '', true, '', '', '2026-12-15'],
];

/** The same table with Chinese headers and type labels, and a header block above it. */
export const ZH_TABLE: unknown[][] = [
  ['单元', '销售中心', '', '周期', '2026-Q4'],
  [],
  ['编号', '类型', '目标 / 关键结果', '负责人', '起始值', '目标值', '当前值', '单位', '权重', '截止日期'],
  ['O1', '目标', '扩大华东市场', '王五', '', '', '', '', '', ''],
  ['O1.KR1', '提升', '新签客户由 0 家增至 10 家', '李雷', 0, 10, 5, '家', '50%', '2026-12-20'],
  ['O1.KR2', '提升', '净推荐值由 0 提升到 100', '韩梅', 0, 100, 80, '分', '50%', '2026-12-20'],
  ['O2', '目标', '打通渠道合作', '王五', '', '', '', '', '', ''],
  ['O2.KR1', '里程碑', '完成渠道伙伴签约', '赵六', '', '', true, '', '', '2026-12-15'],
];

/** A table that breaks rules: six objectives, tasks instead of results, no owner. */
export const BAD_TABLE: unknown[][] = [
  ['ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current', 'Unit', 'Weight'],
  ...[1, 2, 3, 4, 5, 6].flatMap((i) => [
    [`O${i}`, 'Objective', `Objective number ${i}`, 'Ann', '', '', '', '', ''],
    [`O${i}.KR1`, 'Increase', 'Attend the weekly meeting', '', '', 'xx', '', '', ''],
  ]),
];
