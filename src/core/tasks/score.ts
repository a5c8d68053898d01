/**
 * The score task (design §3, "one number"): progress, score, grade and status of every KR,
 * objective and unit (one OKR sheet = one unit) of a workbook model — the numbers the sheet's own
 * formulas compute, because both come from core `scoreTable` (the formula parity tests hold the
 * formulas to it). A unit's score is core `scoreTable`'s `overall` (the one definition, see
 * src/core/score.ts). Linear in rows: each table is grouped once and every list below is built
 * in one pass (no per-objective scan of the KR list).
 */
import type { Grade, ScoreScale, Status } from '../model';
import { cellFromShare, scaleSpec } from '../scale';
import { scoreTable, type KrScoreRow, type ObjectiveScoreRow } from '../score';
import type { OkrSheetModel, WorkbookModel } from '../snapshot';
import { a1For, groupObjectives } from '../table';

export interface ScoredKr extends KrScoreRow {
  title: string;
  /** The KR's Progress cell (A1), null when the sheet has no Progress column. */
  a1: string | null;
  /** `score` as the Score cell shows it in the workbook's scale (0.7, 70 or 0.7 for 70%). */
  scoreInScale: number;
}

export interface ScoredObjective extends ObjectiveScoreRow {
  title: string;
  a1: string | null;
  scoreInScale: number;
  /** The objective's KRs, in row order. */
  krs: ScoredKr[];
}

export interface UnitScore {
  sheet: string;
  /** The unit named in the sheet's header block ('' when blank). */
  unit: string;
  /** The day the pace status is computed for. */
  asOf: string;
  /** The unit's score: the plain mean of its objectives' scores (core `scoreTable`). */
  overall: number;
  overallGrade: Grade;
  /** The workbook's score scale (Settings), and `overall` as shown in it. Every other score
   *  field stays a share, so scripts written before the scale setting keep working. */
  scale: ScoreScale;
  scoreInScale: number;
  /** Share of the cycle elapsed at asOf (null without cycle dates). */
  expected: number | null;
  objectives: ScoredObjective[];
  /** Every KR, in row order (orphans included, with objectiveId ''). */
  krs: ScoredKr[];
  /** KRs whose ID names no objective above them. */
  orphans: ScoredKr[];
  /** How many KRs have each status. */
  statusCounts: Partial<Record<Status, number>>;
}

export interface ScoreOptions {
  /** Overrides every table's as-of day (the CLI's --as-of); else the table's "As of" cell, else
   *  the snapshot's as-of day. */
  asOf?: string;
  /** Only these sheets (by name); default every OKR sheet of the model. */
  sheets?: readonly string[];
}

/** The as-of day of one table: explicit, else its header's "As of" cell, else the snapshot's. */
export function tableAsOf(model: WorkbookModel, sheet: OkrSheetModel, explicit?: string): string {
  return explicit ?? sheet.read.asOf ?? model.snapshot.asOf;
}

/** Scores one OKR sheet of the model. */
export function scoreSheet(model: WorkbookModel, sheet: OkrSheetModel, opts: { asOf?: string } = {}): UnitScore {
  const { read } = sheet;
  const rows = read.table.rows;
  const asOf = tableAsOf(model, sheet, opts.asOf);
  const s = scoreTable(read.table, asOf, model.settings);
  const spec = scaleSpec(model.settings);
  const inScale = (share: number) => cellFromShare(share, spec);
  const at = (row: number, column: 'progress' | 'id') => a1For(read, { row, column });
  const krs: ScoredKr[] = s.krs.map((k) => ({ ...k, title: rows[k.row]?.title ?? '', a1: read.columns.progress !== undefined ? at(k.row, 'progress') : null, scoreInScale: inScale(k.score) }));
  // each KR under the objective row that groups it (as the sheet's formulas group rows)
  const objectiveRowOf = new Map<number, number>();
  for (const g of groupObjectives(read.table).groups) for (const r of g.krs) objectiveRowOf.set(r.index, g.objective.index);
  const byObjective = new Map<number, ScoredKr[]>();
  const orphans: ScoredKr[] = [];
  const statusCounts: Partial<Record<Status, number>> = {};
  for (const k of krs) {
    statusCounts[k.status] = (statusCounts[k.status] ?? 0) + 1;
    const o = k.objectiveId ? objectiveRowOf.get(k.row) : undefined;
    if (o === undefined) {
      orphans.push(k);
      continue;
    }
    const list = byObjective.get(o);
    if (list) list.push(k);
    else byObjective.set(o, [k]);
  }
  const objectives: ScoredObjective[] = s.objectives.map((o) => ({
    ...o,
    title: rows[o.row]?.title ?? '',
    a1: read.columns.progress !== undefined ? at(o.row, 'progress') : null,
    scoreInScale: inScale(o.score),
    krs: byObjective.get(o.row) ?? [],
  }));
  return {
    sheet: sheet.sheet,
    unit: read.table.header.unit,
    asOf,
    overall: s.overall,
    overallGrade: s.overallGrade,
    scale: spec.scale,
    scoreInScale: inScale(s.overall),
    expected: s.expected,
    objectives,
    krs,
    orphans,
    statusCounts,
  };
}

/** Scores every OKR sheet of the model (or those named), in tab order. */
export function scoreWorkbook(model: WorkbookModel, opts: ScoreOptions = {}): UnitScore[] {
  const only = opts.sheets ? new Set(opts.sheets) : null;
  return model.okr.filter((o) => !only || only.has(o.sheet)).map((o) => scoreSheet(model, o, opts.asOf ? { asOf: opts.asOf } : {}));
}
