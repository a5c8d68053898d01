/**
 * `okr-sheets review file.xlsx [-o review.md|review.xlsx] [--force] [--as-of YYYY-MM-DD] [--month YYYY-MM]`
 * The review (复盘) of every OKR table in the workbook, filled from the table and the Check-ins
 * and Actions sheets (core `buildReview`): Markdown on stdout, or written to a .md file, or a
 * .xlsx with one Review sheet per table. The input file is never modified.
 */
import type { Localized } from '../../core/i18n';
import { readActions, readCheckIns } from '../../core/checkins';
import { reviewSheetPlan } from '../../core/plan/reviewSheet';
import { buildReview, reviewToMarkdown, type ReviewDoc } from '../../core/review';
import type { SheetPlan } from '../../core/plan/types';
import { readSettingsValues } from '../../core/plan/supportSheets';
import { DEFAULT_SETTINGS } from '../../core/model';
import { extname } from 'node:path';
import { runFileCommand, CliError, isoDateOption, MSG, openWorkbook, say, t, todayIso, writeOutput, writePlanXlsx, type CliIo } from '../xlsx/cli';

const TEXT = {
  usage: {
    'zh-CN': '用法：okr-sheets review 文件.xlsx [-o 复盘.md|复盘.xlsx] [--force] [--as-of YYYY-MM-DD] [--month YYYY-MM]',
    en: 'Usage: okr-sheets review file.xlsx [-o review.md|review.xlsx] [--force] [--as-of YYYY-MM-DD] [--month YYYY-MM]',
  },
  badOut: { 'zh-CN': '输出文件应以 .md 或 .xlsx 结尾：{file}', en: 'The output file should end in .md or .xlsx: {file}' },
  badMonth: { 'zh-CN': '月份应为 YYYY-MM：{value}', en: 'The month must be YYYY-MM: {value}' },
} satisfies Record<string, Localized>;

export function run(args: string[], io: CliIo): Promise<number> {
  return runFileCommand(args, io, { options: ['o', 'output', 'as-of', 'month'], flags: ['help', 'force'], aliases: { h: 'help', output: 'o' } }, TEXT.usage, async ({ lang, a, file }) => {
    const out = a.options.o;
    const ext = out ? extname(out).toLowerCase() : '';
    if (out && ext !== '.md' && ext !== '.xlsx') throw new CliError(t(lang, TEXT.badOut, { file: out }));
    const month = a.options.month;
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new CliError(t(lang, TEXT.badMonth, { value: month }));
    const asOfOpt = isoDateOption(a.options['as-of'], lang);

    const wb = await openWorkbook(io, file, lang);
    const checkinSheet = wb.sheets.find((s) => s.role === 'checkins');
    const actionSheet = wb.sheets.find((s) => s.role === 'actions');
    const settingsSheet = wb.sheets.find((s) => s.role === 'settings');
    const checkins = checkinSheet ? readCheckIns(checkinSheet.values).items : [];
    const actions = actionSheet ? readActions(actionSheet.values).items : [];
    const settings = settingsSheet ? readSettingsValues(settingsSheet.values) : DEFAULT_SETTINGS;

    const docs: ReviewDoc[] = wb.tables.map(({ sheet, read }) =>
      buildReview({
        table: read.table,
        sheet,
        checkins,
        actions,
        asOf: asOfOpt ?? read.asOf ?? todayIso(),
        ...(month ? { month } : {}),
        lang,
        settings: { ...settings, lang },
      }),
    );

    if (ext === '.xlsx') {
      const used = new Set<string>();
      const sheets: SheetPlan[] = docs.map((doc) => {
        const plan = reviewSheetPlan(doc);
        let name = plan.name;
        for (let i = 2; used.has(name); i++) name = `${plan.name} (${i})`;
        used.add(name);
        return { ...plan, name };
      });
      await writePlanXlsx(io, out!, { sheets }, lang, { inputs: [file], force: a.flags.has('force') });
      say(io.stderr, t(lang, MSG.wrote, { file: out! }));
      return 0;
    }
    const md = docs.map((d) => reviewToMarkdown(d, lang)).join('\n\n---\n\n');
    if (ext === '.md') {
      await writeOutput(io, out!, md.endsWith('\n') ? md : md + '\n', lang, { inputs: [file], force: a.flags.has('force') });
      say(io.stderr, t(lang, MSG.wrote, { file: out! }));
    } else {
      say(io.stdout, md);
    }
    return 0;
  });
}
