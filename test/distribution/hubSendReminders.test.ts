/**
 * "Send to every unit" (issue 13 §1 in the hub): the hub's preview messages go out by the same
 * path as one workbook's run (quota, log, webhook), over RPC and from the scheduled trigger of a
 * hub (which collects first). Apps Script globals (PropertiesService, SpreadsheetApp, MailApp,
 * UrlFetchApp) are in-memory stand-ins, so the real `appsScriptReminderServices` runs for the
 * trigger. Recipients are asserted, not timings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setDriveProvider } from '../../src/addon/actions/distribution';
import { appsScriptReminderServices, runScheduledReminders, useReminderServices } from '../../src/addon/actions/reminders';
import { dispatch } from '../../src/addon/rpc/server';
import { LocalDrive } from '../../src/local/drive';
import { collectBatch, distributeBatch, hubRemindersPreview } from '../../src/sheets/distribution';
import type { ReminderServices } from '../../src/sheets/reminders';
import { AS_OF, CYCLE, ROSTER, hubWith, registry, runAll } from './helpers';
import type { LocalWorkbook } from '../../src/local/workbook';

afterEach(() => {
  setDriveProvider(null);
  useReminderServices(appsScriptReminderServices);
  for (const k of ['PropertiesService', 'SpreadsheetApp', 'MailApp', 'UrlFetchApp']) delete (globalThis as Record<string, unknown>)[k];
});

function distributed() {
  const hub = hubWith(ROSTER);
  const drive = new LocalDrive({ lang: 'zh-CN' });
  runAll(() => distributeBatch(hub.ctx('zh-CN'), drive, { cycle: CYCLE }));
  setDriveProvider(() => drive);
  return { hub, drive };
}

const ROSTER_EMAILS = ROSTER.slice(1).map((r) => r[4]!).filter(Boolean);
const logRows = (hub: LocalWorkbook) => {
  const s = hub.ss.getSheetByName('提醒记录') ?? hub.ss.getSheetByName('Reminders log');
  return s ? s.getLastRow() - 1 : 0;
};
/** The addresses the preview would mail (a message without an email is a problem, never a guess). */
const previewEmails = (hub: LocalWorkbook, asOf?: string) =>
  hubRemindersPreview(hub.ctx('zh-CN'), asOf ? { asOf } : {}).messages.flatMap((m) => (m.email ? [m.email] : [])).sort();

describe('Send to every unit (RPC sendHubReminders)', () => {
  it('mails exactly the owners and managers the preview lists, and logs one row in the hub', () => {
    const { hub, drive } = distributed();
    runAll(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF }));
    const expected = previewEmails(hub, AS_OF);
    expect(expected.length).toBeGreaterThan(0);

    const mails: string[] = [];
    const svc: ReminderServices = {
      triggers: { list: () => [], createWeekly: () => 't1', remove: () => undefined },
      mail: { remaining: () => 100, send: (to) => void mails.push(to) },
      props: { get: () => null, set: () => undefined, remove: () => undefined },
      post: () => 200,
    };
    useReminderServices(() => svc);
    const r = dispatch('sendHubReminders', { asOf: AS_OF }, () => hub.ctx('zh-CN'), 'zh-CN');
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    const out = (r as { result: { units: number; sent: number; left: number; problems: string[] } }).result;
    expect(mails.sort()).toEqual(expected);
    expect(out).toMatchObject({ units: 6, sent: expected.length, left: 0 });
    // nobody with nothing to do: roster addresses not in the preview get nothing
    for (const e of ROSTER_EMAILS.filter((x) => !expected.includes(x))) expect(mails).not.toContain(e);
    expect(logRows(hub)).toBe(1);
  });

  it('over quota: as many as the quota allows are sent, the rest named as left, one log row', () => {
    const { hub, drive } = distributed();
    runAll(() => collectBatch(hub.ctx('zh-CN'), drive, { asOf: AS_OF }));
    const expected = previewEmails(hub, AS_OF);
    expect(expected.length).toBeGreaterThan(1);
    const mails: string[] = [];
    useReminderServices(() => ({
      triggers: { list: () => [], createWeekly: () => 't1', remove: () => undefined },
      mail: { remaining: () => 1, send: (to) => void mails.push(to) },
      props: { get: () => null, set: () => undefined, remove: () => undefined },
      post: () => 200,
    }));
    const r = dispatch('sendHubReminders', { asOf: AS_OF }, () => hub.ctx('zh-CN'), 'zh-CN');
    const out = (r as { result: { sent: number; left: number; problems: string[] } }).result;
    expect(mails).toHaveLength(1);
    expect(out.sent).toBe(1);
    expect(out.left).toBeGreaterThan(0);
    expect(logRows(hub)).toBe(1);
  });
});

describe('the scheduled run on a hub', () => {
  it('collects every unit file and sends the hub-wide set, with one trigger for the hub', () => {
    const { hub, drive } = distributed();
    // the first collection gives today's preview to compare with; the trigger collects again
    runAll(() => collectBatch(hub.ctx('zh-CN'), drive));
    const expected = previewEmails(hub);
    expect(expected.length).toBeGreaterThan(0);

    const user = new Map<string, string>([['okrSheets.reminderTrigger.trigger-1', hub.ss.getId()]]);
    const mails: string[] = [];
    const g = globalThis as Record<string, unknown>;
    g.PropertiesService = {
      getUserProperties: () => ({
        getProperty: (k: string) => user.get(k) ?? null,
        setProperty: (k: string, v: string) => void user.set(k, v),
        deleteProperty: (k: string) => void user.delete(k),
      }),
    };
    const app = hub.app as object;
    g.SpreadsheetApp = new Proxy(app, {
      get(target, k) {
        if (k === 'openById') return (id: string) => (id === hub.ss.getId() ? hub.ss : (() => { throw new Error('not found'); })());
        if (k === 'getActiveSpreadsheet') return () => null;
        const v = Reflect.get(target, k, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    g.MailApp = { getRemainingDailyQuota: () => 100, sendEmail: (to: string) => void mails.push(to) };
    g.UrlFetchApp = { fetch: () => ({ getResponseCode: () => 200 }) };

    runScheduledReminders({ triggerUid: 'trigger-1' });
    expect(mails.sort()).toEqual(expected);
    expect(logRows(hub)).toBe(1);
    // the unit files themselves got no Reminders log: the hub's run covered them
    for (const r of registry(hub)) expect(drive.workbook(r.file).ss.getSheetByName('提醒记录')).toBeNull();
  });
});
