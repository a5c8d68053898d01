/** The block a generated sheet owns, row by row, and the cells a person typed inside it. */
import { describe, expect, it } from 'vitest';
import { KEPT_TEXT, decodeWidths, encodeWidths, keepUserCells, withOwnedRange } from '../../src/core/plan/owned';
import type { SheetPlan } from '../../src/core/plan/types';

const plan = (values: SheetPlan['values']): SheetPlan => ({
  name: 'Review', role: 'review', values, frozenRows: 0, columnWidths: [], formats: [{ range: 'A1:E1', bold: true }],
  validations: [], conditionalFormats: [], protections: [], namedRanges: [], metadata: {},
});

describe('owned widths', () => {
  it('run-length per row, trailing blanks not owned; the rectangle covers formats', () => {
    const p = plan([['Title'], ['meta', null, ''], [], ['', 'Part', 'text'], ['', 'Part', 'text']]);
    expect(encodeWidths(p)).toBe('1*2,0*1,3*2');
    expect(decodeWidths('1*2,0*1,3*2')).toEqual([1, 1, 0, 3, 3]);
    expect(decodeWidths('x')).toBeNull();
    expect(withOwnedRange(p).metadata).toMatchObject({ 'okrSheets.owned': 'A1:E5', 'okrSheets.ownedWidths': '1*2,0*1,3*2' });
  });

  it('typed cells stay in place when free, else move below the block with their address', () => {
    const next = plan([['Title'], ['meta'], [], ['', 'Part', 'text', 'NEW'], ['', 'Part', 'text']]);
    const typed = [['', '', '', 'beside title'], [], [], ['', '', '', 'beside part 1'], ['', '', '', '', 'far right']];
    const out = keepUserCells(next, typed, [1, 1, 0, 3, 3], 'en');
    expect(out.values[0]).toEqual(['Title', null, null, 'beside title']);
    expect(out.values[4]).toEqual(['', 'Part', 'text', null, 'far right']);
    // D4 is the new plan's now: the typed text is listed below, never dropped
    expect(out.values[3]![3]).toBe('NEW');
    expect(out.values.slice(-2)).toEqual([[KEPT_TEXT.en], ['D4', 'beside part 1']]);
    // our own old cells (left of the old width) are not "typed"
    const mine = keepUserCells(next, [['old title']], [1], 'en');
    expect(mine.values).toEqual(next.values);
  });
});
