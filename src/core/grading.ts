/**
 * The grading round (issue 14 §3): at the end of the cycle each objective and KR has a computed
 * score (progress or rubric), the owner's Self-score, the manager's Manager score, and the Final
 * score the sheet's formula shows (manager's when given, else the Score cell: self, else
 * computed), with the manager's Comment. This module is the one place that reads those four
 * numbers from a table, so the review's ninth part, the dashboard's calibration list, the
 * sidebar's grading view and the 360 link all agree.
 *
 * Scores here are shares (0–1, above 1 only when the over-achievement cap allows). Cells people
 * type (Self-score, Manager score) hold the score in the workbook's scale (src/core/scale.ts),
 * so they are brought back with `shareFromTyped`, and shown with `scoreText` in that scale.
 */
import type { Lang, Localized } from './i18n';
import { formatScore } from './format';
import { isKrType } from './labels';
import type { OkrRow, OkrSettings, OkrTable, RowType, ScoreScale } from './model';
import { DEFAULT_SETTINGS } from './model';
import { effectiveWeights } from './progress';
import { scaleSpec, shareFromTyped, type ScaleSpec } from './scale';
import { progressCapOf, scoreTable } from './score';
import { groupObjectives } from './table';

/** Self and manager scores this far apart (as shares: 30 points on 0–100) are worth a
 *  calibration talk (issue 14 §3). */
export const CALIBRATION_GAP = 0.3;
/** Binary noise allowance when comparing a gap with CALIBRATION_GAP (0.9 − 0.6 = 0.30000000000000004). */
const EPS = 1e-9;

export interface GradeRow {
  /** 0-based index among the table's rows (OkrRow.index). */
  index: number;
  id: string;
  kind: 'objective' | 'kr';
  type: RowType;
  /** The objective this row belongs to (its own id for an objective). */
  objectiveId: string;
  title: string;
  owner: string;
  /** From progress or the rubric, ignoring every self-score. */
  computed: number;
  self: number | null;
  manager: number | null;
  /** What the Final score cell shows: manager's, else the Score cell (self, else computed;
   *  an objective without its own self-score: the weighted mean of its KRs' Score cells). */
  final: number;
  comment: string;
  rubric: string;
}

/** A table's rows as the grading round sees them (objectives and their KRs, sheet order). */
export function gradeRows(table: OkrTable, asOf: string | null, settings: OkrSettings = DEFAULT_SETTINGS): GradeRow[] {
  const spec = scaleSpec(settings);
  const typed = (v: number | null | undefined) => typedShare(v, spec);
  // the computed score: the same scoring with every self-score left out
  const bare: OkrTable = { ...table, rows: table.rows.map((r) => ({ ...r, selfScore: null })) };
  const computed = new Map<number, number>();
  const scored = scoreTable(bare, asOf, settings);
  for (const k of scored.krs) computed.set(k.row, k.score);
  for (const o of scored.objectives) computed.set(o.row, o.score);
  const out: GradeRow[] = [];
  const row = (r: OkrRow, kind: GradeRow['kind'], objectiveId: string, scoreCell: number): GradeRow => {
    const manager = typed(r.managerScore);
    return {
      index: r.index, id: r.id, kind, type: r.type ?? (kind === 'objective' ? 'objective' : 'increase'), objectiveId,
      title: r.title, owner: r.owner, computed: computed.get(r.index) ?? 0, self: typed(r.selfScore), manager,
      final: manager ?? scoreCell, comment: r.comment ?? '', rubric: r.rubric ?? '',
    };
  };
  for (const { objective: o, krs } of groupObjectives(table).groups) {
    const members = krs.filter((k) => isKrType(k.type) && computed.has(k.index));
    const krCells = members.map((k) => typed(k.selfScore) ?? computed.get(k.index)!);
    const w = effectiveWeights(members.map((k) => k.weight));
    const mean = krCells.reduce((s, x, i) => s + x * w[i]!, 0);
    out.push(row(o, 'objective', o.id, typed(o.selfScore) ?? mean));
    members.forEach((k, i) => out.push(row(k, 'kr', o.id, krCells[i]!)));
  }
  return out;
}

/** A number typed in a score cell, as a share (null: blank or not a number). */
export function typedShare(v: number | null | undefined, spec: ScaleSpec): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? shareFromTyped(v, spec) : null;
}

export interface CalibrationItem {
  sheet: string;
  unit: string;
  id: string;
  kind: 'objective' | 'kr';
  title: string;
  self: number;
  manager: number;
  /** manager − self, as shares (negative: the manager scored lower). */
  difference: number;
}

/** Rows whose self and manager scores differ by CALIBRATION_GAP or more (as shares). */
export function calibrationItems(rows: readonly GradeRow[], where: { sheet: string; unit: string }, gap = CALIBRATION_GAP): CalibrationItem[] {
  const out: CalibrationItem[] = [];
  for (const r of rows) {
    if (r.self === null || r.manager === null) continue;
    const difference = r.manager - r.self;
    if (Math.abs(difference) >= gap - EPS) {
      out.push({ ...where, id: r.id, kind: r.kind, title: r.title, self: r.self, manager: r.manager, difference });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scores in the workbook's scale

/** A share as the workbook's Score cells show it: `0.7`, `70 分` / `70 pts`, `70%` (format.ts,
 *  the one score formatter of every view). */
export function scoreText(share: number | null, settings: Pick<OkrSettings, 'scoreScale'> | undefined, lang: Lang): string {
  return formatScore(share, settings?.scoreScale ?? '0-1', lang);
}

/** A difference of two shares in the scale, signed: `+0.3`, `-30 分`, `+30%`. */
export function scoreDifferenceText(diff: number, settings: Pick<OkrSettings, 'scoreScale'> | undefined, lang: Lang): string {
  const sign = diff > EPS ? '+' : diff < -EPS ? '-' : '';
  return sign + scoreText(Math.abs(diff), settings, lang);
}

export interface ScoreRange {
  scale: ScoreScale;
  /** Cell values allowed (in the scale): 0 … max. */
  min: number;
  max: number;
  /** `0–1`, `0–100`, `0–100%` (the cap widens the top). */
  text: string;
}

/** The values a person may type into a score cell: 0 up to the scale's top, widened by the
 *  over-achievement cap when it allows more than 100%. */
export function scoreRange(settings: Pick<OkrSettings, 'scoreScale' | 'progressCap'> | undefined): ScoreRange {
  const spec = scaleSpec(settings);
  const cap = progressCapOf(settings ?? {});
  const max = spec.factor * cap;
  const text = spec.scale === 'percent' ? `0–${Math.round(cap * 100)}%` : `0–${Number(max.toFixed(4))}`;
  return { scale: spec.scale, min: 0, max, text };
}

export const GRADE_INPUT_TEXT = {
  badNumber: { 'zh-CN': '{id}：“{value}”不是分数，请填写 {range} 之间的数字', en: '{id}: “{value}” is not a score; enter a number in {range}' },
  outOfRange: { 'zh-CN': '{id}：上级评分 {value} 超出 {range}', en: '{id}: manager score {value} is outside {range}' },
} satisfies Record<string, Localized>;

export type TypedScore = { ok: true; value: number | null } | { ok: false; message: Localized; params: Record<string, string> };

/**
 * A manager score as typed in the sidebar, to the cell value in the scale: '' clears it;
 * `70%` is a percentage wherever typed; on the percent scale a bare `70` means 70% too (as a
 * person reading "70%" cells would type it); `70分` / `70 pts` on 0–100. A number outside the
 * scale's range is refused with a message naming the range.
 */
export function parseTypedScore(input: string | number | null, id: string, settings: Pick<OkrSettings, 'scoreScale' | 'progressCap'> | undefined): TypedScore {
  const range = scoreRange(settings);
  const bad = (m: Localized, value: string): TypedScore => ({ ok: false, message: m, params: { id, value, range: range.text } });
  let value: number;
  if (input === null) return { ok: true, value: null };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return bad(GRADE_INPUT_TEXT.badNumber, String(input));
    value = input;
  } else {
    const s = input.trim().replace(/\s+/g, '');
    if (s === '') return { ok: true, value: null };
    const m = /^([-+]?(?:\d+\.?\d*|\.\d+))(%|％|分|pts?|points?)?$/i.exec(s);
    if (!m) return bad(GRADE_INPUT_TEXT.badNumber, input.trim());
    const n = Number(m[1]);
    const percent = m[2] === '%' || m[2] === '％';
    if (range.scale === 'percent') value = n / 100;
    else if (percent) value = range.scale === '0-100' ? n : n / 100;
    else value = n;
  }
  // 10 decimals: 0.1 + 0.2 typed as 0.3 and 70/100 read back as written
  value = Math.round(value * 1e10) / 1e10;
  if (value < range.min || value > range.max + EPS) return bad(GRADE_INPUT_TEXT.outOfRange, typeof input === 'number' ? String(input) : input.trim());
  return { ok: true, value };
}
