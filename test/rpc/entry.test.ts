/** The Apps Script glue: `rpc()` and `showSidebar()` on stubbed globals backed by the in-memory workbook. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rpc } from '../../src/addon/rpc/server';
import { showSidebar } from '../../src/addon/sidebar';
import { menuCheck } from '../../src/addon/menu';
import { setSheetTimeZone, sheetTimeZone } from '../../src/sheets/dates';
import { makeWorkbook, snapshot } from './helpers';

afterEach(() => {
  vi.unstubAllGlobals();
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

  it('menu items open the sidebar on their panel in the user language', () => {
    const { shown } = stub('zh_CN');
    menuCheck();
    expect(shown[0]!.html).toContain('data-okr-lang="zh-CN" data-okr-panel="check"');
    expect(shown[0]!.title).toBe('OKR 助手');
    showSidebar();
    expect(shown[1]!.html).toContain('<html data-okr-lang="zh-CN">');
  });
});
