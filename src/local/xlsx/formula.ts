/**
 * Formula text between a plan (`=…`, Sheets dialect, `,` separators) and OOXML (no `=`, newer
 * functions carry the `_xlfn.` prefix Excel requires, Sheets-only functions replaced).
 */
import { colToNum, numToCol } from './range';

/** Functions added after Excel 2007: OOXML stores them as `_xlfn.NAME` (`_xlfn._xlws.` for a few). */
const XLFN: Record<string, string> = Object.fromEntries(
  [
    'IFS', 'SWITCH', 'MAXIFS', 'MINIFS', 'CONCAT', 'TEXTJOIN', 'IFNA', 'XOR', 'DAYS', 'ISOWEEKNUM',
    'XLOOKUP', 'XMATCH', 'SORTBY', 'UNIQUE', 'SEQUENCE', 'LET', 'LAMBDA', 'RANDARRAY',
    'FLOOR.MATH', 'CEILING.MATH', 'STDEV.S', 'STDEV.P', 'VAR.S', 'VAR.P', 'PERCENTILE.INC',
    'PERCENTILE.EXC', 'QUARTILE.INC', 'QUARTILE.EXC', 'RANK.EQ', 'RANK.AVG', 'MODE.SNGL',
    'NORM.DIST', 'NORM.INV', 'AGGREGATE', 'NETWORKDAYS.INTL', 'WORKDAY.INTL', 'FORMULATEXT',
    'ISFORMULA', 'SHEET', 'SHEETS', 'NUMBERVALUE', 'UNICHAR', 'UNICODE', 'ARABIC', 'BASE',
    'DECIMAL', 'COT', 'ACOT', 'CSC', 'SEC', 'BITAND', 'BITOR', 'BITXOR', 'IFERROR.NOTHING',
    'TEXTBEFORE', 'TEXTAFTER', 'TEXTSPLIT', 'VSTACK', 'HSTACK', 'TOCOL', 'TOROW', 'CHOOSECOLS',
    'CHOOSEROWS', 'TAKE', 'DROP',
  ].map((f) => [f, `_xlfn.${f}`]),
);
XLFN.FILTER = '_xlfn._xlws.FILTER';
XLFN.SORT = '_xlfn._xlws.SORT';

const IDENT = /[A-Za-z0-9_.\\]/;

/** Splits formula text into code and quoted parts (string literals, quoted sheet names). */
function splitQuotes(f: string): Array<{ code: boolean; text: string }> {
  if (f.indexOf('"') < 0 && f.indexOf("'") < 0) return [{ code: true, text: f }];
  const parts: Array<{ code: boolean; text: string }> = [];
  let i = 0;
  while (i < f.length) {
    const dq = f.indexOf('"', i);
    const sq = f.indexOf("'", i);
    const q = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
    if (q < 0) break;
    const ch = f[q]!;
    if (q > i) parts.push({ code: true, text: f.slice(i, q) });
    let j = q + 1;
    for (;;) {
      const k = f.indexOf(ch, j);
      if (k < 0) {
        j = f.length;
        break;
      }
      if (f[k + 1] === ch) {
        j = k + 2;
        continue;
      }
      j = k + 1;
      break;
    }
    parts.push({ code: false, text: f.slice(q, j) });
    i = j;
  }
  if (i < f.length) parts.push({ code: true, text: f.slice(i) });
  return parts;
}

/** Calls `visit` for every stretch of formula text outside string literals and quoted sheet names. */
function mapOutsideQuotes(f: string, visit: (code: string) => string): string {
  return splitQuotes(f)
    .map((p) => (p.code ? visit(p.text) : p.text))
    .join('');
}

/** Plan formula (`=…`) → OOXML formula text (no `=`), with `_xlfn.` prefixes. */
export function toXlsxFormula(formula: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return mapOutsideQuotes(body, (code) =>
    code.replace(/([A-Za-z_][A-Za-z0-9_.]*)(\s*\()/g, (whole, name: string, paren: string, offset: number) => {
      const before = offset > 0 ? code[offset - 1]! : '';
      if (before && IDENT.test(before)) return whole;
      const mapped = XLFN[name.toUpperCase()];
      return mapped ? mapped + paren : whole;
    }),
  );
}

/** OOXML formula text → plan formula (`=…`) without `_xlfn.` / `_xlws.` prefixes. */
export function fromXlsxFormula(formula: string): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  return '=' + mapOutsideQuotes(body, (code) => code.replace(/_xlfn\.(_xlws\.)?/gi, '').replace(/_xlws\./gi, ''));
}

/**
 * HyperFormula reads TRUE and FALSE only as functions (`TRUE()`): bare boolean literals outside
 * strings become calls, so formulas written for Excel/Sheets evaluate the same.
 */
export function hyperFormulaCompatible(formula: string): string {
  return mapOutsideQuotes(formula, (code) =>
    code.replace(/(^|[^A-Za-z0-9_.!$])(TRUE|FALSE)(?![A-Za-z0-9_.(!])/gi, (_w, pre: string, b: string) => `${pre}${b.toUpperCase()}()`),
  );
}

/** Index just past the `)` that closes the `(` at `open`, skipping strings; -1 if unbalanced. */
function closingParen(f: string, open: number): number {
  let depth = 0;
  for (let i = open; i < f.length; i++) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < f.length && !(f[j] === ch && f[j + 1] !== ch)) j += f[j] === ch ? 2 : 1;
      i = j;
    } else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The text of the first top-level argument of the call whose `(` is at `open`. */
function firstArgument(f: string, open: number, end: number): string {
  let depth = 0;
  for (let i = open + 1; i < end - 1; i++) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < f.length && !(f[j] === ch && f[j + 1] !== ch)) j += f[j] === ch ? 2 : 1;
      i = j;
    } else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) return f.slice(open + 1, i).trim();
  }
  return f.slice(open + 1, end - 1).trim();
}

/** True when a formula uses SPARKLINE (Sheets only). */
export function hasSparkline(formula: string): boolean {
  return /(^|[^A-Za-z0-9_.])SPARKLINE\s*\(/i.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}

/**
 * Replaces every `SPARKLINE(data, options)` call by its data argument, so the cell holds the
 * number the bar shows (the exporter adds a data bar over those cells). `=…` in, `=…` out.
 */
export function replaceSparkline(formula: string): string {
  let f = formula;
  for (let guard = 0; guard < 20; guard++) {
    const m = /(^|[^A-Za-z0-9_.])(SPARKLINE)\s*\(/i.exec(f.replace(/"(?:[^"]|"")*"/g, (s) => ' '.repeat(s.length)));
    if (!m) break;
    const start = m.index + m[1]!.length;
    const open = f.indexOf('(', start);
    const end = closingParen(f, open);
    if (end < 0) break;
    const arg = firstArgument(f, open, end) || '0';
    f = f.slice(0, start) + arg + f.slice(end);
  }
  return f;
}

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(.])/g;

type Piece = string | { cAbs: boolean; col: number; rAbs: boolean; row: number };

/**
 * Compiles a formula once into text pieces and references; the returned function moves the
 * relative references by (dRow, dCol), like copying the formula to another cell. Same result
 * as shiftFormula, for formulas shifted many times (shared formulas, runs of copies).
 */
export function compileShift(formula: string): (dRow: number, dCol: number) => string {
  const pieces: Piece[] = [];
  for (const part of splitQuotes(formula)) {
    if (!part.code) {
      pieces.push(part.text);
      continue;
    }
    const code = part.text;
    let last = 0;
    const re = new RegExp(REF.source, 'g');
    for (let m = re.exec(code); m; m = re.exec(code)) {
      const before = m.index > 0 ? code[m.index - 1]! : '';
      if (before && /[A-Za-z0-9_.$]/.test(before)) continue;
      if (m.index > last) pieces.push(code.slice(last, m.index));
      pieces.push({ cAbs: !!m[1], col: colToNum(m[2]!), rAbs: !!m[3], row: Number(m[4]) });
      last = m.index + m[0].length;
    }
    if (last < code.length) pieces.push(code.slice(last));
  }
  return (dRow, dCol) => {
    if (dRow === 0 && dCol === 0) return formula;
    let out = '';
    for (const p of pieces) out += typeof p === 'string' ? p : refText(p, dRow, dCol);
    return out;
  };
}

function refText(p: Exclude<Piece, string>, dRow: number, dCol: number): string {
  const col = p.cAbs ? p.col : Math.max(1, p.col + dCol);
  const row = p.rAbs ? p.row : Math.max(1, p.row + dRow);
  return `${p.cAbs ? '$' : ''}${numToCol(col)}${p.rAbs ? '$' : ''}${row}`;
}
/** Moves relative A1 references by (dRow, dCol), like copying the formula to another cell. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return mapOutsideQuotes(formula, (code) =>
    code.replace(REF, (whole, cAbs: string, col: string, rAbs: string, row: string, offset: number) => {
      const before = offset > 0 ? code[offset - 1]! : '';
      if (before && /[A-Za-z0-9_.$]/.test(before)) return whole;
      const colNum = cAbs ? colToNum(col) : colToNum(col) + dCol;
      const rowNum = rAbs ? Number(row) : Number(row) + dRow;
      return `${cAbs}${numToCol(Math.max(1, colNum))}${rAbs}${Math.max(1, rowNum)}`;
    }),
  );
}
