/**
 * The OAuth scopes of appsscript.json, each with the features that need it (README "OAuth
 * scopes" says why, with pages), and diagnostics' check of which of them the user has granted.
 *
 * Where Google lets a user grant an add-on's scopes one by one, or an admin installs it with a
 * narrower set, some features stop working while the rest go on; this check shows a real run's
 * granted set, so "does a narrowed set still work?" is answered on the platform, not guessed.
 * The documented way to read it: `ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL,
 * scopes).getAuthorizedScopes()` — "if authorization information is requested for a specified
 * list of scopes, returns the authorized scopes from the specified list"
 * (https://developers.google.com/apps-script/reference/script/authorization-info#getauthorizedscopes,
 * https://developers.google.com/apps-script/reference/script/script-app#getauthorizationinfoauthmode,-oauthscopes).
 * `ScriptApp.getOAuthToken()` says nothing about which scopes the token carries.
 */
import type { Localized } from '../../core/i18n';
import { fmt } from '../../core/i18n';
import { DETAIL } from './text';

export interface ScopeUse {
  scope: string;
  /** What stops working without it. */
  features: Localized;
}

const AUTH = 'https://www.googleapis.com/auth/';

/** Same order as appsscript.json's oauthScopes (test/diagnostics asserts the two lists match). */
export const SCOPE_USES: readonly ScopeUse[] = [
  { scope: `${AUTH}spreadsheets.currentonly`, features: { 'zh-CN': '在当前表格中的所有操作', en: 'every action in this spreadsheet' } },
  { scope: `${AUTH}script.container.ui`, features: { 'zh-CN': '菜单和侧边栏', en: 'the menu and the sidebar' } },
  {
    scope: `${AUTH}spreadsheets`,
    features: { 'zh-CN': '分发到团队（创建、打开单元文件）和 Sheets API 批量写入', en: 'distributing to teams (creating and opening unit files) and the Sheets API batch writes' },
  },
  { scope: `${AUTH}drive.file`, features: { 'zh-CN': '分发到团队（文件夹、共享）', en: 'distributing to teams (folder, sharing)' } },
  { scope: `${AUTH}script.scriptapp`, features: { 'zh-CN': '定时提醒', en: 'scheduled reminders' } },
  { scope: `${AUTH}script.send_mail`, features: { 'zh-CN': '邮件提醒', en: 'e-mail reminders' } },
  { scope: `${AUTH}script.external_request`, features: { 'zh-CN': '群聊机器人提醒', en: 'team-chat webhook reminders' } },
  { scope: `${AUTH}userinfo.email`, features: { 'zh-CN': '“我的 OKR”和“发给我测试”', en: '"My OKRs" and "Send a test to me"' } },
];

/** Reads the granted scopes; null = cannot be read where this runs. */
export type GrantedScopes = () => readonly string[] | null;

/** `getAuthorizedScopes` and the two-argument `getAuthorizationInfo` are newer than @types/google-apps-script. */
interface AuthInfoWithScopes {
  getAuthorizedScopes?(): string[] | null;
}

/** The real reader, on Apps Script; null elsewhere (tests, the playground) or when the method is missing. */
export const appsScriptGrantedScopes: GrantedScopes = () => {
  if (typeof ScriptApp === 'undefined') return null;
  const getInfo = ScriptApp.getAuthorizationInfo as unknown as (mode: GoogleAppsScript.Script.AuthMode, scopes: string[]) => AuthInfoWithScopes;
  const info = getInfo.call(ScriptApp, ScriptApp.AuthMode.FULL, SCOPE_USES.map((s) => s.scope));
  return typeof info.getAuthorizedScopes === 'function' ? info.getAuthorizedScopes() ?? null : null;
};

const short = (scope: string) => scope.replace(AUTH, '');

/**
 * pass: every scope granted. warn: some not granted — each with what stops working, and what to
 * do; `apiPathWorked` adds whether the Sheets API path ran on this set (the narrowed-scope test).
 * skip: not readable here.
 */
export function scopeCheck(granted: readonly string[] | null, apiPathWorked: boolean): { ok: boolean | 'warn' | null; seen: Localized } {
  const both = (key: keyof typeof DETAIL, p: (l: 'zh-CN' | 'en') => Record<string, string | number>): Localized => ({
    'zh-CN': fmt(DETAIL[key], 'zh-CN', p('zh-CN')),
    en: fmt(DETAIL[key], 'en', p('en')),
  });
  if (granted === null) return { ok: null, seen: both('scopesUnreadable', () => ({})) };
  const have = new Set(granted);
  const missing = SCOPE_USES.filter((s) => !have.has(s.scope));
  const api = (l: 'zh-CN' | 'en') => fmt(apiPathWorked ? DETAIL.scopesApiWorked : DETAIL.scopesApiNotUsed, l, {});
  if (missing.length === 0) return { ok: true, seen: both('scopesAll', (l) => ({ n: SCOPE_USES.length, api: api(l) })) };
  const sep = (l: 'zh-CN' | 'en') => (l === 'zh-CN' ? '；' : '; ');
  return {
    ok: 'warn',
    seen: both('scopesMissing', (l) => ({
      n: missing.length,
      of: SCOPE_USES.length,
      list: missing.map((s) => `${short(s.scope)} (${s.features[l]})`).join(sep(l)),
      api: api(l),
    })),
  };
}
