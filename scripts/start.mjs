/**
 * `npm start [-- path/to/file.xlsx]`: builds the playground server for Node and the sidebar HTML,
 * then serves the playground on 127.0.0.1 (PORT env, default 8787; PORT=0 picks a free one) and
 * prints its URL. With a file, the playground opens that workbook instead of the sample (a missing
 * or unreadable file: a clear message and exit 2). Loopback only. Ctrl-C stops it.
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
const { startPlayground, loadPlaygroundFile } = await import(pathToFileURL(out).href);

const port = process.env.PORT === undefined ? 8787 : Number(process.env.PORT);
// OKR_LANG decides when set; with a file, the file's own language; else Chinese.
const envLang = process.env.OKR_LANG === undefined ? undefined : /^zh/i.test(process.env.OKR_LANG) ? 'zh-CN' : 'en';
const msgLang = envLang ?? (/^zh/i.test(process.env.LANG ?? '') ? 'zh-CN' : 'en');
const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
  console.error(msgLang === 'zh-CN' ? '用法：npm start [-- 文件.xlsx]' : 'Usage: npm start [-- file.xlsx]');
  process.exit(2);
}
let workbook;
if (args[0]) {
  const loaded = await loadPlaygroundFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), args[0])); // npm runs scripts from the package root
  if (!loaded.ok) {
    console.error(loaded.message[msgLang]);
    process.exit(2);
  }
  workbook = loaded.file;
}
const pg = await startPlayground({
  sidebarHtml,
  port,
  ...(envLang ? { lang: envLang } : {}),
  ...(workbook ? { workbook } : {}),
  assetsDir: path.join(root, 'src/local/playground'),
});
if (workbook) console.log(`${workbook.name}: ${workbook.plan.sheets.length} sheet(s)`);
console.log(`OKR Sheets playground (built in ${Date.now() - t0} ms): ${pg.url}`);
console.log('Loopback only. Press Ctrl-C to stop.');

const stop = async () => {
  await pg.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
