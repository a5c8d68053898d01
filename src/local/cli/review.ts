/**
 * `okr-sheets review file.xlsx [-o review.md|review.xlsx] [--force] [--as-of YYYY-MM-DD] [--month YYYY-MM]`
 * The review (复盘) of every OKR table in the workbook (core task src/core/tasks/review.ts, the
 * one the add-on runs): Markdown on stdout, or written to a .md file, or a .xlsx with one Review
 * sheet per table. In the workbook's language unless --lang says otherwise. The input file is
 * never modified.
 */
import type { Localized } from '../../core/i18n';
import { reviewDocuments, reviewSheetPlans, reviewsMarkdown } from '../../core/tasks/review';
import { extname } from 'node:path';
import { runFileCommand, CliError, isoDateOption, MSG, openModel, say, t, writeOutput, writePlanXlsx, type CliIo } from '../xlsx/cli';

const TEXT = {
  usage: {
    'zh-CN': '用法：okr-sheets review 文件.xlsx [-o 复盘.md|复盘.xlsx] [--force] [--as-of YYYY-MM-DD] [--month YYYY-MM]',
    en: 'Usage: okr-sheets review file.xlsx [-o review.md|review.xlsx] [--force] [--as-of YYYY-MM-DD] [--month YYYY-MM]',
  },
  badOut: { 'zh-CN': '输出文件应以 .md 或 .xlsx 结尾：{file}', en: 'The output file should end in .md or .xlsx: {file}' },
  badMonth: { 'zh-CN': '月份应为 YYYY-MM：{value}', en: 'The month must be YYYY-MM: {value}' },
} satisfies Record<string, Localized>;

export function run(args: string[], io: CliIo): Promise<number> {
  return runFileCommand(args, io, { options: ['o', 'output', 'as-of', 'month'], flags: ['help', 'force'], aliases: { h: 'help', output: 'o' } }, TEXT.usage, async ({ lang, a, file, setLang }) => {
    const out = a.options.o;
    const ext = out ? extname(out).toLowerCase() : '';
    if (out && ext !== '.md' && ext !== '.xlsx') throw new CliError(t(lang, TEXT.badOut, { file: out }));
    const month = a.options.month;
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new CliError(t(lang, TEXT.badMonth, { value: month }));
    const asOfOpt = isoDateOption(a.options['as-of'], lang);

    // one snapshot of the file, the same core task as the add-on's review (byte-identical Markdown)
    const { model, lang: wbLang } = await openModel(io, file, a, asOfOpt ? { asOf: asOfOpt } : {});
    setLang(wbLang);
    const docs = reviewDocuments(model, { lang: wbLang, ...(asOfOpt ? { asOf: asOfOpt } : {}), ...(month ? { month } : {}) });

    if (ext === '.xlsx') {
      await writePlanXlsx(io, out!, { sheets: reviewSheetPlans(docs) }, wbLang, { inputs: [file], force: a.flags.has('force') });
      say(io.stderr, t(wbLang, MSG.wrote, { file: out! }));
      return 0;
    }
    const md = reviewsMarkdown(docs);
    if (ext === '.md') {
      await writeOutput(io, out!, md.endsWith('\n') ? md : md + '\n', wbLang, { inputs: [file], force: a.flags.has('force') });
      say(io.stderr, t(wbLang, MSG.wrote, { file: out! }));
    } else {
      say(io.stdout, md);
    }
    return 0;
  });
}
