import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli/import';
import type { CliIo } from '../../src/local/cli/main';
import { readXlsxValues } from '../../src/local/xlsx/values';

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdin: async () => '', stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env: { LANG: 'en_US' }, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

/** A team's own tracker: a title row, zh headers, the objective merged down, a progress formula. */
async function teamWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表由销售运营维护']);
  const ws = wb.addWorksheet('销售部 OKR');
  ws.addRow(['销售部 2026 Q3 OKR']);
  ws.addRow(['目标', '关键结果', '负责人', '目标值', '当前值', '进度', '权重']);
  ws.addRow(['扩大渠道覆盖', '新签区域代理商 12 家', '赵敏', 12, 6, null, '40%']);
  ws.addRow([null, '渠道销售额占比从 20% 提升到 30%', '孙杰', 0.3, 0.24, null, '60%']);
  ws.addRow(['提高渠道质量', '代理商季度流失率低于 5%', '孙杰', 0.05, 0.06, null, '100%']);
  ws.mergeCells('A3:A4');
  for (const r of [3, 4, 5]) ws.getCell(`F${r}`).value = { formula: `E${r}/D${r}`, result: r === 3 ? 0.5 : r === 4 ? 0.8 : 1.2 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('okr-sheets import FILE.xlsx|FILE.csv (adopt this sheet)', () => {
  it('finds the OKR sheet of an xlsx, prints the mapping and the OKRs, formulas kept as values with a note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-adopt-'));
    const buf = await teamWorkbook();
    writeFileSync(join(dir, 'team.xlsx'), buf);
    const f = fakeIo(dir);
    expect(await run(['team.xlsx', '--json'], f.io)).toBe(0);
    expect(f.err()).toMatch(/^销售部 OKR: objective ← column A \(目标\); key result ← column B \(关键结果\)/);
    const r = JSON.parse(f.out()) as { objectives: { title: string; key_results: { title: string; owner: string }[] }[]; mapping: { role: string | null }[] };
    expect(r.objectives.map((o) => [o.title, o.key_results.map((k) => [k.title, k.owner])])).toEqual([
      ['扩大渠道覆盖', [['新签区域代理商 12 家', '赵敏'], ['渠道销售额占比从 20% 提升到 30%', '孙杰']]],
      ['提高渠道质量', [['代理商季度流失率低于 5%', '孙杰']]],
    ]);
    expect(r.mapping.map((m) => m.role)).toEqual(['objective', 'kr', 'owner', 'target', 'current', 'progress', 'weight']);
    // the source is untouched
    expect(readFileSync(join(dir, 'team.xlsx')).equals(buf)).toBe(true);
  });

  it('-o builds our OKR sheet from it (values and notes carried), and refuses to overwrite the source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-adopt-'));
    const buf = await teamWorkbook();
    writeFileSync(join(dir, 'team.xlsx'), buf);
    const f = fakeIo(dir);
    expect(await run(['team.xlsx', '-o', 'okrs.xlsx', '--cycle', '2026-Q3'], f.io)).toBe(0);
    const wb = await readXlsxValues(readFileSync(join(dir, 'okrs.xlsx')));
    const cells = wb.sheets.flatMap((s) => s.values.flat()).filter((v): v is string => typeof v === 'string');
    expect(cells).toContain('新签区域代理商 12 家');
    expect(cells.some((c) => c.includes('原为公式 =E3/D3，已保留为值 0.5') || c.includes('was the formula =E3/D3, kept as the value 0.5'))).toBe(true);
    const again = fakeIo(dir);
    expect(await run(['team.xlsx', '-o', 'team.xlsx', '--force'], again.io)).toBe(2);
    expect(readFileSync(join(dir, 'team.xlsx')).equals(buf)).toBe(true);
  });

  it('reads a CSV in the Google grading style, and says what it looked for when a file has no OKR table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-adopt-'));
    writeFileSync(join(dir, 'grades.csv'), 'Objectives & Key Results,Grade\n"O1: Launch the new pricing",0.7\n"KR1: Publish new price pages by July 1",1\n"KR2: Move 40% of customers to the new plans",0.5\n');
    const f = fakeIo(dir);
    expect(await run(['grades.csv'], f.io)).toBe(0);
    const r = JSON.parse(f.out()) as { objectives: { title: string; key_results: { title: string }[] }[] };
    expect(r.objectives.map((o) => [o.title, o.key_results.length])).toEqual([['Launch the new pricing', 2]]);

    writeFileSync(join(dir, 'people.csv'), 'Name,Email\nAmy,amy@example.com\n');
    const bad = fakeIo(dir);
    expect(await run(['people.csv', '-o', 'out.xlsx'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/No OKR table found \(looked in the first 2 rows for a header naming Objective/);
    expect(() => readFileSync(join(dir, 'out.xlsx'))).toThrow();
  });
});

describe('okr-sheets import --json: the document header', () => {
  it('adds unit, owner and cycle when the text names them, and nothing when it does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-json-'));
    writeFileSync(join(dir, 'a.md'), '# 市场部 2026年Q4 OKR\n负责人：刘洋\n## 提升品牌影响力\n- 粉丝从 2 万增长到 5 万\n');
    writeFileSync(join(dir, 'b.md'), 'O1: Grow\nKR1: Close 20 deals\n');
    const a = fakeIo(dir);
    expect(await run(['a.md', '--json'], a.io)).toBe(0);
    expect(JSON.parse(a.out())).toMatchObject({ unit: '市场部', owner: '刘洋', cycle: '2026-Q4' });
    const b = fakeIo(dir);
    expect(await run(['b.md', '--json'], b.io)).toBe(0);
    expect(Object.keys(JSON.parse(b.out()))).toEqual(['objectives', 'notes']);
  });
});
