/**
 * Shared plumbing of the xlsx CLI commands (templates, template, setup, lint, score, review,
 * import -o): argument parsing, localized messages, safe file I/O, opening a workbook as one
 * snapshot (`openModel`). Errors the user can fix end as a one-line message and exit code 2, never a stack.
 * Input files are only ever read.
 */
import { readFile, writeFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fmt, isLang, type Lang, type Localized, type Params } from '../../core/i18n';
import { chooseLang, localeLang } from '../../core/lang';
import { readSnapshot, type WorkbookModel } from '../../core/snapshot';
import type { WorkbookPlan } from '../../core/plan/types';
import { exportXlsx } from './export';
import { XlsxReadError } from './import';
import { snapshotFromXlsx } from '../snapshot';

/** A text sink: a stream (`process.stdout`) or a function. */
export type Writer = { write(s: string): unknown } | ((s: string) => unknown);
export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  /** Base directory of relative paths (default process.cwd()). */
  cwd?: string;
  env?: Record<string, string | undefined>;
}

export function say(w: Writer, s: string): void {
  const line = s.endsWith('\n') ? s : s + '\n';
  if (typeof w === 'function') w(line);
  else w.write(line);
}

/** A problem the user can fix: printed as one line, exit code 2. */
export class CliError extends Error {
  constructor(message: string, readonly code = 2) {
    super(message);
    this.name = 'CliError';
  }
}

export const MSG = {
  missingArg: { 'zh-CN': '缺少参数：{what}', en: 'Missing argument: {what}' },
  unknownOption: { 'zh-CN': '未知选项：{option}', en: 'Unknown option: {option}' },
  optionValue: { 'zh-CN': '选项 {option} 需要一个值', en: 'Option {option} needs a value' },
  extraArg: { 'zh-CN': '多余的参数：{arg}', en: 'Unexpected argument: {arg}' },
  notFound: { 'zh-CN': '找不到文件：{file}', en: 'File not found: {file}' },
  notAFile: { 'zh-CN': '不是文件：{file}', en: 'Not a file: {file}' },
  cannotRead: { 'zh-CN': '无法读取 {file}：{why}', en: 'Cannot read {file}: {why}' },
  cannotWrite: { 'zh-CN': '无法写入 {file}：{why}', en: 'Cannot write {file}: {why}' },
  badXlsx: { 'zh-CN': '{file} 不是可读取的 .xlsx 文件：{why}', en: '{file} is not a readable .xlsx file: {why}' },
  noTable: {
    'zh-CN': '{file} 中没有 OKR 表（需要“编号”“类型”“目标 / 关键结果”等列标题）',
    en: 'No OKR table in {file} (expected column titles such as “ID”, “Type”, “Objective / Key result”)',
  },
  exists: { 'zh-CN': '{file} 已存在；加 --force 覆盖', en: '{file} already exists; add --force to overwrite it' },
  sameFile: { 'zh-CN': '输出文件不能与输入文件相同：{file}', en: 'The output file must differ from the input file: {file}' },
  outExt: { 'zh-CN': '输出文件应以 {ext} 结尾：{file}', en: 'The output file should end in {ext}: {file}' },
  badLang: { 'zh-CN': '--lang 只能是 zh-CN 或 en：{value}', en: '--lang must be zh-CN or en: {value}' },
  badDate: { 'zh-CN': '日期应为 YYYY-MM-DD：{value}', en: 'The date must be YYYY-MM-DD: {value}' },
  wrote: { 'zh-CN': '已写入 {file}', en: 'Wrote {file}' },
  unexpected: { 'zh-CN': '出错了：{why}', en: 'Something went wrong: {why}' },
  internal: { 'zh-CN': '程序内部错误（设置环境变量 OKR_DEBUG=1 可查看详情）', en: 'an internal error (set OKR_DEBUG=1 to see the details)' },
} satisfies Record<string, Localized>;

export function t(lang: Lang, m: Localized, p: Params = {}): string {
  return fmt(m, lang, p);
}

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string>;
  flags: Set<string>;
  lang: Lang;
  /** The language `--lang` asked for (null: none given — the workbook's or the input's own
   *  language comes next, `lang` above is only the environment's fallback). */
  explicitLang: Lang | null;
}

/**
 * `--name value`, `--name=value`, `-o value`, flags. `--lang` is common to every command; the
 * default language comes from LANG / LC_ALL (zh… → zh-CN, else en).
 */
export function parseArgs(
  args: readonly string[],
  spec: { options?: string[]; flags?: string[]; aliases?: Record<string, string> },
  io: CliIo,
): ParsedArgs {
  const env = io.env ?? process.env;
  let lang: Lang = localeLang(env);
  let explicitLang: Lang | null = null;
  // the language first, so that the other messages use it
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v !== undefined) {
      if (!isLang(v)) throw new CliError(t(lang, MSG.badLang, { value: v }));
      lang = v;
      explicitLang = v;
    }
  }
  const options = new Set([...(spec.options ?? []), 'lang']);
  const flags = new Set(spec.flags ?? []);
  const out: ParsedArgs = { positional: [], options: {}, flags: new Set(), lang, explicitLang };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      const eq = a.indexOf('=');
      let name = (eq > 0 ? a.slice(0, eq) : a).replace(/^--?/, '');
      name = spec.aliases?.[name] ?? name;
      if (flags.has(name)) {
        out.flags.add(name);
        continue;
      }
      if (!options.has(name)) throw new CliError(t(lang, MSG.unknownOption, { option: a }));
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new CliError(t(lang, MSG.optionValue, { option: a }));
      out.options[name] = value;
      continue;
    }
    out.positional.push(a);
  }
  return out;
}

export function resolvePath(io: CliIo, p: string): string {
  return isAbsolute(p) ? p : resolve(io.cwd ?? process.cwd(), p);
}

export async function readInput(io: CliIo, file: string, lang: Lang): Promise<Buffer> {
  const path = resolvePath(io, file);
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new CliError(t(lang, MSG.notAFile, { file }));
    return await readFile(path);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(t(lang, MSG.notFound, { file }));
    throw new CliError(t(lang, MSG.cannotRead, { file, why: code ?? String(e) }));
  }
}

/** Writes through a temporary file and a rename, so a failed write leaves no half file. */
export interface WriteOptions {
  /** Input files of the command: the output may not be one of them. */
  inputs?: string[];
  /** Replace an existing file (default: refuse, exit 2). */
  force?: boolean;
}

export async function writeOutput(io: CliIo, file: string, data: Buffer | string, lang: Lang, opts: WriteOptions = {}): Promise<void> {
  const path = resolvePath(io, file);
  for (const input of opts.inputs ?? []) {
    if (resolvePath(io, input) === path) throw new CliError(t(lang, MSG.sameFile, { file }));
  }
  if (!opts.force) {
    const exists = await stat(path).then(() => true, () => false);
    if (exists) throw new CliError(t(lang, MSG.exists, { file }));
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(t(lang, MSG.cannotWrite, { file, why: code ?? String(e) }));
  }
}

export function requireExt(file: string, ext: string, lang: Lang): void {
  if (extname(file).toLowerCase() !== ext) throw new CliError(t(lang, MSG.outExt, { ext, file }));
}

export async function writePlanXlsx(io: CliIo, file: string, plan: WorkbookPlan, lang: Lang, opts: WriteOptions = {}): Promise<void> {
  requireExt(file, '.xlsx', lang);
  await writeOutput(io, file, await exportXlsx(plan), lang, opts);
}

export function isoDateOption(v: string | undefined, lang: Lang): string | undefined {
  if (v === undefined) return undefined;
  // Date.parse alone accepts 2026-02-30 (days up to 31 in any month): the date must read back unchanged.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(v + 'T00:00:00Z') : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) throw new CliError(t(lang, MSG.badDate, { value: v }));
  return v;
}

/**
 * Reads an xlsx into the workbook model (snapshot → readSnapshot: OKR sheets by our metadata,
 * else by content) and settles the language: `--lang`, else the workbook's own, else the
 * environment's (core `chooseLang`). A workbook without any OKR table is exit 2.
 */
export async function openModel(
  io: CliIo,
  file: string,
  a: Pick<ParsedArgs, 'lang' | 'explicitLang'>,
  opts: { asOf?: string } = {},
): Promise<{ model: WorkbookModel; lang: Lang }> {
  const buf = await readInput(io, file, a.lang);
  let snapshot;
  try {
    snapshot = await snapshotFromXlsx(buf, { name: basename(file), ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(t(a.lang, MSG.badXlsx, { file, why: e.localized[a.lang] }));
    throw new CliError(t(a.lang, MSG.badXlsx, { file, why: e instanceof Error ? e.message.split('\n')[0]! : String(e) }));
  }
  const model = readSnapshot(snapshot, a.explicitLang ?? a.lang);
  const lang = chooseLang({ explicit: a.explicitLang, workbook: model.lang, fallback: a.lang });
  if (model.okr.length === 0) throw new CliError(t(lang, MSG.noTable, { file }));
  return { model, lang };
}

/** Runs a command body: CliError → its message and code; anything else → one line, code 2. */
export async function guard(io: CliIo, lang: () => Lang, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof CliError) {
      say(io.stderr, e.message);
      return e.code;
    }
    // a slip of ours (TypeError, RangeError …) is no message for a user: say so, keep the
    // details for whoever runs it with OKR_DEBUG=1; a system error (ENOENT, EACCES) is one
    const internal = e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || e instanceof SyntaxError;
    if (internal && (io.env ?? process.env).OKR_DEBUG) say(io.stderr, e.stack ?? e.message);
    const why = internal ? t(lang(), MSG.internal) : e instanceof Error ? e.message.split('\n')[0]! : String(e);
    say(io.stderr, t(lang(), MSG.unexpected, { why }));
    return 2;
  }
}

/**
 * The shape shared by `lint`, `score` and `review`: its options, `--help`, and exactly one
 * workbook argument; `body` gets the language, the parsed arguments and the file.
 */
export function runFileCommand(
  args: readonly string[],
  io: CliIo,
  spec: Parameters<typeof parseArgs>[1],
  usage: Localized,
  body: (c: { lang: Lang; a: ParsedArgs; file: string; setLang: (l: Lang) => void }) => Promise<number>,
): Promise<number> {
  let lang = envLang(io);
  return guard(io, () => lang, async () => {
    const a = parseArgs(args, { ...spec, flags: [...(spec.flags ?? []), 'help'], aliases: { h: 'help', ...spec.aliases } }, io);
    lang = a.lang;
    if (a.flags.has('help')) {
      say(io.stdout, t(lang, usage));
      return 0;
    }
    const [file, extra] = a.positional;
    if (!file) throw new CliError(`${t(lang, MSG.missingArg, { what: 'file.xlsx' })}\n${t(lang, usage)}`);
    if (extra) throw new CliError(t(lang, MSG.extraArg, { arg: extra }));
    // setLang: once the workbook is read its language may decide (errors after that use it too)
    return body({ lang, a, file, setLang: (l) => (lang = l) });
  });
}

/** Language of the parsed args when parsing got that far, else from the environment. */
export function envLang(io: CliIo): Lang {
  const env = io.env ?? process.env;
  return localeLang(env);
}

export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** padEnd by display width. */
export const padDisplay = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
