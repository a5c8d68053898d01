/**
 * The two ways a plan reaches a spreadsheet (src/sheets/applyPlan.ts): one Sheets API
 * `batchUpdate` through the advanced service, or ≈ 20 SpreadsheetApp calls a sheet — the
 * fallback, silently taken when the API fails. Diagnostics applies its fixture both ways, in two
 * scratch sheets, says which way the first one went (and why, when it fell back), and compares
 * the two sheets cell by cell. A difference is the platform treating the two paths differently
 * (a formula the API parses in the spreadsheet's locale while SpreadsheetApp does not, a
 * validation the API keeps otherwise …) — exactly what the in-memory workbook cannot show.
 *
 * Reads are bounded: a fixed number of calls a sheet (the fixture's block, its rules, its
 * protections, metadata and names), whatever is in the rest of the spreadsheet.
 */
import type { Lang, Localized } from '../../core/i18n';
import { fmt } from '../../core/i18n';
import { cell as a1Cell } from '../../core/plan/a1';
import type { SheetPlan } from '../../core/plan/types';
import type { AppLike, SheetLike } from '../../sheets/api';
import { namePrefix, type AppliedSheet } from '../../sheets/applyPlan';
import type { SheetsApiLike } from '../../sheets/batch/apply';
import { fromSheetDate } from '../../sheets/dates';
import { DETAIL, detail } from './text';

/** What happened to the Sheets API attempt: the error it threw, if it threw. */
export interface ApiAttempt {
  /** The service as given to applyWorkbookPlan (null: no advanced service here). */
  api: SheetsApiLike | null;
  error: string | null;
}

/**
 * Wraps the advanced service so that the error which made applyWorkbookPlan fall back to
 * SpreadsheetApp is kept (applyPlan only logs it with console.warn).
 */
export function watchedApi(api: SheetsApiLike | undefined): ApiAttempt {
  const attempt: ApiAttempt = { api: null, error: null };
  if (!api) return attempt;
  const keep = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      attempt.error = e instanceof Error ? e.message : String(e);
      throw e;
    }
  };
  attempt.api = {
    get: (id, args) => keep(() => api.get(id, args)),
    batchUpdate: (body, id) => keep(() => api.batchUpdate(body, id)),
  };
  return attempt;
}

export type PathOutcome = { ok: boolean | 'warn'; seen: Localized };

/** Which path applied the first scratch sheet, and what to do when it was not the API. */
export function pathOutcome(applied: AppliedSheet, attempt: ApiAttempt): PathOutcome {
  if (applied.via === 'sheetsApi') return { ok: true, seen: detail('apiPathUsed') };
  if (!attempt.api) return { ok: 'warn', seen: detail('apiMissing') };
  const error = (attempt.error ?? '').slice(0, 200);
  // the API's own words for "not enabled in the Cloud project" and "scope not granted"
  if (/has not been used|is disabled|SERVICE_DISABLED|not been enabled|accessNotConfigured/i.test(error)) return { ok: 'warn', seen: detail('apiNotEnabled', { error }) };
  if (/insufficient|scope|PERMISSION_DENIED|permission|authori[sz]/i.test(error)) return { ok: 'warn', seen: detail('apiNoScope', { error }) };
  return { ok: 'warn', seen: detail('apiFailed', { error: error || '—' }) };
}

/** Everything diagnostics compares of one scratch sheet, with its own name taken out. */
export interface SheetState {
  size: number[];
  cells: Record<'values' | 'formulas' | 'formats' | 'validations', string[][]>;
  conditionalFormats: string[];
  protections: string[];
  metadata: string[];
  namedRanges: string[];
}

/**
 * Reads the plan's block of `sheet` and its rules, protections, metadata and names, with the
 * sheet's name (and its named-range prefix) replaced by a placeholder, so that two sheets made
 * from one plan compare equal.
 */
export function readSheetState(app: AppLike, sheet: SheetLike, plan: SheetPlan, name: string): SheetState {
  const prefix = namePrefix(name);
  const strip = (s: string) => s.split(`${prefix}_`).join('‹name›_').split(name).join('‹sheet›');
  const cell = (v: unknown) => strip(v instanceof Date ? `date:${iso(fromSheetDate(v))}` : JSON.stringify(v ?? null));
  const rows = plan.values.length;
  const cols = Math.max(1, ...plan.values.map((r) => r.length));
  const block = sheet.getRange(1, 1, rows, cols);
  const criteria = (c: { getCriteriaType(): unknown; getCriteriaValues(): unknown[] }) => `${String(c.getCriteriaType())} ${c.getCriteriaValues().map(cell).join(' ')}`;
  return {
    size: [sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getFrozenRows()],
    cells: {
      values: block.getValues().map((r) => r.map(cell)),
      formulas: block.getFormulas().map((r) => r.map(strip)),
      formats: block.getNumberFormats().map((r) => r.map(String)),
      validations: block.getDataValidations().map((r) => r.map((d) => (d ? `${criteria(d)} ${d.getAllowInvalid()} ${strip(d.getHelpText() ?? '')}` : ''))),
    },
    conditionalFormats: sheet.getConditionalFormatRules().map((r) => {
      const c = r.getBooleanCondition();
      return c ? `${r.getRanges().map((x) => x.getA1Notation()).join(',')} ${criteria(c)} ${c.getBackground()} ${c.getFontColor()} ${c.getBold()}` : 'gradient';
    }),
    protections: sheet.getProtections(app.ProtectionType.RANGE).map((p) => `${p.getRange().getA1Notation()} ${p.isWarningOnly()} ${strip(p.getDescription())}`),
    metadata: sheet.getDeveloperMetadata().map((m) => `${m.getKey()}=${strip(m.getValue() ?? '')}`).sort(),
    namedRanges: sheet.getNamedRanges().map((n) => `${strip(n.getName())}=${n.getRange().getA1Notation()}`).sort(),
  };
}

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const LABELS: Record<keyof SheetState['cells'] | 'size' | 'conditionalFormats' | 'protections' | 'metadata' | 'namedRanges', Localized> = {
  size: { 'zh-CN': '表格大小', en: 'grid size' },
  values: { 'zh-CN': '值', en: 'value' },
  formulas: { 'zh-CN': '公式', en: 'formula' },
  formats: { 'zh-CN': '数字格式', en: 'number format' },
  validations: { 'zh-CN': '数据验证', en: 'validation' },
  conditionalFormats: { 'zh-CN': '条件格式', en: 'conditional formats' },
  protections: { 'zh-CN': '保护', en: 'protections' },
  metadata: { 'zh-CN': '开发者元数据', en: 'developer metadata' },
  namedRanges: { 'zh-CN': '命名区域', en: 'named ranges' },
};

/** 0-based (row, column) of the compared grids → A1. */
const a1 = (r: number, c: number) => a1Cell(r + 1, c + 1);

/** The differences between the two sheets, each as `what at where: API … / SpreadsheetApp …`. */
export function compareStates(viaApi: SheetState, viaApp: SheetState): Localized[] {
  const out: Localized[] = [];
  const say = (key: keyof typeof LABELS, where: string, a: string, b: string) => {
    const side = (x: string) => (x === '' ? '—' : x.slice(0, 60));
    const words = (l: Lang) => fmt(DETAIL.pathDiff, l, { what: LABELS[key][l], where, api: side(a), app: side(b) });
    out.push({ 'zh-CN': words('zh-CN'), en: words('en') });
  };
  if (viaApi.size.join('×') !== viaApp.size.join('×')) say('size', '', viaApi.size.join('×'), viaApp.size.join('×'));
  // causes before consequences: a formula written otherwise shows first, then the values it computes
  for (const key of ['formulas', 'formats', 'validations', 'values'] as const) {
    const a = viaApi.cells[key];
    const b = viaApp.cells[key];
    for (let r = 0; r < Math.max(a.length, b.length); r++) {
      for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++) {
        const x = a[r]?.[c] ?? '';
        const y = b[r]?.[c] ?? '';
        if (x !== y) say(key, a1(r, c), x, y);
      }
    }
  }
  for (const key of ['conditionalFormats', 'protections', 'metadata', 'namedRanges'] as const) {
    const x = viaApi[key].join(' | ');
    const y = viaApp[key].join(' | ');
    if (x !== y) say(key, `(${viaApi[key].length} / ${viaApp[key].length})`, x, y);
  }
  return out;
}
