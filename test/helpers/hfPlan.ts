/**
 * Test helper: evaluates a WorkbookPlan with HyperFormula, configured like Google Sheets
 * (array arithmetic inside SUMPRODUCT, TRUE/FALSE booleans, dates as serial numbers from
 * 1899-12-30). Sheets-only formulas (SPARKLINE) are replaced by the plan's data-bar fallback
 * formula when it has one, else left blank.
 */
import { HyperFormula, DetailedCellError, type RawCellContent } from 'hyperformula';
import { parseCell, parseRange } from '../../src/core/plan/a1';
import { isSheetsOnlyFormula } from '../../src/core/plan/formulas';
import type { PlanCell, SheetPlan, WorkbookPlan } from '../../src/core/plan/types';

export type HfValue = number | string | boolean | null | { error: string };

/** Days since 1899-12-30 of an ISO date (the Sheets / Excel serial number). */
export function serialOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return (Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) - Date.UTC(1899, 11, 30)) / 86400000;
}

function toRaw(v: PlanCell | undefined): RawCellContent {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return serialOf(v.date);
  return v;
}

function fallbacks(sheet: SheetPlan): Map<string, string> {
  const map = new Map<string, string>();
  for (const bar of sheet.dataBars ?? []) {
    const r = parseRange(bar.range);
    bar.fallback.forEach((f, i) => map.set(`${r.row1 + i}:${r.col1}`, f));
  }
  return map;
}

export interface EvaluatedPlan {
  hf: HyperFormula;
  /** Value at A1 on the sheet with this name (or, failing that, this role). */
  get(sheet: string, a1: string): HfValue;
  /** Replace a cell's content (value or formula) and recompute. */
  set(sheet: string, a1: string, v: PlanCell): void;
  /** Number of formulas replaced because they are Sheets-only. */
  sheetsOnlyReplaced: number;
  destroy(): void;
}

export function evaluatePlan(plan: WorkbookPlan): EvaluatedPlan {
  let replaced = 0;
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const s of plan.sheets) {
    const fb = fallbacks(s);
    sheets[s.name] = s.values.map((row, r) =>
      row.map((v, c) => {
        if (isSheetsOnlyFormula(v)) {
          replaced++;
          return fb.get(`${r + 1}:${c + 1}`) ?? null;
        }
        return toRaw(v);
      }),
    );
  }
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: 'gpl-v3',
    useArrayArithmetic: true,
    nullDate: { year: 1899, month: 12, day: 30 },
    leapYear1900: false,
    smartRounding: false,
  });
  const sheetId = (name: string): number => {
    let id = hf.getSheetId(name);
    if (id === undefined) {
      const byRole = plan.sheets.find((s) => s.role === name);
      if (byRole) id = hf.getSheetId(byRole.name);
    }
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  };
  return {
    hf,
    sheetsOnlyReplaced: replaced,
    get(sheet, a1) {
      const { row, col } = parseCell(a1);
      const v = hf.getCellValue({ sheet: sheetId(sheet), row: row - 1, col: col - 1 });
      if (v instanceof DetailedCellError) return { error: `${v.value} ${v.message}` };
      return v as HfValue;
    },
    set(sheet, a1, v) {
      const { row, col } = parseCell(a1);
      hf.setCellContents({ sheet: sheetId(sheet), row: row - 1, col: col - 1 }, [[toRaw(v)]]);
    },
    destroy() {
      hf.destroy();
    },
  };
}
