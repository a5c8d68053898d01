/**
 * `okr-sheets report FILE --week 2026-W48 | --month 2026-11 [-o report.md|report.xlsx] [--force]`:
 * the weekly / monthly progress report (周报 / 月报) from the workbook's check-in log — snapshot
 * of the xlsx → core `buildProgressReport` → Markdown on stdout, or a .md file, or an .xlsx with
 * the report sheet. Language: --lang, else the workbook's own, else LANG.
 */
import { extname } from 'node:path';
import type { Localized } from '../../core/i18n';
import { parsePeriod } from '../../core/cycle/period';
import { buildProgressReport, reportSheetPlan, reportToMarkdown } from '../../core/cycle/report';
import { CliError, MSG, openModel, runFileCommand, say, t, writeOutput, writePlanXlsx, type CliIo } from '../xlsx/cli';

const TEXT = {
  usage: {
    'zh-CN': '用法：okr-sheets report 文件.xlsx --week 2026-W48 | --month 2026-11 [-o 报告.md|报告.xlsx] [--force]',
    en: 'Usage: okr-sheets report file.xlsx --week 2026-W48 | --month 2026-11 [-o report.md|report.xlsx] [--force]',
  },
  onePeriod: { 'zh-CN': '请给出 --week 或 --month 其中之一', en: 'Give exactly one of --week or --month' },
  badWeek: { 'zh-CN': '无法识别的周：{value}（示例：2026-W48）', en: 'Not a week: {value} (example: 2026-W48)' },
  badMonth: { 'zh-CN': '无法识别的月份：{value}（示例：2026-11）', en: 'Not a month: {value} (example: 2026-11)' },
  outType: { 'zh-CN': '输出文件应以 .md 或 .xlsx 结尾：{file}', en: 'The output file should end in .md or .xlsx: {file}' },
} satisfies Record<string, Localized>;

export function run(args: string[], io: CliIo): Promise<number> {
  return runFileCommand(
    args, io,
    { options: ['o', 'output', 'week', 'month'], flags: ['help', 'force'], aliases: { h: 'help', output: 'o' } },
    TEXT.usage,
    async ({ a, file, setLang }) => {
      const { week, month } = a.options;
      if ((week === undefined) === (month === undefined)) throw new CliError(`${t(a.lang, TEXT.onePeriod)}\n${t(a.lang, TEXT.usage)}`);
      const period = parsePeriod(week ?? month!);
      if (!period || period.kind !== (week !== undefined ? 'week' : 'month')) {
        throw new CliError(t(a.lang, week !== undefined ? TEXT.badWeek : TEXT.badMonth, { value: week ?? month! }));
      }
      const out = a.options.o;
      const ext = out ? extname(out).toLowerCase() : '';
      if (out && ext !== '.md' && ext !== '.xlsx') throw new CliError(t(a.lang, TEXT.outType, { file: out }));
      const { model, lang } = await openModel(io, file, a);
      setLang(lang);
      const report = buildProgressReport(model, period, lang);
      if (!out) {
        say(io.stdout, reportToMarkdown(report));
        return 0;
      }
      const opts = { inputs: [file], force: a.flags.has('force') };
      if (ext === '.md') await writeOutput(io, out, reportToMarkdown(report), lang, opts);
      else await writePlanXlsx(io, out, { sheets: [reportSheetPlan(report)] }, lang, opts);
      say(io.stdout, t(lang, MSG.wrote, { file: out }));
      return 0;
    },
  );
}
