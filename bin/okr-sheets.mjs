#!/usr/bin/env node
/**
 * okr-sheets CLI launcher. Bundles src/local/cli/main.ts with esbuild (platform node, ESM,
 * packages external) into node_modules/.cache/okr-sheets/cli.mjs — only when a file under src/
 * or templates/ (or this launcher) is newer than that bundle — then runs it. Prints nothing of
 * its own: stdout and stderr belong to the command. A failed build prints esbuild's errors on
 * stderr and exits 1.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src', 'local', 'cli', 'main.ts');
const cacheDir = join(root, 'node_modules', '.cache', 'okr-sheets');
const out = join(cacheDir, 'cli.mjs');

function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs; // a deleted or renamed file changes the directory
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

function stale() {
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return [join(root, 'src'), join(root, 'templates'), fileURLToPath(import.meta.url)].some((p) => newest(p) > built);
}

async function bundle() {
  const { build } = await import('esbuild');
  let result;
  try {
    result = await build({
      entryPoints: { cli: entry },
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outdir: cacheDir,
      chunkNames: 'chunks/[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
    });
  } catch (e) {
    const errors = e && Array.isArray(e.errors) ? e.errors : [{ text: String(e) }];
    for (const err of errors) {
      const loc = err.location ? `${err.location.file}:${err.location.line}:${err.location.column}: ` : '';
      process.stderr.write(`okr-sheets: build failed: ${loc}${err.text}\n`);
    }
    return false;
  }
  // Each file is written then renamed, chunks (content-hashed names) before the entry, so a
  // concurrent run never imports half a file or a missing chunk.
  const files = [...result.outputFiles].sort((a, b) => (a.path === out) - (b.path === out));
  for (const f of files) {
    mkdirSync(dirname(f.path), { recursive: true });
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  // Drop chunks of older builds (kept for an hour in case another run still uses them).
  const keep = new Set(files.map((f) => f.path));
  const chunks = join(cacheDir, 'chunks');
  for (const name of existsSync(chunks) ? readdirSync(chunks) : []) {
    const p = join(chunks, name);
    try {
      if (!keep.has(p) && Date.now() - statSync(p).mtimeMs > 3600_000) unlinkSync(p);
    } catch {
      // another run removed it first
    }
  }
  return true;
}

if (stale() && !(await bundle())) {
  process.exitCode = 1;
} else {
  const cli = await import(pathToFileURL(out).href);
  process.exitCode = await cli.cliMain(process.argv.slice(2));
}
