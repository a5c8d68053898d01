#!/usr/bin/env node
/**
 * The Apps Script build (design §5). `npm run build` writes to dist/ exactly what `clasp push`
 * sends:
 *
 *   Code.js             src/addon/main.ts bundled as an IIFE (es2019) into the global `OKRSheets`
 *   Entrypoints.js      `function NAME(a, b) { return OKRSheets.NAME.apply(null, arguments); }` for
 *                       every function main.ts exports (Apps Script finds functions by reading
 *                       the source: menu callbacks, triggers, google.script.run targets)
 *   CustomFunctions.js  the same stubs for custom functions, each with its JSDoc copied from the
 *                       source (`@customfunction`, `@param`, `@return`) so Sheets' autocomplete
 *                       shows it
 *   Server*.html        the sidebar's server code as script text, one file per group of RPC
 *                       methods (SERVER_GROUPS): `rpc` with that group's handlers and what they
 *                       import (actions, sheets, plans, templates, zod/mini). `rpc` in Code.js
 *                       reads and evaluates only the file of the method called (serverBundle) —
 *                       so a custom function's cold start parses Code.js alone, and a sidebar
 *                       call parses Code.js and one file of 150–390 KB, not all 700 KB
 *   Sidebar.html        from `buildSidebar()` in scripts/build-sidebar.mjs (when that file exists)
 *   appsscript.json     the manifest, copied
 *
 * Code.js and Server*.html are not minified (one tab a level, tabIndented): line breaks and names
 * stay, so an Apps Script stack trace (Code.js:123 / ServerCheck.js:456) points at readable code.
 *
 * The build fails (exit 1, one clear message) when:
 *   - the bundle would contain Node built-ins, src/local, HyperFormula, exceljs or full zod;
 *   - the output is not a plain script (import/export/require) or throws while loading;
 *   - a menu item (MENU_ITEMS in src/addon/menu.ts) names a function main.ts does not export;
 *   - an RPC method (RPC_METHODS in src/addon/rpc/contract.ts) has no handler in RPC_HANDLERS
 *     (src/addon/rpc/server.ts), or `rpc` itself is not exported;
 *   - scripts/build-sidebar.mjs exists and fails;
 *   - a server file or the whole of dist/ is over its size cap (LIMITS).
 *
 * Programmatic use: `import { build } from './build.mjs'` → `await build({ quiet: true })`.
 */
import * as esbuild from 'esbuild';
import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { builtinModules } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GLOBAL_NAME = 'OKRSheets';
/** Paths relative to the repository root; `build()` takes overrides (tests build fixtures). */
export const DEFAULTS = {
  entry: 'src/addon/main.ts',
  menu: 'src/addon/menu.ts',
  contract: 'src/addon/rpc/contract.ts',
  server: 'src/addon/rpc/server.ts',
  sidebarBuilder: 'scripts/build-sidebar.mjs',
  manifest: 'appsscript.json',
  outDir: 'dist',
  buildManifest: 'build/build-manifest.json',
  /** ship lazy entry points (see lazyBundle); false = main.ts bundled as written */
  lazy: true,
  /** entry points whose code ships in Server.html (with lazy: true); [] = everything in Code.js */
  serverEntries: ['rpc', 'runScheduledReminders'],
  /** how the server code is split into files (undefined = SERVER_GROUPS; null = one Server.html) */
  serverGroups: undefined,
  /** size caps (undefined = LIMITS) */
  limits: undefined,
  quiet: false,
};
const FORBIDDEN_PACKAGES = ['hyperformula', 'exceljs', 'playwright-core', 'fast-check', 'vitest'];

export class BuildError extends Error {}
const fail = (msg) => {
  throw new BuildError(msg);
};
const rel = (p) => path.relative(ROOT, p).split(path.sep).join('/');
const abs = (p) => path.join(ROOT, p);
const exists = (p) => fs.existsSync(abs(p));

/** Writes through a temporary file so a concurrent reader never sees half a file. */
function writeAtomic(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

function formatEsbuildError(e) {
  if (!e || !Array.isArray(e.errors)) return String(e?.message ?? e);
  return e.errors
    .map((m) => (m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ${m.text}` : m.text))
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// 1. Bundle

const isBuiltin = (spec) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);

/** Refuses, at resolve time, what must never reach Apps Script (with the importer named). */
const guardPlugin = {
  name: 'apps-script-guard',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const by = args.importer ? rel(args.importer) : '(entry)';
      if (isBuiltin(args.path)) {
        return { errors: [{ text: `Node built-in "${args.path}" cannot go into the Apps Script bundle (imported by ${by})` }] };
      }
      const pkg = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      if (FORBIDDEN_PACKAGES.includes(pkg)) {
        return { errors: [{ text: `"${args.path}" cannot go into the Apps Script bundle (imported by ${by}); it belongs to src/local or tests` }] };
      }
      if (args.path === 'zod' || args.path === 'zod/v4' || args.path === 'zod/v4/classic') {
        return { errors: [{ text: `full zod ("${args.path}", imported by ${by}) adds ~385 KB to every cold start: import from "zod/mini"` }] };
      }
      return undefined;
    });
  },
};

/**
 * JSON data (the template library) goes in as `JSON.parse("…")`: V8 skims a string literal far
 * faster than it parses an object literal, and parses it only when the module is first used.
 * Marked pure, so a server file whose methods never use the library does not carry it (esbuild
 * drops an unused pure call; a plain call it must keep). Default imports only
 * (`import sales from './sales.json'`).
 */
const jsonAsStringPlugin = {
  name: 'json-as-string',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      let data;
      try {
        data = JSON.parse(text);
      } catch (e) {
        return { errors: [{ text: `${rel(args.path)} is not valid JSON: ${e.message}` }] };
      }
      return { contents: `export default /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: 'js' };
    });
  },
};

const bundleOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  target: 'es2019', // Apps Script V8 rejects class fields
  platform: 'neutral',
  mainFields: ['module', 'main'],
  charset: 'utf8',
  legalComments: 'none',
  // Not minified: Apps Script reports errors as file:line, and a 95 KB line is unreadable. The
  // cold start is kept small by shipping less code in Code.js (Server.html), not by squeezing it.
  minifyWhitespace: false,
  minifySyntax: false,
  write: false,
  metafile: true,
  logLevel: 'silent',
  plugins: [guardPlugin, jsonAsStringPlugin],
};

/**
 * esbuild indents with two spaces a level; the shipped files use one tab a level instead. Lines
 * and names stay as they are (stack traces keep pointing at readable code), and the Apps Script
 * JavaScript loses about 10 KB of leading spaces (issue 16 §5: under 150 KB), each Server*.html
 * about 8 %. A line inside a multi-line template literal keeps its spaces (they are part of the
 * string); the proof that nothing else changed is below: both texts minify to the same bytes,
 * else the build fails.
 */
async function tabIndented(code, file) {
  const min = async (c) => (await esbuild.transform(c, { minify: true, charset: 'utf8', target: 'es2019', legalComments: 'none' })).code;
  const reference = min(code);
  // Fast pass: a line starts inside a template literal when the backticks before it (outside
  // '…' and "…" strings and // comments) are odd. A backtick in a regex fools it — then the proof
  // fails, or hundreds of lines stay unindented, and the exact pass (the TypeScript parser)
  // decides; it costs half a second a file.
  const fastInside = backtickLines(code);
  const fast = reindent(code, fastInside);
  // a few lines inside real template literals are normal; hundreds mean a stray backtick
  if (fastInside.size < 100 && (await min(fast)) === (await reference)) return fast;
  const exact = reindent(code, templateLines(code, file));
  if ((await min(exact)) !== (await reference)) fail(`${file}: re-indenting changed the program (a template literal?)`);
  return exact;
}

/** Leading pairs of spaces → tabs, except on lines that start inside a template literal. */
function reindent(code, inside) {
  return code
    .split('\n')
    .map((line, i) => (inside.has(i) ? line : line.replace(/^((?:  )+)/, (m) => '\t'.repeat(m.length / 2))))
    .join('\n');
}

/** Lines (0-based) that start inside a template literal, by counting backticks outside strings. */
function backtickLines(code) {
  const inside = new Set();
  let inTemplate = false;
  code.split('\n').forEach((line, i) => {
    if (inTemplate) inside.add(i);
    let quote = null;
    for (let k = 0; k < line.length; k++) {
      const ch = line[k];
      if (quote) {
        if (ch === '\\') k++;
        else if (ch === quote) quote = null;
      } else if (inTemplate) {
        if (ch === '\\') k++;
        else if (ch === '`') inTemplate = false;
      } else if (ch === '`') inTemplate = true;
      else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '/' && line[k + 1] === '/') break;
    }
  });
  return inside;
}

/** Lines (0-based) that start inside a template literal, from the TypeScript parser. */
function templateLines(code, file) {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.ES2020, false, ts.ScriptKind.JS);
  const spans = [];
  const visit = (node) => {
    const k = node.kind;
    if (k === ts.SyntaxKind.NoSubstitutionTemplateLiteral || k === ts.SyntaxKind.TemplateHead) spans.push([node.getStart(sf), node.getEnd()]);
    if (ts.isTemplateSpan(node)) spans.push([node.literal.getStart(sf), node.literal.getEnd()]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  spans.sort((a, b) => a[0] - b[0]);
  const inside = new Set();
  let s = 0;
  let offset = 0;
  code.split('\n').forEach((line, i) => {
    const at = offset;
    offset += line.length + 1;
    while (s < spans.length && spans[s][1] <= at) s++;
    if (s < spans.length && spans[s][0] < at && at < spans[s][1]) inside.add(i);
  });
  return inside;
}

async function esbuildOrFail(options, what) {
  try {
    return await esbuild.build({ ...bundleOptions, ...options });
  } catch (e) {
    fail(`${what}:\n${formatEsbuildError(e)}`);
  }
}

/** Who imports `input`, for messages. */
function importersOf(metafile, input) {
  return Object.entries(metafile.inputs)
    .filter(([, v]) => v.imports.some((i) => i.path === input))
    .map(([k]) => k);
}

function checkInputs(metafile) {
  for (const input of Object.keys(metafile.inputs)) {
    const by = importersOf(metafile, input).join(', ') || '(entry)';
    if (input.startsWith('src/local/')) fail(`the Apps Script bundle must not include ${input} (imported by ${by}); src/local is Node-only`);
    if (input.startsWith('src/sidebar/')) fail(`the Apps Script bundle must not include browser code ${input} (imported by ${by})`);
    if (/node_modules\/zod\/(v4\/classic|v3)\//.test(input)) fail(`full zod reached the bundle through ${by}: import from "zod/mini"`);
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m && FORBIDDEN_PACKAGES.includes(m[1])) fail(`${m[1]} reached the bundle (${input}, imported by ${by})`);
  }
}

/** Minimal stand-ins, so loading the bundle proves top-level code calls no Apps Script service. */
function loadingContext() {
  const trap = (name) =>
    new Proxy(
      {},
      {
        get(_t, prop) {
          if (prop === Symbol.toPrimitive || prop === 'toJSON' || prop === 'then') return undefined;
          throw new Error(`top-level code used ${name}.${String(prop)}; Apps Script services may only be used inside functions`);
        },
      },
    );
  const ctx = { console };
  for (const g of ['SpreadsheetApp', 'HtmlService', 'PropertiesService', 'LockService', 'Session', 'Utilities', 'Logger', 'CacheService', 'ScriptApp']) ctx[g] = trap(g);
  return vm.createContext(ctx);
}

function checkPlainScript(code, file) {
  try {
    new vm.Script(code, { filename: file });
  } catch (e) {
    fail(`${file} is not a plain script Apps Script can load: ${e.message}`);
  }
  if (/\b__require\b|\brequire\(\s*["']/.test(code)) fail(`${file} still calls require(); something in the bundle is CommonJS that needs Node`);
}

// ---------------------------------------------------------------------------------------------
// 2. Entry points: names (what the bundle really exposes), parameter names and JSDoc (source)

/**
 * For each exported name: the declaring file, the name there, the parameter names and the JSDoc.
 * Follows `export { a as b } from`, `export * from`, `import { a } …; export { a }` through the
 * source files with the TypeScript parser only (no type checker: a whole program costs seconds).
 */
function sourceInfo(entryFile, names) {
  const parsed = new Map();
  const parse = (file) => {
    if (!parsed.has(file)) parsed.set(file, ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true));
    return parsed.get(file);
  };
  const resolve = (fromFile, spec) => {
    if (!spec.startsWith('.')) return null;
    const base = path.resolve(path.dirname(fromFile), spec);
    for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
    return null;
  };
  const exported = (node) => !!node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

  /** A declaration named `name` in `sf` (exported or not), or where an import binding leads. */
  const local = (sf, name, seen) => {
    for (const st of sf.statements) {
      if (ts.isFunctionDeclaration(st) && st.name?.text === name) return { fn: st, holder: st, sf, name };
      if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.name.text === name) {
            const init = d.initializer;
            const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : null;
            return { fn, holder: st, sf, name };
          }
        }
      }
      if (ts.isImportDeclaration(st) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
        for (const el of st.importClause.namedBindings.elements) {
          if (el.name.text !== name) continue;
          const target = resolve(sf.fileName, st.moduleSpecifier.text);
          return target ? find(target, (el.propertyName ?? el.name).text, seen) : null;
        }
      }
    }
    return null;
  };

  /** The declaration behind export `name` of `file`. */
  const find = (file, name, seen = new Set()) => {
    const key = `${file}#${name}`;
    if (seen.has(key)) return null;
    seen.add(key);
    const sf = parse(file);
    for (const st of sf.statements) {
      if ((ts.isFunctionDeclaration(st) && st.name?.text === name && exported(st)) || (ts.isVariableStatement(st) && exported(st))) {
        const r = local(sf, name, seen);
        if (r) return { ...r, target: r.target ?? { file, name } };
      }
      if (ts.isExportDeclaration(st)) {
        const target = st.moduleSpecifier ? resolve(file, st.moduleSpecifier.text) : null;
        if (st.exportClause && ts.isNamedExports(st.exportClause)) {
          for (const el of st.exportClause.elements) {
            if (el.name.text !== name) continue;
            const orig = (el.propertyName ?? el.name).text;
            if (st.moduleSpecifier) return target ? find(target, orig, seen) : null;
            const r = local(sf, orig, seen);
            // `export { a as b }` of a local declaration: required as export `b` of this file
            return r && { ...r, target: r.target ?? { file, name } };
          }
        } else if (!st.exportClause && target) {
          const r = find(target, name, seen);
          if (r) return r;
        }
      }
    }
    return null;
  };

  const info = new Map();
  for (const name of names) {
    const r = find(entryFile, name);
    if (!r) continue;
    const params = r.fn ? r.fn.parameters.map((p, i) => (ts.isIdentifier(p.name) ? p.name.text : `arg${i}`)) : [];
    const text = r.sf.getFullText();
    const comments = ts.getLeadingCommentRanges(text, r.holder.getFullStart()) ?? [];
    const docs = comments.map((c) => text.slice(c.pos, c.end)).filter((c) => c.startsWith('/**'));
    info.set(name, {
      params,
      jsdoc: docs.length ? docs[docs.length - 1] : null,
      file: rel(r.sf.fileName),
      /** the nearest module exporting it, and the name it is exported under there (lazy require) */
      target: r.target ? { file: rel(r.target.file), name: r.target.name } : null,
    });
  }
  return info;
}

/** Re-indents a JSDoc block to column 0. */
function normaliseJsDoc(doc) {
  return doc
    .split('\n')
    .map((line, i) => (i === 0 ? line.trim() : ' ' + line.trim()))
    .join('\n');
}

const BANNER = '// OKR Sheets: src/addon/main.ts bundled by scripts/build.mjs. Do not edit.';

/** Server*.html wrap the server script in an element no browser or HtmlService runs. */
export const SERVER_FILE = 'Server';
const SERVER_START = '<script type="text/plain" id="okr-server">';
const SERVER_END = '</script>';
const SERVER_GLOBAL = 'OKRSheetsServer';

/**
 * The sidebar's server code ships as several files, one per group of RPC methods, so that an rpc
 * execution reads and evaluates only its group's code (issue 16 §5). Measured with
 * `npm run bench -- bundle`: an rpc cold start is mostly V8 parsing, about linear in the bytes
 * evaluated (module initialisation is a small part), so the bytes a call evaluates are what
 * matters. Every sidebar call is a fresh execution, so keeping a panel's methods together buys
 * nothing; what a group buys is size: one file per method would be smallest per call but ships
 * the shared part (zod/mini, the contract, snapshot, core) ~40 times. So a group is methods that
 * need nearly the same modules — each file is little bigger than its largest method built alone
 * (checked by building every method as its own file: Server.html 151 KB vs 149 KB for krHistory
 * alone, ServerCheck 217 vs 212 for checkSheet; ServerCycle and ServerHubCollect about 20 % over).
 * Each file costs one HtmlService read, as the single Server.html did. The price is project size:
 * the shared part ships in every file (dist/ ≈ 3.4 MB instead of ≈ 0.9 MB; LIMITS below).
 *
 * The first group's file is `Server.html` and holds what the sidebar calls when it opens
 * (getContext) and the other small reads; a method in no group (a new one) lands there too, and
 * the build says so in a note — the size budget in test/bundle then shows what it cost.
 * `runScheduledReminders` (a trigger, not an rpc) has a file of its own.
 */
export const SERVER_GROUPS = [
  { file: 'Server', methods: ['getContext', 'selectCell', 'listKrs', 'krHistory'] },
  { file: 'ServerCheck', methods: ['checkSheet', 'convertNumberCells'] },
  { file: 'ServerTemplates', methods: ['listTemplates', 'previewTemplate', 'insertTemplate', 'createRosterSheet', 'setupFromRoster'] },
  { file: 'ServerImport', methods: ['previewImport', 'writeImport', 'previewAdopt', 'writeAdopt'] },
  { file: 'ServerCycle', methods: ['recordCheckIn', 'myOkrs', 'progressReport', 'writeProgressReport', 'startNextCycle'] },
  { file: 'ServerGrading', methods: ['generateEvaluation', 'gradingView', 'saveGrades'] },
  { file: 'ServerReview', methods: ['generateReview', 'reviewMarkdown', 'generateDashboard', 'generateAlignmentMap', 'alignmentTree'] },
  { file: 'ServerReminders', methods: ['getReminders', 'setReminders', 'setReminderWebhook', 'previewReminders', 'sendTestReminder'] },
  { file: 'ServerScheduled', methods: [], entries: ['runScheduledReminders'] },
  { file: 'ServerHub', methods: ['distributeBatch', 'nextCycleBatch'] },
  { file: 'ServerHubCollect', methods: ['collectBatch', 'reviewUnitFromHub', 'hubReminders', 'sendHubReminders'] },
  { file: 'ServerDiagnostics', methods: ['runDiagnostics'] },
];

/**
 * Size caps the build enforces on what clasp pushes. Google documents no limit on the size of a
 * script file or of a project: the "Current limitations" table of
 * https://developers.google.com/apps-script/guides/services/quotas lists runtimes, triggers,
 * properties, URL Fetch and cache sizes, none for code (looked up for issue 16 §5). These are
 * therefore our own ceilings, well above today's sizes and low enough that a runaway import (a
 * whole library pulled into one group) stops the build instead of reaching users:
 *   - SERVER_FILE_MAX: one Server*.html, i.e. what one rpc execution reads and evaluates;
 *   - PROJECT_MAX: everything clasp pushes (all files of dist/).
 * The tighter per-call budgets (bytes standing for the cold start) are in test/bundle/server.test.ts.
 */
export const LIMITS = { SERVER_FILE_MAX: 512 * 1024, PROJECT_MAX: 8 * 1024 * 1024 };

/**
 * The loader Code.js carries for the server entry points. Apps Script evaluates every .js/.gs
 * file of the project on every execution (each custom-function recalculation too) but never an
 * .html file; `HtmlService.createHtmlOutputFromFile(name).getContent()` reads one back as text —
 * the same call showSidebar relies on for Sidebar.html. Indirect eval runs it in the global scope;
 * `sourceURL` names it Server*.js in stack traces. `RPC_FILES` (file → its methods, space-separated:
 * the shortest table, Code.js counts toward 150 KB) routes each method to its group's file; an
 * unknown method goes to the first file, whose dispatch answers `unknownMethod`.
 */
const serverLoader = (plan) => `
const RPC_FILES = {
${Object.entries(plan.fileMethods).map(([file, ms]) => `  ${file}: ${JSON.stringify(ms.join(' '))},`).join('\n')}
};
const serverExports = {};
function loadServer(file) {
  if (serverExports[file] === undefined) {
    const m = ${serverElement}.exec(HtmlService.createHtmlOutputFromFile(file).getContent());
    if (!m) throw new Error(file + ".html is missing or damaged: deploy the add-on again (npm run deploy)");
    serverExports[file] = (0, eval)(m[1] + "\\n;${SERVER_GLOBAL};\\n//# sourceURL=" + file + ".js");
  }
  return serverExports[file];
}
function rpcFile(method) {
  for (const file in RPC_FILES) if ((" " + RPC_FILES[file] + " ").indexOf(" " + method + " ") >= 0) return file;
  return ${JSON.stringify(plan.defaultFile)};
}
`;
/** The script element's text, up to the LAST closing tag (greedy): what the loader evaluates. */
const serverElement = `/${SERVER_START.replace(/\//g, '\\/')}([\\s\\S]*)${SERVER_END.replace(/\//g, '\\/')}/`;

/** Where `require` finds an entry point's implementation (its nearest exporting module). */
function entryTarget(o, e) {
  return e.target && !e.target.file.startsWith('node_modules/') ? e.target : { file: o.entry, name: e.name };
}

/**
 * The RPC handler table's method names, read from the source of o.server (`RPC_HANDLERS = { … }`)
 * with the TypeScript parser; null when there is no such object literal (then no split).
 */
function handlerTable(o) {
  if (!exists(o.server)) return null;
  const file = abs(o.server);
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.name.text !== 'RPC_HANDLERS' || !d.initializer) continue;
      let init = d.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      if (!ts.isObjectLiteralExpression(init)) return null;
      const props = init.properties.map((p) => {
        const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : null;
        return { name, start: p.getFullStart(), end: p.getEnd() };
      });
      return { file, props };
    }
  }
  return null;
}

/**
 * Which server file holds what: [{ file, methods, entries }], the method → file table for Code.js
 * and the default file. One file with everything when splitting is off (serverGroups: null) or
 * the handler table cannot be read.
 */
function serverPlan(o, entries, notes) {
  const serverNames = entries.filter((e) => (o.serverEntries ?? []).includes(e.name)).map((e) => e.name);
  if (!serverNames.length) return null;
  const table = serverNames.includes('rpc') && o.serverGroups ? handlerTable(o) : null;
  if (!table) return { files: [{ file: SERVER_FILE, methods: null, entries: serverNames }], fileMethods: {}, defaultFile: SERVER_FILE };
  const methods = table.props.map((p) => p.name).filter((n) => n !== null);
  const placed = new Set();
  const files = [];
  for (const g of o.serverGroups) {
    const ms = g.methods.filter((m) => methods.includes(m) && !placed.has(m));
    ms.forEach((m) => placed.add(m));
    const es = (g.entries ?? []).filter((n) => serverNames.includes(n));
    if (ms.length || es.length || !files.length) files.push({ file: g.file, methods: ms, entries: es });
  }
  const first = files[0];
  const left = methods.filter((m) => !placed.has(m));
  if (left.length) {
    first.methods.push(...left);
    notes.push(`RPC method(s) ${left.join(', ')} are in no SERVER_GROUPS group (scripts/build.mjs): shipped in ${first.file}.html`);
  }
  // rpc is in every file that holds methods; other server entries (a trigger) in their group, else the first
  const inGroup = new Set(files.flatMap((f) => f.entries));
  for (const n of serverNames) if (n !== 'rpc' && !inGroup.has(n)) first.entries.push(n);
  for (const f of files) if (f.methods.length || f === first) f.entries = [...(serverNames.includes('rpc') ? ['rpc'] : []), ...f.entries.filter((n) => n !== 'rpc')];
  const fileMethods = {};
  for (const f of files) if (f.methods.length) fileMethods[f.file] = f.methods;
  return { files, fileMethods, defaultFile: first.file, table };
}

/**
 * For one server file: o.server with RPC_HANDLERS cut down to that file's methods. esbuild drops
 * the imports the removed handlers used (unused imports of a TypeScript module are not kept), so
 * the file bundles only what its methods reach. Types are not checked here (tsc does that).
 */
function handlersOnlyPlugin(table, keep) {
  return {
    name: 'rpc-handlers-only',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (path.resolve(args.path) !== table.file) return undefined;
        let text = await fs.promises.readFile(args.path, 'utf8');
        // cut from the end so earlier offsets stay valid; a property's trailing comma goes with it
        for (const p of [...table.props].reverse()) {
          if (p.name === null || keep.includes(p.name)) continue;
          const end = text[p.end] === ',' ? p.end + 1 : p.end;
          text = text.slice(0, p.start) + text.slice(end);
        }
        return { contents: text, loader: 'ts' };
      });
    },
  };
}

/**
 * The shipped bundle: every entry point becomes a small wrapper that loads its module on first
 * call (`require` → esbuild's lazy `__esm` module initialisers). Apps Script evaluates every file
 * of the project on every execution, custom functions included; this way a cold start only
 * pre-parses the code in Code.js instead of running all of it. Entry points in `serverEntries`
 * call into a Server*.html file instead (serverBundle), so their code is not even parsed by a
 * custom function's execution.
 */
async function lazyBundle(o, entries, names, plan) {
  const fileOf = new Map();
  for (const f of plan?.files ?? []) for (const n of f.entries) if (n !== 'rpc') fileOf.set(n, f.file);
  const serverRpc = !!plan?.files.some((f) => f.entries.includes('rpc'));
  // a module several entry points come from (the menu) gets one loader `load_menu()`: shorter stubs
  const targets = entries.filter((e) => !fileOf.has(e.name) && !(e.name === 'rpc' && serverRpc)).map((e) => entryTarget(o, e).file);
  const shared = [...new Set(targets.filter((f, i) => targets.indexOf(f) !== i))];
  const loaderOf = new Map(shared.map((f, i) => [f, `load_${path.basename(f).replace(/\.\w+$/, '').replace(/\W/g, '_')}${i}`]));
  const lines = entries.map((e) => {
    if (e.name === 'rpc' && serverRpc) return `export function rpc(method) { return loadServer(rpcFile(method)).rpc.apply(this, arguments); }`;
    if (fileOf.has(e.name)) return `export function ${e.name}() { return loadServer(${JSON.stringify(fileOf.get(e.name))}).${e.name}.apply(this, arguments); }`;
    const t = entryTarget(o, e);
    const mod = loaderOf.has(t.file) ? `${loaderOf.get(t.file)}()` : `require(${JSON.stringify('./' + t.file)})`;
    return `export function ${e.name}() { return ${mod}.${t.name}.apply(this, arguments); }`;
  });
  for (const [f, name] of loaderOf) lines.unshift(`const ${name} = () => require(${JSON.stringify('./' + f)});`);
  if (plan) lines.unshift(serverLoader(plan));
  const res = await esbuildOrFail(
    {
      stdin: { contents: lines.join('\n'), resolveDir: ROOT, sourcefile: 'entrypoints.lazy.js', loader: 'js' },
      format: 'iife',
      globalName: GLOBAL_NAME,
      outfile: `${o.outDir}/Code.js`,
      banner: { js: BANNER },
    },
    'bundling the lazy entry points failed',
  );
  checkInputs(res.metafile);
  const code = await tabIndented(res.outputFiles[0].text, 'Code.js');
  checkPlainScript(code, 'Code.js');
  const ctx = loadingContext();
  try {
    vm.runInContext(`${code}\n;globalThis.${GLOBAL_NAME} = ${GLOBAL_NAME};`, ctx, { filename: 'Code.js' });
  } catch (e) {
    fail(`dist/Code.js (lazy) throws while loading: ${e.message}`);
  }
  const lazyNames = Object.keys(ctx[GLOBAL_NAME]).sort();
  if (lazyNames.join() !== names.join()) fail(`lazy bundle exports [${lazyNames}] instead of [${names}]`);
  return code;
}

/** The inputs that make up an output, largest first (esbuild metafile), for the build manifest. */
function topInputs(metafile, n = 12) {
  const out = Object.values(metafile.outputs)[0];
  return Object.entries(out.inputs)
    .map(([input, v]) => ({ input, bytes: v.bytesInOutput }))
    .filter((x) => x.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, n);
}

/**
 * The Server*.html files: per file, its entry points and everything they import, one IIFE in the
 * global `OKRSheetsServer`, wrapped in a text/plain script element. Plain ES imports (not the lazy
 * `require` of Code.js): the whole file runs when read, and esbuild drops what the file's methods
 * never use. Indented with tabs like Code.js (same proof). `</script` inside the code (a string or
 * a regex) is written `<\/script`, which means the same in JavaScript and cannot end the element.
 */
async function serverBundle(o, entries, plan) {
  if (!plan) return [];
  // the files are independent: built side by side (esbuild works in parallel; the build waits once)
  return Promise.all(plan.files.map((f) => serverFileBundle(o, entries, plan, f)));
}

async function serverFileBundle(o, entries, plan, f) {
  {
    const lines = f.entries.map((name) => {
      const e = entries.find((x) => x.name === name);
      const t = entryTarget(o, e);
      return `export { ${t.name === name ? name : `${t.name} as ${name}`} } from ${JSON.stringify('./' + t.file)};`;
    });
    const res = await esbuildOrFail(
      {
        stdin: { contents: lines.join('\n'), resolveDir: ROOT, sourcefile: `${f.file}.entry.js`, loader: 'js' },
        format: 'iife',
        globalName: SERVER_GLOBAL,
        outfile: `${o.outDir}/${f.file}.js`,
        banner: { js: `// OKR Sheets sidebar server (${f.methods ? f.methods.join(', ') || 'no rpc method' : 'every rpc method'}), generated by scripts/build.mjs. Do not edit.` },
        plugins: [...bundleOptions.plugins, ...(f.methods && plan.table ? [handlersOnlyPlugin(plan.table, f.methods)] : [])],
      },
      `bundling the server file ${f.file} failed`,
    );
    checkInputs(res.metafile);
    const js = await tabIndented(res.outputFiles[0].text.replace(/<\/script/gi, '<\\/script'), `${f.file}.js`);
    checkPlainScript(js, `${f.file}.js`);
    const ctx = loadingContext();
    try {
      vm.runInContext(`${js}\n;globalThis.${SERVER_GLOBAL} = ${SERVER_GLOBAL};`, ctx, { filename: `${f.file}.js` });
    } catch (e) {
      fail(`the server script (${f.file}.html) throws while loading: ${e.message}`);
    }
    const got = Object.keys(ctx[SERVER_GLOBAL]).sort();
    const want = [...f.entries].sort();
    if (got.join() !== want.join()) fail(`${f.file}.html exports [${got}] instead of [${want}]`);
    const html = `<!-- OKR Sheets: the sidebar's server code, read and evaluated by Code.js (loadServer). Not a page. -->\n${SERVER_START}\n${js}\n${SERVER_END}\n`;
    const max = (o.limits ?? LIMITS).SERVER_FILE_MAX;
    if (Buffer.byteLength(html) > max)
      fail(`${f.file}.html is ${Buffer.byteLength(html)} B, over the ${max} B a server file may hold (LIMITS in scripts/build.mjs); its largest inputs: ${topInputs(res.metafile, 5).map((x) => `${x.input} ${x.bytes} B`).join(', ')}`);
    return { file: f.file, methods: f.methods, entries: f.entries, html, js, inputs: topInputs(res.metafile) };
  }
}

// indented with a tab like Code.js (every byte of .js counts toward the 150 KB of issue 16 §5)
const stub = (name, params) =>
  `function ${name}(${params.join(', ')}) {\n\treturn ${GLOBAL_NAME}.${name}.apply(null, arguments);\n}\n`;

// ---------------------------------------------------------------------------------------------
// 3. Menu and RPC contract

async function contractCheck(o, entryNames, customNames, bundled, notes) {
  const { menu: MENU, contract: CONTRACT, server: SERVER, entry: ENTRY } = o;
  const parts = [];
  if (exists(MENU)) parts.push(`import * as menu from './${MENU}'; export { menu };`);
  else notes.push(`${MENU} not present yet: menu items not checked`);
  if (exists(CONTRACT)) parts.push(`import * as contract from './${CONTRACT}'; export { contract };`);
  else notes.push(`${CONTRACT} not present yet: RPC methods not checked`);
  // The handler table is checked once main.ts ships it (re-exports rpc from server.ts).
  if (bundled.has(SERVER)) parts.push(`import * as server from './${SERVER}'; export { server };`);
  else if (exists(CONTRACT)) notes.push(`${SERVER} not in the bundle yet (main.ts does not re-export rpc): RPC handlers not checked`);
  if (!parts.length) return;

  const res = await esbuildOrFail(
    { stdin: { contents: parts.join('\n'), resolveDir: ROOT, sourcefile: 'contract-check.ts', loader: 'ts' }, format: 'iife', globalName: '__check', outfile: 'build/contract-check.js' },
    'bundling the menu / RPC modules for the contract check failed',
  );
  const ctx = loadingContext();
  try {
    vm.runInContext(`${res.outputFiles[0].text}\n;globalThis.__check = __check;`, ctx, { filename: 'contract-check.js' });
  } catch (e) {
    fail(`loading the menu / RPC modules threw: ${e.message}`);
  }
  const { menu, contract, server } = ctx.__check;
  const problems = [];

  if (menu) {
    const items = menu.MENU_ITEMS;
    if (!Array.isArray(items)) problems.push(`${MENU} must export MENU_ITEMS: { fn: string; label: Localized }[]`);
    else {
      const walk = (list, where) =>
        list.forEach((item, i) => {
          const at = `${where}[${i}]`;
          if (!item || typeof item !== 'object') return problems.push(`MENU_ITEMS${at} is not an object`);
          if (item.separator) return;
          if (Array.isArray(item.items)) return walk(item.items, `${at}.items`);
          const label = item.label?.en ?? item.label?.['zh-CN'] ?? at;
          if (!item.label || typeof item.label.en !== 'string' || typeof item.label['zh-CN'] !== 'string')
            problems.push(`menu item ${at} needs a label in zh-CN and en`);
          if (typeof item.fn !== 'string') problems.push(`menu item "${label}" has no fn`);
          else if (!entryNames.has(item.fn)) problems.push(`menu item "${label}" calls ${item.fn}(), which ${ENTRY} does not export`);
          else if (customNames.has(item.fn)) problems.push(`menu item "${label}" calls custom function ${item.fn}()`);
        });
      walk(items, '');
    }
  }

  if (contract) {
    const methods = contract.RPC_METHODS;
    if (!Array.isArray(methods) || methods.some((m) => typeof m !== 'string'))
      problems.push(`${CONTRACT} must export RPC_METHODS: readonly string[]`);
    else {
      if (!entryNames.has('rpc') && bundled.has(SERVER)) problems.push(`the RPC contract declares ${methods.length} methods but ${ENTRY} does not export rpc`);
      if (server) {
        const handlers = server.RPC_HANDLERS;
        if (!handlers || typeof handlers !== 'object') problems.push(`${SERVER} must export RPC_HANDLERS (method → handler)`);
        else {
          for (const m of methods) if (typeof handlers[m] !== 'function') problems.push(`RPC method "${m}" has no handler in RPC_HANDLERS`);
          for (const h of Object.keys(handlers)) if (!methods.includes(h)) notes.push(`RPC_HANDLERS.${h} is not declared in RPC_METHODS`);
        }
      }
    }
  }
  if (problems.length) fail(`menu / RPC contract check failed:\n  - ${problems.join('\n  - ')}`);
}

// ---------------------------------------------------------------------------------------------
// 4. Sidebar

async function buildSidebarHtml(o, notes) {
  const SIDEBAR_BUILDER = o.sidebarBuilder;
  if (!exists(SIDEBAR_BUILDER)) {
    notes.push(`${SIDEBAR_BUILDER} not present yet: dist/Sidebar.html skipped`);
    return null;
  }
  let mod;
  try {
    mod = await import(`${pathToFileURL(abs(SIDEBAR_BUILDER)).href}?t=${Date.now()}`);
  } catch (e) {
    fail(`${SIDEBAR_BUILDER} failed to load: ${e.message}`);
  }
  if (typeof mod.buildSidebar !== 'function') fail(`${SIDEBAR_BUILDER} must export buildSidebar()`);
  const outFile = path.join(abs(o.outDir), 'Sidebar.html');
  let out;
  try {
    out = await mod.buildSidebar({ root: ROOT, outFile });
  } catch (e) {
    fail(`the sidebar build failed: ${e?.message ?? e}`);
  }
  const html = typeof out === 'string' ? out : typeof out?.html === 'string' ? out.html : null;
  if (html !== null) return html;
  if (fs.existsSync(outFile)) return fs.readFileSync(outFile, 'utf8');
  fail(`buildSidebar() returned no HTML (expected a string, { html }, or dist/Sidebar.html written)`);
}

// ---------------------------------------------------------------------------------------------

/**
 * Builds dist/. Returns a summary (files, sizes, entry points). Throws BuildError with one clear
 * message when something is wrong.
 */
export async function build(options = {}) {
  const o = { ...DEFAULTS, ...options };
  const { quiet, entry: ENTRY } = o;
  const t0 = performance.now();
  const notes = [];
  const entry = abs(ENTRY);
  if (!fs.existsSync(entry)) fail(`${ENTRY} is missing`);

  // Eager pass: main.ts as written. Checked (inputs, plain script, top-level code loads with no
  // Apps Script service) and used to learn the exports; shipped only with { lazy: false }.
  const iife = await esbuildOrFail(
    {
      entryPoints: [ENTRY],
      format: 'iife',
      globalName: GLOBAL_NAME,
      outfile: `${o.outDir}/Code.js`,
      banner: { js: BANNER },
    },
    'bundling src/addon/main.ts failed',
  );
  checkInputs(iife.metafile);
  let code = iife.outputFiles[0].text;
  checkPlainScript(code, 'Code.js');

  // What the bundle really exposes: load it the way Apps Script does.
  const ctx = loadingContext();
  try {
    vm.runInContext(`${code}\n;globalThis.${GLOBAL_NAME} = ${GLOBAL_NAME};`, ctx, { filename: 'Code.js' });
  } catch (e) {
    fail(`dist/Code.js throws while loading: ${e.message}`);
  }
  const exported = ctx[GLOBAL_NAME];
  const names = Object.keys(exported).sort();
  for (const n of names) {
    if (typeof exported[n] !== 'function') fail(`${ENTRY} exports "${n}", which is not a function (only entry points belong there)`);
    if (n === GLOBAL_NAME) fail(`an entry point may not be called ${GLOBAL_NAME}`);
    if (n.endsWith('_')) notes.push(`${n} ends with "_": Apps Script treats it as private (not callable from menus or google.script.run)`);
  }

  // Cross-check with esbuild's own export list (ESM pass).
  const esm = await esbuildOrFail({ entryPoints: [ENTRY], format: 'esm', outfile: 'build/main.esm.js' }, 'ESM pass failed');
  const esmNames = [...Object.values(esm.metafile.outputs)[0].exports].sort();
  if (esmNames.join() !== names.join()) fail(`export lists disagree: bundle [${names}] vs esbuild [${esmNames}]`);

  const info = sourceInfo(entry, names);
  const entries = names.map((name) => {
    const i = info.get(name);
    if (!i) notes.push(`no source information for ${name}: stub has no parameter names`);
    const custom = !!i?.jsdoc && /@customfunction\b/.test(i.jsdoc);
    return { name, params: i?.params ?? [], custom, jsdoc: custom ? normaliseJsDoc(i.jsdoc) : null, source: i?.file ?? null, target: i?.target ?? null };
  });
  let server = [];
  if (o.lazy) {
    if (o.serverGroups === undefined) o.serverGroups = SERVER_GROUPS;
    const plan = serverPlan(o, entries, notes);
    code = await lazyBundle(o, entries, names, plan);
    server = await serverBundle(o, entries, plan);
  }
  const customNames = new Set(entries.filter((e) => e.custom).map((e) => e.name));

  await contractCheck(o, new Set(names), customNames, new Set(Object.keys(iife.metafile.inputs)), notes);
  const sidebar = await buildSidebarHtml(o, notes);

  const header = (what) => `// Generated by scripts/build.mjs: ${what}, each forwarding to Code.js (${GLOBAL_NAME}). Do not edit.\n\n`;
  const entrypointsJs =
    header('a top-level function per entry point of src/addon/main.ts (Apps Script finds them by name)') +
    entries.filter((e) => !e.custom).map((e) => stub(e.name, e.params)).join('\n');
  const customJs =
    header('the custom functions with their JSDoc (Sheets autocomplete)') +
    entries.filter((e) => e.custom).map((e) => `${e.jsdoc}\n${stub(e.name, e.params)}`).join('\n');
  checkPlainScript(entrypointsJs, 'Entrypoints.js');
  checkPlainScript(customJs, 'CustomFunctions.js');

  const manifest = fs.readFileSync(abs(o.manifest), 'utf8');
  try {
    JSON.parse(manifest);
  } catch (e) {
    fail(`appsscript.json is not valid JSON: ${e.message}`);
  }

  const files = { 'Code.js': code, 'Entrypoints.js': entrypointsJs, 'CustomFunctions.js': customJs, 'appsscript.json': manifest };
  if (sidebar !== null) files['Sidebar.html'] = sidebar;
  for (const f of server) files[`${f.file}.html`] = f.html;
  const projectBytes = Object.values(files).reduce((n, c) => n + Buffer.byteLength(c), 0);
  const projectMax = (o.limits ?? LIMITS).PROJECT_MAX;
  if (projectBytes > projectMax) fail(`dist/ would hold ${projectBytes} B, over the ${projectMax} B cap for the whole project (LIMITS in scripts/build.mjs)`);

  const dist = abs(o.outDir);
  fs.mkdirSync(dist, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeAtomic(path.join(dist, name), content);
  // dist/ holds exactly what clasp pushes: drop anything else.
  for (const f of fs.readdirSync(dist)) if (!(f in files) && !f.includes('.tmp-')) fs.rmSync(path.join(dist, f), { recursive: true, force: true });

  const summary = {
    files: Object.entries(files).map(([name, content]) => ({
      name,
      bytes: Buffer.byteLength(content),
      gzip: zlib.gzipSync(content).length,
    })),
    entryPoints: entries.map(({ name, params, custom, source }) => ({ name, params, custom, source })),
    /** each Server*.html: the RPC methods it answers, its entry points and its largest inputs */
    server: server.map(({ file, methods, entries: es, inputs }) => ({ file, methods, entries: es, inputs })),
    inputs: Object.keys(iife.metafile.inputs).length,
    notes,
    ms: Math.round(performance.now() - t0),
  };
  if (o.buildManifest) writeAtomic(abs(o.buildManifest), JSON.stringify(summary, null, 2) + '\n');
  // A readable copy of each server script beside the manifest, for reading Server.js:line traces.
  if (o.buildManifest) for (const f of server) writeAtomic(path.join(path.dirname(abs(o.buildManifest)), `${f.file}.js`), f.js);

  if (!quiet) {
    console.log(`Built ${o.outDir}/ in ${summary.ms} ms (${summary.inputs} modules bundled):`);
    for (const f of summary.files) console.log(`  ${o.outDir}/${f.name.padEnd(26)} ${String(f.bytes).padStart(9)} B  (${f.gzip} B gzip)`);
    const custom = entries.filter((e) => e.custom).map((e) => e.name);
    const other = entries.filter((e) => !e.custom).map((e) => e.name);
    console.log(`  entry points: ${other.join(', ') || '(none)'}`);
    console.log(`  custom functions: ${custom.join(', ') || '(none)'}`);
    for (const n of notes) console.log(`  note: ${n}`);
  }
  return summary;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  build().catch((e) => {
    if (e instanceof BuildError) console.error(`Build failed: ${e.message}`);
    else console.error('Build failed unexpectedly:', e);
    process.exit(1);
  });
}
