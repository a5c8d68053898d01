/**
 * Alignment across OKR sheets (design §3 "Roll-up"): every OKR sheet is one unit (company,
 * department, team or person) whose header names the unit it aligns to; every objective may
 * name the objective (or KR) it aligns to as `Unit/O1` or `Unit/O1.KR2`. This module builds the
 * tree company → department → team → person, computes each objective's progress from its own
 * KRs, from the objectives aligned under it, or both (via `rollup`), and reports cycles and broken
 * links with localized messages instead of hanging. An objective's own progress is not computed
 * here: it is core `scoreTable`'s, the number the sheet, the dashboard and `score` show (issue 10,
 * "one number").
 */
import type { Lang, Localized } from './i18n';
import { fmt } from './i18n';
import { HEADER_LABELS, isKrType, matchLabel } from './labels';
import type { Level, OkrRow, OkrSettings, OkrTable, ScoreScale } from './model';
import { DEFAULT_SETTINGS, LEVELS } from './model';
import { rollup, type RollupInput } from './rollup';
import { scaleSpec, type ScoreSettings } from './scale';
import { scoreTable, unitProgress, unitScore } from './score';
import { groupObjectives } from './table';

export interface AlignmentSheet {
  /** Sheet name (the unit name is taken from the header, falling back to this). */
  sheet: string;
  table: OkrTable;
}

export interface AlignmentOptions {
  /** Where an objective's progress comes from; default 'both'. */
  mode?: 'krs' | 'children' | 'both';
  /** Share of the aligned children in 'both' mode; default 0.5. */
  childShare?: number;
  /** The workbook's Settings (over-achievement cap): an objective's own progress is core
   *  `scoreTable`'s, the number the sheet's Progress formula, the dashboard and `score` show. */
  settings?: Pick<OkrSettings, 'atRiskBelow' | 'offTrackBelow' | 'progressCap'> & ScoreSettings;
}

export interface ObjectiveNode {
  /** Global id `Unit/O1`. */
  id: string;
  unit: string;
  objectiveId: string;
  title: string;
  owner: string;
  /** The parent objective's global id as resolved (null: a root or a broken link). */
  parent: string | null;
  /** Progress from its own KRs as the sheet's Progress formula computes it (core `scoreTable`,
   *  Settings cap included); null: no KRs. */
  fromKrs: number | null;
  /** Weighted mean of the aligned children (null: none). */
  fromChildren: number | null;
  /** The rolled-up progress, 0–1 (up to the Settings cap when it is the objective's own). */
  progress: number;
  /** The objective's own score as a share (core `scoreTable`: self-score, else its KRs' scores;
   *  0 without KRs) — the Score cell of its row. Scores are not rolled up: a parent's score is
   *  what its owner's KRs earned, as in the sheet. Show it with format.ts formatScore. */
  score: number;
  krCount: number;
  /** Global ids of the objectives aligned under this one. */
  children: string[];
}

export interface UnitNode {
  unit: string;
  sheet: string;
  level: Level | null;
  owner: string;
  cycle: string;
  /** Parent unit as resolved (null: a root). */
  parent: string | null;
  /** Mean of the unit's objectives' rolled-up progress (core `unitProgress`; 0 without objectives). */
  progress: number;
  /** The unit's score as a share: core `scoreTable`'s overall (the sheet's Overall score). */
  score: number;
  objectives: ObjectiveNode[];
  children: UnitNode[];
}

export type AlignmentProblemKind = 'cycle' | 'brokenLink' | 'brokenUnitLink' | 'unitCycle' | 'duplicateUnit';

export interface AlignmentProblem {
  kind: AlignmentProblemKind;
  /** Global ids (objectives) or unit names involved. */
  ids: string[];
  /** The sheet to look at. */
  sheet: string;
  message: Localized;
}

export interface AlignmentTree {
  roots: UnitNode[];
  problems: AlignmentProblem[];
  /** The workbook's score scale (Settings), the one the scores are shown in. */
  scale?: ScoreScale;
}

export const ALIGNMENT_MESSAGES = {
  cycle: {
    'zh-CN': '对齐关系形成了循环：{ids}（循环内的对齐已忽略）',
    en: 'Alignment loop: {ids} (the links inside the loop are ignored)',
  },
  brokenLink: {
    'zh-CN': '{id} 对齐到“{target}”，但找不到该目标',
    en: '{id} aligns to "{target}", which does not exist',
  },
  brokenUnitLink: {
    'zh-CN': '“{unit}”的上级“{target}”不存在（没有同名的 OKR 表）',
    en: 'The parent "{target}" of "{unit}" does not exist (no OKR sheet of that name)',
  },
  unitCycle: {
    'zh-CN': '上级关系形成了循环：{ids}',
    en: 'Parent units form a loop: {ids}',
  },
  duplicateUnit: {
    'zh-CN': '单元“{unit}”出现在多个工作表中：{sheets}（只使用第一个）',
    en: 'Unit "{unit}" appears on several sheets: {sheets} (the first is used)',
  },
} satisfies Record<string, Localized>;

const loc = (m: Localized, params: Record<string, string | number>): Localized => ({
  'zh-CN': fmt(m, 'zh-CN', params),
  en: fmt(m, 'en', params),
});

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();

/** `O1.KR2` → `O1`; `O1` → `O1`. */
export function objectivePart(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}

export function unitName(s: AlignmentSheet): string {
  return s.table.header.unit.trim() || s.sheet;
}

/** An objective of a table with its KRs and its own progress, grouped and computed exactly as
 *  the sheet's formulas do (core `scoreTable` / `groupObjectives`): rows without an ID are no
 *  KRs, a KR belongs to the objective whose ID prefixes its own, text in a number cell is no
 *  number, progress is capped by Settings. `progress` is null when the objective has no KRs
 *  (so the roll-up takes it from the objectives aligned under it). */
export interface ObjectiveGroupProgress {
  objective: OkrRow;
  krs: OkrRow[];
  progress: number | null;
  /** core `scoreTable`'s score (a share) */
  score: number;
}

export function objectivesOf(table: OkrTable, settings: AlignmentOptions['settings'] = DEFAULT_SETTINGS): ObjectiveGroupProgress[] {
  const scored = scoreTable(table, null, settings).objectives;
  const byRow = new Map(scored.map((o) => [o.row, o]));
  return groupObjectives(table).groups.map((g) => {
    const o = byRow.get(g.objective.index);
    return {
      objective: g.objective,
      krs: g.krs.filter((r) => isKrType(r.type)),
      progress: o && o.krCount > 0 ? o.progress : null,
      score: o?.score ?? 0,
    };
  });
}

/** The header's "aligned to" value; a header label read as a value (blank cell next to another
 *  label, e.g. "As of") counts as blank. */
function headerParent(v: string): string {
  const t = v.trim();
  return t && matchLabel(HEADER_LABELS, t) === null ? t : '';
}

const levelRank = (l: Level | null) => (l === null ? LEVELS.length : LEVELS.indexOf(l));

/** Builds the alignment tree and rolls progress up. */
export function buildAlignment(sheets: readonly AlignmentSheet[], opts: AlignmentOptions = {}): AlignmentTree {
  const problems: AlignmentProblem[] = [];
  // Units, first sheet wins.
  const units = new Map<string, { s: AlignmentSheet; unit: string }>();
  const dupSheets = new Map<string, string[]>();
  const unitByKey = new Map<string, string>(); // normalized unit or sheet name → unit
  for (const s of sheets) {
    const unit = unitName(s);
    const key = norm(unit);
    if (units.has(key)) {
      const arr = dupSheets.get(key) ?? [units.get(key)!.s.sheet];
      arr.push(s.sheet);
      dupSheets.set(key, arr);
      continue;
    }
    units.set(key, { s, unit });
  }
  for (const [key, list] of dupSheets) {
    const unit = units.get(key)!.unit;
    problems.push({
      kind: 'duplicateUnit', ids: [unit], sheet: list[1]!,
      message: loc(ALIGNMENT_MESSAGES.duplicateUnit, { unit, sheets: list.join(', ') }),
    });
  }
  for (const [key, u] of units) unitByKey.set(key, u.unit);
  for (const [, u] of units) if (!unitByKey.has(norm(u.s.sheet))) unitByKey.set(norm(u.s.sheet), u.unit);
  const resolveUnit = (name: string) => (name.trim() ? unitByKey.get(norm(name)) ?? null : null);

  // Objectives and roll-up inputs.
  const nodes: RollupInput[] = [];
  const info = new Map<string, { unit: string; row: OkrRow; krCount: number; parent: string | null; own: number | null; score: number }>();
  const objIndex = new Map<string, string>(); // normalized global id → global id
  const perUnit = new Map<string, { g: ObjectiveGroupProgress; gid: string }[]>();
  const unitScores = new Map<string, number>();
  for (const [, u] of units) {
    const list: { g: ObjectiveGroupProgress; gid: string }[] = [];
    const groups = objectivesOf(u.s.table, opts.settings);
    // every objective row counts, with or without an ID: the sheet's Overall score (scoreTable)
    unitScores.set(u.unit, unitScore(groups));
    for (const g of groups) {
      if (!g.objective.id) continue;
      const gid = `${u.unit}/${g.objective.id}`;
      if (objIndex.has(norm(gid))) continue;
      objIndex.set(norm(gid), gid);
      list.push({ g, gid });
    }
    perUnit.set(u.unit, list);
  }
  /** `Unit/O1.KR2`, `Unit/O1`, or a bare `O1` (relative to the header's parent unit). */
  const resolveObjective = (ref: string, headerParent: string): string | null => {
    const r = ref.trim();
    if (!r) return null;
    const slash = r.lastIndexOf('/');
    const unitPart = slash < 0 ? headerParent : r.slice(0, slash);
    const idPart = slash < 0 ? r : r.slice(slash + 1);
    const unit = resolveUnit(unitPart);
    if (!unit) return null;
    return objIndex.get(norm(`${unit}/${objectivePart(idPart.trim())}`)) ?? null;
  };
  for (const [, u] of units) {
    for (const { g, gid } of perUnit.get(u.unit)!) {
      const ref = g.objective.alignsTo.trim() || g.krs.find((k) => k.alignsTo.trim())?.alignsTo.trim() || '';
      let parent: string | null = null;
      if (ref) {
        parent = resolveObjective(ref, headerParent(u.s.table.header.alignedTo));
        if (!parent) {
          problems.push({
            kind: 'brokenLink', ids: [gid], sheet: u.s.sheet,
            message: loc(ALIGNMENT_MESSAGES.brokenLink, { id: gid, target: ref }),
          });
        } else if (parent === gid) {
          // aligning to itself is a loop of one: reported like any loop, the link ignored
          problems.push({
            kind: 'cycle', ids: [gid], sheet: u.s.sheet,
            message: loc(ALIGNMENT_MESSAGES.cycle, { ids: `${gid} → ${gid}` }),
          });
          parent = null;
        }
      }
      info.set(gid, { unit: u.unit, row: g.objective, krCount: g.krs.length, parent, own: g.progress, score: g.score });
      nodes.push({
        id: gid,
        parent,
        ownProgress: g.progress,
        weight: g.objective.weight,
        mode: opts.mode ?? 'both',
        childShare: opts.childShare ?? 0.5,
      });
    }
  }
  const ru = rollup(nodes);
  for (const p of ru.problems) {
    if (p.kind !== 'cycle') continue;
    const first = info.get(p.ids[0]!);
    problems.push({
      kind: 'cycle', ids: p.ids, sheet: first ? units.get(norm(first.unit))!.s.sheet : '',
      message: loc(ALIGNMENT_MESSAGES.cycle, { ids: [...p.ids, p.ids[0]!].join(' → ') }),
    });
  }
  const cycleIds = new Set(ru.problems.filter((p) => p.kind === 'cycle').flatMap((p) => p.ids));

  // Objective nodes.
  const objNodes = new Map<string, ObjectiveNode>();
  for (const n of nodes) {
    const i = info.get(n.id)!;
    const r = ru.results.get(n.id)!;
    const parent = cycleIds.has(n.id) && i.parent && cycleIds.has(i.parent) ? null : i.parent;
    // The roll-up mixes shares within 0–1; where nothing is mixed (no aligned children, or
    // 'krs' mode) the objective shows its own progress exactly as the sheet does, over-
    // achievement up to the Settings cap included — one number in every view.
    const ownOnly = i.own !== null && (r.fromChildren === null || (opts.mode ?? 'both') === 'krs');
    objNodes.set(n.id, {
      id: n.id, unit: i.unit, objectiveId: i.row.id, title: i.row.title, owner: i.row.owner, parent,
      fromKrs: i.own, fromChildren: r.fromChildren, progress: ownOnly ? i.own! : r.progress, score: i.score, krCount: i.krCount, children: [],
    });
  }
  for (const o of objNodes.values()) if (o.parent) objNodes.get(o.parent)?.children.push(o.id);

  // Unit tree (header "aligned to"), cycles broken.
  const unitNodes = new Map<string, UnitNode>();
  for (const [, u] of units) {
    const objs = perUnit.get(u.unit)!.map((x) => objNodes.get(x.gid)!);
    const h = u.s.table.header;
    let parent: string | null = null;
    if (headerParent(h.alignedTo)) {
      parent = resolveUnit(h.alignedTo);
      if (!parent) {
        problems.push({
          kind: 'brokenUnitLink', ids: [u.unit], sheet: u.s.sheet,
          message: loc(ALIGNMENT_MESSAGES.brokenUnitLink, { unit: u.unit, target: h.alignedTo.trim() }),
        });
      } else if (parent === u.unit) {
        problems.push({
          kind: 'unitCycle', ids: [u.unit], sheet: u.s.sheet,
          message: loc(ALIGNMENT_MESSAGES.unitCycle, { ids: `${u.unit} → ${u.unit}` }),
        });
        parent = null;
      }
    }
    unitNodes.set(u.unit, {
      unit: u.unit, sheet: u.s.sheet, level: h.level, owner: h.owner, cycle: h.cycle, parent,
      progress: unitProgress(objs),
      score: unitScores.get(u.unit) ?? 0,
      objectives: objs, children: [],
    });
  }
  // Unit cycles: walk parents, break the loop at the first repeated node.
  const state = new Map<string, number>();
  for (const start of unitNodes.keys()) {
    if (state.get(start)) continue;
    const path: string[] = [];
    let v: string | null = start;
    while (v && !state.get(v)) {
      state.set(v, 1);
      path.push(v);
      v = unitNodes.get(v)!.parent;
    }
    if (v && state.get(v) === 1) {
      const loop = path.slice(path.indexOf(v));
      problems.push({
        kind: 'unitCycle', ids: loop, sheet: unitNodes.get(loop[0]!)!.sheet,
        message: loc(ALIGNMENT_MESSAGES.unitCycle, { ids: [...loop, loop[0]!].join(' → ') }),
      });
      for (const k of loop) unitNodes.get(k)!.parent = null;
    }
    for (const k of path) state.set(k, 2);
  }
  const roots: UnitNode[] = [];
  for (const n of unitNodes.values()) {
    if (n.parent) unitNodes.get(n.parent)!.children.push(n);
    else roots.push(n);
  }
  const sortUnits = (list: UnitNode[]) => {
    list.sort((a, b) => levelRank(a.level) - levelRank(b.level));
    for (const n of list) sortUnits(n.children);
  };
  sortUnits(roots);
  return { roots, problems, scale: scaleSpec(opts.settings).scale };
}

/** Depth-first walk: calls `fn(unit, depth)` for every unit of the tree. */
export function walkUnits(tree: AlignmentTree, fn: (u: UnitNode, depth: number) => void): void {
  const visit = (u: UnitNode, d: number) => {
    fn(u, d);
    for (const c of u.children) visit(c, d + 1);
  };
  for (const r of tree.roots) visit(r, 0);
}

export function findUnit(tree: AlignmentTree, unitOrSheet: string): UnitNode | null {
  let found: UnitNode | null = null;
  const k = norm(unitOrSheet);
  walkUnits(tree, (u) => {
    if (!found && (norm(u.unit) === k || norm(u.sheet) === k)) found = u;
  });
  return found;
}

/** Every objective node by global id. */
export function objectiveIndex(tree: AlignmentTree): Map<string, ObjectiveNode> {
  const m = new Map<string, ObjectiveNode>();
  walkUnits(tree, (u) => u.objectives.forEach((o) => m.set(o.id, o)));
  return m;
}

/** How many problem lines a report shows before "… and N more". */
export const MAX_PROBLEM_LINES = 50;

export const MORE_PROBLEMS: Localized = { 'zh-CN': '……另有 {n} 个问题未列出', en: '… and {n} more problems not listed' };

/** At most `max` lines, then one line counting the rest (a roster can have 600,000 problems). */
export function capLines(lines: readonly string[], lang: Lang, max = MAX_PROBLEM_LINES): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), fmt(MORE_PROBLEMS, lang, { n: lines.length - max })];
}

/** The localized problem list, one line each, capped (`capLines`). */
export function alignmentProblemLines(tree: AlignmentTree, lang: Lang, max = MAX_PROBLEM_LINES): string[] {
  // only the lines shown are formatted: the rest are counted
  const shown = tree.problems.slice(0, max).map((p) => p.message[lang]);
  if (tree.problems.length > max) shown.push(fmt(MORE_PROBLEMS, lang, { n: tree.problems.length - max }));
  return shown;
}
