/**
 * Support sheets are ours by role metadata only (issue 11, item 3): a user's own "Settings" is
 * never adopted — ours is created beside it as `Settings (OKR)` / `设置（OKR）` and every formula
 * of the plan points at ours; a plan in the other language points at the Settings we already
 * have, never at a name that does not exist (or that a user sheet holds).
 */
import { describe, expect, it } from 'vitest';
import { createLocalApp } from '../../src/local/workbook';
import { OWNER_KEY } from '../../src/core/plan/types';
import { applyWorkbookPlanDetailed, renameSheetsInFormula, supportFallbackName } from '../../src/sheets/applyPlan';
import { sampleWorkbookPlan } from './fixtures';

/** Every sheet name a formula of the sheet refers to (`'X'!` or `X!`). */
function referencedSheets(local: ReturnType<typeof createLocalApp>, sheet: string): Set<string> {
  const out = new Set<string>();
  const sp = local.sheetPlan(sheet);
  for (const line of sp.values) {
    for (const v of line ?? []) {
      if (typeof v !== 'string' || !v.startsWith('=')) continue;
      for (const m of v.matchAll(/'((?:[^']|'')+)'!|([A-Za-z_\u3400-\u9fff][\w.\u3400-\u9fff]*)!/g)) out.add((m[1] ?? m[2]!).replace(/''/g, "'"));
    }
  }
  return out;
}

describe('support sheets: metadata only, formulas point at ours', () => {
  it('a user sheet named "Settings" is left alone; ours is "Settings (OKR)" and the Status formulas read it', () => {
    const local = createLocalApp();
    const user = local.ss.insertSheet('Settings');
    user.getRange('A6:B6').setValues([['my threshold', 0.95]]);
    const before = JSON.stringify(local.sheetPlan('Settings'));
    const plan = sampleWorkbookPlan('en');
    const result = applyWorkbookPlanDetailed(local.ctx(), plan);
    const settings = result.find((r) => r.role === 'settings')!;
    expect(settings).toMatchObject({ name: 'Settings (OKR)', action: 'created' });
    expect(JSON.stringify(local.sheetPlan('Settings'))).toBe(before);
    expect(local.sheetPlan('Settings (OKR)').metadata[OWNER_KEY]).toBe('settings');
    const refs = referencedSheets(local, result[0]!.name);
    expect(refs.has('Settings (OKR)')).toBe(true);
    expect(refs.has('Settings')).toBe(false);
    // a second template finds ours by metadata, not the user's sheet by name
    const again = applyWorkbookPlanDetailed(local.ctx(), sampleWorkbookPlan('en', { unit: 'Sales 2' }));
    expect(again.find((r) => r.role === 'settings')).toMatchObject({ name: 'Settings (OKR)', action: 'skipped' });
    expect(referencedSheets(local, again[0]!.name).has('Settings')).toBe(false);
  });

  it('zh-CN: a user sheet "设置" gets ours as "设置（OKR）"', () => {
    const local = createLocalApp();
    local.ss.insertSheet('设置').getRange('B6').setValue(0.95);
    const result = applyWorkbookPlanDetailed(local.ctx('zh-CN'), sampleWorkbookPlan('zh-CN'));
    expect(result.find((r) => r.role === 'settings')!.name).toBe('设置（OKR）');
    const refs = referencedSheets(local, result[0]!.name);
    expect(refs.has('设置（OKR）')).toBe(true);
    expect(refs.has('设置')).toBe(false);
  });

  it('our English Settings exists: a Chinese template points at it, and no "设置" is created', () => {
    const local = createLocalApp();
    applyWorkbookPlanDetailed(local.ctx(), sampleWorkbookPlan('en'));
    const result = applyWorkbookPlanDetailed(local.ctx('zh-CN'), sampleWorkbookPlan('zh-CN'));
    expect(result.filter((r) => r.role !== 'okr').map((r) => r.action)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(local.ss.getSheetByName('设置')).toBeNull();
    const refs = referencedSheets(local, result[0]!.name);
    expect(refs.has('Settings')).toBe(true);
    expect(refs.has('设置')).toBe(false);
  });

  it('both names taken by user sheets: "Settings (OKR) (2)"', () => {
    const local = createLocalApp();
    local.ss.insertSheet('Settings');
    local.ss.insertSheet('Settings (OKR)');
    const result = applyWorkbookPlanDetailed(local.ctx(), sampleWorkbookPlan('en'));
    expect(result.find((r) => r.role === 'settings')!.name).toBe('Settings (OKR) (2)');
  });

  it('renameSheetsInFormula: quoted and bare references, never inside string literals', () => {
    const m = new Map([['设置', 'Settings'], ['Settings', 'Settings (OKR)']]);
    expect(renameSheetsInFormula(`=IF('设置'!$B$6="",0.2,'设置'!$B$6)`, m)).toBe(`=IF('Settings'!$B$6="",0.2,'Settings'!$B$6)`);
    expect(renameSheetsInFormula(`=Settings!B6&"Settings!B6"&'It''s'!A1`, m)).toBe(`='Settings (OKR)'!B6&"Settings!B6"&'It''s'!A1`);
    expect(renameSheetsInFormula(`=SUM(A1:A3)`, m)).toBe(`=SUM(A1:A3)`);
    expect(supportFallbackName('Check-ins')).toBe('Check-ins (OKR)');
    expect(supportFallbackName('打卡记录')).toBe('打卡记录（OKR）');
  });
});
