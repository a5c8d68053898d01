/**
 * Characters of formula text in each kind of row of a small OKR sheet (an objective on row 7, KRs
 * on rows 8–10, a spare row on 11: the row numbers of a fresh sheet), with the Trend column
 * (issue 13, added with the shortening of issue 16 §5) counted apart so the figures compare with
 * the ones before it. Measured by test/plan/formulaLength.test.ts (ceilings) and printed by
 * `npm run bench -- plan`.
 */
import type { Lang } from '../../src/core/i18n';
import { buildOkrSheetPlanFromRows, FIRST_DATA_ROW, OKR_COLUMNS, type OkrSheetRow } from '../../src/core/plan/okrSheet';

export type RowKind = 'objective' | 'KR (increase)' | 'KR (rubric)' | 'KR (milestone)' | 'spare row';
export const ROW_KINDS: readonly RowKind[] = ['objective', 'KR (increase)', 'KR (rubric)', 'KR (milestone)', 'spare row'];

export function rowFormulaLengths(lang: Lang): Record<RowKind, { chars: number; trend: number }> {
  const rows: OkrSheetRow[] = [
    { id: 'O1', type: 'objective', title: 'o' },
    { id: 'O1.KR1', type: 'increase', title: 'a', start: 0, target: 100 },
    { id: 'O1.KR2', type: 'rubric', title: 'b', rubric: '≥150:1; ≥100:0.7; ≥50:0.3' },
    { id: 'O1.KR3', type: 'milestone', title: 'c' },
  ];
  const p = buildOkrSheetPlanFromRows({
    lang, spareRows: 2, rows,
    header: { unit: 'U', level: 'team', owner: 'A', alignedTo: '', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' },
  });
  const len = (v: unknown) => (typeof v === 'string' && v.startsWith('=') ? v.length : 0);
  const out = {} as Record<RowKind, { chars: number; trend: number }>;
  ROW_KINDS.forEach((kind, i) => {
    const line = p.values[FIRST_DATA_ROW - 1 + i]!;
    const trend = len(line[OKR_COLUMNS.trend - 1]);
    out[kind] = { chars: line.reduce<number>((n, v) => n + len(v), 0) - trend, trend };
  });
  return out;
}
