/** The pure parts of the distribution loop: placeholders, generic and company templates, the registry, planning, collection. */
import { describe, expect, it } from 'vitest';
import {
  collectUnits, distributionUnits, fillText, genericDepartment, hardCodedPlaceTexts, lintRole, mergeRegistryValues,
  planDistribution, readCompanyTemplates, readRegistryValues, regionOf, registryRowOf, unitFilePlan, type RegistryRow,
  type UnitSource,
} from '../../src/core/distribution';
import type { PlanCell, WorkbookPlan } from '../../src/core/plan/types';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { COLUMN_LABELS } from '../../src/core/labels';

const CYCLE = { lang: 'zh-CN' as const, cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

const roster = (rows: string[][]) => [['单元', '层级', '上级单元', '负责人', '邮箱', '部门模板'], ...rows];

/** A unit file's plan as the snapshot a shell would take of it (values only, dates ISO). */
function snapshotOf(plan: WorkbookPlan, edit?: (okr: unknown[][]) => void): WorkbookSnapshot {
  const plain = (c: PlanCell): unknown => (c !== null && typeof c === 'object' ? c.date : c);
  const sheets = plan.sheets.map((s) => ({ name: s.name, metaRole: s.role, values: s.values.map((r) => r.map(plain)) }));
  if (edit) edit(sheets.find((s) => s.metaRole === 'okr')!.values);
  return { name: 'unit', sheets, timeZone: 'Asia/Shanghai', asOf: '2026-11-20' };
}

describe('placeholders', () => {
  it('reads the region from the unit name, in both languages', () => {
    expect(regionOf('华东销售组')).toBe('华东');
    expect(regionOf('成都分公司')).toBe('成都');
    expect(regionOf('East China sales team')).toBe('East China');
    expect(regionOf('法务')).toBe('法务');
  });
  it('fills keys; unknown keys stay visible', () => {
    const v = { unit: '华东销售组', parent: '销售中心', owner: '周杰', city: '华东', company: '星河' };
    expect(fillText('打造行业领先的{city}销售团队', v, 'zh-CN')).toBe('打造行业领先的华东销售团队');
    expect(fillText('{unit} 对齐 {parent}，{nope}', v, 'zh-CN')).toBe('华东销售组 对齐 销售中心，{nope}');
    expect(fillText('Win {city}', { ...v, city: 'East China' }, 'en')).toBe('Win East China');
  });
  it('lists the built-in texts that still hard-code a place (for the template owners)', () => {
    const list = hardCodedPlaceTexts();
    for (const h of list) expect(h.text).toMatch(/北京|Beijing/);
    // every one of them is filled away for a team outside Beijing
    const v = { unit: 'x', parent: 'y', owner: 'z', city: '华南', company: 'c' };
    for (const h of list) expect(fillText(h.text, { ...v, city: h.lang === 'en' ? 'South China' : '华南' }, h.lang)).not.toMatch(/北京|Beijing/);
  });
});

describe('generic template', () => {
  it('has a role per level that passes the built-ins\' schema and lint', () => {
    const d = genericDepartment();
    expect(d.roles.map((r) => r.level)).toEqual(['company', 'department', 'team', 'individual']);
    for (const r of d.roles) for (const lang of ['zh-CN', 'en'] as const) expect(lintRole(r, lang).messages, `${r.id} ${lang}`).toEqual([]);
  });
  it('is what a department with no template gets, with the unit named', () => {
    const res = distributionUnits(roster([['星河', '公司', '', '王', '', '公司'], ['法务部', '部门', '星河', '陈', '', '法务'], ['质量组', '团队', '法务部', '何', '', '']]));
    if (!res.ok) throw new Error(JSON.stringify(res.problems));
    expect(res.units.map((u) => u.templateId)).toEqual(['company/ceo', 'generic/department', 'generic/team']);
    const plan = unitFilePlan(res.units[1]!, CYCLE, '../hub.xlsx', '星河');
    const text = plan.sheets[0]!.values.flat().filter((c) => typeof c === 'string').join('\n');
    expect(text).toContain('法务部');
    expect(text).not.toMatch(/\{\w+\}/);
    expect(plan.sheets.map((s) => s.role)).toEqual(['okr', 'checkins', 'actions', 'settings']);
    expect(plan.sheets[0]!.metadata['okrSheets.hub']).toBe('../hub.xlsx');
    expect(plan.sheets[0]!.metadata['okrSheets.parentUnit']).toBe('星河');
  });
  it('still refuses a roster with real problems (a missing parent)', () => {
    const res = distributionUnits(roster([['A', '公司', '', '王', '', '公司'], ['B', '部门', 'Nowhere', '陈', '', '法务']]));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems.map((p) => p.code)).toEqual(['missingParent']);
  });
});

describe('company templates', () => {
  const header = ['部门', '角色', '层级', '类型', '标题（中文）', '标题（英文）', '起始值', '目标值', '单位', '截止（第几个月）', '原因（中文）', '原因（英文）'];
  const good = [
    ['法务', '法务经理', '部门', '目标', '让合同风险可控', 'Keep contract risk under control', null, null, null, null, '合同是最大的风险来源', 'Contracts carry the most risk'],
    [null, null, null, '降低', '合同平均审核时间由 5 天缩短至 2 天', 'Contract review time falls from 5 to 2 days', 5, 2, '天', 2, null, null],
    [null, null, null, '不低于', '合同模板覆盖率不低于 90%', 'Template coverage at least 90%', 0.5, '90%', '%', null, null, null],
  ];
  it('reads a valid role and uses it ahead of the built-ins', () => {
    const t = readCompanyTemplates([header, ...good]);
    expect(t.problems).toEqual([]);
    expect(t.departments).toHaveLength(1);
    expect(t.departments[0]!.roles[0]!.objectives[0]!.krs.map((k) => [k.type, k.target])).toEqual([['decrease', 2], ['atLeast', 0.9]]);
    const res = distributionUnits(roster([['星河', '公司', '', '王', '', '公司'], ['法务部', '部门', '星河', '陈', '', '法务']]), t.departments);
    if (!res.ok) throw new Error('roster');
    expect(res.units[1]!.source).toBe('company');
  });
  it('lists problems with rows; an invalid role is not offered', () => {
    const t = readCompanyTemplates([header, ...good.slice(0, 2), ['行政', '行政', '部门', '提升', 'KR 没有目标', '', 1, 2, '', '', '', ''], ['法务', '法务经理', '', '??', 'x', '', '', '', '', '', '', '']]);
    expect(t.problems.map((p) => p.row)).toEqual([2, 4, 4, 5]); // 1 KR only (schema); KR before an objective, so a role with none; bad type
    expect(t.departments).toEqual([]);
  });
});

describe('registry', () => {
  const row = (unit: string, patch: Partial<RegistryRow> = {}): RegistryRow => ({
    unit, level: 'team', parent: 'P', owner: 'o', email: '', template: 'generic/team', file: `${unit}.xlsx`, status: 'created',
    lastCollected: null, progress: null, score: null, krs: null, stale: null, ...patch,
  });
  it('finds rows by unit after people sort and annotate it', () => {
    const first = mergeRegistryValues(null, [row('A'), row('B'), row('C')], 'en');
    // a person adds a notes column and sorts by unit descending
    const edited: unknown[][] = [[...first[0]!, 'My notes'], ...first.slice(1).reverse().map((r, i) => [...r, `note ${i}`])];
    const merged = mergeRegistryValues(edited, [row('A', { status: 'collected', progress: 0.5 }), row('D')], 'en');
    const read = readRegistryValues(merged);
    expect(read.rows.map((r) => r.unit)).toEqual(['C', 'B', 'A', 'D']);
    expect(read.rows.find((r) => r.unit === 'A')).toMatchObject({ status: 'collected', progress: 0.5 });
    expect(merged.map((r) => r[first[0]!.length])).toEqual(['My notes', 'note 0', 'note 1', 'note 2', null]);
  });
  it('reads status words in either language, problems included', () => {
    const zh = mergeRegistryValues(null, [row('A', { status: 'unreadable' }), row('B', { status: 'shared' })], 'zh-CN');
    expect(readRegistryValues(zh).rows.map((r) => r.status)).toEqual(['unreadable', 'shared']);
  });
});

describe('planning and collecting', () => {
  const res = distributionUnits(roster([
    ['星河', '公司', '', '王', '', '公司'], ['销售中心', '部门', '星河', '李', '', '销售'], ['华东销售组', '团队', '销售中心', '周', '', '销售'],
  ]));
  if (!res.ok) throw new Error('roster');
  const units = res.units;

  it('creates only what is missing; a half-made unit (planned with a file) is made again', () => {
    const first = planDistribution(units, [], () => false);
    expect(first.create.map((s) => s.unit.unit)).toEqual(['星河', '销售中心', '华东销售组']);
    const reg = [registryRowOf(units[0]!, undefined, { file: 'a.xlsx', status: 'created' }), registryRowOf(units[1]!, undefined, { file: 'b.xlsx', status: 'planned' })];
    const second = planDistribution(units, reg, () => true);
    expect(second.existing).toEqual(['星河']);
    expect(second.create.map((s) => s.unit.unit)).toEqual(['销售中心', '华东销售组']);
    const gone = planDistribution(units, [reg[0]!], () => false);
    expect(gone.create.map((s) => s.unit.unit)).toEqual(['星河', '销售中心', '华东销售组']);
  });

  it('collects figures per file, problems on their rows, the roll-up across files', () => {
    const plans = units.map((u) => unitFilePlan(u, CYCLE, 'hub', '星河'));
    const setO1 = (share: number) => (okr: unknown[][]) => {
      const h = okr.findIndex((r) => r.includes(COLUMN_LABELS.id['zh-CN'][0]));
      const c = (k: keyof typeof COLUMN_LABELS) => okr[h]!.indexOf(COLUMN_LABELS[k]['zh-CN'][0]);
      for (const r of okr.slice(h + 1)) {
        if (typeof r[c('id')] !== 'string' || !String(r[c('id')]).startsWith('O1.KR')) continue;
        const s = typeof r[c('start')] === 'number' ? (r[c('start')] as number) : 0;
        r[c('current')] = s + share * ((r[c('target')] as number) - s);
      }
    };
    const registry = units.map((u) => registryRowOf(u, undefined, { file: u.unit, status: 'created' }));
    registry.push(registryRowOf({ ...units[2]!, unit: '华南销售组' }, undefined, { file: 'gone', status: 'created' }));
    const sources = new Map<string, UnitSource>([
      ['星河', { snapshot: snapshotOf(plans[0]!, setO1(0.6)) }],
      ['销售中心', { snapshot: snapshotOf(plans[1]!, setO1(0.5)) }],
      ['华东销售组', { snapshot: snapshotOf(plans[2]!, setO1(0.8)) }],
      ['华南销售组', { problem: 'trashed' }],
    ]);
    const r = collectUnits(registry, sources, '2026-11-20', 'zh-CN', { explicitAsOf: true });
    expect(r.units.map((u) => u.status)).toEqual(['collected', 'collected', 'collected', 'trashed']);
    expect(r.registry[3]!.status).toBe('trashed');
    expect(r.company).toMatchObject({ units: 4, collected: 3, problems: 1 });
    const tree = new Map<string, number>();
    for (const root of r.tree.roots) {
      const walk = (u: typeof root) => { tree.set(u.unit, u.objectives[0]!.progress); u.children.forEach(walk); };
      walk(root);
    }
    const sales = 0.5 * 0.5 + 0.5 * 0.8;
    expect(tree.get('销售中心')).toBeCloseTo(sales, 12);
    expect(tree.get('星河')).toBeCloseTo(0.5 * 0.6 + 0.5 * sales, 12);
    // the team's O1 aligns to the department: 对齐率 counts it
    expect(r.units[2]!.alignmentRate).toBeGreaterThan(0);
    expect(r.units[0]!.alignmentRate).toBeNull();
    expect(r.dashboard.values.some((row) => row[0] === '华南销售组' && row[4] === '文件已移入回收站')).toBe(true);
  });
});
