/**
 * The Evaluation plan through the Sheets shell (src/sheets on the in-memory workbook): applied
 * with its role metadata, answers typed into the sheet, read back by the one snapshot reader —
 * the formulas' results equal the core reader's, and the service calls do not grow with people.
 */
import { describe, expect, it } from 'vitest';
import { readEvaluations } from '../../src/core/evaluation';
import { RESULT_COL } from '../../src/core/evaluation/layout';
import { createLocalApp } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { locate, plan } from './fixtures';
import { buildEvaluationPlan } from '../../src/core/evaluation/plan';
import type { EvaluationPerson } from '../../src/core/evaluation/people';

describe('Evaluation sheet in the Sheets shell', () => {
  it('applied, answered in the sheet, read by takeSnapshot: formulas == core', () => {
    const local = createLocalApp();
    const p = plan('en');
    applyWorkbookPlan(local.ctx('en'), { sheets: [p] });
    const sheet = local.ss.getSheetByName(p.name)!;
    const { responses } = locate(p.values);
    // Dan's self row and his manager's row answered in the sheet, like a user would
    const rowOf = (person: string, relation: string) => p.values.findIndex((r, i) => i > responses && r[0] === person && r[1] === relation) + 1;
    sheet.getRange(rowOf('Dan', 'Self'), 4, 1, 4).setValues([[4, 4, 5, 5]]);
    sheet.getRange(rowOf('Dan', 'Manager'), 4, 1, 4).setValues([[3, 3, 3, 3]]);
    const snap = takeSnapshot(local.ctx('en'));
    const s = snap.sheets.find((x) => x.name === p.name)!;
    expect(s.metaRole).toBe('evaluation');
    const [read] = readEvaluations(snap);
    const dan = read!.results.find((r) => r.person === 'Dan')!;
    // (4.5 × 0.1 + 3 × 0.4) / 0.5 = 3.3
    expect(dan.result).toBeCloseTo(3.3, 12);
    expect(s.values[dan.row - 1]![RESULT_COL.result - 1]).toBeCloseTo(3.3, 12);
    expect(s.values[dan.row - 1]![RESULT_COL.missing - 1]).toBe(3);
  });

  it('service calls to apply the sheet do not grow with people', () => {
    const calls = (n: number) => {
      const people: EvaluationPerson[] = Array.from({ length: n }, (_, i) => ({
        name: `P${i}`, unit: `U${i}`, manager: i ? 'P0' : null, skip: null, peers: i ? [`P${i === 1 ? 2 : 1}`] : [],
      }));
      const local = createLocalApp({ formulas: 'store' });
      const before = local.calls.total;
      applyWorkbookPlan(local.ctx('en'), { sheets: [buildEvaluationPlan(people, { lang: 'en', cycle: '2026-Q4' })] });
      return local.calls.total - before;
    };
    // one write per block of values, formats, rules and metadata; past the new sheet's 1,000
    // rows, one more call makes the rows — then nothing grows with people
    // (below 1,000 rows, one deleteRows trims the new sheet to its block, issue 16 §4)
    expect([calls(10), calls(100)]).toEqual([32, 32]);
    expect([calls(200), calls(400)]).toEqual([32, 32]);
  });
});
