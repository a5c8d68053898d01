/**
 * Run diagnostics against the in-memory workbook (issue 16 §2): the very routine the menu item
 * runs on a real spreadsheet. Every check must pass here — a probe failing on real Sheets then
 * means the in-memory workbook is wrong about that point — and diagnostics must leave the
 * workbook as it found it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalApp } from '../../src/local/workbook';
import { ASSUMPTIONS } from '../../src/local/workbook/assumptions';
import { runDiagnostics, type DiagnosticsReport } from '../../src/addon/diagnostics/run';
import { dispatch } from '../../src/addon/rpc/server';
import { PROBES, NAMED_RANGE_PROBE_ID } from '../../src/addon/diagnostics/probes';
import { CHECK_TITLES } from '../../src/addon/diagnostics/text';
import { FIXTURE_ROWS } from '../../src/addon/diagnostics/fixture';
import { SCOPE_USES } from '../../src/addon/diagnostics/scopes';
import { FIRST_DATA_ROW, OKR_COLUMNS } from '../../src/core/plan/okrSheet';
import { setSheetTimeZone } from '../../src/sheets/dates';
import type { Lang } from '../../src/core/i18n';

afterEach(() => setSheetTimeZone(null));

/**
 * A workbook with a user sheet. By default it has the Sheets API stand-in (as on a spreadsheet
 * where the advanced service works) and every scope granted: then every check must pass.
 */
function workbook(lang: Lang = 'en', opts: { api?: boolean } = {}) {
  const local = createLocalApp({ lang });
  const user = local.ss.getActiveSheet();
  user.getRange('A1:B2').setValues([['my data', 1], ['more', 2]]);
  setSheetTimeZone(local.ss.getSpreadsheetTimeZone());
  let t = 0;
  const clock = () => (t += 5);
  const ctx = opts.api === false ? local.ctx(lang) : { ...local.ctx(lang), sheetsApi: local.sheetsApi };
  return { local, ctx, clock, grantedScopes: () => SCOPE_USES.map((s) => s.scope) };
}

describe('runDiagnostics on the in-memory workbook', () => {
  it('passes every check, in English and Chinese', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const { ctx, clock, grantedScopes } = workbook(lang);
      const r = runDiagnostics(ctx, { clock, ranAt: '2026-12-01T10:00:00Z', grantedScopes });
      const failed = r.checks.filter((c) => c.status !== 'pass');
      expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.failed).toBe(0);
      expect(r.passed).toBe(r.checks.length);
      for (const c of r.checks) expect(c.title, c.id).toBe(CHECK_TITLES[c.id]![lang]);
    }
  });

  it("says every detail line in the workbook's language (zh-CN and en differ for every check)", () => {
    const run = (lang: Lang) => {
      const { ctx, clock, grantedScopes } = workbook(lang);
      return runDiagnostics(ctx, { clock, ranAt: '2026-12-01T10:00:00Z', grantedScopes });
    };
    const zh = run('zh-CN');
    const en = run('en');
    expect(zh.checks.map((c) => c.id)).toEqual(en.checks.map((c) => c.id));
    const cjk = /[\u4e00-\u9fff]/;
    for (const c of zh.checks) {
      const other = en.checks.find((e) => e.id === c.id)!;
      expect(c.detail, c.id).toMatch(cjk);
      expect(other.detail, c.id).not.toMatch(/[\u4e00-\u9fff]{2}/); // English lines carry no Chinese words (sheet names aside)
      expect(c.detail, c.id).not.toBe(other.detail);
    }
    // the copied report carries the same lines
    for (const c of zh.checks) expect(zh.text).toContain(`${c.title} — ${c.detail}`);
    expect(zh.checks.find((c) => c.id === 'progress')!.detail).toBe('11 行（9 个 KR，2 个目标）与核心一致');
  });

  it('a probe that throws is reported in the workbook language with the platform\'s own words', () => {
    const { ctx, clock } = workbook('zh-CN');
    const ss = new Proxy(ctx.ss, {
      get(t, k) {
        if (k === 'createDeveloperMetadataFinder') return () => { throw new Error('Service Spreadsheets failed'); };
        const v = Reflect.get(t, k) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
      },
    });
    const r = runDiagnostics({ ...ctx, ss }, { clock });
    const c = r.checks.find((x) => x.id === 'metadata-finder-by-key')!;
    expect(c.status).toBe('fail');
    expect(c.detail).toBe('检查时出错：Service Spreadsheets failed');
  });

  it('covers formulas vs core, the structure, dates and every probe-able assumption', () => {
    const { ctx, clock } = workbook();
    const ids = runDiagnostics(ctx, { clock }).checks.map((c) => c.id);
    for (const id of ['progress', 'score', 'status', 'validations', 'conditionalFormats', 'protections', 'metadata', 'namedRanges', 'bars', 'dates', 'sheets-api-path', 'paths-agree', 'template-colours', 'scopes']) expect(ids).toContain(id);
    const probeable = ASSUMPTIONS.filter((a) => a.check === 'diagnostics').map((a) => a.id).sort();
    expect(PROBES.map((p) => p.id).sort()).toEqual(probeable);
    expect(PROBES.map((p) => p.id)).toContain(NAMED_RANGE_PROBE_ID);
    for (const id of probeable) expect(ids).toContain(id);
  });

  it('compares on known inputs of every KR type, with a decrease, milestones and a blank', () => {
    const types = new Set(FIXTURE_ROWS.map((r) => r.type));
    // the five types the native formulas know (a new type such as 'rubric' needs a fixture row of its own)
    for (const t of ['increase', 'decrease', 'atLeast', 'atMost', 'milestone'] as const) expect(types).toContain(t);
    expect(FIXTURE_ROWS.some((r) => r.type === 'increase' && typeof r.start === 'number' && typeof r.target === 'number' && r.target < r.start)).toBe(true);
    expect(FIXTURE_ROWS.some((r) => r.type !== 'objective' && r.current === null)).toBe(true);
    const { ctx, clock } = workbook();
    const progress = runDiagnostics(ctx, { clock }).checks.find((c) => c.id === 'progress')!;
    expect(progress.detail).toMatch(/^11 rows \(9 KRs, 2 objectives\) agree with core$/);
  });

  it.each([true, false])('leaves the workbook as it found it (Sheets API %s): no sheets, names or metadata added; the user sheet active', (api) => {
    const { local, ctx, clock } = workbook('en', { api });
    const before = JSON.stringify(local.toPlan());
    const active = local.ss.getActiveSheet().getName();
    runDiagnostics(ctx, { clock });
    expect(JSON.stringify(local.toPlan())).toBe(before);
    expect(local.ss.getActiveSheet().getName()).toBe(active);
    expect(local.ss.getNamedRanges()).toEqual([]);
  });

  it('runs again on the same workbook: nothing left behind can collide (no name into a deleted sheet)', () => {
    const { local, ctx, clock, grantedScopes } = workbook();
    const before = JSON.stringify(local.toPlan());
    for (let i = 0; i < 3; i++) {
      const r = runDiagnostics(ctx, { clock, grantedScopes });
      expect(r.checks.filter((c) => c.status !== 'pass'), `run ${i + 1}`).toEqual([]);
    }
    expect(JSON.stringify(local.toPlan())).toBe(before);
  });

  it('fails loudly when the sheet computes something else than core (a broken formula)', () => {
    const { local, ctx, clock } = workbook();
    // Sabotage: right after diagnostics flushes, O1.KR1's Progress cell is overwritten with 0,
    // as a formula that computes something else would.
    const app = new Proxy(ctx.app, {
      get(t, k) {
        if (k !== 'flush') return Reflect.get(t, k);
        return () => {
          t.flush();
          const scratch = local.ss.getSheets().find((s) => /diagnostics \(temporary\)/.test(s.getName()))!;
          scratch.getRange(FIRST_DATA_ROW + 1, OKR_COLUMNS.progress).setValues([[0]]);
        };
      },
    });
    const sabotaged = { ...ctx, app };
    const r = runDiagnostics(sabotaged, { clock });
    expect(r.ok).toBe(false);
    const progress = r.checks.find((c) => c.id === 'progress')!;
    expect(progress.status).toBe('fail');
    expect(progress.detail).toMatch(/rows differ — O1\.KR1: sheet 0, core 0\.5/);
  });

  it('runs as the RPC method runDiagnostics, under the document lock, answering the report', () => {
    const { local, ctx } = workbook('zh-CN', { api: false });
    const res = dispatch('runDiagnostics', {}, () => ({ ...ctx, lock: local.ss.newLock() }), 'zh-CN');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const report = res.result as DiagnosticsReport;
    expect(report.ok).toBe(true);
    expect(report.text).toMatch(/^OKR Sheets 自检 /);
    // off Apps Script the RPC's scope reader cannot tell, and says so; without the API, a warning
    expect(report.checks.find((c) => c.id === 'scopes')).toMatchObject({ status: 'skip', detail: expect.stringMatching(/^无法读取已授予的权限范围/) });
    expect(report.checks.find((c) => c.id === 'sheets-api-path')!.status).toBe('warn');
    expect(dispatch('runDiagnostics', { extra: 1 }, () => ctx, 'en')).toMatchObject({ ok: false, code: 'invalidInput' });
  });

  it('writes a copyable report with the locale, the time zone, each check and the timings', () => {
    const { ctx, clock, grantedScopes } = workbook('zh-CN');
    const r = runDiagnostics(ctx, { clock, ranAt: '2026-12-01T10:00:00Z', grantedScopes });
    const lines = r.text.split('\n');
    expect(lines[0]).toBe(`OKR Sheets 自检 2026-12-01 10:00 UTC · 区域设置 ${r.locale} · 时区 ${r.timeZone}`);
    expect(lines[1]).toBe(`通过 ${r.passed} 项，失败 0 项，警告 0 项，未检查 0 项`);
    expect(lines.filter((l) => l.startsWith('✔ 通过 '))).toHaveLength(r.checks.length);
    expect(lines.at(-1)).toMatch(/^耗时: insertTemplate \d+ ms, insertTemplateSpreadsheetApp \d+ ms, flush \d+ ms, readBack \d+ ms, coreScore \d+ ms/);
    expect(r.timings.map((t) => t.name)).toEqual(expect.arrayContaining(['insertTemplate', 'insertTemplateSpreadsheetApp', 'flush', 'readBack', 'coreScore', 'cleanUp', 'total']));
  });
});
