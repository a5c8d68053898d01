/**
 * Every template of the library × both languages: inserted through the server action into the
 * in-memory workbook, read back from the sheet (formulas evaluated), linted clean; service calls
 * exactly as budgeted by planCallEstimate, ≤ 20 per sheet (OKR and support sheets) and the same
 * for any number of rows. Iterates over whatever templates exist.
 */
import { describe, expect, test } from 'vitest';
import { LANGS, type Lang } from '../../src/core/i18n';
import { findingMessage, lintTable } from '../../src/core/lint';
import { buildWorkbookPlan, templateRows } from '../../src/core/plan/okrSheet';
import { allDepartments, parentOf, type RoleTemplate } from '../../src/core/templates';
import { createLocalApp } from '../../src/local/workbook';
import { insertTemplate, listTemplates, previewTemplate } from '../../src/addon/actions/templates';
import { planCallEstimate } from '../../src/sheets/applyPlan';
import { OkrError } from '../../src/sheets/errors';
import { readOkrSheetModel } from '../../src/sheets/snapshot';

const roles = allDepartments().flatMap((dept) => dept.roles.map((role) => ({ dept, role })));
const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

function parentIds(role: RoleTemplate, lang: Lang): Set<string> {
  const parent = parentOf(role);
  if (!parent) return new Set();
  const unit = parent.name[lang];
  return new Set(parent.objectives.flatMap((o, i) => [`${unit}/O${i + 1}`, ...o.krs.map((_, j) => `${unit}/O${i + 1}.KR${j + 1}`)]));
}

test('the library is not empty and the catalog lists every role', () => {
  expect(roles.length).toBeGreaterThan(0);
  const catalog = listTemplates(createLocalApp().ctx());
  expect(catalog.departments.flatMap((d) => d.roles).length).toBe(roles.length);
  expect(catalog.cycles[0]).toMatch(/^\d{4}-Q[1-4]$/);
});

describe.each(LANGS)('insert every template (%s)', (lang) => {
  test.each(roles.map((x) => [`${x.dept.id}/${x.role.id}`, x] as const))('%s: inserts, reads back, lints clean', (_, { dept, role }) => {
    const local = createLocalApp({ lang });
    const ctx = local.ctx(lang);
    const m = local.calls.measure(() =>
      insertTemplate(ctx, { department: dept.id, role: role.id, lang, cycle: CYCLE.cycle, owner: '王芳' }),
    );
    const name = m.result.sheetName;
    expect(local.ss.getActiveSheet().getName()).toBe(name);

    // budget: exactly what planCallEstimate says for each sheet, plus setActiveSheet + the lock
    const plan = buildWorkbookPlan({ role, lang, ...CYCLE, owner: '王芳', parentRole: parentOf(role), departmentId: dept.id });
    const expected = plan.sheets.reduce((n, sp) => n + planCallEstimate(sp).total, 0);
    expect(m.calls).toBe(
      expected + 3 /* support sheets by metadata */ + 2 /* getSheetByName + setActiveSheet */ + 3 /* hasLock, tryLock, releaseLock */,
    );
    // on the SpreadsheetApp path ≤ 21 service calls per sheet, whatever its row count: design §6's
    // 20, plus one deleteRows trimming a new sheet to its block (issue 16 §4); the batchUpdate
    // path (test/sheets/batch) takes the whole template in one call
    for (const sp of plan.sheets) expect(planCallEstimate(sp).total, sp.name).toBeLessThanOrEqual(21);
    const okrCalls = (spareRows: number) =>
      planCallEstimate(buildWorkbookPlan({ role, lang, ...CYCLE, owner: '王芳', parentRole: parentOf(role), departmentId: dept.id, spareRows }).sheets[0]!).total;
    expect(okrCalls(0)).toBe(planCallEstimate(plan.sheets[0]!).total);
    expect(okrCalls(900)).toBe(planCallEstimate(plan.sheets[0]!).total);

    const sheet = local.ss.getSheetByName(name)!;
    const { okr, values } = readOkrSheetModel(ctx, sheet.getName());
    const read = okr.read;
    const expectedRows = templateRows({ role, lang, ...CYCLE, owner: '王芳' }, '');
    expect(read.table.rows.map((r) => r.id)).toEqual(expectedRows.map((r) => r.id));
    expect(read.table.rows.map((r) => r.type)).toEqual(expectedRows.map((r) => r.type));
    expect(read.table.header.cycleStart).toBe(CYCLE.cycleStart);
    expect(read.table.rows.every((r) => r.owner === '王芳')).toBe(true);

    const findings = lintTable(read.table, { knownParents: parentIds(role, lang), asOf: '2026-10-15' });
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${findingMessage(f, lang)}`);
    expect(errors).toEqual([]);
    const warnings = findings.filter((f) => f.severity === 'warning' && f.rule !== 'agreed').map((f) => `${f.rule}: ${findingMessage(f, lang)}`);
    expect(warnings).toEqual([]);

    // formulas computed in the sheet: every KR starts "not started" at 0 %
    const progress = read.columns.progress!;
    for (const i of read.rowIndexes) expect(values[i]![progress]).toBe(0);
  });
});

test('preview lists the rows without touching the spreadsheet', () => {
  const local = createLocalApp();
  local.calls.reset();
  const { dept, role } = roles[0]!;
  const p = previewTemplate(local.ctx(), { department: dept.id, role: role.id, lang: 'zh-CN' });
  expect(p.rows.length).toBe(role.objectives.reduce((n, o) => n + 1 + o.krs.length, 0));
  expect(p.title).toContain(role.name['zh-CN']);
  expect(local.calls.total).toBe(0);
});

test('unknown template or cycle → OkrError with a message in both languages', () => {
  const ctx = createLocalApp().ctx();
  expect(() => insertTemplate(ctx, { department: 'nope', role: 'x', lang: 'en', cycle: '2026-Q4' })).toThrow(OkrError);
  try {
    previewTemplate(ctx, { department: roles[0]!.dept.id, role: roles[0]!.role.id, lang: 'en', cycle: 'someday' });
  } catch (e) {
    expect((e as OkrError).code).toBe('invalidInput');
    expect((e as OkrError).localized['zh-CN']).toMatch(/周期/);
  }
});
