/**
 * `okr-sheets remind FILE [--as-of D] [--json]`: prints the messages a reminder run would send —
 * one per KR owner with stale or overdue KRs, one digest per manager — and never sends anything
 * (core/cycle/reminders). Language: --lang, else the workbook's own, else LANG.
 */
import type { Localized } from '../../core/i18n';
import { managerMessage, ownerMessage, planReminders, reminderJson, REMINDER_TEXT } from '../../core/cycle/reminders';
import { isoDateOption, openModel, runFileCommand, say, t, type CliIo } from '../xlsx/cli';

const TEXT = {
  usage: { 'zh-CN': '用法：okr-sheets remind 文件.xlsx [--as-of YYYY-MM-DD] [--json]', en: 'Usage: okr-sheets remind file.xlsx [--as-of YYYY-MM-DD] [--json]' },
  header: { 'zh-CN': '（仅预览，不会发送）截至 {asOf}：{owners} 条负责人提醒，{managers} 份管理者摘要', en: '(preview only, nothing is sent) As of {asOf}: {owners} owner reminder(s), {managers} manager digest(s)' },
  to: { 'zh-CN': '收件人：{to} <{email}>', en: 'To: {to} <{email}>' },
  subject: { 'zh-CN': '主题：{subject}', en: 'Subject: {subject}' },
} satisfies Record<string, Localized>;

export function run(args: string[], io: CliIo): Promise<number> {
  return runFileCommand(args, io, { options: ['as-of'], flags: ['json', 'help'], aliases: { h: 'help' } }, TEXT.usage, async ({ a, file, setLang }) => {
    const asOf = isoDateOption(a.options['as-of'], a.lang);
    const { model, lang } = await openModel(io, file, a, asOf ? { asOf } : {});
    setLang(lang);
    const r = planReminders(model, { ...(asOf ? { asOf } : {}), lang });
    if (a.flags.has('json')) {
      say(io.stdout, JSON.stringify(reminderJson(r), null, 2));
      return 0;
    }
    const out = [t(lang, TEXT.header, { asOf: r.asOf, owners: r.owners.length, managers: r.managers.length })];
    const messages = [...r.owners.map((o) => ownerMessage(o, r)), ...r.managers.map((m) => managerMessage(m, r))];
    for (const m of messages) {
      out.push('', '────────', t(lang, TEXT.to, { to: m.to, email: m.email ?? t(lang, REMINDER_TEXT.noEmail) }), t(lang, TEXT.subject, { subject: m.subject }), '', m.body);
    }
    say(io.stdout, out.join('\n'));
    return 0;
  });
}
