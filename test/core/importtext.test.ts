import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseOkrText, type ImportedOkrs } from '../../src/core/importtext';

const titles = (r: ImportedOkrs) => r.objectives.map((o) => [o.title, o.keyResults.map((k) => k.title)]);

describe('parseOkrText', () => {
  it('reads labelled Chinese OKRs pasted from a document, keeping section titles as notes', () => {
    const text = [
      '二、人力资源部的 OKR',
      '  1. 招聘主管 OKR',
      '  • 目标（O）：加快招聘，保障新产品线按期组建团队。',
      '  • 关键结果（KR）',
      '  • KR1：12 月 15 日前，新入职 30 人。',
      '  • KR2：试用期转正率不低于 85%。',
      '  1. 招聘专员 OKR',
      '  • 目标(O)：打开新的招聘来源',
      '  • KR1：新开拓三家校招合作院校',
      '    负责人：李娜',
      '  评分：0.7',
    ].join('\n');
    const r = parseOkrText(text);
    expect(titles(r)).toEqual([
      ['加快招聘，保障新产品线按期组建团队', ['12 月 15 日前，新入职 30 人', '试用期转正率不低于 85%']],
      ['打开新的招聘来源', ['新开拓三家校招合作院校']],
    ]);
    expect(r.notes).toEqual(['二、人力资源部的 OKR', '1. 招聘主管 OKR']);
    expect(r.objectives[0]!.notes).toEqual(['1. 招聘专员 OKR']);
    expect(r.objectives[1]!.notes).toEqual(['评分：0.7']);
    expect(r.objectives[1]!.keyResults[0]!.owner).toBe('李娜');
    expect(r.objectives[0]!.keyResults[0]!.parsed).toMatchObject({ target: 30, unit: '人', deadline: '12-15' });
    expect(r.objectives[0]!.keyResults[1]!.parsed).toMatchObject({ target: 0.85, krType: 'atLeast' });
    expect(r.objectives[1]!.keyResults[0]!.parsed).toMatchObject({ target: 3, unit: '家' });
  });

  it('accepts every objective and KR label form, with full- and half-width colons', () => {
    const text = [
      'O1: Grow self-serve revenue',
      'KR1: Raise trial conversion from 12% to 18%',
      'O：降低采购成本',
      'KR：采购单价平均降低 8%',
      '目标1：缩短结账周期',
      '关键结果1：月结由 8 天缩短至 5 天',
      '目标 2（O2）：提升报表质量',
      'O2.KR1: 报表差错不超过 2 次',
      'Objective 3 - Ship the partner portal',
      'Key result 2: Launch the portal by end of quarter',
      '### O4 Hire a data team',
      'KR 1 - Hire 5 data engineers by Dec 15',
    ].join('\n');
    expect(titles(parseOkrText(text))).toEqual([
      ['Grow self-serve revenue', ['Raise trial conversion from 12% to 18%']],
      ['降低采购成本', ['采购单价平均降低 8%']],
      ['缩短结账周期', ['月结由 8 天缩短至 5 天']],
      ['提升报表质量', ['报表差错不超过 2 次']],
      ['Ship the partner portal', ['Launch the portal by end of quarter']],
      ['Hire a data team', ['Hire 5 data engineers by Dec 15']],
    ]);
  });

  it('reads bracketed and Chinese-numbered labels', () => {
    const r = parseOkrText(['【O1】提升客户满意度', '【KR1】NPS 从 45 提升到 60', '目标一：降低采购成本', '关键结果一：采购单价降低 8%'].join('\n'));
    expect(titles(r)).toEqual([
      ['提升客户满意度', ['NPS 从 45 提升到 60']],
      ['降低采购成本', ['采购单价降低 8%']],
    ]);
  });

  it('reads rows copied from a spreadsheet by their ID cell', () => {
    const text = ['ID\tType\tTitle\tOwner', 'O1\tObjective\tGrow recurring revenue\tAmy', 'O1.KR1\tIncrease\tRaise ARR from $1M to $2M\tBen', 'O1.KR2\t里程碑\t上线自助续费\t'].join('\n');
    const r = parseOkrText(text);
    expect(titles(r)).toEqual([['Grow recurring revenue', ['Raise ARR from $1M to $2M', '上线自助续费']]]);
    // the header row maps the columns by meaning, so the owners come along
    expect(r.notes).toEqual([]);
    expect(r.objectives[0]!.owner).toBe('Amy');
    expect(r.objectives[0]!.keyResults.map((k) => [k.owner, k.type])).toEqual([
      ['Ben', 'increase'],
      [null, 'milestone'],
    ]);
    expect(r.objectives[0]!.keyResults[0]!.parsed).toMatchObject({ start: 1000000, target: 2000000, unit: '$' });
    expect(r.objectives[0]!.keyResults[1]!.parsed.kind).toBe('milestone');
  });

  it('reads markdown table rows by their ID cell and "#" numbers', () => {
    const text = ['| ID | Title | Owner |', '|---|:---|---|', '| O1 | Speed up month-end close | Eva |', '| O1.KR1 | Close the books within 5 working days | Eva |', 'Objective #2: Tidy vendor data', 'KR #1: Merge duplicate vendor records by end of month'].join('\n');
    const r = parseOkrText(text);
    expect(titles(r)).toEqual([
      ['Speed up month-end close', ['Close the books within 5 working days']],
      ['Tidy vendor data', ['Merge duplicate vendor records by end of month']],
    ]);
    expect(r.notes).toEqual([]);
    expect(r.objectives[0]!.keyResults[0]!.owner).toBe('Eva');
  });

  it('reads bullets and numbered lists under an objective as KRs, and keeps notes out of them', () => {
    const text = [
      'Our Q4 plan for the growth team. Draft — comments welcome.',
      '',
      '## O1 Make onboarding effortless',
      '- Raise activation from 30% to 45%',
      '  Owner: Alice',
      '* Launch the setup wizard by end of quarter (owner: Bob)',
      '• Status: on track',
      '',
      'Objective 2 - Build a pipeline sales can rely on',
      'Owner: Carol',
      '1. Generate 400 qualified leads',
      '2) Keep CAC under $300',
      '（3）新签 KA 客户 2 家',
      'Score: 0.6',
    ].join('\n');
    const r = parseOkrText(text);
    expect(titles(r)).toEqual([
      ['Make onboarding effortless', ['Raise activation from 30% to 45%', 'Launch the setup wizard by end of quarter']],
      ['Build a pipeline sales can rely on', ['Generate 400 qualified leads', 'Keep CAC under $300', '新签 KA 客户 2 家']],
    ]);
    expect(r.notes).toEqual(['Our Q4 plan for the growth team. Draft — comments welcome.']);
    expect(r.objectives[0]!.keyResults.map((k) => k.owner)).toEqual(['Alice', 'Bob']);
    expect(r.objectives[0]!.notes).toEqual(['• Status: on track']);
    expect(r.objectives[1]!.owner).toBe('Carol');
    expect(r.objectives[1]!.notes).toEqual(['Score: 0.6']);
    expect(r.objectives[1]!.keyResults[1]!.parsed).toMatchObject({ target: 300, unit: '$', krType: 'atMost' });
  });

  it('reads an unlabelled nested list: items with children are objectives', () => {
    const text = ['1. 提升客户满意度', '   - NPS 从 45 提升到 60', '   - 投诉率低于 1%', '2. 降本增效', '   - 采购成本降低 10%', '3. 随手记一条'].join('\n');
    const r = parseOkrText(text);
    expect(titles(r)).toEqual([
      ['提升客户满意度', ['NPS 从 45 提升到 60', '投诉率低于 1%']],
      ['降本增效', ['采购成本降低 10%']],
    ]);
    expect(r.notes).toEqual(['3. 随手记一条']);
  });

  it('reads an owner written at the end of a title', () => {
    const r = parseOkrText(['O1：提升交付质量，负责人：陈晨', 'KR1：线上故障不超过 2 次 负责人：吴昊', 'KR2: Ship the release checklist - owner: Dana', 'KR3: 回归测试自动化率 70%（负责人：孙丽）'].join('\n'));
    expect(r.objectives[0]!.title).toBe('提升交付质量');
    expect(r.objectives[0]!.owner).toBe('陈晨');
    expect(r.objectives[0]!.keyResults.map((k) => [k.title, k.owner])).toEqual([
      ['线上故障不超过 2 次', '吴昊'],
      ['Ship the release checklist', 'Dana'],
      ['回归测试自动化率 70%', '孙丽'],
    ]);
  });

  it('keeps an owner line that follows nothing, and scoring lines, as notes', () => {
    const r = parseOkrText(['负责人：王五', 'O1：优化供应商结构', '评分：0.7', '负责人：赵六', 'KR1：新增至少 4 家合格供应商'].join('\n'));
    expect(r.notes).toEqual(['负责人：王五']);
    expect(r.objectives[0]!.owner).toBeNull();
    expect(r.objectives[0]!.notes).toEqual(['评分：0.7', '负责人：赵六']);
    expect(r.objectives[0]!.keyResults[0]!.parsed).toMatchObject({ target: 4, krType: 'atLeast' });
  });

  it('takes plain lines under an objective as KRs only when they are measurable', () => {
    const r = parseOkrText(['目标：提升招聘效率', '招聘周期缩短到 30 天', '这个目标是大家开会一起定的，主要考虑明年的扩张', '到岗 40 人'].join('\n'));
    expect(titles(r)).toEqual([['提升招聘效率', ['招聘周期缩短到 30 天', '到岗 40 人']]]);
    expect(r.objectives[0]!.notes).toEqual(['这个目标是大家开会一起定的，主要考虑明年的扩张']);
  });

  it('puts KRs that come before any objective under an untitled objective', () => {
    const r = parseOkrText('KR1: Close 10 deals\nKR2: Keep churn below 2%');
    expect(titles(r)).toEqual([['', ['Close 10 deals', 'Keep churn below 2%']]]);
  });

  it('keeps a labelled question without a number as a note', () => {
    const r = parseOkrText(['O：今年把渠道收入做上去', 'KR：用什么来衡量呢？先列出来', 'KR1：新增有效渠道不少于 30 家', 'KR2: Are we on track? 80% of partners active'].join('\n'));
    expect(titles(r)).toEqual([['今年把渠道收入做上去', ['新增有效渠道不少于 30 家', 'Are we on track? 80% of partners active']]]);
    expect(r.objectives[0]!.notes).toEqual(['KR：用什么来衡量呢？先列出来']);
  });

  it('reads full-width labels and digits and CRLF line ends, keeping the user text as typed', () => {
    const r = parseOkrText('Ｏ１：提升交付质量\r\nＫＲ１：线上故障不超过２次\r\n\r\n  ＫＲ２：发布回滚率低于５％\r\n');
    expect(titles(r)).toEqual([['提升交付质量', ['线上故障不超过２次', '发布回滚率低于５％']]]);
    expect(r.objectives[0]!.keyResults.map((k) => [k.parsed.target, k.parsed.krType])).toEqual([
      [2, 'atMost'],
      [0.05, 'atMost'],
    ]);
  });

  it('does not mistake prose for labels', () => {
    const r = parseOkrText('Objectives and key results help teams focus.\nOKR：一种目标管理方法\n目标用于明确方向');
    expect(r.objectives).toEqual([]);
    expect(r.notes).toHaveLength(3);
  });

  it('returns nothing for empty or non-string input and never throws (property)', () => {
    expect(parseOkrText('')).toMatchObject({ objectives: [], notes: [], error: { code: 'empty' } });
    expect(parseOkrText('  \n ')).toMatchObject({ objectives: [], error: { code: 'empty' } });
    expect(parseOkrText(undefined)).toMatchObject({ objectives: [], notes: [], error: { code: 'notText' } });
    const piece = fc.constantFrom('O1: ', 'KR1：', '- ', '  * ', '1. ', '## ', '负责人：', '评分：0.7', '\n', '提升 20%', 'x', '目标（O）', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (s) => {
        const r = parseOkrText(s);
        for (const o of r.objectives) for (const k of o.keyResults) expect(typeof k.title).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('qualified score / status lines', () => {
  it('keeps "上季度得分：0.6", "Q3 score: 0.7", "Final score: 0.8" as notes, never KRs', () => {
    const zh = parseOkrText('O2：优化新员工入职体验\n1. 95% 的新员工在 30 天内完成入职培训\n2. 新员工 90 天流失率不高于 5%\n上季度得分：0.6\n- 本月进度：60%');
    expect(zh.objectives[0]!.keyResults.map((k) => k.title)).toEqual(['95% 的新员工在 30 天内完成入职培训', '新员工 90 天流失率不高于 5%']);
    expect(zh.objectives[0]!.notes).toEqual(['上季度得分：0.6', '- 本月进度：60%']);
    const en = parseOkrText('O1: Grow pipeline\n- Leads from 120 to 250\n- Q3 score: 0.7\nFinal score: 0.8\n- Last quarter\'s status: on track');
    expect(en.objectives[0]!.keyResults.map((k) => k.title)).toEqual(['Leads from 120 to 250']);
    expect(en.objectives[0]!.notes).toHaveLength(3);
    // a KR whose subject merely ends in 评分 is still a KR
    const kr = parseOkrText('O1：提升服务\nKR1：客户满意度评分：从 4.2 提升到 4.6');
    expect(kr.objectives[0]!.keyResults).toHaveLength(1);
  });
});
