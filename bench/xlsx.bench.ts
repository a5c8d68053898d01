/**
 * xlsx export / import of a 5,000-KR workbook (the template OKR sheet with every formula,
 * validation and format): wall-clock and CPU time (CPU is what a busy shared machine does not
 * inflate), file size, and the CLI read path (import + values for lint/score).
 */
import { exportXlsx } from '../src/local/xlsx/export';
import { importXlsx } from '../src/local/xlsx/import';
import { readXlsxValues } from '../src/local/xlsx/values';
import { bigPlan } from '../test/xlsx/fixtures';

const KRS = 5000;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1000 };
}

export async function run() {
  const plan = bigPlan(KRS);
  const rows = plan.sheets[0]!.values.length;
  await exportXlsx(bigPlan(50)); // warm-up (module init, JIT)
  const exp = await timed(() => exportXlsx(plan));
  const imp = await timed(() => importXlsx(exp.value));
  const vals = await timed(() => readXlsxValues(exp.value));
  const note = `${KRS} KRs + ${KRS / 5} objectives, ${rows} rows × 20 columns`;
  return [
    { name: `xlsx export, ${KRS} KRs (wall)`, value: Math.round(exp.wall), unit: 'ms', note },
    { name: `xlsx export, ${KRS} KRs (CPU)`, value: Math.round(exp.cpu), unit: 'ms' },
    { name: `xlsx file size, ${KRS} KRs`, value: exp.value.length, unit: 'B', note: 'shared formulas, no cached results' },
    { name: `xlsx import, ${KRS} KRs (wall)`, value: Math.round(imp.wall), unit: 'ms' },
    { name: `xlsx import, ${KRS} KRs (CPU)`, value: Math.round(imp.cpu), unit: 'ms' },
    { name: `xlsx read for lint/score, ${KRS} KRs (wall)`, value: Math.round(vals.wall), unit: 'ms', note: `values from: ${vals.value.source}` },
  ];
}
