/**
 * The ninth part with manager scores, through both doors: `okr-sheets review FILE --as-of D` and
 * the add-on's `reviewMarkdown` on the in-memory workbook loaded from the same .xlsx print the
 * same bytes — on the 0–100 scale (Settings), so the scale travels through the file too.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import { buildOkrSheetPlanFromRows } from '../../src/core/plan/okrSheet';
import { buildSettingsPlan } from '../../src/core/plan/supportSheets';
import { loadPlaygroundFile } from '../../src/local/playground/file';
import { createLocalApp } from '../../src/local/workbook';
import { exportXlsx } from '../../src/local/xlsx/export';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { cli, tempDir } from '../cli/xlsx-helpers';

async function gradedFile(lang: 'zh-CN' | 'en') {
  const local = createLocalApp({ lang });
  const ctx = local.ctx(lang);
  const settings = buildSettingsPlan({ lang, cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' });
  applyWorkbookPlan(ctx, {
    sheets: [
      settings,
      buildOkrSheetPlanFromRows({
        lang, sheetName: 'Sales', spareRows: 1,
        header: { unit: 'Sales centre', level: 'department', owner: 'Wang', cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', alignedTo: '', asOf: null },
        rows: [
          { id: 'O1', type: 'objective', title: 'Grow', owner: 'Wang', selfScore: 70, managerScore: 40, comment: 'Channels *not* live yet' },
          { id: 'O1.KR1', type: 'increase', title: 'Leads', owner: 'Li', start: 0, target: 1000, current: 600, selfScore: 80 },
          { id: 'O1.KR2', type: 'increase', title: 'Partners', owner: 'Han', start: 0, target: 50, current: 20, managerScore: 30 },
        ],
      }),
    ],
  });
  // the Settings sheet's score scale: 0–100 (a user's edit, made through the sheet)
  const values = local.ss.getSheetByName(settings.name)!.getDataRange().getValues();
  const at = values.findIndex((r) => r.some((c) => c === '0-1'));
  expect(at).toBeGreaterThanOrEqual(0);
  const col = values[at]!.indexOf('0-1');
  local.ss.getSheetByName(settings.name)!.getRange(at + 1, col + 1).setValue('0-100');
  const dir = tempDir();
  const file = join(dir, `graded-${lang}.xlsx`);
  writeFileSync(file, await exportXlsx(local.toPlan()));
  return { dir, file };
}

describe('review part 9: CLI and add-on print the same bytes with manager scores', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`${lang}, 0–100 scale`, async () => {
      const { dir, file } = await gradedFile(lang);
      const ran = await cli(dir, 'review', file, '--as-of', '2026-11-30');
      expect(ran.err).toBe('');
      expect(ran.code).toBe(0);
      const loaded = await loadPlaygroundFile(file);
      if (!loaded.ok) throw new Error(loaded.message.en);
      const local = createLocalApp({ lang, plan: loaded.file.plan, name: loaded.file.name });
      const r = dispatch('reviewMarkdown', { sheet: 'Sales', asOf: '2026-11-30' }, () => local.ctx(lang), lang);
      if (!r.ok) throw new Error(r.message);
      const md = (r.result as { markdown: string }).markdown;
      expect(ran.out).toBe(md);
      expect(md).toContain(lang === 'zh-CN'
        ? '- O1：系统得分 50 分，自评 70 分，上级评 40 分，最终得分 40 分'
        : '- O1: computed 50 pts, self 70 pts, manager 40 pts, final 40 pts');
      expect(md).toContain(lang === 'zh-CN' ? '- O1.KR2：系统得分 40 分，自评 —，上级评 30 分，最终得分 30 分' : '- O1.KR2: computed 40 pts, self —, manager 30 pts, final 30 pts');
      expect(md).toContain('Channels \\*not\\* live yet');
    }, 60_000);
  }
});
