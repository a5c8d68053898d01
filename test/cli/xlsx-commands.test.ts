import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../../src/local/xlsx/export';
import { importXlsx } from '../../src/local/xlsx/import';
import { smallPlan } from '../xlsx/fixtures';
import { cli, expectNoStack, sha256, tempDir } from './xlsx-helpers';

let dir: string;
beforeAll(async () => {
  dir = tempDir();
  writeFileSync(join(dir, 'small-zh.xlsx'), await exportXlsx(smallPlan('zh-CN')));
  writeFileSync(join(dir, 'small-en.xlsx'), await exportXlsx(smallPlan('en')));
});

describe('okr-sheets templates / template', () => {
  it('templates lists departments and roles with names in both languages', async () => {
    const r = await cli(dir, 'templates');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/sales\s+Sales \/ 销售/i);
    expect(r.out).toMatch(/--role/);
    const en = await cli(dir, 'templates', '--lang', 'en');
    expect(en.out).toMatch(/channelTeam .*\(Team; 1 objective, 4 key results\)/);
    expect(en.out).not.toMatch(/\b1 objectives/);
    const j = await cli(dir, 'templates', '--json');
    const list = JSON.parse(j.out) as Array<{ id: string; name: { 'zh-CN': string; en: string }; roles: unknown[] }>;
    expect(list.length).toBeGreaterThanOrEqual(8);
    expect(list.every((d) => d.name['zh-CN'] && d.name.en && d.roles.length > 0)).toBe(true);
  });

  it('template writes a workbook (OKR, Check-ins, Actions, Settings) that lint and score read back', async () => {
    const r = await cli(dir, 'template', 'sales', '--lang', 'zh-CN', '--cycle', '2026-Q4', '--owner', '张三', '--unit', '华东销售', '--as-of', '2026-11-15', '-o', 'sales.xlsx');
    expect(r.code, r.err).toBe(0);
    const plan = await importXlsx(readFileSync(join(dir, 'sales.xlsx')));
    expect(plan.sheets.map((s) => s.role)).toEqual(['okr', 'checkins', 'actions', 'settings']);
    expect(plan.sheets[0]!.name).toContain('华东销售');
    expect((await cli(dir, 'score', 'sales.xlsx', '--json')).code).toBe(0);
    // refuses to overwrite without --force
    const again = await cli(dir, 'template', 'sales', '-o', 'sales.xlsx');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists.*--force/);
    expect((await cli(dir, 'template', 'sales', '--force', '-o', 'sales.xlsx')).code).toBe(0);
  });

  it('template: unknown department / role / cycle and a missing -o are usage errors (exit 2) with the choices', async () => {
    const a = await cli(dir, 'template', 'nope', '-o', 'x.xlsx');
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/No department template "nope"\. Choose one of: .*sales/);
    const b = await cli(dir, 'template', 'sales', '--role', 'nobody', '-o', 'x.xlsx');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/has no role template/);
    expect((await cli(dir, 'template', 'sales', '--cycle', 'someday', '-o', 'x.xlsx')).err).toMatch(/Unknown cycle/);
    expect((await cli(dir, 'template', 'sales')).code).toBe(2);
    expect((await cli(dir, 'template', 'sales', '-o', 'x.txt')).err).toMatch(/should end in \.xlsx/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('okr-sheets lint / score', () => {
  it('lint: errors found → exit 1, with cell addresses; --json is machine-readable', async () => {
    const r = await cli(dir, 'lint', 'small-en.xlsx');
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/error/);
    expect(r.out).toMatch(/\bJ12\b.*unreadable-number/); // 'five' in Current of O2.KR2
    const j = await cli(dir, 'lint', 'small-en.xlsx', '--json');
    const report = JSON.parse(j.out) as { errors: number; sheets: Array<{ findings: Array<{ rule: string; cell: string; severity: string }> }> };
    expect(report.errors).toBeGreaterThan(0);
    expect(report.sheets[0]!.findings.some((f) => f.rule === 'unreadable-number' && f.cell === 'J12' && f.severity === 'error')).toBe(true);
  });

  it('lint: only warnings → exit 0; messages in Chinese with --lang zh-CN', async () => {
    await cli(dir, 'template', 'hr', '--lang', 'zh-CN', '--owner', '王五', '-o', 'hr.xlsx');
    const r = await cli(dir, 'lint', 'hr.xlsx', '--lang', 'zh-CN');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/个错误/);
  });

  it('score: the numbers are core semantics (increase 45→60 at 50 = 1/3; decrease 40→10 at 31 = 0.3; milestone TRUE = 1)', async () => {
    const r = await cli(dir, 'score', 'small-zh.xlsx', '--json');
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out) as { sheets: Array<{ asOf: string; krs: Array<{ id: string; progress: number; score: number; status: string }>; objectives: Array<{ id: string; progress: number }> }> };
    const kr = (id: string) => s.sheets[0]!.krs.find((k) => k.id === id)!;
    expect(s.sheets[0]!.asOf).toBe('2026-11-15');
    expect(kr('O1.KR1').progress).toBeCloseTo(1 / 3, 12);
    expect(kr('O1.KR2').progress).toBeCloseTo(0.3, 12);
    expect(kr('O2.KR1').progress).toBe(1);
    expect(kr('O2.KR1').status).toBe('done');
    expect(kr('O2.KR2').status).toBe('notStarted'); // 'five' is not a number
    const o1 = s.sheets[0]!.objectives.find((o) => o.id === 'O1')!;
    expect(o1.progress).toBeCloseTo(0.5 * (1 / 3) + 0.5 * 0.3, 12);
    const text = await cli(dir, 'score', 'small-zh.xlsx', '--lang', 'en');
    expect(text.out).toMatch(/O1\.KR1 .* progress 33%, score 0\.3/);
  });

  it('score --as-of overrides the sheet date; a bad date is a usage error', async () => {
    const r = await cli(dir, 'score', 'small-en.xlsx', '--json', '--as-of', '2026-10-02');
    expect(JSON.parse(r.out).sheets[0].asOf).toBe('2026-10-02');
    const bad = await cli(dir, 'score', 'small-en.xlsx', '--as-of', '2026-13-45');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/YYYY-MM-DD/);
    // days that do not exist in the month are refused too, not echoed into the review
    for (const cmd of ['score', 'review', 'lint']) {
      const feb30 = await cli(dir, cmd, 'small-en.xlsx', '--as-of', '2026-02-30');
      expect(feb30.code, cmd).toBe(2);
      expect(feb30.err).toMatch(/YYYY-MM-DD: 2026-02-30/);
    }
  });

  it('a file saved by a spreadsheet application (cached results) is read too', async () => {
    // simulate: an input cell holds a formula with a cached result, as Excel/WPS save it
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'small-en.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('J8').value = { formula: '40+10', result: 50 } as ExcelJS.CellFormulaValue;
    ws.getCell('P8').value = { formula: '1/3', result: 1 / 3 } as ExcelJS.CellFormulaValue; // Progress
    writeFileSync(join(dir, 'cached.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const s = JSON.parse((await cli(dir, 'score', 'cached.xlsx', '--json')).out);
    expect(s.sheets[0].krs.find((k: { id: string }) => k.id === 'O1.KR1').progress).toBeCloseTo(1 / 3, 12);
  });
});

describe('okr-sheets review / setup / import -o', () => {
  it('review prints Markdown, writes .md and .xlsx, never touches the input', async () => {
    const before = sha256(join(dir, 'small-en.xlsx'));
    const r = await cli(dir, 'review', 'small-en.xlsx', '--as-of', '2026-11-15');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^#/m);
    expect(r.out).toMatch(/Delight customers/);
    expect((await cli(dir, 'review', 'small-en.xlsx', '-o', 'review.md')).code).toBe(0);
    expect(readFileSync(join(dir, 'review.md'), 'utf8')).toMatch(/Delight customers/);
    expect((await cli(dir, 'review', 'small-en.xlsx', '-o', 'review.xlsx')).code).toBe(0);
    const plan = await importXlsx(readFileSync(join(dir, 'review.xlsx')));
    expect(plan.sheets[0]!.role).toBe('review');
    expect((await cli(dir, 'review', 'small-en.xlsx', '-o', 'small-en.xlsx', '--force')).err).toMatch(/must differ from the input/);
    expect((await cli(dir, 'review', 'small-en.xlsx', '-o', 'r.pdf')).code).toBe(2);
    expect(sha256(join(dir, 'small-en.xlsx'))).toBe(before);
  });

  it('setup: a roster CSV (quoted commas, CRLF, BOM) → one OKR sheet per unit', async () => {
    const csv = '\uFEFFUnit,Level,Parent unit,Owner,Email,Department template,Role template\r\n"Acme, Inc",company,,Ann,ann@example.com,company,ceo\r\nSales,department,"Acme, Inc",Bob,bob@example.com,sales,\r\n';
    writeFileSync(join(dir, 'roster.csv'), csv);
    const r = await cli(dir, 'setup', 'roster.csv', '--cycle', '2026-Q4', '-o', 'all.xlsx');
    expect(r.code, r.err).toBe(0);
    const plan = await importXlsx(readFileSync(join(dir, 'all.xlsx')));
    const okr = plan.sheets.filter((s) => s.role === 'okr');
    expect(okr).toHaveLength(2);
    expect(JSON.stringify(okr[1]!.values.slice(0, 4))).toContain('Acme, Inc');
  });

  it('setup: roster problems are all listed with their rows, exit 1, nothing written', async () => {
    writeFileSync(join(dir, 'bad-roster.csv'), 'Unit,Level,Parent unit,Owner,Department template\nA,company,,,company\nB,team,Nowhere,Bo,sales\n');
    const r = await cli(dir, 'setup', 'bad-roster.csv', '-o', 'bad.xlsx');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Row 2/);
    expect(r.err).toMatch(/Row 3/);
    expect(existsSync(join(dir, 'bad.xlsx'))).toBe(false);
  });

  it('import okrs.txt -o file.xlsx writes a workbook whose KRs carry the parsed numbers', async () => {
    writeFileSync(join(dir, 'okrs.txt'), 'O1: Delight customers (owner: Ann)\nKR1: Raise NPS from 45 to 60\nKR2: Cut complaints from 40 to 10\n');
    const r = await cli(dir, 'import', 'okrs.txt', '-o', 'imported.xlsx', '--lang', 'en');
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse((await cli(dir, 'score', 'imported.xlsx', '--json')).out);
    expect(s.sheets[0].krs.map((k: { id: string }) => k.id)).toEqual(['O1.KR1', 'O1.KR2']);
    const plan = await importXlsx(readFileSync(join(dir, 'imported.xlsx')));
    const row = plan.sheets[0]!.values.find((l) => l[0] === 'O1.KR1')!;
    expect([row[1], row[7], row[8]]).toEqual(['Increase', 45, 60]);
  });
});

describe('okr-sheets lint: alignment inside one workbook', () => {
  it('a link to a missing objective of a unit in the file is an error; a unit outside the file is not checked', async () => {
    const { buildOkrSheetPlanFromRows } = await import('../../src/core/plan/okrSheet');
    const { CYCLE } = await import('../xlsx/fixtures');
    const sheet = (unit: string, alignedTo: string, rows: Parameters<typeof buildOkrSheetPlanFromRows>[0]['rows']) =>
      buildOkrSheetPlanFromRows({ lang: 'en', header: { unit, level: 'team', owner: 'A', ...CYCLE, alignedTo, asOf: '2026-11-15' }, rows, settingsSheetName: null, spareRows: 2 });
    const parent = sheet('HQ', '', [
      { id: 'O1', type: 'objective', title: 'Grow', owner: 'A' },
      { id: 'O1.KR1', type: 'increase', title: 'Raise revenue from 1 to 2', owner: 'A', start: 1, target: 2 },
    ]);
    const child = sheet('Team', 'HQ', [
      { id: 'O1', type: 'objective', title: 'Help HQ grow', owner: 'B', alignsTo: 'HQ/O1' },
      { id: 'O1.KR1', type: 'increase', title: 'Raise leads from 1 to 2', owner: 'B', start: 1, target: 2, alignsTo: 'HQ/O7' },
      { id: 'O1.KR2', type: 'increase', title: 'Raise calls from 1 to 2', owner: 'B', start: 1, target: 2, alignsTo: 'Elsewhere/O1' },
    ]);
    writeFileSync(join(dir, 'aligned.xlsx'), await exportXlsx({ sheets: [parent, child] }));
    const r = JSON.parse((await cli(dir, 'lint', 'aligned.xlsx', '--json')).out) as { sheets: Array<{ findings: Array<{ rule: string; message: string }> }> };
    const aligned = r.sheets.flatMap((x) => x.findings).filter((f) => f.rule === 'aligned-parent');
    expect(aligned.map((f) => f.message)).toEqual([expect.stringContaining('HQ/O7')]);
  });
});
