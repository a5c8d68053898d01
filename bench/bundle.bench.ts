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
 *
 * The sidebar's server, in the same rounds: every `google.script.run` call is a fresh execution
 * that evaluates the dist scripts, reads its Server*.html with HtmlService and evaluates it. Timed:
 *
 *   - rpc getContext (what the sidebar calls when it opens) against a small frozen spreadsheet
 *     (test/bundle/sandbox.ts), with this build's split server (Server.html) and with the same
 *     sources built as ONE Server.html (serverGroups: null, built here into build/bench-unsplit/),
 *     the shape before the split;
 *   - per server file: evaluating Code.js + that file and dispatching one call it answers with a
 *     refused payload (load cost only, no spreadsheet work).
 * The server text gets a unique comment per run too, so the indirect eval compiles afresh.
 * The largest inputs of the single and of the split Server.html (esbuild metafile) are printed.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';
import { DIST, OKR_WORKBOOK, ROOT, buildManifest, distScripts, ensureBuilt, loadDist, serverFiles, type BuildManifest } from '../test/bundle/sandbox';

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

/** A dist/ folder read once: its scripts and its server files' text (for runs without disk reads). */
interface Dist {
  dir: string;
  scripts: Record<string, string>;
  html: Record<string, string>;
}
function readDist(dir: string): Dist {
  const scripts = Object.fromEntries(distScripts(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  const html = Object.fromEntries(serverFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, `${f}.html`), 'utf8')]));
  return { dir, scripts, html };
}

interface RpcSubject {
  name: string;
  dist: Dist;
  call: string;
  check: (answer: unknown) => boolean;
  spreadsheet: boolean;
  cold: number[];
  /** bytes the call evaluates: the dist scripts + the server file(s) it read */
  bytes: number;
}

/** One execution: fresh context, every script, the call (which reads and evaluates its server file). */
function rpcColdStart(s: RpcSubject, i: number): void {
  const log = { calls: [] as string[] };
  const mark = `\n// run ${i}`;
  const scripts = Object.fromEntries(Object.entries(s.dist.scripts).map(([f, src]) => [f, src + mark]));
  const readHtml = (name: string) => {
    const h = s.dist.html[name];
    // before the closing tag: the loader evaluates what lies between the tags
    return h === undefined ? undefined : h.slice(0, h.lastIndexOf('</script>')) + mark + '\n' + h.slice(h.lastIndexOf('</script>'));
  };
  const t0 = performance.now();
  const ctx = loadDist({ dir: s.dist.dir, scripts, readHtml, log, ...(s.spreadsheet ? { spreadsheet: OKR_WORKBOOK } : {}) });
  const answer = vm.runInContext(s.call, ctx) as unknown;
  const t1 = performance.now();
  if (!s.check(answer)) throw new Error(`${s.name}: unexpected answer ${JSON.stringify(answer).slice(0, 300)}`);
  const read = log.calls.filter((c) => c.startsWith('HtmlService.createHtmlOutputFromFile(')).map((c) => /\("(\w+)"\)/.exec(c)![1]!);
  if (i === 0) s.bytes = Object.values(s.dist.scripts).reduce((n, src) => n + Buffer.byteLength(src), 0) + read.reduce((n, f) => n + Buffer.byteLength(s.dist.html[f]!), 0);
  s.cold.push(t1 - t0);
}

/** The same sources with the server as one Server.html (the shape before the split). */
function unsplitBuild(): { dist: Dist; manifest: BuildManifest } {
  const out = path.join(ROOT, 'build', 'bench-unsplit');
  const script = `import { build } from ${JSON.stringify(path.join(ROOT, 'scripts', 'build.mjs'))};
await build({ outDir: 'build/bench-unsplit/dist', buildManifest: 'build/bench-unsplit/build-manifest.json', serverGroups: null, limits: { SERVER_FILE_MAX: 1e9, PROJECT_MAX: 1e9 }, quiet: true });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'pipe' });
  return { dist: readDist(path.join(out, 'dist')), manifest: JSON.parse(fs.readFileSync(path.join(out, 'build-manifest.json'), 'utf8')) as BuildManifest };
}

const okContext = (a: unknown) => {
  const r = a as { ok?: boolean; result?: { sheets?: { name: string; isOkr: boolean }[] } };
  return r.ok === true && r.result?.sheets?.[0]?.isOkr === true;
};
const refused = (a: unknown) => (a as { ok?: boolean; code?: string }).code === 'invalidInput';

export function run() {
  ensureBuilt();
  const ours: Subject = { name: 'this bundle', sources: distScripts().map((f) => [f, fs.readFileSync(path.join(DIST, f), 'utf8')] as const), cold: [], cpu: [] };
  const fullZod: Subject = { name: 'one full-zod schema', sources: [['Ref.js', referenceBundle('zod')]], cold: [], cpu: [] };
  const mini: Subject = { name: 'zod/mini alone', sources: [['Ref.js', referenceBundle('zod/mini')]], cold: [], cpu: [] };
  const shaken: Subject = { name: "full zod tree-shaken (import * as z)", sources: [['Ref.js', referenceBundle('zod', 'namespace')]], cold: [], cpu: [] };
  const subjects = [ours, fullZod, mini, shaken];

  const split = readDist(DIST);
  const manifest = buildManifest();
  const unsplit = unsplitBuild();
  const rpcSubjects: RpcSubject[] = [
    { name: 'rpc getContext, split server (this build)', dist: split, call: 'rpc("getContext", {}, "en")', check: okContext, spreadsheet: true, cold: [], bytes: 0 },
    { name: 'rpc getContext, one Server.html (same sources, unsplit)', dist: unsplit.dist, call: 'rpc("getContext", {}, "en")', check: okContext, spreadsheet: true, cold: [], bytes: 0 },
    // load cost of each file: one method it answers, with a payload it refuses before any work
    ...(manifest.server ?? [])
      .filter((f) => f.methods?.length)
      .map((f): RpcSubject => ({ name: `load ${f.file}.html (rpc ${f.methods![0]} refused)`, dist: split, call: `rpc(${JSON.stringify(f.methods![0])}, 42, "en")`, check: refused, spreadsheet: false, cold: [], bytes: 0 })),
  ];
  for (let i = 0; i < RUNS; i++) {
    for (const s of subjects) coldStart(s, i);
    for (const s of rpcSubjects) rpcColdStart(s, i);
  }
  loadDist(); // sanity: the full stand-in environment loads too

  const top = (m: BuildManifest, file: string, what: string) =>
    (m.server?.find((f) => f.file === file)?.inputs ?? []).slice(0, 10).map((x) => ({ name: `  ${what} ${file}.html, input ${x.input}`, value: x.bytes, unit: 'B' }));
  const [splitCtx, unsplitCtx] = rpcSubjects;

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
    ...serverFiles().map((f) => ({ name: `dist/${f}.html`, value: fs.statSync(path.join(DIST, `${f}.html`)).size, unit: 'B' })),
    { name: 'one Server.html, same sources unsplit (build/bench-unsplit)', value: Buffer.byteLength(unsplit.dist.html.Server ?? ''), unit: 'B' },
    { name: 'dist/ in all (what clasp pushes; the build caps it at 8 MB)', value: fs.readdirSync(DIST).reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0), unit: 'B' },
    ...rpcSubjects.map((s) => ({ name: `bytes evaluated: ${s.name}`, value: s.bytes, unit: 'B' })),
    ...rpcSubjects.map((s) => ({ name: `cold start: ${s.name} (median of ${RUNS}, wall)`, value: median(s.cold), unit: 'ms' })),
    {
      name: 'rpc getContext cold start: split ÷ one Server.html (wall, same run)',
      value: median(splitCtx!.cold) / median(unsplitCtx!.cold),
      unit: '×',
    },
    {
      name: 'rpc getContext cold start ÷ one full-zod schema custom-function cold start (wall, same run)',
      value: median(splitCtx!.cold) / median(fullZod.cold),
      unit: '×',
      budget: 1,
      note: 'the sidebar opening costs no more than one full-zod custom-function cold start',
    },
    ...top(unsplit.manifest, 'Server', 'unsplit'),
    ...top(manifest, 'Server', 'split'),
  ];
}
