/**
 * OKR text import: turns OKRs pasted as plain text (chat messages, documents, markdown) into
 * objectives and key results, each KR parsed by `parseKrText`.
 *
 * Accepted forms (tested in test/core/importtext.test.ts):
 * - Objectives: `O1: …`, `O: …`, `目标1：…`, `目标一：…`, `目标(O)：…`, `目标 2（O2）：…`, `【O1】…`,
 *   `Objective 1 - …`, `Objective: …`, markdown headings (`## O1 …`), each possibly behind a
 *   bullet or number. Rows copied from a spreadsheet (`O1.KR2<TAB>type<TAB>title…`) and
 *   markdown table rows (`| O1.KR2 | title | … |`) are read by their ID cell.
 * - Key results: `KR1: …`, `KR: …`, `O1.KR2: …`, `关键结果1：…`, `Key result 2: …`, or list items
 *   (`- `, `* `, `• `, `1.`, `1)`, `（1）`, `①`) under an objective whose KRs are not labelled.
 *   A plain short line under such an objective becomes a KR only when it reads as measurable.
 * - Without any objective label, a list item or heading with more deeply indented list items
 *   under it is an objective and those items are its KRs.
 * - Owners: `负责人：张三` / `Owner: Alice` on the line right after a KR or objective (blank lines
 *   allowed between) becomes its owner; `（负责人：张三）` / `(owner: Alice)` at the end of a title too.
 * - A labelled KR that is a question with no number (`KR：怎么衡量？`) is commentary: a note.
 * - Everything else — intro prose, section titles, scoring (`评分：0.7`), status, progress,
 *   notes, an owner line that follows nothing — is kept verbatim (trimmed) in `notes`: the
 *   objective's notes once an objective has started, the top-level notes before. Blank lines are
 *   dropped. Structural headers without content (`关键结果（KR）`, `Key results:`) are dropped.
 * - Titles lose their labels, bullets, markdown emphasis and trailing `;；。，`.
 * Full-width and half-width punctuation are equivalent. Never throws.
 */
import { parseKrText, type ParsedKr } from './krtext';
import { toHalfWidth } from './numbers';

export interface ImportedKr {
  title: string;
  parsed: ParsedKr;
  owner: string | null;
}

export interface ImportedObjective {
  title: string;
  owner: string | null;
  notes: string[];
  keyResults: ImportedKr[];
}

export interface ImportedOkrs {
  objectives: ImportedObjective[];
  notes: string[];
}

const SEP = String.raw`(?:\s*[:\-–—.、)\]】]\s*|\s+)`;
const INDEX = String.raw`(\d+|[一二三四五六七八九十]{1,3})`;
const OBJECTIVE_RE = new RegExp(
  String.raw`^[\[【]?(?:Objective|目标|O)\s*#?\s*${INDEX}?\s*(?:\(\s*O\s*\d*\s*\)\s*(\d+)?)?(${SEP})(.*)$`,
  'i',
);
const KR_RE = new RegExp(
  String.raw`^[\[【]?(?:O\d+\s*[.\-]\s*)?(?:KRs?|Key\s*results?|关键结果|关键成果)\s*#?\s*(\d+(?:\.\d+)?|[一二三四五六七八九十]{1,3})?\s*(?:\(\s*KR\s*\d*\s*\)\s*(\d+)?)?(${SEP}|$)(.*)$`,
  'i',
);
/** An ID cell as copied from a spreadsheet row: `O1`, `KR2`, `O1.KR2`. */
const ID_CELL_RE = /^(?:O\d+(?:\.KR\d+)?|KR\d+)$/i;
const TYPE_CELL_RE = /^(?:目标|O|Objective|KR|关键结果|Key result|提升|降低|不低于|至少|不高于|至多|里程碑|Increase|Decrease|At least|At most|Milestone)$/i;
/** A time or scope qualifier before a score / status label: `上季度得分：`, `Q3 score:`, `Final score:`. */
const NOTE_QUALIFIER = String.raw`(?:(?:上|本|下)?(?:个)?(?:季度|月|周|半年|年度?)|上半年|下半年|全年|年终|期末|期中|中期|最终|综合|总|Q[1-4]|H[12]|(?:last|this|previous|prior|current)\s+(?:quarter|month|week|year|cycle)(?:'s)?|final|overall|mid-?(?:term|cycle)|q[1-4]|h[12])\s*`;
const QUALIFIED_NOTE_RE = new RegExp(
  String.raw`^${NOTE_QUALIFIER}(?:评分|得分|分数|自评分?|打分|score|self-?score|grade|状态|进度|进展|status|progress)\s*:`,
  'i',
);
const NOTE_RE =
  /^(?:评分|得分|分数|自评分?|打分|score|self-?score|grade|状态|进度|进展|status|progress|信心指数|信心|confidence|备注|说明|注|PS|note|notes|负责人|责任人|owner|截止(?:日期|时间)?|deadline|due(?: date)?|权重|weight|周期|cycle|对齐|aligned? to|aligns to|来源|source|复盘|review|总结|summary)\s*:/i;
const OWNER_RE = /^(?:负责人|责任人|owner)\s*:\s*(.+)$/i;
const INLINE_OWNER_RE = /\s*(?:\(\s*(?:负责人|责任人|owner)\s*:\s*([^)]+?)\s*\)|(?:\s*[-–—|,;]\s*|\s+)(?:负责人|责任人|owner)\s*:\s*([^,;()]+?))\s*$/i;
const BULLET_RE = /^(?:[-*+•·▪●○◦‣]\s*|\d{1,2}\s*[.)、:](?!\d)\s*|\(\s*\d{1,2}\s*\)\s*|[①-⑳]\s*|[一二三四五六七八九十]{1,2}\s*[、.]\s*)/;

interface Line {
  raw: string; // original text, trimmed
  indent: number;
  heading: boolean;
  list: boolean;
  content: string; // half-width, markers stripped, for matching
  orig: string; // the same span as `content`, in the user's own characters
}

function indentOf(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (ch === ' ') n += 1;
    else if (ch === '\t') n += 4;
    else if (ch === '\u3000') n += 2;
    else break;
  }
  return n;
}

function analyse(rawLine: string): Line | null {
  const raw = rawLine.trim();
  if (!raw) return null;
  const indent = indentOf(rawLine);
  // A row copied from a spreadsheet (`O1.KR2<TAB>[type<TAB>]title<TAB>…`) or a markdown table
  // row (`| O1.KR2 | title | … |`).
  const pipeRow = /^\|.*\|/.test(raw);
  if (pipeRow && /^[\s|:\-–]+$/.test(raw)) return null; // the |---|---| rule under a header
  if (raw.includes('\t') || pipeRow) {
    const cells = raw.split(pipeRow ? '|' : '\t').map((c) => c.trim()).filter(Boolean);
    const id = cells[0] ?? '';
    if (ID_CELL_RE.test(toHalfWidth(id))) {
      let j = 1;
      if (cells[j] !== undefined && TYPE_CELL_RE.test(toHalfWidth(cells[j]!))) j++;
      const title = cells[j] ?? '';
      const line = `${id}: ${title}`;
      return { raw, indent, heading: false, list: false, content: toHalfWidth(line), orig: line };
    }
  }
  // toHalfWidth maps one UTF-16 unit to one, so offsets in `half` are offsets in `raw`.
  let half = toHalfWidth(raw).replace(/\*\*|__/g, (m) => ' '.repeat(m.length));
  let origChars = raw;
  let cut = 0;
  let heading = false;
  let list = false;
  const h = /^(?:#{1,6}|>)\s*/.exec(half);
  if (h) {
    heading = h[0].startsWith('#');
    cut += h[0].length;
  }
  const leading = /^\s*/.exec(half.slice(cut))!;
  cut += leading[0].length;
  const b = BULLET_RE.exec(half.slice(cut));
  if (b && half.length > cut + b[0].length) {
    list = true;
    cut += b[0].length;
  }
  half = half.slice(cut);
  origChars = origChars.slice(cut);
  // markdown emphasis was blanked in `half`; drop it from the original too
  const orig = origChars.replace(/\*\*|__/g, '').replace(/＊＊/g, '');
  return { raw, indent, heading, list, content: half.replace(/\s+/g, ' ').trim(), orig: orig.trim() };
}

/** Cuts the part of `orig` that corresponds to `content` after a label of `labelLen` chars. */
function afterLabel(line: Line, rest: string): string {
  // rest is a suffix of line.content (half-width); find the same suffix length in orig
  const restLen = rest.length;
  const origNorm = line.orig.replace(/\s+/g, ' ').trim();
  return origNorm.slice(Math.max(0, origNorm.length - restLen));
}

function cleanTitle(s: string): string {
  return s
    .replace(/\*\*|__/g, '')
    .replace(/[;；。，,、]+\s*$/, '')
    .replace(/(?<!\d)\.\s*$/, '')
    .trim();
}

function splitInlineOwner(title: string): { title: string; owner: string | null } {
  const half = toHalfWidth(title);
  const m = INLINE_OWNER_RE.exec(half);
  if (!m) return { title, owner: null };
  const owner = (m[1] ?? m[2] ?? '').trim();
  return { title: cleanTitle(title.slice(0, m.index)), owner: owner || null };
}

type Kind =
  | { kind: 'objective'; title: string }
  | { kind: 'kr'; title: string }
  | { kind: 'structural' }
  | { kind: 'owner'; name: string }
  | { kind: 'note' }
  | { kind: 'item' } // unlabelled list item or heading
  | { kind: 'prose' };

function classify(line: Line): Kind {
  const c = line.content;
  const k = KR_RE.exec(c);
  if (k) {
    const sep = k[3]!;
    const hasDigit = Boolean(k[1] ?? k[2]);
    const spaceOnly = sep !== '' && !/[:\-–—.、)]/.test(sep);
    const rest = k[4]!.trim();
    if (!rest) return { kind: 'structural' };
    if (!spaceOnly || hasDigit) return { kind: 'kr', title: afterLabel(line, rest) };
  }
  const o = OBJECTIVE_RE.exec(c);
  if (o) {
    const hasDigit = Boolean(o[1] ?? o[2]) || /\(\s*O/i.test(c.slice(0, c.length - o[4]!.length));
    const sep = o[3]!;
    const spaceOnly = !/[:\-–—.、)]/.test(sep);
    // `O 提升…` needs a number or a heading; `Objectives and key results` is prose.
    if (!spaceOnly || hasDigit || line.heading) {
      const rest = o[4]!.trim();
      if (!rest) return { kind: 'structural' };
      return { kind: 'objective', title: afterLabel(line, rest) };
    }
  }
  const owner = OWNER_RE.exec(c);
  if (owner) return { kind: 'owner', name: afterLabel(line, owner[1]!.trim()) };
  if (NOTE_RE.test(c) || QUALIFIED_NOTE_RE.test(c)) return { kind: 'note' };
  if (line.list || line.heading) return { kind: 'item' };
  return { kind: 'prose' };
}

/** Parses pasted OKR text; see the module comment. Never throws. */
export function parseOkrText(text: unknown): ImportedOkrs {
  const out: ImportedOkrs = { objectives: [], notes: [] };
  if (typeof text !== 'string') return out;
  try {
    run(text, out);
  } catch {
    // Defensive: keep whatever was read so far.
  }
  // Drop the parser's bookkeeping fields.
  out.objectives = out.objectives.map(({ title, owner, notes, keyResults }) => ({ title, owner, notes, keyResults }));
  return out;
}

function run(text: string, out: ImportedOkrs): void {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map(analyse)
    .filter((l): l is Line => l !== null);
  const kinds = lines.map(classify);
  const labelled = kinds.some((k) => k.kind === 'objective');

  type Current = ImportedObjective & { labelledKrs: boolean; indent: number };
  // Held in one object so the helpers below can update it (TS narrows `let`s across closures badly).
  const st: { cur: Current | null; lastItem: { owner: string | null } | null } = { cur: null, lastItem: null };

  const note = (l: Line) => {
    (st.cur ? st.cur.notes : out.notes).push(l.raw);
    st.lastItem = null;
  };
  const startObjective = (title: string, indent: number) => {
    const { title: t, owner } = splitInlineOwner(cleanTitle(title));
    st.cur = { title: t, owner, notes: [], keyResults: [], labelledKrs: false, indent };
    out.objectives.push(st.cur);
    st.lastItem = st.cur;
  };
  const addKr = (title: string) => {
    if (!st.cur) startObjective('', 0);
    const { title: t, owner } = splitInlineOwner(cleanTitle(title));
    const kr: ImportedKr = { title: t, parsed: parseKrText(t), owner };
    st.cur!.keyResults.push(kr);
    st.lastItem = kr;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const k = kinds[i]!;
    switch (k.kind) {
      case 'objective':
        startObjective(k.title, line.indent);
        break;
      case 'kr':
        // `KR：怎样衡量？…` — a question with nothing measurable is commentary, not a KR.
        if (/[?？]/.test(k.title) && parseKrText(cleanTitle(k.title)).kind !== 'metric') {
          note(line);
          break;
        }
        addKr(k.title);
        st.cur!.labelledKrs = true;
        break;
      case 'structural':
        break;
      case 'owner':
        if (st.lastItem && st.lastItem.owner === null && k.name) {
          st.lastItem.owner = cleanTitle(k.name);
          st.lastItem = null;
        } else note(line);
        break;
      case 'note':
        note(line);
        break;
      case 'item': {
        const title = cleanTitle(line.orig);
        if (labelled) {
          const c = st.cur;
          if (c && !c.labelledKrs && !/\bOKRs?\b/i.test(line.content) && !line.heading) addKr(title);
          else note(line);
          break;
        }
        // Unlabelled text: a heading, or a list item with deeper list items under it, is an
        // objective; the deeper items are its KRs.
        const next = lines[i + 1];
        const hasChildren =
          next !== undefined && next.list && kinds[i + 1]!.kind === 'item' && (line.heading || next.indent > line.indent);
        if (hasChildren) startObjective(title, line.heading ? -1 : line.indent);
        else if (st.cur && line.list && line.indent > st.cur.indent) addKr(title);
        else {
          st.cur = null;
          note(line);
        }
        break;
      }
      case 'prose': {
        const c = st.cur;
        const title = cleanTitle(line.orig);
        if (labelled && c && !c.labelledKrs && title.length <= 60 && !/[?？:：]$/.test(title)) {
          const parsed = parseKrText(title);
          if (parsed.kind !== null) {
            addKr(title);
            break;
          }
        }
        note(line);
        break;
      }
    }
  }
}
