/**
 * The cycle's rhythm: weekly reminders (on/off, day and hour, webhook, a test, the outbox of what
 * a run would send), the weekly / monthly report as Markdown or a sheet, and "Start next cycle"
 * for the open OKR sheet. Every action is one RPC; the server does the work.
 */
import type { ReminderScheduleInfo } from '../../addon/rpc/contract';
import type { App, Panel } from '../app';
import { clear, field, h, select } from '../dom';
import { primaryButton } from './common';

const DAYS = { 'zh-CN': ['一', '二', '三', '四', '五', '六', '日'], en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] };

export const rhythmPanel: Panel = {
  id: 'rhythm',
  title: { 'zh-CN': '提醒与周期', en: 'Reminders & cycle' },
  async render(root, app) {
    const rem = h('section', { id: 'rem' });
    const rep = h('section', { id: 'rep' });
    const nc = h('section', { id: 'nc' });
    root.append(rem, rep, nc);
    buildReport(rep, app);
    buildNextCycle(nc, app);
    try {
      buildReminders(rem, app, await app.rpc('getReminders', {}));
    } catch {
      /* shown */
    }
  },
};

function stateText(app: App, s: ReminderScheduleInfo): string {
  return app.t('remState', {
    state: s.on ? app.t('remStateOn', { day: DAYS[app.lang][s.weekday - 1] ?? '', hour: s.hour }) : app.t('remStateOff'),
  });
}

/** The account email as first read (setReminders answers without it). */
let me = '';

function buildReminders(box: HTMLElement, app: App, s: ReminderScheduleInfo): void {
  clear(box);
  if (s.me) me = s.me;
  const on = h('input', { id: 'rem-on', type: 'checkbox', checked: s.on });
  const day = select('rem-day', DAYS[app.lang].map((d, i) => ({ value: String(i + 1), label: d })), String(s.weekday));
  const hour = select('rem-hour', Array.from({ length: 24 }, (_, i) => ({ value: String(i), label: `${i}:00` })), String(s.hour));
  const state = h('p', { id: 'rem-state', className: 'hint' }, stateText(app, s), s.on ? ` ${s.mine ? app.t('remMine') : app.t('remOther')}` : '');
  const save = primaryButton('rem-save', app.t('remSave'), async () => {
    app.clearMessages();
    try {
      const next = await app.rpc('setReminders', { on: on.checked, weekday: Number(day.value), hour: Number(hour.value) });
      buildReminders(box, app, next);
      app.info(stateText(app, next));
    } catch {
      /* shown */
    }
  });
  const hook = h('input', { id: 'rem-webhook', type: 'url', maxlength: 500, placeholder: s.webhook ?? '' });
  const saveHook = h('button', { id: 'rem-webhook-save', type: 'button', onclick: async () => {
    try {
      buildReminders(box, app, await app.rpc('setReminderWebhook', { url: hook.value.trim() || null }));
    } catch {
      /* shown */
    }
  } }, app.t('remWebhookSave'));
  const to = h('input', { id: 'rem-test-to', type: 'email', maxlength: 200 });
  const test = h('button', { id: 'rem-test', type: 'button', onclick: async () => {
    app.clearMessages();
    try {
      // blank: the server sends to the account's own email (never a typed guess)
      const r = await app.rpc('sendTestReminder', to.value.trim() ? { to: to.value.trim() } : {});
      app.info([app.t('remTestSent', { n: r.sent }), ...r.problems].join(' '));
    } catch {
      /* shown */
    }
  } }, me ? app.t('remTestMe', { email: me }) : app.t('remTest'));
  const outbox = h('div', { id: 'rem-outbox' });
  const preview = h('button', { id: 'rem-preview', type: 'button', onclick: async () => {
    clear(outbox);
    try {
      const r = await app.rpc('previewReminders', {});
      if (r.messages.length === 0) outbox.append(h('p', { className: 'empty' }, app.t('remOutboxEmpty')));
      for (const m of r.messages) {
        outbox.append(h('details', { className: 'outbox-msg' },
          h('summary', {}, `${m.to}${m.email ? ` <${m.email}>` : ''} — ${m.subject}`),
          h('pre', {}, m.body)));
      }
    } catch {
      /* shown */
    }
  } }, app.t('remOutbox'));
  box.append(
    h('h3', {}, app.t('remTitle')),
    field(app.t('remOn'), on), field(app.t('remDay'), day), field(app.t('remHour'), hour),
    h('div', { className: 'buttons' }, save), state,
    field(app.t('remWebhook'), hook), h('div', { className: 'buttons' }, saveHook),
    field(me ? app.t('remTestToOther') : app.t('remTestTo'), to), h('div', { className: 'buttons' }, test),
    h('div', { className: 'buttons' }, preview), outbox,
  );
}

function buildReport(box: HTMLElement, app: App): void {
  const period = h('input', { id: 'rep-period', type: 'text', maxlength: 20, placeholder: '2026-W48' });
  const out = h('textarea', { id: 'rep-md', rows: 8, readonly: true });
  const md = primaryButton('rep-md-btn', app.t('repCopy'), async () => {
    try {
      const r = await app.rpc('progressReport', period.value.trim() ? { period: period.value.trim() } : {});
      out.value = r.markdown;
      out.select();
    } catch {
      /* shown */
    }
  });
  const sheet = h('button', { id: 'rep-sheet', type: 'button', onclick: async () => {
    try {
      const r = await app.rpc('writeProgressReport', period.value.trim() ? { period: period.value.trim() } : {});
      app.info(app.t('repWritten', { sheet: r.sheet }));
    } catch {
      /* shown */
    }
  } }, app.t('repSheet'));
  box.append(h('h3', {}, app.t('repTitle')), field(app.t('repPeriod'), period), h('div', { className: 'buttons' }, md, sheet), out);
}

function buildNextCycle(box: HTMLElement, app: App): void {
  const drop = h('input', { id: 'nc-drop', type: 'checkbox' });
  const go = h('button', { id: 'nc-start', type: 'button', onclick: async () => {
    app.clearMessages();
    try {
      const r = await app.rpc('startNextCycle', { dropDone: drop.checked });
      for (const c of r.carried) app.info(app.t('ncDone', { to: c.to, cycle: c.toCycle, o: c.objectives, kr: c.krs, from: c.from }));
      for (const s of r.skipped) app.error(s);
      await app.refreshContext();
    } catch {
      /* shown */
    }
  } }, app.t('ncStart'));
  box.append(h('h3', {}, app.t('ncTitle')), field(app.t('ncDropDone'), drop), h('div', { className: 'buttons' }, go));
}
