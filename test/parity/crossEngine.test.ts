/**
 * "One number" (issue 10): for randomised workbooks, every KR's and objective's progress, score
 * and status as core computes them (through the snapshot, as every view does) equal what the
 * sheet's own formulas compute — in HyperFormula always, in LibreOffice when `soffice` is
 * installed — including numbers typed as text, spare rows with stray values, blank rows inside a
 * block, rows without an ID, decreases, at-least / at-most, milestones, rubric KRs (issue 14),
 * manager / final scores and overdue KRs. Where the
 * sheet cannot compute what the user meant (text in a number cell, a value in a row without an
 * ID, a KR ID without its objective's prefix) a lint finding sits at that cell.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/i18n';
import { isKrType } from '../../src/core/labels';
import { OKR_COLUMNS } from '../../src/core/plan/okrSheet';
import { cell } from '../../src/core/plan/a1';
import { exportXlsx } from '../../src/local/xlsx/export';
import { importXlsxDetailed, type CachedValue } from '../../src/local/xlsx/import';
import { evaluatePlan } from '../helpers/hfPlan';
import { findSoffice, recalcWithLibreOffice } from '../helpers/libreoffice';
import { scaleSpec } from '../../src/core/scale';
import { parityCase, TYPED_TEXT } from './generate';
import { casePlan, compareRows, coreResults, NUMBER_COLUMNS, withTextKept } from './harness';

const SEEDS: [number, Lang][] = [[104, 'zh-CN'], [202, 'en'], [303, 'zh-CN']];
const KRS = 220;

describe('core == HyperFormula on randomised workbooks', () => {
  it('the seeds cover a 100% cap and an over-achievement cap, and every score scale', () => {
    const caps = SEEDS.map(([s]) => parityCase(s, KRS).cap);
    expect(caps.some((c) => c === 1)).toBe(true);
    expect(caps.some((c) => c > 1)).toBe(true);
    expect(new Set(SEEDS.map(([s]) => parityCase(s, KRS).scale))).toEqual(new Set(['0-1', '0-100', 'percent']));
  });

  it.each(SEEDS)('seed %i (%s): ≥ 200 KRs agree on progress, score and status', (seed, lang) => {
    const c = parityCase(seed, KRS);
    expect(c.krCount).toBeGreaterThanOrEqual(200);
    const plan = casePlan(c, lang);
    const core = coreResults(plan, c.asOf);
    const ev = evaluatePlan(withTextKept(plan));
    const okrName = plan.sheets[0]!.name;
    const { mismatches, compared } = compareRows(plan, core.rows, (r, col) => ev.get(okrName, cell(r, col)), lang, 'HF', scaleSpec(c.scale).factor);
    ev.destroy();
    expect(mismatches.slice(0, 8)).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(200);
    // the generator really produced what the issue lists
    const statuses = new Set([...core.rows.values()].map((x) => x.status));
    for (const s of ['notStarted', 'onTrack', 'done', 'overdue'] as const) expect(statuses.has(s), s).toBe(true);
    const types = new Set(c.rows.map((r) => r.type));
    for (const t of ['increase', 'decrease', 'atLeast', 'atMost', 'milestone', 'rubric'] as const) expect(types.has(t)).toBe(true);
    // rubric KRs reach non-zero steps, and some KRs carry a manager score
    expect(c.rows.some((r) => r.type === 'rubric' && typeof r.current === 'number' && r.current >= 50)).toBe(true);
    expect(c.rows.some((r) => typeof r.managerScore === 'number')).toBe(true);
    // issue 16 §5's shorter formulas: TRUE/FALSE in a non-milestone Current, all-zero weights
    expect(c.rows.some((r) => r.type !== 'milestone' && typeof r.current === 'boolean')).toBe(true);
    expect(c.rows.some((r, i) => r.type === 'objective' && c.rows[i + 1]?.weight === 0 && c.rows[i + 2]?.weight === 0)).toBe(true);
    expect(c.dueText.length).toBeGreaterThan(0);
    // over-achievement counts up to the Settings cap: some KR shows progress above 100%
    if (c.cap > 1) expect([...core.rows.values()].some((x) => typeof x.progress === 'number' && x.progress > 1)).toBe(true);
  });

  it.each(SEEDS)('seed %i (%s): every disagreement the sheet cannot resolve is a lint finding at its cell', (seed, lang) => {
    const c = parityCase(seed, KRS);
    const plan = casePlan(c, lang);
    const { findings, sheetRowOf } = coreResults(plan, c.asOf);
    const at = (rule: string) => new Set(findings.filter((f) => f.rule === rule && f.at.row !== null).map((f) => `${sheetRowOf(f.at.row!)}:${f.at.column}`));
    const asText = at('number-as-text'), noId = at('no-id'), orphan = at('orphan-kr'), rubric = at('rubric-unreadable');
    let text = 0, stray = 0, prefixless = 0;
    c.rows.forEach((r, i) => {
      const row = 7 + i;
      const hasId = r.id !== '';
      for (const k of NUMBER_COLUMNS) {
        const v = r[k as 'start'];
        if (typeof v === 'string' && hasId && (TYPED_TEXT as readonly string[]).includes(v)) {
          text++;
          expect(asText.has(`${row}:${k}`), `${row}:${k} ${v}`).toBe(true);
        }
      }
      if (!hasId && (r.type !== null || r.current !== undefined)) {
        stray++;
        expect([...noId].some((x) => x.startsWith(`${row}:`)), `no-id at row ${row}`).toBe(true);
      }
      if (hasId && r.type === 'rubric' && (r.rubric === '' || r.rubric?.includes('→'))) expect(rubric.has(`${row}:rubric`), `rubric-unreadable at row ${row}`).toBe(true);
      if (hasId && isKrType(r.type) && /^KR\d+$/.test(r.id)) {
        prefixless++;
        expect(orphan.has(`${row}:id`), `orphan-kr at row ${row}`).toBe(true);
      }
    });
    expect(text).toBeGreaterThan(10);
    expect(stray).toBeGreaterThan(2);
    expect(prefixless).toBeGreaterThan(0);
  });
});

const soffice = findSoffice();

describe.skipIf(!soffice)('core == LibreOffice (one conversion of all seeds)', () => {
  const runs: { plan: ReturnType<typeof casePlan>; c: ReturnType<typeof parityCase>; lang: Lang; cached: Map<string, CachedValue> }[] = [];
  beforeAll(async () => {
    // all seeds in one workbook (one soffice start): a sheet pair per seed
    for (const [seed, lang] of SEEDS) {
      const c = parityCase(seed, KRS);
      const plan = casePlan(c, lang);
      plan.sheets[0]!.name = `P${seed}`;
      plan.sheets[1]!.name = `S${seed}`;
      // the OKR sheet's thresholds refer to the Settings sheet by name
      const okr = plan.sheets[0]!;
      okr.values = okr.values.map((row) => row.map((v) => (typeof v === 'string' && v.startsWith('=') ? v.split(`'${lang === 'en' ? 'Settings' : '设置'}'!`).join(`'S${seed}'!`) : v)));
      runs.push({ plan, c, lang, cached: new Map() });
    }
    const all = { sheets: runs.flatMap((r) => r.plan.sheets) };
    const back = await importXlsxDetailed(await recalcWithLibreOffice(await exportXlsx(all)));
    runs.forEach((r, i) => (r.cached = back.cached[i * 2]!));
  }, 240_000);

  it('every KR and objective: progress, score, status', () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const r of runs) {
      const core = coreResults(r.plan, r.c.asOf);
      const res = compareRows(r.plan, core.rows, (row, col) => {
        const v = r.cached.get(`${row - 1},${col - 1}`);
        return v === undefined ? null : v;
      }, r.lang, `LO ${r.plan.sheets[0]!.name}`, scaleSpec(r.c.scale).factor);
      compared += res.compared;
      mismatches.push(...res.mismatches);
    }
    expect(mismatches.slice(0, 8)).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(600);
    expect(OKR_COLUMNS.progress).toBeGreaterThan(0);
  });
});
