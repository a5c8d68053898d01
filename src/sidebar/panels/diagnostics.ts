/**
 * Diagnostics / 自检: runs the server's checks (RPC runDiagnostics, opened from the menu item
 * Run diagnostics / 运行自检) and shows the pass/fail report with a "Copy report" button.
 *
 * The report text arrives with the result, so the clipboard write happens inside the click
 * itself (browsers only allow it during the user's gesture; no server call in between).
 */
import type { Localized } from '../../core/i18n';
import type { DiagnosticsReport } from '../../addon/diagnostics/report';
import type { App, Panel } from '../app';
import { clear, h } from '../dom';
import { primaryButton } from './common';

const TEXT = {
  intro: {
    'zh-CN': '在临时工作表中插入模板、写入已知数据，检查表格公式算出的进度、得分和状态是否与插件一致，并检查数据验证、条件格式、保护、命名区域、日期和区域设置。完成后临时工作表会被删除。',
    en: "Inserts a template into temporary sheets, writes known inputs and checks that the sheet's own formulas compute the same Progress, Score and Status as the add-on; checks validations, formats, protections, named ranges, dates and the locale. The temporary sheets are removed afterwards.",
  },
  run: { 'zh-CN': '运行自检', en: 'Run diagnostics' },
  again: { 'zh-CN': '再次运行', en: 'Run again' },
  copy: { 'zh-CN': '复制报告', en: 'Copy report' },
  copied: { 'zh-CN': '报告已复制。', en: 'Report copied.' },
  copyFailed: { 'zh-CN': '无法自动复制，请在下方文本框中全选后复制。', en: 'Could not copy automatically; select the text below and copy it.' },
  allPassed: { 'zh-CN': '全部 {n} 项检查通过。', en: 'All {n} checks passed.' },
  warnings: { 'zh-CN': '{passed} 项通过，{warned} 项警告：请看下面的说明。', en: '{passed} passed, {warned} with a warning: see what to do below.' },
  someFailed: { 'zh-CN': '{failed} 项失败，{passed} 项通过。请复制报告发给管理员或开发者。', en: '{failed} failed, {passed} passed. Copy the report and send it to your admin or the developers.' },
  timings: { 'zh-CN': '耗时', en: 'Timings' },
} satisfies Record<string, Localized>;

const fill = (s: string, p: Record<string, number>) => s.replace(/\{(\w+)\}/g, (w, k: string) => (k in p ? String(p[k]) : w));

export const diagnosticsPanel: Panel = {
  id: 'diagnostics',
  title: { 'zh-CN': '自检', en: 'Diagnostics' },
  icon: '✓',
  render(root, app) {
    const t = (k: keyof typeof TEXT) => TEXT[k][app.lang];
    const out = h('div', { id: 'diag-results' });
    const run = async () => {
      app.clearMessages();
      clear(out);
      try {
        show(out, app, await app.rpc('runDiagnostics', {}));
      } catch {
        /* app.rpc already showed the error in words */
      }
    };
    root.append(h('p', { className: 'help' }, t('intro')), h('div', { className: 'buttons' }, primaryButton('diag-run', t('run'), run)), out);
    void run(); // opened from the menu item: run at once
  },
};

function show(out: HTMLElement, app: App, r: DiagnosticsReport): void {
  const t = (k: keyof typeof TEXT) => TEXT[k][app.lang];
  clear(out);
  out.appendChild(
    h(
      'p',
      { id: 'diag-summary', className: r.ok ? 'ok' : 'error' },
      !r.ok ? fill(t('someFailed'), { failed: r.failed, passed: r.passed }) : r.warned > 0 ? fill(t('warnings'), { passed: r.passed, warned: r.warned }) : fill(t('allPassed'), { n: r.passed }),
    ),
  );
  const list = h('ul', { className: 'findings', id: 'diag-checks' });
  // failures first: they are what the reader came for
  const order = { fail: 0, warn: 1, skip: 2, pass: 3 } as const;
  for (const c of [...r.checks].sort((a, b) => order[a.status] - order[b.status])) {
    list.appendChild(
      h('li', { className: `finding diag-${c.status}`, 'data-check': c.id, 'data-status': c.status }, h('strong', {}, `${{ pass: '✔', fail: '✘', warn: '!', skip: '–' }[c.status]} ${c.title}`), h('div', { className: 'hint' }, c.detail)),
    );
  }
  out.appendChild(list);
  out.appendChild(h('p', { className: 'hint' }, `${t('timings')}: ${r.timings.map((x) => `${x.name} ${Math.round(x.ms)} ms`).join(' · ')}`));
  const text = h('textarea', { id: 'diag-text', rows: 6, readonly: true, spellcheck: false });
  text.value = r.text;
  const copy = h('button', {
    id: 'diag-copy',
    type: 'button',
    onclick: () => {
      // Synchronous start inside the click: the text is already here.
      const done = () => app.info(t('copied'));
      const fallback = () => {
        text.focus();
        text.select();
        try {
          if (document.execCommand('copy')) return done();
        } catch {
          /* reported below */
        }
        app.error(t('copyFailed'));
      };
      if (navigator.clipboard?.writeText) navigator.clipboard.writeText(r.text).then(done, fallback);
      else fallback();
    },
  }, t('copy'));
  out.append(h('div', { className: 'buttons' }, copy), text);
}
