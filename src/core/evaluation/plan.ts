/**
 * The Evaluation sheet of a cycle (issue 14 §4, 360 评估) as a plan: for each person rows for
 * self, peers, manager and skip-level manager; a few criteria on a 1–5 scale and a comment;
 * weights per relation in the sheet's own settings block; the result per person by native
 * formulas (Sheets, Excel, LibreOffice and HyperFormula alike) — the weighted mean over the
 * relations that have answers, so a missing evaluation is listed, never counted as zero — with
 * the person's OKR final score beside it and an optional OKR weight (default 0).
 *
 * Why the weights live on this sheet and not in Settings: the Settings sheet belongs to the OKR
 * workbook and its formulas, while an Evaluation sheet often lives in HR's own file made from
 * the roster alone (`okr-sheets evaluation roster.csv`), with no Settings sheet at all; and the
 * weights are a decision of this round, next to the answers they weigh.
 */
import { escapeCellText } from '../escape';
import { fmt, type Lang } from '../i18n';
import { label, SHEET_NAMES } from '../labels';
import { cell, colLetter, range } from '../plan/a1';
import { OWNER_KEY, type ConditionalFormatPlan, type FormatPlan, type PlanCell, type ProtectionPlan, type SheetPlan, type ValidationPlan } from '../plan/types';
import {
  DEFAULT_CRITERIA, DEFAULT_OKR_WEIGHT, DEFAULT_WEIGHTS, RELATION_LABELS, RELATIONS, RESPONSE_LABELS, RESULT_LABELS,
  TEXT, WEIGHT_ROW_LABELS, type Relation,
} from './labels';
import {
  OKR_WEIGHT_ROW, RELATION_RESULT_COL, RESULT_COL, RESULTS_HEADER_ROW, RESULTS_TITLE_ROW, WEIGHT_ROW, WEIGHTS_HEADER_ROW,
  responseCols,
} from './layout';
import type { EvaluationPerson } from './people';

export interface EvaluationPlanOptions {
  lang: Lang;
  cycle: string;
  /** Peer rows per person: at most this many suggested peers (default 3); at least one row,
   *  left blank for HR or the person to choose when the roster suggests nobody. */
  maxPeers?: number;
  /** Blank rows at the end of each person's answers, inside that person's formulas (default 1):
   *  typing a name, relation and evaluator there adds an evaluation. */
  spareRows?: number;
  /** OKR final scores (0–1) by person name, shown beside the result when known. */
  okrScores?: ReadonlyMap<string, number>;
}

export const personKey = (s: string): string => s.replace(/[\s\u3000]+/g, ' ').trim().toLowerCase();

export function evaluationSheetName(cycle: string, lang: Lang): string {
  return `${SHEET_NAMES.evaluation[lang]} ${cycle}`.trim();
}

interface ResponseRow {
  person: string;
  relation: Relation;
  evaluator: string;
}

function responseRows(people: readonly EvaluationPerson[], maxPeers: number): ResponseRow[] {
  return responseBlocks(people, maxPeers).flat();
}

/** Each person's response rows, in people order. */
function responseBlocks(people: readonly EvaluationPerson[], maxPeers: number): ResponseRow[][] {
  return people.map((p) => {
    const rows: ResponseRow[] = [];
    rows.push({ person: p.name, relation: 'self', evaluator: p.name });
    const peers = p.peers.slice(0, maxPeers);
    if (peers.length === 0) peers.push('');
    for (const e of peers) rows.push({ person: p.name, relation: 'peer', evaluator: e });
    if (p.manager) rows.push({ person: p.name, relation: 'manager', evaluator: p.manager });
    if (p.skip) rows.push({ person: p.name, relation: 'skip', evaluator: p.skip });
    return rows;
  });
}

/** How many response rows the plan writes for these people (spare rows not counted). */
export function responseRowCount(people: readonly EvaluationPerson[], maxPeers?: number): number {
  return responseRows(people, Math.max(1, maxPeers ?? 3)).length;
}

export function buildEvaluationPlan(people: readonly EvaluationPerson[], opts: EvaluationPlanOptions): SheetPlan {
  const { lang } = opts;
  const criteria = DEFAULT_CRITERIA.map((c) => c[lang]);
  const rc = responseCols(criteria.length);
  const width = Math.max(rc.comment, RESULT_COL.missing);
  const values: PlanCell[][] = [];
  const put = (row: number, col: number, v: PlanCell) => {
    while (values.length < row) values.push([]);
    const line = values[row - 1]!;
    while (line.length < col - 1) line.push(null);
    line[col - 1] = v;
  };

  put(1, 1, fmt(TEXT.title, lang, { cycle: opts.cycle }));
  put(2, 1, TEXT.explain[lang]);
  put(WEIGHTS_HEADER_ROW, 1, TEXT.relationHeader[lang]);
  put(WEIGHTS_HEADER_ROW, 2, TEXT.weightsHeader[lang]);
  for (const r of RELATIONS) {
    put(WEIGHT_ROW[r], 1, label(RELATION_LABELS[r], lang));
    put(WEIGHT_ROW[r], 2, DEFAULT_WEIGHTS[r]);
  }
  put(OKR_WEIGHT_ROW, 1, label(WEIGHT_ROW_LABELS.okr, lang));
  put(OKR_WEIGHT_ROW, 2, DEFAULT_OKR_WEIGHT);

  // responses first (their rows decide the ranges the result formulas read)
  // Each person's answers are one block of rows and their result formulas read only that block,
  // so recalculation grows linearly with people (a scan of every answer per result cell made
  // 400 people take minutes in HyperFormula). The reader (read.ts) takes the same blocks.
  const blocks = responseBlocks(people, Math.max(1, opts.maxPeers ?? 3));
  const spare = Math.max(0, opts.spareRows ?? 1);
  const firstResult = RESULTS_HEADER_ROW + 1;
  const lastResult = RESULTS_HEADER_ROW + people.length;
  const responsesTitle = lastResult + 2;
  const responsesHeader = responsesTitle + 1;
  const first = responsesHeader + 1;
  const blockStart: number[] = [];
  let next = first;
  const rowAt = new Map<number, ResponseRow | { person: string; relation: null; evaluator: '' }>();
  people.forEach((p, k) => {
    const b = blocks[k]!;
    blockStart.push(next);
    b.forEach((x, i) => rowAt.set(next + i, x));
    // spare rows carry the person's name, so every row of a block names its person (what the
    // reader's blocks rely on); with no relation they are neither answered nor missing
    for (let i = 0; i < spare; i++) rowAt.set(next + b.length + i, { person: p.name, relation: null, evaluator: '' });
    next += b.length + spare;
  });
  const last = Math.max(first, next - 1);

  put(responsesTitle, 1, TEXT.responsesHeader[lang]);
  const responseHeader: PlanCell[] = [
    label(RESPONSE_LABELS.person, lang), label(RESPONSE_LABELS.relation, lang), label(RESPONSE_LABELS.evaluator, lang),
    ...criteria, label(RESPONSE_LABELS.answered, lang), label(RESPONSE_LABELS.average, lang), label(RESPONSE_LABELS.comment, lang),
  ];
  responseHeader.forEach((v, i) => put(responsesHeader, i + 1, v));
  for (let i = first; i <= last; i++) {
    const x = rowAt.get(i);
    if (x) {
      put(i, rc.person, escapeCellText(x.person));
      if (x.relation) put(i, rc.relation, label(RELATION_LABELS[x.relation], lang));
      put(i, rc.evaluator, x.evaluator ? escapeCellText(x.evaluator) : null);
    }
    const scores = range(i, rc.first, i, rc.last);
    put(i, rc.answered, `=COUNT(${scores})`);
    // 0 (shown blank) when nothing is answered: the result formulas skip rows with no answers
    put(i, rc.average, `=IF(COUNT(${scores})=0,0,AVERAGE(${scores}))`);
  }

  put(RESULTS_TITLE_ROW, 1, TEXT.resultsHeader[lang]);
  const resultKeys = Object.keys(RESULT_COL) as (keyof typeof RESULT_COL)[];
  for (const k of resultKeys) put(RESULTS_HEADER_ROW, RESULT_COL[k], label(RESULT_LABELS[k], lang));
  const weight = (row: number) => `IF(ISNUMBER($B$${row}),$B$${row},0)`;
  people.forEach((p, i) => {
    const row = firstResult + i;
    const b1 = blockStart[i]!;
    const b2 = b1 + blocks[i]!.length + spare - 1;
    const col = (c: number) => `$${colLetter(c)}$${b1}:$${colLetter(c)}$${b2}`;
    const P = col(rc.person);
    const R = col(rc.relation);
    const N = col(rc.answered);
    const V = col(rc.average);
    const who = `(${P}=$A${row})`;
    put(row, RESULT_COL.person, escapeCellText(p.name));
    for (const r of RELATIONS) {
      const rel = `(${R}=$A$${WEIGHT_ROW[r]})`;
      const n = `SUMPRODUCT(${who}*${rel}*(${N}>0))`;
      put(row, RELATION_RESULT_COL[r], `=IF(${n}=0,"",SUMPRODUCT(${who}*${rel}*(${N}>0)*${V})/${n})`);
    }
    const mean = (r: Relation) => cell(row, RELATION_RESULT_COL[r]);
    const num = RELATIONS.map((r) => `IF(ISNUMBER(${mean(r)}),${mean(r)}*${weight(WEIGHT_ROW[r])},0)`).join('+');
    const den = RELATIONS.map((r) => `IF(ISNUMBER(${mean(r)}),${weight(WEIGHT_ROW[r])},0)`).join('+');
    put(row, RESULT_COL.result, `=IF((${den})=0,"",(${num})/(${den}))`);
    const okr = opts.okrScores?.get(personKey(p.name));
    put(row, RESULT_COL.okrScore, okr ?? null);
    const res = cell(row, RESULT_COL.result);
    const sc = cell(row, RESULT_COL.okrScore);
    const wo = `MIN(1,MAX(0,${weight(OKR_WEIGHT_ROW)}))`;
    put(row, RESULT_COL.overall, `=IF(ISNUMBER(${res}),IF(AND(ISNUMBER(${sc}),${wo}>0),${res}*(1-${wo})+(1+4*${sc})*${wo},${res}),"")`);
    put(row, RESULT_COL.answered, `=SUMPRODUCT(${who}*(${N}>0))`);
    put(row, RESULT_COL.missing, `=SUMPRODUCT(${who}*(${N}=0)*(${R}<>""))`);
  });

  const lastCol = colLetter(width);
  const formats: FormatPlan[] = [
    { range: 'A1', bold: true },
    { range: `A2:${lastCol}2`, wrap: false, fontColor: '#666666' },
    { range: `A${WEIGHTS_HEADER_ROW}:B${WEIGHTS_HEADER_ROW}`, bold: true, background: '#dbe5f1' },
    { range: `B${WEIGHT_ROW.self}:B${OKR_WEIGHT_ROW}`, numberFormat: '0%' },
    { range: `A${RESULTS_TITLE_ROW}`, bold: true },
    { range: range(RESULTS_HEADER_ROW, 1, RESULTS_HEADER_ROW, RESULT_COL.missing), bold: true, background: '#dbe5f1', wrap: true },
    { range: `A${responsesTitle}`, bold: true },
    { range: range(responsesHeader, 1, responsesHeader, rc.comment), bold: true, background: '#dbe5f1', wrap: true },
    { range: range(first, rc.average, last, rc.average), numberFormat: '0.00;-0.00;""' },
  ];
  if (people.length > 0) {
    formats.push({ range: range(firstResult, RESULT_COL.self, lastResult, RESULT_COL.result), numberFormat: '0.00' });
    formats.push({ range: range(firstResult, RESULT_COL.okrScore, lastResult, RESULT_COL.okrScore), numberFormat: '0.0' });
    formats.push({ range: range(firstResult, RESULT_COL.overall, lastResult, RESULT_COL.overall), numberFormat: '0.00' });
  }
  const validations: ValidationPlan[] = [
    { range: `B${WEIGHT_ROW.self}:B${OKR_WEIGHT_ROW}`, rule: { kind: 'number', min: 0, max: 1 }, helpText: TEXT.weightHelp[lang], strict: false },
    { range: range(first, rc.relation, last, rc.relation), rule: { kind: 'list', values: RELATIONS.map((r) => label(RELATION_LABELS[r], lang)) }, helpText: TEXT.relationHelp[lang], strict: false },
    { range: range(first, rc.first, last, rc.last), rule: { kind: 'number', min: 1, max: 5 }, helpText: TEXT.scoreHelp[lang], strict: false },
  ];
  if (people.length > 0) {
    validations.push({ range: range(firstResult, RESULT_COL.okrScore, lastResult, RESULT_COL.okrScore), rule: { kind: 'number', min: 0, max: 1 }, helpText: TEXT.okrHelp[lang], strict: false });
  }
  // an unanswered row stands out: it is listed, not counted as zero
  const conditionalFormats: ConditionalFormatPlan[] = [
    { range: range(first, 1, last, rc.comment), when: { kind: 'formula', formula: `=AND($B${first}<>"",$${colLetter(rc.answered)}${first}=0)` }, background: '#fff2cc' },
  ];
  if (people.length > 0) {
    conditionalFormats.push({ range: range(firstResult, RESULT_COL.missing, lastResult, RESULT_COL.missing), when: { kind: 'numberGreaterEq', value: 1 }, background: '#fff2cc' });
  }
  const protections: ProtectionPlan[] = [
    { range: range(first, rc.answered, last, rc.average), description: TEXT.formulaNote[lang], warningOnly: true },
  ];
  if (people.length > 0) {
    protections.push({ range: range(firstResult, RESULT_COL.self, lastResult, RESULT_COL.result), description: TEXT.formulaNote[lang], warningOnly: true });
    protections.push({ range: range(firstResult, RESULT_COL.overall, lastResult, RESULT_COL.missing), description: TEXT.formulaNote[lang], warningOnly: true });
  }
  const columnWidths = [120, 90, 120, ...criteria.map(() => 90), 80, 80, 240].slice(0, width);
  while (columnWidths.length < width) columnWidths.push(90);
  return {
    name: evaluationSheetName(opts.cycle, lang),
    role: 'evaluation',
    values,
    frozenRows: 0,
    columnWidths,
    formats,
    validations,
    conditionalFormats,
    protections,
    namedRanges: [],
    metadata: { [OWNER_KEY]: 'evaluation', 'okrSheets.lang': lang, 'okrSheets.cycle': opts.cycle },
  };
}
