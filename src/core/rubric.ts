/**
 * Rubric key results (评分标准, issue 14 §1): the score follows steps the owner writes, e.g.
 * `≥2000:1; ≥1500:0.7; ≥1000:0.3` (sales of 2000 or more score 1.0 …; below 1000 scores 0), or
 * for a falling metric `≤2:1; ≤3:0.7; ≤5:0.3`. Progress stays linear from start to target.
 *
 * The text lives in the OKR sheet's Rubric column, where the owner reads and edits it next to
 * the KR. It is one short form in both languages (symbols and numbers, no words), because the
 * sheet's own Score formula parses it (formulas.ts rubricScoreExpr) so that the sheet works
 * without the add-on; a form the formula cannot read is a lint finding at that cell. Full-width
 * `；` `：` and `>=` `<=` are accepted (the formula folds them too).
 *
 * Rules (the formula implements the same):
 * - steps are separated by `;`; each step is `≥` or `≤`, a number, `:`, a number (the score);
 *   at most RUBRIC_MAX_STEPS steps; blank steps (a trailing `;`) are ignored;
 * - the direction is the first step's sign (`≥` rising, `≤` falling); every step must use it;
 * - score = the highest score among the steps the value meets (rising: value ≥ threshold;
 *   falling: value ≤ threshold); no step met, or no value → 0.
 */

export interface RubricStep {
  threshold: number;
  score: number;
}
export interface Rubric {
  direction: 'rising' | 'falling';
  steps: RubricStep[];
}
export type RubricParse =
  | { ok: true; rubric: Rubric }
  | { ok: false; error: 'empty' | 'tooMany' | 'tooLong' | 'mixed' | 'step'; step?: string };

/** The formula reads this many steps (each costs formula text in every row). */
export const RUBRIC_MAX_STEPS = 4;
/** The formula splits the text into fixed windows of this many characters, so a longer text
 *  cannot be read reliably (lint reports it). */
export const RUBRIC_MAX_LENGTH = 99;

/** Folds what people type into the one form (the formula applies the same substitutions). */
export function normaliseRubricText(text: string): string {
  return text.replace(/；/g, ';').replace(/：/g, ':').replace(/>=/g, '≥').replace(/<=/g, '≤');
}

const NUM = '-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)';
const STEP = new RegExp(`^([≥≤])\\s*(${NUM})\\s*:\\s*(${NUM})$`);

export function parseRubric(text: unknown): RubricParse {
  if (typeof text !== 'string' || !text.trim()) return { ok: false, error: 'empty' };
  if (normaliseRubricText(text).length > RUBRIC_MAX_LENGTH) return { ok: false, error: 'tooLong' };
  const raw = segments(text);
  if (raw.length > RUBRIC_MAX_STEPS) return { ok: false, error: 'tooMany' };
  const parts = raw.filter(Boolean);
  if (parts.length === 0) return { ok: false, error: 'empty' };
  const steps: RubricStep[] = [];
  let sign: string | null = null;
  for (const p of parts) {
    const m = STEP.exec(p);
    if (!m) return { ok: false, error: 'step', step: p };
    if (sign !== null && m[1] !== sign) return { ok: false, error: 'mixed', step: p };
    sign = m[1]!;
    steps.push({ threshold: Number(m[2]), score: Number(m[3]) });
  }
  return { ok: true, rubric: { direction: sign === '≤' ? 'falling' : 'rising', steps } };
}

/** The `;`-separated segments, trimmed, without trailing blanks (what the formula reads). */
function segments(text: string): string[] {
  const raw = normaliseRubricText(text).split(';').map((x) => x.trim());
  while (raw.length && raw[raw.length - 1] === '') raw.pop();
  return raw;
}

/** VALUE() of a trimmed number text the way every engine agrees on (plain decimals); else null. */
function value(t: string): number | null {
  const x = t.trim();
  return new RegExp(`^${NUM}$`).test(x) ? Number(x) : null;
}

/**
 * The score exactly as the sheet's Score formula computes it from ANY text (formulas.ts
 * rubricScoreExpr): the direction is falling when the text starts with `≤`; each of the first
 * RUBRIC_MAX_STEPS segments is read as `[≥|≤]threshold:score`, and a segment that does not read
 * counts as no step (lint `rubric-unreadable` reports it at the cell). For a text parseRubric
 * accepts, this equals rubricScore(parseRubric(text)).
 */
export function rubricScoreAsSheet(text: unknown, v: number | null): number {
  if (typeof text !== 'string' || v === null || !Number.isFinite(v)) return 0;
  const falling = normaliseRubricText(text).trim().startsWith('≤');
  let best = 0;
  for (const seg of segments(text).slice(0, RUBRIC_MAX_STEPS)) {
    const colon = seg.indexOf(':');
    if (colon < 1) continue;
    const t = value(seg.slice(0, colon).replace(/[≥≤]/g, ''));
    const sc = value(seg.slice(colon + 1));
    if (t === null || sc === null) continue;
    if ((falling ? v <= t : v >= t) && sc > best) best = sc;
  }
  return best;
}

/** The rubric's score for a value: the highest score among the steps met; none or no value → 0. */
export function rubricScore(rubric: Rubric, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0;
  let best = 0;
  for (const s of rubric.steps) {
    const met = rubric.direction === 'rising' ? value >= s.threshold : value <= s.threshold;
    if (met && s.score > best) best = s.score;
  }
  return best;
}

/** The canonical text: `≥2000:1; ≥1500:0.7; ≥1000:0.3`. */
export function formatRubric(r: Rubric): string {
  const sign = r.direction === 'rising' ? '≥' : '≤';
  return r.steps.map((s) => `${sign}${s.threshold}:${s.score}`).join('; ');
}

/** Scores of the commit / target / stretch preset (puzzle's Fail / Commit / Target / Stretch;
 *  the 30 / 70 / 100 分 of Chinese rubrics). */
export const PRESET_SCORES = { commit: 0.3, target: 0.7, stretch: 1 } as const;

/**
 * The commit / target / stretch preset: three thresholds, direction from their order (commit <
 * stretch: rising; commit > stretch: falling). Below commit scores 0.
 */
export function commitTargetStretch(commit: number, target: number, stretch: number): Rubric {
  const direction = stretch >= commit ? 'rising' : 'falling';
  return {
    direction,
    steps: [
      { threshold: stretch, score: PRESET_SCORES.stretch },
      { threshold: target, score: PRESET_SCORES.target },
      { threshold: commit, score: PRESET_SCORES.commit },
    ],
  };
}

/**
 * The rubric of OKRRUBRIC(value, thresholds, scores): the direction comes from the order of the
 * thresholds along the scores. Listed with rising scores (the usual 30 / 70 / 100), ascending
 * thresholds mean a rising metric (more is better) and descending ones a falling metric; listed
 * with falling scores (as the text form reads, `≥2000:1; ≥1500:0.7`), the other way round — so
 * {2,3,5} with {1,0.7,0.3} is "≤2 days → 1" and never "2 days or more → 1". Scores in no order,
 * or all equal: the thresholds' order alone (ascending rising). A single threshold, or all
 * equal, is rising. null when the thresholds are not monotonic.
 */
export function rubricFromLists(thresholds: readonly number[], scores: readonly number[]): Rubric | null {
  const up = monotonic(thresholds, 1), down = monotonic(thresholds, -1);
  if (!up && !down) return null;
  const last = scores.length - 1;
  const scoresFall = last > 0 && monotonic(scores, -1) && scores[0]! > scores[last]!;
  const rising = up && down ? true : up !== scoresFall;
  return { direction: rising ? 'rising' : 'falling', steps: thresholds.map((t, i) => ({ threshold: t, score: scores[i]! })) };
}

/** Non-decreasing (sign 1) or non-increasing (sign -1). */
function monotonic(xs: readonly number[], sign: 1 | -1): boolean {
  for (let i = 1; i < xs.length; i++) if ((xs[i]! - xs[i - 1]!) * sign < 0) return false;
  return true;
}
