import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../../src/local/xlsx/export';
import { smallPlan } from '../xlsx/fixtures';
import { cli, expectNoStack, sha256, tempDir, type Ran } from './xlsx-helpers';

let dir: string;

async function xlsxOf(rows: unknown[][], sheet = 'Data'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  dir = tempDir();
  const good = await exportXlsx(smallPlan('en'));
  writeFileSync(join(dir, 'good.xlsx'), good);
  writeFileSync(join(dir, 'random.xlsx'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(join(dir, 'empty.xlsx'), Buffer.alloc(0));
  writeFileSync(join(dir, 'text.xlsx'), 'ID,Type,Title\nO1,Objective,Grow\n');
  writeFileSync(join(dir, 'truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  const zip = new JSZip();
  zip.file('hello.txt', 'not a spreadsheet');
  writeFileSync(join(dir, 'other.zip.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
  writeFileSync(join(dir, 'notable.xlsx'), await xlsxOf([['Name', 'Amount'], ['a', 1], ['b', 2]]));
  mkdirSync(join(dir, 'folder.xlsx'));
});

const BAD = ['random.xlsx', 'empty.xlsx', 'text.xlsx', 'truncated.xlsx', 'other.zip.xlsx'];

function expectUsageError(r: Ran, message: RegExp) {
  expectNoStack(r);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.err.trim().split('\n').length).toBeLessThanOrEqual(3);
}

describe('bad input: a clear message and exit 2, never a stack trace; input never modified', () => {
  for (const file of BAD) {
    for (const cmd of ['lint', 'score', 'review']) {
      it(`${cmd} ${file}`, async () => {
        const before = sha256(join(dir, file));
        const r = await cli(dir, cmd, file);
        expectUsageError(r, new RegExp(`${file.replace(/\./g, '\\.')}.*(not a readable \\.xlsx file: (it is not a zip|it is damaged|it has no sheets)|No OKR table)`));
        expect(sha256(join(dir, file))).toBe(before);
      });
    }
  }

  it('missing file, a directory, a missing argument, an unknown option', async () => {
    expectUsageError(await cli(dir, 'lint', 'nowhere.xlsx'), /File not found: nowhere\.xlsx/);
    expectUsageError(await cli(dir, 'score', 'folder.xlsx'), /Not a file: folder\.xlsx/);
    expectUsageError(await cli(dir, 'lint'), /Missing argument/);
    expectUsageError(await cli(dir, 'score', 'good.xlsx', '--frobnicate'), /Unknown option: --frobnicate/);
    expectUsageError(await cli(dir, 'lint', 'good.xlsx', '--lang', 'fr'), /--lang must be zh-CN or en/);
  });

  it('a workbook without an OKR table', async () => {
    expectUsageError(await cli(dir, 'lint', 'notable.xlsx'), /No OKR table in notable\.xlsx/);
    expectUsageError(await cli(dir, 'score', 'notable.xlsx', '--lang', 'zh-CN'), /notable\.xlsx 中没有 OKR 表/);
  });

  it('lint, score and review leave the input byte for byte as it was', async () => {
    const path = join(dir, 'good.xlsx');
    const before = sha256(path);
    await cli(dir, 'lint', 'good.xlsx');
    await cli(dir, 'score', 'good.xlsx', '--json');
    await cli(dir, 'review', 'good.xlsx', '-o', 'r.md');
    expect(sha256(path)).toBe(before);
  });
});

describe('awkward but valid tables: a correct answer', () => {
  it('renamed (aliases, other language) and moved columns, header lower down, extra columns', async () => {
    const rows: unknown[][] = [
      ['Quarterly goals'],
      ['Cycle', '2026-Q4'],
      ['As of', '2026-11-15'],
      [],
      ['Notes', 'Current', 'Baseline', '目标值', 'Objective/Key result', 'No.', 'Type', 'Extra', 'Weight'],
      ['', '', '', '', 'Grow', 'O1', 'Objective'],
      ['', 70, 40, 80, 'Raise NPS from 40 to 80', 'O1.KR1', 'Increase', 'x', '50%'],
      ['', '12 days', 20, 10, 'Cut lead time from 20 to 10 days', 'O1.KR2', '降低', 'y', 0.5],
      ['', 'lots', 0, 10, 'Text where a number belongs', 'O1.KR3', 'Increase'],
    ];
    writeFileSync(join(dir, 'moved.xlsx'), await xlsxOf(rows, 'My OKRs'));
    const r = await cli(dir, 'score', 'moved.xlsx', '--json');
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out);
    const kr = (id: string) => s.sheets[0].krs.find((k: { id: string }) => k.id === id);
    expect(kr('O1.KR1').progress).toBeCloseTo(0.75, 12);
    // '12 days' is text to the sheet: its formulas see no number, so neither does score (one
    // number rule); Check reports the cell with the number it would be
    expect(kr('O1.KR2').progress).toBe(0);
    expect(kr('O1.KR3').progress).toBe(0);
    expect(kr('O1.KR3').status).toBe('notStarted');
    const lint = await cli(dir, 'lint', 'moved.xlsx', '--json');
    expect(lint.code).toBe(1);
    const findings = JSON.parse(lint.out).sheets[0].findings as Array<{ rule: string; cell: string }>;
    expect(findings.some((f) => f.rule === 'unreadable-number' && f.cell === 'B9')).toBe(true);
    expect(findings.filter((f) => f.cell === 'B8').length).toBeGreaterThan(0);
  });

  it('10,000 KR rows: lint and score answer (exit codes, counts, a spot value)', async () => {
    const rows: unknown[][] = [['Cycle', '2026-Q4'], ['As of', '2026-11-15'], [], ['ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current', 'Weight']];
    for (let o = 1; o <= 2500; o++) {
      rows.push([`O${o}`, 'Objective', `Objective ${o}`, 'A']);
      for (let k = 1; k <= 4; k++) rows.push([`O${o}.KR${k}`, 'Increase', `Raise metric ${k} from 0 to 100`, 'B', 0, 100, (o * k) % 101, 0.25]);
    }
    writeFileSync(join(dir, 'big.xlsx'), await xlsxOf(rows, 'OKR'));
    const s = await cli(dir, 'score', 'big.xlsx', '--json');
    expect(s.code, s.err).toBe(0);
    const sheet = JSON.parse(s.out).sheets[0];
    expect(sheet.krs).toHaveLength(10_000);
    expect(sheet.objectives).toHaveLength(2500);
    expect(sheet.krs.find((k: { id: string }) => k.id === 'O7.KR3').progress).toBeCloseTo(21 / 100, 12);
    const l = await cli(dir, 'lint', 'big.xlsx', '--json');
    expectNoStack(l);
    expect(l.code).toBe(1); // 2,500 objectives > 5
    expect(JSON.parse(l.out).sheets[0].findings.some((f: { rule: string }) => f.rule === 'max-objectives')).toBe(true);
  });
});
