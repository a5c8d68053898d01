/**
 * The add-on menu: built in AuthMode.NONE without touching anything that needs authorization,
 * labelled in the user's language, every item naming an exported entry point.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MENU_ITEMS, onInstall, onOpen } from '../../src/addon/menu';
import * as menu from '../../src/addon/menu';

interface Recorded {
  items: [string, string][];
  separators: number;
  added: boolean;
}

function stubGlobals(locale: string | (() => string)) {
  const rec: Recorded = { items: [], separators: 0, added: false };
  const m = {
    addItem(label: string, fn: string) {
      rec.items.push([label, fn]);
      return m;
    },
    addSeparator() {
      rec.separators++;
      return m;
    },
    addToUi() {
      rec.added = true;
    },
  };
  const forbidden = () => {
    throw new Error('needs authorization in AuthMode.NONE');
  };
  vi.stubGlobal('SpreadsheetApp', { getUi: () => ({ createAddonMenu: () => m }), getActiveSpreadsheet: forbidden });
  vi.stubGlobal('PropertiesService', { getDocumentProperties: forbidden, getUserProperties: forbidden });
  vi.stubGlobal('Session', { getActiveUserLocale: typeof locale === 'function' ? locale : () => locale });
  return rec;
}

afterEach(() => vi.unstubAllGlobals());

describe('add-on menu', () => {
  it('has the eight items, each an exported function', () => {
    expect(MENU_ITEMS.map((i) => i.label.en)).toEqual([
      'Open OKR panel',
      'New OKR sheet from template',
      'Set up from roster',
      'Check OKRs',
      'Record check-in',
      'Generate review',
      'Help',
      'Run diagnostics',
    ]);
    expect(MENU_ITEMS.at(-1)).toEqual({ fn: 'runDiagnostics', label: { 'zh-CN': '运行自检', en: 'Run diagnostics' } });
    for (const item of MENU_ITEMS) {
      expect(typeof (menu as Record<string, unknown>)[item.fn], item.fn).toBe('function');
      expect(item.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('onOpen in AuthMode.NONE builds the menu in Chinese for a zh locale, reading nothing else', () => {
    const rec = stubGlobals('zh_CN');
    onOpen({ authMode: 'NONE' as unknown as GoogleAppsScript.Script.AuthMode });
    expect(rec.added).toBe(true);
    expect(rec.items.map(([l]) => l)).toEqual(MENU_ITEMS.map((i) => i.label['zh-CN']));
    expect(rec.items.map(([, f]) => f)).toEqual(MENU_ITEMS.map((i) => i.fn));
  });

  it('falls back to English when the locale cannot be read', () => {
    const rec = stubGlobals(() => {
      throw new Error('not allowed');
    });
    onInstall({});
    expect(rec.items.map(([l]) => l)).toEqual(MENU_ITEMS.map((i) => i.label.en));
  });
});
