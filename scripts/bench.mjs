#!/usr/bin/env node
/**
 * `npm run bench [-- filter...]`: bundles every bench/*.bench.ts (esbuild, platform node, npm
 * packages external) into build/bench/, imports each, awaits its exported `run()`, prints the
 * figures as a table and writes them all to bench/results.json with the date, Node version and
 * machine.
 *
 * A bench module exports:
 *
 *   export async function run(): Promise<BenchFigure[]>   // (sync is fine too)
 *   interface BenchFigure {
 *     name: string;      // e.g. 'OKRSCORE, 10,000 rows'
 *     value: number;
 *     unit: string;      // 'ms', 'B', 'calls', ...
 *     budget?: number;   // upper bound from design §6; over budget → marked and exit code 1
 *     note?: string;
 *   }
 *
 * A plain object `{ [name]: number | { value, unit?, budget?, note? } }` is accepted as well.
 * A bench that throws is reported and makes the exit code 1; the others still run.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = path.join(ROOT, 'bench');
const OUT_DIR = path.join(ROOT, 'build', 'bench');
const RESULTS = path.join(BENCH_DIR, 'results.json');

function normalise(result) {
  if (Array.isArray(result)) {
    return result.map((f) => {
      if (!f || typeof f.name !== 'string' || typeof f.value !== 'number') throw new Error(`a figure needs { name, value, unit }: ${JSON.stringify(f)}`);
      return { name: f.name, value: f.value, unit: f.unit ?? '', ...(f.budget !== undefined && { budget: f.budget }), ...(f.note && { note: f.note }) };
    });
  }
  if (result && typeof result === 'object') {
    return Object.entries(result).map(([name, v]) =>
      typeof v === 'number' ? { name, value: v, unit: '' } : normalise([{ name, ...v }])[0],
    );
  }
  throw new Error('run() must return an array of figures or an object of numbers');
}

const fmtValue = (v) => (Number.isInteger(v) ? v.toLocaleString('en-US') : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3));

function table(rows) {
  const head = ['bench', 'figure', 'value', 'unit', 'budget', ''];
  const body = rows.map((r) => [r.bench, r.name, r.error ? 'ERROR' : fmtValue(r.value), r.unit ?? '', r.budget === undefined ? '' : fmtValue(r.budget), r.error ? r.error.slice(0, 100) : r.over ? 'OVER BUDGET' : r.budget !== undefined ? 'ok' : '']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 2 || i === 4 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = fs
    .readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
    .sort();
  if (!files.length) {
    console.error(`No bench/*.bench.ts${filters.length ? ` matching ${filters.join(', ')}` : ''}.`);
    process.exit(1);
  }
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  // One esbuild run per bench, so a bench whose code does not compile yet does not stop the rest.
  const bundleErrors = new Map();
  await Promise.all(
    files.map((f) =>
      esbuild
        .build({
          absWorkingDir: ROOT,
          entryPoints: [`bench/${f}`],
          outfile: `build/bench/${f.replace(/\.ts$/, '.mjs')}`,
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node20',
          packages: 'external',
          sourcemap: 'inline',
          logLevel: 'silent',
        })
        .catch((e) => bundleErrors.set(f, (e.errors ?? []).map((m) => `${m.location?.file ?? ''}:${m.location?.line ?? ''} ${m.text}`).join('; ') || e.message)),
    ),
  );

  const results = {};
  const rows = [];
  let failed = false;
  for (const f of files) {
    const name = f.replace(/\.bench\.ts$/, '');
    const t0 = performance.now();
    process.stderr.write(`bench ${name} … `);
    try {
      if (bundleErrors.has(f)) throw new Error(`does not compile: ${bundleErrors.get(f)}`);
      const mod = await import(pathToFileURL(path.join(OUT_DIR, `${name}.bench.mjs`)).href);
      if (typeof mod.run !== 'function') throw new Error('does not export run()');
      const figures = normalise(await mod.run());
      results[name] = figures;
      for (const fig of figures) {
        const over = fig.budget !== undefined && fig.value > fig.budget;
        if (over) failed = true;
        rows.push({ bench: name, ...fig, over });
      }
      process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    } catch (e) {
      failed = true;
      const msg = e instanceof Error ? e.message : String(e);
      results[name] = { error: msg };
      rows.push({ bench: name, name: '', error: msg.split('\n')[0] });
      process.stderr.write(`failed: ${msg}\n`);
    }
  }

  const cpus = os.cpus();
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    /** 1-minute load average when the run ended: timings on a busy machine are inflated */
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
    results,
  };
  // A filtered run keeps the other benches' last figures.
  if (filters.length && fs.existsSync(RESULTS)) {
    try {
      const prev = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
      out.results = { ...prev.results, ...results };
    } catch {
      /* unreadable: start afresh */
    }
  }
  fs.writeFileSync(RESULTS, JSON.stringify(out, null, 2) + '\n');
  console.log(table(rows));
  console.log(`\n${out.node}, ${out.cores} cores (${out.cpu}), load average ${out.loadAverage}; written to bench/results.json`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error('bench failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
