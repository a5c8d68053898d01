/**
 * Builds the sidebar into ONE self-contained HTML string (design §5): esbuild bundles
 * src/sidebar/main.ts (IIFE, es2019, minified) and the stylesheet, both inlined.
 * `<html data-okr-lang="auto">` is the placeholder `showSidebar()` and the playground replace
 * with the user's language.
 *
 * Used by scripts/build.mjs (writes dist/Sidebar.html) and scripts/start.mjs (playground).
 * Run directly to print the size: `node scripts/build-sidebar.mjs`.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root: up from this file (also when bundled elsewhere, e.g. by the bench runner). */
function findRoot() {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'src/sidebar/main.ts'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
const root = findRoot();

/** Keeps inlined code from closing its own element early. */
const safeInline = (code, tag) => code.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');

export async function buildSidebar({ minify = true } = {}) {
  const js = await build({
    entryPoints: [path.join(root, 'src/sidebar/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify,
    legalComments: 'none',
    charset: 'utf8',
    tsconfig: path.join(root, 'src/sidebar/tsconfig.json'),
    logLevel: 'silent',
  });
  const css = await build({
    entryPoints: [path.join(root, 'src/sidebar/styles.css')],
    bundle: true,
    write: false,
    minify,
    charset: 'utf8',
    logLevel: 'silent',
  });
  const jsText = js.outputFiles[0].text;
  const cssText = css.outputFiles[0].text;
  return `<!DOCTYPE html>
<html data-okr-lang="auto">
<head>
<base target="_top">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OKR Sheets</title>
<style>${safeInline(cssText, 'style')}</style>
</head>
<body>
<div id="app"></div>
<script>${safeInline(jsText, 'script')}</script>
</body>
</html>
`;
}

/** Puts the user's language into the placeholder (`zh-CN` | `en`). */
export function withLang(html, lang) {
  return html.replace('data-okr-lang="auto"', `data-okr-lang="${lang === 'zh-CN' ? 'zh-CN' : 'en'}"`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const html = await buildSidebar();
  console.log(`sidebar: ${Buffer.byteLength(html)} bytes`);
}
