/**
 * Pace: how far along a KR should be by a date, and the resulting status (design §3).
 * Dates are ISO `YYYY-MM-DD` strings; no clock is read — "as of" is always a parameter.
 */
import { DEFAULT_SETTINGS, type OkrSettings, type Status } from './model';
import { EDGE_EPS } from './progress';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 of an ISO date (time part ignored); null if not a valid date. */
export function dayNumber(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const hit = dayCache.get(iso);
  if (hit !== undefined) return hit;
  const m = ISO_RE.exec(iso);
  let day: number | null = null;
  if (m) {
    const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) day = Date.UTC(y, mo - 1, d) / 86400000;
  }
  if (dayCache.size > 4096) dayCache.clear(); // a pure memo, bounded
  dayCache.set(iso, day);
  return day;
}
const dayCache = new Map<string, number | null>();

/** ISO date of a day number (inverse of dayNumber). */
export function isoOfDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * Share of the cycle elapsed at the END of the `asOf` day, clamped to [0, 1]. Both the start and
 * the end day count as cycle days: expected = (asOf − start + 1) / (end − start + 1).
 * So the first day expects 1/N, the last day expects 1, days before the cycle 0, after it 1.
 * Formula: MIN(1, MAX(0, (asOf − start + 1) / (end − start + 1))).
 * null when a date is missing/invalid or end < start.
 */
export function expectedProgress(cycleStart: string | null, cycleEnd: string | null, asOf: string | null): number | null {
  const s = dayNumber(cycleStart), e = dayNumber(cycleEnd), a = dayNumber(asOf);
  if (s === null || e === null || a === null || e < s) return null;
  const x = (a - s + 1) / (e - s + 1);
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Status of a KR or objective.
 * - progress null (current blank) → 'notStarted';
 * - progress ≥ 1 → 'done';
 * - Δ = progress − expected (expected 0 when the cycle dates are unknown):
 *   Δ ≥ −atRiskBelow → 'onTrack'; −offTrackBelow ≤ Δ < −atRiskBelow → 'atRisk'; else 'offTrack'.
 *   Edges are compared with EDGE_EPS tolerance (Δ ≥ −0.2 − 1E-9).
 */
export function paceStatus(
  progress: number | null,
  cycleStart: string | null,
  cycleEnd: string | null,
  asOf: string | null,
  settings: Pick<OkrSettings, 'atRiskBelow' | 'offTrackBelow'> = DEFAULT_SETTINGS,
): Status {
  if (progress === null || !Number.isFinite(progress)) return 'notStarted';
  if (progress >= 1 - EDGE_EPS) return 'done';
  const expected = expectedProgress(cycleStart, cycleEnd, asOf) ?? 0;
  return statusFromDelta(progress - expected, settings);
}

/**
 * Overdue (issue 10 §5): a KR whose due date has passed (due < as of; the due day itself still
 * counts as in time) and that is not done (progress < 1). Formula:
 * `AND(ISNUMBER(due), INT(due) < INT(asOf), progress < 1 − 1E-9)`.
 */
export function isOverdue(due: string | null, asOf: string | null, progress: number | null): boolean {
  const d = dayNumber(due), a = dayNumber(asOf);
  if (d === null || a === null || d >= a) return false;
  return !(progress !== null && progress >= 1 - EDGE_EPS);
}

/**
 * The status of a row, as its Status formula shows it: done at progress ≥ 1; overdue when past
 * its due date and not done (even with no value yet: a missed date is not "not started");
 * not started when there is no value; else pace (statusFromDelta of progress − expected).
 * `progress` null = no value (blank current). `expected` 0 when the cycle dates are unknown.
 */
export function rowStatus(
  progress: number | null,
  expected: number,
  due: string | null,
  asOf: string | null,
  settings: Pick<OkrSettings, 'atRiskBelow' | 'offTrackBelow'> = DEFAULT_SETTINGS,
): Status {
  if (progress !== null && progress >= 1 - EDGE_EPS) return 'done';
  if (isOverdue(due, asOf, progress)) return 'overdue';
  if (progress === null || !Number.isFinite(progress)) return 'notStarted';
  return statusFromDelta(progress - expected, settings);
}

/** The threshold part of paceStatus, for callers that computed Δ themselves. */
export function statusFromDelta(
  delta: number,
  settings: Pick<OkrSettings, 'atRiskBelow' | 'offTrackBelow'> = DEFAULT_SETTINGS,
): Status {
  if (delta >= -settings.atRiskBelow - EDGE_EPS) return 'onTrack';
  if (delta >= -settings.offTrackBelow - EDGE_EPS) return 'atRisk';
  return 'offTrack';
}

const CYCLE_RES: { re: RegExp; kind: 'Q' | 'M' | 'H' | 'Y' }[] = [
  { re: /^(\d{4})\s*[-/年]?\s*(?:Q|第)\s*([1-4])\s*(?:季度|季)?$/i, kind: 'Q' },
  { re: /^(\d{4})\s*[-/年]?\s*H\s*([12])$/i, kind: 'H' },
  { re: /^(\d{4})\s*年?\s*([上下])半年$/, kind: 'H' },
  { re: /^(\d{4})\s*[-/年]\s*(\d{1,2})\s*月?$/, kind: 'M' },
  { re: /^(\d{4})\s*年?(?:度)?$/, kind: 'Y' },
];

/**
 * Start and end dates of a named cycle: `2026-Q4`, `2026Q4`, `2026年第4季度`, `2026-11`,
 * `2026年11月`, `2026`, `2026年`, `2026-H1`, `2026年上半年`. null if not recognised.
 */
export function cycleDates(cycle: string | null | undefined): { start: string; end: string } | null {
  if (!cycle) return null;
  const text = cycle.trim();
  for (const { re, kind } of CYCLE_RES) {
    const m = re.exec(text);
    if (!m) continue;
    const y = +m[1]!;
    const pad = (n: number) => String(n).padStart(2, '0');
    const span = (m1: number, m2: number) => ({
      start: `${y}-${pad(m1)}-01`,
      end: `${y}-${pad(m2)}-${pad(daysInMonth(y, m2))}`,
    });
    switch (kind) {
      case 'Y':
        return span(1, 12);
      case 'Q': {
        const q = +m[2]!;
        return span(q * 3 - 2, q * 3);
      }
      case 'H': {
        const h = m[2] === '上' ? 1 : m[2] === '下' ? 2 : +m[2]!;
        return h === 1 ? span(1, 6) : span(7, 12);
      }
      case 'M': {
        const mo = +m[2]!;
        if (mo < 1 || mo > 12) return null;
        return span(mo, mo);
      }
    }
  }
  return null;
}
