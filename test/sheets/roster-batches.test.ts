/**
 * Roster set-up survives Apps Script's 6-minute limit (issue 11, item 7): each call creates at
 * most a batch of units, says how many are done of how many and which remain, and the next
 * call resumes from the sheets already made (their metadata is the checkpoint) — a failure
 * inside a batch removes that batch's sheets and leaves earlier batches done.
 */
import { describe, expect, it } from 'vitest';
import { createLocalApp, type LocalWorkbook } from '../../src/local/workbook';
import { doneRosterUnits, ROSTER_BATCH_UNITS, setupFromRosterSheet } from '../../src/sheets/roster';
import { LIMITS } from '../../src/core/limits';

function roster(local: LocalWorkbook, units: number) {
  const rows: string[][] = [['Unit', 'Level', 'Parent unit', 'Owner', 'Email', 'Department template', 'Role template']];
  rows.push(['Sales center', 'Department', '', 'Zhao Min', '', 'Sales', 'Sales center']);
  for (let i = 1; i < units; i++) rows.push([`Region ${i}`, 'Team', 'Sales center', `Owner ${i}`, '', 'sales', 'regionalTeam']);
  const s = local.ss.insertSheet('Roster');
  s.getRange(1, 1, rows.length, 7).setValues(rows);
}

const okrSheets = (local: LocalWorkbook) => local.ss.getSheets().filter((s) => s.getDeveloperMetadata().some((m) => m.getValue() === 'okr'));

describe('roster set-up in batches', () => {
  it('7 units, batches of 3: 3 / 7, 6 / 7, 7 / 7; every unit once; the remaining ones named', () => {
    const local = createLocalApp();
    roster(local, 7);
    const seen: Array<[number, number, number]> = [];
    const created: string[] = [];
    for (let call = 0; call < 5; call++) {
      const r = setupFromRosterSheet(local.ctx(), { cycle: '2026-Q4', maxUnits: 3 });
      if (!r.ok) throw new Error('problems');
      seen.push([r.created.length, r.done, r.remainingCount]);
      created.push(...r.created);
      if (call === 0) expect(r.remaining).toEqual(['Region 3', 'Region 4', 'Region 5', 'Region 6']);
      if (r.remainingCount === 0) break;
    }
    expect(seen).toEqual([[3, 3, 4], [3, 6, 1], [1, 7, 0]]);
    expect(new Set(created).size).toBe(7);
    expect(okrSheets(local)).toHaveLength(7);
    // a further call creates nothing and says all are done
    const again = setupFromRosterSheet(local.ctx(), { cycle: '2026-Q4', maxUnits: 3 });
    expect(again).toMatchObject({ ok: true, created: [], done: 7, total: 7, remainingCount: 0 });
    expect(doneRosterUnits(local.ctx()).size).toBe(7);
  });

  it('a failure inside a batch removes that batch only; the next call resumes', () => {
    const local = createLocalApp();
    roster(local, 5);
    const first = setupFromRosterSheet(local.ctx(), { cycle: '2026-Q4', maxUnits: 2 });
    expect(first.ok && first.done).toBe(2);
    const sheetsBefore = local.ss.getSheets().map((s) => s.getName());
    // the spreadsheet fails on the 2nd sheet of the next batch
    const ss = local.ss;
    const insert = ss.insertSheet.bind(ss);
    let n = 0;
    (ss as { insertSheet: typeof ss.insertSheet }).insertSheet = ((name: string) => {
      if (++n === 2) throw new Error('Service Spreadsheets timed out');
      return insert(name);
    }) as typeof ss.insertSheet;
    expect(() => setupFromRosterSheet(local.ctx(), { cycle: '2026-Q4', maxUnits: 2 })).toThrow(/timed out/);
    (ss as { insertSheet: typeof ss.insertSheet }).insertSheet = insert;
    expect(local.ss.getSheets().map((s) => s.getName())).toEqual(sheetsBefore);
    const next = setupFromRosterSheet(local.ctx(), { cycle: '2026-Q4', maxUnits: 2 });
    expect(next).toMatchObject({ ok: true, done: 4, remainingCount: 1 });
  });

  it('the default batch is small, and a roster past the unit limit is refused before anything is made', () => {
    expect(ROSTER_BATCH_UNITS).toBeLessThanOrEqual(20);
    const local = createLocalApp();
    const rows = [['Unit', 'Level', 'Parent unit', 'Owner', 'Email', 'Department template', 'Role template']];
    for (let i = 0; i <= LIMITS.units; i++) rows.push([`U${i}`, 'Team', '', 'X', '', 'sales', 'regionalTeam']);
    const s = local.ss.insertSheet('Roster', 0);
    s.insertRowsAfter(1000, rows.length);
    s.getRange(1, 1, rows.length, 7).setValues(rows);
    const before = local.ss.getSheets().length;
    const r = setupFromRosterSheet(local.ctx(), { cycle: '2026-Q4' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message.en).toMatch(new RegExp(`more than the limit of ${LIMITS.units}`));
    expect(local.ss.getSheets().length).toBe(before);
  });
});
