/**
 * Check-in: pick a KR, enter the new value, confidence, what was done, next steps and blockers.
 * The server updates Current and Confidence and appends a row to the Check-ins log.
 */
import type { KrInfo } from '../../addon/rpc/contract';
import type { App, Panel } from '../app';
import { clear, field, h, select } from '../dom';
import { fmtValue, okrSheetSelect, parseNumberInput, primaryButton, unitAttached } from './common';

/** A milestone's done / not done as typed: sent as text, the server decides (core/checkins). */
export const MILESTONE_WORD = /^(true|false|yes|no|y|n|是|否|完成|已完成|未完成|达成|已达成|done|not ?done|completed?|finished|✓|✔|√|☑|✗|✘|×|☐)$/i;

export const checkinPanel: Panel = {
  id: 'checkin',
  title: { 'zh-CN': '进展更新', en: 'Check-in' },
  async render(root, app) {
    await app.refreshContext().catch(() => undefined); // the active sheet may have changed
    const sheet = okrSheetSelect(app, 'ci-sheet');
    if (!sheet) {
      root.appendChild(h('p', { className: 'empty' }, app.t('noOkrSheet')));
      return;
    }
    const form = h('div', { id: 'ci-form' });
    const load = async () => {
      clear(form);
      try {
        const list = await app.rpc('listKrs', { sheet: sheet.value });
        buildForm(form, app, sheet.value, list.krs);
      } catch {
        /* shown */
      }
    };
    sheet.addEventListener('change', () => void load());
    root.append(field(app.t('sheet'), sheet), form);
    return load();
  },
};

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function buildForm(form: HTMLElement, app: App, sheetName: string, krs: KrInfo[]): void {
  if (krs.length === 0) {
    form.appendChild(h('p', { className: 'empty' }, app.t('noKrs')));
    return;
  }
  const kr = select('ci-kr', krs.map((k) => ({ value: k.id, label: `${k.id} · ${k.title}` })));
  const info = h('div', { className: 'hint', id: 'ci-info' });
  const value = h('input', { id: 'ci-value', type: 'text', inputmode: 'decimal', maxlength: 40 });
  const conf = select('ci-confidence', Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })), '5');
  const done = h('textarea', { id: 'ci-done', rows: 2, maxlength: 10000 });
  const next = h('textarea', { id: 'ci-next', rows: 2, maxlength: 10000 });
  const blockers = h('textarea', { id: 'ci-blockers', rows: 2, maxlength: 10000 });
  const date = h('input', { id: 'ci-date', type: 'date', value: today() });

  const showInfo = () => {
    const k = krs.find((x) => x.id === kr.value);
    if (!k) return;
    info.textContent = app.t('currentTarget', {
      current: fmtValue(k.current, k.unit, app.lang), target: fmtValue(k.target, k.unit, app.lang),
      unit: unitAttached(k.unit) ? '' : k.unit,
    }).trim();
    if (k.confidence !== null) conf.value = String(Math.min(10, Math.max(1, Math.round(k.confidence))));
  };
  // History: values and confidence over time, latest first (confidence drops of 3+ flagged).
  const history = h('ol', { id: 'ci-history', className: 'history' });
  const loadHistory = async () => {
    clear(history);
    try {
      const r = await app.rpc('krHistory', { sheet: sheetName, krId: kr.value });
      const k = krs.find((x) => x.id === kr.value);
      for (const p of r.points) {
        const value = fmtValue(p.value, k?.unit ?? '', app.lang);
        const pct = p.progress === null ? '' : ` (${Math.round(p.progress * 100)}%)`;
        const conf = p.confidence === null ? '' : ` · ${app.t('ciHistoryConf', { n: p.confidence })}${p.confidenceDrop ? ' ⚠' : ''}`;
        history.append(h('li', { className: p.confidenceDrop ? 'drop' : '' }, `${p.date} · ${value}${pct}${conf}`));
      }
      if (r.points.length === 0) history.append(h('li', { className: 'empty' }, app.t('ciHistoryNone')));
    } catch {
      /* shown */
    }
  };
  kr.addEventListener('change', () => {
    showInfo();
    void loadHistory();
  });
  showInfo();
  void loadHistory();

  // A value that looks like a slip comes back as needsConfirmation: the question and two
  // buttons show here; "Save anyway" resends the same check-in with confirmed: true.
  const confirmBox = h('div', { id: 'ci-confirm', className: 'confirm', hidden: true });

  const send = async (confirmed: boolean) => {
    app.clearMessages();
    clear(confirmBox);
    confirmBox.hidden = true;
    const typed = value.value.trim();
    const v = parseNumberInput(typed);
    const k = krs.find((x) => x.id === kr.value);
    if (v === undefined && !MILESTONE_WORD.test(typed)) {
      app.error(app.t('badNumber', { text: typed }));
      return;
    }
    try {
      const r = await app.rpc('recordCheckIn', {
        sheet: sheetName,
        krId: kr.value,
        // Not a plain number (a milestone's 完成 / done / ✓): the server reads the text.
        value: v === undefined ? null : v,
        ...(v === undefined ? { valueText: typed } : {}),
        confidence: Number(conf.value),
        done: done.value,
        next: next.value,
        blockers: blockers.value,
        date: /^\d{4}-\d{2}-\d{2}$/.test(date.value) ? date.value : undefined,
        ...(confirmed ? { confirmed: true } : {}),
      });
      if (r.status === 'needsConfirmation') {
        confirmBox.append(
          h('p', { className: 'hint' }, r.message),
          h('div', { className: 'buttons' },
            primaryButton('ci-confirm-yes', app.t('ciConfirm'), () => void send(true)),
            h('button', { id: 'ci-confirm-no', type: 'button', onclick: () => { clear(confirmBox); confirmBox.hidden = true; value.focus(); } }, app.t('ciCancel')),
          ),
        );
        confirmBox.hidden = false;
        return;
      }
      if (k && r.currentWritten) {
        k.current = v === undefined || v === null ? k.current : v;
        k.confidence = Number(conf.value);
      }
      showInfo();
      value.value = '';
      done.value = '';
      next.value = '';
      blockers.value = '';
      void loadHistory();
      if (r.backdated) app.info(`${app.t('ciLogged', { kr: r.krId, log: r.logSheet, row: r.logRow })} ${r.backdated.message}`);
      else if (r.currentWritten) app.info(app.t('saved', { kr: r.krId, a1: r.currentA1, log: r.logSheet, row: r.logRow }));
      else app.info(app.t('ciLogged', { kr: r.krId, log: r.logSheet, row: r.logRow }));
    } catch {
      /* shown */
    }
  };
  const save = primaryButton('ci-save', app.t('save'), () => void send(false));

  form.append(
    field(app.t('kr'), kr),
    info,
    field(app.t('newValue'), value, app.t('newValueHint')),
    field(app.t('confidence'), conf),
    field(app.t('done'), done),
    field(app.t('next'), next),
    field(app.t('blockers'), blockers),
    field(app.t('date'), date),
    h('div', { className: 'buttons' }, save),
    confirmBox,
    h('h4', {}, app.t('ciHistory')),
    history,
  );
}
