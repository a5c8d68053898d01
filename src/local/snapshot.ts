/**
 * The xlsx shell's one way to make a `WorkbookSnapshot` (design §1): the values a user sees after
 * recalculation (src/local/xlsx/values.ts: cached results, else evaluated), the role and language
 * from our own metadata (the very hidden `_okr_meta` sheet, src/local/xlsx/meta.ts) and never
 * from a sheet's name — a workbook not made by us is recognised by content, as in Sheets.
 *
 * The in-memory workbook needs nothing here: it is a SpreadsheetApp, so `takeSnapshot`
 * (src/sheets/snapshot.ts) reads it exactly as it reads Google Sheets.
 */
import { todayIso } from '../core/dates';
import { isLang } from '../core/i18n';
import { isSheetRole } from '../core/labels';
import { OWNER_KEY } from '../core/plan/types';
import type { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { readXlsxValues } from './xlsx/values';

export interface XlsxSnapshotOptions {
  /** The as-of day (ISO); default today in `timeZone`. */
  asOf?: string;
  /** An xlsx file has no time zone; default the runtime's. */
  timeZone?: string;
  /** The workbook's name (the file name), default ''. */
  name?: string;
}


/** Reads an xlsx into a snapshot. Throws XlsxReadError on a file that is not a readable xlsx. */
export async function snapshotFromXlsx(buf: Buffer | Uint8Array, opts: XlsxSnapshotOptions = {}): Promise<WorkbookSnapshot> {
  const wb = await readXlsxValues(buf);
  const timeZone = opts.timeZone ?? runtimeZone();
  const sheets: SheetSnapshot[] = wb.sheets.map((s, i) => {
    // the importer guesses a role from the name when there is no metadata: only metadata counts
    const metadata = wb.plan.sheets[i]?.metadata ?? {};
    const role = metadata[OWNER_KEY];
    const lang = metadata['okrSheets.lang'];
    return {
      name: s.name,
      metaRole: role !== undefined && isSheetRole(role) ? role : null,
      ...(isLang(lang) ? { metaLang: lang } : {}),
      values: s.values,
    };
  });
  return {
    name: opts.name ?? '',
    sheets,
    timeZone,
    asOf: opts.asOf ?? todayIso(timeZone),
    ...(sheets[0] ? { activeSheet: sheets[0].name } : {}),
  };
}

function runtimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
