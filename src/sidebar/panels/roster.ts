/**
 * Roster: HR lists every unit (company → departments → teams → people) on a Roster sheet, then
 * one click creates an OKR sheet per unit from the matching templates, aligned to its parent.
 * Problems (unknown parent, missing owner …) are listed in words; clicking one selects its cell.
 */
import type { Localized } from '../../core/i18n';
import type { RosterSetupResult } from '../../addon/rpc/contract';
import type { App, Panel } from '../app';
import { append, clear, field, h, select } from '../dom';
import { primaryButton } from './common';

const T = {
  intro: {
    'zh-CN': '在“组织名单”表中每行填写一个单元：名称、层级、上级、负责人、部门模板、角色模板。然后一键为每个单元创建对齐好的 OKR 表。',
    en: 'List one unit per row on the Roster sheet: name, level, parent, owner, department template, role template. Then create an aligned OKR sheet for every unit in one go.',
  },
  newRoster: { 'zh-CN': '新建组织名单表', en: 'New roster sheet' },
  rosterCreated: { 'zh-CN': '已新建“{sheet}”，请填写后回到这里。', en: 'Created "{sheet}". Fill it in, then come back here.' },
  rosterSheet: { 'zh-CN': '名单所在工作表', en: 'Roster sheet' },
  auto: { 'zh-CN': '（自动查找）', en: '(find it)' },
  cycle: { 'zh-CN': '周期', en: 'Cycle' },
  setup: { 'zh-CN': '为每个单元创建 OKR 表', en: 'Create OKR sheets for every unit' },
  created: { 'zh-CN': '已创建 {n} 个 OKR 表：', en: 'Created {n} OKR sheets:' },
  createdOne: { 'zh-CN': '已创建 1 个 OKR 表：', en: 'Created 1 OKR sheet:' },
  problems: { 'zh-CN': '名单有 {n} 个问题，未创建任何表：', en: 'The roster has {n} problems; nothing was created:' },
  problemsOne: { 'zh-CN': '名单有 1 个问题，未创建任何表：', en: 'The roster has 1 problem; nothing was created:' },
  progress: { 'zh-CN': '{done} / {total} 个单元', en: '{done} / {total} units' },
  remaining: {
    'zh-CN': '还有 {n} 个单元未创建（{names}）；再点一次“为每个单元创建 OKR 表”即可继续。',
    en: '{n} unit(s) not created yet ({names}); click “Create OKR sheets for every unit” again to continue.',
  },
} satisfies Record<string, Localized>;

function quarter(d = new Date()): string {
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

export const rosterPanel: Panel = {
  id: 'roster',
  title: { 'zh-CN': '名单', en: 'Roster' },
  async render(root, app) {
    const L = app.lang;
    const tr = (k: keyof typeof T, p: Record<string, string | number> = {}) => T[k][L].replace(/\{(\w+)\}/g, (w, x: string) => (x in p ? String(p[x]) : w));
    await app.refreshContext().catch(() => undefined);
    const sheets = (app.context()?.sheets ?? []).filter((s) => !s.isOkr);
    const rosterSel = select('ro-sheet', [{ value: '', label: tr('auto') }, ...sheets.map((s) => ({ value: s.name, label: s.name }))]);
    const cycle = h('input', { id: 'ro-cycle', type: 'text', value: quarter(), maxlength: 40 });
    const out = h('div', { id: 'ro-result' });

    const newRoster = h('button', { id: 'ro-new', type: 'button', className: 'secondary' }, tr('newRoster'));
    newRoster.addEventListener('click', async () => {
      app.clearMessages();
      try {
        const r = await app.rpc('createRosterSheet', {});
        app.info(tr('rosterCreated', { sheet: r.sheet }));
      } catch {
        /* shown */
      }
    });

    const setup = primaryButton('ro-setup', tr('setup'), async () => {
      app.clearMessages();
      clear(out);
      // one call per batch (the server creates a few units per call, well under Apps Script's
      // 6-minute limit); call again while units remain, showing "12 / 48 units"
      const progress = h('p', { id: 'ro-progress', className: 'hint', role: 'status' });
      append(out, progress);
      const payload = { cycle: cycle.value.trim(), ...(rosterSel.value ? { sheetName: rosterSel.value } : {}) };
      const created: string[] = [];
      let last: RosterSetupResult | null = null;
      try {
        for (;;) {
          const r = await app.rpc('setupFromRoster', payload);
          last = r;
          if (!r.ok) break;
          created.push(...r.created);
          if (r.total !== undefined) progress.textContent = tr('progress', { done: r.done ?? 0, total: r.total });
          if (!r.remainingCount || r.created.length === 0) break;
        }
      } catch {
        /* shown by app.rpc; what was created stays (the next click resumes from it) */
      }
      if (last) show(out, app, last.ok ? { ...last, created } : last, tr);
      if (!last || !last.ok) progress.remove();
      else if (last.remainingCount) append(out, h('p', { className: 'warn' }, tr('remaining', { n: last.remainingCount, names: (last.remaining ?? []).join('、') })));
      if (created.length > 0) await app.refreshContext().catch(() => undefined);
    });

    root.append(
      h('p', { className: 'hint' }, tr('intro')),
      h('div', { className: 'buttons' }, newRoster),
      field(tr('rosterSheet'), rosterSel),
      field(tr('cycle'), cycle),
      h('div', { className: 'buttons' }, setup),
      out,
    );
  },
};

function show(out: HTMLElement, app: App, r: RosterSetupResult, tr: (k: keyof typeof T, p?: Record<string, string | number>) => string): void {
  if (r.ok) {
    append(out, h('p', { className: 'ok' }, r.created.length === 1 ? tr('createdOne') : tr('created', { n: r.created.length })), h('ul', { className: 'tree' }, ...r.created.map((s) => h('li', {}, s))));
    return;
  }
  const list = h('ul', { className: 'findings' });
  for (const p of r.problems) {
    const li = h('li', { className: 'finding sev-error', 'data-a1': p.a1 ?? '' }, p.a1 ? h('span', { className: 'cell' }, p.a1) : null, h('span', { className: 'ftext' }, p.message));
    if (p.a1) {
      li.setAttribute('role', 'button');
      li.tabIndex = 0;
      li.addEventListener('click', () => void app.rpc('selectCell', { sheet: r.sheet, a1: p.a1! }).catch(() => undefined));
    }
    list.appendChild(li);
  }
  append(out, h('p', { className: 'warn' }, r.problems.length === 1 ? tr('problemsOne') : tr('problems', { n: r.problems.length })), list);
}
