/**
 * The score scale's cost (issue 14 §2): scoring 50,000 KRs in 10,000 objectives (2,000 tables,
 * the grids of core.bench.ts) on each scale, and formatting every score with formatScore as a
 * view does. The scale adds a factor and a rounding per score, so each scale should cost what
 * 0-1 costs; budget: the core bench's one second for scoring, 100 ms for the formatting.
 */
import { formatScore } from '../src/core/format';
import { DEFAULT_SETTINGS, type OkrTable, type ScoreScale } from '../src/core/model';
import { scoreTable } from '../src/core/score';
import { isTableError, readTableValues } from '../src/core/table';
import { makeGrids } from './core.bench';

interface Figure { name: string; value: number; unit: string; budget?: number; note?: string }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function run(): Figure[] {
  const tables: OkrTable[] = [];
  for (const g of makeGrids(2000, 5, 50_000)) {
    const r = readTableValues(g);
    if (!isTableError(r)) tables.push(r.table);
  }
  const out: Figure[] = [];
  for (const scoreScale of ['0-1', '0-100', 'percent'] as ScoreScale[]) {
    const settings = { ...DEFAULT_SETTINGS, scoreScale };
    const scoring: number[] = [], formatting: number[] = [];
    let shown = 0;
    for (let rep = 0; rep < 5; rep++) {
      let t0 = performance.now();
      const scored = tables.map((t) => scoreTable(t, '2026-11-15', settings));
      scoring.push(performance.now() - t0);
      t0 = performance.now();
      for (const s of scored) {
        for (const k of s.krs) shown += formatScore(k.score, settings, 'zh-CN').length;
        for (const o of s.objectives) shown += formatScore(o.score, settings, 'en').length;
      }
      formatting.push(performance.now() - t0);
    }
    out.push({ name: `scoreTable, 50,000 KRs, scale ${scoreScale}`, value: Math.round(median(scoring)), unit: 'ms', budget: 1000, note: 'median of 5' });
    out.push({ name: `formatScore, 60,000 scores, scale ${scoreScale}`, value: Math.round(median(formatting) * 10) / 10, unit: 'ms', budget: 100, note: `median of 5 (${shown} chars)` });
  }
  return out;
}
