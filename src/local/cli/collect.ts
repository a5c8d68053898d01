/**
 * `okr-sheets collect DIR/hub.xlsx [--json] [--as-of YYYY-MM-DD] [--lang L]`
 * Reads every unit file the hub's Units registry names (one snapshot per file), writes the hub's
 * registry figures, Dashboard and Alignment map (core `collectUnits`), and prints a per-unit
 * summary. Unit files are only ever read. A unit's progress and score are what
 * `okr-sheets score` says for its file (same core function, same as-of rule).
 * Exit 0 every unit collected; 1 some were not (listed); 2 the hub cannot be read.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { todayIso } from '../../core/dates';
import type { Lang, Localized } from '../../core/i18n';
import {
  collectUnits, isActive, mergeRegistryValues, planHubReminders, registryLang, type RegistryRow, type UnitFile, readRegistryValues, registrySheetPlan, reviewFromHub, STATUS_WORDS, type UnitSource,
} from '../../core/distribution';
import { reviewsMarkdown } from '../../core/tasks/review';
import { label } from '../../core/labels';
import { snapshotFromXlsx } from '../snapshot';
import { readSnapshot, type WorkbookSnapshot } from '../../core/snapshot';
import { managerMessage, ownerMessage, reminderJson, REMINDER_TEXT } from '../../core/cycle/reminders';
import { CliError, displayWidth, isoDateOption, padDisplay, pct, readInput, resolvePath, runFileCommand, say, t, type CliIo } from '../xlsx/cli';
import { hubValues, readHub, replaceSheet, writeHub } from './distribute';

const TEXT = {
  usage: {
    'zh-CN': '用法：okr-sheets collect 目录/hub.xlsx [--json] [--as-of YYYY-MM-DD] [--review 单元 | --remind]',
    en: 'Usage: okr-sheets collect DIR/hub.xlsx [--json] [--as-of YYYY-MM-DD] [--review UNIT | --remind]',
  },
  noReview: { 'zh-CN': '单元“{unit}”未收集到，无法生成复盘', en: 'Unit “{unit}” was not collected: no review' },
  noRegistry: { 'zh-CN': '{file} 中没有单元登记表（先运行 okr-sheets distribute）', en: 'No Units registry in {file} (run okr-sheets distribute first)' },
  line: { 'zh-CN': '{unit} {status}  进度 {progress}  得分 {score}  KR {krs}', en: '{unit} {status}  progress {progress}  score {score}  KRs {krs}' },
  company: {
    'zh-CN': '全公司：已收集 {collected} / {units} 个单元，平均进度 {progress}，平均得分 {score}，填写率 {fill}，对齐率 {align}',
    en: 'Company: {collected} / {units} units collected, mean progress {progress}, mean score {score}, fill rate {fill}, alignment rate {align}',
  },
  notCollected: { 'zh-CN': '{n} 个单元未能收集：', en: '{n} unit(s) not collected:' },
  wrote: { 'zh-CN': '已更新中枢 {file}', en: 'Updated the hub {file}' },
  remindHeader: {
    'zh-CN': '（仅预览，不会发送）全部 {units} 个单元文件，截至 {asOf}：{owners} 条负责人提醒，{managers} 份管理者摘要',
    en: '(preview only, nothing is sent) All {units} unit files, as of {asOf}: {owners} owner reminder(s), {managers} manager digest(s)',
  },
  to: { 'zh-CN': '收件人：{to} <{email}>', en: 'To: {to} <{email}>' },
  subject: { 'zh-CN': '主题：{subject}', en: 'Subject: {subject}' },
  notRead: { 'zh-CN': '{n} 个单元文件未能读取，未计入提醒：', en: '{n} unit file(s) could not be read and are not in the reminders:' },
} satisfies Record<string, Localized>;

const s2 = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/**
 * `collect DIR/hub.xlsx --remind`: the messages a reminder run would send for every unit file
 * (core `planHubReminders`: one model of all files, the same task as `okr-sheets remind FILE`),
 * printed, never sent; the hub is not written. Exit 0; 1 when some unit files could not be read.
 */
function remindEveryUnit(
  io: CliIo, hub: WorkbookSnapshot, rows: readonly RegistryRow[], sources: ReadonlyMap<string, UnitSource>,
  asOf: string | undefined, lang: Lang, json: boolean,
): number {
  const files: UnitFile[] = [];
  const failed: RegistryRow[] = [];
  for (const r of rows) {
    const s = sources.get(r.unit);
    if (s && 'snapshot' in s) files.push({ unit: r.unit, file: s.snapshot });
    else failed.push(r);
  }
  const run = planHubReminders(files, hub, { lang, ...(asOf ? { asOf } : {}) });
  if (json) say(io.stdout, JSON.stringify(reminderJson(run), null, 2));
  else {
    const out = [t(lang, TEXT.remindHeader, { units: files.length, asOf: run.asOf, owners: run.owners.length, managers: run.managers.length })];
    for (const m of [...run.owners.map((o) => ownerMessage(o, run)), ...run.managers.map((d) => managerMessage(d, run))]) {
      out.push('', '────────', t(lang, TEXT.to, { to: m.to, email: m.email ?? t(lang, REMINDER_TEXT.noEmail) }), t(lang, TEXT.subject, { subject: m.subject }), '', m.body);
    }
    say(io.stdout, out.join('\n'));
  }
  if (failed.length) {
    say(io.stderr, t(lang, TEXT.notRead, { n: failed.length }));
    for (const r of failed) say(io.stderr, `  ${r.unit}${r.file ? ` (${r.file})` : ''}`);
  }
  return failed.length ? 1 : 0;
}

async function openUnit(path: string, asOf: string): Promise<UnitSource> {
  const st = await stat(path).catch(() => null);
  if (!st || !st.isFile()) return { problem: 'missing' };
  try {
    return { snapshot: await snapshotFromXlsx(await readFile(path), { asOf, name: path }) };
  } catch {
    return { problem: 'unreadable' };
  }
}

export function run(args: string[], io: CliIo): Promise<number> {
  return runFileCommand(args, io, { options: ['as-of', 'review'], flags: ['json', 'remind'] }, TEXT.usage, async ({ lang, a, file }) => {
    const explicit = isoDateOption(a.options['as-of'], lang);
    const asOf = explicit ?? todayIso();
    const hubPath = resolvePath(io, file);
    const hub = await readHub(await readInput(io, file, lang), file, lang, asOf);
    const registryValues = hubValues(hub, 'registry');
    const registry = registryValues ? readRegistryValues(registryValues) : null;
    if (!registryValues || !registry || registry.headerRow < 0) throw new CliError(t(lang, TEXT.noRegistry, { file }));
    const sheetLang = registryLang(registryValues, lang);

    const sources = new Map<string, UnitSource>();
    for (const r of registry.rows.filter(isActive)) {
      sources.set(r.unit, r.file ? await openUnit(resolve(dirname(hubPath), r.file), asOf) : { problem: 'missing' });
    }
    if (a.flags.has('remind')) return remindEveryUnit(io, hub.snapshot, registry.rows.filter(isActive), sources, explicit, sheetLang, a.flags.has('json'));
    // the hub's Settings (cap, bands) for the cross-file roll-up, as the unit files got them
    const settings = hubValues(hub, 'settings') ? readSnapshot(hub.snapshot, sheetLang).settings : undefined;
    const result = collectUnits(registry.rows, sources, asOf, sheetLang, { explicitAsOf: explicit !== undefined, ...(settings ? { settings } : {}) });

    let plan = replaceSheet(hub, hub.plan, registrySheetPlan(mergeRegistryValues(registryValues, result.registry, sheetLang), sheetLang));
    plan = replaceSheet(hub, plan, result.dashboard);
    plan = replaceSheet(hub, plan, result.alignment);
    await writeHub(io, hubPath, plan, lang);

    const failed = result.units.filter((u) => u.status !== 'collected');
    const reviewOf = a.options.review;
    if (reviewOf !== undefined) {
      // the review of one level, with the roll-up of the units under it across files
      const task = reviewFromHub(result, reviewOf, lang, { hubSheets: hub.snapshot.sheets });
      if (!task) throw new CliError(t(lang, TEXT.noReview, { unit: reviewOf }), 1);
      say(io.stdout, reviewsMarkdown([task.doc]));
    } else if (a.flags.has('json')) {
      say(io.stdout, JSON.stringify({
        asOf,
        units: result.units.map((u) => ({ unit: u.unit, file: u.file, status: u.status, progress: u.progress, score: u.score, krs: u.krs })),
        company: result.company,
      }, null, 2));
    } else {
      const width = Math.max(...result.units.map((u) => displayWidth(u.unit)), 4);
      for (const u of result.units) {
        say(io.stdout, t(lang, TEXT.line, {
          unit: padDisplay(u.unit, width), status: padDisplay(label(STATUS_WORDS[u.status], lang).split(':')[0]!, 10),
          progress: u.progress === null ? '—' : pct(u.progress), score: s2(u.score), krs: u.krs ?? '—',
        }));
      }
      const c = result.company;
      say(io.stdout, t(lang, TEXT.company, {
        collected: c.collected, units: c.units, progress: pct(c.progress), score: s2(c.score), fill: pct(c.fillRate), align: pct(c.alignmentRate),
      }));
    }
    if (failed.length) {
      say(io.stderr, t(lang, TEXT.notCollected, { n: failed.length }));
      for (const u of failed) say(io.stderr, `  ${u.unit}: ${label(STATUS_WORDS[u.status], lang)}${u.file ? ` (${u.file})` : ''}`);
    }
    say(io.stderr, t(lang, TEXT.wrote, { file }));
    return failed.length ? 1 : 0;
  });
}
