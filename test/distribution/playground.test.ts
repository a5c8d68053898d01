/** The playground runs the Distribute panel's methods on an in-memory Drive (no "Drive service not enabled"). */
import { afterAll, expect, it } from 'vitest';
import { setDriveProvider } from '../../src/addon/actions/distribution';
import type { DistributionBatchResult } from '../../src/addon/rpc/contract';
import { dispatch } from '../../src/addon/rpc/server';
import { buildRosterTemplatePlan } from '../../src/core/roster';
import { startPlayground, type Playground } from '../../src/local/playground/server';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';

let pg: Playground | undefined;
afterAll(async () => {
  await pg?.close();
  setDriveProvider(null);
});

it('distributes and collects from the playground hub', async () => {
  pg = await startPlayground({ sidebarHtml: '<html><head></head><body></body></html>', port: 0, lang: 'en', seed: false });
  applyWorkbookPlan(pg.ctx, { sheets: [{ ...buildRosterTemplatePlan('en'), values: [
    ['Unit', 'Level', 'Parent unit', 'Owner', 'Email', 'Department template'],
    ['Acme', 'Company', '', 'Ada', 'ada@example.com', 'Company'],
    ['Legal', 'Department', 'Acme', 'Cy', 'cy@example.com', 'Legal'],
  ] }] });
  const call = (m: string, p: unknown) => {
    const r = dispatch(m, p, () => pg!.ctx, 'en');
    if (!r.ok) throw new Error(r.message);
    return r.result as DistributionBatchResult;
  };
  expect(call('distributeBatch', { cycle: '2026-Q4' })).toMatchObject({ ok: true, done: 2, total: 2, finished: true });
  expect(call('collectBatch', { asOf: '2026-11-20' })).toMatchObject({ ok: true, done: 2, finished: true });
  const names = pg.ctx.ss.getSheets().map((s) => s.getName());
  expect(names).toEqual(expect.arrayContaining(['Units registry', 'Dashboard', 'Alignment map']));
}, 120_000);
