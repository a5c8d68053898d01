/**
 * The grading round (issue 14 §3): core rows (computed / self / manager / final), typed scores in
 * each scale, the view and Save through the RPC on the in-memory workbook — only the Manager score
 * and Comment cells written, the sheet's own Final score formula then agreeing with core.
 */
import { describe, expect, it } from 'vitest';
import { calibrationItems, gradeRows, parseTypedScore, scoreRange, scoreText } from '../../src/core/grading';
import { fmt } from '../../src/core/i18n';
import { DEFAULT_SETTINGS, type OkrSettings } from '../../src/core/model';
import { dispatch } from '../../src/addon/rpc/server';
import type { GradingView } from '../../src/core/tasks/grading';
import { readOkrSheetModel, takeSnapshot } from '../../src/sheets/snapshot';
import { readSnapshot } from '../../src/core/snapshot';
import { gradedWorkbook } from './fixtures';

const settings = (p: Partial<OkrSettings>): OkrSettings => ({ ...DEFAULT_SETTINGS, ...p });

describe('core: grade rows', () => {
  it('computed ignores self-scores; final = manager, else the Score cell', () => {
    const { ctx } = gradedWorkbook();
    const { okr } = readOkrSheetModel(ctx, 'Sales');
    const rows = gradeRows(okr.read.table, '2026-12-31', DEFAULT_SETTINGS);
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(rows.map((r) => `${r.kind}:${r.id}`)).toEqual(['objective:O1', 'kr:O1.KR1', 'kr:O1.KR2', 'objective:O2', 'kr:O2.KR1']);
    expect(by['O1.KR1']).toMatchObject({ computed: 0.6, self: null, manager: null, final: 0.6 });
    expect(by['O1.KR2']).toMatchObject({ computed: 0.4, self: 0.8, manager: 0.4, final: 0.4, comment: 'Half of the channels are not active yet' });
    // O1's Score cell: the mean of its KRs' Score cells (0.6 and KR2's self 0.8); computed from progress only
    expect(by.O1!.computed).toBeCloseTo(0.5, 10);
    expect(by.O1!.final).toBeCloseTo(0.7, 10);
    // a rubric KR: 80 meets ≥70 → 0.7
    expect(by['O2.KR1']).toMatchObject({ computed: 0.7, rubric: '≥90:1; ≥70:0.7; ≥50:0.3' });
    expect(by.O2).toMatchObject({ self: 0.6, manager: 0.7, final: 0.7 });
  });

  it('calibration: self and manager 0.3 or more apart, either way, including exactly 0.3', () => {
    const rows = [
      { id: 'a', self: 0.8, manager: 0.4 }, { id: 'b', self: 0.6, manager: 0.9 }, { id: 'c', self: 0.6, manager: 0.7 },
      { id: 'd', self: null, manager: 0.1 }, { id: 'e', self: 0.5, manager: 0.2 },
    ].map((r, index) => ({ index, kind: 'kr' as const, type: 'increase' as const, objectiveId: 'O1', title: r.id, owner: '', computed: 0, final: 0, comment: '', rubric: '', ...r }));
    const items = calibrationItems(rows, { sheet: 'S', unit: 'U' });
    expect(items.map((i) => [i.id, Number(i.difference.toFixed(6))])).toEqual([['a', -0.4], ['b', 0.3], ['e', -0.3]]);
  });
});

describe('core: scores in the scale', () => {
  it('shows a share as the Score cell does', () => {
    expect(scoreText(0.66, settings({ scoreScale: '0-1' }), 'en')).toBe('0.7');
    expect(scoreText(0.66, settings({ scoreScale: '0-100' }), 'zh-CN')).toBe('66 分');
    expect(scoreText(0.66, settings({ scoreScale: '0-100' }), 'en')).toBe('66 pts');
    expect(scoreText(0.66, settings({ scoreScale: 'percent' }), 'en')).toBe('66%');
    expect(scoreText(null, DEFAULT_SETTINGS, 'en')).toBe('—');
  });

  it('reads typed manager scores per scale and refuses values outside the range in both languages', () => {
    const s01 = settings({ scoreScale: '0-1' });
    const s100 = settings({ scoreScale: '0-100' });
    const sPct = settings({ scoreScale: 'percent' });
    expect(parseTypedScore('0.7', 'O1', s01)).toEqual({ ok: true, value: 0.7 });
    expect(parseTypedScore('70%', 'O1', s01)).toEqual({ ok: true, value: 0.7 });
    expect(parseTypedScore('', 'O1', s01)).toEqual({ ok: true, value: null });
    expect(parseTypedScore('70分', 'O1', s100)).toEqual({ ok: true, value: 70 });
    expect(parseTypedScore('70 pts', 'O1', s100)).toEqual({ ok: true, value: 70 });
    expect(parseTypedScore('70', 'O1', sPct)).toEqual({ ok: true, value: 0.7 });
    expect(parseTypedScore('70%', 'O1', sPct)).toEqual({ ok: true, value: 0.7 });
    const bad = parseTypedScore('7', 'O1.KR2', s01);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(fmt(bad.message, 'en', bad.params)).toBe('O1.KR2: manager score 7 is outside 0–1');
      expect(fmt(bad.message, 'zh-CN', bad.params)).toBe('O1.KR2：上级评分 7 超出 0–1');
    }
    const junk = parseTypedScore('good', 'O1', s100);
    expect(!junk.ok && fmt(junk.message, 'en', junk.params)).toBe('O1: “good” is not a score; enter a number in 0–100');
    expect(parseTypedScore('101', 'O1', s100).ok).toBe(false);
    expect(parseTypedScore('-1', 'O1', s01).ok).toBe(false);
    // over-achievement allowed to 120%: the range widens
    expect(scoreRange(settings({ scoreScale: 'percent', progressCap: 1.2 })).text).toBe('0–120%');
    expect(parseTypedScore('1.2', 'O1', settings({ progressCap: 1.2 }))).toEqual({ ok: true, value: 1.2 });
    expect(parseTypedScore('1.3', 'O1', settings({ progressCap: 1.2 })).ok).toBe(false);
  });
});

describe('RPC gradingView / saveGrades on the in-memory workbook', () => {
  it('the view lists every row with the cells Save would write', () => {
    const { ctx } = gradedWorkbook();
    const r = dispatch('gradingView', { sheet: 'Sales' }, () => ctx, 'en');
    expect(r.ok).toBe(true);
    const view = (r as { result: GradingView }).result;
    expect(view).toMatchObject({ scale: '0-1', range: '0–1', sheets: [{ sheet: 'Sales', unit: 'Sales centre', editable: true }] });
    const kr2 = view.rows.find((x) => x.id === 'O1.KR2')!;
    expect(kr2).toMatchObject({ text: { computed: '0.4', self: '0.8', manager: '0.4', final: '0.4' }, managerInput: '0.4', managerCell: 'V9', commentCell: 'X9' });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('Save writes only Manager score and Comment (2 setValues for adjacent rows); the sheet\'s Final score follows', () => {
    const { ctx, local } = gradedWorkbook();
    const before = takeSnapshot(ctx, { sheets: ['Sales'] }).sheets.find((s) => s.name === 'Sales')!.values;
    const m = local.calls.measure(() => dispatch('saveGrades', {
      sheet: 'Sales',
      grades: [
        { id: 'O1.KR1', managerScore: '0.9', comment: '=1+1 shows as text' },
        { id: 'O1.KR2', managerScore: '', comment: '' },
      ],
    }, () => ctx, 'en'));
    expect(m.result.ok).toBe(true);
    const res = (m.result as { result: { ok: true; written: number; view: GradingView } }).result;
    expect(res.ok).toBe(true);
    expect(res.written).toBe(2);
    expect(m.counts.setValues).toBe(2);
    expect(m.counts.setValue ?? 0).toBe(0);
    // the returned view: O1.KR1 final now the manager's; O1.KR2 back to its Score cell (self 0.8)
    const v = Object.fromEntries(res.view.rows.map((x) => [x.id, x]));
    expect(v['O1.KR1']!.final).toBe(0.9);
    expect(v['O1.KR2']!.final).toBe(0.8);

    const after = takeSnapshot(ctx, { sheets: ['Sales'] }).sheets.find((s) => s.name === 'Sales')!.values;
    const changed: string[] = [];
    for (let r = 0; r < Math.max(before.length, after.length); r++) {
      for (let c = 0; c < Math.max(before[r]?.length ?? 0, after[r]?.length ?? 0); c++) {
        if ((before[r]?.[c] ?? '') !== (after[r]?.[c] ?? '')) changed.push(`${String.fromCharCode(65 + c)}${r + 1}`);
      }
    }
    // V/X = Manager score / Comment; W = Final score (the formula's result); the objective's
    // Final score (W7) follows its Score cell, which did not change
    expect(changed.sort()).toEqual(['V8', 'V9', 'W8', 'W9', 'X8', 'X9']);
    expect(after[7]![22]).toBe(0.9); // W8: the sheet's formula
    expect(after[8]![22]).toBe(0.8); // W9: self-score, the manager's cleared
    expect(after[7]![23]).toBe('=1+1 shows as text'); // read back as text, not a formula
    // the same view again from a fresh read
    const again = dispatch('gradingView', { sheet: 'Sales' }, () => ctx, 'en');
    expect(again.ok && (again.result as GradingView).rows).toEqual(res.view.rows);
  });

  it('a bad score writes nothing and says why in the user\'s language', () => {
    const { ctx, local } = gradedWorkbook();
    const m = local.calls.measure(() => dispatch('saveGrades', {
      sheet: 'Sales', grades: [{ id: 'O1.KR1', managerScore: '0.9', comment: 'ok' }, { id: 'O1.KR2', managerScore: '80', comment: '' }, { id: 'O9', managerScore: null, comment: '' }],
    }, () => ctx, 'zh-CN'));
    expect(m.result).toEqual({ ok: true, result: { ok: false, sheet: 'Sales', errors: ['O1.KR2：上级评分 80 超出 0–1', '“Sales”中没有编号为 O9 的目标或关键结果。'] } });
    expect(m.counts.setValues ?? 0).toBe(0);
  });

  it('service calls do not grow with rows: 5-row and 200-row sheets', () => {
    const count = (n: number) => {
      const rows = [{ id: 'O1', type: 'objective' as const, title: 'O', owner: 'A' }];
      for (let i = 1; i <= n; i++) rows.push({ id: `O1.KR${i}`, type: 'increase' as never, title: `KR ${i}`, owner: 'A', ...({ start: 0, target: 10, current: i % 10 } as object) });
      const { ctx, local } = gradedWorkbook('en', rows);
      const grades = rows.map((r) => ({ id: r.id, managerScore: '0.5', comment: 'c' }));
      const view = local.calls.measure(() => dispatch('gradingView', { sheet: 'Sales' }, () => ctx, 'en')).calls;
      const save = local.calls.measure(() => dispatch('saveGrades', { sheet: 'Sales', grades }, () => ctx, 'en'));
      expect(save.counts.setValues).toBe(2);
      return { view, save: save.calls };
    };
    expect(count(200)).toEqual(count(5));
  });

  it('no sheet named: every OKR sheet, in tab order; an unknown sheet is a short message', () => {
    const { ctx } = gradedWorkbook();
    const all = dispatch('gradingView', {}, () => ctx, 'en');
    expect(all.ok && (all.result as GradingView).sheets.map((s) => s.sheet)).toEqual(['Sales']);
    expect(all.ok && (all.result as GradingView).rows).toHaveLength(5);
    expect(dispatch('gradingView', { sheet: 'Nowhere' }, () => ctx, 'en')).toEqual({ ok: false, code: 'notFound', message: 'No OKR sheet named "Nowhere".' });
  });

  it('a model read from the snapshot agrees with the view (the sheet is the truth)', () => {
    const { ctx } = gradedWorkbook();
    const model = readSnapshot(takeSnapshot(ctx), 'en');
    expect(model.okr[0]!.read.table.rows.find((r) => r.id === 'O1.KR2')).toMatchObject({ managerScore: 0.4, comment: 'Half of the channels are not active yet' });
  });
});

describe('the 0–100 scale through the Settings sheet', () => {
  it('the view shows points; "70" is saved as 70 and the sheet\'s Final score shows 70; 101 is refused', async () => {
    const { buildSettingsPlan } = await import('../../src/core/plan/supportSheets');
    const { buildOkrSheetPlanFromRows } = await import('../../src/core/plan/okrSheet');
    const { applyWorkbookPlan } = await import('../../src/sheets/applyPlan');
    const { createLocalApp } = await import('../../src/local/workbook');
    const local = createLocalApp({ lang: 'zh-CN' });
    const ctx = local.ctx('zh-CN');
    const settings = buildSettingsPlan({ lang: 'zh-CN', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' });
    applyWorkbookPlan(ctx, {
      sheets: [settings, buildOkrSheetPlanFromRows({
        lang: 'zh-CN', sheetName: '销售', spareRows: 1,
        header: { unit: '销售中心', level: 'department', owner: '王总', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: '', asOf: '2026-12-31' },
        rows: [
          { id: 'O1', type: 'objective', title: '增长', owner: '王总' },
          { id: 'O1.KR1', type: 'increase', title: '商机', owner: '李雷', start: 0, target: 1000, current: 600, selfScore: 80 },
        ],
      })],
    });
    const sv = local.ss.getSheetByName(settings.name)!;
    const values = sv.getDataRange().getValues();
    const at = values.findIndex((r) => r.includes('0-1'));
    sv.getRange(at + 1, values[at]!.indexOf('0-1') + 1).setValue('0-100');

    const v = dispatch('gradingView', { sheet: '销售' }, () => ctx, 'zh-CN');
    const view = (v as { result: GradingView }).result;
    expect(view).toMatchObject({ scale: '0-100', range: '0–100' });
    expect(view.rows[1]!.text).toEqual({ computed: '60 分', self: '80 分', manager: '—', final: '80 分' });

    const refused = dispatch('saveGrades', { sheet: '销售', grades: [{ id: 'O1.KR1', managerScore: '101', comment: '' }] }, () => ctx, 'zh-CN');
    expect(refused).toEqual({ ok: true, result: { ok: false, sheet: '销售', errors: ['O1.KR1：上级评分 101 超出 0–100'] } });
    const saved = dispatch('saveGrades', { sheet: '销售', grades: [{ id: 'O1.KR1', managerScore: '70', comment: '好' }] }, () => ctx, 'zh-CN');
    const res = (saved as { result: { ok: true; view: GradingView } }).result;
    expect(res.view.rows[1]!.text.final).toBe('70 分');
    const sheet = takeSnapshot(ctx, { sheets: ['销售'] }).sheets.find((s) => s.name === '销售')!.values;
    const head = sheet.findIndex((r) => r.includes('上级评分'));
    const kr = sheet.findIndex((r) => r[0] === 'O1.KR1');
    expect(sheet[kr]![sheet[head]!.indexOf('上级评分')]).toBe(70);
    expect(sheet[kr]![sheet[head]!.indexOf('最终得分')]).toBe(70);
  });
});
