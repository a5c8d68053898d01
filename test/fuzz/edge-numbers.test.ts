/**
 * Numbers at the edges (±1e308, Number.MAX_VALUE, tiny, huge targets) through lint, score and
 * review: exit 0/1/2, and no "NaN" or "Infinity" in anything printed (issue 11, item 8).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { krProgress, krRatio } from '../../src/core/progress';
import { cli, tempDir } from '../cli/xlsx-helpers';
import { expectCleanExit } from './cliChild';

const EDGES = [-1e308, 1e308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e-300, 0, -0, 1e15, -1e15, 5e-324];

async function table(rows: Array<[number | null, number | null, number | null]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sales');
  ws.addRow(['ID', 'Type', 'Title', 'Owner', 'Start', 'Target', 'Current', 'Unit']);
  ws.addRow(['O1', 'Objective', 'Grow', 'Ann']);
  rows.forEach(([s, t, c], i) => ws.addRow([`O1.KR${i + 1}`, 'Increase', `Move the number ${i + 1}`, 'Ann', s, t, c, 'x']));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

describe('edge numbers: never NaN or Infinity', () => {
  it('core progress and ratio stay finite for any finite start, target, current', () => {
    const num = fc.oneof(fc.constantFrom(...EDGES), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.constantFrom('increase', 'decrease', 'atLeast', 'atMost', 'milestone') as fc.Arbitrary<'increase'>, num, num, num, (type, s, t, c) => {
        const p = krProgress(type, s, t, c);
        expect(Number.isFinite(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        const r = krRatio(type, s, t, c);
        if (r !== null) expect(Number.isFinite(r)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('start −1e308, target 1e308 through lint, score and review', async () => {
    writeFileSync(join(dir, 'edge.xlsx'), await table([[-1e308, 1e308, 1e308], [-1e308, 1e308, 0], [Number.MAX_VALUE, -Number.MAX_VALUE, 0], [5e-324, 1e-300, 1e-310]]));
    for (const args of [['lint', 'edge.xlsx'], ['score', 'edge.xlsx'], ['score', 'edge.xlsx', '--json'], ['review', 'edge.xlsx']]) {
      const r = await cli(dir, ...args);
      expectCleanExit({ ...r, signal: null });
      expect(r.out + r.err, args.join(' ')).not.toMatch(/NaN|Infinity/);
    }
  });
});
