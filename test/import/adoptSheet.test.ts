import { describe, expect, it } from 'vitest';
import { adoptFromSnapshot, adoptSheet } from '../../src/core/importtext';
import type { WorkbookSnapshot } from '../../src/core/snapshot';

const titles = (r: ReturnType<typeof adoptSheet>) => (r.ok ? r.objectives.map((o) => [o.title, o.keyResults.map((k) => k.title)]) : r.message.en);

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

describe('adoptSheet: a team\'s own OKR table in another layout', () => {
  it('reads one row per KR with the objective repeated, English headers, and keeps values', () => {
    const values = deepFreeze([
      ['Team OKRs — Q3', '', '', '', '', ''],
      ['', '', '', '', '', ''],
      ['Objective', 'Key Result', 'Owner', 'Target', 'Current', 'Score'],
      ['Grow self-serve', 'Trial conversion from 12% to 18%', 'Amy', '18%', 0.15, 0.5],
      ['Grow self-serve', 'Launch pricing page by Aug 1', 'Ben', '', '', 1],
      ['Keep customers', 'Monthly churn at most 2%', 'Cleo', 0.02, 0.025, 0.3],
    ]);
    const r = adoptSheet({ values });
    expect(titles(r)).toEqual([
      ['Grow self-serve', ['Trial conversion from 12% to 18%', 'Launch pricing page by Aug 1']],
      ['Keep customers', ['Monthly churn at most 2%']],
    ]);
    if (!r.ok) throw new Error('not ok');
    expect(r.headerRow).toBe(2);
    expect(r.mapping.map((m) => m.role)).toEqual(['objective', 'kr', 'owner', 'target', 'current', 'score']);
    const kr = r.objectives[0]!.keyResults[0]!;
    expect([kr.owner, kr.values]).toEqual(['Amy', { target: 0.18, current: 0.15, score: 0.5 }]);
    expect(r.objectives[1]!.keyResults[0]!.type).toBe('atMost');
    expect(r.explanation.en).toBe('objective ← column A (Objective); key result ← column B (Key Result); owner ← column C (Owner); target ← column D (Target); current ← column E (Current); score ← column F (Score)');
  });

  it('reads the objective merged or blank below its first row, Chinese headers, weights as fractions', () => {
    const values = [
      ['目标', '关键结果', '负责人', '权重', '截止日期'],
      ['提升客户满意度', 'NPS 从 42 提升到 55', '王芳', '40%', new Date(2026, 8, 30)],
      ['', '首次响应时间缩短至 30 秒以内', '李雷', '60', ''],
      ['降低服务成本', '自助解决率达到 50%', '陈晨', 1, '2026/12/31'],
    ];
    const r = adoptSheet({ values });
    expect(titles(r)).toEqual([
      ['提升客户满意度', ['NPS 从 42 提升到 55', '首次响应时间缩短至 30 秒以内']],
      ['降低服务成本', ['自助解决率达到 50%']],
    ]);
    if (!r.ok) throw new Error('not ok');
    expect(r.objectives[0]!.keyResults.map((k) => [k.values?.weight, k.due])).toEqual([
      [0.4, '2026-09-30'],
      [0.6, null],
    ]);
    expect(r.objectives[1]!.keyResults[0]!.due).toBe('2026-12-31');
  });

  it('reads objective rows and KR rows interleaved (objective on its own row)', () => {
    const values = [
      ['目标', '关键结果', '负责人', '得分'],
      ['O1 让新客户一周内用起来', '', '赵敏', 0.6],
      ['', 'KR1 7 日激活率从 40% 提升到 65%', '赵敏', 0.7],
      ['', 'KR2 上线新手引导', '孙杰', 0.5],
      ['O2 减少客户流失', '', '孙杰', ''],
      ['', 'KR1 月流失率低于 1.5%', '孙杰', ''],
    ];
    const r = adoptSheet({ values });
    expect(titles(r)).toEqual([
      ['让新客户一周内用起来', ['7 日激活率从 40% 提升到 65%', '上线新手引导']],
      ['减少客户流失', ['月流失率低于 1.5%']],
    ]);
    if (!r.ok) throw new Error('not ok');
    expect([r.objectives[0]!.owner, r.objectives[0]!.values?.score]).toEqual(['赵敏', 0.6]);
  });

  it('reads Google\'s grading-sheet style: one text column with objective and KR rows, a grade column', () => {
    const values = [
      ['Objectives & Key Results', 'Grade', 'Comments'],
      ['Objective 1: Launch the new pricing', 0.7, ''],
      ['KR 1.1: Publish new price pages by July 1', 1, 'done early'],
      ['KR 1.2: Move 40% of customers to the new plans', 0.5, ''],
      ['Objective 2: Improve the trial', 0.4, ''],
      ['KR 2.1: Trial-to-paid conversion from 6% to 9%', 0.4, ''],
    ];
    const r = adoptSheet({ values });
    expect(titles(r)).toEqual([
      ['Launch the new pricing', ['Publish new price pages by July 1', 'Move 40% of customers to the new plans']],
      ['Improve the trial', ['Trial-to-paid conversion from 6% to 9%']],
    ]);
    if (!r.ok) throw new Error('not ok');
    expect(r.mapping.map((m) => m.role)).toEqual(['okr', 'score', 'notes']);
    expect(r.objectives[0]!.keyResults[0]!).toMatchObject({ notes: ['done early'], values: { score: 1 } });
    expect(r.objectives[0]!.values?.score).toBe(0.7);
  });

  it('reads an ID | Type | Title layout, a KR column of IDs with a description column, and keeps unknown columns as notes', () => {
    const typed = adoptSheet({
      values: [
        ['编号', '类型', '内容', '负责人', '季度备选'],
        ['O1', '目标', '提升供应链稳定性', '高峰', ''],
        ['O1.KR1', '不高于', '核心物料断货次数不超过 2 次', '高峰', '华东仓先行'],
      ],
    });
    expect(titles(typed)).toEqual([['提升供应链稳定性', ['核心物料断货次数不超过 2 次']]]);
    if (!typed.ok) throw new Error('not ok');
    expect(typed.objectives[0]!.keyResults[0]!).toMatchObject({ type: 'atMost', notes: ['季度备选: 华东仓先行'] });
    expect(typed.explanation['zh-CN']).toContain('其他列作为备注保留：季度备选');

    const ids = adoptSheet({
      values: [
        ['目标', 'KR', '描述', '完成标准', '权重'],
        ['提升线上转化', 'KR1', '落地页转化率从 2.1% 提升到 3%', '连续 4 周达标', '40%'],
        ['', 'KR2', '9月15日前上线新版结算页', '全量发布', '60%'],
      ],
    });
    expect(titles(ids)).toEqual([['提升线上转化', ['落地页转化率从 2.1% 提升到 3%', '9月15日前上线新版结算页']]]);
    if (!ids.ok) throw new Error('not ok');
    expect(ids.objectives[0]!.keyResults[1]!.values).toEqual({ criteria: '全量发布', weight: 0.6 });
  });

  it('keeps the team\'s own formulas as values, with a note saying so', () => {
    const r = adoptSheet({
      values: [
        ['Objective', 'Key result', 'Target', 'Current', 'Progress'],
        ['Grow', 'Leads from 100 to 300', 300, 180, 0.4],
      ],
      formulas: [
        ['', '', '', '', ''],
        ['', '', '', '', '=(D2-100)/(C2-100)'],
      ],
      lang: 'en',
    });
    if (!r.ok) throw new Error('not ok');
    const kr = r.objectives[0]!.keyResults[0]!;
    expect(kr.values).toEqual({ target: 300, current: 180, progress: 0.4 });
    expect(kr.notes).toEqual(['Progress: was the formula =(D2-100)/(C2-100), kept as the value 0.4']);
  });

  it('says clearly when there is no OKR table, naming what it looked for', () => {
    const none = adoptSheet({ values: [['Name', 'Email'], ['Amy', 'amy@example.com']] });
    expect(none.ok).toBe(false);
    if (none.ok) return;
    expect(none.message.en).toMatch(/^No OKR table found \(looked in the first 2 rows for a header naming Objective/);
    expect(none.message['zh-CN']).toMatch(/^没有找到 OKR 表格/);
    const empty = adoptSheet({ values: [['Objective', 'Key result', 'Owner']] });
    expect(empty).toMatchObject({ ok: false, message: { en: 'Found the header (row 1) but no objectives or key results below it' } });
    expect(adoptSheet({ values: [] }).ok).toBe(false);
  });
});

describe('adoptFromSnapshot: the sidebar\'s "adopt this sheet"', () => {
  const snapshot = (activeSheet?: string): WorkbookSnapshot => ({
    name: 'Team',
    timeZone: 'Asia/Shanghai',
    asOf: '2026-07-01',
    ...(activeSheet ? { activeSheet } : {}),
    sheets: [
      { name: 'OKR 2026-Q3', metaRole: 'okr', values: [['目标', '关键结果', '负责人'], ['ours', 'already ours', 'x']] },
      { name: 'Notes', metaRole: null, values: [['hello']] },
      { name: 'Tracker', metaRole: null, values: [['Objective', 'Key result', 'Owner'], ['Grow', 'Close 20 deals', 'Amy']], formulas: [['', '', ''], ['', '', '']] },
    ],
  });

  it('adopts the open sheet, or else the first user sheet holding an OKR table (never one of ours)', () => {
    const open = adoptFromSnapshot(snapshot('Tracker'));
    expect([open.ok, open.sheet]).toEqual([true, 'Tracker']);
    const any = adoptFromSnapshot(snapshot());
    expect([any.ok, any.sheet]).toEqual([true, 'Tracker']);
    const notes = adoptFromSnapshot(snapshot('Notes'), { lang: 'en' });
    expect(notes.ok).toBe(false);
    expect(notes.sheet).toBeNull();
    expect(adoptFromSnapshot(snapshot('OKR 2026-Q3')).ok).toBe(false);
  });
});
