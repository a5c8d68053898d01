/**
 * `okr-sheets score` in each score scale (issue 14 §2): the text shows scores as the Score cell
 * does (0.3, 33 分 / 33 pts, 33%); --json keeps every score field a share (scripts written before
 * the setting keep working) and adds `scale` and `scoreInScale`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/i18n';
import type { ScoreScale } from '../../src/core/model';
import { buildSettingsPlan } from '../../src/core/plan/supportSheets';
import { cellFromShare, scaleSpec } from '../../src/core/scale';
import { exportXlsx } from '../../src/local/xlsx/export';
import { smallPlan } from '../xlsx/fixtures';
import { cli, tempDir } from './xlsx-helpers';

let dir: string;
const SCALES: ScoreScale[] = ['0-1', '0-100', 'percent'];
const file = (s: ScoreScale, lang: Lang) => `scale-${s === 'percent' ? 'pct' : s}-${lang}.xlsx`;

beforeAll(async () => {
  dir = tempDir();
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const scoreScale of SCALES) {
      const plan = smallPlan(lang);
      plan.sheets.push(buildSettingsPlan({ lang, cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31', settings: { scoreScale } }));
      writeFileSync(join(dir, file(scoreScale, lang)), await exportXlsx(plan));
    }
  }
});

interface Json {
  scale: string;
  sheets: Array<{ overall: number; scoreInScale: number; scale: string; krs: Array<{ id: string; score: number; scoreInScale: number }>; objectives: Array<{ id: string; score: number; scoreInScale: number }> }>;
}

describe('okr-sheets score in the workbook scale', () => {
  it('--json: the share fields are the same in every scale; scoreInScale is the Score cell value', async () => {
    const runs = await Promise.all(SCALES.map(async (s) => JSON.parse((await cli(dir, 'score', file(s, 'en'), '--json')).out) as Json));
    runs.forEach((j, i) => {
      const spec = scaleSpec(SCALES[i]);
      expect(j.scale).toBe(SCALES[i]);
      const u = j.sheets[0]!;
      expect(u.scale).toBe(SCALES[i]);
      expect(u.scoreInScale).toBe(cellFromShare(u.overall, spec));
      for (const k of [...u.krs, ...u.objectives]) expect(k.scoreInScale, k.id).toBe(cellFromShare(k.score, spec));
    });
    // increase 45 → 60 at 50 = 1/3: a share rounded per scale, the same KR everywhere
    const kr = (j: Json) => j.sheets[0]!.krs.find((k) => k.id === 'O1.KR1')!;
    expect(runs.map((j) => kr(j).scoreInScale)).toEqual([0.3, 33, 0.33]);
    expect(runs.map((j) => kr(j).score)).toEqual([0.3, 0.33, 0.33]);
  });

  it('text: scores print as the sheet shows them, in both languages, with the scale named', async () => {
    const en = await Promise.all(SCALES.map((s) => cli(dir, 'score', file(s, 'en'))));
    expect(en.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(en[0]!.out).toMatch(/O1\.KR1 .* progress 33%, score 0\.3,/);
    expect(en[1]!.out).toMatch(/O1\.KR1 .* progress 33%, score 33 pts,/);
    expect(en[2]!.out).toMatch(/O1\.KR1 .* progress 33%, score 33%,/);
    expect(en[1]!.out).toMatch(/overall \d+ pts \(.*; 0–100 points\), as of/);
    expect(en[2]!.out).toMatch(/overall \d+% \(.*; percent\), as of/);
    const zh = await cli(dir, 'score', file('0-100', 'zh-CN'));
    expect(zh.out).toMatch(/O1\.KR1 .*得分 33 分/);
    expect(zh.out).toMatch(/总分 \d+ 分（[^；]*；0–100 分）/);
  });
});
