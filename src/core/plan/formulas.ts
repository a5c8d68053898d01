/**
 * Native formulas of the OKR table (design §3). They must agree with src/core/progress.ts and
 * src/core/pace.ts to ±1e-9, and use only functions that Google Sheets, Excel and LibreOffice
 * evaluate the same way: IF, AND, OR, NOT, MIN, MAX, INT, ROUND, N, ISNUMBER, ISLOGICAL,
 * SUMPRODUCT (comma form only, so text in a range counts as 0), LEFT, LEN, TODAY. No LET/LAMBDA/
 * IFS, no boolean literals (TRUE/FALSE), no whole-column references. SPARKLINE (bar column) is
 * the one Sheets-only function; `barFallbackFormula` is its portable stand-in.
 *
 * Every data row (template rows and spare rows) carries the same relative formula (only the end
 * of an objective's scan differs: its block, `blockEnd`), so a row works as soon as its Type cell
 * says what it is, and a row without a type shows blanks. Cost is linear in the rows: an objective
 * scans its own block, and the share of the cycle elapsed is computed once, in a header cell.
 */
import type { Lang } from '../i18n';
import { ROW_TYPE_LABELS, STATUS_LABELS } from '../labels';
import type { ColumnKey, RowType } from '../model';
import { DEFAULT_SETTINGS } from '../model';
import { EDGE_EPS } from '../progress';
import { RUBRIC_MAX_LENGTH, RUBRIC_MAX_STEPS } from '../rubric';
import { cell, colLetter } from './a1';

export interface FormulaLayout {
  /** 1-based column number of every table column. */
  col: Record<ColumnKey, number>;
  /** First and last data row (1-based) of the table, spare rows included. */
  firstRow: number;
  lastRow: number;
  /**
   * Rows (1-based, ascending) of the plan's objectives. An objective's formulas scan the rows
   * below it through the next objective's row (that row itself never matches the ID prefix; it
   * is included so rows inserted above the next objective still count); the last objective and
   * rows of no known type scan through one row past the table. So each row scans its own block
   * only and the formula text grows linearly with the table. Absent = every row scans to the end.
   */
  objectiveRows?: readonly number[];
  /** Absolute A1 cells (same sheet) of the header values. */
  cycleStart: string;
  cycleEnd: string;
  asOf: string;
  /** Absolute A1 cell holding `expectedExpr` (share of the cycle elapsed), read by every Status. */
  expected: string;
  /** Absolute A1 cell holding `todayExpr` (the as-of day), read by every Status for overdue;
   *  absent = the expression inline. */
  today?: string;
  /** Cell references (usually on the Settings sheet) of the pace thresholds; null = constants. */
  atRiskRef: string | null;
  offTrackRef: string | null;
  /** Cell of the Settings "progress counts up to" (over-achievement cap, 1 = 100%); absent = 1. */
  capRef?: string | null;
}

/** The constants used when the Settings cells are missing or not numbers. */
export const DEFAULT_AT_RISK = DEFAULT_SETTINGS.atRiskBelow; // 0.2
export const DEFAULT_OFF_TRACK = DEFAULT_SETTINGS.offTrackBelow; // 0.4

const EPS = formatNumber(EDGE_EPS);

/** Plain decimal notation: 1e-9 → 0.000000001 (HyperFormula does not parse 1E-9). */
export function formatNumber(n: number): string {
  if (!/e/i.test(String(n))) return String(n);
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

function q(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Every label (both languages, all aliases) of a row type, deduplicated. */
function typeAliases(t: RowType): string[] {
  const l = ROW_TYPE_LABELS[t];
  return [...new Set([...l['zh-CN'], ...l.en])];
}

/** OR(B7="提升",B7="Increase") — comparisons are case-insensitive in every engine. */
function isType(typeCell: string, types: RowType[]): string {
  const parts = types.flatMap((t) => typeAliases(t)).map((a) => `${typeCell}=${q(a)}`);
  return parts.length === 1 ? parts[0]! : `OR(${parts.join(',')})`;
}

const KR_TYPES_ALL: RowType[] = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone', 'rubric'];

const clamp = (x: string) => `MIN(1,MAX(0,${x}))`;

/** The cap (= score.ts progressCapOf): the Settings cell when it holds 1–3, else 1. */
function capExpr(L: FormulaLayout): string {
  const r = L.capRef;
  return r ? `IF(ISNUMBER(${r}),IF(AND(${r}>=1,${r}<=3),${r},1),1)` : '1';
}
const capped = (L: FormulaLayout, x: string) => (L.capRef ? `MIN(${capExpr(L)},MAX(0,${x}))` : clamp(x));

/** Last row an objective formula on `row` scans: the next objective's row, else one past the table. */
export function blockEnd(L: FormulaLayout, row: number): number {
  const rows = L.objectiveRows;
  if (rows) {
    let lo = 0, hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]! <= row) lo = mid + 1;
      else hi = mid;
    }
    if (lo < rows.length) return rows[lo]!;
  }
  return Math.max(L.lastRow + 1, row + 1);
}

function refs(L: FormulaLayout, row: number) {
  const c = (k: ColumnKey) => cell(row, L.col[k]);
  const end = blockEnd(L, row);
  /** The rows below this one through the end of its block: `$P8:$P$12` (relative start,
   *  absolute end). Excluding the row itself avoids circular references; KRs sit below their
   *  objective. Inserting rows inside the block (or just above the next objective) grows it. */
  const below = (k: ColumnKey) => {
    const l = colLetter(L.col[k]);
    return `$${l}${row + 1}:$${l}$${end}`;
  };
  return { c, col: below };
}

/** Progress of a KR row (type known to be a KR type), exactly krProgress(). */
export function krProgressExpr(L: FormulaLayout, row: number): string {
  const { c } = refs(L, row);
  const T = c('type'), S = c('start'), G = c('target'), C = c('current');
  // N(): numbers as they are, TRUE → 1, FALSE / text / blank → 0 (same in Sheets, Excel, LibreOffice)
  const s = `N(${S})`;
  const cv = `N(${C})`;
  const has = `OR(ISNUMBER(${C}),ISLOGICAL(${C}))`;
  const ratio = clamp(`(${cv}-${s})/(${G}-${s})`);
  const incDec =
    `IF(${G}=${s},IF(${isType(T, ['decrease'])},IF(${cv}<=${G},1,0),IF(${cv}>=${G},1,0)),${capped(L, `(${cv}-${s})/(${G}-${s})`)})`;
  const atLeast = `IF(${cv}>=${G},1,IF(${G}>${s},${ratio},0))`;
  const atMost = `IF(${cv}<=${G},1,IF(${s}>${G},${clamp(`(${s}-${cv})/(${s}-${G})`)},0))`;
  return (
    `IF(NOT(${has}),0,IF(${isType(T, ['milestone'])},${capped(L, cv)},` +
    `IF(NOT(ISNUMBER(${G})),0,IF(${isType(T, ['increase', 'decrease', 'rubric'])},${incDec},` +
    `IF(${isType(T, ['atLeast'])},${atLeast},IF(${isType(T, ['atMost'])},${atMost},0))))))`
  );
}

/**
 * Weighted mean over the KRs of the objective's block (rows below it, through the next objective:
 * `blockEnd`) whose ID starts with this row's ID & "." and
 * whose progress is a number, with effectiveWeights(): blanks share MAX(0, 1 − W), then the
 * weights are normalised; total 0 → equal weights; no KRs → 0. `value` is the column averaged
 * (Progress for objectiveProgress, Score for objectiveScore). The ranges are absolute at the
 * end and grow when rows are inserted inside them.
 */
function weightedMeanExpr(L: FormulaLayout, row: number, value: ColumnKey, clamped: boolean): string {
  const { c, col } = refs(L, row);
  const ID = c('id');
  const m = `--(LEFT(${col('id')},LEN(${ID})+1)=${ID}&"."),--ISNUMBER(${col('progress')})`;
  const W = col('weight'), V = col(value);
  const given = `SUMPRODUCT(${m},--ISNUMBER(${W}),--(${W}>0),${W})`;
  const blanks = `SUMPRODUCT(${m},1-ISNUMBER(${W}))`;
  const n = `SUMPRODUCT(${m})`;
  const gv = `SUMPRODUCT(${m},--ISNUMBER(${W}),--(${W}>0),${W},${V})`;
  const bv = `SUMPRODUCT(${m},1-ISNUMBER(${W}),${V})`;
  const av = `SUMPRODUCT(${m},${V})`;
  const rest = `IF(${blanks}>0,MAX(0,1-${given}),0)`;
  const total = `(${given}+${rest})`;
  const weighted = `(${gv}+IF(${blanks}>0,MAX(0,1-${given})/${blanks},0)*${bv})/${total}`;
  const mean = `IF(${total}>0,${weighted},${av}/${n})`;
  return `IF(${n}=0,0,${clamped ? capped(L, mean) : mean})`;
}

/** Objective progress = objectiveProgress() of its KRs (clamped to [0, 1]); blank ID → blank. */
export function objectiveProgressExpr(L: FormulaLayout, row: number): string {
  const ID = cell(row, L.col.id);
  return `IF(${ID}="","",${weightedMeanExpr(L, row, 'progress', true)})`;
}

/**
 * What a row's formulas are prepared for. 'any' (spare rows) handles objectives and KRs alike;
 * 'objective' / 'kr' rows carry only their branch (a KR row then depends on its own cells only,
 * which keeps recalculation linear) and show blanks if their type is changed to the other kind.
 */
export type RowKind = 'any' | 'objective' | 'kr';

/** Progress cell: objective, KR or blank (no type / unknown type). */
export function progressFormula(L: FormulaLayout, row: number, kind: RowKind = 'any'): string {
  const T = cell(row, L.col.type);
  const ID = cell(row, L.col.id);
  const obj = `IF(${isType(T, ['objective'])},${objectiveProgressExpr(L, row)},`;
  // a row without an ID is not a key result (core: table.ts groupObjectives; lint no-id)
  const kr = `IF(AND(${ID}<>"",${isType(T, KR_TYPES_ALL)}),${krProgressExpr(L, row)},`;
  if (kind === 'objective') return `=${obj}"")`;
  if (kind === 'kr') return `=${kr}"")`;
  return `=${obj}${kr}""))`;
}

/**
 * The score of a rubric KR from its Rubric cell (= rubric.ts rubricScoreAsSheet): the text is
 * folded (`；`→`;`, `：`→`:`, `>=`→`≥`, `<=`→`≤`), split at `;` into RUBRIC_MAX_STEPS windows of
 * RUBRIC_MAX_LENGTH characters (the usual SUBSTITUTE/REPT/MID split), each read as
 * `[≥|≤]threshold:score`; falling when the text starts with `≤`; the highest score among the
 * steps met, a step that does not read counting as none (IFERROR); no current value → 0.
 */
export function rubricScoreExpr(L: FormulaLayout, row: number): string {
  const R = cell(row, L.col.rubric), C = cell(row, L.col.current);
  const R2 = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${R},"；",";"),"：",":"),">=","≥"),"<=","≤")`;
  const W = RUBRIC_MAX_LENGTH;
  const falling = `LEFT(TRIM(${R2}),1)="≤"`;
  const c = `N(${C})`;
  const steps: string[] = [];
  for (let k = 1; k <= RUBRIC_MAX_STEPS; k++) {
    const seg = `TRIM(MID(SUBSTITUTE(${R2},";",REPT(" ",${W})),${(k - 1) * W + 1},${W}))`;
    const t = `VALUE(SUBSTITUTE(SUBSTITUTE(LEFT(${seg},FIND(":",${seg})-1),"≥",""),"≤",""))`;
    const v = `VALUE(MID(${seg},FIND(":",${seg})+1,${W}))`;
    steps.push(`IFERROR(IF(IF(${falling},${c}<=${t},${c}>=${t}),${v},0),0)`);
  }
  return `IF(OR(ISNUMBER(${C}),ISLOGICAL(${C})),MAX(${steps.join(',')}),0)`;
}

/**
 * Score: the self-score when it is a number; else for a KR ROUND(ROUND(progress,10),1)
 * (= krScore) — for a rubric KR its rubric step (rubricScoreExpr) — and for an objective the
 * weighted mean of its KRs' scores (= objectiveScore). `rubric`: whether the KR branch reads
 * the Rubric column (rows planned as rubric KRs and spare rows; it is long formula text).
 */
export function scoreFormula(L: FormulaLayout, row: number, kind: RowKind = 'any', rubric = kind === 'any'): string {
  const P = cell(row, L.col.progress), SS = cell(row, L.col.selfScore), T = cell(row, L.col.type);
  const linear = `ROUND(ROUND(${P},10),1)`;
  const kr = rubric ? `IF(${isType(T, ['rubric'])},${rubricScoreExpr(L, row)},${linear})` : linear;
  const obj = weightedMeanExpr(L, row, 'score', false);
  const computed = kind === 'kr' ? kr : kind === 'objective' ? obj : `IF(${isType(T, ['objective'])},${obj},${kr})`;
  return `=IF(ISNUMBER(${P}),IF(ISNUMBER(${SS}),${SS},${computed}),"")`;
}

/**
 * The unit's score (= score.ts unitScore): the plain mean of the Score cells of the objective
 * rows that show a number (objectives with an ID); 0 without any.
 */
export function overallScoreExpr(L: FormulaLayout): string {
  const t = colLetter(L.col.type), sc = colLetter(L.col.score);
  const T = `$${t}$${L.firstRow}:$${t}$${L.lastRow}`, S = `$${sc}$${L.firstRow}:$${sc}$${L.lastRow}`;
  const isObj = typeAliases('objective').map((a) => `(${T}=${q(a)})`).join('+');
  const n = `SUMPRODUCT(${isObj},--ISNUMBER(${S}))`;
  return `IF(${n}=0,0,SUMPRODUCT(${isObj},--ISNUMBER(${S}),${S})/${n})`;
}

/** The as-of day the formulas count with: the As of cell when it holds a date, else TODAY(). */
export function todayExpr(L: FormulaLayout): string {
  return `INT(IF(ISNUMBER(${L.asOf}),${L.asOf},TODAY()))`;
}

/** Share of the cycle elapsed (= expectedProgress, 0 when the dates are missing): the formula of
 *  the one helper cell (`FormulaLayout.expected`) that every Status formula reads. */
export function expectedExpr(L: FormulaLayout): string {
  const cs = `INT(${L.cycleStart})`, ce = `INT(${L.cycleEnd})`;
  const asOf = `INT(IF(ISNUMBER(${L.asOf}),${L.asOf},TODAY()))`;
  return (
    `IF(AND(ISNUMBER(${L.cycleStart}),ISNUMBER(${L.cycleEnd})),IF(${ce}>=${cs},` +
    `${clamp(`(${asOf}-${cs}+1)/(${ce}-${cs}+1)`)},0),0)`
  );
}

function threshold(ref: string | null, fallback: number): string {
  return ref ? `IF(ISNUMBER(${ref}),${ref},${fallback})` : String(fallback);
}

/**
 * Status (= pace.ts rowStatus): blank when progress is blank; done at progress ≥ 1; overdue when
 * the row's Due is before the as-of day (header cell, else TODAY()); not started for a KR whose
 * current is neither a number nor TRUE/FALSE, or an objective none of whose KRs has one; else
 * pace (statusFromDelta with the Settings thresholds), Δ = progress − the helper cell.
 */
export function statusFormula(L: FormulaLayout, row: number, lang: Lang, kind: RowKind = 'any'): string {
  const { c, col } = refs(L, row);
  const T = c('type'), P = c('progress'), C = c('current'), ID = c('id');
  const lab = (s: keyof typeof STATUS_LABELS) => q(STATUS_LABELS[s][lang]);
  const m = `--(LEFT(${col('id')},LEN(${ID})+1)=${ID}&"."),--ISNUMBER(${col('progress')})`;
  const objStarted = `SUMPRODUCT(${m},ISNUMBER(${col('current')})+ISLOGICAL(${col('current')}))>0`;
  const krNotStarted = `NOT(OR(ISNUMBER(${C}),ISLOGICAL(${C})))`;
  const notStarted =
    kind === 'kr' ? krNotStarted : kind === 'objective' ? `NOT(${objStarted})` : `IF(${isType(T, ['objective'])},NOT(${objStarted}),${krNotStarted})`;
  const d = `${P}-${L.expected}`;
  const atRisk = threshold(L.atRiskRef, DEFAULT_AT_RISK);
  const offTrack = threshold(L.offTrackRef, DEFAULT_OFF_TRACK);
  const D = c('due');
  // overdue = isOverdue(): due < as of (the as-of cell, else TODAY()) and not done
  const overdue = `AND(ISNUMBER(${D}),INT(N(${D}))<${L.today ?? todayExpr(L)})`;
  return (
    `=IF(NOT(ISNUMBER(${P})),"",IF(${P}>=1-${EPS},${lab('done')},IF(${overdue},${lab('overdue')},` +
    `IF(${notStarted},${lab('notStarted')},` +
    `IF(${d}>=-${atRisk}-${EPS},${lab('onTrack')},IF(${d}>=-${offTrack}-${EPS},${lab('atRisk')},${lab('offTrack')}))))))`
  );
}

/** Final score (grading round, issue 14 §3): the manager's score when given, else the Score
 *  cell (self-score, else computed). Blank when the row has no score. */
export function finalScoreFormula(L: FormulaLayout, row: number): string {
  const S = cell(row, L.col.score), M = cell(row, L.col.managerScore);
  return `=IF(ISNUMBER(${S}),IF(ISNUMBER(${M}),${M},${S}),"")`;
}

export const BAR_COLOR = '#34a853';

/** The bar: SPARKLINE (Google Sheets only). */
export function barFormula(L: FormulaLayout, row: number): string {
  const P = cell(row, L.col.progress);
  return `=IF(ISNUMBER(${P}),SPARKLINE(${P},{"charttype","bar";"max",1;"color1","${BAR_COLOR}"}),"")`;
}

/** What an engine without SPARKLINE shows instead (the progress value, under a data bar). */
export function barFallbackFormula(L: FormulaLayout, row: number): string {
  const P = cell(row, L.col.progress);
  return `=IF(ISNUMBER(${P}),${P},"")`;
}

/** True for formulas only Google Sheets evaluates. */
export function isSheetsOnlyFormula(f: unknown): boolean {
  return typeof f === 'string' && f.startsWith('=') && /\bSPARKLINE\s*\(/i.test(f);
}
