/**
 * Report periods (周报 / 月报): an ISO week `2026-W48` (Monday to Sunday) or a month `2026-11`,
 * as ISO day bounds. Pure calendar arithmetic in UTC (days only, no clock).
 */
export interface Period {
  kind: 'week' | 'month';
  /** As given, canonical: `2026-W48`, `2026-11`. */
  label: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (t: number) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const DAY = 86_400_000;

/** ISO week: week 1 holds the year's first Thursday; weeks start on Monday. */
export function isoWeek(year: number, week: number): Period | null {
  if (!Number.isInteger(year) || !Number.isInteger(week) || week < 1 || week > 53) return null;
  const jan4 = Date.UTC(year, 0, 4);
  const monday1 = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * DAY);
  const start = monday1 + (week - 1) * 7 * DAY;
  // week 53 exists only when that Monday's Thursday is still in `year`
  if (new Date(start + 3 * DAY).getUTCFullYear() !== year) return null;
  return { kind: 'week', label: `${year}-W${pad(week)}`, start: iso(start), end: iso(start + 6 * DAY) };
}

export function monthPeriod(year: number, month: number): Period | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return null;
  return { kind: 'month', label: `${year}-${pad(month)}`, start: iso(Date.UTC(year, month - 1, 1)), end: iso(Date.UTC(year, month, 0)) };
}

/** `2026-W48` / `2026W48` / `2026-w7` → a week; `2026-11` → a month; else null. */
export function parsePeriod(text: string): Period | null {
  const s = text.trim();
  const w = /^(\d{4})-?[Ww](\d{1,2})$/.exec(s);
  if (w) return isoWeek(Number(w[1]), Number(w[2]));
  const m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return monthPeriod(Number(m[1]), Number(m[2]));
  return null;
}

/** The ISO week a day falls in (`2026-11-30` → `2026-W49`). */
export function weekOf(day: string): Period {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  const thursday = t + (3 - ((new Date(t).getUTCDay() + 6) % 7)) * DAY;
  const y = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(y, 0, 1)) / DAY / 7) + 1;
  return isoWeek(y, week)!;
}
