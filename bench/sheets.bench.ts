/**
 * The sheets layer on the in-memory workbook: applying a 5,000-KR OKR sheet plan and reading it
 * back (time and spreadsheet service calls), and a template insert with formulas evaluated.
 *
 * The 5,000-KR sheet is applied twice: with `formulas: 'store'` (formula text kept, not
 * evaluated: the sheets layer alone) and with every formula evaluated by HyperFormula. Each
 * objective's formulas scan its own block and the share of the cycle elapsed sits in one header
 * cell, so evaluation grows linearly with the rows (before, every objective scanned to the end
 * of the table and 2,000 rows did not evaluate within a minute). Service calls are the same.
 *
 * Both ways of applying a plan on the real platform (issue 16 §5): SpreadsheetApp (≈ 20 calls a
 * sheet) and the Sheets API's batchUpdate (src/sheets/batch: getId + spreadsheets.get + one
 * batchUpdate per body of ≤ 2 MB, then the new sheet activated) — calls per action: a template
 * inserted; a review, a dashboard (with its chart) and the alignment map generated and then
 * regenerated in place (src/sheets/batch/owned.ts: one get of that sheet + one batchUpdate) on a
 * workbook of 2 and of 30 units; and the requests and body sizes of a 40 / 400 / 4,000-KR sheet.
 * Each action's calls include its snapshot (given in the note; on the batchUpdate path it is read
 * through the Sheets API too: src/sheets/batch/snapshotRead.ts, the snapshot rows below).
 */
import { buildOkrSheetPlanFromRows, buildWorkbookPlan, type OkrSheetRow } from '../src/core/plan/okrSheet';
import { getRole, parentOf } from '../src/core/templates';
import { createLocalApp } from '../src/local/workbook';
import { applyWorkbookPlan, planCallEstimate } from '../src/sheets/applyPlan';
import { readSnapshot } from '../src/core/snapshot';
import { takeSnapshot } from '../src/sheets/snapshot';
import type { WorkbookPlan } from '../src/core/plan/types';
import { buildAlignment } from '../src/core/alignment';
import { buildReview } from '../src/core/review';
import { reviewSheetPlan } from '../src/core/plan/reviewSheet';
import { buildDashboard, dashboardSheetPlan } from '../src/core/plan/dashboardSheet';
import { planBatch } from '../src/sheets/batch/apply';
import { bodyBytes, splitIntoBodies } from '../src/sheets/batch/requests';
import { beijing, center, checkins, salesSheets } from '../test/review/fixtures';
import { buildActionsPlan, buildCheckInsPlan, buildSettingsPlan } from '../src/core/plan/supportSheets';
import type { OkrTable } from '../src/core/model';
import type { SheetsContext } from '../src/sheets/context';
import { generateAlignmentMap, generateDashboard, generateReview } from '../src/sheets/review';

const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

function bigPlan(krs: number) {
  const rows: OkrSheetRow[] = [];
  for (let o = 1; rows.length < krs + krs / 4; o++) {
    rows.push({ id: `O${o}`, type: 'objective', title: `Objective ${o}`, owner: 'Ann', source: 'bottomUp', agreed: true });
    for (let k = 1; k <= 4; k++) {
      rows.push({ id: `O${o}.KR${k}`, type: 'increase', title: `Raise metric ${o}.${k} from 10 to 20`, owner: 'Ann', start: 10, target: 20, current: 12, due: '2026-12-15' });
    }
  }
  return buildOkrSheetPlanFromRows({ lang: 'en', header: { unit: 'Big', level: 'team', owner: 'Ann', ...CYCLE, alignedTo: '' }, rows, spareRows: 0, settingsSheetName: null });
}

/** Service calls of one action on each path (lock calls left out: the same on both). */
function callsBothWays(plan: WorkbookPlan, lang: 'en' | 'zh-CN') {
  const a = createLocalApp({ lang, formulas: 'store' });
  const viaApp = a.calls.measure(() => applyWorkbookPlan({ ...a.ctx(lang), lock: undefined }, plan)).calls;
  const b = createLocalApp({ lang, formulas: 'store' });
  const viaApi = b.calls.measure(() => applyWorkbookPlan({ ...b.ctx(lang), lock: undefined, sheetsApi: b.sheetsApi }, plan));
  return { viaApp, viaApi: viaApi.calls, note: Object.entries(viaApi.counts).map(([k, v]) => `${k} ${v}`).join(', ') };
}

function unitPlan(t: OkrTable, sheetName: string) {
  return buildOkrSheetPlanFromRows({
    lang: 'en', sheetName, spareRows: 3, settingsSheetName: null, header: { ...t.header, asOf: null },
    rows: t.rows.map((r) => ({
      id: r.id, type: r.type, title: r.title, owner: r.owner, alignsTo: r.alignsTo, start: r.start, target: r.target,
      current: r.current, unit: r.unit, weight: r.weight, selfScore: r.selfScore, notes: r.notes,
    })),
  });
}

/** A workbook of `units` OKR sheets (the first the sales center, the others teams under it). */
function unitsWorkbook(units: number, api: boolean) {
  const local = createLocalApp({ lang: 'en', formulas: 'store' });
  const sheets = [unitPlan(center, 'Center')];
  for (let i = 1; i < units; i++) sheets.push(unitPlan({ ...beijing, header: { ...beijing.header, unit: `Team ${i}` } }, `Team ${i}`));
  applyWorkbookPlan(local.ctx('en'), {
    sheets: [...sheets, buildCheckInsPlan('en'), buildActionsPlan('en'), buildSettingsPlan({ lang: 'en', ...CYCLE })],
  }, { sheetsApi: null });
  const ctx: SheetsContext = { ...local.ctx('en'), lock: undefined, ...(api ? { sheetsApi: local.sheetsApi } : {}) };
  return { local, ctx };
}

/** Calls of generating each generated sheet the first time and again (in place), one path. */
function generatedCalls(units: number, api: boolean) {
  const { local, ctx } = unitsWorkbook(units, api);
  const steps: Array<[string, () => unknown, () => unknown]> = [
    ['review', () => generateReview(ctx, { sheet: 'Center', asOf: '2026-11-30' }), () => takeSnapshot(ctx, { asOf: '2026-11-30' })],
    ['dashboard (with its chart)', () => generateDashboard(ctx, { asOf: '2026-11-30' }), () => takeSnapshot(ctx, { asOf: '2026-11-30' })],
    ['alignment map', () => generateAlignmentMap(ctx), () => takeSnapshot(ctx)],
  ];
  return steps.map(([name, act, snap]) => {
    // the snapshot each action takes, measured just before it (the workbook it reads)
    const s1 = local.calls.measure(snap).calls;
    const first = local.calls.measure(act);
    const s2 = local.calls.measure(snap).calls;
    const again = local.calls.measure(act);
    const note = (m: { calls: number }, s: number) => `snapshot ${s} + writing ${m.calls - s}`;
    return { name, first: first.calls, firstNote: note(first, s1), again: again.calls, againNote: note(again, s2) };
  });
}

/** The snapshot alone, each path: every sheet (what Dashboard reads) and one unit (Review). */
function snapshotCalls(units: number) {
  const { local, ctx } = unitsWorkbook(units, true);
  const measure = (opts: Parameters<typeof takeSnapshot>[1]) => {
    const app = local.calls.measure(() => takeSnapshot(ctx, { asOf: '2026-11-30', ...opts, sheetsApi: null }));
    const api = local.calls.measure(() => takeSnapshot(ctx, { asOf: '2026-11-30', ...opts, sheetsApi: ctx.sheetsApi }));
    return { app: app.calls, api: api.calls, apiNote: Object.entries(api.counts).map(([k, v]) => `${k} ${v}`).join(', ') };
  };
  const all = measure({});
  const one = measure({ sheets: ['Center'] });
  return [
    { name: `snapshot, every sheet, ${units} units: service calls via SpreadsheetApp`, value: all.app, unit: 'calls' },
    { name: `snapshot, every sheet, ${units} units: service calls via the Sheets API`, value: all.api, unit: 'calls', budget: 5, note: all.apiNote },
    { name: `snapshot, one unit + support sheets, ${units} units: service calls via SpreadsheetApp`, value: one.app, unit: 'calls' },
    { name: `snapshot, one unit + support sheets, ${units} units: service calls via the Sheets API`, value: one.api, unit: 'calls', budget: 5, note: one.apiNote },
  ];
}

function batchFigures(krs: number) {
  const plan = bigPlan(krs);
  const bp = planBatch({ sheets: [plan] }, { sheets: [] }, {})!;
  const bodies = splitIntoBodies(bp.requests);
  const sizes = bodies.map(bodyBytes);
  return { requests: bp.requests.length, bodies: bodies.length, total: sizes.reduce((x, y) => x + y, 0), largest: Math.max(...sizes), rows: plan.values.length };
}

export async function run() {
  const plan = bigPlan(5000);
  const local = createLocalApp({ formulas: 'store' });
  const ctx = local.ctx('en');
  let t = performance.now();
  const applied = local.calls.measure(() => applyWorkbookPlan(ctx, { sheets: [plan] }));
  const applyMs = performance.now() - t;
  const sheet = local.ss.getSheetByName(applied.result[0]!)!;
  t = performance.now();
  const read = local.calls.measure(() => readSnapshot(takeSnapshot(ctx, { sheets: [sheet.getName()] })).okr[0]);
  const readMs = performance.now() - t;
  if (!read.result) throw new Error('the 5,000-KR sheet did not read back as an OKR table');
  const rowsRead = read.result.read.table.rows.length;

  // the same sheet with every formula evaluated by HyperFormula
  const hf = createLocalApp();
  t = performance.now();
  const evaluated = hf.calls.measure(() => applyWorkbookPlan(hf.ctx('en'), { sheets: [plan] }));
  const evalMs = performance.now() - t;
  const hfSheet = hf.ss.getSheetByName(evaluated.result[0]!)!;
  const progressCol = hfSheet.getRange(6, 1, 1, 20).getValues()[0]!.indexOf('Progress') + 1;
  const firstProgress = hfSheet.getRange(7, progressCol).getValue();
  if (typeof firstProgress !== 'number') throw new Error(`objective progress not computed: ${String(firstProgress)}`);

  // one template, formulas evaluated by HyperFormula (what the playground does)
  const role = getRole('sales', 'regionalTeam');
  const tpl = buildWorkbookPlan({ role, lang: 'zh-CN', ...CYCLE, owner: '王芳', parentRole: parentOf(role) });
  const live = createLocalApp({ lang: 'zh-CN' });
  t = performance.now();
  const ins = live.calls.measure(() => applyWorkbookPlan(live.ctx('zh-CN'), tpl));
  const insertMs = performance.now() - t;

  // both paths, per action
  const doc = buildReview({ table: center, sheet: '销售中心', checkins, asOf: '2026-11-30', month: '2026-11', alignment: buildAlignment(salesSheets) });
  const actions: Array<[string, WorkbookPlan, 'en' | 'zh-CN']> = [
    ['insert template (4 sheets)', tpl, 'zh-CN'],
    ['generate review', { sheets: [reviewSheetPlan(doc)] }, 'zh-CN'],
    ['generate dashboard', { sheets: [dashboardSheetPlan(buildDashboard(salesSheets, checkins, '2026-11-30', { lang: 'en' })).sheet] }, 'en'],
  ];
  const perAction = actions.flatMap(([name, p, lang]) => {
    const c = callsBothWays(p, lang);
    return [
      { name: `${name}: service calls via SpreadsheetApp`, value: c.viaApp, unit: 'calls' },
      // getId, get, batchUpdate; the new sheets placed after the active one (getActiveSheet,
      // getIndex) and activated (getSheetById, activate), as insertSheet leaves them
      { name: `${name}: service calls via batchUpdate`, value: c.viaApi, unit: 'calls', budget: 7, note: c.note },
    ];
  });
  const generated = [2, 30].flatMap((units) => {
    const app = generatedCalls(units, false);
    const api = generatedCalls(units, true);
    return app.flatMap((a, i) => {
      const b = api[i]!;
      return [
        { name: `generate ${a.name}, ${units} units: service calls via SpreadsheetApp`, value: a.first, unit: 'calls', note: a.firstNote },
        { name: `generate ${a.name}, ${units} units: service calls via batchUpdate`, value: b.first, unit: 'calls', note: b.firstNote },
        { name: `regenerate ${a.name} in place, ${units} units: service calls via SpreadsheetApp`, value: a.again, unit: 'calls', note: a.againNote },
        { name: `regenerate ${a.name} in place, ${units} units: service calls via batchUpdate`, value: b.again, unit: 'calls', note: b.againNote },
      ];
    });
  });
  const snapshots = [2, 30].flatMap(snapshotCalls);
  const sizes = [40, 400, 4000].flatMap((n) => {
    const f = batchFigures(n);
    return [
      { name: `batchUpdate of a ${n.toLocaleString('en')}-KR sheet (${f.rows} rows): requests`, value: f.requests, unit: 'requests', note: `${f.bodies} body(ies)` },
      { name: `batchUpdate of a ${n.toLocaleString('en')}-KR sheet: JSON body, all`, value: Math.round(f.total / 1024), unit: 'KB' },
      { name: `batchUpdate of a ${n.toLocaleString('en')}-KR sheet: largest body`, value: Math.round(f.largest / 1024), unit: 'KB', budget: Math.floor(2_000_000 / 1024), note: 'Google recommends ≤ 2 MB a request' },
    ];
  });

  return [
    ...perAction,
    ...generated,
    ...snapshots,
    ...sizes,
    { name: 'apply 5,000-KR sheet plan (6,250 rows, formulas stored)', value: applyMs, unit: 'ms' },
    { name: 'apply 5,000-KR sheet plan: service calls', value: applied.calls, unit: 'calls', note: `= planCallEstimate ${planCallEstimate(plan).total}` },
    { name: 'apply 5,000-KR sheet plan (6,250 rows, formulas evaluated by HyperFormula)', value: evalMs, unit: 'ms', note: `${evaluated.calls} calls; O1 progress ${firstProgress}` },
    { name: 'read back 5,000-KR sheet', value: readMs, unit: 'ms', note: `${rowsRead} rows` },
    { name: 'read back 5,000-KR sheet (takeSnapshot): values reads', value: read.counts.getValues ?? 0, unit: 'reads', budget: 1, note: `${read.calls} service calls in all (names, metadata, time zone)` },
    { name: 'insert template (OKR + 3 support sheets, formulas evaluated)', value: insertMs, unit: 'ms' },
    { name: 'insert template: service calls (4 sheets)', value: ins.calls, unit: 'calls', note: tpl.sheets.map((sp) => planCallEstimate(sp).total).join(' + ') + ' + lookup and lock' },
    // SpreadsheetApp path: design §6's 20 plus one deleteRows trimming a new sheet
    { name: 'insert template: OKR sheet service calls (SpreadsheetApp)', value: planCallEstimate(tpl.sheets[0]!).total, unit: 'calls', budget: 21 },
    ...tpl.sheets.slice(1).map((sp) => ({ name: `insert template: support sheet "${sp.name}" service calls (SpreadsheetApp)`, value: planCallEstimate(sp).total, unit: 'calls', budget: 21 })),
  ];
}
