/** A KR's check-in history for the sidebar (RPC `krHistory`): one snapshot → core `krHistory`. */
import { krHistory, type HistoryPoint } from '../../core/cycle/history';
import { readSnapshot } from '../../core/snapshot';
import type { SheetsContext } from '../../sheets/context';
import { takeSnapshot } from '../../sheets/snapshot';

export function krHistoryAction(ctx: SheetsContext, p: { sheet: string; krId: string }): { points: HistoryPoint[] } {
  return { points: krHistory(readSnapshot(takeSnapshot(ctx), ctx.lang), p.sheet, p.krId) };
}
