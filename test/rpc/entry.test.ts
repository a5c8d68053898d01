/** The Apps Script glue: `rpc()` and `showSidebar()` on stubbed globals backed by the in-memory workbook. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch, rpc } from '../../src/addon/rpc/server';
import { FAILURE_MESSAGES, classifyFailure, failureMessage, newReference, transportFailureMessage, type FailureKind } from '../../src/addon/rpc/failures';
import { appsScriptReminderServices, useReminderServices } from '../../src/addon/actions/reminders';

/**
 * The sidebar's RPC client, imported untyped: it is browser code (the DOM lib's `window`), which
 * this server-side tsconfig project does not compile; src/sidebar/tsconfig.json checks it.
 */
interface RpcError { code: string; message: string }
type Call = (method: string, payload: object, lang: 'en' | 'zh-CN') => Promise<unknown>;
const sidebarRpc = '../../src/sidebar/rpc';
const call: Call = async (...a) => ((await import(/* @vite-ignore */ sidebarRpc)) as { call: Call }).call(...a);
import type { SheetsContext } from '../../src/sheets/context';
import { showSidebar } from '../../src/addon/sidebar';
import { menuCheck } from '../../src/addon/menu';
import { setSheetTimeZone, sheetTimeZone } from '../../src/sheets/dates';
import { makeWorkbook, snapshot } from './helpers';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setSheetTimeZone(null);
});

function stub(locale: string) {
  const { local } = makeWorkbook();
  const shown: { html: string; title: string }[] = [];
  vi.stubGlobal('Session', { getActiveUserLocale: () => locale });
  vi.stubGlobal('SpreadsheetApp', {
    ...Object.fromEntries(['DataValidationCriteria', 'ProtectionType'].map((k) => [k, (local.app as unknown as Record<string, unknown>)[k]])),
    flush: () => local.app.flush(),
    newConditionalFormatRule: () => local.app.newConditionalFormatRule(),
    newDataValidation: () => local.app.newDataValidation(),
    getActiveSpreadsheet: () => local.ss,
    getUi: () => ({ showSidebar: (out: { html: string; title: string }) => shown.push(out) }),
  });
  vi.stubGlobal('LockService', { getDocumentLock: () => local.ss.newLock() });
  vi.stubGlobal('HtmlService', {
    createHtmlOutputFromFile: (name: string) => ({ getContent: () => `<!DOCTYPE html><html data-okr-lang="auto"><body>${name}</body></html>` }),
    createHtmlOutput: (html: string) => {
      const out = { html, title: '', setTitle: (t: string) => ((out.title = t), out) };
      return out;
    },
  });
  return { local, shown };
}

describe('Apps Script entry points', () => {
  it('rpc() builds the context from the globals and answers in the user locale', () => {
    const { local } = stub('zh_CN');
    const res = rpc('listKrs', { sheet: 'Sales OKR' });
    expect(res.ok).toBe(true);
    const before = snapshot(local);
    const bad = rpc('listKrs', { sheet: 42 });
    expect(bad).toEqual({ ok: false, code: 'invalidInput', message: '字段“sheet”缺失或类型不对（应为文本）。' });
    expect(rpc('listKrs', { sheet: 42 }, 'en')).toMatchObject({ message: 'Field "sheet" is missing or has the wrong type (expected text).' });
    expect(snapshot(local)).toBe(before);
  });

  it('rpc() writes under the document lock', () => {
    const { local } = stub('en_US');
    const res = rpc('recordCheckIn', { sheet: 'Sales OKR', krId: 'O1.KR1', value: 120, confidence: 7, done: 'x', next: '', blockers: '', date: '2026-11-02' });
    expect(res.ok).toBe(true);
    expect(local.ss.newLock().tryLock(0)).toBe(true); // released afterwards
  });

  it("rpc() takes the spreadsheet's time zone for dates (not the script's)", () => {
    const { local } = stub('en_US');
    vi.spyOn(local.ss, 'getSpreadsheetTimeZone').mockReturnValue('Pacific/Kiritimati');
    expect(rpc('listKrs', { sheet: 'Sales OKR' }).ok).toBe(true);
    expect(sheetTimeZone()).toBe('Pacific/Kiritimati');
  });

  it('Run diagnostics opens the sidebar on the Diagnostics panel', async () => {
    const { shown } = stub('zh_CN');
    const { runDiagnostics } = await import('../../src/addon/main');
    runDiagnostics();
    expect(shown[0]!.html).toContain('data-okr-panel="diagnostics"');
  });

  it('menu items open the sidebar on their panel in the user language', () => {
    const { shown } = stub('zh_CN');
    menuCheck();
    expect(shown[0]!.html).toContain('data-okr-lang="zh-CN" data-okr-panel="check"');
    expect(shown[0]!.title).toBe('OKR 助手');
    showSidebar();
    expect(shown[1]!.html).toContain('<html data-okr-lang="zh-CN">');
  });
});

describe('failures the user can act on (issue 16 §3)', () => {
  const throwing = (error: unknown) => {
    const { ctx } = makeWorkbook();
    return {
      ...ctx,
      ss: new Proxy(ctx.ss, {
        get(t, k) {
          if (k === 'getActiveSheet' || k === 'getSheetByName' || k === 'getSheets') return () => { throw error; };
          return Reflect.get(t, k);
        },
      }),
    } as SheetsContext;
  };

  it('an unexpected exception is logged with its stack and a reference; the answer carries the same reference', () => {
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' ')));
    const err = new TypeError("Cannot read properties of undefined (reading 'getRange')");
    const res = dispatch('getContext', {}, () => throwing(err), 'en');
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.code).toBe('internal');
    const ref = /reference ([2-9A-Z]{6})\)/.exec(res.message)?.[1];
    expect(ref, res.message).toBeDefined();
    expect(res.message).not.toMatch(/getRange|TypeError/); // no internals in the answer
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(`ref ${ref}`);
    expect(logged[0]).toContain('rpc getContext failed');
    expect(logged[0]).toContain(err.stack!.split('\n')[1]!.trim()); // the stack, not just the message
    const zh = dispatch('getContext', {}, () => throwing(err), 'zh-CN');
    expect(!zh.ok && zh.message).toMatch(/编号 [2-9A-Z]{6}/);
    // two failures, two references
    expect(!zh.ok && zh.message).not.toContain(ref!);
  });

  it('a service time-out and a quota say so, with what to do', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const t = dispatch('getContext', {}, () => throwing(new Error('Service Spreadsheets timed out while accessing document with id 1x.')), 'en');
    expect(t).toMatchObject({ ok: false, code: 'timeout' });
    expect(!t.ok && t.message).toMatch(/6 minutes.*Try again/);
    const q = dispatch('getContext', {}, () => throwing(new Error('Service invoked too many times for one day: spreadsheets.')), 'zh-CN');
    expect(q).toMatchObject({ ok: false, code: 'quota' });
    expect(!q.ok && q.message).toMatch(/配额/);
    expect(console.error).toHaveBeenCalledTimes(2); // logged too
  });

  it('a scope the user has not granted says to reopen and allow (and names the several-accounts way out)', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const err = new Error('You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp');
    const en = dispatch('getContext', {}, () => throwing(err), 'en');
    expect(en).toMatchObject({ ok: false, code: 'authorization' });
    expect(!en.ok && en.message).toMatch(/needs your authorization.*Extensions → OKR Sheets.*Allow.*several Google accounts/);
    const zh = dispatch('getContext', {}, () => throwing(err), 'zh-CN');
    expect(!zh.ok && zh.message).toMatch(/需要您的授权.*扩展程序 → OKR Sheets.*允许.*多个 Google 账号/);
    expect(logged).toHaveBeenCalledTimes(2); // unexpected for us: still logged with its stack
  });

  it('reminders without ScriptApp / MailApp (playground, tests) say they need Google Sheets — no ReferenceError, nothing logged', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    useReminderServices(appsScriptReminderServices); // the real services: Apps Script globals, absent here
    try {
      const { ctx } = makeWorkbook();
      const en = dispatch('getReminders', {}, () => ctx, 'en');
      expect(en).toMatchObject({ ok: false, code: 'needsSheets' });
      expect(!en.ok && en.message).toMatch(/^Reminders need Google Sheets: they rely on Google’s SpreadsheetApp service/);
      const zh = dispatch('getReminders', {}, () => ctx, 'zh-CN');
      expect(!zh.ok && zh.message).toMatch(/^提醒需要在 Google 表格中使用：它依赖 Google 的 SpreadsheetApp 服务/);
      // with the Spreadsheet and Properties services but no ScriptApp, the message names ScriptApp
      const props = { getProperty: () => null, setProperty: () => {}, deleteProperty: () => {} };
      vi.stubGlobal('SpreadsheetApp', { getActiveSpreadsheet: () => ({ getId: () => 'x' }) });
      vi.stubGlobal('PropertiesService', { getDocumentProperties: () => props, getUserProperties: () => props });
      const noTriggers = dispatch('getReminders', {}, () => ctx, 'en');
      expect(!noTriggers.ok && noTriggers.message).toMatch(/rely on Google’s ScriptApp service/);
      expect(logged).not.toHaveBeenCalled();
      // a ReferenceError of our own (a bug) is still an internal error with a reference
      const bug = dispatch('getContext', {}, () => throwing(new ReferenceError('krRows is not defined')), 'en');
      expect(bug).toMatchObject({ ok: false, code: 'internal' });
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      useReminderServices(appsScriptReminderServices);
    }
  });

  it('each kind of failure has its own words in both languages, each saying what to do', () => {
    const cases: [unknown, FailureKind][] = [
      [new Error('Exceeded maximum execution time'), 'timeout'],
      [new Error('Service Spreadsheets timed out while accessing document with id 1x.'), 'timeout'],
      [new Error('Service invoked too many times for one day: email.'), 'quota'],
      [new Error('There are too many simultaneous invocations: Spreadsheets'), 'quota'],
      [{ message: "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED." }, 'multiAccount'],
      ['ScriptError: Authorization is required to perform that action.', 'authorization'],
      [new Error('You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets'), 'authorization'],
      [new ReferenceError('MailApp is not defined'), 'needsSheets'],
      [new Error('NetworkError: Connection failure due to HTTP 0'), 'network'],
      [new TypeError("Cannot read properties of undefined (reading 'getRange')"), 'internal'],
      [new ReferenceError('rows is not defined'), 'internal'],
    ];
    for (const [e, kind] of cases) expect(classifyFailure(e), String((e as Error).message ?? e)).toBe(kind);
    const kinds = Object.keys(FAILURE_MESSAGES).filter((k) => k !== 'unknownTransport') as FailureKind[];
    const seen = new Set<string>();
    for (const k of kinds) {
      for (const lang of ['en', 'zh-CN'] as const) {
        const m = failureMessage(k, lang, { ref: 'K7Q2M9', service: 'MailApp', feature: 'reminders' });
        expect(m, `${k} ${lang}`).not.toMatch(/\{\w+\}/); // every placeholder filled
        expect(seen.has(m), `${k} ${lang} repeats another message`).toBe(false);
        seen.add(m);
        if (lang === 'zh-CN') expect(m).toMatch(/请/);
        else expect(m).toMatch(/\b(try|Try|Sign out|Close|Open|Check|give|Wait)\b/);
      }
    }
    // the sidebar: never only "could not reach the spreadsheet"
    for (const [e] of cases) {
      for (const lang of ['en', 'zh-CN'] as const) expect(transportFailureMessage(e, lang).message).not.toMatch(/^(Could not reach the spreadsheet\.?|无法连接表格。?)$/);
    }
  });

  it('failure references are short, unambiguous and vary', () => {
    const refs = new Set(Array.from({ length: 50 }, () => newReference()));
    expect(refs.size).toBeGreaterThan(45);
    for (const r of refs) expect(r).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(newReference(() => 0)).toBe('222222');
  });
});

describe("the sidebar's failure handler (google.script.run never answered)", () => {
  type Handlers = { ok?: (v: unknown) => void; fail?: (e: unknown) => void };
  function fakeRun(outcome: (h: Handlers) => void) {
    const h: Handlers = {};
    const run = {
      withSuccessHandler(fn: (v: unknown) => void) { h.ok = fn; return run; },
      withFailureHandler(fn: (e: unknown) => void) { h.fail = fn; return run; },
      rpc() { outcome(h); },
    };
    vi.stubGlobal('window', { google: { script: { run } } });
  }
  const failWith = async (error: unknown, lang: 'en' | 'zh-CN' = 'en') => {
    fakeRun((h) => h.fail!(error));
    return call('getContext', {}, lang).then(
      () => { throw new Error('resolved'); },
      (e: RpcError) => e,
    );
  };

  it('names the signed-into-several-accounts failure and says what to do', async () => {
    const e = await failWith(new Error("We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED."));
    expect(e.code).toBe('multiAccount');
    expect(e.message).toMatch(/several Google accounts.*Sign out of the other accounts/);
    const auth = await failWith({ message: 'ScriptError: Authorization is required to perform that action.' }, 'zh-CN');
    expect(auth.code).toBe('authorization');
    expect(auth.message).toMatch(/重新打开.*多个 Google 账号/);
  });

  it('names an execution time-out, a quota and a dropped connection', async () => {
    expect((await failWith(new Error('Exceeded maximum execution time'))).code).toBe('timeout');
    expect((await failWith('Service invoked too many times in a short time: exec qps.')).code).toBe('quota');
    expect((await failWith(new Error('NetworkError: Connection failure due to HTTP 0'))).code).toBe('network');
  });

  it('anything else is shown with its own words, never only "could not reach the spreadsheet"', async () => {
    const e = await failWith(new Error('ScriptError: Unknown macro rpc'));
    expect(e.code).toBe('transport');
    expect(e.message).toContain('Unknown macro rpc');
    expect(e.message).toMatch(/Close and reopen the sidebar/);
    expect(e.message).not.toMatch(/^Could not reach the spreadsheet/);
  });

  it('a malformed answer is its own error; a good answer resolves', async () => {
    fakeRun((h) => h.ok!('<html>'));
    await expect(call('getContext', {}, 'en')).rejects.toMatchObject({ code: 'malformed' });
    fakeRun((h) => h.ok!({ ok: true, result: { x: 1 } }));
    await expect(call('getContext', {}, 'en')).resolves.toEqual({ x: 1 });
  });
});

describe("the spreadsheet's time zone", () => {
  it('is never replaced silently by a fixed zone: an unreadable zone fails the call with a logged reference', () => {
    const { local } = stub('en_US');
    vi.spyOn(local.ss, 'getSpreadsheetTimeZone').mockImplementation(() => { throw new Error('Service Spreadsheets failed'); });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = rpc('listKrs', { sheet: 'Sales OKR' }, 'en');
    expect(res).toMatchObject({ ok: false, code: 'internal' });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(sheetTimeZone()).toBeNull();
  });
});
