/**
 * Computed cell values of an xlsx workbook, for the CLI (lint, score, review): what a user sees.
 *
 * - Files saved by Excel, WPS or LibreOffice carry the result of every formula: those cached
 *   results are used as they are.
 * - Files without them (our own exports: no stale results on purpose) are evaluated with
 *   HyperFormula (a development dependency; the CLI runs locally only). The table's formula
 *   columns (Progress, Score, Status, Bar) are skipped: core recomputes progress, scores and
 *   status from the inputs with the same semantics (the LibreOffice test checks that the native
 *   formulas agree), so only formulas a user typed into input cells need an engine, and
 *   evaluation stays fast on 10,000 rows.
 *
 * Values handed to core: numbers, booleans, text (escaping apostrophe removed), dates as ISO
 * `YYYY-MM-DD` strings (time-zone free), errors as their text (`#DIV/0!`), blanks as null.
 */
import { HyperFormula } from 'hyperformula';
import { HEADER_LABELS, matchLabel, type SheetRole } from '../../core/labels';
import type { PlanCell, SheetPlan, WorkbookPlan } from '../../core/plan/types';
import { isTableError, readTableValues } from '../../core/table';
import { unescapeCellText } from '../../core/escape';
import type { ColumnKey } from '../../core/model';
import { isPlanDate } from './export';
import { hasSparkline, hyperFormulaCompatible, replaceSparkline } from './formula';
import { importXlsxDetailed, type CachedValue } from './import';
import { closeRect, parseRange } from './range';

export interface SheetValues {
  name: string;
  role: SheetRole;
  values: unknown[][];
}

export interface WorkbookValues {
  plan: WorkbookPlan;
  sheets: SheetValues[];
  /** Where formula results came from. */
  source: 'cached' | 'hyperformula' | 'none';
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const isoToSerial = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y!, (m ?? 1) - 1, d ?? 1) - SERIAL_EPOCH) / 86400000);
};

const isFormula = (v: unknown): boolean => typeof v === 'string' && v.length > 1 && v.startsWith('=');

function plain(v: PlanCell): unknown {
  if (v === null || v === undefined) return null;
  if (isPlanDate(v)) return v.date;
  if (typeof v === 'string') return v === '' ? null : unescapeCellText(v);
  return v;
}

function cachedToValue(c: CachedValue): unknown {
  if (c === null) return null;
  if (typeof c === 'object') return 'date' in c ? c.date : c.error;
  return c === '' ? null : c;
}

const SKIP: ColumnKey[] = ['progress', 'score', 'status', 'bar'];

/** 0-based [row, col] keys of the OKR table's formula columns and of the header's "time
 *  elapsed" helper cell (core recomputes those; the reader ignores the helper). */
function tableFormulaCells(sheet: SheetPlan): Set<string> {
  const skip = new Set<string>();
  const raw = sheet.values.map((line) => (line ?? []).map((v) => (isFormula(v) ? null : plain(v))));
  const read = readTableValues(raw);
  if (isTableError(read)) return skip;
  const cols = SKIP.map((k) => read.columns[k]).filter((c): c is number => c !== undefined);
  for (let r = read.headerRow + 1; r < sheet.values.length; r++) for (const c of cols) skip.add(`${r},${c}`);
  for (let r = 0; r < read.headerRow; r++) {
    const line = raw[r] ?? [];
    for (let c = 0; c < line.length; c++) if (matchLabel(HEADER_LABELS, line[c]) === 'elapsed') skip.add(`${r},${c + 1}`);
  }
  return skip;
}

/** Evaluates the plan's formulas (table formula columns left blank) with HyperFormula. */
export function evaluatePlan(plan: WorkbookPlan): SheetValues[] {
  const skips = plan.sheets.map(tableFormulaCells);
  let anyFormula = false;
  const sheets: Record<string, unknown[][]> = {};
  plan.sheets.forEach((sheet, i) => {
    const fallbackAt = new Map<string, string>();
    for (const bar of sheet.dataBars ?? []) {
      const rect = parseRange(bar.range);
      if (!rect) continue;
      const c = closeRect(rect, rect.r1 + bar.fallback.length - 1, rect.c1);
      let k = 0;
      for (let r = c.r1; r <= c.r2; r++) for (let col = c.c1; col <= c.c2; col++) fallbackAt.set(`${r - 1},${col - 1}`, bar.fallback[k++] ?? '');
    }
    sheets[sheet.name] = sheet.values.map((line, r) =>
      (line ?? []).map((v, c) => {
        if (isPlanDate(v)) return isoToSerial(v.date);
        if (isFormula(v)) {
          if (skips[i]!.has(`${r},${c}`)) return null;
          anyFormula = true;
          const f = fallbackAt.get(`${r},${c}`) ?? (v as string);
          return hyperFormulaCompatible(hasSparkline(f) ? replaceSparkline(f) : f);
        }
        return v === '' ? null : v;
      }),
    );
  });
  if (!anyFormula) return plan.sheets.map((s) => ({ name: s.name, role: s.role, values: s.values.map((l) => (l ?? []).map((v) => (isFormula(v) ? null : plain(v)))) }));

  const hf = HyperFormula.buildFromSheets(sheets as never, { licenseKey: 'gpl-v3' });
  try {
    return plan.sheets.map((sheet) => {
      const id = hf.getSheetId(sheet.name);
      const computed = id === undefined ? [] : (hf.getSheetValues(id) as unknown[][]);
      const values = sheet.values.map((line, r) =>
        (line ?? []).map((v, c) => {
          if (!isFormula(v)) return plain(v);
          const x = computed[r]?.[c];
          if (x === undefined || x === null || x === '') return null;
          if (typeof x === 'object') return String((x as { value?: unknown }).value ?? '#ERROR!');
          return x;
        }),
      );
      return { name: sheet.name, role: sheet.role, values };
    });
  } finally {
    hf.destroy();
  }
}

/** Reads an xlsx and returns what each cell shows (see the module comment). */
export async function readXlsxValues(buf: Buffer | Uint8Array): Promise<WorkbookValues> {
  const { plan, cached, complete } = await importXlsxDetailed(buf);
  const hasFormulas = plan.sheets.some((s) => s.values.some((l) => (l ?? []).some(isFormula)));
  if (!hasFormulas) return { plan, sheets: evaluatePlan(plan), source: 'none' };
  if (complete) {
    const sheets = plan.sheets.map((sheet, i) => ({
      name: sheet.name,
      role: sheet.role,
      values: sheet.values.map((line, r) =>
        (line ?? []).map((v, c) => (isFormula(v) ? cachedToValue(cached[i]!.get(`${r},${c}`) ?? null) : plain(v))),
      ),
    }));
    return { plan, sheets, source: 'cached' };
  }
  return { plan, sheets: evaluatePlan(plan), source: 'hyperformula' };
}
