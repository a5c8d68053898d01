/**
 * Reads per task (design §6, issue 10): every task starts from one snapshot, so the spreadsheet
 * service calls of Check, listKrs and the sidebar context are the same for a 400-KR and a
 * 4,000-KR workbook (one read per sheet, one metadata finder call). Also the core tasks' time on
 * 40,000 KRs (score used to be quadratic in the CLI: 19 s).
 *
 *   npm run bench -- snapshot
 */
import { readSnapshot } from '../src/core/snapshot';
import { checkWorkbook } from '../src/core/tasks/check';
import { scoreWorkbook } from '../src/core/tasks/score';
import { checkSheet, getContextInfo, listKrs } from '../src/addon/actions/check';
import { createLocalApp, type LocalWorkbook } from '../src/local/workbook';
import { applyWorkbookPlan } from '../src/sheets/applyPlan';
import { takeSnapshot } from '../src/sheets/snapshot';
import { bigOkrPlan, sampleWorkbookPlan } from '../test/sheets/fixtures';
import { manyKrs, okrGrid, snapshotOf } from '../test/core/tasks/grid';

const BIG = 'OKR Big 2026-Q4';

function workbook(krs: number): LocalWorkbook {
  const local = createLocalApp({ formulas: 'store' });
  applyWorkbookPlan(local.ctx('en'), { sheets: [...sampleWorkbookPlan('en').sheets, bigOkrPlan(krs)] });
  local.calls.reset();
  return local;
}

export async function run() {
  const figures: { name: string; value: number; unit: string; budget?: number; note?: string }[] = [];
  const sizes = [400, 4000];
  const calls = new Map<string, number[]>();
  let sheetCount = 0;
  for (const n of sizes) {
    const local = workbook(n);
    const ctx = local.ctx('en');
    sheetCount = local.ss.getNumSheets();
    local.calls.reset();
    const tasks: Array<[string, () => unknown]> = [
      ['takeSnapshot (every sheet)', () => takeSnapshot(ctx, { asOf: '2026-11-15' })],
      ['Check (checkSheet)', () => checkSheet(ctx, { sheet: BIG })],
      ['listKrs', () => listKrs(ctx, { sheet: BIG })],
      ['sidebar context (getContextInfo)', () => getContextInfo(ctx)],
    ];
    for (const [name, fn] of tasks) {
      const m = local.calls.measure(fn);
      calls.set(name, [...(calls.get(name) ?? []), m.calls]);
    }
  }
  for (const [name, [small, big]] of calls) {
    figures.push({
      name: `${name}: service calls, ${sizes[1]!.toLocaleString('en')} KRs`,
      value: big!,
      unit: 'calls',
      // constant in rows: the big workbook may not cost more than the small one
      budget: small!,
      note: `${small} calls at ${sizes[0]} KRs; ${sheetCount} sheets`,
    });
  }

  // core tasks on 40,000 KRs (no spreadsheet: pure functions of the model)
  const values = okrGrid('Big', manyKrs(40_000));
  let t = performance.now();
  const model = readSnapshot(snapshotOf([{ name: 'Big', values }]));
  figures.push({ name: 'readSnapshot, 40,000 KRs', value: performance.now() - t, unit: 'ms' });
  t = performance.now();
  const units = scoreWorkbook(model);
  figures.push({ name: 'score task, 40,000 KRs', value: performance.now() - t, unit: 'ms', note: `${units[0]!.objectives.length} objectives` });
  t = performance.now();
  const checked = checkWorkbook(model, { lang: 'en' });
  figures.push({ name: 'check task, 40,000 KRs', value: performance.now() - t, unit: 'ms', note: `${checked[0]!.findings.length} findings` });
  return figures;
}
