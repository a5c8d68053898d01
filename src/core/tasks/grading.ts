/**
 * The grading view (issue 14 §3): snapshot model in, the rows a manager grades out — each
 * objective and KR of the chosen OKR sheet(s) with computed, self, manager and final scores in
 * the workbook's scale, the rubric at hand, the comment — and, for Save, the exact cells to write.
 *
 * Save writes the Manager score and Comment cells of the rows sent, nothing else: the Final
 * score column sits between them (model.ts column order), so the cells cannot be one rectangle
 * without rewriting formulas; they are grouped into runs of adjacent rows per column instead (a
 * manager saving a whole sheet writes two runs). Every value is validated first: one bad score
 * and nothing is written.
 */
import { escapeCellText } from '../escape';
import { fmt, type Lang, type Localized } from '../i18n';
import { gradeRows, parseTypedScore, scoreRange, scoreText, type GradeRow } from '../grading';
import type { ColumnKey, ScoreScale } from '../model';
import type { PlanCell } from '../plan/types';
import { findOkrSheet, readSnapshot, type OkrSheetModel, type WorkbookModel } from '../snapshot';
import { columnLetter } from '../table';

export interface GradingViewRow {
  sheet: string;
  unit: string;
  id: string;
  kind: 'objective' | 'kr';
  objectiveId: string;
  title: string;
  owner: string;
  /** Shares (0–1; above 1 only when the cap allows). */
  computed: number;
  self: number | null;
  manager: number | null;
  final: number;
  /** The same four in the workbook's scale, as the sheet shows them. */
  text: { computed: string; self: string; manager: string; final: string };
  /** The Manager score cell's value as the input shows it (in the scale; '' when blank). */
  managerInput: string;
  comment: string;
  rubric: string;
  /** A1 of the Manager score and Comment cells (null: the sheet has no such column). */
  managerCell: string | null;
  commentCell: string | null;
}

export interface GradingView {
  lang: Lang;
  scale: ScoreScale;
  /** What a manager may type, e.g. `0–1`, `0–100`, `0–100%`. */
  range: string;
  sheets: { sheet: string; unit: string; editable: boolean }[];
  rows: GradingViewRow[];
}

export const GRADING_TEXT = {
  notFound: { 'zh-CN': '找不到 OKR 表“{name}”。', en: 'No OKR sheet named "{name}".' },
  noColumns: {
    'zh-CN': '“{sheet}”没有“上级评分”和“评语”列：请先用最新模板更新这张表。',
    en: '"{sheet}" has no Manager score and Comment columns: update the sheet to the current template first.',
  },
  unknownId: { 'zh-CN': '“{sheet}”中没有编号为 {id} 的目标或关键结果。', en: '"{sheet}" has no objective or key result with ID {id}.' },
  duplicateId: { 'zh-CN': '“{sheet}”中编号 {id} 出现了不止一次，无法确定写入哪一行。', en: '"{sheet}" has ID {id} more than once, so the row to write is ambiguous.' },
} satisfies Record<string, Localized>;

const inputText = (v: number | null | undefined, scale: ScoreScale): string => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '';
  if (scale === 'percent') return `${Number((v * 100).toFixed(8))}%`;
  return String(Number(v.toFixed(8)));
};

function unitOf(okr: OkrSheetModel): string {
  return okr.read.table.header.unit || okr.sheet;
}

/** The grading rows of one OKR sheet, or all of them (tab order) when no sheet is named. */
export function gradingView(model: WorkbookModel, req: { sheet?: string; asOf?: string; lang?: Lang } = {}): GradingView | { error: Localized; params: Record<string, string> } {
  const lang = req.lang ?? model.settings.lang;
  const settings = model.settings;
  let sheets = model.okr;
  if (req.sheet !== undefined) {
    const one = findOkrSheet(model, req.sheet);
    if (!one) return { error: GRADING_TEXT.notFound, params: { name: req.sheet } };
    sheets = [one];
  }
  const scale = scoreRange(settings).scale;
  const rows: GradingViewRow[] = [];
  for (const okr of sheets) {
    const read = okr.read;
    const unit = unitOf(okr);
    const at = (r: GradeRow, c: ColumnKey) => {
      const col = read.columns[c];
      const row = read.rowIndexes[r.index];
      return col === undefined || row === undefined ? null : `${columnLetter(col)}${row + 1}`;
    };
    for (const r of gradeRows(read.table, req.asOf ?? read.asOf ?? model.snapshot.asOf, settings)) {
      rows.push({
        sheet: okr.sheet, unit, id: r.id, kind: r.kind, objectiveId: r.objectiveId, title: r.title, owner: r.owner,
        computed: r.computed, self: r.self, manager: r.manager, final: r.final,
        text: {
          computed: scoreText(r.computed, settings, lang), self: scoreText(r.self, settings, lang),
          manager: scoreText(r.manager, settings, lang), final: scoreText(r.final, settings, lang),
        },
        managerInput: inputText(read.table.rows[r.index]?.managerScore, scale),
        comment: r.comment, rubric: r.rubric, managerCell: at(r, 'managerScore'), commentCell: at(r, 'comment'),
      });
    }
  }
  return {
    lang, scale, range: scoreRange(settings).text,
    sheets: sheets.map((o) => ({ sheet: o.sheet, unit: unitOf(o), editable: o.read.columns.managerScore !== undefined && o.read.columns.comment !== undefined })),
    rows,
  };
}

export interface GradeInput {
  id: string;
  /** As typed (in the scale; `70%` accepted), a number (the cell value), or null / '' to clear. */
  managerScore: string | number | null;
  comment: string;
}

/** Cells to write: 0-based row and column on the sheet, each run one rectangle (one column). */
export interface GradeWrite {
  row: number;
  col: number;
  values: PlanCell[][];
}

export type SaveGradesPlan =
  | { ok: true; sheet: string; blocks: GradeWrite[]; rows: number }
  | { ok: false; sheet: string; errors: string[] };

/**
 * Validates the grades of one sheet and plans the writes: the Manager score and Comment cells of
 * the rows sent, grouped into runs of adjacent rows per column. Nothing is planned when any
 * input is wrong (every problem listed, in `lang`).
 */
export function planSaveGrades(model: WorkbookModel, sheet: string, grades: readonly GradeInput[], lang: Lang): SaveGradesPlan {
  const t = (m: Localized, p: Record<string, string>) => fmt(m, lang, p);
  const okr = findOkrSheet(model, sheet);
  if (!okr) return { ok: false, sheet, errors: [t(GRADING_TEXT.notFound, { name: sheet })] };
  const read = okr.read;
  const mc = read.columns.managerScore;
  const cc = read.columns.comment;
  if (mc === undefined || cc === undefined) return { ok: false, sheet: okr.sheet, errors: [t(GRADING_TEXT.noColumns, { sheet: okr.sheet })] };
  const byId = new Map<string, number[]>();
  for (const r of read.table.rows) {
    if (!r.id) continue;
    const k = r.id.trim().toLowerCase();
    byId.set(k, [...(byId.get(k) ?? []), r.index]);
  }
  const errors: string[] = [];
  const cells: { row: number; manager: number | null; comment: string }[] = [];
  for (const g of grades) {
    const rows = byId.get(g.id.trim().toLowerCase()) ?? [];
    if (rows.length === 0) {
      errors.push(t(GRADING_TEXT.unknownId, { sheet: okr.sheet, id: g.id }));
      continue;
    }
    if (rows.length > 1) {
      errors.push(t(GRADING_TEXT.duplicateId, { sheet: okr.sheet, id: g.id }));
      continue;
    }
    const score = parseTypedScore(g.managerScore, g.id, model.settings);
    if (!score.ok) {
      errors.push(t(score.message, score.params));
      continue;
    }
    cells.push({ row: read.rowIndexes[rows[0]!]!, manager: score.value, comment: g.comment });
  }
  if (errors.length) return { ok: false, sheet: okr.sheet, errors };
  cells.sort((a, b) => a.row - b.row);
  // a row sent twice: the last one wins, written once
  const unique = cells.filter((c, i) => cells[i + 1]?.row !== c.row);
  const blocks: GradeWrite[] = [];
  for (const [col, value] of [[mc, (c: (typeof unique)[number]) => c.manager], [cc, (c: (typeof unique)[number]) => escapeCellText(c.comment)]] as const) {
    let run: GradeWrite | null = null;
    for (const c of unique) {
      if (run && run.row + run.values.length === c.row) run.values.push([value(c)]);
      else blocks.push((run = { row: c.row, col, values: [[value(c)]] }));
    }
  }
  return { ok: true, sheet: okr.sheet, blocks, rows: unique.length };
}

/**
 * The model as it is once the planned writes are made (the sheet's values patched, read again):
 * the view Save returns is computed from it, so the Final score the sidebar shows after Save is
 * the one the sheet's formula gives (manager's when given, else the Score cell) without a second
 * read of the spreadsheet.
 */
export function modelAfterSave(model: WorkbookModel, plan: Extract<SaveGradesPlan, { ok: true }>): WorkbookModel {
  const sheets = model.snapshot.sheets.map((s) => {
    if (s.name !== plan.sheet) return s;
    const values = s.values.map((r) => [...r]);
    for (const b of plan.blocks) {
      b.values.forEach((line, i) => {
        const row = (values[b.row + i] ??= []);
        line.forEach((v, j) => {
          while (row.length <= b.col + j) row.push('');
          row[b.col + j] = v === null ? '' : typeof v === 'string' ? v.replace(/^'/, '') : v;
        });
      });
    }
    return { ...s, values };
  });
  return readSnapshot({ ...model.snapshot, sheets }, model.settings.lang);
}
