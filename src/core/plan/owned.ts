/**
 * The cells a generated sheet (Review, Dashboard, Alignment map) belongs to the add-on: the block
 * its plan writes, from A1. Recorded in the sheet's metadata when it is written, so the next
 * generation clears exactly that block and nothing else — a user's chart, note or extra cells
 * beside or below it stay (issue 11 §2).
 */
import { fmt, type Lang, type Localized } from '../i18n';
import { cell, parseRange, range } from './a1';
import type { PlanCell, SheetPlan } from './types';

/** Metadata key holding the A1 block the add-on wrote on a generated sheet. */
export const OWNED_RANGE_KEY = 'okrSheets.owned';
/** Metadata key holding the id of the chart the add-on placed (the Dashboard's). */
export const OWNED_CHART_KEY = 'okrSheets.chart';

/** Rows and columns of the plan's block: every value and every range it formats. */
export function planBlock(sp: SheetPlan): { rows: number; cols: number } {
  let rows = sp.values.length;
  let cols = Math.max(0, ...sp.values.map((r) => r.length));
  const ranges = [
    ...sp.formats.map((f) => f.range), ...sp.validations.map((v) => v.range),
    ...sp.conditionalFormats.map((c) => c.range), ...sp.protections.map((p) => p.range),
    ...sp.namedRanges.map((n) => n.range), ...(sp.dataBars ?? []).map((d) => d.range),
  ];
  for (const a1 of ranges) {
    const b = parseRange(a1);
    rows = Math.max(rows, b.row2);
    cols = Math.max(cols, b.col2);
  }
  return { rows: Math.max(rows, 1), cols: Math.max(cols, 1) };
}

/** The plan with its owned block recorded in its metadata. */
export function withOwnedRange(sp: SheetPlan): SheetPlan {
  const { rows, cols } = planBlock(sp);
  return { ...sp, metadata: { ...sp.metadata, [OWNED_RANGE_KEY]: range(1, 1, rows, cols), [OWNED_WIDTHS_KEY]: encodeWidths(sp) } };
}

/** Metadata key holding how many cells of each row of the block the add-on wrote. */
export const OWNED_WIDTHS_KEY = 'okrSheets.ownedWidths';

const empty = (c: unknown) => c === null || c === undefined || c === '';

/** Per row of the block: the cells up to the last one the plan fills (`3*40,5*2` run-length). */
export function encodeWidths(sp: SheetPlan): string {
  const widths = sp.values.map((row) => {
    let w = row.length;
    while (w > 0 && empty(row[w - 1])) w--;
    return w;
  });
  const runs: string[] = [];
  for (let i = 0; i < widths.length; ) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    runs.push(`${widths[i]}*${j - i + 1}`);
    i = j + 1;
  }
  return runs.join(',');
}

/** The widths recorded by `encodeWidths`, or null when absent or damaged. */
export function decodeWidths(s: string | undefined): number[] | null {
  if (!s) return null;
  const out: number[] = [];
  for (const run of s.split(',')) {
    const m = /^(\d+)\*(\d+)$/.exec(run);
    if (!m) return null;
    const n = Number(m[2]);
    if (n > 1_000_000 || out.length + n > 1_000_000) return null;
    for (let i = 0; i < n; i++) out.push(Number(m[1]));
  }
  return out;
}

export const KEPT_TEXT: Localized = {
  'zh-CN': '以下是您在本表生成区域内输入、因布局变化而移到这里的内容（原单元格）：',
  en: 'What you typed inside the generated area, moved here because the layout changed (original cell):',
};

/**
 * A person's cells inside the block of the previous generation — cells right of what that
 * generation wrote on their row (`oldWidths`) — carried into the new plan at the same place
 * when the new plan leaves it free; otherwise listed under a note below the block with their
 * old address, so nothing typed is lost. `cells[r][c]`: what to write back (formula text, or the
 * value), '' for none.
 */
export function keepUserCells(sp: SheetPlan, cells: readonly (readonly PlanCell[])[], oldWidths: readonly number[], lang: Lang): SheetPlan {
  const values = sp.values.map((row) => [...row]);
  const widths = decodeWidths(encodeWidths(sp))!;
  const kept: { a1: string; value: PlanCell }[] = [];
  cells.forEach((row, r) => {
    row.forEach((v, c) => {
      if (empty(v) || c < (oldWidths[r] ?? Number.POSITIVE_INFINITY)) return;
      if (c >= (widths[r] ?? 0)) {
        const line = (values[r] ??= []);
        while (line.length < c) line.push(null);
        line[c] = v;
      } else kept.push({ a1: cell(r + 1, c + 1), value: v });
    });
  });
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  if (kept.length) {
    values.push([], [fmt(KEPT_TEXT, lang)]);
    for (const k of kept) values.push([k.a1, k.value]);
  }
  return { ...sp, values };
}
