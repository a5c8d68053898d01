/**
 * Bundles the CLI (src/local/cli/main.ts, the same entry as bin/okr-sheets.mjs) once into
 * node_modules/.cache/okr-fuzz/<pid>/cli.mjs, so that npm packages resolve from there. No test
 * framework here: bench/fuzz.bench.ts uses it too.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export async function bundleCli(root: string): Promise<string> {
  const { build } = await import('esbuild');
  const outdir = join(root, 'node_modules', '.cache', 'okr-fuzz', String(process.pid));
  mkdirSync(outdir, { recursive: true });
  await build({
    stdin: {
      // the real process streams, as bin/okr-sheets.mjs runs it
      contents: `import { cliMain } from ${JSON.stringify(join(root, 'src/local/cli/main.ts'))};\nprocess.exitCode = await cliMain();\n`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: join(outdir, 'cli.mjs'),
    logLevel: 'silent',
  });
  return join(outdir, 'cli.mjs');
}
