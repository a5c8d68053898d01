/**
 * Hostile .xlsx files (test/fuzz/hostileXlsx.ts) through lint, score and review in a child
 * process with a capped heap: every case ends in exit 0, 1 or 2 with a short message and no
 * internal text — never a crash (an exhausted heap is exit 134) and never a hang.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/xlsx-helpers';
import { cliBundle, expectCleanExit, HEAP_MB, runCli } from './cliChild';
import { HOSTILE_XLSX } from './hostileXlsx';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okr-fuzz-'));
  await cliBundle();
});

/** What the limit messages say (the README's "Reliability" section lists the same limits). */
const REFUSED: Record<string, RegExp> = {
  'one merged range A1:XFD1048576': /merged range A1:XFD1048576 is larger than the limit of 2,000,000 cells/,
  'a cell at XFD1048576': /more than the limit of 100,000 rows/,
  'a cell in column 10,000 of row 3': /more than the limit of 500 columns/,
  'zip bomb: declares 250 MB unpacked': /more than the limit of 200 MB/,
  'zip bomb: 64 MB of one letter declared as 1 KB': /zip bomb/,
  '150,000 rows without row numbers': /more than the limit of 100,000 rows/,
};

/** The cases that used to exhaust memory: run in a child with a capped heap. */
const IN_CHILD = new Set(['one merged range A1:XFD1048576', '150,000 rows without row numbers', 'zip bomb: 64 MB of one letter declared as 1 KB']);

describe('hostile xlsx: exit 0/1/2, a message that names the limit (the dangerous ones under a capped heap)', () => {
  HOSTILE_XLSX.forEach((c, i) => {
    const cmd = ['lint', 'score', 'review'][i % 3]!;
    it(`${cmd}: ${c.name}${IN_CHILD.has(c.name) ? ` (child, ${HEAP_MB} MB heap)` : ''}`, async () => {
      const file = join(dir, `case${i}.xlsx`);
      writeFileSync(file, await c.build());
      const r = IN_CHILD.has(c.name) ? await runCli([cmd, file], dir) : { ...(await cli(dir, cmd, file)), signal: null };
      expectCleanExit(r);
      const refused = REFUSED[c.name];
      if (refused) {
        expect(r.code).toBe(2);
        expect(r.err).toMatch(refused);
      }
    });
  });
});
