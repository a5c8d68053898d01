/**
 * Distribute (issue 12): from the hub's roster, one OKR file per unit, shared with its owner;
 * then collect every file back into the hub (registry figures, company Dashboard, Alignment
 * map). Apps Script stops a call after 6 minutes, so this panel calls one batch after another
 * with a progress bar ("12 / 48 units"); all state is in the hub's Units registry, so closing
 * the sidebar loses nothing — the next click continues where the registry says.
 */
import type { Localized } from '../../core/i18n';
import type { DistributionBatchResult } from '../../addon/rpc/contract';
import type { App, Panel } from '../app';
import { append, clear, field, h } from '../dom';
import { primaryButton } from './common';

const T = {
  intro: {
    'zh-CN': '这个表格是中枢：按“组织名单”为每个单元新建一个 OKR 文件（放在同一个云端硬盘文件夹里，并共享给负责人编辑），再把各文件的进度收回来。',
    en: 'This spreadsheet is the hub: from the Roster, make one OKR file per unit (in one Drive folder, shared with its owner as editor), then collect every file\'s progress back here.',
  },
  cycle: { 'zh-CN': '周期', en: 'Cycle' },
  distribute: { 'zh-CN': '分发给各单元', en: 'Distribute to units' },
  collect: { 'zh-CN': '收集进度', en: 'Collect progress' },
  stop: { 'zh-CN': '暂停', en: 'Pause' },
  doneDistribute: { 'zh-CN': '分发完成：{progress}', en: 'Distribution done: {progress}' },
  doneCollect: { 'zh-CN': '收集完成：{progress}。已更新单元登记表、仪表盘和对齐地图。', en: 'Collected: {progress}. The Units registry, Dashboard and Alignment map are up to date.' },
  paused: { 'zh-CN': '已暂停于 {progress}；再点一次即可继续。', en: 'Paused at {progress}; click again to continue.' },
  problems: { 'zh-CN': '问题：', en: 'Problems:' },
  rosterProblems: { 'zh-CN': '组织名单有问题，未分发：', en: 'The roster has problems; nothing was distributed:' },
  nextCycle: { 'zh-CN': '所有单元进入下一周期', en: 'Start next cycle for every unit' },
  nextCycleHint: {
    'zh-CN': '先在“周期”中填写新周期（如 2027-Q1）：每个单元文件的当前 OKR 表归档，未完成的 KR 带入新表；已在该周期的单元跳过。',
    en: 'Type the new cycle (such as 2027-Q1) in “Cycle” first: each unit file\'s current OKR sheet is archived and its unfinished KRs carried into a new sheet; units already in that cycle are skipped.',
  },
  doneNextCycle: { 'zh-CN': '已进入下一周期：{progress}', en: 'Next cycle started: {progress}' },
  remind: { 'zh-CN': '所有单元的提醒（预览）', en: 'Reminders for every unit (preview)' },
  outbox: { 'zh-CN': '将发送 {n} 条消息（覆盖 {units} 个单元文件，截至 {asOf}）：', en: '{n} message(s) would be sent (covering {units} unit files, as of {asOf}):' },
  sendAll: { 'zh-CN': '发送给所有单元', en: 'Send to every unit' },
  sendConfirm: { 'zh-CN': '现在发送这 {n} 条消息（{units} 个单元文件）？', en: 'Send these {n} message(s) now ({units} unit files)?' },
  sendYes: { 'zh-CN': '发送', en: 'Send' },
  sendNo: { 'zh-CN': '取消', en: 'Cancel' },
  sendNothing: { 'zh-CN': '没有需要提醒的人，未发送。', en: 'Nobody has anything to do; nothing sent.' },
  sentAll: {
    'zh-CN': '已发送 {sent} 条，未发送 {left} 条（今日邮件配额），问题 {problems} 个；已记入中枢的“提醒记录”表。',
    en: 'Sent {sent}, left {left} (today\'s mail quota), {problems} problem(s); logged in the hub\'s Reminders log.',
  },
  reviewUnit: { 'zh-CN': '复盘单元', en: 'Unit to review' },
  review: { 'zh-CN': '生成该单元的复盘', en: 'Review of this unit' },
  reviewHint: {
    'zh-CN': '从中枢为任一层级生成复盘：读取该单元的文件，并带上下级单元（上次收集时）的汇总；写入中枢的“复盘”表。',
    en: 'Review any level from the hub: reads that unit\'s file, with the roll-up of the units below it as last collected; written to a Review sheet in the hub.',
  },
  reviewDone: { 'zh-CN': '已写入“{sheet}”（{n} 个目标）。', en: 'Written to “{sheet}” ({n} objectives).' },
  noRollUp: { 'zh-CN': '尚未收集过进度，复盘中没有下级单元的汇总；先点“收集进度”。', en: 'Nothing collected yet, so the review has no roll-up of the units below; click “Collect progress” first.' },
} satisfies Record<string, Localized>;

export const distributionPanel: Panel = {
  id: 'distribution',
  title: { 'zh-CN': '分发', en: 'Distribute' },
  render(root, app) {
    const L = app.lang;
    const tr = (k: keyof typeof T, p: Record<string, string | number> = {}) => T[k][L].replace(/\{(\w+)\}/g, (w, x: string) => (x in p ? String(p[x]) : w));
    const now = new Date();
    const cycle = h('input', { id: 'di-cycle', type: 'text', value: `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`, maxlength: 40 });
    const bar = h('progress', { id: 'di-progress', max: 1, value: 0 });
    const label = h('span', { id: 'di-progress-text' });
    const out = h('div', { id: 'di-result' });
    let stop = false;
    const pause = h('button', { id: 'di-stop', type: 'button', className: 'secondary', disabled: true }, tr('stop'));
    pause.addEventListener('click', () => {
      stop = true;
    });

    const run = async (call: () => Promise<DistributionBatchResult>, done: 'doneDistribute' | 'doneCollect' | 'doneNextCycle'): Promise<boolean> => {
      let finished = false;
      app.clearMessages();
      clear(out);
      stop = false;
      pause.disabled = false;
      const problems: string[] = [];
      try {
        for (;;) {
          const r = await call();
          remember(r);
          if (!r.ok) {
            append(out, h('p', { className: 'warn' }, tr('rosterProblems')), h('ul', { className: 'findings' }, ...r.problems.map((p) => h('li', { className: 'finding sev-error' }, p))));
            return false;
          }
          bar.max = Math.max(1, r.total);
          bar.value = r.done;
          label.textContent = r.progress;
          problems.push(...r.problems);
          if (r.warning) app.info(r.warning);
          if (r.finished) {
            append(out, h('p', { className: 'ok' }, tr(done, { progress: r.progress })));
            finished = true;
            break;
          }
          // a batch that made no progress (a quota, or every remaining unit failing) waits for the user
          if (stop || (r.processed.length === 0 && r.warning)) {
            append(out, h('p', {}, tr('paused', { progress: r.progress })));
            break;
          }
        }
      } catch {
        /* shown by app.rpc */
      } finally {
        pause.disabled = true;
        if (problems.length) append(out, h('p', { className: 'warn' }, tr('problems')), h('ul', { className: 'findings' }, ...problems.map((p) => h('li', { className: 'finding sev-warning' }, p))));
      }
      return finished;
    };

    // units seen in this sidebar's batches, offered in the review field
    const units = h('datalist', { id: 'di-units' });
    const seen = new Set<string>();
    const remember = (r: DistributionBatchResult) => {
      if (!r.ok) return;
      for (const p of r.processed) {
        if (seen.has(p.unit)) continue;
        seen.add(p.unit);
        units.append(h('option', { value: p.unit }));
      }
    };
    const reviewUnit = h('input', { id: 'di-review-unit', type: 'text', maxlength: 200, list: 'di-units' });
    const reviewOut = h('div', { id: 'di-review-result' });
    const review = h('button', { id: 'di-review', type: 'button', className: 'secondary' }, tr('review'));
    review.addEventListener('click', () => {
      const unit = reviewUnit.value.trim();
      if (!unit) return;
      app.clearMessages();
      clear(reviewOut);
      review.disabled = true;
      void app
        .rpc('reviewUnitFromHub', { unit })
        .then((r) => {
          append(reviewOut, h('p', { className: 'ok' }, tr('reviewDone', { sheet: r.reviewSheet, n: r.objectives })));
          if (!r.rollUp) append(reviewOut, h('p', { className: 'warn' }, tr('noRollUp')));
        })
        .catch(() => {
          /* shown by app.rpc */
        })
        .finally(() => {
          review.disabled = false;
        });
    });

    const distribute = primaryButton('di-distribute', tr('distribute'), () => void run(() => app.rpc('distributeBatch', { cycle: cycle.value.trim() }), 'doneDistribute'));
    const collect = primaryButton('di-collect', tr('collect'), () => void run(() => app.rpc('collectBatch', {}), 'doneCollect'));
    const nextCycle = h('button', { id: 'di-next-cycle', type: 'button', className: 'secondary' }, tr('nextCycle'));
    nextCycle.addEventListener('click', () => void run(() => app.rpc('nextCycleBatch', { cycle: cycle.value.trim() }), 'doneNextCycle'));
    // reminders read what a collection pass read: collect (batched, resumable), then one preview call
    const remind = h('button', { id: 'di-remind', type: 'button', className: 'secondary' }, tr('remind'));
    remind.addEventListener('click', () => {
      void (async () => {
        if (!(await run(() => app.rpc('collectBatch', {}), 'doneCollect'))) return;
        try {
          const r = await app.rpc('hubReminders', {});
          append(out, h('p', {}, tr('outbox', { n: r.messages.length, units: r.units, asOf: r.asOf })),
            h('ul', { id: 'di-outbox' }, ...r.messages.map((m) => h('li', {}, `${m.to}${m.email ? ` <${m.email}>` : ''}: ${m.subject}`))));
        } catch {
          /* shown by app.rpc */
        }
      })();
    });
    // "Send to every unit": collect, show the outbox, and send only after the user confirms it
    const sendAll = h('button', { id: 'di-send-all', type: 'button', className: 'secondary' }, tr('sendAll'));
    sendAll.addEventListener('click', () => {
      void (async () => {
        if (!(await run(() => app.rpc('collectBatch', {}), 'doneCollect'))) return;
        try {
          const r = await app.rpc('hubReminders', {});
          if (!r.messages.length) {
            append(out, h('p', {}, tr('sendNothing')));
            return;
          }
          const box = h('div', { id: 'di-send-confirm', className: 'confirm' });
          const yes = primaryButton('di-send-yes', tr('sendYes'), () => {
            yes.disabled = true;
            no.disabled = true;
            void app
              .rpc('sendHubReminders', {})
              .then((s) => {
                box.remove();
                append(out, h('p', { className: s.problems.length ? 'warn' : 'ok', id: 'di-sent' }, tr('sentAll', { sent: s.sent, left: s.left, problems: s.problems.length })));
                if (s.problems.length) append(out, h('ul', { className: 'findings' }, ...s.problems.map((p) => h('li', { className: 'finding sev-warning' }, p))));
              })
              .catch(() => {
                /* shown by app.rpc */
                yes.disabled = false;
                no.disabled = false;
              });
          });
          const no = h('button', { id: 'di-send-no', type: 'button', className: 'secondary' }, tr('sendNo'));
          no.addEventListener('click', () => box.remove());
          append(box, h('p', {}, tr('sendConfirm', { n: r.messages.length, units: r.units })),
            h('ul', { id: 'di-send-outbox' }, ...r.messages.map((m) => h('li', {}, `${m.to}${m.email ? ` <${m.email}>` : ''}: ${m.subject}`))),
            h('div', { className: 'buttons' }, yes, no));
          append(out, box);
        } catch {
          /* shown by app.rpc */
        }
      })();
    });
    root.append(
      h('p', { className: 'hint' }, tr('intro')),
      field(tr('cycle'), cycle),
      h('div', { className: 'buttons' }, distribute, collect, pause),
      h('div', { className: 'progress' }, bar, ' ', label),
      out,
      h('hr', {}),
      h('p', { className: 'hint' }, tr('nextCycleHint')),
      h('div', { className: 'buttons' }, nextCycle, remind, sendAll),
      h('hr', {}),
      h('p', { className: 'hint' }, tr('reviewHint')),
      field(tr('reviewUnit'), reviewUnit),
      units,
      h('div', { className: 'buttons' }, review),
      reviewOut,
    );
  },
};
