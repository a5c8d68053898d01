/**
 * What a line says, by its words: an objective or KR label, a section word (`Key results:`), an
 * owner, a score / status / description note, a title naming the document's OKRs, or an item
 * whose role depends on the document's structure.
 */
import { toHalfWidth } from '../numbers';
import { parseKr } from './krItem';
import { findCycle, isTitleLine } from './docHeader';
import type { Line } from './lines';

const SEP = String.raw`(?:\s*[:\-–—.、)\]】]\s*|\s+)`;
const INDEX = String.raw`(\d+|[一二三四五六七八九十]{1,3}|[①-⑳])`;
export const OBJECTIVE_RE = new RegExp(
  String.raw`^[\[【]?(?:Objective|Goal|目标|O)\s*#?\s*${INDEX}?\s*(?:\(\s*O\s*\d*\s*\)\s*(\d+)?)?(${SEP})(.*)$`,
  'i',
);
export const KR_RE = new RegExp(
  String.raw`^[\[【]?(?:O\d+\s*[.\-]\s*)?(?:KRs?|Key\s*results?|关键结果|关键成果|Measures?|Metrics?|衡量指标)\s*#?\s*(\d+(?:\.\d+)?|[一二三四五六七八九十]{1,3}|[①-⑳])?\s*(?:\(\s*KRs?\s*\d*\s*\)\s*(\d+)?)?(${SEP}|$)(.*)$`,
  'i',
);
/** An ID cell as copied from a spreadsheet row: `O1`, `KR2`, `O1.KR2`. */
export const ID_CELL_RE = /^(?:O\d+(?:\.KR\d+)?|KR\d+)$/i;
export const TYPE_CELL_RE = /^(?:目标|O|Objective|KR|关键结果|Key result|提升|降低|不低于|至少|不高于|至多|里程碑|Increase|Decrease|At least|At most|Milestone)$/i;
/** A time or scope qualifier before a score / status label: `上季度得分：`, `Q3 score:`, `Final score:`. */
const NOTE_QUALIFIER = String.raw`(?:(?:上|本|下)?(?:个)?(?:季度|月|周|半年|年度?)|上半年|下半年|全年|年终|期末|期中|中期|最终|综合|总|Q[1-4]|H[12]|(?:last|this|previous|prior|current)\s+(?:quarter|month|week|year|cycle)(?:'s)?|final|overall|mid-?(?:term|cycle)|q[1-4]|h[12])\s*`;
const QUALIFIED_NOTE_RE = new RegExp(
  String.raw`^${NOTE_QUALIFIER}(?:评分|得分|分数|自评分?|打分|score|self-?score|grade|状态|进度|进展|status|progress)\s*:`,
  'i',
);
const NOTE_RE =
  /^(?:评分|得分|分数|自评分?|打分|score|self-?score|grade|状态|进度|进展|status|progress|信心指数|信心|confidence|备注|说明|注|PS|note|notes|负责人|责任人|owner|截止(?:日期|时间)?|deadline|due(?: date)?|权重|weight|周期|cycle|对齐|aligned? to|aligns to|来源|source|复盘|review|总结|summary|描述|description|背景|background|context|why|原因|为什么|示例|例如|举例|example|e\.g\.|部门|团队|team|department|unit|参与人|协作|协同|依赖|dependencies|risks?|风险|links?|链接|更新(?:于|时间)?|last updated|updated|本周|上周|下周|本月|上月|下月|this week|last week|next week|blockers?|阻碍|卡点|问题|issues?|下一步|next steps?)\s*:/i;
const FURNITURE_RE = /^(?:示例|样例|举例|例如|草稿|初稿|待评审|目录|work in progress|wip|draft|example|examples|sample|for example|e\.g\.|table of contents|contents|todo|tbd|注意|注|note)\s*[:.!。！]?$|^\(?(?:work in progress|wip|draft|草稿)\b.*\)?$|^(?:本文|this (?:doc|document|page))/i;
const LINK_ONLY_RE = /^(?:\[[^\]]*\]\([^)]*\)|https?:\/\/\S+|<https?:\/\/\S+>)\s*$/i;
export const OWNER_RE = /^(?:负责人|责任人|owner|dri)\s*:\s*(.+)$/i;
const SECTION_O_RE = /^(?:Objectives?|Goals?|目标|目标\s*\(O\)|O)\s*:?$/i;
const SECTION_KR_RE = /^(?:Key\s*results?|KRs?|关键结果|关键成果|衡量标准)(?:\s*\(KRs?\))?\s*:?$/i;
/** Sections whose items are not KRs: initiatives, actions, risks… (kept as the objective's notes). */
const SECTION_ASIDE_RE = /^(?:initiatives?|actions?|action items?|action plan|tasks?|projects?|risks?|dependencies|blockers?|support needed|resources?|行动计划|行动项?|关键举措|举措|关键行动|任务|项目|风险|依赖|所需支持|资源需求|支持)\s*:?$/i;
const SECTION_RE = /^(?:OKRs?|Objectives?\s*(?:and|&)\s*key\s*results?|目标与关键结果|目标和关键结果|目标\s*&\s*关键结果|目标及关键结果)(?:\s*\(OKRs?\))?\s*:?$/i;

export type Kind =
  | { kind: 'objective'; title: string }
  | { kind: 'kr'; title: string }
  | { kind: 'sectionO' }
  | { kind: 'sectionKr' }
  | { kind: 'section' }
  | { kind: 'sectionAside' }
  | { kind: 'owner'; name: string }
  | { kind: 'mention'; name: string }
  | { kind: 'title' }
  | { kind: 'note' }
  | { kind: 'item' } // unlabelled list item, heading or bold line
  | { kind: 'prose' };

/** Cuts the part of `orig` that corresponds to `rest`, a suffix of `line.content`. */
export function afterLabel(line: Line, rest: string): string {
  const origNorm = line.orig.replace(/\s+/g, ' ').trim();
  return origNorm.slice(Math.max(0, origNorm.length - rest.length));
}

export function classify(line: Line): Kind {
  const c = line.content;
  if (SECTION_RE.test(c)) return { kind: 'section' };
  if (SECTION_ASIDE_RE.test(c)) return { kind: 'sectionAside' };
  if (SECTION_KR_RE.test(c)) return { kind: 'sectionKr' };
  if (SECTION_O_RE.test(c) && !/^O$/i.test(c)) return { kind: 'sectionO' };
  // `### O1` or `目标一` alone: the objective's text is on the next line
  if (/^[\[【]?(?:Objective|Goal|目标|O)\s*#?\s*(?:\d+|[一二三四五六七八九十]{1,3})\s*[:.\]】)]?$/i.test(c)) return { kind: 'sectionO' };
  const k = KR_RE.exec(c);
  if (k) {
    const sep = k[3]!;
    const hasDigit = Boolean(k[1] ?? k[2]);
    const spaceOnly = sep !== '' && !/[:\-–—.、)\]】]/.test(sep);
    const rest = k[4]!.trim();
    if (!rest) return { kind: 'sectionKr' };
    if (!spaceOnly || hasDigit) return { kind: 'kr', title: afterLabel(line, rest) };
  }
  const o = OBJECTIVE_RE.exec(c);
  if (o) {
    const hasDigit = Boolean(o[1] ?? o[2]) || /\(\s*O/i.test(c.slice(0, c.length - o[4]!.length));
    const sep = o[3]!;
    const spaceOnly = !/[:\-–—.、)\]】]/.test(sep);
    // `O 提升…` needs a number or a heading (`目标 提升…` reads as a label); `Objectives and key
    // results` is prose.
    if (!spaceOnly || hasDigit || line.heading || /^目标\s/.test(c)) {
      const rest = o[4]!.trim();
      if (!rest) return { kind: 'sectionO' };
      return { kind: 'objective', title: afterLabel(line, rest) };
    }
  }
  const owner = OWNER_RE.exec(c);
  if (owner) return { kind: 'owner', name: afterLabel(line, owner[1]!.trim()) };
  const mention = /^@(\S{1,30})$/.exec(c);
  if (mention) return { kind: 'mention', name: mention[1]! };
  if (NOTE_RE.test(c) || QUALIFIED_NOTE_RE.test(c) || FURNITURE_RE.test(c) || LINK_ONLY_RE.test(c)) return { kind: 'note' };
  if (isTitle(c)) return { kind: 'title' };
  if (line.marker || line.heading || line.bold) return { kind: 'item' };
  return { kind: 'prose' };
}

function isTitle(c: string): boolean {
  if (!isTitleLine(c)) return false;
  const half = toHalfWidth(c);
  if (findCycle(half) && /目标|计划|\bObjectives\b|\bGoals\b|\bplan\b|\bOKRs?\b/i.test(half)) return true;
  return parseKr(half).kind === null;
}
