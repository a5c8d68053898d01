/**
 * Formula parity: the Progress, Score and Status formulas (KRs: krProgress / krScore /
 * paceStatus; objectives: objectiveProgress / objectiveScore / paceStatus) of an OKR sheet plan, evaluated by
 * HyperFormula, equal the core functions (progress.ts, pace.ts) for generated rows of every KR
 * type, including blanks, text, negatives, over-target, start = target, decrease without start
 * and milestones TRUE / FALSE / 0.7 / "70%".
 */
import { describe, expect, test } from 'vitest';
import { STATUS_LABELS } from '../../src/core/labels';
import type { KrType, Status } from '../../src/core/model';
import { KR_TYPES } from '../../src/core/model';
import { paceStatus } from '../../src/core/pace';
import { grade, krProgress, krScore, objectiveProgress, objectiveScore } from '../../src/core/progress';
import { rubricKrScore } from '../../src/core/score';
import { cell } from '../../src/core/plan/a1';
import { buildOkrSheetPlanFromRows, FIRST_DATA_ROW, OKR_COLUMNS, type OkrSheetRow } from '../../src/core/plan/okrSheet';
import { buildSettingsPlan, SETTINGS_CELLS } from '../../src/core/plan/supportSheets';
import type { PlanCell } from '../../src/core/plan/types';
import { evaluatePlan, type EvaluatedPlan } from '../helpers/hfPlan';
import { rng } from '../helpers/rng';

/** How a formula sees a cell as a number (HyperFormula, like Sheets, parses "70%" on input). */
function num(v: PlanCell | undefined): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const m = /^(-?\d+(?:\.\d+)?)%$/.exec(v);
    return m ? Number(m[1]) / 100 : null;
  }
  return null;
}
function currentNum(v: PlanCell | undefined): number | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return num(v);
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** One generated KR row (no ID yet). */
function genKr(r: () => number, type: KrType): Omit<OkrSheetRow, 'id'> {
  const n = (lo: number, hi: number) => Math.round((lo + r() * (hi - lo)) * 100) / 100;
  const roll = r();
  let start: PlanCell = pick(r, [null, 0, n(-50, 50), n(0, 200), 'abc']);
  let target: PlanCell = pick(r, [n(-50, 50), n(0, 300), null, '5万']);
  let current: PlanCell = pick(r, [null, n(-100, 400), 'n/a', 0]);
  if (roll < 0.12 && typeof start === 'number') target = start; // start = target
  if (roll >= 0.12 && roll < 0.22 && typeof target === 'number') current = target + n(0, 100); // over target
  if (roll >= 0.22 && roll < 0.3 && typeof target === 'number') current = target; // exactly on target
  if (type === 'decrease' && roll >= 0.3 && roll < 0.45) start = null; // decrease without start
  if (type === 'decrease' && roll >= 0.45 && typeof start === 'number' && typeof target === 'number' && target > start) {
    [start, target] = [target, start];
  }
  if (type === 'milestone') current = pick(r, [true, false, 0.7, '70%', null, 1, 0, 1.4, -0.2, 'abc', n(0, 1)]);
  const weight: PlanCell = pick(r, [null, null, null, 0.25, 0.5, 0.1, 0, -0.1, 'abc', n(0, 1)]);
  const selfScore: PlanCell = pick(r, [null, null, null, 0.6, n(0, 1), 'x']);
  const rubric = type === 'rubric' ? pick(r, RUBRICS) : undefined;
  return { type, title: `${type} KR`, start, target, current, weight, selfScore, ...(rubric !== undefined ? { rubric } : {}) };
}

/** Rubric texts: rising, falling, full-width punctuation, >=, a trailing ';', unreadable steps,
 *  blank — the formula must read each exactly as rubricScoreAsSheet does. */
const RUBRICS = [
  '≥200:1; ≥150:0.7; ≥100:0.3', '≤20:1; ≤50:0.7; ≤100:0.3', '≥100：1；≥50：0.5', '>=250:1;>=120:0.6;',
  '<=0:1; <=10:0.4', '≥300:1; ≥200:0.7; ≥100:0.3; ≥0:0.1', '≥100:1; 50 → 0.5', 'abc', '', '≥-20:0.2; ≥40:0.9',
  ' ≤ 150 : 0.8 ', '≥150:1;;≥75:0.5',
];

interface Case {
  rows: OkrSheetRow[];
  cycleStart: string;
  cycleEnd: string;
  asOf: string;
  atRisk: number;
  offTrack: number;
}

function genCase(seed: number, perType: number): Case {
  const r = rng(seed);
  const krs: Omit<OkrSheetRow, 'id'>[] = [];
  for (const t of KR_TYPES) for (let i = 0; i < perType; i++) krs.push(genKr(r, t));
  // shuffle so objectives mix types
  for (let i = krs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [krs[i], krs[j]] = [krs[j]!, krs[i]!];
  }
  const rows: OkrSheetRow[] = [];
  let o = 0;
  let k = 0;
  while (k < krs.length) {
    o++;
    rows.push({ id: `O${o}`, type: 'objective', title: `Objective ${o}`, selfScore: pick(r, [null, null, 0.5]) });
    const size = 1 + Math.floor(r() * 5);
    for (let j = 1; j <= size && k < krs.length; j++, k++) rows.push({ ...krs[k]!, id: `O${o}.KR${j}` });
  }
  rows.push({ id: `O${o + 1}`, type: 'objective', title: 'No KRs yet' });
  const day = 1 + Math.floor(r() * 28);
  const asOf = pick(r, ['2026-09-15', '2026-10-01', `2026-11-${String(day).padStart(2, '0')}`, '2026-12-31', '2027-01-20']);
  return { rows, cycleStart: '2026-10-01', cycleEnd: '2026-12-31', asOf, atRisk: pick(r, [0.2, 0.1, 0.3]), offTrack: pick(r, [0.4, 0.5]) };
}

function evaluate(c: Case, lang: 'zh-CN' | 'en') {
  const okr = buildOkrSheetPlanFromRows({
    lang,
    spareRows: 5,
    header: { unit: 'T', level: 'team', owner: 'Ann', cycle: '2026-Q4', cycleStart: c.cycleStart, cycleEnd: c.cycleEnd, alignedTo: '', asOf: c.asOf },
    rows: c.rows,
  });
  const settings = buildSettingsPlan({
    lang,
    cycle: '2026-Q4',
    cycleStart: c.cycleStart,
    cycleEnd: c.cycleEnd,
    settings: { atRiskBelow: c.atRisk, offTrackBelow: c.offTrack },
  });
  return { okr, ev: evaluatePlan({ sheets: [okr, settings] }) };
}

const scoreOf = (x: OkrSheetRow, progress: number) =>
  x.type === 'rubric' ? rubricKrScore(num(x.selfScore), x.rubric ?? '', currentNum(x.current)) : krScore(num(x.selfScore), progress);

/** The core's view of the rows: progress, score and status per row. */
function expected(c: Case) {
  const out: { progress: number; score: number; status: Status }[] = [];
  const krProg = c.rows.map((row) =>
    row.type && row.type !== 'objective'
      ? krProgress(row.type, num(row.start), num(row.target), currentNum(row.current))
      : null,
  );
  c.rows.forEach((row, i) => {
    if (row.type === 'objective') {
      const members = c.rows
        .map((x, j) => ({ x, j }))
        .filter(({ x, j }) => j > i && x.type !== 'objective' && x.type !== null && x.id.startsWith(row.id + '.'));
      const progress = objectiveProgress(members.map(({ x, j }) => ({ progress: krProg[j]!, weight: num(x.weight) })));
      const started = members.some(({ x }) => currentNum(x.current) !== null);
      const krScores = members.map(({ x, j }) => ({ score: scoreOf(x, krProg[j]!), weight: num(x.weight) }));
      out.push({
        progress,
        score: objectiveScore(num(row.selfScore), krScores),
        status: paceStatus(started ? progress : null, c.cycleStart, c.cycleEnd, c.asOf, { atRiskBelow: c.atRisk, offTrackBelow: c.offTrack }),
      });
    } else {
      const progress = krProg[i]!;
      const has = currentNum(row.current) !== null;
      out.push({
        progress,
        score: scoreOf(row, progress),
        status: paceStatus(has ? progress : null, c.cycleStart, c.cycleEnd, c.asOf, { atRiskBelow: c.atRisk, offTrackBelow: c.offTrack }),
      });
    }
  });
  return out;
}

function statusKey(text: unknown, lang: 'zh-CN' | 'en'): Status | string {
  const hit = (Object.keys(STATUS_LABELS) as Status[]).find((s) => STATUS_LABELS[s][lang] === text);
  return hit ?? String(JSON.stringify(text));
}

function compare(c: Case, lang: 'zh-CN' | 'en', ev: EvaluatedPlan, name: string) {
  const exp = expected(c);
  const C = OKR_COLUMNS;
  const mismatches: string[] = [];
  exp.forEach((e, i) => {
    const row = FIRST_DATA_ROW + i;
    const p = ev.get(name, cell(row, C.progress));
    const s = ev.get(name, cell(row, C.score));
    const st = statusKey(ev.get(name, cell(row, C.status)), lang);
    const ctx = () => JSON.stringify(c.rows[i]);
    if (typeof p !== 'number' || Math.abs(p - e.progress) > 1e-9) mismatches.push(`row ${row} progress ${JSON.stringify(p)} ≠ ${e.progress} ${ctx()}`);
    if (typeof s !== 'number' || Math.abs(s - e.score) > 1e-9) mismatches.push(`row ${row} score ${JSON.stringify(s)} ≠ ${e.score} ${ctx()}`);
    if (st !== e.status) mismatches.push(`row ${row} status ${st} ≠ ${e.status} ${ctx()}`);
  });
  expect(mismatches.slice(0, 10)).toEqual([]);
  return exp.length;
}

describe('formula parity with core (HyperFormula)', () => {
  // 6 plans × 50 generated KRs of each type = 300 rows per KR type (plus their objectives).
  test.each([
    [1, 'en'],
    [2, 'zh-CN'],
    [3, 'en'],
    [4, 'zh-CN'],
    [5, 'en'],
    [6, 'zh-CN'],
  ] as const)('seed %i (%s): 50 rows of every KR type agree with core (progress, score, status)', (seed, lang) => {
    const c = genCase(seed, 50);
    expect(c.rows.filter((r) => r.type !== 'objective').length).toBe(300);
    const { okr, ev } = evaluate(c, lang);
    const counted = compare(c, lang, ev, okr.name);
    expect(counted).toBe(c.rows.length);
    ev.destroy();
  });

  test('named edge cases', () => {
    const rows: OkrSheetRow[] = [
      { id: 'O1', type: 'objective', title: 'o' },
      { id: 'O1.KR1', type: 'milestone', title: 'TRUE', current: true },
      { id: 'O1.KR2', type: 'milestone', title: 'FALSE', current: false },
      { id: 'O1.KR3', type: 'milestone', title: '0.7', current: 0.7 },
      { id: 'O1.KR4', type: 'milestone', title: '70%', current: '70%' },
      { id: 'O2', type: 'objective', title: 'o' },
      { id: 'O2.KR1', type: 'decrease', title: 'no start', target: 5, current: 3 },
      { id: 'O2.KR2', type: 'increase', title: 'start = target', start: 10, target: 10, current: 10 },
      { id: 'O2.KR3', type: 'decrease', title: 'start = target, above', start: 10, target: 10, current: 11 },
      { id: 'O2.KR4', type: 'atMost', title: 'no start above', target: 10, current: 12 },
      { id: 'O10', type: 'objective', title: 'O10 must not catch O1.* rows' },
      { id: 'O10.KR1', type: 'atLeast', title: 'start above target', start: 20, target: 10, current: 5 },
      { id: 'O10.KR2', type: 'increase', title: 'text current', start: 0, target: 10, current: 'abc' },
      { id: 'O10.KR3', type: 'increase', title: 'negative over target', start: -5, target: -1, current: 3 },
    ];
    const c: Case = { rows, cycleStart: '2026-10-01', cycleEnd: '2026-12-31', asOf: '2026-11-15', atRisk: 0.2, offTrack: 0.4 };
    const { okr, ev } = evaluate(c, 'en');
    compare(c, 'en', ev, okr.name);
    const P = (row: number) => ev.get(okr.name, cell(row, OKR_COLUMNS.progress));
    expect([P(8), P(9), P(10), P(11)]).toEqual([1, 0, 0.7, 0.7]);
    expect(P(7)).toBeCloseTo(0.6, 12);
    ev.destroy();
  });
});

describe('sheet behaviour', () => {
  const base: Case = {
    rows: [
      { id: 'O1', type: 'objective', title: 'o' },
      { id: 'O1.KR1', type: 'increase', title: 'a', start: 0, target: 100, current: 50 },
      { id: 'O1.KR2', type: 'increase', title: 'b', start: 0, target: 100, current: 10 },
    ],
    cycleStart: '2026-10-01',
    cycleEnd: '2026-12-31',
    asOf: '2026-11-15',
    atRisk: 0.2,
    offTrack: 0.4,
  };

  test('spare rows show blanks, and become live when given a type', () => {
    const { okr, ev } = evaluate(base, 'en');
    const spare = FIRST_DATA_ROW + base.rows.length;
    for (const k of ['progress', 'score', 'status', 'bar'] as const) expect(ev.get(okr.name, cell(spare, OKR_COLUMNS[k]))).toBe('');
    ev.set(okr.name, cell(spare, OKR_COLUMNS.id), 'O1.KR3');
    ev.set(okr.name, cell(spare, OKR_COLUMNS.type), 'Milestone');
    ev.set(okr.name, cell(spare, OKR_COLUMNS.current), true);
    expect(ev.get(okr.name, cell(spare, OKR_COLUMNS.progress))).toBe(1);
    expect(ev.get(okr.name, cell(FIRST_DATA_ROW, OKR_COLUMNS.progress))).toBeCloseTo((0.5 + 0.1 + 1) / 3, 12);
    ev.destroy();
  });

  test('a KR row inserted inside the objective block (below its first KR) is counted', () => {
    const { okr, ev } = evaluate(base, 'en');
    const sheet = ev.hf.getSheetId(okr.name)!;
    ev.hf.addRows(sheet, [FIRST_DATA_ROW + 1, 1]); // 0-based index → new 1-based row FIRST_DATA_ROW + 2
    const row = FIRST_DATA_ROW + 2;
    ev.set(okr.name, cell(row, OKR_COLUMNS.id), 'O1.KR9');
    ev.set(okr.name, cell(row, OKR_COLUMNS.type), 'Increase');
    ev.set(okr.name, cell(row, OKR_COLUMNS.target), 10);
    ev.set(okr.name, cell(row, OKR_COLUMNS.current), 10);
    // the new row has no formula of its own, but the objective counts it once it has one
    ev.set(okr.name, cell(row, OKR_COLUMNS.progress), `=${'IF(ISNUMBER(J' + row + '),MIN(1,J' + row + '/I' + row + '),0)'}`);
    expect(ev.get(okr.name, cell(FIRST_DATA_ROW, OKR_COLUMNS.progress))).toBeCloseTo((0.5 + 0.1 + 1) / 3, 12);
    ev.destroy();
  });

  test('thresholds come from the Settings sheet', () => {
    // expected at 2026-11-15 = 46/92 = 0.5; KR2 at 0.1 → Δ = −0.4 → at risk with 0.2/0.4
    const { okr, ev } = evaluate(base, 'en');
    const st = () => ev.get(okr.name, cell(FIRST_DATA_ROW + 2, OKR_COLUMNS.status));
    expect(st()).toBe(STATUS_LABELS.atRisk.en);
    ev.set('Settings', SETTINGS_CELLS.offTrackBelow, 0.3);
    expect(st()).toBe(STATUS_LABELS.offTrack.en);
    ev.set('Settings', SETTINGS_CELLS.atRiskBelow, 0.45);
    ev.set('Settings', SETTINGS_CELLS.offTrackBelow, 0.6);
    expect(st()).toBe(STATUS_LABELS.onTrack.en);
    ev.destroy();
  });

  test('without a Settings sheet the constants 0.2 / 0.4 apply', () => {
    const okr = buildOkrSheetPlanFromRows({
      lang: 'en',
      header: { unit: 'T', level: 'team', owner: 'A', cycle: 'Q', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: '', asOf: '2026-11-15' },
      rows: base.rows,
      settingsSheetName: null,
    });
    const ev = evaluatePlan({ sheets: [okr] });
    expect(ev.get(okr.name, cell(FIRST_DATA_ROW + 2, OKR_COLUMNS.status))).toBe(STATUS_LABELS.atRisk.en);
    ev.destroy();
  });

  test('a blank As-of cell means today', () => {
    const okr = buildOkrSheetPlanFromRows({
      lang: 'zh-CN',
      header: { unit: 'T', level: 'team', owner: 'A', cycle: 'Y', cycleStart: '2000-01-01', cycleEnd: '2000-12-31', alignedTo: '', asOf: null },
      rows: base.rows,
    });
    const ev = evaluatePlan({ sheets: [okr] });
    // the cycle is long over: expected 1, so 50% is off track and 10% too
    expect(ev.get(okr.name, cell(FIRST_DATA_ROW + 1, OKR_COLUMNS.status))).toBe(STATUS_LABELS.offTrack['zh-CN']);
    ev.destroy();
  });

  test('score colour rules agree with grade()', () => {
    const okr = buildOkrSheetPlanFromRows({
      lang: 'en',
      header: { unit: 'T', level: 'team', owner: 'A', cycle: 'Q', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: '', asOf: null },
      rows: base.rows,
      spareRows: 0,
    });
    const rules = okr.conditionalFormats.filter((f) => f.range.startsWith('Q'));
    expect(rules.map((r) => r.background)).toEqual(['#b7e1cd', '#fce8b2', '#f4c7c3']);
    const names = ['green', 'yellow', 'red'];
    const ev = evaluatePlan({ sheets: [okr] });
    const scoreCell = cell(FIRST_DATA_ROW, OKR_COLUMNS.score);
    for (const v of [0, 0.1, 0.39, 0.4, (0.7 + 0.7 + 0.7) / 3 - 0.3, 0.5, 0.69, (0.7 + 0.7 + 0.7) / 3, 0.7, 0.95, 1]) {
      ev.set(okr.name, scoreCell, v);
      const first = rules.findIndex((r, i) => {
        if (r.when.kind !== 'formula') throw new Error('formula rule expected');
        ev.set(okr.name, `Z${i + 1}`, r.when.formula);
        return ev.get(okr.name, `Z${i + 1}`) === true;
      });
      expect(names[first], String(v)).toBe(grade(v));
    }
    ev.destroy();
  });
});
