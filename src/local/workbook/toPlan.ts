/**
 * Snapshot of the in-memory workbook as plan data (formulas kept as formulas), for the xlsx
 * exporter and for tests that compare workbooks. Reads the internal state directly: no service
 * calls are counted.
 */
import type {
  ConditionPlan, ConditionalFormatPlan, FormatPlan, NamedRangePlan, PlanCell, ProtectionPlan,
  SheetPlan, ValidationPlan, ValidationRule, WorkbookPlan,
} from '../../core/plan/types';
import { OWNER_KEY } from '../../core/plan/types';
import { META_KEY } from '../../sheets/applyPlan';
import { SHEET_NAMES, type SheetRole } from '../../core/labels';
import { rectA1, type Rect } from './a1';
import type { LocalDataValidation } from './builders';
import { DEFAULT_WIDTH, keyCol, keyRow, type CellFormat, type SheetData, type WorkbookCore } from './core';
import { localDateToIso } from './dates';
import { LocalRange, LocalSheet } from './workbook';

const ROLES = Object.keys(SHEET_NAMES) as SheetRole[];

function roleOf(wb: WorkbookCore, s: SheetData): SheetRole {
  const m = wb.metadata.find((x) => x.sheetId === s.id && x.key === OWNER_KEY);
  if (m && ROLES.includes(m.value as SheetRole)) return m.value as SheetRole;
  for (const r of ROLES) if (SHEET_NAMES[r]['zh-CN'] === s.name || SHEET_NAMES[r].en === s.name) return r;
  return 'okr';
}

/** Groups per-cell values into column runs: same value on consecutive rows → one range. */
function runs<V>(m: Map<number, V>, same: (a: V, b: V) => boolean): { rect: Rect; value: V }[] {
  const byCol = new Map<number, [number, V][]>();
  for (const [k, v] of m) {
    const c = keyCol(k);
    let list = byCol.get(c);
    if (!list) byCol.set(c, (list = []));
    list.push([keyRow(k), v]);
  }
  const colRuns: { col: number; row: number; n: number; value: V }[] = [];
  for (const [col, list] of [...byCol].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a[0] - b[0]);
    let cur: { col: number; row: number; n: number; value: V } | null = null;
    for (const [row, v] of list) {
      if (cur && row === cur.row + cur.n && same(cur.value, v)) cur.n++;
      else {
        if (cur) colRuns.push(cur);
        cur = { col, row, n: 1, value: v };
      }
    }
    if (cur) colRuns.push(cur);
  }
  // merge horizontally adjacent runs with the same rows and value
  const out: { rect: Rect; value: V }[] = [];
  for (const r of colRuns) {
    const prev = out.find(
      (o) => o.rect.row === r.row && o.rect.numRows === r.n && o.rect.col + o.rect.numCols === r.col && same(o.value, r.value),
    );
    if (prev) prev.rect.numCols++;
    else out.push({ rect: { row: r.row, col: r.col, numRows: r.n, numCols: 1 }, value: r.value });
  }
  return out;
}

const sameFmt = (a: CellFormat, b: CellFormat) =>
  a.numberFormat === b.numberFormat && a.bold === b.bold && a.background === b.background &&
  a.fontColor === b.fontColor && a.wrap === b.wrap && a.align === b.align;

function isoOf(d: unknown): string | undefined {
  return d instanceof Date ? localDateToIso(d) : undefined;
}

function ruleOf(v: LocalDataValidation): ValidationRule | null {
  const a = v._d.args;
  const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
  const strip = (o: Record<string, unknown>): ValidationRule => {
    for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
    return o as unknown as ValidationRule;
  };
  switch (v._d.criteria) {
    case 'VALUE_IN_LIST':
      return { kind: 'list', values: [...((a[0] as string[]) ?? [])] };
    case 'CHECKBOX':
      return { kind: 'checkbox' };
    case 'NUMBER_BETWEEN':
      return strip({ kind: 'number', min: num(a[0]), max: num(a[1]) });
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return strip({ kind: 'number', min: num(a[0]) });
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return strip({ kind: 'number', max: num(a[0]) });
    case 'DATE_IS_VALID_DATE':
      return { kind: 'date' };
    case 'DATE_BETWEEN':
      return strip({ kind: 'date', min: isoOf(a[0]), max: isoOf(a[1]) });
    case 'DATE_ON_OR_AFTER':
      return strip({ kind: 'date', min: isoOf(a[0]) });
    case 'DATE_ON_OR_BEFORE':
      return strip({ kind: 'date', max: isoOf(a[0]) });
    default:
      return null;
  }
}

function conditionOf(criteria: string | null, args: unknown[]): ConditionPlan | null {
  const n = (i: number) => Number(args[i]);
  switch (criteria) {
    case 'TEXT_EQUAL_TO':
      return { kind: 'textEq', value: String(args[0]) };
    case 'NUMBER_BETWEEN':
      return { kind: 'numberBetween', min: n(0), max: n(1) };
    case 'NUMBER_LESS_THAN':
      return { kind: 'numberLess', value: n(0) };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return { kind: 'numberGreaterEq', value: n(0) };
    case 'CUSTOM_FORMULA':
      return { kind: 'formula', formula: String(args[0]) };
    default:
      return null;
  }
}

/** A text that would be read back as something else gets the `'` that keeps it text. */
function textCell(s: string): string {
  if (/^[=']/.test(s) || /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(s.trim()) || /^(true|false)$/i.test(s.trim())) return `'${s}`;
  if (/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(s.trim()) || /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(s.trim())) return `'${s}`;
  return s;
}

export function sheetToPlan(wb: WorkbookCore, s: SheetData): SheetPlan {
  const sheet = new LocalSheet(wb, s);
  const b = sheet._contentBounds();
  const values: PlanCell[][] = [];
  if (b.lastRow > 0) {
    const r = new LocalRange(wb, s, { row: 1, col: 1, numRows: b.lastRow, numCols: b.lastCol });
    const vals = r._values();
    const formulas = r._formulas();
    for (let i = 0; i < vals.length; i++) {
      const row: PlanCell[] = [];
      for (let j = 0; j < vals[i]!.length; j++) {
        const f = formulas[i]![j]!;
        const v = vals[i]![j];
        if (f) row.push(f);
        else if (v === '' || v === null || v === undefined) row.push(null);
        else if (v instanceof Date) row.push({ date: localDateToIso(v) });
        else if (typeof v === 'string') row.push(textCell(v));
        else row.push(v as number | boolean);
      }
      while (row.length && row[row.length - 1] === null) row.pop();
      values.push(row);
    }
  }

  const formats: FormatPlan[] = runs(s.fmt, sameFmt).map(({ rect, value }) => {
    const f: FormatPlan = { range: rectA1(rect) };
    if (value.numberFormat !== undefined) f.numberFormat = value.numberFormat;
    if (value.bold !== undefined) f.bold = value.bold;
    if (value.background !== undefined) f.background = value.background;
    if (value.fontColor !== undefined) f.fontColor = value.fontColor;
    if (value.wrap !== undefined) f.wrap = value.wrap;
    if (value.align === 'left' || value.align === 'center' || value.align === 'right') f.horizontalAlignment = value.align;
    return f;
  });

  const validations: ValidationPlan[] = [];
  for (const { rect, value } of runs(s.dv, (a, b) => a === b)) {
    const rule = ruleOf(value);
    if (rule) validations.push({ range: rectA1(rect), rule, helpText: value._d.helpText, strict: !value._d.allowInvalid });
  }

  const conditionalFormats: ConditionalFormatPlan[] = [];
  for (const rule of s.cf) {
    const when = conditionOf(rule._d.criteria, rule._d.args);
    if (!when) continue;
    for (const rg of rule._d.ranges) {
      const c: ConditionalFormatPlan = { range: rectA1(rg._r), when };
      if (rule._d.background) c.background = rule._d.background;
      if (rule._d.fontColor) c.fontColor = rule._d.fontColor;
      if (rule._d.bold) c.bold = true;
      conditionalFormats.push(c);
    }
  }

  const protections: ProtectionPlan[] = wb.protections
    .filter((p) => p.sheetId === s.id)
    .map((p) => ({ range: rectA1(p.rect), description: p.description, warningOnly: true as const }));

  const namedRanges: NamedRangePlan[] = [...wb.named.values()]
    .filter((n) => n.sheetId === s.id)
    .map((n) => ({ name: n.name, range: rectA1(n.rect) }));

  const metadata: Record<string, string> = {};
  for (const m of wb.metadata) {
    if (m.sheetId !== s.id) continue;
    if (m.key === META_KEY) {
      try {
        for (const [k, v] of Object.entries(JSON.parse(m.value ?? '{}') as Record<string, unknown>)) metadata[k] = String(v);
      } catch {
        metadata[m.key] = m.value ?? '';
      }
    } else metadata[m.key] = m.value ?? '';
  }

  const maxWidthCol = Math.max(0, b.lastCol, ...s.widths.keys());
  const columnWidths: number[] = [];
  for (let c = 1; c <= maxWidthCol; c++) columnWidths.push(s.widths.get(c) ?? DEFAULT_WIDTH);

  return {
    name: s.name,
    role: roleOf(wb, s),
    values,
    frozenRows: s.frozenRows,
    columnWidths,
    formats,
    validations,
    conditionalFormats,
    protections,
    namedRanges,
    metadata,
  };
}

export function workbookToPlan(wb: WorkbookCore): WorkbookPlan {
  wb.calls._muted++;
  try {
    return { sheets: wb.sheets.filter((s) => !s.deleted).map((s) => sheetToPlan(wb, s)) };
  } finally {
    wb.calls._muted--;
  }
}

