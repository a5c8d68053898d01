/**
 * "Start next cycle" (sidebar, RPC `startNextCycle`): one snapshot → core `planNextCycle` →
 * `applyNextCycle` (new sheet, archive frozen and protected) → what the user sees.
 */
import { planNextCycle } from '../../core/cycle/nextCycle';
import { readSnapshot } from '../../core/snapshot';
import type { SheetsContext } from '../../sheets/context';
import { applyNextCycle } from '../../sheets/cycle';
import { takeSnapshot } from '../../sheets/snapshot';
import type { NextCycleSummary } from '../rpc/contract';

export interface NextCyclePayload {
  /** The OKR sheet to carry over; default the open one. */
  sheet?: string | undefined;
  cycle?: string | undefined;
  dropDone?: boolean | undefined;
}

export function startNextCycleAction(ctx: SheetsContext, p: NextCyclePayload): NextCycleSummary {
  const snapshot = takeSnapshot(ctx);
  const model = readSnapshot(snapshot, ctx.lang);
  const sheet = p.sheet ?? snapshot.activeSheet ?? '';
  const res = planNextCycle(model, {
    sheets: [sheet],
    ...(p.cycle ? { cycle: p.cycle } : {}),
    dropDone: p.dropDone === true,
    lang: model.lang ?? ctx.lang,
  });
  const applied = res.carried.length > 0 ? applyNextCycle(ctx, res) : null;
  const first = res.carried[0];
  if (applied && first) {
    const created = ctx.ss.getSheetByName(applied.created.get(first.from) ?? first.to);
    if (created) ctx.ss.setActiveSheet(created);
  }
  return {
    carried: res.carried.map((c) => ({ ...c, to: applied?.created.get(c.from) ?? c.to })),
    skipped: res.skipped.map((s) => s.message[ctx.lang]),
  };
}
