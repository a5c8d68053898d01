/** Shared fixtures for the sheets-layer tests: a small role template and OKR plans. */
import type { Lang } from '../../src/core/i18n';
import { buildOkrSheetPlanFromRows, buildWorkbookPlan, type OkrSheetRow } from '../../src/core/plan/okrSheet';
import type { PlanCell, SheetPlan, WorkbookPlan } from '../../src/core/plan/types';
import type { RoleTemplate } from '../../src/core/templates/schema';
import type { OkrTable } from '../../src/core/model';
import { buildActionsPlan, buildCheckInsPlan, buildSettingsPlan } from '../../src/core/plan/supportSheets';
import { createLocalApp, type LocalWorkbook } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { recordCheckIn } from '../../src/sheets/checkins';
import type { SheetsContext } from '../../src/sheets/context';
import { beijing, center } from '../review/fixtures';

export const SAMPLE_ROLE: RoleTemplate = {
  id: 'salesManager',
  name: { 'zh-CN': '销售部', en: 'Sales' },
  level: 'department',
  objectives: [
    {
      title: { 'zh-CN': '提升华东区销售额', en: 'Grow revenue in the east region' },
      why: { 'zh-CN': '华东是增长最快的市场', en: 'The east is our fastest-growing market' },
      source: 'bottomUp',
      krs: [
        { type: 'increase', title: { 'zh-CN': '月销售额由 100 万提升至 150 万', en: 'Raise monthly revenue from 1.0M to 1.5M' }, start: 1_000_000, target: 1_500_000, unit: { 'zh-CN': '元', en: 'CNY' }, due: 'end' },
        { type: 'increase', title: { 'zh-CN': '新签 12 家渠道伙伴', en: 'Sign 12 new channel partners' }, start: 0, target: 12, unit: { 'zh-CN': '家', en: 'partners' }, due: 2 },
        { type: 'milestone', title: { 'zh-CN': '上线客户分级体系', en: 'Launch the customer tiering scheme' }, target: 1, due: 1 },
      ],
    },
  ],
};

export const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

export function sampleWorkbookPlan(lang: Lang = 'en', extra: { unit?: string; spareRows?: number } = {}): WorkbookPlan {
  return buildWorkbookPlan({ role: SAMPLE_ROLE, lang, ...CYCLE, owner: 'Li Lei', ...extra });
}

/** An OKR sheet with `krs` key results (4 per objective) — for size-independence and the bench. */
export function bigOkrPlan(krs: number, lang: Lang = 'en', spareRows = 0): SheetPlan {
  const rows: OkrSheetRow[] = [];
  for (let o = 1; rows.length < krs + Math.ceil(krs / 4); o++) {
    rows.push({ id: `O${o}`, type: 'objective', title: `Objective ${o}`, owner: 'Ann', source: 'bottomUp', agreed: true });
    for (let k = 1; k <= 4; k++) {
      rows.push({ id: `O${o}.KR${k}`, type: 'increase', title: `Raise metric ${o}.${k} from 10 to 20`, owner: 'Ann', start: 10, target: 20, current: 10 + ((o + k) % 10), due: '2026-12-15', agreed: true });
    }
  }
  return buildOkrSheetPlanFromRows({
    lang,
    header: { unit: 'Big', level: 'team', owner: 'Ann', ...CYCLE, alignedTo: '' },
    rows,
    spareRows,
    settingsSheetName: null,
  });
}

/** Plan cells as the workbook reads them back: blanks trimmed at row ends. */
export function normValues(values: PlanCell[][]): PlanCell[][] {
  const out = values.map((r) => {
    const row = r.map((c) => (c === '' ? null : c));
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (out.length && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

/** A review fixture's table (test/review/fixtures.ts) as our OKR sheet, 3 spare rows, no Settings. */
export function okrPlanOf(t: OkrTable, lang: Lang, sheetName: string): SheetPlan {
  return buildOkrSheetPlanFromRows({
    lang, sheetName, spareRows: 3, settingsSheetName: null, header: { ...t.header, asOf: null },
    rows: t.rows.map((r) => ({
      id: r.id, type: r.type, title: r.title, owner: r.owner, alignsTo: r.alignsTo, start: r.start, target: r.target,
      current: r.current, unit: r.unit, weight: r.weight, selfScore: r.selfScore, notes: r.notes,
    })),
  });
}

/**
 * Two units (Center, Beijing), the support sheets and one check-in: the workbook the data-safety
 * tests act on. `sheetsApi`: the returned context (and the set-up) use the in-memory Sheets API.
 */
export function twoUnits(lang: Lang = 'en', opts: { sheetsApi?: boolean } = {}): { local: LocalWorkbook; ctx: SheetsContext } {
  const local = createLocalApp({ lang });
  const ctx: SheetsContext = { ...local.ctx(lang), ...(opts.sheetsApi ? { sheetsApi: local.sheetsApi } : {}) };
  applyWorkbookPlan(ctx, {
    sheets: [
      okrPlanOf(center, lang, 'Center'), okrPlanOf(beijing, lang, 'Beijing'),
      buildCheckInsPlan(lang), buildActionsPlan(lang),
      buildSettingsPlan({ lang, cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' }),
    ],
  });
  recordCheckIn(ctx, { sheet: 'Center', krId: 'O1.KR1', value: 650, confidence: 7, done: 'two salons', next: 'Shanghai', blockers: 'budget', date: '2026-11-10' });
  return { local, ctx };
}
