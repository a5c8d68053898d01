/**
 * The one way the CLI reads an HR roster file (`setup`, `distribute`, `evaluation`): a .csv /
 * .tsv / .txt table, or an .xlsx whose roster sheet is ours by metadata, else the first sheet
 * whose header the roster reader recognises. An .xlsx may also carry the company's own
 * templates (a sheet with our `templates` role — never recognised by its name).
 */
import { extname } from 'node:path';
import type { Lang, Localized } from '../../core/i18n';
import { currentQuarter } from '../../core/dates';
import { cycleDates } from '../../core/pace';
import { readRosterValues } from '../../core/roster';
import { snapshotFromXlsx } from '../snapshot';
import { decodeText, parseCsv } from '../xlsx/csv';
import { XlsxReadError } from '../xlsx/import';
import { CliError, MSG, readInput, t, type CliIo } from '../xlsx/cli';

const TEXT = {
  badCycle: { 'zh-CN': '无法识别的周期：{value}（示例：2026-Q4、2026-11、2026）', en: 'Unknown cycle: {value} (examples: 2026-Q4, 2026-11, 2026)' },
  badInput: { 'zh-CN': '组织名单应为 .csv 或 .xlsx 文件：{file}', en: 'The roster should be a .csv or .xlsx file: {file}' },
} satisfies Record<string, Localized>;

const ROSTER_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx']);

export interface RosterFile {
  values: unknown[][];
  /** the values of the workbook's Templates sheet (ours by metadata), when it has one */
  templates: unknown[][] | null;
}

/** The one input file a command takes (`what` names it when it is missing; usage follows). */
export function singleFileArg(positional: readonly string[], what: string, lang: Lang, usage: string): string {
  const [file, extra] = positional;
  if (!file) throw new CliError(`${t(lang, MSG.missingArg, { what })}\n${usage}`);
  if (extra) throw new CliError(t(lang, MSG.extraArg, { arg: extra }));
  return file;
}

/** --cycle (default: the current quarter) with its dates; a text naming no cycle is refused. */
export function cycleArg(value: string | undefined, lang: Lang): { cycle: string; dates: { start: string; end: string } } {
  const cycle = value ?? currentQuarter();
  const dates = cycleDates(cycle);
  if (!dates) throw new CliError(t(lang, TEXT.badCycle, { value: cycle }));
  return { cycle, dates };
}

/** Refuses a file that cannot be a roster before anything is read (exit 2 with a message). */
export function requireRosterExtension(file: string, lang: Lang): void {
  if (!ROSTER_EXTENSIONS.has(extname(file).toLowerCase())) throw new CliError(t(lang, TEXT.badInput, { file }));
}

export async function readRosterFile(io: CliIo, file: string, lang: Lang): Promise<RosterFile> {
  requireRosterExtension(file, lang);
  const buf = await readInput(io, file, lang);
  if (extname(file).toLowerCase() !== '.xlsx') return { values: parseCsv(decodeText(buf)), templates: null };
  try {
    const snap = await snapshotFromXlsx(buf, { name: file });
    const roster = snap.sheets.find((s) => s.metaRole === 'roster') ?? snap.sheets.find((s) => readRosterValues(s.values).headerRow >= 0);
    const templates = snap.sheets.find((s) => s.metaRole === 'templates')?.values ?? null;
    return { values: roster?.values ?? snap.sheets[0]?.values ?? [], templates };
  } catch (e) {
    const why = e instanceof XlsxReadError ? e.localized[lang] : e instanceof Error ? e.message.split('\n')[0]! : String(e);
    throw new CliError(t(lang, MSG.badXlsx, { file, why }));
  }
}
