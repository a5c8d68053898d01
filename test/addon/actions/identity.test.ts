/**
 * Who "me" is (issue 13 §4, §1): by the name chosen (remembered in the user's properties for this
 * spreadsheet), else by the account email through the roster / People sheet; "Send a test to me"
 * goes to the account's own email. User services are stand-ins (no Session / PropertiesService).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { identify, personForEmail } from '../../../src/core/cycle/myOkrs';
import { appsScriptReminderServices, useReminderServices } from '../../../src/addon/actions/reminders';
import { appsScriptUserServices, meKey, useUserServices, type UserServices } from '../../../src/addon/actions/user';
import { dispatch } from '../../../src/addon/rpc/server';
import { cycleModel, cycleWorkbook } from '../../core/cycle/fixture';
import type { ReminderServices } from '../../../src/sheets/reminders';

function fakeUser(email: string) {
  const props = new Map<string, string>();
  let emailCalls = 0;
  const svc: UserServices = {
    email: () => (emailCalls++, email),
    get: (k) => props.get(k) ?? null,
    set: (k, v) => void props.set(k, v),
    remove: (k) => void props.delete(k),
  };
  return { svc, props, emailCalls: () => emailCalls };
}

/** Mail recorded; no triggers, no webhook (importing the reminders suite's fake would rerun it). */
function fakeServices() {
  const state = { mails: [] as { to: string; subject: string }[] };
  const props = new Map<string, string>();
  const svc: ReminderServices = {
    triggers: { list: () => [], createWeekly: () => 't1', remove: () => undefined },
    mail: { remaining: () => 100, send: (to, subject) => void state.mails.push({ to, subject }) },
    props: { get: (k) => props.get(k) ?? null, set: (k, v) => void props.set(k, v), remove: (k) => void props.delete(k) },
    post: () => 200,
  };
  return { state, svc };
}

afterAll(() => {
  useUserServices(appsScriptUserServices);
  useReminderServices(appsScriptReminderServices);
});

describe('identify (core)', () => {
  const model = cycleModel(cycleWorkbook());

  it('maps an account email to its Owner name through the roster or the People sheet, any case', () => {
    expect(personForEmail(model, 'HanMei@Acme.test')).toBe('Han Mei'); // roster
    expect(personForEmail(model, 'chenjing@acme.test')).toBe('Chen Jing'); // People sheet
    expect(personForEmail(model, 'nobody@acme.test')).toBeNull();
    expect(personForEmail(model, '')).toBeNull();
  });

  it('chosen now › remembered › account email; the email is asked for only when needed', () => {
    let asked = 0;
    const email = () => (asked++, 'lilei@acme.test');
    expect(identify(model, { chosen: 'Zhao Min', remembered: 'Han Mei', email })).toEqual({ person: 'Zhao Min', identifiedBy: 'chosen' });
    expect(identify(model, { remembered: 'Han Mei', email })).toEqual({ person: 'Han Mei', identifiedBy: 'remembered' });
    expect(asked).toBe(0);
    expect(identify(model, { remembered: null, email })).toEqual({ person: 'Li Lei', identifiedBy: 'email' });
    expect(asked).toBe(1);
    expect(identify(model, { chosen: '', remembered: 'Han Mei', email })).toEqual({ person: '', identifiedBy: 'none' });
    expect(identify(model, { email: () => '' })).toEqual({ person: '', identifiedBy: 'none' }); // Google withheld it
  });
});

describe('myOkrs RPC: identity remembered per user, per spreadsheet', () => {
  it('first visit: by account email; a choice is remembered in user properties and wins; blank forgets', () => {
    const user = fakeUser('hanmei@acme.test');
    useUserServices(() => user.svc);
    const local = cycleWorkbook();
    const call = (p: object) => {
      const r = dispatch('myOkrs', p, () => local.ctx('en'), 'en');
      if (!r.ok) throw new Error(r.message);
      return r.result as { person: string; identifiedBy: string; email: string | null; krs: { id: string }[]; managed: { unit: string }[] };
    };
    const first = call({});
    expect([first.person, first.identifiedBy, first.email]).toEqual(['Han Mei', 'email', 'hanmei@acme.test']);
    expect(first.krs.map((k) => k.id)).toEqual(['O1.KR1']);
    expect(first.managed.map((u) => u.unit)).toEqual(['East Sales']); // she owns East Sales: grouped by owner

    expect(call({ person: 'Li Lei' })).toMatchObject({ person: 'Li Lei', identifiedBy: 'chosen' });
    expect([...user.props]).toEqual([[meKey(local.ctx('en').ss.getId()), 'Li Lei']]);
    const calls = user.emailCalls();
    expect(call({})).toMatchObject({ person: 'Li Lei', identifiedBy: 'remembered', email: null });
    expect(user.emailCalls()).toBe(calls); // remembered: the email is not read

    expect(call({ person: '' })).toMatchObject({ person: '', identifiedBy: 'none' });
    expect(user.props.size).toBe(0);
    expect(call({})).toMatchObject({ person: 'Han Mei', identifiedBy: 'email' });
  });

  it('no email available and nothing remembered: nobody, and the list of people to choose from', () => {
    useUserServices(() => fakeUser('').svc);
    const r = dispatch('myOkrs', {}, () => cycleWorkbook().ctx('en'), 'en');
    expect(r.ok && (r.result as { person: string; people: string[] }).person).toBe('');
    expect(r.ok && (r.result as { people: string[] }).people).toContain('Han Mei');
  });
});

describe('"Send a test to me"', () => {
  it('goes to the account\'s own email when no address is typed; a typed one still wins', () => {
    const { state, svc } = fakeServices();
    useReminderServices(() => svc);
    useUserServices(() => fakeUser('me@acme.test').svc);
    const ctx = cycleWorkbook().ctx('en');
    const r = dispatch('sendTestReminder', {}, () => ctx, 'en');
    expect(r.ok).toBe(true);
    expect(state.mails.map((m) => m.to)).toEqual(['me@acme.test']);
    expect(state.mails[0]!.subject).toMatch(/^\[Test\]/);
    dispatch('sendTestReminder', { to: 'other@acme.test' }, () => ctx, 'en');
    expect(state.mails.map((m) => m.to)).toEqual(['me@acme.test', 'other@acme.test']);
    const got = dispatch('getReminders', {}, () => ctx, 'en');
    expect(got.ok && (got.result as { me: string }).me).toBe('me@acme.test');
  });

  it('no account email and nothing typed: a plain error, nothing sent', () => {
    const { state, svc } = fakeServices();
    useReminderServices(() => svc);
    useUserServices(() => fakeUser('').svc);
    const r = dispatch('sendTestReminder', {}, () => cycleWorkbook().ctx('en'), 'en');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/account email is not available/);
    expect(state.mails).toEqual([]);
  });
});
