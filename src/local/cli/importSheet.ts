/**
 * `okr-sheets import FILE.xlsx|FILE.csv [--json | -o okrs.xlsx]`: "adopt this sheet" from the
 * command line. The first sheet of the file that holds an OKR table in the team's own layout
 * (core `adoptSheet`: columns mapped by meaning, objective repeated / merged / interleaved) is
 * read into the same shape as pasted text, so `import` writes or prints it the same way. The
 * source file is only read (`-o` refuses to overwrite it). Their own formulas come as values with
 * a note (the values the file shows: cached results, else recalculated).
 */
import { extname } from 'node:path';
import type { Lang, Localized } from '../../core/i18n';
import { adoptSheet, type ColumnMapping, type ImportedOkrs } from '../../core/importtext';
import { decodeText, parseCsv } from '../xlsx/csv';
import { CliError, readInput } from '../xlsx/cli';
import { XlsxReadError } from '../xlsx/import';
import { readXlsxValues } from '../xlsx/values';
import type { CliIo } from './main';

export const isSheetFile = (file: string | null): file is string => file !== null && ['.xlsx', '.csv', '.tsv'].includes(extname(file).toLowerCase());

export interface AdoptedFile {
  imported: ImportedOkrs;
  sheet: string;
  mapping: ColumnMapping[];
  explanation: Localized;
}

const isFormula = (v: unknown): v is string => typeof v === 'string' && v.length > 1 && v.startsWith('=');

export async function adoptFile(file: string, io: CliIo, lang: Lang): Promise<AdoptedFile | { error: string }> {
  let sheets: { name: string; values: unknown[][]; formulas?: unknown[][] }[];
  try {
    const buf = await readInput(io, file, lang);
    if (extname(file).toLowerCase() === '.xlsx') {
      const wb = await readXlsxValues(buf);
      sheets = wb.sheets.map((s, i) => ({
        name: s.name,
        values: s.values as unknown[][],
        formulas: (wb.plan.sheets[i]?.values ?? []).map((row) => (row ?? []).map((v) => (isFormula(v) ? v : ''))),
      }));
    } else {
      const text = decodeText(buf);
      sheets = [{ name: file, values: parseCsv(text, extname(file).toLowerCase() === '.tsv' ? '\t' : undefined) }];
    }
  } catch (e) {
    if (e instanceof CliError) return { error: e.message };
    if (e instanceof XlsxReadError) return { error: e.localized[lang] };
    return { error: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
  }
  let first: string | null = null;
  for (const s of sheets) {
    const r = adoptSheet({ values: s.values, ...(s.formulas ? { formulas: s.formulas } : {}), lang });
    if (r.ok) return { imported: { objectives: r.objectives, notes: r.notes }, sheet: s.name, mapping: r.mapping, explanation: r.explanation };
    first ??= `${s.name}: ${r.message[lang]}`;
  }
  return { error: first ?? file };
}
