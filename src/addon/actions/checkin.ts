/**
 * Check-in action (sidebar "Check-in" panel, RPC `recordCheckIn`): validates nothing itself —
 * the RPC layer has checked the payload's shape; `recordCheckIn` checks it against the sheet and
 * the log — and fills in today's date when none is given. A value that looks like a slip comes
 * back as `needsConfirmation` (nothing written); the sidebar asks and resends with `confirmed`.
 */
import type { SheetsContext } from '../../sheets/context';
import { isNeedsConfirmation, recordCheckIn } from '../../sheets/checkins';
import { isOkrError } from '../../sheets/errors';
import type { CheckInNeedsConfirmation, CheckInResult } from '../rpc/contract';
import { todayIso } from './review';

export interface CheckInPayload {
  sheet: string;
  krId: string;
  value: number | boolean | null;
  /** The value as typed, when it is not a plain number (milestones: 完成 / done / ✓ / TRUE / 是). */
  valueText?: string | undefined;
  confidence: number | null;
  done?: string;
  next?: string;
  blockers?: string;
  /** ISO date; default today (the spreadsheet's time zone). */
  date?: string | undefined;
  confirmed?: boolean | undefined;
}

export function recordCheckInAction(ctx: SheetsContext, p: CheckInPayload): CheckInResult | CheckInNeedsConfirmation {
  const typed = p.valueText?.trim();
  try {
    const r = recordCheckIn(
      ctx,
      {
        sheet: p.sheet,
        krId: p.krId,
        value: typed ? typed : p.value,
        confidence: p.confidence,
        done: p.done ?? '',
        next: p.next ?? '',
        blockers: p.blockers ?? '',
        date: p.date ?? todayIso(ctx),
      },
      { confirmed: p.confirmed === true },
    );
    return {
      status: 'recorded',
      sheet: r.sheet,
      krId: r.krId,
      currentA1: r.currentA1,
      logSheet: r.logSheet,
      logRow: r.logRow,
      currentWritten: r.currentWritten,
      backdated: r.backdated ? { latest: r.backdated.latest, message: r.backdated.message[ctx.lang] } : null,
    };
  } catch (e) {
    if (isOkrError(e) && isNeedsConfirmation(e.details)) {
      return { status: 'needsConfirmation', sheet: p.sheet, krId: p.krId, message: e.text(ctx.lang) };
    }
    throw e;
  }
}

export type { CheckInResult, CheckInNeedsConfirmation };
