import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_IMPORT_CHARS, parseOkrText } from '../../src/core/importtext';

const titles = (r: ReturnType<typeof parseOkrText>) => r.objectives.map((o) => [o.title, o.keyResults.map((k) => k.title)]);

const TEAMS = [
  '## 销售部',
  '**提升回款效率**',
  '- 应收账款周转天数从 75 天缩短到 60 天',
  '- 逾期欠款降至 50 万元以下',
  '**拓展医疗行业**',
  '- 新签医疗行业客户 5 家',
  '## 市场部',
  '**提升品牌知名度**',
  '- 公众号粉丝增长到 5 万',
].join('\n');

describe('the structure is chosen from the whole document, explained, and switchable', () => {
  it('chooses the bold lines over the ## headings when the bullets sit under the bold lines', () => {
    const r = parseOkrText(TEAMS);
    expect(r.structure!.objectiveLevel).toBe('bold');
    expect(r.structure!.explanation).toEqual({
      'zh-CN': '目标：加粗的行；关键结果：其下的项目符号项（- •）',
      en: 'objectives: the bold lines; key results: the bullets (- •) under them',
    });
    expect(titles(r)).toEqual([
      ['提升回款效率', ['应收账款周转天数从 75 天缩短到 60 天', '逾期欠款降至 50 万元以下']],
      ['拓展医疗行业', ['新签医疗行业客户 5 家']],
      ['提升品牌知名度', ['公众号粉丝增长到 5 万']],
    ]);
    expect(r.notes).toEqual(['## 销售部', '## 市场部']);
  });

  it('offers the other readings, and one switch (objectiveLevel) applies one', () => {
    const r = parseOkrText(TEAMS);
    expect(r.structure!.alternatives.map((a) => [a.objectiveLevel, a.objectives, a.keyResults])).toEqual([['h2', 2, 3]]);
    const switched = parseOkrText(TEAMS, { objectiveLevel: 'h2' });
    expect(switched.structure!.objectiveLevel).toBe('h2');
    expect(switched.structure!.explanation.en).toBe('objectives: the `##` headings; key results: the bold lines under them');
    expect(titles(switched)).toEqual([
      ['销售部', ['提升回款效率', '拓展医疗行业']],
      ['市场部', ['提升品牌知名度']],
    ]);
    // the bullets under a KR are its notes, not lost
    expect(switched.objectives[0]!.keyResults[0]!.notes).toEqual(['应收账款周转天数从 75 天缩短到 60 天', '逾期欠款降至 50 万元以下']);
    // the switch back is offered too
    expect(switched.structure!.alternatives.map((a) => a.objectiveLevel)).toContain('bold');
    // an unknown level is ignored: the automatic choice stands
    expect(parseOkrText(TEAMS, { objectiveLevel: 'h5' }).structure!.objectiveLevel).toBe('bold');
  });

  it('names labels as labels, and headings carry objectives when nothing is labelled', () => {
    const labelled = parseOkrText('O1: Grow revenue\nKR1: Close 20 deals\nKR2: ARR from $1M to $2M');
    expect(labelled.structure!.objectiveLevel).toBe('label');
    expect(labelled.structure!.explanation.en).toBe('objectives: the lines labelled O1 / Objective; key results: the lines labelled KR');
    const md = parseOkrText('# Q3 2026 OKRs\n## Grow revenue\n- Close 20 deals\n- ARR from $1M to $2M\n## Hire\n- Hire 5 engineers');
    expect(md.structure!.explanation['zh-CN']).toBe('目标：`##` 标题；关键结果：其下的项目符号项（- •）');
    expect(md.cycle).toBe('2026-Q3');
  });

  it('keeps a KR\'s sub-bullets as its notes, and section words out of the items', () => {
    const r = parseOkrText(['## Objectives and key results', '- Launch in Spain', '  - Sign 3 resellers by June 30', '    - start with Madrid', '  - 200 paying customers', 'Key results:'].join('\n'));
    expect(titles(r)).toEqual([['Launch in Spain', ['Sign 3 resellers by June 30', '200 paying customers']]]);
    expect(r.objectives[0]!.keyResults[0]!.notes).toEqual(['start with Madrid']);
    expect(r.notes).toEqual([]);
  });

  it('reads owners after a dash or @, deadlines into due (in the cycle), and the KR type', () => {
    const r = parseOkrText(['市场部 2026年Q4 OKR', '负责人：刘洋', '## 提升品牌影响力', '- 11月30日前上线品牌新官网 - 王芳', '- 粉丝从 2 万增长到 5 万 @李雷', '- 投诉率不超过 1%'].join('\n'));
    expect([r.unit, r.owner, r.cycle]).toEqual(['市场部', '刘洋', '2026-Q4']);
    expect(r.objectives[0]!.keyResults.map((k) => [k.title, k.owner, k.due, k.type])).toEqual([
      ['11月30日前上线品牌新官网', '王芳', '2026-11-30', 'milestone'],
      ['粉丝从 2 万增长到 5 万', '李雷', null, 'increase'],
      ['投诉率不超过 1%', null, null, 'atMost'],
    ]);
    // a dash before a verb is part of the sentence, not an owner
    const verb = parseOkrText('O1: Ship\n- Beta for partners - launch by May 15');
    expect(verb.objectives[0]!.keyResults[0]!.owner).toBeNull();
  });
});

describe('bad input', () => {
  it('names what was looked for when no OKRs are found, in both languages', () => {
    const r = parseOkrText('Lunch is at noon.\nThe printer on floor 3 is broken again.');
    expect(r.objectives).toEqual([]);
    expect(r.error!.code).toBe('noOkrs');
    expect(r.error!.message.en).toMatch(/Looked for lines labelled O1/);
    expect(r.error!.message['zh-CN']).toMatch(/找过：标有 O1/);
    expect(r.notes).toHaveLength(2);
  });

  it('does not take an agenda for OKRs (no KR states a number or a deliverable), but offers the reading', () => {
    const agenda = '## Agenda\n- Review last week\n  - sales numbers\n- Plan next sprint\n  - who does what';
    const r = parseOkrText(agenda);
    expect(r.objectives).toEqual([]);
    expect(r.error!.code).toBe('noOkrs');
    expect(r.structure!.alternatives.map((a) => a.objectiveLevel)).toContain('bullet-1');
    expect(titles(parseOkrText(agenda, { objectiveLevel: 'bullet-1' }))).toEqual([
      ['Review last week', ['sales numbers']],
      ['Plan next sprint', ['who does what']],
    ]);
  });

  it('refuses text over the limit, saying the limit, without reading it', () => {
    const r = parseOkrText('x'.repeat(MAX_IMPORT_CHARS + 1));
    expect(r.error!.code).toBe('tooLarge');
    expect(r.error!.message.en).toContain('2,000,000');
    expect(r.error!.message['zh-CN']).toContain('上限 2,000,000');
  });

  it('reads a 1 MB document in one pass (the time is in bench/import.bench.ts)', () => {
    const parts: string[] = [];
    for (let i = 0, n = 0; n < 1_000_000; i++) {
      parts.push(`## 提升第 ${i} 条业务线的交付质量\n- 客户满意度从 40 提升到 ${50 + (i % 40)} - 张三\n- 上线新版官网 @Alice\n  - 备注 ${i}`);
      n += parts.at(-1)!.length + 1;
    }
    const r = parseOkrText(parts.join('\n'));
    expect(r.error).toBeUndefined();
    expect(r.objectives.length).toBe(parts.length);
    expect(r.objectives.at(-1)!.keyResults.map((k) => k.owner)).toEqual(['张三', 'Alice']);
  });

  it('never throws on arbitrary markup and always explains what it did (property)', () => {
    const piece = fc.constantFrom('## ', '**', '- ', '  - ', '1. ', '一、', '（一）', '① ', '| ', '\t', '> ', '🎯 ', 'Objective:', '关键结果：', '\n', '提升 20%', 'x', '---', '@Amy', '2026 Q3 OKR');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), (s) => {
        const r = parseOkrText(s);
        if (r.objectives.length) expect(r.structure!.explanation.en).toMatch(/^objectives: /);
        else expect(r.error).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('pasted HTML', () => {
  it('reads a page source as its headings and list items, but leaves a sentence holding a tag as typed', () => {
    const page = parseOkrText('<h2>提升客户成功能力</h2>\n<ul><li>客户健康分覆盖率 100%</li><li>续约率 &gt; 90%</li></ul>');
    expect(titles(page)).toEqual([['提升客户成功能力', ['客户健康分覆盖率 100%', '续约率 > 90%']]]);
    const evil = '<img src=x onerror=alert(1)>';
    const typed = parseOkrText(`O: ${evil}\nKR1: ${evil} from 1 to 2`);
    expect(titles(typed)).toEqual([[evil, [`${evil} from 1 to 2`]]]);
  });
});
