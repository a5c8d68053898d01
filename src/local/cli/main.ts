/**
 * The CLI dispatcher: `okr-sheets <command> [args]` (bin/okr-sheets.mjs bundles and runs this).
 *
 * A command is a module `src/local/cli/<command>.ts` exporting
 *   `run(args: string[], io: CliIo): Promise<number>`   (the exit code)
 * and registered in COMMANDS below: name, a lazy `load: () => import('./<command>')` (the bin
 * bundles with code splitting, so `parse` never loads exceljs), and a one-line summary in both
 * languages. Commands write only through `io`, so tests run them in-process.
 * Exit codes: 0 ok, 1 the command found problems or failed, 2 bad usage / unreadable input.
 */
import { fmt, isLang, type Lang, type Localized } from '../../core/i18n';
import { localeLang } from '../../core/lang';

export interface CliIo {
  /** The whole of standard input, as text. */
  stdin: () => Promise<string>;
  /** Writes exactly `s` (commands add their own newlines). */
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Base directory of relative paths (default process.cwd()). */
  cwd?: string;
  /** Environment for LANG / LC_ALL (default process.env). */
  env?: Record<string, string | undefined>;
}

export type CommandRun = (args: string[], io: CliIo) => Promise<number>;

interface Command {
  load: () => Promise<{ run: CommandRun }>;
  summary: Localized;
}

export const COMMANDS: Record<string, Command> = {
  parse: {
    load: () => import('./parse'),
    summary: { 'zh-CN': '解析关键结果句子（每行一条，读标准输入），输出 JSON', en: 'parse KR sentences (one per line on stdin) into JSON' },
  },
  import: {
    load: () => import('./import'),
    summary: { 'zh-CN': '导入粘贴的 OKR 文本：--json 输出结构，-o 文件.xlsx 生成工作簿', en: 'import pasted OKR text: --json prints it, -o file.xlsx writes a workbook' },
  },
  lint: {
    load: () => import('./lint'),
    summary: { 'zh-CN': '检查 .xlsx 中的 OKR 表', en: 'check the OKR tables of an .xlsx file' },
  },
  score: {
    load: () => import('./score'),
    summary: { 'zh-CN': '计算 .xlsx 中 OKR 的进度与得分', en: 'compute progress and scores of an .xlsx file' },
  },
  templates: {
    load: () => import('./templates'),
    summary: { 'zh-CN': '列出部门模板与角色', en: 'list the department templates and roles' },
  },
  template: {
    load: () => import('./template'),
    summary: { 'zh-CN': '由部门模板生成 .xlsx 工作簿：template <部门> -o 文件.xlsx', en: 'write an .xlsx workbook from a department template: template <dept> -o file.xlsx' },
  },
  setup: {
    load: () => import('./setup'),
    summary: { 'zh-CN': '由组织名单（CSV）生成全员 OKR 工作簿：setup 名单.csv -o 文件.xlsx', en: 'write the OKR workbook of a whole roster (CSV): setup roster.csv -o file.xlsx' },
  },
  review: {
    load: () => import('./review'),
    summary: { 'zh-CN': '生成复盘', en: 'generate a review (复盘)' },
  },
  distribute: {
    load: () => import('./distribute'),
    summary: { 'zh-CN': '按组织名单给每个单元生成一个 OKR 文件，外加中枢 hub.xlsx：distribute 名单.csv --out-dir 目录', en: 'one OKR file per roster unit plus the hub: distribute roster.csv --out-dir DIR' },
  },
  remind: {
    load: () => import('./remind'),
    summary: { 'zh-CN': '预览提醒：每位负责人与管理者会收到的消息（不发送）：remind 文件.xlsx [--json]', en: 'preview reminders: the message each owner and manager would get (never sent): remind file.xlsx [--json]' },
  },
  report: {
    load: () => import('./report'),
    summary: { 'zh-CN': '由进展更新生成周报 / 月报：report 文件.xlsx --week 2026-W48 | --month 2026-11 [-o 报告.md]', en: 'weekly / monthly report from the check-in log: report file.xlsx --week 2026-W48 | --month 2026-11 [-o report.md]' },
  },
  'next-cycle': {
    load: () => import('./next-cycle'),
    summary: { 'zh-CN': '带入下一周期：next-cycle 文件.xlsx -o 新文件.xlsx [--cycle 2027-Q1] [--drop-done]', en: 'carry OKRs over to the next cycle: next-cycle file.xlsx -o out.xlsx [--cycle 2027-Q1] [--drop-done]' },
  },
  collect: {
    load: () => import('./collect'),
    summary: { 'zh-CN': '收集各单元文件的进度与得分到中枢：collect 目录/hub.xlsx', en: 'collect every unit file\'s progress and scores into the hub: collect DIR/hub.xlsx' },
  },
  evaluation: {
    load: () => import('./evaluation'),
    summary: { 'zh-CN': '由组织名单生成本周期的 360 评估表（自评、互评、上级评、上上级评）：evaluation 名单.csv -o 360评估.xlsx', en: 'the 360 evaluation sheet of a cycle from the roster (self, peers, manager, skip-level): evaluation roster.csv -o eval.xlsx' },
  },
};

const TEXT = {
  usage: { 'zh-CN': '用法：okr-sheets <命令> [参数]    （okr-sheets <命令> --help 查看命令说明）', en: 'Usage: okr-sheets <command> [args]    (okr-sheets <command> --help for details)' },
  commands: { 'zh-CN': '命令：', en: 'Commands:' },
  unknown: { 'zh-CN': '未知命令：{name}', en: 'Unknown command: {name}' },
  failed: { 'zh-CN': '出错了：{why}', en: 'Something went wrong: {why}' },
} satisfies Record<string, Localized>;

/** The language of messages: `--lang` in args, else LC_ALL / LC_MESSAGES / LANG (zh… → zh-CN), else en. */
export function cliLang(io: Pick<CliIo, 'env'>, args: readonly string[] = []): Lang {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v !== undefined && isLang(v)) return v;
  }
  const env = io.env ?? (typeof process !== 'undefined' ? process.env : {});
  return localeLang(env);
}

export function usage(lang: Lang): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary[lang]}`);
  return `${TEXT.usage[lang]}\n${TEXT.commands[lang]}\n${lines.join('\n')}\n`;
}

/** Runs one command line; returns the exit code. Never throws. */
export async function main(args: string[], io: CliIo): Promise<number> {
  const lang = cliLang(io, args);
  // `--lang X` may come before the command too (okr-sheets --lang en lint f.xlsx): it is handed
  // to the command first, which reads it like any of its own options.
  const global: string[] = [];
  let at = 0;
  while (at < args.length && (args[at] === '--lang' || args[at]!.startsWith('--lang='))) {
    const n = args[at] === '--lang' ? 2 : 1;
    global.push(...args.slice(at, at + n));
    at += n;
  }
  const [name, ...afterName] = args.slice(at);
  const rest = [...global, ...afterName];
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage(lang));
    return name === undefined ? 2 : 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`${fmt(TEXT.unknown, lang, { name })}\n${usage(lang)}`);
    return 2;
  }
  try {
    const { run } = await command.load();
    return await run(rest, io);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    io.stderr(fmt(TEXT.failed, lang, { why }) + '\n');
    const env = io.env ?? process.env;
    if (env.OKR_DEBUG && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    return 1;
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer | string) => chunks.push(typeof c === 'string' ? Buffer.from(c) : c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

/** Entry point used by bin/okr-sheets.mjs: the real process streams. */
export async function cliMain(argv: string[] = process.argv.slice(2)): Promise<number> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  return main(argv, {
    stdin: readStdin,
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
  });
}
