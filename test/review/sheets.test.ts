/**
 * Check-ins, review, dashboard and alignment map on the in-memory workbook: the 3-level sales
 * workbook of seed 003 (sales center → Beijing sales team → channel team), written with the
 * real OKR sheet builder and read back through the real table reader.
 */
import { describe, expect, it } from 'vitest';
import { objectiveIndex } from '../../src/core/alignment';
import type { Lang } from '../../src/core/i18n';
import type { OkrTable } from '../../src/core/model';
import { buildOkrSheetPlanFromRows, type OkrSheetRow } from '../../src/core/plan/okrSheet';
import { buildActionsPlan, buildCheckInsPlan, buildSettingsPlan } from '../../src/core/plan/supportSheets';
import { OWNER_KEY, type SheetPlan, type WorkbookPlan } from '../../src/core/plan/types';
import { REVIEW_PARTS } from '../../src/core/review';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { recordCheckIn } from '../../src/sheets/checkins';
import {
  alignmentTree, buildReviewDoc, generateAlignmentMap, generateDashboard, generateReview, workbookModel,
} from '../../src/sheets/review';
import { createLocalApp } from '../../src/local/workbook';
import { beijing, center, channel } from './fixtures';
import { sizedWorkbook } from './sizedWorkbook';

function sheetRows(t: OkrTable): OkrSheetRow[] {
  return t.rows.map((r) => ({
    id: r.id, type: r.type, title: r.title, owner: r.owner, alignsTo: r.alignsTo, start: r.start, target: r.target,
    current: r.current, unit: r.unit, weight: r.weight, selfScore: r.selfScore, notes: r.notes,
  }));
}

function okrPlan(t: OkrTable, lang: Lang, sheetName: string): SheetPlan {
  return buildOkrSheetPlanFromRows({
    lang, sheetName, spareRows: 2, settingsSheetName: null,
    header: { ...t.header, asOf: null },
    rows: sheetRows(t),
  });
}

function salesWorkbook(lang: Lang = 'zh-CN') {
  const local = createLocalApp({ lang });
  const ctx = local.ctx(lang);
  const plan: WorkbookPlan = {
    sheets: [
      okrPlan(center, lang, '销售中心'),
      okrPlan(beijing, lang, '北京销售团队'),
      okrPlan(channel, lang, '渠道团队'),
      buildCheckInsPlan(lang),
      buildActionsPlan(lang),
      buildSettingsPlan({ lang, cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' }),
    ],
  };
  applyWorkbookPlan(ctx, plan);
  return { local, ctx };
}


const GENERATED = new Set(['review', 'dashboard', 'alignment']);
function userSheets(local: ReturnType<typeof createLocalApp>): SheetPlan[] {
  // generated sheets and the backups the applier keeps of them are ours, not the user's
  return local.toPlan().sheets.filter((s) => !GENERATED.has(s.metadata[OWNER_KEY] ?? '') && !s.metadata['okrSheets.backupOf']);
}

describe('recordCheckIn', () => {
  it('writes Current and Confidence of the KR row and appends the log, history kept', () => {
    const { local, ctx } = salesWorkbook();
    const r1 = recordCheckIn(ctx, { sheet: '销售中心', krId: 'O1.KR1', value: 700, confidence: 8, done: '=SUM(1,1) 沙龙', next: '+继续', blockers: '@市场部', date: '2026-11-20' });
    const r2 = recordCheckIn(ctx, { sheet: '销售中心', krId: 'O1.KR1', value: 750, confidence: 9, done: '第二次', next: '', blockers: '', date: '2026-11-27' });
    expect(r1.logRow).toBe(2);
    expect(r2.logRow).toBe(3);
    expect(r1.logSheet).toBe('进展更新');
    const okr = ctx.ss.getSheetByName('销售中心')!;
    expect(okr.getRange(r2.currentA1).getValue()).toBe(750);
    const log = ctx.ss.getSheetByName('进展更新')!.getDataRange().getValues();
    expect(log).toHaveLength(3);
    expect(log[1]!.slice(1, 8)).toEqual(['销售中心', 'O1.KR1', 700, 8, '=SUM(1,1) 沙龙', '+继续', '@市场部']);
    expect(log[2]![3]).toBe(750);
    // user text is stored as text, never a formula
    const formulas = ctx.ss.getSheetByName('进展更新')!.getDataRange().getFormulas().flat().filter(Boolean);
    expect(formulas).toEqual([]);
    // the new values flow into the review: read back through the table reader
    const wb = workbookModel(ctx);
    expect(wb.checkins.map((c) => c.value)).toEqual([700, 750]);
    const t = wb.okr.find((s) => s.sheet === '销售中心')!.read.table;
    expect(t.rows.find((r) => r.id === 'O1.KR1')).toMatchObject({ current: 750, confidence: 9 });
    void local;
  });

  it('creates the Check-ins sheet when the workbook has none; rejects unknown KRs in words', () => {
    const local = createLocalApp({ lang: 'en' });
    const ctx = local.ctx('en');
    applyWorkbookPlan(ctx, { sheets: [okrPlan(center, 'en', 'Center')] });
    expect(ctx.ss.getSheetByName('Check-ins')).toBeNull();
    const r = recordCheckIn(ctx, { sheet: 'Center', krId: 'O1.KR2', value: 25, confidence: null, date: '2026-11-02' });
    expect(r.logSheet).toBe('Check-ins');
    expect(r.logRow).toBe(2);
    expect(() => recordCheckIn(ctx, { sheet: 'Center', krId: 'O7.KR1', value: 1, confidence: 5, date: '2026-11-02' })).toThrow(/O7\.KR1/);
    expect(() => recordCheckIn(ctx, { sheet: 'Nope', krId: 'O1.KR1', value: 1, confidence: 5, date: '2026-11-02' })).toThrow(/Nope/);
  });

  it('a constant number of service calls: 10-KR and 500-KR workbooks', () => {
    const count = (krs: number) => {
      const { local, ctx } = sizedWorkbook(krs);
      recordCheckIn(ctx, { sheet: 'Team', krId: 'O1.KR1', value: 5, confidence: 5, date: '2026-11-01' }); // warm: log not empty
      const m = local.calls.measure(() => recordCheckIn(ctx, { sheet: 'Team', krId: 'O1.KR2', value: 6, confidence: 6, done: 'x', next: 'y', blockers: 'z', date: '2026-11-02' }));
      return m.calls;
    };
    const small = count(10);
    expect(count(500)).toBe(small);
    // lock 3, read the OKR sheet 4, Current + Confidence 4, find the log by its metadata
    // (finder, key, value, find, location, sheet) 6 + read it 2, append 2
    expect(small).toBeLessThanOrEqual(21);
  });
});

describe('roll-up through the spreadsheet', () => {
  it('equals the hand-computed expectation on the 3-level sales workbook', () => {
    const { ctx } = salesWorkbook();
    const idx = objectiveIndex(alignmentTree(ctx));
    // 渠道团队/O1 = (0.8 + 0.5 + 1 + 0.3) / 4 = 0.65
    // 北京销售团队/O1 = 0.5 × 0.65 (aligned) + 0.5 × (0.75 + 0.5) / 2 (own) = 0.325 + 0.3125 = 0.6375
    // 销售中心/O1 = 0.5 × 0.6375 + 0.5 × (0.6 + 0.4) / 2 = 0.31875 + 0.25 = 0.56875
    expect(idx.get('渠道团队/O1')!.progress).toBeCloseTo(0.65, 12);
    expect(idx.get('北京销售团队/O1')!.progress).toBeCloseTo(0.6375, 12);
    expect(idx.get('销售中心/O1')!.progress).toBeCloseTo(0.56875, 12);
  });
});

describe('generateReview', () => {
  it('all nine parts for every objective, from the check-ins recorded in the sheet', () => {
    const { ctx } = salesWorkbook();
    recordCheckIn(ctx, { sheet: '销售中心', krId: 'O1.KR1', value: 600, confidence: 7, done: '两场沙龙', next: '复制到上海', blockers: '预算不足', date: '2026-11-10' });
    const doc = buildReviewDoc(ctx, { sheet: '销售中心', asOf: '2026-11-30', month: '2026-11' });
    expect(doc.objectives.map((o) => o.id)).toEqual(['O1', 'O2']);
    for (const o of doc.objectives) {
      expect(o.parts.map((p) => p.key)).toEqual([...REVIEW_PARTS]);
      for (const p of o.parts) expect(p.lines.length).toBeGreaterThan(0);
    }
    const o1 = doc.objectives[0]!;
    expect(o1.parts.find((p) => p.key === 'done')!.lines[0]).toBe('2026-11-10 O1.KR1: 两场沙龙');
    expect(o1.parts.find((p) => p.key === 'problems')!.lines[0]).toBe('2026-11-10 O1.KR1: 预算不足');
    expect(o1.rollup!.progress).toBeCloseTo(0.56875, 12);
    expect(doc.children.map((c) => c.unit)).toEqual(['北京销售团队']);
  });

  it('one Review sheet per unit and cycle, rewritten in place; user sheets identical before and after', () => {
    const { local, ctx } = salesWorkbook();
    recordCheckIn(ctx, { sheet: '渠道团队', krId: 'O1.KR1', value: 24, confidence: 8, done: '拜访', next: '签约', blockers: '', date: '2026-11-05' });
    const before = JSON.stringify(userSheets(local));
    const r1 = generateReview(ctx, { sheet: '销售中心', asOf: '2026-11-30' });
    const r2 = generateReview(ctx, { sheet: '北京销售团队', asOf: '2026-11-30' });
    const r3 = generateReview(ctx, { sheet: '销售中心', asOf: '2026-11-30' });
    expect(r1.reviewSheet).toBe('复盘 销售中心 2026-Q4');
    expect(r2.reviewSheet).toBe('复盘 北京销售团队 2026-Q4');
    expect(r3.reviewSheet).toBe(r1.reviewSheet);
    const roles = local.toPlan().sheets.map((s) => s.metadata[OWNER_KEY]);
    expect(roles.filter((r) => r === 'review')).toHaveLength(2);
    // no renamed copy, no hidden backup: nothing a person wrote is ever overwritten
    expect(ctx.ss.getSheets().map((s) => s.getName()).filter((n) => n.startsWith('复盘')).sort()).toEqual(['复盘 北京销售团队 2026-Q4', '复盘 销售中心 2026-Q4']);
    expect(String(local.sheetPlan(r2.reviewSheet).values[0]![0])).toContain('北京销售团队');
    expect(String(local.sheetPlan(r1.reviewSheet).values[0]![0])).toContain('销售中心');
    expect(JSON.stringify(userSheets(local))).toBe(before);
    expect(r2.markdown).toContain('## O1 打造行业领先的业务团队');
  });

  it('regenerating keeps what the owner wrote in place of a prompt', () => {
    const { local, ctx } = salesWorkbook();
    const r = generateReview(ctx, { sheet: '销售中心', asOf: '2026-11-20' });
    const sheet = ctx.ss.getSheetByName(r.reviewSheet)!;
    const values = sheet.getDataRange().getValues();
    const o1 = values.findIndex((row) => String(row[0]).startsWith('O1 '));
    const solved = o1 + 4; // parts 1..9 start on the objective's row; part 5 = how it was solved
    expect(values[solved]![1]).toBe('5. 如何解决');
    expect(String(values[solved]![2])).toMatch(/^【请负责人填写】/);
    sheet.getRange(solved + 1, 3).setValue('【请负责人填写】上述问题是怎么解决的？\n=公司追加了预算\n改为线上沙龙');
    const again = generateReview(ctx, { sheet: '销售中心', asOf: '2026-11-30' });
    expect(again.ownerPrompts).toBe(r.ownerPrompts - 1);
    const after = local.sheetPlan(again.reviewSheet).values;
    expect(after[solved]![2]).toBe("'=公司追加了预算\n改为线上沙龙");
    // another unit's review starts from the prompts again, and never touches this one
    const other = generateReview(ctx, { sheet: '渠道团队', asOf: '2026-11-30' });
    expect(other.markdown).not.toContain('公司追加了预算');
    generateReview(ctx, { sheet: '渠道团队', asOf: '2026-11-30' });
    expect(local.sheetPlan(again.reviewSheet).values[solved]![2]).toBe("'=公司追加了预算\n改为线上沙龙");
    // the Markdown carries the owner's words too
    expect(buildReviewDoc(ctx, { sheet: '销售中心', asOf: '2026-11-30' }).objectives[0]!.parts[4]!.lines).toContain('=公司追加了预算');
  });

  it('never touches a user sheet that happens to be called 复盘', () => {
    const { local, ctx } = salesWorkbook();
    const mine = ctx.ss.insertSheet('复盘');
    mine.getRange('A1').setValue('my own notes');
    const before = JSON.stringify(local.sheetPlan('复盘'));
    const r = generateReview(ctx, { sheet: '销售中心', asOf: '2026-11-30' });
    expect(r.reviewSheet).not.toBe('复盘');
    expect(JSON.stringify(local.sheetPlan('复盘'))).toBe(before);
    ctx.ss.getSheetByName(r.reviewSheet)!.setName('复盘 销售中心 2026-Q4 renamed');
    generateReview(ctx, { sheet: '销售中心', asOf: '2026-11-30' });
    expect(local.toPlan().sheets.filter((s) => s.metadata[OWNER_KEY] === 'review')).toHaveLength(1);
  });

  it('service calls do not grow with the rows: 10-KR and 500-KR workbooks', () => {
    const measure = (krs: number) => {
      const { local, ctx } = sizedWorkbook(krs);
      recordCheckIn(ctx, { sheet: 'Team', krId: 'O1.KR1', value: 5, confidence: 5, done: 'a', next: 'b', blockers: 'c', date: '2026-11-01' });
      generateReview(ctx, { sheet: 'Dept', asOf: '2026-11-30' }); // the Review sheet exists from now on
      return {
        review: local.calls.measure(() => generateReview(ctx, { sheet: 'Dept', asOf: '2026-11-30' })).calls,
        dashboard: (generateDashboard(ctx, { asOf: '2026-11-30' }), local.calls.measure(() => generateDashboard(ctx, { asOf: '2026-11-30' })).calls),
        alignment: (generateAlignmentMap(ctx), local.calls.measure(() => generateAlignmentMap(ctx)).calls),
      };
    };
    const small = measure(10);
    const large = measure(500);
    expect(large).toEqual(small);
    // measured: review 135, dashboard 169, alignment map 160 — one snapshot of the 8 sheets
    // (one metadata finder call whose entries are read one getter at a time, one values read per
    // sheet), then the owned block cleared and rewritten; nothing per row
    expect(small.review).toBeLessThanOrEqual(150);
    expect(small.dashboard).toBeLessThanOrEqual(185);
    expect(small.alignment).toBeLessThanOrEqual(175);
  });
});

describe('dashboard and alignment map', () => {
  it('dashboard: one row per unit, one column chart of scores, replaced (not piled up) on regeneration', () => {
    const { local, ctx } = salesWorkbook('en');
    const before = JSON.stringify(userSheets(local));
    const r = generateDashboard(ctx, { asOf: '2026-11-30' });
    generateDashboard(ctx, { asOf: '2026-12-01' });
    expect(r.units).toBe(3);
    const charts = local.ss.chartsOf(r.dashboardSheet);
    expect(charts).toHaveLength(1);
    expect(String(charts[0]!.type)).toMatch(/COLUMN/i);
    expect(charts[0]!.ranges).toEqual(['A4:A7', 'F4:F7']);
    const plan = local.sheetPlan(r.dashboardSheet);
    expect(plan.values[4]![0]).toBe('销售中心');
    expect(plan.values[4]![5]).toBeCloseTo(0.7, 9);
    expect(local.toPlan().sheets.filter((s) => s.metadata[OWNER_KEY] === 'dashboard')).toHaveLength(1);
    expect(JSON.stringify(userSheets(local))).toBe(before);
  });

  it('alignment map: indented tree with progress, one sheet on regeneration', () => {
    const { local, ctx } = salesWorkbook('en');
    const r = generateAlignmentMap(ctx);
    generateAlignmentMap(ctx);
    expect(r.problems).toEqual([]);
    const plan = local.sheetPlan(r.alignmentSheet);
    const names = plan.values.map((row) => row[0]);
    expect(names).toContain('■ 销售中心');
    expect(names).toContain('                ■ 渠道团队');
    const centerRow = plan.values.find((row) => row[0] === '    ◆ O1 大幅提升销售中心全年业绩')!;
    expect(centerRow[3]).toBeCloseTo(0.56875, 12);
    expect(local.toPlan().sheets.filter((s) => s.metadata[OWNER_KEY] === 'alignment')).toHaveLength(1);
  });
});

describe('the 3-level sales chain built from the templates', () => {
  it('check-ins through the sheets roll up to the hand-computed expectation; review covers every objective', async () => {
    const { getRole } = await import('../../src/core/templates');
    const { buildWorkbookPlan } = await import('../../src/core/plan/okrSheet');
    const local = createLocalApp({ lang: 'zh-CN' });
    const ctx = local.ctx('zh-CN');
    const common = { lang: 'zh-CN' as const, cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', spareRows: 2 };
    applyWorkbookPlan(ctx, buildWorkbookPlan({ ...common, role: getRole('sales', 'salesCenter'), owner: '王总', unit: '销售中心', sheetName: '销售中心' }));
    applyWorkbookPlan(ctx, buildWorkbookPlan({ ...common, role: getRole('sales', 'regionalTeam'), owner: '赵强', unit: '北京销售团队', alignedTo: '销售中心', sheetName: '北京销售团队' }));
    applyWorkbookPlan(ctx, buildWorkbookPlan({ ...common, role: getRole('sales', 'channelTeam'), owner: '孙丽', unit: '渠道团队', alignedTo: '北京销售团队', sheetName: '渠道团队' }));
    const ci = (sheet: string, krId: string, value: number, date = '2026-11-15') =>
      recordCheckIn(ctx, { sheet, krId, value, confidence: 7, done: `${krId} 本月推进`, next: `${krId} 下一步`, blockers: krId.endsWith('KR2') ? '需要市场部支持' : '', date });
    // 渠道团队 O1: 0→30 at 24, 0→2000 at 1000, at least 10 at 10, 0→10 at 3
    ci('渠道团队', 'O1.KR1', 24); ci('渠道团队', 'O1.KR2', 1000); ci('渠道团队', 'O1.KR3', 10); ci('渠道团队', 'O1.KR4', 3);
    // 北京销售团队 O1: at least 400 at 300, 0→15 at 6, 0→4000 at 2000
    ci('北京销售团队', 'O1.KR1', 300); ci('北京销售团队', 'O1.KR2', 6); ci('北京销售团队', 'O1.KR3', 2000);
    // 销售中心 O1: at least 1200 at 600, 40→60 at 50, 0→12000 at 3000
    ci('销售中心', 'O1.KR1', 600); ci('销售中心', 'O1.KR2', 50); ci('销售中心', 'O1.KR3', 3000);

    const tree = alignmentTree(ctx);
    expect(tree.problems.map((p) => p.message.en)).toEqual([]);
    const idx = objectiveIndex(tree);
    // own progress:
    //   渠道团队/O1    = (24/30 + 1000/2000 + 1 + 3/10) / 4 = (0.8 + 0.5 + 1 + 0.3) / 4 = 0.65
    //   北京销售团队/O1 = (300/400 + 6/15 + 2000/4000) / 3 = (0.75 + 0.4 + 0.5) / 3 = 0.55
    //   销售中心/O1    = (600/1200 + (50−40)/(60−40) + 3000/12000) / 3 = (0.5 + 0.5 + 0.25) / 3 = 0.41666…
    // roll-up (own KRs and aligned objectives, half each):
    //   北京销售团队/O1 = 0.5 × 0.65 + 0.5 × 0.55 = 0.6
    //   销售中心/O1    = 0.5 × 0.6 + 0.5 × 1.25/3 = 0.3 + 0.208333… = 0.508333…
    expect(idx.get('渠道团队/O1')!.progress).toBeCloseTo(0.65, 12);
    expect(idx.get('北京销售团队/O1')!.fromKrs).toBeCloseTo(0.55, 12);
    expect(idx.get('北京销售团队/O1')!.progress).toBeCloseTo(0.6, 12);
    expect(idx.get('销售中心/O1')!.fromKrs).toBeCloseTo(1.25 / 3, 12);
    expect(idx.get('销售中心/O1')!.progress).toBeCloseTo(0.3 + 1.25 / 6, 12);
    expect(tree.roots.map((u) => u.unit)).toEqual(['销售中心']);

    // each level's review: its own objectives, nine parts each, with the level below as context
    for (const sheet of ['销售中心', '北京销售团队', '渠道团队']) {
      const doc = buildReviewDoc(ctx, { sheet, asOf: '2026-11-30', month: '2026-11' });
      expect(doc.objectives.length).toBeGreaterThan(0);
      for (const o of doc.objectives) expect(o.parts.map((p) => p.key)).toEqual([...REVIEW_PARTS]);
      const o1 = doc.objectives[0]!;
      expect(o1.parts.find((p) => p.key === 'why')!.lines[0]).toMatch(/^为什么：/);
      expect(o1.parts.find((p) => p.key === 'done')!.lines[0]).toBe('2026-11-15 O1.KR1: O1.KR1 本月推进');
      expect(o1.parts.find((p) => p.key === 'problems')!.lines[0]).toBe('2026-11-15 O1.KR2: 需要市场部支持');
      expect(doc.monthly.objectives[0]!.krs[0]!.work).toEqual(['2026-11-15: O1.KR1 本月推进']);
    }
    const centerDoc = buildReviewDoc(ctx, { sheet: '销售中心', asOf: '2026-11-30' });
    expect(centerDoc.children.map((c) => c.unit)).toEqual(['北京销售团队']);
    expect(centerDoc.objectives[0]!.rollup!.fromChildren).toBeCloseTo(0.6, 12);
  });
});
