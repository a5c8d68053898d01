/**
 * OKRCHECK: lint findings of an OKR table, one row each.
 * Pure (no Apps Script globals): the same code runs in Sheets, in HyperFormula
 * (src/local/hfPlugin.ts) and in tests. Each custom function has its own module so that, in the
 * lazily initialised Apps Script bundle, a call loads only what that function needs.
 */
import type { Lang } from '../../core/i18n';
import { findingMessage, lintTable } from '../../core/lint';
import { a1For } from '../../core/table';
import { guard, readLang, sheetDates, toGrid } from './args';
import { M, SEVERITY } from './messages';
import { readTable } from './tables';


function okrCheck(table: unknown, language?: unknown): unknown[][] {
  const FN = 'OKRCHECK';
  const read = readTable(FN, toGrid(table), false);
  const lang: Lang = readLang(FN, language, read.table.lang);
  const out: unknown[][] = [];
  for (const p of read.problems) out.push([a1For(read, p.at) ?? '', 'table-read', SEVERITY.warning[lang], p.message[lang]]);
  for (const f of lintTable(read.table)) out.push([a1For(read, f.at) ?? '', f.rule, SEVERITY[f.severity][lang], findingMessage(f, lang)]);
  if (!out.length) out.push(['', '', '', M.noProblems[lang]]);
  return out;
}


/**
 * Checks an OKR table against the OKR rules (at most 5 objectives, 2–4 KRs each, measurable results not tasks, one owner, weights total 100%, …), one row per finding.
 *
 * @param {string[][]} table The whole OKR table including its header row (English or Chinese headers).
 * @param {string} language Optional. "en" or "zh-CN" for the messages; default: the table's language.
 * @return {string[][]} Per finding: cell (counted from the range's top-left cell as A1), rule id, severity, message.
 * @customfunction
 */
export function OKRCHECK(table: unknown, language?: unknown): unknown[][] {
  return guard('OKRCHECK', () => okrCheck(sheetDates(table), language));
}
