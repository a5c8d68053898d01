/** A KR's history from the log (issue 13 §3): latest first, progress per value, drops flagged. */
import { describe, expect, it } from 'vitest';
import { krHistory } from '../../../src/core/cycle/history';
import { cycleModel, cycleWorkbook } from './fixture';

describe('krHistory', () => {
  const model = cycleModel(cycleWorkbook());
  it('latest first, with the progress each value meant', () => {
    expect(krHistory(model, 'Sales OKR', 'o1.kr1').map((p) => [p.date, p.value, p.progress, p.confidence, p.confidenceDrop])).toEqual([
      ['2026-11-24', 130, 0.6, 5, false],
      ['2026-11-02', 122, 0.44, 7, false],
      ['2026-10-12', 110, 0.2, 7, false],
    ]);
  });
  it('a confidence drop of 3+ points is flagged; unknown KRs and sheets give nothing', () => {
    expect(krHistory(model, 'East Sales OKR', 'O1.KR1').map((p) => p.confidenceDrop)).toEqual([true, false]);
    expect(krHistory(model, 'Sales OKR', 'O1')).toEqual([]);
    expect(krHistory(model, 'Nope', 'O1.KR1')).toEqual([]);
  });
});
