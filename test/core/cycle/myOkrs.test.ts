/** "My OKRs" (issue 13 §4): a person's KRs across sheets; a manager's units grouped by owner. */
import { describe, expect, it } from 'vitest';
import { myOkrs } from '../../../src/core/cycle/myOkrs';
import { dispatch } from '../../../src/addon/rpc/server';
import { cycleModel, cycleWorkbook } from './fixture';

describe('myOkrs', () => {
  const local = cycleWorkbook();
  const model = cycleModel(local);

  it('lists the KRs a person owns across every OKR sheet, with status and last update', () => {
    const m = myOkrs(model, 'wang fang', '2026-11-30'); // names compare without case or spaces
    expect(m.krs.map((k) => [k.sheet, k.id, k.status, k.lastUpdate])).toEqual([
      ['Sales OKR', 'O1.KR2', 'done', '2026-11-20'],
      ['Sales OKR', 'O3.KR1', 'done', '2026-11-18'],
    ]);
    expect(m.managed).toEqual([]);
    expect(m.people).toEqual(['Alex Lin', 'Chen Jing', 'Han Mei', 'Li Lei', 'Wang Fang', 'Zhao Min']);
  });

  it('a manager sees their unit and the units below, grouped by owner', () => {
    const m = myOkrs(model, 'Li Lei', '2026-11-30');
    expect(m.krs.map((k) => k.id)).toEqual(['O1.KR1', 'O2.KR1']);
    expect(m.managed.map((u) => [u.unit, u.owners.map((o) => `${o.owner}:${o.krs.length}`)])).toEqual([
      ['Sales', ['Li Lei:2', 'Wang Fang:2', 'Zhao Min:1']],
      ['East Sales', ['Han Mei:1', 'Chen Jing:1']],
    ]);
  });

  it('nobody named: the list of people only; through the RPC too', () => {
    expect(myOkrs(model, '').krs).toEqual([]);
    const r = dispatch('myOkrs', { person: 'Han Mei' }, () => local.ctx('en'), 'en');
    expect(r.ok && (r.result as { krs: { id: string }[] }).krs.map((k) => k.id)).toEqual(['O1.KR1']);
  });
});
