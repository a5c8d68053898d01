/**
 * One number at the edges (issue 16 §4–5): a property test over random KR rows with odd cell
 * contents — numbers typed as text (`80%`, `1,200`, `１２`, `3/4`, `’80`, spaces), TRUE/FALSE in
 * number cells, blanks in Start / Target / Weight, negative and zero weights, dates in number
 * cells, dates typed as text in Due, `O1.KR1` / `o1.kr1` / ` O1.KR1` / blank-looking IDs — on
 * every KR type (rubric included), the three score scales and caps of 100% and 120%.
 *
 * For each table, core's scoreTable (through the snapshot, which is what the CLI, the review, the
 * dashboard and the sidebar use) is compared with what the sheet's own formulas compute
 * (HyperFormula, as test/parity/crossEngine does) for Progress, Score, Status and Final score.
 * The property, for every table: each row where they differ carries a finding AT THAT ROW (an
 * objective: at its row or a row of its block) from the rules that report what the sheet cannot
 * read as the user meant (PARITY_RULES); and clearing exactly the cells those findings name (an
 * ID: trimming it) leaves no difference at all — so each difference comes from a named cell.
 * It can fail: the same tables do differ before the fix (asserted), and without `id-spaces` in
 * PARITY_RULES it fails on a ` O1.KR2` row.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScoreScale } from '../../src/core/model';
import { cell } from '../../src/core/plan/a1';
import { evaluatePlan } from '../helpers/hfPlan';
import { coreSide, compare, tableSpec, type Diff, type TableSpec } from './edgesCases';

/** Core against HyperFormula for one table (the cells in `fixed` cleared first). */
function differences(t: TableSpec, fixed?: ReadonlySet<string>) {
  const side = coreSide(t, fixed);
  const ev = evaluatePlan(side.plan);
  const name = side.plan.sheets[0]!.name;
  const diffs: Diff[] = compare(t, side, (row, col) => ev.get(name, cell(row, col)));
  ev.destroy();
  return { diffs, named: side.named, rows: side.rows };
}

const stats = { tables: 0, differing: 0, diffs: 0, rubrics: 0, scales: new Set<ScoreScale>() };
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`edges: ${stats.tables} tables, ${stats.diffs} rows in ${stats.differing} tables where core and the sheet differ, each with a finding at its row; fixing the named cells left none`);
});

describe('one number at the edges: core == the sheet\'s formulas, or a finding at the cell', () => {
  it('every difference has a finding at its row, and fixing the cells Check names leaves none (property)', () => {
    fc.assert(
      fc.property(tableSpec, (t) => {
        stats.tables++;
        stats.scales.add(t.scale);
        stats.rubrics += t.objectives.flatMap((o) => o.krs).filter((k) => k.type === 'rubric').length;
        const { diffs, named, rows } = differences(t);
        // a finding at the row (an objective: at its row or a row of its block)
        expect(diffs.filter((d) => !d.explainedBy.some((r) => rows.has(r))).map((d) => d.what)).toEqual([]);
        if (!diffs.length) return;
        stats.differing++;
        stats.diffs += diffs.length;
        // …at the cell: clear each named cell (trim a named ID) and the sheet and core agree
        expect(differences(t, new Set(named.keys())).diffs.map((d) => d.what)).toEqual([]);
      }),
      { numRuns: 30, seed: 20261201 },
    );
    // the property can fail: these tables do have rows where the two differ before the fix
    expect(stats.diffs).toBeGreaterThan(5);
    expect(stats.differing).toBeGreaterThan(3);
    // …and cover rubric KRs and every score scale
    expect(stats.rubrics).toBeGreaterThan(5);
    expect([...stats.scales].sort()).toEqual(['0-1', '0-100', 'percent']);
  }, 240_000);

  // the sheet side, where it is the one that reads a cell unlike what the user meant (for the lead / FORM):
  it.todo('sheet formulas: an objective compares its KRs\' IDs untrimmed (` O1.KR2` counts for no objective, `O1 ` finds none of its KRs) while core trims IDs; today lint id-spaces names the cell — TRIM() around the ID in the objective formulas would make the sheet read what core reads');
  it.todo('sheet formulas: a checkbox (TRUE) in Start is read as 1 by N(), TRUE in Target as no number (ISNUMBER); core follows the sheet and lint names the cell — reading both as no number (ISNUMBER for Start too) would be the plainer rule');
  it.todo('Due holding ISO-looking TEXT (`2026-10-20` in a text cell): the sheet sees no date (no overdue), core sees the date — a snapshot gives both as `2026-10-20`; needs the shells to mark date cells');
});
