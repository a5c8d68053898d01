/**
 * Issue 16 §5: the native formulas' text per row, about half of what it was (commit 541afb7:
 * KR row 1,318 characters, objective row 3,659, rubric KR 5,710, spare row 9,326; zh-CN, rows 7–11
 * of a fresh sheet). The Trend column (issue 13, CYCLE's formula) came with the shortening and
 * is counted apart. The figures are deterministic; `npm run bench -- plan` prints them.
 */
import { describe, expect, test } from 'vitest';
import type { Lang } from '../../src/core/i18n';
import { buildOkrSheetPlanFromRows, FIRST_DATA_ROW, OKR_COLUMNS, type OkrSheetRow } from '../../src/core/plan/okrSheet';

const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

function lengths(lang: Lang) {
  const rows: OkrSheetRow[] = [
    { id: 'O1', type: 'objective', title: 'o' },
    { id: 'O1.KR1', type: 'increase', title: 'a', start: 0, target: 100 },
    { id: 'O1.KR2', type: 'rubric', title: 'b', rubric: '≥150:1; ≥100:0.7; ≥50:0.3' },
    { id: 'O1.KR3', type: 'milestone', title: 'c' },
  ];
  const p = buildOkrSheetPlanFromRows({ lang, spareRows: 2, rows, header: { unit: 'U', level: 'team', owner: 'A', alignedTo: '', ...CYCLE } });
  const len = (v: unknown) => (typeof v === 'string' && v.startsWith('=') ? v.length : 0);
  const row = (i: number) => {
    const line = p.values[FIRST_DATA_ROW - 1 + i]!;
    return line.reduce<number>((n, v) => n + len(v), 0) - len(line[OKR_COLUMNS.trend - 1]);
  };
  return { objective: row(0), kr: row(1), rubric: row(2), milestone: row(3), spare: row(4) };
}

describe('formula text per row (issue 16 §5)', () => {
  test.each(['zh-CN', 'en'] as const)('%s: at most half of what it was', (lang) => {
    const x = lengths(lang);
    // labels in English are longer (Status); the limits hold in both languages
    const words = lang === 'en' ? 40 : 0;
    expect(x.kr).toBeLessThanOrEqual(650 + words);
    expect(x.milestone).toBeLessThanOrEqual(1397 / 2 + words);
    expect(x.objective).toBeLessThanOrEqual(3659 / 2 + words);
    expect(x.rubric).toBeLessThanOrEqual(5710 / 2 + words);
    expect(x.spare).toBeLessThanOrEqual(9326 / 2 + words);
  });
});
