/**
 * Issue 12's must-show, offline: a 3-level roster (company → 4 departments → 6 teams, one
 * department with no built-in template, a regional sales team outside Beijing) distributed,
 * several units filled with check-ins the way a team would (values typed, a check-in logged),
 * one file deleted and one corrupted, collected. The hub's figures equal each unit file's own
 * (`okr-sheets score`), the two problems sit on their rows, the 3-level sales roll-up equals a
 * hand-computed value, and re-running distribute and collect changes no unit file's bytes.
 */
import { existsSync, readFileSync, unlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_LABELS } from '../../src/core/labels';
import type { PlanCell, WorkbookPlan } from '../../src/core/plan/types';
import { readRegistryValues } from '../../src/core/distribution';
import { snapshotFromXlsx } from '../../src/local/snapshot';
import { exportXlsx } from '../../src/local/xlsx/export';
import { importXlsx } from '../../src/local/xlsx/import';
import { cli, sha256, tempDir, expectNoStack } from '../cli/xlsx-helpers';

const ROSTER = `单元,层级,上级单元,负责人,邮箱,部门模板
星河科技,公司,,王总,ceo@example.com,公司
销售中心,部门,星河科技,李明,li@example.com,销售
市场部,部门,星河科技,张华,zhang@example.com,市场
研发中心,部门,星河科技,赵强,zhao@example.com,产研
法务部,部门,星河科技,陈静,chen@example.com,法务
华东销售组,团队,销售中心,周杰,zhou@example.com,销售
华南销售组,团队,销售中心,吴敏,wu@example.com,销售
品牌组,团队,市场部,郑雪,zheng@example.com,市场
增长组,团队,市场部,孙涛,sun@example.com,市场
平台组,团队,研发中心,钱磊,qian@example.com,产研
合规组,团队,法务部,何丽,he@example.com,法务
`;
const AS_OF = '2026-11-20';
const CYCLE = '2026-Q4';
const UNITS = 11;

/** What a team does in Excel: every KR of objective O1 moved to `share` of its way, a check-in logged. */
async function fill(path: string, share: number): Promise<void> {
  const plan: WorkbookPlan = await importXlsx(readFileSync(path));
  const okr = plan.sheets.find((s) => s.role === 'okr')!;
  const header = okr.values.findIndex((r) => r.includes(COLUMN_LABELS.id['zh-CN'][0]!));
  const col = (k: keyof typeof COLUMN_LABELS) => okr.values[header]!.indexOf(COLUMN_LABELS[k]['zh-CN'][0]!);
  const [cId, cStart, cTarget, cCurrent] = [col('id'), col('start'), col('target'), col('current')];
  const log = plan.sheets.find((s) => s.role === 'checkins')!;
  for (const row of okr.values.slice(header + 1)) {
    const id = row[cId];
    if (typeof id !== 'string' || !id.startsWith('O1.KR')) continue;
    const start = typeof row[cStart] === 'number' ? (row[cStart] as number) : 0;
    const target = row[cTarget] as number;
    const value = start + share * (target - start);
    row[cCurrent] = value;
    log.values.push([{ date: '2026-11-15' }, null, id, value, 7, '本周推进', null, null] as PlanCell[]);
  }
  writeFileSync(path, await exportXlsx(plan));
}

describe('distribute → fill → collect, offline', () => {
  const dir = tempDir();
  const out = join(dir, 'okr');
  const file = (unit: string) => join(out, CYCLE, `OKR ${unit} ${CYCLE}.xlsx`);
  let hashes: Map<string, string>;

  beforeAll(async () => {
    writeFileSync(join(dir, 'roster.csv'), ROSTER);
    const r = await cli(dir, 'distribute', 'roster.csv', '--out-dir', 'okr', '--cycle', CYCLE, '--lang', 'zh-CN');
    expectNoStack(r);
    expect(r.code, r.err).toBe(0);
    await fill(file('星河科技'), 0.6);
    await fill(file('销售中心'), 0.5);
    await fill(file('华东销售组'), 0.8);
    await fill(file('华南销售组'), 0.4);
    await fill(file('合规组'), 0.3);
    unlinkSync(file('平台组'));
    writeFileSync(file('增长组'), 'PK\u0003\u0004 this is not a workbook any more');
    hashes = new Map(readdirSync(join(out, CYCLE)).map((f) => [f, sha256(join(out, CYCLE, f))]));
  }, 240_000);

  it('writes the hub and one file per unit, paths relative to the hub', async () => {
    const hub = await snapshotFromXlsx(readFileSync(join(out, 'hub.xlsx')));
    expect(hub.sheets.map((s) => s.metaRole)).toEqual(expect.arrayContaining(['roster', 'registry', 'templates']));
    const reg = readRegistryValues(hub.sheets.find((s) => s.metaRole === 'registry')!.values);
    expect(reg.rows).toHaveLength(UNITS);
    for (const row of reg.rows) expect(row.file).toBe(`${CYCLE}/OKR ${row.unit} ${CYCLE}.xlsx`);
    expect(reg.rows.find((r) => r.unit === '法务部')!.template).toBe('generic/department');
    expect(reg.rows.find((r) => r.unit === '华东销售组')!.template).toBe('sales/regionalTeam');
  });

  it('fills the regional team\'s texts with its own region, never 北京', async () => {
    const snap = await snapshotFromXlsx(readFileSync(file('华南销售组')));
    const texts = snap.sheets.filter((s) => s.metaRole === 'okr').flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === 'string');
    expect(texts.join('\n')).not.toContain('北京');
    expect(texts.some((t) => t.includes('华南'))).toBe(true);
    const legal = await snapshotFromXlsx(readFileSync(file('法务部')));
    const legalTexts = legal.sheets.filter((s) => s.metaRole === 'okr').flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === 'string');
    expect(legalTexts.some((t) => t.includes('法务部'))).toBe(true);
    expect(legalTexts.join('\n')).not.toMatch(/\{(unit|parent|city|owner)\}/);
  });

  it('collects: figures equal `okr-sheets score` per file, problems on their rows, the sales roll-up by hand', async () => {
    const r = await cli(dir, 'collect', 'okr/hub.xlsx', '--json', '--as-of', AS_OF, '--lang', 'zh-CN');
    expectNoStack(r);
    expect(r.code).toBe(1); // two units not collected
    const json = JSON.parse(r.out) as { units: { unit: string; file: string; status: string; progress: number | null; score: number | null; krs: number | null }[]; company: { collected: number; units: number } };
    expect(json.company).toMatchObject({ collected: UNITS - 2, units: UNITS });
    const by = new Map(json.units.map((u) => [u.unit, u]));
    expect(by.get('平台组')!.status).toBe('missing');
    expect(by.get('增长组')!.status).toBe('unreadable');
    for (const u of json.units.filter((x) => x.status === 'collected')) {
      const s = await cli(dir, 'score', join('okr', u.file), '--json', '--as-of', AS_OF);
      expect(s.code, s.err).toBe(0);
      const sheet = (JSON.parse(s.out) as { sheets: { overall: number; objectives: { progress: number }[]; krs: unknown[] }[] }).sheets[0]!;
      expect(u.score).toBeCloseTo(sheet.overall, 12);
      expect(u.progress).toBeCloseTo(sheet.objectives.reduce((a, o) => a + o.progress, 0) / sheet.objectives.length, 12);
      expect(u.krs).toBe(sheet.krs.length);
    }
    // filled units really moved: 华东 O1 at 0.8 of its way
    expect(by.get('华东销售组')!.progress!).toBeGreaterThan(0);

    const hub = await snapshotFromXlsx(readFileSync(join(out, 'hub.xlsx')));
    const reg = readRegistryValues(hub.sheets.find((s) => s.metaRole === 'registry')!.values);
    const row = (u: string) => reg.rows.find((x) => x.unit === u)!;
    expect(row('平台组').status).toBe('missing');
    expect(row('增长组').status).toBe('unreadable');
    expect(row('华东销售组').status).toBe('collected');
    expect(row('华东销售组').score).toBeCloseTo(by.get('华东销售组')!.score!, 12);
    expect(row('华东销售组').lastCollected).toBe(AS_OF);

    // company O1 ← 销售中心 O1 ← 华东 / 华南 O1 (three files). Roll-up 'both', children share 0.5,
    // equal weights; 市场部's O1 (also aligned to company O1) has no values: 0.
    const sales = 0.5 * 0.5 + 0.5 * ((0.8 + 0.4) / 2); // 0.55
    const company = 0.5 * 0.6 + 0.5 * ((sales + 0) / 2); // 0.4375
    const map = hub.sheets.find((s) => s.metaRole === 'alignment')!.values;
    const progressOf = (unit: string) => {
      const at = map.findIndex((r) => typeof r[0] === 'string' && r[0].trim() === `■ ${unit}`);
      expect(at, unit).toBeGreaterThan(0);
      const o1 = map[at + 1]!;
      expect(String(o1[0])).toContain('◆ O1 ');
      return o1[3] as number;
    };
    expect(progressOf('销售中心')).toBeCloseTo(sales, 12);
    expect(progressOf('星河科技')).toBeCloseTo(company, 12);
    const dash = hub.sheets.find((s) => s.metaRole === 'dashboard')!.values;
    expect(dash.some((r) => r[0] === '合规组' && typeof r[7] === 'number' && r[7] > 0)).toBe(true);
  }, 240_000);

  it('reviews any level from the hub, with the levels below it across files as context', async () => {
    const r = await cli(dir, 'collect', 'okr/hub.xlsx', '--as-of', AS_OF, '--lang', 'zh-CN', '--review', '销售中心');
    expect(r.code).toBe(1); // still two units not collected; the review is printed all the same
    expect(r.out).toContain('销售中心');
    expect(r.out).toContain('下级汇总');
    expect(r.out).toContain('华东销售组');
    expect(r.out).toContain('55%'); // 销售中心 O1 rolled up: 0.5 · 50% + 0.5 · (80% + 40%) / 2
    const none = await cli(dir, 'collect', 'okr/hub.xlsx', '--as-of', AS_OF, '--review', '平台组');
    expect(none.code).toBe(1);
    expect(none.err).toContain('平台组');
  }, 240_000);

  it('re-running distribute and collect changes no byte a team typed', async () => {
    const again = await cli(dir, 'distribute', 'roster.csv', '--out-dir', 'okr', '--cycle', CYCLE, '--lang', 'zh-CN');
    expect(again.code, again.err).toBe(0);
    expect(existsSync(file('平台组'))).toBe(true); // the deleted file is the one made again
    const c = await cli(dir, 'collect', 'okr/hub.xlsx', '--as-of', AS_OF, '--lang', 'zh-CN');
    expect(c.code).toBe(1); // the corrupted file is still a problem
    expect(c.err).toContain('增长组');
    for (const [f, h] of hashes) expect(sha256(join(out, CYCLE, f)), f).toBe(h);
  }, 240_000);

  it('exit 2 when the hub cannot be read', async () => {
    writeFileSync(join(dir, 'bad.xlsx'), 'nope');
    const r = await cli(dir, 'collect', 'bad.xlsx');
    expect(r.code).toBe(2);
    expectNoStack(r);
  });
});
