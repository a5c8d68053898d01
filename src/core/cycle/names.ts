/**
 * Cycle names and their arithmetic (issue 13 §5): the cycle after `2026-Q4` is `2027-Q1`,
 * after `2026-11` is `2026-12`, after `2026` is `2027`, after `2026-H2` is `2027-H1`. Written in
 * the canonical form the templates use, whatever spelling came in (`2026年第4季度` → `2027-Q1`).
 */
import { cycleDates } from '../pace';

/** The next cycle's canonical name, or null when `cycle` is not a cycle name we know. */
export function nextCycleName(cycle: string): string | null {
  const d = cycleDates(cycle);
  if (!d) return null;
  const y = Number(d.start.slice(0, 4));
  const m1 = Number(d.start.slice(5, 7));
  const m2 = Number(d.end.slice(5, 7));
  const months = m2 - m1 + 1;
  if (months === 12) return String(y + 1);
  if (months === 6) return m1 === 1 ? `${y}-H2` : `${y + 1}-H1`;
  if (months === 3) {
    const q = (m1 - 1) / 3 + 1;
    return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
  }
  if (months === 1) return m1 === 12 ? `${y + 1}-01` : `${y}-${String(m1 + 1).padStart(2, '0')}`;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A due date moved into the new cycle: the same place in the cycle, months shifted by the
 * distance between the two cycles' starts (a month-end stays a month-end), and never past the
 * new cycle's end. The old cycle's end becomes the new cycle's end.
 */
export function moveDue(due: string | null, from: { start: string; end: string }, to: { start: string; end: string }): string | null {
  if (!due || !/^\d{4}-\d{2}-\d{2}$/.test(due)) return due ?? null;
  if (due >= from.end) return to.end;
  const months = (Number(to.start.slice(0, 4)) - Number(from.start.slice(0, 4))) * 12 + Number(to.start.slice(5, 7)) - Number(from.start.slice(5, 7));
  const y0 = Number(due.slice(0, 4));
  const m0 = Number(due.slice(5, 7));
  const d0 = Number(due.slice(8, 10));
  const total = y0 * 12 + (m0 - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = d0 === lastDay(y0, m0) ? lastDay(y, m) : Math.min(d0, lastDay(y, m));
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  if (iso > to.end) return to.end;
  if (iso < to.start) return to.start;
  return iso;
}
