/**
 * "Adopt this sheet": a team's own OKR spreadsheet (any layout readOkrTable knows: Google's
 * grading-sheet style, one row per KR with the objective repeated / merged / blank below its
 * first row, objective and KR rows interleaved, zh or en headers) → the column mapping and the
 * objectives with their KRs, ready for the import task to plan our OKR sheet. Pure: the source
 * values are only read.
 */
import type { Lang, Localized } from '../i18n';
import { fmt } from '../i18n';
import type { WorkbookSnapshot } from '../snapshot';
import { ROLE_NAMES } from './columns';
import { readOkrTable, type ColumnMapping } from './table';
import type { ImportedObjective } from './types';

export interface AdoptInput {
  values: readonly (readonly unknown[])[];
  /** The sheet's formulas, same shape (`=…` or blank); a formula cell is kept as its value with a note. */
  formulas?: readonly (readonly unknown[])[];
  lang?: Lang;
  cycle?: string | null;
}

export type AdoptResult =
  | {
      ok: true;
      headerRow: number;
      mapping: ColumnMapping[];
      /** "Objective ← column A (目标); Key result ← column B (KR) …", for the preview. */
      explanation: Localized;
      objectives: ImportedObjective[];
      notes: string[];
    }
  | { ok: false; message: Localized };

export const ADOPT_TEXT = {
  noTable: {
    'zh-CN': '没有找到 OKR 表格（在前 {rows} 行里找过表头：目标 / Objective、关键结果 / KR / Key result，另需至少一列负责人、目标值、权重、截止日期、评分等）',
    en: 'No OKR table found (looked in the first {rows} rows for a header naming Objective / 目标 and Key result / KR / 关键结果, plus at least one more column such as owner, target, weight, due or score)',
  },
  noRows: {
    'zh-CN': '找到了表头（第 {row} 行），但下面没有目标或关键结果',
    en: 'Found the header (row {row}) but no objectives or key results below it',
  },
  column: { 'zh-CN': '{role} ← {letter} 列（{header}）', en: '{role} ← column {letter} ({header})' },
  unmapped: { 'zh-CN': '其他列作为备注保留：{list}', en: 'other columns kept as notes: {list}' },
} satisfies Record<string, Localized>;

function letter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function explainMapping(mapping: ColumnMapping[]): Localized {
  const one = (lang: Lang) => {
    const mapped = mapping
      .filter((m) => m.role)
      .map((m) => fmt(ADOPT_TEXT.column, lang, { role: ROLE_NAMES[m.role!][lang], letter: letter(m.column), header: m.header }));
    const rest = mapping.filter((m) => !m.role && m.header).map((m) => m.header);
    if (rest.length) mapped.push(fmt(ADOPT_TEXT.unmapped, lang, { list: rest.join(lang === 'en' ? ', ' : '、') }));
    return mapped.join(lang === 'en' ? '; ' : '；');
  };
  return { 'zh-CN': one('zh-CN'), en: one('en') };
}

export function adoptSheet(input: AdoptInput): AdoptResult {
  const scanRows = 20;
  const read = readOkrTable(input.values, { formulas: input.formulas, lang: input.lang, cycle: input.cycle, scanRows });
  if (!read) {
    const rows = String(Math.min(scanRows, input.values.length));
    return { ok: false, message: { 'zh-CN': fmt(ADOPT_TEXT.noTable, 'zh-CN', { rows }), en: fmt(ADOPT_TEXT.noTable, 'en', { rows }) } };
  }
  const objectives = [...read.objectives];
  if (read.looseKrs.length) objectives.unshift({ title: '', owner: null, notes: [], keyResults: read.looseKrs });
  if (!objectives.length) {
    const row = String(read.headerRow + 1);
    return { ok: false, message: { 'zh-CN': fmt(ADOPT_TEXT.noRows, 'zh-CN', { row }), en: fmt(ADOPT_TEXT.noRows, 'en', { row }) } };
  }
  return { ok: true, headerRow: read.headerRow, mapping: read.mapping, explanation: explainMapping(read.mapping), objectives, notes: read.notes };
}

/**
 * "Adopt this sheet" from a workbook snapshot (the sidebar, on any sheet): the named sheet, else
 * the open one, else the first user sheet (no role metadata of ours) that holds an OKR table.
 * Our own OKR sheets are not adopted (they are already ours).
 */
export function adoptFromSnapshot(
  snapshot: WorkbookSnapshot,
  opts: { sheet?: string; lang?: Lang; cycle?: string | null } = {},
): AdoptResult & { sheet: string | null } {
  const named = opts.sheet ?? snapshot.activeSheet;
  const candidates = snapshot.sheets.filter((s) => !s.skipped && s.metaRole === null && (!named || s.name === named));
  let first: AdoptResult | null = null;
  for (const s of candidates) {
    const r = adoptSheet({ values: s.values, ...(s.formulas ? { formulas: s.formulas } : {}), lang: opts.lang, cycle: opts.cycle });
    if (r.ok) return { ...r, sheet: s.name };
    first ??= r;
  }
  return { ...(first ?? adoptSheet({ values: [] })), sheet: null };
}
