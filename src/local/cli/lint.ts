/**
 * `okr-sheets lint file.xlsx [--json] [--as-of YYYY-MM-DD] [--lang zh-CN|en]`
 * Checks every OKR table of the workbook against the lint catalog (design §3). Alignment links
 * (`Sales center/O1`) are checked against the units of the same workbook; links to units that
 * are not in the file are skipped.
 * Exit 0: no errors (warnings allowed); 1: errors found; 2: bad usage or unreadable file.
 */
import type { Localized } from '../../core/i18n';
import type { Severity } from '../../core/model';
import { findingMessage, lintTable } from '../../core/lint';
import { a1For } from '../../core/table';
import { runFileCommand, isoDateOption, openWorkbook, padDisplay, say, t, type CliIo } from '../xlsx/cli';

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
  return runFileCommand(args, io, { options: ['as-of'], flags: ['json', 'help'], aliases: { h: 'help' } }, TEXT.usage, async ({ lang, a, file }) => {
    const asOfOpt = isoDateOption(a.options['as-of'], lang);
    const wb = await openWorkbook(io, file, lang);

    // "aligned to an existing parent": checked against the units of this workbook; a parent in
    // a unit that is not in the file (another team's workbook) cannot be checked and is skipped
    const norm = (x: string) => x.replace(/[\s\u3000]+/g, '').replace(/／/g, '/').toUpperCase();
    const units = new Set(wb.tables.map((x) => norm(x.read.table.header.unit)).filter(Boolean));
    const knownParents = new Set<string>();
    for (const { read } of wb.tables) {
      for (const row of read.table.rows) {
        if (row.id && read.table.header.unit) knownParents.add(`${read.table.header.unit}/${row.id}`);
        const unit = row.alignsTo.includes('/') ? row.alignsTo.slice(0, row.alignsTo.lastIndexOf('/')) : '';
        if (row.alignsTo && (!unit || !units.has(norm(unit)))) knownParents.add(row.alignsTo);
      }
    }

    let errors = 0;
    const report = wb.tables.map(({ sheet, read }) => {
      const asOf = asOfOpt ?? read.asOf ?? undefined;
      const findings = lintTable(read.table, { knownParents, ...(asOf ? { asOf } : {}) });
      const items = findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        cell: a1For(read, f.at),
        message: findingMessage(f, lang),
      }));
      const problems = read.problems.map((p) => ({
        rule: 'table-read',
        severity: 'warning' as Severity,
        cell: a1For(read, p.at),
        message: p.message[lang],
      }));
      const all = [...problems, ...items];
      errors += all.filter((f) => f.severity === 'error').length;
      return { sheet, findings: all };
    });

    if (a.flags.has('json')) {
      say(io.stdout, JSON.stringify({ file, errors, sheets: report }, null, 2));
    } else {
      for (const r of report) {
        const count = (s: Severity) => r.findings.filter((f) => f.severity === s).length;
        say(
          io.stdout,
          r.findings.length === 0
            ? t(lang, TEXT.clean, { sheet: r.sheet })
            : t(lang, TEXT.summary, { sheet: r.sheet, errors: count('error'), warnings: count('warning'), infos: count('info') }),
        );
        for (const f of r.findings) {
          say(io.stdout, `  ${padDisplay(SEVERITY[f.severity][lang], 7)} ${(f.cell ?? '').padEnd(6)} ${f.message}  [${f.rule}]`);
        }
      }
    }
    return errors > 0 ? 1 : 0;
  });
}
