import { describe, expect, it } from 'vitest';
import { buildOkrSheetPlanFromRows } from '../../src/core/plan/okrSheet';
import { decodeText, parseCsv } from '../../src/local/xlsx/csv';
import { exportXlsx } from '../../src/local/xlsx/export';
import { readXlsxValues } from '../../src/local/xlsx/values';
import { CYCLE } from './fixtures';

describe('values for the CLI', () => {
  it('formulas typed into input cells of our exports (no cached results) are evaluated with HyperFormula', async () => {
    const sheet = buildOkrSheetPlanFromRows({
      lang: 'en',
      header: { unit: 'U', level: 'team', owner: 'A', ...CYCLE, alignedTo: '', asOf: '2026-11-15' },
      rows: [
        { id: 'O1', type: 'objective', title: 'Grow' },
        { id: 'O1.KR1', type: 'increase', title: 'Raise x from 0 to 100', start: 0, target: 1, current: 1 },
      ],
      settingsSheetName: null,
      spareRows: 1,
    });
    // (the builder escapes text that looks like a formula, so put the formulas in afterwards)
    sheet.values[7]![8] = '=50*2';
    sheet.values[7]![9] = '=SUM(20,5)+IF(TRUE,5,0)+MAXIFS(H8:I8,H8:I8,">1000")';
    const wb = await readXlsxValues(await exportXlsx({ sheets: [sheet] }));
    expect(wb.source).toBe('hyperformula');
    const line = wb.sheets[0]!.values[7]!;
    expect([line[8], line[9]]).toEqual([100, 30]);
    expect(wb.sheets[0]!.values[1]![4]).toBe('2026-10-01'); // dates as ISO text
  });
});

describe('CSV reader', () => {
  it('RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes, CRLF, BOM, trailing newline', () => {
    expect(parseCsv('\uFEFFa,"b,1","say ""hi""","two\r\nlines"\r\nc,,d\r\n')).toEqual([
      ['a', 'b,1', 'say "hi"', 'two\r\nlines'],
      ['c', '', 'd'],
    ]);
    expect(parseCsv('x\ty\n1\t2')).toEqual([['x', 'y'], ['1', '2']]);
    expect(parseCsv('x;y\n1;2\n')).toEqual([['x', 'y'], ['1', '2']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('decodes UTF-8 (with BOM) and GB18030 (Excel for Chinese Windows)', () => {
    expect(decodeText(Buffer.from('\uFEFF单元,层级', 'utf8'))).toBe('单元,层级');
    expect(decodeText(Buffer.from([0xb5, 0xa5, 0xd4, 0xaa]))).toBe('单元');
  });
});
