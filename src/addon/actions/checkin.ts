/**
 * Check-in action (sidebar "Check-in" panel, RPC `recordCheckIn`): validates nothing itself —
 * the RPC layer has checked the payload's shape; `recordCheckIn` checks it against the sheet —
 * and fills in today's date when none is given.
 */
import type { SheetsContext } from '../../sheets/context';
import { recordCheckIn, type CheckInResult } from '../../sheets/checkins';
import { todayIso } from './review';

export interface CheckInPayload {
  sheet: string;
  krId: string;
  value: number | boolean | null;
  confidence: number | null;
  done?: string;
  next?: string;
  blockers?: string;
  /** ISO date; default today (the spreadsheet's time zone). */
  date?: string | undefined;
}

export function recordCheckInAction(ctx: SheetsContext, p: CheckInPayload): CheckInResult {
  return recordCheckIn(ctx, {
    sheet: p.sheet,
    krId: p.krId,
    value: p.value,
    confidence: p.confidence,
    done: p.done ?? '',
    next: p.next ?? '',
    blockers: p.blockers ?? '',
    date: p.date ?? todayIso(ctx),
  });
}

export type { CheckInResult };
