/**
 * Everything a user or our readers can see of an in-memory workbook, through the public surface
 * (plus notes and charts, which the local workbook describes): the SpreadsheetApp path and the
 * Sheets API path are compared with it, cell by cell. Chart ids differ between the paths (the
 * API path chooses its own), so they are numbered in order of appearance, in the charts and in
 * the `okrSheets.chart` metadata alike.
 */
import type { LocalSheet, LocalWorkbook } from '../../src/local/workbook';
import { OWNED_CHART_KEY } from '../../src/core/plan/owned';

export function dump(local: LocalWorkbook): unknown {
  const ss = local.ss;
  const day = (v: unknown) => (v instanceof Date ? `date:${v.getFullYear()}-${v.getMonth() + 1}-${v.getDate()}` : v);
  const chartNo = new Map<string, string>();
  const no = (id: unknown) => {
    const k = String(id);
    if (!chartNo.has(k)) chartNo.set(k, `chart#${chartNo.size + 1}`);
    return chartNo.get(k)!;
  };
  return {
    active: ss.getActiveSheet().getName(),
    sheets: ss.getSheets().map((s) => {
      const all = s.getRange(1, 1, s.getMaxRows(), s.getMaxColumns());
      const dv = all.getDataValidations().map((row) =>
        row.map((d) => (d ? JSON.stringify([String(d.getCriteriaType()), d.getCriteriaValues().map(day), d.getHelpText(), d.getAllowInvalid()]) : null)),
      );
      const charts = local.ss.chartsOf(s.getName()).map((c) => ({ ...c, id: no(c.id) }));
      return {
        name: s.getName(),
        hidden: s.isSheetHidden(),
        size: [s.getMaxRows(), s.getMaxColumns(), s.getFrozenRows()],
        values: all.getValues().map((r) => r.map(day)),
        formulas: all.getFormulas(),
        display: all.getDisplayValues(),
        numberFormats: all.getNumberFormats(),
        bold: all.getFontWeights(),
        backgrounds: all.getBackgrounds(),
        fontColors: all.getFontColors(),
        align: all.getHorizontalAlignments(),
        wraps: all.getWraps(),
        validations: dv,
        notes: [...(s as unknown as LocalSheet)._live().notes.entries()].sort(),
        conditionalFormats: s.getConditionalFormatRules().map((r) => {
          const c = r.getBooleanCondition()!;
          return [r.getRanges().map((x) => x.getA1Notation()), String(c.getCriteriaType()), c.getCriteriaValues(), c.getBackground(), c.getFontColor(), c.getBold()];
        }),
        protections: s.getProtections(local.app.ProtectionType.RANGE).map((p) => [p.getRange().getA1Notation(), p.getDescription(), p.isWarningOnly()]),
        namedRanges: s.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()]).sort(),
        metadata: s.getDeveloperMetadata().map((m) => [m.getKey(), m.getKey() === OWNED_CHART_KEY ? no(m.getValue()) : m.getValue()]),
        widths: Array.from({ length: s.getMaxColumns() }, (_, i) => s.getColumnWidth(i + 1)),
        charts,
      };
    }),
    namedRanges: ss.getNamedRanges().map((n) => n.getName()).sort(),
  };
}
