/**
 * The sidebar's server as Apps Script runs it (issue 16 §3, §5): split into Server*.html files so
 * that one `google.script.run` call — a fresh execution — reads and evaluates only the code of
 * its group of methods. Sizes are asserted here (bytes are deterministic); the cold-start
 * timings they stand for are printed by `npm run bench -- bundle`.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, SERVER_GROUPS, build } from '../../scripts/build.mjs';
import { RPC_METHODS } from '../../src/addon/rpc/contract';
import { DIST, OKR_WORKBOOK, ROOT, buildManifest, distScripts, ensureBuilt, loadDist, serverFiles, type BuildManifest } from './sandbox';

let manifest: BuildManifest;
beforeAll(() => {
  ensureBuilt();
  manifest = buildManifest();
});

const KB = 1024;
const size = (f: string) => fs.statSync(path.join(DIST, f)).size;
const html = (file: string) => fs.readFileSync(path.join(DIST, `${file}.html`), 'utf8');
/** The script text inside a Server*.html (what the loader evaluates). */
const script = (file: string) => {
  const h = html(file);
  return h.slice(h.indexOf('\n', h.indexOf('<script type="text/plain"')) + 1, h.lastIndexOf('</script>'));
};
const readsOf = (calls: string[]) => calls.filter((c) => c.startsWith('HtmlService.'));

/**
 * Budgets. Before the split one Server.html of 760 KB was read and evaluated by every rpc (Code.js
 * included, ≈ 900 KB); V8's cold start grows about linearly with the bytes it parses (the bench
 * prints both), so bytes per call are what these hold down:
 *   - the file the sidebar reads when it opens (getContext; also selectCell, listKrs, krHistory):
 *     ≤ 170 KB (151 KB today), which with the .js files is about a third of what every call
 *     evaluated before;
 *   - any server file: ≤ 450 KB (the largest today, ≈ 390 KB, is the hub's distribution file,
 *     whose actions create and fill whole spreadsheets — seconds of Sheets work, so its load
 *     matters least), still 40 % less than the single file was.
 */
const BUDGET = { sidebarOpen: 170 * KB, anyFile: 450 * KB };

describe('split server files (what one rpc reads)', () => {
  it('dist/ holds one Server*.html per group with methods, and the manifest says which answers what', () => {
    const files = serverFiles();
    expect(files[0]).toBe('Server');
    expect(files.length).toBeGreaterThan(3);
    expect((manifest.server ?? []).map((f) => f.file).sort()).toEqual(files);
  });

  it('every RPC method is answered by exactly one file, whose handler table holds exactly its methods', () => {
    const byFile = manifest.server!;
    const all = byFile.flatMap((f) => f.methods ?? []);
    expect([...all].sort()).toEqual([...RPC_METHODS].sort());
    expect(new Set(all).size).toBe(all.length);
    for (const f of byFile) {
      const text = script(f.file);
      const start = text.indexOf('var RPC_HANDLERS = {');
      if (!f.methods?.length) {
        expect(start, f.file).toBe(-1); // a trigger's file carries no RPC server at all
        continue;
      }
      expect(start, f.file).toBeGreaterThan(0);
      const block = text.slice(start, text.indexOf('\n\t};', start));
      const keys = [...block.matchAll(/^\t\t(\w+): /gm)].map((m) => m[1]);
      expect(keys.sort(), f.file).toEqual([...(f.methods ?? [])].sort());
    }
  });

  it('Code.js routes each method to its file: one HtmlService read, of that file, per execution', () => {
    const fileOf = new Map(manifest.server!.flatMap((f) => (f.methods ?? []).map((m) => [m, f.file] as const)));
    for (const method of RPC_METHODS) {
      const log = { calls: [] as string[] };
      const ctx = loadDist({ log });
      // a payload every schema refuses: the file is loaded and its dispatch answers, nothing else runs
      const res = vm.runInContext(`rpc(${JSON.stringify(method)}, 42, "en")`, ctx) as { ok: boolean; code: string };
      expect(res, method).toMatchObject({ ok: false, code: 'invalidInput' });
      expect(readsOf(log.calls), method).toEqual([`HtmlService.createHtmlOutputFromFile("${fileOf.get(method)}")`]);
    }
    // onOpen and custom functions read none; the reminder trigger reads its own file
    const log = { calls: [] as string[] };
    const ctx = loadDist({ log });
    vm.runInContext('onOpen({ authMode: "LIMITED" }); OKRSCORE([[1]])', ctx);
    expect(readsOf(log.calls)).toEqual([]);
    const scheduled = manifest.server!.find((f) => f.entries.includes('runScheduledReminders'))!;
    expect(scheduled).toMatchObject({ methods: [], entries: ['runScheduledReminders'] });
    try {
      vm.runInContext('runScheduledReminders({})', ctx);
    } catch {
      /* no ScriptApp / spreadsheet here: what matters is which file it read */
    }
    expect(readsOf(log.calls)).toEqual([`HtmlService.createHtmlOutputFromFile("${scheduled.file}")`]);
  });

  it('the sidebar opening (rpc getContext) reads Server.html once and the spreadsheet once per sheet', () => {
    const log = { calls: [] as string[] };
    const ctx = loadDist({ log, spreadsheet: OKR_WORKBOOK });
    const res = vm.runInContext('rpc("getContext", {}, "en")', ctx) as { ok: boolean; result: unknown };
    expect(res).toEqual({
      ok: true,
      result: {
        lang: 'en',
        spreadsheetName: 'Support team OKRs',
        activeSheet: 'Support OKR',
        sheets: [
          { name: 'Support OKR', isOkr: true },
          { name: 'Notes', isOkr: false },
        ],
      },
    });
    expect(readsOf(log.calls)).toEqual(['HtmlService.createHtmlOutputFromFile("Server")']);
    expect(log.calls.filter((c) => c === 'Spreadsheet.findDeveloperMetadata')).toHaveLength(1);
    expect(log.calls.filter((c) => c === 'Range.getValues')).toHaveLength(OKR_WORKBOOK.length);
    // a second call in the same execution evaluates nothing again
    vm.runInContext('rpc("getContext", {}, "zh-CN")', ctx);
    expect(readsOf(log.calls)).toHaveLength(1);
  });

  it('a call answered by another file works from it alone (listTemplates from ServerTemplates.html)', () => {
    const log = { calls: [] as string[] };
    const ctx = loadDist({ log, spreadsheet: OKR_WORKBOOK });
    const res = vm.runInContext('rpc("listTemplates", {}, "zh-CN")', ctx) as { ok: boolean; result: { departments: { id: string }[] } };
    expect(res.ok).toBe(true);
    expect(res.result.departments.map((d) => d.id)).toContain('sales');
    expect(readsOf(log.calls)).toEqual(['HtmlService.createHtmlOutputFromFile("ServerTemplates")']);
  });

  it('a file carries only what its methods use: no template library, plan builder or diagnostics in Server.html', () => {
    const text = script('Server');
    expect(text).not.toMatch(/\n\t\/\/ (templates\/\w+\.json|src\/addon\/diagnostics\/)/);
    expect(text).not.toMatch(/\n\tfunction (buildOkrSheetPlan|applyWorkbookPlanDetailed)\(/);
    expect(script('ServerTemplates')).toMatch(/\n\t\/\/ templates\/sales\.json\n/);
    expect(script('ServerTemplates')).toMatch(/\n\tfunction buildOkrSheetPlan\(/);
    expect(script('ServerDiagnostics')).toMatch(/\n\t\/\/ src\/addon\/diagnostics\/run\.ts\n/);
  });
});

describe('budgets (bytes; timings in npm run bench -- bundle)', () => {
  it(`Server.html (sidebar open) ≤ ${BUDGET.sidebarOpen / KB} KB; with the .js files about a third of the single file's 860 KB`, () => {
    expect(size('Server.html')).toBeLessThanOrEqual(BUDGET.sidebarOpen);
    const evaluated = distScripts().reduce((n, f) => n + size(f), 0) + size('Server.html');
    expect(evaluated).toBeLessThan(320 * KB);
  });

  it(`every server file ≤ ${BUDGET.anyFile / KB} KB, and under the build's own cap`, () => {
    for (const f of serverFiles()) {
      expect(size(`${f}.html`), f).toBeLessThanOrEqual(BUDGET.anyFile);
      expect(size(`${f}.html`), f).toBeLessThanOrEqual(LIMITS.SERVER_FILE_MAX);
    }
    const project = fs.readdirSync(DIST).reduce((n, f) => n + size(f), 0);
    expect(project).toBeLessThanOrEqual(LIMITS.PROJECT_MAX);
  });

  it('every group in SERVER_GROUPS names methods the contract has (a renamed method is not silently moved)', () => {
    for (const g of SERVER_GROUPS) for (const m of g.methods) expect(RPC_METHODS, `${g.file}: ${m}`).toContain(m);
    expect(manifest.notes.filter((n) => /SERVER_GROUPS/.test(n))).toEqual([]);
  });
});

describe('readable like Code.js (issue 16 §3)', () => {
  it('line breaks and names kept, one tab a level, a stack names the file', () => {
    for (const f of serverFiles()) {
      const text = script(f);
      const lines = text.split('\n');
      expect(lines.length, f).toBeGreaterThan(3000);
      expect(text, f).toMatch(/\n\t\/\/ src\/(addon|core|sheets)\/[\w/]+\.ts\n/); // module markers, one tab a level
      if (f !== 'ServerScheduled') expect(text, f).toMatch(/\n\tfunction dispatch\(\w+, payload, ctx, \w+\) \{\n/); // names as written
      // two-space indentation only survives inside multi-line template literals
      expect(lines.filter((l) => /^ {2}/.test(l)).length, f).toBeLessThan(lines.length / 50);
      // few long lines: a template's JSON string, a word list, one zod expression — never a squeezed module
      expect(lines.filter((l) => l.length > 400).length, f).toBeLessThan(30);
      expect(Math.max(...lines.map((l) => l.length)), f).toBeLessThan(32 * KB);
    }
    const log = { calls: [] as string[] };
    const ctx = loadDist({ log });
    // getActiveSpreadsheet() is null here: each call fails, is logged with its stack, names its file
    for (const [method, file] of [['listKrs', 'Server'], ['previewAdopt', 'ServerImport']] as const) {
      const res = vm.runInContext(`rpc("${method}", {}, "en")`, ctx) as { code: string };
      expect(res.code, method).toBe('internal');
      const line = log.calls.find((c) => c.startsWith('console.error(') && c.includes(`rpc ${method} failed`))!;
      expect(line, method).toMatch(new RegExp(`at (\\w+\\.)?\\w+ \\(${file}\\.js:\\d+:\\d+\\)`));
    }
  });
});

describe('the build', () => {
  const FIX = path.join(ROOT, 'build', 'test-fixtures');
  const fixture = (name: string, files: Record<string, string>) => {
    const dir = path.join(FIX, name);
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [f, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), content);
    }
    const rel = (f: string) => path.relative(ROOT, path.join(dir, f)).split(path.sep).join('/');
    return { entry: rel('main.ts'), menu: rel('menu.ts'), contract: rel('contract.ts'), server: rel('server.ts'), sidebarBuilder: rel('none.mjs'), outDir: rel('dist'), buildManifest: null, quiet: true };
  };
  const twoMethods = {
    'main.ts': `export { rpc } from './server';\n`,
    'contract.ts': `export const RPC_METHODS = ['ping', 'pong'];\n`,
    'ping.ts': `export const PING_WORDS = ['ping-only-text'];\nexport function ping() { return PING_WORDS[0]; }\n`,
    'pong.ts': `export const PONG_WORDS = ['pong-only-text'];\nexport function pong() { return PONG_WORDS[0]; }\n`,
    'server.ts': `import { ping } from './ping';\nimport { pong } from './pong';\nexport const RPC_HANDLERS: Record<string, () => string> = {\n  ping: () => ping(),\n  pong: () => pong(),\n};\nexport function rpc(method: string) { const h = RPC_HANDLERS[method]; return h ? h() : 'unknown ' + method; }\n`,
  };

  it('splits by SERVER_GROUPS-like groups: each file bundles only its methods, Code.js routes', async () => {
    const o = fixture('split', twoMethods);
    await build({ ...o, serverGroups: [{ file: 'Server', methods: ['ping'] }, { file: 'ServerPong', methods: ['pong'] }] });
    const dist = path.join(ROOT, o.outDir);
    const one = fs.readFileSync(path.join(dist, 'Server.html'), 'utf8');
    const two = fs.readFileSync(path.join(dist, 'ServerPong.html'), 'utf8');
    expect(one).toContain('ping-only-text');
    expect(one).not.toContain('pong-only-text');
    expect(two).toContain('pong-only-text');
    expect(two).not.toContain('ping-only-text');
    const log = { calls: [] as string[] };
    const ctx = loadDist({ dir: dist, log });
    expect(vm.runInContext('[rpc("pong"), rpc("ping"), rpc("nope")]', ctx)).toEqual(['pong-only-text', 'ping-only-text', 'unknown nope']);
    expect(readsOf(log.calls)).toEqual(['HtmlService.createHtmlOutputFromFile("ServerPong")', 'HtmlService.createHtmlOutputFromFile("Server")']);
  });

  it('refuses a server file over the size cap, naming its largest inputs', async () => {
    const o = fixture('cap', twoMethods);
    await expect(build({ ...o, serverGroups: null, limits: { SERVER_FILE_MAX: 600, PROJECT_MAX: 1e9 } })).rejects.toThrow(
      /Server\.html is \d+ B, over the 600 B a server file may hold .*build\/test-fixtures\/cap\/server\.ts/,
    );
    await expect(build({ ...o, serverGroups: null, limits: { SERVER_FILE_MAX: 1e9, PROJECT_MAX: 2000 } })).rejects.toThrow(/over the 2000 B cap for the whole project/);
  });
});
