/**
 * Randomised OKR tables for the cross-engine tests (seeded, so a failure reproduces): every KR
 * type, numbers and numbers typed as TEXT (`500万`, `８０％`, `2.5k` …), blank rows inside a
 * block, spare rows with a stray value and no ID, rows with a type but no ID, KR IDs that do not
 * carry their objective's prefix, due dates before and after the as-of day, weights, self-scores.
 */
import type { KrType, ScoreScale } from '../../src/core/model';
import type { OkrSheetRow } from '../../src/core/plan/okrSheet';
import type { PlanCell } from '../../src/core/plan/types';
import { rng } from '../helpers/rng';
export { rng };

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Numbers as people type them into a cell formatted as text (or into a CSV): never numbers. */
export const TYPED_TEXT = ['500万', '1.2亿', '¥2,000,000', '80%', '８０％', '2.5k', '180万', '5.6%'] as const;

const SCALES: readonly ScoreScale[] = ['0-1', '0-100', 'percent'];

const TYPES: KrType[] = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone', 'rubric'];

/** Rubric texts (rising, falling, full-width, >=, an unreadable step, blank). */
export const RUBRICS = ['≥150:1; ≥100:0.7; ≥50:0.3', '≤20:1; ≤60:0.7; ≤120:0.3', '≥180：1；≥90：0.5', '>=120:1;>=60:0.6;', '≥100:1; 50 → 0.5', ''] as const;

export interface ParityCase {
  rows: OkrSheetRow[];
  asOf: string;
  cycleStart: string;
  cycleEnd: string;
  atRisk: number;
  offTrack: number;
  /** Settings "progress counts up to" (over-achievement cap) */
  cap: number;
  /** Settings score scale (issue 14 §2): typed self / manager scores and rubric steps are in it */
  scale: ScoreScale;
  /** Settings grade bands (the Score colours; the cells the formulas read) */
  gradeRedBelow: number;
  gradeGreenFrom: number;
  /** number of KR rows (rows of a KR type with an ID) */
  krCount: number;
  /** Due cells holding text (row index in `rows`): no date to the formulas, none to core */
  dueText: { row: number; text: string }[];
}

function krRow(r: () => number, type: KrType): Omit<OkrSheetRow, 'id'> {
  const n = (lo: number, hi: number) => Math.round((lo + r() * (hi - lo)) * 100) / 100;
  const text = (): PlanCell => pick(r, TYPED_TEXT);
  let start: PlanCell = pick(r, [null, 0, n(0, 100), n(0, 100), n(-20, 20)]);
  let target: PlanCell = pick(r, [n(0, 200), n(0, 200), n(50, 300)]);
  let current: PlanCell = pick(r, [null, n(-10, 320), n(0, 200), n(0, 200)]);
  const roll = r();
  if (roll < 0.08) target = text();
  else if (roll < 0.16) current = text();
  else if (roll < 0.2) start = text();
  if (type === 'decrease' && typeof start === 'number' && typeof target === 'number' && target > start) [start, target] = [target, start];
  if (type === 'atMost' && r() < 0.5 && typeof target === 'number') start = target + n(1, 50);
  if (r() < 0.08 && typeof target === 'number') current = target; // exactly on target
  if (type === 'milestone') current = pick(r, [true, false, null, 0.5, 1, 0, 0.7, '70%', 'done']);
  const weight: PlanCell = pick(r, [null, null, null, 0.2, 0.3, 0.5, 0, n(0, 1), '30%']);
  const selfScore: PlanCell = pick(r, [null, null, null, null, 0.7, n(0, 1), '0.6']);
  const due: string | null = pick(r, [null, '2026-10-20', '2026-11-10', '2026-11-30', '2026-12-31']);
  const managerScore: PlanCell = pick(r, [null, null, null, 0.8, 0.4]);
  const rubric = type === 'rubric' ? { rubric: pick(r, RUBRICS) } : {};
  return { type, title: `${type} kr`, start, target, current, weight, selfScore, due, managerScore, ...rubric };
}

/**
 * What the shortened formulas (issue 16 §5) decide differently from before, made sure to occur
 * (a stream of its own, so the rows above stay what they were): TRUE / FALSE typed in Current of
 * a KR that is no milestone (the ratio reads it as 1 / 0 without N()); objectives whose weights
 * are all 0 (the total is 0: equal weights), or given past 100% beside a blank one (the blank
 * gets nothing: the total is the given sum), or under 100% beside blanks (the blanks fill the
 * total up to exactly 1); a due date typed as words.
 */
function oddities(rows: OkrSheetRow[], r: () => number): { row: number; text: string }[] {
  const krs = rows.filter((x) => x.id !== '' && x.type !== null && x.type !== 'objective' && x.type !== 'milestone');
  for (const x of krs) if (r() < 0.04) x.current = pick(r, [true, false]);
  // a due date typed as words: the Status's (due > 0) * (due < as of) must not call it overdue
  const dueText: { row: number; text: string }[] = [];
  rows.forEach((x, i) => {
    if (x.id !== '' && x.type !== null && r() < 0.03) dueText.push({ row: i, text: pick(r, ['end of Nov', '十一月底', 'TBD']) });
  });
  const blocks: OkrSheetRow[][] = [];
  for (const x of rows) {
    if (x.type === 'objective') blocks.push([]);
    else if (blocks.length && x.id !== '' && x.type !== null) blocks[blocks.length - 1]!.push(x);
  }
  const big = blocks.filter((b) => b.length >= 2);
  const mode = ['zero', 'over', 'under'] as const;
  big.forEach((b, i) => {
    if (r() >= 0.3) return;
    const m = mode[i % 3]!;
    b.forEach((x, j) => {
      x.weight = m === 'zero' ? 0 : j === 0 ? null : m === 'over' ? 0.7 : 0.2;
    });
  });
  return dueText;
}

/** A table of about `krs` KRs in objectives of 1–5 KRs, with the oddities listed above. */
export function parityCase(seed: number, krs: number): ParityCase {
  const r = rng(seed);
  const rows: OkrSheetRow[] = [];
  let o = 0;
  let made = 0;
  while (made < krs) {
    o++;
    const oid = `O${o}`;
    rows.push({ id: oid, type: 'objective', title: `Objective ${o}`, selfScore: pick(r, [null, null, null, 0.5]), due: pick(r, [null, null, '2026-11-01']) });
    const size = 1 + Math.floor(r() * 5);
    for (let j = 1; j <= size; j++) {
      const roll = r();
      if (roll < 0.05) rows.push({ id: '', type: null, title: '' }); // a blank row inside the block
      else if (roll < 0.08) rows.push({ id: '', type: null, title: '', current: pick(r, [5, 120, '300万']) }); // a stray value
      else if (roll < 0.1) rows.push({ ...krRow(r, pick(r, TYPES)), id: '' }); // a KR typed without an ID
      else if (roll < 0.12) rows.push({ ...krRow(r, pick(r, TYPES)), id: `KR${j}` }); // no objective prefix
      const kr = krRow(r, pick(r, TYPES));
      rows.push({ ...kr, id: r() < 0.05 ? `${oid.toLowerCase()}.kr${j}` : `${oid}.KR${j}` });
      made++;
    }
  }
  rows.push({ id: `O${o + 1}`, type: 'objective', title: 'No KRs yet' });
  // spare rows below the table: one blank, then a number typed with no ID or title (issue 10)
  rows.push({ id: '', type: null, title: '' });
  rows.push({ id: '', type: null, title: '', current: 42 });
  const asOf = pick(r, ['2026-10-15', '2026-11-15', '2026-11-30', '2026-12-20']);
  // the scale from the seed (the three seeds of the tests cover all three) and a second stream,
  // so the rows above stay what they were; typed scores and rubric steps are written in the scale
  const scale = SCALES[seed % SCALES.length]!;
  const factor = scale === '0-100' ? 100 : 1;
  if (factor !== 1) {
    const up = (v: PlanCell | undefined) => (typeof v === 'number' ? Math.round(v * factor * 100) / 100 : v);
    for (const row of rows) {
      row.selfScore = up(row.selfScore);
      row.managerScore = up(row.managerScore);
      if (row.rubric) row.rubric = row.rubric.replace(/:(\s*)(\d+(?:\.\d+)?)/g, (_, sp: string, n: string) => `:${sp}${Math.round(Number(n) * factor)}`);
    }
  }
  const dueText = oddities(rows, rng(seed * 13 + 5));
  const r2 = rng(seed * 7 + 1);
  return {
    scale,
    gradeRedBelow: pick(r2, [0.4, 0.3, 0.5]),
    gradeGreenFrom: pick(r2, [0.7, 0.8, 0.6]),
    rows,
    asOf,
    cycleStart: '2026-10-01',
    cycleEnd: '2026-12-31',
    atRisk: pick(r, [0.2, 0.15]),
    offTrack: pick(r, [0.4, 0.5]),
    cap: pick(r, [1, 1.2, 1.5]),
    krCount: made,
    dueText,
  };
}
