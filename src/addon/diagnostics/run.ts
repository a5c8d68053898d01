/**
 * Run diagnostics / 运行自检 (issue 16 §2): exercises the add-on against the spreadsheet it runs
 * in, in scratch sheets it removes afterwards, and answers a short pass/fail report.
 *
 *   1. insert the diagnostics template (every KR type, a decrease, milestones, a blank — see
 *      ./fixture.ts) through the same applyWorkbookPlan every action uses — one Sheets API
 *      batchUpdate where the advanced service works — say which path applied it (and why not
 *      the API), apply it again through SpreadsheetApp alone in a second scratch sheet and
 *      compare the two cell by cell (./paths.ts); flush;
 *   2. read back what Sheets' own formulas computed for Progress, Score and Status and compare
 *      with core's scoreTable for the same inputs (±1e-9);
 *   3. check validations, conditional formats, protections, developer metadata, named ranges and
 *      the bar cells are in place;
 *   4. check dates (the header's cycle start reads back as the day written, in the spreadsheet's
 *      time zone) and run the in-memory workbook's assumption probes (./probes.ts), which include
 *      the formula syntax in the spreadsheet's locale;
 *   5. report the granted OAuth scopes (./scopes.ts);
 *   6. time the main operations.
 *
 * Service calls are fixed by the fixture, not by the spreadsheet (test/diagnostics counts them).
 *
 * The same function runs in the test suite against the in-memory workbook (test/diagnostics).
 * It only ever deletes the sheets it created itself (by sheet id), and puts the active sheet back.
 */
import type { Lang, Localized } from '../../core/i18n';
import { fmt } from '../../core/i18n';
import { STATUS_LABELS } from '../../core/labels';
import { COLUMN_KEYS } from '../../core/model';
import { FIRST_DATA_ROW, HEADER_CELLS, OKR_COLUMNS } from '../../core/plan/okrSheet';
import type { SheetPlan } from '../../core/plan/types';
import { scoreTable } from '../../core/score';
import { isTableError, readTableValues } from '../../core/table';
import type { SheetLike } from '../../sheets/api';
import { applyWorkbookPlanDetailed, type AppliedSheet } from '../../sheets/applyPlan';
import type { SheetsContext } from '../../sheets/context';
import { fromSheetDate, fromSheetValues } from '../../sheets/dates';
import { FIXTURE_CYCLE, fixturePlan } from './fixture';
import { PROBES, type ProbeResult } from './probes';
import { compareStates, pathOutcome, readSheetState, watchedApi } from './paths';
import { scopeCheck, type GrantedScopes } from './scopes';
import { compareSnapshotPaths } from './snapshotPaths';
import { templateColours, type ScoredRow } from './colours';
import { DETAIL, DIAG_TEXT, checkTitle, detail } from './text';
import type { CheckStatus, DiagnosticCheck, DiagnosticTiming, DiagnosticsReport } from './report';

export type { CheckStatus, DiagnosticCheck, DiagnosticTiming, DiagnosticsReport } from './report';

export interface DiagnosticsOptions {
  /** Milliseconds clock (tests pass a fake one: timings are never asserted). */
  clock?: () => number;
  /** When the report says it ran (ISO); default now. */
  ranAt?: string;
  /** Reads the granted OAuth scopes (./scopes.ts appsScriptGrantedScopes on Apps Script); absent: not checked. */
  grantedScopes?: GrantedScopes;
}

const TOLERANCE = 1e-9;

export function runDiagnostics(ctx: SheetsContext, opts: DiagnosticsOptions = {}): DiagnosticsReport {
  const { ss, app, lang } = ctx;
  const clock = opts.clock ?? (() => Date.now());
  const checks: DiagnosticCheck[] = [];
  const timings: DiagnosticTiming[] = [];
  const add = (id: string, result: ProbeResult | { ok: boolean | 'warn' | null; seen: Localized }) =>
    checks.push({ id, status: result.ok === null ? 'skip' : result.ok === 'warn' ? 'warn' : result.ok ? 'pass' : 'fail', title: checkTitle(id, lang), detail: result.seen[lang] });
  const timed = <T>(name: string, fn: () => T): T => {
    const t0 = clock();
    try {
      return fn();
    } finally {
      timings.push({ name, ms: Math.max(0, clock() - t0) });
    }
  };
  const guard = (id: string, fn: () => ProbeResult | { ok: boolean | 'warn' | null; seen: Localized }) => {
    try {
      add(id, fn());
    } catch (e) {
      add(id, { ok: false, seen: detail('threw', { error: errorWords(e) }) });
    }
  };

  const locale = ss.getSpreadsheetLocale();
  const timeZone = ss.getSpreadsheetTimeZone();
  const activeBefore = ss.getActiveSheet().getSheetId();
  const created: number[] = [];
  const t0 = clock();

  let apiWorked = false;
  try {
    // 1. insert through the default path (the Sheets API where it works), then through
    //    SpreadsheetApp alone; flush. In any locale: actions keep the API to en-US-syntax locales
    //    (src/sheets/batch/locale.ts), and this comparison is what shows, on a real ';' locale,
    //    whether the API writes our formulas as SpreadsheetApp does.
    const plan = fixturePlan(lang, DIAG_TEXT.scratchName[lang]);
    const attempt = watchedApi(ctx.sheetsApi);
    const applied = timed('insertTemplate', () => applyWorkbookPlanDetailed(ctx, { sheets: [plan] }, { sheetsApi: attempt.api, sheetsApiAnyLocale: true }));
    const scratch = ss.getSheetByName(applied[0]!.name);
    if (!scratch) throw new DiagnosticsStop(detail('sheetMissing', { name: applied[0]!.name }));
    created.push(scratch.getSheetId());
    add('sheets-api-path', pathOutcome(applied[0]!, attempt));
    apiWorked = applied[0]!.via === 'sheetsApi';
    const second = apiWorked ? timed('insertTemplateSpreadsheetApp', () => insertViaApp(ctx, lang, created)) : null;
    timed('flush', () => app.flush());
    if (second) guard('paths-agree', () => comparePaths(ctx, plan, { sheet: scratch, name: applied[0]!.name }, second));
    else add('paths-agree', { ok: null, seen: detail('pathsOnePath') });
    // every action's snapshot is read through the API where it works (./snapshotPaths.ts)
    // (without the API there is one path only, which 'paths-agree' already reports as not checked)
    if (second && attempt.api) guard('snapshot-paths-agree', () => compareSnapshotPaths(attempt.api!, ss, timeZone, [{ sheet: scratch, name: applied[0]!.name }, second]));

    // 2. formulas vs core
    const width = COLUMN_KEYS.length;
    const values = timed('readBack', () => fromSheetValues(scratch.getRange(1, 1, plan.values.length, width).getValues()));
    const scored = compareFormulas(values, lang, add, timed);
    guard('template-colours', () => timed('templateColours', () => templateColours(ctx.sheetsApi, ss, applied[0]!.name, plan, scored, lang)));

    // 3. structure
    structureChecks(ctx, scratch, plan, guard);

    // 4. dates and the in-memory workbook's assumptions
    guard('dates', () => {
      const cellA1 = HEADER_CELLS.cycleStart.value;
      const v = scratch.getRange(cellA1).getValues()[0]![0];
      const day = v instanceof Date ? isoDay(fromSheetDate(v)) : null;
      return { ok: day === FIXTURE_CYCLE.start, seen: detail('dates', { cell: cellA1, written: FIXTURE_CYCLE.start, read: day ?? JSON.stringify(v), zone: timeZone }) };
    });
    const probe = timed('probeSheet', () => ss.insertSheet(DIAG_TEXT.probeName[lang]));
    created.push(probe.getSheetId());
    let extra = 0;
    const addSheet = () => {
      const s = ss.insertSheet(`${DIAG_TEXT.probeName[lang]} ${++extra}`);
      created.push(s.getSheetId());
      return s;
    };
    for (const p of PROBES) guard(p.id, () => p.run({ app, ss, probe, scratch, addSheet, ...(ctx.sheetsApi ? { sheetsApi: ctx.sheetsApi } : {}) }));
  } catch (e) {
    add('run', { ok: false, seen: e instanceof DiagnosticsStop ? e.words : detail('stoppedEarly', { error: errorWords(e) }) });
  } finally {
    timed('cleanUp', () => cleanUp(ctx, created, activeBefore));
  }
  // 5. scopes: after the API path ran, so the report says whether it worked on this set
  guard('scopes', () => {
    let granted: readonly string[] | null;
    try {
      granted = opts.grantedScopes ? opts.grantedScopes() : null;
    } catch (e) {
      // the reader itself failed (a runtime without the two-argument getAuthorizationInfo):
      // nothing wrong with the add-on, but the scopes stay unknown
      return { ok: 'warn', seen: detail('scopesThrew', { error: errorWords(e).slice(0, 160) }) };
    }
    return scopeCheck(granted, apiWorked);
  });
  timings.push({ name: 'total', ms: Math.max(0, clock() - t0) });

  const passed = checks.filter((c) => c.status === 'pass').length;
  const failed = checks.filter((c) => c.status === 'fail').length;
  const warned = checks.filter((c) => c.status === 'warn').length;
  const skipped = checks.filter((c) => c.status === 'skip').length;
  const report: Omit<DiagnosticsReport, 'text'> = { ok: failed === 0, passed, failed, warned, skipped, locale, timeZone, checks, timings };
  return { ...report, text: reportText(report, lang, opts.ranAt ?? new Date().toISOString()) };
}

/** The fixture again, through SpreadsheetApp alone, in a sheet of its own (./paths.ts). */
function insertViaApp(ctx: SheetsContext, lang: Lang, created: number[]): { sheet: SheetLike; name: string } {
  const applied: AppliedSheet[] = applyWorkbookPlanDetailed(ctx, { sheets: [fixturePlan(lang, DIAG_TEXT.scratchAppName[lang])] }, { sheetsApi: null });
  const sheet = ctx.ss.getSheetByName(applied[0]!.name);
  if (!sheet) throw new DiagnosticsStop(detail('sheetMissing', { name: applied[0]!.name }));
  created.push(sheet.getSheetId());
  return { sheet, name: applied[0]!.name };
}

/** Both scratch sheets read the same way, compared cell by cell; the first differences listed. */
function comparePaths(ctx: SheetsContext, plan: SheetPlan, viaApi: { sheet: SheetLike; name: string }, viaApp: { sheet: SheetLike; name: string }): ProbeResult {
  const a = readSheetState(ctx.app, viaApi.sheet, plan, viaApi.name);
  const b = readSheetState(ctx.app, viaApp.sheet, plan, viaApp.name);
  const diffs = compareStates(a, b);
  // the same read-back comparison with core, on both sheets: which side is wrong, when they differ
  const core = { api: coreVerdict(ctx, viaApi.sheet, plan), app: coreVerdict(ctx, viaApp.sheet, plan) };
  const both = (l: Lang, head: string) => `${head}${l === 'zh-CN' ? '；' : '; '}${fmt(DETAIL.pathsCore, l, { api: core.api[l], app: core.app[l] })}`;
  if (diffs.length === 0) {
    const cells = a.cells.values.reduce((n, r) => n + r.length, 0);
    const head = detail('pathsAgree', { cells, cf: a.conditionalFormats.length, prot: a.protections.length, md: a.metadata.length, nr: a.namedRanges.length });
    return { ok: true, seen: { 'zh-CN': both('zh-CN', head['zh-CN']), en: both('en', head.en) } };
  }
  const list = (l: Lang) => diffs.slice(0, 4).map((d) => d[l]).join(l === 'zh-CN' ? '；' : '; ');
  return { ok: false, seen: { 'zh-CN': both('zh-CN', fmt(DETAIL.pathsDiffer, 'zh-CN', { n: diffs.length, list: list('zh-CN') })), en: both('en', fmt(DETAIL.pathsDiffer, 'en', { n: diffs.length, list: list('en') })) } };
}

/** A stop of diagnostics' own, already in both languages. */
class DiagnosticsStop extends Error {
  constructor(readonly words: Localized) {
    super(words.en);
  }
}
/** What a platform exception said (its own words: Sheets writes them in the user's language). */
const errorWords = (e: unknown) => (e instanceof Error ? e.message : String(e));

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

type RowDiff = { id: string; sheet: string; core: string };
type CoreComparison =
  | { error: Localized }
  | { rows: number; krs: number; objectives: number; diffs: Record<'progress' | 'score' | 'status', RowDiff[]>; scored: ScoredRow[] };

/** Progress, Score and Status of the scratch block as the sheet computed them, row by row against core. */
function coreComparison(values: unknown[][], lang: Lang, timed: <T>(name: string, fn: () => T) => T = (_, fn) => fn()): CoreComparison {
  const read = readTableValues(values, { lang });
  if (isTableError(read)) return { error: { 'zh-CN': fmt(DETAIL.notTable, 'zh-CN', { error: read.error['zh-CN'] }), en: fmt(DETAIL.notTable, 'en', { error: read.error.en }) } };
  const score = timed('coreScore', () => scoreTable(read.table, FIXTURE_CYCLE.asOf));
  const col = read.columns;
  if (col.progress === undefined || col.score === undefined || col.status === undefined) return { error: detail('columnsMissing') };
  const rows = [
    ...score.krs.map((k) => ({ id: k.id, row: k.row, progress: k.progress, score: k.score, status: k.status })),
    ...score.objectives.map((o) => ({ id: o.id, row: o.row, progress: o.progress, score: o.score, status: o.status })),
  ];
  const diffs = { progress: [] as RowDiff[], score: [] as RowDiff[], status: [] as RowDiff[] };
  for (const r of rows) {
    const line = values[read.rowIndexes[r.row]!]!;
    const p = num(line[col.progress]);
    const s = num(line[col.score]);
    const st = line[col.status];
    if (p === null || Math.abs(p - r.progress) > TOLERANCE) diffs.progress.push({ id: r.id, sheet: JSON.stringify(line[col.progress]), core: String(r.progress) });
    if (s === null || Math.abs(s - r.score) > TOLERANCE) diffs.score.push({ id: r.id, sheet: JSON.stringify(line[col.score]), core: String(r.score) });
    if (st !== STATUS_LABELS[r.status][lang]) diffs.status.push({ id: r.id, sheet: JSON.stringify(st), core: STATUS_LABELS[r.status][lang] });
  }
  const scored = score.krs.map((k) => ({ id: k.id, sheetRow: read.rowIndexes[k.row]! + 1, status: k.status, score: k.score }));
  return { rows: rows.length, krs: score.krs.length, objectives: score.objectives.length, diffs, scored };
}

/** Progress, Score and Status as Sheets computed them vs core, one check each. */
function compareFormulas(
  values: unknown[][],
  lang: Lang,
  add: (id: string, r: { ok: boolean | null; seen: Localized }) => void,
  timed: <T>(name: string, fn: () => T) => T,
): ScoredRow[] {
  const c = coreComparison(values, lang, timed);
  if ('error' in c) {
    add('table', { ok: false, seen: c.error });
    return [];
  }
  for (const k of ['progress', 'score', 'status'] as const) {
    const d = c.diffs[k];
    const list = (l: Lang) => d.slice(0, 4).map((x) => fmt(DETAIL.rowDiff, l, x)).join(l === 'zh-CN' ? '；' : '; ');
    add(k, d.length
      ? { ok: false, seen: { 'zh-CN': fmt(DETAIL.rowsDiffer, 'zh-CN', { n: d.length, rows: c.rows, list: list('zh-CN') }), en: fmt(DETAIL.rowsDiffer, 'en', { n: d.length, rows: c.rows, list: list('en') }) } }
      : { ok: true, seen: detail('rowsAgree', { rows: c.rows, krs: c.krs, objectives: c.objectives }) });
  }
  return c.scored;
}

/** One sheet's rows against core, in a few words: "agrees (11 rows)" / "3 of 11 rows differ". */
function coreVerdict(ctx: SheetsContext, sheet: SheetLike, plan: SheetPlan): Localized {
  const values = fromSheetValues(sheet.getRange(1, 1, plan.values.length, COLUMN_KEYS.length).getValues());
  const c = coreComparison(values, ctx.lang);
  if ('error' in c) return c.error;
  const ids = new Set([...c.diffs.progress, ...c.diffs.score, ...c.diffs.status].map((d) => d.id));
  return ids.size === 0 ? detail('coreAgrees', { rows: c.rows }) : detail('coreDiffers', { n: ids.size, rows: c.rows });
}

function structureChecks(ctx: SheetsContext, sheet: SheetLike, plan: SheetPlan, guard: (id: string, fn: () => ProbeResult) => void): void {
  const { ss } = ctx;
  guard('validations', () => {
    const missing = plan.validations.filter((v) => sheet.getRange(v.range.split(':')[0]!).getDataValidation() === null).map((v) => v.range);
    return { ok: missing.length === 0, seen: missing.length ? detail('validationsMissing', { list: missing.join(', ') }) : detail('validationsOk', { n: plan.validations.length }) };
  });
  guard('conditionalFormats', () => {
    const n = sheet.getConditionalFormatRules().length;
    return { ok: n >= plan.conditionalFormats.length && n > 0, seen: detail('conditionalFormats', { n, plan: plan.conditionalFormats.length }) };
  });
  guard('protections', () => {
    const n = sheet.getProtections(ctx.app.ProtectionType.RANGE).length;
    return { ok: n === plan.protections.length, seen: detail('protections', { n, plan: plan.protections.length }) };
  });
  guard('metadata', () => {
    const keys = sheet.getDeveloperMetadata().map((m) => m.getKey());
    const want = Object.keys(plan.metadata).length ? 1 : 0;
    return { ok: keys.length >= want, seen: detail('metadata', { keys: keys.join(', ') || '—' }) };
  });
  guard('namedRanges', () => {
    const names = sheet.getNamedRanges().map((n) => n.getName());
    const inSs = new Set(ss.getNamedRanges().map((n) => n.getName()));
    const ok = names.length === plan.namedRanges.length && names.every((n) => inSs.has(n));
    return { ok, seen: detail('namedRanges', { n: names.length, plan: plan.namedRanges.length, names: names.join(', ') || '—' }) };
  });
  guard('bars', () => {
    const bar = OKR_COLUMNS.bar;
    const formulas = sheet.getRange(FIRST_DATA_ROW, bar, 3, 1).getFormulas().map((r) => r[0]!);
    const ok = formulas.every((f) => /^=.*SPARKLINE\(/i.test(f));
    return { ok, seen: ok ? detail('barsOk') : detail('barsBad', { list: formulas.map((f) => JSON.stringify(f.slice(0, 40))).join(', ') }) };
  });
}

/**
 * Deletes only the sheets diagnostics created (by id) and re-activates the user's sheet. Named
 * ranges into them are removed first: Sheets keeps a deleted sheet's names as hidden #REF!
 * names that hold on to their names for good (probes.ts), which would be left behind.
 */
function cleanUp(ctx: SheetsContext, created: number[], activeBefore: number): void {
  const { ss } = ctx;
  for (const id of created) {
    const sheet = ss.getSheetById(id);
    if (!sheet) continue;
    for (const n of sheet.getNamedRanges()) n.remove();
    ss.deleteSheet(sheet);
  }
  const back = ss.getSheetById(activeBefore);
  if (back) ss.setActiveSheet(back);
}

function reportText(r: Omit<DiagnosticsReport, 'text'>, lang: Lang, ranAt: string): string {
  const mark: Record<CheckStatus, Localized> = DIAG_TEXT.mark;
  const lines = [
    fmt(DIAG_TEXT.heading, lang, { at: ranAt.slice(0, 16).replace('T', ' '), locale: r.locale, zone: r.timeZone }),
    fmt(DIAG_TEXT.summary, lang, { passed: r.passed, failed: r.failed, warned: r.warned, skipped: r.skipped }),
    '',
    ...r.checks.map((c) => `${mark[c.status][lang]} ${c.title} — ${c.detail}`),
    '',
    `${DIAG_TEXT.timings[lang]}: ${r.timings.map((t) => `${t.name} ${Math.round(t.ms)} ms`).join(', ')}`,
  ];
  return lines.join('\n');
}
