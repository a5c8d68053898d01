/**
 * The narrow slice of Apps Script's Spreadsheet service that our code uses (design §1).
 *
 * Every method is copied from `@types/google-apps-script` with its real signature; only the
 * return types are narrowed to these interfaces. The compile-time checks at the bottom prove the
 * REAL types satisfy them, so code written against `SheetLike` runs unchanged on
 * `SpreadsheetApp`, and the in-memory workbook (src/local/workbook) implements exactly this.
 *
 * Enum values (ProtectionType.RANGE, DataValidationCriteria.VALUE_IN_LIST …) are opaque
 * `EnumValue`s: in Apps Script they are objects whose `toString()` is the member name; the local
 * workbook uses the name string itself. Compare them with `String(x) === 'VALUE_IN_LIST'`.
 *
 * Adding a method: copy the real signature from
 * node_modules/@types/google-apps-script/google-apps-script.spreadsheet.d.ts, implement it in
 * src/local/workbook, and keep `npx tsc` clean (the checks below fail if it drifts).
 */

/** An Apps Script enum member; `String(v)` is its name (e.g. `'VALUE_IN_LIST'`). */
export interface EnumValue {
  toString(): string;
}

export type HorizontalAlignment = 'left' | 'center' | 'normal' | 'right' | null;
export type VerticalAlignment = 'top' | 'middle' | 'bottom' | null;
export type FontWeight = 'normal' | 'bold';

// ─── locks ──────────────────────────────────────────────────────────────────────────────────

export interface LockLike {
  hasLock(): boolean;
  releaseLock(): void;
  tryLock(timeoutInMillis: number): boolean;
  waitLock(timeoutInMillis: number): void;
}

// ─── data validation ────────────────────────────────────────────────────────────────────────

export interface DataValidationLike {
  copy(): DataValidationBuilderLike;
  getAllowInvalid(): boolean;
  getCriteriaType(): EnumValue;
  getCriteriaValues(): any[];
  getHelpText(): string;
}

export interface DataValidationBuilderLike {
  build(): DataValidationLike;
  requireCheckbox(): DataValidationBuilderLike;
  requireCheckbox(checkedValue: any): DataValidationBuilderLike;
  requireCheckbox(checkedValue: any, uncheckedValue: any): DataValidationBuilderLike;
  requireDate(): DataValidationBuilderLike;
  requireDateBetween(start: Date, end: Date): DataValidationBuilderLike;
  requireDateOnOrAfter(date: Date): DataValidationBuilderLike;
  requireDateOnOrBefore(date: Date): DataValidationBuilderLike;
  requireNumberBetween(start: number, end: number): DataValidationBuilderLike;
  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilderLike;
  requireNumberLessThanOrEqualTo(number: number): DataValidationBuilderLike;
  requireFormulaSatisfied(formula: string): DataValidationBuilderLike;
  requireTextIsEmail(): DataValidationBuilderLike;
  requireValueInList(values: string[]): DataValidationBuilderLike;
  requireValueInList(values: string[], showDropdown: boolean): DataValidationBuilderLike;
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderLike;
  setHelpText(helpText: string): DataValidationBuilderLike;
}

// ─── conditional formatting ─────────────────────────────────────────────────────────────────

export interface BooleanConditionLike {
  getBackground(): string | null;
  getBold(): boolean | null;
  getCriteriaType(): EnumValue;
  getCriteriaValues(): any[];
  getFontColor(): string | null;
}

export interface ConditionalFormatRuleLike {
  getBooleanCondition(): BooleanConditionLike | null;
  getRanges(): RangeLike[];
}

export interface ConditionalFormatRuleBuilderLike {
  build(): ConditionalFormatRuleLike;
  setBackground(color: string | null): ConditionalFormatRuleBuilderLike;
  setBold(bold: boolean | null): ConditionalFormatRuleBuilderLike;
  setFontColor(color: string | null): ConditionalFormatRuleBuilderLike;
  setRanges(ranges: RangeLike[]): ConditionalFormatRuleBuilderLike;
  whenCellEmpty(): ConditionalFormatRuleBuilderLike;
  whenCellNotEmpty(): ConditionalFormatRuleBuilderLike;
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderLike;
  whenNumberBetween(start: number, end: number): ConditionalFormatRuleBuilderLike;
  whenNumberEqualTo(number: number): ConditionalFormatRuleBuilderLike;
  whenNumberGreaterThan(number: number): ConditionalFormatRuleBuilderLike;
  whenNumberGreaterThanOrEqualTo(number: number): ConditionalFormatRuleBuilderLike;
  whenNumberLessThan(number: number): ConditionalFormatRuleBuilderLike;
  whenNumberLessThanOrEqualTo(number: number): ConditionalFormatRuleBuilderLike;
  whenTextContains(text: string): ConditionalFormatRuleBuilderLike;
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilderLike;
}

// ─── protection, named ranges, developer metadata ───────────────────────────────────────────

export interface ProtectionLike {
  getDescription(): string;
  getRange(): RangeLike;
  isWarningOnly(): boolean;
  remove(): void;
  setDescription(description: string): ProtectionLike;
  setWarningOnly(warningOnly: boolean): ProtectionLike;
}

export interface NamedRangeLike {
  getName(): string;
  getRange(): RangeLike;
  remove(): void;
  setRange(range: RangeLike): NamedRangeLike;
}

export interface DeveloperMetadataLocationLike {
  getLocationType(): EnumValue;
  getSheet(): SheetLike | null;
}

export interface DeveloperMetadataLike {
  getId(): number;
  getKey(): string;
  getLocation(): DeveloperMetadataLocationLike;
  getValue(): string | null;
  remove(): void;
  setValue(value: string): DeveloperMetadataLike;
}

export interface DeveloperMetadataFinderLike {
  find(): DeveloperMetadataLike[];
  withKey(key: string): DeveloperMetadataFinderLike;
  withValue(value: string): DeveloperMetadataFinderLike;
}

// ─── charts (recorded by the local workbook; the dashboard builds them) ─────────────────────

export interface EmbeddedChartLike {
  getChartId(): number | null;
  /** The options the chart holds: `get(option)` is the value set, or null when not set
   *  (https://developers.google.com/apps-script/reference/charts/chart-options#get(String));
   *  Run diagnostics reads dotted keys back through it. */
  getOptions(): { get(option: string): unknown };
  getRanges(): RangeLike[];
  modify(): EmbeddedChartBuilderLike;
}

export interface EmbeddedChartBuilderLike {
  addRange(range: RangeLike): EmbeddedChartBuilderLike;
  asBarChart(): EmbeddedChartBuilderLike;
  asColumnChart(): EmbeddedChartBuilderLike;
  asLineChart(): EmbeddedChartBuilderLike;
  asPieChart(): EmbeddedChartBuilderLike;
  build(): EmbeddedChartLike;
  clearRanges(): EmbeddedChartBuilderLike;
  setNumHeaders(headers: number): EmbeddedChartBuilderLike;
  setOption(option: string, value: any): EmbeddedChartBuilderLike;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilderLike;
}

// ─── ranges ─────────────────────────────────────────────────────────────────────────────────

export interface RangeLike {
  activate(): RangeLike;
  clear(): RangeLike;
  clear(options: {
    commentsOnly?: boolean | undefined;
    contentsOnly?: boolean | undefined;
    formatOnly?: boolean | undefined;
    validationsOnly?: boolean | undefined;
    skipFilteredRows?: boolean | undefined;
  }): RangeLike;
  clearContent(): RangeLike;
  clearDataValidations(): RangeLike;
  clearFormat(): RangeLike;
  getA1Notation(): string;
  getBackground(): string;
  getBackgrounds(): string[][];
  getCell(row: number, column: number): RangeLike;
  getColumn(): number;
  getDataValidation(): DataValidationLike | null;
  getDataValidations(): Array<Array<DataValidationLike | null>>;
  getDisplayValue(): string;
  getDisplayValues(): string[][];
  getFontWeight(): FontWeight;
  getFontWeights(): FontWeight[][];
  getFontColors(): string[][];
  getFormula(): string;
  getFormulas(): string[][];
  getHorizontalAlignment(): string;
  getHorizontalAlignments(): string[][];
  getLastColumn(): number;
  getLastRow(): number;
  getNumColumns(): number;
  getNumRows(): number;
  getNumberFormat(): string;
  getNumberFormats(): string[][];
  getRow(): number;
  getSheet(): SheetLike;
  getValue(): any;
  getValues(): any[][];
  getWrap(): boolean;
  getWraps(): boolean[][];
  isBlank(): boolean;
  offset(rowOffset: number, columnOffset: number): RangeLike;
  offset(rowOffset: number, columnOffset: number, numRows: number): RangeLike;
  offset(rowOffset: number, columnOffset: number, numRows: number, numColumns: number): RangeLike;
  protect(): ProtectionLike;
  setBackground(color: string | null): RangeLike;
  setBackgrounds(color: Array<Array<string | null>>): RangeLike;
  setDataValidation(rule: DataValidationLike | null): RangeLike;
  setDataValidations(rules: Array<Array<DataValidationLike | null>>): RangeLike;
  setFontColor(color: string | null): RangeLike;
  setFontColors(colors: any[][]): RangeLike;
  setFontWeight(fontWeight: FontWeight | null): RangeLike;
  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): RangeLike;
  setFormula(formula: string): RangeLike;
  setFormulas(formulas: string[][]): RangeLike;
  setHorizontalAlignment(alignment: HorizontalAlignment): RangeLike;
  setHorizontalAlignments(alignments: Array<Array<'left' | 'center' | 'normal' | 'right' | null>>): RangeLike;
  setNote(note: string | null): RangeLike;
  setNumberFormat(numberFormat: string): RangeLike;
  setNumberFormats(numberFormats: string[][]): RangeLike;
  setValue(value: any): RangeLike;
  setValues(values: any[][]): RangeLike;
  setWrap(isWrapEnabled: boolean): RangeLike;
  setWraps(isWrapEnabled: boolean[][]): RangeLike;
}

export interface RangeListLike {
  activate(): RangeListLike;
  clear(): RangeListLike;
  clearContent(): RangeListLike;
  clearDataValidations(): RangeListLike;
  clearFormat(): RangeListLike;
  getRanges(): RangeLike[];
  insertCheckboxes(): RangeListLike;
  setBackground(color: string | null): RangeListLike;
  setFontColor(color: string | null): RangeListLike;
  setFontWeight(fontWeight: FontWeight | null): RangeListLike;
  setFormula(formula: string): RangeListLike;
  setHorizontalAlignment(alignment: HorizontalAlignment): RangeListLike;
  setNumberFormat(numberFormat: string): RangeListLike;
  setValue(value: any): RangeListLike;
  setWrap(isWrapEnabled: boolean): RangeListLike;
}

// ─── sheets ─────────────────────────────────────────────────────────────────────────────────

export interface SheetLike {
  activate(): SheetLike;
  addDeveloperMetadata(key: string): SheetLike;
  addDeveloperMetadata(key: string, value: string): SheetLike;
  clear(): SheetLike;
  clear(options: { formatOnly?: boolean | undefined; contentsOnly?: boolean | undefined }): SheetLike;
  clearConditionalFormatRules(): void;
  clearContents(): SheetLike;
  clearFormats(): SheetLike;
  copyTo(spreadsheet: SpreadsheetLike): SheetLike;
  createDeveloperMetadataFinder(): DeveloperMetadataFinderLike;
  deleteColumns(columnPosition: number, howMany: number): void;
  deleteRows(rowPosition: number, howMany: number): void;
  getActiveRange(): RangeLike | null;
  getCharts(): EmbeddedChartLike[];
  getColumnWidth(columnPosition: number): number;
  getConditionalFormatRules(): ConditionalFormatRuleLike[];
  getDataRange(): RangeLike;
  getDeveloperMetadata(): DeveloperMetadataLike[];
  getFrozenColumns(): number;
  getFrozenRows(): number;
  getIndex(): number;
  getLastColumn(): number;
  getLastRow(): number;
  getMaxColumns(): number;
  getMaxRows(): number;
  getName(): string;
  getNamedRanges(): NamedRangeLike[];
  getParent(): SpreadsheetLike;
  getProtections(type: EnumValue): ProtectionLike[];
  getRange(row: number, column: number): RangeLike;
  getRange(row: number, column: number, numRows: number): RangeLike;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeLike;
  getRange(a1Notation: string): RangeLike;
  getRangeList(a1Notations: string[]): RangeListLike;
  getSheetId(): number;
  getTabColor(): string | null;
  hideSheet(): SheetLike;
  insertChart(chart: EmbeddedChartLike): void;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetLike;
  insertRowsAfter(afterPosition: number, howMany: number): SheetLike;
  isSheetHidden(): boolean;
  newChart(): EmbeddedChartBuilderLike;
  protect(): ProtectionLike;
  removeChart(chart: EmbeddedChartLike): void;
  setActiveRange(range: RangeLike): RangeLike;
  setActiveSelection(a1Notation: string): RangeLike;
  setColumnWidth(columnPosition: number, width: number): SheetLike;
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetLike;
  setConditionalFormatRules(rules: ConditionalFormatRuleLike[]): void;
  setFrozenColumns(columns: number): void;
  setFrozenRows(rows: number): void;
  setName(name: string): SheetLike;
  setTabColor(color: string | null): SheetLike;
  showSheet(): SheetLike;
  updateChart(chart: EmbeddedChartLike): void;
}

// ─── the spreadsheet ────────────────────────────────────────────────────────────────────────

export interface SpreadsheetLike {
  addDeveloperMetadata(key: string, value: string): SpreadsheetLike;
  createDeveloperMetadataFinder(): DeveloperMetadataFinderLike;
  deleteSheet(sheet: SheetLike): void;
  getActiveRange(): RangeLike | null;
  getActiveSheet(): SheetLike;
  getDeveloperMetadata(): DeveloperMetadataLike[];
  getId(): string;
  getName(): string;
  getNamedRanges(): NamedRangeLike[];
  getNumSheets(): number;
  getProtections(type: EnumValue): ProtectionLike[];
  getRange(a1Notation: string): RangeLike;
  getRangeByName(name: string): RangeLike | null;
  getSheetById(id: number): SheetLike | null;
  getSheetByName(name: string): SheetLike | null;
  getSheets(): SheetLike[];
  getSpreadsheetLocale(): string;
  getSpreadsheetTimeZone(): string;
  insertSheet(): SheetLike;
  insertSheet(sheetIndex: number): SheetLike;
  insertSheet(sheetName: string): SheetLike;
  insertSheet(sheetName: string, sheetIndex: number): SheetLike;
  moveActiveSheet(pos: number): void;
  removeNamedRange(name: string): void;
  setActiveRange(range: RangeLike): RangeLike;
  setActiveSheet(sheet: SheetLike): SheetLike;
  setNamedRange(name: string, range: RangeLike): void;
  toast(msg: string): void;
  toast(msg: string, title: string): void;
}

// ─── SpreadsheetApp ─────────────────────────────────────────────────────────────────────────

export interface AppLike {
  DataValidationCriteria: {
    CHECKBOX: EnumValue;
    DATE_BETWEEN: EnumValue;
    DATE_IS_VALID_DATE: EnumValue;
    DATE_ON_OR_AFTER: EnumValue;
    DATE_ON_OR_BEFORE: EnumValue;
    NUMBER_BETWEEN: EnumValue;
    NUMBER_GREATER_THAN_OR_EQUAL_TO: EnumValue;
    NUMBER_LESS_THAN_OR_EQUAL_TO: EnumValue;
    VALUE_IN_LIST: EnumValue;
    CUSTOM_FORMULA: EnumValue;
  };
  ProtectionType: { RANGE: EnumValue; SHEET: EnumValue };
  flush(): void;
  getActiveSpreadsheet(): SpreadsheetLike;
  newConditionalFormatRule(): ConditionalFormatRuleBuilderLike;
  newDataValidation(): DataValidationBuilderLike;
}

// ─── compile-time proof that the real Apps Script types satisfy these interfaces ────────────
declare const realApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
declare const realLock: GoogleAppsScript.Lock.Lock;
declare const realSs: GoogleAppsScript.Spreadsheet.Spreadsheet;
declare const realSheet: GoogleAppsScript.Spreadsheet.Sheet;
declare const realRange: GoogleAppsScript.Spreadsheet.Range;
declare const realRangeList: GoogleAppsScript.Spreadsheet.RangeList;
declare const realDv: GoogleAppsScript.Spreadsheet.DataValidation;
declare const realDvb: GoogleAppsScript.Spreadsheet.DataValidationBuilder;
declare const realCfr: GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
declare const realCfb: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
declare const realProt: GoogleAppsScript.Spreadsheet.Protection;
declare const realNr: GoogleAppsScript.Spreadsheet.NamedRange;
declare const realDm: GoogleAppsScript.Spreadsheet.DeveloperMetadata;
declare const realDmf: GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
declare const realChart: GoogleAppsScript.Spreadsheet.EmbeddedChart;
declare const realChartB: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
export type _RealTypesSatisfyOurs = [
  Check<AppLike, typeof realApp>,
  Check<LockLike, typeof realLock>,
  Check<SpreadsheetLike, typeof realSs>,
  Check<SheetLike, typeof realSheet>,
  Check<RangeLike, typeof realRange>,
  Check<RangeListLike, typeof realRangeList>,
  Check<DataValidationLike, typeof realDv>,
  Check<DataValidationBuilderLike, typeof realDvb>,
  Check<ConditionalFormatRuleLike, typeof realCfr>,
  Check<ConditionalFormatRuleBuilderLike, typeof realCfb>,
  Check<ProtectionLike, typeof realProt>,
  Check<NamedRangeLike, typeof realNr>,
  Check<DeveloperMetadataLike, typeof realDm>,
  Check<DeveloperMetadataFinderLike, typeof realDmf>,
  Check<EmbeddedChartLike, typeof realChart>,
  Check<EmbeddedChartBuilderLike, typeof realChartB>,
];
/** Resolves to `true` only when `Real` is assignable to `Ours` (else a compile error above). */
type Check<Ours, Real extends Ours> = Real extends Ours ? true : never;

/** Narrows the real globals to our interfaces (used by the Apps Script entry points). */
export function asApp(app: GoogleAppsScript.Spreadsheet.SpreadsheetApp): AppLike {
  return app;
}
export function asSpreadsheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SpreadsheetLike {
  return ss;
}
export function asLock(lock: GoogleAppsScript.Lock.Lock): LockLike {
  return lock;
}
