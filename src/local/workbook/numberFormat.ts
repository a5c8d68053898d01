/**
 * Display text of a cell value under a Sheets number format (the subset our workbooks use and
 * the common ones users pick): General/automatic, `0`, `0.0`, `#,##0.00`, `0%`, `0.0%`,
 * currency prefixes/suffixes (`"¥"#,##0`, `[$¥]#,##0.00`, `0" 元"`), `@` text, sections split by
 * `;` (positive;negative;zero), and date/time patterns (`yyyy-mm-dd`, `m/d/yyyy`, `hh:mm`,
 * `yyyy"年"m"月"d"日"`).
 */
import { serialParts } from './dates';

export const AUTO_DATE_FORMAT = 'yyyy-mm-dd';

export function isDateFormat(fmt: string | undefined | null): boolean {
  if (!fmt) return false;
  const stripped = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[yd]/i.test(stripped) || /(^|[^0#])[hs]/i.test(stripped) || /m{1,4}[-/.]|[-/.]m{1,4}/i.test(stripped);
}

function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return s.includes('e') ? n.toExponential(2).toUpperCase() : s;
}

export function formatValue(v: unknown, fmt: string | undefined | null): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (typeof v !== 'number') return String(v);
  if (!fmt || /^general$/i.test(fmt) || fmt === '@') return generalNumber(v);
  const sections = splitSections(fmt);
  let section = sections[0]!;
  let n = v;
  if (v < 0 && sections[1] !== undefined) {
    section = sections[1];
    n = -v;
  } else if (v === 0 && sections[2] !== undefined) section = sections[2];
  if (isDateFormat(section)) return formatDate(n, section);
  return formatNumber(n, section);
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQ = false;
  for (const ch of fmt) {
    if (ch === '"') inQ = !inQ;
    if (ch === ';' && !inQ) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Splits a numeric pattern into literal prefix, the digit pattern, literal suffix. */
function formatNumber(n: number, section: string): string {
  const tokens: { lit: boolean; text: string }[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i]!;
    if (ch === '"') {
      const j = section.indexOf('"', i + 1);
      tokens.push({ lit: true, text: section.slice(i + 1, j < 0 ? undefined : j) });
      i = j < 0 ? section.length : j + 1;
    } else if (ch === '\\') {
      tokens.push({ lit: true, text: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '[') {
      const j = section.indexOf(']', i);
      const inner = section.slice(i + 1, j < 0 ? undefined : j);
      if (inner.startsWith('$')) tokens.push({ lit: true, text: inner.slice(1).split('-')[0]! });
      i = j < 0 ? section.length : j + 1;
    } else if (ch === '_' || ch === '*') {
      i += 2;
    } else if ('0#?.,%'.includes(ch)) {
      tokens.push({ lit: false, text: ch });
      i++;
    } else {
      tokens.push({ lit: true, text: ch });
      i++;
    }
  }
  const pattern = tokens.filter((t) => !t.lit).map((t) => t.text).join('');
  const percent = (pattern.match(/%/g) ?? []).length;
  let x = n * Math.pow(100, percent);
  const core = pattern.replace(/%/g, '');
  const dot = core.indexOf('.');
  const intPart = dot < 0 ? core : core.slice(0, dot);
  const fracPart = dot < 0 ? '' : core.slice(dot + 1).replace(/,/g, '');
  // trailing commas scale by 1000 each
  const scaleCommas = /,+$/.exec(intPart)?.[0].length ?? 0;
  x = x / Math.pow(1000, scaleCommas);
  const grouping = intPart.replace(/,+$/, '').includes(',');
  const minFrac = (fracPart.match(/0/g) ?? []).length;
  const maxFrac = fracPart.length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const neg = x < 0;
  let s = Math.abs(x).toFixed(maxFrac);
  if (maxFrac > minFrac) {
    // drop optional (#) trailing zeros
    const [ip, fp = ''] = s.split('.');
    let f = fp;
    while (f.length > minFrac && f.endsWith('0')) f = f.slice(0, -1);
    s = f ? `${ip}.${f}` : ip!;
  }
  let [ip, fp] = s.split('.');
  ip = ip!;
  if (minInt === 0 && ip === '0' && fp) ip = '';
  while (ip.length < minInt) ip = '0' + ip;
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let digits = fp !== undefined ? `${ip}.${fp}` : ip;
  if (maxFrac === 0 && dot >= 0 && !fp) digits = ip; // "0." → no dot
  // re-assemble: literals before the first digit token, digits, then the rest of the literals
  const firstDigit = tokens.findIndex((t) => !t.lit && t.text !== '%');
  let out = '';
  let placed = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.lit) out += t.text;
    else if (t.text === '%') out += '%';
    else if (!placed && k >= firstDigit) {
      out += digits;
      placed = true;
    }
  }
  if (!placed) out += digits;
  return (neg && Number(digits.replace(/,/g, '')) !== 0 ? '-' : '') + out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function formatDate(serial: number, section: string): string {
  const p = serialParts(serial);
  const pad = (x: number, w = 2) => String(x).padStart(w, '0');
  const hasAmPm = /am\/pm|a\/p/i.test(section);
  let out = '';
  let i = 0;
  let lastWasHour = false;
  const src = section;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"') {
      const j = src.indexOf('"', i + 1);
      out += src.slice(i + 1, j < 0 ? undefined : j);
      i = j < 0 ? src.length : j + 1;
      continue;
    }
    if (ch === '\\') {
      out += src[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === '[') {
      const j = src.indexOf(']', i);
      i = j < 0 ? src.length : j + 1;
      continue;
    }
    if (/am\/pm/i.test(src.slice(i, i + 5))) {
      out += p.hh < 12 ? 'AM' : 'PM';
      i += 5;
      continue;
    }
    const m = /^(y+|m+|d+|h+|s+)/i.exec(src.slice(i));
    if (!m) {
      out += ch;
      i++;
      continue;
    }
    const tok = m[1]!;
    const k = tok[0]!.toLowerCase();
    const len = tok.length;
    i += len;
    if (k === 'y') out += len <= 2 ? pad(p.y % 100) : pad(p.y, 4);
    else if (k === 'd') out += len === 1 ? String(p.d) : len === 2 ? pad(p.d) : len === 3 ? DAYS[p.dow]!.slice(0, 3) : DAYS[p.dow]!;
    else if (k === 'h') {
      const h = hasAmPm ? ((p.hh + 11) % 12) + 1 : p.hh;
      out += len === 1 ? String(h) : pad(h);
      lastWasHour = true;
      continue;
    } else if (k === 's') out += len === 1 ? String(p.ss) : pad(p.ss);
    else if (k === 'm') {
      const rest = src.slice(i);
      const isMinute = lastWasHour || /^[^ymdh]*s/i.test(rest);
      if (isMinute && len <= 2) out += len === 1 ? String(p.mm) : pad(p.mm);
      else out += len === 1 ? String(p.m) : len === 2 ? pad(p.m) : len === 3 ? MONTHS[p.m - 1]!.slice(0, 3) : MONTHS[p.m - 1]!;
    }
    lastWasHour = false;
  }
  return out;
}
