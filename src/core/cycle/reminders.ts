/**
 * Who gets a reminder, and what it says (issue 13 §1), a pure task: workbook model + as-of day →
 * one message per KR owner with stale or overdue KRs, one digest per manager covering their unit
 * and every unit aligned below it. Nobody gets a message with nothing to do. The shells decide
 * how to deliver: the CLI prints (`okr-sheets remind`), Sheets sends mail / posts to a webhook
 * (src/sheets/reminders.ts), the playground shows an outbox.
 *
 * - Stale: no check-in for the Settings' N days (core `staleKrs`); overdue: the status the sheet
 *   computes (core `scoreSheet`), past its due date and not done.
 * - Emails: from the roster (unit owners) and any sheet with an Owner/Name and an Email column
 *   (a People list) — never guessed; an owner without one is still listed, with email null.
 * - Manager = the owner named in an OKR sheet's header block; "below" follows each sheet's
 *   "Aligned to" unit. The digest lists stale, at-risk, off-track and overdue KRs, blockers and
 *   confidence drops (3+ points) logged in the last N days — the same rows as the weekly report.
 */
import { checkInsFor, daysBetween, staleKrs, type CheckInEntry } from '../checkins';
import { fmt, type Lang, type Localized } from '../i18n';
import { STATUS_LABELS } from '../labels';
import type { CheckIn, Status } from '../model';
import { a1For } from '../table';
import { scoreSheet } from '../tasks/score';
import type { WorkbookModel } from '../snapshot';
import { buildProgressReport, CONFIDENCE_DROP } from './report';

export interface ReminderKr {
  sheet: string;
  id: string;
  title: string;
  /** ISO day of the latest check-in, null when none. */
  lastUpdate: string | null;
  /** Days since the latest check-in (or the cycle start), null when unknown. */
  days: number | null;
  status: Status;
  /** Why it is listed. */
  reason: 'stale' | 'overdue';
  /** The KR's ID cell, for a link to the row. */
  a1: string | null;
}

export interface OwnerReminder {
  owner: string;
  email: string | null;
  krs: ReminderKr[];
}

export interface DigestItem {
  unit: string;
  sheet: string;
  id: string;
  title: string;
  owner: string;
  status: Status;
  stale: boolean;
  a1: string | null;
}

export interface ManagerDigest {
  manager: string;
  email: string | null;
  /** Their own unit(s) first, then the units below, in sheet order. */
  units: string[];
  items: DigestItem[];
  blockers: { unit: string; sheet: string; id: string; date: string; text: string }[];
  confidenceDrops: { unit: string; sheet: string; id: string; title: string; from: number; to: number }[];
}

export interface ReminderRun {
  asOf: string;
  lang: Lang;
  staleDays: number;
  owners: OwnerReminder[];
  managers: ManagerDigest[];
}

const ATTENTION: ReadonlySet<Status> = new Set(['atRisk', 'offTrack', 'overdue']);

/**
 * A KR's confidence over the digest's window (issue 13 §3: drops of 3+ points are called out):
 * from the last confidence logged before the window — else the first logged inside it, so two
 * check-ins inside one window (9, then 6) count too — to the last inside it. Null when nothing
 * inside the window carries a confidence. `entries`: one table's log, oldest first.
 */
export function confidenceDropIn(entries: readonly CheckIn[], krId: string, start: string, end: string): { from: number; to: number } | null {
  let before: number | null = null;
  let first: number | null = null;
  let last: number | null = null;
  for (const e of entries) {
    if (e.krId !== krId || e.confidence === null || e.date > end) continue;
    if (e.date < start) before = e.confidence;
    else {
      if (first === null) first = e.confidence;
      last = e.confidence;
    }
  }
  const from = before ?? first;
  return last === null || from === null ? null : { from, to: last };
}

/** Name → email from the roster and any People-style sheet (Owner/Name + Email headers). */
export function emailDirectory(model: WorkbookModel): Map<string, string> {
  const out = new Map<string, string>();
  const NAME = /^(owner|name|person|负责人|姓名|人员|员工)$/i;
  const EMAIL = /^(e-?mail|邮箱|电子邮箱|邮件)$/i;
  for (const s of model.snapshot.sheets) {
    const role = model.roles.get(s.name);
    if (role !== 'roster' && role !== 'other' && role !== 'registry') continue;
    const limit = Math.min(s.values.length, 30);
    for (let r = 0; r < limit; r++) {
      const row = s.values[r] ?? [];
      const n = row.findIndex((c) => typeof c === 'string' && NAME.test(c.trim()));
      const e = row.findIndex((c) => typeof c === 'string' && EMAIL.test(c.trim()));
      if (n < 0 || e < 0) continue;
      for (const data of s.values.slice(r + 1)) {
        const name = String(data[n] ?? '').trim();
        const email = String(data[e] ?? '').trim();
        if (name && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && !out.has(name)) out.set(name, email);
      }
      break;
    }
  }
  return out;
}

export function planReminders(model: WorkbookModel, opts: { asOf?: string; lang?: Lang } = {}): ReminderRun {
  const asOf = opts.asOf ?? model.snapshot.asOf;
  const lang = opts.lang ?? model.lang ?? 'zh-CN';
  const staleDays = model.settings.staleDays;
  const emails = emailDirectory(model);
  const owners = new Map<string, OwnerReminder>();
  const itemsBySheet = new Map<string, DigestItem[]>();
  for (const o of model.okr) {
    const table = o.read.table;
    const unit = table.header.unit || o.sheet;
    const scored = scoreSheet(model, o, { asOf });
    const stale = new Map(staleKrs(table, model.checkins.filter((c) => c.date <= asOf), asOf, staleDays, { sheetName: o.sheet }).map((s) => [s.krId, s]));
    const items: DigestItem[] = [];
    for (const k of scored.krs) {
      const row = table.rows[k.row]!;
      const st = stale.get(k.id);
      const a1 = a1For(o.read, { row: k.row, column: 'id' });
      if (st || ATTENTION.has(k.status)) items.push({ unit, sheet: o.sheet, id: k.id, title: row.title, owner: row.owner, status: k.status, stale: !!st, a1 });
      if (!st && k.status !== 'overdue') continue;
      if (!row.owner.trim()) continue; // no one to tell: the manager's digest still lists it
      const rec = owners.get(row.owner) ?? { owner: row.owner, email: emails.get(row.owner) ?? null, krs: [] };
      const last = st?.lastCheckIn ?? lastUpdate(model, o.sheet, table, k.id, asOf);
      rec.krs.push({
        sheet: o.sheet, id: k.id, title: row.title, lastUpdate: last,
        days: st?.daysSince ?? (last ? daysBetween(last, asOf) : null),
        status: k.status, reason: k.status === 'overdue' ? 'overdue' : 'stale', a1,
      });
      owners.set(row.owner, rec);
    }
    itemsBySheet.set(o.sheet, items);
  }

  // the manager digest: the weekly report's rows over the last N days give blockers and drops
  const window = { kind: 'week' as const, label: '', start: addDays(asOf, -(staleDays - 1)), end: asOf };
  const recent = buildProgressReport(model, window, lang);
  const managers = new Map<string, ManagerDigest>();
  const logs = new Map<string, CheckInEntry[]>();
  const logOf = (s: (typeof model.okr)[number]) => {
    let l = logs.get(s.sheet);
    if (!l) logs.set(s.sheet, (l = checkInsFor(model.checkins, s.read.table, s.sheet)));
    return l;
  };
  for (const o of model.okr) {
    const mgr = o.read.table.header.owner.trim();
    if (!mgr) continue;
    const d = managers.get(mgr) ?? { manager: mgr, email: emails.get(mgr) ?? null, units: [], items: [], blockers: [], confidenceDrops: [] };
    for (const s of [o, ...below(model, o.sheet)]) {
      const unit = s.read.table.header.unit || s.sheet;
      if (d.units.includes(unit)) continue;
      d.units.push(unit);
      d.items.push(...(itemsBySheet.get(s.sheet) ?? []));
      const rep = recent.units.find((u) => u.sheet === s.sheet);
      for (const k of rep?.owners.flatMap((x) => x.krs) ?? []) {
        for (const e of model.checkins) {
          if (e.krId === k.krId && e.blockers && e.date >= window.start && e.date <= asOf && (e.sheet === s.sheet || e.sheet === unit)) {
            d.blockers.push({ unit, sheet: s.sheet, id: k.krId, date: e.date, text: e.blockers });
          }
        }
        const drop = confidenceDropIn(logOf(s), k.krId, window.start, asOf);
        if (drop && drop.from - drop.to >= CONFIDENCE_DROP) {
          d.confidenceDrops.push({ unit, sheet: s.sheet, id: k.krId, title: k.title, from: drop.from, to: drop.to });
        }
      }
    }
    managers.set(mgr, d);
  }
  return {
    asOf, lang, staleDays,
    owners: [...owners.values()],
    managers: [...managers.values()].filter((m) => m.items.length + m.blockers.length + m.confidenceDrops.length > 0),
  };
}

/** OKR sheets whose units align, directly or through others, under this sheet's unit. */
function below(model: WorkbookModel, sheet: string) {
  const unitOf = (s: (typeof model.okr)[number]) => (s.read.table.header.unit || s.sheet).trim();
  const root = model.okr.find((s) => s.sheet === sheet)!;
  const seen = new Set<string>([unitOf(root)]);
  const out: typeof model.okr = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of model.okr) {
      if (out.includes(s) || s === root) continue;
      const parent = s.read.table.header.alignedTo.trim();
      if (parent && seen.has(parent) && !seen.has(unitOf(s))) {
        seen.add(unitOf(s));
        out.push(s);
        grew = true;
      }
    }
  }
  return out;
}

function lastUpdate(model: WorkbookModel, sheet: string, table: WorkbookModel['okr'][number]['read']['table'], krId: string, asOf: string): string | null {
  let last: string | null = null;
  for (const e of model.checkins) {
    if (e.krId !== krId || e.date > asOf) continue;
    if (e.sheet && e.sheet !== sheet && e.sheet !== table.header.unit) continue;
    if (last === null || e.date > last) last = e.date;
  }
  return last;
}

function addDays(iso: string, n: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

// ─── messages ─────────────────────────────────────────────────────────────────────────────

export const REMINDER_TEXT = {
  ownerSubject: { 'zh-CN': 'OKR 提醒：{n} 个关键结果需要更新', en: 'OKR reminder: {n} key result(s) need an update' },
  ownerIntro: { 'zh-CN': '{owner}，你好：以下关键结果截至 {asOf} 需要你更新进展：', en: 'Hi {owner}, as of {asOf} these key results need your check-in:' },
  krLine: { 'zh-CN': '{sheet} {id} {title} — 最近更新：{last}，状态：{status}', en: '{sheet} {id} {title} — last update: {last}, status: {status}' },
  never: { 'zh-CN': '从未（{days} 天）', en: 'never ({days} days)' },
  daysAgo: { 'zh-CN': '{date}（{days} 天前）', en: '{date} ({days} days ago)' },
  managerSubject: { 'zh-CN': 'OKR 摘要：{units}', en: 'OKR digest: {units}' },
  managerIntro: { 'zh-CN': '{manager}，你好：截至 {asOf}，你的单元及下级单元的情况如下：', en: 'Hi {manager}, as of {asOf}, here is where your units and the units below stand:' },
  attention: { 'zh-CN': '需要关注的关键结果', en: 'Key results needing attention' },
  staleTag: { 'zh-CN': '（{n} 天未更新）', en: ' (no update for {n} days)' },
  blockers: { 'zh-CN': '困难 / 所需资源', en: 'Blockers / resources needed' },
  drops: { 'zh-CN': '信心明显下降', en: 'Confidence dropped' },
  dropLine: { 'zh-CN': '{unit} {id} {title}：{from} → {to}', en: '{unit} {id} {title}: {from} → {to}' },
  noEmail: { 'zh-CN': '（无邮箱）', en: '(no email)' },
} satisfies Record<string, Localized>;

export interface Message {
  to: string;
  email: string | null;
  subject: string;
  body: string;
}

/** `link(sheet, a1)` makes a row link (Sheets: a URL; CLI: `Sheet!A10`). */
export type RowLink = (sheet: string, a1: string | null) => string;
const plainLink: RowLink = (sheet, a1) => (a1 ? `'${sheet}'!${a1}` : sheet);

export function ownerMessage(r: OwnerReminder, run: Pick<ReminderRun, 'asOf' | 'lang'>, link: RowLink = plainLink): Message {
  const l = run.lang;
  const lines = r.krs.map((k) => {
    const last = k.lastUpdate ? fmt(REMINDER_TEXT.daysAgo, l, { date: k.lastUpdate, days: k.days ?? '?' }) : fmt(REMINDER_TEXT.never, l, { days: k.days ?? '?' });
    return `- ${fmt(REMINDER_TEXT.krLine, l, { sheet: k.sheet, id: k.id, title: k.title, last, status: STATUS_LABELS[k.status][l] })}\n  ${link(k.sheet, k.a1)}`;
  });
  return {
    to: r.owner,
    email: r.email,
    subject: fmt(REMINDER_TEXT.ownerSubject, l, { n: r.krs.length }),
    body: [fmt(REMINDER_TEXT.ownerIntro, l, { owner: r.owner, asOf: run.asOf }), '', ...lines].join('\n'),
  };
}

export function managerMessage(d: ManagerDigest, run: Pick<ReminderRun, 'asOf' | 'lang' | 'staleDays'>, link: RowLink = plainLink): Message {
  const l = run.lang;
  const sep = l === 'zh-CN' ? '、' : ', ';
  const out = [fmt(REMINDER_TEXT.managerIntro, l, { manager: d.manager, asOf: run.asOf })];
  if (d.items.length) {
    out.push('', `${fmt(REMINDER_TEXT.attention, l)}:`);
    for (const i of d.items) {
      const tag = i.stale ? fmt(REMINDER_TEXT.staleTag, l, { n: run.staleDays }) : '';
      out.push(`- ${i.unit} ${i.id} ${i.title} (${i.owner || '—'}) — ${STATUS_LABELS[i.status][l]}${tag}\n  ${link(i.sheet, i.a1)}`);
    }
  }
  if (d.blockers.length) {
    out.push('', `${fmt(REMINDER_TEXT.blockers, l)}:`);
    for (const b of d.blockers) out.push(`- ${b.unit} ${b.id} (${b.date}): ${b.text}`);
  }
  if (d.confidenceDrops.length) {
    out.push('', `${fmt(REMINDER_TEXT.drops, l)}:`);
    for (const c of d.confidenceDrops) out.push(`- ${fmt(REMINDER_TEXT.dropLine, l, c)}`);
  }
  return { to: d.manager, email: d.email, subject: fmt(REMINDER_TEXT.managerSubject, l, { units: d.units.join(sep) }), body: out.join('\n') };
}

/** The JSON `okr-sheets remind --json` prints (issue 13's shape, a1/reason included). */
export function reminderJson(run: ReminderRun) {
  return {
    asOf: run.asOf,
    owners: run.owners.map((o) => ({
      owner: o.owner, email: o.email,
      krs: o.krs.map((k) => ({ sheet: k.sheet, id: k.id, title: k.title, lastUpdate: k.lastUpdate, days: k.days, status: k.status, reason: k.reason, a1: k.a1 })),
    })),
    managers: run.managers.map((m) => ({
      manager: m.manager, email: m.email, units: m.units,
      krs: m.items.map((i) => ({ unit: i.unit, sheet: i.sheet, id: i.id, title: i.title, owner: i.owner, status: i.status, stale: i.stale })),
      blockers: m.blockers, confidenceDrops: m.confidenceDrops,
    })),
  };
}
