import { describe, expect, it } from 'vitest';
import { OWNER_KEY } from '../../src/core/plan/types';
import { readSnapshot, recogniseSheet } from '../../src/core/snapshot';
import { createLocalApp, type LocalWorkbook } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { bigOkrPlan, sampleWorkbookPlan } from './fixtures';

const BIG = 'OKR Big 2026-Q4';

/** A workbook with our sample plan (OKR sheet + support sheets) and one big OKR sheet of `krs`. */
function workbook(krs: number): LocalWorkbook {
  const local = createLocalApp({ formulas: 'store' });
  applyWorkbookPlan(local.ctx(), { sheets: [...sampleWorkbookPlan('en').sheets, bigOkrPlan(krs)] });
  local.calls.reset();
  return local;
}

describe('takeSnapshot', () => {
  it('reads each sheet once: the same service calls for 40 and 4,000 KRs', () => {
    const small = workbook(40);
    const big = workbook(4000);
    const a = small.calls.measure(() => takeSnapshot(small.ctx(), { asOf: '2026-11-01' }));
    const b = big.calls.measure(() => takeSnapshot(big.ctx(), { asOf: '2026-11-01' }));
    expect(b.counts).toEqual(a.counts);
    const sheets = a.result.sheets.length;
    expect(a.counts.createDeveloperMetadataFinder).toBe(1);
    expect(a.counts.find).toBe(1);
    expect(a.counts.getDataRange).toBe(sheets);
    expect(a.counts.getValues).toBe(sheets);
    expect(a.counts.getDisplayValues).toBeUndefined();
    // the rows really were read
    const model = readSnapshot(b.result);
    const bigSheet = model.okr.find((o) => o.sheet === BIG)!;
    expect(bigSheet.read.table.rows.filter((r) => r.type !== 'objective')).toHaveLength(4000);
  });

  it('gives roles from metadata, the workbook language, the time zone, today in that zone, the active sheet', () => {
    const local = workbook(4);
    const snap = takeSnapshot(local.ctx());
    const tz = local.ss.getSpreadsheetTimeZone();
    expect(snap.timeZone).toBe(tz);
    expect(snap.asOf).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date()));
    expect(snap.activeSheet).toBe(local.ss.getActiveSheet().getName());
    const roles = Object.fromEntries(snap.sheets.map((s) => [s.name, s.metaRole]));
    expect(Object.values(roles)).toContain('okr');
    expect(Object.values(roles)).toContain('checkins');
    expect(Object.values(roles)).toContain('settings');
    // the language comes from the Settings sheet's values (readSnapshot), not from a second metadata read
    expect(readSnapshot(snap, 'zh-CN').lang).toBe('en');
  });

  it('dates are ISO days; display values only when asked (one more call per sheet)', () => {
    const local = workbook(4);
    const sheet = local.ss.insertSheet('Hand');
    sheet.getRange('A1:C2').setValues([['when', 'n', 'p'], [new Date(2026, 10, 5), 3, 0.25]]);
    sheet.getRange('C2').setNumberFormat('0%');
    local.calls.reset();
    const plain = local.calls.measure(() => takeSnapshot(local.ctx(), { sheets: ['Hand'] }));
    const hand = plain.result.sheets.find((s) => s.name === 'Hand')!;
    expect(hand.values[1]).toEqual(['2026-11-05', 3, 0.25]);
    expect(hand.display).toBeUndefined();
    const withDisplay = local.calls.measure(() => takeSnapshot(local.ctx(), { sheets: ['Hand'], display: true }));
    expect(withDisplay.result.sheets.find((s) => s.name === 'Hand')!.display![1]![2]).toBe('25%');
    expect(withDisplay.counts.getDisplayValues).toBe(withDisplay.counts.getValues);
  });

  it('asked for some sheets: those and the support sheets are read, the others listed as skipped', () => {
    const local = workbook(4);
    const snap = takeSnapshot(local.ctx(), { sheets: [BIG] });
    const read = snap.sheets.filter((s) => !s.skipped).map((s) => s.name);
    expect(new Set(read)).toEqual(new Set([BIG, 'Check-ins', 'Actions', 'Settings']));
    const skipped = snap.sheets.filter((s) => s.skipped);
    expect(skipped.length).toBeGreaterThan(0);
    for (const s of skipped) expect(s.values).toEqual([]);
  });

  it('a user sheet named like ours is not ours; a renamed sheet of ours keeps its role', () => {
    const local = workbook(4);
    local.ss.getSheetByName('Check-ins')!.setName('Progress log');
    local.ss.insertSheet('Check-ins');
    const own = local.ss.getSheetByName(BIG)!;
    own.setName('Renamed team');
    const snap = takeSnapshot(local.ctx());
    expect(snap.sheets.find((s) => s.name === 'Check-ins')?.metaRole ?? null).toBeNull();
    const renamed = snap.sheets.find((s) => s.name === 'Renamed team')!;
    expect(renamed.metaRole).toBe('okr');
    expect(snap.sheets.find((s) => s.name === 'Progress log')!.metaRole).toBe('checkins');
    expect(recogniseSheet(renamed)).toBe('okr');
  });

  it('OKR sheets: ours by metadata, a hand-made one by content, never a generated sheet', () => {
    const local = workbook(4);
    const grid = [
      ['Unit', 'Hand team', '', 'Cycle', '2026-Q4'],
      [],
      ['Notes', 'ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current'],
      ['', 'O1', 'Objective', 'Grow', 'Ann'],
      ['', 'O1.KR1', 'Increase', 'Raise x from 1 to 2', 'Ann', 1, 2, 1.5],
    ];
    const hand = local.ss.insertSheet('Hand-made');
    hand.getRange(1, 1, grid.length, 8).setValues(grid.map((r) => [...r, ...Array(8 - r.length).fill('')]));
    const review = local.ss.insertSheet('Review');
    review.addDeveloperMetadata(OWNER_KEY, 'review');
    review.getRange(1, 1, grid.length, 8).setValues(grid.map((r) => [...r, ...Array(8 - r.length).fill('')]));
    const model = readSnapshot(takeSnapshot(local.ctx()));
    expect(model.okr.map((o) => [o.sheet, o.by])).toEqual([
      ['OKR Sales 2026-Q4', 'metadata'],
      [BIG, 'metadata'],
      ['Hand-made', 'content'],
    ]);
    expect(model.roles.get('Review')).toBe('review');
  });

  it('a role entry from another add-on key is ignored', () => {
    const local = workbook(4);
    const s = local.ss.insertSheet('Other');
    s.addDeveloperMetadata('someone.else', 'okr');
    s.addDeveloperMetadata(OWNER_KEY, 'not-a-role');
    const snap = takeSnapshot(local.ctx());
    expect(snap.sheets.find((x) => x.name === 'Other')!.metaRole).toBeNull();
  });
});
