/**
 * The document's own header: which unit, owner and cycle a title line or a `负责人：` line names
 * (`市场部 2026年Q4 OKR`, `# Growth team OKRs — Q3 2026`, `Owner: Liu Yang`). These go into the
 * sheet's header block and name instead of the generic "OKR 导入 2026-Q4".
 */
import { toHalfWidth } from '../numbers';

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** The cycle a line names, as `cycleDates` reads it (`2026-Q4`, `2026-H1`, `2026-03`, `2026`), and where. */
export function findCycle(text: string): { cycle: string; index: number; length: number } | null {
  const s = toHalfWidth(text);
  const tries: [RegExp, (m: RegExpExecArray) => string][] = [
    [/(20\d\d)\s*年?\s*[-/]?\s*(?:第\s*)?Q\s*([1-4])(?:\s*季度)?/i, (m) => `${m[1]}-Q${m[2]}`],
    [/(20\d\d)\s*年\s*第\s*([1-4一二三四])\s*季度?/, (m) => `${m[1]}-Q${CN_DIGIT[m[2]!] ?? m[2]}`],
    [/\bQ([1-4])\s*[-/,]?\s*(?:FY)?\s*(20\d\d)\b/i, (m) => `${m[2]}-Q${m[1]}`],
    [/(20\d\d)\s*年?\s*[-/]?\s*H([12])\b/i, (m) => `${m[1]}-H${m[2]}`],
    [/\bH([12])\s*(20\d\d)\b/i, (m) => `${m[2]}-H${m[1]}`],
    [/(20\d\d)\s*年\s*([上下])半年/, (m) => `${m[1]}-H${m[2] === '上' ? 1 : 2}`],
    [/(20\d\d)\s*年\s*(1[0-2]|0?[1-9])\s*月(?:份)?/, (m) => `${m[1]}-${m[2]!.padStart(2, '0')}`],
    [/(20\d\d)\s*(?:年度|年|财年)|\bFY\s*(20\d\d)\b|\b(20\d\d)\b/i, (m) => `${m[1] ?? m[2] ?? m[3]}`],
  ];
  for (const [re, make] of tries) {
    const m = re.exec(s);
    if (m) return { cycle: make(m), index: m.index, length: m[0].length };
  }
  return null;
}

const GENERIC_UNIT = /^(?:团队|我们|我们的|本部门|部门|公司|个人|示例|样例|我的|本季度|季度|年度|team|our|our team|the team|my|example|sample|company|quarterly|annual)$/i;
const OKR_WORDS = /\bOKRs?\b|目标与关键结果|目标和关键结果|团队目标|部门目标|季度目标|年度目标|目标|\bObjectives?\s*(?:and|&)\s*Key\s*Results?\b|\bObjectives\b|\bGoals\b|计划|\bplan\b/gi;

/** A title line: names OKRs / 目标 / Objectives and, usually, a cycle. */
export function isTitleLine(content: string): boolean {
  const s = toHalfWidth(content);
  if (s.length > 60) return false;
  const okr = /\bOKRs?\b/i.test(s);
  const cycle = findCycle(s) !== null;
  return okr || (cycle && /目标|计划|\bObjectives\b|\bGoals\b|\bplan\b/i.test(s));
}

/** Unit and cycle named by a title line; the unit is what remains once cycle and OKR words go. */
export function titleFacts(content: string): { unit: string | null; cycle: string | null } {
  const s = toHalfWidth(content);
  const c = findCycle(s);
  let rest = c ? s.slice(0, c.index) + ' ' + s.slice(c.index + c.length) : s;
  rest = rest
    .replace(OKR_WORDS, ' ')
    .replace(/\b(?:for|of|in|the)\b|的|草稿|draft|\(.*?\)/gi, ' ')
    .replace(/[\s|:\-–—·,，、()（）[\]【】#*_"“”]+/g, ' ')
    .trim();
  return { unit: rest && rest.length <= 30 && !GENERIC_UNIT.test(rest) ? rest : null, cycle: c?.cycle ?? null };
}

/** `负责人：刘洋`, `部门：市场部`, `周期：2026 Q4` before the first objective. */
export function headerField(content: string): { key: 'owner' | 'unit' | 'cycle'; value: string } | null {
  const m = /^(负责人|责任人|owner|部门|团队|单位|team|department|unit|周期|cycle|period|quarter|季度)\s*:\s*(.+)$/i.exec(toHalfWidth(content));
  if (!m) return null;
  const key = m[1]!.toLowerCase();
  const value = m[2]!.trim();
  if (/负责人|责任人|owner/.test(key)) return { key: 'owner', value };
  if (/周期|cycle|period|quarter|季度/.test(key)) {
    const c = findCycle(value);
    return c ? { key: 'cycle', value: c.cycle } : null;
  }
  return { key: 'unit', value };
}
