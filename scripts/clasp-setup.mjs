#!/usr/bin/env node
/**
 * First-time clasp set-up without hand-editing JSON (README "Deploying").
 *
 * `.clasp.json` is per developer (it names *your* Apps Script project) and is not committed:
 * clasp 3's `create-script` and `clone-script` both refuse to run while a `.clasp.json` with a
 * script id exists ("Project file already exists."), so a committed placeholder id would block
 * every newcomer's first step. `.clasp.json.example` shows the shape.
 *
 *   node scripts/clasp-setup.mjs create [--title "OKR Sheets"]
 *       runs `clasp create-script --type standalone --title … --rootDir dist` (an Editor add-on is
 *       published from a standalone project), then rebuilds dist/ (clasp pulls the new project's
 *       default Code.js and manifest into dist/; the build replaces them)
 *   node scripts/clasp-setup.mjs use <scriptId | script editor URL>
 *       writes .clasp.json for an existing project (no network; what `clasp clone` would write,
 *       without pulling the remote files over dist/)
 *   node scripts/clasp-setup.mjs check
 *       exit 1 with one line saying what to do when .clasp.json is missing, holds a placeholder,
 *       or does not push dist/ (run first by `npm run deploy`)
 *
 * Logging in (`npx clasp login`) stays a separate, interactive step: it opens a browser.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT_DIR = 'dist';
export const DEFAULT_TITLE = 'OKR Sheets';

/**
 * Apps Script ids are long URL-safe base64 strings (57 characters today; be lenient), with
 * digits and both cases — which tells a real id from a placeholder such as REPLACE_WITH_….
 */
const ID_CHARS = /^[A-Za-z0-9_-]{20,120}$/;
const isScriptId = (s) => ID_CHARS.test(s) && /[0-9]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s);

/** A script id from an id or from a script editor URL (`https://script.google.com/d/<id>/edit`, `/home/projects/<id>/edit`). */
export function parseScriptId(input) {
  const s = String(input ?? '').trim();
  const m = /\/(?:d|projects)\/([A-Za-z0-9_-]{20,120})(?:[/?#]|$)/.exec(s);
  const id = m ? m[1] : s;
  return isScriptId(id) ? id : null;
}

/** What `.clasp.json` must hold for `npm run deploy`. */
export function claspConfig(scriptId) {
  return { scriptId, rootDir: ROOT_DIR };
}

/** null when fine, else the one-line reason and what to do. */
export function checkConfig(root = ROOT) {
  const file = path.join(root, '.clasp.json');
  if (!fs.existsSync(file)) {
    return '.clasp.json is missing: run `npm run clasp:create` (new standalone project) or `npm run clasp:use -- <scriptId>` (existing one) first';
  }
  let cfg;
  try {
    cfg = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return `.clasp.json is not valid JSON (${e.message}): delete it and run \`npm run clasp:use -- <scriptId>\``;
  }
  if (!cfg || typeof cfg.scriptId !== 'string' || !isScriptId(cfg.scriptId)) {
    return '.clasp.json has no real script id: run `npm run clasp:use -- <scriptId>` with the id from Project Settings';
  }
  const rootDir = path.normalize(String(cfg.rootDir ?? '.'));
  if (path.resolve(root, rootDir) !== path.resolve(root, ROOT_DIR)) {
    return `.clasp.json pushes "${cfg.rootDir ?? '.'}", not "${ROOT_DIR}": run \`npm run clasp:use -- ${cfg.scriptId}\` to fix it`;
  }
  return null;
}

/** The clasp command line for a new standalone project (exported for the tests). */
export function createArgs(title = DEFAULT_TITLE) {
  return ['clasp', 'create-script', '--type', 'standalone', '--title', title, '--rootDir', ROOT_DIR];
}

export function writeConfig(scriptId, root = ROOT, { force = false } = {}) {
  const file = path.join(root, '.clasp.json');
  if (fs.existsSync(file) && !force) {
    const old = (() => {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        return null;
      }
    })();
    if (old && old.scriptId && old.scriptId !== scriptId && isScriptId(old.scriptId)) {
      throw new Error(`.clasp.json already names project ${old.scriptId}; add --force to replace it`);
    }
  }
  fs.writeFileSync(file, JSON.stringify(claspConfig(scriptId), null, 2) + '\n');
  return file;
}

function usage() {
  return [
    'usage: node scripts/clasp-setup.mjs create [--title "OKR Sheets"]',
    '       node scripts/clasp-setup.mjs use <scriptId | script editor URL> [--force]',
    '       node scripts/clasp-setup.mjs check',
  ].join('\n');
}

export function main(argv, root = ROOT) {
  const [cmd, ...rest] = argv;
  const flag = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  if (cmd === 'check') {
    const problem = checkConfig(root);
    if (problem) {
      console.error(problem);
      return 1;
    }
    return 0;
  }
  if (cmd === 'use') {
    const arg = rest.find((a) => !a.startsWith('--'));
    const id = parseScriptId(arg);
    if (!id) {
      console.error(`not a script id or script editor URL: ${arg ?? '(none)'}\n${usage()}`);
      return 2;
    }
    try {
      const file = writeConfig(id, root, { force: rest.includes('--force') });
      console.log(`Wrote ${path.relative(root, file)}: project ${id}, pushing ${ROOT_DIR}/`);
      return 0;
    } catch (e) {
      console.error(e.message);
      return 1;
    }
  }
  if (cmd === 'create') {
    if (fs.existsSync(path.join(root, '.clasp.json')) && !checkConfig(root)) {
      console.error('.clasp.json already names a project; delete it first to create another one');
      return 1;
    }
    // A leftover placeholder file would make clasp refuse ("Project file already exists.").
    if (fs.existsSync(path.join(root, '.clasp.json'))) fs.rmSync(path.join(root, '.clasp.json'));
    const [bin, ...args] = createArgs(flag('--title') ?? DEFAULT_TITLE);
    const r = spawnSync('npx', [bin, ...args], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) return r.status ?? 1;
    const problem = checkConfig(root);
    if (problem) {
      console.error(`clasp finished, but ${problem}`);
      return 1;
    }
    const b = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
    return b.status ?? 1;
  }
  console.error(usage());
  return 2;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
