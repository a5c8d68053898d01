/**
 * `okr-sheets next-cycle FILE -o OUT [--cycle C] [--drop-done] [--as-of D] [--force]`: carries the
 * OKR sheets of the file's latest cycle over to the next one (core/cycle/nextCycle) and writes
 * the whole workbook to OUT — new sheets added, old ones archived (Status frozen as values, a
 * note, protected warning-only). The input file is only read.
 *
 * The workbook is opened as the in-memory SpreadsheetApp (formulas recomputed), so the plans are
 * applied by the very code that applies them in Google Sheets (src/sheets/cycle.ts).
 */
import { basename } from 'node:path';
import { fmt, type Localized } from '../../core/i18n';
import { chooseLang } from '../../core/lang';
import { planNextCycle } from '../../core/cycle/nextCycle';
import { cycleDates } from '../../core/pace';
import { readSnapshot } from '../../core/snapshot';
import { applyNextCycle } from '../../sheets/cycle';
import { takeSnapshot } from '../../sheets/snapshot';
import { createLocalApp } from '../workbook';
import { importXlsx, XlsxReadError } from '../xlsx/import';
import { CliError, isoDateOption, MSG, readInput, runFileCommand, say, t, writePlanXlsx, type CliIo } from '../xlsx/cli';

const TEXT = {
  usage: {
    'zh-CN': '用法：okr-sheets next-cycle 文件.xlsx -o 新文件.xlsx [--cycle 2027-Q1] [--drop-done] [--as-of YYYY-MM-DD] [--force]',
    en: 'Usage: okr-sheets next-cycle file.xlsx -o out.xlsx [--cycle 2027-Q1] [--drop-done] [--as-of YYYY-MM-DD] [--force]',
  },
  needOut: { 'zh-CN': '缺少 -o 新文件.xlsx', en: 'Missing -o out.xlsx' },
  badCycle: { 'zh-CN': '无法识别的周期：{value}（示例：2027-Q1、2026-12、2027、2027-H1）', en: 'Unknown cycle: {value} (examples: 2027-Q1, 2026-12, 2027, 2027-H1)' },
  carried: {
    'zh-CN': '{from}（{fromCycle}）→ {to}（{toCycle}）：{o} 个目标，{kr} 个关键结果{dropped}',
    en: '{from} ({fromCycle}) → {to} ({toCycle}): {o} objective(s), {kr} key result(s){dropped}',
  },
  dropped: { 'zh-CN': '；已完成未带入：{ids}', en: '; done, not carried: {ids}' },
  nothing: { 'zh-CN': '没有可带入下一周期的 OKR 表，未写入 {file}。', en: 'No OKR sheet to carry over; {file} not written.' },
} satisfies Record<string, Localized>;

export function run(args: string[], io: CliIo): Promise<number> {
  return runFileCommand(
    args, io,
    { options: ['o', 'output', 'cycle', 'as-of'], flags: ['help', 'force', 'drop-done'], aliases: { h: 'help', output: 'o' } },
    TEXT.usage,
    async ({ a, file, setLang }) => {
      const out = a.options.o;
      if (!out) throw new CliError(`${t(a.lang, TEXT.needOut)}\n${t(a.lang, TEXT.usage)}`);
      const cycle = a.options.cycle;
      if (cycle !== undefined && !cycleDates(cycle)) throw new CliError(t(a.lang, TEXT.badCycle, { value: cycle }));
      const asOf = isoDateOption(a.options['as-of'], a.lang);
      const buf = await readInput(io, file, a.lang);
      let plan;
      try {
        plan = await importXlsx(buf);
      } catch (e) {
        const why = e instanceof XlsxReadError ? e.localized[a.lang] : e instanceof Error ? e.message.split('\n')[0]! : String(e);
        throw new CliError(t(a.lang, MSG.badXlsx, { file, why }));
      }
      const local = createLocalApp({ plan, lang: a.lang, name: basename(file) });
      const ctx = local.ctx(a.lang);
      const model = readSnapshot(takeSnapshot(ctx, asOf ? { asOf } : {}), a.explicitLang ?? a.lang);
      const lang = chooseLang({ explicit: a.explicitLang, workbook: model.lang, fallback: a.lang });
      setLang(lang);
      if (model.okr.length === 0) throw new CliError(t(lang, MSG.noTable, { file }));
      const res = planNextCycle(model, { ...(cycle ? { cycle } : {}), dropDone: a.flags.has('drop-done'), lang });
      for (const s of res.skipped) say(io.stderr, s.message[lang]);
      if (res.carried.length === 0) throw new CliError(t(lang, TEXT.nothing, { file: out }));
      applyNextCycle({ ...ctx, lang }, res);
      await writePlanXlsx(io, out, local.toPlan(), lang, { inputs: [file], force: a.flags.has('force') });
      const lines = res.carried.map((c) =>
        t(lang, TEXT.carried, {
          from: c.from, to: c.to, fromCycle: c.fromCycle, toCycle: c.toCycle, o: c.objectives, kr: c.krs,
          dropped: c.dropped.length ? fmt(TEXT.dropped, lang, { ids: c.dropped.join(', ') }) : '',
        }),
      );
      say(io.stdout, [...lines, t(lang, MSG.wrote, { file: out })].join('\n'));
      return 0;
    },
  );
}
