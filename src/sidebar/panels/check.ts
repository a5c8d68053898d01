/** Check: lint findings of an OKR sheet grouped by severity; clicking one selects its cell. */
import type { Severity } from '../../core/model';
import type { CheckResult, Finding } from '../../addon/rpc/contract';
import type { App, Panel } from '../app';
import type { MsgKey } from '../i18n';
import { clear, field, h } from '../dom';
import { okrSheetSelect, primaryButton } from './common';

const GROUPS: { sev: Severity; key: MsgKey }[] = [
  { sev: 'error', key: 'sevError' },
  { sev: 'warning', key: 'sevWarning' },
  { sev: 'info', key: 'sevInfo' },
];

export const checkPanel: Panel = {
  id: 'check',
  title: { 'zh-CN': '检查', en: 'Check' },
  async render(root, app) {
    await app.refreshContext().catch(() => undefined); // the active sheet may have changed
    const sheet = okrSheetSelect(app, 'check-sheet');
    if (!sheet) {
      root.appendChild(h('p', { className: 'empty' }, app.t('noOkrSheet')));
      return;
    }
    const out = h('div', { id: 'check-results' });
    const run = async () => {
      app.clearMessages();
      try {
        const res = await app.rpc('checkSheet', { sheet: sheet.value });
        show(out, app, res);
      } catch {
        clear(out);
      }
    };
    root.append(field(app.t('sheet'), sheet), h('div', { className: 'buttons' }, primaryButton('check-run', app.t('runCheck'), run)), out);
  },
};

function show(out: HTMLElement, app: App, res: CheckResult): void {
  clear(out);
  if (res.findings.length === 0) {
    out.appendChild(h('p', { className: 'ok' }, app.t('noFindings')));
    return;
  }
  out.appendChild(h('p', { className: 'hint' }, app.t('clickToSelect')));
  for (const g of GROUPS) {
    const items = res.findings.filter((f) => f.severity === g.sev);
    if (items.length === 0) continue;
    out.appendChild(h('h3', { className: `sev-${g.sev}` }, `${app.t(g.key)} (${items.length})`));
    const list = h('ul', { className: 'findings' });
    for (const f of items) list.appendChild(item(app, f));
    out.appendChild(list);
  }
}

function item(app: App, f: Finding): HTMLElement {
  const li = h(
    'li',
    { className: `finding sev-${f.severity}`, 'data-rule': f.ruleId, 'data-a1': f.a1 ?? '' },
    f.a1 ? h('span', { className: 'cell' }, f.a1) : null,
    h('span', { className: 'ftext' }, f.message),
  );
  if (f.a1) {
    li.tabIndex = 0;
    li.setAttribute('role', 'button');
    const go = () => {
      for (const x of Array.from(li.parentElement?.parentElement?.querySelectorAll('.finding.current') ?? [])) x.classList.remove('current');
      li.classList.add('current');
      void app.rpc('selectCell', { sheet: f.sheet, a1: f.a1! }).catch(() => undefined);
    };
    li.addEventListener('click', go);
    li.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        go();
      }
    });
  }
  return li;
}
