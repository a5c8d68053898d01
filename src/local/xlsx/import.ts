/**
 * .xlsx → WorkbookPlan (exceljs): the inverse of `exportXlsx`. Formulas come back as `=…`
 * strings without `_xlfn.` prefixes (shared formulas of files saved by Excel are expanded), date
 * cells as PlanDate, validations, conditional formats, formats, widths, frozen rows and defined
 * names are read from the file itself; `_okr_meta` (when present) restores what xlsx cannot hold.
 * Any xlsx opens, not only ours: without `_okr_meta` the role is guessed from the sheet name.
 *
 * `importXlsxDetailed` also returns the cached formula results when the file has them (files
 * saved by Excel, WPS or LibreOffice do; our own exports do not).
 */
import ExcelJS from 'exceljs';
import type {
  ConditionalFormatPlan,
  ConditionPlan,
  DataBarPlan,
  FormatPlan,
  NamedRangePlan,
  PlanCell,
  SheetPlan,
  ValidationPlan,
  ValidationRule,
  WorkbookPlan,
} from '../../core/plan/types';
import { escapeCellText } from '../../core/escape';
import { fmt, type Localized } from '../../core/i18n';
import { SHEET_NAMES, type SheetRole } from '../../core/labels';
import { compileShift, fromXlsxFormula } from './formula';
import { decodeMeta, LISTS_SHEET, META_SHEET, type SheetMeta } from './meta';
import { DATA_BAR_COLOR, DATE_MAX, DATE_MIN, NUM_MAX, NUM_MIN, widthToPx } from './export';
import { closeRect, formatRect, parseRange, rectsFromCells, type Rect } from './range';
import { preflightXlsx, type PreflightProblem } from './preflight';
import { groupDigits } from '../../core/limits';

const READ_ERRORS = {
  notZip: { 'zh-CN': '它不是 zip 压缩包，而 .xlsx 文件都是', en: 'it is not a zip archive, which every .xlsx file is' },
  damaged: { 'zh-CN': '文件已损坏或不是电子表格：{detail}', en: 'it is damaged or not a spreadsheet: {detail}' },
  noSheets: { 'zh-CN': '其中没有工作表', en: 'it has no sheets' },
  unreadablePart: { 'zh-CN': '文件中有部分内容已损坏，无法读取', en: 'part of it is damaged and cannot be read' },
  fileTooBig: { 'zh-CN': '文件超过 {limit} MB 的上限', en: 'the file is larger than the limit of {limit} MB' },
  unzippedTooBig: {
    'zh-CN': '解压后超过 {limit} MB 的上限（可能是压缩炸弹）',
    en: 'it unpacks to more than the limit of {limit} MB (possibly a zip bomb)',
  },
  mergeTooBig: {
    'zh-CN': '合并区域 {detail} 超过 {limit} 个单元格的上限',
    en: 'the merged range {detail} is larger than the limit of {limit} cells',
  },
  tooManyRows: { 'zh-CN': '某个工作表超过 {limit} 行的上限', en: 'a sheet has more than the limit of {limit} rows' },
  tooManyColumns: { 'zh-CN': '某个工作表超过 {limit} 列的上限', en: 'a sheet has more than the limit of {limit} columns' },
  tooManyCells: { 'zh-CN': '某个工作表超过 {limit} 个单元格的上限', en: 'a sheet has more than the limit of {limit} cells' },
} satisfies Record<string, Localized>;

/** A file that cannot be read: `localized` says why in both languages (`message` is English). */
export class XlsxReadError extends Error {
  readonly localized: Localized;
  constructor(readonly code: keyof typeof READ_ERRORS, detail = '', limit = '') {
    const m = READ_ERRORS[code];
    const localized = { 'zh-CN': fmt(m, 'zh-CN', { detail, limit }), en: fmt(m, 'en', { detail, limit }) };
    super(localized.en);
    this.name = 'XlsxReadError';
    this.localized = localized;
  }
}

/** A cached formula result as stored in the file: a value, or an error such as `#DIV/0!`. */
export type CachedValue = string | number | boolean | null | { date: string } | { error: string };

export interface ImportedWorkbook {
  plan: WorkbookPlan;
  /** Per sheet (same order as plan.sheets): cached results of formula cells, keyed `row,col` (0-based). */
  cached: Array<Map<string, CachedValue>>;
  /**
   * True when the file carries calculated results (some formula has one; formulas without one
   * show blank — exceljs reads `<v></v>` as no result). False for our own exports.
   */
  complete: boolean;
}

export async function importXlsx(buf: Buffer | Uint8Array): Promise<WorkbookPlan> {
  return (await importXlsxDetailed(buf)).plan;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function loadWorkbook(buf: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  if (buf.length < 4 || ZIP_MAGIC.some((b, i) => buf[i] !== b)) {
    throw new XlsxReadError('notZip');
  }
  const problem = preflightXlsx(buf);
  if (problem) throw preflightError(problem);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    // a parser's own message (bad XML at line:column) helps; a JavaScript error inside the
    // reader ("Cannot set properties of undefined") is internal text and never shown
    const internal = e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || !(e instanceof Error);
    if (internal) throw new XlsxReadError('unreadablePart');
    throw new XlsxReadError('damaged', e.message.split('\n')[0]!.slice(0, 160));
  }
  return wb;
}

function preflightError(p: PreflightProblem): XlsxReadError {
  switch (p.code) {
    case 'badZip':
      return new XlsxReadError('damaged', p.detail);
    case 'fileTooBig':
    case 'unzippedTooBig':
      return new XlsxReadError(p.code, '', String(Math.round(p.limit / 1024 / 1024)));
    case 'mergeTooBig':
      return new XlsxReadError(p.code, p.range.slice(0, 40), groupDigits(p.limit));
    default:
      return new XlsxReadError(p.code, '', groupDigits(p.limit));
  }
}

const hex = (argb: string | undefined): string | undefined =>
  argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? '#' + argb.slice(2).toLowerCase() : argb && /^[0-9A-Fa-f]{6}$/.test(argb) ? '#' + argb.toLowerCase() : undefined;

export const dateToIso = (d: Date): string => {
  // exceljs reads serials as UTC; a time part (rare in date columns) is dropped
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  return t.toISOString().slice(0, 10);
};

/** The text of a cell value: rich text (LibreOffice writes mixed scripts as runs) joined. */
export function plainText(v: unknown): unknown {
  if (v && typeof v === 'object' && 'richText' in v && Array.isArray((v as { richText: unknown }).richText)) {
    return (v as { richText: Array<{ text?: string }> }).richText.map((r) => r.text ?? '').join('');
  }
  return v;
}

function guessRole(name: string): SheetRole {
  for (const [role, names] of Object.entries(SHEET_NAMES) as Array<[SheetRole, { 'zh-CN': string; en: string }]>) {
    if (names['zh-CN'] === name || names.en.toLowerCase() === name.toLowerCase()) return role;
  }
  return 'okr';
}

type ShiftCache = Map<string, (dRow: number, dCol: number) => string>;

function cellToPlan(cell: ExcelJS.Cell, shifts: ShiftCache = new Map()): { value: PlanCell; cached?: CachedValue } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: null };
  if (v instanceof Date) return { value: Number.isNaN(v.getTime()) ? null : { date: dateToIso(v) } };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : null };
  if (typeof v === 'boolean') return { value: v };
  if (typeof v === 'string') return { value: escapeCellText(v) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      // shared formulas: translate the master's text ourselves (string literals stay as they are)
      let text: string | undefined = typeof o.formula === 'string' ? o.formula : undefined;
      if (text === undefined && typeof o.sharedFormula === 'string') {
        const master = cell.worksheet.getCell(o.sharedFormula);
        const mf = (master.value as { formula?: unknown } | null)?.formula;
        if (typeof mf === 'string') {
          let shift = shifts.get(o.sharedFormula);
          if (!shift) shifts.set(o.sharedFormula, (shift = compileShift(mf)));
          text = shift(Number(cell.row) - Number(master.row), Number(cell.col) - Number(master.col));
        }
      }
      text ??= cell.formula;
      if (!text) return { value: null };
      // LibreOffice saves boolean cells as =TRUE() / =FALSE()
      const bool = /^\s*(TRUE|FALSE)\s*\(\s*\)\s*$/i.exec(text);
      if (bool) return { value: bool[1]!.toUpperCase() === 'TRUE' };
      // cell.result: the value's copy drops falsy results (0, FALSE, "")
      const r = cell.result as unknown;
      let cached: CachedValue | undefined;
      if (r === undefined) cached = undefined;
      else if (r instanceof Date) cached = { date: dateToIso(r) };
      else if (r && typeof r === 'object' && 'error' in (r as object)) cached = { error: String((r as { error: unknown }).error) };
      else if (typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean') cached = r;
      else if (r === null) cached = null;
      return { value: fromXlsxFormula(text), cached };
    }
    if ('richText' in o && Array.isArray(o.richText)) {
      const text = (o.richText as Array<{ text?: string }>).map((t) => t.text ?? '').join('');
      return { value: escapeCellText(text) };
    }
    if ('text' in o) {
      const t = o.text;
      const text = typeof t === 'string' ? t : t && typeof t === 'object' && 'richText' in t ? ((t as { richText: Array<{ text?: string }> }).richText.map((x) => x.text ?? '').join('')) : String(t ?? '');
      return { value: escapeCellText(text) };
    }
    if ('error' in o) return { value: String(o.error) };
  }
  return { value: String(v) };
}

/** Turns ranges that end at the exporter's "open row/column" back into open-ended ranges. */
function reopen(rect: Rect, meta: SheetMeta | undefined): Rect {
  if (!meta) return rect;
  const r = { ...rect };
  if (r.r2 === meta.openRow) r.r2 = null;
  if (r.c1 === 1 && r.c2 === meta.openCol && r.r2 !== null) r.c2 = null;
  return r;
}

function resolveRef(wb: ExcelJS.Workbook, ref: string): string[] | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref.trim().replace(/^=/, ''));
  if (!m) return null;
  const sheetName = (m[1] ?? m[2] ?? '').replace(/''/g, "'");
  const ws = wb.getWorksheet(sheetName);
  const rect = parseRange(m[3]!);
  if (!ws || !rect) return null;
  const c = closeRect(rect, Math.min(ws.rowCount, 5000), rect.c1);
  const out: string[] = [];
  for (let r = c.r1; r <= c.r2; r++) {
    for (let col = c.c1; col <= c.c2; col++) {
      const v = plainText(ws.getCell(r, col).value);
      if (v !== null && v !== undefined && v !== '') out.push(String(v));
    }
  }
  return out;
}

function splitListLiteral(f: string): string[] {
  return f
    .slice(1, -1)
    .split(',')
    .map((s) => s.replace(/""/g, '"'));
}

const num = (x: unknown): number | undefined => {
  const n = typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' ? Number(x) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
const iso = (x: unknown): string | undefined => {
  if (x instanceof Date && !Number.isNaN(x.getTime())) return dateToIso(x);
  if (typeof x === 'string' && /^\d{4}-\d{2}-\d{2}/.test(x)) return x.slice(0, 10);
  return undefined;
};

function ruleFrom(dv: ExcelJS.DataValidation, wb: ExcelJS.Workbook): ValidationRule | null {
  const f = (dv.formulae ?? []) as unknown[];
  switch (dv.type) {
    case 'list': {
      const first = String(f[0] ?? '').trim();
      let values: string[] | null;
      if (first.startsWith('"') && first.endsWith('"')) values = splitListLiteral(first);
      else values = resolveRef(wb, first);
      if (!values) return null;
      if (values.length === 2 && values[0]!.toUpperCase() === 'TRUE' && values[1]!.toUpperCase() === 'FALSE') return { kind: 'checkbox' };
      return { kind: 'list', values };
    }
    case 'decimal':
    case 'whole': {
      const a = num(f[0]);
      const b = num(f[1]);
      const op = dv.operator ?? 'between';
      const rule: { kind: 'number'; min?: number; max?: number } = { kind: 'number' };
      if (op === 'between') {
        if (a !== undefined && a > NUM_MIN) rule.min = a;
        if (b !== undefined && b < NUM_MAX) rule.max = b;
      } else if (op === 'greaterThanOrEqual' || op === 'greaterThan') {
        if (a !== undefined) rule.min = a;
      } else if (op === 'lessThanOrEqual' || op === 'lessThan') {
        if (a !== undefined) rule.max = a;
      }
      return rule;
    }
    case 'date': {
      const a = iso(f[0]);
      const b = iso(f[1]);
      const op = dv.operator ?? 'between';
      const rule: { kind: 'date'; min?: string; max?: string } = { kind: 'date' };
      if (op === 'between') {
        if (a !== undefined && a !== DATE_MIN) rule.min = a;
        if (b !== undefined && b !== DATE_MAX) rule.max = b;
      } else if (op === 'greaterThanOrEqual' || op === 'greaterThan') {
        if (a !== undefined) rule.min = a;
      } else if (op === 'lessThanOrEqual' || op === 'lessThan') {
        if (a !== undefined) rule.max = a;
      }
      return rule;
    }
    default:
      return null;
  }
}

function readValidations(ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook, meta: SheetMeta | undefined): ValidationPlan[] {
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
  const groups = new Map<ExcelJS.DataValidation, Array<[number, number]>>();
  for (const [address, dv] of Object.entries(model)) {
    if (!dv) continue;
    const rect = parseRange(address);
    if (!rect) continue;
    let cells = groups.get(dv);
    if (!cells) groups.set(dv, (cells = []));
    const c = closeRect(rect, rect.r1, rect.c1);
    for (let r = c.r1; r <= c.r2; r++) for (let col = c.c1; col <= c.c2; col++) cells.push([r, col]);
  }
  const out: ValidationPlan[] = [];
  for (const [dv, cells] of groups) {
    const rule = ruleFrom(dv, wb);
    if (!rule) continue;
    for (const rect of rectsFromCells(cells)) {
      const ref = formatRect(rect);
      out.push({
        range: formatRect(reopen(rect, meta)),
        rule,
        helpText: meta?.helpTexts[ref] ?? dv.prompt ?? dv.error ?? '',
        strict: dv.errorStyle !== 'warning' && dv.errorStyle !== 'information',
      });
    }
  }
  return out;
}

function conditionFrom(rule: Record<string, unknown>, topLeft: string): ConditionPlan | null {
  const f = ((rule.formulae as unknown[]) ?? []).map((x) => (typeof x === 'string' ? x : String(x)));
  const type = rule.type;
  if (type === 'expression' || type === 'containsText') {
    return f[0] ? { kind: 'formula', formula: fromXlsxFormula(f[0]) } : null;
  }
  if (type !== 'cellIs') return null;
  const op = rule.operator as string;
  const a = f[0] ?? '';
  const strLit = /^"((?:[^"]|"")*)"$/.exec(a);
  if (op === 'equal' && strLit) return { kind: 'textEq', value: strLit[1]!.replace(/""/g, '"') };
  const na = num(a);
  const nb = num(f[1]);
  if (op === 'between' && na !== undefined && nb !== undefined) return { kind: 'numberBetween', min: na, max: nb };
  if (op === 'lessThan' && na !== undefined) return { kind: 'numberLess', value: na };
  if (op === 'greaterThanOrEqual' && na !== undefined) return { kind: 'numberGreaterEq', value: na };
  const sym: Record<string, string> = {
    equal: '=', notEqual: '<>', greaterThan: '>', lessThan: '<', greaterThanOrEqual: '>=', lessThanOrEqual: '<=',
  };
  if (sym[op] && a) return { kind: 'formula', formula: fromXlsxFormula(`${topLeft}${sym[op]}${a}`) };
  if ((op === 'between' || op === 'notBetween') && f[1] !== undefined) {
    const inside = `AND(${topLeft}>=${a},${topLeft}<=${f[1]})`;
    return { kind: 'formula', formula: '=' + (op === 'between' ? inside : `NOT(${inside})`) };
  }
  return null;
}

function readConditionalFormats(ws: ExcelJS.Worksheet, meta: SheetMeta | undefined): ConditionalFormatPlan[] {
  const list = (ws as unknown as { conditionalFormattings?: Array<{ ref: string; rules: Array<Record<string, unknown>> }> })
    .conditionalFormattings ?? [];
  const bars = new Set(meta?.dataBars ?? []);
  const flat: Array<{ ref: string; rule: Record<string, unknown>; order: number }> = [];
  list.forEach((cf) => cf.rules.forEach((rule) => flat.push({ ref: cf.ref, rule, order: flat.length })));
  flat.sort((a, b) => (num(a.rule.priority) ?? 1e9) - (num(b.rule.priority) ?? 1e9) || a.order - b.order);
  const out: ConditionalFormatPlan[] = [];
  for (const { ref, rule } of flat) {
    if (rule.type === 'dataBar' && (bars.has(ref) || !meta)) continue;
    for (const part of ref.split(/\s+/).filter(Boolean)) {
      const rect = parseRange(part);
      if (!rect) continue;
      const when = conditionFrom(rule, formatRect({ r1: rect.r1, c1: rect.c1, r2: rect.r1, c2: rect.c1 }));
      if (!when) continue;
      const style = (rule.style ?? {}) as Partial<ExcelJS.Style>;
      const plan: ConditionalFormatPlan = { range: formatRect(reopen(rect, meta)), when };
      const fill = style.fill as ExcelJS.FillPattern | undefined;
      const bg = hex(fill?.bgColor?.argb) ?? hex(fill?.fgColor?.argb);
      if (bg) plan.background = bg;
      const fc = hex(style.font?.color?.argb);
      if (fc) plan.fontColor = fc;
      if (style.font?.bold !== undefined) plan.bold = !!style.font.bold;
      out.push(plan);
    }
  }
  return out;
}

function formatKey(cell: ExcelJS.Cell, ignoreNumFmt: boolean): string | null {
  const f: Omit<FormatPlan, 'range'> = {};
  const numFmt = cell.numFmt;
  if (!ignoreNumFmt && numFmt && numFmt !== 'General') f.numberFormat = numFmt;
  const font = cell.font;
  if (font?.bold) f.bold = true;
  const fc = hex(font?.color?.argb);
  if (fc) f.fontColor = fc;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const bg = hex(fill.fgColor?.argb);
    if (bg) f.background = bg;
  }
  const al = cell.alignment;
  if (al?.wrapText) f.wrap = true;
  if (al?.horizontal === 'left' || al?.horizontal === 'center' || al?.horizontal === 'right') f.horizontalAlignment = al.horizontal;
  const key = JSON.stringify(f);
  return key === '{}' ? null : key;
}

export async function importXlsxDetailed(buf: Buffer | Uint8Array): Promise<ImportedWorkbook> {
  const wb = await loadWorkbook(buf);

  const metaByName = new Map<string, SheetMeta>();
  const metaByIndex = new Map<number, SheetMeta>();
  const ms = wb.getWorksheet(META_SHEET);
  if (ms) {
    ms.eachRow((row, r) => {
      if (r === 1) return;
      const vals = (row.values as unknown[]).slice(1).map(plainText);
      const d = decodeMeta(vals);
      if (d) {
        metaByName.set(d.name, d.meta);
        metaByIndex.set(d.meta.index, d.meta);
      }
    });
  }

  const names = (wb.definedNames.model as Array<{ name: string; ranges: string[] }>) ?? [];
  const sheets: SheetPlan[] = [];
  const cachedAll: Array<Map<string, CachedValue>> = [];
  // exceljs cannot tell an empty-string result (<v></v>) from none: a file with any cached
  // result was calculated by an application, and its formulas without one show blank
  let formulaCount = 0;
  let withResult = 0;
  const worksheets = wb.worksheets.filter((ws) => ws.name !== META_SHEET && ws.name !== LISTS_SHEET);
  if (worksheets.length === 0) throw new XlsxReadError('noSheets');

  worksheets.forEach((ws, index) => {
    // a sheet renamed in Excel: fall back to its position, only when no sheet was added or removed
    const meta = metaByName.get(ws.name) ?? (worksheets.length === metaByName.size ? metaByIndex.get(index) : undefined);

    // values
    const values: PlanCell[][] = [];
    const cached = new Map<string, CachedValue>();
    const sparkCells = new Map<string, string>();
    for (const run of meta?.sparklines ?? []) {
      const shift = compileShift(run.formula);
      for (let r = run.r1; r <= run.r2; r++) sparkCells.set(`${r},${run.col}`, shift(r - run.r1, 0));
    }
    const shifts: ShiftCache = new Map();
    const barCells = new Set(sparkCells.keys());
    const fallbackRead = new Map<string, string>();
    const formatCells = new Map<string, Array<[number, number]>>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const key = formatKey(cell, barCells.has(`${r},${c}`));
        if (key) {
          let list = formatCells.get(key);
          if (!list) formatCells.set(key, (list = []));
          list.push([r, c]);
        }
        const spark = sparkCells.get(`${r},${c}`);
        const read = cellToPlan(cell, shifts);
        if (spark) fallbackRead.set(`${r},${c}`, typeof read.value === 'string' ? read.value : '');
        const { value, cached: cv } = spark ? { value: spark, cached: read.cached } : read;
        if (value === null) return;
        const line = (values[r - 1] ??= []);
        line[c - 1] = value;
        if (typeof value === 'string' && value.startsWith('=')) {
          formulaCount++;
          if (cv !== undefined) {
            withResult++;
            cached.set(`${r - 1},${c - 1}`, cv);
          }
        }
      });
    });
    for (let r = 0; r < values.length; r++) {
      const line = (values[r] ??= []);
      for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
    }

    // formats
    const formats: FormatPlan[] = [];
    for (const [key, cells] of formatCells) {
      const f = JSON.parse(key) as Omit<FormatPlan, 'range'>;
      for (const rect of rectsFromCells(cells)) formats.push({ range: formatRect(reopen(rect, meta)), ...f });
    }

    // frozen rows, widths
    const view = (ws.views ?? [])[0] as { state?: string; ySplit?: number } | undefined;
    const frozenRows = view?.state === 'frozen' ? Math.max(0, Math.round(view.ySplit ?? 0)) : 0;
    const columnWidths: number[] = [];
    const cols = (ws as unknown as { _columns?: ExcelJS.Column[] })._columns ?? [];
    let lastWidth = 0;
    cols.forEach((col, i) => {
      if (col && typeof col.width === 'number' && col.isCustomWidth) lastWidth = i + 1;
    });
    for (let i = 0; i < lastWidth; i++) {
      const w = cols[i]?.width;
      columnWidths.push(widthToPx(typeof w === 'number' ? w : 8.43));
    }

    // named ranges that point into this sheet
    const namedRanges: NamedRangePlan[] = [];
    for (const dn of names) {
      for (const ref of dn.ranges) {
        const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
        if (!m) continue;
        const sheetName = (m[1] ?? m[2] ?? '').replace(/''/g, "'");
        if (sheetName !== ws.name) continue;
        const rect = parseRange(m[3]!.replace(/\$/g, ''));
        if (!rect) continue;
        namedRanges.push({ name: meta?.names[dn.name] ?? dn.name, range: formatRect(reopen(rect, meta)) });
      }
    }

    // data bars of the plan: range from meta, bounds and colour from the xlsx rule, fallbacks from the cells
    const dataBars: DataBarPlan[] = [];
    const cfs = (ws as unknown as { conditionalFormattings?: Array<{ ref: string; rules: Array<Record<string, unknown>> }> }).conditionalFormattings ?? [];
    for (const range of meta?.dataBarPlans ?? []) {
      const rect = parseRange(range);
      if (!rect) continue;
      const closed = closeRect(rect, meta!.openRow, meta!.openCol);
      const ref = formatRect(closed);
      const rule = cfs.find((cf) => cf.ref === ref)?.rules.find((x) => x.type === 'dataBar') as
        | { cfvo?: Array<{ value?: unknown }>; color?: { argb?: string } }
        | undefined;
      const fallback: string[] = [];
      for (let r = closed.r1; r <= closed.r2; r++) for (let c = closed.c1; c <= closed.c2; c++) fallback.push(fallbackRead.get(`${r},${c}`) ?? '');
      dataBars.push({
        range,
        fallback,
        min: num(rule?.cfvo?.[0]?.value) ?? 0,
        max: num(rule?.cfvo?.[1]?.value) ?? 1,
        color: hex(rule?.color?.argb) ?? '#' + DATA_BAR_COLOR.slice(2).toLowerCase(),
        // no data bar rule over it: a text stand-in (the Trend column), as exported
        ...(rule ? {} : { text: true }),
      });
    }

    sheets.push({
      name: meta?.planName ?? ws.name,
      role: meta?.role ?? guessRole(ws.name),
      values,
      frozenRows,
      columnWidths,
      formats,
      validations: readValidations(ws, wb, meta),
      conditionalFormats: readConditionalFormats(ws, meta),
      protections: meta?.protections.map((p) => ({ ...p })) ?? [],
      namedRanges,
      metadata: { ...(meta?.metadata ?? {}) },
      ...(meta?.dataBarPlans ? { dataBars } : {}),
    });
    cachedAll.push(cached);
  });

  return { plan: { sheets }, cached: cachedAll, complete: formulaCount > 0 && withResult > 0 };
}

export { DATA_BAR_COLOR };
