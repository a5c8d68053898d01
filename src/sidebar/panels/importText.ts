/**
 * Import: paste OKRs as text (`O: …` / `目标(O)：…`, then `KR1: …`), see the rows the parser
 * extracted (start, target, unit, type), then write them as a new sheet or append them.
 */
import type { ImportPreview } from '../../addon/rpc/contract';
import type { App, Panel } from '../app';
import { append, clear, field, h } from '../dom';
import { fmtValue, okrSheetSelect, primaryButton } from './common';

export const importPanel: Panel = {
  id: 'import',
  title: { 'zh-CN': '导入', en: 'Import' },
  render(root, app) {
    const text = h('textarea', { id: 'imp-text', rows: 8, maxlength: 10000, placeholder: app.t('pasteHint') });
    const out = h('div', { id: 'imp-preview' });
    const write = h('div', { id: 'imp-write' });
    const preview = primaryButton('imp-preview-btn', app.t('preview'), async () => {
      app.clearMessages();
      clear(out);
      clear(write);
      try {
        const p = await app.rpc('previewImport', { text: text.value });
        showPreview(out, app, p);
        if (p.rows.length > 0) buildWrite(write, app, text.value);
      } catch {
        /* shown */
      }
    });
    preview.className = 'secondary';
    root.append(field(app.t('pasteHere'), text), h('div', { className: 'buttons' }, preview), out, write);
  },
};

function showPreview(out: HTMLElement, app: App, p: ImportPreview): void {
  for (const msg of p.problems) out.appendChild(h('p', { className: 'warn' }, msg));
  if (p.rows.length === 0) {
    out.appendChild(h('p', { className: 'empty' }, app.t('nothingParsed')));
    return;
  }
  const head = h(
    'tr',
    {},
    ...(['colId', 'colTitle', 'colStart', 'colTarget', 'colUnit'] as const).map((k) => h('th', {}, app.t(k))),
  );
  const body = h('tbody', {});
  for (const r of p.rows) {
    const isO = r.type === 'objective';
    body.appendChild(
      h(
        'tr',
        { className: isO ? 'obj' : 'kr', title: r.notes.join('\n') || null },
        h('td', { className: 'rid' }, r.id),
        h('td', {}, r.title),
        h('td', { className: 'num' }, isO ? '' : fmtValue(r.start, r.unit ?? '', app.lang)),
        h('td', { className: 'num' }, isO ? '' : fmtValue(r.target, r.unit ?? '', app.lang)),
        h('td', {}, r.unit),
      ),
    );
  }
  out.appendChild(h('table', { id: 'imp-rows', className: 'rows' }, h('thead', {}, head), body));
}

function buildWrite(root: HTMLElement, app: App, text: string): void {
  const sheet = okrSheetSelect(app, 'imp-sheet');
  const modeNew = h('input', { type: 'radio', name: 'imp-mode', id: 'imp-mode-new', value: 'newSheet', checked: true });
  const modeAppend = h('input', { type: 'radio', name: 'imp-mode', id: 'imp-mode-append', value: 'append', disabled: !sheet });
  const go = primaryButton('imp-write-btn', app.t('write'), async () => {
    app.clearMessages();
    try {
      const r = await app.rpc('writeImport', {
        text,
        mode: modeAppend.checked ? 'append' : 'newSheet',
        sheet: modeAppend.checked && sheet ? sheet.value : undefined,
        lang: app.lang,
      });
      await app.refreshContext();
      app.info(app.t('written', { rows: r.rows, sheet: r.sheet }));
    } catch {
      /* shown */
    }
  });
  append(
    root,
    h('h3', {}, app.t('writeAs')),
    h('div', { className: 'radio' }, modeNew, h('label', { for: 'imp-mode-new' }, app.t('modeNew'))),
    h('div', { className: 'radio' }, modeAppend, h('label', { for: 'imp-mode-append' }, app.t('modeAppend'))),
    sheet ? h('div', { className: 'indent' }, sheet) : null,
    h('div', { className: 'buttons' }, go),
  );
}
