/**
 * The edges property (edges.test.ts) in LibreOffice, where `soffice` is installed: the same kind
 * of random tables with odd cells, exported to xlsx (text cells stay text, TRUE/FALSE booleans,
 * dates as dates), recalculated by LibreOffice in one conversion, read back. Each table is in the
 * workbook twice — as typed, and with the cells Check names cleared — so one conversion proves
 * both halves: every row where LibreOffice and core differ has a finding at its row, and the
 * fixed copy has no difference at all.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHEET_NAMES } from '../../src/core/labels';
import type { SheetPlan } from '../../src/core/plan/types';
import { exportXlsx } from '../../src/local/xlsx/export';
import { importXlsxDetailed, type CachedValue } from '../../src/local/xlsx/import';
import { findSoffice, recalcWithLibreOffice } from '../helpers/libreoffice';
import { compare, coreSide, tableSpec, type Diff, type TableSpec } from './edgesCases';

const soffice = findSoffice();
const TABLES = 24;

describe.skipIf(!soffice)('one number at the edges, in LibreOffice', () => {
  // one Settings sheet for all: English, cap 120 %, 0-1 (the other settings are HyperFormula's part)
  const tables: TableSpec[] = fc.sample(tableSpec, { numRuns: TABLES, seed: 16 }).map((t) => ({ ...t, lang: 'en', cap: 1.2, scale: '0-1' }));
  const runs: { t: TableSpec; asTyped: ReturnType<typeof coreSide>; fixed: ReturnType<typeof coreSide>; cached: Map<string, CachedValue>[] }[] = [];

  beforeAll(async () => {
    const sheets: SheetPlan[] = [];
    for (const [i, t] of tables.entries()) {
      const asTyped = coreSide(t, undefined, 'xlsx');
      const fixed = coreSide(t, new Set(asTyped.named.keys()), 'xlsx');
      asTyped.plan.sheets[0]!.name = `T${i}`;
      fixed.plan.sheets[0]!.name = `F${i}`;
      sheets.push(asTyped.plan.sheets[0]!, fixed.plan.sheets[0]!);
      runs.push({ t, asTyped, fixed, cached: [] });
    }
    const settings = runs[0]!.asTyped.plan.sheets[1]!;
    expect(settings.name).toBe(SHEET_NAMES.settings.en);
    const back = await importXlsxDetailed(await recalcWithLibreOffice(await exportXlsx({ sheets: [...sheets, settings] })));
    runs.forEach((r, i) => (r.cached = [back.cached[2 * i]!, back.cached[2 * i + 1]!]));
  }, 300_000);

  it('every difference has a finding at its row; with the named cells cleared, none is left', () => {
    let differing = 0;
    const unexplained: string[] = [];
    const leftAfterFix: string[] = [];
    for (const r of runs) {
      const get = (m: Map<string, CachedValue>) => (row: number, col: number) => {
        const v = m.get(`${row - 1},${col - 1}`);
        return v === undefined ? null : v;
      };
      const diffs: Diff[] = compare(r.t, r.asTyped, get(r.cached[0]!));
      if (diffs.length) differing++;
      unexplained.push(...diffs.filter((d) => !d.explainedBy.some((x) => r.asTyped.rows.has(x))).map((d) => d.what));
      leftAfterFix.push(...compare(r.t, r.fixed, get(r.cached[1]!)).map((d) => d.what));
    }
    expect(unexplained.slice(0, 6)).toEqual([]);
    expect(leftAfterFix.slice(0, 6)).toEqual([]);
    expect(differing).toBeGreaterThan(2);
  });
});
