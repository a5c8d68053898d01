/**
 * Sheets date serials: days since 1899-12-30, in the spreadsheet's local time (we use the Node
 * process's time zone as the spreadsheet time zone).
 */
const EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

export function dateToSerial(d: Date): number {
  const utc = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
  return (utc - EPOCH_UTC) / DAY;
}

export function serialToDate(serial: number): Date {
  const u = new Date(EPOCH_UTC + Math.round(serial * DAY));
  return new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds());
}

/** Date/time parts of a serial, time-zone free. */
export function serialParts(serial: number): { y: number; m: number; d: number; hh: number; mm: number; ss: number; dow: number } {
  const u = new Date(EPOCH_UTC + Math.round(serial * DAY));
  return {
    y: u.getUTCFullYear(), m: u.getUTCMonth() + 1, d: u.getUTCDate(),
    hh: u.getUTCHours(), mm: u.getUTCMinutes(), ss: u.getUTCSeconds(), dow: u.getUTCDay(),
  };
}

/** 'YYYY-MM-DD' → Date at local midnight (how the applier writes a PlanDate). */
export function isoToLocalDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function localDateToIso(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
