/**
 * Calendar days as ISO strings (`YYYY-MM-DD`) — the one home of "today" and "this quarter".
 * Pure: the clock is passed in (`now`), the zone is an IANA name (`Asia/Shanghai`); Intl is a
 * language built-in available in Apps Script's V8, in Node and in browsers.
 */

const pad = (n: number) => (n < 10 ? '0' : '') + n;

/** The calendar day of `now` in `timeZone` (the runtime's own zone when absent or unknown). */
export function todayIso(timeZone?: string | null, now: Date = new Date()): string {
  if (timeZone) {
    try {
      // en-CA formats as YYYY-MM-DD
      const s = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
      if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
    } catch {
      /* unknown zone: the runtime's calendar below */
    }
  }
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The quarter an ISO day falls in, as a cycle name: `2026-10-05` → `2026-Q4`. */
export function quarterOf(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** This quarter's cycle name (`2026-Q4`), in `timeZone` when given. */
export function currentQuarter(timeZone?: string | null, now: Date = new Date()): string {
  return quarterOf(todayIso(timeZone, now));
}
