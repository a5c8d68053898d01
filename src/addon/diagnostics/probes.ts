/**
 * One probe per assumption of the in-memory workbook that a script can observe
 * (src/local/workbook/assumptions.ts, `check: 'diagnostics'`; the ids match, test/diagnostics
 * asserts it). Each probe writes a few cells of diagnostics' own probe sheet and says whether
 * Sheets behaved as the in-memory workbook assumes. A failure here means the in-memory workbook
 * (and maybe our code) is wrong about the real platform.
 */
import { sheetRef } from '../../core/plan/a1';
import type { AppLike, SheetLike, SpreadsheetLike } from '../../sheets/api';
import type { SheetsApiLike } from '../../sheets/batch/apply';
import { fromSheetDate, isoToSheetDate } from '../../sheets/dates';
import type { Localized } from '../../core/i18n';
import { OWNER_KEY } from '../../core/plan/types';
import { detail } from './text';
import { EFFECTIVE_COLOUR_FIELDS, shownColour } from './colours';

export interface ProbeEnv {
  app: AppLike;
  ss: SpreadsheetLike;
  /** A fresh sheet of diagnostics' own (removed afterwards). */
  probe: SheetLike;
  /** The scratch OKR sheet the template was inserted into. */
  scratch: SheetLike;
  /** Adds one more sheet of diagnostics' own (removed afterwards, even when the probe fails). */
  addSheet(): SheetLike;
  /** The advanced Sheets service, when there is one (reads what the grid shows: effectiveFormat). */
  sheetsApi?: SheetsApiLike;
}
export interface ProbeResult {
  /** 'warn': could not be verified here, and the detail says why and what to do. */
  ok: boolean | 'warn';
  /** What was seen, in plain words, in both languages (the report is in the workbook's). */
  seen: Localized;
}
export interface Probe {
  id: string;
  run(env: ProbeEnv): ProbeResult;
}

const show = (v: unknown): string => (v instanceof Date ? `Date(${v.toISOString()})` : JSON.stringify(v));
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The probe cells: one row each, so a probe never reads another's leftovers. */
const cell = (env: ProbeEnv, row: number, cols = 1) => env.probe.getRange(row, 1, 1, cols);

export const PROBES: Probe[] = [
  {
    id: 'new-sheet-size',
    run: ({ probe }) => {
      const rows = probe.getMaxRows();
      const cols = probe.getMaxColumns();
      return { ok: rows === 1000 && cols === 26, seen: detail('newSheetSize', { rows, cols }) };
    },
  },
  {
    id: 'sheet-names-case-insensitive',
    run: ({ ss, probe }) => {
      const other = probe.getName().toUpperCase() === probe.getName() ? probe.getName().toLowerCase() : probe.getName().toUpperCase();
      try {
        const extra = ss.insertSheet(other);
        ss.deleteSheet(extra);
        return { ok: false, seen: detail('caseAdded', { other, name: probe.getName() }) };
      } catch (e) {
        return { ok: true, seen: detail('caseRefused', { other, name: probe.getName() }) };
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
      return { ok: shown === '0.5' && format === '0.###############', seen: detail('general', { shown: show(shown), format: show(format) }) };
    },
  },
  {
    id: 'string-coercion',
    run: (env) => {
      const r = cell(env, 2, 4);
      r.setValues([['80%', '007', '2026-10-01', 'plain text']]);
      const v = r.getValues()[0]!;
      const ok = v[0] === 0.8 && v[1] === 7 && v[2] instanceof Date && v[3] === 'plain text';
      return { ok, seen: detail('coercion', { values: v.map(show).join(', ') }) };
    },
  },
  {
    id: 'leading-apostrophe',
    run: (env) => {
      const r = cell(env, 3);
      r.setValues([["'=1+1"]]);
      const v = r.getValues()[0]![0];
      const f = r.getFormulas()[0]![0];
      return { ok: v === '=1+1' && f === '', seen: detail('apostrophe', { value: show(v), formula: show(f) }) };
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
      return { ok, seen: detail('formulaSyntax', { locale: env.ss.getSpreadsheetLocale(), written: written.join(' · '), values: v.map(show).join(', '), formulas: f.map(show).join(', ') }) };
    },
  },
  {
    id: 'error-values-as-text',
    run: (env) => {
      const r = cell(env, 5);
      r.setFormulas([['=1/0']]);
      const v = r.getValues()[0]![0];
      return { ok: v === '#DIV/0!', seen: detail('errorValue', { value: show(v) }) };
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
        seen: detail('dateCell', { zone: env.ss.getSpreadsheetTimeZone(), written: show(written), shown: show(shown), day: show(day) }),
      };
    },
  },
  {
    id: 'protection-warning-only',
    run: ({ app, scratch }) => {
      const ps = scratch.getProtections(app.ProtectionType.RANGE);
      const ok = ps.length > 0 && ps.every((p) => p.isWarningOnly());
      return { ok, seen: detail('protectionWarning', { n: ps.length, flags: ps.map((p) => p.isWarningOnly()).join(', ') || '—' }) };
    },
  },
  {
    id: 'metadata-finder-by-key',
    run: ({ ss, scratch }) => {
      const found = ss.createDeveloperMetadataFinder().withKey(OWNER_KEY).find();
      const mine = found.filter((m) => m.getLocation().getSheet()?.getSheetId() === scratch.getSheetId());
      return { ok: mine.length === 1 && mine[0]!.getValue() === 'okr', seen: detail('metadataFinder', { found: found.length, key: OWNER_KEY, mine: mine.length, values: mine.map((m) => show(m.getValue())).join(', ') || '—' }) };
    },
  },
  {
    id: 'chart-options-dotted-keys',
    // the dashboard's charts set nested options by dotted keys, as the chart builder documents
    run: (env) => {
      const data = cell(env, 7, 2);
      data.setValues([['x', 1]]);
      const built = env.probe.newChart().asColumnChart().addRange(data).setOption('legend.position', 'none').setOption('vAxis.viewWindow.min', 0).setPosition(7, 4, 0, 0).build();
      env.probe.insertChart(built);
      const chart = env.probe.getCharts().at(-1);
      const legend = chart?.getOptions().get('legend.position');
      const min = chart?.getOptions().get('vAxis.viewWindow.min');
      if (chart) env.probe.removeChart(chart);
      return { ok: legend === 'none' && min === 0, seen: detail('chartOptions', { legend: show(legend ?? null), min: show(min ?? null) }) };
    },
  },
  {
    id: 'conditional-format-formula-syntax',
    // what a script can see of it: the custom formula is accepted in this locale and kept as
    // written (getCriteriaValues); the colour it paints is not readable, so evaluation is not
    run: (env) => {
      const written = '=AND($A$8>0.5,$A$8<1)';
      const before = env.probe.getConditionalFormatRules();
      const rule = env.app.newConditionalFormatRule().whenFormulaSatisfied(written).setBackground('#fff2cc').setRanges([cell(env, 8)]).build();
      env.probe.setConditionalFormatRules([...before, rule]);
      const read = env.probe.getConditionalFormatRules().map((r) => r.getBooleanCondition()?.getCriteriaValues()[0]);
      env.probe.setConditionalFormatRules(before);
      const kept = read.includes(written);
      return { ok: kept, seen: detail('cfFormula', { locale: env.ss.getSpreadsheetLocale(), written, read: read.map((v) => show(v ?? null)).join(', ') || '—' }) };
    },
  },
  {
    id: 'conditional-format-colours',
    // Whether a custom formula with a comma-separated function is *evaluated* in this locale: a
    // rule on A9 (holding 1: true) and the same rule on B9 (holding 5: false), then the colour
    // each cell shows, read as CellData.effectiveFormat — which "includes the results of applying
    // any conditional formatting" (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/cells#CellData).
    // SpreadsheetApp has no reader for it (Range.getBackgrounds() gives the cell's own colour).
    run: (env) => {
      if (!env.sheetsApi) return { ok: 'warn', seen: detail('cfColoursNoApi') };
      const colour = '#fff2cc';
      const rule = (a1: string) => `=AND($${a1[0]}$${a1.slice(1)}>0,$${a1[0]}$${a1.slice(1)}<2)`;
      const before = env.probe.getConditionalFormatRules();
      env.probe.getRange('A9:B9').setValues([[1, 5]]);
      const rules = ['A9', 'B9'].map((a1) => env.app.newConditionalFormatRule().whenFormulaSatisfied(rule(a1)).setBackground(colour).setRanges([env.probe.getRange(a1)]).build());
      env.probe.setConditionalFormatRules([...before, ...rules]);
      env.app.flush();
      try {
        const range = sheetRef(env.probe.getName(), 'A9:B9');
        let got: GoogleAppsScript.Sheets.Schema.Spreadsheet;
        try {
          got = env.sheetsApi.get(env.ss.getId(), { ranges: [range], fields: EFFECTIVE_COLOUR_FIELDS });
        } catch (e) {
          return { ok: 'warn', seen: detail('cfColoursUnknown', { error: (e instanceof Error ? e.message : String(e)).slice(0, 160) }) };
        }
        // no rowData at all: the API did not answer the question; a cell without effectiveFormat
        // has the default format ("If the effective format is the default format, effective
        // format will not be written"), i.e. no colour
        const row = got.sheets?.[0]?.data?.[0]?.rowData;
        if (!row) return { ok: 'warn', seen: detail('cfColoursUnknown', { error: 'no rowData' }) };
        const cells = row[0]?.values ?? [];
        const hit = shownColour(cells[0]);
        const miss = shownColour(cells[1]);
        const params = { locale: env.ss.getSpreadsheetLocale(), formula: rule('A9'), hit: 'A9', miss: 'B9', colour };
        return hit === colour && miss !== colour
          ? { ok: true, seen: detail('cfColours', params) }
          : { ok: false, seen: detail('cfColoursWrong', { ...params, seenHit: hit ?? '—', seenMiss: miss ?? '—' }) };
      } finally {
        env.probe.setConditionalFormatRules(before);
      }
    },
  },
  {
    id: 'html-file-text',
    // Reaching this line means Code.js read ServerDiagnostics.html with getContent() and evaluated it.
    run: () => ({ ok: true, seen: detail('htmlFile') }),
  },
];

/**
 * Named ranges and deleted sheets. Sheets keeps a named range whose sheet was deleted as a
 * hidden #REF! name that no script can list or remove, and its name stays taken
 * (src/local/workbook/assumptions.ts 'named-ranges-removed-with-sheet'). Deleting a sheet that
 * still carries a name would therefore leave something behind in the user's spreadsheet for
 * good — and make the next run's probe collide. So this probe checks the part our code relies
 * on, without that experiment: a name removed *before* its sheet is deleted is free again
 * afterwards (the order applyPlan and diagnostics' own clean-up use), and is not listed.
 */
export const NAMED_RANGE_PROBE_ID = 'named-ranges-removed-with-sheet';
const namedRangeProbe: Probe = {
  id: NAMED_RANGE_PROBE_ID,
  run: ({ ss, probe, addSheet }) => {
    // a name of this run only: a left-over of an older run can never collide
    const name = `okr_diag_${Math.random().toString(36).slice(2, 8)}`;
    const other = addSheet();
    ss.setNamedRange(name, other.getRange('A1'));
    for (const n of ss.getNamedRanges()) if (n.getName() === name) n.remove();
    ss.deleteSheet(other);
    const listed = ss.getNamedRanges().some((n) => n.getName() === name);
    let free = true;
    try {
      ss.setNamedRange(name, probe.getRange('A1'));
    } catch {
      free = false;
    }
    for (const n of ss.getNamedRanges()) if (n.getName() === name) n.remove();
    return { ok: !listed && free, seen: detail(free && !listed ? 'namedRangeFreed' : 'namedRangeTaken', { name }) };
  },
};
PROBES.push(namedRangeProbe);
