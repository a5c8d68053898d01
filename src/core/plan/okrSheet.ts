/**
 * The OKR sheet as a plan (design §2): a header block (label/value pairs, named ranges), one
 * blank row, the table header (all COLUMN_KEYS, localized) and one row per objective / KR, then
 * spare rows that already carry the formulas, validations and formats so users can add KRs.
 *
 * Layout (1-based rows):
 *   rows 1–4   A/B: unit, level, owner, aligned to   D/E: cycle, cycle start, cycle end, as of
 *              G1/H1: time elapsed (a formula every Status reads; the reader ignores it)
 *   row 5      blank
 *   row 6      table header (frozen through here)
 *   row 7…     objectives and KRs, then `spareRows` blank rows
 */
import { escapeCellText } from '../escape';
import type { Lang } from '../i18n';
import {
  COLUMN_LABELS,
  HEADER_LABELS,
  LEVEL_LABELS,
  ROW_TYPE_LABELS,
  SHEET_NAMES,
  SOURCE_LABELS,
  STATUS_LABELS,
  label,
  type HeaderKey,
} from '../labels';
import { COLUMN_KEYS, type ColumnKey, type Level, type RowType, type ScoreScale, type Source, type Status } from '../model';
import { scaleSpec } from '../scale';
import { EDGE_EPS } from '../progress';
import type { DepartmentTemplate, Due, RoleTemplate } from '../templates/schema';
import { fillText, placeholderValuesFor, type PlaceholderValues } from '../templates/placeholders';
import { cell, colLetter, colRange, parseCell, parseRange, range, sheetRef } from './a1';
import {
  atRiskFromExpr,
  BAR_COLOR,
  BAR_OPTIONS,
  barFallbackFormula,
  barFormula,
  capCellExpr,
  expectedExpr,
  finalScoreFormula,
  formatNumber,
  gradeBandExpr,
  helperFormula,
  onTrackFromExpr,
  overallScoreExpr,
  progressFormula,
  rubricPadExpr,
  scoreDigitsExpr,
  scoreFactorExpr,
  todayExpr,
  scoreFormula,
  statusFormula,
  typeCodeTable,
  type FormulaLayout,
  type RowKind,
} from './formulas';
import { buildActionsPlan, buildCheckInsPlan, buildSettingsPlan, SETTINGS_CELLS } from './supportSheets';
import { TREND_OPTIONS, trendFallbackFormula, trendFormula } from './trendFormula';
import { OWNER_KEY, type ConditionalFormatPlan, type PlanCell, type SheetPlan, type WorkbookPlan } from './types';

/** Where each header label and value sits. */
export const HEADER_CELLS: Record<HeaderKey, { label: string; value: string }> = {
  unit: { label: 'A1', value: 'B1' },
  level: { label: 'A2', value: 'B2' },
  owner: { label: 'A3', value: 'B3' },
  alignedTo: { label: 'A4', value: 'B4' },
  cycle: { label: 'D1', value: 'E1' },
  cycleStart: { label: 'D2', value: 'E2' },
  cycleEnd: { label: 'D3', value: 'E3' },
  asOf: { label: 'D4', value: 'E4' },
  elapsed: { label: 'G1', value: 'H1' },
  overallScore: { label: 'G2', value: 'H2' },
  today: { label: 'G3', value: 'H3' },
};
/**
 * Header cells the row formulas read, computed once per sheet (issue 16 §5: the formula text per
 * row): the cap, the pace thresholds, the type words, the score scale and the grade bands. Labels
 * in J / M, values in K / N. The header reader takes a label's value from up to three cells to its
 * right; J is three right of G, whose labels always have their value in H, so no header value is
 * ever read from these cells (and these labels are none of the reader's).
 */
export const FORMULA_CELLS = {
  cap: { label: 'J1', value: 'K1' },
  onTrackFrom: { label: 'J2', value: 'K2' },
  atRiskFrom: { label: 'J3', value: 'K3' },
  typeTable: { label: 'J4', value: 'K4' },
  scoreFactor: { label: 'M1', value: 'N1' },
  scoreDigits: { label: 'M2', value: 'N2' },
  gradeRedBelow: { label: 'M3', value: 'N3' },
  gradeGreenFrom: { label: 'M4', value: 'N4' },
  doneFrom: { label: 'T3', value: 'U3' },
  rubricPad: { label: 'W1', value: 'X1' },
} as const;
export type FormulaCellKey = keyof typeof FORMULA_CELLS;

const FORMULA_CELL_LABELS: Record<FormulaCellKey, { 'zh-CN': string; en: string }> = {
  cap: { 'zh-CN': '进度计入上限', en: 'Progress counts up to' },
  onTrackFrom: { 'zh-CN': '正常：进度 ≥', en: 'On track: progress ≥' },
  atRiskFrom: { 'zh-CN': '有风险：进度 ≥', en: 'At risk: progress ≥' },
  typeTable: { 'zh-CN': '类型代码（公式据此识别类型）', en: 'Type codes (how the formulas read Type)' },
  scoreFactor: { 'zh-CN': '得分倍数（分制）', en: 'Score factor (scale)' },
  scoreDigits: { 'zh-CN': '得分小数位', en: 'Score decimals' },
  gradeRedBelow: { 'zh-CN': '红色：得分低于', en: 'Red: score below' },
  gradeGreenFrom: { 'zh-CN': '绿色：得分自', en: 'Green: score from' },
  doneFrom: { 'zh-CN': '已完成：进度 ≥', en: 'Done: progress ≥' },
  rubricPad: { 'zh-CN': '评分标准分段用的空格（99 个）', en: 'Spaces that split a Rubric (99)' },
};

/**
 * The sparklines' options (Sheets only), each a range two cells wide (option, value) with its
 * label to the left (issue 16 §5: a range in the header instead of an array literal on every
 * row). Right of the formula cells, so the header reader never takes them for a value.
 */
export const CHART_OPTION_CELLS = {
  bar: { label: 'P1', range: 'Q1:R3' },
  trend: { label: 'T1', range: 'U1:V2' },
} as const;
const CHART_OPTION_LABELS: Record<keyof typeof CHART_OPTION_CELLS, { 'zh-CN': string; en: string }> = {
  bar: { 'zh-CN': '进度条图表选项', en: 'Bar chart options' },
  trend: { 'zh-CN': '趋势图选项', en: 'Trend chart options' },
};

/**
 * The status words every Status formula shows, one cell each after the label (issue 16 §5: the
 * English words alone were a third of a KR row's Status formula). The Status colours compare
 * with the same words, so an edited word loses its colour until the sheet is regenerated.
 */
export const STATUS_WORD_CELLS = { label: 'P4', first: 'Q4' } as const;
export const STATUS_WORD_ORDER: readonly Status[] = ['done', 'overdue', 'notStarted', 'onTrack', 'atRisk', 'offTrack'];
const STATUS_WORDS_LABEL = { 'zh-CN': '状态用语', en: 'Status words' } as const;

/** The header values written from OkrHeaderValues (the elapsed cell holds a formula). */
const HEADER_ORDER: Exclude<HeaderKey, 'elapsed' | 'overallScore' | 'today'>[] = ['unit', 'level', 'owner', 'alignedTo', 'cycle', 'cycleStart', 'cycleEnd', 'asOf'];
/** The header block: every label and value, the elapsed helper included. */
export const HEADER_BLOCK = 'A1:H4';

export const TABLE_HEADER_ROW = 6;
export const FIRST_DATA_ROW = 7;
export const DEFAULT_SPARE_ROWS = 30;

/**
 * The OKR sheet's table columns: COLUMN_KEYS, then Trend (issue 13 §3, after Comment so existing
 * sheets keep their letters; readers find it by label).
 */
export const OKR_SHEET_KEYS: readonly ColumnKey[] = COLUMN_KEYS.includes('trend') ? COLUMN_KEYS : [...COLUMN_KEYS, 'trend'];

/** 1-based column of each table column (OKR_SHEET_KEYS order, from A). */
export const OKR_COLUMNS = Object.fromEntries(OKR_SHEET_KEYS.map((k, i) => [k, i + 1])) as Record<ColumnKey, number>;

/**
 * The helper column, right of the table's last column: the row's type code (an objective row: the
 * share of weight each of its blank-weight KRs gets). Written by the add-on, under the formula
 * protection; readers find columns by label and pass over it.
 */
export const HELPER_COLUMN = OKR_SHEET_KEYS.length + 1;
const HELPER_LABEL = { 'zh-CN': '公式辅助', en: 'Formula helper' } as const;

/** Named ranges: the header block and the table (the applier makes them unique per spreadsheet).
 *  Two names, not one per header value: each costs a service call; readers find cells by label. */
export const HEADER_RANGE_NAME = 'okr_header';
export const TABLE_RANGE_NAME = 'okr_table';

export const META = {
  role: OWNER_KEY,
  cycle: 'okrSheets.cycle',
  unit: 'okrSheets.unit',
  lang: 'okrSheets.lang',
  headerRow: 'okrSheets.headerRow',
  template: 'okrSheets.template',
} as const;

/** Column widths: the two long-text columns are wide, every other column keeps the default
 *  100 px (a new sheet's width: no service call), so the sheet costs two width calls. */
// rubric next to notes with the same width: one width call for both (the ≤ 20-call budget)
const WIDE: Partial<Record<ColumnKey, number>> = { title: 340, notes: 280, rubric: 280 };
const DEFAULT_COLUMN_WIDTH = 100;

/** One table row as the builder writes it. Number cells take any PlanCell (text stays text). */
export interface OkrSheetRow {
  id: string;
  type: RowType | null;
  title: string;
  owner?: string;
  alignsTo?: string;
  source?: Source | null;
  agreed?: boolean | null;
  start?: PlanCell;
  target?: PlanCell;
  current?: PlanCell;
  unit?: string;
  weight?: PlanCell;
  due?: string | null; // ISO
  confidence?: PlanCell;
  selfScore?: PlanCell;
  notes?: string;
  /** Rubric KRs: the steps (`≥2000:1; ≥1500:0.7; ≥1000:0.3`, rubric.ts). */
  rubric?: string;
  managerScore?: PlanCell;
  comment?: string;
  /** Number format for start/target/current of this row (e.g. '0%' for a percentage KR). */
  valueFormat?: string;
}

export interface OkrHeaderValues {
  unit: string;
  level: Level | null;
  owner: string;
  cycle: string;
  cycleStart: string | null; // ISO
  cycleEnd: string | null; // ISO
  alignedTo: string;
  /** null = blank, which the formulas read as TODAY(). */
  asOf?: string | null;
}

export interface RowsSheetOptions {
  lang: Lang;
  header: OkrHeaderValues;
  rows: OkrSheetRow[];
  sheetName?: string;
  spareRows?: number;
  /** Sheet holding the pace thresholds at SETTINGS_CELLS; null = constants 0.2 / 0.4. */
  settingsSheetName?: string | null;
  /** Extra metadata (e.g. the template id). */
  metadata?: Record<string, string>;
  /** The Settings score scale when the sheet is made: the score columns' number format and the
   *  typed-score validations follow it (the formulas read the Settings cell itself). */
  scoreScale?: ScoreScale;
}

const escapeText = escapeCellText;

const SCALE_PLACEHOLDER = '{scale}';
const SCALE_RANGE_TEXT: Record<ScoreScale, { 'zh-CN': string; en: string }> = {
  '0-1': { 'zh-CN': '0–1（一位小数）', en: '0–1 (one decimal)' },
  '0-100': { 'zh-CN': '0–100 分（整数）', en: '0–100 points (whole numbers)' },
  percent: { 'zh-CN': '0%–100%', en: '0%–100%' },
};

const STATUS_COLORS: Record<Status, string> = {
  done: '#b7e1cd',
  onTrack: '#d9ead3',
  atRisk: '#fce8b2',
  offTrack: '#f4c7c3',
  notStarted: '#eeeeee',
  overdue: '#e6b8af', // darker than off track: the date has passed, not only the pace
};
/** The colour field of a text stand-in (unused: no bar is drawn). */
const TEXT_STANDIN_COLOR = '#4285f4';
export const GRADE_COLORS = { green: '#b7e1cd', yellow: '#fce8b2', red: '#f4c7c3' } as const;

const TEXT = {
  typeHelp: { 'zh-CN': '目标，或关键结果类型：提升 / 降低 / 不低于 / 不高于 / 里程碑 / 评分标准', en: 'Objective, or the KR type: Increase / Decrease / At least / At most / Milestone / Rubric' },
  sourceHelp: { 'zh-CN': '自上而下或自下而上（至少 60% 的目标应自下而上）', en: 'Top-down or bottom-up (at least 60% of objectives should be bottom-up)' },
  agreedHelp: { 'zh-CN': '勾选表示上下级已达成共识', en: 'Tick when manager and owner have agreed' },
  numberHelp: { 'zh-CN': '数字（百分比填 80%；500万 请填 5000000）。文字形式的数字不参与公式计算，检查会提示', en: 'A number (percentages as 80%; 2.5k as 2500). A number typed as text is not computed; Check reports it' },
  managerScoreHelp: { 'zh-CN': '上级评分 {scale}，周期结束时由上级填写', en: 'Manager score {scale}, entered by the manager at the end of the cycle' },
  currentHelp: { 'zh-CN': '当前值：数字；里程碑可填 TRUE/FALSE 或完成比例（如 70%）；留空 = 未开始', en: 'Current value: a number; for a milestone TRUE/FALSE or the share done (e.g. 70%); blank = not started' },
  weightHelp: { 'zh-CN': '权重 0–100%；留空 = 平均分配；同一目标下合计应为 100%', en: 'Weight 0–100%; blank = equal; should total 100% within an objective' },
  dueHelp: { 'zh-CN': '截止日期应在周期内', en: 'The due date should fall within the cycle' },
  confidenceHelp: { 'zh-CN': '信心指数 1–10（来自最近一次进展更新）', en: 'Confidence 1–10 (from the latest check-in)' },
  selfScoreHelp: { 'zh-CN': '复盘时的自评分 {scale}', en: 'Self-score {scale}, entered at review' },
  levelHelp: { 'zh-CN': '公司 / 部门 / 团队 / 个人', en: 'Company / department / team / individual' },
  dateHelp: { 'zh-CN': '日期', en: 'A date' },
  asOfHelp: { 'zh-CN': '统计日期；留空 = 今天', en: 'As-of date; blank = today' },
  // who is expected to edit what (issue 14 §3): shown when someone edits a protected cell
  protect: {
    'zh-CN': '谁来填写：自评分、备注、评分标准——关键结果负责人；上级评分、评语——负责人的上级（周期结束时）。进度、得分、状态、进度条、最终得分、趋势、公式辅助由 OKR Sheets 的公式计算，请改输入列（当前值、目标等）。',
    en: "Who edits: Self-score, Notes, Rubric: the KR owner; Manager score, Comment: the owner's manager (at the end of the cycle). Progress, Score, Status, Bar, Final score, Trend and Formula helper are written by OKR Sheets formulas: change the inputs (Current, Target …) instead.",
  },
  why: { 'zh-CN': '为什么：', en: 'Why: ' },
} as const;

/** Builds an OKR sheet plan from explicit rows (templates, tests, imports). */
export function buildOkrSheetPlanFromRows(opts: RowsSheetOptions): SheetPlan {
  const { lang, header } = opts;
  const spare = Math.max(0, opts.spareRows ?? DEFAULT_SPARE_ROWS);
  const C = OKR_COLUMNS;
  // the table's columns, then the helper column
  const width = HELPER_COLUMN;
  const firstRow = FIRST_DATA_ROW;
  const lastRow = firstRow + Math.max(1, opts.rows.length + spare) - 1;
  const lastCol = colLetter(width);
  const settingsName = opts.settingsSheetName === undefined ? SHEET_NAMES.settings[lang] : opts.settingsSheetName;
  const spec = scaleSpec(opts.scoreScale);
  const scaleText = (s: string) => s.replace(SCALE_PLACEHOLDER, SCALE_RANGE_TEXT[spec.scale][lang]);

  const objectiveRows: number[] = [];
  opts.rows.forEach((r, i) => {
    if (r.type === 'objective') objectiveRows.push(firstRow + i);
  });
  const L: FormulaLayout = {
    col: C,
    firstRow,
    lastRow,
    objectiveRows,
    cycleStart: abs(HEADER_CELLS.cycleStart.value),
    cycleEnd: abs(HEADER_CELLS.cycleEnd.value),
    asOf: abs(HEADER_CELLS.asOf.value),
    expected: abs(HEADER_CELLS.elapsed.value),
    today: rowAbs(HEADER_CELLS.today.value),
    atRiskRef: settingsName ? sheetRef(settingsName, abs(SETTINGS_CELLS.atRiskBelow)) : null,
    offTrackRef: settingsName ? sheetRef(settingsName, abs(SETTINGS_CELLS.offTrackBelow)) : null,
    capRef: settingsName ? sheetRef(settingsName, abs(SETTINGS_CELLS.progressCap)) : null,
    // row-absolute only (K$1, not $K$1): the formulas are never filled sideways, and each `$`
    // saved is a character on every row (issue 16 §5)
    cells: {
      cap: rowAbs(FORMULA_CELLS.cap.value),
      onTrackFrom: rowAbs(FORMULA_CELLS.onTrackFrom.value),
      atRiskFrom: rowAbs(FORMULA_CELLS.atRiskFrom.value),
      scoreFactor: rowAbs(FORMULA_CELLS.scoreFactor.value),
      scoreDigits: rowAbs(FORMULA_CELLS.scoreDigits.value),
      typeTable: rowAbs(FORMULA_CELLS.typeTable.value),
      doneFrom: rowAbs(FORMULA_CELLS.doneFrom.value),
      rubricPad: rowAbs(FORMULA_CELLS.rubricPad.value),
      barOptions: CHART_OPTION_CELLS.bar.range.split(':').map(rowAbs).join(':'),
      statusWords: statusWordCells(),
    },
    helperCol: HELPER_COLUMN,
  };
  const settingRef = (k: keyof typeof SETTINGS_CELLS) => (settingsName ? sheetRef(settingsName, abs(SETTINGS_CELLS[k])) : null);

  const values: PlanCell[][] = [];
  for (let r = 0; r < lastRow; r++) values.push(new Array<PlanCell>(width).fill(null));
  const put = (a1: string, v: PlanCell) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const col = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    values[Number(m[2]) - 1]![col - 1] = v;
  };

  // Header block.
  const hv: Record<(typeof HEADER_ORDER)[number], PlanCell> = {
    unit: escapeText(header.unit),
    level: header.level ? label(LEVEL_LABELS[header.level], lang) : null,
    owner: escapeText(header.owner),
    alignedTo: escapeText(header.alignedTo),
    cycle: escapeText(header.cycle),
    cycleStart: header.cycleStart ? { date: header.cycleStart } : null,
    cycleEnd: header.cycleEnd ? { date: header.cycleEnd } : null,
    asOf: header.asOf ? { date: header.asOf } : null,
  };
  for (const k of HEADER_ORDER) {
    put(HEADER_CELLS[k].label, label(HEADER_LABELS[k], lang));
    put(HEADER_CELLS[k].value, hv[k]);
  }
  put(HEADER_CELLS.elapsed.label, label(HEADER_LABELS.elapsed, lang));
  put(HEADER_CELLS.elapsed.value, `=${expectedExpr(L)}`);
  put(HEADER_CELLS.overallScore.label, label(HEADER_LABELS.overallScore, lang));
  put(HEADER_CELLS.overallScore.value, `=${overallScoreExpr(L)}`);
  put(HEADER_CELLS.today.label, label(HEADER_LABELS.today, lang));
  put(HEADER_CELLS.today.value, `=${todayExpr(L)}`);
  // what every row reads, once: a formula over the Settings cell, or (no Settings sheet) the
  // default as a plain number the user may change here
  const once = (expr: string): PlanCell => (/^-?[\d.]+$/.test(expr) ? Number(expr) : `=${expr}`);
  const formulaCells: Record<FormulaCellKey, PlanCell> = {
    cap: once(capCellExpr(L)),
    onTrackFrom: once(onTrackFromExpr(L)),
    atRiskFrom: once(atRiskFromExpr(L)),
    typeTable: typeCodeTable(),
    scoreFactor: once(scoreFactorExpr(settingRef('scoreScale'))),
    scoreDigits: once(scoreDigitsExpr(settingRef('scoreScale'))),
    gradeRedBelow: once(gradeBandExpr(settingRef('gradeRedBelow'), settingRef('gradeGreenFrom'), 'red')),
    gradeGreenFrom: once(gradeBandExpr(settingRef('gradeRedBelow'), settingRef('gradeGreenFrom'), 'green')),
    doneFrom: Number(formatNumber(1 - EDGE_EPS)),
    rubricPad: `=${rubricPadExpr()}`,
  };
  for (const k of Object.keys(FORMULA_CELLS) as FormulaCellKey[]) {
    put(FORMULA_CELLS[k].label, FORMULA_CELL_LABELS[k][lang]);
    put(FORMULA_CELLS[k].value, formulaCells[k]);
  }
  put(STATUS_WORD_CELLS.label, STATUS_WORDS_LABEL[lang]);
  const words = statusWordCells();
  for (const st of STATUS_WORD_ORDER) put(words[st].replace(/\$/g, ''), STATUS_LABELS[st][lang]);
  const chartOptions: Record<keyof typeof CHART_OPTION_CELLS, readonly (readonly [string, string | number])[]> = { bar: BAR_OPTIONS, trend: TREND_OPTIONS };
  for (const k of Object.keys(CHART_OPTION_CELLS) as (keyof typeof CHART_OPTION_CELLS)[]) {
    put(CHART_OPTION_CELLS[k].label, CHART_OPTION_LABELS[k][lang]);
    const at = parseRange(CHART_OPTION_CELLS[k].range);
    chartOptions[k].forEach(([option, value], i) => {
      put(cell(at.row1 + i, at.col1), option);
      put(cell(at.row1 + i, at.col1 + 1), value);
    });
  }

  // Table header.
  values[TABLE_HEADER_ROW - 1] = [...OKR_SHEET_KEYS.map((k) => label(COLUMN_LABELS[k], lang)), HELPER_LABEL[lang]];

  // Data rows (template rows, then spare rows: formulas only).
  const formats: SheetPlan['formats'] = [];
  const sheetName = opts.sheetName ?? defaultOkrSheetName(header.unit, header.cycle, lang);
  const trendFallbacks: string[] = [];
  for (let i = 0; i <= lastRow - firstRow; i++) {
    const row = firstRow + i;
    const out = values[row - 1]!;
    const src = opts.rows[i];
    if (src) {
      const set = (k: ColumnKey, v: PlanCell | undefined) => {
        if (v !== undefined) out[C[k] - 1] = typeof v === 'string' ? escapeText(v) : v;
      };
      set('id', src.id);
      set('type', src.type ? label(ROW_TYPE_LABELS[src.type], lang) : null);
      set('title', src.title);
      set('owner', src.owner);
      set('alignsTo', src.alignsTo);
      set('source', src.source ? label(SOURCE_LABELS[src.source], lang) : null);
      set('agreed', src.agreed ?? null);
      set('start', src.start);
      set('target', src.target);
      set('current', src.current);
      set('unit', src.unit);
      set('weight', src.weight);
      set('due', src.due ? { date: src.due } : null);
      set('confidence', src.confidence);
      set('selfScore', src.selfScore);
      set('notes', src.notes);
      set('rubric', src.rubric);
      set('managerScore', src.managerScore);
      set('comment', src.comment);
      if (src.valueFormat) {
        const f = /^0(?:\.0+)?%$/.test(src.valueFormat) ? percentFormat([src.start, src.target, src.current], src.valueFormat) : src.valueFormat;
        formats.push({ range: range(row, C.start, row, C.current), numberFormat: f });
      }
    }
    const kind: RowKind = !src?.type ? 'any' : src.type === 'objective' ? 'objective' : 'kr';
    out[C.progress - 1] = progressFormula(L, row, kind);
    out[C.score - 1] = scoreFormula(L, row, kind, kind === 'any' || src?.type === 'rubric');
    out[C.finalScore - 1] = finalScoreFormula(L, row);
    out[C.status - 1] = statusFormula(L, row, lang, kind);
    out[C.bar - 1] = barFormula(L, row);
    out[HELPER_COLUMN - 1] = helperFormula(L, row, kind);
    // the KR's logged values (Sheets: a sparkline; elsewhere "12 → 18"); never on an objective row
    if (kind !== 'objective') {
      const tp = { row, idCell: `$${colLetter(C.id)}${row}`, sheetName, checkinsSheet: SHEET_NAMES.checkins[lang], lang, options: CHART_OPTION_CELLS.trend.range.split(':').map(rowAbs).join(':') };
      out[C.trend - 1] = trendFormula(tp);
      trendFallbacks.push(trendFallbackFormula(tp));
    } else trendFallbacks.push('');
  }

  const col = (k: ColumnKey) => colRange(C[k], firstRow, lastRow);
  const tableRange = `A${TABLE_HEADER_ROW}:${lastCol}${lastRow}`;
  const dataRange = `A${firstRow}:${lastCol}${lastRow}`;

  // Styles the applier writes as one 2-D call per property over the whole block (bold,
  // background, wrap, number format): a property more costs a service call, a range more does not.
  formats.unshift(
    { range: `${HEADER_CELLS.unit.label}:${HEADER_CELLS.alignedTo.label}`, bold: true },
    { range: `${HEADER_CELLS.cycle.label}:${HEADER_CELLS.asOf.label}`, bold: true },
    { range: `${HEADER_CELLS.elapsed.label}:${HEADER_CELLS.today.label}`, bold: true },
    { range: HEADER_CELLS.today.value, numberFormat: 'yyyy-mm-dd' },
    { range: HEADER_CELLS.overallScore.value, numberFormat: spec.numberFormat },
    { range: `${HEADER_CELLS.cycleStart.value}:${HEADER_CELLS.asOf.value}`, numberFormat: 'yyyy-mm-dd' },
    { range: HEADER_CELLS.elapsed.value, numberFormat: '0%' },
    { range: `${FORMULA_CELLS.cap.label}:${FORMULA_CELLS.typeTable.label}`, bold: true },
    { range: `${FORMULA_CELLS.scoreFactor.label}:${FORMULA_CELLS.gradeGreenFrom.label}`, bold: true },
    { range: `${FORMULA_CELLS.cap.value}:${FORMULA_CELLS.atRiskFrom.value}`, numberFormat: '0%' },
    { range: `${FORMULA_CELLS.scoreFactor.value}:${FORMULA_CELLS.scoreDigits.value}`, numberFormat: '0' },
    { range: `${FORMULA_CELLS.gradeRedBelow.value}:${FORMULA_CELLS.gradeGreenFrom.value}`, numberFormat: '0%' },
    { range: FORMULA_CELLS.doneFrom.value, numberFormat: '0%' },
    { range: FORMULA_CELLS.doneFrom.label, bold: true },
    { range: FORMULA_CELLS.rubricPad.label, bold: true },
    { range: CHART_OPTION_CELLS.bar.label, bold: true },
    { range: CHART_OPTION_CELLS.trend.label, bold: true },
    { range: STATUS_WORD_CELLS.label, bold: true },
    { range: `A${TABLE_HEADER_ROW}:${lastCol}${TABLE_HEADER_ROW}`, bold: true, background: '#dbe5f1', wrap: true },
    { range: col('title'), wrap: true },
    { range: col('alignsTo'), wrap: true },
    { range: col('notes'), wrap: true },
    { range: col('weight'), numberFormat: '0%' },
    { range: col('due'), numberFormat: 'yyyy-mm-dd' },
    { range: col('progress'), numberFormat: '0%' },
    // in the scale chosen when the sheet was made (changing it later: regenerate, or Check's fix)
    { range: col('selfScore'), numberFormat: spec.numberFormat },
    { range: col('score'), numberFormat: spec.numberFormat },
    { range: col('managerScore'), numberFormat: spec.numberFormat },
    { range: col('finalScore'), numberFormat: spec.numberFormat },
    { range: col('rubric'), wrap: true },
    { range: col('comment'), wrap: true },
  );

  const typeValues = (['objective', 'increase', 'decrease', 'atLeast', 'atMost', 'milestone', 'rubric'] as RowType[]).map((t) =>
    label(ROW_TYPE_LABELS[t], lang),
  );
  const t = (m: { 'zh-CN': string; en: string }) => m[lang];
  const validations: SheetPlan['validations'] = [
    { range: HEADER_CELLS.level.value, rule: { kind: 'list', values: (['company', 'department', 'team', 'individual'] as Level[]).map((l) => label(LEVEL_LABELS[l], lang)) }, helpText: t(TEXT.levelHelp), strict: false },
    { range: `${HEADER_CELLS.cycleStart.value}:${HEADER_CELLS.cycleEnd.value}`, rule: { kind: 'date' }, helpText: t(TEXT.dateHelp), strict: false },
    { range: HEADER_CELLS.asOf.value, rule: { kind: 'date' }, helpText: t(TEXT.asOfHelp), strict: false },
    { range: col('type'), rule: { kind: 'list', values: typeValues }, helpText: t(TEXT.typeHelp), strict: false },
    { range: col('source'), rule: { kind: 'list', values: (['bottomUp', 'topDown'] as Source[]).map((s) => label(SOURCE_LABELS[s], lang)) }, helpText: t(TEXT.sourceHelp), strict: false },
    { range: col('agreed'), rule: { kind: 'checkbox' }, helpText: t(TEXT.agreedHelp), strict: true },
    { range: `${colLetter(C.start)}${firstRow}:${colLetter(C.target)}${lastRow}`, rule: { kind: 'number' }, helpText: t(TEXT.numberHelp), strict: false },
    { range: col('current'), rule: { kind: 'number' }, helpText: t(TEXT.currentHelp), strict: false },
    { range: col('weight'), rule: { kind: 'number', min: 0, max: 1 }, helpText: t(TEXT.weightHelp), strict: true },
    {
      range: col('due'),
      rule: { kind: 'date', ...(header.cycleStart ? { min: header.cycleStart } : {}), ...(header.cycleEnd ? { max: header.cycleEnd } : {}) },
      helpText: t(TEXT.dueHelp),
      strict: false,
    },
    { range: col('confidence'), rule: { kind: 'number', min: 1, max: 10 }, helpText: t(TEXT.confidenceHelp), strict: true },
    { range: col('selfScore'), rule: { kind: 'number', min: 0, max: spec.factor }, helpText: scaleText(t(TEXT.selfScoreHelp)), strict: true },
    { range: col('managerScore'), rule: { kind: 'number', min: 0, max: spec.factor }, helpText: scaleText(t(TEXT.managerScoreHelp)), strict: true },
  ];

  const statusCf: ConditionalFormatPlan[] = (['done', 'overdue', 'onTrack', 'atRisk', 'offTrack', 'notStarted'] as Status[]).map((s) => ({
    range: col('status'),
    when: { kind: 'textEq', value: STATUS_LABELS[s][lang] },
    background: STATUS_COLORS[s],
  }));
  // graded on the score as displayed, as a share (scale.ts displayedShare, progress.ts grade):
  // ROUND(ROUND(score/factor,10)*factor,digits)/factor — 0.667 shows 0.7 on 0-1 and is green —
  // against the bands of the header cells (Settings, else 0.4 / 0.7). Conditional formats cannot
  // read another sheet, hence the header cells.
  const qc = cell(firstRow, C.score);
  const [fac, dig, red, green] = [FORMULA_CELLS.scoreFactor, FORMULA_CELLS.scoreDigits, FORMULA_CELLS.gradeRedBelow, FORMULA_CELLS.gradeGreenFrom].map((x) => abs(x.value));
  const q = `ROUND(ROUND(${qc}/${fac},10)*${fac},${dig})/${fac}`;
  const eps = formatNumber(EDGE_EPS);
  const gradeCf: ConditionalFormatPlan[] = [
    { range: col('score'), when: { kind: 'formula', formula: `=AND(ISNUMBER(${qc}),${q}>=${green}-${eps})` }, background: GRADE_COLORS.green },
    { range: col('score'), when: { kind: 'formula', formula: `=AND(ISNUMBER(${qc}),${q}>=${red}-${eps})` }, background: GRADE_COLORS.yellow },
    { range: col('score'), when: { kind: 'formula', formula: `=AND(ISNUMBER(${qc}),${q}<${red}-${eps})` }, background: GRADE_COLORS.red },
  ];
  const typeCell = `$${colLetter(C.type)}${firstRow}`;
  const objAliases = [...new Set([...ROW_TYPE_LABELS.objective['zh-CN'], ...ROW_TYPE_LABELS.objective.en])];
  const objectiveCf: ConditionalFormatPlan = {
    range: dataRange,
    when: { kind: 'formula', formula: `=OR(${objAliases.map((a) => `${typeCell}="${a}"`).join(',')})` },
    background: '#f1f5fb',
    bold: true,
  };

  // One warning-only protection that says who edits what (issue 14 §3), over Self-score through
  // the helper column: the owner's and the manager's columns and every formula column written by
  // the add-on (OKR_SHEET_KEYS keeps them contiguous). One, not one per group: each protection costs
  // three service calls (protect, description, warning only) and the sheet keeps its budget.
  const guarded = [...(['selfScore', 'progress', 'score', 'status', 'bar', 'notes', 'rubric', 'managerScore', 'finalScore', 'comment', 'trend'] as ColumnKey[]).map((k) => C[k]), HELPER_COLUMN].sort((a, b) => a - b);
  const protections: SheetPlan['protections'] = guarded.every((c, i) => i === 0 || c === guarded[i - 1]! + 1)
    ? [{ range: range(firstRow, guarded[0]!, lastRow, guarded[guarded.length - 1]!), description: t(TEXT.protect), warningOnly: true }]
    : guarded.map((c) => ({ range: colRange(c, firstRow, lastRow), description: t(TEXT.protect), warningOnly: true as const }));

  const namedRanges: SheetPlan['namedRanges'] = [
    { name: HEADER_RANGE_NAME, range: HEADER_BLOCK },
    { name: TABLE_RANGE_NAME, range: tableRange },
  ];

  const barRows: string[] = [];
  for (let row = firstRow; row <= lastRow; row++) barRows.push(barFallbackFormula(L, row));

  return {
    name: sheetName,
    role: 'okr',
    values,
    frozenRows: TABLE_HEADER_ROW,
    columnWidths: [...OKR_SHEET_KEYS.map((k) => WIDE[k] ?? DEFAULT_COLUMN_WIDTH), DEFAULT_COLUMN_WIDTH],
    formats,
    validations,
    conditionalFormats: [objectiveCf, ...statusCf, ...gradeCf],
    protections,
    namedRanges,
    metadata: {
      [META.role]: 'okr',
      [META.cycle]: header.cycle,
      [META.unit]: header.unit,
      [META.lang]: lang,
      [META.headerRow]: String(TABLE_HEADER_ROW),
      ...(opts.metadata ?? {}),
    },
    dataBars: [
      { range: col('bar'), fallback: barRows, min: 0, max: 1, color: BAR_COLOR },
      // Trend: Sheets-only too; its stand-in is text ("12 → 18"), so no bar over it
      // (bounds and colour unused; these are what an xlsx read-back gives a range without a bar)
      { range: col('trend'), fallback: trendFallbacks, min: 0, max: 1, color: TEXT_STANDIN_COLOR, text: true },
    ],
  };
}

/** Decimals a number shows as a percentage (0.015 → 1, 0.056 → 1, 0.8 → 0), at most 4. */
function percentDecimals(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 0;
  const p = Number((v * 100).toPrecision(12));
  for (let d = 0; d < 4; d++) if (Math.abs(p * 10 ** d - Math.round(p * 10 ** d)) < 1e-9) return d;
  return 4;
}

/**
 * The percent number format that shows every given value with as many decimals as it was typed
 * with (issue 10: "from 3% to 1.5%" shows 1.5%, not 2%): `0%`, `0.0%`, `0.00%` …; never fewer
 * decimals than `base` has. A check-in writer widens a cell's format the same way.
 */
export function percentFormat(values: readonly unknown[], base = '0%'): string {
  const m = /^0(?:\.(0+))?%$/.exec(base);
  let d = m?.[1]?.length ?? 0;
  for (const v of values) d = Math.max(d, percentDecimals(v));
  return d === 0 ? '0%' : `0.${'0'.repeat(d)}%`;
}

function abs(a1: string): string {
  return a1.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
}

/** The cell of each status word (`Q$4` …), as the Status formulas read them. */
function statusWordCells(): Record<Status, string> {
  const at = parseCell(STATUS_WORD_CELLS.first);
  return Object.fromEntries(STATUS_WORD_ORDER.map((st, i) => [st, rowAbs(cell(at.row, at.col + i))])) as Record<Status, string>;
}

/** `K1` → `K$1`: a header cell as every row reads it. */
function rowAbs(a1: string): string {
  return a1.replace(/^([A-Z]+)(\d+)$/, '$1$$$2');
}

/** "OKR 销售中心 2026-Q4" — sheet names may not exceed 100 characters nor contain some symbols. */
export function defaultOkrSheetName(unit: string, cycle: string, lang: Lang): string {
  const base = [SHEET_NAMES.okr[lang], unit, cycle].map((s) => s.trim()).filter(Boolean).join(' ');
  return base.replace(/[\[\]*?:/\\']/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
}

// ---------------------------------------------------------------------------------------------
// From a template role.

export interface OkrSheetOptions {
  role: RoleTemplate;
  lang: Lang;
  cycle: string;
  cycleStart: string; // ISO
  cycleEnd: string; // ISO
  /** The unit's name; blank → the role's name. */
  unit?: string;
  /** Owner of the sheet and, until changed, of every KR. */
  owner: string;
  /** Blank → the role's level. */
  level?: Level | null;
  /** The parent sheet / unit; blank → the parent role's name when the role has one. */
  alignedTo?: string;
  sheetName?: string;
  asOf?: string | null;
  spareRows?: number;
  settingsSheetName?: string | null;
  /** Needed only to name the parent role when `alignedTo` is blank. */
  parentRole?: RoleTemplate | null;
  /** Recorded in metadata as `dept/role`. */
  departmentId?: string;
  /** Values for the texts' `{unit}` / `{parent}` / `{city}`… (templates/placeholders.ts); unknown ones defaulted. */
  placeholders?: Partial<PlaceholderValues>;
}

/** The due date of a template KR: 'end' or the end of the n-th month of the cycle, within it. */
export function dueDate(due: Due, cycleStart: string, cycleEnd: string): string {
  if (due === 'end') return cycleEnd;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(cycleStart);
  if (!m) return cycleEnd;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1 + (due - 1); // 0-based month index of the n-th cycle month
  const last = new Date(Date.UTC(y, mo + 1, 0)).toISOString().slice(0, 10);
  return last > cycleEnd ? cycleEnd : last < cycleStart ? cycleStart : last;
}

/** The table rows of a template role in a language. */
export function templateRows(opts: OkrSheetOptions, alignedTo: string): OkrSheetRow[] {
  const { role, lang } = opts;
  const rows: OkrSheetRow[] = [];
  // every path from a template to a sheet passes here, so the placeholders are filled here once
  const values = placeholderValuesFor(
    { unit: opts.unit, parent: opts.alignedTo || alignedTo || opts.parentRole?.name[lang], owner: opts.owner, ...opts.placeholders },
    role.name[lang], lang,
  );
  const fill = (t: string) => fillText(t, values);
  const parentRef = (id: string | undefined) => (id && alignedTo ? `${alignedTo}/${id}` : '');
  role.objectives.forEach((o, i) => {
    const oid = `O${i + 1}`;
    rows.push({
      id: oid,
      type: 'objective',
      title: fill(o.title[lang]),
      owner: opts.owner,
      alignsTo: parentRef(o.alignsTo),
      source: o.source,
      agreed: false,
      notes: TEXT.why[lang] + fill(o.why[lang]),
    });
    o.krs.forEach((k, j) => {
      const unit = k.unit?.[lang] ?? '';
      rows.push({
        id: `${oid}.KR${j + 1}`,
        type: k.type,
        title: fill(k.title[lang]),
        owner: opts.owner,
        alignsTo: parentRef(k.alignsTo),
        agreed: false,
        start: k.type === 'milestone' ? null : (k.start ?? null),
        target: k.target,
        current: null,
        unit: unit === '%' ? '%' : unit,
        weight: k.weight ?? null,
        due: dueDate(k.due, opts.cycleStart, opts.cycleEnd),
        ...(k.rubric ? { rubric: k.rubric } : {}),
        ...(unit === '%' || k.type === 'milestone' ? { valueFormat: '0%' } : {}),
      });
    });
  });
  return rows;
}

/** The OKR sheet of one template role. */
export function buildOkrSheetPlan(opts: OkrSheetOptions): SheetPlan {
  const { role, lang } = opts;
  const unit = opts.unit?.trim() || role.name[lang];
  const alignedTo = opts.alignedTo?.trim() || (role.parent && opts.parentRole ? opts.parentRole.name[lang] : '');
  return buildOkrSheetPlanFromRows({
    lang,
    header: {
      unit,
      level: opts.level ?? role.level,
      owner: opts.owner,
      cycle: opts.cycle,
      cycleStart: opts.cycleStart,
      cycleEnd: opts.cycleEnd,
      alignedTo,
      asOf: opts.asOf ?? null,
    },
    rows: templateRows(opts, alignedTo),
    ...(opts.sheetName !== undefined ? { sheetName: opts.sheetName } : {}),
    ...(opts.spareRows !== undefined ? { spareRows: opts.spareRows } : {}),
    ...(opts.settingsSheetName !== undefined ? { settingsSheetName: opts.settingsSheetName } : {}),
    metadata: { [META.template]: `${opts.departmentId ? opts.departmentId + '/' : ''}${role.id}` },
  });
}

/**
 * The OKR sheet plus the Check-ins, Actions and Settings sheets (the applier creates the
 * support sheets only when the workbook has none with that role).
 */
export function buildWorkbookPlan(opts: OkrSheetOptions): WorkbookPlan {
  const settingsName = opts.settingsSheetName === undefined ? SHEET_NAMES.settings[opts.lang] : opts.settingsSheetName;
  const okr = buildOkrSheetPlan({ ...opts, settingsSheetName: settingsName });
  const sheets: SheetPlan[] = [
    okr,
    buildCheckInsPlan(opts.lang),
    buildActionsPlan(opts.lang),
    buildSettingsPlan({ lang: opts.lang, cycle: opts.cycle, cycleStart: opts.cycleStart, cycleEnd: opts.cycleEnd, ...(settingsName ? { sheetName: settingsName } : {}) }),
  ];
  return { sheets };
}

export type { DepartmentTemplate };
