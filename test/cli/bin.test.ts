import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function runBin(bin: string, args: string[], stdin: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } });
    let out = '';
    let err = '';
    p.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    p.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    p.on('error', fail);
    p.on('close', (code) => done({ code, out, err }));
    p.stdin.end(stdin);
  });
}

const EXPECTED =
  '{"kind":"metric","direction":"decrease","start":1.5,"target":1,"unit":"天","relative":false,"deadline":null,"placeholder":false,"type":"decrease"}\n';

describe('bin/okr-sheets.mjs (child process)', () => {
  it('builds from scratch and prints nothing but the command output', async () => {
    // A throw-away checkout layout (own cache dir) so the first run really bundles.
    const tmp = mkdtempSync(join(tmpdir(), 'okr-bin-'));
    mkdirSync(join(tmp, 'bin'));
    mkdirSync(join(tmp, 'node_modules'));
    cpSync(join(ROOT, 'bin', 'okr-sheets.mjs'), join(tmp, 'bin', 'okr-sheets.mjs'));
    symlinkSync(join(ROOT, 'src'), join(tmp, 'src'));
    symlinkSync(join(ROOT, 'node_modules', 'esbuild'), join(tmp, 'node_modules', 'esbuild'));
    const bin = join(tmp, 'bin', 'okr-sheets.mjs');
    try {
    const first = await runBin(bin, ['parse'], '将采购周期由 1.5 天缩短至 1 天\n');
    expect(first.err).toBe('');
    expect(first.out).toBe(EXPECTED);
    expect(first.code).toBe(0);
    expect(existsSync(join(tmp, 'node_modules', '.cache', 'okr-sheets', 'cli.mjs'))).toBe(true);
    const second = await runBin(bin, ['parse'], '将采购周期由 1.5 天缩短至 1 天\n');
    expect(second).toEqual({ code: 0, out: EXPECTED, err: '' });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('the real bin: parse from stdin, unknown command exits 2', async () => {
    const bin = join(ROOT, 'bin', 'okr-sheets.mjs');
    expect(await runBin(bin, ['parse'], '将采购周期由 1.5 天缩短至 1 天\n')).toEqual({ code: 0, out: EXPECTED, err: '' });
    const bad = await runBin(bin, ['nope'], '');
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('Unknown command: nope');
  });
});
