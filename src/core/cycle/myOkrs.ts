/**
 * "My OKRs" (issue 13 §4), a pure task: the KRs a person owns across every OKR sheet of the
 * workbook (status, last update, current / target), and — when the person owns a unit (named in
 * a sheet's header block) — that unit's and the units below it, grouped by owner. A person is
 * named as in the Owner column; `identify` decides who the person is: the name they chose, else
 * the one remembered for them (the shell keeps it per user), else the name their account email
 * has in the roster / a People sheet (or an Owner cell holding that email).
 */
import { checkInsFor } from '../checkins';
import { isKrType } from '../labels';
import type { Status } from '../model';
import { normKey } from '../text';
import { scoreSheet } from '../tasks/score';
import type { WorkbookModel } from '../snapshot';
import { emailDirectory } from './reminders';

export interface MyKr {
  sheet: string;
  unit: string;
  id: string;
  title: string;
  owner: string;
  status: Status;
  progress: number;
  current: number | null;
  target: number | null;
  unitLabel: string;
  confidence: number | null;
  lastUpdate: string | null;
}

export interface MyOkrs {
  person: string;
  /** Everyone named as a KR or unit owner, for the "who am I" choice. */
  people: string[];
  krs: MyKr[];
  /** Units the person owns (and the units aligned below), their KRs grouped by owner. */
  managed: { unit: string; sheet: string; owners: { owner: string; krs: MyKr[] }[] }[];
}

/** How the person was found: chosen now, remembered for this user, by account email, or not. */
export type IdentifiedBy = 'chosen' | 'remembered' | 'email' | 'none';

export interface Identity {
  person: string;
  identifiedBy: IdentifiedBy;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The Owner-column name of an account email: the roster / People sheet's name for it, else an
 *  Owner cell (KR or sheet owner) that is the email itself. Case-insensitive; null when none. */
export function personForEmail(model: WorkbookModel, email: string): string | null {
  const e = email.trim().toLowerCase();
  if (!EMAIL_RE.test(e)) return null;
  for (const [name, mail] of emailDirectory(model)) if (mail.toLowerCase() === e) return name;
  for (const o of model.okr) {
    const t = o.read.table;
    if (t.header.owner.trim().toLowerCase() === e) return t.header.owner.trim();
    for (const r of t.rows) if (r.owner.trim().toLowerCase() === e) return r.owner.trim();
  }
  return null;
}

/**
 * Who "me" is. `chosen` (defined, even blank) is the person's own choice now and wins; then the
 * name remembered for this user; then the account email (only asked for when needed: reading it
 * may need a scope, and is blank where Google withholds it).
 */
export function identify(model: WorkbookModel, p: { chosen?: string | undefined; remembered?: string | null; email?: () => string }): Identity {
  if (p.chosen !== undefined) return { person: p.chosen.trim(), identifiedBy: p.chosen.trim() ? 'chosen' : 'none' };
  if (p.remembered && p.remembered.trim()) return { person: p.remembered.trim(), identifiedBy: 'remembered' };
  const byEmail = p.email ? personForEmail(model, p.email()) : null;
  return byEmail ? { person: byEmail, identifiedBy: 'email' } : { person: '', identifiedBy: 'none' };
}

export function myOkrs(model: WorkbookModel, person: string, asOf?: string): MyOkrs {
  const me = normKey(person);
  const all: MyKr[] = [];
  const people = new Set<string>();
  const owned: string[] = [];
  for (const o of model.okr) {
    const table = o.read.table;
    if (table.header.owner.trim()) people.add(table.header.owner.trim());
    if (me && normKey(table.header.owner) === me) owned.push(table.header.unit || o.sheet);
    const scored = scoreSheet(model, o, asOf ? { asOf } : {});
    const last = new Map<string, string>();
    for (const e of checkInsFor(model.checkins, table, o.sheet)) last.set(e.krId, e.date);
    for (const k of scored.krs) {
      const row = table.rows[k.row]!;
      if (!isKrType(row.type)) continue;
      if (row.owner.trim()) people.add(row.owner.trim());
      all.push({
        sheet: o.sheet, unit: table.header.unit || o.sheet, id: k.id, title: row.title, owner: row.owner, status: k.status,
        progress: k.progress, current: row.current, target: row.target, unitLabel: row.unit, confidence: row.confidence,
        lastUpdate: last.get(k.id) ?? null,
      });
    }
  }
  // units below the ones the person owns, through each sheet's "Aligned to"
  const units = new Set(owned);
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of model.okr) {
      const u = o.read.table.header.unit || o.sheet;
      if (!units.has(u) && units.has(o.read.table.header.alignedTo.trim())) {
        units.add(u);
        grew = true;
      }
    }
  }
  const managed: MyOkrs['managed'] = [];
  for (const o of model.okr) {
    const u = o.read.table.header.unit || o.sheet;
    if (!units.has(u)) continue;
    const byOwner = new Map<string, MyKr[]>();
    for (const k of all.filter((x) => x.sheet === o.sheet)) byOwner.set(k.owner, [...(byOwner.get(k.owner) ?? []), k]);
    managed.push({ unit: u, sheet: o.sheet, owners: [...byOwner].map(([owner, krs]) => ({ owner, krs })) });
  }
  return { person, people: [...people].sort(), krs: me ? all.filter((k) => normKey(k.owner) === me) : [], managed };
}
