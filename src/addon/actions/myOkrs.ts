/**
 * "My OKRs" (RPC `myOkrs`): one snapshot → core `identify` (the person chosen now, else the one
 * remembered for this user, else by account email) → core `myOkrs`. A choice is remembered in
 * the user's properties for this spreadsheet; a blank choice forgets it.
 */
import { identify, myOkrs, type IdentifiedBy, type MyOkrs } from '../../core/cycle/myOkrs';
import { readSnapshot } from '../../core/snapshot';
import type { SheetsContext } from '../../sheets/context';
import { takeSnapshot } from '../../sheets/snapshot';
import { meKey, userServices } from './user';

export function myOkrsAction(ctx: SheetsContext, p: { person?: string | undefined }): MyOkrs & { identifiedBy: IdentifiedBy; email: string | null } {
  const user = userServices();
  const key = meKey(ctx.ss.getId());
  if (p.person !== undefined) {
    if (p.person.trim()) user.set(key, p.person.trim());
    else user.remove(key);
  }
  const model = readSnapshot(takeSnapshot(ctx), ctx.lang);
  let email: string | null = null;
  const who = identify(model, { chosen: p.person, remembered: user.get(key), email: () => (email = user.email()) });
  return { ...myOkrs(model, who.person), identifiedBy: who.identifiedBy, email };
}
