/**
 * "My OKRs": the KRs owned by the person using the sidebar, across every OKR sheet, with status,
 * last update and a one-click check-in (new value + confidence, saved through `recordCheckIn`);
 * a manager also sees their units' KRs grouped by owner. The server decides who "me" is: the name
 * chosen here (remembered for this Google account, in its user properties — so it follows the
 * person to another browser), else the Owner name of the account's email.
 */
import type { MyKrInfo } from '../../addon/rpc/contract';
import { STATUS_LABELS } from '../../core/labels';
import type { App, Panel } from '../app';
import { clear, field, h, select } from '../dom';
import { fmtValue, parseNumberInput, primaryButton } from './common';
import { MILESTONE_WORD } from './checkin';

export const myOkrsPanel: Panel = {
  id: 'mine',
  title: { 'zh-CN': '我的 OKR', en: 'My OKRs' },
  async render(root, app) {
    const list = h('div', { id: 'mine-list' });
    /** `chosen` undefined: let the server say who I am (remembered, else by account email). */
    const load = async (chosen?: string) => {
      clear(list);
      let data;
      try {
        data = await app.rpc('myOkrs', chosen === undefined ? {} : { person: chosen });
      } catch {
        return;
      }
      const person = data.person;
      const who = select('mine-who', [{ value: '', label: app.t('minePick') }, ...data.people.map((p) => ({ value: p, label: p }))], person);
      who.addEventListener('change', () => void load(who.value));
      list.append(field(app.t('mineWho'), who));
      if (data.identifiedBy === 'email' && data.email) list.append(h('p', { id: 'mine-how', className: 'hint' }, app.t('mineByEmail', { email: data.email })));
      if ((data.identifiedBy === 'chosen' || data.identifiedBy === 'remembered') && person) list.append(h('p', { id: 'mine-how', className: 'hint' }, app.t('mineRemembered')));
      if (!person) return;
      const reloadMine = () => load();
      if (data.krs.length === 0) list.append(h('p', { className: 'empty' }, app.t('mineNone', { person })));
      for (const k of data.krs) list.append(krCard(app, k, reloadMine));
      if (data.managed.length) {
        list.append(h('h3', {}, app.t('mineTeam')));
        for (const u of data.managed) {
          list.append(h('h4', {}, u.unit));
          for (const o of u.owners) {
            list.append(h('div', { className: 'hint' }, o.owner || '—'));
            const ul = h('ul', { className: 'mine-team' });
            for (const k of o.krs) ul.append(h('li', {}, `${k.id} ${k.title} · ${STATUS_LABELS[k.status][app.lang]} · ${Math.round(k.progress * 100)}%`));
            list.append(ul);
          }
        }
      }
    };
    root.append(list);
    return load();
  },
};

function krCard(app: App, k: MyKrInfo, reload: () => Promise<void>): HTMLElement {
  const value = h('input', { type: 'text', className: 'mine-value', maxlength: 40, placeholder: fmtValue(k.current, k.unitLabel, app.lang) });
  const conf = select(`mine-conf-${k.sheet}-${k.id}`, Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })), String(k.confidence ?? 5));
  const save = primaryButton(`mine-save-${k.id}`, app.t('mineCheckIn'), async () => {
    app.clearMessages();
    const typed = value.value.trim();
    const v = parseNumberInput(typed);
    if (v === undefined && !MILESTONE_WORD.test(typed)) {
      app.error(app.t('badNumber', { text: typed }));
      return;
    }
    try {
      const r = await app.rpc('recordCheckIn', {
        sheet: k.sheet, krId: k.id, value: v === undefined ? null : v, ...(v === undefined ? { valueText: typed } : {}),
        confidence: Number(conf.value), done: '', next: '', blockers: '',
      });
      if (r.status === 'needsConfirmation') {
        app.error(r.message);
        return;
      }
      app.info(r.backdated ? r.backdated.message : app.t('saved', { kr: r.krId, a1: r.currentA1, log: r.logSheet, row: r.logRow }));
      await reload();
    } catch {
      /* shown */
    }
  });
  return h('div', { className: 'mine-kr', 'data-kr': `${k.sheet}/${k.id}` },
    h('div', {}, h('strong', {}, `${k.id} `), k.title),
    h('div', { className: 'hint' },
      `${k.sheet} · ${STATUS_LABELS[k.status][app.lang]} · ${Math.round(k.progress * 100)}% · ${k.lastUpdate ? app.t('mineLast', { date: k.lastUpdate }) : app.t('mineNever')}`),
    h('div', { className: 'buttons' }, value, conf, save),
  );
}
