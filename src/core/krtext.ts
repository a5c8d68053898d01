/**
 * KR text parsing (design §3): reads a key-result sentence, Chinese or English, and extracts
 * what a table row needs — kind, direction, start, target, unit, relative change, deadline,
 * placeholders.
 *
 * Conventions (tested in test/core/krtext.test.ts):
 * - Percentages are fractions (80% → 0.8, unit `%`); 万/亿/千/k/M are applied (10万元 → 100000,
 *   unit 元); Chinese numerals count only with a measure word (五家 → 5, unit 家).
 * - `direction` is the movement the sentence states with a verb (提升/降低/raise/reduce…) or a
 *   from→to pair; it is null when no movement is stated (`达到 80%`, `at least 95%`).
 * - `relative: true` means `target` is the size of the change, not a level: `提升 20%`,
 *   `increase by 15%`, `降低采购成本 5 万元`, `3 倍增长` / `翻番` / `double` (unit 倍), `5 个百分点`. Such a KR is tracked as the
 *   change achieved so far, from 0 up to the target, so its `krType` is `increase` whatever the
 *   direction (a `decrease` row without a start would be a lint error).
 * - `krType`: from→to pairs give increase/decrease by the sign of the change; `不低于/至少/at least/
 *   X以上` give atLeast; `不超过/低于/控制在…以内/at most/no more than/under` give atMost; a plain
 *   number gives decrease when a decrease verb is stated, otherwise increase; no number but a
 *   delivery verb (上线/完成/建立/launch/ship…) or a deadline gives milestone (start/target null).
 *   "一个/一套/one" in a delivery sentence is an article, not a count (`上线一个新网站` is a milestone).
 * - `deadline`: `YYYY-MM-DD` when the year is known, `MM-DD` otherwise (`12月15日前` → `12-15`,
 *   `3月底` → `03-31`, `12月中旬` → `12-20`, `Q3` → `09-30`, February ends on the 28th without a
 *   year), or one of `end-of-month`, `end-of-quarter`, `end-of-year`.
 * - `placeholder`: the sentence still holds a stand-in (`xx`, `XXXX`, `X%`, `*%`, `某`, `??`, `TBD`,
 *   `待定`); the stand-in's number is null.
 * - Years (`2022 年`), quarters, IDs (`KR1`), ordinals (`第一`), versions (`2.0 版`) and dates are
 *   never read as targets. When several numbers remain, the first from→to pair wins, then the first
 *   threshold, then the first `至/到/达到/to/reach` target, then the first relative change, then the
 *   first number with a unit.
 * - Bad input (not a string, empty, only punctuation) or a sentence with nothing measurable gives
 *   `kind: null` and an `error` code (see KR_PARSE_ERRORS); the parser never throws.
 */
import type { Localized } from './i18n';
import type { KrType } from './model';
import { CN_NUMERAL_CHARS, daysInMonth, isoDate, parseChineseNumeral, parseNumber, tidy, toHalfWidth } from './numbers';

export interface ParsedKr {
  kind: 'metric' | 'milestone' | null;
  direction: 'increase' | 'decrease' | null;
  start: number | null;
  target: number | null;
  unit: string | null;
  relative: boolean;
  deadline: string | null;
  placeholder: boolean;
  krType: KrType | null;
  error?: KrParseError;
}

/**
 * The KR type a parsed sentence gives its row in the sheet (`okr-sheets parse`'s and
 * `import --json`'s `"type"`): which way is better — `员工流失率低于8%` is `atMost`,
 * `储备候选人达300人` is `increase`; null when nothing measurable was found.
 */
export function krType(p: ParsedKr): KrType | null {
  return p.kind === null ? null : p.krType;
}

export type KrParseError = 'notText' | 'empty' | 'noText' | 'noMeasure';

export const KR_PARSE_ERRORS: Record<KrParseError, Localized> = {
  notText: { 'zh-CN': '不是文本', en: 'not text' },
  empty: { 'zh-CN': '内容为空', en: 'empty' },
  noText: { 'zh-CN': '没有可读的文字', en: 'no words to read' },
  noMeasure: {
    'zh-CN': '没有找到可衡量的数字或里程碑',
    en: 'no measurable number or milestone found',
  },
};

// ---------------------------------------------------------------------------------------------
// Lexicons

const CN_MEASURES = [
  '个工作日', '个小时', '工作日', '平方米', '人次', '小时', '分钟', '个月', '公里', '千米', '公斤', '场次', '万元', '亿元',
  '元', '块', '天', '日', '周', '个', '家', '人', '名', '位', '场', '次', '件', '款', '篇', '条', '项',
  '份', '所', '台', '套', '单', '笔', '户', '本', '页', '秒', '倍', '米', '吨', '斤', '门', '期', '轮',
  '版', '处', '座', '间', '张', '种', '类', '批', '部', '支', '枚', '只', '组', '节', '课', '年', '分',
];
// 分 after a Chinese numeral is too often an adverb (十分重要); only Arabic numbers take it.
const CN_MEASURES_FOR_CN = CN_MEASURES.filter((w) => w !== '分' && w !== '年');

const EN_ADJECTIVES = new Set([
  'new', 'more', 'additional', 'extra', 'active', 'qualified', 'paying', 'key', 'ka', 'valid', 'net',
  'monthly', 'weekly', 'daily', 'unique', 'enterprise', 'total', 'major', 'strategic', 'senior',
  'top', 'working', 'business', 'calendar', 'high-quality', 'quality', 'repeat', 'returning', 'certified', 'external', 'internal',
]);
const EN_STOP = new Set([
  'to', 'from', 'by', 'in', 'and', 'or', 'of', 'the', 'a', 'an', 'per', 'within', 'before', 'on',
  'at', 'for', 'with', 'than', 'until', 'across', 'over', 'under', 'above', 'below', 'each', 'every',
  'is', 'are', 'this', 'that', 'next', 'end', 'while', 'as', 'into', 'through', 'via', 'or-more',
]);

const EN_NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};

const UP_RE = /提升|提高|增加|增长|上升|扩大|新增|增至|增到|突破|翻番|翻倍|拓展|扩展|扩充|拓宽|加快|增强|\b(?:rais|increas|grow|grew|boost|improv|expand|lift|doubl|tripl|add|gain|accelerat|scal(?=e)|driv)\w*/gi;
const DOWN_RE = /降低|减少|缩短|下降|降至|降到|减至|减到|压缩|节省|节约|削减|缩减|减小|压降|\b(?:reduc|decreas|cut|lower|shrink|shorten|drop|declin|sav(?=e|ing)|slash|trim|minimi[sz]|lessen)\w*/gi;
const MILESTONE_RE = /招聘|聘请|任命|完成|上线|发布|推出|交付|建立|建成|制定|搭建|落地|启动|开通|打通|签约|签署|通过|获得|取得|举办|召开|开展|组织|编写|输出|出版|部署|迁移|改版|优化|开发|研发|上架|投产|完善|形成|确定|实现|落实|达到.{0,6}标准|\b(?:launch|ship|releas|deliver|complet|finish|publish|roll(?:ed|ing)? out|go(?:es)? live|go-live|implement|build|built|set up|establish|sign|introduc|migrat|open|deploy|hold|held|run|creat|defin|draft|finaliz|adopt|integrat|automat|hire|hiring|recruit|appoint)\w*/i;

const PLACEHOLDER_RE = /(?<![A-Za-z])[xX]{2,}(?![A-Za-z])|(?<![A-Za-z])[xX](?=\s*%)|\*(?=\s*%)|某|[?？]{2,}|\bTBD\b|待定|待补充/;

// Threshold words right before a number (one alternation, so the leftmost, longest word wins:
// 不超过 is atMost though it ends with 超过; 不低于 is atLeast though it ends with 低于).
const THRESHOLD_BEFORE = /(不超过|不高于|不多于|不大于|不得超过|不能超过|至多|最多|控制在|低于|少于|小于|不低于|不少于|不小于|不得低于|至少|最少|起码|高于|超过|多于|大于|≤|<=|<|≥|>=|>|\bat most\b|\bno more than\b|\bnot more than\b|\bno higher than\b|\bnot exceed(?:ing)?\b|\bunder\b|\bbelow\b|\bless than\b|\bfewer than\b|\bwithin\b|\bmax(?:imum)?(?: of)?\b|\bcap(?:ped)? at\b|\bat least\b|\bno less than\b|\bno fewer than\b|\bminimum(?: of)?\b|\bmin\b|\bover\b|\babove\b|\bmore than\b|\bgreater than\b)[\u4e00-\u9fff]{0,3}\s*$/i;
const AT_MOST_WORDS = /^(不超过|不高于|不多于|不大于|不得超过|不能超过|至多|最多|控制在|低于|少于|小于|≤|<=|<|at most|no more than|not more than|no higher than|not exceed(?:ing)?|under|below|less than|fewer than|within|max(?:imum)?(?: of)?|cap(?:ped)? at)$/i;
// 前三 / top 10: a rank to stay within (only right before the number).
const RANK_BEFORE = /(?:(?<![提之以日天\s])前|\btop)\s*$/i;
const THRESHOLD_AFTER = /^\s*(及以上|或以上|以上|及以下|或以下|以下|以内|之内|内|or more|or above|or higher|or better|or less|or fewer|or below|or lower|\+)/i;
const QUALIFIER_AFTER = /^\s*(?:及以上|或以上|以上|及以下|或以下|以下)(?:的)?\s*[\u4e00-\u9fff]/;
const AT_LEAST_AFTER = /^(及以上|或以上|以上|or more|or above|or higher|or better|\+)$/i;

const TARGET_BEFORE = /(至|到|达到|达成|达|为|增至|降至|突破|\bup to\b|\bto\b|\breach(?:es|ing)?\b|\bhit(?:ting)?\b|\bachiev\w*\b|\bof\b)\s*$/i;
const CHANGE_NOUN_AFTER = /^\s*(?:的)?(增长|增幅|提升|提高|上涨|下降|降幅|减少|growth|increase|lift|uplift|improvement|reduction|decrease|drop|decline|cut)/i;

// ---------------------------------------------------------------------------------------------
// Tokens

interface Tok {
  start: number;
  end: number;
  value: number | null;
  unit: string | null;
  percent: boolean;
  points: boolean; // 个百分点 / percentage points: a change, not a level
  source: 'arabic' | 'cn' | 'en' | 'ph';
}

const CN_CLASS = `[${CN_NUMERAL_CHARS.replace('点', '')}]`;
const NUM_RE = new RegExp(
  String.raw`(?<cur>(?:[¥$€£]|\bRMB|\bCNY|\bUSD)\s*)?(?:` +
    String.raw`(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)` +
    String.raw`|(?<ph>(?<![A-Za-z])[xX]{2,}(?![A-Za-z])|(?<![A-Za-z])[xX](?=\s*%)|\*(?=\s*%)|某+|[?？]{2,})` +
    String.raw`|(?<pctcn>百分之${CN_CLASS}+(?:点${CN_CLASS}+)?)` +
    String.raw`|(?<cn>${CN_CLASS}+(?:点${CN_CLASS}+)?)` +
    String.raw`|(?<en>\b(?:${Object.keys(EN_NUMBER_WORDS).join('|')})\b)` +
    String.raw`)\s*(?<mult>万亿|千万|百万|亿|万|千|[kK](?![a-zA-Z])|M(?![a-zA-Z])|bn(?![a-zA-Z])|B(?![a-zA-Z])|(?:thousand|million|billion)\b)?` +
    String.raw`\s*(?<pct>%|‰|个百分点|percentage points?\b|pp\b|percent\b)?`,
  'gi',
);

const MULT: Record<string, number> = {
  万亿: 1e12, 千万: 1e7, 百万: 1e6, 亿: 1e8, 万: 1e4, 千: 1e3, k: 1e3, m: 1e6, b: 1e9, bn: 1e9,
  thousand: 1e3, million: 1e6, billion: 1e9,
};

function readUnit(m: string, pos: number, cnOnly: boolean): { unit: string | null; end: number } {
  let p = pos;
  while (m[p] === ' ') p++;
  const list = cnOnly ? CN_MEASURES_FOR_CN : CN_MEASURES;
  for (const w of list) if (m.startsWith(w, p)) return { unit: w, end: p + w.length };
  if (cnOnly) return { unit: null, end: pos };
  // English: the last word of a short noun phrase (`5 senior data engineers by …` → engineers).
  const re = /[A-Za-z][A-Za-z-]*/y;
  let unit: string | null = null;
  let unitEnd = pos;
  for (let words = 0; words < 4; words++) {
    re.lastIndex = p;
    const w = re.exec(m);
    if (!w) break;
    const word = w[0].toLowerCase();
    if (EN_STOP.has(word) || (/(?:ed|ing)$/.test(word) && unit !== null)) break;
    if (!EN_ADJECTIVES.has(word)) {
      unit = w[0];
      unitEnd = re.lastIndex;
    }
    p = re.lastIndex;
    if (m[p] !== ' ') break;
    while (m[p] === ' ') p++;
  }
  return { unit, end: unit ? unitEnd : pos };
}

function tokenize(m: string): Tok[] {
  const toks: Tok[] = [];
  NUM_RE.lastIndex = 0;
  for (let match = NUM_RE.exec(m); match; match = NUM_RE.exec(m)) {
    if (match[0].length === 0) {
      NUM_RE.lastIndex++;
      continue;
    }
    const g = match.groups ?? {};
    const start = match.index;
    let end = start + match[0].length;
    // Trailing spaces matched by \s* belong to nobody.
    while (end > start && m[end - 1] === ' ') end--;
    let value: number | null;
    let source: Tok['source'];
    if (g.num !== undefined) {
      // `KR1`, `B2B`, `H5`, `COVID-19`: a number glued to a letter is a name, not a quantity.
      const numStart = start + match[0].indexOf(g.num);
      if (numStart > 0 && /[A-Za-z_-]/.test(m[numStart - 1]!)) continue;
      value = Number(g.num.replace(/,/g, ''));
      source = 'arabic';
    } else if (g.ph !== undefined) {
      value = null;
      source = 'ph';
    } else if (g.pctcn !== undefined) {
      const r = parseNumber(g.pctcn);
      if (!r.ok) continue;
      toks.push({ start, end, value: r.value, unit: '%', percent: true, points: false, source: 'cn' });
      continue;
    } else if (g.cn !== undefined) {
      value = parseChineseNumeral(g.cn);
      source = 'cn';
      if (value === null) continue;
    } else if (g.en !== undefined) {
      value = EN_NUMBER_WORDS[g.en.toLowerCase()] ?? null;
      source = 'en';
    } else continue;
    if (g.mult && value !== null) value = tidy(value * (MULT[g.mult.toLowerCase()] ?? 1));
    let unit: string | null = null;
    let percent = false;
    let points = false;
    if (g.pct) {
      percent = true;
      points = !/^[%‰]|percent$/i.test(g.pct);
      if (value !== null) value = tidy(value / (g.pct === '‰' ? 1000 : 100));
      unit = g.pct === '‰' ? '‰' : '%';
    } else {
      const u = readUnit(m, end, source === 'cn' || source === 'en');
      unit = u.unit;
      if (u.unit) end = u.end;
      // 一致, 统一, "one of" are not counts; 前三 (top three) is a rank; "to zero" is a target.
      else if (
        (source === 'cn' || source === 'en') &&
        !RANK_BEFORE.test(m.slice(Math.max(0, start - 5), start)) &&
        !(source === 'en' && /\b(?:to|at|reach|below|under|than|least|most)\s*$/i.test(m.slice(Math.max(0, start - 12), start)))
      )
        continue;
    }
    if (!unit && g.cur) {
      const c = g.cur.trim().toUpperCase();
      unit = c === 'RMB' || c === 'CNY' ? '¥' : c === 'USD' ? '$' : c;
    }
    toks.push({ start, end, value, unit, percent, points, source });
    NUM_RE.lastIndex = end;
  }
  return toks;
}

// ---------------------------------------------------------------------------------------------
// Deadlines and masking

const CN_SMALL = '[一二三四五六七八九十]{1,3}';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

const pad2 = (n: number) => (n < 10 ? '0' : '') + String(n);
const num = (s: string | undefined): number => {
  if (s === undefined) return NaN;
  if (/^\d+$/.test(s)) return Number(s);
  const v = parseChineseNumeral(s);
  return v === null ? NaN : v;
};
const quarterOf = (s: string | undefined) => num(s);
function monthDay(m: number, d: number, y?: number): string | null {
  if (!(m >= 1 && m <= 12) || !(d >= 1 && d <= daysInMonth(m, y))) return null;
  return y !== undefined ? isoDate(y, m, d) : `${pad2(m)}-${pad2(d)}`;
}
function monthPart(m: number, part: string, y?: number): string | null {
  if (!(m >= 1 && m <= 12)) return null;
  const d = /上旬|初|early/i.test(part) ? 10 : /中旬|mid/i.test(part) ? 20 : /^中$/.test(part) ? 15 : daysInMonth(m, y);
  return monthDay(m, d, y);
}
function quarterEnd(q: number, y?: number): string | null {
  if (!(q >= 1 && q <= 4)) return null;
  return monthDay(q * 3, q === 1 || q === 4 ? 31 : 30, y);
}
const monthIndex = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

type DeadlineRule = [RegExp, (m: RegExpExecArray) => string | null];
const DEADLINE_RULES: DeadlineRule[] = [
  [/((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*[日号]?/g, (m) => isoDate(num(m[1]), num(m[2]), num(m[3]))],
  [new RegExp(String.raw`((?:19|20)\d{2})\s*年\s*(\d{1,2}|${CN_SMALL})\s*月\s*(底|末|中旬|上旬|下旬|初)`, 'g'), (m) => monthPart(num(m[2]), m[3]!, num(m[1]))],
  [/((?:19|20)\d{2})\s*年?\s*(?:第\s*([一二三四1-4])\s*季度|Q([1-4]))\s*(?:末|底)?/gi, (m) => quarterEnd(quarterOf(m[2] ?? m[3]), num(m[1]))],
  [/\bQ([1-4])\s*,?\s*((?:19|20)\d{2})\b/gi, (m) => quarterEnd(num(m[1]), num(m[2]))],
  [/((?:19|20)\d{2})\s*年\s*(?:年)?(?:底|末)/g, (m) => isoDate(num(m[1]), 12, 31)],
  [/\b(?:end of|by)\s+((?:19|20)\d{2})\b/gi, (m) => isoDate(num(m[1]), 12, 31)],
  [new RegExp(String.raw`(\d{1,2}|${CN_SMALL})\s*月\s*(\d{1,2}|${CN_SMALL})\s*[日号]`, 'g'), (m) => monthDay(num(m[1]), num(m[2]))],
  [new RegExp(String.raw`(\d{1,2}|${CN_SMALL})\s*月\s*(底|末|中旬|上旬|下旬|初|中)`, 'g'), (m) => monthPart(num(m[1]), m[2]!)],
  [new RegExp(String.raw`\b${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*((?:19|20)\d{2})\b)?`, 'gi'), (m) => monthDay(monthIndex(m[1]!), num(m[2]), m[3] ? num(m[3]) : undefined)],
  [new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH_NAME}\b(?:,?\s*((?:19|20)\d{2})\b)?`, 'gi'), (m) => monthDay(monthIndex(m[2]!), num(m[1]), m[3] ? num(m[3]) : undefined)],
  [new RegExp(String.raw`\b(end of|mid|early)[- ]${MONTH_NAME}`, 'gi'), (m) => monthPart(monthIndex(m[2]!), m[1]!.toLowerCase() === 'end of' ? '底' : m[1]!)],
  [/\b(?:by|before|until|due)\s+(\d{1,2})\/(\d{1,2})\b/gi, (m) => monthDay(num(m[1]), num(m[2]))],
  [/(?:第\s*([一二三四1-4])\s*季度|\bQ([1-4])\b)\s*(?:末|底)?/gi, (m) => quarterEnd(quarterOf(m[1] ?? m[2]))],
  [/月底|月末|本月内|本月|\bthis month\b|\bend of (?:the )?month\b|\b(?:by|before|at|until) (?:the )?month[- ]end\b|\bEOM\b/gi, () => 'end-of-month'],
  [/季度末|季末|本?季度内|本季度|本季|Q末|\bthis quarter\b|\bend of (?:the )?quarter\b|\b(?:by|before|at|until) (?:the )?quarter[- ]end\b|\bEOQ\b/gi, () => 'end-of-quarter'],
  [/年底|年末|本年度内?|今年内|\bthis year\b|\bend of (?:the )?year\b|\b(?:by|before|at|until) (?:the )?year[- ]end\b|\bEOY\b/gi, () => 'end-of-year'],
];

// Spans that are never quantities.
const MASKS: RegExp[] = [
  /(?:19|20)\d{2}\s*(?:年度?|财年|财政年度)/g,
  /\bFY\s*'?\d{2,4}\b/gi,
  /(?<=\bthe\s+)(?:19|20)\d{2}\b|\b(?:19|20)\d{2}(?=\s*(?:budgets?|plans?|roadmaps?|fiscal|annual|strategy|OKRs?|goals?|targets?|reviews?|reports?|forecasts?|预算|计划|规划|战略|目标)\b)/gi,
  /\b(?:in|by|during|for|of|since|before|after|until)\s+((?:19|20)\d{2})\b/gi,
  /\bQ[1-4]\b|\bH[12]\b|[上下]半年/gi,
  /第\s*[\d一二三四五六七八九十百千]+/g,
  /\b\d+(?:st|nd|rd|th)\b/gi,
  /\b(?:KR|O)\s*\d+(?:\.\d+)?/gi,
  /\b[vV]\d+(?:\.\d+)*\b|\d+(?:\.\d+)+\s*版/g,
  /每\s*\d+\s*(?:个)?(?:天|日|周|月|季度|年|小时)/g,
  // periods: 前三个季度, 近 6 个月, the last 3 months
  /(?:前|后|近|最近|过去|未来)\s*(?:\d+|[一二三四五六七八九十两]+)\s*个?\s*(?:季度|月|周|天|年|日)/g,
  /\b(?:last|past|next|first|previous)\s+(?:\d+|two|three|four|five|six|twelve)\s+(?:days|weeks|months|quarters|years)\b/gi,
  /(?<!\d)\d{1,2}\s*月(?![底末中初旬\d])/g,
  /\b\d+\s*[/:]\s*\d+\b/g, // 1:1, 7/24 ratios and clock times
];

function blank(s: string, start: number, end: number): string {
  return s.slice(0, start) + ' '.repeat(end - start) + s.slice(end);
}

function findDeadline(s: string): { deadline: string | null; masked: string } {
  let masked = s;
  let best: { index: number; value: string } | null = null;
  for (const [re, make] of DEADLINE_RULES) {
    re.lastIndex = 0;
    const source = masked;
    for (let m = re.exec(source); m; m = re.exec(source)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const value = make(m);
      if (value === null) continue;
      masked = blank(masked, m.index, m.index + m[0].length);
      if (!best || m.index < best.index) best = { index: m.index, value };
    }
  }
  return { deadline: best?.value ?? null, masked };
}

function applyMasks(s: string): string {
  let out = s;
  for (const re of MASKS) {
    re.lastIndex = 0;
    out = out.replace(re, (whole: string, group?: unknown) => {
      if (typeof group === 'string' && /^\d{4}$/.test(group)) {
        const at = whole.lastIndexOf(group);
        return whole.slice(0, at) + ' '.repeat(group.length) + whole.slice(at + group.length);
      }
      return ' '.repeat(whole.length);
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Clauses and verbs

const BREAK = /[;。!?！？\n]|,(?!\d{3})|，/;

const BREAK_CHARS = new Set([';', '。', '!', '?', '！', '？', '\n']);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function isBreak(m: string, i: number): boolean {
  const c = m[i]!;
  if (c === ',') return !(isDigit(m[i - 1]) && isDigit(m[i + 1]) && isDigit(m[i + 2]) && isDigit(m[i + 3]));
  return BREAK_CHARS.has(c);
}

/** The clause around [start, end): up to the nearest break (;。!? or a comma that is not a thousands separator). */
function clauseBounds(m: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && !isBreak(m, a - 1)) a--;
  let b = end;
  while (b < m.length && !isBreak(m, b)) b++;
  return [a, b];
}

interface Verb {
  start: number;
  end: number;
  dir: 'increase' | 'decrease';
}

function findVerbs(m: string): Verb[] {
  const out: Verb[] = [];
  for (const [re, dir] of [
    [UP_RE, 'increase'],
    [DOWN_RE, 'decrease'],
  ] as const) {
    re.lastIndex = 0;
    for (let v = re.exec(m); v; v = re.exec(m)) out.push({ start: v.index, end: v.index + v[0].length, dir });
  }
  return out.sort((x, y) => x.start - y.start);
}

// ---------------------------------------------------------------------------------------------

const LABEL_RE = /^\s*(?:[-*•·]\s+)?(?:O\d+\s*\.\s*)?(?:KR\s*\d*(?:\.\d+)?|关键结果\s*\d*|Key\s*results?\s*\d*)\s*[:.、)\-–—]\s*/i;

function result(partial: Partial<ParsedKr>): ParsedKr {
  return {
    kind: null,
    direction: null,
    start: null,
    target: null,
    unit: null,
    relative: false,
    deadline: null,
    placeholder: false,
    krType: null,
    ...partial,
  };
}

/** Parses one KR sentence; see the module comment. Never throws. */
export function parseKrText(text: unknown): ParsedKr {
  if (typeof text !== 'string') return result({ error: 'notText' });
  try {
    return parseString(text);
  } catch {
    return result({ error: 'noMeasure' });
  }
}

/** A KR is a sentence; only its first MAX_KR_CHARS characters are read (keeps junk input cheap). */
export const MAX_KR_CHARS = 1000;

function parseString(text: string): ParsedKr {
  let s = toHalfWidth(text.slice(0, MAX_KR_CHARS)).replace(/[\t\r\n]+/g, ' ').trim();
  s = s.replace(LABEL_RE, '').trim();
  if (!s) return result({ error: 'empty' });
  if (!/[\p{L}\p{N}]/u.test(s)) return result({ error: 'noText' });

  const placeholder = PLACEHOLDER_RE.test(s);
  const { deadline, masked: afterDates } = findDeadline(s);
  const m = applyMasks(afterDates);
  const verbs = findVerbs(m);
  const hasMilestoneVerb = MILESTONE_RE.test(s);

  const clauses = new Map<number, [number, number]>();
  const clauseOf = (t: { start: number; end: number }) => {
    let c = clauses.get(t.start);
    if (!c) clauses.set(t.start, (c = clauseBounds(m, t.start, t.end)));
    return c;
  };
  const before = (t: Tok) => m.slice(clauseOf(t)[0], t.start);
  const after = (t: Tok) => m.slice(t.end, clauseOf(t)[1]);

  const thresholdOf = (t: Tok): 'atLeast' | 'atMost' | null => {
    const b = THRESHOLD_BEFORE.exec(before(t));
    if (b) return AT_MOST_WORDS.test(b[1]!) ? 'atMost' : 'atLeast';
    const a = THRESHOLD_AFTER.exec(after(t));
    if (a) return AT_LEAST_AFTER.test(a[1]!) ? 'atLeast' : 'atMost';
    return null;
  };
  const hasTargetMarker = (t: Tok) => TARGET_BEFORE.test(before(t));

  let toks = tokenize(m);
  // "一个 / one" in a delivery sentence (a delivery verb or a deadline) is an article, unless a
  // threshold or target word frames it: 上线一个新网站 is a milestone, 新增一家供应商 counts 1.
  if (hasMilestoneVerb || deadline) {
    toks = toks.filter(
      (t) => !(t.source !== 'arabic' && t.source !== 'ph' && t.value === 1 && !t.percent && !thresholdOf(t) && !hasTargetMarker(t)),
    );
  }

  if (toks.length === 0) {
    // 减半 / in half: a relative decrease of 50%; 翻番 / double / triple: a relative change
    // counted in 倍 (as `3 倍增长`).
    if (/减半|砍半|\bin half\b|\bby half\b|\bhalve/i.test(s)) {
      return result({ kind: 'metric', direction: 'decrease', target: 0.5, unit: '%', relative: true, deadline, placeholder, krType: 'increase' });
    }
    const times = /翻一?番|翻倍|\bdoubl/i.test(s) ? 2 : /\btripl/i.test(s) ? 3 : null;
    if (times !== null) {
      return result({ kind: 'metric', direction: 'increase', target: times, unit: '倍', relative: true, deadline, placeholder, krType: 'increase' });
    }
    if (hasMilestoneVerb || deadline) {
      return result({ kind: 'milestone', krType: 'milestone', deadline, placeholder });
    }
    return result({ deadline, placeholder, error: 'noMeasure' });
  }

  const verbFor = (t: Tok): Verb | null => {
    const [a, b] = clauseOf(t);
    let found: Verb | null = null;
    for (const v of verbs) if (v.start >= a && v.end <= t.start) found = v;
    if (found) return found;
    for (const v of verbs) if (v.start >= t.end && v.end <= b) return v;
    return null;
  };

  // 1. from → to
  for (let i = 0; i + 1 < toks.length; i++) {
    const a = toks[i]!;
    const b = toks[i + 1]!;
    const between = m.slice(a.end, b.start);
    if (BREAK.test(between) || between.length > 24) continue;
    const pre = m.slice(clauseOf(a)[0], a.start);
    const arrow = /^\s*(?:→|->|=>|~|～|—>)\s*$/.test(between);
    const zh = /(由|从)[^\d]{0,10}$/.test(pre) && /(至|到|为)/.test(between);
    const en = /\bfrom\b[^\d]{0,24}$/i.test(pre) && /\bto\b/i.test(between);
    if (!arrow && !zh && !en) continue;
    let sv = a.value;
    let tv = b.value;
    if (b.percent && !a.percent && sv !== null && a.source === 'arabic') sv = tidy(sv / 100);
    if (a.percent && !b.percent && tv !== null && b.source === 'arabic') tv = tidy(tv / 100);
    let direction: ParsedKr['direction'] = null;
    if (sv !== null && tv !== null && sv !== tv) direction = tv > sv ? 'increase' : 'decrease';
    else direction = verbFor(b)?.dir ?? null;
    const threshold = thresholdOf(b);
    return result({
      kind: 'metric',
      direction,
      start: sv,
      target: tv,
      unit: b.unit ?? a.unit,
      deadline,
      placeholder: placeholder || a.value === null || b.value === null,
      krType: threshold ?? (direction === 'decrease' ? 'decrease' : 'increase'),
    });
  }

  // "within 3 days" / "3 天内" next to a percentage is a condition, not the target:
  // "process 95% of invoices within 3 days".
  const conditions = new Set(
    toks.filter(
      (t) =>
        !t.percent &&
        toks.some((x) => x !== t && x.percent) &&
        (/\bwithin\s*$/i.test(before(t)) || /^\s*(?:以内|之内|内)/.test(after(t))),
    ),
  );
  if (conditions.size > 0) toks = toks.filter((t) => !conditions.has(t));

  // "3 年以上员工离职率低于 10%": a number with 以上/以下 that goes on to name who or what is
  // counted (a noun or 的 follows, and another number comes later) qualifies the subject; it is
  // not the KR's threshold.
  const qualifiers = new Set(
    toks.filter((t, i) => i + 1 < toks.length && QUALIFIER_AFTER.test(after(t))),
  );
  if (qualifiers.size > 0 && qualifiers.size < toks.length) toks = toks.filter((t) => !qualifiers.has(t));

  // 2. thresholds
  for (const t of toks) {
    const threshold = thresholdOf(t);
    if (!threshold) continue;
    return result({
      kind: 'metric',
      direction: verbFor(t)?.dir ?? null,
      target: t.value,
      unit: t.unit,
      deadline,
      placeholder: placeholder || t.value === null,
      krType: threshold,
    });
  }

  const relativeOf = (t: Tok): { dir: ParsedKr['direction'] } | null => {
    const pre = before(t);
    if (t.points) return { dir: verbFor(t)?.dir ?? null };
    if (/\bby\s*$/i.test(pre)) return { dir: verbFor(t)?.dir ?? null };
    if (/同比|环比/.test(pre) && (t.percent || t.unit === '倍')) return { dir: verbFor(t)?.dir ?? null };
    const noun = t.percent || t.unit === '倍' ? CHANGE_NOUN_AFTER.exec(after(t)) : null;
    if (noun) {
      const up = /增长|增幅|提升|提高|上涨|growth|increase|lift|uplift|improvement/i.test(noun[1]!);
      return { dir: up ? 'increase' : 'decrease' };
    }
    const [a] = clauseOf(t);
    let v: Verb | null = null;
    for (const x of verbs) if (x.start >= a && x.end <= t.start) v = x;
    if (!v) return null;
    const gap = m.slice(v.start, t.start); // includes the verb: 降至 / 增到 are absolute
    if (/(至|到|为|达|\bto\b|\bof\b)/i.test(gap)) return null;
    if (t.percent || t.unit === '倍' || v.dir === 'decrease') return { dir: v.dir };
    return null;
  };

  // 3. absolute targets (至 / 到 / 达到 / to / reach)
  for (const t of toks) {
    if (!hasTargetMarker(t) || relativeOf(t)) continue;
    const dir = verbFor(t)?.dir ?? null;
    return result({
      kind: 'metric',
      direction: dir,
      target: t.value,
      unit: t.unit,
      deadline,
      placeholder: placeholder || t.value === null,
      krType: dir === 'decrease' ? 'decrease' : 'increase',
    });
  }

  // 4. relative changes
  for (const t of toks) {
    const rel = relativeOf(t);
    if (!rel) continue;
    return result({
      kind: 'metric',
      direction: rel.dir,
      target: t.value,
      unit: t.unit,
      relative: true,
      deadline,
      placeholder: placeholder || t.value === null,
      krType: 'increase',
    });
  }

  // 5. the first number with a unit, else the first number; a rank (前三, top 10) only when
  // nothing else is measured.
  const isRank = (x: Tok) => RANK_BEFORE.test(before(x));
  const pool = toks.some((x) => !isRank(x)) ? toks.filter((x) => !isRank(x)) : toks;
  const t = pool.find((x) => x.unit !== null) ?? pool[0]!;
  const dir = verbFor(t)?.dir ?? null;
  if (isRank(t)) {
    return result({ kind: 'metric', direction: dir, target: t.value, unit: t.unit, deadline, placeholder: placeholder || t.value === null, krType: 'atMost' });
  }
  return result({
    kind: 'metric',
    direction: dir,
    target: t.value,
    unit: t.unit,
    deadline,
    placeholder: placeholder || t.value === null,
    krType: dir === 'decrease' ? 'decrease' : 'increase',
  });
}
