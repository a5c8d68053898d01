/**
 * One number at the edges (issue 16 §4–5): a property test over random KR rows with odd cell
 * contents — numbers typed as text (`80%`, `1,200`, `１２`, `3/4`, `’80`, spaces), TRUE/FALSE in
 * number cells, blanks in Start / Target / Weight, negative and zero weights, dates in number
 * cells, dates typed as text in Due, `O1.KR1` / `o1.kr1` / ` O1.KR1` / blank-looking IDs — on
 * every KR type (rubric included), the three score scales and caps of 100% and 120%.
 *
 * For each table, core's scoreTable (through the snapshot, which is what the CLI, the review, the
 * dashboard and the sidebar use) is compared with what the sheet's own formulas compute
 * (HyperFormula, as test/parity/crossEngine does) for Progress, Score, Status and Final score.
 * The property, for every table: each row where they differ carries a finding AT THAT ROW (an
 * objective: at its row or a row of its block) from the rules that report what the sheet cannot
 * read as the user meant (PARITY_RULES); and clearing exactly the cells those findings name (an
 * ID: trimming it) leaves no difference at all — so each difference comes from a named cell.
 * It can fail: the same tables do differ before the fix (asserted), and without `id-spaces` in
 * PARITY_RULES it fails on a ` O1.KR2` row.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/i18n';
import { SHEET_NAMES, STATUS_LABELS } from '../../src/core/labels';
import { lintTable, type Finding } from '../../src/core/lint';
import type { KrType, ScoreScale, Status } from '../../src/core/model';
import { cell } from '../../src/core/plan/a1';
import { buildOkrSheetPlanFromRows, FIRST_DATA_ROW, OKR_COLUMNS, type OkrSheetRow } from '../../src/core/plan/okrSheet';
import { buildSettingsPlan } from '../../src/core/plan/supportSheets';
import type { PlanCell, WorkbookPlan } from '../../src/core/plan/types';
import { scoreTable } from '../../src/core/score';
import { scaleSpec } from '../../src/core/scale';
import { readSnapshot, type WorkbookSnapshot } from '../../src/core/snapshot';
import { evaluatePlan } from '../helpers/hfPlan';

/** What a person left in a cell: HyperFormula gets the cell as Sheets holds it, core the
 *  snapshot's value (text stays text, a date is its ISO day). */
type Odd =
  | { k: 'num'; n: number }
  | { k: 'text'; s: string }
  | { k: 'bool'; b: boolean }
  | { k: 'date'; iso: string }
  | { k: 'blank' };

const forSheet = (o: Odd): PlanCell => {
  switch (o.k) {
    case 'num': return o.n;
    case 'text': return `'${o.s}`; // an apostrophe keeps it text in HyperFormula, as a text-formatted cell in Sheets
    case 'bool': return o.b;
    case 'date': return { date: o.iso };
    case 'blank': return null;
  }
};
const forCore = (o: Odd): unknown => (o.k === 'num' ? o.n : o.k === 'text' ? o.s : o.k === 'bool' ? o.b : o.k === 'date' ? o.iso : null);

const NUMS = [0, 1, 0.5, 0.3, 50, 100, 150, 200, -10, 0.001, 1e-12, 1200] as const;
/** numbers as people type them into a text cell, and text that is no number */
const TEXTS = ['80%', '1,200', '１２', '3/4', ' 80 ', '180万', '５０％', 'TRUE', '’80', '0.5', '100', '-5', 'abc', '  ', 'N/A', '2026-11-10', 'done', '完成'] as const;

const num = fc.constantFrom(...NUMS).map((n): Odd => ({ k: 'num', n }));
const oddValue: fc.Arbitrary<Odd> = fc.oneof(
  { weight: 5, arbitrary: num },
  { weight: 3, arbitrary: fc.constantFrom(...TEXTS).map((s): Odd => ({ k: 'text', s })) },
  { weight: 1, arbitrary: fc.boolean().map((b): Odd => ({ k: 'bool', b })) },
  { weight: 3, arbitrary: fc.constant<Odd>({ k: 'blank' }) },
  { weight: 1, arbitrary: fc.constantFrom('2026-10-05', '2026-11-10').map((iso): Odd => ({ k: 'date', iso })) },
);
const weightValue: fc.Arbitrary<Odd> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Odd>({ k: 'blank' }) },
  { weight: 4, arbitrary: fc.constantFrom(0.2, 0.3, 0.5, 0, -0.2, 1, 30).map((n): Odd => ({ k: 'num', n })) },
  { weight: 2, arbitrary: fc.constantFrom('30%', '0.5', ' ', 'abc').map((s): Odd => ({ k: 'text', s })) },
  { weight: 1, arbitrary: fc.boolean().map((b): Odd => ({ k: 'bool', b })) },
);
const scoreValue: fc.Arbitrary<Odd> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Odd>({ k: 'blank' }) },
  { weight: 2, arbitrary: fc.constantFrom(0.7, 0.3, 1).map((n): Odd => ({ k: 'num', n })) },
  { weight: 1, arbitrary: fc.constantFrom('0.6', '70%').map((s): Odd => ({ k: 'text', s })) },
  { weight: 1, arbitrary: fc.boolean().map((b): Odd => ({ k: 'bool', b })) },
);
// ISO-looking text in Due is left out: a snapshot cannot tell it from a date (it.todo below)
const dueValue: fc.Arbitrary<Odd> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Odd>({ k: 'blank' }) },
  { weight: 3, arbitrary: fc.constantFrom('2026-10-20', '2026-12-20').map((iso): Odd => ({ k: 'date', iso })) },
  { weight: 2, arbitrary: fc.constantFrom('2026/10/20', '2026年10月20日', 'next week').map((s): Odd => ({ k: 'text', s })) },
);

const KR_TYPES: KrType[] = ['increase', 'decrease', 'atLeast', 'atMost', 'milestone', 'rubric'];
/** rubric steps in the 0-1 scale (rising, falling, full-width); scaled with the workbook's scale */
const RUBRICS = ['≥150:1; ≥100:0.7; ≥50:0.3', '≤20:1; ≤60:0.7; ≤120:0.3', '≥180：1；≥90：0.5'] as const;
type IdForm = 'plain' | 'lower' | 'lead' | 'trail' | 'noPrefix' | 'none' | 'spaces';
const idOf = (form: IdForm, o: number, j: number): string =>
  ({ plain: `O${o}.KR${j}`, lower: `o${o}.kr${j}`, lead: ` O${o}.KR${j}`, trail: `O${o}.KR${j} `, noPrefix: `KR${j}`, none: '', spaces: '  ' })[form];

interface KrSpec { idForm: IdForm; type: KrType; rubric: string; start: Odd; target: Odd; current: Odd; weight: Odd; due: Odd; selfScore: Odd; managerScore: Odd }
interface ObjSpec { idForm: 'plain' | 'lower' | 'trail'; selfScore: Odd; krs: KrSpec[] }
interface TableSpec { objectives: ObjSpec[]; cap: number; lang: Lang; scale: ScoreScale }

const krSpec: fc.Arbitrary<KrSpec> = fc.record({
  idForm: fc.oneof(
    { weight: 12, arbitrary: fc.constant<IdForm>('plain') },
    { weight: 2, arbitrary: fc.constant<IdForm>('lower') },
    { weight: 1, arbitrary: fc.constantFrom<IdForm>('lead', 'trail', 'noPrefix', 'none', 'spaces') },
  ),
  type: fc.constantFrom(...KR_TYPES),
  rubric: fc.constantFrom(...RUBRICS),
  start: oddValue,
  target: oddValue,
  current: fc.oneof(oddValue, fc.boolean().map((b): Odd => ({ k: 'bool', b }))),
  weight: weightValue,
  due: dueValue,
  selfScore: scoreValue,
  managerScore: scoreValue,
});
const tableSpec: fc.Arbitrary<TableSpec> = fc.record({
  objectives: fc.array(
    fc.record({
      idForm: fc.oneof({ weight: 8, arbitrary: fc.constant<'plain'>('plain') }, { weight: 1, arbitrary: fc.constantFrom<'lower' | 'trail'>('lower', 'trail') }),
      selfScore: scoreValue,
      krs: fc.array(krSpec, { minLength: 1, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  cap: fc.constantFrom(1, 1.2),
  lang: fc.constantFrom<Lang>('en', 'zh-CN'),
  scale: fc.constantFrom<ScoreScale>('0-1', '0-100', 'percent'),
});

const AS_OF = '2026-11-15';
const CYCLE = { cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };
type Cells = Map<string, Odd>; // `${sheetRow}:${column}` → what the person left there

/** The plan of one table: the builder's sheet (its own formulas), then the odd cells put in. */
function tablePlan(t: TableSpec, fixed: ReadonlySet<string> = new Set()): { plan: WorkbookPlan; odd: Cells; blocks: [number, number][] } {
  const settingsName = SHEET_NAMES.settings[t.lang];
  const rows: OkrSheetRow[] = [];
  const odd: Cells = new Map();
  const blocks: [number, number][] = [];
  // a cell Check named and the user fixed: cleared (an ID: its spaces removed)
  const put = (row: number, key: keyof typeof OKR_COLUMNS, v: Odd) => odd.set(`${row}:${OKR_COLUMNS[key]}`, fixed.has(`${row}:${key}`) ? { k: 'blank' } : v);
  const typedId = (row: number, id: string) => (fixed.has(`${row}:id`) ? id.trim() : id);
  t.objectives.forEach((o, i) => {
    const n = i + 1;
    const oRow = FIRST_DATA_ROW + rows.length;
    const oid = { plain: `O${n}`, lower: `o${n}`, trail: `O${n} ` }[o.idForm];
    rows.push({ id: typedId(oRow, oid), type: 'objective', title: `Objective ${n}` });
    put(oRow, 'selfScore', o.selfScore);
    o.krs.forEach((k, j) => {
      const row = FIRST_DATA_ROW + rows.length;
      const factor = scaleSpec(t.scale).factor;
      const rubric = k.type === 'rubric' ? { rubric: k.rubric.replace(/([:：]\s*)(\d+(?:\.\d+)?)/g, (_, sep: string, x: string) => `${sep}${Math.round(Number(x) * factor * 100) / 100}`) } : {};
      rows.push({ id: typedId(row, idOf(k.idForm, n, j + 1)), type: k.type, title: `kr ${n}.${j + 1}`, ...rubric });
      for (const key of ['start', 'target', 'current', 'weight', 'due', 'selfScore', 'managerScore'] as const) put(row, key, k[key]);
    });
    blocks.push([oRow, FIRST_DATA_ROW + rows.length - 1]);
  });
  const okr = buildOkrSheetPlanFromRows({
    lang: t.lang,
    spareRows: 2,
    header: { unit: 'Edges', level: 'team', owner: 'A', cycle: '2026-Q4', ...CYCLE, alignedTo: '', asOf: AS_OF },
    rows,
    settingsSheetName: settingsName,
    scoreScale: t.scale,
  });
  // the IDs exactly as typed (spaces kept), and the odd cells
  rows.forEach((r, i) => (okr.values[FIRST_DATA_ROW - 1 + i]![OKR_COLUMNS.id - 1] = r.id));
  for (const [at, v] of odd) {
    const [row, col] = at.split(':').map(Number) as [number, number];
    okr.values[row - 1]![col - 1] = forSheet(v);
  }
  const settings = buildSettingsPlan({
    lang: t.lang, cycle: '2026-Q4', ...CYCLE, sheetName: settingsName,
    settings: { atRiskBelow: 0.2, offTrackBelow: 0.4, progressCap: t.cap, scoreScale: t.scale, gradeRedBelow: 0.4, gradeGreenFrom: 0.7 },
  });
  return { plan: { sheets: [okr, settings] }, odd, blocks };
}

/** The snapshot a shell makes of that workbook: values as typed (text stays text, dates as ISO
 *  days); formula cells are not needed by core, which recomputes. */
function snapshotOf(plan: WorkbookPlan, odd: Cells): WorkbookSnapshot {
  const plain = (v: PlanCell): unknown => (v === null || v === undefined || (typeof v === 'string' && v.startsWith('=')) ? null : typeof v === 'object' ? v.date : v);
  return {
    name: 'edges',
    timeZone: 'UTC',
    asOf: AS_OF,
    sheets: plan.sheets.map((s, i) => ({
      name: s.name,
      metaRole: s.role as 'okr',
      values: s.values.map((row, r) => row.map((v, c) => {
        const o = i === 0 ? odd.get(`${r + 1}:${c + 1}`) : undefined;
        return o ? forCore(o) : plain(v);
      })),
    })),
  };
}

interface Row { progress: number | ''; score: number | ''; status: Status | ''; final: number }
const STATUS_BY_LABEL = new Map<string, Status>();
for (const s of Object.keys(STATUS_LABELS) as Status[]) for (const l of ['zh-CN', 'en'] as const) STATUS_BY_LABEL.set(STATUS_LABELS[s][l], s);

interface Diff { row: number; what: string; explainedBy: number[] }

/** Rows where core and the sheet's formulas differ, each with the rows a finding may sit on, and
 *  the cells Check names (`sheetRow:column`) with the rules of PARITY_RULES. */
function differences(t: TableSpec, fixed?: ReadonlySet<string>): { diffs: Diff[]; named: Map<string, string>; rows: Set<number> } {
  const { plan, odd, blocks } = tablePlan(t, fixed);
  const model = readSnapshot(snapshotOf(plan, odd));
  const okr = model.okr.find((o) => o.sheet === plan.sheets[0]!.name)!;
  const read = okr.read;
  const sheetRowOf = (i: number) => read.rowIndexes[i]! + 1;
  const score = scoreTable(read.table, AS_OF, model.settings);
  const core = new Map<number, Row>();
  for (const k of score.krs) core.set(sheetRowOf(k.row), { progress: k.progress, score: k.score, status: k.status, final: k.finalScore ?? k.score });
  for (const o of score.objectives) core.set(sheetRowOf(o.row), { progress: o.progress, score: o.score, status: o.status, final: o.finalScore ?? o.score });

  const ev = evaluatePlan(plan);
  const name = plan.sheets[0]!.name;
  const diffs: Diff[] = [];
  const last = blocks[blocks.length - 1]![1];
  for (let row = FIRST_DATA_ROW; row <= last; row++) {
    const get = (key: keyof typeof OKR_COLUMNS) => ev.get(name, cell(row, OKR_COLUMNS[key]));
    // Score cells hold the score in the workbook's scale; core's scores are shares
    const share = (v: unknown) => (typeof v === 'number' ? v / scaleSpec(t.scale).factor : v);
    const p = get('progress'), s = share(get('score')), stText = get('status'), fin = share(get('finalScore'));
    const st = stText === '' || stText === null ? '' : STATUS_BY_LABEL.get(String(stText)) ?? `?${String(stText)}`;
    const want = core.get(row);
    const block = blocks.find(([a]) => a === row);
    const explainedBy = block ? Array.from({ length: block[1] - block[0] + 1 }, (_, i) => block[0] + i) : [row];
    const shown = JSON.stringify([p, s, st, fin]);
    const raw = JSON.stringify(plan.sheets[0]!.values[row - 1]!.slice(0, OKR_COLUMNS.managerScore).map((v) => (typeof v === 'string' && v.startsWith('=') ? 'ƒ' : v)));
    if (!want) {
      if (!(p === '' || p === null) || !(s === '' || s === null) || st !== '') diffs.push({ row, what: `row ${row} ${raw}: core has no KR/objective, the sheet shows ${shown}`, explainedBy });
      continue;
    }
    const off = (a: unknown, b: number | '') => typeof a !== 'number' || typeof b !== 'number' || Math.abs(a - b) > 1e-9;
    if (off(p, want.progress) || off(s, want.score) || st !== want.status || off(fin, want.final)) {
      diffs.push({ row, what: `row ${row} ${raw}: sheet ${shown} ≠ core ${JSON.stringify([want.progress, want.score, want.status, want.final])}`, explainedBy });
    }
  }
  ev.destroy();
  const named = new Map<string, string>();
  for (const f of lintTable(read.table, { asOf: AS_OF, settings: model.settings })) {
    if (PARITY_RULES.has(f.rule) && f.at.row !== null && f.at.column !== null) named.set(`${sheetRowOf(f.at.row)}:${f.at.column}`, f.rule);
  }
  return { diffs, named, rows: new Set([...named.keys()].map((k) => Number(k.split(':')[0]))) };
}

/** The rules that report a cell the sheet cannot read as the user meant. */
const PARITY_RULES = new Set(['number-as-text', 'unreadable-number', 'no-id', 'orphan-kr', 'id-spaces', 'duplicate-id']);

const stats = { tables: 0, differing: 0, diffs: 0, withoutFindings: 0, rubrics: 0, scales: new Set<ScoreScale>() };
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`edges: ${stats.tables} tables, ${stats.diffs} rows in ${stats.differing} tables where core and the sheet differ, each with a finding at its row; fixing the named cells left none`);
});

describe('one number at the edges: core == the sheet\'s formulas, or a finding at the cell', () => {
  it('every difference has a finding at its row, and fixing the cells Check names leaves none (property)', () => {
    fc.assert(
      fc.property(tableSpec, (t) => {
        stats.tables++;
        stats.scales.add(t.scale);
        stats.rubrics += t.objectives.flatMap((o) => o.krs).filter((k) => k.type === 'rubric').length;
        const { diffs, named, rows } = differences(t);
        // a finding at the row (an objective: at its row or a row of its block)
        expect(diffs.filter((d) => !d.explainedBy.some((r) => rows.has(r))).map((d) => d.what)).toEqual([]);
        stats.withoutFindings += diffs.length;
        if (!diffs.length) return;
        stats.differing++;
        stats.diffs += diffs.length;
        // …at the cell: clear each named cell (trim a named ID) and the sheet and core agree
        expect(differences(t, new Set(named.keys())).diffs.map((d) => d.what)).toEqual([]);
      }),
      { numRuns: 30, seed: 20261201 },
    );
    // the property can fail: these tables do have rows where the two differ before the fix
    expect(stats.diffs).toBeGreaterThan(5);
    expect(stats.differing).toBeGreaterThan(3);
    // …and cover rubric KRs and every score scale
    expect(stats.rubrics).toBeGreaterThan(5);
    expect([...stats.scales].sort()).toEqual(['0-1', '0-100', 'percent']);
  }, 240_000);

  it.todo('Due holding ISO-looking TEXT (`2026-10-20` in a text cell): the sheet sees no date (no overdue), core sees the date — a snapshot gives both as `2026-10-20`; needs the shells to mark date cells');
});
