/**
 * The department template library: schema, lookups (with errors that list the choices),
 * alignment of the 3-level sales chain, the seeds' rules (results not tasks, a leading KR per
 * objective, ≥ 60% bottom-up for teams and people), and every role × language as a plan that
 * the project's own reader and lint accept.
 */
import { describe, expect, test } from 'vitest';
import { LANGS, type Lang } from '../../src/core/i18n';
import { COLUMN_LABELS, ROW_TYPE_LABELS, SOURCE_LABELS, LEVEL_LABELS, label, matchLabel } from '../../src/core/labels';
import { lintTable, findingMessage } from '../../src/core/lint';
import { COLUMN_KEYS, KR_TYPES } from '../../src/core/model';
import { readTableValues, isTableError } from '../../src/core/table';
import { parseKrText } from '../../src/core/krtext';
import { buildOkrSheetPlan, buildWorkbookPlan, FIRST_DATA_ROW, OKR_COLUMNS, TABLE_HEADER_ROW, HEADER_CELLS, templateRows } from '../../src/core/plan/okrSheet';
import { parseCell } from '../../src/core/plan/a1';
import type { PlanCell, SheetPlan } from '../../src/core/plan/types';
import {
  allDepartments,
  findRole,
  getDepartment,
  getRole,
  listDepartments,
  parentOf,
  TemplateError,
  type RoleTemplate,
} from '../../src/core/templates';
import { DepartmentTemplateSchema, parseDepartment } from '../../src/core/templates/schema';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TEMPLATE_DIR = join(__dirname, '../../templates');
const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

const roles = allDepartments().flatMap((d) => d.roles.map((r) => ({ dept: d, role: r })));

describe('library data', () => {
  test('every templates/*.json file is a valid department and is in the index', () => {
    const files = readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const ids = allDepartments().map((d) => d.id);
    for (const f of files) {
      const data = JSON.parse(readFileSync(join(TEMPLATE_DIR, f), 'utf8'));
      const d = parseDepartment(data, f);
      expect(f).toBe(`${d.id}.json`);
      expect(ids).toContain(d.id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the schema rejects broken templates', () => {
    const good = JSON.parse(readFileSync(join(TEMPLATE_DIR, 'hr.json'), 'utf8'));
    expect(DepartmentTemplateSchema.safeParse(good).success).toBe(true);
    const noEnglish = structuredClone(good);
    delete noEnglish.roles[0].objectives[0].title.en;
    expect(DepartmentTemplateSchema.safeParse(noEnglish).success).toBe(false);
    const oneKr = structuredClone(good);
    oneKr.roles[0].objectives[0].krs = oneKr.roles[0].objectives[0].krs.slice(0, 1);
    expect(DepartmentTemplateSchema.safeParse(oneKr).success).toBe(false);
    const badType = structuredClone(good);
    badType.roles[0].objectives[0].krs[0].type = 'grow';
    expect(DepartmentTemplateSchema.safeParse(badType).success).toBe(false);
    const badDue = structuredClone(good);
    badDue.roles[0].objectives[0].krs[0].due = 13;
    expect(() => parseDepartment(badDue, 'x.json')).toThrow(/x\.json/);
  });

  test('departments and roles required by the brief are present', () => {
    const want: Record<string, string[]> = {
      company: ['ceo'],
      hr: ['hrManager', 'recruiter', 'employeeRelations'],
      finance: ['cfo'],
      rnd: ['techDirector', 'productManager'],
      marketing: ['marketingDirector', 'marketingManager', 'growthSpecialist'],
      sales: ['salesManager', 'salesSpecialist', 'startupSales', 'salesCenter', 'regionalTeam', 'channelTeam'],
      procurement: ['procurementLead', 'costBuyer', 'supplierManager', 'supplyPlanner'],
      customerService: ['serviceManager', 'serviceAgent'],
      operations: ['operationsManager', 'contentOperator'],
      engineering: ['engineeringManager', 'engineer'],
    };
    for (const [d, rs] of Object.entries(want)) for (const r of rs) expect(getRole(d, r).id).toBe(r);
  });

  test.each(roles.map((x) => [`${x.dept.id}/${x.role.id}`, x.role] as const))('%s: 1–3 objectives, 2–4 KRs, mixed types', (_, role) => {
    expect(role.objectives.length).toBeGreaterThanOrEqual(1);
    expect(role.objectives.length).toBeLessThanOrEqual(3);
    for (const o of role.objectives) {
      expect(o.krs.length).toBeGreaterThanOrEqual(2);
      expect(o.krs.length).toBeLessThanOrEqual(4);
      for (const k of o.krs) {
        if (k.type === 'decrease') expect(k.start, k.title.en).toEqual(expect.any(Number));
        if (k.type === 'decrease') expect(k.target).toBeLessThan(k.start!);
        if (k.type === 'increase') expect(k.target, k.title.en).toBeGreaterThan(k.start ?? 0);
        if (k.type === 'atMost') expect(k.start ?? -Infinity, k.title.en).toBeGreaterThan(k.target);
        if (k.type === 'atLeast') expect(k.start ?? 0, k.title.en).toBeLessThan(k.target);
        if (k.type === 'milestone') expect(k.target).toBe(1);
        if (k.unit?.en === '%') expect(k.target).toBeLessThanOrEqual(1);
      }
    }
  });

  test('the KR text parser reads every KR title (both languages) as the template describes it', () => {
    // ¥10k (万元) values: the parser applies 万, the template keeps the unit
    const same = (parsed: number, given: number, unit: string | undefined) =>
      Math.abs(parsed - given) < 1e-9 || (unit === '¥10k' && Math.abs(parsed - given * 10000) < 1e-6);
    const bad: string[] = [];
    let n = 0;
    for (const { dept, role } of roles)
      for (const o of role.objectives)
        for (const k of o.krs)
          for (const lang of LANGS) {
            n++;
            const p = parseKrText(k.title[lang]);
            const where = `${dept.id}/${role.id} [${lang}] ${k.title[lang]}`;
            if (k.type === 'milestone') {
              if (p.kind !== 'milestone') bad.push(`${where}: kind ${p.kind}`);
              continue;
            }
            if (p.kind !== 'metric') bad.push(`${where}: kind ${p.kind}`);
            if (p.target !== null && !same(p.target, k.target, k.unit?.en)) bad.push(`${where}: target ${p.target}`);
            if (p.start !== null && k.start != null && !same(p.start, k.start, k.unit?.en)) bad.push(`${where}: start ${p.start}`);
            // a rubric KR's text reads as its direction (increase / decrease): the type is the owner's choice
            if (p.krType !== null && p.krType !== k.type && !(k.type === 'rubric' && (p.krType === 'increase' || p.krType === 'decrease'))) bad.push(`${where}: type ${p.krType}`);
          }
    expect(n).toBeGreaterThan(200);
    expect(bad).toEqual([]);
  });

  test('the library uses every KR type', () => {
    const used = new Set(roles.flatMap((x) => x.role.objectives.flatMap((o) => o.krs.map((k) => k.type))));
    expect([...used].sort()).toEqual([...KR_TYPES].sort());
  });

  test('results, not tasks: no activity verbs in objectives or KRs', () => {
    const zh = /(完成|开展|组织|参与|协助|配合|跟进|负责|推进|举办|xx)/i;
    const en = /\b(attend|help|assist|organi[sz]e|participate|conduct|complete|carry out|work on|follow up|xx)\b/i;
    const bad: string[] = [];
    for (const { role } of roles)
      for (const o of role.objectives)
        for (const t of [o.title, ...o.krs.map((k) => k.title)]) {
          if (zh.test(t['zh-CN'])) bad.push(t['zh-CN']);
          if (en.test(t.en)) bad.push(t.en);
        }
    expect(bad).toEqual([]);
  });

  test('no long-effect / end-game trap: every objective has a KR that is due before the cycle ends', () => {
    const bad = roles.flatMap(({ dept, role }) =>
      role.objectives.filter((o) => !o.krs.some((k) => k.due !== 'end')).map((o) => `${dept.id}/${role.id}: ${o.title.en}`),
    );
    expect(bad).toEqual([]);
  });

  test('teams and people: at least 60% of objectives bottom-up', () => {
    for (const { dept, role } of roles) {
      if (role.level !== 'team' && role.level !== 'individual') continue;
      const up = role.objectives.filter((o) => o.source === 'bottomUp').length;
      expect(up / role.objectives.length, `${dept.id}/${role.id}`).toBeGreaterThanOrEqual(0.6);
    }
  });

  test('alignment: parents exist, alignsTo IDs exist in the parent, and only roles with a parent align', () => {
    for (const { dept, role } of roles) {
      const parent = parentOf(role);
      if (role.parent) expect(parent, `${dept.id}/${role.id}`).not.toBeNull();
      const ids = new Set(
        (parent?.objectives ?? []).flatMap((o, i) => [`O${i + 1}`, ...o.krs.map((_, j) => `O${i + 1}.KR${j + 1}`)]),
      );
      for (const o of role.objectives) {
        const refs = [o.alignsTo, ...o.krs.map((k) => k.alignsTo)].filter((x): x is string => !!x);
        for (const ref of refs) expect(ids.has(ref), `${dept.id}/${role.id} → ${ref}`).toBe(true);
      }
    }
  });

  test('the 3-level sales chain: sales center → regional team → channel team, every objective aligned', () => {
    const center = getRole('sales', 'salesCenter');
    const region = getRole('sales', 'regionalTeam');
    const channel = getRole('sales', 'channelTeam');
    expect(parentOf(region)).toBe(center);
    expect(parentOf(channel)).toBe(region);
    expect([center.level, region.level, channel.level]).toEqual(['department', 'team', 'team']);
    for (const r of [region, channel]) for (const o of r.objectives) expect(o.alignsTo).toMatch(/^O\d+$/);
    // the channel team's revenue KR rolls into the region's revenue KR, which rolls into the center's
    const chRev = channel.objectives[0]!.krs.find((k) => k.unit?.en === '¥10k')!;
    const regRev = region.objectives[0]!.krs.find((k) => `O1.KR${region.objectives[0]!.krs.indexOf(k) + 1}` === chRev.alignsTo)!;
    expect(regRev.unit?.en).toBe('¥10k');
    expect(chRev.target).toBeLessThan(regRev.target);
    const cenRev = center.objectives[0]!.krs[Number(regRev.alignsTo!.split('KR')[1]) - 1]!;
    expect(regRev.target).toBeLessThan(cenRev.target);
  });
});

describe('index API', () => {
  test('listDepartments in both languages', () => {
    const zh = listDepartments('zh-CN');
    const en = listDepartments('en');
    expect(zh.map((d) => d.id)).toEqual(en.map((d) => d.id));
    expect(zh.find((d) => d.id === 'sales')!.name).toBe('销售');
    expect(en.find((d) => d.id === 'sales')!.roles.map((r) => r.id)).toContain('channelTeam');
    for (const d of en) for (const r of d.roles) expect(r.krs).toBeGreaterThanOrEqual(2 * r.objectives);
  });

  test('lookups accept ids in any case and names in either language', () => {
    expect(getRole('SALES', 'salesCenter').id).toBe('salesCenter');
    expect(getRole('销售', '渠道团队').id).toBe('channelTeam');
    expect(getRole('Human resources', 'Recruiting specialist').id).toBe('recruiter');
    expect(getDepartment('采购').id).toBe('procurement');
  });

  test('an unknown department lists every valid department, in both languages', () => {
    let err: unknown;
    try {
      getRole('legal', 'x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateError);
    const msg = (err as TemplateError).localized;
    for (const d of allDepartments()) {
      expect(msg.en).toContain(d.id);
      expect(msg['zh-CN']).toContain(d.name['zh-CN']);
    }
    expect(msg.en).toContain('legal');
  });

  test('an unknown role lists the roles of that department', () => {
    const r = findRole('hr', 'ceo');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const role of getDepartment('hr').roles) {
      expect(r.message.en).toContain(role.id);
      expect(r.message['zh-CN']).toContain(role.name['zh-CN']);
    }
    expect(r.message.en).not.toContain('salesCenter');
  });
});

/** Plan values as Range.getValues() would return them (dates as Date, formulas not evaluated). */
function asSheetValues(sheet: SheetPlan): unknown[][] {
  return sheet.values.map((row) =>
    row.map((v: PlanCell) => {
      if (v && typeof v === 'object') return new Date(`${v.date}T00:00:00Z`);
      if (typeof v === 'string' && v.startsWith('=')) return '';
      return v;
    }),
  );
}

function parentIds(role: RoleTemplate, lang: Lang): Set<string> {
  const parent = parentOf(role);
  if (!parent) return new Set();
  const unit = parent.name[lang];
  return new Set(parent.objectives.flatMap((o, i) => [`${unit}/O${i + 1}`, ...o.krs.map((_, j) => `${unit}/O${i + 1}.KR${j + 1}`)]));
}

describe.each(LANGS)('every role as a plan (%s)', (lang) => {
  test.each(roles.map((x) => [`${x.dept.id}/${x.role.id}`, x] as const))('%s', (_, { dept, role }) => {
    const plan = buildWorkbookPlan({ role, lang, ...CYCLE, owner: '王芳', parentRole: parentOf(role), departmentId: dept.id });
    expect(plan.sheets.map((s) => s.role)).toEqual(['okr', 'checkins', 'actions', 'settings']);
    const okr = plan.sheets[0]!;
    const v = okr.values;
    // header block and table header
    expect(v[parseCell(HEADER_CELLS.unit.value).row - 1]![1]).toBe(role.name[lang]);
    expect(v[parseCell(HEADER_CELLS.level.value).row - 1]![1]).toBe(label(LEVEL_LABELS[role.level], lang));
    // (then Trend and the formula helper column: test/plan/okrSheet.test.ts)
    expect(v[TABLE_HEADER_ROW - 1]!.slice(0, COLUMN_KEYS.length)).toEqual(COLUMN_KEYS.map((k) => label(COLUMN_LABELS[k], lang)));
    // rows: values valid for their column
    const n = role.objectives.reduce((s, o) => s + 1 + o.krs.length, 0);
    const rows = v.slice(FIRST_DATA_ROW - 1, FIRST_DATA_ROW - 1 + n);
    const typeList = okr.validations.find((x) => x.range.startsWith('B7'))!.rule;
    const ids = new Set<string>();
    for (const r of rows) {
      const id = r[OKR_COLUMNS.id - 1] as string;
      expect(ids.has(id)).toBe(false);
      ids.add(id);
      expect(typeList.kind === 'list' && typeList.values).toContain(r[OKR_COLUMNS.type - 1]);
      const type = matchLabel(ROW_TYPE_LABELS, r[OKR_COLUMNS.type - 1]);
      if (type === 'objective') {
        expect(matchLabel(SOURCE_LABELS, r[OKR_COLUMNS.source - 1])).not.toBeNull();
      } else {
        expect(r[OKR_COLUMNS.target - 1]).toEqual(expect.any(Number));
        const due = r[OKR_COLUMNS.due - 1] as { date: string };
        expect(due.date >= CYCLE.cycleStart && due.date <= CYCLE.cycleEnd).toBe(true);
        expect(r[OKR_COLUMNS.current - 1]).toBeNull();
      }
      expect(r[OKR_COLUMNS.owner - 1]).toBe('王芳');
      expect(typeof r[OKR_COLUMNS.title - 1]).toBe('string');
      expect(String(r[OKR_COLUMNS.progress - 1])).toMatch(/^=/);
    }
    // the project's reader gets the same rows back, and lint finds no error
    const read = readTableValues(asSheetValues(okr), { lang });
    if (isTableError(read)) throw new Error(read.error.en);
    expect(read.table.rows.map((r) => r.id)).toEqual([...ids]);
    expect(read.table.header.cycleStart).toBe(CYCLE.cycleStart);
    expect(read.table.header.unit).toBe(role.name[lang]);
    const expectedRows = templateRows({ role, lang, ...CYCLE, owner: '王芳' }, '');
    expect(read.table.rows.map((r) => r.type)).toEqual(expectedRows.map((r) => r.type));
    const findings = lintTable(read.table, { knownParents: parentIds(role, lang) });
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${findingMessage(f, lang)}`);
    expect(errors).toEqual([]);
    const warnings = findings
      .filter((f) => f.severity === 'warning' && f.rule !== 'agreed')
      .map((f) => `${f.rule}: ${findingMessage(f, lang)}`);
    expect(warnings).toEqual([]);
  });
});

test('buildOkrSheetPlan fills Aligns-to from the parent unit name', () => {
  const role = getRole('sales', 'channelTeam');
  const p = buildOkrSheetPlan({ role, lang: 'zh-CN', ...CYCLE, owner: 'A', alignedTo: '北京销售团队' });
  const o1 = p.values[FIRST_DATA_ROW - 1]!;
  expect(o1[OKR_COLUMNS.alignsTo - 1]).toBe('北京销售团队/O1');
  const p2 = buildOkrSheetPlan({ role, lang: 'en', ...CYCLE, owner: 'A', parentRole: parentOf(role) });
  expect(p2.values[FIRST_DATA_ROW - 1]![OKR_COLUMNS.alignsTo - 1]).toBe('Regional sales team/O1');
  const p3 = buildOkrSheetPlan({ role: getRole('sales', 'startupSales'), lang: 'en', ...CYCLE, owner: 'A' });
  expect(p3.values[FIRST_DATA_ROW - 1]![OKR_COLUMNS.alignsTo - 1]).toBe('');
});
