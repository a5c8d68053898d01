import { describe, expect, it } from 'vitest';
import { fmtValue, unitAttached } from '../../src/sidebar/format';

describe('sidebar KR value formatting (import preview, check-in info)', () => {
  it('% KRs hold fractions and show as percentages; currency symbols lead', () => {
    expect(fmtValue(0.95, '%', 'en')).toBe('95%');
    expect(fmtValue(0.055, '%', 'zh-CN')).toBe('5.5%');
    expect(fmtValue(0.005, '‰', 'en')).toBe('5‰');
    expect(fmtValue(600, '¥', 'en')).toBe('¥600');
    expect(fmtValue(12000, '$', 'en')).toBe('$12,000');
    expect(fmtValue(250, 'leads', 'en')).toBe('250');
    expect(fmtValue(null, '%', 'en')).toBe('—');
    expect(unitAttached('%')).toBe(true);
    expect(unitAttached('¥')).toBe(true);
    expect(unitAttached('个')).toBe(false);
  });
});
