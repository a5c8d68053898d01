/** Reading a whole OKR table given to a custom function. */
import { COLUMN_LABELS, matchLabel } from '../../core/labels';
import { isTableError, readTableValues, type TableReadOk } from '../../core/table';
import { fail, width, type Grid } from './args';
import { M } from './messages';

/** A row among the first 30 with ≥ 3 cells that are OKR column titles (either language). */
export function looksLikeTable(g: Grid): boolean {
  if (width(g) < 3) return false;
  const limit = Math.min(g.length, 30);
  for (let r = 0; r < limit; r++) {
    let hits = 0;
    for (const cell of g[r]!) if (typeof cell === 'string' && matchLabel(COLUMN_LABELS, cell)) hits++;
    if (hits >= 3) return true;
  }
  return false;
}

export function readTable(fn: string, g: Grid, looked: boolean): TableReadOk {
  const read = readTableValues(g);
  if (isTableError(read)) fail(fn, looked ? M.notATable : read.error);
  return read;
}
