/**
 * Errors that reach the user. Server actions throw `OkrError`; the RPC layer turns it into
 * `{ code, message }` with the message in the user's language (`toErrorPayload`). Anything
 * else thrown is a bug and is reported with the generic `internal` message.
 */
import type { Lang, Localized, Params } from '../core/i18n';
import { fmt } from '../core/i18n';

export type OkrErrorCode =
  | 'locked' // another user holds the document lock
  | 'notFound' // a sheet / template / range the action needs is missing
  | 'invalidInput' // the payload or the sheet content is not usable
  | 'notOkrSheet' // no OKR header row found
  | 'rosterProblems' // the roster has problems (listed separately)
  | 'conflict' // a name or a state clash that the action refuses to resolve itself
  | 'internal';

export interface ErrorPayload {
  code: OkrErrorCode;
  message: Localized;
}

export class OkrError extends Error {
  readonly code: OkrErrorCode;
  readonly localized: Localized;
  readonly details: unknown;

  constructor(code: OkrErrorCode, message: Localized, params: Params = {}, details?: unknown) {
    const localized: Localized = { 'zh-CN': fmt(message, 'zh-CN', params), en: fmt(message, 'en', params) };
    super(localized.en);
    this.name = 'OkrError';
    this.code = code;
    this.localized = localized;
    this.details = details;
  }

  text(lang: Lang): string {
    return this.localized[lang];
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.localized };
  }
}

export function isOkrError(e: unknown): e is OkrError {
  return e instanceof OkrError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'OkrError');
}

export const ERROR_MESSAGES = {
  locked: {
    'zh-CN': '其他人正在编辑此表格，请稍后再试。',
    en: 'Another user is editing this spreadsheet. Please try again in a moment.',
  },
  internal: {
    'zh-CN': '出现了意外错误，请重试；如果问题持续，请联系管理员。',
    en: 'Something went wrong. Please try again; if it keeps happening, contact your admin.',
  },
  sheetNotFound: { 'zh-CN': '找不到工作表“{name}”。', en: 'Sheet "{name}" was not found.' },
  notOkrSheet: {
    'zh-CN': '工作表“{name}”中没有找到 OKR 表头行（编号、类型、目标 / 关键结果……）。',
    en: 'No OKR header row (ID, Type, Objective / Key result …) was found on sheet "{name}".',
  },
  templateNotFound: {
    'zh-CN': '没有找到模板：{department} / {role}。',
    en: 'Template not found: {department} / {role}.',
  },
} satisfies Record<string, Localized>;

/** Any thrown value → what the user sees. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (isOkrError(e)) return e.toPayload();
  return { code: 'internal', message: ERROR_MESSAGES.internal };
}
