/** The one text-import task: the sidebar and `import -o` get the same rows; append occupancy. */
import { describe, expect, it } from 'vitest';
import { parseOkrText } from '../../../src/core/importtext';
import { readTableValues, isTableError, type TableReadOk } from '../../../src/core/table';
import { APPEND_COLUMNS, appendTask, importPreview, importRows, importWorkbookPlan } from '../../../src/core/tasks/importText';
import { importedToPlan } from '../../../src/local/xlsx/importText';

const TEXT = [
  '目标1：提升客户满意度',
  '负责人：王芳',
  'KR1：NPS 由 45 提升到 60，12月15日前',
  'KR2：投诉率由 3% 降到 1.5%',
  '负责人：李雷',
  'KR3：上线自助服务中心',
].join('\n');

describe('one import task for the sidebar and the CLI', () => {
  const imported = parseOkrText(TEXT);
  const opts = { lang: 'zh-CN' as const, cycle: '2026-Q4', today: '2026-11-02' };

  it('types, numbers, owners (inherited) and due days are decided once', () => {
    const rows = importRows(imported, opts);
    expect(rows.map((r) => [r.id, r.type, r.owner])).toEqual([
      ['O1', 'objective', '王芳'], ['O1.KR1', 'increase', '王芳'], ['O1.KR2', 'decrease', '李雷'], ['O1.KR3', 'milestone', '王芳'],
    ]);
    expect(rows[1]).toMatchObject({ start: 45, target: 60, due: '2026-12-15' });
    expect(rows[2]).toMatchObject({ start: 0.03, target: 0.015, unit: '%', valueFormat: '0%' });
    expect(rows[3]).toMatchObject({ start: null, target: 1, valueFormat: '0%' });
  });

  it('the sidebar preview and the `import -o` workbook carry the same rows', () => {
    const preview = importPreview(imported, opts).rows;
    const okr = importedToPlan(imported, { lang: 'zh-CN', cycle: '2026-Q4' }).sheets[0]!;
    const sheetPlan = importWorkbookPlan(imported, opts).sheets[0]!;
    expect(JSON.stringify(okr.values)).toBe(JSON.stringify(sheetPlan.values));
    // every previewed KR title sits in the sheet plan with the same numbers
    for (const r of preview.filter((p) => p.type !== 'objective')) {
      const line = okr.values.find((v) => v.includes(r.id))!;
      expect(line).toContain(r.title);
      if (r.target !== null) expect(line).toContain(r.target);
    }
  });
});

describe('append: only free rows, only the filled columns', () => {
  const header = ['ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current', 'Unit', 'Progress', 'Score', 'Notes'];
  const table = [
    ['Unit', 'Sales'], ['Cycle', '2026-Q4'], [],
    header,
    ['O1', 'Objective', 'Grow', 'Li', '', '', '', '', '', '', ''],
    ['O1.KR1', 'Increase', 'Raise x from 0 to 10', 'Li', 0, 10, 5, '', 0.5, 0.5, ''],
  ];
  const spare = ['', '', '', '', '', '', '', '', '', '', ''];
  const read = readTableValues([...table, spare, spare, spare]) as TableReadOk;
  const imported = parseOkrText('O: New\nKR1: Raise y from 1 to 2');
  const opts = { lang: 'en' as const, today: '2026-11-02' };
  it('the read is an OKR table', () => expect(isTableError(read)).toBe(false));

  it('a formula in a spare row is free; its cells are not among the writes', () => {
    const values = [...table, spare, spare, spare].map((r) => [...r]);
    const formulas = values.map((r) => r.map(() => ''));
    values[6]![8] = 0; formulas[6]![8] = '=IF(A7="","",1)';
    const r = appendTask(imported, read, { name: 'S', values, formulas }, opts);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.firstRow).toBe(6);
    const written = r.plan.writes.flatMap((w) => w.values[0]!.map((_, i) => w.col + i));
    const filled = APPEND_COLUMNS.map((k) => read.columns[k]).filter((c) => c !== undefined).sort((a, b) => a! - b!);
    expect(written).toEqual(filled);
    expect(written).not.toContain(8); // Progress
    expect(written).not.toContain(9); // Score
    expect(r.plan.writes[0]!.values[0]!.slice(0, 3)).toEqual(['O2', 'Objective', 'New']);
  });

  it('text typed into a formula column (or any column) makes the row occupied', () => {
    for (const col of [9, 6]) {
      const values = [...table, spare, spare, spare].map((r) => [...r]);
      values[7]![col] = '=HYPERLINK("http://evil.example/x","click")';
      const r = appendTask(imported, read, { name: 'S', values, formulas: values.map((x) => x.map(() => '')) }, opts);
      expect(r.ok).toBe(false);
    }
  });
});
