/** Reminders on the in-memory workbook with recording stand-ins for ScriptApp/MailApp/UrlFetchApp. */
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import { appsScriptReminderServices, useReminderServices } from '../../src/addon/actions/reminders';
import { maskWebhook, runReminders, webhookKind, webhookPayload, type ReminderServices } from '../../src/sheets/reminders';
import { cycleWorkbook } from '../core/cycle/fixture';

export function fakeServices(quota = 100) {
  const state = {
    triggers: [] as { id: string; handler: string; weekday: number; hour: number; tz: string }[],
    mails: [] as { to: string; subject: string; body: string }[],
    posts: [] as { url: string; body: unknown }[],
    props: new Map<string, string>(),
    quota,
    calls: 0,
  };
  let n = 0;
  const svc: ReminderServices = {
    triggers: {
      list: () => (state.calls++, state.triggers.map((t) => ({ id: t.id, handler: t.handler }))),
      createWeekly: (handler, weekday, hour, tz) => (state.calls++, state.triggers.push({ id: `t${++n}`, handler, weekday, hour, tz }), `t${n}`),
      remove: (id) => void (state.calls++, (state.triggers = state.triggers.filter((t) => t.id !== id))),
    },
    mail: {
      remaining: () => (state.calls++, state.quota),
      send: (to, subject, body) => void (state.calls++, state.quota--, state.mails.push({ to, subject, body })),
    },
    props: { get: (k) => state.props.get(k) ?? null, set: (k, v) => void state.props.set(k, v), remove: (k) => void state.props.delete(k) },
    post: (url, body) => (state.calls++, state.posts.push({ url, body }), 200),
  };
  return { state, svc };
}

afterAll(() => useReminderServices(appsScriptReminderServices));

describe('reminders: schedule on/off, one trigger per workbook', () => {
  it('turning on creates one trigger in the spreadsheet zone; again replaces it; off removes it', () => {
    const { state, svc } = fakeServices();
    useReminderServices(() => svc);
    const ctx = cycleWorkbook().ctx('en');
    const call = (m: string, p: unknown) => {
      const r = dispatch(m, p, () => ctx, 'en');
      if (!r.ok) throw new Error(r.message);
      return r.result as { on: boolean; weekday: number; hour: number; mine: boolean; webhook: string | null };
    };
    expect(call('getReminders', {})).toMatchObject({ on: false, mine: false });
    expect(call('setReminders', { on: true, weekday: 1, hour: 9 })).toMatchObject({ on: true, weekday: 1, hour: 9, mine: true });
    call('setReminders', { on: true, weekday: 5, hour: 17 });
    expect(state.triggers).toEqual([{ id: 't2', handler: 'runScheduledReminders', weekday: 5, hour: 17, tz: ctx.ss.getSpreadsheetTimeZone() }]);
    expect(call('setReminders', { on: false })).toMatchObject({ on: false, mine: false });
    expect(state.triggers).toEqual([]);
    expect(dispatch('setReminders', { on: true, hour: 24 }, () => ctx, 'en').ok).toBe(false);
  });

  it('the webhook is kept in properties, never in a cell, and shown masked', () => {
    const { state, svc } = fakeServices();
    useReminderServices(() => svc);
    const local = cycleWorkbook();
    const ctx = local.ctx('en');
    const url = 'https://open.feishu.cn/open-apis/bot/v2/hook/secret-token-1234';
    const r = dispatch('setReminderWebhook', { url }, () => ctx, 'en');
    expect(r.ok && (r.result as { webhook: string }).webhook).toBe('https://open.feishu.cn/…1234');
    expect([...state.props.values()]).toContain(url);
    expect(JSON.stringify(local.toPlan())).not.toContain('secret-token');
    expect(dispatch('setReminderWebhook', { url: 'http://example.com/x' }, () => ctx, 'en').ok).toBe(false);
    expect(webhookKind('https://oapi.dingtalk.com/robot/send?access_token=x')).toBe('dingtalk');
    expect(webhookPayload('wecom', 'hi')).toEqual({ msgtype: 'text', text: { content: 'hi' } });
    expect(maskWebhook('https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=zzzz')).toBe('https://chat.googleapis.com/…zzzz');
  });
});

describe('reminders: a run', () => {
  it('sends one message per owner and manager, posts one digest, logs the run', () => {
    const { state, svc } = fakeServices();
    const ctx = cycleWorkbook().ctx('en');
    svc.props.set('okrSheets.reminderWebhook', 'https://chat.googleapis.com/v1/spaces/A/messages?token=abcd');
    const r = runReminders(ctx, svc, { asOf: '2026-11-30' });
    expect(state.mails.map((m) => m.to)).toEqual(['zhaomin@acme.test', 'chenjing@acme.test', 'alex@acme.test', 'lilei@acme.test', 'hanmei@acme.test']);
    expect(state.posts).toHaveLength(1);
    expect((state.posts[0]!.body as { text: string }).text).toContain('OKR digest: Acme, Sales, East Sales');
    const log = ctx.ss.getSheetByName('Reminders log')!.getDataRange().getValues();
    expect(log[0]).toEqual(['Date', 'Recipients', 'Sent', 'Left', 'Problems']);
    expect(log[r.logRow! - 1]!.slice(2, 4)).toEqual([5, 0]);
  });

  it('over quota: the most urgent first, the rest named in the log — never silent', () => {
    const { state, svc } = fakeServices(2);
    const ctx = cycleWorkbook().ctx('en');
    const r = runReminders(ctx, svc, { asOf: '2026-11-30' });
    expect(state.mails.map((m) => m.to)).toEqual(['zhaomin@acme.test', 'chenjing@acme.test']); // overdue first, then stale
    expect(r.left).toEqual(['Alex Lin', 'Li Lei', 'Han Mei']);
    const log = ctx.ss.getSheetByName('Reminders log')!.getDataRange().getValues();
    expect(String(log[r.logRow! - 1]![4])).toContain('daily mail quota used up; not sent: Alex Lin, Li Lei, Han Mei');
  });

  it('a test goes to one address only, marked as a test, and the webhook is left alone', () => {
    const { state, svc } = fakeServices();
    useReminderServices(() => svc);
    svc.props.set('okrSheets.reminderWebhook', 'https://chat.googleapis.com/v1/x?token=abcd');
    const ctx = cycleWorkbook().ctx('en');
    const res = dispatch('sendTestReminder', { to: 'me@acme.test' }, () => ctx, 'en');
    expect(res.ok && res.result).toEqual({ sent: 1, problems: [] });
    expect(state.mails.map((m) => [m.to, m.subject.startsWith('[Test] ')])).toEqual([['me@acme.test', true]]);
    expect(state.posts).toEqual([]);
  });

  it('service calls do not grow with the number of messages beyond one send each', () => {
    const { state, svc } = fakeServices();
    runReminders(cycleWorkbook().ctx('en'), svc, { asOf: '2026-11-30' });
    expect(state.calls).toBe(1 + 5 + 0); // one quota read, five sends, no webhook configured
  });
});
