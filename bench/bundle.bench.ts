/**
 * Apps Script bundle budget (issue 16 §5, design §6): the size of what Apps Script evaluates on
 * every execution, and the cold start of a custom function — a fresh V8 context, V8's
 * compilation cache defeated, every dist script evaluated, one OKRSCORE answered — side by side,
 * in the same run, with two reference bundles built here:
 *
 *   - full zod: one full-zod schema validating OKRSCORE's input, imported the way zod's docs
 *     show (`import { z } from 'zod'`, which brings zod's locales along), built with the settings
 *     the add-on used before issue 16 (whitespace and syntax minified) — ≈ 600 KB;
 *   - zod/mini alone: the same schema with zod/mini, same settings (the floor for a bundle that
 *     validates at all).
 * (`import * as z from 'zod'` tree-shakes to ≈ 110 KB minified; the figure is printed too.)
 *
 * The three are measured round-robin (one run of each per round) so a busy shared machine slows
 * them alike. Budget: this bundle's median ≤ ¼ of the full-zod bundle's, and the Apps Script
 * JavaScript under 150 KB. Timings live here, never in tests.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import vm from 'node:vm';
import { DIST, ROOT, distScripts, ensureBuilt, loadDist } from '../test/bundle/sandbox';

const RUNS = 41;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) * q)]!;
};
const median = (xs: number[]) => quantile(xs, 0.5);

/** A reference bundle: OKRSCORE validating its rows with one schema from `zodImport`. */
function referenceBundle(zodImport: 'zod' | 'zod/mini', form: 'named' | 'namespace' = 'named'): string {
  const schema =
    zodImport === 'zod'
      ? `z.array(z.array(z.union([z.number().min(0).max(1), z.string(), z.null()])))`
      : `z.array(z.array(z.union([z.number().check(z.minimum(0), z.maximum(1)), z.string(), z.null()])))`;
  const contents = `
${zodImport === 'zod' && form === 'named' ? `import { z } from 'zod';` : `import * as z from ${JSON.stringify(zodImport)};`}
const Rows = ${schema};
export function OKRSCORE(rows) {
  const values = Rows.parse(rows).flat().filter((v) => typeof v === 'number');
  return values.reduce((a, b) => a + b, 0) / values.length;
}`;
  const res = esbuild.buildSync({
    stdin: { contents, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'iife',
    globalName: 'Ref',
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'silent',
  });
  return `${res.outputFiles[0]!.text}\nfunction OKRSCORE(rows) { return Ref.OKRSCORE.apply(null, arguments); }\n`;
}

interface Subject {
  name: string;
  sources: (readonly [string, string])[];
  cold: number[];
  cpu: number[];
}

function coldStart(s: Subject, i: number): void {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const ctx = vm.createContext({ console });
  // A unique trailing comment per run defeats V8's in-process compilation cache, so every run
  // parses and compiles afresh, as a new Apps Script execution does.
  for (const [f, src] of s.sources) vm.runInContext(`${src}\n// run ${i}`, ctx, { filename: f });
  const score = vm.runInContext('OKRSCORE([[0.5], [0.7], [1]])', ctx) as number;
  const t1 = performance.now();
  const c1 = process.cpuUsage(c0);
  if (typeof score !== 'number' || Math.abs(score - 0.7333333333) > 1e-6) throw new Error(`${s.name}: OKRSCORE answered ${String(score)}`);
  s.cold.push(t1 - t0);
  s.cpu.push((c1.user + c1.system) / 1000);
}

export function run() {
  ensureBuilt();
  const ours: Subject = { name: 'this bundle', sources: distScripts().map((f) => [f, fs.readFileSync(path.join(DIST, f), 'utf8')] as const), cold: [], cpu: [] };
  const fullZod: Subject = { name: 'one full-zod schema', sources: [['Ref.js', referenceBundle('zod')]], cold: [], cpu: [] };
  const mini: Subject = { name: 'zod/mini alone', sources: [['Ref.js', referenceBundle('zod/mini')]], cold: [], cpu: [] };
  const shaken: Subject = { name: "full zod tree-shaken (import * as z)", sources: [['Ref.js', referenceBundle('zod', 'namespace')]], cold: [], cpu: [] };
  const subjects = [ours, fullZod, mini, shaken];
  for (let i = 0; i < RUNS; i++) for (const s of subjects) coldStart(s, i);
  loadDist(); // sanity: the full stand-in environment loads too

  const bytes = (s: Subject) => s.sources.reduce((n, [, src]) => n + Buffer.byteLength(src), 0);
  const code = fs.readFileSync(path.join(DIST, 'Code.js'));
  const server = fs.existsSync(path.join(DIST, 'Server.html')) ? fs.statSync(path.join(DIST, 'Server.html')).size : 0;
  const ratio = median(ours.cold) / median(fullZod.cold);
  return [
    { name: 'Apps Script JavaScript (all dist/*.js)', value: bytes(ours), unit: 'B', budget: 150 * 1024 },
    { name: 'dist/Code.js gzip', value: zlib.gzipSync(code).length, unit: 'B' },
    { name: 'dist/Server.html (sidebar server, read on the first rpc of an execution)', value: server, unit: 'B' },
    { name: 'one full-zod schema bundle size', value: bytes(fullZod), unit: 'B' },
    { name: 'zod/mini alone bundle size', value: bytes(mini), unit: 'B' },
    { name: "full zod tree-shaken (import * as z) bundle size", value: bytes(shaken), unit: 'B' },
    ...subjects.map((s) => ({ name: `cold start + one OKRSCORE, ${s.name} (median of ${RUNS}, wall)`, value: median(s.cold), unit: 'ms' })),
    ...subjects.map((s) => ({ name: `cold start + one OKRSCORE, ${s.name} (median of ${RUNS}, CPU)`, value: median(s.cpu), unit: 'ms' })),
    {
      name: 'cold start: this bundle ÷ one full-zod schema (wall, same run)',
      value: ratio,
      unit: '×',
      budget: 0.25,
      note: 'issue 16 §5: at most a quarter',
    },
    {
      name: 'cold start: this bundle ÷ full zod tree-shaken (wall, same run; for comparison, no budget)',
      value: median(ours.cold) / median(shaken.cold),
      unit: '×',
    },
  ];
}
