/**
 * Review panel: generate the Review (复盘) sheet of an OKR sheet, preview it and copy it as
 * Markdown (mail, Feishu, DingTalk, WeChat); generate the Dashboard and the Alignment map; and
 * show the alignment tree (company → department → team → person) with rolled-up progress.
 * User text is only ever set as text (dom.h / textContent).
 *
 * Copy Markdown writes the clipboard inside the click: browsers allow `navigator.clipboard`
 * writes only during a user gesture (transient activation), and an RPC round trip before the
 * write loses it. So the Markdown is fetched ahead — when the panel shows and whenever the
 * sheet, month or as-of day changes — and the click writes text already here.
 * https://developer.mozilla.org/en-US/docs/Web/API/Clipboard/writeText
 */
import type { Localized } from '../../core/i18n';
import { fmt } from '../../core/i18n';
import type { AlignmentTree, UnitNode } from '../../core/alignment';
import type { App, Panel } from '../app';
import { clear, field, h } from '../dom';
import { call, RpcError } from '../rpc';
import { okrSheetSelect, primaryButton } from './common';

export const REVIEW_PANEL_TEXT = {
  title: { 'zh-CN': '复盘', en: 'Review' },
  noOkrSheet: { 'zh-CN': '还没有 OKR 表。', en: 'There is no OKR sheet yet.' },
  sheet: { 'zh-CN': 'OKR 表', en: 'OKR sheet' },
  month: { 'zh-CN': '月度进展的月份', en: 'Month of the check-in summary' },
  asOf: { 'zh-CN': '统计日期', en: 'As of' },
  generate: { 'zh-CN': '生成复盘', en: 'Generate review' },
  preview: { 'zh-CN': '预览', en: 'Preview' },
  copy: { 'zh-CN': '复制 Markdown', en: 'Copy Markdown' },
  copied: { 'zh-CN': '已复制，可粘贴到邮件、飞书、钉钉或微信。', en: 'Copied: paste it into mail, Feishu, DingTalk or WeChat.' },
  copyFailed: { 'zh-CN': '无法自动复制，请在预览框中全选后复制。', en: 'Could not copy automatically; select the preview and copy it.' },
  notReady: {
    'zh-CN': 'Markdown 还在准备中，请稍候再点一次“复制 Markdown”。',
    en: 'The Markdown is still being prepared; click Copy Markdown again in a moment.',
  },
  generated: {
    'zh-CN': '已写入“{sheet}”：{objectives} 个目标，{prompts} 处待负责人填写（黄色底）。',
    en: 'Written to "{sheet}": {objectives} objectives, {prompts} parts for the owner to write (yellow).',
  },
  dashboard: { 'zh-CN': '生成仪表盘', en: 'Generate dashboard' },
  dashboardDone: {
    'zh-CN': '已写入“{sheet}”：{units} 个单元，{stale} 个久未更新的 KR，{calibration} 处自评与上级评相差 0.3 或以上。',
    en: 'Written to "{sheet}": {units} units, {stale} stale KRs, {calibration} self/manager score gaps of 0.3 or more.',
  },
  alignmentMap: { 'zh-CN': '生成对齐地图', en: 'Generate alignment map' },
  alignmentDone: { 'zh-CN': '已写入“{sheet}”：{units} 个单元。', en: 'Written to "{sheet}": {units} units.' },
  tree: { 'zh-CN': '查看对齐树', en: 'Show alignment tree' },
  treeTitle: { 'zh-CN': '对齐树（汇总进度）', en: 'Alignment tree (rolled-up progress)' },
  emptyTree: { 'zh-CN': '没有可对齐的 OKR 表。', en: 'No OKR sheets to align.' },
  problems: { 'zh-CN': '对齐问题', en: 'Alignment problems' },
  mode: { 'zh-CN': '进度来源', en: 'Progress from' },
  modeBoth: { 'zh-CN': '自身 KR 与下级各半', en: 'Own KRs and aligned below, half each' },
  modeKrs: { 'zh-CN': '仅自身 KR', en: 'Own KRs only' },
  modeChildren: { 'zh-CN': '仅下级对齐目标', en: 'Aligned objectives only' },
  unitLine: { 'zh-CN': '{unit} · {progress} · {owner}', en: '{unit} · {progress} · {owner}' },
} satisfies Record<string, Localized>;

type Key = keyof typeof REVIEW_PANEL_TEXT;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export const reviewPanel: Panel = {
  id: 'review',
  title: REVIEW_PANEL_TEXT.title,
  render(root, app) {
    const t = (k: Key, p: Record<string, string | number> = {}) => fmt(REVIEW_PANEL_TEXT[k], app.lang, p);
    const sheet = okrSheetSelect(app, 'rv-sheet');
    if (!sheet) {
      root.appendChild(h('p', { className: 'empty' }, t('noOkrSheet')));
      return;
    }
    const asOf = h('input', { id: 'rv-asof', type: 'date', value: today() });
    const month = h('input', { id: 'rv-month', type: 'month', value: today().slice(0, 7) });
    const preview = h('textarea', { id: 'rv-preview', rows: 14, readonly: true, spellcheck: false });
    const payload = () => ({
      sheet: sheet.value,
      ...(/^\d{4}-\d{2}$/.test(month.value) ? { month: month.value } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(asOf.value) ? { asOf: asOf.value } : {}),
    });

    const generate = primaryButton('rv-generate', t('generate'), async () => {
      app.clearMessages();
      try {
        const key = keyOf();
        const r = await app.rpc('generateReview', payload());
        preview.value = r.markdown;
        remember(key, r.markdown);
        app.info(t('generated', { sheet: r.reviewSheet, objectives: r.objectives, prompts: r.ownerPrompts }));
      } catch {
        /* shown */
      }
    });
    const showPreview = h('button', { id: 'rv-preview-btn', type: 'button', onclick: async () => {
      app.clearMessages();
      try {
        const key = keyOf();
        preview.value = (await app.rpc('reviewMarkdown', payload())).markdown;
        remember(key, preview.value);
      } catch {
        /* shown */
      }
    } }, t('preview'));
    // The Markdown for the current choices: fetched ahead (quietly: a failure is only shown
    // when the user clicks Copy), kept per payload so a click never copies another sheet's text.
    let md: { key: string; text: string | null; error: string | null } = { key: '', text: null, error: null };
    const keyOf = () => JSON.stringify(payload());
    // `data-ready` on the button says whether a click copies now (tests and styles read it)
    const markReady = () => copy.setAttribute('data-ready', String(md.text !== null && md.key === keyOf()));
    const remember = (key: string, text: string) => {
      md = { key, text, error: null };
      markReady();
    };
    const prefetch = () => {
      const key = keyOf();
      if (md.key === key && md.error === null) return; // ready, or on its way
      md = { key, text: null, error: null };
      markReady();
      call('reviewMarkdown', payload(), app.lang).then(
        (r) => {
          if (md.key === key) remember(key, r.markdown);
        },
        (e: unknown) => {
          if (md.key === key) md = { key, text: null, error: e instanceof RpcError ? e.message : String(e) };
          markReady();
        },
      );
    };
    const copyText = (text: string) => {
      preview.value = text;
      const fallback = () => {
        preview.focus();
        preview.select();
        try {
          // Older hosts: copy the selected preview text.
          if (document.execCommand('copy')) app.info(t('copied'));
          else app.error(t('copyFailed'));
        } catch {
          app.error(t('copyFailed'));
        }
      };
      if (!navigator.clipboard?.writeText) {
        fallback();
        return;
      }
      // called synchronously in the click handler: the gesture is still ours
      navigator.clipboard.writeText(text).then(() => app.info(t('copied')), fallback);
    };
    const copy = h('button', { id: 'rv-copy', type: 'button', onclick: () => {
      app.clearMessages();
      const key = keyOf();
      if (md.key === key && md.text !== null) {
        copyText(md.text);
        return;
      }
      if (md.key === key && md.error !== null) app.error(md.error);
      else app.info(t('notReady'));
      prefetch();
    } }, t('copy'));
    for (const input of [sheet, month, asOf]) input.addEventListener('change', prefetch);
    prefetch();

    const dashboard = h('button', { id: 'rv-dashboard', type: 'button', onclick: async () => {
      app.clearMessages();
      try {
        const r = await app.rpc('generateDashboard', /^\d{4}-\d{2}-\d{2}$/.test(asOf.value) ? { asOf: asOf.value } : {});
        app.info(t('dashboardDone', { sheet: r.dashboardSheet, units: r.units, stale: r.staleKrs, calibration: r.calibration ?? 0 }));
      } catch {
        /* shown */
      }
    } }, t('dashboard'));

    const mode = h('select', { id: 'rv-mode' },
      h('option', { value: 'both' }, t('modeBoth')),
      h('option', { value: 'krs' }, t('modeKrs')),
      h('option', { value: 'children' }, t('modeChildren')),
    );
    const modeValue = () => (mode.value === 'krs' || mode.value === 'children' ? mode.value : 'both') as 'both' | 'krs' | 'children';
    const treeBox = h('div', { id: 'rv-tree' });
    const alignmentMap = h('button', { id: 'rv-alignment', type: 'button', onclick: async () => {
      app.clearMessages();
      try {
        const r = await app.rpc('generateAlignmentMap', { mode: modeValue() });
        app.info(t('alignmentDone', { sheet: r.alignmentSheet, units: r.units }));
      } catch {
        /* shown */
      }
    } }, t('alignmentMap'));
    const showTree = h('button', { id: 'rv-tree-btn', type: 'button', onclick: async () => {
      app.clearMessages();
      try {
        renderTree(treeBox, await app.rpc('alignmentTree', { mode: modeValue() }), app, t);
      } catch {
        /* shown */
      }
    } }, t('tree'));

    root.append(
      field(t('sheet'), sheet),
      field(t('month'), month),
      field(t('asOf'), asOf),
      h('div', { className: 'buttons' }, generate, showPreview, copy),
      field(t('preview'), preview),
      h('hr'),
      field(t('mode'), mode),
      h('div', { className: 'buttons' }, dashboard, alignmentMap, showTree),
      treeBox,
    );
  },
};

/** Renders the tree as nested lists; every piece of user text goes in as a text node. */
export function renderTree(
  box: HTMLElement,
  tree: AlignmentTree,
  app: App,
  t: (k: Key, p?: Record<string, string | number>) => string,
): void {
  clear(box);
  box.appendChild(h('h3', {}, t('treeTitle')));
  if (tree.roots.length === 0) {
    box.appendChild(h('p', { className: 'empty' }, t('emptyTree')));
  }
  const unitItem = (u: UnitNode): HTMLElement => {
    const objectives = h('ul', { className: 'tree-objectives' });
    for (const o of u.objectives) {
      objectives.appendChild(h('li', { className: 'tree-objective', title: o.id },
        h('progress', { max: 1, value: o.progress }),
        ` ${o.objectiveId} ${o.title} · ${pct(o.progress)}${o.owner ? ` · ${o.owner}` : ''}`,
      ));
    }
    const children = h('ul', { className: 'tree-units' });
    for (const c of u.children) children.appendChild(unitItem(c));
    return h('li', { className: 'tree-unit' },
      h('strong', {}, t('unitLine', { unit: u.unit, progress: pct(u.progress), owner: u.owner || '—' })),
      u.objectives.length ? objectives : null,
      u.children.length ? children : null,
    );
  };
  const list = h('ul', { className: 'tree-units' });
  for (const r of tree.roots) list.appendChild(unitItem(r));
  box.appendChild(list);
  if (tree.problems.length) {
    box.appendChild(h('h4', {}, t('problems')));
    const ul = h('ul', { className: 'tree-problems' });
    for (const p of tree.problems) ul.appendChild(h('li', {}, p.message[app.lang]));
    box.appendChild(ul);
  }
}
