/**
 * One probe per assumption of the in-memory workbook that a script can observe
 * (src/local/workbook/assumptions.ts, `check: 'diagnostics'`; the ids match, test/diagnostics
 * asserts it). Each probe writes a few cells of diagnostics' own probe sheet and says whether
 * Sheets behaved as the in-memory workbook assumes. A failure here means the in-memory workbook
 * (and maybe our code) is wrong about the real platform.
 */
import type { AppLike, SheetLike, SpreadsheetLike } from '../../sheets/api';
import { fromSheetDate, isoToSheetDate } from '../../sheets/dates';
import { OWNER_KEY } from '../../core/plan/types';

export interface ProbeEnv {
  app: AppLike;
  ss: SpreadsheetLike;
  /** A fresh sheet of diagnostics' own (removed afterwards). */
  probe: SheetLike;
  /** The scratch OKR sheet the template was inserted into. */
  scratch: SheetLike;
}
export interface ProbeResult {
  ok: boolean;
  /** What was seen, in plain words (English: it is for whoever reads the copied report). */
  seen: string;
}
export interface Probe {
  id: string;
  run(env: ProbeEnv): ProbeResult;
}

const show = (v: unknown): string => (v instanceof Date ? `Date(${v.toISOString()})` : JSON.stringify(v));
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The probe cells: one row each, so a probe never reads another's leftovers. */
const cell = (env: ProbeEnv, row: number, cols = 1) => env.probe.getRange(row, 1, 1, cols);

export const PROBES: readonly Probe[] = [
  {
    id: 'new-sheet-size',
    run: ({ probe }) => {
      const rows = probe.getMaxRows();
      const cols = probe.getMaxColumns();
      return { ok: rows === 1000 && cols === 26, seen: `a new sheet has ${rows} rows × ${cols} columns` };
    },
  },
  {
    id: 'sheet-names-case-insensitive',
    run: ({ ss, probe }) => {
      const other = probe.getName().toUpperCase() === probe.getName() ? probe.getName().toLowerCase() : probe.getName().toUpperCase();
      try {
        const extra = ss.insertSheet(other);
        ss.deleteSheet(extra);
        return { ok: false, seen: `a sheet "${other}" could be added beside "${probe.getName()}"` };
      } catch (e) {
        return { ok: true, seen: `adding "${other}" beside "${probe.getName()}" was refused` };
      }
    },
  },
  {
    id: 'general-is-automatic',
    run: (env) => {
      const r = cell(env, 1);
      r.setNumberFormat('General');
      r.setValues([[0.5]]);
      const shown = r.getDisplayValues()[0]![0];
      const format = r.getNumberFormats()[0]![0];
      return { ok: shown === '0.5' && format === '0.###############', seen: `0.5 under 'General' shows ${show(shown)}; getNumberFormat() reads ${show(format)}` };
    },
  },
  {
    id: 'string-coercion',
    run: (env) => {
      const r = cell(env, 2, 4);
      r.setValues([['80%', '007', '2026-10-01', 'plain text']]);
      const v = r.getValues()[0]!;
      const ok = v[0] === 0.8 && v[1] === 7 && v[2] instanceof Date && v[3] === 'plain text';
      return { ok, seen: `'80%', '007', '2026-10-01', 'plain text' read back as ${v.map(show).join(', ')}` };
    },
  },
  {
    id: 'leading-apostrophe',
    run: (env) => {
      const r = cell(env, 3);
      r.setValues([["'=1+1"]]);
      const v = r.getValues()[0]![0];
      const f = r.getFormulas()[0]![0];
      return { ok: v === '=1+1' && f === '', seen: `"'=1+1" reads back as value ${show(v)}, formula ${show(f)}` };
    },
  },
  {
    id: 'formula-syntax-en-us',
    run: (env) => {
      const written = ['=SUM(0.5,0.25)', '=IF(AND(1>0,2>1),ROUND(2.345,2),0)'];
      const r = cell(env, 4, 2);
      r.setFormulas([written]);
      const v = r.getValues()[0]!;
      const f = r.getFormulas()[0]!;
      const ok = v[0] === 0.75 && v[1] === 2.35 && f[0] === written[0] && f[1] === written[1];
      return { ok, seen: `locale ${env.ss.getSpreadsheetLocale()}: ${written.join(' and ')} computed ${v.map(show).join(', ')}, read back as ${f.map(show).join(', ')}` };
    },
  },
  {
    id: 'error-values-as-text',
    run: (env) => {
      const r = cell(env, 5);
      r.setFormulas([['=1/0']]);
      const v = r.getValues()[0]![0];
      return { ok: v === '#DIV/0!', seen: `=1/0 reads back as ${show(v)}` };
    },
  },
  {
    id: 'date-cells-in-sheet-zone',
    run: (env) => {
      const r = cell(env, 6);
      const written = isoToSheetDate('2026-10-01')!;
      r.setNumberFormat('yyyy-mm-dd');
      r.setValues([[written]]);
      const v = r.getValues()[0]![0];
      const shown = r.getDisplayValues()[0]![0];
      const day = v instanceof Date ? iso(fromSheetDate(v)) : null;
      return {
        ok: v instanceof Date && day === '2026-10-01' && shown === '2026-10-01',
        seen: `time zone ${env.ss.getSpreadsheetTimeZone()}: 2026-10-01 written as ${show(written)} shows ${show(shown)} and reads back as day ${show(day)}`,
      };
    },
  },
  {
    id: 'protection-warning-only',
    run: ({ app, scratch }) => {
      const ps = scratch.getProtections(app.ProtectionType.RANGE);
      const ok = ps.length > 0 && ps.every((p) => p.isWarningOnly());
      return { ok, seen: `${ps.length} range protection(s) on the inserted sheet, warning-only: ${ps.map((p) => p.isWarningOnly()).join(', ') || '—'}` };
    },
  },
  {
    id: 'metadata-finder-by-key',
    run: ({ ss, scratch }) => {
      const found = ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).find();
      const mine = found.filter((m) => m.getLocation().getSheet()?.getSheetId() === scratch.getSheetId());
      return { ok: mine.length === 1 && mine[0]!.getValue() === 'okr', seen: `the finder found ${found.length} "${OWNER_KEY}" entries, ${mine.length} on the inserted sheet (${mine.map((m) => show(m.getValue())).join(', ') || '—'})` };
    },
  },
  {
    id: 'html-file-text',
    // Reaching this line means Code.js read Server.html with getContent() and evaluated it.
    run: () => ({ ok: true, seen: 'the server code running these checks was read from Server.html' }),
  },
];

/**
 * The probe that needs the probe sheet deleted: does a named range into it go with it? Run after
 * deleteSheet; removes the name if it survived, so diagnostics leaves nothing behind.
 */
export const NAMED_RANGE_PROBE_ID = 'named-ranges-removed-with-sheet';
export function namedRangeAfterDeletion(ss: SpreadsheetLike, name: string): ProbeResult {
  const left = ss.getNamedRanges().filter((n) => n.getName() === name);
  for (const n of left) {
    try {
      n.remove();
    } catch {
      /* best effort: reported below */
    }
  }
  return left.length === 0
    ? { ok: true, seen: `the named range ${name} went away with its sheet` }
    : { ok: false, seen: `the named range ${name} survived the deletion of its sheet (removed now)` };
}
