/**
 * OKR text import: turns OKRs people already have — chat messages, wiki pages, Markdown files,
 * Feishu/Word documents, pasted tables — into objectives and key results, each KR parsed by
 * `parseKrText`. The pieces live in src/core/import/:
 * - lines.ts reads each line once (indent, heading, bold, list marker and depth, table cells);
 * - classify.ts reads its words (`O1:`, `KR2：`, section words, owner / score / description
 *   lines, titles such as `2026 年 Q1 团队目标`);
 * - docHeader.ts takes the unit, owner and cycle from the document's header lines;
 * - table.ts / columns.ts map a Markdown or tab-separated table's columns by meaning;
 * - structure.ts + build.ts choose the structure from the whole document (labels when objectives
 *   are labelled; else the markup form — `##` headings, bold lines, `一、`, outermost list items —
 *   whose reading finds the most measurable KRs) and explain it, with the alternatives the user
 *   can switch to (`{ objectiveLevel }`).
 *
 * Accepted forms (tested in test/core/importtext.test.ts and the corpus in test/import/):
 * - Objectives: `O1: …`, `O: …`, `目标1：…`, `目标一：…`, `目标(O)：…`, `目标 2（O2）：…`, `【O1】…`,
 *   `Objective 1 - …`, `Objective: …`, markdown headings (`## O1 …`), each possibly behind a
 *   bullet or number; or, without labels, the lines of the chosen form.
 * - Key results: `KR1: …`, `KR: …`, `O1.KR2: …`, `关键结果1：…`, `Key result 2: …`, or list items
 *   (`- `, `* `, `• `, emoji, `1.`, `1)`, `（1）`, `①`, `a.`) under an objective whose KRs are not
 *   labelled. A plain short line under such an objective becomes a KR only when it reads as
 *   measurable. Items nested deeper than a KR are that KR's notes.
 * - Tables: a header row naming objective / KR columns (either language) maps every column by
 *   meaning; rows copied from our own sheet (`O1.KR2<TAB>type<TAB>title…`) are read by their ID.
 * - Owners: `负责人：张三` / `Owner: Alice` / `@Alice` on the line after a KR or objective;
 *   `（负责人：张三）`, `- owner: Alice`, `— @Alice`, `- 刘洋` at the end of a title.
 * - Everything else — intro prose, section titles, scoring (`评分：0.7`), status, descriptions,
 *   links — is kept verbatim (trimmed) in `notes`; blank lines, horizontal rules and bare section
 *   words (`关键结果（KR）`, `Key results:`) are dropped.
 * Full-width and half-width punctuation are equivalent. Never throws; input over
 * MAX_IMPORT_CHARS is refused with `error.code = 'tooLarge'`.
 */
import type { Localized } from './i18n';
import { withKrCache } from './import/krItem';
import { chooseStructure, readDocument } from './import/structure';
import type { ImportedOkrs, ImportErrorCode, ImportOptions } from './import/types';

export type {
  ImportedKr,
  ImportedObjective,
  ImportedOkrs,
  ImportedValues,
  ImportError,
  ImportErrorCode,
  ImportOptions,
  ObjectiveLevel,
  StructureChoice,
  StructureOption,
} from './import/types';
export { adoptFromSnapshot, adoptSheet, type AdoptInput, type AdoptResult } from './import/adoptSheet';
export { readOkrTable, type ColumnMapping, type TableRead } from './import/table';

/** About 2 MB of text (a 300-page document); reading stays linear below it. */
export const MAX_IMPORT_CHARS = 2_000_000;

export const IMPORT_ERRORS: Record<ImportErrorCode, Localized> = {
  notText: { 'zh-CN': '导入的内容不是文本', en: 'The import is not text' },
  empty: { 'zh-CN': '没有可导入的文字', en: 'There is no text to import' },
  tooLarge: {
    'zh-CN': '文本太长：{chars} 个字符，上限 {limit} 个字符。请分批粘贴。',
    en: 'The text is too long: {chars} characters; the limit is {limit}. Paste it in parts.',
  },
  noOkrs: {
    'zh-CN':
      '没有找到 OKR。找过：标有 O1 / 目标 / Objective 的行和标有 KR / 关键结果 的行；标题或加粗行下的列表项；“一、”“1.”“①”编号；带“目标 / 关键结果 / KR”表头的表格。',
    en: 'No OKRs found. Looked for lines labelled O1 / Objective / 目标 and KR / Key result / 关键结果; list items under headings or bold lines; numbered items (1. 一、 ①); tables with an Objective / Key result / KR header.',
  },
};

function fail(code: ImportErrorCode, params: Record<string, string> = {}): ImportedOkrs {
  const m = IMPORT_ERRORS[code];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (w, k: string) => params[k] ?? w);
  return { objectives: [], notes: [], error: { code, message: { 'zh-CN': fill(m['zh-CN']), en: fill(m.en) } } };
}

/** Parses pasted OKR text; see the module comment. Never throws. */
export function parseOkrText(text: unknown, options: ImportOptions = {}): ImportedOkrs {
  if (typeof text !== 'string') return fail('notText');
  if (text.length > MAX_IMPORT_CHARS) {
    return fail('tooLarge', { chars: text.length.toLocaleString('en-US'), limit: MAX_IMPORT_CHARS.toLocaleString('en-US') });
  }
  if (!text.trim()) return fail('empty');
  try {
    const { read, chosen } = withKrCache(() => {
      const read = readDocument(text);
      return { read, chosen: chooseStructure(read.doc, options) };
    });
    const out: ImportedOkrs = {
      ...chosen.result,
      unit: read.unit,
      owner: read.owner,
      cycle: read.cycle,
      structure: { ...chosen.option, alternatives: chosen.alternatives },
    };
    if (!out.objectives.length) out.error = fail('noOkrs').error;
    return out;
  } catch {
    // Defensive: a parser bug must not break the sidebar; say nothing was found.
    return fail('noOkrs');
  }
}
