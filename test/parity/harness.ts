/**
 * One workbook, three engines: core (through the snapshot every shell makes), HyperFormula and,
 * where installed, LibreOffice. Rows are compared by their sheet row.
 */
import { unescapeCellText } from '../../src/core/escape';
import type { Lang } from '../../src/core/i18n';
import { SHEET_NAMES, STATUS_LABELS } from '../../src/core/labels';
import { lintTable, type Finding } from '../../src/core/lint';
import type { ColumnKey, Status } from '../../src/core/model';
import { buildOkrSheetPlanFromRows, FIRST_DATA_ROW, OKR_COLUMNS } from '../../src/core/plan/okrSheet';
import { buildSettingsPlan } from '../../src/core/plan/supportSheets';
import type { PlanCell, SheetPlan, WorkbookPlan } from '../../src/core/plan/types';
import { scoreTable } from '../../src/core/score';
import { readSnapshot, type WorkbookSnapshot } from '../../src/core/snapshot';
import type { ParityCase } from './generate';

export interface RowResult {
  progress: number | '';
  /** scores are shares (core); the sheet's Score cells hold them in the scale (× factor) */
  score: number | '';
  status: Status | '';
  /** the Final score column: manager score when given, else the score (KR rows) */
  final?: number;
}

export const NUMBER_COLUMNS: ColumnKey[] = ['start', 'target', 'current', 'weight', 'selfScore', 'managerScore'];

export function casePlan(c: ParityCase, lang: Lang, spareRows = 3): WorkbookPlan {
  const settingsName = SHEET_NAMES.settings[lang];
  const plan: WorkbookPlan = {
    sheets: [
      buildOkrSheetPlanFromRows({
        lang,
        spareRows,
        header: { unit: 'Parity', level: 'team', owner: 'A', cycle: '2026-Q4', cycleStart: c.cycleStart, cycleEnd: c.cycleEnd, alignedTo: '', asOf: c.asOf },
        rows: c.rows,
        settingsSheetName: settingsName,
        scoreScale: c.scale,
      }),
      buildSettingsPlan({
        lang, cycle: '2026-Q4', cycleStart: c.cycleStart, cycleEnd: c.cycleEnd, sheetName: settingsName,
        settings: {
          atRiskBelow: c.atRisk, offTrackBelow: c.offTrack, progressCap: c.cap,
          scoreScale: c.scale, gradeRedBelow: c.gradeRedBelow, gradeGreenFrom: c.gradeGreenFrom,
        },
      }),
    ],
  };
  // words typed into Due (the builder writes dates only)
  for (const { row, text } of c.dueText ?? []) plan.sheets[0]!.values[FIRST_DATA_ROW - 1 + row]![OKR_COLUMNS.due - 1] = text;
  return plan;
}

const isFormula = (v: unknown) => typeof v === 'string' && v.startsWith('=');

/** What a shell's snapshot holds for a plan's inputs: values as typed (text stays text), dates as
 *  ISO days; formula cells are not needed by core (it recomputes) and are left blank. */
export function snapshotOf(plan: WorkbookPlan, asOf: string): WorkbookSnapshot {
  const plain = (v: PlanCell): unknown => {
    if (v === null || v === undefined || isFormula(v)) return null;
    if (typeof v === 'object') return v.date;
    if (typeof v === 'string') return unescapeCellText(v);
    return v;
  };
  return {
    name: 'parity',
    timeZone: 'UTC',
    asOf,
    sheets: plan.sheets.map((s) => ({ name: s.name, metaRole: s.role as 'okr', values: s.values.map((row) => row.map(plain)) })),
  };
}

/** Core's view, keyed by 1-based sheet row; rows that are neither KR nor objective are blank. */
export function coreResults(plan: WorkbookPlan, asOf: string): { rows: Map<number, RowResult>; findings: Finding[]; sheetRowOf: (i: number) => number } {
  const model = readSnapshot(snapshotOf(plan, asOf));
  const okr = model.okr[0]!;
  const { read } = okr;
  const score = scoreTable(read.table, asOf, model.settings);
  const rows = new Map<number, RowResult>();
  const sheetRowOf = (i: number) => read.rowIndexes[i]! + 1;
  for (const k of score.krs) rows.set(sheetRowOf(k.row), { progress: k.progress, score: k.score, status: k.status, final: k.finalScore ?? k.score });
  for (const o of score.objectives) rows.set(sheetRowOf(o.row), { progress: o.progress, score: o.score, status: o.status });
  return { rows, findings: lintTable(read.table, { asOf, settings: model.settings }), sheetRowOf };
}

/** A plan as a spreadsheet holds it when the user typed text into number cells (an apostrophe
 *  keeps it text in HyperFormula, as a text-formatted cell does in Sheets). */
export function withTextKept(plan: WorkbookPlan): WorkbookPlan {
  const okr = plan.sheets[0]!;
  const cols = NUMBER_COLUMNS.map((k) => OKR_COLUMNS[k] - 1);
  const values = okr.values.map((row, r) =>
    r + 1 < FIRST_DATA_ROW ? row : row.map((v, c) => (cols.includes(c) && typeof v === 'string' && !isFormula(v) ? `'${v}` : v)),
  );
  const sheet: SheetPlan = { ...okr, values };
  return { sheets: [sheet, ...plan.sheets.slice(1)] };
}

export function statusOf(text: unknown, lang: Lang): Status | '' | string {
  if (text === '' || text === null || text === undefined) return '';
  const hit = (Object.keys(STATUS_LABELS) as Status[]).find((s) => STATUS_LABELS[s][lang] === text);
  return hit ?? `?${JSON.stringify(text)}`;
}

/** Mismatches between core and one engine's Progress / Score / Status cells. */
export function compareRows(
  plan: WorkbookPlan,
  core: Map<number, RowResult>,
  get: (row: number, col: number) => unknown,
  lang: Lang,
  engine: string,
  /** the scale's factor (scale.ts): a Score cell / factor is the share core computes */
  factor = 1,
): { mismatches: string[]; compared: number } {
  const okr = plan.sheets[0]!;
  const mismatches: string[] = [];
  let compared = 0;
  const blank = (v: unknown) => v === '' || v === null || v === undefined;
  for (let row = FIRST_DATA_ROW; row <= okr.values.length; row++) {
    const share = (v: unknown) => (typeof v === 'number' ? v / factor : v);
    const p = get(row, OKR_COLUMNS.progress), s = share(get(row, OKR_COLUMNS.score)), st = statusOf(get(row, OKR_COLUMNS.status), lang);
    const want = core.get(row);
    const label = `${engine} row ${row} ${JSON.stringify(okr.values[row - 1]!.slice(0, 16).map((v) => (isFormula(v) ? 'ƒ' : v)))}`;
    if (!want) {
      if (!blank(p) || !blank(s) || st !== '') mismatches.push(`${label}: core has no KR/objective here, ${engine} shows ${JSON.stringify([p, s, st])}`);
      continue;
    }
    compared++;
    if (typeof p !== 'number' || Math.abs(p - (want.progress as number)) > 1e-9) mismatches.push(`${label}: progress ${JSON.stringify(p)} ≠ core ${want.progress}`);
    if (typeof s !== 'number' || Math.abs(s - (want.score as number)) > 1e-9) mismatches.push(`${label}: score ${JSON.stringify(s)} ≠ core ${want.score}`);
    if (st !== want.status) mismatches.push(`${label}: status ${st} ≠ core ${want.status}`);
    if (want.final !== undefined) {
      const f = share(get(row, OKR_COLUMNS.finalScore));
      if (typeof f !== 'number' || Math.abs(f - want.final) > 1e-9) mismatches.push(`${label}: final ${JSON.stringify(f)} ≠ core ${want.final}`);
    }
  }
  return { mismatches, compared };
}
