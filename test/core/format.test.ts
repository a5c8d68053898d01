import { describe, expect, it } from 'vitest';
import { fmtNumber, fmtPercent, fmtScore, fmtValue, unitAttached } from '../../src/core/format';

describe('the one value formatter', () => {
  it('groups thousands, drops trailing zeros, never prints NaN or Infinity', () => {
    expect(fmtNumber(5000000)).toBe('5,000,000');
    expect(fmtNumber(-1234.5)).toBe('-1,234.5');
    expect(fmtNumber(0.00004)).toBe('0');
    expect(fmtNumber(-0.00001)).toBe('0');
    expect(fmtNumber(NaN)).toBe('—');
    expect(fmtNumber(Infinity)).toBe('—');
    expect(fmtNumber(null)).toBe('—');
  });
  it('% and ‰ KRs hold fractions; currency leads; other units follow when asked', () => {
    expect(fmtValue(0.015, '%')).toBe('1.5%');
    expect(fmtValue(0.056, '％')).toBe('5.6%');
    expect(fmtValue(0.03, '%')).toBe('3%');
    expect(fmtValue(0.005, '‰')).toBe('5‰');
    expect(fmtValue(-20, '¥')).toBe('-¥20');
    expect(fmtValue(1800000, '元', 'zh-CN', { withUnit: true })).toBe('1,800,000 元');
    expect(fmtValue(0.35, '', 'en')).toBe('0.35');
    expect(unitAttached(' € ')).toBe(true);
    expect(unitAttached('leads')).toBe(false);
  });
  it('progress as a whole percentage, score with one decimal', () => {
    expect(fmtPercent(0.56875)).toBe('57%');
    expect(fmtPercent(1.3333)).toBe('133%');
    expect(fmtScore(0.667)).toBe('0.7');
    expect(fmtScore(0.04)).toBe('0.0');
    expect(fmtPercent(NaN)).toBe('—');
  });
});
