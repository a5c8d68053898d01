/**
 * Hand-made OKR tables for the review tests: the 3-level sales chain of seed 003
 * (sales center → Beijing sales team → channel team), in core form (no spreadsheet involved).
 */
import type { Lang } from '../../src/core/i18n';
import type { CheckIn, Level, OkrRow, OkrTable, RowType } from '../../src/core/model';

let idx = 0;
export function row(p: Partial<OkrRow> & { id: string; type: RowType }): OkrRow {
  return {
    index: idx++, title: '', owner: '', alignsTo: '', source: null, agreed: null, start: null, target: null,
    current: null, unit: '', weight: null, due: null, confidence: null, selfScore: null, notes: '', raw: {},
    ...p,
  };
}

export function table(
  h: { unit: string; level: Level; owner: string; alignedTo?: string; cycle?: string },
  rows: OkrRow[],
  lang: Lang = 'zh-CN',
): OkrTable {
  return {
    header: {
      unit: h.unit, level: h.level, owner: h.owner, cycle: h.cycle ?? '2026-Q4',
      cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: h.alignedTo ?? '',
    },
    rows: rows.map((r, i) => ({ ...r, index: i })),
    lang,
  };
}

/** Sales center (level 1). O1 own progress = mean(600/1000, 20/50) = mean(0.6, 0.4) = 0.5. */
export const center = table({ unit: '销售中心', level: 'department', owner: '王总' }, [
  row({ id: 'O1', type: 'objective', title: '大幅提升销售中心全年业绩', owner: '王总', notes: '公司年度增长目标的主要来源' }),
  row({ id: 'O1.KR1', type: 'increase', title: '有效商机达到 1000 个', owner: '李雷', start: 0, target: 1000, current: 600, unit: '个' }),
  row({ id: 'O1.KR2', type: 'increase', title: '合作渠道增加到 50 家', owner: '韩梅', start: 0, target: 50, current: 20, unit: '家' }),
  row({ id: 'O2', type: 'objective', title: '销售方法标准化', owner: '王总' }),
  // 0.9 of a 0.8 target counted from 0.5: (0.9-0.5)/(0.8-0.5) = 1.33 → progress 1, exceeded
  row({ id: 'O2.KR1', type: 'increase', title: '90% 销售人员按标准方案成交', owner: '张伟', start: 0.5, target: 0.8, current: 0.9, selfScore: 0.9 }),
]);

/** Beijing sales team (level 2). O1 own = mean(300/400, 0.5) = mean(0.75, 0.5) = 0.625. */
export const beijing = table({ unit: '北京销售团队', level: 'team', owner: '赵强', alignedTo: '销售中心' }, [
  row({ id: 'O1', type: 'objective', title: '打造行业领先的业务团队', owner: '赵强', alignsTo: '销售中心/O1' }),
  row({ id: 'O1.KR1', type: 'increase', title: '有效商机不少于 400 个', owner: '赵强', start: 0, target: 400, current: 300, unit: '个' }),
  row({ id: 'O1.KR2', type: 'milestone', title: '销售标准化流程落地', owner: '钱敏', current: 0.5 }),
]);

/** Channel team (level 3). O1 own = mean(24/30, 1000/2000, 1, 3/10) = mean(0.8, 0.5, 1, 0.3) = 0.65. */
export const channel = table({ unit: '渠道团队', level: 'team', owner: '孙丽', alignedTo: '北京销售团队' }, [
  row({ id: 'O1', type: 'objective', title: '渠道业务取得突破', owner: '孙丽', alignsTo: '北京销售团队/O1.KR1' }),
  row({ id: 'O1.KR1', type: 'increase', title: '新增有效渠道 30 家', owner: '孙丽', start: 0, target: 30, current: 24, unit: '家' }),
  row({ id: 'O1.KR2', type: 'increase', title: '渠道业绩额达到 2000 万', owner: '周杰', start: 0, target: 2000, current: 1000, unit: '万元' }),
  row({ id: 'O1.KR3', type: 'milestone', title: '新渠道政策获至少 10 家渠道认可', owner: '孙丽', current: 1 }),
  row({ id: 'O1.KR4', type: 'increase', title: '招聘 10 名资深渠道销售', owner: '吴磊', start: 0, target: 10, current: 3, unit: '人' }),
]);

export const salesSheets = [
  { sheet: '销售中心', table: center },
  { sheet: '北京销售团队', table: beijing },
  { sheet: '渠道团队', table: channel },
];

export const checkins: (CheckIn & { sheet: string; order: number })[] = [
  { date: '2026-10-20', sheet: '销售中心', krId: 'O1.KR1', value: 300, confidence: 6, done: '上线商机登记表', next: '举办两场行业沙龙', blockers: '市场部线索质量低', order: 0 },
  { date: '2026-11-10', sheet: '销售中心', krId: 'O1.KR1', value: 600, confidence: 7, done: '两场沙龙带来 180 个商机', next: '=HYPERLINK("x") 复制沙龙模式到上海', blockers: '需要市场预算 5 万元', order: 1 },
  { date: '2026-11-12', sheet: '销售中心', krId: 'O1.KR2', value: 20, confidence: 5, done: '签约 8 家新渠道', next: '梳理渠道分级政策', blockers: '', order: 2 },
  { date: '2026-11-05', sheet: '渠道团队', krId: 'O1.KR1', value: 24, confidence: 8, done: '拜访 40 家候选渠道', next: '完成剩余 6 家签约', blockers: '', order: 3 },
];
