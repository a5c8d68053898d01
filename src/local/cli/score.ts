/**
 * `okr-sheets score file.xlsx [--json] [--as-of YYYY-MM-DD] [--lang zh-CN|en]`
 * Progress, score, grade and pace status of every unit, objective and KR: snapshot of the xlsx →
 * core `scoreWorkbook` (the numbers the sheet's own formulas compute) → print. The pace
 * thresholds come from the workbook's Settings sheet; the as-of day from --as-of, else the
 * sheet's "As of" cell, else today. Language: --lang, else the workbook's own, else LANG.
 * Linear in rows: each objective prints the KR list the task already grouped.
 * Scores print in the workbook's score scale (Settings: 0.7, 70 分 / 70 pts, 70%); --json keeps
 * every score field a share (as before the setting existed) and adds `scale` and `scoreInScale`.
 */
import { formatScore, scaleName } from '../../core/format';
import type { Localized } from '../../core/i18n';
import { GRADE_LABELS, STATUS_LABELS } from '../../core/labels';
import { scoreWorkbook, type ScoredKr } from '../../core/tasks/score';
import { printEvaluationOf, printEvaluationResults } from './evaluation';
import { CliError, runFileCommand, isoDateOption, openModel, pct, say, t, type CliIo } from '../xlsx/cli';

const TEXT = {
  usage: { 'zh-CN': '用法：okr-sheets score 文件.xlsx [--json] [--as-of YYYY-MM-DD]', en: 'Usage: okr-sheets score file.xlsx [--json] [--as-of YYYY-MM-DD]' },
  sheet: {
    'zh-CN': '{sheet}：总分 {score}（{grade}；{scale}），统计日期 {asOf}，时间进度 {expected}',
    en: '{sheet}: overall {score} ({grade}; {scale}), as of {asOf}, time elapsed {expected}',
  },
  objective: { 'zh-CN': '{id} {title} — 进度 {progress}，得分 {score}，{grade}，{status}{exceeded}', en: '{id} {title} — progress {progress}, score {score}, {grade}, {status}{exceeded}' },
  kr: { 'zh-CN': '{id} {title} — 进度 {progress}，得分 {score}，{status}{exceeded}', en: '{id} {title} — progress {progress}, score {score}, {status}{exceeded}' },
  exceeded: { 'zh-CN': '（超额完成）', en: ' (exceeded)' },
  orphans: { 'zh-CN': '未归属目标的关键结果：', en: 'Key results without an objective:' },
  unknown: { 'zh-CN': '未知', en: 'unknown' },
} satisfies Record<string, Localized>;

const short = (s: string) => (s.length > 60 ? s.slice(0, 59) + '…' : s);

export function run(args: string[], io: CliIo): Promise<number> {
  return runFileCommand(args, io, { options: ['as-of'], flags: ['json', 'help'], aliases: { h: 'help' } }, TEXT.usage, async ({ a, file, setLang }) => {
    const asOf = isoDateOption(a.options['as-of'], a.lang);
    // a workbook holding a 360 Evaluation sheet and no OKR table prints the 360 results (issue 14 §4)
    const opened = await openModel(io, file, a).catch(async (e: unknown) => {
      if (e instanceof CliError && (await printEvaluationResults(io, file, a, setLang))) return null;
      throw e;
    });
    if (!opened) return 0;
    const { model, lang } = opened;
    setLang(lang);
    if (!a.flags.has('json')) printEvaluationOf(io, model.snapshot, lang);
    const units = scoreWorkbook(model, asOf ? { asOf } : {});

    if (a.flags.has('json')) {
      // objectives without their nested KR lists: every KR is in `krs` once
      const sheets = units.map(({ objectives, orphans: _orphans, ...u }) => ({ ...u, objectives: objectives.map(({ krs: _krs, ...o }) => o) }));
      say(io.stdout, JSON.stringify({ file, lang, scale: model.settings.scoreScale ?? '0-1', sheets }, null, 2));
      return 0;
    }
    const out: string[] = [];
    const s1 = (x: number) => formatScore(x, model.settings, lang);
    const krLine = (k: ScoredKr) =>
      '    ' + t(lang, TEXT.kr, {
        id: k.id, title: short(k.title), progress: pct(k.progress), score: s1(k.score),
        status: STATUS_LABELS[k.status][lang], exceeded: k.exceeded ? t(lang, TEXT.exceeded) : '',
      });
    for (const u of units) {
      out.push(t(lang, TEXT.sheet, {
        sheet: u.sheet,
        score: s1(u.overall),
        grade: GRADE_LABELS[u.overallGrade][lang],
        scale: scaleName(u.scale, lang),
        asOf: u.asOf,
        expected: u.expected === null ? t(lang, TEXT.unknown) : pct(u.expected),
      }));
      for (const o of u.objectives) {
        out.push('  ' + t(lang, TEXT.objective, {
          id: o.id, title: short(o.title), progress: pct(o.progress), score: s1(o.score),
          grade: GRADE_LABELS[o.grade][lang], status: STATUS_LABELS[o.status][lang],
          // above 100% only when the Settings cap lets over-achievement count (core scoreTable)
          exceeded: o.exceeded ? t(lang, TEXT.exceeded) : '',
        }));
        for (const k of o.krs) out.push(krLine(k));
      }
      if (u.orphans.length) {
        out.push('  ' + t(lang, TEXT.orphans));
        for (const k of u.orphans) out.push(krLine(k));
      }
    }
    // one write: 40,000 lines through one stream call, not 40,000
    say(io.stdout, out.join('\n'));
    return 0;
  });
}
