/** Runs CLI commands in-process (src/local/cli/main.ts) with captured output, in a temp dir. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/local/cli/main';

export interface Ran {
  code: number;
  out: string;
  err: string;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'okr-cli-'));
}

export async function cli(cwd: string, ...args: string[]): Promise<Ran> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdin: async () => '',
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    cwd,
    env: { LANG: 'en_US.UTF-8' },
  });
  return { code, out, err };
}

export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** No stack trace and no internal error text reaches the user. */
export function expectNoStack(r: Ran): void {
  const all = r.out + r.err;
  if (/\n\s+at .+\(.*:\d+:\d+\)/.test(all) || /TypeError|ReferenceError|Cannot read prop/.test(all)) {
    throw new Error(`stack trace or internal error in output:\n${all}`);
  }
}
