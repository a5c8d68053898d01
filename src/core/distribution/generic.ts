/**
 * The generic template: what a unit gets when its department has no template of its own (法务,
 * 行政, IT, 生产, 质量 …) — issue 12 asks for a starting point, never a refusal. One role per
 * level; every text names the unit through `{unit}` / `{parent}` (placeholders.ts), and every KR
 * is measurable (a number or a milestone) so the sheet passes lint before anyone edits it.
 * The figures are neutral starting values the team is expected to replace.
 */
import type { Level } from '../model';
import { parseDepartment, type DepartmentTemplate, type KrTemplate, type ObjectiveTemplate, type RoleTemplate } from '../templates/schema';

export const GENERIC_DEPT_ID = 'generic';

const serve = (): ObjectiveTemplate => ({
  title: { 'zh-CN': '让{unit}的核心服务成为{parent}的可靠支撑', en: 'Make {unit}\'s core service a reliable support for {parent}' },
  why: {
    'zh-CN': '职能团队的价值体现在内部客户的体验和交付的可靠性上，先把最常用的服务做好。',
    en: 'A support team is worth what its internal customers experience; get the most used services right first.',
  },
  source: 'bottomUp',
  krs: [
    kr('increase', '内部客户满意度由 70% 提升至 85%', 'Internal customer satisfaction rises from 70% to 85%', 0.7, 0.85, '%', 'end'),
    kr('atLeast', '关键事项按期交付率不低于 90%', 'At least 90% of key deliverables on time', 0.75, 0.9, '%', 'end'),
    kr('decrease', '内部请求平均响应时间由 3 天缩短至 1 天', 'Average response time to internal requests falls from 3 days to 1', 3, 1, { 'zh-CN': '天', en: 'days' }, 2),
  ],
});

const improve = (): ObjectiveTemplate => ({
  title: { 'zh-CN': '提升{unit}的专业能力和工作效率', en: 'Raise {unit}\'s expertise and efficiency' },
  why: {
    'zh-CN': '流程清楚、能力在线，团队才能在业务增长时不成为瓶颈。',
    en: 'Clear processes and skills keep the team from becoming a bottleneck as the business grows.',
  },
  source: 'bottomUp',
  krs: [
    kr('milestone', '{unit}最常用的 3 个流程有书面规范并被团队采用', '{unit}\'s 3 most used processes are written down and in use', null, 1, undefined, 2),
    kr('increase', '人均专业培训由 8 小时增加到 16 小时', 'Training per person grows from 8 to 16 hours', 8, 16, { 'zh-CN': '小时', en: 'hours' }, 'end'),
  ],
});

const lead = (): ObjectiveTemplate => ({
  title: { 'zh-CN': '让{unit}的年度重点按计划推进', en: 'Keep {unit}\'s priorities of the year on plan' },
  why: {
    'zh-CN': '组织的重点需要拆解到各部门，并在每个周期内看得见进展。',
    en: 'The organisation\'s priorities need to reach every department and show progress every cycle.',
  },
  source: 'topDown',
  krs: [
    kr('atLeast', '各部门 OKR 对齐率不低于 90%', 'At least 90% of department OKRs aligned', 0.6, 0.9, '%', 1),
    kr('increase', '重点项目按期完成率由 60% 提升至 85%', 'Priority projects on time rise from 60% to 85%', 0.6, 0.85, '%', 'end'),
  ],
});

function kr(
  type: KrTemplate['type'], zh: string, en: string, start: number | null, target: number,
  unit: '%' | { 'zh-CN': string; en: string } | undefined, due: KrTemplate['due'],
): KrTemplate {
  return {
    type, title: { 'zh-CN': zh, en }, ...(type === 'milestone' ? {} : { start }), target,
    ...(unit === '%' ? { unit: { 'zh-CN': '%', en: '%' } } : unit ? { unit } : {}), due,
  };
}

const role = (level: Level, zh: string, en: string, objectives: ObjectiveTemplate[]): RoleTemplate => ({
  id: level, name: { 'zh-CN': zh, en }, level, objectives,
});

let cache: DepartmentTemplate | null = null;

/** The generic department, validated by the same schema as the built-in files. */
export function genericDepartment(): DepartmentTemplate {
  if (!cache) {
    cache = parseDepartment({
      id: GENERIC_DEPT_ID,
      name: { 'zh-CN': '通用模板', en: 'Generic template' },
      roles: [
        role('company', '通用·公司', 'Generic · company', [lead(), improve()]),
        role('department', '通用·部门', 'Generic · department', [serve(), improve()]),
        role('team', '通用·团队', 'Generic · team', [serve(), improve()]),
        role('individual', '通用·个人', 'Generic · individual', [improve()]),
      ],
    }, 'generic template');
  }
  return cache;
}

export function genericRole(level: Level): RoleTemplate {
  return genericDepartment().roles.find((r) => r.level === level)!;
}
