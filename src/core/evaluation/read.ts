/**
 * Reads a filled Evaluation sheet back into results: the same numbers its formulas compute
 * (plan.ts), from the answers alone, so `okr-sheets score eval.xlsx` and the tests need no
 * formula engine. Each block is found by its labels (either language), never by position; the
 * sheet itself by our role metadata first, then by its content (a Person / Relation / Evaluator
 * header), never by its name.
 *
 * The formulas' own rules, mirrored here: each person's rows are their own block (below); a relation's cell is matched to the weight row's label
 * and a person to the results row's name as spreadsheets compare text (ignoring case, nothing
 * else); a row counts when at least one criterion holds a number; its average is the mean of
 * those numbers; a relation's mean is the mean of its answered rows; the 360 result is the
 * weighted mean over the relations that have one (weights that are not numbers count 0).
 */
import { matchLabel } from '../labels';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { RELATION_LABELS, RELATIONS, RESPONSE_LABELS, RESULT_LABELS, WEIGHT_ROW_LABELS, type Relation } from './labels';

export interface MissingEvaluation {
  relation: Relation | null;
  evaluator: string;
  /** 1-based sheet row of the unanswered response. */
  row: number;
}

export interface EvaluationResult {
  person: string;
  /** 1-based row on the results block. */
  row: number;
  /** Mean per relation over its answered rows; null = no answer yet. */
  relations: Record<Relation, number | null>;
  /** Weighted mean over the relations that have answers (null: none). */
  result: number | null;
  okrScore: number | null;
  overall: number | null;
  answered: number;
  missing: MissingEvaluation[];
}

export interface EvaluationRead {
  sheet: string;
  weights: Record<Relation, number>;
  okrWeight: number;
  criteria: string[];
  results: EvaluationResult[];
}

type Row = readonly unknown[];

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const blank = (v: unknown) => v === null || v === undefined || v === '';
/** Spreadsheet `=` on two cells: text ignoring case, blanks equal to blanks. */
function sameCell(a: unknown, b: unknown): boolean {
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

interface Header {
  row: number; // 0-based
  cols: Map<string, number>;
}

function findHeader<K extends string>(values: readonly Row[], table: Record<K, { 'zh-CN': string[]; en: string[] }>, need: readonly K[], from = 0): Header | null {
  for (let r = from; r < values.length; r++) {
    const cols = new Map<string, number>();
    (values[r] ?? []).forEach((c, i) => {
      const k = matchLabel(table, c);
      if (k && !cols.has(k)) cols.set(k, i);
    });
    if (need.every((k) => cols.has(k))) return { row: r, cols };
  }
  return null;
}

/** True when the sheet reads as an Evaluation sheet: our metadata, else its responses header. */
export function isEvaluationSheet(s: SheetSnapshot): boolean {
  if (s.metaRole) return s.metaRole === 'evaluation';
  return findHeader(s.values, RESPONSE_LABELS, ['person', 'relation', 'evaluator']) !== null;
}

/** Every Evaluation sheet of the snapshot, read (tab order). */
export function readEvaluations(snapshot: WorkbookSnapshot): EvaluationRead[] {
  return snapshot.sheets.filter((s) => !s.skipped && isEvaluationSheet(s)).map((s) => readEvaluationValues(s.name, s.values)).filter((x): x is EvaluationRead => x !== null);
}

/** Reads one Evaluation sheet's values; null when its blocks are not there. */
export function readEvaluationValues(sheet: string, values: readonly Row[]): EvaluationRead | null {
  const responses = findHeader(values, RESPONSE_LABELS, ['person', 'relation', 'evaluator', 'answered']);
  const resultsHead = findHeader(values, RESULT_LABELS, ['person', 'result']);
  if (!responses || !resultsHead) return null;

  // the settings block: label in column A, value in column B, above the results
  const weights: Record<Relation, number> = { self: 0, peer: 0, manager: 0, skip: 0 };
  const weightLabel: Partial<Record<Relation, unknown>> = {};
  let okrWeight = 0;
  for (let r = 0; r < resultsHead.row; r++) {
    const a = values[r]?.[0];
    const b = values[r]?.[1];
    const rel = matchLabel(RELATION_LABELS, a);
    if (rel && weightLabel[rel] === undefined) {
      weightLabel[rel] = a;
      weights[rel] = num(b) ?? 0;
    } else if (matchLabel(WEIGHT_ROW_LABELS, a) === 'okr') okrWeight = num(b) ?? 0;
  }

  const c = responses.cols;
  const pc = c.get('person')!;
  const rc = c.get('relation')!;
  const ec = c.get('evaluator')!;
  const ac = c.get('answered')!;
  const criteriaCols: number[] = [];
  for (let i = ec + 1; i < ac; i++) criteriaCols.push(i);
  const criteria = criteriaCols.map((i) => text(values[responses.row]?.[i]));

  interface Answer { person: unknown; relation: unknown; evaluator: string; n: number; avg: number; row: number }
  const answers: Answer[] = [];
  for (let r = responses.row + 1; r < values.length; r++) {
    const line = values[r] ?? [];
    const scores = criteriaCols.map((i) => num(line[i])).filter((x): x is number => x !== null);
    if (blank(line[pc]) && scores.length === 0) continue;
    const avg = scores.length === 0 ? 0 : scores.reduce((s, x) => s + x, 0) / scores.length;
    answers.push({ person: line[pc], relation: line[rc], evaluator: text(line[ec]), n: scores.length, avg, row: r + 1 });
  }
  // A person's formulas read only their own block of rows, every row of which names them (the
  // generator writes the name into spare rows too): the first run of rows naming them. A later run of rows naming them again is
  // outside their formulas, so it is outside here too. Names compare ignoring case, as `=` does.
  const keyOf = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : `#${text(v)}`);
  const blocks = new Map<string, Answer[]>();
  let current: Answer[] | null = null;
  let currentName: unknown = undefined;
  for (const x of answers) {
    if (!blank(x.person) && !(currentName !== undefined && sameCell(x.person, currentName))) {
      currentName = x.person;
      const k = keyOf(x.person);
      current = blocks.has(k) ? null : [];
      if (current) blocks.set(k, current);
    }
    current?.push(x);
  }

  const rcol = resultsHead.cols;
  const personCol = rcol.get('person')!;
  const okrCol = rcol.get('okrScore');
  const wo = Math.min(1, Math.max(0, okrWeight));
  const results: EvaluationResult[] = [];
  for (let r = resultsHead.row + 1; r < responses.row; r++) {
    const name = values[r]?.[personCol];
    if (blank(name)) break;
    const mine = (blocks.get(keyOf(name)) ?? []).filter((x) => sameCell(x.person, name));
    const relations = { self: null, peer: null, manager: null, skip: null } as Record<Relation, number | null>;
    let numer = 0;
    let denom = 0;
    for (const rel of RELATIONS) {
      const l = weightLabel[rel];
      const answered = l === undefined ? [] : mine.filter((x) => x.n > 0 && sameCell(x.relation, l));
      if (answered.length === 0) continue;
      const mean = answered.reduce((s, x) => s + x.avg, 0) / answered.length;
      relations[rel] = mean;
      numer += mean * weights[rel];
      denom += weights[rel];
    }
    const result = denom === 0 ? null : numer / denom;
    const okrScore = okrCol === undefined ? null : num(values[r]?.[okrCol]);
    const overall = result === null ? null : okrScore !== null && wo > 0 ? result * (1 - wo) + (1 + 4 * okrScore) * wo : result;
    results.push({
      person: text(name),
      row: r + 1,
      relations,
      result,
      okrScore,
      overall,
      answered: mine.filter((x) => x.n > 0).length,
      // a row with no relation (a spare row) is neither answered nor missing until it has one
      missing: mine.filter((x) => x.n === 0 && !blank(x.relation)).map((x) => ({ relation: matchLabel(RELATION_LABELS, x.relation), evaluator: x.evaluator, row: x.row })),
    });
  }
  return { sheet, weights, okrWeight, criteria, results };
}
