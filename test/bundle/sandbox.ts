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
export function appsScriptStandIns(log: CallLog = { calls: [] }, locale = 'en', dir = DIST): Record<string, unknown> {
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
      getActive: () => null,
      getActiveSpreadsheet: () => null,
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
export function loadDist(opts: { dir?: string; order?: string[]; log?: CallLog; locale?: string } = {}): vm.Context {
  const dir = opts.dir ?? DIST;
  const ctx = vm.createContext(appsScriptStandIns(opts.log, opts.locale, dir));
  for (const f of opts.order ?? distScripts(dir)) {
    vm.runInContext(fs.readFileSync(path.join(dir, f), 'utf8'), ctx, { filename: f });
  }
  return ctx;
}

/** The build's own record of the entry points (written next to dist, in build/). */
export interface BuildManifest {
  files: { name: string; bytes: number; gzip: number }[];
  entryPoints: { name: string; params: string[]; custom: boolean; source: string | null }[];
  notes: string[];
}
export function buildManifest(): BuildManifest {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'build', 'build-manifest.json'), 'utf8')) as BuildManifest;
}
