import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/core/snapshot';
import { snapshotFromXlsx } from '../../src/local/snapshot';
import { createLocalApp } from '../../src/local/workbook';
import { exportXlsx } from '../../src/local/xlsx/export';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { takeSnapshot } from '../../src/sheets/snapshot';
import { sampleWorkbookPlan } from '../sheets/fixtures';

describe('snapshotFromXlsx', () => {
  it('roles and language come from our metadata (_okr_meta), never from a sheet name', async () => {
    const plan = sampleWorkbookPlan('zh-CN');
    // a user's sheet named like our Settings sheet, without our metadata
    plan.sheets.push({ ...plan.sheets[plan.sheets.length - 1]!, name: 'Settings', metadata: {}, role: 'settings' });
    const snap = await snapshotFromXlsx(await exportXlsx(plan), { asOf: '2026-11-02', timeZone: 'Asia/Shanghai', name: 'f.xlsx' });
    expect(snap).toMatchObject({ name: 'f.xlsx', asOf: '2026-11-02', timeZone: 'Asia/Shanghai' });
    const byName = Object.fromEntries(snap.sheets.map((s) => [s.name, s.metaRole]));
    expect(byName).toMatchObject({ 进展更新: 'checkins', 设置: 'settings', Settings: null });
    expect(Object.values(byName)).toContain('okr');
    expect(snap.sheets.find((s) => s.metaRole === 'okr')!.metaLang).toBe('zh-CN');
    const model = readSnapshot(snap, 'en');
    expect(model.okr).toHaveLength(1);
    expect(model.lang).toBe('zh-CN');
  });

  it('today in the given zone when no as-of day is given', async () => {
    const snap = await snapshotFromXlsx(await exportXlsx(sampleWorkbookPlan('en')), { timeZone: 'Pacific/Kiritimati' });
    expect(snap.asOf).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date()));
  });

  it('the in-memory workbook and its xlsx export give the same model (roles, tables, logs)', async () => {
    const plan = sampleWorkbookPlan('en');
    const local = createLocalApp({ formulas: 'store' });
    applyWorkbookPlan(local.ctx(), plan);
    const fromSheets = readSnapshot(takeSnapshot(local.ctx(), { asOf: '2026-11-02' }));
    const fromXlsx = readSnapshot(await snapshotFromXlsx(await exportXlsx(plan), { asOf: '2026-11-02' }));
    const roles = (m: typeof fromSheets) => [...m.roles].filter(([, r]) => r !== 'other');
    expect(roles(fromXlsx)).toEqual(roles(fromSheets));
    const rows = (m: typeof fromSheets) => m.okr.map((o) => o.read.table.rows.map((r) => [r.id, r.type, r.start, r.target, r.current, r.due]));
    expect(rows(fromXlsx)).toEqual(rows(fromSheets));
    expect(fromXlsx.settings).toEqual(fromSheets.settings);
  });
});
