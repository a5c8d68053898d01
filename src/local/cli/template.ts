/**
 * `okr-sheets template <department> [--role R] [--lang zh-CN|en] [--cycle 2026-Q4] [--unit U]
 *   [--owner O] [--as-of YYYY-MM-DD] [--spare N] [--force] -o file.xlsx`
 * Writes a new workbook from a department template: the OKR sheet (header block, table with
 * native formulas, dropdowns, validations, conditional formats) plus Check-ins, Actions and
 * Settings. Department and role accept the id or the name in either language; without --role,
 * the department's department-level role (else its first role). The cycle defaults to the
 * current quarter.
 */
import type { Localized } from '../../core/i18n';
import type { Level } from '../../core/model';
import { LEVELS } from '../../core/model';
import { cycleDates } from '../../core/pace';
import { buildWorkbookPlan } from '../../core/plan/okrSheet';
import { findDepartment, findRole, parentOf } from '../../core/templates';
import { CliError, envLang, guard, isoDateOption, MSG, parseArgs, say, t, writePlanXlsx, type CliIo } from '../xlsx/cli';

const TEXT = {
  usage: {
    'zh-CN': '用法：okr-sheets template <部门> [--role 角色] [--lang zh-CN|en] [--cycle 2026-Q4] [--unit 单元] [--owner 负责人] [--as-of YYYY-MM-DD] [--force] -o 文件.xlsx\n（okr-sheets templates 列出全部部门与角色）',
    en: 'Usage: okr-sheets template <department> [--role R] [--lang zh-CN|en] [--cycle 2026-Q4] [--unit U] [--owner O] [--as-of YYYY-MM-DD] [--force] -o file.xlsx\n(okr-sheets templates lists every department and role)',
  },
  badCycle: {
    'zh-CN': '无法识别的周期：{value}（示例：2026-Q4、2026-11、2026、2026-H1）',
    en: 'Unknown cycle: {value} (examples: 2026-Q4, 2026-11, 2026, 2026-H1)',
  },
  badSpare: { 'zh-CN': '--spare 应为 0–1000 的整数：{value}', en: '--spare must be a whole number from 0 to 1000: {value}' },
  badLevel: { 'zh-CN': '--level 只能是 {list}：{value}', en: '--level must be one of {list}: {value}' },
  outRequired: { 'zh-CN': '请用 -o 指定输出文件（.xlsx）', en: 'Say where to write the workbook with -o file.xlsx' },
  wrote: { 'zh-CN': '已写入 {file}：{role}，{cycle}（{start} – {end}）', en: 'Wrote {file}: {role}, {cycle} ({start} – {end})' },
} satisfies Record<string, Localized>;

function currentQuarter(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let lang = envLang(io);
  return guard(io, () => lang, async () => {
    const a = parseArgs(
      args,
      { options: ['role', 'cycle', 'unit', 'owner', 'as-of', 'o', 'output', 'spare', 'level'], flags: ['help', 'force'], aliases: { h: 'help', output: 'o', r: 'role' } },
      io,
    );
    lang = a.lang;
    if (a.flags.has('help')) {
      say(io.stdout, t(lang, TEXT.usage));
      return 0;
    }
    const [dept, extra] = a.positional;
    if (!dept) throw new CliError(`${t(lang, MSG.missingArg, { what: lang === 'zh-CN' ? '部门' : 'department' })}\n${t(lang, TEXT.usage)}`);
    if (extra) throw new CliError(t(lang, MSG.extraArg, { arg: extra }));
    const out = a.options.o;
    if (!out) throw new CliError(`${t(lang, TEXT.outRequired)}\n${t(lang, TEXT.usage)}`);

    const d = findDepartment(dept);
    if (!d.ok) throw new CliError(d.message[lang]);
    let role = d.value.roles.find((r) => r.level === 'department') ?? d.value.roles[0]!;
    if (a.options.role) {
      const r = findRole(d.value.id, a.options.role);
      if (!r.ok) throw new CliError(r.message[lang]);
      role = r.value;
    }
    const cycle = a.options.cycle ?? currentQuarter();
    const dates = cycleDates(cycle);
    if (!dates) throw new CliError(t(lang, TEXT.badCycle, { value: cycle }));
    const asOf = isoDateOption(a.options['as-of'], lang);
    let spareRows: number | undefined;
    if (a.options.spare !== undefined) {
      spareRows = Number(a.options.spare);
      if (!Number.isInteger(spareRows) || spareRows < 0 || spareRows > 1000) throw new CliError(t(lang, TEXT.badSpare, { value: a.options.spare }));
    }
    let level: Level | undefined;
    if (a.options.level !== undefined) {
      if (!(LEVELS as readonly string[]).includes(a.options.level)) throw new CliError(t(lang, TEXT.badLevel, { list: LEVELS.join(' / '), value: a.options.level }));
      level = a.options.level as Level;
    }

    const plan = buildWorkbookPlan({
      role,
      lang,
      cycle,
      cycleStart: dates.start,
      cycleEnd: dates.end,
      owner: a.options.owner ?? '',
      ...(a.options.unit ? { unit: a.options.unit } : {}),
      ...(level ? { level } : {}),
      ...(asOf ? { asOf } : {}),
      ...(spareRows !== undefined ? { spareRows } : {}),
      parentRole: parentOf(role),
      departmentId: d.value.id,
    });
    await writePlanXlsx(io, out, plan, lang, { force: a.flags.has('force') });
    say(io.stderr, t(lang, TEXT.wrote, { file: out, role: role.name[lang], cycle, start: dates.start, end: dates.end }));
    return 0;
  });
}
