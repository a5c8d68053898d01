/**
 * Run diagnostics on the in-memory workbook (`npm run bench -- diagnostics`): the service calls it
 * makes — with the Sheets API (the template applied by one batchUpdate, again through
 * SpreadsheetApp, the two compared, the colours read) and without it — and its wall time here.
 * On Google Sheets every call is a round trip, so the call count is what predicts the real run's
 * time (the report's own timings show it there). Tests assert the counts; timings live here only.
 */
import { performance } from 'node:perf_hooks';
import { createLocalApp } from '../src/local/workbook';
import { runDiagnostics } from '../src/addon/diagnostics/run';
import { SCOPE_USES } from '../src/addon/diagnostics/scopes';
import { setSheetTimeZone } from '../src/sheets/dates';

const RUNS = 5;

function once(api: boolean): { calls: number; ms: number; failed: number } {
  const local = createLocalApp({ lang: 'en' });
  setSheetTimeZone(local.ss.getSpreadsheetTimeZone());
  const ctx = api ? { ...local.ctx('en'), sheetsApi: local.sheetsApi } : local.ctx('en');
  const t = performance.now();
  const m = local.calls.measure(() => runDiagnostics(ctx, { grantedScopes: () => SCOPE_USES.map((s) => s.scope) }));
  const ms = performance.now() - t;
  setSheetTimeZone(null);
  return { calls: m.calls, ms, failed: m.result.failed };
}

export async function run() {
  return [true, false].flatMap((api) => {
    const runs = Array.from({ length: RUNS }, () => once(api));
    if (runs.some((r) => r.failed > 0)) throw new Error('diagnostics failed on the in-memory workbook');
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    const label = api ? 'with the Sheets API' : 'SpreadsheetApp only';
    return [
      { name: `Run diagnostics ${label}: service calls`, value: runs[0]!.calls, unit: 'calls', note: api ? 'incl. 3 Sheets.Spreadsheets.get (plan look-up, template colours, probe colours) + 1 batchUpdate' : 'no second scratch sheet, no comparison, no colour reads' },
      { name: `Run diagnostics ${label}: in-memory wall time (median of ${RUNS})`, value: Math.round(ms), unit: 'ms' },
    ];
  });
}
