/**
 * `okr-sheets setup roster.csv|roster.xlsx -o workbook.xlsx [--cycle 2026-Q4] [--lang zh-CN|en] [--force]`
 * HR set-up offline: reads the roster (one row per unit: unit, level, parent, owner, email,
 * department template, role template; headers in either language, any column order), checks it
 * as a whole, and writes one workbook with an OKR sheet per unit plus the support sheets.
 * Exit 0 written; 1 the roster has problems (all listed with their row, nothing written);
 * 2 bad usage or unreadable file.
 */
import type { Localized } from '../../core/i18n';
import { chooseLang, contentLang } from '../../core/lang';
import { LIMITS } from '../../core/limits';
import { buildRosterPlan, readRosterValues, validateRoster } from '../../core/roster';
import { readCompanyTemplates } from '../../core/distribution/companyTemplates';
import { cycleArg, readRosterFile, singleFileArg } from './rosterFile';
import { CliError, envLang, guard, parseArgs, say, t, writePlanXlsx, type CliIo } from '../xlsx/cli';

const TEXT = {
  usage: {
    'zh-CN': '用法：okr-sheets setup 组织名单.csv|组织名单.xlsx -o 工作簿.xlsx [--cycle 2026-Q4] [--lang zh-CN|en] [--force]',
    en: 'Usage: okr-sheets setup roster.csv|roster.xlsx -o workbook.xlsx [--cycle 2026-Q4] [--lang zh-CN|en] [--force]',
  },
  outRequired: { 'zh-CN': '请用 -o 指定输出文件（.xlsx）', en: 'Say where to write the workbook with -o workbook.xlsx' },
  problems: { 'zh-CN': '组织名单有 {n} 个问题，未生成工作簿：', en: 'The roster has {n} problem(s); no workbook was written:' },
  wrote: { 'zh-CN': '已写入 {file}：{n} 个 OKR 表，周期 {cycle}', en: 'Wrote {file}: {n} OKR sheet(s), cycle {cycle}' },
} satisfies Record<string, Localized>;

export async function run(args: string[], io: CliIo): Promise<number> {
  let lang = envLang(io);
  return guard(io, () => lang, async () => {
    const a = parseArgs(args, { options: ['o', 'output', 'cycle', 'spare'], flags: ['help', 'force'], aliases: { h: 'help', output: 'o' } }, io);
    lang = a.lang;
    if (a.flags.has('help')) {
      say(io.stdout, t(lang, TEXT.usage));
      return 0;
    }
    const file = singleFileArg(a.positional, 'roster.csv', lang, t(lang, TEXT.usage));
    const out = a.options.o;
    if (!out) throw new CliError(`${t(lang, TEXT.outRequired)}\n${t(lang, TEXT.usage)}`);
    const { cycle, dates } = cycleArg(a.options.cycle, lang);
    // an .xlsx roster (the hub) may carry the company's own templates (a sheet with role `templates`)
    const roster = await readRosterFile(io, file, lang);
    const values = roster.values;
    const company = roster.templates ? readCompanyTemplates(roster.templates) : null;

    const read = readRosterValues(values);
    // a roster with Chinese headers gives a Chinese workbook (unless --lang says otherwise)
    lang = chooseLang({ explicit: a.explicitLang, content: contentLang(values[read.headerRow] ?? []), fallback: a.lang });
    const checked = validateRoster(read, { maxUnits: LIMITS.units, ...(company ? { companyDepartments: company.departments } : {}) });
    if (!checked.ok) {
      say(io.stderr, t(lang, TEXT.problems, { n: checked.problems.length }));
      for (const p of checked.problems) {
        say(io.stderr, `  ${p.message[lang]}`);
      }
      return 1;
    }
    const spare = a.options.spare !== undefined ? Number(a.options.spare) : undefined;
    const plan = buildRosterPlan(checked.units, {
      lang,
      cycle,
      cycleStart: dates.start,
      cycleEnd: dates.end,
      ...(spare !== undefined && Number.isInteger(spare) && spare >= 0 ? { spareRows: spare } : {}),
    });
    await writePlanXlsx(io, out, plan, lang, { inputs: [file], force: a.flags.has('force') });
    const okrSheets = plan.sheets.filter((s) => s.role === 'okr').length;
    say(io.stderr, t(lang, TEXT.wrote, { file: out, n: okrSheets, cycle }));
    return 0;
  });
}
