/**
 * Company templates in the sidebar's Templates panel (issue 12 §4), through the RPC on the
 * in-memory workbook: the workbook's Templates sheet (found by role metadata, never by name) is
 * listed beside the built-ins after the same checks, its invalid rows are named, a company role
 * previews and inserts like a built-in with its `{unit}` filled, and the reads stay flat.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import type { TemplateCatalog, TemplatePreview, InsertResult } from '../../src/addon/rpc/contract';
import { templatesSheetPlan } from '../../src/core/distribution/companyTemplates';
import type { Lang } from '../../src/core/i18n';
import { allDepartments } from '../../src/core/templates';
import { createLocalApp } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { readOkrSheetModel, takeSnapshot } from '../../src/sheets/snapshot';
import { readSnapshot } from '../../src/core/snapshot';
import type { RosterSetupResult } from '../../src/addon/rpc/contract';
import type { SheetsContext } from '../../src/sheets/context';

type Row = (string | number | null)[];
const LEGAL: Row[] = [
  ['法务', '法务经理', '部门', '目标', '让{unit}的合同风险可控', 'Keep contract risk under control in {unit}', null, null, null, null, '合同是最大的风险来源', 'Contracts carry the most risk'],
  [null, null, null, '降低', '合同平均审核时间由 5 天缩短至 2 天', 'Contract review time falls from 5 to 2 days', 5, 2, '天', 2, null, null],
  [null, null, null, '不低于', '合同模板覆盖率不低于 90%', 'Template coverage at least 90%', 0.5, 0.9, '%', null, null, null],
];
/** A role whose only KR has no number target: left out, its row named. */
const BROKEN: Row[] = [
  ['行政', '行政主管', '部门', '目标', '办公环境让人满意', 'A workplace people like', null, null, null, null, null, null],
  [null, null, null, '提升', '员工满意度提升', 'Staff satisfaction rises', 3, '很多', null, null, null, null],
];

function call<T>(ctx: SheetsContext, method: string, payload: unknown, lang: Lang = 'zh-CN'): T {
  const r = dispatch(method, payload, () => ctx, lang);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r as { ok: true; result: T }).result;
}

/** A workbook with a Templates sheet made by the add-on's plan (role metadata `templates`), rows below its header. */
function hub(rows: Row[], lang: Lang = 'zh-CN') {
  const local = createLocalApp({ lang });
  const ctx = local.ctx(lang);
  const [name] = applyWorkbookPlan(ctx, { sheets: [templatesSheetPlan(lang)] });
  if (rows.length) local.ss.getSheetByName(name!)!.getRange(2, 1, rows.length, 12).setValues(rows);
  return { local, ctx, name: name! };
}

describe('company templates in the Templates panel', () => {
  it('lists the company department first, marked, beside every built-in; invalid rows named', () => {
    const { ctx } = hub([...LEGAL, ...BROKEN]);
    const cat = call<TemplateCatalog>(ctx, 'listTemplates', { lang: 'zh-CN' });
    const company = cat.departments.filter((d) => d.source === 'company');
    expect(company.map((d) => [d.id, d.name['zh-CN'], d.roles.map((r) => r.name['zh-CN'])])).toEqual([['hub:company1', '法务', ['法务经理']]]);
    expect(cat.departments[0]!.source).toBe('company');
    expect(cat.departments.filter((d) => d.source === 'builtin').map((d) => d.id)).toEqual(allDepartments().map((d) => d.id));
    // the KR's target is not a number (row 6), so its objective is left with no KR (the role, from row 5)
    expect(cat.companyProblems!.map((m) => m['zh-CN'])).toEqual([
      expect.stringMatching(/行政主管.*不合格/), expect.stringMatching(/第 6 行：目标值不是数字/),
    ]);
    expect(cat.companyProblems![1]!.en).toMatch(/Row 6/);
  });

  it('previews and inserts a company role like a built-in, its {unit} filled (default: the role name)', () => {
    const { ctx, local } = hub(LEGAL);
    const p = call<TemplatePreview>(ctx, 'previewTemplate', { department: 'hub:company1', role: 'r1', lang: 'zh-CN', cycle: '2026-Q4' });
    expect(p.rows.map((r) => [r.id, r.title])).toEqual([
      ['O1', '让法务经理的合同风险可控'],
      ['O1.KR1', '合同平均审核时间由 5 天缩短至 2 天'],
      ['O1.KR2', '合同模板覆盖率不低于 90%'],
    ]);
    const ins = call<InsertResult>(ctx, 'insertTemplate', { department: 'hub:company1', role: 'r1', lang: 'en', cycle: '2026-Q4', unit: 'Legal East', owner: 'Chen' }, 'en');
    expect(ins.rows).toBe(3);
    const { okr } = readOkrSheetModel(local.ctx('en'), ins.sheet);
    expect(okr.read.table.header.unit).toBe('Legal East');
    expect(okr.read.table.rows.map((r) => r.title)).toEqual([
      'Keep contract risk under control in Legal East', 'Contract review time falls from 5 to 2 days', 'Template coverage at least 90%',
    ]);
    expect(okr.read.table.rows.map((r) => r.target)).toEqual([null, 2, 0.9]);
  });

  it('reads the sheet again at insert: a role removed since the listing is refused, nothing made', () => {
    const { ctx, local, name } = hub(LEGAL);
    call<TemplateCatalog>(ctx, 'listTemplates', {});
    local.ss.getSheetByName(name)!.getRange(2, 1, LEGAL.length, 12).clearContent();
    const before = local.ss.getSheets().length;
    const r = dispatch('insertTemplate', { department: 'hub:company1', role: 'r1', lang: 'en', cycle: '2026-Q4' }, () => ctx, 'en');
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toMatch(/Templates sheet has no valid template/);
    expect(local.ss.getSheets().length).toBe(before);
  });

  it('finds the sheet by metadata, never by name: a plain sheet called 公司模板 is not read', () => {
    const local = createLocalApp({ lang: 'zh-CN' });
    local.ss.insertSheet('公司模板').getRange(1, 1, 1 + LEGAL.length, 12).setValues([templatesSheetPlan('zh-CN').values[0] as Row, ...LEGAL]);
    const cat = call<TemplateCatalog>(local.ctx('zh-CN'), 'listTemplates', {});
    expect(cat.departments.some((d) => d.source === 'company')).toBe(false);
    expect(cat.companyProblems).toBeUndefined();
  });

  it('listing costs the same service calls for 3 rows or 60 (one snapshot, one read of the sheet)', () => {
    const measure = (rows: Row[]) => {
      const { local, ctx } = hub(rows);
      return local.calls.measure(() => call<TemplateCatalog>(ctx, 'listTemplates', {}));
    };
    const many: Row[] = [];
    for (let i = 0; i < 20; i++) many.push(...LEGAL.map((r, j) => (j === 0 ? [r[0] ?? null, `法务经理${i}`, ...r.slice(2)] : r)));
    const small = measure(LEGAL);
    const big = measure(many);
    expect(big.result.departments[0]!.roles).toHaveLength(20);
    expect(big.calls).toBe(small.calls);
    // and without a Templates sheet, the catalog is the built-ins as before
    const plain = createLocalApp();
    expect(call<TemplateCatalog>(plain.ctx('en'), 'listTemplates', {}).departments.every((d) => d.source === 'builtin')).toBe(true);
  });

  it('roster set-up in one workbook uses a company template the roster names, {unit} filled', () => {
    const { ctx, local } = hub(LEGAL);
    const made = call<{ sheet: string }>(ctx, 'createRosterSheet', {});
    local.ss.getSheetByName(made.sheet)!.getRange(1, 1, 3, 6).setValues([
      ['单元', '层级', '上级单元', '负责人', '部门模板', '角色模板'],
      ['星河', '公司', '', '王', '公司', ''],
      ['华东法务组', '部门', '星河', '陈', '法务', '法务经理'],
    ]);
    let r = call<RosterSetupResult>(ctx, 'setupFromRoster', { cycle: '2026-Q4' });
    while (r.ok && r.remainingCount) r = call<RosterSetupResult>(ctx, 'setupFromRoster', { cycle: '2026-Q4' });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const model = readSnapshot(takeSnapshot(ctx), 'zh-CN');
    const legal = model.okr.find((o) => o.read.table.header.unit === '华东法务组')!;
    expect(legal.read.table.rows.map((x) => x.title)).toEqual(['让华东法务组的合同风险可控', '合同平均审核时间由 5 天缩短至 2 天', '合同模板覆盖率不低于 90%']);
    // and the built-in company role beside it is filled too (no `{key}` anywhere)
    expect(JSON.stringify(model.okr.map((o) => o.read.table.rows.map((x) => x.title)))).not.toMatch(/\{\w+\}/);
  });
});
