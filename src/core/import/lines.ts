/**
 * One line of a pasted document, read once: its indentation, its markup (heading level, quote,
 * bold, list marker and nesting depth, table cells) and its label (`O1:`, `KR2：`, `负责人：`,
 * a section word, a score line…). The structure chooser (structure.ts) works on these.
 */
import { toHalfWidth } from '../numbers';

export type Marker = 'num' | 'decimal' | 'circled' | 'bullet' | 'letter' | 'cn-num' | 'cn-paren';

export interface Line {
  /** 0-based index among the document's non-blank lines. */
  index: number;
  raw: string; // original text, trimmed
  indent: number;
  /** 1–6 for `#`…`######`, 0 otherwise. */
  heading: number;
  /** The whole content is bold (`**Grow revenue**`, `- __Grow__:`). */
  bold: boolean;
  marker: Marker | null;
  /** List nesting depth (1 = outermost), 0 when not a list item. */
  depth: number;
  content: string; // half-width, markers stripped, for matching
  orig: string; // the same span as `content`, in the user's own characters
  /** Cells of a Markdown (`| a | b |`) or tab-separated row. */
  cells: string[] | null;
  /** A blank line came right before it. */
  afterBlank: boolean;
}

const BULLET = String.raw`(?:[-*+•·▪●○◦‣►▶➤➢→✓✔☐☑□■◆◇❖]|\p{Extended_Pictographic}\uFE0F?)`;
const MARKERS: [Marker, RegExp][] = [
  ['cn-paren', /^\(\s*[一二三四五六七八九十]{1,3}\s*\)\s*/],
  ['cn-num', /^[一二三四五六七八九十]{1,3}\s*[、.]\s*/],
  // `1.1 Move …` under `1. Modernise …`: a second outline level (a decimal number is a value: `1.5 天`)
  ['decimal', /^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?\s+(?=[A-Za-z\u4e00-\u9fff])(?![天个人万元倍小分秒年月周次项件家])/],
  ['num', /^(?:\d{1,2}\s*[.:](?!\d)\s*|\d{1,2}\s*[)、]\s*|\(\s*\d{1,2}\s*\)\s*|(?:Step|步骤)\s*\d{1,2}\s*[.:)]\s*)/i],
  ['circled', /^[①-⑳]\s*/],
  ['letter', /^[a-np-zA-NP-Z][.)]\s+/],
  ['bullet', new RegExp(String.raw`^(?:${BULLET}\s*)+(?:\[[ xX✓]\]\s*)?(?:\p{Extended_Pictographic}\uFE0F?\s*)*`, 'u')],
];
const RULE_RE = /^(?:[-*_=~]\s*){3,}$/;

export function indentOf(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (ch === ' ') n += 1;
    else if (ch === '\t') n += 4;
    else if (ch === '\u3000') n += 2;
    else break;
  }
  return n;
}

/** Splits a Markdown or tab-separated row into cells; null for any other line. */
export function tableCells(rawLine: string): string[] | null {
  const raw = rawLine.replace(/^ +/, '').replace(/\s+$/, '');
  const t = raw.trim();
  if (/^\|.*\|\s*$/.test(t) || (/^\|/.test(t) && t.split('|').length > 3)) {
    return t.replace(/^\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim());
  }
  if (raw.includes('\t')) {
    const cells = raw.split('\t').map((c) => c.trim());
    if (cells.filter(Boolean).length >= 2) return cells;
  }
  return null;
}

/** Reads one line; null for a blank line or a horizontal rule (document furniture). */
export function analyse(rawLine: string, index: number, afterBlank: boolean): Line | null {
  const raw = rawLine.trim();
  if (!raw || RULE_RE.test(raw)) return null;
  const indent = indentOf(rawLine);
  const cells = tableCells(rawLine);
  if (cells) {
    const joined = cells.join(' ');
    return { index, raw, indent, afterBlank, cells, depth: 0, heading: 0, bold: false, marker: null, content: toHalfWidth(joined), orig: joined };
  }
  // toHalfWidth maps one UTF-16 unit to one, so offsets in `half` are offsets in `raw`.
  const halfRaw = toHalfWidth(raw);
  let cut = 0;
  let heading = 0;
  let marker: Marker | null = null;
  const q = /^(?:>\s*)+/.exec(halfRaw);
  if (q) cut += q[0].length;
  const h = /^(#{1,6})(?!#)\s*/.exec(halfRaw.slice(cut));
  if (h && halfRaw.length > cut + h[0].length) {
    heading = h[1]!.length;
    cut += h[0].length;
  }
  const rest = halfRaw.slice(cut);
  if (!/^(\*\*|__)/.test(rest)) {
    for (const [m, re] of MARKERS) {
      const b = re.exec(rest);
      if (b && rest.length > b[0].length) {
        marker = m;
        cut += b[0].length;
        break;
      }
    }
  }
  let half = halfRaw.slice(cut);
  let origChars = raw.slice(cut);
  const bold = /^(\*\*|__)(?=\S)(.+?)\1\s*[:]?\s*$/.test(half) && !/\*\*|__/.test(half.replace(/^(\*\*|__)|(\*\*|__)\s*:?\s*$/g, ''));
  half = half.replace(/\*\*|__/g, (m) => ' '.repeat(m.length));
  // markdown emphasis was blanked in `half`; drop it from the original too
  const orig = origChars.replace(/\*\*|__/g, '').replace(/＊＊/g, '').trim();
  return { index, raw, indent, afterBlank, cells, depth: 0, heading, bold, marker, content: half.replace(/\s+/g, ' ').trim(), orig };
}

/** Nesting depth of list items, from indentation, within runs of list items. */
export function assignDepths(lines: Line[]): void {
  let stack: number[] = [];
  for (const l of lines) {
    if (l.heading || l.bold || l.cells || l.marker === 'cn-num' || l.marker === 'cn-paren') {
      stack = [];
      continue;
    }
    if (!l.marker) continue;
    while (stack.length && stack[stack.length - 1]! > l.indent) stack.pop();
    if (!stack.length || stack[stack.length - 1]! < l.indent) stack.push(l.indent);
    l.depth = stack.length;
  }
}

/** The markup form a line has: `h2`, `bold`, `cn-num`, `num-1`, `bullet-2`, or `plain`. */
export function formOf(l: Line): string {
  if (l.heading) return `h${l.heading}`;
  if (l.bold) return 'bold';
  if (l.marker === 'cn-num' || l.marker === 'cn-paren') return l.marker;
  if (l.marker) return `${l.marker}-${l.depth}`;
  return 'plain';
}

/** Outline rank of a form: lower is higher in the document's outline. */
export function rankOf(form: string): number {
  if (/^h\d$/.test(form)) return +form.slice(1);
  if (form === 'section') return 0.5;
  if (form === 'para') return 9.5;
  if (form === 'bold') return 7;
  if (form === 'cn-num') return 8;
  if (form === 'cn-paren') return 9;
  const m = /^(\w+)-(\d+)$/.exec(form);
  // list items of one depth share a rank, whatever their marker: `• 目标` over `1. KR` at the same
  // indent and `1. Objective` over `- KR` are both read
  if (m) return 10 + (+m[2]! - 1) * 5;
  return 1000;
}
