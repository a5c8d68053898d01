/**
 * The in-memory SpreadsheetApp: wrapper objects over `WorkbookCore`, implementing exactly the
 * interfaces of src/sheets/api.ts and behaving like Google Sheets where our code can tell:
 * range bounds are checked against the sheet size (1000 × 26 for a new sheet), setValues needs
 * matching dimensions, strings starting with `=` are formulas and a leading `'` keeps text,
 * getValues returns Date objects for date cells and error strings (`#DIV/0!`) for errors, sheet
 * names are unique (case-insensitive), the last sheet cannot be deleted, new sheets become
 * active, wrappers are fresh objects on every call (compare sheets by getSheetId()).
 *
 * Every public method is counted by the workbook's CallCounter; internal helpers start with `_`.
 */
import { closeOpenRanges } from './openRanges';
import { colLetter } from '../../core/plan/a1';
import type {
  AppLike, ConditionalFormatRuleBuilderLike, ConditionalFormatRuleLike, DataValidationBuilderLike,
  DataValidationLike, DeveloperMetadataFinderLike, DeveloperMetadataLike,
  DeveloperMetadataLocationLike, EmbeddedChartBuilderLike, EmbeddedChartLike, EnumValue,
  FontWeight, HorizontalAlignment, LockLike, NamedRangeLike, ProtectionLike, RangeLike,
  RangeListLike, SheetLike, SpreadsheetLike,
} from '../../sheets/api';
import { contains, parseA1, quoteSheet, rectA1, resolveA1, type Rect } from './a1';
import {
  LocalChart, LocalChartBuilder, LocalConditionalFormatRule, LocalConditionalFormatRuleBuilder,
  LocalDataValidation, LocalDataValidationBuilder,
} from './builders';
import {
  DEFAULT_COLS, DEFAULT_ROWS, DEFAULT_WIDTH, cellKey, keyCol, keyRow,
  type CellFormat, type MetadataData, type SheetData, type WorkbookCore,
} from './core';
import { serialToDate } from './dates';
import { AUTO_DATE_FORMAT, formatValue, isDateFormat } from './numberFormat';
import { DetailedCellError } from 'hyperformula';

// ─── helpers ────────────────────────────────────────────────────────────────────────────────

function fail(msg: string): never {
  throw new Error(`Exception: ${msg}`);
}

function sheetOf(wb: WorkbookCore, id: number): SheetData {
  const s = wb.sheets.find((x) => x.id === id);
  if (!s || s.deleted) fail('The sheet has been deleted.');
  return s;
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

/** Cell content as HyperFormula takes it, plus whether the value asks for a date format. */
function toRaw(v: unknown): { raw: unknown; date: boolean } {
  if (v === null || v === undefined || v === '') return { raw: null, date: false };
  if (v instanceof Date) {
    if (isNaN(v.getTime())) return { raw: null, date: false };
    // HyperFormula reads the local date/time parts and marks the cell as a date, so formulas
    // that compute from it (=A1+30) are dates too, as in Sheets
    return { raw: v, date: true };
  }
  if (typeof v === 'number') return { raw: Number.isFinite(v) ? v : null, date: false };
  if (typeof v === 'boolean') return { raw: v, date: false };
  if (typeof v === 'string') return { raw: v, date: false };
  return { raw: String(v), date: false };
}

// ─── the app ────────────────────────────────────────────────────────────────────────────────

const CRITERIA = {
  CHECKBOX: 'CHECKBOX', DATE_BETWEEN: 'DATE_BETWEEN', DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER', DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN', NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO', VALUE_IN_LIST: 'VALUE_IN_LIST',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

export class LocalApp implements AppLike {
  readonly DataValidationCriteria = CRITERIA;
  readonly ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
  constructor(readonly _wb: WorkbookCore, readonly _ss: () => LocalSpreadsheet) {}
  flush(): void {}
  getActiveSpreadsheet(): SpreadsheetLike {
    return this._ss();
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilderLike {
    return new LocalConditionalFormatRuleBuilder(this._wb);
  }
  newDataValidation(): DataValidationBuilderLike {
    return new LocalDataValidationBuilder(this._wb);
  }
}

// ─── locks ──────────────────────────────────────────────────────────────────────────────────

/** A user's handle on the document lock. Two handles from one workbook model two users. */
export class LocalLock implements LockLike {
  private readonly token = {};
  constructor(readonly _wb: WorkbookCore) {}
  hasLock(): boolean {
    return this._wb.lockHolder === this.token;
  }
  releaseLock(): void {
    if (this._wb.lockHolder === this.token) this._wb.lockHolder = null;
  }
  tryLock(_timeoutInMillis: number): boolean {
    // Nothing else runs while we wait in a single-threaded simulation: free now or never.
    if (this._wb.lockHolder === null || this._wb.lockHolder === this.token) {
      this._wb.lockHolder = this.token;
      return true;
    }
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) fail('Lock timeout: another process was holding the lock for too long.');
  }
}

// ─── developer metadata ─────────────────────────────────────────────────────────────────────

export class LocalMetadataLocation implements DeveloperMetadataLocationLike {
  constructor(readonly _wb: WorkbookCore, readonly _m: MetadataData) {}
  getLocationType(): string {
    return this._m.sheetId === null ? 'SPREADSHEET' : 'SHEET';
  }
  getSheet(): SheetLike | null {
    if (this._m.sheetId === null) return null;
    return new LocalSheet(this._wb, sheetOf(this._wb, this._m.sheetId));
  }
}

export class LocalDeveloperMetadata implements DeveloperMetadataLike {
  constructor(readonly _wb: WorkbookCore, readonly _m: MetadataData) {}
  getId(): number {
    return this._m.id;
  }
  getKey(): string {
    return this._m.key;
  }
  getLocation(): DeveloperMetadataLocationLike {
    return new LocalMetadataLocation(this._wb, this._m);
  }
  getValue(): string | null {
    return this._m.value;
  }
  remove(): void {
    this._wb.metadata = this._wb.metadata.filter((m) => m.id !== this._m.id);
  }
  setValue(value: string): DeveloperMetadataLike {
    this._m.value = value;
    return this;
  }
}

export class LocalMetadataFinder implements DeveloperMetadataFinderLike {
  private key: string | null = null;
  private value: string | null = null;
  constructor(readonly _wb: WorkbookCore, readonly _sheetId: number | undefined) {}
  find(): DeveloperMetadataLike[] {
    return this._wb.metadata
      .filter((m) => this._sheetId === undefined || m.sheetId === this._sheetId)
      .filter((m) => (this.key === null || m.key === this.key) && (this.value === null || m.value === this.value))
      .map((m) => new LocalDeveloperMetadata(this._wb, m));
  }
  withKey(key: string): DeveloperMetadataFinderLike {
    this.key = key;
    return this;
  }
  withValue(value: string): DeveloperMetadataFinderLike {
    this.value = value;
    return this;
  }
}

function addMetadata(wb: WorkbookCore, sheetId: number | null, key: string, value: string | null): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 256) fail('Invalid developer metadata key.');
  wb.metadata.push({ id: wb.nextId++, key, value, sheetId });
}

// ─── protections and named ranges ───────────────────────────────────────────────────────────

export class LocalProtection implements ProtectionLike {
  constructor(readonly _wb: WorkbookCore, readonly _id: number) {}
  private get _p() {
    const p = this._wb.protections.find((x) => x.id === this._id);
    if (!p) fail('The protection has been removed.');
    return p;
  }
  getDescription(): string {
    return this._p.description;
  }
  getRange(): RangeLike {
    const p = this._p;
    return new LocalRange(this._wb, sheetOf(this._wb, p.sheetId), p.rect);
  }
  isWarningOnly(): boolean {
    return this._p.warningOnly;
  }
  remove(): void {
    this._wb.protections = this._wb.protections.filter((x) => x.id !== this._id);
  }
  setDescription(description: string): ProtectionLike {
    this._p.description = description;
    return this;
  }
  setWarningOnly(warningOnly: boolean): ProtectionLike {
    this._p.warningOnly = warningOnly;
    return this;
  }
}

export class LocalNamedRange implements NamedRangeLike {
  constructor(readonly _wb: WorkbookCore, readonly _name: string) {}
  private get _n() {
    const n = this._wb.named.get(this._name.toLowerCase());
    if (!n) fail(`Named range ${this._name} has been removed.`);
    return n;
  }
  getName(): string {
    return this._n.name;
  }
  getRange(): RangeLike {
    const n = this._n;
    return new LocalRange(this._wb, sheetOf(this._wb, n.sheetId), n.rect);
  }
  remove(): void {
    removeNamed(this._wb, this._name);
  }
  setRange(range: RangeLike): NamedRangeLike {
    const r = range as LocalRange;
    setNamed(this._wb, this._n.name, r._s.id, r._r);
    return this;
  }
}

/** A number format as stored: '' and 'General' are Sheets' automatic format (no format kept). */
function userFormat(f: string | null | undefined): string | undefined {
  return !f || /^general$/i.test(f) ? undefined : f;
}

const NAME_RE = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/;
function checkRangeName(name: string): void {
  if (
    typeof name !== 'string' || name.length === 0 || name.length > 250 || !NAME_RE.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name) || /^(true|false)$/i.test(name)
  ) {
    fail(`The name "${name}" is not a valid range name.`);
  }
}

function namedExpr(wb: WorkbookCore, sheetId: number, rect: Rect): string {
  const s = sheetOf(wb, sheetId);
  const a = `$${colLetter(rect.col)}$${rect.row}`;
  const b = `$${colLetter(rect.col + rect.numCols - 1)}$${rect.row + rect.numRows - 1}`;
  return `=${quoteSheet(s.name)}!${a === b ? a : `${a}:${b}`}`;
}

function setNamed(wb: WorkbookCore, name: string, sheetId: number, rect: Rect): void {
  checkRangeName(name);
  const key = name.toLowerCase();
  // the name of a range whose sheet was deleted stays taken (the Sheets API's words)
  if (wb.orphanNames.has(key)) fail(`Cannot add named range with name: ${name}, a named range with that name already exists.`);
  const expr = namedExpr(wb, sheetId, rect);
  const existing = wb.named.get(key);
  try {
    if (existing) wb.hf.changeNamedExpression(existing.name, expr);
    else wb.hf.addNamedExpression(name, expr);
  } catch {
    // The engine refuses some names Sheets accepts; the range still exists for our code.
  }
  wb.named.set(key, { name: existing?.name ?? name, sheetId, rect: { ...rect } });
}

function removeNamed(wb: WorkbookCore, name: string): void {
  const key = name.toLowerCase();
  const n = wb.named.get(key);
  if (!n) fail(`Named range ${name} not found.`);
  wb.named.delete(key);
  try {
    wb.hf.removeNamedExpression(n.name);
  } catch {
    /* not registered with the engine */
  }
}

// ─── ranges ─────────────────────────────────────────────────────────────────────────────────

type ClearOptions = {
  commentsOnly?: boolean | undefined;
  contentsOnly?: boolean | undefined;
  formatOnly?: boolean | undefined;
  validationsOnly?: boolean | undefined;
  skipFilteredRows?: boolean | undefined;
};

export class LocalRange implements RangeLike {
  constructor(readonly _wb: WorkbookCore, readonly _s: SheetData, readonly _r: Rect) {}

  _live(): SheetData {
    if (this._s.deleted) fail('The sheet has been deleted.');
    return this._s;
  }
  _a1(): string {
    return rectA1(this._r);
  }
  *_cells(): Generator<[number, number]> {
    for (let r = this._r.row; r < this._r.row + this._r.numRows; r++) {
      for (let c = this._r.col; c < this._r.col + this._r.numCols; c++) yield [r, c];
    }
  }
  _hfRange() {
    const s = this._live();
    return {
      start: { sheet: s.hfId, row: this._r.row - 1, col: this._r.col - 1 },
      end: { sheet: s.hfId, row: this._r.row + this._r.numRows - 2, col: this._r.col + this._r.numCols - 2 },
    };
  }
  _checkDims(values: unknown[][], what: string): void {
    if (!Array.isArray(values)) fail(`The parameters (${typeof values}) don't match the method signature for Range.${what}.`);
    if (values.length !== this._r.numRows) {
      fail(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this._r.numRows}.`);
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this._r.numCols) {
        fail(`The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this._r.numCols}.`);
      }
    }
  }
  _fmt(row: number, col: number): CellFormat | undefined {
    return this._s.fmt.get(cellKey(row, col));
  }
  _patchFmt(row: number, col: number, patch: CellFormat): void {
    const k = cellKey(row, col);
    const cur = this._s.fmt.get(k);
    const next: CellFormat = { ...cur, ...patch };
    for (const key of Object.keys(next) as (keyof CellFormat)[]) if (next[key] === undefined) delete next[key];
    if (Object.keys(next).length === 0) this._s.fmt.delete(k);
    else this._s.fmt.set(k, next);
  }
  _eachFmt(patch: CellFormat): void {
    this._live();
    for (const [r, c] of this._cells()) this._patchFmt(r, c, patch);
  }
  _eachFmt2d<T>(values: T[][], what: string, toPatch: (v: T) => CellFormat): void {
    this._live();
    this._checkDims(values, what);
    for (let i = 0; i < this._r.numRows; i++) {
      for (let j = 0; j < this._r.numCols; j++) this._patchFmt(this._r.row + i, this._r.col + j, toPatch(values[i]![j]!));
    }
  }
  /** Writes raw cell contents; a Date asks for a date format where none is set. */
  _write(values: unknown[][]): void {
    const s = this._live();
    const raw: unknown[][] = new Array(values.length);
    let anyFormula = false;
    for (let i = 0; i < values.length; i++) {
      const row = values[i]!;
      const out = new Array(row.length);
      for (let j = 0; j < row.length; j++) {
        const t = toRaw(row[j]);
        out[j] = t.raw;
        const k = cellKey(this._r.row + i, this._r.col + j);
        // a plain-text cell (`@`) keeps a string as written; elsewhere the engine parses it as
        // if typed (`01234` → 1234, `3/4` → a date), as Sheets does (assumptions.ts)
        if (typeof t.raw === 'string' && !t.raw.startsWith('=') && s.fmt.get(k)?.numberFormat === '@') out[j] = "'" + t.raw;
        if (typeof t.raw === 'string' && t.raw.length > 1 && t.raw.startsWith('=')) {
          s.stored.set(k, t.raw);
          anyFormula = true;
          if (!this._wb.evaluate) out[j] = null;
          else out[j] = closeOpenRanges(t.raw, (name) => (name === null ? s : this._wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase()))?.maxRows ?? s.maxRows);
        } else if (s.stored.size) {
          s.stored.delete(k);
          s.norm.delete(k);
        }
        if (t.date) {
          const f = this._fmt(this._r.row + i, this._r.col + j);
          if (!f?.numberFormat || !isDateFormat(f.numberFormat)) this._patchFmt(this._r.row + i, this._r.col + j, { numberFormat: AUTO_DATE_FORMAT });
        }
      }
      raw[i] = out;
    }
    this._wb.hf.setCellContents({ sheet: s.hfId, row: this._r.row - 1, col: this._r.col - 1 }, raw as any);
    if (anyFormula && this._wb.evaluate) {
      // remember the engine's normalised text, to know when the written text still applies
      const f = this._wb.hf.getRangeFormulas(this._hfRange());
      for (let i = 0; i < f.length; i++) {
        for (let j = 0; j < f[i]!.length; j++) {
          const x = f[i]![j];
          if (x !== undefined) s.norm.set(cellKey(this._r.row + i, this._r.col + j), x);
        }
      }
    }
  }
  /** Computed values the way getValues returns them. */
  _values(): any[][] {
    const s = this._live();
    const hf = this._wb.hf;
    const vals = hf.getRangeValues(this._hfRange());
    const out: any[][] = new Array(vals.length);
    for (let i = 0; i < vals.length; i++) {
      const row = vals[i]!;
      const o = new Array(row.length);
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (v === null || v === undefined) o[j] = '';
        else if (v instanceof DetailedCellError) o[j] = v.value;
        else if (typeof v === 'number') {
          const r = this._r.row + i;
          const c = this._r.col + j;
          const f = s.fmt.get(cellKey(r, c))?.numberFormat;
          let isDate = f ? isDateFormat(f) : false;
          if (!f) {
            const t = hf.getCellValueDetailedType({ sheet: s.hfId, row: r - 1, col: c - 1 });
            isDate = t === 'NUMBER_DATE' || t === 'NUMBER_DATETIME';
          }
          o[j] = isDate ? serialToDate(v) : v;
        } else o[j] = v;
      }
      out[i] = o;
    }
    return out;
  }
  _display(): string[][] {
    const s = this._live();
    const hf = this._wb.hf;
    const vals = hf.getRangeValues(this._hfRange());
    return vals.map((row, i) =>
      row.map((v, j) => {
        if (v instanceof DetailedCellError) return v.value;
        const r = this._r.row + i;
        const c = this._r.col + j;
        let f = s.fmt.get(cellKey(r, c))?.numberFormat;
        if (!f && typeof v === 'number') {
          const t = hf.getCellValueDetailedType({ sheet: s.hfId, row: r - 1, col: c - 1 });
          if (t === 'NUMBER_DATE') f = AUTO_DATE_FORMAT;
          else if (t === 'NUMBER_DATETIME') f = 'yyyy-mm-dd hh:mm:ss';
          else if (t === 'NUMBER_PERCENT') f = '0%';
        }
        return formatValue(v, f);
      }),
    );
  }
  _formulas(): string[][] {
    if (!this._wb.evaluate) {
      const s = this._live();
      return Array.from({ length: this._r.numRows }, (_, i) =>
        Array.from({ length: this._r.numCols }, (_, j) => s.stored.get(cellKey(this._r.row + i, this._r.col + j)) ?? ''),
      );
    }
    const s = this._live();
    const f = this._wb.hf.getRangeFormulas(this._hfRange());
    return f.map((row, i) =>
      row.map((x, j) => {
        if (x === undefined) return '';
        const k = cellKey(this._r.row + i, this._r.col + j);
        return s.norm.get(k) === x ? (s.stored.get(k) ?? x) : x;
      }),
    );
  }
  _clear(o: ClearOptions = {}): void {
    const s = this._live();
    const all = !o.contentsOnly && !o.formatOnly && !o.validationsOnly && !o.commentsOnly;
    if (all || o.contentsOnly) {
      const empty = Array.from({ length: this._r.numRows }, () => new Array(this._r.numCols).fill(null));
      this._wb.hf.setCellContents({ sheet: s.hfId, row: this._r.row - 1, col: this._r.col - 1 }, empty);
      if (s.stored.size) for (const [r, c] of this._cells()) s.stored.delete(cellKey(r, c)), s.norm.delete(cellKey(r, c));
    }
    if (all || o.formatOnly) for (const [r, c] of this._cells()) s.fmt.delete(cellKey(r, c));
    if (all || o.validationsOnly) for (const [r, c] of this._cells()) s.dv.delete(cellKey(r, c));
    if (all || o.commentsOnly) for (const [r, c] of this._cells()) s.notes.delete(cellKey(r, c));
  }
  _setValidation(rule: DataValidationLike | null): void {
    const s = this._live();
    for (const [r, c] of this._cells()) {
      if (rule === null) s.dv.delete(cellKey(r, c));
      else s.dv.set(cellKey(r, c), rule as LocalDataValidation);
    }
  }

  activate(): RangeLike {
    const s = this._live();
    this._wb.activeSheetId = s.id;
    s.active = { ...this._r };
    return this;
  }
  clear(options?: ClearOptions): RangeLike {
    this._clear(options);
    return this;
  }
  clearContent(): RangeLike {
    this._clear({ contentsOnly: true });
    return this;
  }
  clearDataValidations(): RangeLike {
    this._clear({ validationsOnly: true });
    return this;
  }
  clearFormat(): RangeLike {
    this._clear({ formatOnly: true });
    return this;
  }
  getA1Notation(): string {
    return this._a1();
  }
  getBackground(): string {
    return this._fmt(this._r.row, this._r.col)?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this._grid((f) => f?.background ?? '#ffffff');
  }
  _grid<T>(pick: (f: CellFormat | undefined) => T): T[][] {
    this._live();
    const out: T[][] = [];
    for (let i = 0; i < this._r.numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < this._r.numCols; j++) row.push(pick(this._fmt(this._r.row + i, this._r.col + j)));
      out.push(row);
    }
    return out;
  }
  getCell(row: number, column: number): RangeLike {
    if (!isInt(row) || !isInt(column) || row < 1 || column < 1 || row > this._r.numRows || column > this._r.numCols) {
      fail('Cell reference out of range');
    }
    return new LocalRange(this._wb, this._s, { row: this._r.row + row - 1, col: this._r.col + column - 1, numRows: 1, numCols: 1 });
  }
  getColumn(): number {
    return this._r.col;
  }
  getDataValidation(): DataValidationLike | null {
    return this._s.dv.get(cellKey(this._r.row, this._r.col)) ?? null;
  }
  getDataValidations(): Array<Array<DataValidationLike | null>> {
    this._live();
    const out: Array<Array<DataValidationLike | null>> = [];
    for (let i = 0; i < this._r.numRows; i++) {
      const row: Array<DataValidationLike | null> = [];
      for (let j = 0; j < this._r.numCols; j++) row.push(this._s.dv.get(cellKey(this._r.row + i, this._r.col + j)) ?? null);
      out.push(row);
    }
    return out;
  }
  getDisplayValue(): string {
    return this._cell0()._display()[0]![0]!;
  }
  getDisplayValues(): string[][] {
    return this._display();
  }
  getFontWeight(): FontWeight {
    return this._fmt(this._r.row, this._r.col)?.bold ? 'bold' : 'normal';
  }
  getFontWeights(): FontWeight[][] {
    return this._grid((f) => (f?.bold ? 'bold' : 'normal'));
  }
  getFontColors(): string[][] {
    return this._grid((f) => f?.fontColor ?? '#000000');
  }
  getFormula(): string {
    return this._cell0()._formulas()[0]![0]!;
  }
  getFormulas(): string[][] {
    return this._formulas();
  }
  getHorizontalAlignment(): string {
    return this._fmt(this._r.row, this._r.col)?.align ?? 'general';
  }
  getHorizontalAlignments(): string[][] {
    return this._grid((f) => f?.align ?? 'general');
  }
  getLastColumn(): number {
    return this._r.col + this._r.numCols - 1;
  }
  getLastRow(): number {
    return this._r.row + this._r.numRows - 1;
  }
  getNumColumns(): number {
    return this._r.numCols;
  }
  getNumRows(): number {
    return this._r.numRows;
  }
  getNumberFormat(): string {
    return this._fmt(this._r.row, this._r.col)?.numberFormat ?? '0.###############';
  }
  getNumberFormats(): string[][] {
    return this._grid((f) => f?.numberFormat ?? '0.###############');
  }
  getRow(): number {
    return this._r.row;
  }
  getSheet(): SheetLike {
    return new LocalSheet(this._wb, this._live());
  }
  getValue(): any {
    return this._cell0()._values()[0]![0];
  }
  getValues(): any[][] {
    return this._values();
  }
  getWrap(): boolean {
    return this._fmt(this._r.row, this._r.col)?.wrap ?? false;
  }
  getWraps(): boolean[][] {
    return this._grid((f) => f?.wrap ?? false);
  }
  isBlank(): boolean {
    const f = this._formulas();
    const v = this._values();
    return v.every((row, i) => row.every((x, j) => x === '' && f[i]![j] === ''));
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeLike {
    return makeRange(this._wb, this._s, this._r.row + rowOffset, this._r.col + columnOffset, numRows ?? this._r.numRows, numColumns ?? this._r.numCols);
  }
  protect(): ProtectionLike {
    const s = this._live();
    const id = this._wb.nextId++;
    this._wb.protections.push({ id, sheetId: s.id, rect: { ...this._r }, description: '', warningOnly: false });
    return new LocalProtection(this._wb, id);
  }
  setBackground(color: string | null): RangeLike {
    this._eachFmt({ background: color ?? undefined });
    return this;
  }
  setBackgrounds(color: Array<Array<string | null>>): RangeLike {
    this._eachFmt2d(color, 'setBackgrounds', (v) => ({ background: v ?? undefined }));
    return this;
  }
  setDataValidation(rule: DataValidationLike | null): RangeLike {
    this._setValidation(rule);
    return this;
  }
  setDataValidations(rules: Array<Array<DataValidationLike | null>>): RangeLike {
    const s = this._live();
    this._checkDims(rules, 'setDataValidations');
    for (let i = 0; i < this._r.numRows; i++) {
      for (let j = 0; j < this._r.numCols; j++) {
        const k = cellKey(this._r.row + i, this._r.col + j);
        const rule = rules[i]![j];
        if (rule) s.dv.set(k, rule as LocalDataValidation);
        else s.dv.delete(k);
      }
    }
    return this;
  }
  setFontColor(color: string | null): RangeLike {
    this._eachFmt({ fontColor: color ?? undefined });
    return this;
  }
  setFontColors(colors: any[][]): RangeLike {
    this._eachFmt2d(colors, 'setFontColors', (v) => ({ fontColor: v ?? undefined }));
    return this;
  }
  setFontWeight(fontWeight: FontWeight | null): RangeLike {
    this._eachFmt({ bold: fontWeight === 'bold' ? true : undefined });
    return this;
  }
  setFontWeights(fontWeights: Array<Array<FontWeight | null>>): RangeLike {
    this._eachFmt2d(fontWeights, 'setFontWeights', (v) => ({ bold: v === 'bold' ? true : undefined }));
    return this;
  }
  setFormula(formula: string): RangeLike {
    this._write(Array.from({ length: this._r.numRows }, () => new Array(this._r.numCols).fill(formula)));
    return this;
  }
  setFormulas(formulas: string[][]): RangeLike {
    this._checkDims(formulas, 'setFormulas');
    this._write(formulas);
    return this;
  }
  setHorizontalAlignment(alignment: HorizontalAlignment): RangeLike {
    this._eachFmt({ align: alignment === null || alignment === 'normal' ? undefined : alignment });
    return this;
  }
  setHorizontalAlignments(alignments: Array<Array<'left' | 'center' | 'normal' | 'right' | null>>): RangeLike {
    this._eachFmt2d(alignments, 'setHorizontalAlignments', (v) => ({ align: v === null || v === 'normal' ? undefined : v }));
    return this;
  }
  setNote(note: string | null): RangeLike {
    const s = this._live();
    for (const [r, c] of this._cells()) {
      if (note) s.notes.set(cellKey(r, c), note);
      else s.notes.delete(cellKey(r, c));
    }
    return this;
  }
  setNumberFormat(numberFormat: string): RangeLike {
    this._eachFmt({ numberFormat: userFormat(numberFormat) });
    return this;
  }
  setNumberFormats(numberFormats: string[][]): RangeLike {
    this._eachFmt2d(numberFormats, 'setNumberFormats', (v) => ({ numberFormat: userFormat(v) }));
    return this;
  }
  setValue(value: any): RangeLike {
    this._write(Array.from({ length: this._r.numRows }, () => new Array(this._r.numCols).fill(value)));
    return this;
  }
  setValues(values: any[][]): RangeLike {
    this._checkDims(values, 'setValues');
    this._write(values);
    return this;
  }
  setWrap(isWrapEnabled: boolean): RangeLike {
    this._eachFmt({ wrap: isWrapEnabled ? true : undefined });
    return this;
  }
  setWraps(isWrapEnabled: boolean[][]): RangeLike {
    this._eachFmt2d(isWrapEnabled, 'setWraps', (v) => ({ wrap: v ? true : undefined }));
    return this;
  }
  _cell0(): LocalRange {
    return new LocalRange(this._wb, this._s, { row: this._r.row, col: this._r.col, numRows: 1, numCols: 1 });
  }
}

function makeRange(wb: WorkbookCore, s: SheetData, row: number, col: number, numRows: number, numCols: number): LocalRange {
  if (s.deleted) fail('The sheet has been deleted.');
  for (const [n, v] of [['row', row], ['column', col], ['number of rows', numRows], ['number of columns', numCols]] as const) {
    if (!isInt(v)) fail(`The ${n} must be an integer (got ${String(v)}).`);
  }
  if (row < 1 || col < 1) fail('The starting row or column of the range is too small.');
  if (numRows < 1) fail('The number of rows in the range must be at least 1.');
  if (numCols < 1) fail('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > s.maxRows || col + numCols - 1 > s.maxCols) {
    fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new LocalRange(wb, s, { row, col, numRows, numCols });
}

function rangeFromA1(wb: WorkbookCore, s: SheetData, a1: string): LocalRange {
  const p = parseA1(a1);
  const r = resolveA1(p, s.maxRows, s.maxCols);
  return makeRange(wb, s, r.row, r.col, r.numRows, r.numCols);
}

// ─── range lists ────────────────────────────────────────────────────────────────────────────

export class LocalRangeList implements RangeListLike {
  constructor(readonly _wb: WorkbookCore, readonly _ranges: LocalRange[]) {}
  private _each(f: (r: LocalRange) => void): this {
    for (const r of this._ranges) f(r);
    return this;
  }
  activate(): RangeListLike {
    const last = this._ranges[this._ranges.length - 1];
    if (last) {
      this._wb.activeSheetId = last._s.id;
      last._s.active = { ...last._r };
    }
    return this;
  }
  clear(): RangeListLike {
    return this._each((r) => r._clear());
  }
  clearContent(): RangeListLike {
    return this._each((r) => r._clear({ contentsOnly: true }));
  }
  clearDataValidations(): RangeListLike {
    return this._each((r) => r._clear({ validationsOnly: true }));
  }
  clearFormat(): RangeListLike {
    return this._each((r) => r._clear({ formatOnly: true }));
  }
  getRanges(): RangeLike[] {
    return [...this._ranges];
  }
  insertCheckboxes(): RangeListLike {
    const rule = new LocalDataValidation(this._wb, { criteria: 'CHECKBOX', args: [], helpText: '', allowInvalid: true });
    return this._each((r) => {
      r._setValidation(rule);
      const v = r._values();
      r._write(v.map((row) => row.map((x) => (x === '' ? false : x))));
    });
  }
  setBackground(color: string | null): RangeListLike {
    return this._each((r) => r._eachFmt({ background: color ?? undefined }));
  }
  setFontColor(color: string | null): RangeListLike {
    return this._each((r) => r._eachFmt({ fontColor: color ?? undefined }));
  }
  setFontWeight(fontWeight: FontWeight | null): RangeListLike {
    return this._each((r) => r._eachFmt({ bold: fontWeight === 'bold' ? true : undefined }));
  }
  setFormula(formula: string): RangeListLike {
    return this._each((r) => r._write(Array.from({ length: r._r.numRows }, () => new Array(r._r.numCols).fill(formula))));
  }
  setHorizontalAlignment(alignment: HorizontalAlignment): RangeListLike {
    return this._each((r) => r._eachFmt({ align: alignment === null || alignment === 'normal' ? undefined : alignment }));
  }
  setNumberFormat(numberFormat: string): RangeListLike {
    return this._each((r) => r._eachFmt({ numberFormat: userFormat(numberFormat) }));
  }
  setValue(value: any): RangeListLike {
    return this._each((r) => r._write(Array.from({ length: r._r.numRows }, () => new Array(r._r.numCols).fill(value))));
  }
  setWrap(isWrapEnabled: boolean): RangeListLike {
    return this._each((r) => r._eachFmt({ wrap: isWrapEnabled ? true : undefined }));
  }
}

// ─── sheets ─────────────────────────────────────────────────────────────────────────────────

function shiftKeys<V>(m: Map<number, V>, axis: 'row' | 'col', at: number, delta: number): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of m) {
    let r = keyRow(k);
    let c = keyCol(k);
    const p = axis === 'row' ? r : c;
    if (delta < 0 && p >= at && p < at - delta) continue; // deleted band
    if (p >= at) {
      if (axis === 'row') r += delta;
      else c += delta;
    }
    out.set(cellKey(r, c), v);
  }
  return out;
}

/** Adjusts a rect for inserted (delta > 0, before index `at`) or deleted (delta < 0, from `at`) lines. */
function shiftRect(rect: Rect, axis: 'row' | 'col', at: number, delta: number): Rect | null {
  const start = axis === 'row' ? rect.row : rect.col;
  const len = axis === 'row' ? rect.numRows : rect.numCols;
  let s = start;
  let n = len;
  if (delta > 0) {
    if (start >= at) s += delta;
    else if (start + len - 1 >= at) n += delta;
  } else {
    const d0 = at;
    const d1 = at - delta - 1;
    const e = start + len - 1;
    const overlap = Math.max(0, Math.min(e, d1) - Math.max(start, d0) + 1);
    n = len - overlap;
    if (n <= 0) return null;
    if (start > d1) s = start + delta;
    else if (start >= d0) s = d0;
  }
  return axis === 'row' ? { ...rect, row: s, numRows: n } : { ...rect, col: s, numCols: n };
}

export class LocalSheet implements SheetLike {
  constructor(readonly _wb: WorkbookCore, readonly _s: SheetData) {}
  _live(): SheetData {
    if (this._s.deleted) fail('The sheet has been deleted.');
    return this._s;
  }
  _contentBounds(): { lastRow: number; lastCol: number } {
    const s = this._live();
    const hf = this._wb.hf;
    const dim = hf.getSheetDimensions(s.hfId);
    let h = dim.height;
    let w = dim.width;
    let sr = 0;
    let sc = 0;
    for (const k of s.stored.keys()) {
      sr = Math.max(sr, keyRow(k));
      sc = Math.max(sc, keyCol(k));
    }
    if (h === 0 || w === 0) return { lastRow: sr, lastCol: sc };
    const rowEmpty = (r: number) => {
      const ser = hf.getRangeSerialized({ start: { sheet: s.hfId, row: r, col: 0 }, end: { sheet: s.hfId, row: r, col: w - 1 } });
      return ser[0]!.every((x) => x === null || x === undefined || x === '');
    };
    while (h > 0 && rowEmpty(h - 1)) h--;
    if (h === 0) return { lastRow: sr, lastCol: sc };
    const colEmpty = (c: number) => {
      const ser = hf.getRangeSerialized({ start: { sheet: s.hfId, row: 0, col: c }, end: { sheet: s.hfId, row: h - 1, col: c } });
      return ser.every((row) => row[0] === null || row[0] === undefined || row[0] === '');
    };
    while (w > 0 && colEmpty(w - 1)) w--;
    return { lastRow: Math.max(h, sr), lastCol: Math.max(w, sc) };
  }
  _shift(axis: 'row' | 'col', at: number, delta: number): void {
    const s = this._live();
    s.fmt = shiftKeys(s.fmt, axis, at, delta);
    s.stored = shiftKeys(s.stored, axis, at, delta);
    s.norm = shiftKeys(s.norm, axis, at, delta);
    s.dv = shiftKeys(s.dv, axis, at, delta);
    s.notes = shiftKeys(s.notes, axis, at, delta);
    const wb = this._wb;
    wb.protections = wb.protections.flatMap((p) => {
      if (p.sheetId !== s.id) return [p];
      const r = shiftRect(p.rect, axis, at, delta);
      return r ? [{ ...p, rect: r }] : [];
    });
    for (const [k, n] of [...wb.named]) {
      if (n.sheetId !== s.id) continue;
      const r = shiftRect(n.rect, axis, at, delta);
      if (r) n.rect = r;
      else wb.named.delete(k);
    }
    s.cf = s.cf.flatMap((rule) => {
      const ranges = rule._d.ranges.flatMap((rg) => {
        const r = shiftRect(rg._r, axis, at, delta);
        return r ? [new LocalRange(wb, s, r)] : [];
      });
      return ranges.length ? [new LocalConditionalFormatRule(wb, { ...rule._d, ranges })] : [];
    });
    if (axis === 'col') {
      const w = new Map<number, number>();
      for (const [c, px] of s.widths) {
        if (delta < 0 && c >= at && c < at - delta) continue;
        w.set(c >= at ? c + delta : c, px);
      }
      s.widths = w;
    }
  }

  activate(): SheetLike {
    this._wb.activeSheetId = this._live().id;
    return this;
  }
  addDeveloperMetadata(key: string, value?: string): SheetLike {
    addMetadata(this._wb, this._live().id, key, value ?? null);
    return this;
  }
  clear(options?: { formatOnly?: boolean | undefined; contentsOnly?: boolean | undefined }): SheetLike {
    const s = this._live();
    const all = new LocalRange(this._wb, s, { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols });
    if (!options?.formatOnly || options.contentsOnly) {
      this._wb.hf.clearSheet(s.hfId);
      s.stored.clear();
      s.norm.clear();
    }
    if (!options?.contentsOnly || options.formatOnly) {
      all._clear({ formatOnly: true });
      s.fmt.clear();
    }
    return this;
  }
  clearConditionalFormatRules(): void {
    this._live().cf = [];
  }
  clearContents(): SheetLike {
    this._wb.hf.clearSheet(this._live().hfId);
    this._s.stored.clear();
    this._s.norm.clear();
    return this;
  }
  clearFormats(): SheetLike {
    this._live().fmt.clear();
    return this;
  }
  copyTo(spreadsheet: SpreadsheetLike): SheetLike {
    const s = this._live();
    const ss = spreadsheet as LocalSpreadsheet;
    if (ss._wb !== this._wb) fail('Copying to another in-memory workbook is not supported.');
    const base = this._wb.locale.startsWith('zh') ? `${s.name} 的副本` : `Copy of ${s.name}`;
    let name = base;
    for (let i = 2; findSheet(this._wb, name); i++) name = `${base} ${i}`;
    const d = createSheetData(this._wb, name, this._wb.sheets.length);
    d.maxRows = s.maxRows;
    d.maxCols = s.maxCols;
    const ser = this._wb.hf.getSheetSerialized(s.hfId);
    if (ser.length) this._wb.hf.setSheetContent(d.hfId, ser as any);
    d.fmt = new Map([...s.fmt].map(([k, v]) => [k, { ...v }]));
    d.stored = new Map(s.stored);
    d.norm = new Map(s.norm);
    d.dv = new Map(s.dv);
    d.notes = new Map(s.notes);
    d.frozenRows = s.frozenRows;
    d.frozenCols = s.frozenCols;
    d.widths = new Map(s.widths);
    d.tabColor = s.tabColor;
    d.cf = s.cf.map((rule) => new LocalConditionalFormatRule(this._wb, { ...rule._d, ranges: rule._d.ranges.map((r) => new LocalRange(this._wb, d, r._r)) }));
    for (const m of this._wb.metadata.filter((x) => x.sheetId === s.id)) addMetadata(this._wb, d.id, m.key, m.value);
    return new LocalSheet(this._wb, d);
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderLike {
    return new LocalMetadataFinder(this._wb, this._live().id);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    const s = this._live();
    if (!isInt(columnPosition) || !isInt(howMany) || columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > s.maxCols) {
      fail('Those columns are out of bounds.');
    }
    if (howMany >= s.maxCols) fail('You can\'t delete all the columns on the sheet.');
    this._wb.hf.removeColumns(s.hfId, [columnPosition - 1, howMany]);
    this._shift('col', columnPosition, -howMany);
    s.maxCols -= howMany;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const s = this._live();
    if (!isInt(rowPosition) || !isInt(howMany) || rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > s.maxRows) {
      fail('Those rows are out of bounds.');
    }
    if (howMany >= s.maxRows) fail('You can\'t delete all the rows on the sheet.');
    this._wb.hf.removeRows(s.hfId, [rowPosition - 1, howMany]);
    this._shift('row', rowPosition, -howMany);
    s.maxRows -= howMany;
  }
  getActiveRange(): RangeLike | null {
    const s = this._live();
    return new LocalRange(this._wb, s, { ...s.active });
  }
  getCharts(): EmbeddedChartLike[] {
    return this._live().charts.map((c) => new LocalChart(this._wb, c));
  }
  getColumnWidth(columnPosition: number): number {
    return this._live().widths.get(columnPosition) ?? DEFAULT_WIDTH;
  }
  getConditionalFormatRules(): ConditionalFormatRuleLike[] {
    return [...this._live().cf];
  }
  getDataRange(): RangeLike {
    const s = this._live();
    const b = this._contentBounds();
    return new LocalRange(this._wb, s, { row: 1, col: 1, numRows: Math.max(1, b.lastRow), numCols: Math.max(1, b.lastCol) });
  }
  getDeveloperMetadata(): DeveloperMetadataLike[] {
    const id = this._live().id;
    return this._wb.metadata.filter((m) => m.sheetId === id).map((m) => new LocalDeveloperMetadata(this._wb, m));
  }
  getFrozenColumns(): number {
    return this._live().frozenCols;
  }
  getFrozenRows(): number {
    return this._live().frozenRows;
  }
  getIndex(): number {
    return this._wb.sheets.filter((x) => !x.deleted).findIndex((x) => x.id === this._live().id) + 1;
  }
  getLastColumn(): number {
    return this._contentBounds().lastCol;
  }
  getLastRow(): number {
    return this._contentBounds().lastRow;
  }
  getMaxColumns(): number {
    return this._live().maxCols;
  }
  getMaxRows(): number {
    return this._live().maxRows;
  }
  getName(): string {
    return this._live().name;
  }
  getNamedRanges(): NamedRangeLike[] {
    const id = this._live().id;
    return [...this._wb.named.values()].filter((n) => n.sheetId === id).map((n) => new LocalNamedRange(this._wb, n.name));
  }
  getParent(): SpreadsheetLike {
    return new LocalSpreadsheet(this._wb);
  }
  getProtections(type: EnumValue): ProtectionLike[] {
    const id = this._live().id;
    if (String(type) !== 'RANGE') return [];
    return this._wb.protections.filter((p) => p.sheetId === id).map((p) => new LocalProtection(this._wb, p.id));
  }
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): RangeLike {
    const s = this._live();
    if (typeof a === 'string') {
      const p = parseA1(a);
      if (p.sheet !== null && p.sheet.toLowerCase() !== s.name.toLowerCase()) fail(`Range not found: ${a}`);
      return rangeFromA1(this._wb, s, a);
    }
    return makeRange(this._wb, s, a, column as number, numRows ?? 1, numColumns ?? 1);
  }
  getRangeList(a1Notations: string[]): RangeListLike {
    const s = this._live();
    return new LocalRangeList(this._wb, a1Notations.map((a) => rangeFromA1(this._wb, s, a)));
  }
  getSheetId(): number {
    return this._live().id;
  }
  getTabColor(): string | null {
    return this._live().tabColor;
  }
  hideSheet(): SheetLike {
    const s = this._live();
    if (this._wb.sheets.filter((x) => !x.deleted && !x.hidden).length <= 1) fail("You can't hide all the sheets in a document.");
    s.hidden = true;
    return this;
  }
  insertChart(chart: EmbeddedChartLike): void {
    const c = (chart as LocalChart)._d;
    this._live().charts.push({ ...c, id: this._wb.nextId++ });
  }
  insertColumnsAfter(afterPosition: number, howMany: number): SheetLike {
    const s = this._live();
    if (!isInt(afterPosition) || !isInt(howMany) || afterPosition < 1 || afterPosition > s.maxCols || howMany < 1) fail('Those columns are out of bounds.');
    if (afterPosition < s.maxCols) this._wb.hf.addColumns(s.hfId, [afterPosition, howMany]);
    this._shift('col', afterPosition + 1, howMany);
    s.maxCols += howMany;
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): SheetLike {
    const s = this._live();
    if (!isInt(afterPosition) || !isInt(howMany) || afterPosition < 1 || afterPosition > s.maxRows || howMany < 1) fail('Those rows are out of bounds.');
    if (afterPosition < s.maxRows) this._wb.hf.addRows(s.hfId, [afterPosition, howMany]);
    this._shift('row', afterPosition + 1, howMany);
    s.maxRows += howMany;
    return this;
  }
  isSheetHidden(): boolean {
    return this._live().hidden;
  }
  newChart(): EmbeddedChartBuilderLike {
    return new LocalChartBuilder(this._wb);
  }
  protect(): ProtectionLike {
    const s = this._live();
    return new LocalRange(this._wb, s, { row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols }).protect();
  }
  removeChart(chart: EmbeddedChartLike): void {
    const s = this._live();
    const id = chart.getChartId();
    s.charts = s.charts.filter((c) => c.id !== id);
  }
  setActiveRange(range: RangeLike): RangeLike {
    const r = range as LocalRange;
    if (r._s.id !== this._live().id) fail('The range must be on this sheet.');
    this._wb.activeSheetId = r._s.id;
    r._s.active = { ...r._r };
    return range;
  }
  setActiveSelection(a1Notation: string): RangeLike {
    const r = rangeFromA1(this._wb, this._live(), a1Notation);
    this._wb.activeSheetId = r._s.id;
    r._s.active = { ...r._r };
    return r;
  }
  setColumnWidth(columnPosition: number, width: number): SheetLike {
    const s = this._live();
    if (!isInt(columnPosition) || columnPosition < 1 || columnPosition > s.maxCols) fail('Those columns are out of bounds.');
    s.widths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetLike {
    const s = this._live();
    if (!isInt(startColumn) || startColumn < 1 || startColumn + numColumns - 1 > s.maxCols) fail('Those columns are out of bounds.');
    for (let c = startColumn; c < startColumn + numColumns; c++) s.widths.set(c, width);
    return this;
  }
  setConditionalFormatRules(rules: ConditionalFormatRuleLike[]): void {
    const s = this._live();
    for (const rule of rules) {
      for (const r of (rule as LocalConditionalFormatRule)._d.ranges) {
        if (r._s.id !== s.id) fail('Conditional format rule cannot reference a different sheet.');
      }
    }
    s.cf = rules.map((x) => x as LocalConditionalFormatRule);
  }
  setFrozenColumns(columns: number): void {
    const s = this._live();
    if (!isInt(columns) || columns < 0 || columns >= s.maxCols) fail('Invalid number of frozen columns.');
    s.frozenCols = columns;
  }
  setFrozenRows(rows: number): void {
    const s = this._live();
    if (!isInt(rows) || rows < 0 || rows >= s.maxRows) fail('Invalid number of frozen rows.');
    s.frozenRows = rows;
  }
  setName(name: string): SheetLike {
    const s = this._live();
    checkSheetName(this._wb, name, s.id);
    this._wb.hf.renameSheet(s.hfId, name);
    s.name = name;
    return this;
  }
  setTabColor(color: string | null): SheetLike {
    this._live().tabColor = color;
    return this;
  }
  showSheet(): SheetLike {
    this._live().hidden = false;
    return this;
  }
  updateChart(chart: EmbeddedChartLike): void {
    const s = this._live();
    const c = (chart as LocalChart)._d;
    const i = s.charts.findIndex((x) => x.id === c.id);
    if (i < 0) fail('Chart not found on this sheet.');
    s.charts[i] = { ...c };
  }
}

// ─── the spreadsheet ────────────────────────────────────────────────────────────────────────

function findSheet(wb: WorkbookCore, name: string): SheetData | undefined {
  const n = name.toLowerCase();
  return wb.sheets.find((s) => !s.deleted && s.name.toLowerCase() === n);
}

function checkSheetName(wb: WorkbookCore, name: string, selfId?: number): void {
  if (typeof name !== 'string' || name.trim() === '') fail('Sheet name must not be blank.');
  if (name.length > 100) fail('Sheet name is too long (100 characters at most).');
  const other = findSheet(wb, name);
  if (other && other.id !== selfId) {
    fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
}

export function createSheetData(wb: WorkbookCore, name: string, index: number): SheetData {
  checkSheetName(wb, name);
  wb.hf.addSheet(name);
  const hfId = wb.hf.getSheetId(name)!;
  const d: SheetData = {
    id: wb.sheets.length === 0 ? 0 : 100_000 + wb.nextId++,
    name, hfId, deleted: false, maxRows: DEFAULT_ROWS, maxCols: DEFAULT_COLS,
    fmt: new Map(), stored: new Map(), norm: new Map(), dv: new Map(), notes: new Map(), cf: [], frozenRows: 0, frozenCols: 0,
    widths: new Map(), charts: [], hidden: false, tabColor: null, active: { row: 1, col: 1, numRows: 1, numCols: 1 },
  };
  const live = wb.sheets.filter((s) => !s.deleted);
  const i = Math.max(0, Math.min(index, live.length));
  const before = live[i];
  const pos = before ? wb.sheets.indexOf(before) : wb.sheets.length;
  wb.sheets.splice(pos, 0, d);
  return d;
}

export class LocalSpreadsheet implements SpreadsheetLike {
  constructor(readonly _wb: WorkbookCore) {}
  _live(): SheetData[] {
    return this._wb.sheets.filter((s) => !s.deleted);
  }
  _active(): SheetData {
    const live = this._live();
    return live.find((s) => s.id === this._wb.activeSheetId) ?? live[0]!;
  }
  _defaultName(): string {
    const base = this._wb.locale.startsWith('zh') ? '工作表' : 'Sheet';
    for (let i = this._live().length + 1; ; i++) if (!findSheet(this._wb, `${base}${i}`)) return `${base}${i}`;
  }

  addDeveloperMetadata(key: string, value: string): SpreadsheetLike {
    addMetadata(this._wb, null, key, value);
    return this;
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinderLike {
    return new LocalMetadataFinder(this._wb, undefined);
  }
  deleteSheet(sheet: SheetLike): void {
    const d = (sheet as LocalSheet)._live();
    const live = this._live();
    if (live.length <= 1) fail("You can't remove all the sheets in a document.");
    const idx = live.indexOf(d);
    d.deleted = true;
    this._wb.hf.removeSheet(d.hfId);
    this._wb.metadata = this._wb.metadata.filter((m) => m.sheetId !== d.id);
    this._wb.protections = this._wb.protections.filter((p) => p.sheetId !== d.id);
    // Sheets keeps named ranges into a deleted sheet as #REF!: no longer listed or removable,
    // but their names stay taken (assumptions.ts 'named-ranges-removed-with-sheet')
    for (const n of [...this._wb.named.values()]) {
      if (n.sheetId !== d.id) continue;
      removeNamed(this._wb, n.name);
      this._wb.orphanNames.add(n.name.toLowerCase());
    }
    this._wb.sheets = this._wb.sheets.filter((s) => s !== d);
    if (this._wb.activeSheetId === d.id) {
      const rest = this._live();
      this._wb.activeSheetId = (rest[Math.max(0, idx - 1)] ?? rest[0]!).id;
    }
  }
  getActiveRange(): RangeLike | null {
    const s = this._active();
    return new LocalRange(this._wb, s, { ...s.active });
  }
  getActiveSheet(): SheetLike {
    return new LocalSheet(this._wb, this._active());
  }
  getDeveloperMetadata(): DeveloperMetadataLike[] {
    return this._wb.metadata.filter((m) => m.sheetId === null).map((m) => new LocalDeveloperMetadata(this._wb, m));
  }
  getId(): string {
    return this._wb.id;
  }
  getName(): string {
    return this._wb.name;
  }
  getNamedRanges(): NamedRangeLike[] {
    return [...this._wb.named.values()].map((n) => new LocalNamedRange(this._wb, n.name));
  }
  getNumSheets(): number {
    return this._live().length;
  }
  getProtections(type: EnumValue): ProtectionLike[] {
    if (String(type) !== 'RANGE') return [];
    return this._wb.protections.map((p) => new LocalProtection(this._wb, p.id));
  }
  getRange(a1Notation: string): RangeLike {
    const p = parseA1(a1Notation);
    const s = p.sheet === null ? this._active() : findSheet(this._wb, p.sheet);
    if (!s) fail(`Range not found: ${a1Notation}`);
    return rangeFromA1(this._wb, s, a1Notation);
  }
  getRangeByName(name: string): RangeLike | null {
    const n = this._wb.named.get(String(name).toLowerCase());
    if (!n) return null;
    return new LocalRange(this._wb, sheetOf(this._wb, n.sheetId), { ...n.rect });
  }
  getSheetById(id: number): SheetLike | null {
    const s = this._live().find((x) => x.id === id);
    return s ? new LocalSheet(this._wb, s) : null;
  }
  getSheetByName(name: string): SheetLike | null {
    const s = findSheet(this._wb, String(name));
    return s ? new LocalSheet(this._wb, s) : null;
  }
  getSheets(): SheetLike[] {
    return this._live().map((s) => new LocalSheet(this._wb, s));
  }
  getSpreadsheetLocale(): string {
    return this._wb.locale;
  }
  /** As Spreadsheet.setSpreadsheetLocale; only the locale string changes here (formulas are still
   *  evaluated in en-US syntax), enough for code that chooses a path by locale. */
  setSpreadsheetLocale(locale: string): void {
    this._wb.locale = locale;
  }
  getSpreadsheetTimeZone(): string {
    return this._wb.timeZone;
  }
  insertSheet(a?: number | string, b?: number): SheetLike {
    let name: string;
    let index: number;
    const live = this._live();
    const after = live.indexOf(this._active()) + 1;
    if (typeof a === 'string') {
      name = a;
      index = b ?? after;
    } else {
      name = this._defaultName();
      index = a ?? after;
    }
    if (!isInt(index) || index < 0) fail('Invalid sheet index.');
    const d = createSheetData(this._wb, name, index);
    this._wb.activeSheetId = d.id;
    return new LocalSheet(this._wb, d);
  }
  moveActiveSheet(pos: number): void {
    const d = this._active();
    const live = this._live();
    if (!isInt(pos) || pos < 1 || pos > live.length) fail('Invalid sheet position.');
    const rest = live.filter((s) => s !== d);
    rest.splice(pos - 1, 0, d);
    this._wb.sheets = rest;
  }
  removeNamedRange(name: string): void {
    removeNamed(this._wb, name);
  }
  setActiveRange(range: RangeLike): RangeLike {
    const r = range as LocalRange;
    this._wb.activeSheetId = r._live().id;
    r._s.active = { ...r._r };
    return range;
  }
  setActiveSheet(sheet: SheetLike): SheetLike {
    this._wb.activeSheetId = (sheet as LocalSheet)._live().id;
    return sheet;
  }
  setNamedRange(name: string, range: RangeLike): void {
    const r = range as LocalRange;
    setNamed(this._wb, name, r._live().id, r._r);
  }
  toast(msg: string, title?: string): void {
    this._wb.toasts.push(title ? `${title}: ${msg}` : msg);
  }
}

// ─── call counting ──────────────────────────────────────────────────────────────────────────

function instrument(cls: { prototype: object }, builder: boolean | ((name: string) => boolean)): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_') || name === 'describe') continue;
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d || typeof d.value !== 'function') continue;
    const f = d.value as (...a: unknown[]) => unknown;
    const isBuilder = typeof builder === 'function' ? builder(name) : builder;
    Object.defineProperty(proto, name, {
      ...d,
      value: function (this: { _wb: WorkbookCore }, ...args: unknown[]) {
        this._wb.calls._hit(name, isBuilder);
        return f.apply(this, args);
      },
    });
  }
}

for (const c of [LocalSpreadsheet, LocalSheet, LocalRange, LocalRangeList, LocalProtection, LocalNamedRange, LocalDeveloperMetadata, LocalMetadataFinder, LocalMetadataLocation, LocalLock]) {
  instrument(c, false);
}
// the app's builder factories build values in memory; flush/getActiveSpreadsheet are service calls
instrument(LocalApp, (name) => name.startsWith('new'));
for (const c of [LocalDataValidationBuilder, LocalDataValidation, LocalConditionalFormatRuleBuilder, LocalConditionalFormatRule, LocalChartBuilder, LocalChart]) {
  instrument(c, true);
}
