import { describe, expect, it } from 'vitest';
import { createLocalApp } from '../../src/local/workbook';
import type { LocalRange } from '../../src/local/workbook';

describe('in-memory workbook: sheets', () => {
  it('starts like a new spreadsheet: one sheet named Sheet1 (工作表1 in zh-CN), active', () => {
    expect(createLocalApp().ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    const zh = createLocalApp({ lang: 'zh-CN' });
    expect(zh.ss.getActiveSheet().getName()).toBe('工作表1');
  });

  it('inserts at an index, after the active sheet by default, and makes the new sheet active', () => {
    const { ss } = createLocalApp();
    ss.insertSheet('B');
    ss.insertSheet('A', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'Sheet1', 'B']);
    expect(ss.getActiveSheet().getName()).toBe('A');
    ss.insertSheet('C');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['A', 'C', 'Sheet1', 'B']);
    expect(ss.getSheetByName('c')?.getIndex()).toBe(2);
  });

  it('rejects duplicate names (case-insensitive) on insert and rename, and deleting the last sheet', () => {
    const { ss } = createLocalApp();
    const s = ss.insertSheet('Sales');
    expect(() => ss.insertSheet('sales')).toThrow(/already exists/);
    expect(() => ss.getSheetByName('Sheet1')!.setName('SALES')).toThrow(/already exists/);
    s.setName('Sales 2');
    expect(ss.getSheetByName('Sales 2')?.getSheetId()).toBe(s.getSheetId());
    ss.deleteSheet(ss.getSheetByName('Sheet1')!);
    expect(() => ss.deleteSheet(s)).toThrow(/all the sheets/);
  });

  it('copies a sheet (values, formulas, formats, metadata) under a new name', () => {
    const { ss } = createLocalApp();
    const s = ss.insertSheet('Src');
    s.getRange('A1:B1').setValues([[2, '=A1*3']]);
    s.getRange('B1').setNumberFormat('0.0');
    s.addDeveloperMetadata('k', 'v');
    const copy = s.copyTo(ss);
    expect(copy.getName()).toBe('Copy of Src');
    expect(copy.getRange('A1:B1').getDisplayValues()).toEqual([['2', '6.0']]);
    expect(copy.getRange('B1').getFormula()).toBe('=A1*3');
    expect(copy.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['k', 'v']]);
  });

  it('keeps the active sheet and selection', () => {
    const { ss } = createLocalApp();
    const s = ss.insertSheet('X');
    ss.setActiveSheet(ss.getSheetByName('Sheet1')!);
    s.getRange('C3:D4').activate();
    expect(ss.getActiveSheet().getName()).toBe('X');
    expect(ss.getActiveRange()?.getA1Notation()).toBe('C3:D4');
    s.setActiveSelection('B2');
    expect(s.getActiveRange()?.getA1Notation()).toBe('B2');
  });
});

describe('in-memory workbook: ranges and values', () => {
  it('addresses ranges by A1 (incl. sheet prefix and open ranges) and by row/column', () => {
    const { ss } = createLocalApp();
    const s = ss.insertSheet("It's");
    expect(s.getRange('B2:C5').getA1Notation()).toBe('B2:C5');
    expect(s.getRange(2, 2, 4, 2).getA1Notation()).toBe('B2:C5');
    expect(s.getRange('A:A').getNumRows()).toBe(1000);
    expect(s.getRange('B3:C').getLastRow()).toBe(1000);
    expect(ss.getRange("'It''s'!D4").getSheet().getName()).toBe("It's");
    expect(s.getRange('B2:C5').getCell(2, 2).getA1Notation()).toBe('C3');
    expect(s.getRange('B2').offset(1, 1, 2, 2).getA1Notation()).toBe('C3:D4');
  });

  it('checks bounds like Sheets: a new sheet has 1000 rows × 26 columns', () => {
    const { ss } = createLocalApp();
    const s = ss.insertSheet('S');
    expect(() => s.getRange(1, 1, 1001, 1)).toThrow(/outside the dimensions/);
    expect(() => s.getRange(1, 27)).toThrow(/outside the dimensions/);
    s.insertRowsAfter(1000, 10);
    expect(s.getMaxRows()).toBe(1010);
    expect(s.getRange(1, 1, 1010, 1).getNumRows()).toBe(1010);
  });

  it('setValues needs matching dimensions', () => {
    const s = createLocalApp().ss.insertSheet('S');
    expect(() => s.getRange('A1:B2').setValues([[1, 2]])).toThrow(/number of rows/);
    expect(() => s.getRange('A1:B2').setValues([[1], [2]])).toThrow(/number of columns/);
  });

  it('evaluates formulas written as values, keeps a leading apostrophe as text, returns errors as text', () => {
    const s = createLocalApp().ss.insertSheet('S');
    s.getRange('A1:E1').setValues([[2, '=A1*21', "'=not a formula", '=1/0', '=IF(A1>1,TRUE,FALSE)']]);
    expect(s.getRange('A1:E1').getValues()).toEqual([[2, 42, '=not a formula', '#DIV/0!', true]]);
    expect(s.getRange('A1:E1').getFormulas()).toEqual([['', '=A1*21', '', '=1/0', '=IF(A1>1,TRUE,FALSE)']]);
    s.getRange('F1').setFormula('=SUM(A1:B1)');
    expect(s.getRange('F1').getValue()).toBe(44);
  });

  it('returns Date objects for date cells and formats display values', () => {
    const s = createLocalApp().ss.insertSheet('S');
    const d = new Date(2026, 9, 1);
    s.getRange('A1:D1').setValues([[d, 0.756, 1234.5, '=A1+30']]);
    s.getRange('B1').setNumberFormat('0.0%');
    s.getRange('C1').setNumberFormat('#,##0.00');
    const v = s.getRange('A1:D1').getValues()[0]!;
    expect(v[0]).toBeInstanceOf(Date);
    expect((v[0] as Date).getTime()).toBe(d.getTime());
    expect((v[3] as Date).getDate()).toBe(31);
    expect(s.getRange('A1:D1').getDisplayValues()).toEqual([['2026-10-01', '75.6%', '1,234.50', '2026-10-31']]);
  });

  it("setNumberFormats: 'General' (or '') is the automatic format; a Date written into an automatic cell gets a date format", () => {
    const s = createLocalApp().ss.insertSheet('S');
    const block = s.getRange('A1:C1');
    block.setNumberFormats([['0%', 'General', '']]);
    block.setValues([[0.5, new Date(2026, 9, 1), 1234.5]]);
    expect(block.getNumberFormats()[0]![0]).toBe('0%');
    expect(block.getNumberFormats()[0]![2]).toBe('0.###############'); // what Sheets reports for automatic
    expect(block.getDisplayValues()).toEqual([['50%', '2026-10-01', '1234.5']]);
    expect(block.getValues()[0]![1]).toBeInstanceOf(Date);
  });

  it('evaluates SPARKLINE as blank (a Sheets-only function)', () => {
    const s = createLocalApp().ss.insertSheet('S');
    s.getRange('A1:B1').setValues([[0.5, '=SPARKLINE(A1,{"charttype","bar";"max",1})']]);
    expect(s.getRange('B1').getValue()).toBe('');
    expect(s.getRange('B1').getFormula()).toMatch(/^=SPARKLINE/);
  });

  it('getDataRange covers the content only', () => {
    const s = createLocalApp().ss.insertSheet('S');
    expect(s.getDataRange().getA1Notation()).toBe('A1');
    s.getRange('C5').setValue('x');
    expect(s.getDataRange().getA1Notation()).toBe('A1:C5');
    s.getRange('C5').clearContent();
    expect(s.getLastRow()).toBe(0);
  });

  it('inserting and deleting rows moves values, formats, validations and references', () => {
    const { ss, app } = createLocalApp();
    const s = ss.insertSheet('S');
    s.getRange('A1:A3').setValues([[1], [2], ['=A1+A2']]);
    s.getRange('A2').setNumberFormat('0.0');
    s.getRange('A2').setDataValidation(app.newDataValidation().requireNumberBetween(0, 9).build());
    s.insertRowsAfter(1, 2);
    expect(s.getRange('A4').getDisplayValue()).toBe('2.0');
    expect(s.getRange('A4').getDataValidation()?.getCriteriaValues()).toEqual([0, 9]);
    expect(s.getRange('A5').getFormula()).toBe('=A1+A4');
    s.deleteRows(2, 2);
    expect(s.getRange('A3').getFormula()).toBe('=A1+A2');
    expect(s.getRange('A3').getValue()).toBe(3);
  });
});

describe('in-memory workbook: validations, formats, protections, names, metadata, charts, locks', () => {
  it('stores validations per cell; setValues bypasses them, a user edit is rejected only when strict', () => {
    const local = createLocalApp();
    const { ss, app } = local;
    const s = ss.insertSheet('S');
    const rule = app.newDataValidation().requireValueInList(['a', 'b']).setHelpText('a or b').setAllowInvalid(false).build();
    s.getRange('A1:A3').setDataValidation(rule);
    expect(String(s.getRange('A2').getDataValidation()?.getCriteriaType())).toBe('VALUE_IN_LIST');
    s.getRange('A1').setValue('zzz');
    expect(s.getRange('A1').getValue()).toBe('zzz');
    expect(ss.userEdit('S', 'A2', 'zzz')).toEqual({ ok: false, helpText: 'a or b' });
    expect(ss.userEdit('S', 'A2', 'b')).toEqual({ ok: true });
  });

  it('records conditional format rules, protections, frozen rows, widths', () => {
    const { ss, app } = createLocalApp();
    const s = ss.insertSheet('S');
    const rule = app.newConditionalFormatRule().whenTextEqualTo('Done').setBackground('#b7e1cd').setRanges([s.getRange('R7:R40')]).build();
    s.setConditionalFormatRules([rule]);
    expect(s.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('R7:R40');
    const p = s.getRange('O7:O40').protect().setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(s.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    s.setFrozenRows(6);
    s.setColumnWidths(2, 3, 80);
    expect([s.getFrozenRows(), s.getColumnWidth(3), s.getColumnWidth(9)]).toEqual([6, 80, 100]);
  });

  it('named ranges are spreadsheet-wide and usable in formulas', () => {
    const { ss } = createLocalApp();
    const s = ss.insertSheet('S');
    s.getRange('B2').setValue(10);
    ss.setNamedRange('S_target', s.getRange('B2'));
    s.getRange('C2').setValue('=S_target*2');
    expect(s.getRange('C2').getValue()).toBe(20);
    expect(ss.getRangeByName('s_target')?.getA1Notation()).toBe('B2');
    expect(() => ss.setNamedRange('A1', s.getRange('B2'))).toThrow(/not a valid range name/);
  });

  it('developer metadata on sheets, found by key and value', () => {
    const { ss } = createLocalApp();
    ss.insertSheet('Review').addDeveloperMetadata('okrSheets.role', 'review');
    ss.insertSheet('Other').addDeveloperMetadata('okrSheets.role', 'okr');
    const found = ss.createDeveloperMetadataFinder().withKey('okrSheets.role').withValue('review').find();
    expect(found.map((m) => m.getLocation().getSheet()?.getName())).toEqual(['Review']);
  });

  it('records charts', () => {
    const local = createLocalApp();
    const s = local.ss.insertSheet('Dash');
    const chart = s.newChart().asBarChart().addRange(s.getRange('A1:B5')).setOption('title', 'T').setPosition(2, 4, 0, 0).build();
    s.insertChart(chart);
    expect(local.ss.chartsOf('Dash')).toEqual([
      expect.objectContaining({ type: 'BAR', ranges: ['A1:B5'], options: { title: 'T' } }),
    ]);
    expect(s.getCharts()).toHaveLength(1);
  });

  it('the document lock: a second user cannot take it while the first holds it', () => {
    const local = createLocalApp();
    const other = local.ss.newLock();
    expect(local.lock.tryLock(10_000)).toBe(true);
    expect(other.tryLock(10_000)).toBe(false);
    expect(() => other.waitLock(10)).toThrow(/Lock timeout/);
    local.lock.releaseLock();
    expect(other.tryLock(10)).toBe(true);
  });

  it('counts service calls by method name; builder calls apart', () => {
    const local = createLocalApp();
    local.calls.reset();
    const s = local.ss.insertSheet('S');
    const r = s.getRange('A1:B2');
    r.setValues([[1, 2], [3, 4]]);
    r.getValues();
    local.app.newDataValidation().requireCheckbox().build();
    expect(local.calls.counts).toEqual({ insertSheet: 1, getRange: 1, setValues: 1, getValues: 1 });
    expect(local.calls.total).toBe(4);
    expect(local.calls.builderTotal).toBe(3);
    expect((r as LocalRange)._a1()).toBe('A1:B2'); // internal helpers are not counted
    expect(local.calls.total).toBe(4);
  });
});

describe('in-memory workbook: toPlan and back', () => {
  it('snapshots values (formulas kept), formats, validations, names and metadata, and rebuilds from the plan', () => {
    const local = createLocalApp();
    const { ss, app } = local;
    const s = ss.insertSheet('Data');
    s.getRange('A1:C2').setValues([['Name', 'Due', 'Double'], ["'=x", new Date(2026, 11, 31), '=LEN(A2)*2']]);
    s.getRange('A1:C1').setFontWeight('bold');
    s.getRange('B2:B10').setDataValidation(app.newDataValidation().requireDate().build());
    ss.setNamedRange('Data_due', s.getRange('B2'));
    s.addDeveloperMetadata('okrSheets.role', 'okr');
    const plan = local.toPlan();
    const sp = plan.sheets.find((x) => x.name === 'Data')!;
    expect(sp.values).toEqual([['Name', 'Due', 'Double'], ["'=x", { date: '2026-12-31' }, '=LEN(A2)*2']]);
    expect(sp.formats).toContainEqual({ range: 'A1:C1', bold: true });
    expect(sp.validations).toEqual([{ range: 'B2:B10', rule: { kind: 'date' }, helpText: '', strict: false }]);
    expect(sp.namedRanges).toEqual([{ name: 'Data_due', range: 'B2' }]);
    expect(sp.metadata).toEqual({ 'okrSheets.role': 'okr' });

    const again = createLocalApp({ plan });
    expect(again.ss.getSheets().map((x) => x.getName())).toEqual(['Sheet1', 'Data']);
    expect(JSON.stringify(again.toPlan())).toBe(JSON.stringify(plan));
  });
});

describe("in-memory workbook: formulas: 'store'", () => {
  it('keeps formula text without evaluating it; values read as blank', () => {
    const local = createLocalApp({ formulas: 'store' });
    const s = local.ss.insertSheet('S');
    s.getRange('A1:C1').setValues([[2, '=A1*2', 'text']]);
    expect(s.getRange('A1:C1').getValues()).toEqual([[2, '', 'text']]);
    expect(s.getRange('A1:C1').getFormulas()).toEqual([['', '=A1*2', '']]);
    s.getRange('D3').setValue('=B1');
    expect(s.getDataRange().getA1Notation()).toBe('A1:D3');
    expect(local.sheetPlan('S').values).toEqual([[2, '=A1*2', 'text'], [], [null, null, null, '=B1']]);
  });
});
