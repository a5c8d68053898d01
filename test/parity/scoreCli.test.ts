/**
 * "One number" (issue 10, must show): for the same workbook, `okr-sheets score FILE --json` gives
 * every KR and objective the Progress and Score that the sheet's own formulas compute after
 * recalculation — HyperFormula always (the in-memory workbook, read back through takeSnapshot),
 * LibreOffice where `soffice` is installed (its recalculated file, read through snapshotFromXlsx).
 * Where they cannot agree (text typed into a number cell), Check has a finding at that row.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KrType } from '../../src/core/model';
import { buildOkrSheetPlanFromRows, type OkrSheetRow } from '../../src/core/plan/okrSheet';
import type { WorkbookPlan } from '../../src/core/plan/types';
import { readSnapshot, type WorkbookSnapshot } from '../../src/core/snapshot';
import { checkWorkbook } from '../../src/core/tasks/check';
import { snapshotFromXlsx } from '../../src/local/snapshot';
import { createLocalApp } from '../../src/local/workbook';
import { exportXlsx } from '../../src/local/xlsx/export';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { cli, tempDir } from '../cli/xlsx-helpers';
import { findSoffice, recalcWithLibreOffice } from '../helpers/libreoffice';
import { rng } from '../helpers/rng';

const AS_OF = '2026-11-15';

/** Objectives of 1–4 KRs of every type: blanks, decreases, over-target, milestones, a few
 *  texts in number cells, self-scores, weights, rows without an ID. */
export function randomPlan(seed: number, objectives: number): WorkbookPlan {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = (lo: number, hi: number) => Math.round((lo + r() * (hi - lo)) * 10) / 10;
  const rows: OkrSheetRow[] = [];
  for (let o = 1; o <= objectives; o++) {
    rows.push({ id: `O${o}`, type: 'objective', title: `Objective ${o}`, owner: 'Ann', source: 'bottomUp', agreed: true });
    const k = 1 + Math.floor(r() * 4);
    const weighted = r() < 0.3;
    for (let i = 1; i <= k; i++) {
      const type: KrType = pick(['increase', 'increase', 'decrease', 'atLeast', 'atMost', 'milestone'] as const);
      const row: OkrSheetRow = { id: `O${o}.KR${i}`, type, title: `KR ${o}.${i}`, owner: 'Ann', due: '2026-12-20', agreed: true };
      if (type === 'milestone') row.current = pick([true, false, 0.7, null]);
      else {
        const start = n(0, 50);
        const target = type === 'decrease' || type === 'atMost' ? n(0, start) : n(start + 1, 150);
        row.start = start;
        row.target = target;
        row.current = r() < 0.15 ? null : r() < 0.08 ? `${Math.round(n(1, 9))}万` : n(-10, 170);
      }
      if (weighted) row.weight = 1 / k;
      if (r() < 0.1) row.selfScore = pick([0.3, 0.7, 1]);
      rows.push(row);
    }
    if (r() < 0.2) rows.push({ id: '', type: 'increase', title: '', current: n(0, 100) }); // a stray value
  }
  const sheet = buildOkrSheetPlanFromRows({
    lang: 'en',
    header: { unit: 'Parity', level: 'team', owner: 'Ann', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: '', asOf: AS_OF },
    rows,
    spareRows: 3,
    settingsSheetName: null,
  });
  return { sheets: [sheet] };
}

interface SheetNumbers {
  progress: Map<string, unknown>;
  score: Map<string, unknown>;
}

/** What the sheet shows in its Progress and Score columns, by row ID. */
function sheetNumbers(snapshot: WorkbookSnapshot): SheetNumbers {
  const model = readSnapshot(snapshot);
  const { read } = model.okr[0]!;
  const s = snapshot.sheets.find((x) => x.name === model.okr[0]!.sheet)!;
  const out: SheetNumbers = { progress: new Map(), score: new Map() };
  for (const row of read.table.rows) {
    if (!row.id) continue;
    const line = s.values[read.rowIndexes[row.index]!]!;
    out.progress.set(row.id, line[read.columns.progress!]);
    out.score.set(row.id, line[read.columns.score!]);
  }
  return out;
}

type CliScore = { sheets: Array<{ krs: Array<{ id: string; row: number; progress: number; score: number }>; objectives: Array<{ id: string; progress: number; score: number }> }> };

/** Every KR and objective agrees with the sheet, or Check reports a finding on that row. */
function expectAgreement(cliJson: CliScore, sheet: SheetNumbers, flaggedRows: Set<number>, engine: string): number {
  const u = cliJson.sheets[0]!;
  let compared = 0;
  const disagree: string[] = [];
  const same = (a: number, b: unknown) => typeof b === 'number' && Math.abs(a - b) < 1e-9;
  for (const k of u.krs) {
    if (same(k.progress, sheet.progress.get(k.id)) && same(k.score, sheet.score.get(k.id))) compared++;
    else if (!flaggedRows.has(k.row)) disagree.push(`${engine} ${k.id}: cli ${k.progress}/${k.score}, sheet ${String(sheet.progress.get(k.id))}/${String(sheet.score.get(k.id))}`);
  }
  for (const o of u.objectives) {
    if (same(o.progress, sheet.progress.get(o.id)) && same(o.score, sheet.score.get(o.id))) compared++;
    else disagree.push(`${engine} ${o.id}: cli ${o.progress}/${o.score}, sheet ${String(sheet.progress.get(o.id))}/${String(sheet.score.get(o.id))}`);
  }
  expect(disagree).toEqual([]);
  return compared;
}

let dir: string;
let plan: WorkbookPlan;
let xlsx: Buffer;
let cliJson: CliScore;
let flaggedRows: Set<number>;

beforeAll(async () => {
  dir = tempDir();
  plan = randomPlan(20261115, 24);
  xlsx = await exportXlsx(plan);
  writeFileSync(join(dir, 'parity.xlsx'), xlsx);
  const r = await cli(dir, 'score', 'parity.xlsx', '--json');
  expect(r.code, r.err).toBe(0);
  cliJson = JSON.parse(r.out) as CliScore;
  // rows Check reports a finding on (a cell the sheet cannot read as the user meant)
  const model = readSnapshot(await snapshotFromXlsx(xlsx, { asOf: AS_OF }));
  const [check] = checkWorkbook(model, { lang: 'en' });
  const { read } = model.okr[0]!;
  const rowOfA1 = new Map(read.rowIndexes.map((v, i) => [v + 1, i]));
  flaggedRows = new Set(
    check!.findings.filter((f) => f.ruleId !== 'stale-kr' && f.a1).map((f) => rowOfA1.get(Number(/\d+$/.exec(f.a1!)![0]))).filter((x): x is number => x !== undefined),
  );
}, 120_000);

describe('okr-sheets score --json equals the sheet after recalculation', () => {
  it('HyperFormula (the in-memory workbook, read through takeSnapshot)', () => {
    const local = createLocalApp({ plan });
    const numbers = sheetNumbers(takeSnapshot(local.ctx('en'), { asOf: AS_OF }));
    const compared = expectAgreement(cliJson, numbers, flaggedRows, 'HyperFormula');
    const krs = cliJson.sheets[0]!.krs;
    // most rows are compared, not excused; the numbers are not all 0 or 1
    expect(flaggedRows.size).toBeLessThan(krs.length / 4);
    expect(compared).toBeGreaterThan(krs.length - flaggedRows.size);
    expect(krs.filter((k) => k.progress > 0 && k.progress < 1).length).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it.skipIf(!findSoffice())('LibreOffice (its recalculated file, read through snapshotFromXlsx)', async () => {
    const recalculated = await recalcWithLibreOffice(xlsx, { timeoutMs: 300_000 });
    const numbers = sheetNumbers(await snapshotFromXlsx(recalculated, { asOf: AS_OF }));
    const compared = expectAgreement(cliJson, numbers, flaggedRows, 'LibreOffice');
    expect(compared).toBeGreaterThan(cliJson.sheets[0]!.krs.length);
  }, 330_000);
});
