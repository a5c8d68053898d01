/**
 * Structure of the OKR sheet plan and the support sheets: header block and named ranges,
 * validations / formats / protections covering the spare rows, conditional formats, metadata,
 * data bars, and the support sheets read back by the project's own readers.
 */
import { describe, expect, test } from 'vitest';
import { readActions, readCheckIns } from '../../src/core/checkins';
import { COLUMN_LABELS, HEADER_LABELS, ROW_TYPE_LABELS, SETTING_LABELS, SHEET_NAMES, STATUS_LABELS, label } from '../../src/core/labels';
import { COLUMN_KEYS, DEFAULT_SETTINGS } from '../../src/core/model';
import { cell, colLetter, colNumber, parseRange, range } from '../../src/core/plan/a1';
import { BAR_OPTIONS, isSheetsOnlyFormula } from '../../src/core/plan/formulas';
import { TREND_OPTIONS } from '../../src/core/plan/trendFormula';
import {
  buildOkrSheetPlanFromRows,
  buildWorkbookPlan,
  defaultOkrSheetName,
  dueDate,
  DEFAULT_SPARE_ROWS,
  FIRST_DATA_ROW,
  HEADER_CELLS,
  HEADER_BLOCK,
  HEADER_RANGE_NAME,
  TABLE_RANGE_NAME,
  OKR_COLUMNS,
  TABLE_HEADER_ROW,
  percentFormat,
  GRADE_COLORS,
  FORMULA_CELLS,
  HELPER_COLUMN,
  OKR_SHEET_KEYS,
  CHART_OPTION_CELLS,
  STATUS_WORD_CELLS,
  STATUS_WORD_ORDER,
} from '../../src/core/plan/okrSheet';
import { readTableValues } from '../../src/core/table';
import { buildSettingsPlan, readSettingsValues, SETTINGS_CELLS, SETTING_KEYS } from '../../src/core/plan/supportSheets';
import { OWNER_KEY, type SheetPlan } from '../../src/core/plan/types';
import { getRole } from '../../src/core/templates';
import { evaluatePlan } from '../helpers/hfPlan';

const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

function covers(r: string, row1: number, row2: number, col: number): boolean {
  const p = parseRange(r);
  return p.row1 <= row1 && p.row2 >= row2 && p.col1 <= col && p.col2 >= col;
}

describe('a1 helpers', () => {
  test('column letters round-trip', () => {
    for (const n of [1, 2, 26, 27, 52, 53, 702, 703, 16384]) expect(colNumber(colLetter(n))).toBe(n);
    expect([colLetter(1), colLetter(26), colLetter(27), colLetter(703)]).toEqual(['A', 'Z', 'AA', 'AAA']);
    expect(() => colLetter(0)).toThrow();
    expect(cell(3, 2, true)).toBe('$B$3');
    expect(range(9, 4, 3, 2)).toBe('D9:B3');
    expect(parseRange('D9:B3')).toEqual({ row1: 3, col1: 2, row2: 9, col2: 4 });
  });
});

describe('OKR sheet plan', () => {
  const role = getRole('sales', 'regionalTeam');
  const plan = buildWorkbookPlan({ role, lang: 'en', ...CYCLE, owner: 'Li Lei', unit: '=cmd', alignedTo: 'Sales center' });
  const okr = plan.sheets[0]!;
  const nRows = role.objectives.reduce((s, o) => s + 1 + o.krs.length, 0);
  const last = FIRST_DATA_ROW + nRows + DEFAULT_SPARE_ROWS - 1;

  test('header block: labels, values, named ranges; user text is escaped', () => {
    const at = (a1: string) => {
      const p = parseRange(a1);
      return okr.values[p.row1 - 1]![p.col1 - 1];
    };
    for (const k of Object.keys(HEADER_CELLS) as (keyof typeof HEADER_CELLS)[]) {
      expect(at(HEADER_CELLS[k].label)).toBe(label(HEADER_LABELS[k], 'en'));
      expect(covers(HEADER_BLOCK, parseRange(HEADER_CELLS[k].value).row1, parseRange(HEADER_CELLS[k].value).row1, parseRange(HEADER_CELLS[k].value).col1), k).toBe(true);
    }
    // two names: the header block and the table (each named range costs a service call)
    expect(okr.namedRanges).toEqual([
      { name: HEADER_RANGE_NAME, range: HEADER_BLOCK },
      { name: TABLE_RANGE_NAME, range: `A${TABLE_HEADER_ROW}:${colLetter(HELPER_COLUMN)}${last}` },
    ]);
    // the share of the cycle elapsed: one formula in the header, read by every Status formula
    expect(String(at(HEADER_CELLS.elapsed.value))).toMatch(/^=IF\(AND\(ISNUMBER\(\$E\$2\)/);
    const elapsedAbs = HEADER_CELLS.elapsed.value.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    // … through the pace lines in the header (elapsed − threshold), which every Status compares with
    const onTrack = parseRange(FORMULA_CELLS.onTrackFrom.value);
    expect(String(okr.values[onTrack.row1 - 1]![onTrack.col1 - 1]).startsWith(`=${elapsedAbs}-`)).toBe(true);
    for (let r = FIRST_DATA_ROW; r <= last; r++) {
      const st = String(okr.values[r - 1]![OKR_COLUMNS.status - 1]);
      expect(st).toContain(`>=K$2`);
      expect(st).not.toContain('TODAY()');
    }
    expect(at(HEADER_CELLS.unit.value)).toBe("'=cmd");
    expect(at(HEADER_CELLS.cycleStart.value)).toEqual({ date: CYCLE.cycleStart });
    expect(at(HEADER_CELLS.asOf.value)).toBeNull();
    expect(okr.values[TABLE_HEADER_ROW - 2]!.every((v) => v === null)).toBe(true);
    expect(okr.frozenRows).toBe(TABLE_HEADER_ROW);
    expect(okr.values[TABLE_HEADER_ROW - 1]).toEqual([...OKR_SHEET_KEYS.map((k) => label(COLUMN_LABELS[k], 'en')), 'Formula helper']);
    expect(OKR_SHEET_KEYS.slice(0, COLUMN_KEYS.length)).toEqual(COLUMN_KEYS); // existing letters kept
    expect(okr.columnWidths).toHaveLength(HELPER_COLUMN);
    // the cells every row reads sit in the header, labelled; the header reader passes over them
    for (const k of Object.keys(FORMULA_CELLS) as (keyof typeof FORMULA_CELLS)[]) {
      expect(String(at(FORMULA_CELLS[k].label)).length, k).toBeGreaterThan(3);
      expect(at(FORMULA_CELLS[k].value), k).not.toBeNull();
    }
    const read = readTableValues(okr.values as unknown[][]);
    if (!('table' in read)) throw new Error('no table');
    expect(read.asOf).toBeNull();
    expect(read.table.header).toMatchObject({ cycle: '2026-Q4', cycleStart: CYCLE.cycleStart, cycleEnd: CYCLE.cycleEnd });
  });

  test('status words and sparkline options sit in labelled header cells that Status, Bar and Trend read', () => {
    const at = (a1: string) => {
      const p = parseRange(a1);
      return okr.values[p.row1 - 1]![p.col1 - 1];
    };
    // the six words, in the sheet's language, right of their label; each Status names only cells
    const first = parseRange(STATUS_WORD_CELLS.first);
    expect(String(at(STATUS_WORD_CELLS.label)).length).toBeGreaterThan(3);
    STATUS_WORD_ORDER.forEach((st, i) => expect(okr.values[first.row1 - 1]![first.col1 - 1 + i]).toBe(STATUS_LABELS[st].en));
    for (let r = FIRST_DATA_ROW; r <= last; r++) {
      const f = String(okr.values[r - 1]![OKR_COLUMNS.status - 1]);
      for (const st of STATUS_WORD_ORDER) expect(f).not.toContain(`"${STATUS_LABELS[st].en}"`);
      expect(f).toContain(`${colLetter(first.col1)}$${first.row1}`);
    }
    // SPARKLINE options: a range two cells wide (option, value), the Bar's and the Trend's
    for (const [k, opts] of [['bar', BAR_OPTIONS], ['trend', TREND_OPTIONS]] as const) {
      const r = parseRange(CHART_OPTION_CELLS[k].range);
      expect(r.col2 - r.col1).toBe(1);
      expect(r.row2 - r.row1 + 1).toBe(opts.length);
      opts.forEach(([o, v], i) => expect([at(cell(r.row1 + i, r.col1)), at(cell(r.row1 + i, r.col2))]).toEqual([o, v]));
      expect(String(at(CHART_OPTION_CELLS[k].label)).length).toBeGreaterThan(3);
    }
    const rowAbs = (a1: string) => a1.replace(/(\d+)/g, '$$$1');
    const bar = String(okr.values[FIRST_DATA_ROW]![OKR_COLUMNS.bar - 1]);
    expect(bar).toBe(`=SPARKLINE(N(${colLetter(OKR_COLUMNS.progress)}${FIRST_DATA_ROW + 1}),${rowAbs(CHART_OPTION_CELLS.bar.range)})`);
    expect(String(okr.values[FIRST_DATA_ROW]![OKR_COLUMNS.trend - 1])).toContain(`,${rowAbs(CHART_OPTION_CELLS.trend.range)}),`);
    // none of it is read as a header value, and all of it is inside the sheet's columns
    for (const a1 of [STATUS_WORD_CELLS.label, CHART_OPTION_CELLS.bar.range, CHART_OPTION_CELLS.trend.range]) expect(parseRange(a1).col2).toBeLessThanOrEqual(HELPER_COLUMN);
    const read = readTableValues(okr.values as unknown[][]);
    if (!('table' in read)) throw new Error('no table');
    expect(read.table.header.unit).toBe("'=cmd"); // as written (escaped)
    expect(read.table.header.owner).toBe('Li Lei');
  });

  test('an objective scans its own block only (through the next objective), the last one through the spare rows', () => {
    const ids = okr.values.slice(FIRST_DATA_ROW - 1, FIRST_DATA_ROW - 1 + nRows).map((r) => String(r[OKR_COLUMNS.id - 1]));
    const objRows = ids.map((id, i) => (/^O\d+$/.test(id) ? FIRST_DATA_ROW + i : 0)).filter(Boolean);
    expect(objRows.length).toBeGreaterThan(1);
    const idCol = colLetter(OKR_COLUMNS.id);
    objRows.forEach((row, i) => {
      const end = objRows[i + 1] ?? last + 1;
      const p = String(okr.values[row - 1]![OKR_COLUMNS.progress - 1]);
      expect(p).toContain(`${idCol}${row + 1}:${idCol}$${end}`);
      expect(p).not.toMatch(new RegExp(`${idCol}\\$(?!${end}\\b)\\d+`));
    });
  });

  test('every data row, spare rows included, carries the formulas; the bar is marked Sheets-only', () => {
    expect(okr.values).toHaveLength(last);
    for (let r = FIRST_DATA_ROW; r <= last; r++) {
      const row = okr.values[r - 1]!;
      for (const k of ['progress', 'score', 'status'] as const) expect(String(row[OKR_COLUMNS[k] - 1])).toMatch(/^=/);
      expect(isSheetsOnlyFormula(row[OKR_COLUMNS.bar - 1])).toBe(true);
      expect(isSheetsOnlyFormula(row[OKR_COLUMNS.progress - 1])).toBe(false);
    }
    const bars = okr.dataBars!;
    expect(bars).toHaveLength(2);
    expect(covers(bars[0]!.range, FIRST_DATA_ROW, last, OKR_COLUMNS.bar)).toBe(true);
    expect(bars[0]!.fallback).toHaveLength(last - FIRST_DATA_ROW + 1);
    expect(bars[0]!.fallback.some(isSheetsOnlyFormula)).toBe(false);
    // the Trend column: Sheets-only on KR and spare rows, with a text stand-in; blank on objectives
    expect(covers(bars[1]!.range, FIRST_DATA_ROW, last, OKR_COLUMNS.trend)).toBe(true);
    expect(bars[1]!.text).toBe(true);
    expect(bars[1]!.fallback).toHaveLength(last - FIRST_DATA_ROW + 1);
    for (let r = FIRST_DATA_ROW; r <= last; r++) {
      const objective = okr.values[r - 1]![OKR_COLUMNS.type - 1] === 'Objective';
      expect(isSheetsOnlyFormula(okr.values[r - 1]![OKR_COLUMNS.trend - 1]), `row ${r}`).toBe(!objective);
      expect(bars[1]!.fallback[r - FIRST_DATA_ROW] === '', `row ${r}`).toBe(objective);
    }
  });

  test('formulas avoid functions and syntax that the three engines do not share', () => {
    const formulas = okr.values.flat().filter((v): v is string => typeof v === 'string' && v.startsWith('=') && !isSheetsOnlyFormula(v));
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) {
      expect(f).not.toMatch(/\b(LET|LAMBDA|IFS|SWITCH|XLOOKUP|FILTER|ARRAYFORMULA|TRUE|FALSE)\b/);
      expect(f).not.toMatch(/\{/); // no array literals
      expect(f).not.toMatch(/\$?[A-Z]+\$?\d*:\$?[A-Z]+(?![\d$])/); // no whole-column ranges
      expect(f).not.toMatch(/\d[eE]-?\d/); // no scientific notation
      const open = (f.match(/\(/g) ?? []).length;
      expect((f.match(/\)/g) ?? []).length).toBe(open);
    }
  });

  test('validations cover template and spare rows', () => {
    const v = (col: keyof typeof OKR_COLUMNS) => okr.validations.filter((x) => covers(x.range, FIRST_DATA_ROW, last, OKR_COLUMNS[col]));
    expect(v('type')[0]!.rule).toEqual({ kind: 'list', values: (['objective', 'increase', 'decrease', 'atLeast', 'atMost', 'milestone', 'rubric'] as const).map((t) => label(ROW_TYPE_LABELS[t], 'en')) });
    expect(v('source')[0]!.rule.kind).toBe('list');
    expect(v('agreed')[0]!.rule).toEqual({ kind: 'checkbox' });
    expect(v('start')[0]!.rule.kind).toBe('number');
    expect(v('target')[0]!.rule.kind).toBe('number');
    expect(v('current')[0]!.rule).toEqual({ kind: 'number' });
    expect(v('current')[0]!.strict).toBe(false); // milestones take TRUE/FALSE
    expect(v('weight')[0]!.rule).toEqual({ kind: 'number', min: 0, max: 1 });
    expect(v('confidence')[0]!.rule).toEqual({ kind: 'number', min: 1, max: 10 });
    expect(v('selfScore')[0]!.rule).toEqual({ kind: 'number', min: 0, max: 1 });
    const due = v('due')[0]!;
    expect(due.rule).toEqual({ kind: 'date', min: CYCLE.cycleStart, max: CYCLE.cycleEnd });
    expect(due.strict).toBe(false);
    for (const x of okr.validations) expect(x.helpText.length).toBeGreaterThan(3);
    expect(okr.validations.some((x) => x.range === HEADER_CELLS.level.value && x.rule.kind === 'list')).toBe(true);
  });

  test('one warning-only protection says who edits what; formats and colours', () => {
    // Self-score through the helper column: the owner's, the manager's and every formula column,
    // in one protection (three service calls), its description naming who edits which column
    expect(okr.protections).toHaveLength(1);
    const p = okr.protections[0]!;
    expect(p.warningOnly).toBe(true);
    for (const k of ['selfScore', 'progress', 'score', 'status', 'bar', 'notes', 'rubric', 'managerScore', 'finalScore', 'comment', 'trend'] as const) {
      expect(covers(p.range, FIRST_DATA_ROW, last, OKR_COLUMNS[k]), k).toBe(true);
    }
    expect(covers(p.range, FIRST_DATA_ROW, last, HELPER_COLUMN)).toBe(true);
    expect(p.description).toMatch(/Self-score, Notes, Rubric: the KR owner; Manager score, Comment: the owner's manager.*Final score, Trend and Formula helper are written by OKR Sheets/);
    const zh = buildWorkbookPlan({ role, lang: 'zh-CN', ...CYCLE, owner: '李雷' }).sheets[0]!;
    expect(zh.protections[0]!.description).toMatch(/自评分、备注、评分标准——关键结果负责人；上级评分、评语——负责人的上级/);
    for (const k of ['id', 'title', 'current', 'target', 'weight', 'due', 'confidence'] as const) {
      expect(okr.protections.some((x) => covers(x.range, FIRST_DATA_ROW, FIRST_DATA_ROW, OKR_COLUMNS[k])), k).toBe(false);
    }
    const fmtOf = (k: keyof typeof OKR_COLUMNS) => okr.formats.find((f) => f.numberFormat && covers(f.range, FIRST_DATA_ROW, last, OKR_COLUMNS[k]))?.numberFormat;
    expect(fmtOf('progress')).toBe('0%');
    expect(fmtOf('weight')).toBe('0%');
    expect(fmtOf('due')).toBe('yyyy-mm-dd');
    const head = okr.formats.find((f) => f.range === `A${TABLE_HEADER_ROW}:${colLetter(HELPER_COLUMN)}${TABLE_HEADER_ROW}`);
    expect(head?.bold).toBe(true);
    expect(head?.background).toMatch(/^#[0-9a-f]{6}$/);
    const statusRules = okr.conditionalFormats.filter((c) => c.when.kind === 'textEq');
    expect(statusRules.map((c) => (c.when.kind === 'textEq' ? c.when.value : '')).sort()).toEqual(Object.values(STATUS_LABELS).map((l) => l.en).sort());
    for (const c of okr.conditionalFormats) expect(covers(c.range, FIRST_DATA_ROW, last, parseRange(c.range).col1)).toBe(true);
  });

  test('metadata marks the sheet and records cycle, unit and language', () => {
    expect(okr.metadata[OWNER_KEY]).toBe('okr');
    expect(okr.metadata['okrSheets.cycle']).toBe('2026-Q4');
    expect(okr.metadata['okrSheets.unit']).toBe('=cmd');
    expect(okr.metadata['okrSheets.lang']).toBe('en');
    expect(plan.sheets.map((s) => s.metadata[OWNER_KEY])).toEqual(['okr', 'checkins', 'actions', 'settings']);
    expect(plan.sheets.map((s) => s.name)).toEqual(['OKR =cmd 2026-Q4', ...(['checkins', 'actions', 'settings'] as const).map((r) => SHEET_NAMES[r].en)]);
  });

  test('a template KR row: percent KRs keep fractions under a percent format, due dates inside the cycle', () => {
    const pctRow = okr.values.findIndex((r) => r[OKR_COLUMNS.unit - 1] === '%') + 1;
    expect(pctRow).toBeGreaterThan(0);
    expect(okr.values[pctRow - 1]![OKR_COLUMNS.target - 1]).toBeLessThanOrEqual(1);
    expect(okr.formats.some((f) => f.numberFormat === '0%' && covers(f.range, pctRow, pctRow, OKR_COLUMNS.current))).toBe(true);
    expect(okr.values[FIRST_DATA_ROW - 1]![OKR_COLUMNS.alignsTo - 1]).toBe('Sales center/O1');
  });

  test('a fresh template evaluates to 0% progress and "not started", and blank spare rows', () => {
    const ev = evaluatePlan(plan);
    // as of the cycle's first day (blank As of = TODAY(), which may be past some due dates: overdue)
    ev.set(okr.name, HEADER_CELLS.asOf.value, { date: '2026-10-01' });
    expect(ev.get(okr.name, HEADER_CELLS.today.value)).toBe(46296);
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + nRows; r++) {
      expect(ev.get(okr.name, cell(r, OKR_COLUMNS.progress))).toBe(0);
      expect(ev.get(okr.name, cell(r, OKR_COLUMNS.score))).toBe(0);
      expect(ev.get(okr.name, cell(r, OKR_COLUMNS.status))).toBe(STATUS_LABELS.notStarted.en);
    }
    expect(ev.get(okr.name, cell(last, OKR_COLUMNS.status))).toBe('');
    const objectives = okr.values.filter((r) => r[OKR_COLUMNS.type - 1] === 'Objective').length;
    expect(ev.sheetsOnlyReplaced).toBe(2 * (last - FIRST_DATA_ROW + 1) - objectives); // bars, and trends on non-objective rows
    // after every due date with nothing done: overdue, not a calm "not started" (issue 10 §5)
    ev.set(okr.name, HEADER_CELLS.asOf.value, { date: '2027-01-05' });
    const statuses = new Set<unknown>();
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + nRows; r++) {
      if (okr.values[r - 1]![OKR_COLUMNS.due - 1]) statuses.add(ev.get(okr.name, cell(r, OKR_COLUMNS.status)));
    }
    expect([...statuses]).toEqual([STATUS_LABELS.overdue.en]);
    ev.destroy();
  });

  test('percent KRs show as many decimals as typed; the grade follows the displayed score', () => {
    expect(percentFormat([0.03, 0.015])).toBe('0.0%');
    expect(percentFormat([0.05, 0.06, 0.056])).toBe('0.0%');
    expect(percentFormat([0.8, 1])).toBe('0%');
    expect(percentFormat([0.12345])).toBe('0.000%');
    expect(percentFormat([0.5], '0.00%')).toBe('0.00%');
    const p = buildOkrSheetPlanFromRows({
      lang: 'en', spareRows: 0, header: { unit: 'U', level: 'team', owner: 'A', ...CYCLE, alignedTo: '' },
      rows: [{ id: 'O1', type: 'objective', title: 'o' }, { id: 'O1.KR1', type: 'decrease', title: 'k', start: 0.03, target: 0.015, valueFormat: '0%' }],
    });
    expect(p.formats.some((f) => f.numberFormat === '0.0%' && covers(f.range, FIRST_DATA_ROW + 1, FIRST_DATA_ROW + 1, OKR_COLUMNS.target))).toBe(true);
    const green = p.conditionalFormats.find((c) => c.background === GRADE_COLORS.green && c.when.kind === 'formula')!;
    // the displayed share against the header's green band (Settings, else 0.7)
    expect((green.when as { formula: string }).formula).toContain(`ROUND(ROUND(Q${FIRST_DATA_ROW}/$N$1,10)*$N$1,$N$2)/$N$1>=$N$4`);
  });
});

describe('helpers', () => {
  test('dueDate: end, or the end of the n-th cycle month, clamped to the cycle', () => {
    expect(dueDate('end', '2026-10-01', '2026-12-31')).toBe('2026-12-31');
    expect(dueDate(1, '2026-10-01', '2026-12-31')).toBe('2026-10-31');
    expect(dueDate(2, '2026-10-01', '2026-12-31')).toBe('2026-11-30');
    expect(dueDate(3, '2026-10-01', '2026-12-31')).toBe('2026-12-31');
    expect(dueDate(5, '2026-10-01', '2026-12-31')).toBe('2026-12-31');
    expect(dueDate(2, '2028-01-01', '2028-12-31')).toBe('2028-02-29');
    expect(dueDate(2, '2026-11-01', '2026-11-30')).toBe('2026-11-30');
  });

  test('default sheet names drop characters Sheets rejects', () => {
    expect(defaultOkrSheetName('销售/北京', '2026-Q4', 'zh-CN')).toBe('OKR 销售 北京 2026-Q4');
    expect(defaultOkrSheetName('', '2026', 'en')).toBe('OKR 2026');
  });
});

describe('support sheets', () => {
  const plan = buildWorkbookPlan({ role: getRole('hr', 'recruiter'), lang: 'zh-CN', ...CYCLE, owner: '王芳' });
  const byRole = (r: string) => plan.sheets.find((s) => s.role === r) as SheetPlan;

  test('Check-ins: localized headers the check-in reader finds', () => {
    const s = byRole('checkins');
    expect(s.name).toBe(SHEET_NAMES.checkins['zh-CN']);
    const rows = [s.values[0]!, [new Date('2026-10-20T00:00:00Z'), 'OKR', 'O1.KR2', 12, 7, '新增 2 个渠道', '扩大校招', '需要预算']];
    const read = readCheckIns(rows as unknown[][]);
    expect(read.problems).toEqual([]);
    expect(read.items[0]).toMatchObject({ date: '2026-10-20', krId: 'O1.KR2', value: 12, confidence: 7, blockers: '需要预算' });
    expect(s.validations.some((v) => v.rule.kind === 'number' && v.rule.min === 1 && v.rule.max === 10)).toBe(true);
    expect(s.frozenRows).toBe(1);
  });

  test('Actions: KR ID, task, owner, due, deliverable, done ✓ (checkbox)', () => {
    const s = byRole('actions');
    const read = readActions([s.values[0]!, ['O1.KR1', '对接 3 家招聘网站', '王芳', new Date('2026-10-15T00:00:00Z'), '渠道清单', true]] as unknown[][]);
    expect(read.problems).toEqual([]);
    expect(read.items[0]).toMatchObject({ krId: 'O1.KR1', task: '对接 3 家招聘网站', owner: '王芳', done: true });
    expect(s.validations.some((v) => v.rule.kind === 'checkbox' && v.range.startsWith('F2'))).toBe(true);
  });

  test('Settings: every setting, thresholds where the OKR formulas look, read back', () => {
    const s = byRole('settings');
    expect(s.values.slice(1).map((r) => r[0])).toEqual(SETTING_KEYS.map((k) => label(SETTING_LABELS[k], 'zh-CN')));
    const at = (a1: string) => {
      const p = parseRange(a1);
      return s.values[p.row1 - 1]![p.col1 - 1];
    };
    expect(at(SETTINGS_CELLS.atRiskBelow)).toBe(DEFAULT_SETTINGS.atRiskBelow);
    expect(at(SETTINGS_CELLS.offTrackBelow)).toBe(DEFAULT_SETTINGS.offTrackBelow);
    expect(at(SETTINGS_CELLS.staleDays)).toBe(14);
    expect(at(SETTINGS_CELLS.progressCap)).toBe(1);
    expect(readSettingsValues([[label(SETTING_LABELS.progressCap, 'en'), 1.2]]).progressCap).toBe(1.2);
    expect(readSettingsValues([[label(SETTING_LABELS.progressCap, 'zh-CN'), 0.5]]).progressCap).toBe(1); // below 100%: the default
    expect(at(SETTINGS_CELLS.lang)).toBe('zh-CN');
    // the header cells read the Settings cells once; every row reads the header cells
    const okr = plan.sheets[0]!;
    const headerCell = (a1: string) => String(okr.values[parseRange(a1).row1 - 1]![parseRange(a1).col1 - 1]);
    const absRef = (a1: string) => `'${s.name}'!${a1.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')}`;
    expect(headerCell(FORMULA_CELLS.cap.value)).toContain(absRef(SETTINGS_CELLS.progressCap));
    expect(headerCell(FORMULA_CELLS.onTrackFrom.value)).toContain(absRef(SETTINGS_CELLS.atRiskBelow));
    expect(headerCell(FORMULA_CELLS.atRiskFrom.value)).toContain(absRef(SETTINGS_CELLS.offTrackBelow));
    expect(headerCell(FORMULA_CELLS.scoreFactor.value)).toContain(absRef(SETTINGS_CELLS.scoreScale));
    expect(headerCell(FORMULA_CELLS.gradeGreenFrom.value)).toContain(absRef(SETTINGS_CELLS.gradeGreenFrom));
    // every row reads the header cells row-absolute (K$1): never filled sideways, a `$` less each
    expect(String(okr.values[FIRST_DATA_ROW]![OKR_COLUMNS.progress - 1])).toContain('K$1');
    const status = String(okr.values[FIRST_DATA_ROW - 1]![OKR_COLUMNS.status - 1]);
    expect(status).toContain('K$2');
    expect(status).not.toContain(s.name);
    const custom = buildSettingsPlan({ lang: 'en', ...CYCLE, settings: { atRiskBelow: 0.15, staleDays: 7 } });
    const back = readSettingsValues(custom.values);
    expect(back).toMatchObject({ lang: 'en', cycle: '2026-Q4', atRiskBelow: 0.15, offTrackBelow: 0.4, staleDays: 7 });
    expect(readSettingsValues([['Language', 'fr'], ['At-risk threshold', 'x']])).toMatchObject({ lang: DEFAULT_SETTINGS.lang, atRiskBelow: 0.2 });
  });

  test('an existing Settings sheet under another name can be referenced', () => {
    const p = buildOkrSheetPlanFromRows({
      lang: 'en',
      header: { unit: 'U', level: null, owner: '', cycle: 'c', cycleStart: null, cycleEnd: null, alignedTo: '' },
      rows: [],
      settingsSheetName: "Team's settings",
      spareRows: 1,
    });
    const onTrack = parseRange(FORMULA_CELLS.onTrackFrom.value);
    expect(String(p.values[onTrack.row1 - 1]![onTrack.col1 - 1])).toContain("'Team''s settings'!$B$6");
  });
});
