/**
 * Sheets reads an open-ended range (`'Check-ins'!$A$2:$D`, `C2:C`) as "through the sheet's
 * last row"; HyperFormula cannot parse it (a parsing error, which not even IFERROR catches).
 * The in-memory workbook hands the engine the same range closed at the referenced sheet's last
 * row at the time of writing — the formula text people and our code read back stays as written
 * (assumptions.ts `open-ended-ranges`). Quoted strings are left alone.
 */
const OPEN_RANGE = /((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+):(\$?[A-Z]{1,3})(?![\w$(!:])/g;

export function closeOpenRanges(formula: string, rowsOf: (sheet: string | null) => number): string {
  if (!/:\$?[A-Z]{1,3}(?![\w$(!:])/.test(formula)) return formula;
  // split at string literals ("…" with "" escapes); only code parts are rewritten
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(OPEN_RANGE, (_m, qual: string | undefined, from: string, col: string) => {
            const name = qual ? qual.slice(0, -1).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : null;
            return `${qual ?? ''}${from}:${col}${col.startsWith('$') ? '$' : ''}${rowsOf(name)}`;
          }),
    )
    .join('');
}
