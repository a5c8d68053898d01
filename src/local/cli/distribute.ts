/**
 * `okr-sheets distribute ROSTER.csv|ROSTER.xlsx --out-dir DIR [--cycle C] [--lang L]`
 * HR's distribution offline (issue 12): DIR/hub.xlsx (roster, Units registry, Templates) and one
 * .xlsx per unit, its path in the registry relative to the hub. A second run writes only the
 * units with no file and leaves every existing unit file byte-identical (it is never opened for
 * writing). The decisions are core's (src/core/distribution); this file reads and writes files.
 * Exit 0 done; 1 the roster has problems (all listed, nothing written); 2 bad usage / unreadable.
 *
 * The hub helpers below (`readHub`, `writeHub`) are shared with `collect`.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { Lang, Localized } from '../../core/i18n';
import {
  distributionUnits, isActive, mergeRegistryValues, registryLang, STATUS_WORDS, unitNextCycle, planDistribution, readCompanyTemplates, readRegistryValues, registryRowOf,
  registrySheetPlan, templatesSheetPlan, unitFilePath, unitFilePlan, type RegistryRow,
} from '../../core/distribution';
import { label, type SheetRole } from '../../core/labels';
import { applyNextCycle } from '../../sheets/cycle';
import { takeSnapshot } from '../../sheets/snapshot';
import { createLocalApp } from '../workbook';
import { buildRosterTemplatePlan } from '../../core/roster';
import { escapeCellText } from '../../core/escape';
import type { PlanCell, SheetPlan, WorkbookPlan } from '../../core/plan/types';
import { readSnapshot, type WorkbookSnapshot } from '../../core/snapshot';
import { snapshotFromXlsx } from '../snapshot';
import { cycleArg, readRosterFile, singleFileArg } from './rosterFile';
import { exportXlsx } from '../xlsx/export';
import { importXlsx, XlsxReadError } from '../xlsx/import';
import { CliError, envLang, guard, parseArgs, readInput, resolvePath, say, t, writeOutput, type CliIo } from '../xlsx/cli';

export const HUB_FILE = 'hub.xlsx';

const TEXT = {
  usage: {
    'zh-CN': '用法：okr-sheets distribute 组织名单.csv|组织名单.xlsx --out-dir 目录 [--cycle 2026-Q4] [--lang zh-CN|en]\n      okr-sheets distribute 目录/hub.xlsx --next-cycle --cycle 2027-Q1 [--drop-done]（所有单元进入下一周期）',
    en: 'Usage: okr-sheets distribute roster.csv|roster.xlsx --out-dir DIR [--cycle 2026-Q4] [--lang zh-CN|en]\n       okr-sheets distribute DIR/hub.xlsx --next-cycle --cycle 2027-Q1 [--drop-done] (every unit into the next cycle)',
  },
  needCycle: { 'zh-CN': '--next-cycle 需要用 --cycle 指明新周期（如 2027-Q1）', en: '--next-cycle needs the new cycle with --cycle (such as 2027-Q1)' },
  carried: { 'zh-CN': '  {unit}：{from} → {to}（{o} 个目标，{kr} 个关键结果）', en: '  {unit}: {from} → {to} ({o} objective(s), {kr} key result(s))' },
  unitProblem: { 'zh-CN': '  {unit}：{why}', en: '  {unit}: {why}' },
  nextSummary: {
    'zh-CN': '下一周期：{carried} 个单元已进入 {cycle}，{skipped} 个跳过，{failed} 个未能打开；中枢 {hub}',
    en: 'Next cycle: {carried} unit(s) now in {cycle}, {skipped} skipped, {failed} could not be opened; hub {hub}',
  },
  outDir: { 'zh-CN': '请用 --out-dir 指定输出目录', en: 'Say where to write the files with --out-dir DIR' },
  problems: { 'zh-CN': '组织名单有 {n} 个问题，未生成任何文件：', en: 'The roster has {n} problem(s); nothing was written:' },
  templateProblems: { 'zh-CN': '公司模板有 {n} 个问题（这些模板未使用）：', en: 'The company templates have {n} problem(s) (those templates are not used):' },
  created: { 'zh-CN': '  新建 {file}（{unit}，{template}）', en: '  created {file} ({unit}, {template})' },
  summary: {
    'zh-CN': '已分发：新建 {created} 个单元文件，{existing} 个已存在（未改动）；中枢 {hub}',
    en: 'Distributed: {created} unit file(s) created, {existing} already there (left untouched); hub {hub}',
  },
  removed: { 'zh-CN': '  “{unit}”已不在组织名单中：登记表标为“已从组织名单移除”，文件保留', en: '  “{unit}” is no longer on the roster: marked “removed from roster” in the registry, its file kept' },
  badHub: { 'zh-CN': '无法读取中枢文件 {file}：{why}', en: 'Cannot read the hub {file}: {why}' },
} satisfies Record<string, Localized>;

export interface Hub {
  snapshot: WorkbookSnapshot;
  plan: WorkbookPlan;
}

const why = (e: unknown, lang: Lang) => (e instanceof XlsxReadError ? e.localized[lang] : e instanceof Error ? e.message.split('\n')[0]! : String(e));

/** Reads the hub once: its snapshot (values) and its plan (to write it back whole). */
export async function readHub(buf: Buffer, file: string, lang: Lang, asOf?: string): Promise<Hub> {
  try {
    const snapshot = await snapshotFromXlsx(buf, { name: file, ...(asOf ? { asOf } : {}) });
    return { snapshot, plan: await importXlsx(buf) };
  } catch (e) {
    throw new CliError(t(lang, TEXT.badHub, { file, why: why(e, lang) }));
  }
}

/** The values of the hub's sheet with that role (our metadata), or null. */
export function hubValues(hub: Hub, role: SheetRole): unknown[][] | null {
  return hub.snapshot.sheets.find((s) => s.metaRole === role)?.values ?? null;
}

/**
 * The hub's plan with `sp` in place of the sheet our metadata gives the same role (its name
 * kept), else added. Only metadata counts: the importer guesses roles from names, and a person's
 * own sheet called "Dashboard" is theirs.
 */
export function replaceSheet(hub: Hub, plan: WorkbookPlan, sp: SheetPlan): WorkbookPlan {
  const owned = hub.snapshot.sheets.find((s) => s.metaRole === sp.role)?.name;
  const at = owned === undefined ? -1 : plan.sheets.findIndex((s) => s.name === owned);
  if (at < 0) {
    // a person's own sheet of that name keeps its name; ours takes the next free one
    let name = sp.name;
    for (let i = 2; plan.sheets.some((s) => s.name === name); i++) name = `${sp.name} (${i})`;
    return { sheets: [...plan.sheets, { ...sp, name }] };
  }
  const sheets = [...plan.sheets];
  sheets[at] = { ...sp, name: plan.sheets[at]!.name };
  return { sheets };
}

export async function writeHub(io: CliIo, path: string, plan: WorkbookPlan, lang: Lang): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeOutput(io, path, await exportXlsx(plan), lang, { force: true });
}

const exists = (p: string) => stat(p).then((s) => s.isFile(), () => false);


/**
 * `distribute DIR/hub.xlsx --next-cycle --cycle C`: every unit file the registry names (units
 * still on the roster) carried into cycle C in place — the same core task and applier as
 * `okr-sheets next-cycle` (the latest sheet archived, a new one added) — and the registry's
 * cycle updated, its figures cleared for the new cycle. A unit already in C is skipped, so a
 * second run changes nothing. Exit 0 all done or skipped; 1 some files could not be opened.
 */
async function nextCycleForEveryUnit(io: CliIo, hubFile: string, cycle: string, dropDone: boolean, lang: Lang): Promise<number> {
  const hubPath = resolvePath(io, hubFile);
  const hub = await readHub(await readInput(io, hubFile, lang), hubFile, lang);
  const registryValues = hubValues(hub, 'registry');
  const rows = registryValues ? readRegistryValues(registryValues).rows.filter(isActive) : [];
  const updates: RegistryRow[] = [];
  let carried = 0, skipped = 0, failed = 0;
  for (const r of rows) {
    const path = join(dirname(hubPath), r.file);
    let res = null;
    let local = null;
    if (r.file && (await exists(path))) {
      try {
        local = createLocalApp({ plan: await importXlsx(await readFile(path)), lang, name: basename(path) });
        res = unitNextCycle(takeSnapshot(local.ctx(lang)), r.unit, { cycle, dropDone, lang });
      } catch {
        local = null;
      }
    }
    if (!local || !res) {
      failed++;
      const why = label(STATUS_WORDS[!r.file || !(await exists(path)) ? 'missing' : local ? 'no-okr-table' : 'unreadable'], lang);
      say(io.stderr, t(lang, TEXT.unitProblem, { unit: r.unit, why }));
      continue;
    }
    for (const s of res.skipped) say(io.stderr, `  ${s.message[lang]}`);
    const c = res.carried[0];
    if (!c) {
      skipped++;
      continue;
    }
    applyNextCycle(local.ctx(lang), res);
    await writeOutput(io, path, await exportXlsx(local.toPlan()), lang, { force: true });
    carried++;
    say(io.stderr, t(lang, TEXT.carried, { unit: r.unit, from: c.fromCycle, to: c.toCycle, o: c.objectives, kr: c.krs }));
    updates.push({ ...r, cycle: c.toCycle, status: r.email ? 'shared' : 'created', lastCollected: null, progress: null, score: null, krs: null, stale: null });
  }
  if (updates.length && registryValues) {
    const sheetLang = registryLang(registryValues, lang);
    await writeHub(io, hubPath, replaceSheet(hub, hub.plan, registrySheetPlan(mergeRegistryValues(registryValues, updates, sheetLang), sheetLang)), lang);
  }
  say(io.stderr, t(lang, TEXT.nextSummary, { carried, cycle, skipped, failed, hub: hubPath }));
  return failed ? 1 : 0;
}

/** Whether two sheets hold the same cells (text trimmed, trailing blanks ignored). */
function sameCells(a: readonly (readonly unknown[])[] | null, b: readonly (readonly unknown[])[]): boolean {
  const norm = (v: readonly (readonly unknown[])[]) => {
    const rows = v.map((r) => {
      const cells = r.map((c) => (c === null || c === undefined ? '' : String(c).trim()));
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      return cells.join('\u0001');
    });
    while (rows.length && rows[rows.length - 1] === '') rows.pop();
    return rows.join('\n');
  };
  return a !== null && norm(a) === norm(b);
}

/** The roster as the hub keeps it: the input's rows under the roster sheet's dropdowns. */
function rosterSheet(values: unknown[][], lang: Lang): SheetPlan {
  const cells: PlanCell[][] = values.map((r) => r.map((c) => (typeof c === 'string' ? escapeCellText(c) : (c ?? null) as PlanCell)));
  return { ...buildRosterTemplatePlan(lang), values: cells };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let lang = envLang(io);
  return guard(io, () => lang, async () => {
    const a = parseArgs(args, { options: ['out-dir', 'cycle'], flags: ['help', 'next-cycle', 'drop-done'], aliases: { h: 'help' } }, io);
    lang = a.lang;
    if (a.flags.has('help')) {
      say(io.stdout, t(lang, TEXT.usage));
      return 0;
    }
    if (a.flags.has('next-cycle')) {
      const hubFile = singleFileArg(a.positional, 'hub.xlsx', lang, t(lang, TEXT.usage));
      if (!a.options.cycle) throw new CliError(t(lang, TEXT.needCycle));
      const target = cycleArg(a.options.cycle, lang).cycle;
      return nextCycleForEveryUnit(io, hubFile, target, a.flags.has('drop-done'), lang);
    }
    const file = singleFileArg(a.positional, 'roster.csv', lang, t(lang, TEXT.usage));
    const outDir = a.options['out-dir'];
    if (!outDir) throw new CliError(`${t(lang, TEXT.outDir)}\n${t(lang, TEXT.usage)}`);
    const { cycle, dates } = cycleArg(a.options.cycle, lang);

    const dir = resolvePath(io, outDir);
    const hubPath = join(dir, HUB_FILE);
    const roster = await readRosterFile(io, file, lang);
    const hub = (await exists(hubPath)) ? await readHub(await readInput(io, hubPath, lang), hubPath, lang) : null;

    // company templates: the hub's Templates sheet, else the roster workbook's
    const templateValues = (hub && hubValues(hub, 'templates')) ?? roster.templates;
    const company = templateValues ? readCompanyTemplates(templateValues) : { departments: [], problems: [] };
    if (company.problems.length) {
      say(io.stderr, t(lang, TEXT.templateProblems, { n: company.problems.length }));
      for (const p of company.problems) say(io.stderr, `  ${p.message[lang]}`);
    }
    const units = distributionUnits(roster.values, company.departments);
    if (!units.ok) {
      say(io.stderr, t(lang, TEXT.problems, { n: units.problems.length }));
      for (const p of units.problems) say(io.stderr, `  ${p.message[lang]}`);
      return 1;
    }
    const registryValues = hub ? hubValues(hub, 'registry') : null;
    const before = registryValues ? readRegistryValues(registryValues).rows : [];
    const have = new Map<string, boolean>();
    for (const r of before) if (r.file) have.set(r.unit, await exists(join(dir, r.file)));
    const plan = planDistribution(units.units, before, (r) => have.get(r.unit) === true);

    const companyName = units.units[0]?.unit ?? '';
    // the hub's Settings (cap, bands, scale), when HR keeps one, go into every unit file
    const settings = hub && hubValues(hub, 'settings') ? readSnapshot(hub.snapshot, lang).settings : undefined;
    const rows = new Map<string, RegistryRow>(plan.registry.map((r) => [r.unit, r]));
    for (const step of plan.create) {
      const u = step.unit;
      const rel = unitFilePath(u.unit, cycle);
      const path = join(dir, rel);
      // a file already at that path (a registry lost or edited by hand) is adopted, never overwritten
      if (!(await exists(path))) {
        const hubRef = relative(dirname(path), hubPath).split('\\').join('/');
        const wb = unitFilePlan(u, { lang, cycle, cycleStart: dates.start, cycleEnd: dates.end, ...(settings ? { settings } : {}) }, hubRef, companyName);
        await mkdir(dirname(path), { recursive: true });
        await writeOutput(io, path, await exportXlsx(wb), lang, { force: false });
        say(io.stderr, t(lang, TEXT.created, { file: rel, unit: u.unit, template: u.templateId }));
      }
      rows.set(u.unit, registryRowOf(u, step.before ?? undefined, { file: rel, status: 'created', cycle }));
    }
    const merged = mergeRegistryValues(registryValues, [...rows.values()], lang);
    // the hub's roster follows the roster given on every run (units added, units gone marked `removed`)
    const rosterNow = rosterSheet(roster.values, lang);
    const rosterChanged = !!hub && sameCells(hubValues(hub, 'roster'), roster.values) === false;
    let hubPlan: WorkbookPlan = hub ? (rosterChanged ? replaceSheet(hub, hub.plan, rosterNow) : hub.plan) : { sheets: [rosterNow, templatesSheetPlan(lang)] };
    const registrySheet = registrySheetPlan(merged, lang);
    hubPlan = hub ? replaceSheet(hub, hubPlan, registrySheet) : { sheets: [...hubPlan.sheets, registrySheet] };
    if (hub && !hubValues(hub, 'templates')) hubPlan = replaceSheet(hub, hubPlan, templatesSheetPlan(lang));
    if (plan.create.length > 0 || !hub || rosterChanged || plan.removed.length > 0) await writeHub(io, hubPath, hubPlan, lang);
    for (const unit of plan.removed) say(io.stderr, t(lang, TEXT.removed, { unit }));
    say(io.stderr, t(lang, TEXT.summary, { created: plan.create.length, existing: plan.existing.length, hub: hubPath }));
    return 0;
  });
}
