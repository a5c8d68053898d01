/**
 * The Evaluation sheet's native formulas equal the core reader on randomly filled sheets:
 * HyperFormula on every seed, LibreOffice (when installed) on a workbook of several seeds.
 */
import { describe, expect, it } from 'vitest';
import { readEvaluationValues, type EvaluationRead } from '../../src/core/evaluation';
import { RELATIONS } from '../../src/core/evaluation/labels';
import { RELATION_RESULT_COL, RESULT_COL } from '../../src/core/evaluation/layout';
import type { SheetPlan } from '../../src/core/plan/types';
import { snapshotFromXlsx } from '../../src/local/snapshot';
import { exportXlsx } from '../../src/local/xlsx/export';
import { evaluatePlan } from '../helpers/hfPlan';
import { findSoffice, recalcWithLibreOffice } from '../helpers/libreoffice';
import { fillRandomly, plan } from './fixtures';

const blankish = (v: unknown) => v === null || v === undefined || v === '';

/** Compares every formula cell of the results block with the core's numbers; returns how many
 *  numbers were compared (so a test can insist the comparison was not vacuous). */
function expectAgreement(values: readonly (readonly unknown[])[], core: EvaluationRead, what: string): number {
  let compared = 0;
  const near = (cellValue: unknown, want: number | null, label: string) => {
    if (want === null) {
      expect(blankish(cellValue), `${what} ${label}: ${String(cellValue)} should be blank`).toBe(true);
      return;
    }
    expect(typeof cellValue, `${what} ${label}: ${String(cellValue)}`).toBe('number');
    expect(cellValue as number, `${what} ${label}`).toBeCloseTo(want, 9);
    compared++;
  };
  for (const r of core.results) {
    const line = values[r.row - 1] ?? [];
    for (const rel of RELATIONS) near(line[RELATION_RESULT_COL[rel] - 1], r.relations[rel], `${r.person} ${rel}`);
    near(line[RESULT_COL.result - 1], r.result, `${r.person} result`);
    near(line[RESULT_COL.overall - 1], r.overall, `${r.person} overall`);
    near(line[RESULT_COL.answered - 1], r.answered, `${r.person} answered`);
    near(line[RESULT_COL.missing - 1], r.missing.length, `${r.person} missing`);
  }
  return compared;
}

function hfValues(p: SheetPlan): unknown[][] {
  const ev = evaluatePlan({ sheets: [p] });
  try {
    const raw = ev.hf.getSheetValues(ev.hf.getSheetId(p.name)!);
    return raw.map((row) => row.map((v) => (v !== null && typeof v === 'object' ? { error: String((v as { value?: unknown }).value) } : v)));
  } finally {
    ev.destroy();
  }
}

describe('360 results: native formulas == core', () => {
  it('HyperFormula, 40 random fillings (en and zh-CN)', () => {
    let compared = 0;
    let partial = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const p = fillRandomly(plan(seed % 2 ? 'en' : 'zh-CN'), seed);
      const values = hfValues(p);
      const core = readEvaluationValues(p.name, values);
      expect(core, `seed ${seed}`).not.toBeNull();
      expect(core!.results.map((r) => r.person)).toEqual(["Alice", "Bob", "Carol", "Hua", "Dan", "Eve", "Wen"]);
      compared += expectAgreement(values, core!, `seed ${seed}`);
      partial += core!.results.filter((r) => r.result !== null && r.missing.length > 0).length;
    }
    // not vacuous: many numbers compared, and many people with some answers missing
    expect(compared).toBeGreaterThan(40 * 7 * 3);
    expect(partial).toBeGreaterThan(40);
  });

  it.skipIf(!findSoffice())('LibreOffice, 6 random fillings in one workbook', async () => {
    const sheets = [11, 12, 13, 14, 15, 16].map((seed, i) => {
      const p = fillRandomly(plan(i % 2 ? 'zh-CN' : 'en'), seed);
      return { ...p, name: `${p.name} ${seed}` };
    });
    const recalculated = await recalcWithLibreOffice(await exportXlsx({ sheets }), { timeoutMs: 300_000 });
    const snap = await snapshotFromXlsx(recalculated);
    let compared = 0;
    for (const p of sheets) {
      const s = snap.sheets.find((x) => x.name === p.name)!;
      expect(s.metaRole).toBe('evaluation');
      const core = readEvaluationValues(s.name, s.values)!;
      compared += expectAgreement(s.values, core, `LibreOffice ${p.name}`);
    }
    expect(compared).toBeGreaterThan(6 * 7 * 3);
  }, 330_000);
});
