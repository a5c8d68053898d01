/** "My OKRs" (RPC `myOkrs`): one snapshot → core `myOkrs` for the person the sidebar names. */
import { myOkrs, type MyOkrs } from '../../core/cycle/myOkrs';
import { readSnapshot } from '../../core/snapshot';
import type { SheetsContext } from '../../sheets/context';
import { takeSnapshot } from '../../sheets/snapshot';

export function myOkrsAction(ctx: SheetsContext, p: { person?: string | undefined }): MyOkrs {
  return myOkrs(readSnapshot(takeSnapshot(ctx), ctx.lang), p.person ?? '');
}
