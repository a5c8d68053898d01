/**
 * One imported KR from its sentence: the parse (src/core/krtext.ts), the KR type the sentence
 * implies, and its due day placed in the document's cycle when one is known.
 */
import { krType, parseKrText, type ParsedKr } from '../krtext';
import type { KrType } from '../model';
import { cycleDates } from '../pace';
import type { ImportedKr, ImportedValues } from './types';

/** The KR type a parsed sentence implies: krtext's `krType`, else milestone / direction. */
export function krTypeOf(p: ParsedKr): KrType | null {
  const t = krType(p);
  if (t) return t;
  if (p.kind === 'milestone') return 'milestone';
  if (p.kind === 'metric') return p.direction === 'decrease' ? 'decrease' : 'increase';
  return null;
}

/** `MM-DD` / `end-of-quarter` placed in the cycle (`2026-Q4`); as parsed when there is no cycle. */
export function resolveDue(deadline: string | null, cycle: string | null | undefined): string | null {
  if (!deadline) return null;
  const span = cycleDates(cycle);
  if (!span || /^\d{4}-\d{2}-\d{2}$/.test(deadline)) return deadline;
  if (deadline.startsWith('end-of-')) return span.end;
  const m = /^(\d{2})-(\d{2})$/.exec(deadline);
  if (!m) return deadline;
  for (const y of new Set([span.start.slice(0, 4), span.end.slice(0, 4)])) {
    const iso = `${y}-${m[1]}-${m[2]}`;
    if (iso >= span.start && iso <= span.end) return iso;
  }
  return `${span.start.slice(0, 4)}-${m[1]}-${m[2]}`;
}

// One parse per distinct sentence while a document is read: each candidate structure is built
// in turn, and a big paste repeats sentences (parseKrText is the costly step).
let cache: Map<string, ParsedKr> | null = null;

export function parseKr(text: string): ParsedKr {
  if (!cache) return parseKrText(text);
  let p = cache.get(text);
  if (!p) {
    p = parseKrText(text);
    cache.set(text, p);
  }
  return { ...p };
}

export function withKrCache<T>(f: () => T): T {
  const prev = cache;
  cache = new Map();
  try {
    return f();
  } finally {
    cache = prev;
  }
}

export interface KrExtras {
  owner?: string | null;
  due?: string | null;
  type?: KrType | null;
  notes?: string[];
  values?: ImportedValues;
}

export function makeKr(title: string, extras: KrExtras = {}): ImportedKr {
  const parsed = parseKr(title);
  const kr: ImportedKr = {
    title,
    parsed,
    owner: extras.owner ?? null,
    due: extras.due ?? parsed.deadline,
    type: extras.type ?? krTypeOf(parsed),
    notes: extras.notes ?? [],
  };
  if (extras.values && Object.keys(extras.values).length) kr.values = extras.values;
  return kr;
}
