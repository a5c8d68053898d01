/**
 * Formula-injection escaping for user text written into cells (design §7).
 *
 * A cell value that starts with `=`, `+`, `-` or `@` is read by Sheets / Excel as a formula. User
 * text (titles, notes, imported lines) is therefore prefixed with an apostrophe, which both
 * spreadsheets treat as "this is text" and do not show. Text that already starts with apostrophes
 * followed by one of those characters gets one more apostrophe, so `unescapeCellText` is an exact
 * inverse: unescapeCellText(escapeCellText(s)) === s for every string s.
 */

const NEEDS_ESCAPE = /^'*[=+\-@]/;

/** Escapes `s` for writing into a cell as plain text. */
export function escapeCellText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? "'" + s : s;
}

/** Undoes `escapeCellText` (removes the one apostrophe it added). */
export function unescapeCellText(s: string): string {
  return s.startsWith("'") && NEEDS_ESCAPE.test(s.slice(1)) ? s.slice(1) : s;
}

/** True when `s` would be read as a formula if written unescaped. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

/**
 * True when Google Sheets would read `s`, written as a value, as something other than that
 * text: a number (`01234` → 1234, `1,000`, `80%`, `1e5`, `$5`) or a date (`3/4`, `1-2`,
 * `2026-10-01`, `3/4/2026`) — "as if typed into the cell", per the sheet's locale (issue 11,
 * item 5). Such text is written into cells formatted as plain text (`@`), or with an apostrophe
 * where a format cannot be set first. Errs on the side of protecting: a false positive only
 * costs a text format on a cell that holds text anyway.
 */
export function sheetsWouldCoerce(s: string): boolean {
  const t = s.trim();
  if (t === '' || t.length > 40) return false;
  // numbers: sign, currency, grouping, decimals, exponent, percent
  if (/^[-+]?[$€£¥￥]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?\s?%?$/.test(t) && /\d/.test(t)) return true;
  // dates and times: 3/4, 1-2, 3.4.2026, 2026-10-01, 10/1/2026, 12:30
  if (/^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?$/i.test(t)) return true;
  return false;
}

/** Text written where no text format could be set first: an apostrophe keeps it as typed.
 *  (Formula-like text is escaped by `escapeCellText` already.) */
export function keepAsTypedText(s: string): string {
  return sheetsWouldCoerce(s) && !s.startsWith("'") ? "'" + s : escapeCellText(s);
}
