import { describe, expect, it } from 'vitest';
import { cycleDates, dayNumber, expectedProgress, isoOfDay, paceStatus, statusFromDelta } from '../../src/core/pace';
import { DEFAULT_SETTINGS } from '../../src/core/model';

describe('expectedProgress', () => {
  it('counts both the start and the end day: last day expects 1, first day 1/N', () => {
    expect(expectedProgress('2026-10-01', '2026-12-31', '2026-12-31')).toBe(1);
    expect(expectedProgress('2026-10-01', '2026-12-31', '2026-10-01')).toBeCloseTo(1 / 92, 12);
    expect(expectedProgress('2026-11-01', '2026-11-30', '2026-11-15')).toBeCloseTo(0.5, 12);
  });
  it('clamps before and after the cycle', () => {
    expect(expectedProgress('2026-10-01', '2026-12-31', '2026-09-01')).toBe(0);
    expect(expectedProgress('2026-10-01', '2026-12-31', '2027-02-01')).toBe(1);
  });
  it('null for missing or inverted dates', () => {
    expect(expectedProgress(null, '2026-12-31', '2026-11-01')).toBeNull();
    expect(expectedProgress('2026-12-31', '2026-10-01', '2026-11-01')).toBeNull();
    expect(expectedProgress('2026-02-30', '2026-10-01', '2026-11-01')).toBeNull();
  });
  it('leap years count', () => {
    expect(expectedProgress('2028-02-01', '2028-02-29', '2028-02-29')).toBe(1);
    expect(dayNumber('2028-02-29')! - dayNumber('2028-02-01')!).toBe(28);
    expect(isoOfDay(dayNumber('2028-02-29')!)).toBe('2028-02-29');
  });
});

describe('paceStatus', () => {
  const Q = ['2026-11-01', '2026-11-30'] as const;
  it('not started when progress is null, done at 1', () => {
    expect(paceStatus(null, ...Q, '2026-11-15')).toBe('notStarted');
    expect(paceStatus(1, ...Q, '2026-11-15')).toBe('done');
  });
  it('bands by Δ = progress − expected (expected 0.5 mid-month)', () => {
    expect(paceStatus(0.35, ...Q, '2026-11-15')).toBe('onTrack'); // Δ -0.15
    expect(paceStatus(0.3, ...Q, '2026-11-15')).toBe('onTrack'); // Δ -0.2 exactly
    expect(paceStatus(0.25, ...Q, '2026-11-15')).toBe('atRisk'); // Δ -0.25
    expect(paceStatus(0.1, ...Q, '2026-11-15')).toBe('atRisk'); // Δ -0.4 exactly
    expect(paceStatus(0.05, ...Q, '2026-11-15')).toBe('offTrack');
    expect(paceStatus(0.9, ...Q, '2026-11-15')).toBe('onTrack');
  });
  it('thresholds come from settings', () => {
    const s = { ...DEFAULT_SETTINGS, atRiskBelow: 0.1, offTrackBelow: 0.2 };
    expect(paceStatus(0.35, ...Q, '2026-11-15', s)).toBe('atRisk');
    expect(paceStatus(0.25, ...Q, '2026-11-15', s)).toBe('offTrack');
    expect(statusFromDelta(-0.05, s)).toBe('onTrack');
  });
  it('unknown cycle dates → expected 0 (only done / not started / on track)', () => {
    expect(paceStatus(0, null, null, '2026-11-15')).toBe('onTrack');
  });
});

describe('cycleDates', () => {
  it.each([
    ['2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026Q1', '2026-01-01', '2026-03-31'],
    ['2026年第2季度', '2026-04-01', '2026-06-30'],
    ['2026-11', '2026-11-01', '2026-11-30'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026年11月', '2026-11-01', '2026-11-30'],
    ['2026', '2026-01-01', '2026-12-31'],
    ['2026年度', '2026-01-01', '2026-12-31'],
    ['2026-H1', '2026-01-01', '2026-06-30'],
    ['2026-H2', '2026-07-01', '2026-12-31'],
    ['2026年下半年', '2026-07-01', '2026-12-31'],
  ])('%s → %s … %s', (c, s, e) => {
    expect(cycleDates(c)).toEqual({ start: s, end: e });
  });
  it('unknown text → null', () => {
    expect(cycleDates('next quarter')).toBeNull();
    expect(cycleDates('2026-13')).toBeNull();
    expect(cycleDates('')).toBeNull();
  });
});
