/**
 * One review, two doors: for the same workbook, `okr-sheets review FILE --as-of D` and the
 * add-on's `reviewMarkdown` RPC on the in-memory workbook loaded from that same .xlsx (the
 * playground's path: src/local/playground/file.ts → createLocalApp({ plan })) print the same
 * bytes — both run the one core task (src/core/tasks/review.ts) on a snapshot of the workbook.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/addon/rpc/server';
import type { Lang } from '../../src/core/i18n';
import type { OkrTable } from '../../src/core/model';
import { buildOkrSheetPlanFromRows } from '../../src/core/plan/okrSheet';
import { buildActionsPlan, buildCheckInsPlan, buildSettingsPlan } from '../../src/core/plan/supportSheets';
import { REVIEW_SEPARATOR } from '../../src/core/tasks/review';
import { loadPlaygroundFile } from '../../src/local/playground/file';
import { createLocalApp } from '../../src/local/workbook';
import { exportXlsx } from '../../src/local/xlsx/export';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { recordCheckIn } from '../../src/sheets/checkins';
import { cli, tempDir } from '../cli/xlsx-helpers';
import { beijing, center, channel } from '../review/fixtures';

function okrPlan(t: OkrTable, lang: Lang, sheetName: string, alignsTo?: Record<string, string>) {
  return buildOkrSheetPlanFromRows({
    lang, sheetName, spareRows: 2, settingsSheetName: null,
    header: { ...t.header, asOf: null },
    rows: t.rows.map((r) => ({
      id: r.id, type: r.type, title: r.title, owner: r.owner, alignsTo: alignsTo?.[r.id] ?? r.alignsTo, start: r.start,
      target: r.target, current: r.current, unit: r.unit, weight: r.weight, selfScore: r.selfScore, notes: r.notes,
    })),
  });
}

/** A workbook with check-ins, an action log, a self-aligned objective; saved as .xlsx. */
async function savedWorkbook(lang: Lang): Promise<{ dir: string; file: string; sheets: string[] }> {
  const local = createLocalApp({ lang });
  const ctx = local.ctx(lang);
  const sheets = ['销售中心', '北京销售团队', '渠道团队'];
  applyWorkbookPlan(ctx, {
    sheets: [
      okrPlan(center, lang, sheets[0]!, { O2: '销售中心/O2' }), // aligned to itself: a loop of one
      okrPlan(beijing, lang, sheets[1]!),
      okrPlan(channel, lang, sheets[2]!),
      buildCheckInsPlan(lang), buildActionsPlan(lang),
      buildSettingsPlan({ lang, cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' }),
    ],
  });
  recordCheckIn(ctx, { sheet: '销售中心', krId: 'O1.KR1', value: 650, confidence: 7, done: '两场沙龙 *重点*', next: '复制到上海', blockers: '预算不足', date: '2026-11-10' });
  recordCheckIn(ctx, { sheet: '渠道团队', krId: 'O1.KR1', value: 24, confidence: 8, done: '拜访 12 家', next: '签约', blockers: '', date: '2026-11-20' });
  const dir = tempDir();
  const file = join(dir, `book-${lang}.xlsx`);
  writeFileSync(file, await exportXlsx(local.toPlan()));
  return { dir, file, sheets };
}

async function rpcMarkdown(file: string, sheets: string[], asOf: string): Promise<string> {
  const loaded = await loadPlaygroundFile(file);
  if (!loaded.ok) throw new Error(loaded.message.en);
  const lang = loaded.file.lang ?? 'en';
  const local = createLocalApp({ lang, plan: loaded.file.plan, name: loaded.file.name });
  const ctx = local.ctx(lang);
  return sheets
    .map((sheet) => {
      const r = dispatch('reviewMarkdown', { sheet, asOf }, () => ctx, lang);
      if (!r.ok) throw new Error(r.message);
      return (r.result as { markdown: string }).markdown;
    })
    .join(REVIEW_SEPARATOR);
}

describe('review: CLI and add-on print the same bytes', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`${lang} workbook, --as-of 2026-11-30`, async () => {
      const { dir, file, sheets } = await savedWorkbook(lang);
      const ran = await cli(dir, 'review', file, '--as-of', '2026-11-30');
      expect(ran.err).toBe('');
      expect(ran.code).toBe(0);
      const rpc = await rpcMarkdown(file, sheets, '2026-11-30');
      expect(ran.out).toBe(rpc);
      // the content is real: every unit, the check-in text, the self-alignment loop
      expect(rpc).toContain(lang === 'zh-CN' ? '# OKR 复盘：销售中心（2026-Q4）' : '# OKR review: 销售中心 (2026-Q4)');
      expect(rpc).toContain('两场沙龙 \\*重点\\*');
      expect(rpc).toContain('销售中心/O2 → 销售中心/O2');
      // the workbook's language, not the environment's (LANG=en_US in the helper)
      if (lang === 'zh-CN') expect(ran.out).toContain('**1. 目标是什么**');
      // and `okr-sheets lint` reports the same loop (issue 11 §9)
      const lint = await cli(dir, 'lint', file);
      expect(lint.out + lint.err).toContain('销售中心/O2 → 销售中心/O2');
    }, 60_000);
  }
});
