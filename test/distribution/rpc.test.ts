/** The sidebar's two batch methods through the RPC dispatcher: payloads validated, batches repeated until finished. */
import { afterEach, describe, expect, it } from 'vitest';
import { setDriveProvider } from '../../src/addon/actions/distribution';
import type { DistributionBatchResult } from '../../src/addon/rpc/contract';
import { dispatch } from '../../src/addon/rpc/server';
import { buildRosterTemplatePlan } from '../../src/core/roster';
import { LocalDrive } from '../../src/local/drive';
import { createLocalApp } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';

const ROSTER = [
  ['Unit', 'Level', 'Parent unit', 'Owner', 'Email', 'Department template'],
  ['Acme', 'Company', '', 'Ada', 'ada@example.com', 'Company'],
  ['Sales Center', 'Department', 'Acme', 'Bo', 'bo@example.com', 'Sales'],
  ['Legal', 'Department', 'Acme', 'Cy', 'cy@example.com', 'Legal'],
];

afterEach(() => setDriveProvider(null));

describe('distributeBatch / collectBatch over RPC', () => {
  it('runs batch after batch to the end, in the user\'s language', () => {
    const hub = createLocalApp({ lang: 'en', name: 'HR hub' });
    applyWorkbookPlan(hub.ctx('en'), { sheets: [{ ...buildRosterTemplatePlan('en'), values: ROSTER }] });
    const drive = new LocalDrive();
    setDriveProvider(() => drive);
    const call = (method: string, payload: unknown) => {
      const r = dispatch(method, payload, () => hub.ctx('en'), 'en');
      if (!r.ok) throw new Error(r.message);
      return r.result as DistributionBatchResult;
    };
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = call('distributeBatch', { cycle: '2026-Q4', batchSize: 2 });
      if (!r.ok) throw new Error(r.problems.join());
      seen.push(r.progress);
      if (r.finished) break;
    }
    expect(seen).toEqual(['2 / 3 units', '3 / 3 units']);
    const c = call('collectBatch', { asOf: '2026-11-20' });
    expect(c).toMatchObject({ ok: true, done: 3, total: 3, finished: true });
    if (c.ok) expect(c.processed.map((p) => p.status)).toEqual(['collected', 'collected', 'collected']);
  });

  it('refuses a bad payload before touching anything', () => {
    const hub = createLocalApp();
    setDriveProvider(() => new LocalDrive());
    const r = dispatch('distributeBatch', { cycle: '2026-Q4', batchSize: 0 }, () => hub.ctx('en'), 'en');
    expect(r.ok).toBe(false);
    const s = dispatch('collectBatch', { asOf: '2026-02-30' }, () => hub.ctx('en'), 'en');
    expect(s.ok).toBe(false);
  });

  it('without a Drive service: a clear message, not a crash', () => {
    const hub = createLocalApp();
    applyWorkbookPlan(hub.ctx('en'), { sheets: [{ ...buildRosterTemplatePlan('en'), values: ROSTER }] });
    const r = dispatch('distributeBatch', { cycle: '2026-Q4' }, () => hub.ctx('en'), 'en');
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('Drive') });
  });
});
