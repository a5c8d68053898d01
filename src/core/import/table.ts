/**
 * An OKR table in someone else's layout, as a 2-D array of cells (a pasted Markdown or
 * tab-separated table, or a whole spreadsheet for "adopt this sheet"): finds the header row,
 * maps columns by meaning (src/core/import/columns.ts) and reads objectives and KRs from the rows.
 *
 * Row layouts read (tested in test/import/table.test.ts):
 * - one row per KR with the objective repeated, merged (blank below its first row) or blank
 *   below its first row;
 * - objective rows and KR rows interleaved: an objective row has an objective but no KR, or an
 *   `O1` ID, or an Objective type; one text column holding both (`Objectives & key results`)
 *   uses the ID / type cell, else the `O1:` / `KR1:` label, else "first row is the objective";
 * - a KR column holding only IDs (`| KR | 描述 |`) takes its text from the description column.
 * Values the table had (start, target, current, weight, score, due…) come along; columns with no
 * meaning we know are kept as notes (`Header: value`); a cell that held a formula is kept as its
 * value with a note saying so.
 */
import type { Lang, Localized } from '../i18n';
import { fmt } from '../i18n';
import { matchLabel, ROW_TYPE_LABELS } from '../labels';
import type { KrType } from '../model';
import { parseDate, parseNumber, toHalfWidth } from '../numbers';
import { roleOfHeader, type ColumnRole } from './columns';
import { makeKr, parseKr, resolveDue } from './krItem';
import type { ImportedKr, ImportedObjective, ImportedValues } from './types';

export interface ColumnMapping {
  column: number;
  header: string;
  role: ColumnRole | null;
}

export interface TableRead {
  headerRow: number;
  mapping: ColumnMapping[];
  /** Objectives the table names. */
  objectives: ImportedObjective[];
  /** KRs read before any objective (a table with only a KR column): the caller places them. */
  looseKrs: ImportedKr[];
  notes: string[];
}

export interface TableOptions {
  formulas?: readonly (readonly unknown[])[];
  lang?: Lang;
  cycle?: string | null;
  /** Rows to search for the header (default 20). */
  scanRows?: number;
}

const TEXT = {
  formulaKept: {
    'zh-CN': '{header}：原为公式 {formula}，已保留为值 {value}',
    en: '{header}: was the formula {formula}, kept as the value {value}',
  },
} satisfies Record<string, Localized>;

const ID_LIKE = /^(?:O\s*\d+\s*[.\-]?\s*)?KR\s*\d+(?:\.\d+)?$|^\d+(?:\.\d+)?$/i;
const O_ID = /^O\s*\d+$/i;
const KR_ID = /KR\s*\d+|^O\s*\d+\s*\.\s*\d+$|^\d+\.\d+$/i;
const O_LABEL = /^[\[【]?(?:Objective|目标|O)\s*#?\s*(?:(?:\d+|[一二三四五六七八九十]{1,3})?\s*(?:\(\s*O\s*\d*\s*\))?\s*[:\-–—.、)\]】]\s*|(?:\d+|[一二三四五六七八九十]{1,3})\s+)/i;
const KR_LABEL = /^[\[【]?(?:O\d+\s*[.\-]\s*)?(?:KRs?|Key\s*results?|关键结果|关键成果)(?=[\s\d:.\-–—、)\]】#(]|$)\s*#?\s*(?:\d+(?:\.\d+)?|[一二三四五六七八九十]{1,3})?\s*(?:\(\s*KR\s*\d*\s*\))?\s*[:\-–—.、)\]】]?\s*/i;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return parseDate(v) ?? '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).replace(/\s+/g, ' ').trim();
}

/** Maps a header row; null when it names neither objectives nor key results. */
export function mapHeader(row: readonly unknown[]): ColumnMapping[] | null {
  const seen = new Set<ColumnRole>();
  const mapping = row.map((cell, column): ColumnMapping => {
    let role = roleOfHeader(cell);
    if (role && seen.has(role)) role = null; // a second "Notes" column stays a note
    if (role) seen.add(role);
    return { column, header: cellText(cell), role };
  });
  const has = (r: ColumnRole) => seen.has(r);
  // Our own layout (ID | Type | Title): the title column holds objectives and KRs.
  if (!has('kr') && !has('okr') && !has('objective') && has('title') && (has('id') || has('type'))) {
    mapping.find((m) => m.role === 'title')!.role = 'okr';
    seen.add('okr');
  }
  if (!(has('kr') || has('okr') || has('objective'))) return null;
  if (mapping.filter((m) => m.role).length < 2) return null;
  return mapping;
}

function col(mapping: ColumnMapping[], role: ColumnRole): number {
  return mapping.find((m) => m.role === role)?.column ?? -1;
}

/** Settles which column holds KR text once the body is known (IDs in the KR column, etc.). */
function settle(mapping: ColumnMapping[], body: readonly (readonly unknown[])[]): void {
  const setRole = (c: number, role: ColumnRole | null) => {
    const m = mapping.find((x) => x.column === c);
    if (m) m.role = role;
  };
  const kr = col(mapping, 'kr');
  const title = col(mapping, 'title');
  if (kr >= 0 && title >= 0) {
    const cells = body.map((r) => cellText(r[kr])).filter(Boolean);
    if (cells.length && cells.filter((c) => ID_LIKE.test(toHalfWidth(c))).length * 2 >= cells.length) {
      if (col(mapping, 'id') < 0) setRole(kr, 'id');
      else setRole(kr, null);
      setRole(title, 'kr');
    }
  } else if (kr < 0 && title >= 0 && col(mapping, 'objective') >= 0) setRole(title, 'kr');
  if (col(mapping, 'kr') < 0 && col(mapping, 'okr') < 0) {
    const o = col(mapping, 'objective');
    if (o >= 0 && (col(mapping, 'id') >= 0 || col(mapping, 'type') >= 0 || title < 0)) setRole(o, 'okr');
    else if (o >= 0 && title >= 0) setRole(title, 'kr');
  }
}

function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const r = parseNumber(v);
  return r.ok ? r.value : null;
}

function fraction(v: unknown): number | null {
  const n = num(v);
  if (n === null) return null;
  const percent = typeof v === 'string' && /%|％/.test(v);
  return !percent && n > 1 ? n / 100 : n;
}

type RowKind = 'objective' | 'kr' | null;

function typeOfCell(v: unknown): { kind: RowKind; type: KrType | null } {
  const t = cellText(v);
  if (!t) return { kind: null, type: null };
  const m = matchLabel(ROW_TYPE_LABELS, t);
  if (m === 'objective') return { kind: 'objective', type: null };
  if (m) return { kind: 'kr', type: m };
  if (/^(?:KRs?|Key\s*results?|关键结果|关键成果)$/i.test(toHalfWidth(t))) return { kind: 'kr', type: null };
  return { kind: null, type: null };
}

/** Reads an OKR table; null when no header row names objectives or key results. */
export function readOkrTable(rows: readonly (readonly unknown[])[], opts: TableOptions = {}): TableRead | null {
  const lang = opts.lang ?? 'zh-CN';
  let headerRow = -1;
  let mapping: ColumnMapping[] | null = null;
  const scan = Math.min(rows.length, opts.scanRows ?? 20);
  for (let r = 0; r < scan; r++) {
    const m = mapHeader(rows[r] ?? []);
    if (m && (!mapping || m.filter((x) => x.role).length > mapping.filter((x) => x.role).length)) {
      mapping = m;
      headerRow = r;
    }
  }
  if (!mapping) return null;
  const body = rows.slice(headerRow + 1);
  settle(mapping, body);
  const c = (role: ColumnRole) => col(mapping!, role);
  const [oCol, krCol, okrCol, idCol, typeCol] = [c('objective'), c('kr'), c('okr'), c('id'), c('type')];
  const out: TableRead = { headerRow, mapping, objectives: [], looseKrs: [], notes: [] };
  let cur = null as ImportedObjective | null;

  const valuesOf = (row: readonly unknown[], r: number, notes: string[]): { values: ImportedValues; owner: string | null; due: string | null } => {
    const values: ImportedValues = {};
    let owner: string | null = null;
    let due: string | null = null;
    for (const m of mapping!) {
      const v = row[m.column];
      const text = cellText(v);
      if (!text) continue;
      const f = opts.formulas?.[headerRow + 1 + r]?.[m.column];
      if (typeof f === 'string' && f.startsWith('=')) notes.push(fmt(TEXT.formulaKept, lang, { header: m.header, formula: f, value: text }));
      switch (m.role) {
        case 'owner': owner = text.replace(/^@/, ''); break;
        case 'start': values.start = num(v); break;
        case 'target': values.target = num(v); break;
        case 'current': values.current = num(v); break;
        case 'unit': values.unit = text; break;
        case 'weight': values.weight = fraction(v); break;
        case 'score': values.score = num(v); break;
        case 'progress': values.progress = fraction(v); break;
        case 'confidence': values.confidence = num(v); break;
        case 'criteria': values.criteria = text; break;
        case 'status': values.status = text; break;
        // `2026-06-30`, a date cell, or words (`6月30日`, `end of Q3`) read as a KR deadline
        case 'due': due = parseDate(v) ?? resolveDue(parseKr(text).deadline, opts.cycle) ?? text; break;
        case 'notes': notes.push(text); break;
        case null: if (m.header) notes.push(`${m.header}: ${text}`); else notes.push(text); break;
        default: break; // id, type, objective, kr, okr, title: read by the caller
      }
    }
    return { values, owner, due };
  };
  const startObjective = (title: string, row: readonly unknown[], r: number) => {
    const notes: string[] = [];
    const { values, owner } = valuesOf(row, r, notes);
    cur = { title: title.replace(O_LABEL, '').trim(), owner, notes, keyResults: [] };
    if (values.weight != null || values.score != null) cur.values = { weight: values.weight, score: values.score };
    out.objectives.push(cur);
  };
  const addKr = (title: string, row: readonly unknown[], r: number, type: KrType | null) => {
    const notes: string[] = [];
    const { values, owner, due } = valuesOf(row, r, notes);
    const t = toHalfWidth(title).match(KR_LABEL) ? title.slice(toHalfWidth(title).match(KR_LABEL)![0].length).trim() || title : title;
    const kr = makeKr(t, { owner, notes, values, type });
    kr.due = due ?? resolveDue(kr.parsed.deadline, opts.cycle);
    if (cur) cur.keyResults.push(kr);
    else out.looseKrs.push(kr);
  };

  body.forEach((row, r) => {
    const texts = row.map(cellText);
    if (!texts.some(Boolean)) return;
    const id = idCol >= 0 ? toHalfWidth(texts[idCol] ?? '') : '';
    const typed = typeCol >= 0 ? typeOfCell(row[typeCol]) : { kind: null, type: null };
    const idKind: RowKind = O_ID.test(id) ? 'objective' : KR_ID.test(id) ? 'kr' : null;
    if (okrCol >= 0 && krCol < 0) {
      const t = texts[okrCol] ?? '';
      if (!t) return void out.notes.push(texts.filter(Boolean).join(' | '));
      const half = toHalfWidth(t);
      const kind: RowKind =
        typed.kind ?? idKind ?? (KR_LABEL.test(half) && /^[\[【]?(?:O\d+\s*[.\-]\s*)?(?:KR|Key\s*result|关键)/i.test(half) ? 'kr' : O_LABEL.test(half) ? 'objective' : cur ? 'kr' : 'objective');
      if (kind === 'objective') startObjective(t, row, r);
      else addKr(t, row, r, typed.type);
      return;
    }
    const o = oCol >= 0 ? texts[oCol] ?? '' : '';
    const k = krCol >= 0 ? texts[krCol] ?? '' : '';
    const oTitle = o.replace(O_LABEL, '').trim();
    if (o && (!cur || oTitle !== cur.title || (!k && (typed.kind === 'objective' || idKind === 'objective')))) {
      startObjective(o, k ? [] : row, r);
    }
    if (k) addKr(k, row, r, typed.type);
    else if (!o) out.notes.push(texts.filter(Boolean).join(' | '));
  });
  return out;
}
