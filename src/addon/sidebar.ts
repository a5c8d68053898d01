/**
 * Opens the sidebar (dist/Sidebar.html, built by scripts/build-sidebar.mjs) with the user's
 * language and the panel to show written into `<html data-okr-lang data-okr-panel>`.
 */
import type { Localized } from '../core/i18n';
import { langFromLocale } from '../core/i18n';

export const PANEL_IDS = ['templates', 'roster', 'check', 'checkin', 'import', 'review', 'help', 'diagnostics'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

const TITLE: Localized = { 'zh-CN': 'OKR 助手', en: 'OKR Sheets' };

/** The placeholder → concrete language and panel (pure; shared with the playground). */
export function personalizeSidebar(html: string, lang: 'zh-CN' | 'en', panel?: string): string {
  const safePanel = panel && /^\w{1,20}$/.test(panel) ? panel : undefined;
  const p = safePanel ? ` data-okr-panel="${safePanel}"` : '';
  // HtmlService serves the page inside its own wrapper document and may not keep attributes of
  // our <html> element, so the same facts also travel as a tiny script global, which it keeps.
  const boot = `<script>var OKR_BOOT=${JSON.stringify({ lang, panel: safePanel ?? null })};</script>`;
  return html.replace('data-okr-lang="auto"', `data-okr-lang="${lang}"${p}`).replace('<head>', `<head>\n${boot}`);
}

export function showSidebar(panel?: PanelId): void {
  let lang: 'zh-CN' | 'en' = 'en';
  try {
    lang = langFromLocale(Session.getActiveUserLocale());
  } catch {
    /* English */
  }
  const html = personalizeSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').getContent(), lang, typeof panel === 'string' ? panel : undefined);
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(html).setTitle(TITLE[lang]));
}
