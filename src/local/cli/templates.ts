/**
 * `okr-sheets templates [--json]`: the department template library — every department and its
 * roles with their ids and names in both languages (ids and either name are accepted by
 * `okr-sheets template`).
 */
import type { Localized } from '../../core/i18n';
import { LEVEL_LABELS, label } from '../../core/labels';
import { allDepartments } from '../../core/templates';
import { CliError, envLang, guard, MSG, parseArgs, say, t, type CliIo } from '../xlsx/cli';

const TEXT = {
  usage: { 'zh-CN': '用法：okr-sheets templates [--json]', en: 'Usage: okr-sheets templates [--json]' },
  role: { 'zh-CN': '{objectives} 个目标，{krs} 个关键结果', en: '{objectives} {o}, {krs} {k}' },
  hint: {
    'zh-CN': '生成工作簿：okr-sheets template <部门> [--role <角色>] -o 文件.xlsx',
    en: 'Make a workbook: okr-sheets template <department> [--role <role>] -o file.xlsx',
  },
} satisfies Record<string, Localized>;

export async function run(args: string[], io: CliIo): Promise<number> {
  let lang = envLang(io);
  return guard(io, () => lang, async () => {
    const a = parseArgs(args, { flags: ['json', 'help'], aliases: { h: 'help' } }, io);
    lang = a.lang;
    if (a.flags.has('help')) {
      say(io.stdout, t(lang, TEXT.usage));
      return 0;
    }
    if (a.positional[0]) throw new CliError(t(lang, MSG.extraArg, { arg: a.positional[0] }));
    const depts = allDepartments();
    const count = (r: (typeof depts)[number]['roles'][number]) => ({
      objectives: r.objectives.length,
      krs: r.objectives.reduce((n, o) => n + o.krs.length, 0),
    });
    if (a.flags.has('json')) {
      const json = depts.map((d) => ({
        id: d.id,
        name: d.name,
        roles: d.roles.map((r) => ({ id: r.id, name: r.name, level: r.level, ...count(r) })),
      }));
      say(io.stdout, JSON.stringify(json, null, 2));
      return 0;
    }
    const other = lang === 'zh-CN' ? 'en' : 'zh-CN';
    for (const d of depts) {
      say(io.stdout, `${d.id}  ${d.name[lang]} / ${d.name[other]}`);
      for (const r of d.roles) {
        say(io.stdout, `  --role ${r.id.padEnd(18)} ${r.name[lang]} / ${r.name[other]}  (${label(LEVEL_LABELS[r.level], lang)}; ${t(lang, TEXT.role, { ...count(r), o: count(r).objectives === 1 ? 'objective' : 'objectives', k: count(r).krs === 1 ? 'key result' : 'key results' })})`);
      }
    }
    say(io.stdout, '\n' + t(lang, TEXT.hint));
    return 0;
  });
}
