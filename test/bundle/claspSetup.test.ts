/**
 * Clone → installed add-on (issue 16 §1): a fresh checkout carries no `.clasp.json` (clasp 3's
 * create-script / clone-script refuse to run while one exists), `npm run clasp:use` writes one
 * that clasp itself reads as "push dist/", and `npm run deploy` never stops at a prompt.
 * clasp's own config loader is used (no login, no network).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROOT, checkConfig, createArgs, main, parseScriptId, writeConfig } from '../../scripts/clasp-setup.mjs';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghijKLMNOPqrs';

interface ClaspInstance {
  project: { exists(): boolean };
  options: { files: { contentDir: string }; project?: { scriptId?: string } };
  files: { collectLocalFiles(): Promise<{ files: { localPath: string }[] }> };
}
async function claspIn(dir: string): Promise<ClaspInstance> {
  const url = pathToFileURL(path.join(ROOT, 'node_modules/@google/clasp/build/src/core/clasp.js')).href;
  const mod = (await import(url)) as { initClaspInstance(o: object): Promise<ClaspInstance> };
  const cwd = process.cwd();
  process.chdir(dir); // clasp looks for .clasp.json from the working directory up
  try {
    return await mod.initClaspInstance({});
  } finally {
    process.chdir(cwd);
  }
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-clasp-'));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the repository', () => {
  it('commits no .clasp.json (it would block clasp create / clone), only an example, and ignores the real one', () => {
    expect(fs.existsSync(path.join(ROOT, '.clasp.json.example'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, '.clasp.json.example'), 'utf8')).rootDir).toBe('dist');
    expect(fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('.clasp.json');
  });

  it('deploys without clasp prompting about the manifest, after checking the set-up', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.deploy).toMatch(/clasp-setup\.mjs check && npm run build && clasp push --force$/);
    expect(pkg.scripts['clasp:create']).toContain('clasp-setup.mjs create');
    expect(pkg.scripts['clasp:use']).toContain('clasp-setup.mjs use');
  });
});

describe('the installed clasp', () => {
  // clasp's own --help (no login, no network): the flags our scripts pass exist in this version
  const help = (...cmd: string[]) => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/@google/clasp/build/src/index.js'), ...cmd, '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  it('takes create-script --type standalone --title --rootDir (npm run clasp:create)', () => {
    const out = help('create-script');
    for (const flag of ['--type <type>', '--title <title>', '--rootDir <rootDir>']) expect(out).toContain(flag);
    expect(out).toMatch(/standalone/);
    for (const a of createArgs().filter((x) => x.startsWith('--'))) expect(out).toContain(a);
  });

  it('takes push --force, which overwrites the remote manifest without asking (npm run deploy)', () => {
    expect(help('push')).toMatch(/-f, --force\s+Forcibly overwrites the remote manifest/);
  });
});

describe('scripts/clasp-setup.mjs', () => {
  it('reads a script id from an id or a script editor URL, and refuses anything else', () => {
    expect(parseScriptId(ID)).toBe(ID);
    expect(parseScriptId(`https://script.google.com/d/${ID}/edit`)).toBe(ID);
    expect(parseScriptId(`https://script.google.com/home/projects/${ID}/edit?x=1`)).toBe(ID);
    expect(parseScriptId('REPLACE WITH YOUR SCRIPT ID')).toBeNull();
    expect(parseScriptId('')).toBeNull();
    expect(parseScriptId('../../etc')).toBeNull();
  });

  it('creates a standalone project (what an Editor add-on is published from) pushing dist/', () => {
    expect(createArgs()).toEqual(['clasp', 'create-script', '--type', 'standalone', '--title', 'OKR Sheets', '--rootDir', 'dist']);
  });

  it('check: says what to do when .clasp.json is missing, a placeholder, or pushes another folder', () => {
    expect(checkConfig(dir)).toMatch(/missing.*clasp:create.*clasp:use/);
    fs.writeFileSync(path.join(dir, '.clasp.json'), JSON.stringify({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' }));
    expect(checkConfig(dir)).toMatch(/no real script id/);
    fs.writeFileSync(path.join(dir, '.clasp.json'), JSON.stringify({ scriptId: ID, rootDir: '.' }));
    expect(checkConfig(dir)).toMatch(/not "dist"/);
    expect(main(['check'], dir)).toBe(1);
    fs.writeFileSync(path.join(dir, '.clasp.json'), JSON.stringify({ scriptId: ID, rootDir: 'dist/' }));
    expect(checkConfig(dir)).toBeNull();
    expect(main(['check'], dir)).toBe(0);
  });

  it('use: writes a config clasp itself reads as "this project, push dist/"; never silently replaces another project', async () => {
    const before = await claspIn(dir);
    expect(before.project.exists()).toBe(false); // a fresh checkout: clasp create / clone may run

    expect(main(['use', `https://script.google.com/d/${ID}/edit`], dir)).toBe(0);
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', 'Code.js'), 'function f() {}\n');
    fs.writeFileSync(path.join(dir, 'dist', 'appsscript.json'), '{"timeZone":"Etc/UTC"}\n');
    const clasp = await claspIn(dir);
    expect(clasp.project.exists()).toBe(true);
    expect(clasp.options.project?.scriptId).toBe(ID);
    expect(clasp.options.files.contentDir).toBe(path.join(fs.realpathSync(dir), 'dist'));
    const pushed = (await clasp.files.collectLocalFiles()).files.map((f) => f.localPath).sort();
    expect(pushed.map((p) => path.basename(p))).toEqual(['Code.js', 'appsscript.json']);
    // clasp gives local paths relative to the working directory, not to the project
    for (const p of pushed) expect(path.resolve(p).startsWith(path.join(fs.realpathSync(dir), 'dist'))).toBe(true);

    const other = ID.replace(/^1/, '2');
    expect(() => writeConfig(other, dir)).toThrow(/--force/);
    expect(main(['use', other, '--force'], dir)).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.clasp.json'), 'utf8')).scriptId).toBe(other);
    expect(main(['use', 'nonsense'], dir)).toBe(2);
  });
});
