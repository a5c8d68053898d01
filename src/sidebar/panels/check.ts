/**
 * Check: lint findings of an OKR sheet grouped by severity; clicking one selects its cell. When
 * numbers were typed as text (`number-as-text`, e.g. 500万), one button converts those cells
 * (RPC convertNumberCells) and Check runs again.
 */
import { fmt, type Localized } from '../../core/i18n';
import type { Severity } from '../../core/model';
import type { CheckResult, Finding } from '../../addon/rpc/contract';
import type { App, Panel } from '../app';
import type { MsgKey } from '../i18n';
import { clear, field, h } from '../dom';
import { okrSheetSelect, primaryButton } from './common';

const TEXT = {
  convert: { 'zh-CN': '将 {n} 个单元格转换为数字', en: 'Convert {n} cells to numbers' },
  convertOne: { 'zh-CN': '将 1 个单元格转换为数字', en: 'Convert 1 cell to a number' },
  convertHint: {
    'zh-CN': '这些单元格中的数字是文字，表格公式按 0 计算。转换只改写这些单元格（以及空白的“单位”）。',
    en: 'These cells hold numbers typed as text, which the formulas count as 0. Converting rewrites only them (and a blank Unit).',
  },
  converted: { 'zh-CN': '已转换 {n} 个单元格：{cells}', en: 'Converted {n} cells: {cells}' },
} satisfies Record<string, Localized>;

const NUMBER_AS_TEXT = 'number-as-text';

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
        show(out, app, res, convert);
      } catch {
        clear(out);
      }
    };
    // converts exactly the cells Check reported, then checks again so the list is current
    const convert = async (cells: string[]) => {
      app.clearMessages();
      try {
        const res = await app.rpc('convertNumberCells', { sheet: sheet.value, cells });
        const list = res.converted.map((c) => `${c.a1} ${c.from} → ${c.to}`).join('; ');
        await run();
        app.info(fmt(TEXT.converted, app.lang, { n: res.converted.length, cells: list }));
      } catch {
        // the RPC client shows the error
      }
    };
    root.append(field(app.t('sheet'), sheet), h('div', { className: 'buttons' }, primaryButton('check-run', app.t('runCheck'), run)), out);
  },
};

function show(out: HTMLElement, app: App, res: CheckResult, convert: (cells: string[]) => Promise<void>): void {
  clear(out);
  if (res.findings.length === 0) {
    out.appendChild(h('p', { className: 'ok' }, app.t('noFindings')));
    return;
  }
  const asText = res.findings.filter((f) => f.ruleId === NUMBER_AS_TEXT && f.a1).map((f) => f.a1!);
  if (asText.length > 0) {
    const label = asText.length === 1 ? TEXT.convertOne[app.lang] : fmt(TEXT.convert, app.lang, { n: asText.length });
    out.appendChild(h('p', { className: 'hint' }, TEXT.convertHint[app.lang]));
    out.appendChild(h('div', { className: 'buttons' }, primaryButton('check-convert', label, () => void convert(asText))));
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
