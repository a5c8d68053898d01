/** Plans for the xlsx tests: real OKR sheet plans built by core from explicit rows. */
import type { Lang } from '../../src/core/i18n';
import type { KrType } from '../../src/core/model';
import { buildOkrSheetPlanFromRows, type OkrSheetRow } from '../../src/core/plan/okrSheet';
import type { PlanCell, WorkbookPlan } from '../../src/core/plan/types';

export const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

export function smallRows(lang: Lang): OkrSheetRow[] {
  const zh = lang === 'zh-CN';
  return [
    { id: 'O1', type: 'objective', title: zh ? '提升客户满意度' : 'Delight customers', owner: 'Li', source: 'bottomUp', agreed: true },
    { id: 'O1.KR1', type: 'increase', title: zh ? 'NPS 从 45 提升到 60' : 'Raise NPS from 45 to 60', owner: 'Li', start: 45, target: 60, current: 50, weight: 0.5, due: '2026-12-31' },
    { id: 'O1.KR2', type: 'decrease', title: zh ? '投诉数由 40 降到 10' : 'Cut complaints from 40 to 10', owner: 'Wang', start: 40, target: 10, current: 31, weight: 0.5, due: '2026-11-30' },
    { id: 'O2', type: 'objective', title: '=HYPERLINK("x")', owner: 'Zhao', source: 'topDown', agreed: false, notes: '@Sales 依赖' },
    { id: 'O2.KR1', type: 'milestone', title: zh ? '上线新版官网' : 'Launch the new site', owner: 'Zhao', current: true, valueFormat: '0%' },
    { id: 'O2.KR2', type: 'atMost', title: zh ? '故障不高于 2 次' : 'At most 2 incidents', owner: 'Zhao', start: 8, target: 2, current: 'five', unit: zh ? '次' : 'x' },
  ];
}

export function smallPlan(lang: Lang = 'zh-CN', asOf: string | null = '2026-11-15'): WorkbookPlan {
  return {
    sheets: [
      buildOkrSheetPlanFromRows({
        lang,
        header: { unit: lang === 'zh-CN' ? '销售中心' : 'Sales', level: 'department', owner: 'Li', ...CYCLE, alignedTo: '', asOf },
        rows: smallRows(lang),
        settingsSheetName: null,
        spareRows: 5,
      }),
    ],
  };
}

/** Deterministic generated KR rows covering every type and the awkward inputs. */
export function generatedRows(n: number, seed = 7): OkrSheetRow[] {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: OkrSheetRow[] = [];
  const types: KrType[] = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone'];
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (i % 5 === 0) {
      o++;
      rows.push({ id: `O${o}`, type: 'objective', title: `Objective ${o}`, owner: 'A' });
    }
    const type = types[i % types.length]!;
    const k = Math.floor(rnd() * 8);
    let start: PlanCell = Math.round(rnd() * 100);
    let target: PlanCell = Math.round(rnd() * 200) - 50;
    let current: PlanCell = Math.round(rnd() * 300) - 100;
    if (type === 'milestone') {
      start = null;
      target = 1;
      current = [true, false, 0.7, null, 1, 0, 0.25, 'done'][k]!;
    } else {
      switch (k) {
        case 0: current = null; break; // blank = not started
        case 1: current = 'n/a'; break; // text in a number cell
        case 2: start = -20; target = -5; current = -12; break; // negatives
        case 3: current = (target as number) * 3 + 50; break; // over target
        case 4: start = target; break; // start = target
        case 5: start = null; break; // blank start
        default: break;
      }
    }
    const weight: PlanCell = i % 3 === 0 ? null : [0.2, 0.3, 0.5][i % 3]!;
    rows.push({ id: `O${o}.KR${(i % 5) + 1}`, type, title: `KR ${i}`, owner: 'B', start, target, current, weight, selfScore: i % 17 === 0 ? 0.6 : null });
  }
  return rows;
}

export function bigPlan(n: number, asOf: string | null = '2026-11-15'): WorkbookPlan {
  return {
    sheets: [
      buildOkrSheetPlanFromRows({
        lang: 'en',
        header: { unit: 'Load', level: 'team', owner: 'A', ...CYCLE, alignedTo: '', asOf },
        rows: generatedRows(n),
        settingsSheetName: null,
        spareRows: 0,
      }),
    ],
  };
}

import { buildWorkbookPlan } from '../../src/core/plan/okrSheet';
import type { RoleTemplate } from '../../src/core/templates/schema';

/** A small role template (so the tests do not depend on the template library's content). */
export const ROLE: RoleTemplate = {
  id: 'test-role',
  name: { 'zh-CN': '测试中心', en: 'Test Center' },
  level: 'department',
  objectives: [
    {
      title: { 'zh-CN': '提升交付质量', en: 'Ship with quality' },
      why: { 'zh-CN': '客户反馈缺陷多', en: 'Customers report many defects' },
      source: 'bottomUp',
      krs: [
        { type: 'decrease', title: { 'zh-CN': '线上缺陷由 30 降至 10', en: 'Cut escaped defects from 30 to 10' }, start: 30, target: 10, due: 'end', weight: 0.6 },
        { type: 'increase', title: { 'zh-CN': '自动化覆盖率由 40% 提升至 70%', en: 'Raise automation from 40% to 70%' }, start: 0.4, target: 0.7, unit: { 'zh-CN': '%', en: '%' }, due: 2, weight: 0.4 },
      ],
    },
    {
      title: { 'zh-CN': '建立发布节奏', en: 'Set a release rhythm' },
      why: { 'zh-CN': '发布不可预测', en: 'Releases are unpredictable' },
      source: 'topDown',
      krs: [
        { type: 'milestone', title: { 'zh-CN': '上线发布日历', en: 'Publish the release calendar' }, target: 1, due: 1 },
        { type: 'atMost', title: { 'zh-CN': '回滚次数不高于 2 次', en: 'At most 2 rollbacks' }, start: 6, target: 2, unit: { 'zh-CN': '次', en: 'rollbacks' }, due: 'end' },
      ],
    },
  ],
};

export function templateWorkbook(lang: Lang, asOf: string | null = '2026-11-15'): WorkbookPlan {
  return buildWorkbookPlan({ role: ROLE, lang, ...CYCLE, owner: 'Chen', asOf, departmentId: 'qa' });
}
