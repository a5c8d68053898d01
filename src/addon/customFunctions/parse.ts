/**
 * OKRPARSE body: core's KR sentence parser (src/core/krtext.ts), one output row per input row:
 * kind, direction, start, target, unit, deadline.
 * - A multi-column row is read from its first non-blank cell.
 * - direction: the stated movement (Increase / Decrease); for a threshold KR with no movement,
 *   the KR type (At least / At most); blank for a milestone.
 * - deadline: as core gives it (`2026-12-15`, `12-15` without a year, `end-of-quarter`…).
 * - Labels follow `language`, else the sentence's own language (any Chinese character → zh-CN).
 * - A sentence with nothing measurable gets the reason in its first cell (a single cell throws).
 */
import type { Lang, Localized } from '../../core/i18n';
import { KR_PARSE_ERRORS, parseKrText } from '../../core/krtext';
import { ROW_TYPE_LABELS, label } from '../../core/labels';
import { CellProblem, CfError, finish, guard, isBlank, isRange, message, readLang, toGrid } from './args';

const KIND: Record<'metric' | 'milestone', Localized> = {
  metric: { en: 'Metric', 'zh-CN': '指标' },
  milestone: { en: 'Milestone', 'zh-CN': '里程碑' },
};

export const PARSE_COLUMNS = 6;
const CJK = /[\u3400-\u9fff]/;

function okrParse(text: unknown, language?: unknown): unknown {
  const FN = 'OKRPARSE';
  const fixed = isBlank(language) ? null : readLang(FN, language, 'en');
  const out: unknown[][] = [];
  for (const row of toGrid(text)) {
    const cell = row.find((c) => !isBlank(c));
    if (cell === undefined) {
      out.push(['', '', '', '', '', '']);
      continue;
    }
    const lang: Lang = fixed ?? (typeof cell === 'string' && CJK.test(cell) ? 'zh-CN' : 'en');
    const p = parseKrText(cell);
    if (p.kind === null) {
      const why = KR_PARSE_ERRORS[p.error ?? 'noMeasure'];
      out.push([new CellProblem(message(FN, why)), '', '', '', '', '']);
      continue;
    }
    const dirKey = p.direction ?? (p.krType === 'atLeast' || p.krType === 'atMost' ? p.krType : null);
    out.push([
      KIND[p.kind][lang],
      dirKey && p.kind === 'metric' ? label(ROW_TYPE_LABELS[dirKey], lang) : '',
      p.start ?? '',
      p.target ?? '',
      p.unit ?? '',
      p.deadline ?? '',
    ]);
  }
  if (!isRange(text)) {
    const only = out[0]!;
    if (only[0] instanceof CellProblem) throw new CfError(only[0].text);
  }
  return finish(true, out);
}

/**
 * Parses key-result sentences in Chinese or English, one result row per input row: kind, direction, start, target, unit, deadline.
 * Example: "将采购周期由 1.5 天缩短至 1 天" gives metric, decrease, 1.5, 1, 天. Percentages become fractions, 万/亿/k/M are applied, Chinese numerals count.
 *
 * @param {string[][]} text A key-result sentence or a column of them.
 * @param {string} language Optional. "en" or "zh-CN" for the kind and direction labels; default: the language of each sentence.
 * @return {string[][]} Per row: kind, direction, start, target, unit, deadline (ISO date).
 * @customfunction
 */
export function OKRPARSE(text: unknown, language?: unknown): unknown {
  return guard('OKRPARSE', () => okrParse(text, language));
}
