/** Check-ins by date (issue 10 §4): the log keeps every entry, Current follows the latest-dated
 *  one, milestones take done/完成/✓/TRUE/是, and an implausible value asks first. */
import { describe, expect, it } from 'vitest';
import { applyCheckIn, implausibleValue, toNumber, type CheckInEntry } from '../../src/core/checkins';
import { row, table } from '../review/fixtures';

const t = table({ unit: '招聘组', level: 'team', owner: '周敏' }, [
  row({ id: 'O1', type: 'objective', title: '补齐关键岗位' }),
  row({ id: 'O1.KR1', type: 'increase', title: '储备候选人达 300 人', start: 0, target: 300, current: 120 }),
  row({ id: 'O1.KR2', type: 'milestone', title: '上线新的招聘官网', target: 1 }),
  row({ id: 'O1.KR3', type: 'atMost', title: '员工流失率低于 8%', start: 0.12, target: 0.08, current: 0.1 }),
  row({ id: 'O1.KR4', type: 'decrease', title: '招聘周期由 45 天缩短到 30 天', start: 45, target: 30 }),
]);

const entry = (p: Partial<CheckInEntry>): CheckInEntry => ({
  date: '2026-11-01', sheet: '招聘组', krId: 'O1.KR1', value: null, confidence: null, done: '', next: '', blockers: '', order: 0, ...p,
});
const base = { sheet: '招聘组', krId: 'O1.KR1', confidence: 7, date: '2026-11-10' };

describe('applyCheckIn: Current is the latest-dated entry', () => {
  const log = [entry({ date: '2026-11-20', value: 200, confidence: 8, order: 0 })];

  it('a newer entry writes Current and Confidence', () => {
    const r = applyCheckIn(t, { ...base, value: 220, date: '2026-11-25' }, { log, sheetName: '招聘组' });
    expect(r.ok && r.update).toMatchObject({ current: 220, confidence: 7, backdated: null });
  });

  it('a back-dated entry is logged but leaves the newer Current and Confidence alone, and says so', () => {
    const r = applyCheckIn(t, { ...base, value: 150, date: '2026-11-10' }, { log, sheetName: '招聘组' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.update.current).toBeNull();
    expect(r.update.confidence).toBeNull();
    expect(r.update.entry).toMatchObject({ date: '2026-11-10', value: 150, confidence: 7 });
    expect(r.update.backdated?.latest).toBe('2026-11-20');
    expect(r.update.backdated?.message.en).toMatch(/before the latest check-in \(2026-11-20\)/);
    expect(r.update.backdated?.message['zh-CN']).toMatch(/早于最近一次更新/);
  });

  it('the same date counts as newer (the later log row wins), entries of other KRs and sheets do not count', () => {
    expect(applyCheckIn(t, { ...base, value: 210, date: '2026-11-20' }, { log }).ok && true).toBe(true);
    const same = applyCheckIn(t, { ...base, value: 210, date: '2026-11-20' }, { log });
    expect(same.ok && same.update.current).toBe(210);
    const other = [entry({ date: '2026-12-01', krId: 'O1.KR3', value: 0.09 }), entry({ date: '2026-12-01', sheet: '别的组', value: 5 })];
    const r = applyCheckIn(t, { ...base, value: 150 }, { log: other, sheetName: '招聘组' });
    expect(r.ok && r.update.current).toBe(150);
  });

  it('a newer confidence-only entry keeps Confidence but not Current from a back-dated value', () => {
    const confOnly = [entry({ date: '2026-11-20', value: null, confidence: 4 })];
    const r = applyCheckIn(t, { ...base, value: 150, date: '2026-11-10' }, { log: confOnly });
    expect(r.ok && r.update).toMatchObject({ current: 150, confidence: null });
    expect(r.ok && r.update.backdated?.latest).toBe('2026-11-20');
  });
});

describe('applyCheckIn: milestones', () => {
  it.each(['done', 'Done', '完成', '已完成', '✓', '✔', 'TRUE', 'true', '是', 'yes'])('"%s" is done (TRUE)', (v) => {
    const r = applyCheckIn(t, { ...base, krId: 'O1.KR2', value: v });
    expect(r.ok && r.update.current).toBe(true);
    expect(r.ok && r.update.entry.value).toBe(1);
  });
  it.each(['否', '未完成', 'FALSE', 'no'])('"%s" is not done (FALSE)', (v) => {
    const r = applyCheckIn(t, { ...base, krId: 'O1.KR2', value: v });
    expect(r.ok && r.update.current).toBe(false);
  });
  it('a share such as 70% is kept; 70 asks for confirmation', () => {
    const r = applyCheckIn(t, { ...base, krId: 'O1.KR2', value: '70%' });
    expect(r.ok && r.update.current).toBe(0.7);
    const slip = applyCheckIn(t, { ...base, krId: 'O1.KR2', value: 70 });
    expect(slip).toMatchObject({ ok: false, needsConfirmation: true });
  });
  it('a word that means nothing is refused', () => {
    expect(applyCheckIn(t, { ...base, krId: 'O1.KR2', value: '差不多' })).toMatchObject({ ok: false });
    expect(toNumber('差不多')).toBeNull();
  });
});

describe('applyCheckIn: a value far outside the range asks first', () => {
  it('negative where the range is positive', () => {
    const r = applyCheckIn(t, { ...base, value: -5 });
    expect(r).toMatchObject({ ok: false, needsConfirmation: true });
    if (!r.ok) expect(r.message.en).toMatch(/negative/);
    expect(applyCheckIn(t, { ...base, value: -5 }, { confirmed: true })).toMatchObject({ ok: true, update: { current: -5 } });
  });
  it('more than 10× the target (80 typed for 8%)', () => {
    const r = applyCheckIn(t, { ...base, krId: 'O1.KR3', value: 8 });
    expect(r).toMatchObject({ ok: false, needsConfirmation: true });
    if (!r.ok) expect(r.message['zh-CN']).toMatch(/10 倍/);
    expect(applyCheckIn(t, { ...base, krId: 'O1.KR3', value: '8%' }).ok).toBe(true);
    expect(applyCheckIn(t, { ...base, value: 3000 }).ok).toBe(true); // exactly 10× is allowed
    expect(applyCheckIn(t, { ...base, value: 3001 }).ok).toBe(false);
  });
  it('a decrease is measured against its start (45 → 30: 60 days is plausible)', () => {
    expect(applyCheckIn(t, { ...base, krId: 'O1.KR4', value: 60 }).ok).toBe(true);
    expect(implausibleValue({ id: 'x', type: 'decrease', start: 45, target: 30 }, 451, '451')).not.toBeNull();
    expect(implausibleValue({ id: 'x', type: 'increase', start: null, target: null }, 1e9, '')).toBeNull();
    expect(implausibleValue({ id: 'x', type: 'decrease', start: 5, target: -5 }, -20, '')).toBeNull();
  });
});
