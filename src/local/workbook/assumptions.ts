/**
 * Every assumption the in-memory workbook (this folder) makes about how Google Sheets behaves,
 * in one place (issue 16 §2), each with where it comes from: a Google documentation page, or
 * `unverified` when no page says it and it was learned from observation or guessed.
 *
 * `check` says how it is verified on the real platform: `diagnostics` = Run diagnostics / 运行自检
 * checks it in the user's spreadsheet (src/addon/diagnostics/probes.ts has a probe with the same
 * id — test/diagnostics asserts the two lists match); `documented` = not checkable from a script
 * but stated by the source; `not checkable` = Apps Script cannot observe it (say why).
 *
 * When diagnostics reports a probe as failed on a real spreadsheet, the in-memory workbook is
 * wrong about that point: fix it here and in the workbook, not in the probe.
 */
export type AssumptionCheck = 'diagnostics' | 'documented' | 'not checkable';

export interface Assumption {
  id: string;
  /** What the in-memory workbook does, i.e. what it assumes Sheets does. */
  assumes: string;
  /** A documentation URL, or 'unverified'. */
  source: string;
  check: AssumptionCheck;
  /** For `not checkable`: why; for others: a note. */
  note?: string;
}

const RANGE = 'https://developers.google.com/apps-script/reference/spreadsheet/range';
const SPREADSHEET = 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet';

export const ASSUMPTIONS: readonly Assumption[] = [
  {
    id: 'new-sheet-size',
    assumes: 'insertSheet() makes a sheet of 1000 rows × 26 columns; ranges outside it throw',
    source: 'unverified',
    check: 'diagnostics',
    note: 'each such sheet counts 26,000 cells toward the 10-million-cell limit (https://support.google.com/drive/answer/37603)',
  },
  {
    id: 'open-ended-ranges',
    assumes: "a range without an end row ('Check-ins'!$A$2:$D) reaches the referenced sheet's last row; the engine is given it closed at that sheet's row count when the formula is written (openRanges.ts), the formula text read back stays as written",
    source: 'https://developers.google.com/workspace/sheets/api/guides/concepts#cell',
    check: 'documented',
    note: 'the A1 notation page: "Sheet1!A5:A refers to all the cells of the first column of Sheet 1, from row 5 onward"; a log that grows past the row count after the formula was written is not followed in memory (Sheets follows it)',
  },
  {
    id: 'sheet-names-case-insensitive',
    assumes: 'insertSheet("okr") throws when a sheet "OKR" exists: names are unique ignoring case',
    source: 'unverified',
    check: 'diagnostics',
  },
  {
    id: 'general-is-automatic',
    assumes: "setNumberFormat('General') (and '') is Sheets' automatic format: 0.5 shows as 0.5; getNumberFormat() then reads '0.###############'",
    source: 'unverified',
    check: 'diagnostics',
    note: `${RANGE}#setnumberformatnumberformat documents number format patterns, not the name 'General'`,
  },
  {
    id: 'string-coercion',
    assumes: "setValues() parses strings as if typed: '80%' → 0.8, '007' → 7, '2026-10-01', '3/4' and '1-2' (current year) → date cells; other text stays text; a cell formatted as plain text ('@') keeps the string as written (src/sheets/applyPlan.ts sets '@' on such text before writing it)",
    source: 'unverified',
    check: 'diagnostics',
  },
  {
    id: 'leading-apostrophe',
    assumes: "setValues() with \"'=1+1\" stores the text =1+1 (no formula); the apostrophe is not part of the value",
    source: 'unverified',
    check: 'diagnostics',
  },
  {
    id: 'formula-syntax-en-us',
    assumes: 'setFormulas() takes formulas in en-US syntax (`,` between arguments, `.` decimals) whatever the spreadsheet locale, and getFormulas() reads them back as written',
    source: 'unverified',
    check: 'diagnostics',
    note: `${RANGE}#setformulaformula says only "in A1 notation"; no Google page says which syntax setFormula(s) or the Sheets API's formulaValue take in a ';' locale. Reports disagree: https://github.com/googleapis/google-api-nodejs-client/issues/1994 (comma formulas written through the API broke in a tr_TR spreadsheet), https://github.com/google-marketing-solutions/advanced-bidding-manager/issues/1 (de_DE), https://github.com/mricon/ingress-fieldplan/issues/5 ("Google now accepts semicolons in all locales", 2019). So diagnostics checks it in the user's locale, on both paths: this probe (SpreadsheetApp) and 'paths-agree' (the fixture's formulas written by the Sheets API and by SpreadsheetApp must compute the same values). Meanwhile actions take the API path only in locales whose own syntax is en-US's (src/sheets/batch/locale.ts): the reports of breakage are about the API, and SpreadsheetApp is the path this probe checks`,
  },
  {
    id: 'error-values-as-text',
    assumes: "getValues() returns an error cell as its error text, e.g. '#DIV/0!'",
    source: 'unverified',
    check: 'diagnostics',
  },
  {
    id: 'date-cells-in-sheet-zone',
    assumes: "a date cell is midnight in the spreadsheet's time zone; getValues() returns a Date for it",
    source: `${SPREADSHEET}#getspreadsheettimezone`,
    check: 'diagnostics',
  },
  {
    id: 'named-ranges-removed-with-sheet',
    assumes: 'deleteSheet() does NOT free the named ranges into the deleted sheet: they stay behind as #REF!, are no longer returned by getNamedRanges() / getRangeByName() and cannot be removed, but their names stay taken — setNamedRange() with such a name throws. So src/sheets/applyPlan.ts removes our named ranges before it deletes a sheet, and sets a new sheet\'s named ranges before writing anything, moving to a free name (`…_2`) when one is taken',
    source: 'https://github.com/burnash/gspread/issues/1530 (Sheets API: "Cannot add named range with name …, a named range with that name already exists" after the sheet was deleted; the list is empty); https://gist.github.com/tanaikech/f9b993c4a178291324e03eeb5c161c1d (neither SpreadsheetApp nor the Sheets API can retrieve or remove them). No Google page says it',
    check: 'diagnostics',
    note: 'the probe looks the name up with getNamedRanges() after deleteSheet(), which cannot see a #REF! name; that setNamedRange() then refuses the name is the part a probe would have to try',
  },
  {
    id: 'protection-warning-only',
    assumes: 'a range protection set warning-only stays warning-only (isWarningOnly() true) and allows every editor to type after a warning',
    source: `${RANGE}#protect`,
    check: 'diagnostics',
  },
  {
    id: 'metadata-finder-by-key',
    assumes: "createDeveloperMetadataFinder().withKey(k).find() finds sheet-level metadata added with sheet.addDeveloperMetadata(k, v), located on that sheet",
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder',
    check: 'diagnostics',
  },
  {
    id: 'html-file-text',
    assumes: 'HtmlService.createHtmlOutputFromFile(name).getContent() returns the file text unchanged (Sidebar.html is personalised from it; each Server*.html file is evaluated from it)',
    source: 'https://developers.google.com/apps-script/reference/html/html-output#getcontent',
    check: 'diagnostics',
    note: 'with it, that indirect eval runs in Apps Script\'s V8 runtime (unverified); diagnostics itself runs from ServerDiagnostics.html, so reaching the probe proves both',
  },
  {
    id: 'chart-options-dotted-keys',
    assumes: "chart options are recorded as given (setOption('legend.position', …), 'vAxis.viewWindow.min') and read back so by getOptions().get(key); nothing renders",
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setoptionoption,-value',
    check: 'diagnostics',
    note: 'diagnostics reads the dotted keys back (https://developers.google.com/apps-script/reference/charts/chart-options#get(String)); how Sheets draws them is not readable',
  },
  {
    id: 'sheets-api-string-not-parsed',
    assumes: "(Sheets API, src/local/workbook/sheetsApi.ts) updateCells with userEnteredValue.stringValue stores the text as it is — '01234', '80%' and '3/4' stay text — while numberValue in a DATE-formatted cell is a date; a formulaValue is a formula in en-US syntax",
    source: 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/other#ExtendedValue',
    check: 'not checkable',
    note: "not probed on its own: Run diagnostics applies its fixture through the Sheets API and through SpreadsheetApp and compares the two sheets cell by cell (check 'paths-agree', src/addon/diagnostics/paths.ts), which covers the fixture's texts, dates and one number-like text (the header's owner '007', src/addon/diagnostics/fixture.ts)",
  },
  {
    id: 'sheets-api-batch-atomic',
    assumes: '(Sheets API) a batchUpdate body is applied all or nothing: a request that fails (a taken sheet title or range name) leaves the spreadsheet unchanged; addSheet neither activates the new sheet nor places it after the active one',
    source: 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/batchUpdate',
    check: 'documented',
    note: 'the interpreter checks titles, sheet ids and names of every request before applying the first',
  },
  {
    id: 'conditional-format-formula-syntax',
    assumes: 'custom-formula conditional formats take the same en-US syntax as setFormulas(), and getConditionalFormatRules() reads the formula back as written',
    source: 'unverified',
    check: 'diagnostics',
    note: "diagnostics checks that the formula is accepted and kept as written in the user's locale; whether it is evaluated (colours) is the probe 'conditional-format-colours'. The API's ConditionValue.userEnteredValue \"is parsed as if the user typed into a cell\" (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/other#ConditionValue), which suggests the spreadsheet's locale applies; no page says so for SpreadsheetApp's whenFormulaSatisfied",
  },
  {
    id: 'conditional-format-colours',
    assumes: 'a custom-formula conditional format written in en-US syntax (=AND($A$9>0,$A$9<2)) is evaluated: the cell shows its colour when the formula is true and not otherwise; in memory (src/local/workbook/effectiveFormat.ts) the formula is evaluated by the formula engine — its relative references moved from the first cell of the rule to each cell, "text is exactly" compared case-sensitively (unverified), the first true rule of the sheet winning — and spreadsheets.get answers the effective background colour',
    source: 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/cells#CellData',
    check: 'diagnostics',
    note: 'CellData.effectiveFormat "includes the results of applying any conditional formatting"; read through the advanced Sheets service (spreadsheets.get with ranges and fields=sheets.data.rowData.values.effectiveFormat.backgroundColor). Without the API (service missing, scope not granted) the probe warns that it stays unverified',
  },
  {
    id: 'sheets-api-update-cells-mask',
    assumes: "(Sheets API) updateCells replaces exactly the CellData fields its mask names: with a range and no rows those fields are cleared; with rows and 'userEnteredFormat' in the mask each cell's whole format is the one given (none = cleared); a cell's note is kept when 'note' is not in the mask — so a regeneration in place keeps a person's notes inside the block",
    source: 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#updatecellsrequest',
    check: 'documented',
    note: 'the page says the masked fields are cleared where rows do not cover the range; that unmasked fields (the note) stay is what a field mask means (https://developers.google.com/workspace/sheets/api/guides/field-masks); not run on a real spreadsheet yet',
  },
  {
    id: 'sheets-api-get-ranges-one-sheet',
    assumes: "(Sheets API) spreadsheets.get with ranges = ['Sheet name'] answers that sheet alone — its properties, developer metadata, charts, conditional formats and, because the field mask names data, its cells (userEnteredValue; a date as a number in a DATE-typed number format) from A1 to its last cell with content",
    source: 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get',
    check: 'documented',
    note: '"Limiting the range returns only the portions of the spreadsheet that intersect the requested ranges"; "If a field mask is set, the includeGridData parameter is ignored"',
  },
  {
    id: 'sheets-api-chart-as-builder',
    assumes: "(Sheets API) addChart takes the chartId we choose (unused ids only), updateChartSpec replaces a chart's whole spec and keeps its id and place, and a BasicChartSpec COLUMN chart with the first range as domain, one header row, NO_LEGEND and the left axis' view window 0–1 is the chart SpreadsheetApp's builder makes with asColumnChart(), setNumHeaders(1), 'legend.position' none and 'vAxis.viewWindow.min/max'",
    source: 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request#addchartrequest',
    check: 'not checkable',
    note: 'how a chart is drawn cannot be read from a script; the in-memory interpreter turns the spec back into the builder calls, which is the assumption itself. Spec fields: https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/charts#basicchartspec',
  },
  {
    id: 'custom-function-arguments-deterministic',
    assumes: '(custom functions) arguments are plain values; volatile functions such as NOW(), RAND() — and TODAY() — are not valid arguments',
    source: 'https://developers.google.com/apps-script/guides/sheets/functions',
    check: 'documented',
    note: 'so the README passes a date cell to OKRPACE, not TODAY(); that a cell holding =TODAY() then refreshes daily is unverified',
  },
  {
    id: 'custom-functions-need-installed-add-on',
    assumes: '(custom functions) only exist where the add-on is installed and enabled in the document; elsewhere =OKRSCORE() is #NAME?',
    source: 'https://developers.google.com/apps-script/guides/sheets/functions',
    check: 'documented',
  },
  {
    id: 'several-accounts-failure',
    assumes: "(sidebar) google.script.run's failure handler sees 'PERMISSION_DENIED' / 'reading from storage' when the browser is signed in to several Google accounts",
    source: 'unverified',
    check: 'not checkable',
    note: 'known issue https://issuetracker.google.com/issues/69270374; happens before any server code runs',
  },
  // the snapshot's read through spreadsheets.get (src/sheets/batch/snapshotRead.ts; in memory:
  // sheetsApiGet.ts getForSnapshot). Run diagnostics' 'snapshot-paths-agree' compares that read
  // with the SpreadsheetApp one on its scratch sheets (not a probe: it needs both scratch sheets).
  {
    id: 'api-date-cells-as-serials',
    assumes: "(Sheets API) a date cell's effectiveValue is a numberValue (serial day from 1899-12-30) and its effectiveFormat.numberFormat.type is DATE, DATE_TIME or TIME — also for a formula computing a date",
    source: 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/cells#CellData',
    check: 'documented',
    note: "userEnteredValue: 'Dates, Times and DateTimes are represented as doubles in serial number format'; effectiveFormat includes 'if the cell contains a formula, the computed number format'; diagnostics' snapshot-paths-agree compares the days read",
  },
  {
    id: 'api-errors-as-error-values',
    assumes: "(Sheets API) a formula's error is effectiveValue.errorValue with an ErrorType (DIV_BY_ZERO, N_A, NAME …) whose text is what getValues returns ('#DIV/0!', '#N/A', '#NAME?')",
    source: 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/other#ErrorType',
    check: 'documented',
    note: 'the mapping from type to text is unverified; the diagnostics fixture holds no error cell, so snapshot-paths-agree does not see it',
  },
  {
    id: 'api-grid-trailing-empties',
    assumes: '(Sheets API) spreadsheets.get with a whole-sheet range leaves out trailing empty rows and cells (an empty sheet: a GridData without rowData); a formula whose result is empty still carries userEnteredValue.formulaValue and counts as content for getDataRange',
    source: 'unverified',
    check: 'documented',
    note: "diagnostics' snapshot-paths-agree compares the grid sizes of its scratch sheets (whose spare rows end in such formulas)",
  },
];
