/**
 * Date arguments in the spreadsheet's time zone. Sheets passes a date cell as midnight in the
 * SPREADSHEET's zone; the script's clock (appsscript.json) may be a day away. Here a stub
 * SpreadsheetApp says the spreadsheet is in Pacific/Kiritimati (UTC+14).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDate, sheetDates, today } from '../../src/addon/customFunctions/args';
import { OKRPACE } from '../../src/addon/customFunctions/pace';
import { setSheetTimeZone } from '../../src/sheets/dates';

const TZ = 'Pacific/Kiritimati';

/** Midnight of a calendar date in TZ (UTC+14, no DST), as Sheets hands a date cell over. */
const cell = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - 14 * 3600_000);

afterEach(() => {
  vi.unstubAllGlobals();
  setSheetTimeZone(null);
});

describe('custom functions: date cells from a spreadsheet in another time zone', () => {
  it('a date cell reads as the day the spreadsheet shows', () => {
    vi.stubGlobal('SpreadsheetApp', { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => TZ }) });
    expect(readDate(sheetDates(cell(2026, 10, 1)))).toBe('2026-10-01');
    const grid = sheetDates([['Due', cell(2026, 12, 31)]]) as unknown[][];
    expect(readDate(grid[0]![1])).toBe('2026-12-31');
    expect(grid[0]![0]).toBe('Due');
  });

  it('OKRPACE uses the as-of day the cell shows', () => {
    vi.stubGlobal('SpreadsheetApp', { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => TZ }) });
    // a two-day cycle, as of its first day: half the time gone, 20 % done → at risk
    expect(OKRPACE(0.2, '2026-10-01', '2026-10-02', cell(2026, 10, 1))).toBe('At risk');
  });

  it("today (OKRPACE without as_of) is the spreadsheet's date", () => {
    vi.stubGlobal('SpreadsheetApp', { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => TZ }) });
    vi.useFakeTimers({ now: Date.UTC(2026, 9, 1, 12) }); // 1 Oct 12:00 UTC = 2 Oct 02:00 in Kiritimati
    try {
      expect(today()).toBe('2026-10-02');
    } finally {
      vi.useRealTimers();
    }
  });

  it('without Apps Script (HyperFormula, tests) arguments pass through unchanged', () => {
    const d = new Date(2026, 9, 1);
    expect(sheetDates(d)).toBe(d);
    expect(sheetDates([[1, 'x']])).toEqual([[1, 'x']]);
  });
});
