import { describe, expect, it } from 'vitest';
import { closeOpenRanges } from '../../src/local/workbook/openRanges';
import { createLocalApp } from '../../src/local/workbook';

describe('open-ended ranges (assumption open-ended-ranges)', () => {
  const rows = (name: string | null) => (name === null ? 50 : name === 'Check-ins' ? 1000 : 7);
  it('closes A2:D at the referenced sheet\'s row count, leaves closed ranges and strings alone', () => {
    expect(closeOpenRanges("=SUM('Check-ins'!$A$2:$D)", rows)).toBe("=SUM('Check-ins'!$A$2:$D$1000)");
    expect(closeOpenRanges('=SUM(C2:C)+SUM(Log!B$3:B)', rows)).toBe('=SUM(C2:C50)+SUM(Log!B$3:B7)');
    expect(closeOpenRanges('=SUM(A8:A$11)+SUM(B1:C2)', rows)).toBe('=SUM(A8:A$11)+SUM(B1:C2)');
    expect(closeOpenRanges('=IF(A1="x A2:B","A2:B",1)', rows)).toBe('=IF(A1="x A2:B","A2:B",1)');
    expect(closeOpenRanges("=SUM('It''s'!A2:A)", (n) => (n === "It's" ? 9 : 0))).toBe("=SUM('It''s'!A2:A9)");
  });
  it('in the in-memory workbook: the value is computed, the formula reads back as written', () => {
    const local = createLocalApp({ lang: 'en' });
    const sh = local.ss.insertSheet('Data');
    sh.getRange('A1:A3').setValues([[1], [2], [3]]);
    sh.getRange('C1').setFormula('=SUM(A2:A)');
    expect(sh.getRange('C1').getValue()).toBe(5);
    expect(sh.getRange('C1').getFormula()).toBe('=SUM(A2:A)');
  });
});
