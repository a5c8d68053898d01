/**
 * Lenient numbers and dates, as people type them into OKR sheets (design §2, §3).
 *
 * `parseNumber` accepts what a spreadsheet cell may hold: real numbers, booleans, and text such as
 * `80%`, `5万`, `1.5亿`, `10万元`, `¥10,000`, `$1.2M`, `10k`, `８０％`, `五家`, `一百二十`, `1.5天`.
 *
 * Rules (all documented behaviour, tested in test/core/numbers.test.ts):
 * - Percentages become fractions: `80%` → 0.8 with `percent: true`, unit `%` (`‰` → /1000).
 *   `百分之八十` is read the same way.
 * - Multipliers are applied: 万 (1e4), 亿 (1e8), 千 (1e3), 百万, 千万, 万亿, k/K (1e3), M / million
 *   (1e6), B / bn / billion (1e9). Lower-case `m` is NOT a multiplier (minutes, metres).
 * - Currency signs before the number (`¥ ￥ $ € £`, `RMB`, `CNY`, `USD`) become the unit unless a
 *   unit follows the number (`¥10万元` → unit 元).
 * - Whatever short text follows the number is its unit (`10万元` → 元, `五家` → 家); a unit may not
 *   contain digits, so `2026-12-31` or `1.2.3` are not numbers.
 * - Chinese numerals count: `五` → 5, `两` → 2, `十二` → 12, `一百二十` → 120, `三千` → 3000,
 *   `二〇二六` → 2026, `一点五` → 1.5; financial forms (壹贰叁…拾佰仟) too.
 * - Full-width digits and punctuation are folded to half-width first.
 * - Trailing qualifiers 以上 / 以下 / 以内 / 左右 / 多 / 余 / + are ignored (`10万元以上` → 100000 元),
 *   and so are leading 约 / 大约 / 近 / ~ / ≈ and comparison marks (≥ ≤ > < 不低于 不超过 至少 最多…):
 *   a target cell holding `≥95%` reads 0.95.
 * - Booleans are milestone values: TRUE → 1, FALSE → 0 (a ticked checkbox means done).
 * - null, undefined and blank text → `{ ok: false, error: 'empty' }`; anything else without a
 *   number (`abc`, `--`, `N/A`, `xx`, NaN) → `notANumber`.
 */

export type NumberResult =
  | {
      ok: true; value: number; unit: string | null; percent: boolean;
      /** a multiplier was applied (`180万`, `2.5k`, `三千万`): the value is in the unit's base
       *  (元, not 万元) — see valueInUnit */
      scaled?: boolean;
    }
  | { ok: false; error: 'empty' | 'notANumber'; text: string };

/** Folds full-width ASCII (U+FF01–FF5E) and the ideographic space to half-width; ￥ → ¥. */
const WIDE = /[\uff01-\uff5e\u3000\uffe5\u2212]/g;
function narrow(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000) return ' ';
  if (c === 0xffe5) return '¥';
  return '-'; // U+2212 minus sign
}
const HAS_WIDE = /[\uff01-\uff5e\u3000\uffe5\u2212]/;
export function toHalfWidth(s: string): string {
  // One UTF-16 unit in, one out: offsets stay valid (importtext relies on it).
  return HAS_WIDE.test(s) ? s.replace(WIDE, narrow) : s;
}

/** Rounds away binary noise from multiplications such as 4.35 * 100. */
export function tidy(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  return Number(x.toPrecision(15));
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that may appear in a Chinese numeral. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿点';

/**
 * Reads a whole Chinese numeral (`十二`, `一百零五`, `三千万`, `二〇二六`, `一点五`); null when the
 * text is not one (e.g. `万` alone, `点五`, unknown characters).
 */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  const dot = s.indexOf('点');
  if (dot >= 0) {
    const intPart = parseChineseNumeral(s.slice(0, dot));
    const frac = s.slice(dot + 1);
    if (intPart === null || !frac) return null;
    let digits = '';
    for (const ch of frac) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      digits += String(d);
    }
    return tidy(intPart + Number('0.' + digits));
  }
  const chars = [...s];
  if (chars.every((ch) => CN_DIGITS[ch] !== undefined)) {
    // Positional digits: 二〇二六 → 2026, 五 → 5.
    return Number(chars.map((ch) => String(CN_DIGITS[ch])).join(''));
  }
  let result = 0;
  let section = 0;
  let num = 0;
  let sawDigitOrUnit = false;
  for (const ch of chars) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      num = d;
      sawDigitOrUnit = true;
      continue;
    }
    const u = CN_UNITS[ch];
    if (u !== undefined) {
      section += (num === 0 ? 1 : num) * u;
      num = 0;
      sawDigitOrUnit = true;
      continue;
    }
    const big = CN_BIG[ch];
    if (big !== undefined) {
      if (!sawDigitOrUnit) return null;
      if (big === 1e8) {
        result = (result + section + num) * big;
      } else {
        result += (section + num) * big;
      }
      section = 0;
      num = 0;
      continue;
    }
    return null;
  }
  if (!sawDigitOrUnit) return null;
  return result + section + num;
}

/** Suffix multipliers after an Arabic number. */
export const MULTIPLIERS: Record<string, number> = {
  万亿: 1e12, 千万: 1e7, 百万: 1e6, 亿: 1e8, 万: 1e4, 千: 1e3,
  k: 1e3, K: 1e3, M: 1e6, B: 1e9, bn: 1e9, thousand: 1e3, million: 1e6, billion: 1e9,
};

const CURRENCY_PREFIX = /^(?:[¥$€£]|RMB|CNY|USD|US\$)\s*/i;
const LEAD_QUALIFIER = /^(?:约|大约|大概|将近|近|~|≈|>=|<=|≥|≤|>|<|不低于|不少于|不超过|不高于|至少|最多)\s*/;
const TRAIL_QUALIFIER = /\s*(?:及以上|以上|及以下|以下|以内|之内|左右|多|余|\+)$/;
// Arabic number, optional multiplier, optional percent, rest = unit.
const ARABIC = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)\s*(万亿|千万|百万|亿|万|千|[kK](?![a-zA-Z])|M(?![a-zA-Z])|bn(?![a-zA-Z])|B(?![a-zA-Z])|(?:thousand|million|billion)\b)?\s*(%|‰)?\s*(.*)$/;
const CN_RUN = new RegExp(`^([${CN_NUMERAL_CHARS}]+)\\s*(%|‰)?\\s*(.*)$`);

function fail(error: 'empty' | 'notANumber', text: string): NumberResult {
  return { ok: false, error, text };
}

/** Validates a unit left after the number: short, no digits. */
function cleanUnit(rest: string): string | null | false {
  const u = rest.trim();
  if (!u) return null;
  if (/\d/.test(u) || u.length > 12) return false;
  if (/^[-/.,:;!?()[\]{}'"]+$/.test(u)) return false;
  return u;
}

/** Parses one value leniently; see the module comment for the rules. Never throws. */
export function parseNumber(input: unknown): NumberResult {
  if (input === null || input === undefined) return fail('empty', '');
  if (typeof input === 'number') {
    return Number.isFinite(input)
      ? { ok: true, value: input, unit: null, percent: false }
      : fail('notANumber', String(input));
  }
  if (typeof input === 'boolean') return { ok: true, value: input ? 1 : 0, unit: null, percent: false };
  if (typeof input === 'bigint') return { ok: true, value: Number(input), unit: null, percent: false };
  if (typeof input !== 'string') return fail('notANumber', safeString(input));
  const text = input;
  let s = toHalfWidth(text).trim();
  if (!s) return fail('empty', text);
  if (/^(?:true|false)$/i.test(s)) return { ok: true, value: /^t/i.test(s) ? 1 : 0, unit: null, percent: false };

  // Sign, possibly around a currency sign: -¥5, ¥-5, (1,234) accounting style.
  let sign = 1;
  let accounting = false;
  if (/^\(.*\)$/.test(s)) {
    accounting = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(LEAD_QUALIFIER, '');
  if (/^[-+负]/.test(s)) {
    if (s[0] !== '+') sign = -1;
    s = s.slice(1).trim();
  }
  let currency: string | null = null;
  const cur = CURRENCY_PREFIX.exec(s);
  if (cur) {
    currency = cur[0].trim().toUpperCase() === 'US$' ? '$' : cur[0].trim();
    if (/^[a-z]+$/i.test(currency)) currency = currency.toUpperCase();
    s = s.slice(cur[0].length);
    if (/^[-+]/.test(s)) {
      if (s[0] === '-') sign = -sign;
      s = s.slice(1).trim();
    }
  }
  if (accounting) sign = -sign;
  s = s.replace(TRAIL_QUALIFIER, '');

  // 百分之八十 / 百分之20
  const pct = /^百分之(.+)$/.exec(s);
  if (pct) {
    const inner = parseNumber(pct[1]);
    if (!inner.ok || inner.percent || inner.unit) return fail('notANumber', text);
    return { ok: true, value: tidy((sign * inner.value) / 100), unit: '%', percent: true };
  }

  const a = ARABIC.exec(s);
  if (a) {
    const numText = a[1]!.replace(/,/g, '');
    let value = Number(numText);
    if (!Number.isFinite(value)) return fail('notANumber', text);
    const mult = a[2] ? MULTIPLIERS[a[2]] : undefined;
    if (mult !== undefined) value = tidy(value * mult);
    const scaled = mult !== undefined ? { scaled: true } : {};
    const pctSign = a[3];
    if (pctSign) {
      value = tidy(value / (pctSign === '%' ? 100 : 1000));
      const rest = cleanUnit(a[4] ?? '');
      if (rest !== null) return fail('notANumber', text); // `80%abc`
      return { ok: true, value: sign * value, unit: pctSign, percent: true };
    }
    const unit = cleanUnit(a[4] ?? '');
    if (unit === false) return fail('notANumber', text);
    return { ok: true, value: sign * value, unit: unit ?? currency, percent: false, ...scaled };
  }

  const c = CN_RUN.exec(s);
  if (c) {
    // Take the longest prefix of the run that is a valid numeral; the rest joins the unit
    // (e.g. `三千万元` reads whole; `五万` reads whole; `一万亿` reads whole).
    const run = c[1]!;
    let value: number | null = null;
    let used = run.length;
    for (; used > 0; used--) {
      value = parseChineseNumeral(run.slice(0, used));
      if (value !== null) break;
    }
    if (value === null) return fail('notANumber', text);
    const tail = run.slice(used);
    if (c[2]) {
      if (tail || cleanUnit(c[3] ?? '') !== null) return fail('notANumber', text);
      return { ok: true, value: tidy((sign * value) / (c[2] === '%' ? 100 : 1000)), unit: c[2], percent: true };
    }
    const unit = cleanUnit(tail + (c[3] ?? ''));
    if (unit === false) return fail('notANumber', text);
    // 万 / 亿 in a Chinese numeral are how large amounts are written (三千万 = 3000 万)
    const scaled = /[万亿]/.test(run.slice(0, used)) ? { scaled: true } : {};
    return { ok: true, value: sign * value, unit: unit ?? currency, percent: false, ...scaled };
  }
  return fail('notANumber', text);
}

/**
 * What a Unit cell says the row's numbers count in: `万元` → ×10,000 of 元, `亿` → ×1e8,
 * `千人` → ×1,000 of 人, `k` → ×1,000 (the multipliers of parseNumber). Null for a plain unit
 * (`元`, `家`, `%`), a blank or an unreadable one: numbers count as typed.
 */
export interface UnitScale {
  factor: number;
  /** the unit without its multiplier (`元` of `万元`; '' for a bare `万`) */
  base: string;
}
export function unitScale(unit: unknown): UnitScale | null {
  if (typeof unit !== 'string') return null;
  const u = toHalfWidth(unit).trim();
  if (!u || /^\d/.test(u) || u === 'B') return null; // a bare B is bytes more often than billions
  const r = parseNumberText('1' + u);
  if (!r.ok || r.percent || !r.scaled || !(r.value > 1)) return null;
  return { factor: r.value, base: r.unit ?? '' };
}

const YUAN = new Set(['元', '¥', 'RMB', 'CNY', '人民币']);
const sameUnit = (a: string, b: string) => a === b || (YUAN.has(a) && YUAN.has(b));

/**
 * A number read from text, in the unit of its row (issue 16 §4): `180万` or `180万元` or
 * `¥1,800,000` in a row whose Unit is `万元` is 180 — the amount in the base unit divided by the
 * unit's multiplier. A bare number (`180`) is taken as already in the row's unit, and so is a
 * percentage; a row without a multiplier in its unit takes the value as read.
 */
export function valueInUnit(r: Extract<NumberResult, { ok: true }>, scale: UnitScale | null): number {
  if (!scale || r.percent) return r.value;
  const inBase = r.scaled || (r.unit !== null && sameUnit(r.unit, scale.base));
  return inBase ? tidy(r.value / scale.factor) : r.value;
}

/**
 * parseNumber of a text, remembered: lint reads the same few texts (`180万`, `N/A`) in many cells
 * and in two rules (number-as-text, unreadable-number). The memo is dropped when it grows past
 * 5,000 texts, so it stays small whatever the sheet holds.
 */
const PARSED = new Map<string, NumberResult>();
export function parseNumberText(text: string): NumberResult {
  let r = PARSED.get(text);
  if (r === undefined) {
    if (PARSED.size >= 5000) PARSED.clear();
    r = parseNumber(text);
    PARSED.set(text, r);
  }
  return r;
}

function safeString(x: unknown): string {
  try {
    return String(x);
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

const pad2 = (n: number) => (n < 10 ? '0' : '') + String(n);

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1–12); without a year February has 28 days. */
export function daysInMonth(m: number, y?: number): number {
  if (m === 2) return y !== undefined && isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** `YYYY-MM-DD` when the parts form a real calendar date, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(m, y)) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DATE_TEXT = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日|号)?(?:$|[T\s])/;

/**
 * A date as ISO `YYYY-MM-DD`, or null. Accepts Date objects (their local calendar date, as a
 * spreadsheet shows it), ISO strings (a time part is ignored), `2026/12/31`, `2026.12.31`,
 * `2026年12月31日`, and spreadsheet serial numbers from 20000 to 80000 (epoch 1899-12-30; the
 * fraction, a time of day, is dropped). Impossible dates (`2026-02-30`) give null.
 */
export function parseDate(input: unknown): string | null {
  if (input instanceof Date) {
    const t = input.getTime();
    if (Number.isNaN(t)) return null;
    return isoDate(input.getFullYear(), input.getMonth() + 1, input.getDate());
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 20000 || input > 80000) return null;
    const d = new Date(SERIAL_EPOCH_UTC + Math.floor(input) * 86400000);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (typeof input !== 'string') return null;
  const s = toHalfWidth(input).trim();
  const m = DATE_TEXT.exec(s + ' ');
  if (!m) return null;
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * A date cell as the sheet's formulas see it (`ISNUMBER(due)`): a real date — what a shell's
 * snapshot holds as an ISO day (Sheets' Date values, xlsx dates), a Date or a serial number —
 * else null. Text that merely reads as a date (`2026/11/10`, `2026年11月10日` in a text cell) is
 * no date to the formulas, so no overdue status comes from it; lint `unreadable-number` reports
 * it at its cell with the date it would be. (An ISO-looking text cell cannot be told from a date
 * in a snapshot: both arrive as `2026-11-10`.)
 */
export function sheetDate(input: unknown): string | null {
  if (typeof input === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(input.trim())) return null;
  return parseDate(input);
}
