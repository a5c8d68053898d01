/**
 * The workbook's score scale (issue 14 §2), in one place. Core keeps every score as a share
 * (0–1, above 1 only when over-achievement counts); a Score cell holds the score in the scale:
 *
 *   scale     cell value            rounding          number format
 *   0-1       share                 1 decimal         0.0
 *   0-100     share × 100 (分)      whole points      0
 *   percent   share                 2 decimals        0%
 *
 * Values a person types into score cells (Self-score, Manager score, a rubric step's score) are
 * in the scale too, and `shareFromTyped` brings them back. The native Score formula is
 * ROUND(ROUND(share,10) × factor, digits); `displayedShare` is the same number as a share, so a
 * grade decided on it is the grade the sheet's colours show.
 */
import type { OkrSettings, ScoreScale } from './model';

/** Spreadsheet ROUND(x, digits): half away from zero (Math.round(x·10^d)/10^d, sign-symmetric).
 *  Lives here (progress.ts re-exports it) so that progress.ts can grade on the scale without an
 *  import cycle. */
export function roundHalfUp(x: number, digits: number): number {
  const m = Math.pow(10, digits);
  return x < 0 ? -Math.round(-x * m) / m : Math.round(x * m) / m;
}

export interface ScaleSpec {
  scale: ScoreScale;
  /** Cell value = share × factor. */
  factor: number;
  /** ROUND digits applied to the cell value. */
  digits: number;
  /** The Score column's number format. */
  numberFormat: string;
}

const SPECS: Record<ScoreScale, ScaleSpec> = {
  '0-1': { scale: '0-1', factor: 1, digits: 1, numberFormat: '0.0' },
  '0-100': { scale: '0-100', factor: 100, digits: 0, numberFormat: '0' },
  percent: { scale: 'percent', factor: 1, digits: 2, numberFormat: '0%' },
};

/**
 * A scale as people write it (`0-1`, `0–100`, `100`, `百分制`, `%`, `percent`…); else null. The
 * same forms as the Settings reader (plan/supportSheets.ts readScoreScale, a test holds the two
 * equal) — repeated here because the custom functions, which read a scale argument, must not
 * load the sheet-plan modules on their cold start (test/bundle: Code.js holds no plan code).
 */
export function parseScoreScale(v: unknown): ScoreScale | null {
  const t = String(v ?? '').trim().toLowerCase().replace(/[–—~～]/g, '-').replace(/\s+/g, '');
  return SCALE_WORDS.get(t) ?? null;
}
const SCALE_WORDS = new Map<string, ScoreScale>([
  ...['%', '％', 'percent', '百分比'].map((w) => [w, 'percent'] as const),
  ...['0-100', '100', '百分制', '0-100分'].map((w) => [w, '0-100'] as const),
  ...['0-1', '1', '0.0-1.0'].map((w) => [w, '0-1'] as const),
]);

export function scaleSpec(settings: Pick<OkrSettings, 'scoreScale'> | ScoreScale | undefined): ScaleSpec {
  const s = typeof settings === 'string' ? settings : settings?.scoreScale;
  return SPECS[s ?? '0-1'] ?? SPECS['0-1'];
}

/** The Score cell's value for a computed share: ROUND(ROUND(share,10)*factor,digits), the inner
 *  rounding removing binary noise (0.25 computed as 0.24999…) exactly as the formula does. */
export function cellFromShare(share: number, spec: ScaleSpec): number {
  return roundHalfUp(roundHalfUp(share, 10) * spec.factor, spec.digits);
}

/** The share a Score cell shows (after the scale's rounding). */
export function displayedShare(share: number, spec: ScaleSpec): number {
  return cellFromShare(share, spec) / spec.factor;
}

/** A value typed in the scale (self-score 70 on 0-100, 0.7 on 0-1, 70% on percent) as a share. */
export function shareFromTyped(value: number, spec: ScaleSpec): number {
  return value / spec.factor;
}

/** The Settings that decide how a score is shown, typed and graded (every field optional: a
 *  missing or unreadable one is its default, as the sheet's formulas fall back). */
export type ScoreSettings = Partial<Pick<OkrSettings, 'scoreScale' | 'gradeRedBelow' | 'gradeGreenFrom' | 'sweetSpotFrom' | 'sweetSpotTo'>>;

export interface GradeBands {
  /** A displayed share below this is red. */
  redBelow: number;
  /** A displayed share from this is green (between: yellow). */
  greenFrom: number;
  sweetFrom: number;
  sweetTo: number;
}

export const DEFAULT_BANDS: Readonly<GradeBands> = { redBelow: 0.4, greenFrom: 0.7, sweetFrom: 0.6, sweetTo: 0.7 };

const share01 = (v: number | undefined, d: number): number => (typeof v === 'number' && v >= 0 && v <= 1 ? v : d);

/**
 * The grade bands of the Settings, as shares. A value outside 0–1 is its default (the Settings
 * reader already drops those); red above green would leave no yellow and colour a score two
 * ways, so such a pair falls back to the defaults as a whole — and likewise the sweet spot.
 */
export function gradeBands(s?: ScoreSettings): GradeBands {
  const D = DEFAULT_BANDS;
  const [redBelow, greenFrom] = ordered(share01(s?.gradeRedBelow, D.redBelow), share01(s?.gradeGreenFrom, D.greenFrom), D.redBelow, D.greenFrom);
  const [sweetFrom, sweetTo] = ordered(share01(s?.sweetSpotFrom, D.sweetFrom), share01(s?.sweetSpotTo, D.sweetTo), D.sweetFrom, D.sweetTo);
  return { redBelow, greenFrom, sweetFrom, sweetTo };
}
const ordered = (lo: number, hi: number, dLo: number, dHi: number): [number, number] => (lo > hi ? [dLo, dHi] : [lo, hi]);

/** The Score cell's value (what the sheet shows) of a share in the workbook's scale. */
export function scoreInScale(share: number, settings?: ScoreSettings): number {
  return cellFromShare(share, scaleSpec(settings));
}
