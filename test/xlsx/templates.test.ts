/**
 * Round trips on the real template library and through the in-memory workbook (the playground's
 * "Download .xlsx" = exportXlsx(ss.toPlan()); its upload = createLocalApp({ plan: importXlsx(…) })).
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/i18n';
import { cycleDates } from '../../src/core/pace';
import { buildOkrSheetPlan, buildWorkbookPlan } from '../../src/core/plan/okrSheet';
import type { SheetPlan } from '../../src/core/plan/types';
import { allDepartments, parentOf } from '../../src/core/templates';
import { createLocalApp } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { exportXlsx } from '../../src/local/xlsx/export';
import { importXlsx } from '../../src/local/xlsx/import';
import { expectSame, normValues } from './compare';

const Q4 = { cycle: '2026-Q4', ...cycleDates('2026-Q4')! };

describe('template library round trip', () => {
  it('every role of every department, both languages, in one workbook', async () => {
    const sheets: SheetPlan[] = [];
    for (const d of allDepartments()) {
      for (const role of d.roles) {
        for (const lang of LANGS) {
          sheets.push(
            buildOkrSheetPlan({
              role, lang, cycleStart: Q4.start, cycleEnd: Q4.end, cycle: Q4.cycle, owner: 'Owner',
              parentRole: parentOf(role), departmentId: d.id, asOf: '2026-11-15', spareRows: 5,
              sheetName: `${d.id}.${role.id}.${lang}`, settingsSheetName: null,
            }),
          );
        }
      }
    }
    expect(sheets.length).toBeGreaterThanOrEqual(40);
    const plan = { sheets };
    expectSame(plan, await importXlsx(await exportXlsx(plan)));
  });
});

describe('in-memory workbook ⇄ xlsx (playground download / upload)', () => {
  it('applyWorkbookPlan → toPlan → xlsx → plan → createLocalApp({ plan }) keeps values and formulas', async () => {
    const d = allDepartments().find((x) => x.id === 'sales')!;
    const role = d.roles[0]!;
    const local = createLocalApp({ lang: 'zh-CN' });
    applyWorkbookPlan(local.ctx('zh-CN'), buildWorkbookPlan({ role, lang: 'zh-CN', ...{ cycle: Q4.cycle, cycleStart: Q4.start, cycleEnd: Q4.end }, owner: '张三', asOf: '2026-11-15', parentRole: parentOf(role), departmentId: d.id }));
    const snapshot = local.toPlan();
    const back = await importXlsx(await exportXlsx(snapshot));
    for (const sheet of snapshot.sheets) {
      const other = back.sheets.find((s) => s.name === sheet.name)!;
      expect(other, sheet.name).toBeDefined();
      expect(normValues(other.values)).toEqual(normValues(sheet.values));
      expect(other.validations.length).toBe(sheet.validations.length);
    }
    const again = createLocalApp({ plan: back });
    const okr = snapshot.sheets.find((s) => s.role === 'okr')!;
    expect(normValues(again.sheetPlan(okr.name).values)).toEqual(normValues(okr.values));
  });
});
