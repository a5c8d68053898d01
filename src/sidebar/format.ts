/** Number formatting shared by the panels; no DOM, so unit tests can import it. */

export function fmtNumber(n: number | null, lang: string): string {
  if (n === null) return '—';
  return n.toLocaleString(lang, { maximumFractionDigits: 4 });
}

const CURRENCY = new Set(['¥', '￥', '$', '€', '£']);

/** True when fmtValue writes the unit into the number itself (`%`, `‰`, currency symbols). */
export function unitAttached(unit: string): boolean {
  const u = unit.trim();
  return u === '%' || u === '％' || u === '‰' || CURRENCY.has(u);
}

/**
 * A KR value as people write it: `%` KRs hold fractions (0.95 → 95%), currency symbols lead
 * (¥600); other units are left to the caller (plain number).
 */
export function fmtValue(n: number | null, unit: string, lang: string): string {
  if (n === null) return '—';
  const u = unit.trim();
  if (u === '%' || u === '％') return `${fmtNumber(Math.round(n * 1e6) / 1e4, lang)}%`;
  if (u === '‰') return `${fmtNumber(Math.round(n * 1e7) / 1e4, lang)}‰`;
  if (CURRENCY.has(u)) return n < 0 ? `-${u}${fmtNumber(-n, lang)}` : `${u}${fmtNumber(n, lang)}`;
  return fmtNumber(n, lang);
}
