import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rollup, type RollupInput } from '../../src/core/rollup';
import { buildAlignment, objectiveIndex } from '../../src/core/alignment';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { scoreTable } from '../../src/core/score';
import { row, table } from '../review/fixtures';

describe('rollup', () => {
  it('a node with own KRs only keeps its own progress', () => {
    const r = rollup([{ id: 'A', parent: null, ownProgress: 0.4 }]);
    expect(r.results.get('A')).toEqual({ progress: 0.4, fromKrs: 0.4, fromChildren: null });
    expect(r.problems).toEqual([]);
  });
  it('children only: weighted mean of children (blank weights equal)', () => {
    const r = rollup([
      { id: 'C', parent: null, ownProgress: null },
      { id: 'D1', parent: 'C', ownProgress: 0.2 },
      { id: 'D2', parent: 'C', ownProgress: 0.6 },
    ]);
    expect(r.results.get('C')!.progress).toBeCloseTo(0.4, 12);
  });
  it('both: childShare mixes own and children (default 0.5)', () => {
    const nodes: RollupInput[] = [
      { id: 'C', parent: null, ownProgress: 1 },
      { id: 'D', parent: 'C', ownProgress: 0 },
    ];
    expect(rollup(nodes).results.get('C')!.progress).toBeCloseTo(0.5, 12);
    nodes[0] = { ...nodes[0]!, childShare: 0.25 };
    expect(rollup(nodes).results.get('C')!.progress).toBeCloseTo(0.75, 12);
  });
  it('modes: krs ignores children, children ignores own KRs', () => {
    const base = [{ id: 'D', parent: 'C', ownProgress: 0.2 }];
    expect(rollup([{ id: 'C', parent: null, ownProgress: 0.8, mode: 'krs' }, ...base]).results.get('C')).toEqual({ progress: 0.8, fromKrs: 0.8, fromChildren: 0.2 });
    expect(rollup([{ id: 'C', parent: null, ownProgress: 0.8, mode: 'children' }, ...base]).results.get('C')!.progress).toBeCloseTo(0.2, 12);
  });
  it('rolls up through three levels with weights (company ← department ← team)', () => {
    const r = rollup([
      { id: 'Co/O1', parent: null, ownProgress: null },
      { id: 'Sales/O1', parent: 'Co/O1', ownProgress: null, weight: 0.75 },
      { id: 'Mkt/O1', parent: 'Co/O1', ownProgress: 0.4, weight: 0.25 },
      { id: 'East/O1', parent: 'Sales/O1', ownProgress: 0.6 },
      { id: 'West/O1', parent: 'Sales/O1', ownProgress: 0.8 },
    ]);
    expect(r.results.get('Sales/O1')!.progress).toBeCloseTo(0.7, 12);
    expect(r.results.get('Co/O1')!.progress).toBeCloseTo(0.75 * 0.7 + 0.25 * 0.4, 12);
  });
  it('reports a cycle instead of hanging, and still computes every node', () => {
    const r = rollup([
      { id: 'A', parent: 'C', ownProgress: 0.1 },
      { id: 'B', parent: 'A', ownProgress: 0.2 },
      { id: 'C', parent: 'B', ownProgress: 0.3 },
      { id: 'X', parent: 'A', ownProgress: 0.9 },
    ]);
    const cyc = r.problems.filter((p) => p.kind === 'cycle');
    expect(cyc).toHaveLength(1);
    expect([...cyc[0]!.ids].sort()).toEqual(['A', 'B', 'C']);
    expect(r.results.size).toBe(4);
    expect(r.results.get('A')!.fromChildren).toBeCloseTo(0.9, 12); // only X; loop links dropped
  });
  it('self-parent is a cycle', () => {
    const r = rollup([{ id: 'A', parent: 'A', ownProgress: 0.5 }]);
    expect(r.problems).toEqual([{ kind: 'cycle', ids: ['A'] }]);
    expect(r.results.get('A')!.progress).toBe(0.5);
  });
  it('reports missing parents and duplicates', () => {
    const r = rollup([
      { id: 'A', parent: 'Ghost', ownProgress: 0.5 },
      { id: 'B', parent: 'Ghost', ownProgress: 0.5 },
      { id: 'B', parent: null, ownProgress: 0.1 },
    ]);
    expect(r.problems).toContainEqual({ kind: 'missingParent', ids: ['Ghost', 'A', 'B'] });
    expect(r.problems).toContainEqual({ kind: 'duplicate', ids: ['B'] });
    expect(r.results.get('B')!.progress).toBe(0.5);
  });
  it('a 50,000-deep chain works without recursion', () => {
    const n = 50_000;
    const nodes: RollupInput[] = [];
    for (let i = 0; i < n; i++) nodes.push({ id: `N${i}`, parent: i === 0 ? null : `N${i - 1}`, ownProgress: i === n - 1 ? 1 : null, mode: 'children' });
    const r = rollup(nodes);
    expect(r.results.get('N0')!.progress).toBe(1);
    expect(r.problems).toEqual([]);
  });
  it('a 50,000-node loop is reported as one cycle', () => {
    const n = 50_000;
    const nodes: RollupInput[] = [];
    for (let i = 0; i < n; i++) nodes.push({ id: `N${i}`, parent: `N${(i + 1) % n}`, ownProgress: 0.5 });
    const r = rollup(nodes);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.ids).toHaveLength(n);
  });
});


describe('rollup properties', () => {
  it('any parent links: terminates, one result per distinct id, progress within [0,1]', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.integer({ min: 0, max: 30 }),
            parent: fc.option(fc.integer({ min: 0, max: 35 })),
            ownProgress: fc.option(fc.double({ min: -1, max: 2, noNaN: true })),
            weight: fc.option(fc.double({ min: -1, max: 2, noNaN: true })),
            mode: fc.constantFrom('krs', 'children', 'both', undefined),
            childShare: fc.option(fc.double({ min: -1, max: 2, noNaN: true }), { nil: undefined }),
          }),
          { maxLength: 40 },
        ),
        (raw) => {
          const nodes: RollupInput[] = raw.map((n) => ({ ...n, id: `N${n.id}`, parent: n.parent === null ? null : `N${n.parent}`, mode: n.mode as RollupInput['mode'] }));
          const r = rollup(nodes);
          expect(r.results.size).toBe(new Set(nodes.map((n) => n.id)).size);
          for (const v of r.results.values()) expect(v.progress >= 0 && v.progress <= 1).toBe(true);
          // every cycle's ids really link in a loop
          for (const p of r.problems) {
            if (p.kind !== 'cycle') continue;
            const first = new Map<string, string | null>();
            for (const n of nodes) if (!first.has(n.id)) first.set(n.id, n.parent);
            for (let i = 0; i < p.ids.length; i++) expect(first.get(p.ids[i]!)).toBe(p.ids[(i + 1) % p.ids.length]);
          }
        },
      ),
    );
  });
});

describe("alignment roll-up: an objective's own progress is the sheet's (core scoreTable)", () => {
  // rows as the sheet's formulas see them: a stray no-ID value is no KR; a KR whose ID names
  // O1 but sits under O2 belongs to neither (an orphan); over-achievement counts up to the cap
  const t = table({ unit: 'East', level: 'team', owner: 'x' }, [
    row({ id: 'O1', type: 'objective', title: 'o1' }),
    row({ id: 'O1.KR1', type: 'increase', start: 0, target: 10, current: 5 }),
    row({ id: '', type: 'increase', start: 0, target: 10, current: 100 }),
    row({ id: 'O2', type: 'objective', title: 'o2' }),
    row({ id: 'O2.KR1', type: 'decrease', start: 20, target: 8, current: 14 }),
    row({ id: 'O2.KR2', type: 'increase', start: 0, target: 10, current: 13 }),
    row({ id: 'O1.KR2', type: 'increase', start: 0, target: 10, current: 0 }),
  ], 'en');
  for (const cap of [1, 1.5]) {
    it(`cap ${cap * 100}%: fromKrs and (no children) progress equal scoreTable's, in every mode`, () => {
      const settings = { ...DEFAULT_SETTINGS, progressCap: cap };
      const want = new Map(scoreTable(t, null, settings).objectives.map((o) => [o.id, o.progress]));
      expect(want.get('O1')).toBeCloseTo(0.5, 12);
      expect(want.get('O2')).toBeCloseTo((0.5 + Math.min(1.3, cap)) / 2, 12);
      for (const mode of ['krs', 'children', 'both'] as const) {
        const nodes = objectiveIndex(buildAlignment([{ sheet: 'East', table: t }], { mode, settings }));
        for (const id of ['O1', 'O2']) {
          expect(nodes.get(`East/${id}`)!.fromKrs, `${mode} ${id}`).toBeCloseTo(want.get(id)!, 12);
          expect(nodes.get(`East/${id}`)!.progress, `${mode} ${id}`).toBeCloseTo(want.get(id)!, 12);
        }
        expect(nodes.get('East/O1')!.krCount).toBe(1);
      }
    });
  }
});
