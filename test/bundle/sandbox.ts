/**
 * Loads dist/ the way Apps Script does: every `.js` file into ONE fresh global scope, in push
 * order, with nothing but stand-ins for the Apps Script services. Used by test/bundle and by
 * bench/bundle.bench.ts (cold start).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file (or its bundled copy) with package.json. */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'appsscript.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}
export const ROOT = findRoot();
export const DIST = path.join(ROOT, 'dist');

/** What `clasp push` sends from dist/, in the order Apps Script loads it (file name order). */
export function distScripts(dir = DIST): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.gs'))
    .sort();
}

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const f of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, f)));
  return max;
}

/** Runs `npm run build` (scripts/build.mjs) when dist/ is missing or older than its sources. */
export function ensureBuilt(): void {
  const outputs = ['Code.js', 'Entrypoints.js', 'CustomFunctions.js', 'appsscript.json'].map((f) => path.join(DIST, f));
  const oldest = Math.min(...outputs.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  const inputs = ['src/addon', 'src/core', 'src/sheets', 'src/sidebar', 'templates', 'scripts', 'appsscript.json'].map((p) => newestMtime(path.join(ROOT, p)));
  if (oldest > 0 && oldest >= Math.max(...inputs)) return;
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(err.stderr?.toString().trim() || err.message);
  }
}

export interface CallLog {
  calls: string[];
}

/**
 * Stand-ins for the Apps Script globals; every call is recorded in `log.calls`.
 * `createHtmlOutputFromFile(name).getContent()` gives dist/<name>.html's text, as Apps Script
 * does (Code.js reads the server script from Server.html that way).
 */
export function appsScriptStandIns(
  log: CallLog = { calls: [] },
  locale = 'en',
  dir = DIST,
  active: (() => unknown) | null = null,
  readHtml: ((name: string) => string | undefined) | null = null,
): Record<string, unknown> {
  const rec = (name: string) => (...args: unknown[]) => {
    log.calls.push(`${name}(${args.map((a) => (typeof a === 'string' ? JSON.stringify(a) : typeof a)).join(', ')})`);
  };
  const menu = (): Record<string, unknown> => {
    const m: Record<string, unknown> = {};
    m.addItem = (...a: unknown[]) => (rec('Menu.addItem')(...a), m);
    m.addSeparator = () => (rec('Menu.addSeparator')(), m);
    m.addSubMenu = (...a: unknown[]) => (rec('Menu.addSubMenu')(...a), m);
    m.addToUi = () => rec('Menu.addToUi')();
    return m;
  };
  const htmlOutput = (content = '<html></html>'): Record<string, unknown> => {
    const h: Record<string, unknown> = {};
    for (const k of ['setTitle', 'setWidth', 'setHeight', 'setSandboxMode', 'addMetaTag', 'setXFrameOptionsMode']) h[k] = (...a: unknown[]) => (rec(`HtmlOutput.${k}`)(...a), h);
    h.getContent = () => content;
    return h;
  };
  const fileText = (name: string) => {
    if (readHtml) return readHtml(name);
    const f = path.join(dir, `${name}.html`);
    return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined;
  };
  const ui = {
    createAddonMenu: () => (rec('Ui.createAddonMenu')(), menu()),
    createMenu: (t: string) => (rec('Ui.createMenu')(t), menu()),
    showSidebar: rec('Ui.showSidebar'),
    showModalDialog: rec('Ui.showModalDialog'),
    alert: rec('Ui.alert'),
    Button: { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' },
    ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' },
  };
  const props = (): Record<string, unknown> => {
    const store = new Map<string, string>();
    return {
      getProperty: (k: string) => store.get(k) ?? null,
      setProperty(k: string, v: string) {
        store.set(k, v);
        return this;
      },
      deleteProperty(k: string) {
        store.delete(k);
        return this;
      },
      getProperties: () => Object.fromEntries(store),
    };
  };
  const lock = () => ({ tryLock: () => true, waitLock: rec('Lock.waitLock'), releaseLock: rec('Lock.releaseLock'), hasLock: () => true });
  return {
    SpreadsheetApp: {
      getUi: () => ui,
      getActive: () => (active ? active() : null),
      getActiveSpreadsheet: () => (active ? active() : null),
      flush: rec('SpreadsheetApp.flush'),
    },
    HtmlService: {
      createHtmlOutputFromFile: (f: string) => (rec('HtmlService.createHtmlOutputFromFile')(f), htmlOutput(fileText(f))),
      createHtmlOutput: (...a: unknown[]) => (rec('HtmlService.createHtmlOutput')(...a), htmlOutput()),
      createTemplateFromFile: (f: string) => ({ evaluate: () => (rec('HtmlService.createTemplateFromFile')(f), htmlOutput()) }),
      SandboxMode: { IFRAME: 'IFRAME' },
      XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
    },
    PropertiesService: { getUserProperties: props(), getDocumentProperties: props(), getScriptProperties: props() },
    LockService: { getDocumentLock: lock, getScriptLock: lock, getUserLock: lock },
    Session: {
      getActiveUserLocale: () => locale,
      getScriptTimeZone: () => 'Asia/Shanghai',
      getEffectiveUser: () => ({ getEmail: () => 'user@example.com' }),
      getActiveUser: () => ({ getEmail: () => 'user@example.com' }),
      getTemporaryActiveUserKey: () => 'key',
    },
    Utilities: {
      formatDate: (d: Date) => d.toISOString(),
      getUuid: () => '00000000-0000-4000-8000-000000000000',
      sleep: () => undefined,
    },
    Logger: { log: rec('Logger.log') },
    console: { log: rec('console.log'), info: rec('console.info'), warn: rec('console.warn'), error: rec('console.error') },
  };
}

/**
 * A fresh V8 context holding only the stand-ins, with every dist script evaluated in it.
 * `order` defaults to clasp's (file name); pass another to prove the order does not matter.
 */
export interface LoadOptions {
  dir?: string;
  order?: string[];
  log?: CallLog;
  locale?: string;
  /** the active spreadsheet (frozenSpreadsheet); default none (getActiveSpreadsheet() is null) */
  spreadsheet?: FrozenSheet[];
  /** the scripts' text, by file name (default: read from dir) — the bench passes them altered */
  scripts?: Record<string, string>;
  /** what HtmlService reads for <name>.html (default: the file in dir) */
  readHtml?: (name: string) => string | undefined;
}

export function loadDist(opts: LoadOptions = {}): vm.Context {
  const dir = opts.dir ?? DIST;
  let ss: unknown = null;
  const log = opts.log ?? { calls: [] };
  const ctx = vm.createContext(appsScriptStandIns(log, opts.locale, dir, opts.spreadsheet ? () => ss : null, opts.readHtml ?? null));
  if (opts.spreadsheet) ss = frozenSpreadsheet(ctx, opts.spreadsheet, log);
  for (const f of opts.order ?? distScripts(dir)) {
    vm.runInContext(opts.scripts?.[f] ?? fs.readFileSync(path.join(dir, f), 'utf8'), ctx, { filename: f });
  }
  return ctx;
}

/** The server files of a dist/ folder (Server.html, Server*.html), by name without .html. */
export function serverFiles(dir = DIST): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^Server\w*\.html$/.test(f))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
}

/** The build's own record of the entry points (written next to dist, in build/). */
export interface BuildManifest {
  files: { name: string; bytes: number; gzip: number }[];
  /** each server file: the RPC methods it answers (null: all), its entry points, largest inputs */
  server?: { file: string; methods: string[] | null; entries: string[]; inputs: { input: string; bytes: number }[] }[];
  entryPoints: { name: string; params: string[]; custom: boolean; source: string | null }[];
  notes: string[];
}
export function buildManifest(): BuildManifest {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'build', 'build-manifest.json'), 'utf8')) as BuildManifest;
}

/** One sheet of a frozen spreadsheet: its values (row 0 = sheet row 1) and our role metadata. */
export interface FrozenSheet {
  name: string;
  role?: string;
  values: (string | number | boolean)[][];
}

/** A small OKR workbook (what the sidebar sees when it opens on a unit's sheet), in English. */
export const OKR_WORKBOOK: FrozenSheet[] = [
  {
    name: 'Support OKR',
    role: 'okr',
    values: [
      ['Unit', 'Customer support', '', 'Cycle', '2026-Q4'],
      ['Level', 'Department', '', 'Cycle start', '2026-10-01'],
      ['Owner', 'Wang Fang', '', 'Cycle end', '2026-12-31'],
      ['', '', '', '', ''],
      ['ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current', 'Unit', 'Confidence', 'Notes'],
      ['O1', 'Objective', 'Customers get answers on the first contact', 'Wang Fang', '', '', '', '', '', ''],
      ['O1.KR1', 'Increase', 'First-contact resolution from 62% to 80%', 'Wang Fang', 0.62, 0.8, 0.7, '%', 6, ''],
      ['O1.KR2', 'Decrease', 'Median wait on the hotline from 9 to 4 minutes', 'Zhao Lei', 9, 4, 7, 'min', 5, ''],
      ['O1.KR3', 'Milestone', 'Publish the self-service help centre', '', '', 1, '', '', '', ''],
    ],
  },
  { name: 'Notes', values: [['free text a team keeps beside its OKRs']] },
];

/**
 * The slice of a Spreadsheet that reading a snapshot uses (src/sheets/snapshot.ts), over fixed
 * values, with every call recorded in `log` as `Spreadsheet.method` / `Sheet.method`. Values are
 * rebuilt inside the context (JSON), so they are that realm's arrays, as Apps Script's are.
 * Anything else a handler calls is missing, and the call fails the way a missing method does.
 */
export function frozenSpreadsheet(ctx: vm.Context, sheets: FrozenSheet[], log: CallLog): unknown {
  const rec = (what: string) => log.calls.push(what);
  const inRealm = (v: unknown): unknown => vm.runInContext(`JSON.parse(${JSON.stringify(JSON.stringify(v))})`, ctx);
  const sheetObjs = sheets.map((s) => {
    const sheet = {
      getName: () => (rec('Sheet.getName'), s.name),
      getDataRange: () => (
        rec('Sheet.getDataRange'),
        {
          getValues: () => (rec('Range.getValues'), inRealm(s.values)),
          getDisplayValues: () => (rec('Range.getDisplayValues'), inRealm(s.values.map((r) => r.map(String)))),
        }
      ),
    };
    return sheet;
  });
  const meta = sheets.flatMap((s, i) => (s.role ? [{ getLocation: () => ({ getSheet: () => sheetObjs[i] }), getValue: () => s.role, getKey: () => 'okrSheets.role' }] : []));
  const finder = { withKey: () => finder, find: () => (rec('Spreadsheet.findDeveloperMetadata'), meta) };
  return {
    getName: () => (rec('Spreadsheet.getName'), 'Support team OKRs'),
    getSheets: () => (rec('Spreadsheet.getSheets'), sheetObjs),
    getSpreadsheetTimeZone: () => (rec('Spreadsheet.getSpreadsheetTimeZone'), 'Asia/Shanghai'),
    getActiveSheet: () => (rec('Spreadsheet.getActiveSheet'), sheetObjs[0]),
    createDeveloperMetadataFinder: () => finder,
  };
}
