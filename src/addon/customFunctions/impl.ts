/**
 * The custom functions' bodies. Pure: no Apps Script globals, so the same code runs in Sheets,
 * in HyperFormula (src/local/hfPlugin.ts) and in tests. Semantics come from src/core only.
 */
import type { Lang, Localized } from '../../core/i18n';
import { COLUMN_LABELS, GRADE_LABELS, ROW_TYPE_LABELS, STATUS_LABELS, matchLabel } from '../../core/labels';
import type { RowType, Severity } from '../../core/model';
import { cycleDates, paceStatus } from '../../core/pace';
import { grade, krProgress, objectiveProgress } from '../../core/progress';
import { rollup, type RollupInput } from '../../core/rollup';
import { scoreTable } from '../../core/score';
import { a1For, isTableError, readTableValues, type TableReadOk } from '../../core/table';
import { findingMessage, lintTable } from '../../core/lint';
import {
  CellProblem, asShare, fail, finish, flatten, isBlank, isOmitted, isRange, message, readDate, readLang,
  readNumber, shaped, shareScale, toGrid, today, width, type Grid, type ReadNumber,
} from './args';

const M = {
  progress: { en: 'progress', 'zh-CN': '进度' },
  weights: { en: 'weights', 'zh-CN': '权重' },
  scores: { en: 'scores', 'zh-CN': '得分' },
  noNumbers: { en: 'no progress numbers found (blanks and text are skipped)', 'zh-CN': '未找到任何进度数字（空白和文字会被跳过）' },
  weightsSize: {
    en: 'weights must be the same size as progress ({n} cells); got {m}',
    'zh-CN': '权重须与进度大小相同（{n} 个单元格），现为 {m} 个',
  },
  weightNotNumber: { en: 'weight “{text}” is not a number', 'zh-CN': '权重“{text}”不是数字' },
  tableWeights: {
    en: 'a whole OKR table takes its weights from its Weight column; leave out the second argument',
    'zh-CN': '整张 OKR 表的权重取自“权重”列，请去掉第二个参数',
  },
  empty: { en: 'the range is empty', 'zh-CN': '区域为空' },
  notNumber: { en: '{what} “{text}” is not a number', 'zh-CN': '{whatZh}“{text}”不是数字' },
  badType: {
    en: 'unknown type “{text}” (Increase, Decrease, At least, At most, Milestone)',
    'zh-CN': '无法识别的类型“{text}”（提升、降低、不低于、不高于、里程碑）',
  },
  badDate: { en: '{what} “{text}” is not a date', 'zh-CN': '{whatZh}“{text}”不是日期' },
  noCycle: {
    en: 'cycle_start and cycle_end are needed (dates, or a cycle name such as 2026-Q4 in cycle_start)',
    'zh-CN': '需要 cycle_start 和 cycle_end（日期；或在 cycle_start 中写周期名，如 2026-Q4）',
  },
  rollupSize: {
    en: 'ids, parent_ids, progress{andWeights} must have the same number of cells ({n}); {name} has {m}',
    'zh-CN': 'ids、parent_ids、progress{andWeights}的单元格数须相同（{n} 个），{name} 有 {m} 个',
  },
  duplicateId: { en: 'duplicate id “{id}”', 'zh-CN': '重复的编号“{id}”' },
  cycle: { en: 'alignment cycle: {path}', 'zh-CN': '对齐关系成环：{path}' },
  noProblems: { en: 'No problems found', 'zh-CN': '未发现问题' },
  notATable: {
    en: 'the range has OKR column titles but is not a whole OKR table (ID, Type, Objective / Key result columns); to score your own layout, pass just the progress column',
    'zh-CN': '该区域有 OKR 列标题，但不是完整的 OKR 表（需要编号、类型、目标 / 关键结果列）；如为自定义布局，请只传入进度列',
  },
} satisfies Record<string, Localized>;

const SEVERITY: Record<Severity, Localized> = {
  error: { en: 'Error', 'zh-CN': '错误' },
  warning: { en: 'Warning', 'zh-CN': '警告' },
  info: { en: 'Info', 'zh-CN': '提示' },
};

const text = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim().slice(0, 40);

// ---------------------------------------------------------------------------------------------
// OKRSCORE

/** A row among the first 30 with ≥ 3 cells that are OKR column titles (either language). */
export function looksLikeTable(g: Grid): boolean {
  if (width(g) < 3) return false;
  const limit = Math.min(g.length, 30);
  for (let r = 0; r < limit; r++) {
    let hits = 0;
    for (const cell of g[r]!) if (typeof cell === 'string' && matchLabel(COLUMN_LABELS, cell)) hits++;
    if (hits >= 3) return true;
  }
  return false;
}

function readTable(fn: string, g: Grid, looked: boolean): TableReadOk {
  const read = readTableValues(g);
  if (isTableError(read)) fail(fn, looked ? M.notATable : read.error);
  return read;
}

export function okrScore(progressOrTable: unknown, weights?: unknown): number {
  const FN = 'OKRSCORE';
  const g = toGrid(progressOrTable);
  if (looksLikeTable(g)) {
    if (!isOmitted(weights)) fail(FN, M.tableWeights);
    return scoreTable(readTable(FN, g, true).table).overall;
  }
  const cells = flatten(g);
  let wcells: unknown[] | null = null;
  if (!isOmitted(weights)) {
    wcells = flatten(toGrid(weights));
    if (wcells.length !== cells.length) fail(FN, M.weightsSize, { n: cells.length, m: wcells.length });
  }
  const ps: ReadNumber[] = [];
  const ws: (ReadNumber | null)[] = [];
  for (let i = 0; i < cells.length; i++) {
    const p = readNumber(cells[i]);
    if (!p) continue; // blanks and text are skipped
    ps.push(p);
    if (wcells) {
      const w = readNumber(wcells[i]);
      if (w === undefined) fail(FN, M.weightNotNumber, { text: text(wcells[i]) });
      ws.push(w);
    } else ws.push(null);
  }
  if (!ps.length) fail(FN, M.noNumbers);
  const pScale = shareScale(FN, M.progress, ps);
  const wScale = shareScale(FN, M.weights, ws);
  return objectiveProgress(ps.map((p, i) => ({ progress: asShare(p, pScale), weight: ws[i] ? asShare(ws[i]!, wScale) : null })));
}

// ---------------------------------------------------------------------------------------------
// KRPROGRESS

const TYPE_KEYS: Record<string, RowType> = {
  increase: 'increase', decrease: 'decrease', atleast: 'atLeast', atmost: 'atMost', milestone: 'milestone', objective: 'objective',
};

/** A type cell → RowType; blank → increase (one formula serves both directions); undefined = unknown. */
export function readType(v: unknown): RowType | undefined {
  if (isBlank(v)) return 'increase';
  if (typeof v !== 'string') return undefined;
  return matchLabel(ROW_TYPE_LABELS, v) ?? TYPE_KEYS[v.replace(/[\s_-]+/g, '').toLowerCase()];
}

const NUM_WHAT = {
  current: { en: 'current', zh: '当前值' },
  target: { en: 'target', zh: '目标值' },
  start: { en: 'start', zh: '起始值' },
};

export function krProgressFn(current: unknown, target: unknown, start?: unknown, type?: unknown): unknown {
  const FN = 'KRPROGRESS';
  const cur = toGrid(current);
  const rows = cur.length, cols = width(cur);
  if (!rows || !cols) fail(FN, M.empty);
  const tg = shaped(FN, 'target', 'current', target, rows, cols);
  const st = isOmitted(start) ? () => null : shaped(FN, 'start', 'current', start, rows, cols);
  const ty = isOmitted(type) ? () => null : shaped(FN, 'type', 'current', type, rows, cols);
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < cols; c++) {
      const rowType = readType(ty(r, c));
      if (rowType === undefined) {
        row.push(new CellProblem(message(FN, M.badType, { text: text(ty(r, c)) })));
        continue;
      }
      if (rowType === 'objective') {
        row.push('');
        continue;
      }
      const cv = cur[r]![c], tv = tg(r, c), sv = st(r, c);
      const cn = readNumber(cv, true), tn = readNumber(tv), sn = readNumber(sv);
      const bad = cn === undefined ? ['current', cv] : tn === undefined ? ['target', tv] : sn === undefined ? ['start', sv] : null;
      if (bad) {
        const w = NUM_WHAT[bad[0] as keyof typeof NUM_WHAT];
        row.push(new CellProblem(message(FN, M.notNumber, { what: w.en, whatZh: w.zh, text: text(bad[1]) })));
        continue;
      }
      if (cn === null && (tn === null || rowType === 'milestone')) {
        row.push(''); // nothing entered in this row: blank, so OKRSCORE skips it
        continue;
      }
      row.push(krProgress(rowType, sn?.value ?? null, tn?.value ?? null, cn?.value ?? null));
    }
    out.push(row);
  }
  return finish(isRange(current), out);
}

// ---------------------------------------------------------------------------------------------
// OKRGRADE

export function okrGrade(score: unknown, language?: unknown): unknown {
  const FN = 'OKRGRADE';
  const lang = readLang(FN, language, 'en');
  const g = toGrid(score);
  const nums = g.map((r) => r.map((v) => readNumber(v)));
  const scale = shareScale(FN, M.scores, nums.flat());
  const out = g.map((r, i) =>
    r.map((v, j) => {
      const n = nums[i]![j];
      if (n === null) return '';
      if (n === undefined) return new CellProblem(message(FN, M.notNumber, { what: 'score', whatZh: '得分', text: text(v) }));
      return GRADE_LABELS[grade(asShare(n, scale))][lang];
    }),
  );
  return finish(isRange(score), out);
}

// ---------------------------------------------------------------------------------------------
// OKRPACE

export function okrPace(progress: unknown, cycleStart: unknown, cycleEnd: unknown, asOf?: unknown, language?: unknown): unknown {
  const FN = 'OKRPACE';
  const lang = readLang(FN, language, 'en');
  const g = toGrid(progress);
  const rows = g.length, cols = width(g);
  if (!rows || !cols) fail(FN, M.empty);
  const cs = shaped(FN, 'cycle_start', 'progress', cycleStart, rows, cols);
  const ce = isOmitted(cycleEnd) ? () => null : shaped(FN, 'cycle_end', 'progress', cycleEnd, rows, cols);
  const todayIso = isOmitted(asOf) ? today() : null;
  const ao = todayIso ? () => todayIso : shaped(FN, 'as_of', 'progress', asOf, rows, cols);
  const nums = g.map((r) => r.map((v) => readNumber(v)));
  const scale = shareScale(FN, M.progress, nums.flat());

  const dates = (r: number, c: number): { start: string; end: string; asOf: string } | CellProblem => {
    const sv = cs(r, c), ev = ce(r, c), av = ao(r, c);
    let start = readDate(sv), end = readDate(ev);
    if (start === undefined && (end === null || end === undefined) && typeof sv === 'string') {
      const cyc = cycleDates(sv); // a cycle name: 2026-Q4, 2026年第4季度, 2026-11
      if (cyc) ({ start, end } = cyc);
    }
    if (start === undefined) return new CellProblem(message(FN, M.badDate, { what: 'cycle_start', whatZh: '周期开始', text: text(sv) }));
    if (end === undefined) return new CellProblem(message(FN, M.badDate, { what: 'cycle_end', whatZh: '周期结束', text: text(ev) }));
    if (!start || !end) return new CellProblem(message(FN, M.noCycle));
    const a = readDate(av);
    if (!a) return new CellProblem(message(FN, M.badDate, { what: 'as_of', whatZh: '统计日期', text: text(av) }));
    return { start, end, asOf: a };
  };

  const out = g.map((r, i) =>
    r.map((v, j) => {
      const n = nums[i]![j];
      if (n === undefined) return new CellProblem(message(FN, M.notNumber, { what: 'progress', whatZh: '进度', text: text(v) }));
      const d = dates(i, j);
      if (d instanceof CellProblem) return d;
      return STATUS_LABELS[paceStatus(n === null ? null : asShare(n, scale), d.start, d.end, d.asOf)][lang];
    }),
  );
  return finish(isRange(progress), out);
}

// ---------------------------------------------------------------------------------------------
// OKRCHECK

export function okrCheck(table: unknown, language?: unknown): unknown[][] {
  const FN = 'OKRCHECK';
  const read = readTable(FN, toGrid(table), false);
  const lang: Lang = readLang(FN, language, read.table.lang);
  const out: unknown[][] = [];
  for (const p of read.problems) out.push([a1For(read, p.at) ?? '', 'table-read', SEVERITY.warning[lang], p.message[lang]]);
  for (const f of lintTable(read.table)) out.push([a1For(read, f.at) ?? '', f.rule, SEVERITY[f.severity][lang], findingMessage(f, lang)]);
  if (!out.length) out.push(['', '', '', M.noProblems[lang]]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// OKRROLLUP

export function okrRollup(ids: unknown, parentIds: unknown, progress: unknown, weights?: unknown): unknown {
  const FN = 'OKRROLLUP';
  const idGrid = toGrid(ids);
  const idCells = flatten(idGrid);
  const n = idCells.length;
  if (!n) fail(FN, M.empty);
  const withW = !isOmitted(weights);
  const sized = (name: string, arg: unknown): unknown[] => {
    const cells = flatten(toGrid(arg));
    if (cells.length !== n) fail(FN, M.rollupSize, { n, m: cells.length, name, andWeights: withW ? ', weights' : '' });
    return cells;
  };
  const parents = sized('parent_ids', parentIds);
  const progCells = sized('progress', progress);
  const wCells = withW ? sized('weights', weights) : null;

  const problems = new Map<number, CellProblem>();
  const pNums = progCells.map((v, i) => {
    const x = readNumber(v);
    if (x === undefined) problems.set(i, new CellProblem(message(FN, M.notNumber, { what: 'progress', whatZh: '进度', text: text(v) })));
    return x ?? null;
  });
  const wNums = (wCells ?? []).map((v, i) => {
    const x = readNumber(v);
    if (x === undefined) problems.set(i, new CellProblem(message(FN, M.weightNotNumber, { text: text(v) })));
    return x ?? null;
  });
  const pScale = shareScale(FN, M.progress, pNums);
  const wScale = shareScale(FN, M.weights, wNums);

  const key = (v: unknown) => (isBlank(v) ? '' : String(v).trim());
  const nodes: RollupInput[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const id = key(idCells[i]);
    if (!id) continue;
    if (seen.has(id)) {
      problems.set(i, new CellProblem(message(FN, M.duplicateId, { id })));
      continue;
    }
    seen.add(id);
    const p = pNums[i], w = wCells ? wNums[i] : null;
    nodes.push({
      id,
      parent: key(parents[i]) || null,
      ownProgress: p ? asShare(p, pScale) : null,
      weight: w ? asShare(w, wScale) : null,
    });
  }
  const { results, problems: rp } = rollup(nodes);
  const inCycle = new Map<string, string>();
  for (const p of rp) if (p.kind === 'cycle') for (const id of p.ids) inCycle.set(id, [...p.ids, p.ids[0]].join(' → '));

  const out: unknown[][] = [];
  let i = 0;
  for (const r of idGrid) {
    const row: unknown[] = [];
    for (let c = 0; c < r.length; c++, i++) {
      const id = key(r[c]);
      const problem = problems.get(i);
      if (problem) row.push(problem);
      else if (!id) row.push('');
      else if (inCycle.has(id)) row.push(new CellProblem(message(FN, M.cycle, { path: inCycle.get(id)! })));
      else row.push(results.get(id)?.progress ?? '');
    }
    out.push(row);
  }
  return finish(isRange(ids), out);
}
