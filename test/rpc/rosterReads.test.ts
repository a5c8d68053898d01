/**
 * Roster set-up reads the workbook through the Sheets shell's one snapshot (takeSnapshot): one
 * developer-metadata finder call for the roles, one values read per sheet it needs (the roster,
 * the company Templates sheet, the support sheets) — never the OKR sheets of other units, and
 * the same calls whatever their size.
 */
import { describe, expect, it } from 'vitest';
import { createLocalApp, type LocalWorkbook } from '../../src/local/workbook';
import { dispatch } from '../../src/addon/rpc/server';
import { setupFromRosterSheet } from '../../src/sheets/roster';
import { OKR_VALUES } from './helpers';

function workbook(unitRows: number, otherKrs: number, rosterName = 'Roster'): LocalWorkbook {
  const local = createLocalApp({ lang: 'en' });
  // someone's big OKR sheet: not the roster's business
  const big = local.ss.insertSheet('Big OKR');
  const rows = [...OKR_VALUES.slice(0, 6), ...Array.from({ length: otherKrs }, (_, i) => [`O1.KR${i + 1}`, 'Increase', `Raise metric ${i} from 0 to 10`, 'Ann', 0, 10, 5, '', 7, ''])];
  const width = Math.max(...rows.map((r) => r.length));
  big.getRange(1, 1, rows.length, width).setValues(rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')));
  const roster: string[][] = [['Unit', 'Level', 'Parent unit', 'Owner', 'Email', 'Department template', 'Role template']];
  roster.push(['Sales center', 'Department', '', 'Zhao Min', '', 'Sales', 'Sales center']);
  for (let i = 1; i < unitRows; i++) roster.push([`Region ${i}`, 'Team', 'Sales center', `Owner ${i}`, '', 'sales', 'regionalTeam']);
  local.ss.insertSheet(rosterName).getRange(1, 1, roster.length, 7).setValues(roster);
  local.calls.reset();
  return local;
}

describe('roster set-up reads through takeSnapshot', () => {
  it('one finder call, one values read per sheet it needs, the same for a small and a big workbook', () => {
    const counts = (krs: number) => {
      const local = workbook(3, krs);
      // a roster whose unit names a parent that does not exist stops before any write: the read alone
      local.ss.getSheetByName('Roster')!.getRange('C3').setValues([['Nowhere']]);
      local.calls.reset();
      const m = local.calls.measure(() => setupFromRosterSheet(local.ctx(), { cycle: '2026-Q4' }));
      expect(m.result.ok).toBe(false);
      return m.counts;
    };
    const small = counts(5);
    const big = counts(900);
    expect(big).toEqual(small);
    expect(small.createDeveloperMetadataFinder).toBe(1);
    expect(small.find).toBe(1);
    // read: the roster only (no role sheets here; the big OKR sheet and Sheet1 are listed, not read)
    expect(small.getDataRange).toBe(1);
    expect(small.getValues).toBe(1);
  });

  it('finds the roster by its role metadata under any name, and by name when asked', () => {
    const local = workbook(2, 5, 'Org chart');
    // made by "New roster sheet": carries the roster role
    const r1 = dispatch('createRosterSheet', {}, () => local.ctx(), 'en');
    expect(r1.ok).toBe(true);
    const byName = setupFromRosterSheet(local.ctx(), { cycle: '2026-Q4', sheetName: 'Org chart' });
    expect(byName.ok && byName.total).toBe(2);
    // the role sheet (empty, but open) is the one set-up reads when no name is given
    const none = dispatch('setupFromRoster', { cycle: '2026-Q4' }, () => local.ctx(), 'en');
    expect(none.ok).toBe(true);
    if (!none.ok) return;
    expect((none.result as { sheet: string }).sheet).toBe(r1.ok ? (r1.result as { sheet: string }).sheet : '');
    const missing = dispatch('setupFromRoster', { cycle: '2026-Q4', sheetName: 'Nope' }, () => local.ctx(), 'zh-CN');
    expect(missing).toEqual({ ok: false, code: 'notFound', message: '找不到工作表“Nope”。' });
  });

  it('a successful set-up reads the roster once too: its finder and values calls do not grow with the units', () => {
    const reads = (units: number) => {
      const local = workbook(units, 5);
      const m = local.calls.measure(() => setupFromRosterSheet(local.ctx(), { cycle: '2026-Q4', maxUnits: 1 }));
      expect(m.result.ok).toBe(true);
      return { finder: m.counts.createDeveloperMetadataFinder, getValues: m.counts.getValues };
    };
    expect(reads(12)).toEqual(reads(3));
  });
});
