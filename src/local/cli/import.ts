/**
 * `okr-sheets import [file | -] [--json] [--pretty]`: reads pasted OKR text (a file, or standard
 * input for `-` or no file) and prints its structure as JSON:
 *   {"objectives":[{"title":…,"owner":…,"notes":[…],"key_results":[{"title":…,<parse fields>,"owner":…}]}],"notes":[…]}
 * where <parse fields> are those of `okr-sheets parse`, in the same order. `--json` is the default
 * output. `-o file.xlsx [--cycle 2026-Q4] [--unit …] [--owner …] [--force]` writes a workbook
 * instead (src/local/xlsx/importText.ts).
 * Exit 0 ok, 2 bad usage or unreadable input.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fmt, type Lang, type Localized } from '../../core/i18n';
import { groupDigits, LIMITS } from '../../core/limits';
import { parseOkrText, type ImportedOkrs } from '../../core/importtext';
import { cliLang, type CliIo } from './main';
import { krJson } from './parse';
import { todayIso } from '../../core/dates';
import { krType } from '../../core/krtext';
import { chooseLang, contentLang } from '../../core/lang';
import { dueIn, importCycle } from '../../core/tasks/importText';
import { importToXlsx as importToXlsxFile } from '../xlsx/importText';
import { adoptFile, isSheetFile } from './importSheet';

const TEXT = {
  usage: {
    'zh-CN': '用法：okr-sheets import [文件.txt | 表格.xlsx | 表格.csv | -] [--json] [--pretty] [-o 输出.xlsx [--cycle 2026-Q4] [--unit 单元] [--owner 负责人] [--force]]',
    en: 'Usage: okr-sheets import [file.txt | sheet.xlsx | sheet.csv | -] [--json] [--pretty] [-o out.xlsx [--cycle 2026-Q4] [--unit name] [--owner name] [--force]]',
  },
  unknownOption: { 'zh-CN': '未知选项：{option}', en: 'Unknown option: {option}' },
  optionValue: { 'zh-CN': '选项 {option} 需要一个值', en: 'Option {option} needs a value' },
  extraArg: { 'zh-CN': '多余的参数：{arg}', en: 'Unexpected argument: {arg}' },
  notFound: { 'zh-CN': '找不到文件：{file}', en: 'File not found: {file}' },
  cannotRead: { 'zh-CN': '无法读取 {file}：{why}', en: 'Cannot read {file}: {why}' },
  tooLong: {
    'zh-CN': '文本有 {n} 个字符，超过 {limit} 个字符的上限',
    en: 'The text has {n} characters, more than the limit of {limit} characters',
  },
} satisfies Record<string, Localized>;

export interface ImportArgs {
  file: string | null; // null = stdin
  json: boolean;
  pretty: boolean;
  out: string | null;
  lang: Lang;
  /** Options of `-o`: the workbook's cycle, unit and owner; --force overwrites an existing file. */
  cycle?: string;
  unit?: string;
  owner?: string;
  force?: boolean;
}

/**
 * The JSON printed by `import --json`. Per KR: the `parse` fields; `type` the row will get (a Type
 * column of a pasted table, else the sentence's); `owner` (the KR's, else its objective's) and
 * `due` (a day inside the cycle, as the sheet will get it), where the text gives them.
 */
export function importJson(r: ImportedOkrs, opts: { cycle?: string; today?: string } = {}): unknown {
  const c = importCycle(r, { ...(opts.cycle ? { cycle: opts.cycle } : {}), today: opts.today ?? todayIso() });
  return {
    objectives: r.objectives.map((o) => ({
      title: o.title,
      owner: o.owner,
      notes: o.notes,
      key_results: o.keyResults.map((k) => ({
        title: k.title, ...krJson(k.parsed), type: k.type ?? krType(k.parsed), owner: k.owner ?? o.owner, due: dueIn(k.due, c.start, c.end),
      })),
    })),
    notes: r.notes,
    // the document's own header lines (`市场部 2026年Q4 OKR`, `负责人：刘洋`), when found
    ...(r.unit ? { unit: r.unit } : {}),
    ...(r.owner ? { owner: r.owner } : {}),
    ...(r.cycle ? { cycle: r.cycle } : {}),
  };
}

/** `import … -o file.xlsx`: writes the imported OKRs as a workbook (src/local/xlsx/importText.ts). */
export async function importToXlsx(imported: ImportedOkrs, a: ImportArgs & { out: string }, io: CliIo): Promise<number> {
  return importToXlsxFile(imported, a, io);
}

function parseImportArgs(args: string[], lang: Lang): ImportArgs | string {
  const a: ImportArgs = { file: null, json: false, pretty: false, out: null, lang };
  let fileSeen = false;
  for (let i = 0; i < args.length; i++) {
    const x = args[i]!;
    if (x === '--json') a.json = true;
    else if (x === '--pretty') a.pretty = true;
    else if (x === '--lang') i++;
    else if (x.startsWith('--lang=')) continue;
    else if (x === '--force') a.force = true;
    else if (x === '--cycle' || x === '--unit' || x === '--owner') {
      const v = args[++i];
      if (!v) return fmt(TEXT.optionValue, lang, { option: x });
      a[x.slice(2) as 'cycle' | 'unit' | 'owner'] = v;
    } else if (/^--(?:cycle|unit|owner)=/.test(x)) {
      const v = x.slice(x.indexOf('=') + 1);
      if (!v) return fmt(TEXT.optionValue, lang, { option: x });
      a[x.slice(2, x.indexOf('=')) as 'cycle' | 'unit' | 'owner'] = v;
    } else if (x === '-o' || x === '--output' || x === '--out') {
      const v = args[++i];
      if (!v) return fmt(TEXT.optionValue, lang, { option: x });
      a.out = v;
    } else if (x.startsWith('--output=') || x.startsWith('--out=')) {
      a.out = x.slice(x.indexOf('=') + 1);
      if (!a.out) return fmt(TEXT.optionValue, lang, { option: x });
    } else if (x.startsWith('-') && x !== '-') return fmt(TEXT.unknownOption, lang, { option: x });
    else if (fileSeen) return fmt(TEXT.extraArg, lang, { arg: x });
    else {
      fileSeen = true;
      a.file = x === '-' ? null : x;
    }
  }
  return a;
}

async function readText(file: string, io: CliIo, lang: Lang): Promise<string | { error: string }> {
  const path = isAbsolute(file) ? file : resolve(io.cwd ?? process.cwd(), file);
  try {
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: fmt(TEXT.notFound, lang, { file }) };
    return { error: fmt(TEXT.cannotRead, lang, { file, why: code ?? String(e) }) };
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const lang = cliLang(io, args);
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(TEXT.usage[lang] + '\n');
    return 0;
  }
  const a = parseImportArgs(args, lang);
  if (typeof a === 'string') {
    io.stderr(`${a}\n${TEXT.usage[lang]}\n`);
    return 2;
  }
  // a spreadsheet in the team's own layout: "adopt this sheet" (src/local/cli/importSheet.ts)
  if (isSheetFile(a.file)) {
    const adopted = await adoptFile(a.file, io, lang);
    if ('error' in adopted) {
      io.stderr(adopted.error + '\n');
      return 2;
    }
    io.stderr(`${adopted.sheet}: ${adopted.explanation[lang]}\n`);
    if (a.out !== null) return importToXlsx(adopted.imported, { ...a, out: a.out }, io);
    const json = { ...(importJson(adopted.imported, a.cycle ? { cycle: a.cycle } : {}) as object), mapping: adopted.mapping };
    io.stdout(JSON.stringify(json, null, a.pretty ? 2 : undefined) + '\n');
    return 0;
  }
  const text = a.file === null ? (await io.stdin()).replace(/^\uFEFF/, '') : await readText(a.file, io, lang);
  if (typeof text !== 'string') {
    io.stderr(text.error + '\n');
    return 2;
  }
  // bounded input (issue 11): pasted OKRs are a few KB; past the limit, say so instead of
  // spending minutes and gigabytes on it
  if (text.length > LIMITS.textChars) {
    io.stderr(fmt(TEXT.tooLong, lang, { n: groupDigits(text.length), limit: groupDigits(LIMITS.textChars) }) + '\n');
    return 2;
  }
  const imported = parseOkrText(text);
  // the workbook is written in --lang, else the text's own language, else the environment's
  const explicit = args.some((x) => x === '--lang' || x.startsWith('--lang=')) ? a.lang : null;
  const wbLang = chooseLang({ explicit, content: contentLang(text.slice(0, 100_000)), fallback: a.lang });
  if (a.out !== null) return importToXlsx(imported, { ...a, lang: wbLang, out: a.out }, io);
  io.stdout(JSON.stringify(importJson(imported, a.cycle ? { cycle: a.cycle } : {}), null, a.pretty ? 2 : undefined) + '\n');
  return 0;
}
