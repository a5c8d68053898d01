/**
 * Builders of the in-memory workbook: data validation, conditional format rules, charts.
 * They hold plain data; the sheet stores what `build()` returns.
 */
import type {
  BooleanConditionLike, ConditionalFormatRuleBuilderLike, ConditionalFormatRuleLike,
  DataValidationBuilderLike, DataValidationLike, EmbeddedChartBuilderLike, EmbeddedChartLike,
  RangeLike,
} from '../../sheets/api';
import type { LocalRange } from './workbook';
import type { WorkbookCore } from './core';

export type CriteriaName =
  | 'VALUE_IN_LIST' | 'CHECKBOX' | 'DATE_IS_VALID_DATE' | 'DATE_BETWEEN' | 'DATE_ON_OR_AFTER'
  | 'DATE_ON_OR_BEFORE' | 'NUMBER_BETWEEN' | 'NUMBER_GREATER_THAN_OR_EQUAL_TO'
  | 'NUMBER_LESS_THAN_OR_EQUAL_TO' | 'CUSTOM_FORMULA' | 'TEXT_IS_VALID_EMAIL';

export interface ValidationData {
  criteria: CriteriaName;
  args: unknown[];
  helpText: string;
  allowInvalid: boolean;
}

export class LocalDataValidation implements DataValidationLike {
  constructor(readonly _wb: WorkbookCore, readonly _d: Readonly<ValidationData>) {}
  copy(): DataValidationBuilderLike {
    const b = new LocalDataValidationBuilder(this._wb);
    b._d = { ...this._d, args: [...this._d.args] };
    return b;
  }
  getAllowInvalid(): boolean {
    return this._d.allowInvalid;
  }
  getCriteriaType(): string {
    return this._d.criteria;
  }
  getCriteriaValues(): any[] {
    return [...this._d.args];
  }
  getHelpText(): string {
    return this._d.helpText;
  }
}

export class LocalDataValidationBuilder implements DataValidationBuilderLike {
  _d: ValidationData = { criteria: 'DATE_IS_VALID_DATE', args: [], helpText: '', allowInvalid: true };
  _set = false;
  constructor(readonly _wb: WorkbookCore) {}
  private _crit(c: CriteriaName, args: unknown[]): this {
    this._d = { ...this._d, criteria: c, args };
    this._set = true;
    return this;
  }
  build(): DataValidationLike {
    if (!this._set) throw new Error('You must specify a criteria before building a data validation rule.');
    return new LocalDataValidation(this._wb, { ...this._d });
  }
  requireCheckbox(checkedValue?: any, uncheckedValue?: any): DataValidationBuilderLike {
    const args = checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this._crit('CHECKBOX', args);
  }
  requireDate(): DataValidationBuilderLike {
    return this._crit('DATE_IS_VALID_DATE', []);
  }
  requireDateBetween(start: Date, end: Date): DataValidationBuilderLike {
    return this._crit('DATE_BETWEEN', [start, end]);
  }
  requireDateOnOrAfter(date: Date): DataValidationBuilderLike {
    return this._crit('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): DataValidationBuilderLike {
    return this._crit('DATE_ON_OR_BEFORE', [date]);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilderLike {
    return this._crit('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilderLike {
    return this._crit('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): DataValidationBuilderLike {
    return this._crit('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilderLike {
    return this._crit('CUSTOM_FORMULA', [formula]);
  }
  requireTextIsEmail(): DataValidationBuilderLike {
    return this._crit('TEXT_IS_VALID_EMAIL', []);
  }
  requireValueInList(values: string[], showDropdown = true): DataValidationBuilderLike {
    if (!Array.isArray(values) || values.length === 0) throw new Error('The list of values must not be empty.');
    if (values.join(',').length > 256 * 1024) throw new Error('The list of values is too long.');
    return this._crit('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderLike {
    this._d = { ...this._d, allowInvalid: allowInvalidData };
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilderLike {
    this._d = { ...this._d, helpText };
    return this;
  }
}

// ─── conditional formats ────────────────────────────────────────────────────────────────────

export type BooleanCriteriaName =
  | 'CELL_EMPTY' | 'CELL_NOT_EMPTY' | 'CUSTOM_FORMULA' | 'NUMBER_BETWEEN' | 'NUMBER_EQUAL_TO'
  | 'NUMBER_GREATER_THAN' | 'NUMBER_GREATER_THAN_OR_EQUAL_TO' | 'NUMBER_LESS_THAN'
  | 'NUMBER_LESS_THAN_OR_EQUAL_TO' | 'TEXT_CONTAINS' | 'TEXT_EQUAL_TO';

export interface CfData {
  criteria: BooleanCriteriaName | null;
  args: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: LocalRange[];
}

export class LocalBooleanCondition implements BooleanConditionLike {
  constructor(readonly _wb: WorkbookCore, readonly _d: Readonly<CfData>) {}
  getBackground(): string | null {
    return this._d.background;
  }
  getBold(): boolean | null {
    return this._d.bold;
  }
  getCriteriaType(): string {
    return this._d.criteria ?? '';
  }
  getCriteriaValues(): any[] {
    return [...this._d.args];
  }
  getFontColor(): string | null {
    return this._d.fontColor;
  }
}

export class LocalConditionalFormatRule implements ConditionalFormatRuleLike {
  constructor(readonly _wb: WorkbookCore, readonly _d: Readonly<CfData>) {}
  getBooleanCondition(): BooleanConditionLike | null {
    return this._d.criteria ? new LocalBooleanCondition(this._wb, this._d) : null;
  }
  getRanges(): RangeLike[] {
    return [...this._d.ranges];
  }
}

export class LocalConditionalFormatRuleBuilder implements ConditionalFormatRuleBuilderLike {
  _d: CfData = { criteria: null, args: [], background: null, fontColor: null, bold: null, ranges: [] };
  constructor(readonly _wb: WorkbookCore) {}
  private _when(c: BooleanCriteriaName, args: unknown[]): this {
    this._d = { ...this._d, criteria: c, args };
    return this;
  }
  build(): ConditionalFormatRuleLike {
    if (!this._d.criteria) throw new Error('A conditional format rule needs a condition.');
    if (this._d.ranges.length === 0) throw new Error('A conditional format rule needs at least one range.');
    return new LocalConditionalFormatRule(this._wb, { ...this._d, ranges: [...this._d.ranges] });
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilderLike {
    this._d = { ...this._d, background: color };
    return this;
  }
  setBold(bold: boolean | null): ConditionalFormatRuleBuilderLike {
    this._d = { ...this._d, bold };
    return this;
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilderLike {
    this._d = { ...this._d, fontColor: color };
    return this;
  }
  setRanges(ranges: RangeLike[]): ConditionalFormatRuleBuilderLike {
    this._d = { ...this._d, ranges: ranges as LocalRange[] };
    return this;
  }
  whenCellEmpty(): ConditionalFormatRuleBuilderLike {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): ConditionalFormatRuleBuilderLike {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderLike {
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberBetween(start: number, end: number): ConditionalFormatRuleBuilderLike {
    return this._when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberEqualTo(n: number): ConditionalFormatRuleBuilderLike {
    return this._when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number): ConditionalFormatRuleBuilderLike {
    return this._when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): ConditionalFormatRuleBuilderLike {
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): ConditionalFormatRuleBuilderLike {
    return this._when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): ConditionalFormatRuleBuilderLike {
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenTextContains(text: string): ConditionalFormatRuleBuilderLike {
    return this._when('TEXT_CONTAINS', [text]);
  }
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilderLike {
    return this._when('TEXT_EQUAL_TO', [text]);
  }
}

// ─── charts (recorded, never drawn) ─────────────────────────────────────────────────────────

export interface ChartData {
  id: number | null;
  type: 'BAR' | 'COLUMN' | 'LINE' | 'PIE' | 'AREA' | 'TABLE';
  ranges: LocalRange[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
}

export class LocalChart implements EmbeddedChartLike {
  constructor(readonly _wb: WorkbookCore, readonly _d: Readonly<ChartData>) {}
  getChartId(): number | null {
    return this._d.id;
  }
  getOptions(): { get(option: string): unknown } {
    const options = { ...this._d.options };
    return { get: (option: string) => (option in options ? options[option] : null) };
  }
  getRanges(): RangeLike[] {
    return [...this._d.ranges];
  }
  modify(): EmbeddedChartBuilderLike {
    const b = new LocalChartBuilder(this._wb);
    b._d = { ...this._d, ranges: [...this._d.ranges], options: { ...this._d.options } };
    return b;
  }
  /** Local only: what the chart shows (type, ranges as A1, options, anchor). */
  describe(): { id: number | null; type: string; ranges: string[]; options: Record<string, unknown>; position: ChartData['position'] } {
    return {
      id: this._d.id,
      type: this._d.type,
      ranges: this._d.ranges.map((r) => r._a1()),
      options: { ...this._d.options },
      position: { ...this._d.position },
    };
  }
}

export class LocalChartBuilder implements EmbeddedChartBuilderLike {
  _d: ChartData = {
    id: null, type: 'COLUMN', ranges: [], options: {}, position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, numHeaders: -1,
  };
  constructor(readonly _wb: WorkbookCore) {}
  addRange(range: RangeLike): EmbeddedChartBuilderLike {
    this._d.ranges.push(range as LocalRange);
    return this;
  }
  asBarChart(): EmbeddedChartBuilderLike {
    this._d.type = 'BAR';
    return this;
  }
  asColumnChart(): EmbeddedChartBuilderLike {
    this._d.type = 'COLUMN';
    return this;
  }
  asLineChart(): EmbeddedChartBuilderLike {
    this._d.type = 'LINE';
    return this;
  }
  asPieChart(): EmbeddedChartBuilderLike {
    this._d.type = 'PIE';
    return this;
  }
  build(): EmbeddedChartLike {
    return new LocalChart(this._wb, { ...this._d, ranges: [...this._d.ranges], options: { ...this._d.options } });
  }
  clearRanges(): EmbeddedChartBuilderLike {
    this._d.ranges = [];
    return this;
  }
  setNumHeaders(headers: number): EmbeddedChartBuilderLike {
    this._d.numHeaders = headers;
    return this;
  }
  setOption(option: string, value: any): EmbeddedChartBuilderLike {
    this._d.options[option] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilderLike {
    this._d.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }
}
