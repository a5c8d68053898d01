import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KR_PARSE_ERRORS, MAX_KR_CHARS, krType, parseKrText, type ParsedKr } from '../../src/core/krtext';

type Expect = Partial<ParsedKr>;

describe('parseKrText: the sentences the design names', () => {
  it('将采购周期由 1.5 天缩短至 1 天', () => {
    expect(parseKrText('将采购周期由 1.5 天缩短至 1 天')).toEqual({
      kind: 'metric', direction: 'decrease', start: 1.5, target: 1, unit: '天', relative: false,
      deadline: null, placeholder: false, krType: 'decrease',
    });
  });
  it('Raise NPS from 45 to 60', () => {
    expect(parseKrText('Raise NPS from 45 to 60')).toMatchObject({
      kind: 'metric', direction: 'increase', start: 45, target: 60, relative: false, krType: 'increase',
    });
  });
  it('新员工试用期通过率 80%', () => {
    expect(parseKrText('新员工试用期通过率 80%')).toMatchObject({ kind: 'metric', target: 0.8, unit: '%', start: null });
  });
  it('拓展五家新的招聘渠道', () => {
    expect(parseKrText('拓展五家新的招聘渠道')).toMatchObject({ kind: 'metric', target: 5, unit: '家' });
  });
  it('月底前上线一个新的 SEO 网站', () => {
    expect(parseKrText('月底前上线一个新的 SEO 网站')).toEqual({
      kind: 'milestone', direction: null, start: null, target: null, unit: null, relative: false,
      deadline: 'end-of-month', placeholder: false, krType: 'milestone',
    });
  });
});

// Realistic KRs per department, written for these tests (HR, finance, R&D, marketing, sales,
// procurement), in both languages. Each row states only what the sentence says.
const CASES: [string, Expect][] = [
  // HR / 人力资源
  ['KR1：季度内招聘到岗 12 名后端工程师', { kind: 'metric', target: 12, unit: '名', deadline: 'end-of-quarter', krType: 'increase' }],
  ['关键结果2：新人 90 天留存率不低于 85%', { kind: 'metric', target: 0.85, unit: '%', krType: 'atLeast' }],
  ['把平均招聘周期从 45 天压缩到 30 天', { direction: 'decrease', start: 45, target: 30, unit: '天', krType: 'decrease' }],
  ['员工敬业度调研得分提升 5 个百分点', { direction: 'increase', target: 0.05, unit: '%', relative: true }],
  ['6月30日前完成全员绩效面谈', { kind: 'milestone', deadline: '06-30', krType: 'milestone' }],
  ['内推入职人数达到 20 人', { kind: 'metric', target: 20, unit: '人', relative: false }],
  ['培训满意度 4.5 分以上', { target: 4.5, unit: '分', krType: 'atLeast' }],
  ['11 月 30 日之前，50 人准时到岗', { target: 50, unit: '人', deadline: '11-30' }],
  ['Hire 5 senior data engineers by end of Q3', { kind: 'metric', target: 5, unit: 'engineers', deadline: '09-30' }],
  ['Keep monthly voluntary attrition below 1.5%', { target: 0.015, unit: '%', krType: 'atMost' }],
  ['Raise onboarding satisfaction to 4.6 points', { direction: 'increase', target: 4.6, relative: false }],
  // Finance / 财务
  ['月度结账周期由 8 个工作日缩短至 5 个工作日', { direction: 'decrease', start: 8, target: 5, unit: '个工作日' }],
  ['应收账款逾期率控制在 3% 以内', { target: 0.03, unit: '%', krType: 'atMost' }],
  ['年底前上线费用报销系统', { kind: 'milestone', deadline: 'end-of-year' }],
  ['差旅费用同比下降 15%', { direction: 'decrease', target: 0.15, relative: true, krType: 'increase' }],
  ['本季度内完成 2027 年度预算编制', { kind: 'milestone', deadline: 'end-of-quarter', target: null }],
  ['2026 年第四季度与 30 家投资机构完成首轮沟通', { target: 30, unit: '家', deadline: '2026-12-31' }],
  ['在 2027 年将非必要开支减少 40%', { direction: 'decrease', target: 0.4, relative: true }],
  ['Reduce month-end close from 8 working days to 5', { direction: 'decrease', start: 8, target: 5, unit: 'days', deadline: null }],
  ['Publish the 2027 budget by Dec 15', { kind: 'milestone', deadline: '12-15', target: null }],
  ['Cut cloud spend by $40k per month', { direction: 'decrease', target: 40000, unit: '$', relative: true }],
  ['Secure meetings with 80 venture funds in Q4', { target: 80, unit: 'funds', deadline: '12-31' }],
  // R&D / 产研
  ['线上故障数不超过 2 次', { target: 2, unit: '次', krType: 'atMost' }],
  ['核心接口 P99 延迟从 800ms 降到 300ms', { direction: 'decrease', start: 800, target: 300, unit: 'ms' }],
  ['单元测试覆盖率提升至 80%', { direction: 'increase', target: 0.8, relative: false, krType: 'increase' }],
  ['Q3 末发布 3.0 版本', { kind: 'milestone', deadline: '09-30' }],
  ['修复 XX 个历史缺陷', { kind: 'metric', target: null, unit: '个', placeholder: true }],
  ['12 月中旬功能完整度达到 90%', { target: 0.9, deadline: '12-20' }],
  ['Achieve 99.9% API uptime', { target: 0.999, unit: '%' }],
  ['Ship SSO for enterprise customers by 2026-11-30', { kind: 'milestone', deadline: '2026-11-30' }],
  ['Launch a self-serve onboarding flow', { kind: 'milestone', krType: 'milestone', deadline: null }],
  ['Ship the mobile app by end of quarter', { kind: 'milestone', deadline: 'end-of-quarter' }],
  // Marketing / 市场
  ['官网月访问量增长 50%', { direction: 'increase', target: 0.5, relative: true }],
  ['获取有效销售线索 300 条', { target: 300, unit: '条' }],
  ['百度搜索关键词排名进入前三', { target: 3, krType: 'atMost' }],
  ['新品发布会报名人数突破 1 万人', { direction: 'increase', target: 10000, unit: '人' }],
  ['Grow weekly active users to 25k', { direction: 'increase', target: 25000, relative: false }],
  ['Launch the new SEO site by end of month', { kind: 'milestone', deadline: 'end-of-month' }],
  ['Increase trial-to-paid conversion from 12% to 18%', { start: 0.12, target: 0.18, unit: '%', direction: 'increase' }],
  ['Raise customer satisfaction to X%', { kind: 'metric', target: null, unit: '%', placeholder: true }],
  // Sales / 销售
  ['有效商机不少于xxxx个', { target: null, unit: '个', placeholder: true, krType: 'atLeast' }],
  ['渠道合作增长至xx家', { direction: 'increase', target: null, unit: '家', placeholder: true }],
  ['销售业绩突破xx亿元', { target: null, unit: '元', placeholder: true }],
  ['渠道业绩额达到2000万', { target: 20000000 }],
  ['新签 KA 客户 2 家', { target: 2, unit: '家' }],
  ['回款金额达到 ¥5,000,000', { target: 5000000, unit: '¥' }],
  ['销售额同比增长 30%', { direction: 'increase', target: 0.3, relative: true }],
  ['3月底前出台新的代理商政策并获得至少10家代理商认可', { target: 10, unit: '家', krType: 'atLeast', deadline: '03-31' }],
  ['Sign at least 3 new reseller partners', { target: 3, unit: 'partners', krType: 'atLeast' }],
  ['Close $1.2M in new pipeline', { target: 1200000, unit: '$' }],
  ['Collect ?? qualified leads from the trade show', { target: null, unit: 'leads', placeholder: true }],
  ['实现业绩 3 倍增长', { direction: 'increase', target: 3, unit: '倍', relative: true }],
  // Procurement / 采购
  ['将供应商准时交付率从 82% 提升到 95%', { start: 0.82, target: 0.95, direction: 'increase', unit: '%' }],
  ['每个品类至少有两家合格供应商', { target: 2, unit: '家', krType: 'atLeast' }],
  ['采购单价平均降低 8%', { direction: 'decrease', target: 0.08, relative: true }],
  ['通过集中议价降低采购成本 6 万元', { direction: 'decrease', target: 60000, unit: '元', relative: true }],
  ['来料不合格率低于 2%', { target: 0.02, krType: 'atMost' }],
  ['紧急物料交货延迟不超过 1.5h', { target: 1.5, unit: 'h', krType: 'atMost' }],
  ['Reduce purchase order cycle time by 20%', { direction: 'decrease', target: 0.2, relative: true, krType: 'increase' }],
  ['reduce supplier defect rate from 5% to 3%', { start: 0.05, target: 0.03, direction: 'decrease', krType: 'decrease' }],
  ['at least 95% of orders delivered on time', { target: 0.95, krType: 'atLeast' }],
  ['No more than 3 late deliveries per month', { target: 3, krType: 'atMost' }],
  ['12月15日前签署两家备选供应商框架协议', { deadline: '12-15', target: 2, unit: '家' }],
  ['库存周转天数降至 45 天', { direction: 'decrease', target: 45, unit: '天', relative: false, krType: 'decrease' }],
  ['采购成本节约 200 万元', { direction: 'decrease', target: 2000000, unit: '元', relative: true }],
  ['供应商交期准确率 ≥ 98%', { target: 0.98, krType: 'atLeast' }],
  // more HR / finance / R&D
  ['客户投诉响应时间由 24 小时缩短到 4 小时以内', { start: 24, target: 4, unit: '小时', direction: 'decrease', krType: 'atMost' }],
  ['年度离职率控制在 10% 以下', { target: 0.1, krType: 'atMost' }],
  ['毛利率从 35% 提升至 40%', { start: 0.35, target: 0.4, direction: 'increase' }],
  ['实现营收 1.2 亿元', { target: 120000000, unit: '元' }],
  ['Hire a VP of Engineering', { kind: 'milestone' }],
  ['Process 95% of invoices within 3 days', { target: 0.95, unit: '%' }],
  ['3 天内处理 95% 的报销单', { target: 0.95, unit: '%' }],
  ['Close the books within 5 working days every month', { target: 5, unit: 'days', krType: 'atMost' }],
  ['Reduce P1 incidents to zero', { direction: 'decrease', target: 0 }],
  ['Cut onboarding time in half', { direction: 'decrease', target: 0.5, relative: true }],
  ['Hold 4 customer advisory board meetings', { target: 4, unit: 'meetings' }],
  ['Lower DSO from 60 days to 45 days by Q4', { start: 60, target: 45, unit: 'days', deadline: '12-31' }],
  ['Improve test coverage from 60 to 80 percent', { start: 0.6, target: 0.8, unit: '%' }],
];

describe('parseKrText: department examples', () => {
  it('has at least 40 examples', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });
  for (const [text, expected] of CASES) {
    it(text, () => {
      const r = parseKrText(text);
      expect(r.error).toBeUndefined();
      expect(r).toMatchObject(expected);
    });
  }
});

describe('parseKrText: rules', () => {
  it('reads relative changes in both languages', () => {
    expect(parseKrText('提升 20%')).toMatchObject({ relative: true, target: 0.2, direction: 'increase' });
    expect(parseKrText('increase by 15%')).toMatchObject({ relative: true, target: 0.15, direction: 'increase' });
    expect(parseKrText('降低10%')).toMatchObject({ relative: true, target: 0.1, direction: 'decrease' });
    expect(parseKrText('提升员工参与度至 90%')).toMatchObject({ relative: false, target: 0.9, direction: 'increase' });
  });
  it('reads doubling as a relative change in 倍, and points as a unit', () => {
    expect(parseKrText('销售额翻一番')).toMatchObject({ kind: 'metric', relative: true, target: 2, unit: '倍', direction: 'increase' });
    expect(parseKrText('Double the number of paying customers')).toMatchObject({ relative: true, target: 2, unit: '倍' });
    expect(parseKrText('Triple qualified demo requests')).toMatchObject({ relative: true, target: 3 });
    expect(parseKrText('Increase NPS by 10 points')).toMatchObject({ relative: true, target: 10, unit: 'points' });
  });
  it('tells thresholds apart whose words contain each other', () => {
    expect(parseKrText('不超过 3 天').krType).toBe('atMost');
    expect(parseKrText('超过 3 天').krType).toBe('atLeast');
    expect(parseKrText('不低于 95%').krType).toBe('atLeast');
    expect(parseKrText('低于 5%').krType).toBe('atMost');
    expect(parseKrText('no more than 2 incidents').krType).toBe('atMost');
    expect(parseKrText('more than 2 case studies').krType).toBe('atLeast');
    expect(parseKrText('NPS 50 以上').krType).toBe('atLeast');
  });
  it('reads a rank as at most, only when nothing else is measured', () => {
    expect(parseKrText('排名进入前 10')).toMatchObject({ target: 10, krType: 'atMost' });
    expect(parseKrText('前十名客户复购率 30%')).toMatchObject({ target: 0.3, unit: '%', krType: 'increase' });
    expect(parseKrText('月底前 50 人到岗')).toMatchObject({ target: 50, unit: '人', krType: 'increase', deadline: 'end-of-month' });
    expect(parseKrText('Stay in the top 3 of app store rankings')).toMatchObject({ target: 3, krType: 'atMost' });
  });
  it('reads deadlines', () => {
    expect(parseKrText('12月15日前上线').deadline).toBe('12-15');
    expect(parseKrText('十二月十五日前上线').deadline).toBe('12-15');
    expect(parseKrText('2026年12月31日前上线').deadline).toBe('2026-12-31');
    expect(parseKrText('2026/3/1 前上线').deadline).toBe('2026-03-01');
    expect(parseKrText('2月底前完成').deadline).toBe('02-28');
    expect(parseKrText('2028年2月底前完成').deadline).toBe('2028-02-29');
    expect(parseKrText('月末前发布').deadline).toBe('end-of-month');
    expect(parseKrText('季度末完成迁移').deadline).toBe('end-of-quarter');
    expect(parseKrText('Q末完成迁移').deadline).toBe('end-of-quarter');
    expect(parseKrText('Release v2 by end of month').deadline).toBe('end-of-month');
    expect(parseKrText('Migrate billing by 15 March').deadline).toBe('03-15');
    expect(parseKrText('Migrate billing by 3/15').deadline).toBe('03-15');
    expect(parseKrText('Migrate billing by 2/30').deadline).toBeNull();
  });
  it('never reads years, quarters, IDs or ordinals as targets', () => {
    expect(parseKrText('KR3：完成 2026 年度供应商评估')).toMatchObject({ kind: 'milestone', target: null });
    expect(parseKrText('第一阶段上线 CRM')).toMatchObject({ kind: 'milestone', target: null });
    expect(parseKrText('O2.KR1: 上线 B2B 商城')).toMatchObject({ kind: 'milestone', target: null });
    expect(parseKrText('对比近 6 个月的退货数据，退货率降到 2%')).toMatchObject({ target: 0.02, direction: 'decrease' });
    expect(parseKrText('Based on the last 3 months of tickets, cut reopen rate to 5%')).toMatchObject({ target: 0.05 });
  });
  it('flags placeholders', () => {
    for (const s of ['新增 xx 家渠道', '招聘 XXXX 人', '转化率提升到 X%', '联系某客户', '完成 ?? 场路演', 'Close TBD deals']) {
      expect(parseKrText(s).placeholder, s).toBe(true);
    }
    for (const s of ['Expand to Texas', '新增 5 家渠道', 'Box 10 orders']) {
      expect(parseKrText(s).placeholder, s).toBe(false);
    }
  });
  it('reads 一个 as an article only in a delivery sentence', () => {
    expect(parseKrText('新增一家备选供应商')).toMatchObject({ kind: 'metric', target: 1, unit: '家' });
    expect(parseKrText('上线一个客户自助门户')).toMatchObject({ kind: 'milestone', target: null });
    expect(parseKrText('每月至少举办一场分享会')).toMatchObject({ kind: 'metric', target: 1, unit: '场', krType: 'atLeast' });
  });
  it('does not take Chinese words containing numerals for counts', () => {
    expect(parseKrText('达到 PC 版本使用体验一致性')).toMatchObject({ target: null });
    expect(parseKrText('统一报销流程并上线')).toMatchObject({ kind: 'milestone' });
  });
  it('marks what cannot be measured, and bad input, with an error code and never throws', () => {
    expect(parseKrText('提高自我专业能力')).toMatchObject({ kind: null, error: 'noMeasure' });
    expect(parseKrText('')).toMatchObject({ kind: null, error: 'empty' });
    expect(parseKrText('   ')).toMatchObject({ kind: null, error: 'empty' });
    expect(parseKrText('！！？。')).toMatchObject({ kind: null, error: 'noText' });
    expect(parseKrText(42)).toMatchObject({ kind: null, error: 'notText' });
    expect(parseKrText(null)).toMatchObject({ kind: null, error: 'notText' });
    for (const code of Object.keys(KR_PARSE_ERRORS) as (keyof typeof KR_PARSE_ERRORS)[]) {
      expect(KR_PARSE_ERRORS[code]['zh-CN']).not.toBe('');
      expect(KR_PARSE_ERRORS[code].en).not.toBe('');
    }
  });
  it('reads only the first MAX_KR_CHARS characters of very long input', () => {
    expect(parseKrText('Raise NPS from 45 to 60 ' + 'filler '.repeat(200) + 'at least 99%')).toMatchObject({ start: 45, target: 60 });
    const long = 'filler '.repeat(200) + 'at least 99%';
    expect(long.length).toBeGreaterThan(MAX_KR_CHARS);
    expect(parseKrText(long)).toMatchObject({ kind: null, error: 'noMeasure' });
  });
  it('never throws and always returns a well-formed result (property)', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789.,%万亿元家个天由从至到提升降低不超过至少前后月日底季度Q xX某?-–→fromtobyat leastmost'.split(''),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 40 }).map((a) => a.join(''))), (s) => {
        const r = parseKrText(s);
        expect(['metric', 'milestone', null]).toContain(r.kind);
        if (r.kind === null) expect(r.error).toBeDefined();
        if (r.target !== null) expect(Number.isFinite(r.target)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('krType: the type the row gets in the sheet', () => {
  it.each([
    ['员工流失率低于8%', 'atMost'],
    ['储备候选人达300人', 'increase'],
    ['3 年以上员工离职率低于 10%', 'atMost'],
    ['3年以上员工离职率低于10%', 'atMost'],
    ['年龄 35 岁以下员工占比达到 30%', 'increase'],
    ['销售额 100 万以上的客户达到 50 家', 'increase'],
    ['核心岗位离职率控制在 5% 以内', 'atMost'],
    ['!!!', null],
    ['提高自我专业能力', null],
  ] as const)('%s → %s', (s, t) => {
    expect(krType(parseKrText(s))).toBe(t);
  });
  it('a qualifier (N 年以上 + noun) is not the target', () => {
    expect(parseKrText('3 年以上员工离职率低于 10%')).toMatchObject({ target: 0.1, unit: '%' });
    expect(parseKrText('销售额 100 万以上的客户达到 50 家')).toMatchObject({ target: 50, unit: '家' });
    // alone, 以上 is still the threshold
    expect(parseKrText('客户满意度 90% 以上')).toMatchObject({ target: 0.9, krType: 'atLeast' });
  });
});
