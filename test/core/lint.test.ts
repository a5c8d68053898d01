import { describe, expect, it } from 'vitest';
import { findingMessage, lintTable, RULES, ruleById, type Finding, type LintContext } from '../../src/core/lint';
import { COLUMN_LABELS, HEADER_LABELS, LEVEL_LABELS, ROW_TYPE_LABELS, SOURCE_LABELS, label } from '../../src/core/labels';
import type { Lang } from '../../src/core/i18n';
import type { ColumnKey, Level, OkrTable, RowType, Source } from '../../src/core/model';
import { isTableError, readTableValues } from '../../src/core/table';

// ---- a tiny sheet builder: rows in, a table read through the real reader out ----
type Cell = string | number | boolean | null;
type R = Partial<Record<Exclude<ColumnKey, 'type' | 'source'>, Cell>> & { type?: RowType | string; source?: Source };
const COLS: ColumnKey[] = ['id', 'type', 'title', 'owner', 'alignsTo', 'source', 'agreed', 'start', 'target', 'current', 'unit', 'weight', 'due', 'confidence', 'selfScore', 'notes', 'rubric', 'managerScore', 'progress', 'score'];

function sheet(lang: Lang, rows: R[], opts: { level?: Level; cycle?: string } = {}): OkrTable {
  const grid: unknown[][] = [
    [label(HEADER_LABELS.unit, lang), lang === 'en' ? 'Sales' : '销售中心'],
    [label(HEADER_LABELS.level, lang), label(LEVEL_LABELS[opts.level ?? 'department'], lang)],
    [label(HEADER_LABELS.cycle, lang), opts.cycle ?? '2026-Q4'],
    [],
    COLS.map((c) => label(COLUMN_LABELS[c], lang)),
  ];
  let o = 0, k = 0;
  for (const r of rows) {
    const isObj = r.type === 'objective';
    if (isObj) { o++; k = 0; } else k++;
    const id = r.id !== undefined ? r.id : isObj ? `O${o}` : `O${o}.KR${k}`;
    grid.push(COLS.map((c) => {
      if (c === 'id') return id;
      if (c === 'type') return r.type && r.type in ROW_TYPE_LABELS ? label(ROW_TYPE_LABELS[r.type as RowType], lang) : r.type ?? null;
      if (c === 'source') return r.source ? label(SOURCE_LABELS[r.source], lang) : null;
      return r[c] ?? null;
    }));
  }
  const read = readTableValues(grid);
  if (isTableError(read)) throw new Error(read.error.en);
  expect(read.table.lang).toBe(lang);
  return read.table;
}

const GOOD: Record<Lang, { o: R; k1: R; k2: R }> = {
  'zh-CN': {
    o: { type: 'objective', title: '拓展华东市场', owner: '王五', source: 'bottomUp', agreed: true },
    k1: { type: 'increase', title: '新签客户由 20 家增至 50 家', owner: '李雷', start: 20, target: 50, current: 30, unit: '家', due: '2026-12-15', agreed: true, confidence: 7 },
    k2: { type: 'decrease', title: '平均响应时间由 4 小时缩短到 2 小时', owner: '韩梅', start: 4, target: 2, current: 3, unit: '小时', due: '2026-11-30', agreed: true },
  },
  en: {
    o: { type: 'objective', title: 'Win the East China market', owner: 'Ann', source: 'bottomUp', agreed: true },
    k1: { type: 'increase', title: 'Grow signed accounts from 20 to 50', owner: 'Bob', start: 20, target: 50, current: 30, due: '2026-12-15', agreed: true, confidence: 7 },
    k2: { type: 'decrease', title: 'Cut first response time from 4 h to 2 h', owner: 'Cy', start: 4, target: 2, current: 3, due: '2026-11-30', agreed: true },
  },
};
const good = (lang: Lang): R[] => [GOOD[lang].o, GOOD[lang].k1, GOOD[lang].k2];
/** the good table with one row replaced by a variant of it */
const withRow = (lang: Lang, which: 'o' | 'k1' | 'k2', patch: R): R[] => {
  const g = { ...GOOD[lang] };
  g[which] = { ...g[which], ...patch };
  return [g.o, g.k1, g.k2];
};
const objective = (lang: Lang, n: number): R[] => [
  { ...GOOD[lang].o, title: `${GOOD[lang].o.title} ${n}` }, GOOD[lang].k1, GOOD[lang].k2,
];

const of = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

interface Case {
  rule: string;
  bad: (lang: Lang) => { rows: R[]; opts?: { level?: Level } };
  good: (lang: Lang) => { rows: R[]; opts?: { level?: Level } };
  ctx?: LintContext;
  /** expected location of the first bad finding */
  at?: { row: number | null; column: ColumnKey | null };
  /** text the message must show (the cell content), per language */
  shows?: (lang: Lang) => string;
}

const T = (zh: string, en: string) => (lang: Lang) => (lang === 'en' ? en : zh);

const CASES: Case[] = [
  {
    rule: 'max-objectives',
    bad: (l) => ({ rows: [1, 2, 3, 4, 5, 6].flatMap((n) => objective(l, n)) }),
    good: (l) => ({ rows: [1, 2, 3, 4, 5].flatMap((n) => objective(l, n)) }),
    at: { row: 15, column: 'id' },
    shows: () => '6',
  },
  {
    rule: 'kr-count',
    bad: (l) => ({ rows: [GOOD[l].o, GOOD[l].k1] }),
    good: (l) => ({ rows: good(l) }),
    at: { row: 0, column: 'title' },
    shows: () => 'O1',
  },
  {
    rule: 'kr-measurable',
    bad: (l) => ({ rows: withRow(l, 'k1', { title: T('提升客户满意度', 'Improve customer happiness')(l), start: null, target: null }) }),
    good: (l) => ({ rows: withRow(l, 'k1', { title: T('客户满意度调研上线', 'Customer survey goes live')(l), type: 'milestone', start: null, target: null, current: 0 }) }),
    at: { row: 1, column: 'target' },
    shows: T('提升客户满意度', 'Improve customer happiness'),
  },
  {
    rule: 'single-owner',
    bad: (l) => ({ rows: withRow(l, 'k2', { owner: T('张三、李四', 'Ann and Bob')(l) }) }),
    good: (l) => ({ rows: withRow(l, 'k2', { owner: T('张三', 'Ann Lee')(l) }) }),
    at: { row: 2, column: 'owner' },
    shows: T('张三、李四', 'Ann and Bob'),
  },
  {
    rule: 'due-in-cycle',
    bad: (l) => ({ rows: withRow(l, 'k1', { due: '2027-01-15' }) }),
    good: (l) => ({ rows: withRow(l, 'k1', { due: '2026-12-31' }) }),
    at: { row: 1, column: 'due' },
    shows: () => '2027-01-15',
  },
  {
    rule: 'results-not-tasks',
    bad: (l) => ({ rows: withRow(l, 'k1', { type: 'milestone', title: T('协助市场部组织客户活动', 'Help marketing run customer events')(l), start: null, target: null, current: 0 }) }),
    good: (l) => ({ rows: withRow(l, 'k1', { title: T('客户活动带来 200 条有效线索', 'Customer events bring 200 qualified leads')(l), start: 0, target: 200 }) }),
    at: { row: 1, column: 'title' },
    shows: T('协助市场部', 'Help marketing'),
  },
  {
    rule: 'long-effect',
    bad: (l) => ({ rows: withRow(l, 'k2', { title: T('提升企业整体业务水平', 'Lift overall business performance')(l), current: null, due: null }) }),
    // same wording, but a value is already being tracked inside the cycle
    good: (l) => ({ rows: withRow(l, 'k2', { title: T('提升企业整体业务水平', 'Lift overall business performance')(l), current: 3, due: '2026-11-30' }) }),
    at: { row: 2, column: 'title' },
    shows: T('整体业务水平', 'overall business'),
  },
  {
    rule: 'end-game',
    bad: (l) => ({
      rows: [GOOD[l].o,
        { ...GOOD[l].k1, title: T('本月销售额达到 200 万元', 'Monthly revenue reaches $2M')(l) },
        { ...GOOD[l].k1, title: T('回款达到 150 万元', 'Sales bookings hit $1.5M')(l) }],
    }),
    good: (l) => ({
      rows: [GOOD[l].o,
        { ...GOOD[l].k1, title: T('本月销售额达到 200 万元', 'Monthly revenue reaches $2M')(l) },
        { ...GOOD[l].k1, title: T('新增终端门店 40 家', 'Open 40 new retail points of sale')(l) }],
    }),
    at: { row: 0, column: 'title' },
    shows: () => 'O1',
  },
  {
    rule: 'aligned-parent',
    ctx: { knownParents: new Set(['Company/O1', '公司/O1']) },
    bad: (l) => ({ rows: withRow(l, 'o', { alignsTo: T('公司/O9', 'Company/O9')(l) }) }),
    good: (l) => ({ rows: withRow(l, 'o', { alignsTo: T('公司 / O1', 'company/o1')(l) }) }),
    at: { row: 0, column: 'alignsTo' },
    shows: T('公司/O9', 'Company/O9'),
  },
  {
    rule: 'weights-total',
    bad: (l) => ({ rows: [GOOD[l].o, { ...GOOD[l].k1, weight: 0.5 }, { ...GOOD[l].k2, weight: 0.3 }] }),
    good: (l) => ({ rows: [GOOD[l].o, { ...GOOD[l].k1, weight: 0.6 }, { ...GOOD[l].k2, weight: 0.4 }] }),
    at: { row: 0, column: 'weight' },
    shows: () => '80%',
  },
  {
    rule: 'placeholder',
    bad: (l) => ({ rows: withRow(l, 'k1', { title: T('转化率提升到 XX%', 'Raise conversion to X%')(l) }) }),
    good: (l) => ({ rows: withRow(l, 'k1', { title: T('转化率提升到 12%', 'Raise conversion to 12%')(l) }) }),
    at: { row: 1, column: 'title' },
    shows: T('XX', 'X%'),
  },
  {
    rule: 'bottom-up-share',
    bad: (l) => ({ rows: [...objective(l, 1), ...withRowN(l, 2, { source: 'topDown' }), ...withRowN(l, 3, { source: 'topDown' })] }),
    good: (l) => ({ rows: [...objective(l, 1), ...objective(l, 2), ...withRowN(l, 3, { source: 'topDown' })] }),
    at: { row: null, column: 'source' },
    shows: () => '33.3%',
  },
  {
    rule: 'agreed',
    bad: (l) => ({ rows: withRow(l, 'o', { agreed: false }) }),
    good: (l) => ({ rows: good(l) }),
    at: { row: 0, column: 'agreed' },
    shows: () => 'O1',
  },
  {
    rule: 'duplicate-id',
    bad: (l) => ({ rows: withRow(l, 'k2', { id: 'O1.KR1' }) }),
    good: (l) => ({ rows: withRow(l, 'k2', { id: 'O1.KR9' }) }),
    at: { row: 2, column: 'id' },
    shows: () => 'O1.KR1',
  },
  {
    rule: 'orphan-kr',
    bad: (l) => ({ rows: [{ ...GOOD[l].k1, id: 'KR1' }, ...good(l)] }),
    good: (l) => ({ rows: [...good(l), { ...GOOD[l].k1, id: 'O1.KR3' }] }),
    at: { row: 0, column: 'id' },
    shows: () => 'KR1',
  },
  {
    rule: 'decrease-no-start',
    bad: (l) => ({ rows: withRow(l, 'k2', { start: null }) }),
    good: (l) => ({ rows: good(l) }),
    at: { row: 2, column: 'start' },
    shows: () => 'O1.KR2',
  },
  {
    rule: 'unreadable-number',
    bad: (l) => ({ rows: withRow(l, 'k1', { target: T('很多', 'abc')(l) }) }),
    good: (l) => ({ rows: withRow(l, 'k1', { target: 50 }) }),
    at: { row: 1, column: 'target' },
    shows: T('很多', 'abc'),
  },
  {
    rule: 'number-as-text',
    bad: (l) => ({ rows: withRow(l, 'k1', { target: T('500万', '2.5k')(l) }) }),
    good: (l) => ({ rows: withRow(l, 'k1', { target: 50 }) }),
    at: { row: 1, column: 'target' },
    shows: T('5000000', '2500'),
  },
  {
    rule: 'id-spaces',
    bad: (l) => ({ rows: withRow(l, 'k1', { id: ' O1.KR1' }) }),
    good: (l) => ({ rows: good(l) }),
    at: { row: 1, column: 'id' },
    shows: () => '␣O1.KR1',
  },
  {
    rule: 'no-id',
    bad: (l) => ({ rows: [...good(l), { id: '', current: 12 }] }),
    good: (l) => ({ rows: good(l) }),
    at: { row: 3, column: 'current' },
    shows: () => '12',
  },
  {
    rule: 'rubric-unreadable',
    bad: (l) => ({ rows: withRow(l, 'k1', { type: 'rubric', rubric: '≥50:1; 40 → 0.7' }) }),
    good: (l) => ({ rows: withRow(l, 'k1', { type: 'rubric', rubric: '≥50：1；>=40:0.7; ≥30:0.3' }) }),
    at: { row: 1, column: 'rubric' },
    shows: () => '40 → 0.7',
  },
  {
    rule: 'confidence-range',
    bad: (l) => ({ rows: withRow(l, 'k1', { confidence: 12 }) }),
    good: (l) => ({ rows: withRow(l, 'k1', { confidence: 10 }) }),
    at: { row: 1, column: 'confidence' },
    shows: () => '12',
  },
  {
    rule: 'self-score-range',
    bad: (l) => ({ rows: withRow(l, 'k1', { selfScore: 1.5 }) }),
    good: (l) => ({ rows: withRow(l, 'k1', { selfScore: 0.7 }) }),
    at: { row: 1, column: 'selfScore' },
    shows: () => '1.5',
  },
  {
    rule: 'manager-score-range',
    bad: (l) => ({ rows: withRow(l, 'k1', { managerScore: 7 }) }),
    good: (l) => ({ rows: withRow(l, 'k1', { managerScore: 0.7 }) }),
    at: { row: 1, column: 'managerScore' },
    shows: () => '7',
  },
  {
    // progress 1/3 (20 → 50, now 30) scores 0.3 linearly; the rubric gives 0.7 at 30
    rule: 'rubric-score-formula',
    bad: (l) => ({ rows: withRow(l, 'k1', { type: 'rubric', rubric: '≥45:1; ≥30:0.7; ≥25:0.3', progress: 1 / 3, score: 0.3 }) }),
    good: (l) => ({ rows: withRow(l, 'k1', { type: 'rubric', rubric: '≥45:1; ≥30:0.7; ≥25:0.3', progress: 1 / 3, score: 0.7 }) }),
    at: { row: 1, column: 'score' },
    shows: () => '0.3',
  },
];

function withRowN(lang: Lang, n: number, patch: R): R[] {
  const [o, ...rest] = objective(lang, n);
  return [{ ...o!, ...patch }, ...rest];
}

describe('every rule of the catalog has a case', () => {
  it('ids are kebab-case, unique, and each one is covered below', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(CASES.map((c) => c.rule).sort()).toEqual([...ids].sort());
  });
  it.each(['zh-CN', 'en'] as const)('a well-formed %s table has no findings at all', (lang) => {
    const fs = lintTable(sheet(lang, good(lang)), { knownParents: new Set() });
    expect(fs.map((f) => `${f.rule} ${findingMessage(f, 'en')}`)).toEqual([]);
  });
});

for (const c of CASES) {
  describe(c.rule, () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      it(`${lang}: flags the bad table`, () => {
        const b = c.bad(lang);
        const fs = of(lintTable(sheet(lang, b.rows, b.opts), c.ctx), c.rule);
        expect(fs.length).toBeGreaterThan(0);
        const f = fs[0]!;
        if (c.at) expect(f.at).toEqual(c.at);
        const msg = findingMessage(f, lang);
        expect(msg).not.toMatch(/\{\w+\}/);
        if (c.shows) expect(msg).toContain(c.shows(lang));
        if (lang === 'zh-CN') expect(msg).toMatch(/[\u4e00-\u9fff]/);
        else expect(msg).not.toMatch(/[\u4e00-\u9fff]/);
      });
      it(`${lang}: passes the good table`, () => {
        const g = c.good(lang);
        expect(of(lintTable(sheet(lang, g.rows, g.opts), c.ctx), c.rule)).toEqual([]);
      });
    }
  });
}

describe('rule details', () => {
  it('kr-count: no KRs is an error, more than four a warning, in both languages', () => {
    for (const l of ['zh-CN', 'en'] as const) {
      const none = of(lintTable(sheet(l, [GOOD[l].o])), 'kr-count');
      expect(none).toMatchObject([{ severity: 'error', variant: 'none' }]);
      const many = of(lintTable(sheet(l, [GOOD[l].o, GOOD[l].k1, GOOD[l].k1, GOOD[l].k1, GOOD[l].k1, GOOD[l].k1])), 'kr-count');
      expect(many).toMatchObject([{ severity: 'warning', variant: 'many', params: { count: 5 } }]);
      expect(findingMessage(many[0]!, l)).toContain('5');
    }
  });
  it('kr-measurable: a number written only in the text is pointed out, in both languages', () => {
    const zh = of(lintTable(sheet('zh-CN', withRow('zh-CN', 'k1', { title: '新签客户达到 50 家', start: null, target: null }))), 'kr-measurable');
    expect(zh).toMatchObject([{ variant: 'inText', params: { value: '50家' } }]);
    expect(findingMessage(zh[0]!, 'zh-CN')).toContain('50家');
    const en = of(lintTable(sheet('en', withRow('en', 'k1', { title: 'Raise NPS from 45 to 60', start: null, target: null }))), 'kr-measurable');
    expect(en).toMatchObject([{ variant: 'inText', params: { value: '60' } }]);
    expect(findingMessage(en[0]!, 'en')).toMatch(/Target column.*60/);
  });
  it('single-owner: a blank owner, and other separators', () => {
    const t = sheet('en', withRow('en', 'k1', { owner: null }));
    expect(of(lintTable(t), 'single-owner')).toMatchObject([{ variant: 'missing' }]);
    for (const owner of ['A/B', '张三,李四', '张三 李四', 'Ann & Bob']) {
      expect(of(lintTable(sheet('zh-CN', withRow('zh-CN', 'k1', { owner }))), 'single-owner')).toHaveLength(1);
    }
    expect(of(lintTable(sheet('en', withRow('en', 'k1', { owner: 'Mary-Jane Watson' }))), 'single-owner')).toHaveLength(0);
  });
  it('due-in-cycle: before the start is a warning, after the end an error; skipped without cycle dates', () => {
    const before = of(lintTable(sheet('zh-CN', withRow('zh-CN', 'k1', { due: '2026-09-01' }))), 'due-in-cycle');
    expect(before).toMatchObject([{ severity: 'warning' }]);
    const after = of(lintTable(sheet('zh-CN', withRow('zh-CN', 'k1', { due: '2027-01-15' }))), 'due-in-cycle');
    expect(after).toMatchObject([{ severity: 'error', variant: 'after' }]);
    expect(of(lintTable(sheet('en', withRow('en', 'k1', { due: '2027-01-15' }), { cycle: 'someday' })), 'due-in-cycle')).toEqual([]);
  });
  it('results-not-tasks: a numeric target counts as a measurable outcome', () => {
    const t = sheet('zh-CN', withRow('zh-CN', 'k1', { title: '组织客户沙龙', start: 0, target: 6 }));
    expect(of(lintTable(t), 'results-not-tasks')).toEqual([]);
    const t2 = sheet('en', withRow('en', 'k1', { title: 'Attend the trade fair', start: null, target: null }));
    expect(of(lintTable(t2), 'results-not-tasks')).toHaveLength(1);
  });
  it('aligned-parent is skipped without knownParents', () => {
    const t = sheet('en', withRow('en', 'o', { alignsTo: 'Nowhere/O1' }));
    expect(of(lintTable(t), 'aligned-parent')).toEqual([]);
  });
  it('weights-total: blanks with the given weights already at 100% are reported', () => {
    const t = sheet('en', [GOOD.en.o, { ...GOOD.en.k1, weight: 1 }, GOOD.en.k2]);
    expect(of(lintTable(t), 'weights-total')).toMatchObject([{ variant: 'blanksZero' }]);
    const t2 = sheet('en', [GOOD.en.o, { ...GOOD.en.k1, weight: 0.5 }, GOOD.en.k2]);
    expect(of(lintTable(t2), 'weights-total')).toEqual([]);
  });
  it('placeholder: 某 and XXXX in other columns; ordinary words are not placeholders', () => {
    expect(of(lintTable(sheet('zh-CN', withRow('zh-CN', 'k1', { owner: '某某' }))), 'placeholder')).toMatchObject([{ at: { column: 'owner' } }]);
    expect(of(lintTable(sheet('zh-CN', withRow('zh-CN', 'k1', { target: 'XXXX' }))), 'placeholder')).toMatchObject([{ at: { column: 'target' } }]);
    expect(of(lintTable(sheet('en', withRow('en', 'k1', { title: 'Ship the XXL size range to 40 stores' }))), 'placeholder')).toEqual([]);
  });
  it('bottom-up-share is not asked of a company-level sheet', () => {
    const rows = [...withRowN('en', 1, { source: 'topDown' }), ...withRowN('en', 2, { source: 'topDown' })];
    expect(of(lintTable(sheet('en', rows)), 'bottom-up-share')).toHaveLength(1);
    expect(of(lintTable(sheet('en', rows, { level: 'company' })), 'bottom-up-share')).toEqual([]);
  });
  it('self-score with two decimals is a warning', () => {
    const t = sheet('zh-CN', withRow('zh-CN', 'k1', { selfScore: 0.75 }));
    expect(of(lintTable(t), 'self-score-range')).toMatchObject([{ severity: 'warning', variant: 'decimals' }]);
  });
  it('unreadable-number names the column in the reader language, and covers dates', () => {
    const t = sheet('zh-CN', withRow('zh-CN', 'k1', { due: '下个月' }));
    const f = of(lintTable(t), 'unreadable-number');
    expect(f).toMatchObject([{ variant: 'date', at: { column: 'due' } }]);
    expect(findingMessage(f[0]!, 'zh-CN')).toContain('截止日期');
    expect(findingMessage(f[0]!, 'en')).toContain('Due');
  });
  it('number-as-text: every way people type numbers, with the number it would be', () => {
    const cases: [string, number][] = [['500万', 5000000], ['1.2亿', 120000000], ['¥2,000,000', 2000000], ['80%', 0.8], ['８０％', 0.8], ['2.5k', 2500]];
    for (const [text, n] of cases) {
      const f = of(lintTable(sheet('zh-CN', withRow('zh-CN', 'k1', { current: text }))), 'number-as-text');
      expect(f, text).toMatchObject([{ severity: 'error', at: { row: 1, column: 'current' }, params: { number: n } }]);
      expect(of(lintTable(sheet('zh-CN', withRow('zh-CN', 'k1', { current: text }))), 'unreadable-number')).toEqual([]);
    }
    const f = of(lintTable(sheet('zh-CN', withRow('zh-CN', 'k1', { target: '500万元' }))), 'number-as-text')[0]!;
    expect(findingMessage(f, 'zh-CN')).toBe('O1.KR1 的“目标值”是文字“500万元”，表格公式不会把它当作数字：请改填数字 5000000（元）');
    expect(findingMessage(f, 'en')).toContain('enter the number 5000000');
  });
  it('no-id: a stray value in a spare row is a finding, the row is no KR', () => {
    const t = sheet('en', [...good('en'), { id: '', type: 'increase', title: 'forgot the ID', target: 5 }]);
    expect(of(lintTable(t), 'no-id')).toMatchObject([{ severity: 'error', at: { row: 3, column: 'type' } }]);
    expect(of(lintTable(t), 'kr-measurable')).toEqual([]);
  });
  it('rubric-unreadable: empty, too many steps, mixed directions, a rubric on another type', () => {
    const v = (patch: R) => of(lintTable(sheet('en', withRow('en', 'k1', patch))), 'rubric-unreadable').map((f) => [f.variant ?? 'step', f.severity]);
    expect(v({ type: 'rubric', rubric: null })).toEqual([['empty', 'error']]);
    expect(v({ type: 'rubric', rubric: '≥5:1;≥4:0.8;≥3:0.6;≥2:0.4;≥1:0.2' })).toEqual([['tooMany', 'error']]);
    expect(v({ type: 'rubric', rubric: '≥5:1; ≤3:0.5' })).toEqual([['mixed', 'error']]);
    expect(v({ type: 'increase', rubric: '≥5:1' })).toEqual([['unused', 'warning']]);
    expect(v({ type: 'rubric', rubric: '≤2:1; ≤3:0.7; ≤5:0.3;' })).toEqual([]);
  });
  it('findings are ordered by row and `only` restricts the rules', () => {
    const t = sheet('en', [{ ...GOOD.en.k1, id: 'KR1' }, GOOD.en.o, { ...GOOD.en.k1, owner: null, confidence: 0 }]);
    const fs = lintTable(t);
    const rows = fs.map((f) => f.at.row ?? -1);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(lintTable(t, { only: ['orphan-kr'] }).map((f) => f.rule)).toEqual(['orphan-kr']);
    expect(ruleById('orphan-kr')!.severity).toBe('error');
  });
});
