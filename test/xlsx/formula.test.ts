import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileShift, fromXlsxFormula, hasSparkline, hyperFormulaCompatible, replaceSparkline, shiftFormula, toXlsxFormula } from '../../src/local/xlsx/formula';
import { formatRect, parseRange, rectsFromCells } from '../../src/local/xlsx/range';

describe('formula text for OOXML', () => {
  it('adds _xlfn. to functions newer than Excel 2007, not inside strings or to names that only end the same', () => {
    expect(toXlsxFormula('=IFS(A1>1,"IFS(",TRUE,0)+MAXIFS(B:B,C:C,">0")')).toBe('_xlfn.IFS(A1>1,"IFS(",TRUE,0)+_xlfn.MAXIFS(B:B,C:C,">0")');
    expect(toXlsxFormula('=FILTER(A1:A3,B1:B3)')).toBe('_xlfn._xlws.FILTER(A1:A3,B1:B3)');
    expect(toXlsxFormula('=MYIFS(1)+SUM(A1)')).toBe('MYIFS(1)+SUM(A1)');
    expect(toXlsxFormula("='IFS (x)'!A1+IFERROR(1,2)")).toBe("'IFS (x)'!A1+IFERROR(1,2)");
  });

  it('fromXlsxFormula is the inverse', () => {
    for (const f of ['=IFS(A1>1,"_xlfn.x",TRUE,0)', '=FILTER(A1:A3,B1:B3)', '=SUM(A1:A3)/COUNT(B:B)']) {
      expect(fromXlsxFormula(toXlsxFormula(f))).toBe(f);
    }
  });

  it('SPARKLINE is replaced by its data argument, nested or not', () => {
    expect(hasSparkline('=IF(ISNUMBER(O7),SPARKLINE(O7,{"charttype","bar";"max",1}),"")')).toBe(true);
    expect(hasSparkline('="SPARKLINE(x)"')).toBe(false);
    expect(replaceSparkline('=IF(ISNUMBER(O7),SPARKLINE(O7,{"charttype","bar";"max",1;"color1","#34a853"}),"")')).toBe('=IF(ISNUMBER(O7),O7,"")');
    expect(replaceSparkline('=SPARKLINE(MIN(1,MAX(0,D5)),{"charttype","bar"})')).toBe('=MIN(1,MAX(0,D5))');
  });

  it('shiftFormula moves relative references only, leaves strings, functions and sheet names alone', () => {
    expect(shiftFormula('=IF(A7="A7",SUM($A8:$A$18)+LOG10(B7)+Sheet1!C7,"")', 2, 0)).toBe('=IF(A9="A7",SUM($A10:$A$18)+LOG10(B9)+Sheet1!C9,"")');
    expect(shiftFormula("='My A1'!B$2+C3", 1, 1)).toBe("='My A1'!C$2+D4");
  });

  it('compileShift agrees with shiftFormula (property)', () => {
    const ref = fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 60 }), fc.boolean(), fc.integer({ min: 1, max: 500 }));
    const part = fc.oneof(
      ref.map(([ca, c, ra, r]) => `${ca ? '$' : ''}${String.fromCharCode(64 + ((c - 1) % 26) + 1)}${ra ? '$' : ''}${r}`),
      fc.constantFrom('+', '*', ',', 'SUM(', ')', '"x A1"', "'S 1'!", 'LOG10(', ':'),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 5 }), (parts, dr, dc) => {
        const f = '=' + parts.join('');
        expect(compileShift(f)(dr, dc)).toBe(shiftFormula(f, dr, dc));
      }),
    );
  });
});

describe('HyperFormula compatibility', () => {
  it('bare TRUE/FALSE become TRUE()/FALSE(), not inside strings, names or existing calls', () => {
    expect(hyperFormulaCompatible('=IF(TRUE,"TRUE",FALSE())+ISTRUE+x.TRUE+AND(false,A1)')).toBe('=IF(TRUE(),"TRUE",FALSE())+ISTRUE+x.TRUE+AND(FALSE(),A1)');
  });
});

describe('A1 ranges', () => {
  it('parses and formats closed, open-ended and single-cell ranges', () => {
    expect(parseRange('B7:D20')).toEqual({ r1: 7, c1: 2, r2: 20, c2: 4 });
    expect(parseRange('D8:D')).toEqual({ r1: 8, c1: 4, r2: null, c2: 4 });
    expect(parseRange("'x'!$E$4")).toEqual({ r1: 4, c1: 5, r2: 4, c2: 5 });
    for (const r of ['B7:D20', 'E4', 'D8:D']) expect(formatRect(parseRange(r)!)).toBe(r);
    expect(parseRange('nonsense!!')).toBeNull();
  });

  it('rectsFromCells covers the cells exactly with rectangles', () => {
    const cells: Array<[number, number]> = [];
    for (let r = 7; r <= 20; r++) for (let c = 8; c <= 9; c++) cells.push([r, c]);
    cells.push([2, 5]);
    expect(rectsFromCells(cells).map(formatRect)).toEqual(['E2', 'H7:I20']);
  });
});
