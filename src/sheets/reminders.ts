/**
 * Reminders in Google Sheets (issue 13 §1): the schedule (one installable time-driven trigger per
 * workbook, owned by whoever turned it on), the webhook URL (document properties, shown masked),
 * and a run — core `planReminders` → mail within the day's quota, most urgent first → one digest
 * to the team-chat webhook → one row in the **Reminders log** sheet (never silent).
 *
 * The Apps Script services are passed in (`ReminderServices`), so this runs unchanged on the
 * in-memory workbook with recording stand-ins (tests, playground outbox):
 * - triggers: ScriptApp.newTrigger(fn).timeBased().onWeekDay(d).atHour(h).inTimezone(tz).create(),
 *   ScriptApp.getUserTriggers(ss), ScriptApp.deleteTrigger — scope script.scriptapp.
 *   https://developers.google.com/apps-script/reference/script/clock-trigger-builder
 *   https://developers.google.com/apps-script/reference/script/script-app
 *   An add-on's time-driven trigger runs at most once an hour; the hour is approximate.
 *   https://developers.google.com/apps-script/guides/triggers/installable
 * - mail: MailApp.getRemainingDailyQuota() (recipients left today) and MailApp.sendEmail — scope
 *   script.send_mail; 100 recipients/day on consumer accounts, 1,500 on Workspace.
 *   https://developers.google.com/apps-script/reference/mail/mail-app
 *   https://developers.google.com/apps-script/guides/services/quotas
 * - webhook: UrlFetchApp.fetch — scope script.external_request.
 *   https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
 * - properties: PropertiesService.getDocumentProperties() (no extra scope).
 */
import { managerMessage, ownerMessage, planReminders, type Message, type ReminderRun } from '../core/cycle/reminders';
import { fmt, type Localized } from '../core/i18n';
import { readSnapshot } from '../core/snapshot';
import type { PlanCell } from '../core/plan/types';
import { escapeCellText } from '../core/escape';
import type { SheetsContext } from './context';
import { OkrError } from './errors';
import { takeSnapshot } from './snapshot';
import { withDocumentLock } from './lock';
import { toCellValue } from './checkins';

/** The function the trigger calls (an entry point: src/addon/main.ts exports it). */
export const REMINDER_HANDLER = 'runScheduledReminders';
export const REMINDER_PROPS = { schedule: 'okrSheets.reminders', webhook: 'okrSheets.reminderWebhook' } as const;
export const REMINDERS_LOG = { 'zh-CN': '提醒记录', en: 'Reminders log' } satisfies Localized;

export interface ReminderServices {
  triggers: {
    /** This user's installable triggers on this spreadsheet (id + handler function). */
    list(): { id: string; handler: string }[];
    createWeekly(handler: string, weekday: number, hour: number, timeZone: string): string;
    remove(id: string): void;
  };
  mail: { remaining(): number; send(to: string, subject: string, body: string): void };
  props: { get(key: string): string | null; set(key: string, value: string): void; remove(key: string): void };
  /** POSTs JSON; returns the HTTP status. */
  post(url: string, body: unknown): number;
}

export interface ReminderSchedule {
  on: boolean;
  /** 1 = Monday … 7 = Sunday (ISO), in the spreadsheet's time zone. */
  weekday: number;
  hour: number;
  /** True when this user holds the trigger (it runs as them, from their mailbox). */
  mine: boolean;
  webhook: string | null;
}

const DEFAULT = { weekday: 1, hour: 9 };

export const REMINDER_MESSAGES = {
  badWebhook: {
    'zh-CN': 'Webhook 地址必须是 https，并来自飞书、钉钉、企业微信或 Google Chat：{url}',
    en: 'The webhook must be an https URL of Feishu/Lark, DingTalk, WeCom or Google Chat: {url}',
  },
  badTime: { 'zh-CN': '星期应为 1–7，小时应为 0–23', en: 'The weekday must be 1–7 and the hour 0–23' },
  noEmail: { 'zh-CN': '{who} 没有邮箱', en: 'no email for {who}' },
  quotaLeft: { 'zh-CN': '今日邮件配额用完，未发送：{who}', en: 'daily mail quota used up; not sent: {who}' },
  sendFailed: { 'zh-CN': '发送给 {who} 失败：{why}', en: 'sending to {who} failed: {why}' },
  webhookFailed: { 'zh-CN': 'Webhook 返回 {code}', en: 'the webhook answered {code}' },
  testSubject: { 'zh-CN': '[测试] {subject}', en: '[Test] {subject}' },
  logHeader: { 'zh-CN': '日期|收件人|已发送|未发送|问题', en: 'Date|Recipients|Sent|Left|Problems' },
} satisfies Record<string, Localized>;

/** Which chat the webhook belongs to, by host (each expects its own JSON). */
export function webhookKind(url: string): 'feishu' | 'dingtalk' | 'wecom' | 'googlechat' | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  const h = u.hostname.toLowerCase();
  if (h === 'open.feishu.cn' || h === 'open.larksuite.com') return 'feishu';
  if (h === 'oapi.dingtalk.com') return 'dingtalk';
  if (h === 'qyapi.weixin.qq.com') return 'wecom';
  if (h === 'chat.googleapis.com') return 'googlechat';
  return null;
}

/** `https://open.feishu.cn/…a1b2`: enough to recognise it, never the secret path. */
export function maskWebhook(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…${url.slice(-4)}`;
  } catch {
    return '…';
  }
}

/** The chat message body each platform expects for plain text. */
export function webhookPayload(kind: NonNullable<ReturnType<typeof webhookKind>>, text: string): unknown {
  switch (kind) {
    case 'feishu':
      return { msg_type: 'text', content: { text } };
    case 'dingtalk':
    case 'wecom':
      return { msgtype: 'text', text: { content: text } };
    case 'googlechat':
      return { text };
  }
}

export function readSchedule(svc: ReminderServices): ReminderSchedule {
  const raw = svc.props.get(REMINDER_PROPS.schedule);
  let saved: { weekday?: number; hour?: number } = {};
  try {
    saved = raw ? (JSON.parse(raw) as typeof saved) : {};
  } catch {
    saved = {};
  }
  const mine = svc.triggers.list().some((t) => t.handler === REMINDER_HANDLER);
  const webhook = svc.props.get(REMINDER_PROPS.webhook);
  return { on: raw !== null, weekday: saved.weekday ?? DEFAULT.weekday, hour: saved.hour ?? DEFAULT.hour, mine, webhook: webhook ? maskWebhook(webhook) : null };
}

/** Turns reminders on (one trigger: any old one of ours is replaced) or off (trigger removed). */
export function setSchedule(ctx: SheetsContext, svc: ReminderServices, p: { on: boolean; weekday?: number; hour?: number }): ReminderSchedule {
  for (const t of svc.triggers.list()) if (t.handler === REMINDER_HANDLER) svc.triggers.remove(t.id);
  if (!p.on) {
    svc.props.remove(REMINDER_PROPS.schedule);
    return readSchedule(svc);
  }
  const weekday = p.weekday ?? DEFAULT.weekday;
  const hour = p.hour ?? DEFAULT.hour;
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7 || !Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new OkrError('invalidInput', REMINDER_MESSAGES.badTime);
  }
  svc.triggers.createWeekly(REMINDER_HANDLER, weekday, hour, ctx.ss.getSpreadsheetTimeZone());
  svc.props.set(REMINDER_PROPS.schedule, JSON.stringify({ weekday, hour }));
  return readSchedule(svc);
}

export function setWebhook(svc: ReminderServices, url: string | null): ReminderSchedule {
  if (url === null || url.trim() === '') svc.props.remove(REMINDER_PROPS.webhook);
  else {
    if (!webhookKind(url.trim())) throw new OkrError('invalidInput', REMINDER_MESSAGES.badWebhook, { url: maskWebhook(url.trim()) });
    svc.props.set(REMINDER_PROPS.webhook, url.trim());
  }
  return readSchedule(svc);
}

export interface RunOutcome {
  run: ReminderRun;
  messages: Message[];
  sent: string[];
  left: string[];
  problems: string[];
  webhook: 'posted' | 'failed' | 'none';
  logRow: number | null;
}

/** Owners with overdue KRs first, then by days without an update; managers' digests after. */
function urgency(run: ReminderRun): { m: Message; score: number }[] {
  const owners = run.owners.map((o) => ({
    m: ownerMessage(o, run),
    score: o.krs.filter((k) => k.reason === 'overdue').length * 1000 + Math.max(0, ...o.krs.map((k) => k.days ?? 0)),
  }));
  const managers = run.managers.map((d) => ({ m: managerMessage(d, run), score: -1 }));
  return [...owners, ...managers].sort((a, b) => b.score - a.score);
}

/**
 * One reminder run. `test`: everything goes to that one address instead (subject marked), the
 * webhook is left alone. Mail sent ≤ the quota read before sending; the rest is named in the log.
 */
export function runReminders(ctx: SheetsContext, svc: ReminderServices, opts: { asOf?: string; test?: string } = {}): RunOutcome {
  const model = readSnapshot(takeSnapshot(ctx, opts.asOf ? { asOf: opts.asOf } : {}), ctx.lang);
  const lang = model.lang ?? ctx.lang;
  const run = planReminders(model, { lang, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  return sendReminderRun(ctx, svc, run, lang, opts.test !== undefined ? { test: opts.test } : {});
}

/**
 * Sends a planned run — one workbook's (`runReminders`) or every unit file's from the hub
 * (src/sheets/distribution.ts `sendHubReminders`): mail within the quota read first, most urgent
 * first; the webhook digest when one is set; one row in this spreadsheet's Reminders log.
 */
export function sendReminderRun(ctx: SheetsContext, svc: ReminderServices, run: ReminderRun, lang: 'zh-CN' | 'en', opts: { test?: string; problems?: string[] } = {}): RunOutcome {
  const queue = urgency(run);
  const out: RunOutcome = { run, messages: queue.map((q) => q.m), sent: [], left: [], problems: [...(opts.problems ?? [])], webhook: 'none', logRow: null };
  let quota = svc.mail.remaining();
  for (const { m } of queue) {
    const to = opts.test ?? m.email;
    if (!to) {
      out.problems.push(fmt(REMINDER_MESSAGES.noEmail, lang, { who: m.to }));
      continue;
    }
    if (quota <= 0) {
      out.left.push(m.to);
      continue;
    }
    try {
      svc.mail.send(to, opts.test ? fmt(REMINDER_MESSAGES.testSubject, lang, { subject: m.subject }) : m.subject, m.body);
      out.sent.push(m.to);
      quota--;
    } catch (e) {
      out.problems.push(fmt(REMINDER_MESSAGES.sendFailed, lang, { who: m.to, why: e instanceof Error ? e.message.slice(0, 120) : String(e) }));
    }
    if (opts.test) break; // a test is one message
  }
  if (out.left.length) out.problems.push(fmt(REMINDER_MESSAGES.quotaLeft, lang, { who: out.left.join(', ') }));
  const hook = opts.test ? null : svc.props.get(REMINDER_PROPS.webhook);
  const kind = hook ? webhookKind(hook) : null;
  if (hook && kind && run.managers.length > 0) {
    const text = run.managers.map((d) => { const m = managerMessage(d, run); return `${m.subject}\n${m.body}`; }).join('\n\n');
    let code = 0;
    try {
      code = svc.post(hook, webhookPayload(kind, text));
    } catch {
      code = 0;
    }
    out.webhook = code >= 200 && code < 300 ? 'posted' : 'failed';
    if (out.webhook === 'failed') out.problems.push(fmt(REMINDER_MESSAGES.webhookFailed, lang, { code }));
  }
  out.logRow = appendLog(ctx, lang, run.asOf, out);
  return out;
}

/** One row per run in the Reminders log sheet (created when missing). */
function appendLog(ctx: SheetsContext, lang: 'zh-CN' | 'en', asOf: string, o: RunOutcome): number {
  return withDocumentLock(ctx, () => {
    const name = REMINDERS_LOG[lang];
    let sheet = ctx.ss.getSheetByName(name) ?? ctx.ss.getSheetByName(REMINDERS_LOG[lang === 'zh-CN' ? 'en' : 'zh-CN']);
    if (!sheet) {
      sheet = ctx.ss.insertSheet(name);
      sheet.getRange(1, 1, 1, 5).setValues([REMINDER_MESSAGES.logHeader[lang].split('|')]);
      sheet.setFrozenRows(1);
    }
    const row = Math.max(sheet.getLastRow(), 1) + 1;
    const cells: PlanCell[] = [
      { date: asOf },
      escapeCellText(o.sent.join(', ')),
      o.sent.length,
      o.left.length,
      escapeCellText(o.problems.join('\n')),
    ];
    sheet.getRange(row, 1, 1, 5).setValues([cells.map(toCellValue)]);
    return row;
  });
}
