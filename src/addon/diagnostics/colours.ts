/**
 * The template's own conditional formats, seen as the user sees them: for every KR row of the
 * scratch template, the colour its Status and Score cells *show* (CellData.effectiveFormat, which
 * "includes the results of applying any conditional formatting",
 * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/cells#CellData)
 * against what core says: the Status rule of the status core computed ("text is exactly", from the
 * plan's own rules), the grade band of the score core computed (custom formulas with commas and
 * references relative to each row — the locale case of issue 16 §4). One `spreadsheets.get`.
 */
import { colLetter, quotedSheet } from '../../core/plan/a1';
import type { Lang, Localized } from '../../core/i18n';
import { STATUS_LABELS } from '../../core/labels';
import type { Status } from '../../core/model';
import { GRADE_COLORS, OKR_COLUMNS } from '../../core/plan/okrSheet';
import type { SheetPlan } from '../../core/plan/types';
import { grade } from '../../core/progress';
import type { SpreadsheetLike } from '../../sheets/api';
import type { SheetsApiLike } from '../../sheets/batch/apply';
import { detail } from './text';

/** A KR row as core scored it, at its row of the sheet (1-based). */
export interface ScoredRow {
  id: string;
  sheetRow: number;
  status: Status;
  score: number;
}

/**
 * Both colour fields: `backgroundColor` is deprecated in favour of `backgroundColorStyle`
 * (CellFormat, https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/cells#CellFormat).
 */
export const EFFECTIVE_COLOUR_FIELDS = 'sheets.data.rowData.values.effectiveFormat(backgroundColor,backgroundColorStyle)';

/** The colour a cell shows as '#rrggbb'; null for none (white, the default, or no effectiveFormat). */
export function shownColour(cell: GoogleAppsScript.Sheets.Schema.CellData | undefined): string | null {
  const f = cell?.effectiveFormat as (GoogleAppsScript.Sheets.Schema.CellFormat & { backgroundColorStyle?: { rgbColor?: GoogleAppsScript.Sheets.Schema.Color } }) | undefined;
  const c = f?.backgroundColorStyle?.rgbColor ?? f?.backgroundColor;
  if (!c) return null;
  const ch = (x: number | undefined) => Math.round((x ?? 0) * 255).toString(16).padStart(2, '0');
  const h = `#${ch(c.red)}${ch(c.green)}${ch(c.blue)}`;
  return h === '#ffffff' ? null : h;
}


export function templateColours(api: SheetsApiLike | undefined, ss: SpreadsheetLike, sheetName: string, plan: SheetPlan, krs: ScoredRow[], lang: Lang): { ok: boolean | 'warn' | null; seen: Localized } {
  if (!api) return { ok: null, seen: detail('templateColoursNoApi') };
  if (krs.length === 0) return { ok: false, seen: detail('templateColoursNoRows') };
  const first = Math.min(...krs.map((k) => k.sheetRow));
  const last = Math.max(...krs.map((k) => k.sheetRow));
  const quoted = quotedSheet(sheetName);
  const cols = { status: OKR_COLUMNS.status, score: OKR_COLUMNS.score };
  const ranges = [cols.status, cols.score].map((c) => `${quoted}!${colLetter(c)}${first}:${colLetter(c)}${last}`);
  let got: GoogleAppsScript.Sheets.Schema.Spreadsheet;
  try {
    got = api.get(ss.getId(), { ranges, fields: EFFECTIVE_COLOUR_FIELDS });
  } catch (e) {
    return { ok: 'warn', seen: detail('cfColoursUnknown', { error: (e instanceof Error ? e.message : String(e)).slice(0, 160) }) };
  }
  // one GridData per range, in the order asked (the API may answer them on one sheet entry)
  const grids = (got.sheets ?? []).flatMap((s) => s.data ?? []);
  if (grids.length < 2 || !grids.every((g) => g.rowData)) return { ok: 'warn', seen: detail('cfColoursUnknown', { error: 'no rowData' }) };
  const shown = (grid: number, row: number) => shownColour(grids[grid]!.rowData![row - first]?.values?.[0]);
  const statusColour = (s: Status) => plan.conditionalFormats.find((cf) => cf.when.kind === 'textEq' && cf.when.value === STATUS_LABELS[s][lang])?.background?.toLowerCase() ?? null;
  const wrong: Array<{ id: string; what: 'status' | 'score'; cell: string; seen: string; want: string }> = [];
  for (const k of krs) {
    const wantStatus = statusColour(k.status);
    const wantScore = GRADE_COLORS[grade(k.score)];
    const s = shown(0, k.sheetRow);
    const q = shown(1, k.sheetRow);
    if (s !== wantStatus) wrong.push({ id: k.id, what: 'status', cell: `${colLetter(cols.status)}${k.sheetRow}`, seen: s ?? '—', want: wantStatus ?? '—' });
    if (q !== wantScore) wrong.push({ id: k.id, what: 'score', cell: `${colLetter(cols.score)}${k.sheetRow}`, seen: q ?? '—', want: wantScore });
  }
  const locale = ss.getSpreadsheetLocale();
  if (wrong.length === 0) return { ok: true, seen: detail('templateColoursOk', { n: krs.length, locale }) };
  const list = wrong.slice(0, 4).map((w) => `${w.id} ${w.cell} ${w.seen} ≠ ${w.want}`).join(', ');
  return { ok: false, seen: detail('templateColoursWrong', { n: wrong.length, cells: krs.length * 2, locale, list }) };
}
