/**
 * Reads a whole document once (lines, tables, labels, header facts) and chooses its structure:
 * labels when objectives are labelled, else the markup form whose reading finds the most
 * measurable KRs under the most objectives. The choice comes with its explanation and the
 * alternatives a user can switch to with `{ objectiveLevel }`.
 */
import type { Localized } from '../i18n';
import { toHalfWidth } from '../numbers';
import { parseKr } from './krItem';
import { buildByForm, buildByLabel, type BuildStats, type Doc } from './build';
import { classify, ID_CELL_RE, TYPE_CELL_RE, type Kind } from './classify';
import { findCycle, headerField, titleFacts } from './docHeader';
import { explainStructure } from './explain';
import { htmlToMarkdown, looksLikeHtml } from './html';
import { analyse, assignDepths, formOf, type Line } from './lines';
import { readOkrTable, type TableRead } from './table';
import type { ImportedOkrs, ImportOptions, StructureOption } from './types';

const SEPARATOR_ROW = /^:?-{2,}:?$|^:?—+:?$/;

function tablesOf(lines: Line[], kinds: Kind[], skip: boolean[], tables: Map<number, TableRead>, cycle: string | null): void {
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]!.cells) {
      i++;
      continue;
    }
    let j = i;
    const block: { at: number; cells: string[] }[] = [];
    while (j < lines.length && lines[j]!.cells) {
      const cells = lines[j]!.cells!;
      if (cells.every((c) => !c || SEPARATOR_ROW.test(c))) skip[j] = true;
      else block.push({ at: j, cells });
      j++;
    }
    const read = block.length >= 2 ? readOkrTable(block.map((b) => b.cells), { scanRows: 1, cycle }) : null;
    if (read && (read.objectives.length || read.looseKrs.length)) {
      tables.set(block[0]!.at, read);
      for (let k = i; k < j; k++) if (k !== block[0]!.at) skip[k] = true;
    } else {
      // No header we know: rows copied from our own sheet (`O1.KR2<TAB>type<TAB>title…`) are read
      // by their ID cell; anything else is a note.
      for (const { at, cells } of block) {
        const l = lines[at]!;
        const nonEmpty = cells.filter(Boolean);
        const id = nonEmpty[0] ?? '';
        if (ID_CELL_RE.test(toHalfWidth(id))) {
          let c = 1;
          if (nonEmpty[c] !== undefined && TYPE_CELL_RE.test(toHalfWidth(nonEmpty[c]!))) c++;
          const text = `${id}: ${nonEmpty[c] ?? ''}`;
          Object.assign(l, { cells: null, content: toHalfWidth(text), orig: text });
          kinds[at] = classify(l);
        } else kinds[at] = { kind: 'note' };
      }
    }
    i = j;
  }
}

export interface ReadDocument {
  doc: Doc;
  unit: string | null;
  owner: string | null;
  cycle: string | null;
}

export function readDocument(text: string): ReadDocument {
  const lines: Line[] = [];
  let blank = true;
  const clean = text.replace(/^\uFEFF/, '');
  for (const raw of (looksLikeHtml(clean) ? htmlToMarkdown(clean) : clean).split(/\r\n|\r|\n/)) {
    const l = analyse(raw, lines.length, blank);
    blank = l === null && raw.trim() === '' ? true : l === null ? blank : false;
    if (l) lines.push(l);
  }
  assignDepths(lines);
  const kinds = lines.map((l) => (l.cells ? ({ kind: 'prose' } as Kind) : classify(l)));
  let unit: string | null = null;
  let owner: string | null = null;
  let cycle: string | null = null;
  let started = false;
  for (let i = 0; i < lines.length && !started; i++) {
    const k = kinds[i]!;
    if (k.kind === 'title') {
      const f = titleFacts(lines[i]!.content);
      unit ??= f.unit;
      cycle ??= f.cycle;
    } else if (k.kind === 'owner' || k.kind === 'note') {
      // `部门：客服中心    负责人：王芳    周期：2026年第三季度` holds several fields on one line
      for (const part of toHalfWidth(lines[i]!.raw).split(/\s{2,}|\t|\s+[|｜]\s+/)) {
        const f = headerField(part);
        if (f?.key === 'owner') owner ??= f.value;
        else if (f?.key === 'unit') unit ??= f.value;
        else if (f?.key === 'cycle') cycle ??= f.value;
      }
    } else if ((k.kind === 'prose' || k.kind === 'item') && i === 0 && lines[i]!.content.length <= 40 && findCycle(lines[i]!.content)) {
      // a first line such as `Platform team — H1 2026` is the document's title
      const f = titleFacts(lines[i]!.content);
      unit ??= f.unit;
      cycle ??= f.cycle;
    } else if (k.kind !== 'section' && k.kind !== 'prose') started = true;
  }
  const skip = lines.map(() => false);
  const tables = new Map<number, TableRead>();
  tablesOf(lines, kinds, skip, tables, cycle);
  const forms = lines.map(formOf);
  const krSection = lines.map(() => false);
  const aside = lines.map(() => false);
  let inKr = false;
  let inAside = false;
  for (let i = 0; i < lines.length; i++) {
    const k = kinds[i]!.kind;
    const l = lines[i]!;
    if (k === 'sectionKr') inKr = true;
    else if (k === 'sectionO' || k === 'objective' || l.heading) inKr = false;
    if (k === 'sectionAside') inAside = true;
    else if (k === 'sectionKr' || k === 'sectionO' || k === 'objective' || k === 'section' || l.heading || l.bold || (l.afterBlank && !l.marker)) inAside = false;
    krSection[i] = inKr;
    aside[i] = inAside && k !== 'sectionAside';
    if (k === 'sectionO') {
      // the line after `Objective:` is the objective, whatever its markup
      for (let j = i + 1; j < lines.length; j++) {
        const kj = kinds[j]!.kind;
        if (kj === 'item' || kj === 'prose') {
          forms[j] = 'section';
          break;
        }
        if (kj !== 'note' && kj !== 'owner') break;
      }
    }
  }
  // A paragraph's first line, with more plain lines right under it, may be an objective.
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i]!;
    const next = lines[i + 1]!;
    // (a sentence — ending in . 。 ? : — or a long line is prose, not an objective)
    // (`Brand` above its bullets, with a blank line before it, reads the same way)
    const under = (forms[i + 1] === 'plain' && kinds[i + 1]!.kind === 'prose') || (next.marker !== null && kinds[i + 1]!.kind === 'item');
    const ends = next.marker !== null ? /[.。!！?？]$/ : /[.。!！?？:：]$/;
    if (l.afterBlank && l.content.length <= 60 && !ends.test(l.content) && forms[i] === 'plain' && kinds[i]!.kind === 'prose' && !next.afterBlank && under) {
      forms[i] = 'para';
    }
  }
  const memo = new Map<number, boolean>();
  const measurable = (i: number) => {
    let m = memo.get(i);
    if (m === undefined) {
      m = parseKr(lines[i]!.content).kind !== null;
      memo.set(i, m);
    }
    return m;
  };
  return { doc: { lines, kinds, forms, krSection, aside, tables, skip, cycle, measurable }, unit, owner, cycle };
}

/** Forms worth trying as the objective level, outline order. */
function candidateForms(doc: Doc): string[] {
  const seen = new Set<string>();
  doc.lines.forEach((_, i) => {
    const k = doc.kinds[i]!.kind;
    const f = doc.forms[i]!;
    if (!doc.skip[i] && (k === 'item' || (k === 'prose' && (f === 'section' || f === 'para'))) && f !== 'plain') seen.add(f);
  });
  return [...seen];
}

export interface Chosen {
  result: ImportedOkrs;
  option: StructureOption;
  alternatives: StructureOption[];
}

function optionOf(level: string, stats: BuildStats): StructureOption {
  const objectiveForm = level === 'label' ? 'label' : level;
  const explanation: Localized = explainStructure(objectiveForm, stats.keyResults ? stats.krForm : 'none');
  return { objectiveLevel: level, explanation, objectives: stats.objectives, keyResults: stats.keyResults };
}

export function chooseStructure(doc: Doc, options: ImportOptions): Chosen {
  const labelled = doc.kinds.some((k) => k.kind === 'objective') || [...doc.tables.values()].some((t) => t.objectives.length);
  const runs: { level: string; result: ImportedOkrs; stats: BuildStats }[] = [];
  if (labelled) runs.push({ level: 'label', ...buildByLabel(doc) });
  for (const f of candidateForms(doc).slice(0, 12)) runs.push({ level: f, ...buildByForm(doc, f) });
  if (!runs.length) runs.push({ level: 'label', ...buildByLabel(doc) });
  // Without labels, a reading in which no KR states a number or a deliverable is an agenda or
  // meeting notes, not OKRs: it is offered as an alternative but never chosen on its own.
  if (!labelled) {
    const unmeasured = runs.filter((r) => r.stats.measurable === 0);
    if (unmeasured.length === runs.length) {
      const empty = buildByLabel(doc);
      runs.unshift({ level: 'label', result: { ...empty.result, objectives: [], notes: doc.lines.filter((_, i) => !doc.skip[i]).map((l) => l.raw) }, stats: { ...empty.stats, objectives: 0, keyResults: 0, score: -Infinity } });
    }
  }
  const forced = options.objectiveLevel ? runs.find((r) => r.level === options.objectiveLevel) : undefined;
  let best = forced;
  if (!best) {
    // Labels (or `Objective:` headers), when present, are what the author meant; otherwise the best-scoring reading.
    const section = runs.find((r) => r.level === 'section' && r.stats.keyResults > 0);
    const measured = runs.filter((r) => r.stats.measurable > 0);
    best = labelled ? runs[0]! : section ?? (measured.length ? measured.reduce((a, r) => (r.stats.score > a.stats.score ? r : a)) : runs[0]!);
  }
  const alternatives = runs
    .filter((r) => r !== best && r.stats.keyResults > 0)
    .sort((a, b) => b.stats.score - a.stats.score)
    .map((r) => optionOf(r.level, r.stats));
  return { result: best.result, option: optionOf(best.level, best.stats), alternatives };
}
