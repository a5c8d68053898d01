/**
 * One formatter for the numbers every view shows (review sheet and Markdown, dashboard, alignment
 * map, sidebar, CLI): a KR value with its unit, a progress percentage, a score. Pure and
 * deterministic (no `toLocaleString`, whose output depends on the runtime's ICU data): the same
 * workbook gives the same text in Apps Script, Node and the browser.
 *
 * How many decimals a percentage shows is decided here, in `percentDecimals`, so a change to that
 * rule lands in one place.
 */
import type { Lang } from './i18n';
import type { ScoreScale } from './model';
import { cellFromShare, scaleSpec, type ScoreSettings } from './scale';

const CURRENCY = new Set(['¥', '￥', '$', '€', '£']);

/** True when `fmtValue` writes the unit into the number itself (`%`, `‰`, currency symbols). */
export function unitAttached(unit: string): boolean {
  const u = unit.trim();
  return u === '%' || u === '％' || u === '‰' || CURRENCY.has(u);
}

/** `1234567.891` → `1,234,567.891` (at most `maxDecimals` decimals, trailing zeros dropped). */
export function fmtNumber(n: number | null, _lang?: Lang | string, maxDecimals = 4): string {
  if (n === null) return '—';
  if (!Number.isFinite(n)) return '—';
  // past 1e21 there are no decimals to round, and n × 10^k would overflow to Infinity at 1e308
  if (Math.abs(n) >= 1e21) return (n < 0 ? '-' : '') + String(Math.abs(n));
  const f = 10 ** maxDecimals;
  const r = Math.round(Math.abs(n) * f) / f;
  if (r >= 1e21) return (n < 0 ? '-' : '') + String(r);
  const [int, frac] = r.toFixed(maxDecimals).split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = (frac ?? '').replace(/0+$/, '');
  const sign = n < 0 && r !== 0 ? '-' : '';
  return sign + grouped + (decimals ? `.${decimals}` : '');
}

/** Decimals of a progress / ratio percentage (`57%`). The one place the rule lives. */
export function percentDecimals(_x: number): number {
  return 0;
}

/** A ratio as a percentage: 0.56875 → `57%`. */
export function fmtPercent(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return `${fmtNumber(x * 100, undefined, percentDecimals(x))}%`;
}

/** A score on the 0–1 scale, one decimal (`0.7`), as the OKR grading is read. */
export function fmtScore(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return (Math.round(x * 10) / 10).toFixed(1);
}

const POINTS: Record<Lang, string> = { 'zh-CN': '分', en: 'pts' };

/**
 * A score (a share, as core keeps it) as the Score cell shows it in the workbook's scale
 * (Settings "Score scale", scale.ts): `0.7` on 0-1, `70 分` / `70 pts` on 0-100, `70%` on
 * percent. The number is exactly the cell's (scale.ts cellFromShare), so a view never shows a
 * score the sheet rounds differently. Blank / not a number → `—`.
 */
export function formatScore(share: number | null, settings?: ScoreSettings | ScoreScale, lang: Lang | string = 'en'): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const spec = scaleSpec(settings);
  const v = cellFromShare(share, spec);
  // the cell value is already whole points / whole percent (scores stay below 1,000: no grouping)
  if (spec.scale === '0-100') return `${String(v)} ${POINTS[lang === 'zh-CN' ? 'zh-CN' : 'en']}`;
  if (spec.scale === 'percent') return `${Math.round(v * 100)}%`;
  return v.toFixed(1);
}

/** The scale's name for a heading or a JSON field's help: `0–1`, `0–100 分` / `0–100 points`, `百分比` / `percent`. */
export function scaleName(settings: ScoreSettings | ScoreScale | undefined, lang: Lang | string = 'en'): string {
  const zh = lang === 'zh-CN';
  switch (scaleSpec(settings).scale) {
    case '0-100': return zh ? '0–100 分' : '0–100 points';
    case 'percent': return zh ? '百分比' : 'percent';
    default: return '0–1';
  }
}

/**
 * A KR value as people write it: `%` KRs hold fractions (0.055 → 5.5%), `‰` likewise, currency
 * symbols lead (¥600, -¥20); other units follow the number after a space when `withUnit`
 * (`250 leads`), else the caller shows the unit elsewhere.
 */
export function fmtValue(n: number | null, unit: string, lang?: Lang | string, opts: { withUnit?: boolean } = {}): string {
  if (n === null || !Number.isFinite(n)) return '—';
  const u = unit.trim();
  if (u === '%' || u === '％') return `${fmtNumber(n * 100, lang, 2)}%`;
  if (u === '‰') return `${fmtNumber(n * 1000, lang, 2)}‰`;
  if (CURRENCY.has(u)) return n < 0 ? `-${u}${fmtNumber(-n, lang)}` : `${u}${fmtNumber(n, lang)}`;
  const s = fmtNumber(n, lang);
  return opts.withUnit && u ? `${s} ${u}` : s;
}
