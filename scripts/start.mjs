/**
 * `npm start`: builds the playground server for Node and the sidebar HTML, then serves the
 * playground on 127.0.0.1 (PORT env, default 8787; PORT=0 picks a free one) and prints its URL.
 * Loopback only. Ctrl-C stops it.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSidebar } from './build-sidebar.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'build', 'playground.mjs');

const t0 = Date.now();
await build({
  entryPoints: [path.join(root, 'src/local/playground/server.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: out,
  packages: 'external',
  logLevel: 'warning',
});
const sidebarHtml = await buildSidebar();
const { startPlayground } = await import(pathToFileURL(out).href);

const port = process.env.PORT === undefined ? 8787 : Number(process.env.PORT);
const lang = /^zh/i.test(process.env.OKR_LANG ?? 'zh-CN') ? 'zh-CN' : 'en';
const pg = await startPlayground({ sidebarHtml, port, lang, assetsDir: path.join(root, 'src/local/playground') });
console.log(`OKR Sheets playground (built in ${Date.now() - t0} ms): ${pg.url}`);
console.log('Loopback only. Press Ctrl-C to stop.');

const stop = async () => {
  await pg.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
