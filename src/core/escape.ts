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
