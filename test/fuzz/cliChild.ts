/**
 * Runs the CLI in a child process whose heap is capped (HEAP_MB), so a memory blow-up shows
 * as a crash of the child (exit 134 / a signal) instead of taking the test runner down. The CLI
 * is bundled once per run (like bin/okr-sheets.mjs does, into node_modules/.cache so its
 * packages resolve), not rebuilt per case. A child still running after HARD_STOP_MS is killed:
 * that fails the case as a hang; no test asserts a timing.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { bundleCli } from './cliBundle';

const ROOT = join(__dirname, '..', '..');
let built: Promise<string> | undefined;
export const cliBundle = (): Promise<string> => (built ??= bundleCli(ROOT));
export const HEAP_MB = 512;
export const HARD_STOP_MS = 45_000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

export async function runCli(args: string[], cwd: string, input = ''): Promise<Exit> {
  const script = await cliBundle();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, script, ...args], {
      cwd,
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), HARD_STOP_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** Exit 0, 1 or 2; no stack trace, no internal JavaScript error text. */
export function expectCleanExit(r: Exit): void {
  expect(r.signal, `killed: ${r.err.slice(0, 300)}`).toBeNull();
  expect([0, 1, 2], r.err.slice(0, 300)).toContain(r.code);
  const all = r.out + r.err;
  expect(all).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(all).not.toMatch(/TypeError|ReferenceError|RangeError|Cannot (read|set) prop|heap out of memory|undefined \(/);
}
