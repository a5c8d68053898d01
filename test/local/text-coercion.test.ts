/**
 * Free text stays exactly as typed (issue 11, item 5). The in-memory workbook coerces strings
 * the way Sheets does on setValues / setValue (`01234` → 1234, `3/4` and `1-2` → dates) unless
 * the cell is formatted as plain text (`@`); applyPlan formats such cells as text before it
 * writes them, so titles, owners, units and notes come back unchanged.
 */
import { describe, expect, it } from 'vitest';
import { createLocalApp } from '../../src/local/workbook';
import { keepAsTypedText, sheetsWouldCoerce } from '../../src/core/escape';
import { applyWorkbookPlan, planCallEstimate } from '../../src/sheets/applyPlan';
import type { SheetPlan } from '../../src/core/plan/types';

const TRICKY = ['01234', '3/4', '1-2', '2026-10-01', '1,000', '80%', '1e5', '12:30', '-5'];

describe('the in-memory workbook coerces like Sheets', () => {
  it('setValues parses number- and date-like text in automatic cells', () => {
    const local = createLocalApp();
    const sheet = local.ss.insertSheet('T');
    sheet.getRange(1, 1, 1, 4).setValues([['01234', '3/4', '1-2', 'plain']]);
    const [v] = sheet.getRange(1, 1, 1, 4).getValues();
    expect(v![0]).toBe(1234);
    expect(v![1]).toBeInstanceOf(Date);
    expect(v![2]).toBeInstanceOf(Date);
    expect((v![1] as Date).getMonth()).toBe(2); // March 4th
    expect(v![3]).toBe('plain');
  });

  it('a cell formatted as text (@) keeps the string, for setValues and setValue', () => {
    const local = createLocalApp();
    const sheet = local.ss.insertSheet('T');
    const r = sheet.getRange(1, 1, 1, 3);
    r.setNumberFormats([['@', '@', '@']]);
    r.setValues([['01234', '3/4', '1-2']]);
    expect(r.getValues()).toEqual([['01234', '3/4', '1-2']]);
    const c = sheet.getRange('D1');
    c.setNumberFormat('@');
    c.setValue('007');
    expect(c.getValue()).toBe('007');
  });

  it('an apostrophe keeps text where no format is set', () => {
    const local = createLocalApp();
    const sheet = local.ss.insertSheet('T');
    sheet.getRange('A1:C1').setValues([TRICKY.slice(0, 3).map(keepAsTypedText)]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([TRICKY.slice(0, 3)]);
  });
});

describe('applyPlan writes free text as text', () => {
  const plan: SheetPlan = {
    name: 'Notes', role: 'okr', values: [['Title', 'Owner', 'Unit', 'Notes'], ['01234', '3/4', '1-2', '2026-10-01'], ['Grow', 'Ann', 'k', 'ok']],
    frozenRows: 1, columnWidths: [], formats: [], validations: [], conditionalFormats: [], protections: [], namedRanges: [], metadata: {},
  };

  it('number- and date-like titles, owners, units and notes read back exactly as written', () => {
    const local = createLocalApp();
    applyWorkbookPlan(local.ctx(), { sheets: [plan] });
    const back = local.ss.getSheetByName('Notes')!.getRange(1, 1, 3, 4).getValues();
    expect(back).toEqual(plan.values);
  });

  it('costs one setNumberFormats call, counted by planCallEstimate', () => {
    expect(planCallEstimate(plan).parts.styles).toBe(1);
    const plain: SheetPlan = { ...plan, values: [['Title'], ['Grow']] };
    expect(planCallEstimate(plain).parts.styles).toBe(0);
  });

  it('sheetsWouldCoerce: numbers and dates yes, words and IDs no', () => {
    for (const s of TRICKY) expect(sheetsWouldCoerce(s), s).toBe(true);
    for (const s of ['O1.KR2', 'Grow 20%', '五家', 'Q4', 'v1.2.3', '', 'abc', '10 days']) expect(sheetsWouldCoerce(s), s).toBe(false);
  });
});
