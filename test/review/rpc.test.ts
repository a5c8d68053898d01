/** The review methods through the RPC dispatcher: payloads validated, errors in words, results plain data. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import { buildOkrSheetPlanFromRows } from '../../src/core/plan/okrSheet';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { createLocalApp } from '../../src/local/workbook';
import { beijing, center } from './fixtures';

function workbook() {
  const local = createLocalApp({ lang: 'en' });
  const ctx = local.ctx('en');
  for (const [t, name] of [[center, '销售中心'], [beijing, '北京销售团队']] as const) {
    applyWorkbookPlan(ctx, {
      sheets: [buildOkrSheetPlanFromRows({
        lang: 'en', sheetName: name, spareRows: 0, settingsSheetName: null, header: { ...t.header, asOf: null },
        rows: t.rows.map((r) => ({ id: r.id, type: r.type, title: r.title, owner: r.owner, alignsTo: r.alignsTo, start: r.start, target: r.target, current: r.current, unit: r.unit, selfScore: r.selfScore, notes: r.notes })),
      })],
    });
  }
  return { local, ctx };
}

describe('review RPC methods', () => {
  it('generateReview / reviewMarkdown / generateDashboard / generateAlignmentMap / alignmentTree', () => {
    const { ctx } = workbook();
    const call = (m: string, p: unknown) => dispatch(m, p, () => ctx, 'en');
    const g = call('generateReview', { sheet: '销售中心', asOf: '2026-11-30', month: '2026-11' });
    expect(g.ok).toBe(true);
    if (g.ok) expect(g.result).toMatchObject({ reviewSheet: 'Review 销售中心 2026-Q4', objectives: 2 });
    const md = call('reviewMarkdown', { sheet: '销售中心', asOf: '2026-11-30' });
    expect(md.ok && (md.result as { markdown: string }).markdown).toContain('# OKR review: 销售中心 (2026-Q4)');
    const d = call('generateDashboard', { asOf: '2026-11-30' });
    expect(d.ok && d.result).toMatchObject({ dashboardSheet: 'Dashboard', units: 2 });
    const a = call('generateAlignmentMap', { mode: 'both' });
    expect(a.ok && a.result).toMatchObject({ alignmentSheet: 'Alignment map', units: 2, problems: [] });
    const t = call('alignmentTree', {});
    expect(t.ok).toBe(true);
    // plain data: survives JSON (google.script.run drops anything else)
    if (t.ok) expect(JSON.parse(JSON.stringify(t.result))).toEqual(t.result);
  });

  it('bad payloads and missing sheets become short localized messages', () => {
    const { ctx } = workbook();
    const bad = dispatch('generateReview', { sheet: '销售中心', month: 'November' }, () => ctx, 'zh-CN');
    expect(bad).toMatchObject({ ok: false, code: 'invalidInput' });
    const extra = dispatch('alignmentTree', { mode: 'all' }, () => ctx, 'en');
    expect(extra.ok).toBe(false);
    const missing = dispatch('generateReview', { sheet: 'Nowhere', asOf: '2026-11-30' }, () => ctx, 'zh-CN');
    expect(missing).toEqual({ ok: false, code: 'notFound', message: '找不到工作表“Nowhere”。' });
  });
});
