/**
 * The RPC server: one Apps Script entry point, `rpc(method, payload, lang?)`, for everything the
 * sidebar asks (design §1, §7).
 *
 * `dispatch()` is the environment-free core shared by Apps Script and the local playground:
 *   1. the method name must be in the contract;
 *   2. the payload must be small (MAX_PAYLOAD_CHARS) and match the method's zod/mini schema —
 *      otherwise a short localized error, and nothing is touched;
 *   3. writes run under the document lock (`withDocumentLock`);
 *   4. any thrown `OkrError` becomes `{ ok: false, code, message }` in the user's language; any
 *      other exception is logged with its stack (`console.error`, which Apps Script sends to
 *      the execution log / Cloud Logging) and answered with a message the user can act on —
 *      `timeout`, `quota`, `authorization`, or `internal` with a short reference that the log
 *      line carries too (./failures.ts); an Apps Script service missing where the action runs
 *      (playground, tests) is `needsSheets`, not logged. Never a stack trace in the answer.
 *
 * `rpc()` builds the SheetsContext from the Apps Script globals; only it touches them.
 */
import type { Lang, Localized } from '../../core/i18n';
import { fmt, isLang, langFromLocale } from '../../core/i18n';
import { asApp, asLock, asSpreadsheet } from '../../sheets/api';
import type { SheetsContext } from '../../sheets/context';
import { setSheetTimeZone } from '../../sheets/dates';
import { isOkrError } from '../../sheets/errors';
import { classifyFailure, errorText, failureMessage, missingService, newReference } from './failures';
import { createRosterSheet, insertTemplate, listTemplates, previewTemplate, setupFromRoster } from '../actions/templates';
import { withDocumentLock } from '../../sheets/lock';
import { checkSheet, getContextInfo, listKrs, selectCell } from '../actions/check';
import { convertNumberCellsAction } from '../actions/convertNumbers';
import { previewImport, writeImport } from '../actions/importText';
import { previewAdopt, writeAdopt } from '../actions/adoptSheet';
import { recordCheckInAction } from '../actions/checkin';
import { startNextCycleAction } from '../actions/nextCycle';
import { generateEvaluationAction } from '../actions/evaluation';
import { gradingViewAction, saveGradesAction } from '../actions/grading';
import { progressReportAction, writeProgressReportAction } from '../actions/report';
import { myOkrsAction } from '../actions/myOkrs';
import { krHistoryAction } from '../actions/history';
import {
  getRemindersAction, previewRemindersAction, sendHubRemindersAction, sendTestReminderAction, setReminderWebhookAction, setRemindersAction,
} from '../actions/reminders';
import {
  alignmentTreeAction, generateAlignmentMapAction, generateDashboardAction, generateReviewAction, reviewMarkdownAction,
} from '../actions/review';
import { runDiagnostics } from '../diagnostics/run';
import { appsScriptGrantedScopes } from '../diagnostics/scopes';
import { collectBatchAction, distributeBatchAction, hubRemindersAction, nextCycleBatchAction, reviewUnitFromHubAction } from '../actions/distribution';
import type { RpcMethod, RpcPayload, RpcResponse, RpcResult } from './contract';
import { CONTRACT, MAX_PAYLOAD_CHARS, MAX_STRING, isRpcMethod } from './contract';

export type RpcHandler<M extends RpcMethod> = (ctx: SheetsContext, payload: RpcPayload<M>) => RpcResult<M>;
export type RpcHandlers = { [M in RpcMethod]: RpcHandler<M> };

/** One handler per contract method (the compiler rejects a missing or an extra one). */
export const RPC_HANDLERS: RpcHandlers = {
  getContext: (ctx) => getContextInfo(ctx),
  listTemplates: (ctx) => listTemplates(ctx),
  previewTemplate: (ctx, p) => previewTemplate(ctx, p),
  insertTemplate: (ctx, p) => {
    const r = insertTemplate(ctx, p);
    return { sheet: r.sheet, rows: r.rows };
  },
  createRosterSheet: (ctx) => ({ sheet: createRosterSheet(ctx).sheet }),
  setupFromRoster: (ctx, p) => rosterSetup(ctx, p),
  generateEvaluation: (ctx, p) => generateEvaluationAction(ctx, p),
  gradingView: (ctx, p) => gradingViewAction(ctx, p),
  saveGrades: (ctx, p) => saveGradesAction(ctx, p),
  checkSheet: (ctx, p) => checkSheet(ctx, p),
  convertNumberCells: (ctx, p) => convertNumberCellsAction(ctx, p),
  selectCell: (ctx, p) => selectCell(ctx, p),
  listKrs: (ctx, p) => listKrs(ctx, p),
  recordCheckIn: (ctx, p) => recordCheckInAction(ctx, p),
  startNextCycle: (ctx, p) => startNextCycleAction(ctx, p),
  progressReport: (ctx, p) => progressReportAction(ctx, p),
  myOkrs: (ctx, p) => myOkrsAction(ctx, p),
  krHistory: (ctx, p) => krHistoryAction(ctx, p),
  getReminders: (ctx) => getRemindersAction(ctx),
  setReminders: (ctx, p) => setRemindersAction(ctx, p),
  setReminderWebhook: (ctx, p) => setReminderWebhookAction(ctx, p),
  previewReminders: (ctx, p) => previewRemindersAction(ctx, p),
  sendTestReminder: (ctx, p) => sendTestReminderAction(ctx, p),
  writeProgressReport: (ctx, p) => writeProgressReportAction(ctx, p),
  previewImport: (ctx, p) => previewImport(ctx, p),
  writeImport: (ctx, p) => writeImport(ctx, p),
  previewAdopt: (ctx, p) => previewAdopt(ctx, p),
  writeAdopt: (ctx, p) => writeAdopt(ctx, p),
  generateReview: (ctx, p) => generateReviewAction(ctx, p),
  reviewMarkdown: (ctx, p) => reviewMarkdownAction(ctx, p),
  generateDashboard: (ctx, p) => generateDashboardAction(ctx, p),
  generateAlignmentMap: (ctx, p) => generateAlignmentMapAction(ctx, p),
  alignmentTree: (ctx, p) => alignmentTreeAction(ctx, p),
  // the granted scopes are read from ScriptApp on Apps Script; elsewhere the check says it cannot tell
  runDiagnostics: (ctx) => runDiagnostics(ctx, { grantedScopes: appsScriptGrantedScopes }),
  distributeBatch: (ctx, p) => distributeBatchAction(ctx, p),
  collectBatch: (ctx, p) => collectBatchAction(ctx, p),
  reviewUnitFromHub: (ctx, p) => reviewUnitFromHubAction(ctx, p),
  nextCycleBatch: (ctx, p) => nextCycleBatchAction(ctx, p),
  hubReminders: (ctx, p) => hubRemindersAction(ctx, p),
  sendHubReminders: (ctx, p) => sendHubRemindersAction(ctx, p),
};

export const RPC_MESSAGES = {
  unknownMethod: { 'zh-CN': '未知的操作：{method}。', en: 'Unknown action: {method}.' },
  tooLarge: {
    'zh-CN': '提交的内容太大（{size} 个字符，上限 {max}）。请缩短后重试。',
    en: 'The request is too large ({size} characters; the limit is {max}). Please shorten it and try again.',
  },
  notObject: { 'zh-CN': '请求格式不正确。', en: 'The request is not in the expected form.' },
  fieldMissingOrType: {
    'zh-CN': '字段“{field}”缺失或类型不对（应为{expected}）。',
    en: 'Field "{field}" is missing or has the wrong type (expected {expected}).',
  },
  fieldTooLong: {
    'zh-CN': '字段“{field}”太长（上限 {max} 个字符）。',
    en: 'Field "{field}" is too long (at most {max} characters).',
  },
  fieldTooShort: { 'zh-CN': '字段“{field}”不能为空。', en: 'Field "{field}" must not be empty.' },
  numberTooBig: { 'zh-CN': '字段“{field}”不能大于 {max}。', en: 'Field "{field}" must be at most {max}.' },
  numberTooSmall: { 'zh-CN': '字段“{field}”不能小于 {min}。', en: 'Field "{field}" must be at least {min}.' },
  badValue: { 'zh-CN': '字段“{field}”的值无效。', en: 'Field "{field}" has an invalid value.' },
  unknownField: { 'zh-CN': '不认识的字段：{keys}。', en: 'Unknown field(s): {keys}.' },
} satisfies Record<string, Localized>;

const TYPE_NAMES: Record<string, Localized> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  int: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是/否', en: 'true/false' },
  object: { 'zh-CN': '对象', en: 'an object' },
  array: { 'zh-CN': '列表', en: 'a list' },
};

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
  keys?: string[];
}

/** The first validation issue, in words (zod's own messages are English-only and terse). */
export function issueMessage(issue: Issue, lang: Lang): string {
  const field = issue.path.map(String).join('.') || '—';
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.path.length === 0) return RPC_MESSAGES.notObject[lang];
      const t = TYPE_NAMES[issue.expected ?? ''];
      return fmt(RPC_MESSAGES.fieldMissingOrType, lang, { field, expected: t ? t[lang] : String(issue.expected) });
    }
    case 'too_big':
      return issue.origin === 'number'
        ? fmt(RPC_MESSAGES.numberTooBig, lang, { field, max: String(issue.maximum) })
        : fmt(RPC_MESSAGES.fieldTooLong, lang, { field, max: String(issue.maximum) });
    case 'too_small':
      return issue.origin === 'number'
        ? fmt(RPC_MESSAGES.numberTooSmall, lang, { field, min: String(issue.minimum) })
        : fmt(RPC_MESSAGES.fieldTooShort, lang, { field });
    case 'unrecognized_keys':
      return fmt(RPC_MESSAGES.unknownField, lang, { keys: (issue.keys ?? []).slice(0, 5).join(', ') });
    default:
      return fmt(RPC_MESSAGES.badValue, lang, { field });
  }
}

type Failure = { ok: false; code: string; message: string };
function fail(code: string, message: string): Failure {
  return { ok: false, code, message };
}

function payloadSize(payload: unknown): number {
  try {
    return JSON.stringify(payload ?? null).length;
  } catch {
    return Infinity; // cycles and the like: not a payload the sidebar can send
  }
}

/**
 * Validates and runs one call. `ctx()` is only called once the payload is known good, so a
 * malformed call never even opens the spreadsheet.
 */
export function dispatch(method: unknown, payload: unknown, ctx: () => SheetsContext, lang: Lang): RpcResponse {
  if (!isRpcMethod(method)) {
    return fail('unknownMethod', fmt(RPC_MESSAGES.unknownMethod, lang, { method: String(method).slice(0, 60) }));
  }
  const size = payloadSize(payload);
  if (size > MAX_PAYLOAD_CHARS) {
    return fail('invalidInput', fmt(RPC_MESSAGES.tooLarge, lang, { size: size === Infinity ? '∞' : size, max: MAX_PAYLOAD_CHARS }));
  }
  const spec = CONTRACT[method];
  // no payload at all means {}; null is not an object and is refused like any other non-object
  const parsed = spec.payload.safeParse(payload === undefined ? {} : payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as unknown as Issue | undefined;
    return fail('invalidInput', issue ? issueMessage(issue, lang) : RPC_MESSAGES.notObject[lang]);
  }
  try {
    const c = { ...ctx(), lang };
    const handler = RPC_HANDLERS[method] as RpcHandler<RpcMethod>;
    const run = () => handler(c, parsed.data as RpcPayload<RpcMethod>);
    const result = spec.write ? withDocumentLock(c, run) : run();
    return { ok: true, result };
  } catch (e) {
    if (isOkrError(e)) return fail(e.code, e.text(lang));
    return answerFailure(`rpc ${method}`, e, lang);
  }
}

/**
 * An exception nobody planned for: one log line with a reference, the method and the stack
 * (Apps Script keeps line breaks and names in Code.js, so the stack reads), and an answer that
 * says what to do. The multi-account failure cannot happen here (it never reaches the server);
 * a network-looking message from a service is reported as internal, since the sidebar did reach us.
 * One planned case is not logged: an action built on an Apps Script service (ScriptApp, MailApp …)
 * called where that service does not exist (playground, tests) says it needs Google Sheets.
 * `what` names the call in the log line (`rpc getContext`, `playground cell Sales!B7`); the
 * playground's own routes answer their failures through here too.
 */
export function answerFailure(what: string, e: unknown, lang: Lang): Failure {
  if (isOkrError(e)) return fail(e.code, e.text(lang));
  const kind = classifyFailure(e);
  if (kind === 'needsSheets') {
    return fail(kind, failureMessage(kind, lang, { feature: featureOf(what), service: missingService(e) }));
  }
  const ref = newReference();
  const stack = e instanceof Error && e.stack ? e.stack : errorText(e);
  try {
    console.error(`[OKR Sheets] ref ${ref}: ${what} failed (${kind}): ${stack}`);
  } catch {
    /* logging must never hide the answer */
  }
  if (kind === 'timeout' || kind === 'quota' || kind === 'authorization') return fail(kind, failureMessage(kind, lang));
  return fail('internal', failureMessage('internal', lang, { ref }));
}

/** Which feature a call (`rpc getReminders`) belongs to, for the needs-Google-Sheets message. */
function featureOf(what: string): 'reminders' | 'distribution' | 'other' {
  if (/Reminder/.test(what)) return 'reminders';
  if (/\b(distributeBatch|collectBatch)$/.test(what)) return 'distribution';
  return 'other';
}

export { MAX_STRING };

function rosterSetup(ctx: SheetsContext, p: RpcPayload<'setupFromRoster'>): RpcResult<'setupFromRoster'> {
  const r = setupFromRoster(ctx, p);
  if (r.ok) return r;
  return {
    ok: false,
    sheet: r.sheet,
    problems: r.problems.map((x) => ({ a1: x.a1, message: x.message[ctx.lang] })),
  };
}

/** The language for messages: the sidebar's choice, else the user's Google locale. */
function userLang(requested: unknown): Lang {
  if (isLang(requested)) return requested;
  try {
    return langFromLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

/**
 * Apps Script entry point called by the sidebar through
 * `google.script.run.withSuccessHandler(…).rpc(method, payload, lang)`.
 */
export function rpc(method: string, payload: unknown, lang?: string): RpcResponse {
  const l = userLang(lang);
  return dispatch(
    method,
    payload,
    () => {
      const lock = LockService.getDocumentLock(); // null outside a document (not for an add-on)
      const ss = asSpreadsheet(SpreadsheetApp.getActiveSpreadsheet());
      // Dates in cells are midnight in the spreadsheet's zone, not the script's (src/sheets/dates.ts).
      // No silent fallback to the manifest's fixed zone: dates would shift by a day without a word.
      // If the zone cannot be read, the call fails with a logged reference (dispatch).
      setSheetTimeZone(null);
      setSheetTimeZone(ss.getSpreadsheetTimeZone());
      return {
        app: asApp(SpreadsheetApp),
        ss,
        ...(lock ? { lock: asLock(lock) } : {}),
        // the advanced Sheets service (appsscript.json): plans applied in one batchUpdate,
        // SpreadsheetApp when it is missing or fails (src/sheets/batch)
        ...(typeof Sheets !== 'undefined' && Sheets?.Spreadsheets ? { sheetsApi: Sheets.Spreadsheets } : {}),
        lang: l,
      };
    },
    l,
  );
}
