/**
 * Run diagnostics on the real platform's two write paths, the locale check of conditional
 * formats, and the granted scopes (issue 16 §2, §4, §5) — on the in-memory workbook, which
 * interprets the Sheets API's batchUpdate (src/local/workbook/sheetsApi.ts) and answers the
 * effective colour of a cell (src/local/workbook/effectiveFormat.ts).
 *
 * Both outcomes of each check are driven here: the API path taken or unavailable (missing, not
 * enabled, scope refused), the two sheets equal or not (a control that changes one request on
 * its way to the API), a rule that colours or not (a control that writes it in `;` syntax), all
 * scopes or a narrowed set. Service calls are counted, never timings.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalApp } from '../../src/local/workbook';
import { runDiagnostics, type DiagnosticCheck } from '../../src/addon/diagnostics/run';
import { SCOPE_USES, scopeCheck } from '../../src/addon/diagnostics/scopes';
import type { SheetsApiLike } from '../../src/sheets/batch/apply';
import type { AppLike } from '../../src/sheets/api';
import { setSheetTimeZone } from '../../src/sheets/dates';
import type { Lang } from '../../src/core/i18n';

afterEach(() => setSheetTimeZone(null));

const ALL_SCOPES = () => SCOPE_USES.map((s) => s.scope);

function setup(lang: Lang = 'en', api: (real: SheetsApiLike) => SheetsApiLike | undefined = (real) => real) {
  const local = createLocalApp({ lang });
  local.ss.getActiveSheet().getRange('A1:B2').setValues([['my data', 1], ['more', 2]]);
  setSheetTimeZone(local.ss.getSpreadsheetTimeZone());
  const sheetsApi = api(local.sheetsApi);
  const ctx = { ...local.ctx(lang), ...(sheetsApi ? { sheetsApi } : {}) };
  return { local, ctx };
}

const check = (checks: DiagnosticCheck[], id: string) => checks.find((c) => c.id === id)!;

/** A Sheets API whose batchUpdate throws the API's own words (the fallback's trigger). */
const refusing = (message: string) => (real: SheetsApiLike): SheetsApiLike => ({
  get: (id, args) => real.get(id, args),
  batchUpdate: () => {
    throw new Error(message);
  },
});

describe('which path applied the scratch template', () => {
  it('the Sheets API: pass, then the same fixture through SpreadsheetApp agrees cell by cell', () => {
    const { local, ctx } = setup();
    const r = runDiagnostics(ctx, { grantedScopes: ALL_SCOPES });
    expect(check(r.checks, 'sheets-api-path')).toMatchObject({ status: 'pass', detail: 'the template was applied by one Sheets API batchUpdate (advanced Sheets service)' });
    const agree = check(r.checks, 'paths-agree');
    expect(agree.status).toBe('pass');
    // the fixture's block: 13 header/table rows + 9 KRs + 2 objectives + 2 spare rows, 19 columns
    expect(agree.detail).toMatch(/^the two scratch sheets agree cell by cell: values, formulas, number formats and validations of \d+ cells, \d+ conditional format\(s\), 1 protection\(s\), 2 metadata entr\(ies\), 2 named range\(s\); against core: the Sheets API sheet agrees \(11 rows\), the SpreadsheetApp sheet agrees \(11 rows\)$/);
    expect(local.calls.get('Sheets.Spreadsheets.batchUpdate')).toBe(1);
  });

  it('no advanced service: a warning that says what to do, not a pass; nothing to compare', () => {
    const { local, ctx } = setup('zh-CN', () => undefined);
    const r = runDiagnostics(ctx, { grantedScopes: ALL_SCOPES });
    expect(check(r.checks, 'sheets-api-path')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/^此处没有高级 Sheets 服务.*启用 Google Sheets API。$/) });
    expect(check(r.checks, 'paths-agree').status).toBe('skip');
    expect(r.ok).toBe(true);
    expect(r.warned).toBe(2); // the path, and the conditional-format colours it cannot read
    expect(r.text.split('\n')[1]).toBe(`通过 ${r.passed} 项，失败 0 项，警告 2 项，未检查 2 项`);
    expect(check(r.checks, 'template-colours')).toMatchObject({ status: 'skip', detail: '需要 Sheets API 才能读取单元格实际显示的颜色（见“计划通过 Sheets API 写入”一项）' });
    expect(local.calls.get('Sheets.Spreadsheets.batchUpdate')).toBe(0);
  });

  it.each([
    ['not enabled', 'Google Sheets API has not been used in project 123 before or it is disabled.', /^the Google Sheets API is not enabled in the script's Cloud project \(Google Sheets API has not been used.*\)\. Enable it in the Cloud console/],
    ['scope refused', 'Request had insufficient authentication scopes.', /^the Sheets API refused the request, most likely the spreadsheets scope is not granted \(Request had insufficient authentication scopes\.\)\. Reopen the add-on from Extensions/],
    ['another failure', 'Internal error encountered.', /^the Sheets API call failed and SpreadsheetApp applied the plan instead: Internal error encountered\.$/],
  ])('the API fails (%s): the plan went through SpreadsheetApp, and the warning quotes the API', (_, message, detail) => {
    const { local, ctx } = setup('en', refusing(message));
    const before = JSON.stringify(local.toPlan());
    const r = runDiagnostics(ctx, { grantedScopes: ALL_SCOPES });
    expect(check(r.checks, 'sheets-api-path').status).toBe('warn');
    expect(check(r.checks, 'sheets-api-path').detail).toMatch(detail);
    // the fallback still wrote a correct sheet
    for (const id of ['progress', 'score', 'status', 'validations']) expect(check(r.checks, id).status, id).toBe('pass');
    expect(check(r.checks, 'scopes').detail).toBe('all 8 scopes granted; the Sheets API path did not run');
    expect(JSON.stringify(local.toPlan())).toBe(before);
  });
});

describe('the two paths compared cell by cell', () => {
  /** Control: one request changed on its way to the API, as a platform that writes it otherwise would. */
  const tampering = (change: (req: GoogleAppsScript.Sheets.Schema.Request) => void) => (real: SheetsApiLike): SheetsApiLike => ({
    get: (id, args) => real.get(id, args),
    batchUpdate: (body, id) => {
      const copy = structuredClone(body);
      for (const req of copy.requests ?? []) change(req);
      return real.batchUpdate(copy, id);
    },
  });

  it('a formula the API stores otherwise is a failed check naming the cell, in both languages', () => {
    let done = false;
    const changeFirstFormula = (req: GoogleAppsScript.Sheets.Schema.Request) => {
      for (const row of req.updateCells?.rows ?? []) {
        for (const cell of row.values ?? []) {
          if (!done && cell.userEnteredValue?.formulaValue?.includes('ROUND')) {
            cell.userEnteredValue.formulaValue = '=0';
            done = true;
          }
        }
      }
    };
    for (const lang of ['en', 'zh-CN'] as const) {
      done = false;
      const { ctx } = setup(lang, tampering(changeFirstFormula));
      const r = runDiagnostics(ctx, { grantedScopes: ALL_SCOPES });
      expect(done).toBe(true);
      const c = check(r.checks, 'paths-agree');
      expect(c.status).toBe('fail');
      expect(r.ok).toBe(false);
      expect(c.detail).toMatch(lang === 'en' ? /^\d+ difference\(s\) between the two paths — formula [A-Z]+\d+: Sheets API =0, SpreadsheetApp =.*ROUND.*; value / : /^两条路径写出的工作表有 \d+ 处不同 — 公式 [A-Z]+\d+：Sheets API =0，SpreadsheetApp =.*ROUND.*；值 /);
      // which side is wrong: the same comparison with core, on both sheets
      expect(c.detail).toMatch(lang === 'en' ? /; against core: the Sheets API sheet differs in \d+ of 11 rows, the SpreadsheetApp sheet agrees \(11 rows\)$/ : /；与核心对照——Sheets API 工作表：11 行中有 \d+ 行不一致，SpreadsheetApp 工作表：一致（11 行）$/);
    }
  });

  it('a validation the API leaves out is a failed check too', () => {
    let dropped = 0;
    const { ctx } = setup('en', tampering((req) => {
      if (req.setDataValidation && dropped++ === 0) req.setDataValidation.rule = undefined;
    }));
    const c = check(runDiagnostics(ctx, { grantedScopes: ALL_SCOPES }).checks, 'paths-agree');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/^1 difference\(s\) between the two paths — validation B2: Sheets API —, SpreadsheetApp VALUE_IN_LIST \["Company","Department","Team","Individual"\].*; against core: the Sheets API sheet agrees \(11 rows\), the SpreadsheetApp sheet agrees \(11 rows\)$/);
  });
});

describe('conditional formats colour in this locale (effectiveFormat through the Sheets API)', () => {
  it('the comma-separated rule colours its cell and not the other one', () => {
    const { ctx } = setup('zh-CN');
    const c = check(runDiagnostics(ctx, { grantedScopes: ALL_SCOPES }).checks, 'conditional-format-colours');
    expect(c.status).toBe('pass');
    expect(c.detail).toBe('区域设置 zh_CN：规则 =AND($A$9>0,$A$9<2) 使 A9 显示 #fff2cc，B9 未着色（Sheets API 读取的 effectiveFormat）');
  });

  it("control: a rule the sheet cannot evaluate (written in a ';' syntax this engine refuses) fails", () => {
    const { ctx } = setup('en');
    // the rule builder of a platform where the comma formula would not parse: it receives ';'
    const app = new Proxy(ctx.app, {
      get(t, k) {
        const v = Reflect.get(t, k) as unknown;
        if (k !== 'newConditionalFormatRule') return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
        return () => {
          const b = t.newConditionalFormatRule();
          const when = b.whenFormulaSatisfied.bind(b);
          b.whenFormulaSatisfied = (f: string) => when(f.includes('$A$9') ? f.replace(/,/g, ';') : f);
          return b;
        };
      },
    }) as AppLike;
    const c = check(runDiagnostics({ ...ctx, app }, { grantedScopes: ALL_SCOPES }).checks, 'conditional-format-colours');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/^locale en_US: under the rule =AND\(\$A\$9>0,\$A\$9<2\), A9 reads — and B9 reads — \(expected #fff2cc and no colour\)$/);
  });

  it("the template's own rules: every KR row's Status and Score cells show the colour core gives them", () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const { ctx } = setup(lang);
      const c = check(runDiagnostics(ctx, { grantedScopes: ALL_SCOPES }).checks, 'template-colours');
      expect(c.status).toBe('pass');
      expect(c.detail).toBe(lang === 'en'
        ? 'locale en_US: the Status and Score cells of 9 KR rows show the colours of the status and grade core gives them (effectiveFormat read through the Sheets API)'
        : '区域设置 zh_CN：9 个 KR 行的“状态”和“得分”单元格显示的颜色与核心给出的状态和评级一致（Sheets API 读取的 effectiveFormat）');
    }
  });

  it("control: the template's grade rules sent in ';' syntax colour no Score cell, and the check lists them", () => {
    const { ctx } = setup('en', (real) => ({
      get: (id, args) => real.get(id, args),
      batchUpdate: (body, id) => {
        const copy = structuredClone(body);
        for (const req of copy.requests ?? []) {
          const v = req.addConditionalFormatRule?.rule?.booleanRule?.condition?.values?.[0];
          if (v?.userEnteredValue?.includes('ISNUMBER')) v.userEnteredValue = v.userEnteredValue.replace(/,/g, ';');
        }
        return real.batchUpdate(copy, id);
      },
    }));
    const c = check(runDiagnostics(ctx, { grantedScopes: ALL_SCOPES }).checks, 'template-colours');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/^locale en_US: 9 of 18 cells show another colour \(shown ≠ expected\): O1\.KR1 [A-Z]+\d+ — ≠ #fce8b2, /);
  });

  it('the API cannot answer the cells: a warning (unverified), never a pass', () => {
    const { ctx } = setup('en', (real) => ({
      get: (id, args) => ((args as { ranges?: string[] }).ranges ? { spreadsheetId: id, sheets: [{ properties: {} }] } : real.get(id, args)),
      batchUpdate: (b, id) => real.batchUpdate(b, id),
    }));
    const c = check(runDiagnostics(ctx, { grantedScopes: ALL_SCOPES }).checks, 'conditional-format-colours');
    expect(c).toMatchObject({ status: 'warn', detail: 'the Sheets API returned no effectiveFormat for these cells: unverified (no rowData)' });
  });
});

describe('granted scopes', () => {
  it('lists the same scopes as appsscript.json, in its order', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8')) as { oauthScopes: string[] };
    expect(SCOPE_USES.map((s) => s.scope)).toEqual(manifest.oauthScopes);
  });

  it('a narrowed set: a warning naming each scope left out and what stops working, and whether the API path still ran', () => {
    const { ctx } = setup('en');
    const narrowed = () => ALL_SCOPES().filter((s) => !s.endsWith('/spreadsheets') && !s.endsWith('/script.send_mail'));
    const c = check(runDiagnostics(ctx, { grantedScopes: narrowed }).checks, 'scopes');
    expect(c.status).toBe('warn');
    expect(c.detail).toBe(
      '2 of 8 scopes not granted: spreadsheets (distributing to teams (creating and opening unit files) and the Sheets API batch writes); script.send_mail (e-mail reminders). '
      + 'Those features stay off until granted: reopen the add-on from Extensions and choose Allow, or ask your admin to grant them for the domain; the Sheets API path worked with this set',
    );
  });

  it('every scope granted is a pass; an unreadable set is not checked', () => {
    expect(scopeCheck(ALL_SCOPES(), true)).toEqual({ ok: true, seen: { 'zh-CN': '已授予全部 8 个权限范围；Sheets API 路径在这组权限下可用', en: 'all 8 scopes granted; the Sheets API path worked with this set' } });
    expect(scopeCheck(null, false).ok).toBeNull();
    const { ctx } = setup('en');
    expect(check(runDiagnostics(ctx).checks, 'scopes').status).toBe('skip');
  });

  it('a reader that throws (a runtime without getAuthorizedScopes) is a warning, not a failed add-on', () => {
    const { ctx } = setup('zh-CN');
    const r = runDiagnostics(ctx, { grantedScopes: () => { throw new Error('Exception: Invalid argument: oAuthScopes'); } });
    expect(check(r.checks, 'scopes')).toMatchObject({ status: 'warn', detail: '读取已授予的权限范围时出错，无法确认：Exception: Invalid argument: oAuthScopes' });
    expect(r.ok).toBe(true);
  });
});

describe('service calls: fixed by the fixture, not by the spreadsheet', () => {
  const measure = (api: boolean, userRows: number) => {
    const { local, ctx } = setup('en', (real) => (api ? real : undefined));
    if (userRows) local.ss.getActiveSheet().getRange(1, 1, userRows, 3).setValues(Array.from({ length: userRows }, (_, i) => [`row ${i}`, i, i * 2]));
    return local.calls.measure(() => runDiagnostics(ctx, { grantedScopes: ALL_SCOPES }));
  };

  it('with the Sheets API: the same count on an empty and a 900-row user sheet; 2 API reads, 1 batchUpdate', () => {
    const small = measure(true, 0);
    const big = measure(true, 900);
    expect(big.calls).toBe(small.calls);
    expect(small.calls).toBe(294); // the snapshot comparison (snapshotPaths.ts): getId + 1 get + 2 × 4 reads; incl. 2 × (getRange + getValues) to hold both scratch sheets against core; the batch path places new sheets after the active one (getActiveSheet + getIndex)
    expect(small.counts['Sheets.Spreadsheets.get']).toBe(4); // the plan's look-up + the template's colours + the probe's colours + the snapshot comparison
    expect(small.counts['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    expect(small.counts.insertSheet).toBe(4); // the SpreadsheetApp copy, the probe sheet and two extra probe sheets
  });

  it('without it: fewer calls (no second scratch sheet, no comparison, no colour read)', () => {
    const m = measure(false, 0);
    expect(m.calls).toBe(164);
    expect(m.counts['Sheets.Spreadsheets.get'] ?? 0).toBe(0);
    expect(m.calls).toBe(measure(false, 900).calls);
  });
});
