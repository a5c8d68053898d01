/**
 * Reminders (sidebar "Reminders" panel; RPC getReminders / setReminders / setReminderWebhook /
 * previewReminders / sendTestReminder) and the trigger's entry point `runScheduledReminders`.
 * The Apps Script services are built from the globals here, and only here; the playground and
 * the tests install recording stand-ins with `useReminderServices`.
 */
import type { Message } from '../../core/cycle/reminders';
import { managerMessage, ownerMessage, planReminders } from '../../core/cycle/reminders';
import { readSnapshot } from '../../core/snapshot';
import { asApp, asSpreadsheet } from '../../sheets/api';
import type { SheetsContext } from '../../sheets/context';
import { setSheetTimeZone } from '../../sheets/dates';
import { readSchedule, runReminders, setSchedule, setWebhook, type ReminderSchedule, type ReminderServices } from '../../sheets/reminders';
import { takeSnapshot } from '../../sheets/snapshot';
import { OkrError } from '../../sheets/errors';
import type { Localized } from '../../core/i18n';
import { userServices } from './user';
import { isHub, sendHubReminders } from '../../sheets/distribution';
import { collectForReminders } from './distribution';

const NO_OWN_EMAIL = {
  'zh-CN': '无法读取你的账号邮箱（Google 未提供）；请填写要接收测试邮件的地址。',
  en: 'Your account email is not available (Google withheld it); type the address for the test.',
} satisfies Localized;

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/**
 * The real services (Apps Script globals) for a spreadsheet. A time-driven trigger runs with no
 * open document, so document properties are mirrored into the user's own properties under the
 * spreadsheet's id, and each trigger's id maps to its spreadsheet.
 * https://developers.google.com/apps-script/guides/properties
 */
export function appsScriptReminderServices(spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet): ReminderServices {
  const ss = spreadsheet ?? SpreadsheetApp.getActiveSpreadsheet();
  const doc = spreadsheet ? null : PropertiesService.getDocumentProperties();
  const user = PropertiesService.getUserProperties();
  const mirror = (k: string) => `${k}@${ss.getId()}`;
  return {
    triggers: {
      list: () => ScriptApp.getUserTriggers(ss).map((t) => ({ id: t.getUniqueId(), handler: t.getHandlerFunction() })),
      createWeekly: (handler, weekday, hour, timeZone) => {
        const id = ScriptApp.newTrigger(handler).timeBased().onWeekDay(ScriptApp.WeekDay[WEEKDAYS[weekday - 1]!]).atHour(hour).inTimezone(timeZone).create().getUniqueId();
        user.setProperty(`${TRIGGER_KEY}${id}`, ss.getId());
        return id;
      },
      remove: (id) => {
        for (const t of ScriptApp.getUserTriggers(ss)) if (t.getUniqueId() === id) ScriptApp.deleteTrigger(t);
        user.deleteProperty(`${TRIGGER_KEY}${id}`);
      },
    },
    mail: {
      remaining: () => MailApp.getRemainingDailyQuota(),
      send: (to, subject, body) => MailApp.sendEmail(to, subject, body),
    },
    props: {
      get: (k) => (doc ? doc.getProperty(k) : null) ?? user.getProperty(mirror(k)),
      set: (k, v) => {
        doc?.setProperty(k, v);
        user.setProperty(mirror(k), v);
      },
      remove: (k) => {
        doc?.deleteProperty(k);
        user.deleteProperty(mirror(k));
      },
    },
    post: (url, body) =>
      UrlFetchApp.fetch(url, { method: 'post', contentType: 'application/json', payload: JSON.stringify(body), muteHttpExceptions: true }).getResponseCode(),
  };
}

const TRIGGER_KEY = 'okrSheets.reminderTrigger.';

let factory: () => ReminderServices = appsScriptReminderServices;
/** The playground and tests: recording stand-ins instead of ScriptApp / MailApp / UrlFetchApp. */
export function useReminderServices(f: () => ReminderServices): void {
  factory = f;
}

export function getRemindersAction(_ctx: SheetsContext): ReminderSchedule & { me: string } {
  return { ...readSchedule(factory()), me: userServices().email() };
}

export function setRemindersAction(ctx: SheetsContext, p: { on: boolean; weekday?: number | undefined; hour?: number | undefined }): ReminderSchedule {
  return setSchedule(ctx, factory(), { on: p.on, ...(p.weekday !== undefined ? { weekday: p.weekday } : {}), ...(p.hour !== undefined ? { hour: p.hour } : {}) });
}

export function setReminderWebhookAction(_ctx: SheetsContext, p: { url: string | null }): ReminderSchedule {
  return setWebhook(factory(), p.url);
}

/** The outbox: what a run would send now, nothing sent. */
export function previewRemindersAction(ctx: SheetsContext, p: { asOf?: string | undefined }): { asOf: string; messages: Message[] } {
  const model = readSnapshot(takeSnapshot(ctx, p.asOf ? { asOf: p.asOf } : {}), ctx.lang);
  const run = planReminders(model, { lang: model.lang ?? ctx.lang, ...(p.asOf ? { asOf: p.asOf } : {}) });
  return { asOf: run.asOf, messages: [...run.owners.map((o) => ownerMessage(o, run)), ...run.managers.map((m) => managerMessage(m, run))] };
}

/** A test goes to the address typed, else to the account's own email (never a guess). */
export function sendTestReminderAction(ctx: SheetsContext, p: { to?: string | undefined }): { sent: number; problems: string[] } {
  const to = p.to?.trim() || userServices().email();
  if (!to) throw new OkrError('invalidInput', NO_OWN_EMAIL);
  const r = runReminders(ctx, factory(), { test: to });
  return { sent: r.sent.length, problems: r.problems };
}

/** "Send to every unit" from the hub: the messages of the hub's preview (last collection — the
 *  sidebar collects first), sent by the same path as one workbook's run; one row in the hub's
 *  Reminders log. */
export function sendHubRemindersAction(ctx: SheetsContext, p: { asOf?: string | undefined }): { units: number; sent: number; left: number; problems: string[] } {
  const r = sendHubReminders(ctx, factory(), p.asOf ? { asOf: p.asOf } : {});
  return { units: r.units, sent: r.sent.length, left: r.left.length, problems: r.problems };
}

/** Consecutive runs whose spreadsheet could not be opened before the trigger is removed: a
 *  deleted file (or lost access) fails every time, a passing outage does not remove reminders. */
export const ORPHAN_RUNS = 3;
const FAILS_KEY = 'okrSheets.reminderTriggerFails.';

/** The installable trigger's function: runs as the user who turned reminders on, with no open
 *  document — the trigger's id says which spreadsheet (openById: the `spreadsheets` scope). A
 *  spreadsheet that cannot be opened ORPHAN_RUNS times in a row (deleted, access lost) gets its
 *  trigger and mapping removed — ScriptApp.getProjectTriggers() lists this user's triggers of
 *  this project, with no spreadsheet needed.
 *  https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers() */
export function runScheduledReminders(e?: { triggerUid?: string }): void {
  const props = PropertiesService.getUserProperties();
  const uid = e?.triggerUid;
  const id = uid ? props.getProperty(`${TRIGGER_KEY}${uid}`) : null;
  let raw: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  if (uid && id) {
    try {
      raw = SpreadsheetApp.openById(id);
    } catch {
      raw = null;
    }
    if (!raw) {
      const fails = Number(props.getProperty(`${FAILS_KEY}${uid}`) ?? '0') + 1;
      if (fails < ORPHAN_RUNS) props.setProperty(`${FAILS_KEY}${uid}`, String(fails));
      else {
        for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === uid) ScriptApp.deleteTrigger(t);
        props.deleteProperty(`${TRIGGER_KEY}${uid}`);
        props.deleteProperty(`${FAILS_KEY}${uid}`);
      }
      return;
    }
    props.deleteProperty(`${FAILS_KEY}${uid}`);
  } else raw = SpreadsheetApp.getActiveSpreadsheet();
  if (!raw) return;
  setSheetTimeZone(raw.getSpreadsheetTimeZone()); // dates in cells are days in the spreadsheet's zone (src/sheets/dates.ts)
  const ctx: SheetsContext = { app: asApp(SpreadsheetApp), ss: asSpreadsheet(raw), lang: 'zh-CN' };
  const svc = id ? appsScriptReminderServices(raw) : factory();
  if (isHub(ctx)) {
    // a hub's one trigger covers every unit file: collect them, then send the hub-wide set
    const hubCtx: SheetsContext = { ...ctx, lang: readSnapshot(takeSnapshot(ctx), 'zh-CN').lang ?? 'zh-CN' };
    const { problems } = collectForReminders(hubCtx);
    sendHubReminders(hubCtx, svc, { problems });
    return;
  }
  runReminders(ctx, svc);
}
