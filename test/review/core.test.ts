import { describe, expect, it } from 'vitest';
import {
  applyCheckIn, checkInLogRow, latestCheckIns, readActions, readCheckIns, staleKrs, toIsoDate,
} from '../../src/core/checkins';
import { buildAlignment, findUnit, objectiveIndex } from '../../src/core/alignment';
import { REVIEW_PARTS, buildReview, reviewToMarkdown } from '../../src/core/review';
import { reviewSheetPlan } from '../../src/core/plan/reviewSheet';
import { alignmentSheetPlan } from '../../src/core/plan/alignmentSheet';
import { buildDashboard, dashboardSheetPlan } from '../../src/core/plan/dashboardSheet';
import { beijing, center, channel, checkins, row, salesSheets, table } from './fixtures';

describe('check-in log', () => {
  it('reads a Check-ins sheet in either language, any column order, Date cells and serials', () => {
    const zh = readCheckIns([
      ['进展更新'],
      ['KR 编号', '日期', '新值', '信心指数', '本期完成', '下一步', '困难 / 所需资源', '表 / 单元'],
      ['O1.KR1', new Date(2026, 10, 3), '80%', 7, '做了 A', '做 B', '缺人', '销售中心'],
      ['', '', '', '', '', '', '', ''],
      ['O1.KR2', 46330, 12, '', '', '', '', ''],
    ]);
    expect(zh.headerRow).toBe(1);
    expect(zh.items).toHaveLength(2);
    expect(zh.items[0]).toMatchObject({ krId: 'O1.KR1', date: '2026-11-03', value: 0.8, confidence: 7, done: '做了 A', blockers: '缺人', sheet: '销售中心' });
    expect(zh.items[1]!.date).toBe(toIsoDate(46330));
    const en = readCheckIns([['Date', 'Sheet / unit', 'KR ID', 'New value', 'Confidence', 'Done this period', 'Next steps', 'Blockers / resources needed'], ['2026-11-01', 'X', 'O1.KR1', 3, 5, 'a', 'b', 'c']]);
    expect(en.items[0]).toMatchObject({ date: '2026-11-01', krId: 'O1.KR1', next: 'b' });
    expect(readCheckIns([['nothing', 'here']]).problems).toHaveLength(1);
  });

  it('latest check-in per KR: later date wins, same date → later row', () => {
    const l = latestCheckIns([
      { ...checkins[1]!, order: 1 },
      { ...checkins[0]!, order: 0 },
      { ...checkins[1]!, value: 610, order: 5 },
    ]);
    expect(l.get('O1.KR1')!.value).toBe(610);
  });

  it('stale KRs: no check-in for 14 days (clock from the cycle start when none); done KRs never stale', () => {
    // asOf 2026-11-30: center KR1 last 11-10 (20 days) stale; KR2 last 11-12 (18 days) stale;
    // O2.KR1 progress 1 → not stale.
    const s = staleKrs(center, checkins, '2026-11-30', 14, { sheetName: '销售中心' });
    expect(s.map((x) => [x.krId, x.daysSince])).toEqual([['O1.KR1', 20], ['O1.KR2', 18]]);
    // asOf 2026-11-20: KR1 10 days, KR2 8 days → none
    expect(staleKrs(center, checkins, '2026-11-20', 14)).toEqual([]);
    // channel: KR1 checked in 11-05 (15 days by 11-20); KR2/KR4 never (50 days from 10-01); KR3 done
    const c = staleKrs(channel, checkins, '2026-11-20', 14);
    expect(c.map((x) => [x.krId, x.lastCheckIn, x.daysSince])).toEqual([
      ['O1.KR1', '2026-11-05', 15], ['O1.KR2', null, 50], ['O1.KR4', null, 50],
    ]);
    // a check-in logged for another sheet does not count
    expect(staleKrs(channel, [{ ...checkins[3]!, sheet: '销售中心' }], '2026-11-06', 14).map((x) => x.krId)).toContain('O1.KR1');
  });

  it('applyCheckIn validates and produces the new Current / Confidence and an escaped log row', () => {
    const ok = applyCheckIn(center, { sheet: '销售中心', krId: 'o1.kr1', value: '700', confidence: 8, done: '=1+1', next: '+x', blockers: '@y', date: '2026-11-20' });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.update).toMatchObject({ row: 1, krId: 'O1.KR1', current: 700, confidence: 8 });
    // the last cell: the cycle the entry was logged in (issue 13 §5)
    expect(checkInLogRow(ok.update.entry)).toEqual([{ date: '2026-11-20' }, '销售中心', 'O1.KR1', 700, 8, "'=1+1", "'+x", "'@y", '2026-Q4']);
    const ms = applyCheckIn(beijing, { sheet: 'b', krId: 'O1.KR2', value: true, confidence: null, date: '2026-11-20' });
    expect(ms.ok && ms.update.current).toBe(true);
    expect(applyCheckIn(center, { sheet: 'x', krId: 'O9.KR1', value: 1, confidence: 5, date: '2026-11-20' }).ok).toBe(false);
    expect(applyCheckIn(center, { sheet: 'x', krId: 'O1', value: 1, confidence: 5, date: '2026-11-20' }).ok).toBe(false);
    expect(applyCheckIn(center, { sheet: 'x', krId: 'O1.KR1', value: 1, confidence: 11, date: '2026-11-20' }).ok).toBe(false);
    expect(applyCheckIn(center, { sheet: 'x', krId: 'O1.KR1', value: 'abc', confidence: 5, date: '2026-11-20' }).ok).toBe(false);
    const bad = applyCheckIn(center, { sheet: 'x', krId: 'O1.KR1', value: 1, confidence: 5, date: 'yesterday' });
    expect(!bad.ok && bad.message.en).toMatch(/YYYY-MM-DD/);
  });

  it('reads the Actions sheet', () => {
    const a = readActions([['KR ID', 'Task', 'Owner', 'Due', 'Deliverable', 'Done'], ['O1.KR1', 'Run salon', 'Li', '2026-11-01', 'Report', true], ['O1.KR1', 'Plan', '', '', '', false]]);
    expect(a.items).toEqual([
      { krId: 'O1.KR1', task: 'Run salon', owner: 'Li', due: '2026-11-01', deliverable: 'Report', done: true },
      { krId: 'O1.KR1', task: 'Plan', owner: '', due: null, deliverable: '', done: false },
    ]);
  });
});

describe('alignment roll-up across the 3-level sales chain', () => {
  it('equals the hand-computed expectation', () => {
    const tree = buildAlignment(salesSheets);
    expect(tree.problems).toEqual([]);
    const idx = objectiveIndex(tree);
    // own progress (mean of KR progress, equal weights):
    //   渠道团队/O1   = (24/30 + 1000/2000 + 1 + 3/10) / 4 = (0.8 + 0.5 + 1 + 0.3) / 4 = 0.65
    //   北京销售团队/O1 = (300/400 + 0.5) / 2 = (0.75 + 0.5) / 2 = 0.625
    //   销售中心/O1   = (600/1000 + 20/50) / 2 = (0.6 + 0.4) / 2 = 0.5
    //   销售中心/O2   = clamp((0.9 - 0.5) / (0.8 - 0.5)) = clamp(1.33) = 1
    // roll-up, mode 'both', childShare 0.5:
    //   渠道团队/O1   = 0.65 (no children)
    //   北京销售团队/O1 = 0.5 × 0.65 + 0.5 × 0.625 = 0.6375
    //   销售中心/O1   = 0.5 × 0.6375 + 0.5 × 0.5 = 0.56875
    //   销售中心 (unit) = (0.56875 + 1) / 2 = 0.784375
    expect(idx.get('渠道团队/O1')!.progress).toBeCloseTo(0.65, 12);
    expect(idx.get('北京销售团队/O1')!.progress).toBeCloseTo(0.6375, 12);
    expect(idx.get('销售中心/O1')!.progress).toBeCloseTo(0.56875, 12);
    expect(idx.get('销售中心/O1')!.fromChildren).toBeCloseTo(0.6375, 12);
    expect(idx.get('销售中心/O1')!.children).toEqual(['北京销售团队/O1']);
    expect(tree.roots.map((u) => u.unit)).toEqual(['销售中心']);
    expect(tree.roots[0]!.progress).toBeCloseTo(0.784375, 12);
    expect(tree.roots[0]!.children[0]!.unit).toBe('北京销售团队');
    expect(tree.roots[0]!.children[0]!.children[0]!.unit).toBe('渠道团队');
    // mode 'children': 北京 = 0.65, 中心 O1 = 0.65
    const byChildren = objectiveIndex(buildAlignment(salesSheets, { mode: 'children' }));
    expect(byChildren.get('销售中心/O1')!.progress).toBeCloseTo(0.65, 12);
    // mode 'krs': own only
    expect(objectiveIndex(buildAlignment(salesSheets, { mode: 'krs' })).get('销售中心/O1')!.progress).toBeCloseTo(0.5, 12);
  });

  it('reports cycles and broken links with localized messages, without hanging', () => {
    const a = table({ unit: 'A', level: 'team', owner: 'a', alignedTo: 'B' }, [
      row({ id: 'O1', type: 'objective', title: 'a', alignsTo: 'B/O1' }),
      row({ id: 'O1.KR1', type: 'increase', start: 0, target: 10, current: 5 }),
      row({ id: 'O2', type: 'objective', title: 'a2', alignsTo: 'Nowhere/O7' }),
    ]);
    const b = table({ unit: 'B', level: 'team', owner: 'b', alignedTo: 'A' }, [
      row({ id: 'O1', type: 'objective', title: 'b', alignsTo: 'A/O1.KR1' }),
      row({ id: 'O1.KR1', type: 'increase', start: 0, target: 10, current: 10 }),
    ]);
    const tree = buildAlignment([{ sheet: 'A', table: a }, { sheet: 'B', table: b }]);
    const kinds = tree.problems.map((p) => p.kind).sort();
    expect(kinds).toEqual(['brokenLink', 'cycle', 'unitCycle']);
    const broken = tree.problems.find((p) => p.kind === 'brokenLink')!;
    expect(broken.message['zh-CN']).toContain('Nowhere/O7');
    expect(broken.message.en).toContain('does not exist');
    expect(tree.problems.find((p) => p.kind === 'cycle')!.message.en).toMatch(/A\/O1 → B\/O1 → A\/O1|B\/O1 → A\/O1 → B\/O1/);
    // links inside the loop are ignored: each objective keeps its own-KR progress
    const idx = objectiveIndex(tree);
    expect(idx.get('A/O1')!.progress).toBe(0.5);
    expect(idx.get('B/O1')!.progress).toBe(1);
    expect(tree.roots.length).toBeGreaterThan(0);
  });

  it('alignment sheet plan: indented tree, SPARKLINE bars with a data-bar fallback, role metadata', () => {
    const plan = alignmentSheetPlan(buildAlignment(salesSheets), 'en');
    expect(plan.role).toBe('alignment');
    expect(plan.metadata['okrSheets.role']).toBe('alignment');
    const names = plan.values.slice(3).map((r) => r[0]).filter((x) => typeof x === 'string' && /[■◆]/.test(x));
    expect(names[0]).toBe('■ 销售中心');
    expect(names).toContain('        ■ 北京销售团队');
    expect(names).toContain('                ■ 渠道团队');
    expect(plan.values[3]![4]).toBe('=SPARKLINE(D4,{"charttype","bar";"max",1;"color1","#34a853"})');
    expect(plan.dataBars![0]!.fallback[0]).toBe('=D4');
  });
});

describe('review (复盘)', () => {
  const tree = buildAlignment(salesSheets);
  const doc = buildReview({
    table: center, sheet: '销售中心', checkins, asOf: '2026-11-30', month: '2026-11', alignment: tree,
    actions: [{ krId: 'O1.KR2', task: '渠道大会', owner: '韩梅', due: null, deliverable: '签约名单', done: true }],
  });

  it('has all nine parts for every objective, in agenda order, none empty', () => {
    expect(doc.objectives.map((o) => o.id)).toEqual(['O1', 'O2']);
    for (const o of doc.objectives) {
      expect(o.parts.map((p) => p.key)).toEqual([...REVIEW_PARTS]);
      for (const p of o.parts) expect(p.lines.length).toBeGreaterThan(0);
    }
    const o1 = doc.objectives[0]!;
    const part = (k: string) => o1.parts.find((p) => p.key === k)!;
    expect(part('what').lines[0]).toBe('大幅提升销售中心全年业绩');
    expect(part('why').lines).toEqual(['公司年度增长目标的主要来源']);
    expect(part('done').lines).toContain('2026-11-10 O1.KR1: 两场沙龙带来 180 个商机');
    expect(part('done').lines).toContain('O1.KR2: 渠道大会 → 签约名单 (韩梅)');
    expect(part('problems').lines.slice(0, 2)).toEqual(['2026-10-20 O1.KR1: 市场部线索质量低', '2026-11-10 O1.KR1: 需要市场预算 5 万元']);
    expect(part('solved').needsOwner).toBe(true);
    expect(part('solved').lines[0]).toMatch(/^【请负责人填写】/);
    expect(part('lessons').needsOwner).toBe(true);
    expect(part('next').lines[0]).toContain('复制沙龙模式到上海');
    // O1: progress 0.5; KR scores round1(0.6)=0.6, round1(0.4)=0.4 → score 0.5 → yellow
    expect(o1.progress).toBeCloseTo(0.5, 12);
    expect(o1.score).toBeCloseTo(0.5, 12);
    expect(o1.grade).toBe('yellow');
    expect(o1.rollup!.progress).toBeCloseTo(0.56875, 12);
    expect(part('result').lines.some((l) => l.includes('57%'))).toBe(true);
    // ninth part: computed / self / manager / final per objective and KR, then the owner's prompt
    expect(part('selfScore').lines).toEqual([
      'O1：系统得分 0.5，自评 —，上级评 —，最终得分 0.5',
      'O1.KR1：系统得分 0.6，自评 —，上级评 —，最终得分 0.6',
      'O1.KR2：系统得分 0.4，自评 —，上级评 —，最终得分 0.4',
      '【请负责人填写】给自己打分（0–1）；系统算出的参考分：0.5',
    ]);
    // O2: KR1 exceeded (0.9 vs target 0.8 from 0.5), self-score 0.9
    const o2 = doc.objectives[1]!;
    expect(o2.krs[0]!.exceeded).toBe(true);
    expect(o2.score).toBeCloseTo(0.9, 12);
    expect(o2.parts.find((p) => p.key === 'result')!.lines.join('\n')).toMatch(/超额完成（133%）/);
    expect(o2.parts.find((p) => p.key === 'why')!.needsOwner).toBe(true);
  });

  it('monthly summary: progress now, this month\'s work, next steps, resources', () => {
    const kr1 = doc.monthly.objectives[0]!.krs[0]!;
    expect(kr1.work).toEqual(['2026-11-10: 两场沙龙带来 180 个商机']);
    expect(kr1.resources).toEqual(['2026-11-10: 需要市场预算 5 万元']);
    expect(kr1.confidence).toBe(7);
    expect(doc.monthly.month).toBe('2026-11');
    // the level's review carries its children's roll-up as context
    expect(doc.children.map((c) => [c.unit, c.progress])).toEqual([['北京销售团队', 0.6375]]);
  });

  it('Markdown has every part and section in both languages', () => {
    const md = reviewToMarkdown(doc);
    expect(md.startsWith('# OKR 复盘：销售中心（2026-Q4）')).toBe(true);
    for (const t of ['目标是什么', '为什么定这个目标', '做了什么', '遇到的问题', '如何解决', '最终结果', '经验与教训', '下一步建议', '评分（自评、上级评、最终得分）', '月度进展（2026-11）', '下级汇总']) {
      expect(md).toContain(t);
    }
    const en = reviewToMarkdown(buildReview({ table: center, sheet: '销售中心', checkins, asOf: '2026-11-30', lang: 'en', alignment: tree }));
    expect(en).toContain('**9. Scores (self, manager, final)**');
    expect(en).toContain('[Owner to write]');
    expect(en).toContain('Monthly check-in (2026-11)');
  });

  it('review sheet plan: role review, escaped user text, prompts highlighted', () => {
    const plan = reviewSheetPlan(doc);
    expect(plan.role).toBe('review');
    expect(plan.name).toBe('复盘');
    expect(plan.metadata['okrSheets.role']).toBe('review');
    const cells = plan.values.flat().filter((c): c is string => typeof c === 'string');
    // a next step starting with '=' in the check-in is never written as a formula
    expect(cells.some((c) => c.includes('HYPERLINK'))).toBe(true);
    expect(cells.filter((c) => c.startsWith('=') || c.startsWith('+') || c.startsWith('@'))).toEqual([]);
    expect(plan.conditionalFormats).toHaveLength(1);
    expect(plan.conditionalFormats[0]!.background).toBe('#fff4c2');
    // nine rows per objective, the objective named on the first
    expect(plan.values[3]).toEqual(['目标', '复盘项', '内容']);
    expect(plan.values[4]!.slice(0, 2)).toEqual(['O1 大幅提升销售中心全年业绩', '1. 目标是什么']);
    expect(plan.values[13]!.slice(0, 2)).toEqual(['O2 销售方法标准化', '1. 目标是什么']);
    // formatting does not grow with the number of objectives
    const one = reviewSheetPlan({ ...doc, objectives: doc.objectives.slice(0, 1), monthly: { ...doc.monthly, objectives: doc.monthly.objectives.slice(0, 1) } });
    expect(one.formats.length).toBe(plan.formats.length);
  });
});

describe('dashboard', () => {
  it('per unit: objectives, average score, status counts, stale KRs; chart over unit/score', () => {
    const data = buildDashboard(salesSheets, checkins, '2026-11-30', { lang: 'en' });
    const c = data.units[0]!;
    // 销售中心: O1 score 0.5, O2 score 0.9 (self-score) → 0.7
    expect(c.avgScore).toBeCloseTo(0.7, 12);
    expect(c.objectives).toBe(2);
    expect(c.krs).toBe(3);
    // expected at 11-30 = 61/92 = 0.663; KR1 0.6 on track, KR2 0.4 (Δ -0.26) at risk, O2.KR1 done
    expect(c.status).toEqual({ notStarted: 0, onTrack: 1, atRisk: 1, offTrack: 0, overdue: 0, done: 1 });
    expect(c.stale).toBe(2);
    const { sheet, chart } = dashboardSheetPlan(data);
    expect(sheet.role).toBe('dashboard');
    expect(sheet.values[3]![0]).toBe('Unit');
    expect(sheet.values[4]![0]).toBe('销售中心');
    expect(sheet.values[4]![5]).toBe(0.7);
    expect(chart.ranges).toEqual(['A4:A7', 'F4:F7']);
  });
});

describe('Markdown safety', () => {
  it('user text cannot turn into headings, lists or emphasis', () => {
    const t = table({ unit: 'U', level: 'team', owner: 'o' }, [
      row({ id: 'O1', type: 'objective', title: '# not a heading', notes: '- not a list *nor bold*' }),
      row({ id: 'O1.KR1', type: 'increase', start: 0, target: 10, current: 5 }),
    ], 'en');
    const md = reviewToMarkdown(buildReview({ table: t, sheet: 'U', checkins: [], asOf: '2026-11-30' }));
    expect(md).toContain('## O1 # not a heading');
    expect(md).toContain('- \\- not a list \\*nor bold\\*');
    expect(md).not.toMatch(/^# not a heading/m);
  });
});

describe('review KR values', () => {
  it('% units show as percentages and currency symbols lead (not "0.2 %", "800 ¥")', () => {
    const t = table({ unit: 'Marketing', level: 'team', owner: 'Ann' }, [
      row({ id: 'O1', type: 'objective', title: 'Pipeline' }),
      row({ id: 'O1.KR1', type: 'increase', title: 'Conversion', start: 0.2, target: 0.3, current: 0.25, unit: '%' }),
      row({ id: 'O1.KR2', type: 'decrease', title: 'Cost per lead', start: 800, target: 600, current: 700, unit: '¥' }),
      row({ id: 'O1.KR3', type: 'increase', title: 'Leads', start: 150, target: 300, current: null, unit: 'leads' }),
    ], 'en');
    const doc = buildReview({ table: t, sheet: 'Marketing', checkins: [], asOf: '2026-11-30', lang: 'en' });
    const result = doc.objectives[0]!.parts.find((p) => p.key === 'result')!.lines.join('\n');
    expect(result).toContain('20% → 25% / 30%');
    expect(result).toContain('¥800 → ¥700 / ¥600');
    expect(result).toContain('150 leads → — / 300 leads');
  });
});
