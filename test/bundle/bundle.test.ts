/**
 * The Apps Script bundle as Apps Script sees it: every dist/*.js in one fresh V8 context holding
 * only stand-ins for the Apps Script services. `npm test` builds first; the test rebuilds when
 * dist/ is missing or older than its sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.mjs';
import { DIST, ROOT, buildManifest, distScripts, ensureBuilt, loadDist, type BuildManifest } from './sandbox';

let manifest: BuildManifest;
beforeAll(() => {
  ensureBuilt();
  manifest = buildManifest();
});

const CLASP_FILES = new Set(['Code.js', 'Entrypoints.js', 'CustomFunctions.js', 'appsscript.json', 'Sidebar.html', 'Server.html']);

describe('dist/ (what clasp push sends)', () => {
  it('holds the bundle, the stubs, the manifest (and the sidebar) and nothing else', () => {
    const files = fs.readdirSync(DIST);
    // Server*.html: the sidebar's server code, one file per group of RPC methods (server.test.ts)
    for (const f of files) expect(CLASP_FILES.has(f) || /^Server\w+\.html$/.test(f), `unexpected dist/${f}`).toBe(true);
    for (const f of ['Code.js', 'Entrypoints.js', 'CustomFunctions.js', 'appsscript.json']) expect(files).toContain(f);
    expect(JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'))).toEqual(
      JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')),
    );
  });

  it('every script is a plain script: no import, export or require', () => {
    for (const f of distScripts()) {
      const code = fs.readFileSync(path.join(DIST, f), 'utf8');
      expect(() => new vm.Script(code, { filename: f })).not.toThrow();
      expect(code).not.toMatch(/^\s*(import|export)\b/m);
      expect(code).not.toMatch(/\brequire\(|__require\b/);
    }
  });

  it('the bundle contains none of src/local, HyperFormula, exceljs or full zod', () => {
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    expect(code).not.toMatch(/src\/local\/|node_modules\/(hyperformula|exceljs)|zod\/v4\/classic/);
  });
});

describe('loaded into a fresh context with only the Apps Script stand-ins', () => {
  it('defines every entry point main.ts exports as a global function', () => {
    const ctx = loadDist();
    const names = manifest.entryPoints.map((e) => e.name);
    expect(names).toContain('onOpen');
    expect(names).toContain('OKRSCORE');
    for (const n of names) expect(typeof ctx[n], n).toBe('function');
    // …and the bundle exposes nothing without a stub
    expect(Object.keys(ctx.OKRSheets as object).sort()).toEqual([...names].sort());
  });

  it('does not depend on the order the files are loaded in', () => {
    const ctx = loadDist({ order: distScripts().reverse() });
    expect(vm.runInContext('OKRSCORE([[0.5], [1]])', ctx)).toBeCloseTo(0.75);
  });

  it('every custom function answers a 2-D range from the global scope', () => {
    const ctx = loadDist();
    const call = (expr: string) => vm.runInContext(expr, ctx);
    const custom = manifest.entryPoints.filter((e) => e.custom).map((e) => e.name).sort();
    expect(custom).toEqual(['KRPROGRESS', 'OKRCHECK', 'OKRGRADE', 'OKRPACE', 'OKRPARSE', 'OKRROLLUP', 'OKRRUBRIC', 'OKRSCORE']);
    expect(call('OKRRUBRIC([[1600], [900]], [[1000, 1500, 2000]], [[0.3, 0.7, 1]])')).toEqual([[0.7], [0]]);

    expect(call('OKRSCORE([[0.5], [1], [""]], [[1], [3], [""]])')).toBeCloseTo(0.875);
    expect(call('KRPROGRESS([[5], [8]], [[10], [10]], [[0], [0]])')).toEqual([[0.5], [0.8]]);
    expect(call('OKRSCORE(KRPROGRESS([[5], [8]], [[10], [10]], [[0], [0]]), [[1], [1]])')).toBeCloseTo(0.65);
    expect(call('OKRGRADE([[0.3], [0.7]], "zh-CN")')).toEqual([['红（未达预期）'], ['绿（达成）']]);
    expect(call('OKRPACE([[0.35], [1]], new Date(2026, 9, 1), new Date(2026, 11, 31), new Date(2026, 10, 15))')).toEqual([['On track'], ['Done']]);
    const parsed = call('OKRPARSE([["Raise NPS from 45 to 60"], [""]])') as unknown[][];
    expect(parsed).toHaveLength(2);
    expect(parsed[0]!.slice(2, 4)).toEqual([45, 60]);
    const check = call(`OKRCHECK(${JSON.stringify([
      ['ID', 'Type', 'Objective / Key result', 'Owner', 'Target', 'Current'],
      ['O1', 'Objective', 'Grow', 'Ann', '', ''],
      ['O1.KR1', 'Increase', 'Attend meetings', '', 'xx', ''],
    ])})`) as unknown[][];
    expect(check.length).toBeGreaterThan(0);
    for (const row of check) expect(row).toHaveLength(4);
    expect(call('OKRROLLUP([["P"], ["A"], ["B"]], [[""], ["P"], ["P"]], [[""], [0], [1]])')).toEqual([[0.5], [0], [1]]);
  });

  it('loads the server code lazily: the sidebar RPC entry point answers from the global scope', () => {
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    expect(code).toMatch(/__esm\(/); // modules initialise on first use
    const ctx = loadDist();
    const res = vm.runInContext('rpc("noSuchMethod", {}, "en")', ctx) as { ok: boolean; code?: string; message?: string };
    expect(res.ok).toBe(false);
    expect(res.code).toBe('unknownMethod');
    expect(res.message).toMatch(/noSuchMethod/);
  });

  it('bad input reaches the cell as one short message, not a stack trace', () => {
    const ctx = loadDist();
    expect(() => vm.runInContext('OKRSCORE([[0.5], [1]], [[1]])', ctx)).toThrow(/^OKRSCORE: weights must be the same size as progress/);
  });

  it('onOpen builds the add-on menu; every item calls a global function', () => {
    const log = { calls: [] as string[] };
    const ctx = loadDist({ log });
    vm.runInContext('onOpen({ authMode: "LIMITED" })', ctx);
    expect(log.calls).toContain('Menu.addToUi()');
    const items = log.calls.filter((c) => c.startsWith('Menu.addItem('));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const fn = /, "(\w+)"\)$/.exec(item)![1]!;
      expect(typeof ctx[fn], fn).toBe('function');
    }
  });
});

describe('small, readable, and only the custom functions parsed on their cold start (issue 16 §3, §5)', () => {
  const code = () => fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');

  it('the Apps Script JavaScript is under 150 KB, with line breaks and names kept', () => {
    const bytes = distScripts().reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
    expect(bytes).toBeLessThan(150 * 1024);
    const lines = code().split('\n');
    expect(lines.length).toBeGreaterThan(1000);
    // the only long lines are single regex / word-list literals, never a squeezed module
    expect(lines.filter((l) => l.length > 400).length).toBeLessThan(10);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(4000);
    expect(code()).toMatch(/\n\t\/\/ src\/core\/progress\.ts\n/); // module markers, one tab a level
    expect(lines.filter((l) => /^ {2}/.test(l)).length).toBeLessThan(5); // only inside template literals
    expect(code()).toMatch(/function krProgress\(/); // names as written
  });

  it('Code.js holds no server code: no templates, plans, zod or RPC handlers', () => {
    expect(code()).not.toMatch(/\/\/ (templates\/|src\/core\/plan\/|src\/addon\/rpc\/server|node_modules\/zod)/);
    const server = fs.readFileSync(path.join(DIST, 'Server.html'), 'utf8');
    expect(server).toMatch(/\/\/ src\/addon\/rpc\/server\.ts/);
    expect(server).toMatch(/^<!--[^\n]*-->\n<script type="text\/plain" id="okr-server">\n/);
    expect(server.indexOf('</script')).toBe(server.lastIndexOf('</script')); // only the closing tag
  });

  it('a custom function never reads Server.html; the first rpc of an execution reads it once', () => {
    const log = { calls: [] as string[] };
    const ctx = loadDist({ log });
    expect(vm.runInContext('OKRSCORE([[0.5], [1]])', ctx)).toBeCloseTo(0.75);
    expect(log.calls.filter((c) => c.startsWith('HtmlService'))).toEqual([]);
    vm.runInContext('rpc("noSuchMethod", {}, "en"); rpc("noSuchMethod", {}, "zh-CN")', ctx);
    expect(log.calls.filter((c) => c.startsWith('HtmlService'))).toEqual(['HtmlService.createHtmlOutputFromFile("Server")']);
  });

  it('a server failure is logged with a stack that names Server.js and its real function names', () => {
    const log = { calls: [] as string[] };
    const ctx = loadDist({ log }); // getActiveSpreadsheet() is null here: every sheet call throws
    const res = vm.runInContext('rpc("getContext", {}, "en")', ctx) as { ok: boolean; code: string; message: string };
    expect(res).toMatchObject({ ok: false, code: 'internal' });
    const ref = /reference (\w{6})/.exec(res.message)![1]!;
    const line = log.calls.find((c) => c.startsWith('console.error('))!;
    expect(line).toContain(`ref ${ref}`);
    expect(line).toMatch(/Server\.js:\d+:\d+/);
    expect(line).toMatch(/at (\w+\.)?(getContextInfo|dispatch|rpc) /);
  });

  it('a missing or damaged Server.html says what to do', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'build', 'dist-copy-'));
    try {
      for (const f of fs.readdirSync(DIST)) fs.copyFileSync(path.join(DIST, f), path.join(dir, f));
      fs.writeFileSync(path.join(dir, 'Server.html'), '<html>nothing here</html>');
      const ctx = loadDist({ dir });
      expect(() => vm.runInContext('rpc("getContext", {}, "en")', ctx)).toThrow(/Server\.html is missing or damaged: deploy the add-on again/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the custom-function stubs (autocomplete)', () => {
  const src = () => fs.readFileSync(path.join(DIST, 'CustomFunctions.js'), 'utf8');
  it('carry their JSDoc: @customfunction, a @param per parameter, @return', () => {
    const text = src();
    for (const e of manifest.entryPoints.filter((x) => x.custom)) {
      const m = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\nfunction ${e.name}\\(([^)]*)\\)`).exec(text);
      expect(m, e.name).not.toBeNull();
      const [, doc, params] = m!;
      expect(doc).toMatch(/@customfunction/);
      expect(doc).toMatch(/@return \{/);
      expect(params!.split(', ').filter(Boolean)).toEqual(e.params);
      for (const p of e.params) expect(doc, `${e.name} @param ${p}`).toMatch(new RegExp(`@param \\{[^}]+\\} ${p} \\S`));
    }
  });
  it('entry-point stubs keep the real parameter names and forward to the bundle', () => {
    const text = fs.readFileSync(path.join(DIST, 'Entrypoints.js'), 'utf8');
    expect(text).toMatch(/function onOpen\(\w*\) \{\n\treturn OKRSheets\.onOpen\.apply\(null, arguments\);\n\}/);
    expect(src()).toMatch(/function KRPROGRESS\(current, target, start, type\)/);
  });
});

describe('the build refuses', () => {
  const FIX = path.join(ROOT, 'build', 'test-fixtures');
  const fixture = (name: string, files: Record<string, string>) => {
    const dir = path.join(FIX, name);
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [f, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), content);
    }
    const rel = (f: string) => path.relative(ROOT, path.join(dir, f)).split(path.sep).join('/');
    return {
      entry: rel('main.ts'),
      menu: rel('menu.ts'),
      contract: rel('contract.ts'),
      server: rel('server.ts'),
      sidebarBuilder: rel('none.mjs'),
      outDir: rel('dist'),
      buildManifest: null,
      quiet: true,
    };
  };

  it('a Node built-in in the bundle', async () => {
    const o = fixture('node-builtin', { 'main.ts': `import fs from 'node:fs';\nexport function f() { return fs.existsSync('x'); }\n` });
    await expect(build(o)).rejects.toThrow(/Node built-in "node:fs" cannot go into the Apps Script bundle \(imported by build\/test-fixtures\/node-builtin\/main.ts\)/);
  });

  it('src/local (HyperFormula) in the bundle', async () => {
    const o = fixture('local', { 'main.ts': `export { registerOkrFunctions } from '../../../src/local/hfPlugin';\n` });
    await expect(build(o)).rejects.toThrow(/"hyperformula" cannot go into the Apps Script bundle|src\/local/);
  });

  it('full zod instead of zod/mini', async () => {
    const o = fixture('zod', { 'main.ts': `import { z } from 'zod';\nexport function f(x: unknown) { return z.string().parse(x); }\n` });
    await expect(build(o)).rejects.toThrow(/import from "zod\/mini"/);
  });

  it('a menu item naming a function main.ts does not export', async () => {
    const o = fixture('menu', {
      'main.ts': `export function onOpen() {}\nexport function menuA() {}\n`,
      'menu.ts': `export const MENU_ITEMS = [\n  { fn: 'menuA', label: { 'zh-CN': '甲', en: 'A' } },\n  { fn: 'menuGone', label: { 'zh-CN': '乙', en: 'Gone' } },\n];\n`,
    });
    await expect(build(o)).rejects.toThrow(/menu item "Gone" calls menuGone\(\), which build\/test-fixtures\/menu\/main.ts does not export/);
  });

  it('an RPC method without a handler, or no rpc entry point', async () => {
    const o = fixture('rpc', {
      'main.ts': `export { rpc } from './server';\n`,
      'contract.ts': `export const RPC_METHODS = ['ping', 'pong'] as const;\n`,
      'server.ts': `export const RPC_HANDLERS: Record<string, () => string> = { ping: () => 'ok' };\nexport function rpc(method: string) { return RPC_HANDLERS[method]?.(); }\n`,
    });
    await expect(build(o)).rejects.toThrow(/RPC method "pong" has no handler in RPC_HANDLERS/);
    const o2 = fixture('rpc2', {
      'main.ts': `import { RPC_HANDLERS } from './server';\nexport function notRpc() { return RPC_HANDLERS; }\n`,
      'contract.ts': `export const RPC_METHODS = ['ping'];\n`,
      'server.ts': `export const RPC_HANDLERS = { ping: () => 'ok' };\n`,
    });
    await expect(build(o2)).rejects.toThrow(/does not export rpc/);
  });

  it('a failing sidebar build, or one that yields no HTML', async () => {
    const o = fixture('sidebar', {
      'main.ts': `export function f() {}\n`,
      'none.mjs': `export async function buildSidebar() { throw new Error('CSS did not compile'); }\n`,
    });
    await expect(build(o)).rejects.toThrow(/the sidebar build failed: CSS did not compile/);
    const o2 = fixture('sidebar2', { 'main.ts': `export function f() {}\n`, 'none.mjs': `export function buildSidebar() { return 42; }\n` });
    await expect(build(o2)).rejects.toThrow(/buildSidebar\(\) returned no HTML/);
    const o3 = fixture('sidebar3', { 'main.ts': `export function f() {}\n`, 'none.mjs': `export function buildSidebar() { return '<p>hi</p>'; }\n` });
    await build(o3);
    expect(fs.readFileSync(path.join(ROOT, o3.outDir, 'Sidebar.html'), 'utf8')).toBe('<p>hi</p>');
  });

  it('an export that is not a function', async () => {
    const o = fixture('nonfn', { 'main.ts': `export const SETTINGS = { a: 1 };\nexport function f() {}\n` });
    await expect(build(o)).rejects.toThrow(/exports "SETTINGS", which is not a function/);
  });

  it('top-level code that calls an Apps Script service', async () => {
    const o = fixture('toplevel', { 'main.ts': `const ui = SpreadsheetApp.getUi();\nexport function f() { return ui; }\n` });
    await expect(build(o)).rejects.toThrow(/top-level code used SpreadsheetApp.getUi/);
  });

  it('(and keeps real parameter names and JSDoc through every kind of re-export)', async () => {
    const o = fixture('reexports', {
      'main.ts': `export * from './star';\nimport { inner } from './named';\nexport { inner as renamed };\nexport { arrow } from './named';\n`,
      'star.ts': `/**\n * Doubles.\n * @param {number} value A number.\n * @return {number} Twice the value.\n * @customfunction\n */\nexport function DOUBLE(value: number) { return 2 * value; }\n`,
      'named.ts': `export function inner(first: string, second?: number) { return first + second; }\nconst arrowImpl = (x: number, { y }: { y: number }) => x + y;\nexport { arrowImpl as arrow };\n`,
    });
    const summary = await build(o);
    const byName = Object.fromEntries(summary.entryPoints.map((e) => [e.name, e]));
    expect(byName.DOUBLE).toMatchObject({ params: ['value'], custom: true });
    expect(byName.renamed).toMatchObject({ params: ['first', 'second'], custom: false });
    expect(byName.arrow).toMatchObject({ params: ['x', 'arg1'], custom: false });
    const dist = path.join(ROOT, o.outDir);
    expect(fs.readFileSync(path.join(dist, 'CustomFunctions.js'), 'utf8')).toContain('/**\n * Doubles.\n * @param {number} value A number.');
    const ctx = vm.createContext({});
    for (const f of ['Code.js', 'CustomFunctions.js', 'Entrypoints.js']) vm.runInContext(fs.readFileSync(path.join(dist, f), 'utf8'), ctx);
    expect(vm.runInContext('[DOUBLE(4), renamed("a", 1), arrow(1, { y: 2 })]', ctx)).toEqual(['8', 'a1', '3'].map((x, i) => (i === 1 ? x : Number(x))));
  });

  it('and lowers class fields (Apps Script V8 rejects them) while keeping a valid build', async () => {
    const o = fixture('classfields', {
      'main.ts': `class Counter { n = 0; inc() { return ++this.n; } }\nexport function count() { return new Counter().inc(); }\n`,
    });
    const summary = await build(o);
    expect(summary.entryPoints.map((e) => e.name)).toEqual(['count']);
    const code = fs.readFileSync(path.join(ROOT, o.outDir, 'Code.js'), 'utf8');
    expect(code).not.toMatch(/class Counter \{\s*n = 0;/);
    const ctx = vm.createContext({});
    for (const f of ['Code.js', 'Entrypoints.js']) vm.runInContext(fs.readFileSync(path.join(ROOT, o.outDir, f), 'utf8'), ctx);
    expect(vm.runInContext('count()', ctx)).toBe(1);
  });
});
