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
import type { ColumnKey, RowType, Status } from '../model';
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
  /**
   * Header cells that hold, once per sheet, what every row would otherwise repeat (issue 16 §5:
   * the formula text per row). Each is absent = the expression inline.
   */
  cells?: {
    /** The cap in effect (`capCellExpr`). */
    cap: string;
    /** Lowest progress that is on track (`paceFromExpr(atRisk)`) and that is at risk. */
    onTrackFrom: string;
    atRiskFrom: string;
    /** The score scale: Score cell = ROUND(ROUND(progress,10)*factor, digits) (issue 14 §2). */
    scoreFactor: string;
    scoreDigits: string;
    /** The type words with their codes (`typeCodeTable`). */
    typeTable: string;
    /** Progress at or above which a row is done (1 − ε); absent = the number inline. */
    doneFrom?: string;
    /** A cell holding rubricPadExpr (the spaces the Rubric is split with); absent = inline. */
    rubricPad?: string;
    /** The cell of each status word; absent = the words inline. */
    statusWords?: Readonly<Record<Status, string>>;
    /** The SPARKLINE options of the Bar, a 2-column range (option, value) in the header; absent =
     *  an array literal inline. */
    barOptions?: string;
  };
  /**
   * The helper column (add-on-written, after the last table column): on a row that is not an
   * objective row it holds the row's type code (`typeCodeFormula`), on an objective row the share
   * of weight each blank-weight KR gets (`blankShareFormula`). Absent = type tests inline.
   */
  helperCol?: number;
}

/** The constants used when the Settings cells are missing or not numbers. */
export const DEFAULT_AT_RISK = DEFAULT_SETTINGS.atRiskBelow; // 0.2
export const DEFAULT_OFF_TRACK = DEFAULT_SETTINGS.offTrackBelow; // 0.4

const EPS = formatNumber(EDGE_EPS);
/** Done from progress ≥ 1 − ε (the same double as 0.999999999). */
const DONE = formatNumber(1 - EDGE_EPS);

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

// ---------------------------------------------------------------------------------------------
// Type codes. Comparing the Type cell with every type word (`OR(B7="提升",B7="Increase",…)`)
// was half of a row's formula text; the helper column now looks the word up once per row and
// every other formula of the row reads a one-digit code.

/**
 * Code of each row type in the helper column, ordered so the tests stay short: ≥ 2 is a key
 * result; 5 the milestone; above 5 the "stay" KRs (6 at least, 7 at most: never above 100%);
 * among the other KR codes the odd ones fall (3 decrease, 7 at most): MOD(code, 2) = 1; 4 the
 * rubric; 0 no known type.
 */
export const TYPE_CODES: Readonly<Record<RowType, number>> = {
  objective: 1, increase: 2, decrease: 3, rubric: 4, milestone: 5, atLeast: 6, atMost: 7,
};

/** A type word as the lookup compares it: spaces removed, lower case (labels.ts matchLabel). */
export const typeWordKey = (s: string): string => s.replace(/\s+/g, '').toLowerCase();

/**
 * The lookup text, each type word after its code: `|1目标|1o|1objective|2提升|2increase|…|`.
 * It sits in a header cell, labelled, so the sheet says which words it understands.
 */
export function typeCodeTable(): string {
  const parts = new Set<string>();
  for (const t of Object.keys(TYPE_CODES) as RowType[]) for (const a of typeAliases(t)) parts.add(`${TYPE_CODES[t]}${typeWordKey(a)}`);
  return `|${[...parts].join('|')}|`;
}

/**
 * The type code of a row from its Type cell: FIND the word followed by `|` in the table and read
 * the character before it. No type word holds a digit and none ends another, so a word that is
 * not in the table (or only the end of one) finds a letter or nothing, and IFERROR makes it 0.
 * Spaces are ignored and FIND runs on lower case, as core's label match does.
 */
export function typeCodeExpr(L: FormulaLayout, row: number): string {
  const T = cell(row, L.col.type);
  const tbl = L.cells?.typeTable ?? q(typeCodeTable());
  return `IFERROR(--MID(${tbl},FIND(LOWER(SUBSTITUTE(${T}," ",""))&"|",${tbl})-1,1),0)`;
}

/** Whether the Type cell says objective: `|1` + the word + `|` is in the table (exact match). */
function isObjectiveExpr(L: FormulaLayout, row: number): string {
  const T = cell(row, L.col.type);
  const tbl = L.cells?.typeTable ?? q(typeCodeTable());
  return `ISNUMBER(FIND("|${TYPE_CODES.objective}"&LOWER(SUBSTITUTE(${T}," ",""))&"|",${tbl}))`;
}

/** The type code a row's formulas read: its helper cell, else the lookup inline. */
function codeOf(L: FormulaLayout, row: number): string {
  return L.helperCol ? cell(row, L.helperCol) : `(${typeCodeExpr(L, row)})`;
}

// ---------------------------------------------------------------------------------------------
// Header cells: values every row reads, computed once.

/** The cap (= score.ts progressCapOf): the Settings cell when it holds 1–3, else 1. */
export function capCellExpr(L: FormulaLayout): string {
  const r = L.capRef;
  return r ? `IF(ISNUMBER(${r}),IF(AND(${r}>=1,${r}<=3),${r},1),1)` : '1';
}
const capOf = (L: FormulaLayout) => L.cells?.cap ?? (L.capRef ? capCellExpr(L) : '1');

/** A Settings share (pace threshold, grade band) as core reads it: a number in 0–1, else the default. */
export function shareSetting(ref: string | null | undefined, fallback: number): string {
  // nested, not AND(): a deleted Settings sheet (#REF!) then reads as the default, as before
  return ref ? `IF(ISNUMBER(${ref}),IF(AND(${ref}>=0,${ref}<=1),${ref},${fallback}),${fallback})` : String(fallback);
}

/**
 * The pace thresholds as progress (= pace.ts statusFromDelta on Δ = progress − time elapsed):
 * on track from elapsed − atRisk − ε, at risk from elapsed − offTrack − ε. Each row compares its
 * progress with these header cells, which show the user the lines themselves.
 */
export function onTrackFromExpr(L: FormulaLayout): string {
  return `${L.expected}-${shareSetting(L.atRiskRef, DEFAULT_AT_RISK)}-${EPS}`;
}
export function atRiskFromExpr(L: FormulaLayout): string {
  return `${L.expected}-${shareSetting(L.offTrackRef, DEFAULT_OFF_TRACK)}-${EPS}`;
}

/** The Settings "score scale" cell as supportSheets.ts readScoreScale reads it (trimmed, any
 *  case, dashes and spaces folded): which of 0-100 / percent it names. */
function scaleIs(ref: string, words: readonly string[]): string {
  const t = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(LOWER(${ref}&"")," ",""),"–","-"),"—","-"),"~","-"),"～","-")`;
  return `OR(${words.map((w) => `${t}=${q(w)}`).join(',')})`;
}
const SCALE_100 = ['0-100', '100', '百分制', '0-100分'];
const SCALE_PERCENT = ['%', '％', 'percent', '百分比'];

/** Score cell = ROUND(ROUND(progress,10)*factor, digits) (scale.ts): factor 100 on 0-100, else 1. */
export function scoreFactorExpr(scaleRef: string | null): string {
  return scaleRef ? `IFERROR(IF(${scaleIs(scaleRef, SCALE_100)},100,1),1)` : '1';
}
/** … and digits 0 on 0-100, 2 on percent, else 1 (0-1, blank, unreadable). */
export function scoreDigitsExpr(scaleRef: string | null): string {
  return scaleRef ? `IFERROR(IF(${scaleIs(scaleRef, SCALE_100)},0,IF(${scaleIs(scaleRef, SCALE_PERCENT)},2,1)),1)` : '1';
}

/** Grade bands (= scale.ts gradeBands): each a share in 0–1 else its default, and a red band
 *  above the green one falls back to the defaults as a pair. `which` picks the cell's value. */
export function gradeBandExpr(redRef: string | null, greenRef: string | null, which: 'red' | 'green'): string {
  const r = shareSetting(redRef, 0.4), g = shareSetting(greenRef, 0.7);
  return which === 'red' ? `IF(${r}>${g},0.4,${r})` : `IF(${r}>${g},0.7,${g})`;
}

// ---------------------------------------------------------------------------------------------
// Row formulas.

const clamp = (x: string) => `MIN(1,MAX(0,${x}))`;

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
  /** The rows below this one through the end of its block: `P8:P$12` (relative start,
   *  absolute end; the column is left relative to save text — the formulas are never filled
   *  sideways). Excluding the row itself avoids circular references; KRs sit below their
   *  objective. Inserting rows inside the block (or just above the next objective) grows it. */
  const below = (k: ColumnKey) => {
    const l = colLetter(L.col[k]);
    return `${l}${row + 1}:${l}$${end}`;
  };
  return { c, col: below };
}

/**
 * Progress of a KR row whose type code is 2–7 (= progress.ts krProgress), with
 * s = N(start), t = target, c = current, cap = the header cell, d = (−1)^code the KR's
 * direction (+1 for the rising types, −1 for the falling ones: the odd codes 3 decrease and
 * 7 at most), clamped as MEDIAN(0, …, stay ? 1 : cap) — the stay KRs (at least / at most, codes
 * above 5) never above 1:
 *   milestone (5): N(c);
 *   no current value (COUNT: a number; or TRUE/FALSE), or no numeric target: 0;
 *   t = s, or a stay KR set the other way round ((t − s)·d < 0: at least with t < s, at most
 *     with t > s): 1 when c has reached t in the KR's direction ((c − t)·d ≥ 0), else 0;
 *   else (c − s) / (t − s).
 * COUNT(x) of one cell is ISNUMBER(x) in every engine, and shorter (issue 16 §5); TRUE/FALSE in
 * Current count as 1/0 in the arithmetic, as core reads them.
 */
export function krProgressExpr(L: FormulaLayout, row: number): string {
  const { c } = refs(L, row);
  const Z = codeOf(L, row), S = `N(${c('start')})`, G = c('target'), C = c('current');
  const { milestone } = TYPE_CODES;
  const d = `(-1)^${Z}`;
  const met = `--((N(${C})-${G})*${d}>=0)`;
  const flat = `OR(${G}=${S},(${Z}>${milestone})*(${G}-${S})*${d}<0)`;
  const value =
    `IF(${Z}=${milestone},N(${C}),` +
    `IF(COUNT(${G})*(COUNT(${C})+ISLOGICAL(${C})),IF(${flat},${met},(${C}-${S})/(${G}-${S})),0))`;
  return `MEDIAN(0,${value},IF(${Z}>${milestone},1,${capOf(L)}))`;
}

/**
 * The sums an objective's weighted mean needs (= effectiveWeights), over the rows of its block
 * whose ID starts with its ID & "." and whose Progress is a number (its KRs):
 *   n = KRs, given = Σ positive weights, blanks = KRs whose weight is no number,
 *   gv / bv / av = Σ value × weight (given), Σ value (blank weight), Σ value.
 * The value sums leave out the Progress test: a non-KR row's Progress and Score are blank.
 * A weight typed as text is no weight (core reads it as blank): ISNUMBER keeps it out of the
 * given sums, where HyperFormula would read "30%" as 0.3 (Sheets, Excel and LibreOffice count
 * text in a SUMPRODUCT range as 0).
 */
function objectiveSums(L: FormulaLayout, row: number, value: ColumnKey) {
  const { c, col } = refs(L, row);
  const ID = c('id');
  const prefix = `(LEFT(${col('id')},LEN(${ID})+1)=${ID}&".")`;
  const kr = `${prefix}*ISNUMBER(${col('progress')})`;
  const W = col('weight'), V = col(value);
  // a positive number: ISNUMBER first, as some engines read "30%" typed as text as 0.3 in W>0
  const pos = `ISNUMBER(${W})*(${W}>0)`;
  return {
    n: `SUMPRODUCT(${kr})`,
    given: `SUMPRODUCT(${kr}*${pos},${W})`,
    blanks: `SUMPRODUCT(${kr},1-ISNUMBER(${W}))`,
    gv: `SUMPRODUCT(${prefix}*${pos},${W},${V})`,
    bv: `SUMPRODUCT(--${prefix},1-ISNUMBER(${W}),${V})`,
    av: `SUMPRODUCT(--${prefix},${V})`,
    started: `SUMPRODUCT(${kr},ISNUMBER(${col('current')})+ISLOGICAL(${col('current')}))`,
  };
}

/**
 * The share of weight each blank-weight KR gets: MAX(0, 1 − given) / blanks (blanks share what
 * the given weights leave), 0 when no KR's weight is blank. An objective row keeps it in its
 * helper cell k. Its Progress and Score then read (gv + k·bv) / total, and the total needs no
 * blank count (issue 16 §5: two masked sums fewer on each): k > 0 means some weights are blank and
 * the given ones leave room, so the blanks fill the total up to exactly 1; k = 0 means the blank
 * ones (if any) get nothing, so the total is `given`. A total of 0 (every weight 0, or no KRs)
 * is the #DIV/0! that IFERROR turns into equal weights: av / n (no KRs: 0).
 */
export function blankShareExpr(L: FormulaLayout, row: number): string {
  const x = objectiveSums(L, row, 'progress');
  return `IFERROR(MAX(0,1-${x.given})/${x.blanks},0)`;
}

/** The weighted mean of `value` over the objective's KRs (= objectiveProgress / objectiveScore
 *  before the cap); `k` = the blank share's cell, or null to compute it inline. */
function weightedMeanExpr(L: FormulaLayout, row: number, value: ColumnKey, k: string | null): string {
  const x = objectiveSums(L, row, value);
  // equal weights; no KRs: av = 0, so 0
  const equal = `${x.av}/MAX(1,${x.n})`;
  if (k) return `IFERROR((${x.gv}+${k}*${x.bv})/IF(${k}>0,1,${x.given}),${equal})`;
  return `IFERROR((${x.gv}+MAX(0,1-${x.given})*${x.bv}/MAX(1,${x.blanks}))/MAX(${x.given},MIN(1,${x.blanks})),${equal})`;
}

/** The objective's progress. No clamp: a mean of KR progress (each within 0 … cap) with weights
 *  ≥ 0 that sum to 1 stays within 0 … cap (core clamps; the two differ by rounding only). */
const cappedMean = (L: FormulaLayout, row: number, k: string | null) => weightedMeanExpr(L, row, 'progress', k);

/** Objective progress = objectiveProgress() of its KRs (within the cap); blank ID → blank. */
export function objectiveProgressExpr(L: FormulaLayout, row: number, k: string | null = null): string {
  const ID = cell(row, L.col.id);
  return `IF(${ID}="","",${cappedMean(L, row, k)})`;
}

/**
 * What a row's formulas are prepared for. 'any' (spare rows) handles objectives and KRs alike;
 * 'objective' / 'kr' rows carry only their branch (a KR row then depends on its own cells only,
 * which keeps recalculation linear) and show blanks if their type is changed to the other kind.
 */
export type RowKind = 'any' | 'objective' | 'kr';

/**
 * The helper cell of a row: on an objective row the blank-weight share (blank when the Type
 * cell no longer says objective), on every other row the type code.
 */
export function helperFormula(L: FormulaLayout, row: number, kind: RowKind): string {
  if (kind === 'objective') return `=IF(AND(${cell(row, L.col.id)}<>"",${isObjectiveExpr(L, row)}),${blankShareExpr(L, row)},"")`;
  return `=${typeCodeExpr(L, row)}`;
}

/** Progress cell: objective, KR or blank (no ID, no type / unknown type). */
export function progressFormula(L: FormulaLayout, row: number, kind: RowKind = 'any'): string {
  const ID = cell(row, L.col.id);
  if (kind === 'objective' && L.helperCol) {
    const H = cell(row, L.helperCol);
    return `=IF(ISNUMBER(${H}),${cappedMean(L, row, H)},"")`;
  }
  const Z = codeOf(L, row);
  const obj = objectiveProgressExpr(L, row);
  // a row without an ID is not a key result (core: table.ts groupObjectives; lint no-id)
  if (kind === 'objective') return `=IF(${Z}=1,${obj},"")`;
  if (kind === 'kr') return `=IF(OR(${ID}="",${Z}<2),"",${krProgressExpr(L, row)})`;
  return `=IF(${Z}=1,${obj},IF(AND(${ID}<>"",${Z}>1),${krProgressExpr(L, row)},""))`;
}

/**
 * The score of a rubric KR from its Rubric cell (= rubric.ts rubricScoreAsSheet): `；` and `：`
 * are folded to `;` and `:`; the text is split at `;` into RUBRIC_MAX_STEPS windows of
 * RUBRIC_MAX_LENGTH characters (the usual SUBSTITUTE/REPT/MID split) and each step's `:` is
 * widened the same way, so the threshold is the step's left window and the score its right one;
 * `≥ ≤ >= <=` are removed from the threshold; falling when the text starts with `≤` (or `<=`);
 * the highest score among the steps met (a step that does not read counts as none: IFERROR),
 * never below 0; no current value → 0.
 */
export function rubricScoreExpr(L: FormulaLayout, row: number): string {
  const R = cell(row, L.col.rubric), C = cell(row, L.col.current);
  const W = RUBRIC_MAX_LENGTH;
  // the padding, 16 times per rubric: a header cell holds it once (issue 16 §5)
  const sp = L.cells?.rubricPad ?? rubricPadExpr();
  const steps = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${R},"；",";"),"：",":"),";",${sp})`;
  // +1 rising (value ≥ threshold), −1 falling (value ≤ threshold): (value − threshold) × sign ≥ 0
  const sign = `IF(LEFT(TRIM(SUBSTITUTE(${R},"<=","≤")))="≤",-1,1)`;
  const parts: string[] = [];
  for (let k = 1; k <= RUBRIC_MAX_STEPS; k++) {
    const seg = `SUBSTITUTE(TRIM(MID(${steps},${(k - 1) * W + 1},${W})),":",${sp})`;
    const t = `VALUE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(LEFT(${seg},${W})),">=",""),"<=",""),"≥",""),"≤",""))`;
    const v = `VALUE(TRIM(MID(${seg},${W + 1},${W})))`;
    // the step's score when met (× TRUE = itself, × FALSE = 0); a step that does not read: 0
    parts.push(`IFERROR(${v}*((N(${C})-${t})*${sign}>=0),0)`);
  }
  return `IF(COUNT(${C})+ISLOGICAL(${C}),MAX(0,${parts.join(',')}),0)`;
}

/** The padding the rubric's windows are cut with: as many spaces as a rubric may be long. */
export function rubricPadExpr(): string {
  return `REPT(" ",${RUBRIC_MAX_LENGTH})`;
}

/** A KR's computed score in the scale: ROUND(ROUND(progress,10)*factor, digits) (scale.ts). */
function linearScoreExpr(L: FormulaLayout, row: number): string {
  const P = cell(row, L.col.progress);
  return L.cells ? `ROUND(ROUND(${P},10)*${L.cells.scoreFactor},${L.cells.scoreDigits})` : `ROUND(ROUND(${P},10),1)`;
}

/**
 * Score: the self-score when it is a number (typed in the scale); else for a KR its progress in
 * the scale (linearScoreExpr) — for a rubric KR its rubric step (rubricScoreExpr, typed in the
 * scale) — and for an objective the weighted mean of its KRs' Score cells (= objectiveScore).
 * `rubric`: whether the KR branch reads the Rubric column (rows planned as rubric KRs and spare
 * rows; it is the longest formula text of the sheet).
 */
export function scoreFormula(L: FormulaLayout, row: number, kind: RowKind = 'any', rubric = kind === 'any'): string {
  const P = cell(row, L.col.progress), SS = cell(row, L.col.selfScore);
  const Z = codeOf(L, row);
  const linear = linearScoreExpr(L, row);
  const kr = rubric ? `IF(${Z}=4,${rubricScoreExpr(L, row)},${linear})` : linear;
  const computed =
    kind === 'kr' ? kr
    : kind === 'objective' ? weightedMeanExpr(L, row, 'score', L.helperCol ? cell(row, L.helperCol) : null)
    : `IF(${Z}=1,${weightedMeanExpr(L, row, 'score', null)},${kr})`;
  return `=IF(${P}="","",IF(COUNT(${SS}),${SS},${computed}))`;
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

/**
 * Status (= pace.ts rowStatus): blank when progress is blank; done at progress ≥ 1; overdue when
 * the row's Due is before the as-of day (header cell, else TODAY()); not started for a KR whose
 * current is neither a number nor TRUE/FALSE, or an objective none of whose KRs has one; else
 * pace: Δ = progress − time elapsed against the header's thresholds (statusFromDelta).
 */
export function statusFormula(L: FormulaLayout, row: number, lang: Lang, kind: RowKind = 'any'): string {
  const { c } = refs(L, row);
  const P = c('progress'), C = c('current');
  const lab = (s: keyof typeof STATUS_LABELS) => L.cells?.statusWords?.[s] ?? q(STATUS_LABELS[s][lang]);
  const objNotStarted = () => `${objectiveSums(L, row, 'progress').started}=0`;
  const krNotStarted = `COUNT(${C})+ISLOGICAL(${C})=0`;
  const notStarted =
    kind === 'kr' ? krNotStarted : kind === 'objective' ? objNotStarted() : `IF(${codeOf(L, row)}=1,${objNotStarted()},${krNotStarted})`;
  const onTrack = L.cells?.onTrackFrom ?? onTrackFromExpr(L);
  const atRisk = L.cells?.atRiskFrom ?? atRiskFromExpr(L);
  const D = c('due');
  // overdue = isOverdue(): due < as of (an integer day, so INT(due) < it ⇔ due < it) and not done
  // (D > 0): a date is a positive number, blank is 0, and text compares above every number in
  // Sheets, Excel and LibreOffice (so text is never overdue) — shorter than ISNUMBER(D)
  const overdue = `(${D}>0)*(${D}<${L.today ?? todayExpr(L)})`;
  const done = L.cells?.doneFrom ?? DONE;
  return (
    `=IF(${P}="","",IF(${P}>=${done},${lab('done')},IF(${overdue},${lab('overdue')},` +
    `IF(${notStarted},${lab('notStarted')},` +
    `IF(${P}>=${onTrack},${lab('onTrack')},IF(${P}>=${atRisk},${lab('atRisk')},${lab('offTrack')}))))))`
  );
}

/** Final score (grading round, issue 14 §3): the manager's score when it and the Score cell are
 *  both numbers, else the Score cell (self-score, else computed; blank when the row has none). */
export function finalScoreFormula(L: FormulaLayout, row: number): string {
  const S = cell(row, L.col.score), M = cell(row, L.col.managerScore);
  return `=IF(COUNT(${S},${M})=2,${M},${S})`;
}

export const BAR_COLOR = '#34a853';

/** The options of the Bar's sparkline, as rows of (option, value). */
export const BAR_OPTIONS: readonly (readonly [string, string | number])[] = [['charttype', 'bar'], ['max', 1], ['color1', BAR_COLOR]];

/**
 * The bar: SPARKLINE (Google Sheets only) of the progress, N() making a blank row an empty bar.
 * The options sit in a header range when the layout has one: SPARKLINE takes "a range or array
 * of optional settings … two cells wide where the first cell is the option and the second cell
 * is the value" (https://support.google.com/docs/answer/3093289) — shorter than the array
 * literal, and a range is the same in every spreadsheet locale (an array literal's separators
 * are not).
 */
export function barFormula(L: FormulaLayout, row: number): string {
  const P = cell(row, L.col.progress);
  const opts = L.cells?.barOptions ?? `{${BAR_OPTIONS.map(([k, v]) => `"${k}",${typeof v === 'number' ? v : `"${v}"`}`).join(';')}}`;
  return `=SPARKLINE(N(${P}),${opts})`;
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
