/**
 * Where things sit on a generated Evaluation sheet. The generator writes this layout; the
 * reader (read.ts) finds every block again by its labels, so rows a user inserts above a block
 * do not lose it.
 */
import { RELATIONS, type Relation } from './labels';

/** Rows (1-based) of the sheet's own settings block: relation weights, then the OKR weight. */
export const WEIGHTS_HEADER_ROW = 4;
export const WEIGHT_ROW: Record<Relation, number> = { self: 5, peer: 6, manager: 7, skip: 8 };
export const OKR_WEIGHT_ROW = 9;

/** Results block: section title, header, one row per person. */
export const RESULTS_TITLE_ROW = 11;
export const RESULTS_HEADER_ROW = 12;

/** Results columns (1-based): person, one per relation, 360 result, OKR score, overall, counts. */
export const RESULT_COL = {
  person: 1,
  self: 2,
  peer: 3,
  manager: 4,
  skip: 5,
  result: 6,
  okrScore: 7,
  overall: 8,
  answered: 9,
  missing: 10,
} as const;
export const RELATION_RESULT_COL: Record<Relation, number> = {
  self: RESULT_COL.self, peer: RESULT_COL.peer, manager: RESULT_COL.manager, skip: RESULT_COL.skip,
};

/** Responses columns: person, relation, evaluator, then the criteria, answered, average, comment. */
export function responseCols(criteria: number): { person: number; relation: number; evaluator: number; first: number; last: number; answered: number; average: number; comment: number } {
  const first = 4;
  const last = first + criteria - 1;
  return { person: 1, relation: 2, evaluator: 3, first, last, answered: last + 1, average: last + 2, comment: last + 3 };
}

export { RELATIONS };
