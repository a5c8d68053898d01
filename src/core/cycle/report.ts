/**
 * Weekly and monthly progress reports (周报 / 月报, issue 13 §2) from the check-in log, a pure
 * task: workbook model + period → a document (per unit, per owner: what moved from → to, the
 * progress and confidence change, what was done, blockers and resources needed, what is next),
 * rendered as Markdown and as a sheet plan. The manager digest (./reminders) uses the same rows.
 *
 * "From" is where the KR stood when the period began: the latest logged value dated before it,
 * else the KR's Start. "To" is the latest value logged inside the period. KRs with no check-in in
 * the period are listed as quiet — the report never invents movement.
 */
import { checkInsFor, type CheckInEntry } from '../checkins';
import { fmtNumber, fmtValue } from '../format';
import { fmt, type Lang, type Localized } from '../i18n';
import { isKrType } from '../labels';
import type { OkrRow } from '../model';
import { escapeCellText } from '../escape';
import type { PlanCell, SheetPlan } from '../plan/types';
import { krProgress } from '../progress';
import { mdText } from '../review';
import type { WorkbookModel } from '../snapshot';
import type { Period } from './period';

export interface ReportKr {
  sheet: string;
  unit: string;
  krId: string;
  title: string;
  owner: string;
  unitLabel: string;
  /** Value when the period began (last logged before it, else Start) and the latest in it. */
  from: number | null;
  to: number | null;
  progressFrom: number;
  progressTo: number;
  confidenceFrom: number | null;
  confidenceTo: number | null;
  done: string[];
  next: string;
  blockers: string[];
  /** Check-ins logged in the period. */
  entries: number;
}

export interface ReportOwner {
  owner: string;
  krs: ReportKr[];
}
export interface ReportUnit {
  sheet: string;
  unit: string;
  owners: ReportOwner[];
  /** KRs of the unit with no check-in in the period. */
  quiet: { krId: string; title: string; owner: string }[];
}

export interface ProgressReport {
  lang: Lang;
  period: Period;
  title: string;
  units: ReportUnit[];
}

export const REPORT_TEXT = {
  weekTitle: { 'zh-CN': '周报 {label}（{start} 至 {end}）', en: 'Weekly report {label} ({start} to {end})' },
  monthTitle: { 'zh-CN': '月报 {label}（{start} 至 {end}）', en: 'Monthly report {label} ({start} to {end})' },
  moved: { 'zh-CN': '{from} → {to}（进度 {pFrom} → {pTo}，{delta}）', en: '{from} → {to} (progress {pFrom} → {pTo}, {delta})' },
  confidence: { 'zh-CN': '信心 {from} → {to}', en: 'confidence {from} → {to}' },
  confidenceDrop: { 'zh-CN': '⚠ 信心下降 {n} 分', en: '⚠ confidence down {n} points' },
  done: { 'zh-CN': '完成', en: 'Done' },
  blockers: { 'zh-CN': '困难 / 所需资源', en: 'Blockers / resources needed' },
  next: { 'zh-CN': '下一步', en: 'Next' },
  quiet: { 'zh-CN': '本期没有更新：', en: 'No check-in this period:' },
  nothing: { 'zh-CN': '本期没有任何进展更新。', en: 'No check-ins in this period.' },
  noOwner: { 'zh-CN': '（未填负责人）', en: '(no owner)' },
  sheetName: { 'zh-CN': '周报 {label}', en: 'Report {label}' },
  monthSheetName: { 'zh-CN': '月报 {label}', en: 'Report {label}' },
  columns: {
    'zh-CN': '单元|负责人|KR 编号|关键结果|从|到|进度变化|信心|完成|困难 / 所需资源|下一步',
    en: 'Unit|Owner|KR ID|Key result|From|To|Progress change|Confidence|Done|Blockers / resources|Next',
  },
} satisfies Record<string, Localized>;

/** Confidence drops of this many points or more are called out (issue 13 §3). */
export const CONFIDENCE_DROP = 3;

const pct = (x: number) => `${Math.round(x * 100)}%`;
const pts = (d: number, lang: Lang) => {
  const n = Math.round(d * 100);
  return lang === 'zh-CN' ? `${n >= 0 ? '+' : ''}${n} 个百分点` : `${n >= 0 ? '+' : ''}${n} pts`;
};

/** One KR's movement in a period, from its own (date-ordered) log entries; null when none. */
export function krMovement(row: OkrRow, entries: readonly CheckInEntry[], period: { start: string; end: string }): Omit<ReportKr, 'sheet' | 'unit'> | null {
  const mine = entries.filter((e) => e.krId === row.id);
  const before = mine.filter((e) => e.date < period.start);
  const inside = mine.filter((e) => e.date >= period.start && e.date <= period.end);
  if (inside.length === 0) return null;
  const lastWith = <K extends 'value' | 'confidence'>(list: readonly CheckInEntry[], k: K) => {
    for (let i = list.length - 1; i >= 0; i--) if (list[i]![k] !== null) return list[i]![k];
    return null;
  };
  const from = lastWith(before, 'value') ?? row.start;
  const to = lastWith(inside, 'value') ?? from;
  const type = isKrType(row.type) ? row.type : null;
  return {
    krId: row.id,
    title: row.title,
    owner: row.owner,
    unitLabel: row.unit,
    from,
    to,
    progressFrom: krProgress(type, row.start, row.target, from),
    progressTo: krProgress(type, row.start, row.target, to),
    confidenceFrom: lastWith(before, 'confidence'),
    confidenceTo: lastWith(inside, 'confidence'),
    done: inside.map((e) => e.done).filter(Boolean),
    next: [...inside].reverse().find((e) => e.next)?.next ?? '',
    blockers: inside.map((e) => e.blockers).filter(Boolean),
    entries: inside.length,
  };
}

export function buildProgressReport(model: WorkbookModel, period: Period, lang: Lang = model.lang ?? 'zh-CN'): ProgressReport {
  const units: ReportUnit[] = [];
  for (const o of model.okr) {
    const table = o.read.table;
    const log = checkInsFor(model.checkins, table, o.sheet);
    const byOwner = new Map<string, ReportKr[]>();
    const quiet: ReportUnit['quiet'] = [];
    for (const row of table.rows) {
      if (!row.id || !isKrType(row.type)) continue;
      const m = krMovement(row, log, period);
      if (!m) {
        quiet.push({ krId: row.id, title: row.title, owner: row.owner });
        continue;
      }
      const list = byOwner.get(row.owner) ?? [];
      list.push({ sheet: o.sheet, unit: table.header.unit || o.sheet, ...m });
      byOwner.set(row.owner, list);
    }
    units.push({ sheet: o.sheet, unit: table.header.unit || o.sheet, owners: [...byOwner].map(([owner, krs]) => ({ owner, krs })), quiet });
  }
  const title = fmt(period.kind === 'week' ? REPORT_TEXT.weekTitle : REPORT_TEXT.monthTitle, lang, { label: period.label, start: period.start, end: period.end });
  return { lang, period, title, units };
}

/** "122 → 130 k (progress 44% → 60%, +16 pts)" */
export function movementText(k: Pick<ReportKr, 'from' | 'to' | 'unitLabel' | 'progressFrom' | 'progressTo'>, lang: Lang): string {
  return fmt(REPORT_TEXT.moved, lang, {
    from: fmtValue(k.from, k.unitLabel, lang),
    to: fmtValue(k.to, k.unitLabel, lang, { withUnit: true }),
    pFrom: pct(k.progressFrom),
    pTo: pct(k.progressTo),
    delta: pts(k.progressTo - k.progressFrom, lang),
  });
}

export function confidenceText(k: Pick<ReportKr, 'confidenceFrom' | 'confidenceTo'>, lang: Lang): string {
  if (k.confidenceTo === null) return '';
  let s = fmt(REPORT_TEXT.confidence, lang, { from: k.confidenceFrom === null ? '—' : fmtNumber(k.confidenceFrom), to: fmtNumber(k.confidenceTo) });
  if (k.confidenceFrom !== null && k.confidenceFrom - k.confidenceTo >= CONFIDENCE_DROP) {
    s += ` ${fmt(REPORT_TEXT.confidenceDrop, lang, { n: k.confidenceFrom - k.confidenceTo })}`;
  }
  return s;
}

export function reportToMarkdown(r: ProgressReport): string {
  const { lang } = r;
  const t = (m: Localized, p: Record<string, string | number> = {}) => fmt(m, lang, p);
  const sep = lang === 'zh-CN' ? '；' : '; ';
  const out: string[] = [`# ${mdText(r.title)}`, ''];
  if (r.units.every((u) => u.owners.length === 0)) out.push(t(REPORT_TEXT.nothing), '');
  for (const u of r.units) {
    out.push(`## ${mdText(u.unit)}`, '');
    for (const o of u.owners) {
      out.push(`### ${mdText(o.owner || t(REPORT_TEXT.noOwner))}`, '');
      for (const k of o.krs) {
        const conf = confidenceText(k, lang);
        out.push(`- **${mdText(`${k.krId} ${k.title}`)}**: ${mdText(movementText(k, lang))}${conf ? `${sep}${mdText(conf)}` : ''}`);
        if (k.done.length) out.push(`  - ${t(REPORT_TEXT.done)}: ${k.done.map(mdText).join(sep)}`);
        if (k.blockers.length) out.push(`  - ${t(REPORT_TEXT.blockers)}: ${k.blockers.map(mdText).join(sep)}`);
        if (k.next) out.push(`  - ${t(REPORT_TEXT.next)}: ${mdText(k.next)}`);
      }
      out.push('');
    }
    if (u.quiet.length) {
      out.push(t(REPORT_TEXT.quiet), '');
      for (const q of u.quiet) out.push(`- ${mdText(`${q.krId} ${q.title}`)}${q.owner ? ` (${mdText(q.owner)})` : ''}`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The report as a sheet: a title row, then one row per KR that moved. User text is escaped. */
export function reportSheetPlan(r: ProgressReport): SheetPlan {
  const { lang } = r;
  const header = REPORT_TEXT.columns[lang].split('|');
  const values: PlanCell[][] = [[escapeCellText(r.title)], header];
  for (const u of r.units) {
    for (const o of u.owners) {
      for (const k of o.krs) {
        values.push([
          escapeCellText(u.unit), escapeCellText(o.owner), escapeCellText(k.krId), escapeCellText(k.title),
          k.from, k.to, escapeCellText(`${pct(k.progressFrom)} → ${pct(k.progressTo)}`),
          escapeCellText(k.confidenceTo === null ? '' : `${k.confidenceFrom ?? '—'} → ${k.confidenceTo}`),
          escapeCellText(k.done.join('\n')), escapeCellText(k.blockers.join('\n')), escapeCellText(k.next),
        ]);
      }
    }
  }
  const name = fmt(r.period.kind === 'week' ? REPORT_TEXT.sheetName : REPORT_TEXT.monthSheetName, lang, { label: r.period.label });
  return {
    name,
    role: 'review', // the plan type needs one; nothing marks the sheet as ours (see metadata)
    values,
    frozenRows: 2,
    columnWidths: [120, 100, 70, 300, 80, 80, 120, 90, 260, 260, 220],
    formats: [
      { range: 'A1', bold: true },
      { range: `A2:K2`, bold: true },
      { range: `I3:K${Math.max(3, values.length)}`, wrap: true },
    ],
    validations: [],
    conditionalFormats: [],
    protections: [],
    namedRanges: [],
    // No role metadata: a report is the user's to keep, never adopted or rewritten as a Review.
    metadata: { 'okrSheets.report': r.period.label },
  };
}

