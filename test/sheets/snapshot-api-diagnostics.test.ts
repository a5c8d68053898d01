/**
 * Run diagnostics' "the snapshot read through the Sheets API equals the SpreadsheetApp one"
 * (src/addon/diagnostics/snapshotPaths.ts): it passes on the in-memory workbook in both
 * languages, and fails — naming the cells — when the API read loses the date formats.
 */
import { describe, expect, it } from 'vitest';
import { fixturePlan } from '../../src/addon/diagnostics/fixture';
import { runDiagnostics } from '../../src/addon/diagnostics/run';
import { SCOPE_USES } from '../../src/addon/diagnostics/scopes';
import { compareSnapshotPaths } from '../../src/addon/diagnostics/snapshotPaths';
import { createLocalApp } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import type { SheetsApiLike } from '../../src/sheets/batch/apply';

describe('diagnostics: snapshot-paths-agree', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    it(`passes in the whole run with the Sheets API (${lang})`, () => {
      const local = createLocalApp({ lang });
      const r = runDiagnostics({ ...local.ctx(lang), sheetsApi: local.sheetsApi }, { grantedScopes: () => SCOPE_USES.map((s) => s.scope) });
      const c = r.checks.find((x) => x.id === 'snapshot-paths-agree');
      expect(c?.status, c?.detail).toBe('pass');
      expect(c!.detail).toMatch(lang === 'en' ? /^2 scratch sheets, \d+ cells/ : /^2 个临时工作表、\d+ 个单元格/);
    });
  }

  it('is left out without the Sheets API (one path only)', () => {
    const local = createLocalApp({ lang: 'en' });
    const r = runDiagnostics(local.ctx('en'), { grantedScopes: () => SCOPE_USES.map((s) => s.scope) });
    expect(r.checks.some((x) => x.id === 'snapshot-paths-agree')).toBe(false);
  });

  it('fails, naming the cells, when the API read drops the date formats', () => {
    const local = createLocalApp({ lang: 'en' });
    const [name] = applyWorkbookPlan(local.ctx('en'), { sheets: [fixturePlan('en', 'Scratch')] });
    const api = local.sheetsApi;
    const noFormats: SheetsApiLike = {
      batchUpdate: api.batchUpdate.bind(api),
      get: (id, args) => {
        const got = api.get(id, args);
        for (const s of got.sheets ?? []) for (const g of s.data ?? []) for (const r of g.rowData ?? []) for (const c of r.values ?? []) delete c.effectiveFormat;
        return got;
      },
    };
    const sheet = local.ss.getSheetByName(name!)!;
    const zone = local.ss.getSpreadsheetTimeZone();
    expect(compareSnapshotPaths(api, local.ss, zone, [{ sheet, name: name! }]).ok).toBe(true);
    const bad = compareSnapshotPaths(noFormats, local.ss, zone, [{ sheet, name: name! }]);
    expect(bad.ok).toBe(false);
    expect(bad.seen.en).toMatch(/Scratch!\w+\d+ values: \d+ ≠ "\d{4}-\d{2}-\d{2}"/);
  });
});
