/**
 * Recall and precision of the text importer on the corpus: an objective counts when its title
 * matches; a KR counts when its title matches under the matching objective (titles compared
 * without spaces, case or punctuation). Shared by corpus.test.ts and bench/import.bench.ts.
 */
import { parseOkrText, type ImportedOkrs } from '../../src/core/importtext';
import { CORPUS, type CorpusDoc } from './corpus';

export const norm = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

export interface DocScore {
  name: string;
  shape: string;
  objectives: { expected: number; found: number; matched: number };
  krs: { expected: number; found: number; matched: number };
  missed: string[];
  extra: string[];
  result: ImportedOkrs;
}

function count(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function match(expected: string[], found: string[]): { matched: number; missed: string[]; extra: string[] } {
  const f = count(found);
  const missed: string[] = [];
  let matched = 0;
  for (const e of expected) {
    const n = f.get(e) ?? 0;
    if (n > 0) {
      matched++;
      f.set(e, n - 1);
    } else missed.push(e);
  }
  const extra = [...f].flatMap(([k, n]) => Array<string>(n).fill(k));
  return { matched, missed, extra };
}

export function scoreDoc(doc: CorpusDoc): DocScore {
  const result = parseOkrText(doc.text);
  const eo = doc.expected.map((o) => norm(o.title));
  const fo = result.objectives.map((o) => norm(o.title));
  const ek = doc.expected.flatMap((o) => o.krs.map((k) => `${norm(o.title)} / ${norm(k)}`));
  const fk = result.objectives.flatMap((o) => o.keyResults.map((k) => `${norm(o.title)} / ${norm(k.title)}`));
  const mo = match(eo, fo);
  const mk = match(ek, fk);
  return {
    name: doc.name,
    shape: doc.shape,
    objectives: { expected: eo.length, found: fo.length, matched: mo.matched },
    krs: { expected: ek.length, found: fk.length, matched: mk.matched },
    missed: [...mo.missed.map((m) => `O ${m}`), ...mk.missed.map((m) => `KR ${m}`)],
    extra: [...mo.extra.map((m) => `O ${m}`), ...mk.extra.map((m) => `KR ${m}`)],
    result,
  };
}

export interface CorpusScore {
  docs: DocScore[];
  objectiveRecall: number;
  objectivePrecision: number;
  krRecall: number;
  krPrecision: number;
}

export function scoreCorpus(corpus: CorpusDoc[] = CORPUS): CorpusScore {
  const docs = corpus.map(scoreDoc);
  const sum = (f: (d: DocScore) => number) => docs.reduce((a, d) => a + f(d), 0);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    docs,
    objectiveRecall: ratio(sum((d) => d.objectives.matched), sum((d) => d.objectives.expected)),
    objectivePrecision: ratio(sum((d) => d.objectives.matched), sum((d) => d.objectives.found)),
    krRecall: ratio(sum((d) => d.krs.matched), sum((d) => d.krs.expected)),
    krPrecision: ratio(sum((d) => d.krs.matched), sum((d) => d.krs.found)),
  };
}
