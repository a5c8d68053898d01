/**
 * Calendar dates across time zones. In Apps Script a JavaScript Date is an instant, and Sheets
 * shows it in the SPREADSHEET's time zone (File → Settings), while the script's own clock —
 * `new Date(y, m, d)`, `getFullYear()`, `getDate()` — runs in the SCRIPT's time zone
 * (`appsscript.json` "timeZone", fixed for an add-on, whoever uses it). A date cell read with
 * getValues() is midnight in the spreadsheet's zone; a Date written with setValues() is shown as
 * the spreadsheet's calendar date of that instant. When the two zones differ, dates shift by a
 * day: `new Date(2026, 9, 1)` in Asia/Shanghai is 30 Sep in any spreadsheet west of Shanghai, and
 * midnight 1 Oct in Tokyo reads as 30 Sep in Shanghai.
 *
 * So the Apps Script entry point (`rpc`) sets the spreadsheet's zone here once per call; every
 * date the add-on writes is made as midnight in that zone (`isoToDate`), and every value read
 * goes through `fromSheetValues`, which turns each Date into a runtime-local Date with the same
 * calendar fields the spreadsheet shows — what the core (`parseDate`, `toIsoDate`) expects.
 * Without a zone set (the in-memory workbook, tests, the CLI) both are the identity.
 */

let sheetZone: string | null = null;

/** The spreadsheet's time zone for this execution (null: same clock as the runtime). */
export function setSheetTimeZone(tz: string | null | undefined): void {
  sheetZone = tz && fieldsIn(tz, Date.now()) ? tz : null;
}

export function sheetTimeZone(): string | null {
  return sheetZone;
}

/** One formatter per zone: building one costs far more than using it (thousands of date cells). */
const formatters = new Map<string, Intl.DateTimeFormat>();

type Fields = [y: number, m: number, d: number, h: number, mi: number, s: number];

/** Calendar fields (month 1–12) of an instant in `tz`, or null if the zone is unknown. */
function fieldsIn(tz: string, t: number): Fields | null {
  try {
    let fmt = formatters.get(tz);
    if (!fmt) {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      formatters.set(tz, fmt);
    }
    const parts = fmt.formatToParts(new Date(t));
    const get = (k: string) => Number(parts.find((p) => p.type === k)?.value);
    const f: Fields = [get('year'), get('month'), get('day'), get('hour') % 24, get('minute'), get('second')];
    return f.every(Number.isFinite) ? f : null;
  } catch {
    return null;
  }
}

/** Milliseconds `tz` is ahead of UTC at instant t. */
function offsetAt(tz: string, t: number): number {
  const f = fieldsIn(tz, t)!;
  return Date.UTC(f[0], f[1] - 1, f[2], f[3], f[4], f[5]) - Math.floor(t / 1000) * 1000;
}

/** A calendar date (month 1–12) as the Date to write: midnight in the spreadsheet's zone. */
export function sheetDate(y: number, m: number, d: number): Date {
  const tz = sheetZone;
  if (!tz) return new Date(y, m - 1, d);
  const wall = Date.UTC(y, m - 1, d);
  const first = wall - offsetAt(tz, wall);
  return new Date(wall - offsetAt(tz, first));
}

/** `YYYY-MM-DD…` → the Date to write (midnight in the spreadsheet's zone); null if not a date. */
export function isoToSheetDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? sheetDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** A Date read from the spreadsheet → a runtime-local Date with the calendar fields it shows. */
export function fromSheetDate(v: Date): Date {
  const tz = sheetZone;
  if (!tz || Number.isNaN(v.getTime())) return v;
  const f = fieldsIn(tz, v.getTime());
  return f ? new Date(f[0], f[1] - 1, f[2], f[3], f[4], f[5], v.getMilliseconds()) : v;
}

/** getValues() output with every Date cell passed through `fromSheetDate` (same grid when no zone). */
export function fromSheetValues<T extends unknown[][]>(values: T): T {
  if (!sheetZone) return values;
  for (const row of values) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v instanceof Date) row[c] = fromSheetDate(v);
    }
  }
  return values;
}
