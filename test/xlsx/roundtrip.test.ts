import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { SheetPlan, WorkbookPlan } from '../../src/core/plan/types';
import { exportXlsx } from '../../src/local/xlsx/export';
import { importXlsx, importXlsxDetailed } from '../../src/local/xlsx/import';
import { bigPlan, smallPlan, templateWorkbook } from './fixtures';
import { expectSame } from './compare';

describe('xlsx round trip (plan → xlsx → plan)', () => {
  it('template workbook zh-CN: values, formulas, validations, CF, widths, names, metadata', async () => {
    const plan = templateWorkbook('zh-CN');
    expectSame(plan, await importXlsx(await exportXlsx(plan)));
  });

  it('template workbook en', async () => {
    const plan = templateWorkbook('en', null);
    expectSame(plan, await importXlsx(await exportXlsx(plan)));
  });

  it('hand-made rows: escaped formula-like text, text in number cells, booleans, dates', async () => {
    const plan = smallPlan('zh-CN');
    const back = await importXlsx(await exportXlsx(plan));
    expectSame(plan, back);
    // the escaped title stays text, not a formula
    expect(back.sheets[0]!.values[9]![2]).toBe(`'=HYPERLINK("x")`);
  });

  it('formats survive (number formats, bold header, background)', async () => {
    const plan = smallPlan('en');
    const back = (await importXlsx(await exportXlsx(plan))).sheets[0]!;
    const has = (pred: (f: SheetPlan['formats'][number]) => boolean) => back.formats.some(pred);
    const header = plan.sheets[0]!.formats.find((f) => /^A6:[A-Z]+6$/.test(f.range) && f.bold === true)!;
    expect(header.range).toMatch(/^A6:Z6$|^A6:[A-Z]6$/); // through the helper column after Trend
    expect(has((f) => f.range === header.range && f.bold === true && f.background === '#dbe5f1')).toBe(true);
    expect(has((f) => f.range === 'P7:P17' && f.numberFormat === '0%')).toBe(true);
    expect(has((f) => f.range.startsWith('M7') && f.numberFormat === 'yyyy-mm-dd')).toBe(true);
  });

  it('2,000 generated KRs round-trip', async () => {
    const plan = bigPlan(2000);
    expectSame(plan, await importXlsx(await exportXlsx(plan)));
  });
});

describe('plans xlsx cannot hold as they are', () => {
  it('long dropdowns, long help text, Excel-invalid sheet names, duplicate range names, bad colours', async () => {
    const longList = Array.from({ length: 60 }, (_, i) => `选项 ${i + 1}, 含逗号`);
    const help = '说明'.repeat(200);
    const sheet = (name: string): SheetPlan => ({
      name,
      role: 'okr',
      values: [['a', 1, { date: '2026-10-01' }], ["'=not a formula", true, null]],
      frozenRows: 1,
      columnWidths: [100, 120],
      formats: [{ range: 'A1:B1', bold: true, background: 'not-a-colour' }, { range: 'nonsense', bold: true }],
      validations: [{ range: 'A2:A20', rule: { kind: 'list', values: longList }, helpText: help, strict: true }],
      conditionalFormats: [{ range: 'B2:B20', when: { kind: 'numberLess', value: 0.4 }, background: '#f00' }],
      protections: [],
      namedRanges: [{ name: 'okr_unit', range: 'A1' }, { name: 'A1', range: 'B1' }],
      metadata: { 'okrSheets.role': 'okr' },
    });
    const plan: WorkbookPlan = { sheets: [sheet('OKR: a very long name with / and ? that Excel refuses'), sheet('OKR: a very long name with / and ? that Excel refuses (copy)')] };
    const back = await importXlsx(await exportXlsx(plan));
    expect(back.sheets.map((x) => x.name)).toEqual(plan.sheets.map((x) => x.name));
    for (const s of back.sheets) {
      expect(s.validations[0]!.rule).toEqual({ kind: 'list', values: longList });
      expect(s.validations[0]!.helpText).toBe(help);
      expect(s.values[1]![0]).toBe("'=not a formula");
      expect(s.namedRanges).toEqual([{ name: 'okr_unit', range: 'A1' }, { name: 'A1', range: 'B1' }]);
      expect(s.conditionalFormats[0]!.background).toBe('#ff0000');
    }
  });
});

describe('the xlsx file itself', () => {
  async function load(plan: WorkbookPlan, opts = {}) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(plan, opts)) as unknown as ArrayBuffer);
    return wb;
  }

  it('formulas have no cached results and the workbook recalculates on load', async () => {
    const buf = await exportXlsx(smallPlan('en'));
    // exceljs does not read calcPr back: look at the part itself (jszip comes with exceljs)
    const zip = await JSZip.loadAsync(buf);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toMatch(/<f>IF\(/);
    expect(sheetXml).not.toMatch(/<f>[^<]*<\/f><v>/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) {
          formulas++;
          expect((cell.value as ExcelJS.CellFormulaValue).result).toBeUndefined();
        }
      }),
    );
    expect(formulas).toBeGreaterThan(40);
  });

  it('SPARKLINE is not in the file: the bar cells hold the fallback under a data bar', async () => {
    const wb = await load(smallPlan('en'));
    const ws = wb.worksheets[0]!;
    ws.eachRow((row) => row.eachCell((cell) => expect(String(cell.formula ?? '')).not.toMatch(/SPARKLINE/i)));
    expect(ws.getCell('S7').formula).toBe('IF(ISNUMBER(P7),P7,"")');
    const cfs = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string }> }> }).conditionalFormattings;
    expect(cfs.some((cf) => cf.ref === 'S7:S17' && cf.rules[0]!.type === 'dataBar')).toBe(true);
  });

  it('validations carry prompts; frozen header; meta sheet is very hidden; header names are defined names', async () => {
    const wb = await load(smallPlan('en'));
    const ws = wb.worksheets[0]!;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(dv.B8!.type).toBe('list');
    expect(dv.B8!.prompt).toMatch(/Increase/);
    expect(dv.L8!.errorStyle).toBe('stop');
    expect(dv.J8!.errorStyle).toBe('warning');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(wb.getWorksheet('_okr_meta')!.state).toBe('veryHidden');
    expect(wb.definedNames.model.map((n: { name: string }) => n.name)).toContain('okr_header');
  });

  it("protection: formula cells locked, inputs unlocked, sheet protected without a password ('lock'); none with 'none'", async () => {
    const wb = await load(smallPlan('en'));
    const ws = wb.worksheets[0]!;
    // an xf without <protection> is locked (the OOXML default)
    expect(ws.getCell('P8').protection?.locked ?? true).toBe(true); // Progress
    expect(ws.getCell('O8').protection?.locked).toBe(false); // Self-score: an input
    expect(ws.getCell('J8').protection?.locked).toBe(false);
    expect(ws.getCell('J500').protection?.locked).toBe(false);
    const zip = await JSZip.loadAsync(await exportXlsx(smallPlan('en')));
    const prot = /<sheetProtection[^>]*>/.exec(await zip.file('xl/worksheets/sheet1.xml')!.async('string'))![0];
    expect(prot).toMatch(/sheet="1"/);
    expect(prot).not.toMatch(/hashValue|password/);
    // in OOXML an attribute "0" means the action is NOT blocked
    for (const allowed of ['formatCells', 'insertRows', 'deleteRows', 'sort']) expect(prot).toMatch(new RegExp(`${allowed}="0"`));
    const open = (await load(smallPlan('en'), { protect: 'none' })).worksheets[0]!;
    expect((open as unknown as { sheetProtection?: unknown }).sheetProtection ?? null).toBeNull();
  });

  it('a sheet renamed in Excel keeps its role, metadata and SPARKLINE; with a sheet added too, nothing is guessed wrongly', async () => {
    const plan = smallPlan('en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportXlsx(plan)) as unknown as ArrayBuffer);
    wb.worksheets[0]!.name = 'Renamed';
    const renamed = (await importXlsx(Buffer.from(await wb.xlsx.writeBuffer()))).sheets[0]!;
    expect(renamed.name).toBe('Renamed');
    expect(renamed.metadata).toEqual(plan.sheets[0]!.metadata);
    expect(renamed.values[7]![18]).toBe(plan.sheets[0]!.values[7]![18]);
    wb.addWorksheet('Extra');
    const added = (await importXlsx(Buffer.from(await wb.xlsx.writeBuffer()))).sheets;
    expect(added.map((x) => x.name)).toEqual(['Renamed', 'Extra']);
    expect(added[0]!.metadata).toEqual({});
    expect(added[0]!.values[7]![18]).toBe('=IF(ISNUMBER(P8),P8,"")'); // the fallback, as stored
  });

  it('cached results of a file saved elsewhere are read (and marked complete)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 2;
    ws.getCell('B1').value = { formula: '_xlfn.IFS(A1>1,A1*3)', result: 6 } as ExcelJS.CellFormulaValue;
    ws.getCell('C1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue;
    const d = await importXlsxDetailed(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(d.plan.sheets[0]!.values[0]).toEqual([2, '=IFS(A1>1,A1*3)', '=1/0']);
    expect(d.cached[0]!.get('0,1')).toBe(6);
    expect(d.cached[0]!.get('0,2')).toEqual({ error: '#DIV/0!' });
    expect(d.complete).toBe(true);
  });
});
