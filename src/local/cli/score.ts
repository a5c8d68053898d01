/**
 * `okr-sheets score file.xlsx [--json] [--as-of YYYY-MM-DD] [--lang zh-CN|en]`
 * Progress, score, grade and pace status of every objective and KR (core `scoreTable`, the same
 * semantics as the sheet's formulas and =OKRSCORE). The pace thresholds come from the
 * workbook's Settings sheet when it has one; the as-of date from --as-of, else the sheet's
 * "As of" cell, else today.
 */
import type { Localized } from '../../core/i18n';
import { GRADE_LABELS, STATUS_LABELS } from '../../core/labels';
import { DEFAULT_SETTINGS } from '../../core/model';
import { readSettingsValues } from '../../core/plan/supportSheets';
import { scoreTable } from '../../core/score';
import { runFileCommand, isoDateOption, openWorkbook, pct, say, t, todayIso, type CliIo } from '../xlsx/cli';

const TEXT = {
  usage: { 'zh-CN': '用法：okr-sheets score 文件.xlsx [--json] [--as-of YYYY-MM-DD]', en: 'Usage: okr-sheets score file.xlsx [--json] [--as-of YYYY-MM-DD]' },
  sheet: {
    'zh-CN': '{sheet}：总分 {score}（{grade}），统计日期 {asOf}，时间进度 {expected}',
    en: '{sheet}: overall {score} ({grade}), as of {asOf}, time elapsed {expected}',
  },
  objective: { 'zh-CN': '{id} {title} — 进度 {progress}，得分 {score}，{grade}，{status}', en: '{id} {title} — progress {progress}, score {score}, {grade}, {status}' },
  kr: { 'zh-CN': '{id} {title} — 进度 {progress}，得分 {score}，{status}{exceeded}', en: '{id} {title} — progress {progress}, score {score}, {status}{exceeded}' },
  exceeded: { 'zh-CN': '（超额完成）', en: ' (exceeded)' },
  orphans: { 'zh-CN': '未归属目标的关键结果：', en: 'Key results without an objective:' },
  unknown: { 'zh-CN': '未知', en: 'unknown' },
} satisfies Record<string, Localized>;

const short = (s: string) => (s.length > 60 ? s.slice(0, 59) + '…' : s);
const s1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

export function run(args: string[], io: CliIo): Promise<number> {
  return runFileCommand(args, io, { options: ['as-of'], flags: ['json', 'help'], aliases: { h: 'help' } }, TEXT.usage, async ({ lang, a, file }) => {
    const asOfOpt = isoDateOption(a.options['as-of'], lang);
    const wb = await openWorkbook(io, file, lang);
    const settingsSheet = wb.sheets.find((s) => s.role === 'settings');
    const settings = settingsSheet ? readSettingsValues(settingsSheet.values) : DEFAULT_SETTINGS;

    const results = wb.tables.map(({ sheet, read }) => {
      const asOf = asOfOpt ?? read.asOf ?? todayIso();
      const score = scoreTable(read.table, asOf, settings);
      const title = (row: number) => read.table.rows[row]?.title ?? '';
      return {
        sheet,
        asOf,
        overall: score.overall,
        overallGrade: score.overallGrade,
        expected: score.expected,
        objectives: score.objectives.map((o) => ({ ...o, title: title(o.row) })),
        krs: score.krs.map((k) => ({ ...k, title: title(k.row) })),
      };
    });

    if (a.flags.has('json')) {
      say(io.stdout, JSON.stringify({ file, sheets: results }, null, 2));
      return 0;
    }
    for (const r of results) {
      say(io.stdout, t(lang, TEXT.sheet, {
        sheet: r.sheet,
        score: s1(r.overall),
        grade: GRADE_LABELS[r.overallGrade][lang],
        asOf: r.asOf,
        expected: r.expected === null ? t(lang, TEXT.unknown) : pct(r.expected),
      }));
      const krLine = (k: (typeof r.krs)[number]) =>
        '    ' + t(lang, TEXT.kr, {
          id: k.id, title: short(k.title), progress: pct(k.progress), score: s1(k.score),
          status: STATUS_LABELS[k.status][lang], exceeded: k.exceeded ? t(lang, TEXT.exceeded) : '',
        });
      for (const o of r.objectives) {
        say(io.stdout, '  ' + t(lang, TEXT.objective, {
          id: o.id, title: short(o.title), progress: pct(o.progress), score: s1(o.score),
          grade: GRADE_LABELS[o.grade][lang], status: STATUS_LABELS[o.status][lang],
        }));
        for (const k of r.krs.filter((k) => k.objectiveId === o.id)) say(io.stdout, krLine(k));
      }
      const orphans = r.krs.filter((k) => !k.objectiveId);
      if (orphans.length) {
        say(io.stdout, '  ' + t(lang, TEXT.orphans));
        for (const k of orphans) say(io.stdout, krLine(k));
      }
    }
    return 0;
  });
}
