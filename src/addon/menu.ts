/**
 * The add-on menu (Extensions → OKR Sheets). Every item opens the sidebar on the right panel.
 *
 * `onOpen(e)` runs as a simple trigger, often in `ScriptApp.AuthMode.NONE` (the add-on is
 * installed but not yet used in this document). Google's guide: "Do not attempt to take any
 * action that requires authorization (such as checking the script Properties) while the add-on
 * is in AuthMode.NONE" (developers.google.com/workspace/add-ons/concepts/menus). So onOpen reads
 * no properties and no spreadsheet data; it only asks `Session.getActiveUserLocale()`, which
 * needs no OAuth scope — guarded anyway, falling back to English if it throws.
 */
import type { Lang, Localized } from '../core/i18n';
import { langFromLocale } from '../core/i18n';
import { showSidebar, type PanelId } from './sidebar';

export interface MenuItem {
  /** The exported entry point the menu calls (src/addon/main.ts re-exports it). */
  fn: string;
  label: Localized;
}

export const MENU_ITEMS: MenuItem[] = [
  { fn: 'menuOpenPanel', label: { 'zh-CN': '打开 OKR 面板', en: 'Open OKR panel' } },
  { fn: 'menuNewFromTemplate', label: { 'zh-CN': '从模板新建 OKR 表', en: 'New OKR sheet from template' } },
  { fn: 'menuSetupFromRoster', label: { 'zh-CN': '按组织名单批量创建', en: 'Set up from roster' } },
  { fn: 'menuCheck', label: { 'zh-CN': '检查 OKR', en: 'Check OKRs' } },
  { fn: 'menuCheckIn', label: { 'zh-CN': '记录进展更新', en: 'Record check-in' } },
  { fn: 'menuReview', label: { 'zh-CN': '生成复盘', en: 'Generate review' } },
  { fn: 'menuHelp', label: { 'zh-CN': '帮助', en: 'Help' } },
  { fn: 'runDiagnostics', label: { 'zh-CN': '运行自检', en: 'Run diagnostics' } },
];

/** Items after which a separator is drawn. */
const SEPARATOR_AFTER = new Set(['menuOpenPanel', 'menuSetupFromRoster', 'menuReview', 'menuHelp']);

export function menuLang(): Lang {
  try {
    return langFromLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

export function onOpen(_e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  const lang = menuLang();
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    menu.addItem(item.label[lang], item.fn);
    if (SEPARATOR_AFTER.has(item.fn)) menu.addSeparator();
  }
  menu.addToUi();
}

export function onInstall(e?: { authMode?: GoogleAppsScript.Script.AuthMode }): void {
  onOpen(e);
}

const open = (panel: PanelId) => () => showSidebar(panel);
export const menuOpenPanel = open('templates');
export const menuNewFromTemplate = open('templates');
export const menuSetupFromRoster = open('roster');
export const menuCheck = open('check');
export const menuCheckIn = open('checkin');
export const menuReview = open('review');
export const menuHelp = open('help');
/** Opens the Diagnostics panel, which runs the checks at once (RPC runDiagnostics) and shows the report. */
export const runDiagnostics = open('diagnostics');
