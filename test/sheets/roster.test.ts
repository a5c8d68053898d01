import { describe, expect, it } from 'vitest';
import { createLocalApp } from '../../src/local/workbook';
import type { LocalWorkbook } from '../../src/local/workbook';
import { createRosterSheet, setupFromRoster } from '../../src/addon/actions/templates';
import { readRosterValues, validateRoster, ROSTER_KEYS } from '../../src/core/roster';
import { readOkrSheetModel } from '../../src/sheets/snapshot';
import type { SpreadsheetLike } from '../../src/sheets/api';
import type { Lang } from '../../src/core/i18n';

function rosterSheet(local: LocalWorkbook, rows: unknown[][], header = ['Unit', 'Level', 'Parent unit', 'Owner', 'Email', 'Department template', 'Role template']) {
  const s = local.ss.insertSheet('Roster');
  const grid = [header, ...rows].map((r) => Array.from({ length: 7 }, (_, i) => r[i] ?? ''));
  s.getRange(1, 1, grid.length, 7).setValues(grid);
  return s;
}

const SALES_EN = [
  ['Sales center', 'Department', '', 'Zhao Min', 'zhao@example.com', 'Sales', 'Sales center'],
  ['East region', 'Team', 'Sales center', 'Qian Lu', '', 'sales', 'regionalTeam'],
  ['East channels', 'Team', 'East region', 'Sun Yi', '', 'Sales', 'Channel team'],
];

describe('roster validation', () => {
  it('lists every problem with its row, and creates nothing', () => {
    const local = createLocalApp();
    rosterSheet(local, [
      ['Sales center', 'Department', '', 'Zhao Min', 'zhao@example.com', 'Sales', 'Sales center'], // row 2 ok
      ['East region', 'Team', 'Sales centre', 'Qian Lu', '', 'Sales', 'regionalTeam'], // row 3: missing parent
      ['Sales center', 'Team', '', 'Li', '', 'Sales', 'channelTeam'], // row 4: duplicate
      ['A', 'Team', 'B', '', '', 'Sales', 'channelTeam'], // row 5: blank owner + cycle A→B→A
      ['B', 'Team', 'A', 'Wu', 'not-an-email', 'Sales', 'channelTeam'], // row 6: cycle + bad email
      ['C', 'Squad', '', 'Xu', '', 'Sales', 'channelTeam'], // row 7: bad level
      ['D', 'Team', '', 'Xu', '', 'Legal', 'Counsel'], // row 8: unknown department
      ['E', 'Team', '', 'Xu', '', 'Sales', 'Astronaut'], // row 9: unknown role
      ['F', 'Team', '', 'Xu', '', '', ''], // row 10: no department
      ['', 'Team', '', 'Xu', '', 'Sales', 'channelTeam'], // row 11: blank unit
    ]);
    const sheetsBefore = local.ss.getSheets().map((s) => s.getName());
    const r = setupFromRoster(local.ctx(), { cycle: '2026-Q4' });
    if (r.ok) throw new Error('expected problems');
    expect(r.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'missingParent'],
      [4, 'duplicateUnit'],
      [5, 'blankOwner'],
      [5, 'cycle'],
      [6, 'badEmail'],
      [6, 'cycle'],
      [7, 'badLevel'],
      [8, 'unknownTemplate'],
      [9, 'unknownTemplate'],
      [10, 'noDepartment'],
      [11, 'blankUnit'],
    ]);
    expect(r.problems.find((p) => p.code === 'missingParent')!.a1).toBe('C3');
    expect(r.problems.find((p) => p.code === 'cycle')!.message.en).toMatch(/A → B → A/);
    for (const p of r.problems) {
      expect(p.message['zh-CN']).toMatch(new RegExp(`第 ${p.row} 行`));
      expect(p.message.en).toMatch(new RegExp(`Row ${p.row}`));
    }
    expect(local.ss.getSheets().map((s) => s.getName())).toEqual(sheetsBefore);
  });

  it('recognises headers in either language and any column order', () => {
    const zhHeader = ['负责人', '单元', '上级单元', '层级', '部门模板', '角色模板', '邮箱'];
    const read = readRosterValues([zhHeader, ['王芳', '销售中心', '', '部门', '销售', '销售中心', '']]);
    expect(read.columns).toEqual({ owner: 0, unit: 1, parent: 2, level: 3, department: 4, role: 5, email: 6 });
    const v = validateRoster(read);
    expect(v.ok && v.units.map((u) => [u.unit, u.template.id, u.level])).toEqual([['销售中心', 'salesCenter', 'department']]);
    expect(ROSTER_KEYS).toHaveLength(7);
  });
});

describe('roster set-up', () => {
  it.each<Lang>(['en', 'zh-CN'])('the 3-level sales roster creates three sheets whose aligns-to links resolve (%s)', (lang) => {
    const local = createLocalApp({ lang });
    const rows = lang === 'en' ? SALES_EN : SALES_EN.map((r) => [r[0], { Department: '部门', Team: '团队' }[r[1] as string], ...r.slice(2)]);
    rosterSheet(local, rows, lang === 'en' ? undefined : ['单元', '层级', '上级单元', '负责人', '邮箱', '部门模板', '角色模板']);
    const r = setupFromRoster(local.ctx(lang), { cycle: '2026-Q4' });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message.en).join('\n'));
    expect(r.created).toHaveLength(3);
    const reads = r.created.map((name) => {
      return readOkrSheetModel(local.ctx(lang), name).okr.read;
    });
    const byUnit = new Map(reads.map((x) => [x.table.header.unit, x]));
    expect([...byUnit.keys()]).toEqual(['Sales center', 'East region', 'East channels']);
    expect(reads.map((x) => x.table.header.alignedTo)).toEqual(['', 'Sales center', 'East region']);
    // every link `Parent/ID` in the two lower sheets names the parent unit and an ID on its sheet
    let links = 0;
    for (const x of reads.slice(1)) {
      for (const row of x.table.rows) {
        if (!row.alignsTo) continue;
        const [parent, id] = row.alignsTo.split('/');
        expect(parent).toBe(x.table.header.alignedTo);
        expect(byUnit.get(parent!)!.table.rows.map((p) => p.id)).toContain(id);
        links++;
      }
    }
    expect(links).toBeGreaterThan(0);
    // support sheets once
    expect(local.ss.getSheets().length).toBe(1 + 1 + 3 + 3);
  });

  it('a failure midway removes every sheet the action created (nothing half-created)', () => {
    const local = createLocalApp();
    rosterSheet(local, SALES_EN);
    let inserts = 0;
    const ss = new Proxy(local.ss, {
      get(target, prop, receiver) {
        if (prop === 'insertSheet') {
          return (...args: unknown[]) => {
            if (++inserts === 3) throw new Error('Service Spreadsheets timed out');
            return (target.insertSheet as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as SpreadsheetLike;
    const before = local.ss.getSheets().map((s) => s.getName());
    expect(() => setupFromRoster({ ...local.ctx(), ss }, { cycle: '2026-Q4' })).toThrow(/timed out/);
    expect(local.ss.getSheets().map((s) => s.getName())).toEqual(before);
    expect(local.lock.hasLock()).toBe(false);
  });

  it('while another user holds the document lock: a "locked" error and nothing created', () => {
    const local = createLocalApp();
    rosterSheet(local, SALES_EN);
    const other = local.ss.newLock();
    other.tryLock(100);
    const before = local.ss.getNumSheets();
    expect(() => setupFromRoster(local.ctx(), { cycle: '2026-Q4' })).toThrow(/Another user is editing/);
    expect(local.ss.getNumSheets()).toBe(before);
  });

  it('createRosterSheet gives HR an empty roster with dropdowns; filled in, it sets up the units', () => {
    const local = createLocalApp({ lang: 'zh-CN' });
    const ctx = local.ctx('zh-CN');
    const { sheetName } = createRosterSheet(ctx);
    expect(sheetName).toBe('组织名单');
    const s = local.ss.getSheetByName(sheetName)!;
    expect(s.getRange('A1:G1').getValues()[0]).toEqual(['单元', '层级', '上级单元', '负责人', '邮箱', '部门模板', '角色模板']);
    const levels = s.getRange('B2').getDataValidation()!.getCriteriaValues()[0] as string[];
    expect(levels).toEqual(['公司', '部门', '团队', '个人']);
    expect(s.getRange('F2').getDataValidation()!.getCriteriaValues()[0]).toContain('销售');
    s.getRange('A2:G3').setValues([
      ['销售中心', '部门', '', '赵敏', '', '销售', '销售中心'],
      ['华东区', '团队', '销售中心', '钱路', '', '销售', ''],
    ]);
    const r = setupFromRoster(ctx, { cycle: '2026-Q4' });
    expect(r.ok && r.created).toEqual(['OKR 销售中心 2026-Q4', 'OKR 华东区 2026-Q4']);
    // a second roster sheet gets a unique name
    expect(createRosterSheet(ctx).sheetName).toBe('组织名单 (2)');
  });
  it('with two roster sheets, set-up reads the open one, else the one that lists units (not the empty first)', () => {
    const local = createLocalApp({ lang: 'en' });
    const ctx = local.ctx('en');
    createRosterSheet(ctx);
    const second = createRosterSheet(ctx).sheetName;
    expect(second).toBe('Roster (2)');
    const s = local.ss.getSheetByName(second)!;
    s.getRange('A2:G2').setValues([['Marketing', 'Department', '', 'Maria Garcia', '', 'Marketing', 'Marketing director']]);
    local.ss.setActiveSheet(s);
    const r = setupFromRoster(ctx, { cycle: '2026-Q4' });
    expect(r.ok && r.created).toEqual(['OKR Marketing 2026-Q4']);
    // another sheet open: still the roster with units, not the empty "Roster"
    local.ss.setActiveSheet(local.ss.getSheetByName('OKR Marketing 2026-Q4')!);
    s.getRange('A3:G3').setValues([['Growth', 'Team', 'Marketing', 'Tom Baker', '', 'Marketing', 'Marketing manager']]);
    const r2 = setupFromRoster(ctx, { cycle: '2027-Q1' });
    expect(r2.ok && r2.created).toContain('OKR Growth 2027-Q1');
  });
});
