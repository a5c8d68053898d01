/**
 * Templates: department → role → sheet language → cycle, a preview of the objectives, insert.
 * The workbook's company templates (its Templates sheet) come first, marked as such; rows of that
 * sheet that failed the checks are listed under the form so HR can fix them.
 */
import type { Lang, Localized } from '../../core/i18n';
import type { TemplateCatalog } from '../../addon/rpc/contract';
import type { App, Panel } from '../app';
import { clear, field, h, select } from '../dom';
import { primaryButton } from './common';

const TEXT = {
  company: { 'zh-CN': '{name}（公司模板）', en: '{name} (company)' },
  problems: { 'zh-CN': '公司模板表中未采用的行：', en: 'Rows of the Templates sheet left out:' },
} satisfies Record<string, Localized>;

export const templatesPanel: Panel = {
  id: 'templates',
  title: { 'zh-CN': '模板', en: 'Templates' },
  async render(root, app) {
    const catalog = await app.rpc('listTemplates', { lang: app.lang });
    if (catalog.departments.length === 0) {
      root.appendChild(h('p', { className: 'empty' }, app.t('noTemplates')));
      return;
    }
    build(root, app, catalog);
  },
};

function build(root: HTMLElement, app: App, catalog: TemplateCatalog): void {
  const L = app.lang;
  const dept = select('tpl-department', catalog.departments.map((d) => ({
    value: d.id,
    label: d.source === 'company' ? TEXT.company[L].replace('{name}', d.name[L]) : d.name[L],
  })));
  const role = h('select', { id: 'tpl-role' });
  const lang = select('tpl-lang', [
    { value: 'zh-CN', label: '中文' },
    { value: 'en', label: 'English' },
  ], L);
  const cycle = h('input', { id: 'tpl-cycle', type: 'text', list: 'tpl-cycles', value: catalog.cycles[0] ?? '', maxlength: 40 });
  const cycles = h('datalist', { id: 'tpl-cycles' }, ...catalog.cycles.map((c) => h('option', { value: c })));
  const unit = h('input', { id: 'tpl-unit', type: 'text', maxlength: 200 });
  const owner = h('input', { id: 'tpl-owner', type: 'text', maxlength: 200 });
  const preview = h('div', { id: 'tpl-preview', className: 'preview' });

  const fillRoles = () => {
    clear(role);
    const d = catalog.departments.find((x) => x.id === dept.value);
    for (const r of d?.roles ?? []) role.appendChild(h('option', { value: r.id }, r.name[L]));
  };
  let seq = 0;
  const showPreview = async () => {
    const mine = ++seq;
    try {
      const p = await app.rpc('previewTemplate', {
        department: dept.value,
        role: role.value,
        lang: lang.value as Lang,
        cycle: cycle.value || undefined,
      });
      if (mine !== seq) return;
      clear(preview);
      preview.appendChild(h('div', { className: 'preview-title' }, p.title));
      const list = h('ul', { className: 'tree' });
      for (const r of p.rows) {
        const isO = r.type === 'objective';
        list.appendChild(
          h('li', { className: isO ? 'obj' : 'kr' }, h('span', { className: 'rid' }, r.id), ' ', h('span', {}, r.title)),
        );
      }
      preview.appendChild(list);
    } catch {
      if (mine === seq) clear(preview);
    }
  };
  dept.addEventListener('change', () => {
    fillRoles();
    void showPreview();
  });
  role.addEventListener('change', () => void showPreview());
  lang.addEventListener('change', () => void showPreview());
  fillRoles();

  const insert = primaryButton('tpl-insert', app.t('insert'), async () => {
    app.clearMessages();
    try {
      const r = await app.rpc('insertTemplate', {
        department: dept.value,
        role: role.value,
        lang: lang.value as Lang,
        cycle: cycle.value.trim(),
        unit: unit.value.trim() || undefined,
        owner: owner.value.trim() || undefined,
      });
      await app.refreshContext();
      app.info(app.t('inserted', { sheet: r.sheet, rows: r.rows }));
    } catch {
      /* shown by app.rpc */
    }
  });

  root.append(
    field(app.t('department'), dept),
    field(app.t('role'), role),
    field(app.t('sheetLanguage'), lang),
    field(app.t('cycle'), cycle, app.t('cycleHint')),
    cycles,
    field(app.t('unit'), unit),
    field(app.t('owner'), owner),
    h('div', { className: 'buttons' }, insert),
    h('h3', {}, app.t('preview')),
    preview,
  );
  if (catalog.companyProblems?.length) {
    root.append(
      h('p', { className: 'hint' }, TEXT.problems[L]),
      h('ul', { id: 'tpl-problems', className: 'problems' }, ...catalog.companyProblems.map((m) => h('li', {}, m[L]))),
    );
  }
  void showPreview();
}
