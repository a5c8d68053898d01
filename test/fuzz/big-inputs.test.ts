/**
 * Huge rosters and huge texts through the real CLI in a child process with a capped heap:
 * `setup` with a 100,000-unit roster and `import -o` on 5 MB of text end in exit 2 with a
 * message that names the limit, never by exhausting memory.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hugeOkrText, hugeRosterCsv } from './bigInputs';
import { cliBundle, expectCleanExit, HEAP_MB, runCli } from './cliChild';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okr-big-'));
  await cliBundle();
});

describe(`huge inputs: exit 2 and the limit named (child, ${HEAP_MB} MB heap)`, () => {
  it('setup with a 100,000-unit roster', async () => {
    writeFileSync(join(dir, 'roster.csv'), hugeRosterCsv(100_000));
    const r = await runCli(['setup', 'roster.csv', '-o', 'out.xlsx', '--cycle', '2026-Q4'], dir);
    expectCleanExit(r);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/100,000 units, more than the limit of 300/);
  });

  it('import -o on 5 MB of text', async () => {
    writeFileSync(join(dir, 'okrs.txt'), hugeOkrText(5 * 1024 * 1024));
    const r = await runCli(['import', 'okrs.txt', '-o', 'okrs.xlsx'], dir);
    expectCleanExit(r);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/limit of 100,000 characters/);
  });

});
