/** Confidence drops of 3+ points are called out in the manager digest (issue 13 §3). */
import { describe, expect, it } from 'vitest';
import { confidenceDropIn, managerMessage, planReminders } from '../../../src/core/cycle/reminders';
import { cycleModel, cycleWorkbook, HISTORY } from './fixture';

/** The fixture plus extra check-ins: [date, sheet, KR, value, confidence]. */
function withLog(extra: (string | number)[][]) {
  const local = cycleWorkbook();
  const log = local.ctx('en').ss.getSheetByName('Check-ins')!;
  log.getRange(HISTORY.length + 2, 1, extra.length, 5).setValues(extra);
  return planReminders(cycleModel(local, '2026-11-30'), { asOf: '2026-11-30' });
}

const drops = (run: ReturnType<typeof withLog>) =>
  run.managers.flatMap((m) => m.confidenceDrops.map((d) => `${m.manager}: ${d.sheet} ${d.id} ${d.from}→${d.to}`));

describe('confidence drops in the digest', () => {
  it('a drop between two check-ins inside the window counts (9 → 6); a drop of 2 or a rise does not', () => {
    const run = withLog([
      ['2026-11-27', 'Sales OKR', 'O1.KR2', 10, 6], // Wang Fang: 9 on 11-20, now 6 → 3 points
      ['2026-11-28', 'Sales OKR', 'O2.KR1', 0.1, 4], // 6 → 4: 2 points
      ['2026-11-29', 'East Sales OKR', 'O1.KR2', 4, 9], // 6 → 9: up
    ]);
    expect(drops(run)).toEqual([
      'Alex Lin: Sales OKR O1.KR2 9→6',
      'Alex Lin: East Sales OKR O1.KR1 8→4',
      'Li Lei: Sales OKR O1.KR2 9→6',
      'Li Lei: East Sales OKR O1.KR1 8→4',
      'Han Mei: East Sales OKR O1.KR1 8→4',
    ]);
  });

  it('the digest text calls each drop out, from → to', () => {
    const run = withLog([['2026-11-27', 'Sales OKR', 'O1.KR2', 10, 6]]);
    const li = run.managers.find((m) => m.manager === 'Li Lei')!;
    const body = managerMessage(li, run).body;
    expect(body).toContain('Confidence dropped:');
    expect(body).toContain('- Sales O1.KR2 Sign 10 new customers: 9 → 6');
    expect(body).toContain('- East Sales O1.KR1 Qualified leads from 20 to 60: 8 → 4');
  });

  it('confidenceDropIn: from the last before the window, else the first inside; nothing inside → null', () => {
    const e = (date: string, confidence: number | null) => ({ date, krId: 'K', value: null, confidence, done: '', next: '', blockers: '' });
    expect(confidenceDropIn([e('2026-11-01', 8), e('2026-11-20', 7), e('2026-11-25', 4)], 'K', '2026-11-17', '2026-11-30')).toEqual({ from: 8, to: 4 });
    expect(confidenceDropIn([e('2026-11-20', 9), e('2026-11-25', null), e('2026-11-26', 6)], 'K', '2026-11-17', '2026-11-30')).toEqual({ from: 9, to: 6 });
    expect(confidenceDropIn([e('2026-11-01', 8)], 'K', '2026-11-17', '2026-11-30')).toBeNull();
    expect(confidenceDropIn([e('2026-12-05', 2), e('2026-11-20', 9)], 'K', '2026-11-17', '2026-11-30')).toEqual({ from: 9, to: 9 }); // after the as-of day: ignored
  });
});
