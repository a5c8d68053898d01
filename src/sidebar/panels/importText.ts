/**
 * Import: paste OKRs as text (labelled lines, Markdown headings and bullets, bold lines, tables),
 * see how the document was read ("objectives: the `##` headings; key results: the bullets under
 * them") with ONE switch to read it another way, the rows (owner, due, start, target, unit), then
 * write them as a new sheet or append them — with the reading chosen in the switch.
 * "Adopt this sheet": a team's own OKR table on any sheet → its column mapping and rows → on
 * confirm, our OKR sheet as a new sheet (the source sheet is only read).
 */
import type { Localized } from '../../core/i18n';
import type { AdoptPreview, ImportPreview, ImportRow } from '../../addon/rpc/contract';
import type { App, Panel } from '../app';
import { append, clear, field, h, select } from '../dom';
import { fmtValue, okrSheetSelect, primaryButton } from './common';

const T = {
  readAs: { 'zh-CN': '读取方式', en: 'Read as' },
  counts: { 'zh-CN': '{o} 个目标，{k} 个关键结果', en: '{o} objectives, {k} key results' },
  switchHint: {
    'zh-CN': '读错了？换一种读法，预览会更新，写入也按这种读法。',
    en: 'Read wrongly? Pick another reading: the preview updates and the write uses it.',
  },
  colOwner: { 'zh-CN': '负责人', en: 'Owner' },
  colDue: { 'zh-CN': '截止', en: 'Due' },
  adoptTitle: { 'zh-CN': '采用这张表', en: 'Adopt this sheet' },
  adoptIntro: {
    'zh-CN': '团队已经在自己的表格里记录 OKR？选中那张表，查看列的对应关系，确认后生成一张新的 OKR 表（原表不会被改动）。',
    en: 'Already tracking OKRs in your own spreadsheet? Pick that sheet, check how its columns are read, then build a new OKR sheet from it (the original is not changed).',
  },
  adoptSheet: { 'zh-CN': '来源工作表', en: 'Source sheet' },
  adoptPreview: { 'zh-CN': '识别列', en: 'Read its columns' },
  adoptMapping: { 'zh-CN': '列的对应关系', en: 'Column mapping' },
  asNote: { 'zh-CN': '（作为备注）', en: '(kept as notes)' },
  adoptWrite: { 'zh-CN': '生成新的 OKR 表', en: 'Build a new OKR sheet' },
  unit: { 'zh-CN': '单元（部门 / 团队）', en: 'Unit (department / team)' },
  cycle: { 'zh-CN': '周期', en: 'Cycle' },
  noSheets: { 'zh-CN': '没有可采用的工作表（OKR Sheets 自己的表除外）。', en: 'No sheet to adopt (OKR Sheets’ own sheets are not adopted).' },
} satisfies Record<string, Localized>;

type Key = keyof typeof T;

export const importPanel: Panel = {
  id: 'import',
  title: { 'zh-CN': '导入', en: 'Import' },
  render(root, app) {
    const tr = (k: Key, p: Record<string, string | number> = {}) => T[k][app.lang].replace(/\{(\w+)\}/g, (w, x: string) => (x in p ? String(p[x]) : w));
    const text = h('textarea', { id: 'imp-text', rows: 8, maxlength: 10000, placeholder: app.t('pasteHint') });
    const out = h('div', { id: 'imp-preview' });
    const write = h('div', { id: 'imp-write' });
    /** Re-runs the preview; `level` is the switch's choice, kept for the write. */
    const run = async (level?: string) => {
      app.clearMessages();
      try {
        const p = await app.rpc('previewImport', { text: text.value, ...(level ? { objectiveLevel: level } : {}) });
        clear(out);
        clear(write);
        showPreview(out, app, tr, p, (next) => void run(next));
        if (p.rows.length > 0) buildWrite(write, app, text.value, level);
      } catch {
        /* shown */
      }
    };
    const preview = primaryButton('imp-preview-btn', app.t('preview'), () => {
      clear(out);
      clear(write);
      void run();
    });
    preview.className = 'secondary';
    root.append(field(app.t('pasteHere'), text), h('div', { className: 'buttons' }, preview), out, write, adoptSection(app, tr));
  },
};

type Tr = (k: Key, p?: Record<string, string | number>) => string;

function showPreview(out: HTMLElement, app: App, tr: Tr, p: ImportPreview, switchTo: (level: string) => void): void {
  const s = p.structure;
  if (s) {
    out.appendChild(h('p', { id: 'imp-structure', className: 'hint' }, s.explanation));
    if (s.alternatives.length > 0) {
      // ONE switch: the chosen reading first, then the others the parser offers
      const label = (o: { explanation: string; objectives: number; keyResults: number }) =>
        `${o.explanation} — ${tr('counts', { o: o.objectives, k: o.keyResults })}`;
      const sw = select('imp-level', [s, ...s.alternatives].map((o) => ({ value: o.objectiveLevel, label: label(o) })), s.objectiveLevel);
      sw.addEventListener('change', () => switchTo(sw.value));
      out.appendChild(field(tr('readAs'), sw, tr('switchHint')));
    }
  }
  if (p.error) out.appendChild(h('p', { id: 'imp-error', className: 'warn', role: 'alert' }, p.error));
  for (const msg of p.problems) out.appendChild(h('p', { className: 'warn' }, msg));
  if (p.rows.length === 0) {
    if (!p.error) out.appendChild(h('p', { className: 'empty' }, app.t('nothingParsed')));
    return;
  }
  out.appendChild(rowsTable('imp-rows', app, tr, p.rows));
}

function rowsTable(id: string, app: App, tr: Tr, rows: ImportRow[]): HTMLElement {
  const head = h(
    'tr',
    {},
    h('th', {}, app.t('colId')),
    h('th', {}, app.t('colTitle')),
    h('th', {}, app.t('colStart')),
    h('th', {}, app.t('colTarget')),
    h('th', {}, app.t('colUnit')),
  );
  const body = h('tbody', {});
  for (const r of rows) {
    const isO = r.type === 'objective';
    body.appendChild(
      h(
        'tr',
        { className: isO ? 'obj' : 'kr', title: r.notes.join('\n') || null },
        h('td', { className: 'rid' }, r.id),
        // owner and due under the title: the sidebar is too narrow for two more columns
        h(
          'td',
          {},
          r.title,
          r.owner || r.due
            ? h(
                'div',
                { className: 'hint' },
                r.owner ? h('span', { className: 'owner', title: tr('colOwner') }, r.owner) : null,
                r.owner && r.due ? ' · ' : null,
                r.due ? h('span', { className: 'due', title: tr('colDue') }, `${tr('colDue')} ${r.due}`) : null,
              )
            : null,
        ),
        h('td', { className: 'num' }, isO ? '' : fmtValue(r.start, r.unit ?? '', app.lang)),
        h('td', { className: 'num' }, isO ? '' : fmtValue(r.target, r.unit ?? '', app.lang)),
        h('td', {}, r.unit),
      ),
    );
  }
  return h('table', { id, className: 'rows' }, h('thead', {}, head), body);
}

function buildWrite(root: HTMLElement, app: App, text: string, level: string | undefined): void {
  const sheet = okrSheetSelect(app, 'imp-sheet');
  const modeNew = h('input', { type: 'radio', name: 'imp-mode', id: 'imp-mode-new', value: 'newSheet', checked: true });
  const modeAppend = h('input', { type: 'radio', name: 'imp-mode', id: 'imp-mode-append', value: 'append', disabled: !sheet });
  const go = primaryButton('imp-write-btn', app.t('write'), async () => {
    app.clearMessages();
    try {
      const r = await app.rpc('writeImport', {
        text,
        ...(level ? { objectiveLevel: level } : {}),
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

/** "Adopt this sheet": pick a sheet (the open one first), read its columns, confirm, build. */
function adoptSection(app: App, tr: Tr): HTMLElement {
  const root = h('section', { id: 'imp-adopt' }, h('h3', {}, tr('adoptTitle')), h('p', { className: 'hint' }, tr('adoptIntro')));
  const ctx = app.context();
  const sheets = (ctx?.sheets ?? []).filter((s) => !s.isOkr);
  if (sheets.length === 0) {
    root.appendChild(h('p', { className: 'empty' }, tr('noSheets')));
    return root;
  }
  const active = sheets.some((s) => s.name === ctx?.activeSheet) ? ctx!.activeSheet : sheets[0]!.name;
  const src = select('imp-adopt-sheet', sheets.map((s) => ({ value: s.name, label: s.name })), active);
  const out = h('div', { id: 'imp-adopt-out' });
  const read = primaryButton('imp-adopt-btn', tr('adoptPreview'), async () => {
    app.clearMessages();
    clear(out);
    try {
      const p = await app.rpc('previewAdopt', { sheet: src.value });
      showAdopt(out, app, tr, p);
    } catch {
      /* shown */
    }
  });
  read.className = 'secondary';
  append(root, field(tr('adoptSheet'), src), h('div', { className: 'buttons' }, read), out);
  return root;
}

function showAdopt(out: HTMLElement, app: App, tr: Tr, p: AdoptPreview): void {
  if (!p.ok) {
    out.appendChild(h('p', { id: 'imp-adopt-error', className: 'warn', role: 'alert' }, p.message ?? ''));
    return;
  }
  const map = h('ul', { id: 'imp-adopt-map' });
  for (const m of p.mapping) {
    map.appendChild(h('li', { 'data-role': m.role ?? '' }, `${m.letter} · ${m.header || '—'} → ${m.role ?? tr('asNote')}`));
  }
  append(out, h('h4', {}, tr('adoptMapping')), map);
  for (const msg of p.problems) out.appendChild(h('p', { className: 'warn' }, msg));
  out.appendChild(rowsTable('imp-adopt-rows', app, tr, p.rows));
  const sheet = p.sheet;
  const unit = h('input', { id: 'imp-adopt-unit', type: 'text', maxlength: 200 });
  const now = new Date();
  const cycle = h('input', { id: 'imp-adopt-cycle', type: 'text', maxlength: 40, value: `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}` });
  out.append(field(tr('unit'), unit), field(tr('cycle'), cycle));
  const go = primaryButton('imp-adopt-write', tr('adoptWrite'), async () => {
    app.clearMessages();
    try {
      const r = await app.rpc('writeAdopt', {
        ...(sheet ? { sheet } : {}),
        lang: app.lang,
        ...(unit.value.trim() ? { unit: unit.value.trim() } : {}),
        ...(cycle.value.trim() ? { cycle: cycle.value.trim() } : {}),
      });
      await app.refreshContext();
      app.info(app.t('written', { rows: r.rows, sheet: r.sheet }));
    } catch {
      /* shown */
    }
  });
  out.appendChild(h('div', { className: 'buttons' }, go));
}
