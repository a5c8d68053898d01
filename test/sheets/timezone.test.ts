/**
 * Dates across time zones (src/sheets/dates.ts). On Apps Script a Date is an instant shown in the
 * SPREADSHEET's time zone, while the script's clock runs in the script's zone (appsscript.json,
 * fixed for an add-on). Writing `new Date(y, m, d)` or reading a cell with `getDate()` shifts
 * dates by a day whenever the two differ; these tests fake a spreadsheet in another zone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseDate } from '../../src/core/numbers';
import { isoToDate } from '../../src/sheets/applyPlan';
import { sheetValues, toCellValue } from '../../src/sheets/checkins';
import { fromSheetValues, setSheetTimeZone, sheetTimeZone } from '../../src/sheets/dates';
import type { SheetLike } from '../../src/sheets/api';

/** What a spreadsheet in `tz` shows for this instant (date and time). */
function shownIn(tz: string, d: Date): string {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Midnight of a calendar date in `tz`, as Sheets hands a date cell to getValues(). */
function cellDate(tz: string, y: number, m: number, d: number): Date {
  for (let h = -15; h <= 15; h++) {
    const t = new Date(Date.UTC(y, m - 1, d) - h * 3600_000);
    if (shownIn(tz, t) === `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} 00:00`) return t;
  }
  throw new Error('no midnight');
}

const ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles', 'Asia/Tokyo'];

afterEach(() => setSheetTimeZone(null));

describe('dates written to a spreadsheet in another time zone', () => {
  for (const tz of ZONES) {
    it(`isoToDate and check-in dates are midnight of that day in ${tz}`, () => {
      setSheetTimeZone(tz);
      expect(sheetTimeZone()).toBe(tz);
      expect(shownIn(tz, isoToDate('2026-10-01'))).toBe('2026-10-01 00:00');
      expect(shownIn(tz, isoToDate('2026-03-08'))).toBe('2026-03-08 00:00'); // a DST change day in the US
      expect(shownIn(tz, toCellValue({ date: '2026-12-31' }) as Date)).toBe('2026-12-31 00:00');
    });
  }
});

describe('dates read from a spreadsheet in another time zone', () => {
  for (const tz of ZONES) {
    it(`a date cell reads as the day ${tz} shows`, () => {
      setSheetTimeZone(tz);
      const grid = [['Due', cellDate(tz, 2026, 10, 1)], [3, cellDate(tz, 2026, 12, 31)]];
      const read = fromSheetValues(grid);
      expect(parseDate(read[0]![1])).toBe('2026-10-01');
      expect(parseDate(read[1]![1])).toBe('2026-12-31');
      expect(read[1]![0]).toBe(3);
      const sheet = { getDataRange: () => ({ getValues: () => [[cellDate(tz, 2026, 11, 15)]] }) } as unknown as SheetLike;
      expect(parseDate(sheetValues(sheet)[0]![0])).toBe('2026-11-15');
    });
  }

  it('no zone set (in-memory workbook, CLI): values pass through unchanged', () => {
    const d = new Date(2026, 9, 1);
    const grid = [[d]];
    expect(fromSheetValues(grid)[0]![0]).toBe(d);
    expect(isoToDate('2026-10-01').getTime()).toBe(d.getTime());
  });

  it('an unknown zone is ignored', () => {
    setSheetTimeZone('Not/A_Zone');
    expect(sheetTimeZone()).toBeNull();
  });
});
