/**
 * Builds objectives and KRs from a read document under one reading of its structure: either
 * "labels" (`O1:` / `目标：` lines carry objectives) or "form F" (lines of one markup form — the
 * `##` headings, the bold lines, the outermost numbered items… — carry objectives, and the form
 * found right under them carries KRs; deeper items are a KR's notes). structure.ts runs this for
 * each candidate and keeps the best.
 */
import { toHalfWidth } from '../numbers';
import type { Kind } from './classify';
import { makeKr, parseKr, resolveDue } from './krItem';
import { formOf, rankOf, type Line } from './lines';
import type { TableRead } from './table';
import type { ImportedKr, ImportedObjective, ImportedOkrs } from './types';

export interface Doc {
  lines: Line[];
  kinds: Kind[];
  /** Forms, with lines right after an `Objective:` header given the form `section`. */
  forms: string[];
  /** Lines under a `Key results:` header (until the next objective header or heading). */
  krSection: boolean[];
  /** Lines under an `Initiatives:` / `行动计划：` header: the objective's notes, never KRs. */
  aside: boolean[];
  /** A table read from the block starting at this line; the block's other lines are `skip`. */
  tables: Map<number, TableRead>;
  skip: boolean[];
  cycle: string | null;
  /** parseKr(...).kind !== null, per line, computed once. */
  measurable: (i: number) => boolean;
}

type Cur = ImportedObjective & { labelledKrs: boolean; indent: number; raw: string };

const INLINE_OWNER_RE = /\s*(?:\(\s*(?:负责人|责任人|owner|dri)\s*:\s*([^)]+?)\s*\)|(?:\s*[-–—|,;]\s*|\s+)(?:负责人|责任人|owner|dri)\s*:\s*([^,;()]+?))\s*$/i;
const DASH_OWNER_RE = /(?:\s+[-–—]+\s*@?|\s*[(]\s*@?|\s+@|^@)([\u4e00-\u9fff]{2,4}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s*\)?\s*$/;

export function cleanTitle(s: string): string {
  return s
    .replace(/\*\*|__/g, '')
    .replace(/[;；。，,、:：]+\s*$/, '')
    .replace(/(?<!\d)\.\s*$/, '')
    .trim();
}

/** `…（负责人：张三）`, `… - owner: Dana`, `… — @Alice`, `… - 刘洋`: the title and the owner it names. */
export function splitInlineOwner(title: string): { title: string; owner: string | null } {
  const half = toHalfWidth(title);
  const m = INLINE_OWNER_RE.exec(half);
  if (m) return { title: cleanTitle(title.slice(0, m.index)), owner: (m[1] ?? m[2] ?? '').trim() || null };
  const d = DASH_OWNER_RE.exec(half);
  if (d && d.index > 0) {
    const name = d[1]!;
    const before = cleanTitle(title.slice(0, d.index));
    // `- 完成` or `- Launch` is part of the sentence, not a person.
    const isPerson = /^@|@/.test(d[0]) || (parseKr(name).kind === null && !/^(?:Q[1-4]|H[12])$/i.test(name));
    if (before && isPerson) return { title: before, owner: name };
  }
  return { title, owner: null };
}

export interface BuildStats {
  objectives: number;
  keyResults: number;
  /** KRs that state a number or a deliverable. */
  measurable: number;
  score: number;
  krForm: string;
}

class Builder {
  res: ImportedOkrs = { objectives: [], notes: [] };
  cur: Cur | null = null;
  lastItem: { owner: string | null } | null = null;
  lastKr: { kr: ImportedKr; indent: number; rank: number } | null = null;
  constructor(private doc: Doc) {}

  note(l: Line): void {
    (this.cur ? this.cur.notes : this.res.notes).push(l.raw);
    this.lastItem = null;
  }

  /** Lines that are neither an objective nor a KR, read the same by every structure: section
   *  words are dropped, asides and titles kept as notes (a KR's own when nested under it),
   *  owner lines and @mentions name the owner. */
  furniture(k: Kind, l: Line): void {
    if (k.kind === 'owner' || k.kind === 'mention') this.owner(k.name, l);
    else if (k.kind === 'sectionAside') this.note(l);
    else if (k.kind === 'note' || k.kind === 'title') {
      if (this.deeperThanKr(l)) this.krNote(l);
      else this.note(l);
    }
  }
  topNote(l: Line): void {
    this.cur = null;
    this.lastKr = null;
    this.res.notes.push(l.raw);
    this.lastItem = null;
  }
  startObjective(title: string, l: Line | null): void {
    const { title: t, owner } = splitInlineOwner(cleanTitle(title));
    this.cur = { title: t, owner, notes: [], keyResults: [], labelledKrs: false, indent: l ? l.indent : 0, raw: l?.raw ?? '' };
    this.res.objectives.push(this.cur);
    this.lastItem = this.cur;
    this.lastKr = null;
  }
  addKr(title: string, l: Line): void {
    if (!this.cur) this.startObjective('', null);
    const { title: t, owner } = splitInlineOwner(cleanTitle(title));
    const kr = makeKr(t, { owner });
    kr.due = resolveDue(kr.parsed.deadline, this.doc.cycle);
    this.cur!.keyResults.push(kr);
    this.lastItem = kr;
    this.lastKr = { kr, indent: l.indent, rank: rankOf(formOf(l)) };
  }
  krNote(l: Line): void {
    this.lastKr!.kr.notes.push(cleanTitle(l.orig));
    this.lastItem = null;
  }
  owner(name: string, l: Line): void {
    if (this.lastItem && this.lastItem.owner === null && name) {
      this.lastItem.owner = cleanTitle(name).replace(/^@/, '');
      this.lastItem = null;
    } else this.note(l);
  }
  table(read: TableRead): void {
    for (const o of read.objectives) {
      this.cur = { ...o, labelledKrs: true, indent: 0, raw: o.title };
      this.res.objectives.push(this.cur);
    }
    if (read.looseKrs.length) {
      if (!this.cur) this.startObjective('', null);
      this.cur!.keyResults.push(...read.looseKrs);
      this.cur!.labelledKrs = true;
    }
    this.res.notes.push(...read.notes);
    this.lastItem = null;
    this.lastKr = null;
  }
  /** A sub-item deeper than the last KR is that KR's note. */
  deeperThanKr(l: Line): boolean {
    const k = this.lastKr;
    if (!k || !this.cur || !this.cur.keyResults.includes(k.kr)) return false;
    return (l.marker !== null || l.indent > 0) && l.indent > k.indent && !l.heading && !l.bold;
  }
  finish(dropEmpty: boolean): ImportedOkrs {
    const keep: ImportedObjective[] = [];
    for (const o of this.res.objectives as Cur[]) {
      if (dropEmpty && !o.keyResults.length && o.raw) {
        this.res.notes.push(o.raw, ...o.notes);
        continue;
      }
      keep.push({ title: o.title, owner: o.owner, notes: o.notes, keyResults: o.keyResults, ...(o.values ? { values: o.values } : {}) });
    }
    this.res.objectives = keep;
    return this.res;
  }
}

function statsOf(res: ImportedOkrs, krForm: string, emptyObjectives: number): BuildStats {
  let score = 0;
  let krs = 0;
  let measurable = 0;
  for (const o of res.objectives) {
    if (o.keyResults.length) score += 0.3;
    for (const k of o.keyResults) {
      krs++;
      // a table row's Target column measures it even when its text is only a metric's name
      const m = k.parsed.kind !== null || (k.values?.target ?? null) !== null;
      if (m) measurable++;
      score += m ? 1 : 0.5;
    }
  }
  return { objectives: res.objectives.length, keyResults: krs, measurable, score: score - 0.7 * emptyObjectives, krForm };
}

/** `KR：怎样衡量？…` — a question with nothing measurable is commentary, not a KR. */
const isCommentary = (title: string): boolean => /[?？]/.test(title) && parseKr(cleanTitle(title)).kind !== 'metric';

/** Objectives from `O1:` / `目标：` labels; list items and measurable lines under them are KRs. */
export function buildByLabel(doc: Doc): { result: ImportedOkrs; stats: BuildStats } {
  const b = new Builder(doc);
  const { lines, kinds } = doc;
  let labelledKrLines = 0;
  for (let i = 0; i < lines.length; i++) {
    if (doc.skip[i]) continue;
    const line = lines[i]!;
    const k = kinds[i]!;
    const table = doc.tables.get(i);
    if (table) {
      b.table(table);
      continue;
    }
    if (doc.aside[i] && (k.kind === 'item' || k.kind === 'prose')) {
      b.note(line);
      continue;
    }
    switch (k.kind) {
      case 'objective':
        b.startObjective(k.title, line);
        break;
      case 'kr':
        if (isCommentary(k.title)) {
          b.note(line);
          break;
        }
        b.addKr(k.title, line);
        b.cur!.labelledKrs = true;
        labelledKrLines++;
        break;
      case 'sectionO':
      case 'sectionKr':
      case 'section':
      case 'sectionAside':
      case 'owner':
      case 'mention':
      case 'note':
      case 'title':
        b.furniture(k, line);
        break;
      case 'item': {
        if (b.deeperThanKr(line)) b.krNote(line);
        else if (b.cur && !b.cur.labelledKrs && !line.heading && !line.bold) b.addKr(line.orig, line);
        else b.note(line);
        break;
      }
      case 'prose': {
        const c = b.cur;
        const title = cleanTitle(line.orig);
        if (b.deeperThanKr(line)) b.krNote(line);
        else if (c && !c.labelledKrs && title.length <= 60 && !/[?？:：]$/.test(title) && doc.measurable(i)) b.addKr(title, line);
        else b.note(line);
        break;
      }
    }
  }
  const result = b.finish(false);
  return { result, stats: statsOf(result, labelledKrLines ? 'krLabel' : 'bullet-1', 0) };
}

/** The form found right under most objective lines of form `f`: the KR level. */
function krFormUnder(doc: Doc, f: string): string {
  const votes = new Map<string, number>();
  const { lines, kinds, forms } = doc;
  for (let i = 0; i < lines.length; i++) {
    if (forms[i] !== f || (kinds[i]!.kind !== 'item' && kinds[i]!.kind !== 'prose')) continue;
    for (let j = i + 1; j < lines.length; j++) {
      if (doc.skip[j]) continue;
      const kind = kinds[j]!.kind;
      if (doc.tables.has(j)) {
        votes.set('tableKr', (votes.get('tableKr') ?? 0) + 1);
        break;
      }
      if (kind === 'kr') {
        votes.set('krLabel', (votes.get('krLabel') ?? 0) + 1);
        break;
      }
      if (kind !== 'item' && kind !== 'prose') continue;
      const g = forms[j]!;
      if (g === f) break;
      if (kind === 'prose' && !doc.measurable(j) && !doc.krSection[j]) continue;
      if (rankOf(g) < rankOf(f)) break;
      votes.set(g, (votes.get(g) ?? 0) + 1);
      break;
    }
  }
  let best = 'none';
  let n = 0;
  for (const [g, v] of votes) if (v > n || (v === n && rankOf(g) < rankOf(best))) [best, n] = [g, v];
  return best;
}

/** Objectives from lines of form `f`, KRs from the form right under them. */
export function buildByForm(doc: Doc, f: string): { result: ImportedOkrs; stats: BuildStats } {
  const b = new Builder(doc);
  const { lines, kinds, forms } = doc;
  const kf = krFormUnder(doc, f);
  const fRank = rankOf(f);
  const kRank = rankOf(kf);
  for (let i = 0; i < lines.length; i++) {
    if (doc.skip[i]) continue;
    const line = lines[i]!;
    const k = kinds[i]!;
    const form = forms[i]!;
    const table = doc.tables.get(i);
    if (table) {
      b.table(table);
      continue;
    }
    if (doc.aside[i] && (k.kind === 'item' || k.kind === 'prose') && form !== f) {
      b.note(line);
      continue;
    }
    switch (k.kind) {
      case 'objective':
        b.startObjective(k.title, line);
        break;
      case 'kr':
        if (isCommentary(k.title)) b.note(line);
        else b.addKr(k.title, line);
        break;
      case 'sectionO':
      case 'sectionKr':
      case 'section':
      case 'sectionAside':
      case 'owner':
      case 'mention':
      case 'note':
      case 'title':
        b.furniture(k, line);
        break;
      case 'item':
      case 'prose': {
        if (form === f) {
          b.startObjective(line.orig, line);
          break;
        }
        if (!b.cur) {
          b.topNote(line);
          break;
        }
        const rank = rankOf(form);
        const eligible = k.kind === 'item' || doc.measurable(i) || doc.krSection[i];
        if (form === kf && eligible) b.addKr(line.orig, line);
        else if (kf === 'plain' && k.kind === 'prose' && eligible && cleanTitle(line.orig).length <= 120) b.addKr(line.orig, line);
        else if (b.lastKr && rank > kRank && (b.deeperThanKr(line) || rank < 1000)) b.krNote(line);
        else if (rank < fRank) b.topNote(line);
        else if (doc.krSection[i] && k.kind === 'item') b.addKr(line.orig, line);
        else b.note(line);
        break;
      }
    }
  }
  const empty = (b.res.objectives as Cur[]).filter((o) => !o.keyResults.length && o.raw).length;
  const result = b.finish(true);
  return { result, stats: statsOf(result, kf, empty) };
}
