/**
 * KR and objective progress, scores and grades (design §3). One implementation; the native
 * Progress / Score / Status formulas written into sheets must agree with these functions, so
 * every rule below is stated so that it can be written with IF / MIN / MAX / ROUND / SUMPRODUCT.
 *
 * Notation: s = start (blank → 0), t = target, c = current, clamp(x) = MIN(1, MAX(0, x)).
 */
import type { Grade, KrType, RowType } from './model';
import { displayedShare, gradeBands, roundHalfUp, scaleSpec, type ScaleSpec, type ScoreSettings } from './scale';

export { roundHalfUp };

/** Tolerance for band edges (0.4 / 0.7 / 1.0 and pace thresholds): sums of decimals such as
 *  (0.7 + 0.7 + 0.7) / 3 land a hair below 0.7 in binary floating point. Formulas use the same
 *  tolerance (`score >= 0.7 - 1E-9`). */
export const EDGE_EPS = 1e-9;

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** (c − s) / (t − s) without overflow: at ±1e308 both differences overflow to Infinity and
 *  the quotient is NaN; halving every term first keeps them finite (issue 11, item 8). */
const over = (c: number, s: number, t: number): number => {
  const r = (c - s) / (t - s);
  return Number.isNaN(r) ? (c / 2 - s / 2) / (t / 2 - s / 2) : r;
};

/**
 * Progress of one KR in [0, 1].
 *
 * - c blank → 0 (not started).
 * - milestone: clamp(c) — TRUE/1/100% = done (1), FALSE/0 = 0, a share (0.7) = that share.
 *   Target and start are ignored.
 * - any other type with t blank → 0 (not measurable; lint reports it).
 * - increase / decrease (one formula for both directions; a decrease has t < s):
 *     t ≠ s: clamp((c − s) / (t − s))
 *     t = s: 1 if c has reached t in the KR's direction (increase: c ≥ t, decrease: c ≤ t), else 0.
 * - atLeast (stay ≥ t): c ≥ t → 1; else t > s → clamp((c − s) / (t − s)); else 0.
 * - atMost (stay ≤ t): c ≤ t → 1; else s > t → clamp((s − c) / (s − t)); else 0.
 * - rubric: like increase / decrease (its score, not its progress, follows the rubric).
 * - type blank / objective → 0.
 */
export function krProgress(
  type: KrType | RowType | null,
  start: number | null,
  target: number | null,
  current: number | null,
  cap = 1,
): number {
  if (current === null || !Number.isFinite(current)) return 0;
  const c = current;
  // over-achievement counts up to `cap` (Settings "progress counts up to", ≥ 1) for the KR types
  // that can exceed their target; at least / at most are "stay" KRs: 1 when held
  const capped = (x: number) => (x < 0 ? 0 : x > cap ? cap : x);
  if (type === 'milestone') return capped(c);
  if (target === null || !Number.isFinite(target)) return 0;
  const t = target;
  const s = start !== null && Number.isFinite(start) ? start : 0;
  switch (type) {
    case 'increase':
    case 'decrease':
    case 'rubric': // progress linear like increase / decrease; the score follows the rubric
      if (t === s) return (type === 'decrease' ? c <= t : c >= t) ? 1 : 0;
      return capped(over(c, s, t));
    case 'atLeast':
      if (c >= t) return 1;
      return t > s ? clamp01(over(c, s, t)) : 0;
    case 'atMost':
      if (c <= t) return 1;
      return s > t ? clamp01(over(c, s, t)) : 0;
    default:
      return 0;
  }
}

/**
 * The unclamped achievement ratio, for display of over-achievement (e.g. 1.25 = 125%).
 * null when it cannot be computed (blank current, blank target, t = s for a ratio type).
 * increase / decrease / atLeast: (c − s) / (t − s); atMost: (s − c) / (s − t) when s ≠ t;
 * milestone: c.
 */
export function krRatio(
  type: KrType | RowType | null,
  start: number | null,
  target: number | null,
  current: number | null,
): number | null {
  if (current === null || !Number.isFinite(current)) return null;
  if (type === 'milestone') return current;
  if (target === null || !Number.isFinite(target)) return null;
  const s = start !== null && Number.isFinite(start) ? start : 0;
  if (target === s) return null;
  switch (type) {
    case 'increase':
    case 'decrease':
    case 'rubric':
    case 'atLeast':
      return finiteOrNull(over(current, s, target));
    case 'atMost':
      return finiteOrNull(over(current, s, target));
    default:
      return null;
  }
}

/** A ratio that overflows (1e308 over a span of 1e-300) has no meaningful display. */
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Over-achievement flag: the raw value went beyond the target in the KR's direction.
 * - increase / decrease, t ≠ s: (c − s) / (t − s) > 1; t = s: increase c > t, decrease c < t.
 * - atLeast: c > t.  atMost: c < t.  milestone: c > 1.  Blank c or t → false.
 */
export function krExceeded(
  type: KrType | RowType | null,
  start: number | null,
  target: number | null,
  current: number | null,
): boolean {
  if (current === null || !Number.isFinite(current)) return false;
  const c = current;
  if (type === 'milestone') return c > 1;
  if (target === null || !Number.isFinite(target)) return false;
  const t = target;
  const s = start !== null && Number.isFinite(start) ? start : 0;
  switch (type) {
    case 'increase':
    case 'decrease':
    case 'rubric':
      if (t === s) return type === 'decrease' ? c < t : c > t;
      return over(c, s, t) > 1;
    case 'atLeast':
      return c > t;
    case 'atMost':
      return c < t;
    default:
      return false;
  }
}

/**
 * Effective weights of a group of KRs (or aligned children), summing to 1 unless all are zero.
 * Rule (formula-friendly):
 * - a weight below 0 counts as 0; W = sum of the given weights, n = number of blank weights.
 * - all blank → each 1/N (equal).
 * - some blank → each blank gets MAX(0, 1 − W) / n ("blanks share the remainder").
 * - then every weight is divided by the total (so 30% + 30% still gives a mean; lint reports
 *   weights that do not total 100%). A total of 0 → equal weights.
 */
export function effectiveWeights(weights: readonly (number | null | undefined)[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  let given = 0;
  let blanks = 0;
  for (const w of weights) {
    if (w === null || w === undefined || !Number.isFinite(w)) blanks++;
    else given += w > 0 ? w : 0;
  }
  const blankW = blanks > 0 ? Math.max(0, 1 - given) / blanks : 0;
  const total = given + blankW * blanks;
  if (!(total > 0)) return weights.map(() => 1 / n);
  return weights.map((w) =>
    w === null || w === undefined || !Number.isFinite(w) ? blankW / total : (w > 0 ? w : 0) / total,
  );
}

/** Weighted mean of KR progress (or scores) with the weight rule of `effectiveWeights`; 0 KRs → 0. */
export function objectiveProgress(krs: readonly { progress: number; weight: number | null }[], cap = 1): number {
  if (krs.length === 0) return 0;
  const w = effectiveWeights(krs.map((k) => k.weight));
  let sum = 0;
  for (let i = 0; i < krs.length; i++) sum += krs[i]!.progress * w[i]!;
  return sum < 0 ? 0 : sum > cap ? cap : sum;
}

/**
 * ROUND(progress, 1) as users expect it: binary noise is removed first (ROUND to 10 decimals),
 * so 0.25 computed as 0.24999999999999997 scores 0.3. Formula: ROUND(ROUND(p, 10), 1).
 */
export function round1(x: number): number {
  return roundHalfUp(roundHalfUp(x, 10), 1);
}

/**
 * KR score as a share: the self-score when one is entered (a share: callers bring a value typed
 * in the scale back with scale.ts shareFromTyped), else the progress as the Score cell rounds it
 * in the scale — ROUND(ROUND(progress,10)*factor,digits)/factor; on 0-1 that is round1.
 */
export function krScore(selfScore: number | null, progress: number, spec: ScaleSpec = scaleSpec('0-1')): number {
  if (selfScore !== null && Number.isFinite(selfScore)) return selfScore;
  return displayedShare(progress, spec);
}

/**
 * Objective score: the objective's own self-score when entered, else the weighted mean of its
 * KRs' scores (krScore: self-score or ROUND(progress, 1)) with the weights of effectiveWeights —
 * so KR self-scores entered at review carry up to the objective. Not rounded. No KRs → 0.
 * Formula: like the objective progress, with the KR Score column in place of Progress.
 */
export function objectiveScore(selfScore: number | null, krs: readonly { score: number; weight: number | null }[]): number {
  if (selfScore !== null && Number.isFinite(selfScore)) return selfScore;
  if (krs.length === 0) return 0;
  const w = effectiveWeights(krs.map((k) => k.weight));
  let sum = 0;
  for (let i = 0; i < krs.length; i++) sum += krs[i]!.score * w[i]!;
  return sum;
}

/**
 * The score (a share) as the sheet shows it, again as a share: ROUND(ROUND(score,10)*factor,
 * digits)/factor — on 0-1 (format `0.0`) ROUND(ROUND(score,10),1). A grade is decided from this,
 * not from the unrounded value, so 0.667 shown as 0.7 is green everywhere (issue 10), and 66.7
 * shown as 67 on 0-100 is yellow (issue 14 §2).
 */
export function displayedScore(score: number, settings?: ScoreSettings): number {
  return displayedShare(score, scaleSpec(settings));
}

/** Bands on the displayed score (Settings "Red below" / "Green from", Google's 0.4 / 0.7 by
 *  default): below red → red, from green → green, else yellow. Conditional formats test the same
 *  on the Score cell as a share (`ROUND(ROUND(score,10)*factor,digits)/factor >= green`). */
export function grade(score: number, settings?: ScoreSettings): Grade {
  const d = displayedScore(score, settings);
  const b = gradeBands(settings);
  if (d >= b.greenFrom - EDGE_EPS) return 'green';
  if (d >= b.redBelow - EDGE_EPS) return 'yellow';
  return 'red';
}

/** Sweet spot from ≤ displayed score ≤ to (0.6 – 0.7 by default): ambitious and delivered. */
export function isSweetSpot(score: number, settings?: ScoreSettings): boolean {
  const d = displayedScore(score, settings);
  const b = gradeBands(settings);
  return d >= b.sweetFrom - EDGE_EPS && d <= b.sweetTo + EDGE_EPS;
}

/** A score of 1.0 (or above) on an aspirational objective: the target may have been too easy. */
export function tooEasy(score: number): boolean {
  return score >= 1 - EDGE_EPS;
}
