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
import { roundHalfUp } from './progress';

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
