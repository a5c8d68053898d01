/**
 * `npm run bench -- fuzz`: every hostile input of the fuzz suite (test/fuzz) through the real CLI
 * in a child process with a capped heap — wall time and peak resident memory per case, and the
 * exit code (0/1/2 expected; anything else is reported as a failure of the bench). Memory is
 * measured by GNU time (`/usr/bin/time -f %M`), the wall time around the child.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli } from '../test/fuzz/cliBundle';
import { HOSTILE_XLSX } from '../test/fuzz/hostileXlsx';
import { hugeOkrText, hugeRosterCsv } from '../test/fuzz/bigInputs';

const HEAP_MB = 512;

interface Figure {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  note?: string;
}

export async function run(): Promise<Figure[]> {
  const script = await bundleCli(process.cwd());
  const dir = mkdtempSync(join(tmpdir(), 'okr-fuzz-bench-'));
  const gnuTime = existsSync('/usr/bin/time');
  const cases: Array<{ name: string; args: string[]; write: () => Promise<void> }> = [
    ...HOSTILE_XLSX.map((c, i) => ({
      name: `lint: ${c.name}`,
      args: ['lint', `case${i}.xlsx`],
      write: async () => writeFileSync(join(dir, `case${i}.xlsx`), await c.build()),
    })),
    { name: 'setup: 100,000-unit roster', args: ['setup', 'roster.csv', '-o', 'out.xlsx', '--force'], write: async () => writeFileSync(join(dir, 'roster.csv'), hugeRosterCsv(100_000)) },
    { name: 'setup: 300-unit roster (the limit)', args: ['setup', 'roster300.csv', '-o', 'out300.xlsx', '--force'], write: async () => writeFileSync(join(dir, 'roster300.csv'), hugeRosterCsv(300)) },
    { name: 'import -o: 5 MB of text', args: ['import', 'big.txt', '-o', 'big.xlsx', '--force'], write: async () => writeFileSync(join(dir, 'big.txt'), hugeOkrText(5 * 1024 * 1024)) },
    { name: 'import -o: 95,000 characters (under the limit)', args: ['import', 'ok.txt', '-o', 'ok.xlsx', '--force'], write: async () => writeFileSync(join(dir, 'ok.txt'), hugeOkrText(95_000)) },
  ];
  const out: Figure[] = [];
  for (const c of cases) {
    await c.write();
    const argv = [`--max-old-space-size=${HEAP_MB}`, script, ...c.args];
    const t0 = performance.now();
    const r = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', '@@rss=%M', process.execPath, ...argv], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } })
      : spawnSync(process.execPath, argv, { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
    const wall = performance.now() - t0;
    const rss = Number(/@@rss=(\d+)/.exec(r.stderr ?? '')?.[1] ?? NaN) / 1024;
    const code = r.status;
    if (code === null || ![0, 1, 2].includes(code)) throw new Error(`${c.name}: exit ${code} ${r.signal ?? ''} ${(r.stderr ?? '').slice(0, 200)}`);
    const said = (r.stderr ?? '').replace(/@@rss=\d+/, '').trim().split('\n')[0]!.replace(dir, '').slice(0, 90);
    out.push({ name: `${c.name}: time`, value: Math.round(wall), unit: 'ms', note: `exit ${code}: ${said}` });
    if (Number.isFinite(rss)) out.push({ name: `${c.name}: peak memory`, value: Math.round(rss), unit: 'MB', note: `child heap capped at ${HEAP_MB} MB` });
  }
  return out;
}
