/**
 * `okr-sheets evaluation roster.csv|roster.xlsx -o eval.xlsx [--cycle 2026-Q4] [--peers 3] [--okr okrs.xlsx] [--lang zh-CN|en] [--force]`
 * The 360 evaluation sheet of a cycle (issue 14 §4) from the roster alone: core
 * `planEvaluationFromRoster` → xlsx. Exit 0 written; 1 the roster has problems (all listed with
 * their row, nothing written); 2 bad usage or unreadable file.
 *
 * `printEvaluationResults` is how `okr-sheets score eval.xlsx` prints a filled sheet's results.
 */
import { basename } from 'node:path';
import {
  planEvaluationFromRoster, readEvaluations, RELATION_LABELS, RELATIONS, type EvaluationRead, type Relation,
} from '../../core/evaluation';
import type { Lang, Localized } from '../../core/i18n';
import { chooseLang, contentLang } from '../../core/lang';
import { label } from '../../core/labels';
import { readRosterValues } from '../../core/roster';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { snapshotFromXlsx } from '../snapshot';
import { cycleArg, readRosterFile, singleFileArg } from './rosterFile';
import { CliError, envLang, guard, openModel, parseArgs, pct, readInput, say, t, writePlanXlsx, type CliIo, type ParsedArgs } from '../xlsx/cli';

const TEXT = {
  usage: {
    'zh-CN': '用法：okr-sheets evaluation 组织名单.csv|组织名单.xlsx -o 360评估.xlsx [--cycle 2026-Q4] [--peers 3] [--okr OKR工作簿.xlsx] [--lang zh-CN|en] [--force]',
    en: 'Usage: okr-sheets evaluation roster.csv|roster.xlsx -o eval.xlsx [--cycle 2026-Q4] [--peers 3] [--okr okrs.xlsx] [--lang zh-CN|en] [--force]',
  },
  outRequired: { 'zh-CN': '请用 -o 指定输出文件（.xlsx）', en: 'Say where to write the sheet with -o eval.xlsx' },
  badPeers: { 'zh-CN': '--peers 应为 1 到 10 的整数：{value}', en: '--peers must be a whole number from 1 to 10: {value}' },
  problems: { 'zh-CN': '组织名单有 {n} 个问题，未生成 360 评估：', en: 'The roster has {n} problem(s); no evaluation sheet was written:' },
  wrote: { 'zh-CN': '已写入 {file}：{n} 人、{rows} 行评价，周期 {cycle}', en: 'Wrote {file}: {n} people, {rows} evaluation rows, cycle {cycle}' },
  withOkr: { 'zh-CN': '其中 {n} 人的 OKR 最终得分取自 {file}', en: '{n} of them with an OKR final score from {file}' },
  sheet: {
    'zh-CN': '{sheet} — 权重：{weights}；OKR 得分 {okr}',
    en: '{sheet} — weights: {weights}; OKR score {okr}',
  },
  person: {
    'zh-CN': '  {person} — 360 结果 {result}（{relations}）；OKR {okr}；综合 {overall}；已评 {answered}/{expected}',
    en: '  {person} — 360 result {result} ({relations}); OKR {okr}; overall {overall}; answered {answered} of {expected}',
  },
  missing: { 'zh-CN': '    未评：{list}', en: '    missing: {list}' },
  missingItem: { 'zh-CN': '{relation} {evaluator}（第 {row} 行）', en: '{relation} {evaluator} (row {row})' },
  nobody: { 'zh-CN': '未填', en: 'not named' },
  noPeople: { 'zh-CN': '  （结果区没有人员）', en: '  (no one in the results block)' },
} satisfies Record<string, Localized>;

const n2 = (x: number | null) => (x === null ? '–' : x.toFixed(2));

export async function run(args: string[], io: CliIo): Promise<number> {
  let lang = envLang(io);
  return guard(io, () => lang, async () => {
    const a = parseArgs(args, { options: ['o', 'output', 'cycle', 'peers', 'okr'], flags: ['help', 'force'], aliases: { h: 'help', output: 'o' } }, io);
    lang = a.lang;
    if (a.flags.has('help')) {
      say(io.stdout, t(lang, TEXT.usage));
      return 0;
    }
    const file = singleFileArg(a.positional, 'roster.csv', lang, t(lang, TEXT.usage));
    const out = a.options.o;
    if (!out) throw new CliError(`${t(lang, TEXT.outRequired)}\n${t(lang, TEXT.usage)}`);
    const { cycle } = cycleArg(a.options.cycle, lang);
    const peers = a.options.peers === undefined ? 3 : Number(a.options.peers);
    if (!Number.isInteger(peers) || peers < 1 || peers > 10) throw new CliError(t(lang, TEXT.badPeers, { value: a.options.peers ?? '' }));
    const { values } = await readRosterFile(io, file, lang);
    const read = readRosterValues(values);
    // a roster with Chinese headers gives a Chinese sheet (unless --lang says otherwise)
    lang = chooseLang({ explicit: a.explicitLang, content: contentLang(values[read.headerRow] ?? []), fallback: a.lang });
    // --okr: the OKR workbook whose sheets give each person's OKR final score (core evaluation/okr.ts)
    const okrFile = a.options.okr;
    const okrModel = okrFile ? (await openModel(io, okrFile, a)).model : undefined;
    const task = planEvaluationFromRoster(values, { lang, cycle, maxPeers: peers, ...(okrModel ? { okrModel } : {}) });
    if (!task.ok) {
      say(io.stderr, t(lang, TEXT.problems, { n: task.problems.length }));
      for (const p of task.problems) say(io.stderr, `  ${p.message[lang]}`);
      return 1;
    }
    await writePlanXlsx(io, out, task.plan, lang, { inputs: [file], force: a.flags.has('force') });
    say(io.stderr, t(lang, TEXT.wrote, { file: out, n: task.people.length, rows: task.responseRows, cycle }));
    if (okrFile) say(io.stderr, t(lang, TEXT.withOkr, { n: task.withOkrScore, file: okrFile }));
    return 0;
  });
}

/**
 * For `okr-sheets score` on a workbook without OKR tables: when it holds an Evaluation sheet,
 * prints its results (text, or JSON with --json) and returns true; false leaves the caller's
 * own message (not a readable xlsx, no OKR table) to stand.
 */
export async function printEvaluationResults(
  io: CliIo, file: string, a: Pick<ParsedArgs, 'lang' | 'explicitLang' | 'flags'>, setLang: (l: Lang) => void,
): Promise<boolean> {
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await snapshotFromXlsx(await readInput(io, file, a.lang), { name: basename(file) });
  } catch {
    return false;
  }
  const reads = readEvaluations(snapshot);
  if (reads.length === 0) return false;
  const lang = chooseLang({ explicit: a.explicitLang, workbook: evaluationLang(snapshot, reads), fallback: a.lang });
  setLang(lang);
  if (a.flags.has('json')) say(io.stdout, JSON.stringify({ file, lang, evaluations: reads }, null, 2));
  else say(io.stdout, formatEvaluation(reads, lang));
  return true;
}

/** For `okr-sheets score` on a workbook with OKR tables too: the 360 results before the scores. */
export function printEvaluationOf(io: CliIo, snapshot: WorkbookSnapshot, lang: Lang): boolean {
  const reads = readEvaluations(snapshot);
  if (reads.length > 0) say(io.stdout, formatEvaluation(reads, lang));
  return reads.length > 0;
}

/** The language the Evaluation sheet was written in: our metadata, else its criteria titles. */
function evaluationLang(snapshot: WorkbookSnapshot, reads: readonly EvaluationRead[]): Lang | null {
  return snapshot.sheets.find((s) => s.metaRole === 'evaluation')?.metaLang ?? contentLang(reads.flatMap((r) => r.criteria));
}

export function formatEvaluation(reads: readonly EvaluationRead[], lang: Lang): string {
  const rel = (r: Relation) => label(RELATION_LABELS[r], lang);
  const out: string[] = [];
  for (const e of reads) {
    out.push(t(lang, TEXT.sheet, {
      sheet: e.sheet,
      weights: RELATIONS.map((r) => `${rel(r)} ${pct(e.weights[r])}`).join(lang === 'zh-CN' ? '，' : ', '),
      okr: pct(e.okrWeight),
    }));
    if (e.results.length === 0) out.push(t(lang, TEXT.noPeople));
    for (const p of e.results) {
      out.push(t(lang, TEXT.person, {
        person: p.person,
        result: n2(p.result),
        relations: RELATIONS.map((r) => `${rel(r)} ${n2(p.relations[r])}`).join(lang === 'zh-CN' ? '，' : ', '),
        okr: p.okrScore === null ? '–' : p.okrScore.toFixed(1),
        overall: n2(p.overall),
        answered: p.answered,
        expected: p.answered + p.missing.length,
      }));
      if (p.missing.length > 0) {
        const list = p.missing.map((m) => t(lang, TEXT.missingItem, {
          relation: m.relation ? rel(m.relation) : '?', evaluator: m.evaluator || t(lang, TEXT.nobody), row: m.row,
        }));
        out.push(t(lang, TEXT.missing, { list: list.join(lang === 'zh-CN' ? '；' : '; ') }));
      }
    }
  }
  return out.join('\n');
}
