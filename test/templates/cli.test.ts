/**
 * The offline paths from a template to a sheet fill the placeholders too (issue 12 §4):
 * `okr-sheets template` with --unit, and `okr-sheets setup` from an .xlsx roster (the hub) whose
 * Templates sheet holds a company template the roster names.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { templatesSheetPlan } from '../../src/core/distribution/companyTemplates';
import { buildRosterTemplatePlan } from '../../src/core/roster';
import { exportXlsx } from '../../src/local/xlsx/export';
import { readXlsxValues } from '../../src/local/xlsx/values';
import { cli, tempDir } from '../cli/xlsx-helpers';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

const okrTexts = async (file: string) => {
  const wb = await readXlsxValues(readFileSync(join(dir, file)));
  return wb.sheets.filter((s) => s.role === 'okr').map((s) => ({ name: s.name, text: s.values.flat().filter((c) => typeof c === 'string').join('\n') }));
};

describe('offline placeholders', () => {
  it('template --unit: a regional team outside Beijing gets its own name', async () => {
    const r = await cli(dir, 'template', 'sales', '--role', 'regionalTeam', '--lang', 'zh-CN', '--cycle', '2026-Q4', '--unit', '华东销售组', '-o', 'east.xlsx');
    expect(r.code, r.err).toBe(0);
    const [okr] = await okrTexts('east.xlsx');
    expect(okr!.text).toContain('把华东销售组打造成行业领先的销售团队');
    expect(okr!.text).toContain('华东销售业绩达到 4000 万元');
    expect(okr!.text).not.toMatch(/北京|\{(unit|parent|city)\}/);
  });

  it('setup from a hub .xlsx uses the company template its roster names', async () => {
    const roster = buildRosterTemplatePlan('zh-CN');
    roster.values = [
      ['单元', '层级', '上级单元', '负责人', '部门模板', '角色模板'],
      ['星河', '公司', '', '王', '公司', ''],
      ['华东法务组', '部门', '星河', '陈', '法务', '法务经理'],
    ];
    const templates = templatesSheetPlan('zh-CN');
    templates.values = [
      templates.values[0]!,
      ['法务', '法务经理', '部门', '目标', '让{unit}的合同风险可控', 'Keep contract risk under control in {unit}', null, null, null, null, null, null],
      [null, null, null, '降低', '合同平均审核时间由 5 天缩短至 2 天', 'Contract review time falls from 5 to 2 days', 5, 2, '天', 2, null, null],
      [null, null, null, '不低于', '合同模板覆盖率不低于 90%', 'Template coverage at least 90%', 0.5, 0.9, '%', null, null, null],
    ];
    writeFileSync(join(dir, 'hub.xlsx'), await exportXlsx({ sheets: [roster, templates] }));
    const r = await cli(dir, 'setup', 'hub.xlsx', '--cycle', '2026-Q4', '-o', 'org.xlsx');
    expect(r.code, r.err).toBe(0);
    const sheets = await okrTexts('org.xlsx');
    const legal = sheets.find((s) => s.text.includes('华东法务组'));
    expect(legal?.text).toContain('让华东法务组的合同风险可控');
    expect(sheets.map((s) => s.text).join('\n')).not.toMatch(/\{\w+\}/);
  });
});
