import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeCellText, looksLikeFormula, unescapeCellText } from '../../src/core/escape';

describe('escapeCellText', () => {
  it('prefixes text that a spreadsheet would read as a formula', () => {
    expect(escapeCellText('=HYPERLINK("http://x","click")')).toBe('\'=HYPERLINK("http://x","click")');
    expect(escapeCellText('+1 pipeline deal')).toBe("'+1 pipeline deal");
    expect(escapeCellText('-10% cost')).toBe("'-10% cost");
    expect(escapeCellText('@Finance please review')).toBe("'@Finance please review");
  });
  it('leaves ordinary text alone', () => {
    for (const s of ['将采购周期由 1.5 天缩短至 1 天', 'Raise NPS from 45 to 60', '', "'quoted", 'a=b', ' =not first']) {
      expect(escapeCellText(s)).toBe(s);
    }
  });
  it('escapes text that already starts with an apostrophe before a formula sign', () => {
    expect(escapeCellText("'=1+1")).toBe("''=1+1");
    expect(unescapeCellText("''=1+1")).toBe("'=1+1");
  });
  it('unescape is the exact inverse, and escaped text never looks like a formula (property)', () => {
    const chars = fc.constantFrom('=', '+', '-', '@', "'", 'a', '目', ' ', '1');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 8 }).map((a) => a.join('')), (s) => {
        const e = escapeCellText(s);
        expect(unescapeCellText(e)).toBe(s);
        expect(looksLikeFormula(e)).toBe(false);
      }),
    );
  });
});
