/**
 * Table-level scoring summary: what =OKRSCORE(table) and the CLI `score` return.
 *
 * - KR: progress = krProgress, score = krScore(self-score, progress), status = paceStatus
 *   (not started when current is blank).
 * - Objective: progress = weighted mean of its KRs' progress; score = weighted mean of its KRs'
 *   scores (same weights, rule of effectiveWeights); an objective's own self-score, when
 *   entered, replaces the computed score. Status from the objective's progress; not started
 *   when none of its KRs has a current value. An objective without KRs: progress 0, score 0.
 * - Overall: plain mean of the objective scores (0 without objectives).
 */
import { DEFAULT_SETTINGS, type Grade, type OkrSettings, type OkrTable, type Status } from './model';
import { expectedProgress, statusFromDelta } from './pace';
import {
  EDGE_EPS, effectiveWeights, grade, krExceeded, krProgress, krRatio, krScore, isSweetSpot, tooEasy,
} from './progress';
import { groupObjectives } from './table';

export interface KrScoreRow {
  id: string;
  /** index into table.rows */
  row: number;
  /** '' for an orphan KR */
  objectiveId: string;
  progress: number;
  /** unclamped ratio (over-achievement visible), null when not computable */
  ratio: number | null;
  score: number;
  exceeded: boolean;
  status: Status;
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
}

export interface TableScore {
  krs: KrScoreRow[];
  objectives: ObjectiveScoreRow[];
  /** mean of the objective scores (0 without objectives) */
  overall: number;
  overallGrade: Grade;
  /** expected progress at asOf (null without asOf or cycle dates) */
  expected: number | null;
}

export function scoreTable(
  table: OkrTable,
  asOf?: string | null,
  settings: Pick<OkrSettings, 'atRiskBelow' | 'offTrackBelow'> = DEFAULT_SETTINGS,
): TableScore {
  const { cycleStart, cycleEnd } = table.header;
  const at = asOf ?? null;
  const expected = at ? expectedProgress(cycleStart, cycleEnd, at) : null;
  const { groups, orphans } = groupObjectives(table);
  // paceStatus, with `expected` computed once per table
  const exp0 = expected ?? 0;
  const statusOf = (p: number | null): Status =>
    p === null ? 'notStarted' : p >= 1 - EDGE_EPS ? 'done' : statusFromDelta(p - exp0, settings);
  const krs: KrScoreRow[] = [];
  const objectives: ObjectiveScoreRow[] = [];

  const scoreKr = (row: (typeof table.rows)[number], objectiveId: string): KrScoreRow => {
    const type = row.type;
    const progress = krProgress(type, row.start, row.target, row.current);
    const k: KrScoreRow = {
      id: row.id,
      row: row.index,
      objectiveId,
      progress,
      ratio: krRatio(type, row.start, row.target, row.current),
      score: krScore(row.selfScore, progress),
      exceeded: krExceeded(type, row.start, row.target, row.current),
      status: statusOf(row.current === null ? null : progress),
    };
    krs.push(k);
    return k;
  };

  let total = 0;
  for (const g of groups) {
    const o = g.objective;
    const rows = g.krs.map((r) => scoreKr(r, o.id));
    const w = effectiveWeights(g.krs.map((r) => r.weight));
    let p = 0, s = 0;
    for (let i = 0; i < rows.length; i++) {
      p += rows[i]!.progress * w[i]!;
      s += rows[i]!.score * w[i]!;
    }
    const started = g.krs.some((r) => r.current !== null);
    const score = o.selfScore !== null ? o.selfScore : s;
    total += score;
    objectives.push({
      id: o.id,
      row: o.index,
      progress: p,
      score,
      grade: grade(score),
      status: statusOf(started ? p : null),
      krCount: g.krs.length,
      sweetSpot: isSweetSpot(score),
      tooEasy: g.krs.length > 0 && tooEasy(score),
    });
  }
  for (const r of orphans) scoreKr(r, '');
  krs.sort((a, b) => a.row - b.row);
  const overall = objectives.length ? total / objectives.length : 0;
  return { krs, objectives, overall, overallGrade: grade(overall), expected };
}
