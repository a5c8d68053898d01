/**
 * Writes take the document lock (design §7): wait up to 10 s, else a clear localized error.
 */
import type { SheetsContext } from './context';
import { ERROR_MESSAGES, OkrError } from './errors';

export const LOCK_WAIT_MS = 10_000;

export function withDocumentLock<T>(ctx: SheetsContext, fn: () => T): T {
  const lock = ctx.lock;
  if (!lock) return fn();
  if (lock.hasLock()) return fn(); // re-entrant: an outer action already holds it
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new OkrError('locked', ERROR_MESSAGES.locked);
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}
