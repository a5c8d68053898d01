/**
 * The typed RPC contract between the sidebar and the server (design §1, §7).
 *
 * Every method is declared ONCE here: its name, its payload schema (zod/mini, validated on the
 * server before any handler runs), whether it writes (writes take the document lock) and its
 * result type. The server's handler table (`RPC_HANDLERS` in ./server) must have exactly these
 * keys — the compiler checks it and the build checks it again. The sidebar imports only the
 * TYPES of this file (`import type`), so zod never reaches the browser bundle.
 *
 * This file must stay free of Apps Script and DOM types: both tsconfig projects compile it.
 *
 * Adding a method: add an entry to `CONTRACT` with `method<ResultType>()(schema, { write })`,
 * a handler in `RPC_HANDLERS`, and call it from a panel with `rpc('name', payload)`.
 */
import * as z from 'zod/mini';
import type { Lang, Localized } from '../../core/i18n';
import type { Severity } from '../../core/model';
import type { AlignmentTree } from '../../core/alignment';
import type { GenerateAlignmentResult, GenerateDashboardResult, GenerateReviewResult } from '../../core/review';
import type { DiagnosticsReport } from '../diagnostics/report';
import type { GradingView } from '../../core/tasks/grading';

/** Longest string any payload field accepts (a KR title, a note, a pasted OKR text …). */
export const MAX_STRING = 10_000;
/** Longest serialised payload accepted at all (checked before parsing). */
export const MAX_PAYLOAD_CHARS = 100_000;

// ─── field helpers ──────────────────────────────────────────────────────────────────────────
const text = (max = MAX_STRING) => z.string().check(z.maxLength(max));
const name = () => z.string().check(z.minLength(1), z.maxLength(200));
const lang = () => z.enum(['zh-CN', 'en']);
/** A real calendar day (`2026-02-31`, `9999-99-99` refused): it must read back unchanged. */
export function isRealDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
/** A real month (`2026-13`, `2026-00` refused). */
export const isRealMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
const isoDate = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.refine(isRealDay));
const month = () => z.string().check(z.regex(/^\d{4}-\d{2}$/), z.refine(isRealMonth));
const a1 = () => z.string().check(z.maxLength(30), z.regex(/^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/));
const level = () => z.enum(['company', 'department', 'team', 'individual']);
/** Largest magnitude of a number a user sends (a check-in value): far past any real KR, and
 *  small enough that differences and ratios of two such numbers stay finite. */
export const MAX_ABS_NUMBER = 1e15;
const finite = () => z.number().check(z.refine((n) => Number.isFinite(n) && Math.abs(n) <= MAX_ABS_NUMBER));
const empty = () => z.strictObject({});

// ─── result types (plain data, JSON-safe: google.script.run drops Dates and functions) ──────

export interface SheetSummary {
  name: string;
  /** An OKR sheet (has the OKR header row): Check / Check-in / Import work on it. */
  isOkr: boolean;
}

export interface ContextInfo {
  /** From the user's Google account locale. */
  lang: Lang;
  spreadsheetName: string;
  activeSheet: string;
  sheets: SheetSummary[];
}

export interface TemplateRoleInfo {
  id: string;
  name: Localized;
}
export interface TemplateDepartmentInfo {
  id: string;
  name: Localized;
  roles: TemplateRoleInfo[];
  /** `company`: from the workbook's Templates sheet (issue 12 §4), offered beside the built-ins. */
  source?: 'builtin' | 'company';
}
export interface TemplateCatalog {
  departments: TemplateDepartmentInfo[];
  /** Rows of the workbook's Templates sheet that were left out (each message names its row). */
  companyProblems?: Localized[];
  /** Cycle suggestions such as `2026-Q4`, the current one first. */
  cycles: string[];
}

export interface PreviewRow {
  id: string;
  /** 'objective' or a KR type. */
  type: string;
  title: string;
  start: number | null;
  target: number | null;
  unit: string;
}
export interface TemplatePreview {
  title: string;
  rows: PreviewRow[];
}

export interface InsertResult {
  /** The new sheet's name (also made active). */
  sheet: string;
  rows: number;
}

export type RosterSetupResult =
  | { ok: true; sheet: string; created: string[]; done?: number; total?: number; remaining?: string[]; remainingCount?: number }
  | { ok: false; sheet: string; problems: { a1: string | null; message: string }[] };

/** The 360 evaluation sheet made from the roster (src/addon/actions/evaluation.ts), in the user's language. */
export interface EvaluationSheetResult {
  ok: boolean;
  /** The sheet written (ok), or the roster sheet that has problems (null: no roster found). */
  sheet: string | null;
  people: number;
  rows: number;
  problems: string[];
  /** People whose OKR final score was filled in beside their 360 result (from the OKR sheets). */
  withOkrScore?: number;
}

/** What Save in the grading view did (src/addon/actions/grading.ts): the rows written and the
 *  view as it now stands, or every problem (nothing written). */
export type SaveGradesResult =
  | { ok: true; sheet: string; written: number; view: GradingView }
  | { ok: false; sheet: string; errors: string[] };

/** One batch of HR's distribution or collection (src/addon/actions/distribution.ts), in the user's language. */
export type DistributionBatchResult =
  | {
      ok: true;
      done: number;
      total: number;
      finished: boolean;
      /** "12 / 48 units" */
      progress: string;
      processed: { unit: string; status: string; file: string }[];
      problems: string[];
      warning: string | null;
    }
  | { ok: false; problems: string[] };

/** The review of one unit written into the hub (src/addon/actions/distribution.ts). */
export interface HubReviewSummary {
  reviewSheet: string;
  objectives: number;
  /** False when nothing has been collected yet: no roll-up of the units below. */
  rollUp: boolean;
  markdown: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  sheet: string;
  /** The cell to select, null for a whole-table finding. */
  a1: string | null;
}
export interface CheckResult {
  sheet: string;
  findings: Finding[];
  counts: Record<Severity, number>;
}

/** Text numbers turned into numbers (src/addon/actions/convertNumbers.ts): what changed, by cell. */
export interface ConvertNumbersResult {
  sheet: string;
  converted: { a1: string; id: string; column: string; from: string; to: number }[];
  /** blank Unit cells filled with the unit the text carried (`500万元` → 元) */
  units: { a1: string; id: string; unit: string }[];
  /** setValues calls made (one per contiguous block) */
  writes: number;
  /** requested cells that held no text number */
  skipped: string[];
}

export interface KrInfo {
  id: string;
  title: string;
  start: number | null;
  current: number | null;
  target: number | null;
  unit: string;
  confidence: number | null;
}
export interface KrList {
  sheet: string;
  krs: KrInfo[];
}

export interface CheckInResult {
  status: 'recorded';
  sheet: string;
  krId: string;
  /** A1 of the KR's Current cell. */
  currentA1: string;
  /** The Check-ins sheet and the row number of the appended entry. */
  logSheet: string;
  logRow: number;
  /** False when the entry was back-dated (a newer entry keeps Current) or carried no value. */
  currentWritten: boolean;
  /** Back-dated: the newer entry's date and what to tell the user (else null). */
  backdated: { latest: string; message: string } | null;
}
/** The value looks like a slip (negative, > 10× the target …): nothing was written; resend
 *  with `confirmed: true` once the user agrees. */
export interface CheckInNeedsConfirmation {
  status: 'needsConfirmation';
  sheet: string;
  krId: string;
  message: string;
}

export interface ImportRow {
  id: string;
  type: string;
  title: string;
  start: number | null;
  target: number | null;
  unit: string;
  /** Problems the parser saw on this line (localized). */
  notes: string[];
  /** Owner as parsed (`@Alice`, `- 刘洋`), else inherited from the objective; '' when none. */
  owner?: string;
  /** `YYYY-MM-DD` when the KR names a deadline (`11月30日前`). */
  due?: string | null;
}
/** One reading of a document's structure (issue 15): which lines carry objectives, in words. */
export interface ImportStructureInfo {
  objectiveLevel: string;
  /** "objectives: the `##` headings; key results: the bullets under them" (localized). */
  explanation: string;
  objectives: number;
  keyResults: number;
}
export interface ImportPreview {
  rows: ImportRow[];
  /** Lines that were not understood (localized). */
  problems: string[];
  /** The chosen reading and the others the user can switch to (resend with `objectiveLevel`). */
  structure?: (ImportStructureInfo & { alternatives: ImportStructureInfo[] }) | null;
  /** Why nothing can be imported (names what was looked for); null when rows were found. */
  error?: string | null;
}
/** "Adopt this sheet": how a team's own OKR table was read, before anything is written. */
export interface AdoptPreview {
  /** The sheet read (null when none held an OKR table). */
  sheet: string | null;
  ok: boolean;
  /** Why the sheet cannot be adopted (localized); null when ok. */
  message: string | null;
  /** "objective ← column A (目标); key result ← column B (KR) …" (localized). */
  explanation: string;
  mapping: { letter: string; header: string; role: string | null }[];
  rows: ImportRow[];
  problems: string[];
}
export interface ImportResult {
  sheet: string;
  rows: number;
  mode: 'newSheet' | 'append';
}

/** Reminders: the schedule (day 1 = Monday, hour in the spreadsheet's zone), whether this user
 *  holds the trigger, the webhook masked. */
export interface ReminderScheduleInfo {
  on: boolean;
  weekday: number;
  hour: number;
  mine: boolean;
  webhook: string | null;
  /** The account's own email, where "Send a test to me" goes ('' / absent: Google withheld it). */
  me?: string;
}
export interface OutboxMessage {
  to: string;
  email: string | null;
  subject: string;
  body: string;
}

/** "My OKRs": the person's KRs across every OKR sheet, and the units they manage by owner. */
export interface MyKrInfo {
  sheet: string;
  unit: string;
  id: string;
  title: string;
  owner: string;
  status: 'notStarted' | 'onTrack' | 'atRisk' | 'offTrack' | 'done' | 'overdue';
  progress: number;
  current: number | null;
  target: number | null;
  unitLabel: string;
  confidence: number | null;
  lastUpdate: string | null;
}
export interface MyOkrsInfo {
  person: string;
  /** How the person was found (issue 13 §4): chosen now, remembered for this user, by account email. */
  identifiedBy?: 'chosen' | 'remembered' | 'email' | 'none';
  /** The account email when it was asked for ('' = Google withheld it), else null. */
  email?: string | null;
  people: string[];
  krs: MyKrInfo[];
  managed: { unit: string; sheet: string; owners: { owner: string; krs: MyKrInfo[] }[] }[];
}

/** One check-in of a KR, latest first (the sidebar's history). */
export interface HistoryPointInfo {
  date: string;
  value: number | null;
  progress: number | null;
  confidence: number | null;
  confidenceDrop: boolean;
  done: string;
  blockers: string;
}

/** "Start next cycle": each carried sheet (old → new), and what was left alone and why. */
export interface NextCycleSummary {
  carried: { from: string; to: string; fromCycle: string; toCycle: string; objectives: number; krs: number; dropped: string[] }[];
  skipped: string[];
}

// ─── declaration helper ─────────────────────────────────────────────────────────────────────

export interface MethodSpec<S extends z.ZodMiniType, R> {
  payload: S;
  write: boolean;
  /** Phantom: carries the result type, never read at run time. */
  result?: R;
}
const method =
  <R>() =>
  <S extends z.ZodMiniType>(payload: S, opts: { write: boolean }): MethodSpec<S, R> => ({ payload, write: opts.write });

// ─── the contract ───────────────────────────────────────────────────────────────────────────

export const CONTRACT = {
  getContext: method<ContextInfo>()(empty(), { write: false }),

  listTemplates: method<TemplateCatalog>()(z.strictObject({ lang: z.optional(lang()) }), { write: false }),
  previewTemplate: method<TemplatePreview>()(
    z.strictObject({ department: name(), role: name(), lang: lang(), cycle: z.optional(text(40)) }),
    { write: false },
  ),
  insertTemplate: method<InsertResult>()(
    z.strictObject({
      department: name(),
      role: name(),
      lang: lang(),
      cycle: text(40),
      unit: z.optional(text(200)),
      owner: z.optional(text(200)),
      level: z.optional(level()),
      alignedTo: z.optional(text(200)),
    }),
    { write: true },
  ),

  createRosterSheet: method<{ sheet: string }>()(empty(), { write: true }),
  setupFromRoster: method<RosterSetupResult>()(
    z.strictObject({ sheetName: z.optional(name()), cycle: text(40) }),
    { write: true },
  ),

  generateEvaluation: method<EvaluationSheetResult>()(
    z.strictObject({ cycle: text(40), rosterSheet: z.optional(name()) }),
    { write: true },
  ),

  // The grading round (src/addon/actions/grading.ts): computed / self / manager / final scores;
  // Save writes only the Manager score and Comment cells of the rows sent
  gradingView: method<GradingView>()(z.strictObject({ sheet: z.optional(name()) }), { write: false }),
  saveGrades: method<SaveGradesResult>()(
    z.strictObject({
      sheet: name(),
      grades: z.array(z.strictObject({
        id: z.string().check(z.minLength(1), z.maxLength(50)),
        managerScore: z.nullable(z.union([finite(), text(40)])),
        comment: text(2000),
      })).check(z.minLength(1), z.maxLength(1000)),
    }),
    { write: true },
  ),

  checkSheet: method<CheckResult>()(z.strictObject({ sheet: z.optional(name()) }), { write: false }),
  convertNumberCells: method<ConvertNumbersResult>()(
    z.strictObject({ sheet: name(), cells: z.optional(z.array(a1()).check(z.maxLength(5000))) }),
    { write: true },
  ),
  selectCell: method<{ sheet: string; a1: string }>()(z.strictObject({ sheet: name(), a1: a1() }), { write: false }),

  listKrs: method<KrList>()(z.strictObject({ sheet: z.optional(name()) }), { write: false }),
  recordCheckIn: method<CheckInResult | CheckInNeedsConfirmation>()(
    z.strictObject({
      sheet: name(),
      krId: z.string().check(z.minLength(1), z.maxLength(50)),
      value: z.nullable(finite()),
      /** The value as typed when it is not a plain number (a milestone's 完成 / done / ✓). */
      valueText: z.optional(text(40)),
      /** The user confirmed a value that looked like a slip. */
      confirmed: z.optional(z.boolean()),
      confidence: z.nullable(z.int().check(z.gte(1), z.lte(10))),
      done: text(),
      next: text(),
      blockers: text(),
      date: z.optional(isoDate()),
    }),
    { write: true },
  ),

  progressReport: method<{ title: string; markdown: string }>()(
    z.strictObject({ period: z.optional(z.string().check(z.maxLength(20))) }),
    { write: false },
  ),
  writeProgressReport: method<{ sheet: string }>()(
    z.strictObject({ period: z.optional(z.string().check(z.maxLength(20))) }),
    { write: true },
  ),
  krHistory: method<{ points: HistoryPointInfo[] }>()(
    z.strictObject({ sheet: name(), krId: z.string().check(z.minLength(1), z.maxLength(50)) }),
    { write: false },
  ),
  myOkrs: method<MyOkrsInfo>()(z.strictObject({ person: z.optional(text(200)) }), { write: false }),
  getReminders: method<ReminderScheduleInfo>()(empty(), { write: false }),
  setReminders: method<ReminderScheduleInfo>()(
    z.strictObject({ on: z.boolean(), weekday: z.optional(z.int().check(z.gte(1), z.lte(7))), hour: z.optional(z.int().check(z.gte(0), z.lte(23))) }),
    { write: true },
  ),
  setReminderWebhook: method<ReminderScheduleInfo>()(z.strictObject({ url: z.nullable(text(500)) }), { write: true }),
  previewReminders: method<{ asOf: string; messages: OutboxMessage[] }>()(z.strictObject({ asOf: z.optional(isoDate()) }), { write: false }),
  sendTestReminder: method<{ sent: number; problems: string[] }>()(
    // `to` absent: the account's own email (issue 13 §1 "send a test to me")
    z.strictObject({ to: z.optional(z.string().check(z.maxLength(200), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/))) }),
    { write: true },
  ),
  startNextCycle: method<NextCycleSummary>()(
    z.strictObject({ sheet: z.optional(name()), cycle: z.optional(text(40)), dropDone: z.optional(z.boolean()) }),
    { write: true },
  ),

  previewImport: method<ImportPreview>()(
    z.strictObject({ text: text(), objectiveLevel: z.optional(text(40)) }),
    { write: false },
  ),
  writeImport: method<ImportResult>()(
    z.strictObject({
      text: text(),
      /** The preview's one-switch correction, so the write reads the text the same way. */
      objectiveLevel: z.optional(text(40)),
      mode: z.enum(['newSheet', 'append']),
      /** append: the OKR sheet to append to (default: the active sheet). */
      sheet: z.optional(name()),
      lang: lang(),
      cycle: z.optional(text(40)),
      unit: z.optional(text(200)),
    }),
    { write: true },
  ),
  // "Adopt this sheet" (src/addon/actions/adoptSheet.ts): the source sheet is only read
  previewAdopt: method<AdoptPreview>()(z.strictObject({ sheet: z.optional(name()) }), { write: false }),
  writeAdopt: method<ImportResult>()(
    z.strictObject({ sheet: z.optional(name()), lang: lang(), cycle: z.optional(text(40)), unit: z.optional(text(200)) }),
    { write: true },
  ),

  // Review, dashboard, alignment (src/addon/actions/review.ts)
  generateReview: method<GenerateReviewResult>()(
    z.strictObject({ sheet: name(), month: z.optional(month()), asOf: z.optional(isoDate()) }),
    { write: true },
  ),
  reviewMarkdown: method<{ markdown: string }>()(
    z.strictObject({ sheet: name(), month: z.optional(month()), asOf: z.optional(isoDate()) }),
    { write: false },
  ),
  generateDashboard: method<GenerateDashboardResult>()(z.strictObject({ asOf: z.optional(isoDate()) }), { write: true }),
  generateAlignmentMap: method<GenerateAlignmentResult>()(
    z.strictObject({ mode: z.optional(z.enum(['krs', 'children', 'both'])), childShare: z.optional(z.number().check(z.gte(0), z.lte(1))) }),
    { write: true },
  ),
  alignmentTree: method<AlignmentTree>()(
    z.strictObject({ mode: z.optional(z.enum(['krs', 'children', 'both'])), childShare: z.optional(z.number().check(z.gte(0), z.lte(1))) }),
    { write: false },
  ),

  // HR's distribution across files (src/addon/actions/distribution.ts): one batch per call
  distributeBatch: method<DistributionBatchResult>()(
    z.strictObject({ cycle: text(40), batchSize: z.optional(z.int().check(z.gte(1), z.lte(50))) }),
    { write: true },
  ),
  collectBatch: method<DistributionBatchResult>()(
    z.strictObject({ asOf: z.optional(isoDate()), batchSize: z.optional(z.int().check(z.gte(1), z.lte(200))) }),
    { write: true },
  ),
  nextCycleBatch: method<DistributionBatchResult>()(
    z.strictObject({ cycle: text(40), dropDone: z.optional(z.boolean()), batchSize: z.optional(z.int().check(z.gte(1), z.lte(50))) }),
    { write: true },
  ),
  hubReminders: method<{ asOf: string; units: number; messages: OutboxMessage[] }>()(z.strictObject({ asOf: z.optional(isoDate()) }), { write: false }),
  sendHubReminders: method<{ units: number; sent: number; left: number; problems: string[] }>()(z.strictObject({ asOf: z.optional(isoDate()) }), { write: true }),
  reviewUnitFromHub: method<HubReviewSummary>()(
    z.strictObject({ unit: name(), month: z.optional(month()), asOf: z.optional(isoDate()) }),
    { write: true },
  ),

  // Run diagnostics / 运行自检 (src/addon/diagnostics): scratch sheets, removed afterwards
  runDiagnostics: method<DiagnosticsReport>()(empty(), { write: true }),
} as const;

export type RpcMethod = keyof typeof CONTRACT;
export const RPC_METHODS: readonly RpcMethod[] = Object.keys(CONTRACT) as RpcMethod[];

type SpecOf<M extends RpcMethod> = (typeof CONTRACT)[M];
export type RpcPayload<M extends RpcMethod> = z.output<SpecOf<M>['payload']>;
export type RpcResult<M extends RpcMethod> = NonNullable<SpecOf<M>['result']>;

/** What `rpc(method, payload)` returns: never throws, never a stack trace. */
export type RpcResponse<R = unknown> = { ok: true; result: R } | { ok: false; code: string; message: string };

export function isRpcMethod(x: unknown): x is RpcMethod {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT, x);
}
