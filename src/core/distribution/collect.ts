/**
 * Collection (issue 12 §3): one snapshot per unit file, read into the hub — the registry's
 * figures, a company Dashboard and the cross-file Alignment map with its roll-up.
 *
 * One number: a unit's progress and score are what `okr-sheets score` says for its file — the
 * same score task (`scoreSheet`, src/core/tasks/score.ts) on the unit's OKR table, with the
 * thresholds of the file's own Settings; progress is `unitProgress` (the mean of its objectives'
 * progress), score the unit's overall (the mean of its objectives' scores). A file that cannot be read is a problem on its
 * row; every other unit is still collected.
 */
import { buildAlignment, type AlignmentOptions, type AlignmentSheet, type AlignmentTree, type UnitNode, walkUnits } from '../alignment';
import { staleKrs } from '../checkins';
import { escapeCellText } from '../escape';
import { fmt, type Lang, type Localized } from '../i18n';
import { LEVEL_LABELS, SHEET_NAMES, STATUS_LABELS, isKrType, label } from '../labels';
import type { Level, Status } from '../model';
import { alignmentSheetPlan } from '../plan/alignmentSheet';
import { OWNER_KEY, type PlanCell, type SheetPlan } from '../plan/types';
import { unitProgress } from '../score';
import { scoreSheet } from '../tasks/score';
import { isTableError, readTableValues } from '../table';
import { readSnapshot, type OkrSheetModel, type SheetSnapshot, type WorkbookModel, type WorkbookSnapshot } from '../snapshot';
import type { ReviewSheetTask } from '../tasks/review';
import { hubReviewTask } from './hubReview';
import { latestUnitTable } from './unitTable';
import { isActive, STATUS_WORDS, unitKey, type CollectProblemCode, type RegistryRow, type UnitStatus } from './registry';

export type UnitSource = { snapshot: WorkbookSnapshot } | { problem: CollectProblemCode };

export type KrState = Status | 'overdue';
export const KR_STATES: readonly KrState[] = ['notStarted', 'onTrack', 'atRisk', 'offTrack', 'overdue', 'done'];

export interface UnitFigures {
  unit: string;
  file: string;
  status: UnitStatus;
  level: Level | null;
  parent: string;
  owner: string;
  objectives: number | null;
  krs: number | null;
  progress: number | null;
  score: number | null;
  states: Record<KrState, number> | null;
  stale: number | null;
  /** Share of KRs with a current value (Tita's 填写率, per unit). */
  fillRate: number | null;
  /** Share of objectives aligned to an objective of the parent unit (对齐率); null for a root. */
  alignmentRate: number | null;
}

export interface CompanyFigures {
  units: number;
  collected: number;
  problems: number;
  objectives: number;
  krs: number;
  /** Mean of the collected units' progress / score. */
  progress: number;
  score: number;
  /** Share of all registry units whose file has at least one KR with a current value. */
  fillRate: number;
  /** Aligned objectives / objectives, over collected units that have a parent. */
  alignmentRate: number;
  /** The top unit's progress rolled up from the units aligned under it. */
  rolledUp: number | null;
}

export interface CollectResult {
  asOf: string;
  units: UnitFigures[];
  company: CompanyFigures;
  registry: RegistryRow[];
  tree: AlignmentTree;
  dashboard: SheetPlan;
  alignment: SheetPlan;
  /** Each collected unit's file as read (by registry unit name). */
  collected: Map<string, CollectedUnit>;
}

const zero = (): Record<KrState, number> => ({ notStarted: 0, onTrack: 0, atRisk: 0, offTrack: 0, overdue: 0, done: 0 });

/** One unit as collection read it: its registry row afterwards, its figures, and (collected) its
 *  OKR table for the cross-file alignment tree. */
export interface UnitRead {
  row: RegistryRow;
  figures: UnitFigures;
  sheet?: AlignmentSheet;
  unit?: CollectedUnit;
}
type Read = UnitRead;

/** What a collected unit's file held: for the review of that unit from the hub. */
export interface CollectedUnit {
  model: WorkbookModel;
  okr: OkrSheetModel;
  asOf: string;
}

/** Reads one unit's file (or the problem met opening it): the figures `okr-sheets score` gives. */
export function collectUnit(row: RegistryRow, source: UnitSource | undefined, day: string, lang: Lang, explicit: boolean): UnitRead {
  const base: UnitFigures = {
    unit: row.unit, file: row.file, status: 'missing', level: row.level, parent: row.parent, owner: row.owner,
    objectives: null, krs: null, progress: null, score: null, states: null, stale: null, fillRate: null, alignmentRate: null,
  };
  if (!source) return { row: { ...row, status: 'missing' }, figures: base };
  if ('problem' in source) return { row: { ...row, status: source.problem }, figures: { ...base, status: source.problem } };
  const model = readSnapshot(source.snapshot, lang);
  const okr = latestUnitTable(model.okr, row.unit);
  if (!okr) return { row: { ...row, status: 'no-okr-table' }, figures: { ...base, status: 'no-okr-table' } };
  const table = okr.read.table;
  // the score task `okr-sheets score` runs: an explicit day, else the sheet's "As of" cell, else the snapshot's day
  const s = scoreSheet(model, okr, explicit ? { asOf: day } : {});
  const asOf = s.asOf;
  const progress = unitProgress(s.objectives);
  const states = zero();
  let filled = 0;
  for (const k of s.krs) {
    const r = table.rows[k.row]!;
    if (r.current !== null) filled++;
    const overdue = k.progress < 1 && r.due !== null && r.due < asOf;
    states[overdue ? 'overdue' : k.status]++;
  }
  const stale = staleKrs(table, model.checkins, asOf, model.settings.staleDays, { sheetName: okr.sheet }).length;
  const krs = s.krs.filter((k) => isKrType(table.rows[k.row]!.type)).length;
  const figures: UnitFigures = {
    ...base, status: 'collected', level: table.header.level ?? row.level, objectives: s.objectives.length, krs,
    progress, score: s.overall, states, stale, fillRate: krs ? filled / krs : 0,
  };
  return {
    row: { ...row, status: 'collected', lastCollected: day, progress, score: s.overall, krs, stale },
    figures,
    // the unit's name is the key alignment links use across files (`Sales Center/O1`)
    sheet: { sheet: row.unit, table },
    unit: { model, okr, asOf },
  };
}

/**
 * Collects every registry unit. `sources` maps a unit (registry spelling) to its file's snapshot
 * or the problem the shell met opening it; a unit absent from the map is `missing`.
 * `settings`: the hub's Settings (cap, bands) for the cross-file roll-up — the same numbers the
 * unit files were distributed with, so a unit's objective in the Alignment map shows the progress
 * its own sheet shows. Default: the built-in settings.
 */
export function collectUnits(
  registry: readonly RegistryRow[], sources: ReadonlyMap<string, UnitSource>, asOf: string, lang: Lang,
  opts: { explicitAsOf?: boolean; settings?: AlignmentOptions['settings'] } = {},
): CollectResult {
  // units that left the roster keep their row as it was: not read, not counted
  const reads = registry.filter(isActive).map((r) => collectUnit(r, sources.get(r.unit), asOf, lang, opts.explicitAsOf === true));
  return summariseUnits(reads, asOf, lang, opts.settings ? { settings: opts.settings } : {});
}

/** The hub's view of units already read (one batch at a time in Sheets): company figures, the
 *  cross-file alignment tree, the Dashboard and Alignment map plans. */
export function summariseUnits(reads: readonly UnitRead[], asOf: string, lang: Lang, opts: { settings?: AlignmentOptions['settings'] } = {}): CollectResult {
  const tree = buildAlignment(reads.flatMap((r) => (r.sheet ? [r.sheet] : [])), opts.settings ? { settings: opts.settings } : {});
  const nodes = new Map<string, UnitNode>();
  walkUnits(tree, (u) => nodes.set(unitKey(u.unit), u));
  let aligned = 0, alignable = 0;
  for (const r of reads) {
    const n = nodes.get(unitKey(r.row.unit));
    if (!n || r.figures.status !== 'collected' || !r.row.parent) continue;
    const a = n.objectives.filter((o) => o.parent !== null).length;
    r.figures.alignmentRate = n.objectives.length ? a / n.objectives.length : 0;
    aligned += a;
    alignable += n.objectives.length;
  }
  const got = reads.filter((r) => r.figures.status === 'collected').map((r) => r.figures);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const company: CompanyFigures = {
    units: reads.length,
    collected: got.length,
    problems: reads.length - got.length,
    objectives: got.reduce((a, f) => a + (f.objectives ?? 0), 0),
    krs: got.reduce((a, f) => a + (f.krs ?? 0), 0),
    progress: mean(got.map((f) => f.progress ?? 0)),
    score: mean(got.map((f) => f.score ?? 0)),
    fillRate: reads.length ? got.filter((f) => (f.fillRate ?? 0) > 0).length / reads.length : 0,
    alignmentRate: alignable ? aligned / alignable : 0,
    rolledUp: tree.roots[0]?.progress ?? null,
  };
  const units = reads.map((r) => r.figures);
  return {
    asOf, units, company, registry: reads.map((r) => r.row), tree,
    collected: new Map(reads.flatMap((r) => (r.unit ? [[r.row.unit, r.unit] as const] : []))),
    dashboard: companyDashboardPlan(units, company, asOf, lang),
    alignment: alignmentSheetPlan(tree, lang),
  };
}

/**
 * What the hub keeps of a unit between collection batches (Sheets): its row and figures, and the
 * OKR table's values for the roll-up — never its check-in log, which the figures already count.
 */
export interface CachedUnit {
  row: RegistryRow;
  figures: UnitFigures;
  /** The OKR sheet's name in the unit file and its values (trailing blank rows cut). */
  okr: { sheet: string; values: unknown[][] } | null;
  /** The file's check-in log(s) and Settings, whole: what "Reminders for every unit" reads
   *  (stale KRs need the log) without opening each file again. */
  support?: { name: string; metaRole: SheetSnapshot['metaRole']; values: unknown[][] }[];
}

export function cacheUnit(r: UnitRead): CachedUnit {
  const okr = r.unit ? r.unit.model.snapshot.sheets.find((s) => s.name === r.unit!.okr.sheet) : undefined;
  const values = okr ? okr.values.slice(0, lastFilledRow(okr.values)) : null;
  const roles = r.unit?.model.roles;
  const support = r.unit
    ? r.unit.model.snapshot.sheets
      .filter((s) => roles?.get(s.name) === 'checkins' || roles?.get(s.name) === 'settings')
      .map((s) => ({ name: s.name, metaRole: roles?.get(s.name) === 'checkins' ? 'checkins' as const : 'settings' as const, values: s.values.slice(0, lastFilledRow(s.values)) }))
    : [];
  return { row: r.row, figures: r.figures, okr: okr && values ? { sheet: okr.name, values } : null, support };
}

/** A cached unit's file as a snapshot again (its OKR sheet, log and Settings), for the hub's reminders. */
export function cachedUnitFile(c: CachedUnit, timeZone: string, asOf: string): WorkbookSnapshot | null {
  if (!c.okr) return null;
  return { name: c.row.unit, timeZone, asOf, sheets: [{ name: c.okr.sheet, metaRole: 'okr', values: c.okr.values }, ...(c.support ?? [])] };
}

/** A cached unit back as a read (its table read again from the values). */
export function uncacheUnit(c: CachedUnit, lang: Lang): UnitRead {
  const figures = { ...c.figures };
  if (!c.okr) return { row: c.row, figures };
  const read = readTableValues(c.okr.values, { lang });
  if (isTableError(read)) return { row: c.row, figures };
  return { row: c.row, figures, sheet: { sheet: c.row.unit, table: read.table } };
}

const lastFilledRow = (values: readonly (readonly unknown[])[]): number => {
  let end = values.length;
  while (end > 0 && (values[end - 1] ?? []).every((c) => c === '' || c === null || c === undefined)) end--;
  return end;
};

export const HUB_DASHBOARD_TEXT = {
  title: { 'zh-CN': '公司 OKR 仪表盘（{collected} / {units} 个单元已收集，统计日期 {asOf}）', en: 'Company OKR dashboard ({collected} / {units} units collected, as of {asOf})' },
  unit: { 'zh-CN': '单元', en: 'Unit' },
  level: { 'zh-CN': '层级', en: 'Level' },
  parent: { 'zh-CN': '上级单元', en: 'Parent unit' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
  file: { 'zh-CN': '文件状态', en: 'File status' },
  objectives: { 'zh-CN': '目标数', en: 'Objectives' },
  krs: { 'zh-CN': 'KR 数', en: 'KRs' },
  progress: { 'zh-CN': '进度', en: 'Progress' },
  score: { 'zh-CN': '得分', en: 'Score' },
  overdue: { 'zh-CN': '已逾期', en: 'Overdue' },
  stale: { 'zh-CN': '久未更新 KR', en: 'Stale KRs' },
  fillRate: { 'zh-CN': '填写率', en: 'Fill rate' },
  alignmentRate: { 'zh-CN': '对齐率', en: 'Alignment rate' },
  company: { 'zh-CN': '全公司', en: 'Company' },
} satisfies Record<string, Localized>;

const stateLabel = (s: KrState, lang: Lang) => (s === 'overdue' ? HUB_DASHBOARD_TEXT.overdue[lang] : STATUS_LABELS[s][lang]);

/** The hub's Dashboard: one row per registry unit, then the company's totals. */
export function companyDashboardPlan(units: readonly UnitFigures[], company: CompanyFigures, asOf: string, lang: Lang): SheetPlan {
  const t = (m: Localized, p: Record<string, string | number> = {}) => fmt(m, lang, p);
  const T = HUB_DASHBOARD_TEXT;
  const header = [
    t(T.unit), t(T.level), t(T.parent), t(T.owner), t(T.file), t(T.objectives), t(T.krs), t(T.progress), t(T.score),
    ...KR_STATES.map((s) => stateLabel(s, lang)), t(T.stale), t(T.fillRate), t(T.alignmentRate),
  ];
  const values: PlanCell[][] = [[t(T.title, { collected: company.collected, units: company.units, asOf })], [], header];
  for (const u of units) {
    values.push([
      escapeCellText(u.unit), u.level ? label(LEVEL_LABELS[u.level], lang) : '', escapeCellText(u.parent), escapeCellText(u.owner),
      label(STATUS_WORDS[u.status], lang), u.objectives, u.krs, u.progress, u.score,
      ...KR_STATES.map((s) => (u.states ? u.states[s] : null)), u.stale, u.fillRate, u.alignmentRate,
    ]);
  }
  const sum = (s: KrState) => units.reduce((a, u) => a + (u.states?.[s] ?? 0), 0);
  values.push([
    t(T.company), '', '', '', `${company.collected} / ${company.units}`, company.objectives, company.krs, company.progress, company.score,
    ...KR_STATES.map(sum), units.reduce((a, u) => a + (u.stale ?? 0), 0), company.fillRate, company.alignmentRate,
  ]);
  const last = values.length;
  const col = (i: number) => String.fromCharCode(65 + i);
  const width = header.length;
  return {
    name: SHEET_NAMES.dashboard[lang],
    role: 'dashboard',
    values,
    frozenRows: 3,
    columnWidths: header.map((_, i) => (i === 0 ? 180 : i === 4 ? 160 : 90)),
    formats: [
      { range: 'A1', bold: true },
      { range: `A3:${col(width - 1)}3`, bold: true, background: '#dbe5f1', wrap: true },
      { range: `H4:H${last}`, numberFormat: '0%' },
      { range: `I4:I${last}`, numberFormat: '0.00' },
      { range: `${col(width - 2)}4:${col(width - 1)}${last}`, numberFormat: '0%' },
      { range: `A${last}:${col(width - 1)}${last}`, bold: true, background: '#f1f3f4' },
    ],
    validations: [],
    conditionalFormats: [],
    protections: [],
    namedRanges: [],
    metadata: { [OWNER_KEY]: 'dashboard', 'okrSheets.lang': lang },
  };
}

/**
 * The review (复盘) of any level from the hub, after a collection: the unit's file as collected,
 * the other collected units' tables for the roll-up, the hub's Review sheets for owners' words
 * (`hubReviewTask`, the same review task as a unit's own workbook). Null when the unit was not
 * collected.
 */
export function reviewFromHub(result: CollectResult, unit: string, lang: Lang, opts: { month?: string; hubSheets?: readonly SheetSnapshot[] } = {}): ReviewSheetTask | null {
  const found = [...result.collected].find(([u]) => unitKey(u) === unitKey(unit));
  if (!found) return null;
  const [name, c] = found;
  const task = hubReviewTask({
    unit: name,
    file: c.model.snapshot,
    others: [...result.collected].map(([u, o]) => ({ unit: u, values: o.model.snapshot.sheets.find((s) => s.name === o.okr.sheet)?.values ?? [] })),
    hubSheets: opts.hubSheets ?? [],
    lang,
    asOf: c.asOf,
    ...(opts.month ? { month: opts.month } : {}),
  });
  return 'error' in task ? null : task;
}
