/** Plan comparison for the xlsx round-trip tests. */
import { expect } from 'vitest';
import type { PlanCell, SheetPlan, WorkbookPlan } from '../../src/core/plan/types';

/** Blank cells ('' or null) and trailing blanks do not count. */
export function normValues(values: PlanCell[][]): PlanCell[][] {
  const rows = values.map((line) => {
    const l = (line ?? []).map((v) => (v === '' || v === undefined ? null : v));
    while (l.length && l[l.length - 1] === null) l.pop();
    return l;
  });
  while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}
const byRange = <T extends { range: string }>(xs: T[]) => [...xs].sort((a, b) => (a.range + JSON.stringify(a)).localeCompare(b.range + JSON.stringify(b)));
const lower = <T>(x: T): T => x === undefined ? x : JSON.parse(JSON.stringify(x).replace(/#[0-9A-Fa-f]{6}/g, (m) => m.toLowerCase())) as T;

export function expectSameSheet(a: SheetPlan, b: SheetPlan) {
  expect(b.name).toBe(a.name);
  expect(b.role).toBe(a.role);
  expect(normValues(b.values)).toEqual(normValues(a.values));
  expect(byRange(b.validations)).toEqual(byRange(a.validations));
  expect(lower(b.conditionalFormats)).toEqual(lower(a.conditionalFormats));
  expect(b.frozenRows).toBe(a.frozenRows);
  expect(b.columnWidths).toEqual(a.columnWidths);
  expect([...b.namedRanges].sort((x, y) => x.name.localeCompare(y.name))).toEqual([...a.namedRanges].sort((x, y) => x.name.localeCompare(y.name)));
  expect(b.protections).toEqual(a.protections);
  expect(b.metadata).toEqual(a.metadata);
  expect(lower(b.dataBars)).toEqual(lower(a.dataBars));
}

export function expectSame(a: WorkbookPlan, b: WorkbookPlan) {
  expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  a.sheets.forEach((s, i) => expectSameSheet(s, b.sheets[i]!));
}

