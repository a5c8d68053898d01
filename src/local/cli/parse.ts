/**
 * `okr-sheets parse [sentence …]`: parses KR sentences — the arguments, or else one per line on
 * standard input — and prints one JSON object per sentence, keys in this order:
 * kind, direction, start, target, unit, relative, deadline, placeholder, type (+ error when kind is
 * null). `type` is the KR type the row gets in the sheet (`krType` in core/krtext): increase,
 * decrease, atLeast, atMost, milestone, or null.
 * Blank lines are skipped. Exit 0 (even for sentences that cannot be parsed: they carry `error`),
 * 2 for bad usage.
 */
import { fmt, type Localized } from '../../core/i18n';
import { krType, parseKrText, type ParsedKr } from '../../core/krtext';
import type { KrType } from '../../core/model';
import { cliLang, type CliIo } from './main';

const TEXT = {
  usage: {
    'zh-CN': '用法：okr-sheets parse [句子 …]    （不给句子时从标准输入读取，每行一条）',
    en: 'Usage: okr-sheets parse [sentence …]    (without sentences, reads one per line from stdin)',
  },
  unknownOption: { 'zh-CN': '未知选项：{option}', en: 'Unknown option: {option}' },
} satisfies Record<string, Localized>;

export interface KrJson {
  kind: ParsedKr['kind'];
  direction: ParsedKr['direction'];
  start: number | null;
  target: number | null;
  unit: string | null;
  relative: boolean;
  deadline: string | null;
  placeholder: boolean;
  type: KrType | null;
  error?: string;
}

/** The printed form of a parsed KR, keys in the documented order. */
export function krJson(p: ParsedKr): KrJson {
  const o: KrJson = {
    kind: p.kind,
    direction: p.direction,
    start: p.start,
    target: p.target,
    unit: p.unit,
    relative: p.relative,
    deadline: p.deadline,
    placeholder: p.placeholder,
    type: krType(p),
  };
  if (p.error !== undefined) o.error = p.error;
  return o;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const lang = cliLang(io, args);
  const sentences: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-h') {
      io.stdout(TEXT.usage[lang] + '\n');
      return 0;
    }
    if (a === '--lang') {
      i++;
      continue;
    }
    if (a.startsWith('--lang=')) continue;
    if (a === '--') {
      sentences.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      io.stderr(`${fmt(TEXT.unknownOption, lang, { option: a })}\n${TEXT.usage[lang]}\n`);
      return 2;
    }
    sentences.push(a);
  }
  const lines = sentences.length > 0 ? sentences : (await io.stdin()).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let out = '';
  for (const line of lines) {
    if (!line.trim()) continue;
    out += JSON.stringify(krJson(parseKrText(line))) + '\n';
  }
  io.stdout(out);
  return 0;
}
