/**
 * Failures the user can act on (issue 16 §3): one catalogue for the two places a call can fail —
 * the server (`dispatch` catches an exception) and the sidebar (`google.script.run`'s failure
 * handler fires because the execution never answered). Pure data and string matching: the
 * sidebar bundles this file too, so it must not touch Apps Script or the DOM.
 *
 * Why these kinds:
 * - timeout: an execution is stopped after 6 minutes ("Exceeded maximum execution time"), and a
 *   single Spreadsheet service call can time out ("Service Spreadsheets timed out while
 *   accessing document …") — https://developers.google.com/apps-script/guides/services/quotas
 * - quota: daily quotas and "Service invoked too many times …" / "Too many simultaneous
 *   invocations" — same page.
 * - multiAccount: google.script.run from an add-on sidebar fails when the browser is signed in
 *   to several Google accounts and the add-on runs as another one than the default; the failure
 *   handler then sees "We're sorry, a server error occurred while reading from storage. Error
 *   code PERMISSION_DENIED." (or "Authorization is required …"). Not in Google's reference
 *   documentation; it is the long-standing issue https://issuetracker.google.com/issues/69270374
 *   — matched by text, so it is an assumption (src/local/workbook/assumptions.ts).
 * - authorization: the user has not (or no longer) granted a scope this action needs — after an
 *   update that adds a scope, or when the action needs a narrower grant than was given:
 *   "Authorization is required to perform that action." in the sidebar, "You do not have
 *   permission to call X. Required permissions: …" on the server. The same words also come
 *   with the several-accounts failure, so the message names both ways out.
 *   https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 * - needsSheets: an action built on an Apps Script service (ScriptApp, MailApp, …) ran where that
 *   service does not exist — the playground or a test without stand-ins. A ReferenceError on one
 *   of those globals says so; it is not a bug to log.
 * - network: the browser could not send the request at all.
 * - internal: anything else, with a short reference that the server's log line carries too.
 */
import type { Lang, Localized } from '../../core/i18n';
import { fmt } from '../../core/i18n';

export type FailureKind = 'timeout' | 'quota' | 'multiAccount' | 'authorization' | 'needsSheets' | 'network' | 'internal';

export const FAILURE_MESSAGES = {
  timeout: {
    'zh-CN':
      '操作超时：Google 表格限制每次运行最多 6 分钟，单次读写也可能超时。请稍后重试；如果表格很大，请一次处理一个工作表，或把很长的 OKR 表拆开。已写入的内容不会重复写入。',
    en: 'The operation timed out: Google Sheets stops a run after 6 minutes, and a single read or write can time out too. Try again in a minute; on a very large spreadsheet work on one sheet at a time, or split a very long OKR sheet.',
  },
  quota: {
    'zh-CN': '已达到 Google 的使用配额（调用过于频繁或今日次数已用完）。请等几分钟再试；若仍不行，请明天再试或联系管理员。',
    en: 'Google’s usage quota was reached (too many calls at once, or today’s allowance is used up). Wait a few minutes and try again; if it persists, try again tomorrow or ask your admin.',
  },
  multiAccount: {
    'zh-CN':
      '浏览器同时登录了多个 Google 账号，Google 无法确定由哪个账号运行插件。请退出其他账号（或用只登录一个账号的浏览器窗口/隐身窗口打开此表格），然后重新加载页面。',
    en: 'This browser is signed in to several Google accounts and Google could not tell which one runs the add-on. Sign out of the other accounts (or open this spreadsheet in a browser profile or private window with only one account), then reload the page.',
  },
  authorization: {
    'zh-CN':
      'Google 提示此操作需要您的授权。请关闭侧边栏，从“扩展程序 → OKR Sheets”重新打开，并在 Google 询问时点“允许”（插件更新后可能需要重新授权）。如果浏览器同时登录了多个 Google 账号，请先退出其他账号或使用只登录一个账号的窗口，否则 Google 可能向错误的账号请求授权。',
    en: 'Google says this action needs your authorization. Close the sidebar, open it again from Extensions → OKR Sheets and choose Allow when Google asks (an update of the add-on can ask again). If this browser is signed in to several Google accounts, sign out of the others or use a window with only one account first — otherwise Google may ask the wrong account.',
  },
  needsSheets: {
    'zh-CN': '{what}需要在 Google 表格中使用：它依赖 Google 的 {service} 服务，而本地试玩环境和测试中没有这个服务。请在安装了本插件的 Google 表格中打开。',
    en: '{what} need Google Sheets: they rely on Google’s {service} service, which the local playground and tests do not have. Open them in a Google spreadsheet with the add-on installed.',
  },
  network: {
    'zh-CN': '侧边栏无法连接到 Google（网络中断）。请检查网络连接，然后关闭并重新打开侧边栏。',
    en: 'The sidebar could not reach Google (the connection dropped). Check your network, then close and reopen the sidebar.',
  },
  internal: {
    'zh-CN': '出现了意外错误（编号 {ref}）。请重试；如果问题持续，请把这个编号告诉管理员——插件的运行日志里有同一编号的详细记录。',
    en: 'Something went wrong (reference {ref}). Please try again; if it keeps happening, give this reference to your admin — the add-on’s execution log has the details under the same reference.',
  },
  /** The sidebar's failure handler got an error that is none of the above: say what it said. */
  unknownTransport: {
    'zh-CN': '表格没有完成这次请求（{reason}）。请关闭并重新打开侧边栏后重试；如果问题持续，请把这句话告诉管理员。',
    en: 'The spreadsheet did not complete the request ({reason}). Close and reopen the sidebar and try again; if it keeps happening, pass this message to your admin.',
  },
} satisfies Record<string, Localized>;

const PATTERNS: [Exclude<FailureKind, 'internal'>, RegExp][] = [
  ['needsSheets', /^ReferenceError: (ScriptApp|MailApp|UrlFetchApp|PropertiesService|DriveApp|Drive|Session|LockService|HtmlService|CacheService|Utilities|SpreadsheetApp) is not defined/],
  ['multiAccount', /PERMISSION_DENIED|reading from storage/i],
  ['authorization', /Authorization is required|do not have permission to call|Required permissions:|authorization required/i],
  ['timeout', /Exceeded maximum execution time|timed out|timeout|deadline exceeded/i],
  ['quota', /too many times|quota|too many simultaneous|rate limit|limit exceeded/i],
  ['network', /NetworkError|network error|failed to fetch|net::|offline|connection (was )?(reset|lost|refused)/i],
];

/** The error text of anything thrown (Error, string, a google.script.run error object). */
export function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

export function classifyFailure(e: unknown): FailureKind {
  const text = errorText(e);
  for (const [kind, re] of PATTERNS) if (re.test(text)) return kind;
  return 'internal';
}

/**
 * A short reference for one failure, easy to read aloud and to find in the log: 6 characters
 * without look-alikes (no 0/O, 1/I/L).
 */
export function newReference(random: () => number = Math.random): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let s = '';
  for (let i = 0; i < 6; i++) s += alphabet[Math.floor(random() * alphabet.length) % alphabet.length];
  return s;
}

/** What a `needsSheets` failure is about: the action's own name for it. */
const FEATURE_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  reminders: { 'zh-CN': '提醒', en: 'Reminders' },
  distribution: { 'zh-CN': '分发到团队', en: 'Distributing to teams' },
  other: { 'zh-CN': '此操作', en: 'Actions like this one' },
};

/** The Apps Script service a `needsSheets` error names (`ScriptApp`), else ''. */
export function missingService(e: unknown): string {
  return /^ReferenceError: (\w+) is not defined/.exec(errorText(e))?.[1] ?? '';
}

export function failureMessage(
  kind: FailureKind,
  lang: Lang,
  params: { ref?: string; reason?: string; feature?: 'reminders' | 'distribution' | 'other'; service?: string } = {},
): string {
  if (kind === 'internal') return fmt(FAILURE_MESSAGES.internal, lang, { ref: params.ref ?? '—' });
  if (kind === 'needsSheets') {
    const what = FEATURE_NAMES[params.feature ?? 'other']!;
    return fmt(FAILURE_MESSAGES.needsSheets, lang, { what: what[lang], service: params.service || 'Apps Script' });
  }
  return FAILURE_MESSAGES[kind][lang];
}

/** The sidebar's words for a failure handler call: never only "could not reach the spreadsheet". */
export function transportFailureMessage(e: unknown, lang: Lang): { code: FailureKind | 'transport'; message: string } {
  const kind = classifyFailure(e);
  if (kind !== 'internal') return { code: kind, message: failureMessage(kind, lang) };
  const reason = errorText(e).replace(/\s+/g, ' ').trim().slice(0, 160) || '—';
  return { code: 'transport', message: fmt(FAILURE_MESSAGES.unknownTransport, lang, { reason }) };
}
