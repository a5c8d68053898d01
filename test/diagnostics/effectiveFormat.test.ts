/**
 * The in-memory answer to `spreadsheets.get(…effectiveFormat.backgroundColor)` that diagnostics'
 * colour checks read (src/local/workbook/effectiveFormat.ts): relative references move with the
 * cell as Sheets reads a rule's formula; strings, absolute parts and function names stay.
 */
import { describe, expect, it } from 'vitest';
import { shiftRelativeRefs } from '../../src/local/workbook/effectiveFormat';
import { createLocalApp } from '../../src/local/workbook';

describe('shiftRelativeRefs', () => {
  it('moves relative rows and columns, keeps $-parts, strings, function names and sheet names', () => {
    expect(shiftRelativeRefs('=AND($Q14>0,Q14<N$1,"Q14",LOG10(A1)>0)', 2, 1)).toBe('=AND($Q16>0,R16<O$1,"Q14",LOG10(B3)>0)');
    expect(shiftRelativeRefs("='Other sheet'!B2+$C$3", 1, 0)).toBe("='Other sheet'!B3+$C$3");
    expect(shiftRelativeRefs('=Z1+AZ10', 0, 1)).toBe('=AA1+BA10');
    expect(shiftRelativeRefs('=A1', 0, 0)).toBe('=A1');
  });
});

describe('effective background colours', () => {
  it('a rule over a column colours each row by its own cell; the first true rule wins; default cells have no effectiveFormat', () => {
    const local = createLocalApp();
    const sheet = local.ss.getActiveSheet();
    sheet.getRange('A1:A3').setValues([[1], [5], ['x']]);
    const col = sheet.getRange('A1:A3');
    sheet.setConditionalFormatRules([
      local.app.newConditionalFormatRule().whenFormulaSatisfied('=AND(ISNUMBER(A1),A1<2)').setBackground('#ff0000').setRanges([col]).build(),
      local.app.newConditionalFormatRule().whenFormulaSatisfied('=ISNUMBER(A1)').setBackground('#00ff00').setRanges([col]).build(),
      local.app.newConditionalFormatRule().whenTextEqualTo('x').setBackground('#0000ff').setRanges([col]).build(),
    ]);
    const got = local.sheetsApi.get(local.ss.getId(), { ranges: [`'${sheet.getName()}'!A1:A4`], fields: 'sheets.data.rowData.values.effectiveFormat.backgroundColor' });
    const cells = got.sheets![0]!.data![0]!.rowData!.map((r) => r.values![0]!.effectiveFormat?.backgroundColor ?? null);
    expect(cells).toEqual([{ red: 1, green: 0, blue: 0 }, { red: 0, green: 1, blue: 0 }, { red: 0, green: 0, blue: 1 }, null]);
  });

  it('a condition it cannot evaluate fails the request instead of answering "not coloured"', () => {
    const local = createLocalApp();
    const sheet = local.ss.getActiveSheet();
    sheet.setConditionalFormatRules([local.app.newConditionalFormatRule().whenCellEmpty().setBackground('#ff0000').setRanges([sheet.getRange('A1')]).build()]);
    expect(() => local.sheetsApi.get(local.ss.getId(), { ranges: [`'${sheet.getName()}'!A1`], fields: 'sheets.data.rowData.values.effectiveFormat.backgroundColor' })).toThrow(/cannot evaluate/);
  });
});
