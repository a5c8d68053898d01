/**
 * `okr-sheets lint file.xlsx [--json] [--as-of YYYY-MM-DD] [--lang zh-CN|en]`
 * The sidebar's Check on a file: snapshot of the xlsx → core `checkWorkbook` (table-read
 * problems, the lint catalog, alignment inside the workbook, stale KRs) → print.
 * Language: --lang, else the workbook's own, else LANG.
 * Exit 0: no errors (warnings allowed); 1: errors found; 2: bad usage or unreadable file.
 */
import type { Localized } from '../../core/i18n';
import type { Severity } from '../../core/model';
import { checkWorkbook } from '../../core/tasks/check';
import { runFileCommand, isoDateOption, openModel, padDisplay, say, t, type CliIo } from '../xlsx/cli';

const TEXT = {
  usage: { 'zh-CN': '用法：okr-sheets lint 文件.xlsx [--json] [--as-of YYYY-MM-DD]', en: 'Usage: okr-sheets lint file.xlsx [--json] [--as-of YYYY-MM-DD]' },
  summary: { 'zh-CN': '{sheet}：{errors} 个错误，{warnings} 个警告，{infos} 个提示', en: '{sheet}: {errors} error(s), {warnings} warning(s), {infos} note(s)' },
  clean: { 'zh-CN': '{sheet}：没有发现问题', en: '{sheet}: no problems found' },
} satisfies Record<string, Localized>;

const SEVERITY: Record<Severity, Localized> = {
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  info: { 'zh-CN': '提示', en: 'note' },
};

export function run(args: string[], io: CliIo): Promise<number> {
  return runFileCommand(args, io, { options: ['as-of'], flags: ['json', 'help'], aliases: { h: 'help' } }, TEXT.usage, async ({ a, file, setLang }) => {
    const asOf = isoDateOption(a.options['as-of'], a.lang);
    const { model, lang } = await openModel(io, file, a);
    setLang(lang);
    const sheets = checkWorkbook(model, { lang, ...(asOf ? { asOf } : {}) });
    const errors = sheets.reduce((n, s) => n + s.counts.error, 0);

    if (a.flags.has('json')) {
      const report = sheets.map((s) => ({
        sheet: s.sheet,
        findings: s.findings.map((f) => ({ rule: f.ruleId, severity: f.severity, cell: f.a1, message: f.message })),
      }));
      say(io.stdout, JSON.stringify({ file, lang, errors, sheets: report }, null, 2));
    } else {
      for (const s of sheets) {
        say(
          io.stdout,
          s.findings.length === 0
            ? t(lang, TEXT.clean, { sheet: s.sheet })
            : t(lang, TEXT.summary, { sheet: s.sheet, errors: s.counts.error, warnings: s.counts.warning, infos: s.counts.info }),
        );
        for (const f of s.findings) {
          say(io.stdout, `  ${padDisplay(SEVERITY[f.severity][lang], 7)} ${(f.a1 ?? '').padEnd(6)} ${f.message}  [${f.ruleId}]`);
        }
      }
    }
    return errors > 0 ? 1 : 0;
  });
}
