/**
 * Built-in template texts carry placeholders, never a place (issue 12 §4): a roster's 华东销售组
 * gets its own name, every path from a template to a sheet fills them, and no `{key}` ever
 * reaches a sheet, also when nothing about the unit is known.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/i18n';
import { buildWorkbookPlan, templateRows } from '../../src/core/plan/okrSheet';
import { allDepartments, getRole, parentOf } from '../../src/core/templates';
import { fillText, placeholdersIn, placeholderValuesFor, PLACE_NAMES, regionOf } from '../../src/core/templates/placeholders';
import { hardCodedPlaceTexts } from '../../src/core/distribution';

const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };
const texts = (plan: ReturnType<typeof buildWorkbookPlan>) =>
  plan.sheets.flatMap((s) => s.values.flat()).filter((c): c is string => typeof c === 'string').join('\n');

describe('built-in texts', () => {
  it('name no place (the list stays empty; it fails when a place name comes back)', () => {
    expect(hardCodedPlaceTexts()).toEqual([]);
    // and the check itself finds one when it is there
    const d = structuredClone(allDepartments().find((x) => x.id === 'sales')!);
    d.roles[0]!.objectives[0]!.title['zh-CN'] = '拿下上海市场';
    d.roles[0]!.objectives[0]!.krs[0]!.title.en = 'Win Shenzhen';
    expect(hardCodedPlaceTexts([d]).map((h) => `${h.template} ${h.path} ${h.lang}`)).toEqual([
      `sales/${d.roles[0]!.id} O1.title zh-CN`,
      `sales/${d.roles[0]!.id} O1.KR1.title en`,
    ]);
  });
  it('use only known placeholders', () => {
    const used = new Set<string>();
    for (const d of allDepartments()) for (const r of d.roles) for (const o of r.objectives) {
      for (const l of LANGS) {
        [o.title[l], o.why[l], r.name[l], ...o.krs.map((k) => k.title[l])].forEach((t) => placeholdersIn(t).forEach((p) => used.add(p)));
      }
    }
    expect([...used].sort()).toEqual(['city', 'parent', 'unit']);
  });
});

describe('filling', () => {
  it('gives a roster unit outside Beijing its own name and parent', () => {
    const role = getRole('sales', 'regionalTeam');
    const rows = templateRows({ role, lang: 'zh-CN', ...CYCLE, owner: '周杰', unit: '华东销售组', alignedTo: '销售中心' }, '销售中心');
    expect(rows[0]!.title).toBe('把华东销售组打造成行业领先的销售团队');
    expect(rows[0]!.notes).toContain('华东销售组的打法可以有创新，但方向必须服务销售中心的业绩目标。');
    expect(rows.find((r) => r.id === 'O1.KR3')!.title).toBe('华东销售业绩达到 4000 万元');
    const en = templateRows({ role, lang: 'en', ...CYCLE, owner: 'Zhou', unit: 'East China sales team', alignedTo: 'Sales center' }, '');
    expect(en.find((r) => r.id === 'O1.KR3')!.title).toBe('East China revenue reaches ¥40M');
    expect(en[0]!.notes).toContain('East China sales team may find its own way, but it must serve the growth goal of Sales center.');
  });
  it('defaults unknown values: no `{key}` and no place in any role\'s sheet, both languages', () => {
    for (const d of allDepartments()) for (const role of d.roles) for (const lang of LANGS) {
      const t = texts(buildWorkbookPlan({ role, lang, ...CYCLE, owner: '' }));
      expect(t, `${d.id}/${role.id} ${lang}`).not.toMatch(/\{(unit|parent|owner|city|company)\}/);
      for (const p of PLACE_NAMES[lang]) expect(t).not.toContain(p);
    }
    const role = getRole('sales', 'channelTeam');
    const withParent = templateRows({ role, lang: 'zh-CN', ...CYCLE, owner: '', parentRole: parentOf(role) }, '');
    expect(withParent[0]!.notes).toContain('渠道是区域销售团队扩大覆盖的杠杆');
    const alone = templateRows({ role, lang: 'en', ...CYCLE, owner: '' }, '');
    expect(alone[0]!.notes).toContain('Channels are the lever the parent team uses');
  });
  it('explicit placeholder values win over what the options say', () => {
    const role = getRole('sales', 'regionalTeam');
    const rows = templateRows({ role, lang: 'zh-CN', ...CYCLE, owner: '', unit: '一组', placeholders: { city: '西南' } }, '');
    expect(rows.find((r) => r.id === 'O1.KR3')!.title).toBe('西南销售业绩达到 4000 万元');
  });
  it('reads a region from a unit name, and keeps unknown keys visible', () => {
    expect(regionOf('华东销售组')).toBe('华东');
    expect(regionOf('East China sales team')).toBe('East China');
    expect(regionOf('法务')).toBe('法务');
    // no region in the name: the unit's own name, never half of it
    expect(regionOf('销售一组')).toBe('销售一组');
    expect(regionOf('市场部')).toBe('市场部');
    const v = placeholderValuesFor({ unit: '华南大区' }, 'x', 'zh-CN');
    expect(v).toEqual({ unit: '华南大区', parent: '上级团队', owner: '负责人', city: '华南', company: '公司' });
    expect(fillText('{city}·{nope}', v)).toBe('华南·{nope}');
  });
});
