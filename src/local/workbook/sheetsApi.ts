/**
 * The advanced Sheets service (`Sheets.Spreadsheets.get` / `batchUpdate`) on the in-memory
 * workbook: a small interpreter for exactly the request kinds src/sheets/batch emits (addSheet,
 * addNamedRange, updateCells, setDataValidation, addConditionalFormatRule, addProtectedRange,
 * updateDimensionProperties, createDeveloperMetadata; for a regeneration in place also
 * insertDimension, appendDimension, deleteConditionalFormatRule, deleteDeveloperMetadata,
 * updateSheetProperties (frozen rows), addChart, updateChartSpec, updateEmbeddedObjectPosition).
 * Anything else is refused, as an invalid request is by the API. updateCells honours its field
 * mask: the masked fields of every cell it covers are replaced (with `range` and no rows:
 * cleared), the others — notes among them — stay.
 *
 * Each request is carried out through the same in-memory classes as SpreadsheetApp (calls muted),
 * so the two paths can be compared cell by cell; each `get` / `batchUpdate` counts as one service
 * call ('Sheets.Spreadsheets.get', 'Sheets.Spreadsheets.batchUpdate'). A batchUpdate is atomic
 * on Sheets: what can make it fail here (a taken sheet title or range name, an unknown sheet id,
 * an unsupported request) is checked for every request before the first one is applied.
 *
 * What the API does differently from SpreadsheetApp, and the interpreter follows: a stringValue is
 * never parsed (text stays text, written here behind a leading `'`), a date is a serial number in
 * a DATE-formatted cell, addSheet neither activates the sheet nor puts it after the active one.
 */
import type { SheetsApiLike } from '../../sheets/batch/apply';
import { isoToSheetDate } from '../../sheets/dates';
import type { FontWeight } from '../../sheets/api';
import type { WorkbookCore } from './core';
import { LocalApp, LocalRange, LocalSheet, LocalSpreadsheet } from './workbook';
import { LocalChartBuilder, type ChartData } from './builders';
import { getForSnapshot, getOwnedSheets } from './sheetsApiGet';
import { effectiveFormatGrid } from './effectiveFormat';

type Req = GoogleAppsScript.Sheets.Schema.Request;

const KINDS = [
  'addSheet', 'addNamedRange', 'updateCells', 'setDataValidation', 'addConditionalFormatRule', 'addProtectedRange',
  'updateDimensionProperties', 'createDeveloperMetadata',
  'insertDimension', 'appendDimension', 'deleteConditionalFormatRule', 'deleteDeveloperMetadata', 'updateSheetProperties',
  'addChart', 'updateChartSpec', 'updateEmbeddedObjectPosition',
] as const;

function invalid(i: number, msg: string): never {
  throw new Error(`Invalid requests[${i}]: ${msg}`);
}

function hex(c: GoogleAppsScript.Sheets.Schema.Color | undefined): string | null {
  if (!c) return null;
  const ch = (x: number | undefined) => Math.round((x ?? 0) * 255).toString(16).padStart(2, '0');
  return `#${ch(c.red)}${ch(c.green)}${ch(c.blue)}`;
}

export function createSheetsApi(wb: WorkbookCore, ss: LocalSpreadsheet, app: LocalApp): SheetsApiLike {
  const muted = <T>(f: () => T): T => {
    wb.calls._muted++;
    try {
      return f();
    } finally {
      wb.calls._muted--;
    }
  };
  const sheetById = (id: number | undefined): LocalSheet | null => {
    const s = wb.sheets.find((x) => !x.deleted && x.id === id);
    return s ? new LocalSheet(wb, s) : null;
  };
  const rangeOf = (g: GoogleAppsScript.Sheets.Schema.GridRange | undefined, i: number): LocalRange => {
    const sheet = sheetById(g?.sheetId);
    if (!g || !sheet) invalid(i, `no grid with id ${g?.sheetId}`);
    const r0 = g.startRowIndex ?? 0;
    const c0 = g.startColumnIndex ?? 0;
    return sheet.getRange(r0 + 1, c0 + 1, (g.endRowIndex ?? sheet.getMaxRows()) - r0, (g.endColumnIndex ?? sheet.getMaxColumns()) - c0) as LocalRange;
  };

  function check(requests: Req[]): void {
    const titles = new Set(wb.sheets.filter((s) => !s.deleted).map((s) => s.name.toLowerCase()));
    const ids = new Set(wb.sheets.filter((s) => !s.deleted).map((s) => s.id));
    const names = new Set([...wb.named.keys(), ...wb.orphanNames]);
    const charts = new Set(wb.sheets.filter((s) => !s.deleted).flatMap((s) => s.charts.map((c) => c.id)));
    const metadata = new Set(wb.metadata.map((m) => m.id));
    const rules = new Map(wb.sheets.filter((s) => !s.deleted).map((s) => [s.id, s.cf.length] as const));
    requests.forEach((r, i) => {
      const kinds = Object.keys(r).filter((k) => (r as Record<string, unknown>)[k] !== undefined);
      if (kinds.length !== 1 || !(KINDS as readonly string[]).includes(kinds[0]!)) invalid(i, `unsupported request ${kinds.join(',')}`);
      if (r.addSheet) {
        const p = r.addSheet.properties ?? {};
        const t = (p.title ?? '').toLowerCase();
        if (!t || titles.has(t)) invalid(i, `A sheet with the name "${p.title}" already exists. Please enter another name.`);
        if (typeof p.sheetId === 'number' && ids.has(p.sheetId)) invalid(i, `Sheet with id ${p.sheetId} already exists.`);
        titles.add(t);
        if (typeof p.sheetId === 'number') ids.add(p.sheetId);
      }
      if (r.addNamedRange) {
        const n = (r.addNamedRange.namedRange?.name ?? '').toLowerCase();
        if (names.has(n)) invalid(i, `Cannot add named range with name: ${r.addNamedRange.namedRange?.name}, a named range with that name already exists.`);
        names.add(n);
      }
      if (r.addChart) {
        const id = r.addChart.chart?.chartId;
        if (typeof id === 'number' && (charts.has(id) || ids.has(id))) invalid(i, `An object with id ${id} already exists.`);
        if (typeof id === 'number') charts.add(id);
      }
      if (r.updateEmbeddedObjectPosition) {
        const fields = (r.updateEmbeddedObjectPosition.fields ?? '').split(',').map((f) => f.trim());
        if (fields.some((f) => !['anchorCell', 'offsetXPixels', 'offsetYPixels'].includes(f))) invalid(i, `unsupported fields ${r.updateEmbeddedObjectPosition.fields}`);
      }
      const chartId = r.updateChartSpec?.chartId ?? r.updateEmbeddedObjectPosition?.objectId;
      if ((r.updateChartSpec || r.updateEmbeddedObjectPosition) && !charts.has(chartId ?? null)) invalid(i, `No chart with id: ${chartId}`);
      if (r.deleteDeveloperMetadata) {
        const id = r.deleteDeveloperMetadata.dataFilter?.developerMetadataLookup?.metadataId;
        if (typeof id !== 'number' || !metadata.has(id)) invalid(i, `No developer metadata with id: ${id}`);
        metadata.delete(id);
      }
      if (r.addConditionalFormatRule) {
        const sid = r.addConditionalFormatRule.rule?.ranges?.[0]?.sheetId ?? -1;
        rules.set(sid, (rules.get(sid) ?? 0) + 1);
      }
      if (r.deleteConditionalFormatRule) {
        const { sheetId: sid = -1, index = 0 } = r.deleteConditionalFormatRule;
        const n = rules.get(sid);
        if (n === undefined || index < 0 || index >= n) invalid(i, `No conditional format on sheet ${sid} at index ${index}`);
        rules.set(sid, n - 1);
      }
    });
  }

  function addSheet(p: GoogleAppsScript.Sheets.Schema.SheetProperties): void {
    const active = wb.activeSheetId;
    const live = wb.sheets.filter((s) => !s.deleted).length;
    const sheet = ss.insertSheet(p.title!, p.index ?? live) as LocalSheet;
    wb.activeSheetId = active; // the API does not activate the new sheet
    if (typeof p.sheetId === 'number') sheet._s.id = p.sheetId;
    const g = p.gridProperties ?? {};
    const rows = g.rowCount ?? 1000;
    const cols = g.columnCount ?? 26;
    if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
    if (rows < sheet.getMaxRows()) sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
    if (cols > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
    if (cols < sheet.getMaxColumns()) sheet.deleteColumns(cols + 1, sheet.getMaxColumns() - cols);
    if (g.frozenRowCount) sheet.setFrozenRows(g.frozenRowCount);
  }

  function updateCells(u: GoogleAppsScript.Sheets.Schema.UpdateCellsRequest, i: number): void {
    const mask = new Set((u.fields ?? '').split(',').map((f) => f.trim()).filter(Boolean));
    const all = mask.has('*');
    const values = all || mask.has('userEnteredValue');
    const format = all || mask.has('userEnteredFormat');
    const validation = all || mask.has('dataValidation');
    if ((mask.size === 0) || [...mask].some((f) => !['*', 'userEnteredValue', 'userEnteredFormat', 'dataValidation'].includes(f))) invalid(i, `unsupported fields ${u.fields}`);
    const rows = u.rows ?? [];
    if (u.range) {
      // no rows: the masked fields of the range are cleared ("If the data in rows does not cover
      // the entire requested range, the fields matching those set in fields will be cleared")
      if (rows.length > 0) invalid(i, 'only a range without rows is supported');
      const range = rangeOf(u.range, i);
      if (values) range.clearContent();
      if (format) range.clearFormat();
      if (validation) range.clearDataValidations();
      return;
    }
    if (validation && !all) invalid(i, 'dataValidation is written by setDataValidation here');
    const width = Math.max(1, ...rows.map((r) => r.values?.length ?? 0));
    const start = u.start ?? {};
    const range = rangeOf(
      { sheetId: start.sheetId, startRowIndex: start.rowIndex ?? 0, endRowIndex: (start.rowIndex ?? 0) + rows.length, startColumnIndex: start.columnIndex ?? 0, endColumnIndex: (start.columnIndex ?? 0) + width },
      i,
    );
    const cell = (r: number, c: number): GoogleAppsScript.Sheets.Schema.CellData => rows[r]?.values?.[c] ?? {};
    const each = <T>(f: (d: GoogleAppsScript.Sheets.Schema.CellData) => T): T[][] => rows.map((_, r) => Array.from({ length: width }, (_, c) => f(cell(r, c))));
    const formats = each((d) => d.userEnteredFormat ?? {});
    // the mask names userEnteredFormat: each cell's whole format is replaced by the one given
    if (format) range.clearFormat();
    if (format) range.setNumberFormats(formats.map((row) => row.map((f) => f.numberFormat?.pattern ?? 'General')));
    if (!values) return setStyles(range, formats);
    range.setValues(
      each((d) => {
        const v = d.userEnteredValue;
        if (!v) return '';
        if (v.formulaValue !== undefined) return v.formulaValue;
        if (v.numberValue !== undefined) return v.numberValue;
        if (v.boolValue !== undefined) return v.boolValue;
        // text is never parsed: a plain-text cell keeps it as it is; elsewhere the leading ' says so
        return d.userEnteredFormat?.numberFormat?.type === 'TEXT' ? v.stringValue ?? '' : `'${v.stringValue ?? ''}`;
      }),
    );
    if (format) setStyles(range, formats);
  }

  function setStyles(range: LocalRange, formats: GoogleAppsScript.Sheets.Schema.CellFormat[][]): void {
    const any = (f: (x: GoogleAppsScript.Sheets.Schema.CellFormat) => unknown) => formats.some((row) => row.some((x) => f(x) !== undefined && f(x) !== null));
    if (any((f) => f.textFormat?.bold)) range.setFontWeights(formats.map((row) => row.map((f): FontWeight | null => (f.textFormat?.bold ? 'bold' : null))));
    if (any((f) => f.backgroundColor)) range.setBackgrounds(formats.map((row) => row.map((f) => hex(f.backgroundColor))));
    if (any((f) => f.textFormat?.foregroundColor)) range.setFontColors(formats.map((row) => row.map((f) => hex(f.textFormat?.foregroundColor))));
    if (any((f) => f.horizontalAlignment)) {
      range.setHorizontalAlignments(formats.map((row) => row.map((f) => (f.horizontalAlignment ? (f.horizontalAlignment.toLowerCase() as 'left' | 'center' | 'right') : null))));
    }
    if (any((f) => f.wrapStrategy)) range.setWraps(formats.map((row) => row.map((f) => f.wrapStrategy === 'WRAP')));
  }

  function setDataValidation(v: GoogleAppsScript.Sheets.Schema.SetDataValidationRequest, i: number): void {
    const rule = v.rule;
    const range = rangeOf(v.range, i);
    if (!rule) {
      range.setDataValidation(null);
      return;
    }
    const vals = (rule.condition?.values ?? []).map((x) => x.userEnteredValue ?? '');
    const date = (s: string) => isoToSheetDate(s) ?? invalid(i, `not a date: ${s}`);
    let b = app.newDataValidation();
    switch (rule.condition?.type) {
      case 'ONE_OF_LIST': b = b.requireValueInList(vals, rule.showCustomUi ?? false); break;
      case 'BOOLEAN': b = b.requireCheckbox(); break;
      case 'NUMBER_BETWEEN': b = b.requireNumberBetween(Number(vals[0]), Number(vals[1])); break;
      case 'NUMBER_GREATER_THAN_EQ': b = b.requireNumberGreaterThanOrEqualTo(Number(vals[0])); break;
      case 'NUMBER_LESS_THAN_EQ': b = b.requireNumberLessThanOrEqualTo(Number(vals[0])); break;
      case 'DATE_BETWEEN': b = b.requireDateBetween(date(vals[0]!), date(vals[1]!)); break;
      case 'DATE_ON_OR_AFTER': b = b.requireDateOnOrAfter(date(vals[0]!)); break;
      case 'DATE_ON_OR_BEFORE': b = b.requireDateOnOrBefore(date(vals[0]!)); break;
      case 'DATE_IS_VALID': b = b.requireDate(); break;
      default: invalid(i, `unsupported validation ${rule.condition?.type}`);
    }
    if (rule.inputMessage) b = b.setHelpText(rule.inputMessage);
    range.setDataValidation(b.setAllowInvalid(!rule.strict).build());
  }

  function addConditionalFormatRule(a: GoogleAppsScript.Sheets.Schema.AddConditionalFormatRuleRequest, i: number): void {
    const rule = a.rule;
    const cond = rule?.booleanRule?.condition;
    const ranges = (rule?.ranges ?? []).map((g) => rangeOf(g, i));
    if (!cond || ranges.length === 0) invalid(i, 'a boolean rule with ranges is needed');
    const vals = (cond.values ?? []).map((x) => x.userEnteredValue ?? '');
    let b = app.newConditionalFormatRule().setRanges(ranges);
    switch (cond.type) {
      case 'TEXT_EQ': b = b.whenTextEqualTo(vals[0]!); break;
      case 'NUMBER_BETWEEN': b = b.whenNumberBetween(Number(vals[0]), Number(vals[1])); break;
      case 'NUMBER_LESS': b = b.whenNumberLessThan(Number(vals[0])); break;
      case 'NUMBER_GREATER_THAN_EQ': b = b.whenNumberGreaterThanOrEqualTo(Number(vals[0])); break;
      case 'CUSTOM_FORMULA': b = b.whenFormulaSatisfied(vals[0]!); break;
      default: invalid(i, `unsupported condition ${cond.type}`);
    }
    const f = rule!.booleanRule!.format ?? {};
    if (f.backgroundColor) b = b.setBackground(hex(f.backgroundColor));
    if (f.textFormat?.foregroundColor) b = b.setFontColor(hex(f.textFormat.foregroundColor));
    if (f.textFormat?.bold) b = b.setBold(true);
    const sheet = ranges[0]!.getSheet();
    const rules = sheet.getConditionalFormatRules();
    rules.splice(a.index ?? rules.length, 0, b.build());
    sheet.setConditionalFormatRules(rules);
  }

  function apply(r: Req, i: number): void {
    if (r.addSheet) addSheet(r.addSheet.properties ?? {});
    else if (r.addNamedRange) ss.setNamedRange(r.addNamedRange.namedRange!.name!, rangeOf(r.addNamedRange.namedRange!.range, i));
    else if (r.updateCells) updateCells(r.updateCells, i);
    else if (r.setDataValidation) setDataValidation(r.setDataValidation, i);
    else if (r.addConditionalFormatRule) addConditionalFormatRule(r.addConditionalFormatRule, i);
    else if (r.addProtectedRange) {
      const p = r.addProtectedRange.protectedRange ?? {};
      const prot = rangeOf(p.range, i).protect();
      prot.setWarningOnly(p.warningOnly ?? false);
      if (p.description) prot.setDescription(p.description);
    } else if (r.updateDimensionProperties) {
      const d = r.updateDimensionProperties;
      const sheet = sheetById(d.range?.sheetId) ?? invalid(i, 'no such sheet');
      if (d.range?.dimension !== 'COLUMNS' || d.properties?.pixelSize === undefined) invalid(i, 'only column widths are supported');
      sheet.setColumnWidths((d.range.startIndex ?? 0) + 1, (d.range.endIndex ?? sheet.getMaxColumns()) - (d.range.startIndex ?? 0), d.properties.pixelSize);
    } else if (r.insertDimension) {
      const d = r.insertDimension.range ?? {};
      const sheet = sheetById(d.sheetId) ?? invalid(i, 'no such sheet');
      const at = d.startIndex ?? 0;
      const n = (d.endIndex ?? at) - at;
      // inheritFromBefore: the rows inherit from the row above, as insertRowsAfter's do
      if (n < 1 || at < 1 || r.insertDimension.inheritFromBefore !== true) invalid(i, 'only rows or columns inserted after the first, inheriting from before');
      if (d.dimension === 'ROWS') sheet.insertRowsAfter(at, n);
      else sheet.insertColumnsAfter(at, n);
    } else if (r.appendDimension) {
      const d = r.appendDimension;
      const sheet = sheetById(d.sheetId) ?? invalid(i, 'no such sheet');
      if (d.dimension === 'ROWS') sheet.insertRowsAfter(sheet.getMaxRows(), d.length ?? 0);
      else sheet.insertColumnsAfter(sheet.getMaxColumns(), d.length ?? 0);
    } else if (r.deleteConditionalFormatRule) {
      const d = r.deleteConditionalFormatRule;
      const sheet = sheetById(d.sheetId) ?? invalid(i, 'no such sheet');
      const rules = sheet.getConditionalFormatRules();
      rules.splice(d.index ?? 0, 1);
      sheet.setConditionalFormatRules(rules);
    } else if (r.deleteDeveloperMetadata) {
      const id = r.deleteDeveloperMetadata.dataFilter?.developerMetadataLookup?.metadataId;
      wb.metadata = wb.metadata.filter((m) => m.id !== id);
    } else if (r.updateSheetProperties) {
      const u = r.updateSheetProperties;
      const sheet = sheetById(u.properties?.sheetId) ?? invalid(i, 'no such sheet');
      if (u.fields !== 'gridProperties.frozenRowCount') invalid(i, `only frozen rows are supported, not ${u.fields}`);
      sheet.setFrozenRows(u.properties?.gridProperties?.frozenRowCount ?? 0);
    } else if (r.addChart) {
      const c = r.addChart.chart ?? {};
      const anchor = c.position?.overlayPosition?.anchorCell;
      const sheet = sheetById(anchor?.sheetId) ?? invalid(i, 'a chart needs an overlay position on a sheet');
      const id = c.chartId ?? wb.nextId++;
      sheet._live().charts.push({ ...chartData(c.spec, c.position, i), id });
      // ids the workbook hands out later must not meet the one the request chose
      wb.nextId = Math.max(wb.nextId, id + 1);
    } else if (r.updateChartSpec || r.updateEmbeddedObjectPosition) {
      const id = r.updateChartSpec?.chartId ?? r.updateEmbeddedObjectPosition?.objectId;
      const holder = wb.sheets.find((x) => !x.deleted && x.charts.some((c) => c.id === id))!;
      const at = holder.charts.findIndex((c) => c.id === id);
      const old = holder.charts[at]!;
      if (r.updateChartSpec) {
        // the whole spec is replaced; the chart keeps its id and place
        holder.charts[at] = { ...chartData(r.updateChartSpec.spec, undefined, i), id: old.id, position: old.position };
      } else {
        // fields name OverlayPosition's fields (its root implied); each named one is replaced
        const u = r.updateEmbeddedObjectPosition!;
        const fields = (u.fields ?? '').split(',').map((f) => f.trim());
        if (fields.some((f) => !['anchorCell', 'offsetXPixels', 'offsetYPixels'].includes(f))) invalid(i, `unsupported fields ${u.fields}`);
        const p = chartData(undefined, u.newPosition, i).position;
        holder.charts[at] = {
          ...old,
          position: {
            row: fields.includes('anchorCell') ? p.row : old.position.row,
            column: fields.includes('anchorCell') ? p.column : old.position.column,
            offsetX: fields.includes('offsetXPixels') ? p.offsetX : old.position.offsetX,
            offsetY: fields.includes('offsetYPixels') ? p.offsetY : old.position.offsetY,
          },
        };
      }
    } else if (r.createDeveloperMetadata) {
      const m = r.createDeveloperMetadata.developerMetadata ?? {};
      const sheet = sheetById(m.location?.sheetId) ?? invalid(i, 'only sheet metadata is supported');
      sheet.addDeveloperMetadata(m.metadataKey!, m.metadataValue ?? '');
    }
  }

  /** The API's chart spec and position as the in-memory chart (what SpreadsheetApp's builder
   *  would have made of the same chart: src/sheets/ownedSheet.ts placeChart). */
  function chartData(spec: GoogleAppsScript.Sheets.Schema.ChartSpec | undefined, pos: GoogleAppsScript.Sheets.Schema.EmbeddedObjectPosition | undefined, i: number): ChartData {
    const b = new LocalChartBuilder(wb);
    if (spec) {
      const basic = spec.basicChart ?? invalid(i, 'only basic charts are supported');
      const type = basic.chartType ?? 'COLUMN';
      if (type === 'COLUMN') b.asColumnChart();
      else if (type === 'BAR') b.asBarChart();
      else if (type === 'LINE') b.asLineChart();
      else invalid(i, `unsupported chart type ${type}`);
      const sources = [
        ...(basic.domains ?? []).flatMap((d) => d.domain?.sourceRange?.sources ?? []),
        ...(basic.series ?? []).flatMap((s) => s.series?.sourceRange?.sources ?? []),
      ];
      for (const g of sources) b.addRange(rangeOf(g, i));
      if (basic.headerCount !== undefined) b.setNumHeaders(basic.headerCount);
      if (spec.title !== undefined) b.setOption('title', spec.title);
      if (basic.legendPosition === 'NO_LEGEND') b.setOption('legend.position', 'none');
      const left = (basic.axis ?? []).find((a) => a.position === 'LEFT_AXIS') as
        { viewWindowOptions?: { viewWindowMode?: string; viewWindowMin?: number; viewWindowMax?: number } } | undefined;
      // min and max count only in EXPLICIT mode (ChartAxisViewWindowOptions.viewWindowMode)
      if (left?.viewWindowOptions && left.viewWindowOptions.viewWindowMode !== 'EXPLICIT') invalid(i, 'a view window without EXPLICIT mode ignores its min and max');
      if (left?.viewWindowOptions?.viewWindowMin !== undefined) b.setOption('vAxis.viewWindow.min', left.viewWindowOptions.viewWindowMin);
      if (left?.viewWindowOptions?.viewWindowMax !== undefined) b.setOption('vAxis.viewWindow.max', left.viewWindowOptions.viewWindowMax);
    }
    const o = pos?.overlayPosition;
    if (o) b.setPosition((o.anchorCell?.rowIndex ?? 0) + 1, (o.anchorCell?.columnIndex ?? 0) + 1, o.offsetXPixels ?? 0, o.offsetYPixels ?? 0);
    return b._d;
  }

  return {
    get(spreadsheetId: string, optionalArgs?: { ranges?: string[]; fields?: string }): GoogleAppsScript.Sheets.Schema.Spreadsheet {
      wb.calls._hit('Sheets.Spreadsheets.get', false);
      if (spreadsheetId !== wb.id) throw new Error(`Requested entity was not found: ${spreadsheetId}`);
      // the workbook snapshot's read (src/sheets/batch/snapshotRead.ts; ./sheetsApiGet.ts getForSnapshot)
      if (/effectiveValue|timeZone/.test(optionalArgs?.fields ?? '')) return muted(() => getForSnapshot(wb, spreadsheetId, optionalArgs!));
      // cells' effective colours, for Run diagnostics' conditional-format check (./effectiveFormat.ts)
      if (optionalArgs?.ranges && /effectiveFormat/.test(optionalArgs.fields ?? '')) return muted(() => effectiveFormatGrid(wb, spreadsheetId, optionalArgs.ranges!));
      // one sheet as a regeneration in place reads it (src/sheets/batch/owned.ts)
      if (optionalArgs?.ranges) return muted(() => getOwnedSheets(wb, spreadsheetId, optionalArgs.ranges!));
      return muted(() => ({
        spreadsheetId,
        properties: { title: wb.name, locale: wb.locale, timeZone: wb.timeZone },
        sheets: wb.sheets.filter((s) => !s.deleted).map((s, index) => ({
          properties: { sheetId: s.id, title: s.name, index, gridProperties: { rowCount: s.maxRows, columnCount: s.maxCols, frozenRowCount: s.frozenRows } },
          developerMetadata: wb.metadata.filter((m) => m.sheetId === s.id).map((m) => ({ metadataId: m.id, metadataKey: m.key, metadataValue: m.value ?? '', location: { sheetId: s.id } })),
          charts: s.charts.map((c) => ({ chartId: c.id ?? undefined })),
        })),
      }));
    },
    batchUpdate(resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest, spreadsheetId: string): GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetResponse {
      wb.calls._hit('Sheets.Spreadsheets.batchUpdate', false);
      if (spreadsheetId !== wb.id) throw new Error(`Requested entity was not found: ${spreadsheetId}`);
      const requests = resource.requests ?? [];
      return muted(() => {
        check(requests);
        requests.forEach(apply);
        return { spreadsheetId, replies: requests.map(() => ({})) };
      });
    },
  };
}
