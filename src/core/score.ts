/**
 * Table-level scoring summary: what =OKRSCORE(table) and the CLI `score` return.
 *
 * - KR (a row of a KR type with an ID): progress = krProgress, score = krScore(self-score,
 *   progress), status = rowStatus (done; overdue past its due date; not started when current is
 *   blank; else pace). Rows are grouped as the sheet's formulas group them (table.ts).
 * - Objective: progress = weighted mean of its KRs' progress; score = weighted mean of its KRs'
 *   scores (same weights, rule of effectiveWeights); an objective's own self-score, when
 *   entered, replaces the computed score. Status from the objective's progress; not started
 *   when none of its KRs has a current value. An objective without KRs: progress 0, score 0.
 * - Overall: unitScore — the plain mean of the objective scores (0 without objectives).
 *
 * Every score here is a share (0–1; above 1 only when the Settings cap lets over-achievement
 * count). Scores people type — self-scores, manager scores, a rubric's step scores — are in the
 * workbook's scale (Settings "Score scale": 0.7, 70 or 70%) and are brought back to shares with
 * scale.ts shareFromTyped; a computed KR score is its progress as the Score cell rounds it in the
 * scale. Grades and the sweet spot use the Settings bands on the displayed share, so the colour
 * in the sheet is the grade in every view. Show a score with format.ts formatScore.
 */
import { DEFAULT_SETTINGS, type Grade, type OkrSettings, type OkrTable, type Status } from './model';
import { isKrType } from './labels';
import { expectedProgress, rowStatus } from './pace';
import {
  EDGE_EPS, effectiveWeights, grade, krExceeded, krProgress, krRatio, krScore, isSweetSpot, tooEasy,
} from './progress';
import { rubricScoreAsSheet } from './rubric';
import { scaleSpec, shareFromTyped, type ScaleSpec, type ScoreSettings } from './scale';
import { groupObjectives } from './table';

/** A rubric KR's score as a share: the self-score when entered, else the rubric's step for the
 *  current value, read as the sheet's Score formula reads the Rubric cell (rubric.ts). Both are
 *  typed in the scale (`≥2000:100` on 0-100), so both are divided by its factor. */
export function rubricKrScore(selfScore: number | null, rubric: string, current: number | null, spec: ScaleSpec = scaleSpec('0-1')): number {
  if (selfScore !== null && Number.isFinite(selfScore)) return shareFromTyped(selfScore, spec);
  return shareFromTyped(rubricScoreAsSheet(rubric, current), spec);
}

/** A score cell a person typed (self, manager) as a share; blank or not a number → null. */
export function typedShare(v: number | null | undefined, spec: ScaleSpec): number | null {
  return v !== null && v !== undefined && Number.isFinite(v) ? shareFromTyped(v, spec) : null;
}

/** The Settings scoreTable reads: pace thresholds, the cap, the scale and the grade bands. */
export type ScoringSettings = Pick<OkrSettings, 'atRiskBelow' | 'offTrackBelow' | 'progressCap'> & ScoreSettings;

export interface KrScoreRow {
  id: string;
  /** index into table.rows */
  row: number;
  /** '' for an orphan KR */
  objectiveId: string;
  progress: number;
  /** unclamped ratio (over-achievement visible), null when not computable */
  ratio: number | null;
  /** share: self-score, else rubric step / progress as the Score cell rounds it */
  score: number;
  /** the raw value went past the target (krExceeded), whether or not the cap lets it count */
  exceeded: boolean;
  status: Status;
  /** the self-score as a share (typed in the scale); null when blank */
  selfScore?: number | null;
  /** the manager's score as a share; null when blank */
  managerScore?: number | null;
  /** the grading round's final score: the manager's when given, else `score` */
  finalScore?: number;
}

export interface ObjectiveScoreRow {
  id: string;
  row: number;
  progress: number;
  score: number;
  grade: Grade;
  status: Status;
  krCount: number;
  sweetSpot: boolean;
  tooEasy: boolean;
  /** progress above 100%: only possible when the Settings cap lets over-achievement count */
  exceeded?: boolean;
  selfScore?: number | null;
  managerScore?: number | null;
  /** the manager's score when given, else `score` */
  finalScore?: number;
}

export interface TableScore {
  krs: KrScoreRow[];
  objectives: ObjectiveScoreRow[];
  /** mean of the objective scores (0 without objectives) */
  overall: number;
  overallGrade: Grade;
  /** expected progress at asOf (null without asOf or cycle dates) */
  expected: number | null;
  /** the scale the typed scores were read in and the scores are shown in */
  scale?: ScaleSpec;
}

export function scoreTable(
  table: OkrTable,
  asOf?: string | null,
  settings: ScoringSettings = DEFAULT_SETTINGS,
): TableScore {
  const cap = progressCapOf(settings);
  const spec = scaleSpec(settings);
  const { cycleStart, cycleEnd } = table.header;
  const at = asOf ?? null;
  const expected = at ? expectedProgress(cycleStart, cycleEnd, at) : null;
  const { groups, orphans } = groupObjectives(table);
  // rowStatus, with `expected` computed once per table
  const exp0 = expected ?? 0;
  const statusOf = (p: number | null, due: string | null): Status => rowStatus(p, exp0, due, at, settings);
  const krs: KrScoreRow[] = [];
  const objectives: ObjectiveScoreRow[] = [];

  const scoreKr = (row: (typeof table.rows)[number], objectiveId: string): KrScoreRow => {
    const type = row.type;
    const progress = krProgress(type, row.start, row.target, row.current, cap);
    const selfScore = typedShare(row.selfScore, spec);
    const managerScore = typedShare(row.managerScore, spec);
    const score = type === 'rubric' ? rubricKrScore(row.selfScore, row.rubric ?? '', row.current, spec) : krScore(selfScore, progress, spec);
    const k: KrScoreRow = {
      id: row.id,
      row: row.index,
      objectiveId,
      progress,
      ratio: krRatio(type, row.start, row.target, row.current),
      score,
      exceeded: krExceeded(type, row.start, row.target, row.current),
      status: statusOf(row.current === null ? null : progress, row.due),
      selfScore,
      managerScore,
      finalScore: managerScore ?? score,
    };
    krs.push(k);
    return k;
  };

  for (const g of groups) {
    const o = g.objective;
    // the objective formulas count rows whose Progress is a number: rows of a KR type only
    const members = g.krs.filter((r) => isKrType(r.type));
    const rows = members.map((r) => scoreKr(r, o.id));
    const w = effectiveWeights(members.map((r) => r.weight));
    let p = 0, s = 0;
    for (let i = 0; i < rows.length; i++) {
      p += rows[i]!.progress * w[i]!;
      s += rows[i]!.score * w[i]!;
    }
    p = p < 0 ? 0 : p > cap ? cap : p;
    const started = members.some((r) => r.current !== null);
    const selfScore = typedShare(o.selfScore, spec);
    const managerScore = typedShare(o.managerScore, spec);
    const score = selfScore ?? s;
    objectives.push({
      id: o.id,
      row: o.index,
      progress: p,
      score,
      grade: grade(score, settings),
      status: statusOf(started ? p : null, o.due),
      krCount: members.length,
      sweetSpot: isSweetSpot(score, settings),
      tooEasy: members.length > 0 && tooEasy(score),
      exceeded: p > 1 + EDGE_EPS,
      selfScore,
      managerScore,
      finalScore: managerScore ?? score,
    });
  }
  for (const r of orphans) if (isKrType(r.type)) scoreKr(r, '');
  krs.sort((a, b) => a.row - b.row);
  const overall = unitScore(objectives);
  return { krs, objectives, overall, overallGrade: grade(overall, settings), expected, scale: spec };
}

/** The Settings cap as the formulas read it: a number ≥ 1 (at most 3), else 1. */
export function progressCapOf(settings: Pick<OkrSettings, 'progressCap'>): number {
  const c = settings.progressCap;
  return typeof c === 'number' && c >= 1 && c <= 3 ? c : 1;
}

/**
 * A unit's score, defined once for every view (sheet, dashboard, review, alignment map, CLI):
 * the plain mean of its objectives' scores (each objective: self-score, else the weighted mean
 * of its KR scores); 0 without objectives. Objectives are not weighted by their KR count: an
 * objective with 2 KRs matters as much as one with 4. The OKR sheet's header cell "Overall
 * score" computes the same mean over the Score column of the objective rows.
 */
export function unitScore(objectives: readonly { score: number }[]): number {
  if (objectives.length === 0) return 0;
  let sum = 0;
  for (const o of objectives) sum += o.score;
  return sum / objectives.length;
}

/** A unit's progress, the same way: the plain mean of its objectives' progress (0 without). */
export function unitProgress(objectives: readonly { progress: number }[]): number {
  if (objectives.length === 0) return 0;
  let sum = 0;
  for (const o of objectives) sum += o.progress;
  return sum / objectives.length;
}
