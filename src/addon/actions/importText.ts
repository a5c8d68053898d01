/**
 * Import: OKRs pasted as text → table rows (design §3 "KR text parsing").
 *
 *   O: Delight our customers            目标(O)：提升客户满意度        Objective 2 - …
 *   KR1: Raise NPS from 45 to 60        KR1：NPS 由 45 提升到 60       关键结果2：…   - bullet KR
 *
 * The text is read by `parseOkrText` (src/core/importtext.ts; each KR by `parseKrText`).
 *
 * `previewImport` only parses (nothing is written); `writeImport` writes the same rows either as
 * a NEW OKR sheet (the full template layout: formulas, validations, formats) or appended below
 * the last row of an existing OKR table — only into blank rows, never over user data. IDs are
 * renumbered after the sheet's existing objectives. All user text is escaped against formula
 * injection.
 */
import type { Lang, Localized } from '../../core/i18n';
import { fmt } from '../../core/i18n';
import { escapeCellText } from '../../core/escape';
import { KR_PARSE_ERRORS } from '../../core/krtext';
import { parseOkrText } from '../../core/importtext';
import { ROW_TYPE_LABELS, label } from '../../core/labels';
import type { ColumnKey, RowType } from '../../core/model';
import { cycleDates } from '../../core/pace';
import { buildOkrSheetPlanFromRows, defaultOkrSheetName, type OkrSheetRow } from '../../core/plan/okrSheet';
import { applyWorkbookPlan, isoToDate } from '../../sheets/applyPlan';
import type { SheetsContext } from '../../sheets/context';
import { OkrError } from '../../sheets/errors';
import type { ImportPreview, ImportResult, ImportRow } from '../rpc/contract';
import { findSheet, readSheetTable } from './check';

export const IMPORT_MESSAGES = {
  keptAside: { 'zh-CN': '未作为目标或关键结果导入：{text}', en: 'Not imported as an objective or key result: {text}' },
  parse: { 'zh-CN': '未能读出数字：{why}', en: 'No number read: {why}' },
  placeholder: { 'zh-CN': '含占位符（xx），请补全', en: 'Has a placeholder (xx) to fill in' },
  nothing: {
    'zh-CN': '没有识别出目标或关键结果。请按“目标(O)：…”“KR1：…”的格式每行一条。',
    en: 'No objectives or key results were recognised. Write one per line: "O: …", "KR1: …".',
  },
  untitled: { 'zh-CN': '（未命名目标）', en: '(untitled objective)' },
  noRoom: {
    'zh-CN': '“{sheet}”的表格下方没有足够的空行（需要 {rows} 行），为避免覆盖数据未写入。',
    en: 'There are not enough blank rows below the table on "{sheet}" ({rows} needed); nothing was written so no data is overwritten.',
  },
  importedUnit: { 'zh-CN': '导入', en: 'Imported' },
} satisfies Record<string, Localized>;

// ─── parsing (src/core/importtext.ts) ───────────────────────────────────────────────────────

interface ImportedRow {
  oNum: number;
  krNum: number; // 0 = the objective row
  type: RowType;
  title: string;
  owner: string;
  start: number | null;
  target: number | null;
  unit: string;
  due: string | null;
  notes: string;
  warnings: Localized[];
}

function toRows(text: string, lang: Lang): { rows: ImportedRow[]; problems: string[] } {
  const parsed = parseOkrText(text);
  const rows: ImportedRow[] = [];
  const problems = parsed.notes.map((n) => fmt(IMPORT_MESSAGES.keptAside, lang, { text: n.length > 80 ? `${n.slice(0, 80)}…` : n }));
  parsed.objectives.forEach((o, i) => {
    rows.push({
      oNum: i + 1,
      krNum: 0,
      type: 'objective',
      title: o.title || IMPORT_MESSAGES.untitled[lang],
      owner: o.owner ?? '',
      start: null,
      target: null,
      unit: '',
      due: null,
      notes: o.notes.join('\n'),
      warnings: [],
    });
    o.keyResults.forEach((kr, k) => {
      const p = kr.parsed;
      const warnings: Localized[] = [];
      if (p.error) {
        const why = KR_PARSE_ERRORS[p.error];
        warnings.push({ 'zh-CN': fmt(IMPORT_MESSAGES.parse, 'zh-CN', { why: why['zh-CN'] }), en: fmt(IMPORT_MESSAGES.parse, 'en', { why: why.en }) });
      }
      if (p.placeholder) warnings.push(IMPORT_MESSAGES.placeholder);
      rows.push({
        oNum: i + 1,
        krNum: k + 1,
        type: p.krType ?? 'increase',
        title: kr.title,
        owner: kr.owner ?? '',
        start: p.start,
        target: p.target,
        unit: p.unit ?? '',
        due: p.deadline && /^\d{4}-\d{2}-\d{2}$/.test(p.deadline) ? p.deadline : null,
        notes: '',
        warnings,
      });
    });
  });
  return { rows, problems };
}

const rowId = (r: ImportedRow, oOffset: number) => (r.krNum === 0 ? `O${r.oNum + oOffset}` : `O${r.oNum + oOffset}.KR${r.krNum}`);

export function previewImport(ctx: SheetsContext, p: { text: string }): ImportPreview {
  const { rows, problems } = toRows(p.text, ctx.lang);
  return {
    rows: rows.map(
      (r): ImportRow => ({
        id: rowId(r, 0),
        type: r.type,
        title: r.title,
        start: r.start,
        target: r.target,
        unit: r.unit,
        notes: r.warnings.map((n) => n[ctx.lang]),
      }),
    ),
    problems,
  };
}

// ─── writing ────────────────────────────────────────────────────────────────────────────────

function currentQuarter(d = new Date()): string {
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

export interface WriteImportPayload {
  text: string;
  mode: 'newSheet' | 'append';
  sheet?: string | undefined;
  lang: Lang;
  cycle?: string | undefined;
  unit?: string | undefined;
}

export function writeImport(ctx: SheetsContext, p: WriteImportPayload): ImportResult {
  const { rows } = toRows(p.text, p.lang);
  if (rows.length === 0) throw new OkrError('invalidInput', IMPORT_MESSAGES.nothing);
  return p.mode === 'append' ? appendRows(ctx, p.sheet, rows) : newSheet(ctx, p, rows);
}

function newSheet(ctx: SheetsContext, p: WriteImportPayload, rows: ImportedRow[]): ImportResult {
  const cycle = (p.cycle ?? '').trim() || currentQuarter();
  const dates = cycleDates(cycle);
  const unit = (p.unit ?? '').trim();
  const plan = buildOkrSheetPlanFromRows({
    lang: p.lang,
    header: {
      unit,
      level: null,
      owner: '',
      cycle,
      cycleStart: dates?.start ?? null,
      cycleEnd: dates?.end ?? null,
      alignedTo: '',
    },
    sheetName: defaultOkrSheetName(unit || IMPORT_MESSAGES.importedUnit[p.lang], cycle, p.lang),
    rows: rows.map(
      (r): OkrSheetRow => ({
        id: rowId(r, 0),
        type: r.type,
        title: r.title, // the plan builder escapes user text
        owner: r.owner,
        notes: r.notes,
        start: r.start,
        target: r.target,
        unit: r.unit,
        due: r.due,
        ...(r.unit === '%' ? { valueFormat: '0%' } : {}),
      }),
    ),
  });
  const names = applyWorkbookPlan(ctx, { sheets: [plan] }, { uniqueNames: true });
  const name = names[0] ?? plan.name;
  const sheet = ctx.ss.getSheetByName(name);
  if (sheet) ctx.ss.setActiveSheet(sheet);
  return { sheet: name, rows: rows.length, mode: 'newSheet' };
}

/** Input columns the import fills; the others (formulas, owner …) are left as they are. */
const FILLED: ColumnKey[] = ['id', 'type', 'title', 'owner', 'start', 'target', 'unit', 'due', 'notes'];

function appendRows(ctx: SheetsContext, sheetName: string | undefined, rows: ImportedRow[]): ImportResult {
  const sheet = findSheet(ctx, sheetName);
  const name = sheet.getName();
  const read = readSheetTable(ctx, sheet);
  const lang = read.table.lang;
  const oOffset = read.table.rows.reduce((m, r) => {
    const n = /^O(\d+)$/i.exec(r.id.trim());
    return n ? Math.max(m, Number(n[1])) : m;
  }, 0);

  const cols = FILLED.map((k) => read.columns[k]).filter((c): c is number => c !== undefined);
  const c0 = Math.min(...cols);
  const c1 = Math.max(...cols);
  const lastTableRow = read.rowIndexes.length > 0 ? Math.max(...read.rowIndexes) : read.headerRow;
  const first = lastTableRow + 1; // 0-based sheet row
  const n = rows.length;

  // The block must be blank in the columns we write (spare template rows hold formulas and
  // unticked checkboxes only); whatever else is there (formulas, checkboxes) is kept as is.
  const width = c1 - c0 + 1;
  const maxRows = sheet.getMaxRows();
  if (first + n > maxRows) sheet.insertRowsAfter(maxRows, first + n - maxRows);
  const target = sheet.getRange(first + 1, c0 + 1, n, width);
  const inUse = first < sheet.getLastRow();
  const existing = inUse ? target.getValues() : null;
  const formulas = inUse ? target.getFormulas() : null;
  const keyAt = new Map<number, ColumnKey>();
  for (const k of Object.keys(read.columns) as ColumnKey[]) keyAt.set(read.columns[k]!, k);
  if (existing) {
    const busy = existing.some((line, i) =>
      line.some((v, j) => FILLED.includes(keyAt.get(c0 + j)!) && v !== '' && v !== null && !formulas?.[i]?.[j]),
    );
    if (busy) throw new OkrError('conflict', IMPORT_MESSAGES.noRoom, { sheet: name, rows: n });
  }
  const block: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const line: unknown[] = [];
    for (let c = c0; c <= c1; c++) {
      const key = keyAt.get(c);
      const formula = formulas?.[i]?.[c - c0];
      if (formula) {
        line.push(formula); // a formula already in this spare row stays
        continue;
      }
      switch (key) {
        case 'id':
          line.push(rowId(r, oOffset));
          break;
        case 'type':
          line.push(label(ROW_TYPE_LABELS[r.type], lang));
          break;
        case 'title':
          line.push(escapeCellText(r.title));
          break;
        case 'start':
          line.push(r.start ?? '');
          break;
        case 'target':
          line.push(r.target ?? '');
          break;
        case 'unit':
          line.push(escapeCellText(r.unit));
          break;
        case 'owner':
          line.push(escapeCellText(r.owner));
          break;
        case 'due':
          line.push(r.due ? isoToDate(r.due) : '');
          break;
        case 'notes':
          line.push(escapeCellText(r.notes));
          break;
        default:
          line.push(existing?.[i]?.[c - c0] ?? '');
      }
    }
    block.push(line);
  }
  target.setValues(block);
  ctx.ss.setActiveSheet(sheet);
  return { sheet: name, rows: n, mode: 'append' };
}
