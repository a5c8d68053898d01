/**
 * The scheduled reminder run (issue 13 §1): turning reminders on maps the new trigger's id to its
 * spreadsheet in the user's properties; the trigger's run opens exactly that spreadsheet; one
 * whose spreadsheet is gone is removed after a few failed runs, never silently kept forever.
 * Apps Script globals (ScriptApp, PropertiesService, SpreadsheetApp, MailApp, UrlFetchApp) are
 * in-memory stand-ins here, so the real `appsScriptReminderServices` runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appsScriptReminderServices, ORPHAN_RUNS, runScheduledReminders, useReminderServices } from '../../../src/addon/actions/reminders';
import { dispatch } from '../../../src/addon/rpc/server';
import { cycleWorkbook } from '../../core/cycle/fixture';
import type { LocalWorkbook } from '../../../src/local/workbook';

type Trigger = { id: string; handler: string; ssId: string; weekday: string; hour: number; tz: string };

function installGlobals(books: LocalWorkbook[]) {
  const state = {
    triggers: [] as Trigger[],
    deleted: [] as string[],
    user: new Map<string, string>(),
    doc: new Map<string, Map<string, string>>(),
    mails: [] as { to: string; subject: string }[],
    gone: new Set<string>(),
    active: books[0]!,
  };
  let n = 0;
  const props = (m: Map<string, string>) => ({
    getProperty: (k: string) => m.get(k) ?? null,
    setProperty: (k: string, v: string) => void m.set(k, v),
    deleteProperty: (k: string) => void m.delete(k),
  });
  const trig = (t: Trigger) => ({ getUniqueId: () => t.id, getHandlerFunction: () => t.handler });
  const g = globalThis as Record<string, unknown>;
  g.PropertiesService = {
    getUserProperties: () => props(state.user),
    getDocumentProperties: () => {
      const id = state.active.ss.getId();
      if (!state.doc.has(id)) state.doc.set(id, new Map());
      return props(state.doc.get(id)!);
    },
  };
  const app = books[0]!.app as object;
  g.SpreadsheetApp = new Proxy(app, {
    get(target, k) {
      if (k === 'getActiveSpreadsheet') return () => state.active.ss;
      if (k === 'openById') {
        return (id: string) => {
          const b = books.find((x) => x.ss.getId() === id);
          if (!b || state.gone.has(id)) throw new Error(`Exception: Requested entity was not found.`);
          return b.ss;
        };
      }
      const v = Reflect.get(target, k, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  g.ScriptApp = {
    WeekDay: { MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY', SUNDAY: 'SUNDAY' },
    newTrigger: (handler: string) => {
      const t: Trigger = { id: '', handler, ssId: state.active.ss.getId(), weekday: '', hour: -1, tz: '' };
      const b = {
        timeBased: () => b,
        onWeekDay: (d: string) => ((t.weekday = d), b),
        atHour: (h: number) => ((t.hour = h), b),
        inTimezone: (z: string) => ((t.tz = z), b),
        create: () => {
          t.id = `trigger-${++n}`;
          state.triggers.push(t);
          return trig(t);
        },
      };
      return b;
    },
    getUserTriggers: (ss: { getId(): string }) => state.triggers.filter((t) => t.ssId === ss.getId()).map(trig),
    getProjectTriggers: () => state.triggers.map(trig),
    deleteTrigger: (x: { getUniqueId(): string }) => {
      state.deleted.push(x.getUniqueId());
      state.triggers = state.triggers.filter((t) => t.id !== x.getUniqueId());
    },
  };
  g.MailApp = { getRemainingDailyQuota: () => 100, sendEmail: (to: string, subject: string) => void state.mails.push({ to, subject }) };
  g.UrlFetchApp = { fetch: () => ({ getResponseCode: () => 200 }) };
  useReminderServices(appsScriptReminderServices);
  return state;
}

afterEach(() => {
  for (const k of ['PropertiesService', 'SpreadsheetApp', 'ScriptApp', 'MailApp', 'UrlFetchApp']) delete (globalThis as Record<string, unknown>)[k];
});

const turnOn = (b: LocalWorkbook, hour: number) => {
  const r = dispatch('setReminders', { on: true, weekday: 1, hour }, () => b.ctx('en'), 'en');
  if (!r.ok) throw new Error(r.message);
};

describe('scheduled reminders: trigger id → spreadsheet', () => {
  it('each trigger runs on its own spreadsheet (two workbooks, two triggers)', () => {
    const a = cycleWorkbook();
    const b = cycleWorkbook();
    expect(a.ss.getId()).not.toBe(b.ss.getId());
    const state = installGlobals([a, b]);
    turnOn(a, 9);
    state.active = b;
    turnOn(b, 17);
    expect(state.triggers.map((t) => [t.id, t.ssId, t.hour])).toEqual([['trigger-1', a.ss.getId(), 9], ['trigger-2', b.ss.getId(), 17]]);
    expect(state.user.get('okrSheets.reminderTrigger.trigger-1')).toBe(a.ss.getId());
    expect(state.user.get('okrSheets.reminderTrigger.trigger-2')).toBe(b.ss.getId());

    state.active = a; // whatever is open elsewhere, the trigger's own file is used
    runScheduledReminders({ triggerUid: 'trigger-2' });
    expect(state.mails.length).toBeGreaterThan(0);
    expect(b.ss.getSheetByName('Reminders log')).not.toBeNull();
    expect(a.ss.getSheetByName('Reminders log')).toBeNull();
    const sent = state.mails.length;
    runScheduledReminders({ triggerUid: 'trigger-1' });
    expect(state.mails.length).toBe(2 * sent); // the same workbook content: the same messages
    expect(a.ss.getSheetByName('Reminders log')).not.toBeNull();
  }, 60_000);

  it(`a trigger whose spreadsheet is gone sends nothing, and is removed after ${ORPHAN_RUNS} failed runs; the others stay`, () => {
    const a = cycleWorkbook();
    const b = cycleWorkbook();
    const state = installGlobals([a, b]);
    turnOn(a, 9);
    state.active = b;
    turnOn(b, 9);
    state.gone.add(a.ss.getId());
    for (let i = 1; i < ORPHAN_RUNS; i++) {
      runScheduledReminders({ triggerUid: 'trigger-1' });
      expect(state.triggers.map((t) => t.id)).toEqual(['trigger-1', 'trigger-2']); // a passing outage removes nothing
    }
    expect(state.mails).toEqual([]);
    runScheduledReminders({ triggerUid: 'trigger-1' });
    expect(state.deleted).toEqual(['trigger-1']);
    expect(state.triggers.map((t) => t.id)).toEqual(['trigger-2']);
    expect([...state.user.keys()].filter((k) => k.includes('trigger-1'))).toEqual([]);
    expect(state.user.get('okrSheets.reminderTrigger.trigger-2')).toBe(b.ss.getId());
  }, 60_000);

  it('a failed open followed by a good one starts the count again', () => {
    const a = cycleWorkbook();
    const state = installGlobals([a]);
    turnOn(a, 9);
    state.gone.add(a.ss.getId());
    for (let i = 1; i < ORPHAN_RUNS; i++) runScheduledReminders({ triggerUid: 'trigger-1' });
    state.gone.clear();
    runScheduledReminders({ triggerUid: 'trigger-1' });
    state.gone.add(a.ss.getId());
    runScheduledReminders({ triggerUid: 'trigger-1' });
    expect(state.triggers.map((t) => t.id)).toEqual(['trigger-1']);
  }, 60_000);
});
