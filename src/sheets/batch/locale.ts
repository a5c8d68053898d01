/**
 * Which spreadsheet locales the Sheets API path writes formulas in.
 *
 * Every formula we write is in en-US syntax (`,` between arguments, `.` decimals). No Google page
 * says which syntax the Sheets API's `formulaValue` takes when the spreadsheet's locale writes
 * `=SUM(A1;B1)` and `0,5`, and users report comma formulas written through the API breaking in
 * such spreadsheets (tr_TR: https://github.com/googleapis/google-api-nodejs-client/issues/1994 ,
 * de_DE: https://github.com/google-marketing-solutions/advanced-bidding-manager/issues/1). So the
 * API path is taken only where the locale's own syntax is en-US's — a decimal point, `,` between
 * arguments — and every other locale (or one we cannot read) goes through SpreadsheetApp, whose
 * formulas Run diagnostics checks in the user's locale (src/local/workbook/assumptions.ts
 * `formula-syntax-en-us`). The price is only service calls; the sheet is the same.
 * Locale strings as Spreadsheet.getSpreadsheetLocale / SpreadsheetProperties.locale give them
 * (`en_US`, `zh_CN`, `de_DE`; https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets#spreadsheetproperties).
 */

/** Languages whose number format has a decimal point in every country Sheets offers them. */
const POINT_LANGUAGES: ReadonlySet<string> = new Set(['en', 'zh', 'ja', 'ko', 'th', 'he', 'iw', 'hi', 'ms', 'fil', 'tl']);
/** Countries where Spanish writes a decimal point (Mexico, the United States). */
const POINT_LOCALES: ReadonlySet<string> = new Set(['es_MX', 'es_US', 'es_419']);

/** True when formulas in en-US syntax are this locale's own syntax. */
export function enUsFormulaLocale(locale: string | null | undefined): boolean {
  if (!locale) return false;
  const l = locale.replace('-', '_');
  if (POINT_LOCALES.has(l)) return true;
  const lang = l.split('_')[0]!.toLowerCase();
  // en_ZA, en_DK … write a decimal comma in some Sheets settings: keep English to the countries
  // whose format is known to use a point — every other English locale takes SpreadsheetApp.
  if (lang === 'en') return /^en(_(US|GB|AU|CA|IN|IE|NZ|SG|PH|HK|MY))?$/i.test(l);
  return POINT_LANGUAGES.has(lang);
}
