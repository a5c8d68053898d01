/**
 * "The snapshot read through the Sheets API equals the SpreadsheetApp one" on the real platform:
 * every action starts with a snapshot (src/sheets/snapshot.ts), read through one or two
 * `spreadsheets.get` where the advanced service works (src/sheets/batch/snapshotRead.ts) and
 * through SpreadsheetApp otherwise. The in-memory workbook only shows that the reader matches
 * our model of the API; this check reads diagnostics' two scratch sheets both ways on the real
 * spreadsheet — dates, number-like text ('007'), formulas ending in '', booleans, display
 * values, formulas — and the time zone, and lists the first cells that differ.
 *
 * Calls: one `get` for both sheets (`ranges` limit the answer to them, metadata included), and
 * getDataRange + getValues + getDisplayValues + getFormulas per sheet.
 */
import { colLetter } from '../../core/plan/a1';
import type { SheetLike, SpreadsheetLike } from '../../sheets/api';
import type { SheetsApiLike } from '../../sheets/batch/apply';
import { quotedSheet } from '../../core/plan/a1';
import { gridOf, snapshotMetaFields } from '../../sheets/batch/snapshotRead';
import { readSheet } from '../../sheets/snapshot';
import type { ProbeResult } from './probes';
import { detail } from './text';

const KINDS = ['values', 'display', 'formulas'] as const;

export function compareSnapshotPaths(api: SheetsApiLike, ss: SpreadsheetLike, timeZone: string, sheets: { sheet: SheetLike; name: string }[]): ProbeResult {
  const got = api.get(ss.getId(), { ranges: sheets.map((s) => quotedSheet(s.name)), fields: snapshotMetaFields(true) });
  const byTitle = new Map((got.sheets ?? []).map((s) => [s.properties?.title ?? '', s] as const));
  const diffs: string[] = [];
  let cells = 0;
  const apiZone = got.properties?.timeZone ?? '';
  if (apiZone !== timeZone) diffs.push(`timeZone: ${apiZone || '—'} ≠ ${timeZone}`);
  for (const { sheet, name } of sheets) {
    const viaApi = gridOf(byTitle.get(name), true, true);
    const viaApp = readSheet(sheet, true, true);
    for (const kind of KINDS) {
      const a = (viaApi[kind] ?? []) as unknown[][];
      const b = (viaApp[kind] ?? []) as unknown[][];
      if (a.length !== b.length || (a[0]?.length ?? 0) !== (b[0]?.length ?? 0)) {
        diffs.push(`${name} ${kind}: ${a.length}×${a[0]?.length ?? 0} ≠ ${b.length}×${b[0]?.length ?? 0}`);
        continue;
      }
      a.forEach((row, r) => row.forEach((v, c) => {
        cells++;
        const w = b[r]![c];
        if (JSON.stringify(v) !== JSON.stringify(w)) diffs.push(`${name}!${colLetter(c + 1)}${r + 1} ${kind}: ${JSON.stringify(v)} ≠ ${JSON.stringify(w)}`);
      }));
    }
  }
  if (diffs.length === 0) return { ok: true, seen: detail('snapshotPathsAgree', { cells, sheets: sheets.length, zone: timeZone }) };
  return { ok: false, seen: detail('snapshotPathsDiffer', { n: diffs.length, list: diffs.slice(0, 4).join('; ') }) };
}
