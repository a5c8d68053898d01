/**
 * Who evaluates whom, from the roster's unit tree (issue 14 §4). A person is a unit's owner
 * (one person owning several units counts once, at their first unit in the roster). Their
 * manager is the owner of the nearest unit above that has another owner; the skip-level manager
 * the next different owner above that; peers are the owners of the units beside theirs (same
 * parent unit), suggested in roster order — HR or the person may change them in the sheet.
 */
import type { RosterEntry, RosterProblem, RosterProblemCode, RosterRead } from '../roster';
import { validateRoster } from '../roster';

export interface EvaluationPerson {
  name: string;
  unit: string;
  manager: string | null;
  skip: string | null;
  /** Suggested peers (owners of sibling units), roster order, without the person. */
  peers: string[];
}

/** Roster problems that stop an evaluation: the ones about people and the tree. A missing
 *  department template does not matter here (no OKR sheet is made). */
const RELEVANT: ReadonlySet<RosterProblemCode> = new Set([
  'noHeader', 'empty', 'blankUnit', 'duplicateUnit', 'blankOwner', 'missingParent', 'cycle', 'tooManyUnits',
]);

const key = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim().toLowerCase();

export type PeopleResult = { ok: true; people: EvaluationPerson[] } | { ok: false; problems: RosterProblem[] };

/** The people of a roster with their relations, or the roster problems that stop it. */
export function peopleFromRoster(read: RosterRead): PeopleResult {
  const checked = validateRoster(read);
  if (!checked.ok) {
    const problems = checked.problems.filter((p) => RELEVANT.has(p.code));
    if (problems.length > 0) return { ok: false, problems };
  }
  const byUnit = new Map<string, RosterEntry>();
  for (const e of read.entries) if (!byUnit.has(key(e.unit))) byUnit.set(key(e.unit), e);
  const parentOf = (e: RosterEntry): RosterEntry | null => (e.parent ? byUnit.get(key(e.parent)) ?? null : null);
  /** The owner of the nearest unit above `e` whose owner is not one of `not`. */
  const ownerAbove = (e: RosterEntry, not: readonly string[]): { owner: string; entry: RosterEntry } | null => {
    // the roster was checked for cycles; the bound only guards against a surprise
    let cur = parentOf(e);
    for (let steps = 0; cur && steps <= read.entries.length; steps++) {
      if (!not.includes(key(cur.owner))) return { owner: cur.owner, entry: cur };
      cur = parentOf(cur);
    }
    return null;
  };
  // units by parent, once: finding peers stays linear in the roster
  const children = new Map<string, RosterEntry[]>();
  for (const e of read.entries) {
    const list = children.get(key(e.parent));
    if (list) list.push(e);
    else children.set(key(e.parent), [e]);
  }
  const people: EvaluationPerson[] = [];
  const seen = new Set<string>();
  for (const e of read.entries) {
    const me = key(e.owner);
    if (seen.has(me)) continue;
    seen.add(me);
    const manager = ownerAbove(e, [me]);
    const skip = manager ? ownerAbove(manager.entry, [me, key(manager.owner)]) : null;
    const peerKeys = new Set<string>([me]);
    const peers: string[] = [];
    for (const s of children.get(key(e.parent)) ?? []) {
      if (peerKeys.has(key(s.owner))) continue;
      peerKeys.add(key(s.owner));
      peers.push(s.owner);
    }
    people.push({ name: e.owner, unit: e.unit, manager: manager?.owner ?? null, skip: skip?.owner ?? null, peers });
  }
  return { ok: true, people };
}
