/**
 * An in-memory workbook of 3 aligned OKR sheets (Company → Dept → Team) holding `krs` KRs in
 * all (5 KRs per objective), plus the Check-ins and Actions logs. Used by the review tests to
 * show service calls do not grow with KRs, and by bench/review.bench.ts to count them.
 */
import { buildOkrSheetPlanFromRows, type OkrSheetRow } from '../../src/core/plan/okrSheet';
import { buildActionsPlan, buildCheckInsPlan } from '../../src/core/plan/supportSheets';
import type { SheetPlan } from '../../src/core/plan/types';
import { createLocalApp } from '../../src/local/workbook';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';

export function sizedWorkbook(krs: number) {
  const local = createLocalApp({ lang: 'en' });
  const ctx = local.ctx('en');
  const sheets: SheetPlan[] = [];
  const per = Math.ceil(krs / 3);
  let left = krs;
  ['Company', 'Dept', 'Team'].forEach((unit, s) => {
    const n = Math.min(per, left);
    left -= n;
    const rows: OkrSheetRow[] = [];
    for (let k = 0; k < n; k++) {
      const o = Math.floor(k / 5) + 1;
      if (k % 5 === 0) rows.push({ id: `O${o}`, type: 'objective', title: `Objective ${o}`, owner: 'a', alignsTo: s ? `${['Company', 'Dept'][s - 1]}/O1` : '' });
      rows.push({ id: `O${o}.KR${(k % 5) + 1}`, type: 'increase', title: `Raise x to ${k}`, owner: 'a', start: 0, target: 100, current: k % 100 });
    }
    sheets.push(buildOkrSheetPlanFromRows({
      lang: 'en', sheetName: unit, spareRows: 0, settingsSheetName: null,
      header: { unit, level: (['company', 'department', 'team'] as const)[s]!, owner: 'a', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: s ? ['Company', 'Dept'][s - 1]! : '', asOf: null },
      rows,
    }));
  });
  sheets.push(buildCheckInsPlan('en'), buildActionsPlan('en'));
  applyWorkbookPlan(ctx, { sheets });
  return { local, ctx };
}
