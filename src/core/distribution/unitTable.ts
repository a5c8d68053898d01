/**
 * Which OKR table of a unit file is "the unit's": the tables whose header names the unit (else
 * all), and of those the latest cycle — after "Start next cycle" a file holds the archive and the
 * new cycle's sheet, and collection, review and reminders read the new one.
 */
import { cycleDates } from '../pace';
import type { OkrSheetModel } from '../snapshot';
import { unitKey } from './registry';

export function latestUnitTable(okr: readonly OkrSheetModel[], unit: string): OkrSheetModel | null {
  const named = okr.filter((o) => unitKey(o.read.table.header.unit) === unitKey(unit));
  const pool = named.length ? named : okr;
  let best: OkrSheetModel | null = null;
  let bestStart = '';
  for (const o of pool) {
    const start = cycleDates(o.read.table.header.cycle)?.start ?? '';
    // later cycle wins; on a tie (or no cycle) the first in tab order stays
    if (!best || start > bestStart) {
      best = o;
      bestStart = start;
    }
  }
  return best;
}
