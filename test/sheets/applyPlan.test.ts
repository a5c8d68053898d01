import { describe, expect, it } from 'vitest';
import { createLocalApp } from '../../src/local/workbook';
import { OWNER_KEY, type SheetPlan } from '../../src/core/plan/types';
import { colLetter } from '../../src/core/plan/a1';
import { OKR_COLUMNS } from '../../src/core/plan/okrSheet';
import {
  applyWorkbookPlan, applyWorkbookPlanDetailed, namedRangeName, planBlockSize, planCallEstimate, readSheetMetadata, renameInFormula,
} from '../../src/sheets/applyPlan';
import { OkrError } from '../../src/sheets/errors';
import { bigOkrPlan, normValues, sampleWorkbookPlan } from './fixtures';

const reviewPlan = (name = 'Review', text = 'generated'): SheetPlan => ({
  name, role: 'review', values: [['Review'], [text]], frozenRows: 1, columnWidths: [200],
  formats: [{ range: 'A1', bold: true }], validations: [], conditionalFormats: [], protections: [], namedRanges: [],
  metadata: { [OWNER_KEY]: 'review', 'okrSheets.asOf': '2026-11-01' },
});

describe('applyWorkbookPlan', () => {
  it('creates the OKR sheet and the support sheets; the workbook reads back as the plan', () => {
    const local = createLocalApp();
    const plan = sampleWorkbookPlan('en');
    const names = applyWorkbookPlan(local.ctx(), plan);
    expect(names).toEqual(plan.sheets.map((s) => s.name));
    for (const sp of plan.sheets) {
      const back = local.sheetPlan(sp.name);
      expect(normValues(back.values)).toEqual(normValues(sp.values));
      expect(back.metadata).toEqual(sp.metadata);
      expect(back.frozenRows).toBe(sp.frozenRows);
      expect(back.columnWidths.slice(0, sp.columnWidths.length)).toEqual(sp.columnWidths);
      expect(back.conditionalFormats).toHaveLength(sp.conditionalFormats.length);
      expect(back.protections.map((p) => p.range).sort()).toEqual(sp.protections.map((p) => p.range).sort());
      expect(back.namedRanges.map((n) => n.name).sort()).toEqual(sp.namedRanges.map((n) => namedRangeName(sp.name, n.name)).sort());
    }
  });

  it('writes every validation and number format of the plan, cell by cell', () => {
    const local = createLocalApp();
    const [okr] = sampleWorkbookPlan('zh-CN').sheets;
    applyWorkbookPlan(local.ctx('zh-CN'), { sheets: [okr!] });
    const sheet = local.ss.getSheetByName(okr!.name)!;
    for (const v of okr!.validations) {
      const dvs = sheet.getRange(v.range).getDataValidations().flat();
      expect(dvs.every((d) => d !== null && d.getHelpText() === v.helpText && d.getAllowInvalid() === !v.strict)).toBe(true);
    }
    const lastFormat = new Map<string, string>();
    for (const f of okr!.formats) if (f.numberFormat) lastFormat.set(f.range, f.numberFormat);
    for (const [range, fmt] of lastFormat) {
      const cells = sheet.getRange(range).getNumberFormats().flat();
      // a later plan format over the same cells wins; check the cells no later format touches
      expect(cells.some((c) => c === fmt)).toBe(true);
    }
  });

  it('dates become Dates at local midnight', () => {
    const local = createLocalApp();
    const plan = sampleWorkbookPlan('en');
    applyWorkbookPlan(local.ctx(), plan);
    const start = local.ss.getSheetByName(plan.sheets[0]!.name)!.getRange('E2').getValue() as Date;
    expect(start).toBeInstanceOf(Date);
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([2026, 9, 1, 0]);
  });

  it('service calls per sheet are fixed by the plan, not the rows (40 vs 2,000 rows), and match planCallEstimate', () => {
    // formulas evaluated: each objective scans its own block, so 2,000 rows take a few seconds
    const small = bigOkrPlan(8);
    const large = bigOkrPlan(1600);
    const counts = [small, large].map((sp) => {
      const local = createLocalApp();
      const calls = local.calls.measure(() => applyWorkbookPlan({ ...local.ctx(), lock: undefined }, { sheets: [sp] })).calls;
      // the last objective computes too: its 4 KRs at equal weights, current 10 + (o + k) % 10 of 10 → 20
      const sheet = local.ss.getSheetByName(sp.name)!;
      const last = sp.values.length - 4;
      const o = Number(/^O(\d+)$/.exec(String(sheet.getRange(`A${last}`).getValue()))![1]);
      const want = [1, 2, 3, 4].reduce((n, k) => n + ((o + k) % 10) / 10, 0) / 4;
      expect(sheet.getRange(`${colLetter(OKR_COLUMNS.progress)}${last}`).getValue()).toBeCloseTo(want, 12);
      return calls;
    });
    // the small sheet is trimmed (deleteRows); the large one grows past the 1,000 rows of a
    // new sheet (insertRowsAfter)
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBe(planCallEstimate(small).total);
    expect(counts[1]).toBe(planCallEstimate(large).total);
  }, 60_000);

  it('every sheet of a template costs exactly planCallEstimate, ≤ 21 calls each', () => {
    const local = createLocalApp();
    const plan = sampleWorkbookPlan('en');
    const report: Record<string, number> = {};
    let owned = 0; // sheets carrying our role metadata so far
    for (const sp of plan.sheets) {
      const m = local.calls.measure(() => applyWorkbookPlan({ ...local.ctx(), lock: undefined }, { sheets: [sp] }));
      // a plan with a support sheet first looks support sheets up by metadata: 3 calls + 1 per owned sheet
      const lookup = sp.role === 'okr' ? 0 : 3 + owned;
      expect(m.calls).toBe(planCallEstimate(sp).total + lookup);
      report[sp.name] = m.calls - lookup;
      owned++;
    }
    for (const sp of plan.sheets) expect(report[sp.name], sp.name).toBeLessThanOrEqual(21);
    // recorded so a change shows up here first. The OKR sheet: insertSheet, getRangeList +
    // getRanges (the block and every other range), setNumberFormats, setValues, setFontWeights,
    // setBackgrounds, setWraps, setDataValidations, setConditionalFormatRules, one described
    // warning-only protection (3), 2 named ranges, setFrozenRows, 2 column widths, 2 metadata,
    // and one deleteRows down to its block + 20 rows. Check-ins and Actions grow past row
    // 1,000 (their validations reach row 1,001); Settings loses rows.
    // (the sheets' widths change with the plans, so the trim is derived from each block)
    const trims = plan.sheets.map((sp) => {
      const b = planBlockSize(sp);
      return b.keepRows < 1000 ? 1 : 0;
    });
    expect(plan.sheets.map((sp) => planCallEstimate(sp).parts['trim sheet'])).toEqual(trims);
    expect(trims).toEqual([1, 0, 0, 1]); // the OKR sheet and Settings lose ≈ 950 of their 1,000 rows
    expect(planCallEstimate(plan.sheets[0]!).parts).toMatchObject({ protections: 3, namedRanges: 2, columnWidths: 2, styles: 4 });
  });

  it('a renamed support sheet is still recognised by its role metadata', () => {
    const local = createLocalApp();
    applyWorkbookPlan(local.ctx(), sampleWorkbookPlan('en'));
    local.ss.getSheetByName('Check-ins')!.setName('Weekly log');
    const result = applyWorkbookPlanDetailed(local.ctx(), sampleWorkbookPlan('en', { unit: 'Sales 2' }));
    expect(result.map((r) => [r.action, r.name])).toEqual([
      ['created', 'OKR Sales 2 2026-Q4'], ['skipped', 'Weekly log'], ['skipped', 'Actions'], ['skipped', 'Settings'],
    ]);
  });

  it('support sheets are created only when missing (ours recognised by metadata, in either language)', () => {
    const local = createLocalApp();
    applyWorkbookPlan(local.ctx(), sampleWorkbookPlan('en'));
    const zh = sampleWorkbookPlan('zh-CN');
    const result = applyWorkbookPlanDetailed(local.ctx('zh-CN'), zh);
    expect(result.map((r) => r.action)).toEqual(['created', 'skipped', 'skipped', 'skipped']);
    expect(local.ss.getSheets().map((s) => s.getName()).slice(-4)).toEqual(['Check-ins', 'Actions', 'Settings', zh.sheets[0]!.name]);
  });

  it('a name clash makes "X (2)" and leaves the existing sheet exactly as it was', () => {
    const local = createLocalApp();
    const [okr] = sampleWorkbookPlan('en').sheets;
    const user = local.ss.insertSheet(okr!.name);
    user.getRange('A1:C2').setValues([['my', 'own', 'data'], [1, '=A2*2', new Date(2026, 0, 5)]]);
    user.getRange('A1:C1').setFontWeight('bold');
    const before = JSON.stringify(local.sheetPlan(okr!.name));
    const names = applyWorkbookPlan(local.ctx(), { sheets: [okr!] });
    expect(names).toEqual([`${okr!.name} (2)`]);
    expect(JSON.stringify(local.sheetPlan(okr!.name))).toBe(before);
    applyWorkbookPlan(local.ctx(), { sheets: [okr!] });
    expect(local.ss.getSheetByName(`${okr!.name} (3)`)).not.toBeNull();
    expect(() => applyWorkbookPlan(local.ctx(), { sheets: [okr!] }, { uniqueNames: false })).toThrow(OkrError);
  });

  it('named ranges are unique per spreadsheet: two sheets from one plan get different names', () => {
    const local = createLocalApp();
    const [okr] = sampleWorkbookPlan('en').sheets;
    const [a, b] = [applyWorkbookPlan(local.ctx(), { sheets: [okr!] })[0]!, applyWorkbookPlan(local.ctx(), { sheets: [okr!] })[0]!];
    const names = local.ss.getNamedRanges().map((n) => n.getName());
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => n.startsWith(namedRangeName(a, ''))).length).toBe(okr!.namedRanges.length);
    expect(names.filter((n) => n.startsWith(namedRangeName(b, ''))).length).toBe(okr!.namedRanges.length);
  });

  it('formulas that use a plan name are rewritten to the prefixed name (and still compute)', () => {
    expect(renameInFormula('=okr_cycle&" "&"okr_cycle"&Other!okr_cycle', new Map([['okr_cycle', 'S_okr_cycle']])))
      .toBe('=S_okr_cycle&" "&"okr_cycle"&Other!okr_cycle');
    const local = createLocalApp();
    const sp: SheetPlan = {
      name: 'Calc', role: 'okr', values: [[5, '=target*2']], frozenRows: 0, columnWidths: [], formats: [], validations: [],
      conditionalFormats: [], protections: [], namedRanges: [{ name: 'target', range: 'A1' }], metadata: {},
    };
    applyWorkbookPlan(local.ctx(), { sheets: [sp] });
    const cell = local.ss.getSheetByName('Calc')!.getRange('B1');
    expect(cell.getFormula()).toBe('=Calc_target*2');
    expect(cell.getValue()).toBe(10);
  });

  it('replaceOwned rewrites our generated sheet in place (with one backup) and never a user sheet of that name', () => {
    const local = createLocalApp();
    applyWorkbookPlan(local.ctx(), { sheets: [reviewPlan('Review', 'first')] });
    const id = local.ss.getSheetByName('Review')!.getSheetId();
    const r = applyWorkbookPlanDetailed(local.ctx(), { sheets: [reviewPlan('Review', 'second')] }, { replaceOwned: true });
    expect(r[0]).toMatchObject({ action: 'rewritten', name: 'Review', backup: 'Review (backup)' });
    const review = local.ss.getSheetByName('Review')!;
    expect(review.getSheetId()).toBe(id);
    expect(review.getRange('A2').getValue()).toBe('second');
    expect(local.ss.getSheetByName('Review (backup)')!.getRange('A2').getValue()).toBe('first');
    expect(readSheetMetadata(local.ss.getSheetByName('Review (backup)')!)).toEqual({ 'okrSheets.backupOf': 'Review' });
    expect(local.ss.getSheetByName('Review (backup)')!.isSheetHidden()).toBe(true);
    expect(local.ss.getSheetByName('Review')!.isSheetHidden()).toBe(false);
    // a second rewrite replaces the backup instead of piling them up
    applyWorkbookPlan(local.ctx(), { sheets: [reviewPlan('Review', 'third')] }, { replaceOwned: true });
    expect(local.ss.getSheets().filter((s) => s.getName().startsWith('Review')).map((s) => s.getName()).sort()).toEqual(['Review', 'Review (backup)']);
    expect(local.ss.getSheetByName('Review (backup)')!.getRange('A2').getValue()).toBe('second');

    const other = createLocalApp();
    const mine = other.ss.insertSheet('Review');
    mine.getRange('A1').setValue('my notes');
    const names = applyWorkbookPlan(other.ctx(), { sheets: [reviewPlan()] }, { replaceOwned: true });
    expect(names).toEqual(['Review (2)']);
    expect(other.ss.getSheetByName('Review')!.getDataRange().getValues()).toEqual([['my notes']]);
  });

  it('takes the document lock; when another user holds it, a localized "locked" error and nothing is written', () => {
    const local = createLocalApp();
    const other = local.ss.newLock();
    other.tryLock(1000);
    const before = local.ss.getNumSheets();
    let err: unknown;
    try {
      applyWorkbookPlan(local.ctx('zh-CN'), sampleWorkbookPlan('zh-CN'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OkrError);
    expect((err as OkrError).code).toBe('locked');
    expect((err as OkrError).localized['zh-CN']).toMatch(/其他人正在编辑/);
    expect(local.ss.getNumSheets()).toBe(before);
    other.releaseLock();
    applyWorkbookPlan(local.ctx(), sampleWorkbookPlan('en'));
    expect(local.lock.hasLock()).toBe(false);
  });
});

describe('toPlan ⇄ applyWorkbookPlan', () => {
  it('a whole template workbook snapshots to a plan that rebuilds the same workbook', () => {
    const local = createLocalApp({ lang: 'zh-CN' });
    applyWorkbookPlan(local.ctx('zh-CN'), sampleWorkbookPlan('zh-CN'));
    const plan = local.toPlan();
    const again = createLocalApp({ lang: 'zh-CN', plan });
    expect(JSON.stringify(again.toPlan())).toBe(JSON.stringify(plan));
  });
});
