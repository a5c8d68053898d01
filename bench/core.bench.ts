/**
 * Core semantics at scale (design §6): 50,000 KRs in 10,000 objectives spread over 2,000 OKR
 * tables (5 objectives each, 3–7 KRs each), read from cell grids, then lint + score + roll-up.
 * Budget: lint + score + roll-up well under a second.
 */
import { lintTable } from '../src/core/lint';
import type { OkrTable } from '../src/core/model';
import { rollup, type RollupInput } from '../src/core/rollup';
import { scoreTable } from '../src/core/score';
import { isTableError, readTableValues } from '../src/core/table';
import { rng } from '../test/helpers/rng';

interface Figure { name: string; value: number; unit: string; budget?: number; note?: string }

const HEADER = ['编号', '类型', '目标 / 关键结果', '负责人', '对齐', '来源', '已共识', '起始值', '目标值', '当前值', '单位', '权重', '截止日期', '信心指数', '自评分'];
const KR_TITLES = ['新签客户由 {a} 家增至 {b} 家', '协助市场部组织活动', '全年营收达到 {b} 万元', '平均响应时间缩短到 {b} 小时', '转化率提升到 XX%', '上线新版官网'];
const TYPES = ['提升', '提升', '不低于', '降低', '不高于', '里程碑'];

export function makeGrids(tables: number, objectivesPer: number, totalKrs: number): unknown[][][] {
  const r = rng(42);
  const grids: unknown[][][] = [];
  const krsPerObjective = totalKrs / (tables * objectivesPer); // 5 on average
  for (let t = 0; t < tables; t++) {
    const unit = `U${t}`;
    const parent = t === 0 ? '' : `U${Math.floor((t - 1) / 4)}`;
    const grid: unknown[][] = [
      ['单元', unit],
      ['周期', '2026-Q4'],
      ['上级', parent],
      [],
      HEADER,
    ];
    for (let o = 1; o <= objectivesPer; o++) {
      grid.push([`O${o}`, '目标', `目标 ${o}`, `负责人${o}`, parent ? `${parent}/O${o}` : '', r() < 0.7 ? '自下而上' : '自上而下', r() < 0.95, null, null, null, null, null, null, null, null]);
      const n = krsPerObjective - 2 + (o % 5); // 3..7, mean 5
      for (let k = 1; k <= n; k++) {
        const ti = Math.floor(r() * TYPES.length);
        const a = Math.round(r() * 100), b = a + 1 + Math.round(r() * 100);
        const milestone = TYPES[ti] === '里程碑';
        const decrease = TYPES[ti] === '降低' || TYPES[ti] === '不高于';
        grid.push([
          `O${o}.KR${k}`, TYPES[ti], KR_TITLES[ti]!.replace('{a}', String(a)).replace('{b}', String(b)),
          r() < 0.05 ? '张三、李四' : `员工${k}`, '', null, true,
          milestone ? null : decrease ? b : a, milestone ? null : decrease ? a : b,
          milestone ? r() < 0.5 : r() < 0.1 ? null : a + Math.round(r() * (b - a) * 1.2),
          '家', r() < 0.3 ? '25%' : null, r() < 0.02 ? '2027-02-01' : '2026-12-15', 1 + Math.floor(r() * 10), r() < 0.2 ? 0.7 : null,
        ]);
      }
    }
    grids.push(grid);
  }
  return grids;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

/** runs `f` `n` times; its last value, the first (cold) time and the median time */
function repeat<T>(n: number, f: () => T): { value: T; cold: number; median: number } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < n; i++) {
    const [v, ms] = time(f);
    value = v;
    times.push(ms);
  }
  const cold = times[0]!;
  times.sort((a, b) => a - b);
  return { value, cold, median: times[Math.floor(n / 2)]! };
}

const REPS = 5;

export async function run(): Promise<Figure[]> {
  const grids = makeGrids(2000, 5, 50_000);
  const known = new Set<string>();
  for (let t = 0; t < 2000; t++) for (let o = 1; o <= 5; o++) known.add(`U${t}/O${o}`);

  const read = repeat(3, () => {
    const out: OkrTable[] = [];
    for (const g of grids) {
      const rd = readTableValues(g);
      if (isTableError(rd)) throw new Error('bench grid unreadable');
      out.push(rd.table);
    }
    return out;
  });
  const tables = read.value;
  let krCount = 0, objCount = 0;
  for (const t of tables) for (const row of t.rows) row.type === 'objective' ? objCount++ : krCount++;

  const lint = repeat(REPS, () => {
    let n = 0;
    for (const t of tables) n += lintTable(t, { asOf: '2026-11-15', knownParents: known }).length;
    return n;
  });
  const score = repeat(REPS, () => tables.map((t) => scoreTable(t, '2026-11-15')));
  const scores = score.value;
  const roll = repeat(REPS, () => {
    const nodes: RollupInput[] = [];
    for (let i = 0; i < tables.length; i++) {
      const unit = tables[i]!.header.unit;
      for (const o of scores[i]!.objectives) {
        const row = tables[i]!.rows[o.row]!;
        nodes.push({ id: `${unit}/${o.id}`, parent: row.alignsTo || null, ownProgress: o.progress });
      }
    }
    return rollup(nodes);
  });
  if (roll.value.results.size !== objCount) throw new Error(`rollup lost nodes: ${roll.value.results.size} / ${objCount}`);
  if (roll.value.problems.length) throw new Error('rollup problems in generated data');

  const note = `median of ${REPS} runs`;
  return [
    { name: 'KRs (objectives, tables in note)', value: krCount, unit: 'KRs', note: `${objCount} objectives, ${tables.length} tables` },
    { name: 'read 2,000 grids (readTableValues)', value: read.median, unit: 'ms', note: 'median of 3 runs' },
    { name: 'lint 50k KRs', value: lint.median, unit: 'ms', note: `${lint.value} findings; ${note}` },
    { name: 'score 50k KRs', value: score.median, unit: 'ms', note },
    { name: 'roll-up 10k objectives', value: roll.median, unit: 'ms', note },
    { name: 'lint + score + roll-up', value: lint.median + score.median + roll.median, unit: 'ms', budget: 1000, note },
    { name: 'lint + score + roll-up, first (cold) run', value: lint.cold + score.cold + roll.cold, unit: 'ms', note: 'includes JIT warm-up' },
  ];
}
