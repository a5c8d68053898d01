/**
 * "One number" (issue 10: "the alignment map says 3% where the dashboard says 0%"): for one
 * workbook — a KR with text typed into Current (`180万`), a stray value on a row without an ID,
 * a decrease KR, an over-achieving KR under a 120% cap from Settings, and a team aligned to the
 * company — the Alignment map the add-on writes shows, for every objective, the progress that
 *   - the sheet's own Progress formula computes (HyperFormula, the in-memory workbook),
 *   - `okr-sheets score --json` prints,
 * and each unit's mean of those equals the Dashboard's average progress.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import { buildOkrSheetPlanFromRows, type OkrHeaderValues, type OkrSheetRow } from '../../src/core/plan/okrSheet';
import { buildSettingsPlan } from '../../src/core/plan/supportSheets';
import type { WorkbookPlan } from '../../src/core/plan/types';
import { readSnapshot, type WorkbookSnapshot } from '../../src/core/snapshot';
import { createLocalApp } from '../../src/local/workbook';
import { exportXlsx } from '../../src/local/xlsx/export';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { cli, tempDir } from '../cli/xlsx-helpers';

const AS_OF = '2026-11-15';
const SETTINGS = 'Settings';

const header = (unit: string, alignedTo: string): OkrHeaderValues => ({
  unit, level: alignedTo ? 'team' : 'company', owner: 'Ann', cycle: '2026-Q4',
  cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo, asOf: AS_OF,
});
const kr = (id: string, type: OkrSheetRow['type'], start: number, target: number | string, current: number | string | null): OkrSheetRow =>
  ({ id, type, title: `KR ${id}`, owner: 'Ann', due: '2026-12-20', start, target, current });

function workbookPlan(): WorkbookPlan {
  const company: OkrSheetRow[] = [
    { id: 'O1', type: 'objective', title: 'Grow revenue', owner: 'Ann' },
    // text typed into a number cell: the sheet reads no number here, so neither may the map
    kr('O1.KR1', 'increase', 0, 5000000, '180万'),
    kr('O1.KR2', 'increase', 0, 100, 40),
    { id: 'O2', type: 'objective', title: 'Keep people', owner: 'Ann' },
    kr('O2.KR1', 'decrease', 20, 8, 14),
    kr('O2.KR2', 'increase', 0, 10, 13), // over target: counts up to the 120% cap
    // a stray value below the table, no ID: not a KR of O2 in the sheet, nor anywhere
    { id: '', type: 'increase', title: '', current: 3 },
  ];
  const team: OkrSheetRow[] = [
    { id: 'O1', type: 'objective', title: 'Win the east', owner: 'Bo', alignsTo: 'Company/O1' },
    kr('O1.KR1', 'atMost', 0, 5, 4),
    kr('O1.KR2', 'increase', 100, 200, 130),
  ];
  const okr = (name: string, rows: OkrSheetRow[], alignedTo: string) =>
    buildOkrSheetPlanFromRows({ lang: 'en', sheetName: name, header: header(name, alignedTo), rows, spareRows: 2, settingsSheetName: SETTINGS });
  return {
    sheets: [
      okr('Company', company, ''),
      okr('Team', team, 'Company'),
      buildSettingsPlan({
        lang: 'en', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', sheetName: SETTINGS,
        settings: { progressCap: 1.2 },
      }),
    ],
  };
}

/** The sheet's Progress column (its formulas' results), by `Unit/ID`, for objective rows. */
function sheetObjectiveProgress(snapshot: WorkbookSnapshot): Map<string, unknown> {
  const model = readSnapshot(snapshot);
  const out = new Map<string, unknown>();
  for (const o of model.okr) {
    const values = snapshot.sheets.find((s) => s.name === o.sheet)!.values;
    for (const row of o.read.table.rows) {
      if (row.type !== 'objective' || !row.id) continue;
      out.set(`${o.sheet}/${row.id}`, values[o.read.rowIndexes[row.index]!]![o.read.columns.progress!]);
    }
  }
  return out;
}

interface MapLine { unit: string; id: string; progress: unknown; own: unknown }

/** The Alignment map sheet as written: each objective line (`◆ O1 title`) under its unit line
 *  (`■ Unit`), with the Rolled-up progress (D) and Own KRs (F) cells. */
function alignmentMapLines(snapshot: WorkbookSnapshot): MapLine[] {
  const sheet = snapshot.sheets.find((s) => s.metaRole === 'alignment');
  expect(sheet, 'an Alignment map sheet').toBeDefined();
  const out: MapLine[] = [];
  let unit = '';
  for (const line of sheet!.values) {
    const name = String(line[0] ?? '').trim();
    if (name.startsWith('■ ')) unit = name.slice(2);
    else if (name.startsWith('◆ ')) out.push({ unit, id: name.slice(2).split(' ')[0]!, progress: line[3], own: line[5] });
  }
  return out;
}

type CliScore = { sheets: Array<{ sheet: string; objectives: Array<{ id: string; progress: number }> }> };

let snapshot: WorkbookSnapshot;
let cliJson: CliScore;
let dashboard: Array<{ unit: string; avgProgress: number }>;

beforeAll(async () => {
  const plan = workbookPlan();
  const local = createLocalApp({ plan });
  const ctx = local.ctx('en');
  const call = (m: string, p: unknown) => dispatch(m, p, () => ctx, 'en');
  expect(call('generateAlignmentMap', { mode: 'both' }).ok).toBe(true);
  const d = call('generateDashboard', { asOf: AS_OF });
  expect(d.ok).toBe(true);
  snapshot = takeSnapshot(ctx, { asOf: AS_OF });
  // the dashboard's numbers, from the same core task its sheet is written from
  const { dashboardTask } = await import('../../src/core/tasks/dashboard');
  dashboard = dashboardTask(readSnapshot(snapshot), { asOf: AS_OF }).data.units;

  const dir = tempDir();
  writeFileSync(join(dir, 'align.xlsx'), await exportXlsx(plan));
  const r = await cli(dir, 'score', 'align.xlsx', '--json', '--as-of', AS_OF);
  expect(r.code, r.err).toBe(0);
  cliJson = JSON.parse(r.out) as CliScore;
}, 120_000);

describe('the Alignment map shows the number the sheet, the dashboard and `score` show', () => {
  it('every objective: Own KRs == the sheet Progress formula (HyperFormula) == score --json', () => {
    const sheet = sheetObjectiveProgress(snapshot);
    const lines = alignmentMapLines(snapshot);
    expect(lines.map((l) => `${l.unit}/${l.id}`).sort()).toEqual([...sheet.keys()].sort());
    const cli = new Map<string, number>(cliJson.sheets.flatMap((s) => s.objectives.map((o) => [`${s.sheet}/${o.id}`, o.progress] as [string, number])));
    for (const l of lines) {
      const key = `${l.unit}/${l.id}`;
      const formula = sheet.get(key);
      expect(typeof formula, `${key}: the sheet computes a number`).toBe('number');
      expect(l.own, `${key}: map Own KRs vs the sheet`).toBeCloseTo(formula as number, 9);
      expect(cli.get(key), `${key}: score --json vs the sheet`).toBeCloseTo(formula as number, 9);
    }
    // the workbook exercises what used to differ: text in Current counts as no number (O1 is
    // KR2's 40% alone, halved), the stray row is no KR, the cap lets O2 pass 100% of one KR
    expect(sheet.get('Company/O1')).toBeCloseTo(0.2, 9);
    expect(sheet.get('Company/O2')).toBeCloseTo((0.5 + 1.2) / 2, 9);
  });

  it('an objective with nothing aligned under it shows its own progress as its rolled-up figure', () => {
    const sheet = sheetObjectiveProgress(snapshot);
    const leaves = alignmentMapLines(snapshot).filter((l) => !(l.unit === 'Company' && l.id === 'O1'));
    expect(leaves.length).toBe(2);
    for (const l of leaves) expect(l.progress, `${l.unit}/${l.id}`).toBeCloseTo(sheet.get(`${l.unit}/${l.id}`) as number, 9);
    // Company/O1 has Team/O1 aligned under it: half its own, half the child's (mode 'both')
    const own = sheet.get('Company/O1') as number, child = sheet.get('Team/O1') as number;
    const o1 = alignmentMapLines(snapshot).find((l) => l.unit === 'Company' && l.id === 'O1')!;
    expect(o1.progress).toBeCloseTo(0.5 * own + 0.5 * child, 9);
  });

  it("each unit: the mean of the map's Own KRs == the Dashboard's average progress", () => {
    const lines = alignmentMapLines(snapshot);
    expect(dashboard.map((u) => u.unit).sort()).toEqual(['Company', 'Team']);
    for (const u of dashboard) {
      const own = lines.filter((l) => l.unit === u.unit).map((l) => l.own as number);
      expect(own.length).toBeGreaterThan(0);
      expect(own.reduce((a, b) => a + b, 0) / own.length, u.unit).toBeCloseTo(u.avgProgress, 9);
    }
  });
});
