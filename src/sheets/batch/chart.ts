/**
 * The Dashboard's column chart as Sheets API requests (pure): the same chart `placeChart`
 * (src/sheets/ownedSheet.ts) builds through SpreadsheetApp — column chart, the unit names as the
 * domain, the scores as the one series, one header row, the title, no legend, the value axis
 * from 0 to 1, anchored at the plan's cell.
 *
 * - a new chart: `addChart` with a chart id we choose, so the id can be recorded in the sheet's
 *   `okrSheets.chart` metadata in the same (atomic) body — "The chartId field is optional; if one
 *   is not set, an id will be randomly generated. (It is an error to specify the ID of an embedded
 *   object that already exists.)"
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#addchartrequest
 * - the chart the add-on placed before (its id in that metadata): `updateChartSpec` (the whole
 *   spec) + `updateEmbeddedObjectPosition` (the anchor moves with the block) — never a chart of
 *   the user's.
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#updatechartspecrequest
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#updateembeddedobjectpositionrequest
 * Chart spec fields: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/charts#basicchartspec
 */
import type { ChartSpec } from '../../core/plan/dashboardSheet';
import type { BatchRequest } from './requests';
import { grid } from './requests';


/** The API's spec of the chart: the first range is the domain (unit names), the rest series. */
export function chartSpecOf(spec: ChartSpec, sheetId: number): GoogleAppsScript.Sheets.Schema.ChartSpec {
  const [domain, ...series] = spec.ranges;
  return {
    title: spec.title,
    basicChart: {
      chartType: 'COLUMN',
      legendPosition: 'NO_LEGEND',
      headerCount: spec.numHeaders,
      // BasicChartAxis.viewWindowOptions is in the v4 reference (ChartAxisViewWindowOptions) but
      // not in @types/google-apps-script's Schema, hence the cast. EXPLICIT: "Follows the min and
      // max exactly if specified" — the default mode is PRETTY in most cases, which ignores both
      axis: [{ position: 'LEFT_AXIS', viewWindowOptions: { viewWindowMode: 'EXPLICIT', viewWindowMin: 0, viewWindowMax: 1 } } as GoogleAppsScript.Sheets.Schema.BasicChartAxis],
      domains: domain ? [{ domain: { sourceRange: { sources: [grid(sheetId, domain)] } } }] : [],
      series: series.map((r) => ({ series: { sourceRange: { sources: [grid(sheetId, r)] } }, targetAxis: 'LEFT_AXIS' })),
    },
  };
}

/** Where the chart sits: its top-left corner on the plan's anchor cell, no offset. */
export function chartPosition(spec: ChartSpec, sheetId: number): GoogleAppsScript.Sheets.Schema.EmbeddedObjectPosition {
  return { overlayPosition: { anchorCell: { sheetId, rowIndex: spec.anchorRow - 1, columnIndex: spec.anchorColumn - 1 }, offsetXPixels: 0, offsetYPixels: 0 } };
}

/** A new chart with the given id. */
export function addChartRequest(spec: ChartSpec, sheetId: number, chartId: number): BatchRequest {
  return { addChart: { chart: { chartId, spec: chartSpecOf(spec, sheetId), position: chartPosition(spec, sheetId) } } };
}

/** The add-on's existing chart given the new spec and anchor. */
export function updateChartRequests(spec: ChartSpec, sheetId: number, chartId: number): BatchRequest[] {
  return [
    { updateChartSpec: { chartId, spec: chartSpecOf(spec, sheetId) } },
    // fields: of OverlayPosition — "The root newPosition.overlayPosition is implied and should not
    // be specified" (UpdateEmbeddedObjectPositionRequest)
    { updateEmbeddedObjectPosition: { objectId: chartId, newPosition: chartPosition(spec, sheetId), fields: 'anchorCell,offsetXPixels,offsetYPixels' } },
  ];
}

/**
 * An id for a new chart that no sheet or chart of the spreadsheet has (both are embedded-object
 * ids the API checks). Deterministic, so tests can assert the requests; should an object we did
 * not read (an image, a slicer) hold it, the body fails as a whole and SpreadsheetApp applies
 * the plan instead.
 */
export function freeObjectId(taken: Iterable<number>): number {
  let max = 0;
  for (const id of taken) if (id > max) max = id;
  return max + 1;
}
