/**
 * Small text keys used to compare what people type: one home for the "ignore spaces and case"
 * rule (half- and full-width spaces alike), so names, labels and units compare the same way
 * everywhere.
 */

/** `" Sales  Center "` and `"sales　center"` → `salescenter`. */
export function normKey(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').toLowerCase();
}

/** An alignment reference as a key: spaces dropped, full-width slash as `/`, upper case
 *  (`销售中心 ／ o1` and `销售中心/O1` are the same parent). */
export function normRef(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').replace(/／/g, '/').toUpperCase();
}
