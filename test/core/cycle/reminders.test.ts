/** Reminders and digests from a hand-written check-in history (issue 13 §1, "must show"). */
import { describe, expect, it } from 'vitest';
import { emailDirectory, managerMessage, ownerMessage, planReminders, reminderJson } from '../../../src/core/cycle/reminders';
import { cycleModel, cycleWorkbook } from './fixture';

describe('planReminders', () => {
  const local = cycleWorkbook();
  const model = cycleModel(local, '2026-11-30');
  const run = planReminders(model, { asOf: '2026-11-30', lang: 'en' });

  it('emails come from the roster and the People sheet', () => {
    const d = emailDirectory(model);
    expect(d.get('Li Lei')).toBe('lilei@acme.test');
    expect(d.get('Zhao Min')).toBe('zhaomin@acme.test');
  });

  it('the right owners, and only they, get one message each with the right KRs', () => {
    expect(run.owners.map((o) => [o.owner, o.email, o.krs.map((k) => [k.sheet, k.id, k.reason, k.lastUpdate, k.days, k.status])])).toEqual([
      ['Zhao Min', 'zhaomin@acme.test', [['Sales OKR', 'O1.KR3', 'overdue', null, 60, 'overdue']]],
      ['Chen Jing', 'chenjing@acme.test', [['East Sales OKR', 'O1.KR2', 'stale', '2026-11-10', 20, 'offTrack']]],
    ]);
    // Li Lei checked in 6 days ago, Wang Fang's KRs are done, Alex Lin and Han Mei are up to date
    for (const quiet of ['Li Lei', 'Wang Fang', 'Alex Lin', 'Han Mei']) expect(run.owners.map((o) => o.owner)).not.toContain(quiet);
  });

  it('each manager digest covers their unit and the units below', () => {
    expect(run.managers.map((m) => [m.manager, m.units])).toEqual([
      ['Alex Lin', ['Acme', 'Sales', 'East Sales']],
      ['Li Lei', ['Sales', 'East Sales']],
      ['Han Mei', ['East Sales']],
    ]);
    const alex = run.managers[0]!;
    expect(alex.items.map((i) => [i.unit, i.id, i.status, i.stale])).toEqual([
      ['Acme', 'O1.KR1', 'atRisk', false],
      ['Sales', 'O1.KR3', 'overdue', true],
      ['East Sales', 'O1.KR1', 'offTrack', false],
      ['East Sales', 'O1.KR2', 'offTrack', true],
    ]);
    expect(alex.blockers.map((b) => [b.unit, b.id, b.text])).toEqual([
      ['Sales', 'O1.KR1', 'Need one more presales engineer'],
      ['East Sales', 'O1.KR1', 'Budget for ads'],
    ]);
    expect(alex.confidenceDrops).toEqual([{ unit: 'East Sales', sheet: 'East Sales OKR', id: 'O1.KR1', title: 'Qualified leads from 20 to 60', from: 8, to: 4 }]);
    expect(run.managers[2]!.items.map((i) => i.id)).toEqual(['O1.KR1', 'O1.KR2']);
  });

  it('nobody gets a message with nothing to do', () => {
    // a week after the cycle started nothing is stale, late or behind
    const early = planReminders(cycleModel(cycleWorkbook(), '2026-10-05'), { asOf: '2026-10-05' });
    expect(early.owners).toEqual([]);
    expect(early.managers).toEqual([]);
  });

  it('messages in the workbook language, with a link to each row; JSON in the documented shape', () => {
    const m = ownerMessage(run.owners[0]!, run);
    expect(m.subject).toBe('OKR reminder: 1 key result(s) need an update');
    expect(m.body).toContain("Sales OKR O1.KR3 Launch the partner portal — last update: never (60 days), status: Overdue");
    expect(m.body).toMatch(/'Sales OKR'!A\d+/);
    const zh = planReminders(model, { asOf: '2026-11-30', lang: 'zh-CN' });
    expect(managerMessage(zh.managers[1]!, zh).subject).toBe('OKR 摘要：Sales、East Sales');
    expect(managerMessage(zh.managers[0]!, zh).body).toContain('信心明显下降');
    const j = reminderJson(run);
    expect(Object.keys(j.owners[0]!)).toEqual(['owner', 'email', 'krs']);
    expect(Object.keys(j.owners[0]!.krs[0]!).slice(0, 6)).toEqual(['sheet', 'id', 'title', 'lastUpdate', 'days', 'status']);
  });
});
