/**
 * The OKR model shared by every layer (design §2). Pure data: dates are ISO `YYYY-MM-DD`
 * strings so core never depends on a time zone; the sheets layer converts Date cells.
 */
import type { Lang } from './i18n';

/** `rubric` (评分标准): progress linear from start to target like increase / decrease; the score
 *  follows the steps in its Rubric cell (rubric.ts). */
export type KrType = 'increase' | 'decrease' | 'atLeast' | 'atMost' | 'milestone' | 'rubric';
export const KR_TYPES: readonly KrType[] = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone', 'rubric'];
export type RowType = 'objective' | KrType;

export type Level = 'company' | 'department' | 'team' | 'individual';
export const LEVELS: readonly Level[] = ['company', 'department', 'team', 'individual'];
export type Source = 'topDown' | 'bottomUp';
/** `overdue`: past its due date (due < as of) and not done — distinct from not started. */
export type Status = 'notStarted' | 'onTrack' | 'atRisk' | 'offTrack' | 'done' | 'overdue';
export type Grade = 'red' | 'yellow' | 'green';
export type Severity = 'error' | 'warning' | 'info';

/** The header block above the table (design §2). */
export interface OkrHeader {
  unit: string;
  level: Level | null;
  owner: string;
  cycle: string; // e.g. 2026-Q4, 2026-11, 2026
  cycleStart: string | null; // ISO date
  cycleEnd: string | null; // ISO date
  alignedTo: string; // parent sheet / unit name
}

/** One table row as read: parsed values plus the raw cell values, for lint to point at. */
export interface OkrRow {
  /** 0-based index of the row among the table's data rows. */
  index: number;
  id: string;
  type: RowType | null; // null = blank or unrecognised type text
  title: string;
  owner: string;
  alignsTo: string;
  source: Source | null;
  agreed: boolean | null;
  start: number | null;
  target: number | null;
  /** Milestones: TRUE → 1, FALSE → 0, a share stays a share. */
  current: number | null;
  unit: string;
  weight: number | null; // fraction 0–1
  due: string | null; // ISO date
  confidence: number | null;
  selfScore: number | null;
  notes: string;
  /** Rubric steps as typed (rubric KRs; '' when blank or no Rubric column). */
  rubric?: string;
  /** The manager's score at the end of the cycle (grading round), as the formulas read it. */
  managerScore?: number | null;
  /** The manager's comment. */
  comment?: string;
  /** The cell values as found, keyed by column, for lint messages about unreadable input. */
  raw: Partial<Record<ColumnKey, unknown>>;
}

export interface OkrTable {
  header: OkrHeader;
  rows: OkrRow[];
  lang: Lang;
}

/** Thresholds and preferences (the Settings sheet). */
export interface OkrSettings {
  lang: Lang;
  /** Pace: Δ ≥ -atRisk → on track; -offTrack ≤ Δ < -atRisk → at risk; Δ < -offTrack → off track. */
  atRiskBelow: number; // 0.2
  offTrackBelow: number; // 0.4
  staleDays: number; // 14
  /** Over-achievement: progress counts up to this (1 = 100%, default; 1.2 = 120%). Applies to
   *  increase / decrease / rubric / milestone KRs and to objectives (issue 14 §2). */
  progressCap?: number;
  /** How scores are shown and typed (issue 14 §2): '0-1' one decimal (default), '0-100' 分,
   *  'percent'. Core keeps scores as shares 0–1; the scale is applied where a score is shown
   *  or read from a cell a person typed (self, manager score, rubric steps). */
  scoreScale?: ScoreScale;
  /** Grade bands on the score as a share (0–1), whatever the scale: red below, green from. */
  gradeRedBelow?: number; // 0.4
  gradeGreenFrom?: number; // 0.7
  /** The sweet spot, as shares: from – to inclusive (Google: 0.6 – 0.7). */
  sweetSpotFrom?: number; // 0.6
  sweetSpotTo?: number; // 0.7
}

export type ScoreScale = '0-1' | '0-100' | 'percent';

export const DEFAULT_SETTINGS: OkrSettings = {
  lang: 'zh-CN',
  atRiskBelow: 0.2,
  offTrackBelow: 0.4,
  staleDays: 14,
  progressCap: 1,
  scoreScale: '0-1',
  gradeRedBelow: 0.4,
  gradeGreenFrom: 0.7,
  sweetSpotFrom: 0.6,
  sweetSpotTo: 0.7,
};

/** A located finding (lint, parse errors): `row` indexes `OkrTable.rows`, null = whole table. */
export interface CellRef {
  row: number | null;
  column: ColumnKey | null;
}

export interface CheckIn {
  date: string; // ISO
  krId: string;
  value: number | null;
  confidence: number | null;
  done: string;
  next: string;
  blockers: string;
}

export interface ActionItem {
  krId: string;
  task: string;
  owner: string;
  due: string | null;
  deliverable: string;
  done: boolean;
}

/** Columns of the OKR table, in template order (the formula columns Progress … Bar are
 *  contiguous, so one protection covers them; readers never depend on this order). */
export type ColumnKey =
  | 'id'
  | 'type'
  | 'title'
  | 'owner'
  | 'alignsTo'
  | 'source'
  | 'agreed'
  | 'start'
  | 'target'
  | 'current'
  | 'unit'
  | 'weight'
  | 'due'
  | 'confidence'
  | 'selfScore'
  | 'progress'
  | 'score'
  | 'status'
  | 'bar'
  | 'notes'
  | 'rubric'
  | 'managerScore'
  | 'finalScore'
  | 'comment'
  // issue 13: the KR's logged values over time (src/core/plan/trendFormula.ts); read by label,
  // so sheets without it keep working. Not in COLUMN_KEYS until the OKR sheet plan writes it.
  | 'trend';

export const COLUMN_KEYS: readonly ColumnKey[] = [
  'id', 'type', 'title', 'owner', 'alignsTo', 'source', 'agreed', 'start', 'target', 'current',
  'unit', 'weight', 'due', 'confidence', 'selfScore', 'progress', 'score', 'status', 'bar', 'notes',
  // issue 14, appended so that existing sheets keep their column letters
  'rubric', 'managerScore', 'finalScore', 'comment',
];
