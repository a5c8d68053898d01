import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lintTable, findingMessage, ruleById } from '../../src/core/lint';
import {
  a1For, columnLetter, groupObjectives, isTableError, krsOf, objectiveIdOf, readTableValues, type TableReadOk,
} from '../../src/core/table';
import { scoreTable } from '../../src/core/score';

const ok = (r: ReturnType<typeof readTableValues>): TableReadOk => {
  if (isTableError(r)) throw new Error(r.error.en);
  return r;
};

// A zh-CN sheet with two rows and one column inserted above/left of the template.
const zhGrid: unknown[][] = [
  [null, '公司 OKR', null, null],
  [],
  [null, '单元', '销售中心', null, '层级', '部门'],
  [null, '负责人', '王五', null, '周期', '2026-Q4'],
  [null, '开始日期', new Date(2026, 9, 1), null, '结束日期', '2026/12/31'],
  [null, '上级：', '公司', null, '统计日期', '2026-11-15'],
  [],
  [null, '编号', '类型', '目标 / 关键结果', '负责人', '起始值', '目标值', '当前值', '单位', '权重', '截止日期', '进度', '状态', '已共识'],
  [null, 'O1', '目标', '华东区域销售翻番', '王五', null, null, null, null, null, null, 0, '未开始', true],
  [null, 'O1.KR1', '提升', '新签客户由 20 家增至 50 家', '李雷', 20, 50, 35, '家', '60%', new Date(2026, 11, 20), 0.5, '正常', true],
  [null, 'O1.KR2', '', '完成渠道伙伴签约', '韩梅', null, null, true, null, 40, '2026-12-15', 1, '已完成', false],
  [null, null, null, null, null, null, null, null, null, null, null, 0, '未开始', false], // template row: formulas only
  [null, 'O2', null, '降低获客成本', '王五', null, null, null, null, null, null, 0, '未开始', true],
  [null, 'O2.KR1', '降低', '单客成本由 800 元降到 500 元', '赵六', '800元', '500元', '650元', '元', null, null, 0.5, '正常', null],
  [null, null, null, null, null, null, null, null, null, null, null, 0, '未开始', false],
  [null, null, null, null, null, null, null, null, null, null, null, 0, '未开始', false],
  [null, null, null, null, null, null, null, null, null, null, null, 0, '未开始', false],
  [null, '说明：此行以下不属于表格', null, '随便写的备注'],
];

describe('readTableValues — zh-CN sheet with inserted rows and columns', () => {
  const r = ok(readTableValues(zhGrid));
  it('finds the header row and maps columns by label', () => {
    expect(r.headerRow).toBe(7);
    expect(r.columns.id).toBe(1);
    expect(r.columns.title).toBe(3);
    expect(r.columns.agreed).toBe(13);
    expect(r.columns.notes).toBeUndefined();
    expect(r.table.lang).toBe('zh-CN');
  });
  it('reads the header block (label cell, value to the right)', () => {
    expect(r.table.header).toEqual({
      unit: '销售中心', level: 'department', owner: '王五', cycle: '2026-Q4',
      cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: '公司',
    });
    expect(r.asOf).toBe('2026-11-15');
  });
  it('skips blank and formula-only rows and stops after three blank rows', () => {
    expect(r.table.rows.map((x) => x.id)).toEqual(['O1', 'O1.KR1', 'O1.KR2', 'O2', 'O2.KR1']);
    expect(r.rowIndexes).toEqual([8, 9, 10, 12, 13]);
  });
  it('reads types in Chinese; a blank Type cell is no type (the sheet computes nothing there), with a problem', () => {
    expect(r.table.rows.map((x) => x.type)).toEqual(['objective', 'increase', null, null, 'decrease']);
    expect(r.problems.map((p) => p.at)).toEqual([{ row: 2, column: 'type' }, { row: 3, column: 'type' }]);
    expect(r.problems[0]!.message.en).toMatch(/formulas compute nothing/);
  });
  it('reads number cells as the formulas do: numbers are numbers, text is no number', () => {
    const [, kr1, kr2, , kr3] = r.table.rows;
    // '60%' typed as TEXT (Sheets would have made it 0.6): ISNUMBER false → blank weight
    expect(kr1).toMatchObject({ start: 20, target: 50, current: 35, weight: null, due: '2026-12-20', agreed: true, owner: '李雷' });
    // 40 is 40 (the formulas do not rescale it to 40%; weights-total reports the total)
    expect(kr2).toMatchObject({ current: 1, weight: 40, due: '2026-12-15', agreed: false });
    expect(kr3).toMatchObject({ start: null, target: null, current: null, agreed: null });
    expect(kr3!.raw.start).toBe('800元');
    const f = lintTable(r.table).filter((x) => x.rule === 'number-as-text');
    expect(f.map((x) => [x.at.row, x.at.column, x.params.number])).toEqual([
      [1, 'weight', 0.6], [4, 'start', 800], [4, 'target', 500], [4, 'current', 650],
    ]);
    expect(findingMessage(f[1]!, 'zh-CN')).toContain('800元');
    expect(findingMessage(f[1]!, 'zh-CN')).toContain('800（元）');
  });
  it('a1For gives the sheet address of a finding', () => {
    expect(a1For(r, { row: 1, column: 'target' })).toBe('G10');
    expect(a1For(r, { row: 0, column: null })).toBe('B9');
    expect(a1For(r, { row: null, column: 'weight' })).toBe('J8');
    expect(a1For(r, { row: 4, column: 'title' }, { row: 2, column: 1 })).toBe('E16');
    expect(a1For(r, { row: 99, column: 'title' })).toBeNull();
  });
});

const enGrid: unknown[][] = [
  ['Unit', 'Growth team'],
  ['Cycle', '2026-11'],
  ['Level', 'Team'],
  [],
  ['Notes', 'Current', 'Target', 'Start', 'Owner', 'Objective / Key result', 'Type', 'ID', 'Weight', 'Due date', 'Confidence', 'Self-score'],
  ['', null, null, null, 'Ann', 'Win the self-serve market', 'Objective', 'O1', null, null, null, null],
  ['', 51, 60, 45, 'Bob', 'Raise NPS from 45 to 60', 'Increase', 'O1.KR1', 30, null, 7, 0.6],
  ['', 0.7, null, null, 'Cy', 'Launch the new pricing page', 'Milestone', null, null, 46000, '8', null],
  ['', '99.9%', '99.5%', null, 'Dee', 'Uptime stays at or above 99.5%', 'At least', 'O1.KR3', null, '2026-11-30', null, null],
  ['', 12, 'abc', 0, 'Eve', 'Cut support backlog', 'Sideways', 'O1.KR4', null, null, null, null],
];

describe('readTableValues — English sheet, shuffled column order', () => {
  const r = ok(readTableValues(enGrid, { lang: 'zh-CN' }));
  it('detects English from the header labels', () => {
    expect(r.table.lang).toBe('en');
    expect(r.headerRow).toBe(4);
    expect(r.columns.id).toBe(7);
    expect(r.columns.notes).toBe(0);
  });
  it('reads the header block and fills cycle dates from the cycle name', () => {
    expect(r.table.header).toMatchObject({ unit: 'Growth team', level: 'team', cycle: '2026-11', cycleStart: '2026-11-01', cycleEnd: '2026-11-30' });
  });
  it('reads rows regardless of order', () => {
    const [o, k1, k2, k3, k4] = r.table.rows;
    expect(o).toMatchObject({ id: 'O1', type: 'objective', title: 'Win the self-serve market', owner: 'Ann' });
    expect(k1).toMatchObject({ type: 'increase', start: 45, target: 60, current: 51, weight: 30, confidence: 7, selfScore: 0.6 });
    expect(k2).toMatchObject({ id: '', type: 'milestone', current: 0.7, due: '2025-12-09', confidence: null });
    expect(k3!.type).toBe('atLeast');
    expect(k3!.target).toBeNull(); // '99.5%' as text
    expect(k3!.current).toBeNull();
    expect(k4).toMatchObject({ type: null, target: null, start: 0 });
    expect(k4!.raw.target).toBe('abc');
  });
  it('reports an unknown type as a located, localized problem', () => {
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.at).toEqual({ row: 4, column: 'type' });
    expect(r.problems[0]!.message.en).toContain('Sideways');
    expect(r.problems[0]!.message['zh-CN']).toContain('Sideways');
  });
});

describe('readTableValues — failures and edge cases', () => {
  it('no header row → a localized error', () => {
    const r = readTableValues([['hello', 'world'], [1, 2]]);
    expect(isTableError(r)).toBe(true);
    if (isTableError(r)) {
      expect(r.error['zh-CN']).toMatch(/表头/);
      expect(r.error.en).toMatch(/header/);
    }
  });
  it('an empty grid → error, not a crash', () => {
    expect(isTableError(readTableValues([]))).toBe(true);
  });
  it('a second header row ends the table', () => {
    const r = ok(readTableValues([
      ['ID', 'Type', 'Title', 'Target'],
      ['O1', 'Objective', 'A', null],
      ['ID', 'Type', 'Title', 'Target'],
      ['O9', 'Objective', 'B', null],
    ]));
    expect(r.table.rows.map((x) => x.id)).toEqual(['O1']);
  });
  it('rows holding only unticked checkboxes and formula values are blank', () => {
    const r = ok(readTableValues([
      ['ID', 'Type', 'Title', 'Current', 'Agreed', 'Progress'],
      ['O1', 'Objective', 'A', null, true, 0],
      [null, null, null, false, false, 0],
      ['O1.KR1', 'Milestone', 'B', false, false, 0],
    ]));
    expect(r.table.rows.map((x) => [x.id, x.current])).toEqual([['O1', null], ['O1.KR1', 0]]);
    expect(r.rowIndexes).toEqual([1, 3]);
  });
  it('without a Type column (a user\'s own layout) infers the KR type from the ID and text', () => {
    const r = ok(readTableValues([
      ['周期', 46327],
      ['编号', '目标 / 关键结果', '起始值', '目标值'],
      ['O1', '目标', null, null],
      ['O1.KR1', '系统可用性不低于 99.9%', null, 0.999],
      ['O1.KR2', '上线新版官网', null, null],
      ['O1.KR3', '退货率由 8% 降到 5%', 0.08, 0.05],
      ['O1.KR4', '将退货率降低至 5%', '10%', null],
    ]));
    expect(r.table.rows[4]!.start).toBe(0.1); // lenient only here: no formulas define the number
    expect(r.table.rows.map((x) => x.type)).toEqual(['objective', 'atLeast', 'milestone', 'decrease', 'decrease']);
    // a month that the spreadsheet turned into a date serial still names the cycle
    expect(r.table.header).toMatchObject({ cycle: '2026-11', cycleStart: '2026-11-01', cycleEnd: '2026-11-30' });
  });
  it('a blank header value does not borrow the next label', () => {
    const r = ok(readTableValues([
      ['Unit', null, 'Level', 'Team', 'Owner', ''],
      ['ID', 'Type', 'Title'],
    ]));
    expect(r.table.header).toMatchObject({ unit: '', level: 'team', owner: '' });
  });
  it('a header with too few known columns is not a header', () => {
    expect(isTableError(readTableValues([['ID', 'Title'], ['O1', 'x']]))).toBe(true);
  });
});

describe('grouping', () => {
  const r = ok(readTableValues([
    ['ID', 'Type', 'Title'],
    ['O1', 'Objective', 'First'],
    ['O1.KR1', 'Increase', 'a'],
    ['', 'Increase', 'b (no id: not a KR anywhere)'],
    ['o1.kr2', 'Increase', 'e (case-insensitive, like the formulas)'],
    ['O2', 'Objective', 'Second'],
    ['O1.KR3', 'Increase', 'c (O1 by id, but below O2: the O1 formula does not count it)'],
    ['O2.KR1', 'Increase', 'd'],
    ['O2-KR2', 'Increase', 'f (no dot: not counted)'],
  ]));
  it('a KR belongs to the objective above it when its ID starts with that ID and a dot (as the formulas count)', () => {
    const { groups, orphans } = groupObjectives(r.table);
    expect(groups.map((g) => [g.objective.id, g.krs.map((k) => k.title[0])])).toEqual([
      ['O1', ['a', 'e']],
      ['O2', ['d']],
    ]);
    expect(orphans.map((k) => k.title[0])).toEqual(['c', 'f']);
    expect(lintTable(r.table).filter((f) => f.rule === 'no-id').map((f) => [f.at.row, f.severity])).toEqual([[2, 'error']]);
    expect(krsOf(r.table, 'o2').map((k) => k.id)).toEqual(['O2.KR1']);
    expect(krsOf(r.table, 'O7')).toEqual([]);
  });
  it('KRs above every objective with no matching ID are orphans', () => {
    const t = ok(readTableValues([
      ['编号', '类型', '目标 / 关键结果'],
      ['KR1', '提升', '孤儿'],
      ['O1', '目标', '目标一'],
    ])).table;
    expect(groupObjectives(t).orphans.map((k) => k.id)).toEqual(['KR1']);
  });
  it('re-groups after rows are added to the table', () => {
    const t = ok(readTableValues([['ID', 'Type', 'Title'], ['O1', 'Objective', 'A'], ['O1.KR1', 'Increase', 'a']])).table;
    expect(groupObjectives(t).groups[0]!.krs).toHaveLength(1);
    t.rows.push({ ...t.rows[1]!, index: 2, id: 'O1.KR2' });
    expect(groupObjectives(t).groups[0]!.krs.map((k) => k.id)).toEqual(['O1.KR1', 'O1.KR2']);
  });
  it('objectiveIdOf', () => {
    expect(objectiveIdOf('O1.KR2')).toBe('O1');
    expect(objectiveIdOf('o3-kr1')).toBe('o3');
    expect(objectiveIdOf('KR4')).toBeNull();
    expect(objectiveIdOf('A.1')).toBe('A');
  });
  it('columnLetter', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });
});


describe('scoreTable', () => {
  const grid: unknown[][] = [
    ['Cycle', '2026-11'],
    ['ID', 'Type', 'Title', 'Start', 'Target', 'Current', 'Weight', 'Self-score', 'Due'],
    ['O1', 'Objective', 'Grow', null, null, null, null, null],
    ['O1.KR1', 'Increase', 'a', 0, 100, 25, 0.75, null], // progress 0.25 → score 0.3
    ['O1.KR2', 'Milestone', 'b', null, null, true, 0.25, null], // 1 → 1
    ['O2', 'Objective', 'Lean', null, null, null, null, null],
    ['O2.KR1', 'Decrease', 'c', 10, 5, 2, null, 0.8], // exceeded; self-score 0.8
    ['O2.KR2', 'At most', 'd', 10, 5, null, null, null], // not started
    ['O3', 'Objective', 'Empty', null, null, null, null, null],
    ['KRX', 'Increase', 'orphan', 0, 10, 5, null, null], // no O3. prefix: the O3 formula does not count it
    ['O3.KR1', 'Increase', 'late', 0, 10, 2, null, null, '2026-11-10'], // due passed, not done → overdue
  ];
  const read = readTableValues(grid);
  if (isTableError(read)) throw new Error('read failed');
  const s = scoreTable(read.table, '2026-11-15');

  it('scores each KR: progress, ROUND(progress,1) or self-score, exceeded, pace status', () => {
    expect(s.expected).toBeCloseTo(0.5, 12);
    const kr = Object.fromEntries(s.krs.map((k) => [k.id, k]));
    expect(kr['O1.KR1']).toMatchObject({ progress: 0.25, score: 0.3, exceeded: false, status: 'atRisk', objectiveId: 'O1' });
    expect(kr['O1.KR2']).toMatchObject({ progress: 1, score: 1, status: 'done' });
    expect(kr['O2.KR1']).toMatchObject({ progress: 1, score: 0.8, exceeded: true });
    expect(kr['O2.KR1']!.ratio).toBeCloseTo(1.6, 12);
    expect(kr['O2.KR2']).toMatchObject({ progress: 0, score: 0, status: 'notStarted' });
    expect(kr['KRX']).toMatchObject({ progress: 0.5, objectiveId: '' });
    expect(kr['O3.KR1']).toMatchObject({ progress: 0.2, status: 'overdue' });
    expect(s.krs.map((k) => k.row)).toEqual([1, 2, 4, 5, 7, 8]);
  });
  it('scores objectives with KR weights and grades them', () => {
    const [o1, o2, o3] = s.objectives;
    expect(o1!.progress).toBeCloseTo(0.75 * 0.25 + 0.25 * 1, 12);
    expect(o1!.score).toBeCloseTo(0.75 * 0.3 + 0.25 * 1, 12);
    expect(o1).toMatchObject({ grade: 'yellow', krCount: 2, status: 'onTrack' });
    expect(o2!.score).toBeCloseTo(0.4, 12);
    expect(o2).toMatchObject({ grade: 'yellow', status: 'onTrack' });
    expect(o3).toMatchObject({ krCount: 1, progress: 0.2, score: 0.2, grade: 'red' });
    expect(s.overall).toBeCloseTo((o1!.score + o2!.score + o3!.score) / 3, 12);
  });
  it('without asOf the status only knows started / done', () => {
    const s2 = scoreTable(read.table);
    expect(s2.expected).toBeNull();
    expect(s2.krs.find((k) => k.id === 'O1.KR1')!.status).toBe('onTrack');
  });
  it('an empty table scores 0 (red), not NaN', () => {
    const r = readTableValues([['ID', 'Type', 'Title']]);
    if (isTableError(r)) throw new Error('read failed');
    expect(scoreTable(r.table)).toMatchObject({ overall: 0, overallGrade: 'red', krs: [], objectives: [] });
  });
});


describe('robustness on arbitrary grids', () => {
  const labels = ['编号', '类型', '目标 / 关键结果', 'ID', 'Type', 'Title', 'Target', 'Current', '起始值', '权重', 'Weight', 'Due',
    '目标', '提升', '降低', 'Milestone', 'At most', '不低于', 'O1', 'O1.KR1', 'O2.KR3', 'KR1', '周期', '2026-Q4', 'Cycle start'];
  const cellArb = fc.oneof(
    fc.constantFrom(...labels),
    fc.string({ maxLength: 12 }),
    fc.double({ noNaN: false }),
    fc.integer({ min: -1000, max: 100000 }),
    fc.boolean(),
    fc.constant(null),
    fc.date({ min: new Date(2000, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: false }),
  );
  it('read → lint → score never throws, and scores stay in range', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 25 }), (grid) => {
        const header = ['ID', 'Type', 'Title', 'Start', 'Target', 'Current', 'Weight', 'Due'];
        for (const g of [grid, [header, ...grid]]) {
          const r = readTableValues(g);
          if (isTableError(r)) continue;
          for (const f of lintTable(r.table, { knownParents: new Set(['X/O1']) })) {
            // every placeholder of the message template has its parameter (user text may hold braces)
            const rule = ruleById(f.rule)!;
            const tmpl = (f.variant && rule.variants?.[f.variant]) || rule.message;
            for (const lang of ['zh-CN', 'en'] as const) {
              for (const m of tmpl[lang].matchAll(/\{(\w+)\}/g)) expect(f.params).toHaveProperty(m[1]!);
              expect(findingMessage(f, lang).length).toBeGreaterThan(0);
            }
            if (f.at.row !== null) expect(r.table.rows[f.at.row]).toBeDefined();
          }
          const s = scoreTable(r.table, '2026-11-15');
          for (const k of s.krs) expect(k.progress >= 0 && k.progress <= 1).toBe(true);
          for (const o of s.objectives) expect(o.progress >= 0 && o.progress <= 1).toBe(true);
          expect(Number.isNaN(s.overall)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
