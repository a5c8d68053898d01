/**
 * The Dashboard sheet (design §2; seed 004: progress shown visually, for everyone to see): one
 * row per unit — objectives, KRs, average score and progress, status counts, stale KRs — a list
 * of the stale KRs, and a column chart of scores by unit (built by src/sheets/review.ts from
 * `chart`). Role 'dashboard': owned by the add-on, rewritten in place.
 */
import type { Lang, Localized } from '../i18n';
import { fmt } from '../i18n';
import { LEVEL_LABELS, SHEET_NAMES, STATUS_LABELS, label } from '../labels';
import type { CheckIn, Level, OkrSettings, Status } from '../model';
import { DEFAULT_SETTINGS } from '../model';
import { escapeCellText } from '../escape';
import { grade } from '../progress';
import { scoreTable, unitProgress } from '../score';
import { staleKrs, type StaleKr } from '../checkins';
import { unitName, type AlignmentSheet } from '../alignment';
import { CALIBRATION_GAP, calibrationItems, gradeRows, type CalibrationItem } from '../grading';
import { cellFromShare, gradeBands, scaleSpec } from '../scale';
import { OWNER_KEY, type FormatPlan, type PlanCell, type SheetPlan } from './types';

export const STATUS_ORDER: readonly Status[] = ['notStarted', 'onTrack', 'atRisk', 'offTrack', 'overdue', 'done'];

export interface DashboardUnit {
  unit: string;
  sheet: string;
  level: Level | null;
  owner: string;
  objectives: number;
  krs: number;
  /** Mean objective score (0 without objectives). */
  avgScore: number;
  /** Mean objective progress. */
  avgProgress: number;
  status: Record<Status, number>;
  stale: number;
}

export interface DashboardData {
  lang: Lang;
  asOf: string;
  units: DashboardUnit[];
  stale: (StaleKr & { unit: string; sheet: string })[];
  /** Calibration (issue 14 §3): objectives and KRs whose self and manager scores differ by
   *  CALIBRATION_GAP or more, as shares; in unit order, then sheet order. */
  calibration: CalibrationItem[];
  /** The workbook's score settings the sheet shows calibration scores in. */
  settings: Pick<OkrSettings, 'scoreScale' | 'progressCap' | 'gradeRedBelow' | 'gradeGreenFrom'>;
}

export interface ChartSpec {
  type: 'column';
  title: string;
  /** A1 ranges on the dashboard sheet: the unit names and the scores (each with its header). */
  ranges: string[];
  numHeaders: number;
  anchorRow: number;
  anchorColumn: number;
}

export const DASHBOARD_TEXT = {
  title: { 'zh-CN': 'OKR 仪表盘', en: 'OKR dashboard' },
  asOf: { 'zh-CN': '统计日期：{asOf}　（重新生成以刷新）', en: 'As of {asOf} (generate again to refresh)' },
  unit: { 'zh-CN': '单元', en: 'Unit' },
  level: { 'zh-CN': '层级', en: 'Level' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
  objectives: { 'zh-CN': '目标数', en: 'Objectives' },
  krs: { 'zh-CN': 'KR 数', en: 'KRs' },
  avgScore: { 'zh-CN': '平均得分', en: 'Average score' },
  avgProgress: { 'zh-CN': '平均进度', en: 'Average progress' },
  stale: { 'zh-CN': '久未更新 KR', en: 'Stale KRs' },
  staleTitle: { 'zh-CN': '超过 {days} 天未更新的关键结果', en: 'Key results with no check-in for {days}+ days' },
  kr: { 'zh-CN': 'KR', en: 'KR' },
  krTitle: { 'zh-CN': '关键结果', en: 'Key result' },
  lastCheckIn: { 'zh-CN': '最近更新', en: 'Last check-in' },
  days: { 'zh-CN': '天数', en: 'Days' },
  never: { 'zh-CN': '从未', en: 'never' },
  noStale: { 'zh-CN': '（无）', en: '(none)' },
  chartTitle: { 'zh-CN': '各单元平均得分', en: 'Average score by unit' },
  calibrationTitle: {
    'zh-CN': '评分校准：自评与上级评相差 {gap} 或以上',
    en: 'Calibration: self and manager scores {gap} or more apart',
  },
  item: { 'zh-CN': '目标 / KR', en: 'Objective / KR' },
  itemTitle: { 'zh-CN': '内容', en: 'Title' },
  self: { 'zh-CN': '自评', en: 'Self' },
  manager: { 'zh-CN': '上级评', en: 'Manager' },
  difference: { 'zh-CN': '差值（上级 − 自评）', en: 'Difference (manager − self)' },
  noCalibration: { 'zh-CN': '（无：自评与上级评一致，或尚未评分）', en: '(none: self and manager scores agree, or are not in yet)' },
} satisfies Record<string, Localized>;

export function buildDashboard(
  sheets: readonly AlignmentSheet[],
  checkins: readonly (CheckIn & { sheet?: string; order?: number })[],
  asOf: string,
  opts: { lang?: Lang; settings?: OkrSettings } = {},
): DashboardData {
  const settings = opts.settings ?? DEFAULT_SETTINGS;
  const lang = opts.lang ?? settings.lang;
  const units: DashboardUnit[] = [];
  const stale: DashboardData['stale'] = [];
  const calibration: CalibrationItem[] = [];
  for (const s of sheets) {
    const h = s.table.header;
    const status: Record<Status, number> = { notStarted: 0, onTrack: 0, atRisk: 0, offTrack: 0, overdue: 0, done: 0 };
    // the sheet's own numbers (core scoreTable = the Progress / Score / Status formulas): a unit's
    // score is the mean of its objectives' scores in every view (score.ts unitScore)
    const scored = scoreTable(s.table, asOf, settings);
    const inObjectives = scored.krs.filter((k) => k.objectiveId !== '');
    for (const k of inObjectives) status[k.status]++;
    const groups = scored.objectives;
    const unit = unitName(s);
    const st = staleKrs(s.table, checkins, asOf, settings.staleDays, { sheetName: s.sheet });
    for (const x of st) stale.push({ ...x, unit, sheet: s.sheet });
    calibration.push(...calibrationItems(gradeRows(s.table, asOf, settings), { sheet: s.sheet, unit }));
    units.push({
      unit, sheet: s.sheet, level: h.level, owner: h.owner, objectives: groups.length, krs: inObjectives.length,
      avgScore: scored.overall,
      avgProgress: unitProgress(groups),
      status, stale: st.length,
    });
  }
  return { lang, asOf, units, stale, calibration, settings: {
      scoreScale: settings.scoreScale ?? '0-1', progressCap: settings.progressCap ?? 1,
      gradeRedBelow: gradeBands(settings).redBelow, gradeGreenFrom: gradeBands(settings).greenFrom,
    },
  };
}

const COLS = 7 + STATUS_ORDER.length + 1; // unit … avg progress, 5 statuses, stale
const colLetter = (i: number) => String.fromCharCode(65 + i);

export function dashboardSheetPlan(
  data: DashboardData,
  opts: { name?: string; staleDays?: number } = {},
): { sheet: SheetPlan; chart: ChartSpec } {
  const lang = data.lang;
  const t = (m: Localized, p: Record<string, string | number> = {}) => fmt(m, lang, p);
  const esc = (s: string) => escapeCellText(s);
  const spec = scaleSpec(data.settings);
  const values: PlanCell[][] = [];
  const formats: FormatPlan[] = [];
  values.push([t(DASHBOARD_TEXT.title)], [t(DASHBOARD_TEXT.asOf, { asOf: data.asOf })], []);
  formats.push({ range: 'A1', bold: true });
  const headerRow = 4;
  values.push([
    t(DASHBOARD_TEXT.unit), t(DASHBOARD_TEXT.level), t(DASHBOARD_TEXT.owner), t(DASHBOARD_TEXT.objectives),
    t(DASHBOARD_TEXT.krs), t(DASHBOARD_TEXT.avgScore), t(DASHBOARD_TEXT.avgProgress),
    ...STATUS_ORDER.map((s) => STATUS_LABELS[s][lang]), t(DASHBOARD_TEXT.stale),
  ]);
  const last = colLetter(COLS - 1);
  formats.push({ range: `A${headerRow}:${last}${headerRow}`, bold: true, background: '#e8eaed', wrap: true });
  for (const u of data.units) {
    values.push([
      esc(u.unit), u.level ? label(LEVEL_LABELS[u.level], lang) : '', esc(u.owner), u.objectives, u.krs,
      // the score as the OKR sheets' Score cells show it, in the workbook's scale (0.7 / 70 / 70%):
      // its colour is that of the shown number
      cellFromShare(u.avgScore, spec), u.avgProgress, ...STATUS_ORDER.map((s) => u.status[s]), u.stale,
    ]);
  }
  const lastUnitRow = headerRow + data.units.length;
  const conditionalFormats: SheetPlan['conditionalFormats'] = [];
  if (data.units.length) {
    formats.push({ range: `F${headerRow + 1}:F${lastUnitRow}`, numberFormat: spec.numberFormat });
    formats.push({ range: `G${headerRow + 1}:G${lastUnitRow}`, numberFormat: '0%' });
    const scoreRange = `F${headerRow + 1}:F${lastUnitRow}`;
    // the Settings grade bands, in cell values of the scale (0.7 → 70 on 0–100)
    const bands = gradeBands(data.settings);
    const cellOf = (share: number) => Math.round(share * spec.factor * 1e6) / 1e6;
    const green = cellOf(bands.greenFrom), red = cellOf(bands.redBelow);
    conditionalFormats.push(
      { range: scoreRange, when: { kind: 'numberGreaterEq', value: green }, background: '#b7e1cd' },
      { range: scoreRange, when: { kind: 'numberBetween', min: red, max: Math.round((green - 1e-4 * spec.factor) * 1e6) / 1e6 }, background: '#fce8b2' },
      { range: scoreRange, when: { kind: 'numberLess', value: red }, background: '#f4c7c3' },
    );
  }
  // Stale KR list
  values.push([]);
  const staleTitleRow = values.length + 1;
  values.push([t(DASHBOARD_TEXT.staleTitle, { days: opts.staleDays ?? DEFAULT_SETTINGS.staleDays })]);
  formats.push({ range: `A${staleTitleRow}`, bold: true });
  const sh = values.length + 1;
  values.push([t(DASHBOARD_TEXT.unit), t(DASHBOARD_TEXT.kr), t(DASHBOARD_TEXT.krTitle), t(DASHBOARD_TEXT.owner), t(DASHBOARD_TEXT.lastCheckIn), t(DASHBOARD_TEXT.days)]);
  formats.push({ range: `A${sh}:F${sh}`, bold: true, background: '#e8eaed' });
  if (data.stale.length === 0) values.push([t(DASHBOARD_TEXT.noStale)]);
  for (const s of data.stale) {
    values.push([
      esc(s.unit), esc(s.krId), esc(s.title), esc(s.owner),
      s.lastCheckIn ? { date: s.lastCheckIn } : t(DASHBOARD_TEXT.never), s.daysSince,
    ]);
  }
  if (data.stale.length) formats.push({ range: `E${sh + 1}:E${sh + data.stale.length}`, numberFormat: 'yyyy-mm-dd' });

  // Calibration: where self and manager disagree by the gap or more — scores in the scale, as
  // the OKR sheet's score cells hold them, so the numbers read the same in both places
  values.push([]);
  const calTitleRow = values.length + 1;
  values.push([t(DASHBOARD_TEXT.calibrationTitle, { gap: gapText(spec.scale) })]);
  formats.push({ range: `A${calTitleRow}`, bold: true });
  const ch = values.length + 1;
  values.push([t(DASHBOARD_TEXT.unit), t(DASHBOARD_TEXT.item), t(DASHBOARD_TEXT.itemTitle), t(DASHBOARD_TEXT.self), t(DASHBOARD_TEXT.manager), t(DASHBOARD_TEXT.difference)]);
  formats.push({ range: `A${ch}:F${ch}`, bold: true, background: '#e8eaed', wrap: true });
  if (data.calibration.length === 0) values.push([t(DASHBOARD_TEXT.noCalibration)]);
  for (const c of data.calibration) {
    const self = cellFromShare(c.self, spec);
    const manager = cellFromShare(c.manager, spec);
    values.push([esc(c.unit), esc(c.id), esc(c.title), self, manager, roundDiff(manager - self)]);
  }
  if (data.calibration.length) {
    const first = ch + 1;
    const lastRow = ch + data.calibration.length;
    formats.push({ range: `D${first}:E${lastRow}`, numberFormat: spec.numberFormat });
    formats.push({ range: `F${first}:F${lastRow}`, numberFormat: signedFormat(spec.numberFormat) });
  }
  const n = Math.max(data.units.length, 1);
  const chart: ChartSpec = {
    type: 'column',
    title: t(DASHBOARD_TEXT.chartTitle),
    ranges: [`A${headerRow}:A${headerRow + n}`, `F${headerRow}:F${headerRow + n}`],
    numHeaders: 1,
    anchorRow: values.length + 2,
    anchorColumn: 1,
  };
  return {
    sheet: {
      name: opts.name ?? SHEET_NAMES.dashboard[lang],
      role: 'dashboard',
      values,
      frozenRows: headerRow,
      columnWidths: [180, 80, 100, 70, 60, 90, 90, ...STATUS_ORDER.map(() => 70), 80],
      formats,
      validations: [],
      conditionalFormats,
      protections: [],
      namedRanges: [],
      metadata: { [OWNER_KEY]: 'dashboard', 'okrSheets.asOf': data.asOf },
    },
    chart,
  };
}

/** The calibration gap in the scale: 0.3, 30 分 / 30 pts, 30%. */
function gapText(scale: NonNullable<OkrSettings['scoreScale']>): string {
  return scale === '0-100' ? String(CALIBRATION_GAP * 100) : scale === 'percent' ? `${CALIBRATION_GAP * 100}%` : String(CALIBRATION_GAP);
}
/** A difference of two cell values without binary noise (0.9 − 0.6 → 0.3). */
const roundDiff = (x: number) => Math.round(x * 1e10) / 1e10;
/** `0.0` → `+0.0;-0.0;0.0`: the sign says who scored higher. */
const signedFormat = (f: string) => `+${f};-${f};${f}`;
/** Grade of a dashboard score (for callers that colour by band). */
export const dashboardGrade = grade;
