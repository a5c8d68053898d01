/**
 * The OKR sheet plan applied to the in-memory workbook (the Sheets path) and evaluated as a
 * workbook: the Trend column (issue 13 §3) written as Sheets' sparkline with its portable
 * stand-in, within the sheet's service-call budget; the helper column's type code read the way
 * core reads the Type cell (either language, any case, spaces ignored), so a row whose type is
 * changed in the sheet still equals core; the header cells the rows read (status words, the done
 * line) drive every row's Status.
 */
import { describe, expect, test } from 'vitest';
import { insertTemplate } from '../../src/addon/actions/templates';
import { STATUS_LABELS } from '../../src/core/labels';
import { krProgress, objectiveProgress } from '../../src/core/progress';
import { cell, parseRange } from '../../src/core/plan/a1';
import { TYPE_CODES, typeCodeTable, typeWordKey } from '../../src/core/plan/formulas';
import { buildOkrSheetPlanFromRows, buildWorkbookPlan, FIRST_DATA_ROW, FORMULA_CELLS, GRADE_COLORS, HELPER_COLUMN, OKR_COLUMNS, STATUS_WORD_CELLS, type OkrSheetRow } from '../../src/core/plan/okrSheet';
import { buildCheckInsPlan, buildSettingsPlan, SETTINGS_CELLS } from '../../src/core/plan/supportSheets';
import { getRole } from '../../src/core/templates';
import { createLocalApp } from '../../src/local/workbook';
import { planCallEstimate } from '../../src/sheets/applyPlan';
import { evaluatePlan } from '../helpers/hfPlan';

const CYCLE = { cycle: '2026-Q4', cycleStart: '2026-10-01', cycleEnd: '2026-12-31' };

describe('Trend column', () => {
  test('KR rows carry the sparkline, objective rows nothing; the insert stays within the budget', () => {
    const local = createLocalApp({ lang: 'en' });
    const ctx = local.ctx('en');
    const m = local.calls.measure(() => insertTemplate(ctx, { department: 'sales', role: 'regionalTeam', lang: 'en', cycle: CYCLE.cycle, owner: 'Li' }));
    const plan = buildWorkbookPlan({ role: getRole('sales', 'regionalTeam'), lang: 'en', ...CYCLE, owner: 'Li', departmentId: 'sales' });
    const okr = plan.sheets[0]!;
    // the Trend column costs no service call of its own (values and protection written anyway)
    expect(planCallEstimate(okr).total).toBeLessThanOrEqual(22);
    expect(m.calls).toBeGreaterThan(0);
    const sheet = local.ss.getSheetByName(m.result.sheetName)!;
    const header = sheet.getRange(6, 1, 1, HELPER_COLUMN).getValues()[0]!;
    expect(header[OKR_COLUMNS.trend - 1]).toBe('Trend');
    expect(header[OKR_COLUMNS.comment - 1]).toBe('Comment');
    expect(OKR_COLUMNS.trend).toBe(OKR_COLUMNS.comment + 1);
    let krs = 0;
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + 8; r++) {
      const type = String(sheet.getRange(r, OKR_COLUMNS.type).getValue());
      const f = sheet.getRange(r, OKR_COLUMNS.trend).getFormula();
      if (type === 'Objective') expect(f).toBe('');
      else {
        krs++;
        expect(f).toMatch(/^=IF\(\$A\d+="","",IFERROR\(SPARKLINE\(INDEX\(SORT\(FILTER\('Check-ins'!/);
        expect(f).toContain(`"${m.result.sheetName}"`);
      }
    }
    expect(krs).toBeGreaterThan(3);
  });

  test('engines without SPARKLINE show the last change from the Check-ins log ("12 → 18")', () => {
    const rows: OkrSheetRow[] = [
      { id: 'O1', type: 'objective', title: 'o' },
      { id: 'O1.KR1', type: 'increase', title: 'a', start: 0, target: 30, current: 18 },
      { id: 'O1.KR2', type: 'increase', title: 'b', start: 0, target: 30 },
    ];
    const okr = buildOkrSheetPlanFromRows({ lang: 'en', sheetName: 'Sales', spareRows: 2, header: { unit: 'Sales', level: 'team', owner: 'A', alignedTo: '', ...CYCLE }, rows });
    const log = buildCheckInsPlan('en');
    log.values.push([{ date: '2026-11-02' }, 'Sales', 'O1.KR1', 12, 7], [{ date: '2026-11-16' }, 'Sales', 'O1.KR1', 18, 6], [{ date: '2026-11-09' }, 'Other', 'O1.KR1', 99, 5]);
    const bars = okr.dataBars!.find((b) => b.range.startsWith(`${String.fromCharCode(64 + OKR_COLUMNS.trend)}`))!;
    expect(bars.text).toBe(true);
    const ev = evaluatePlan({ sheets: [okr, log] });
    const trend = (r: number) => ev.get('Sales', cell(r, OKR_COLUMNS.trend));
    expect([trend(FIRST_DATA_ROW), trend(FIRST_DATA_ROW + 1), trend(FIRST_DATA_ROW + 2), trend(FIRST_DATA_ROW + 3)]).toEqual([null, '12 → 18', '', '']);
    ev.destroy();
  });
});

describe('the helper column reads the Type cell as core does', () => {
  test('no type word holds a digit or ends another (the lookup relies on both)', () => {
    const words = typeCodeTable().split('|').filter(Boolean).map((w) => w.slice(1));
    for (const w of words) {
      expect(w).not.toMatch(/\d/);
      for (const o of words) if (o !== w) expect(o.endsWith(w), `${o} ends with ${w}`).toBe(false);
    }
    expect(new Set(Object.values(TYPE_CODES)).size).toBe(7);
    expect(typeWordKey(' At  Least ')).toBe('atleast');
  });

  test('a spare row typed in either language, any case and spacing, or as a non-type, equals core', () => {
    const okr = buildOkrSheetPlanFromRows({
      lang: 'zh-CN', spareRows: 12, settingsSheetName: null,
      header: { unit: 'U', level: 'team', owner: 'A', alignedTo: '', ...CYCLE, asOf: '2026-11-15' },
      rows: [{ id: 'O1', type: 'objective', title: 'o' }],
    });
    const ev = evaluatePlan({ sheets: [okr] });
    // the words people type, the type core reads (labels.ts matchLabel), start / target / current
    const cases: [string, Parameters<typeof krProgress>[0], number, number, number][] = [
      ['Increase', 'increase', 0, 100, 40],
      ['  increase ', 'increase', 0, 100, 55],
      ['降低', 'decrease', 50, 10, 30],
      ['At least', 'atLeast', 0, 100, 120],
      ['atleast', 'atLeast', 100, 50, 40],
      ['至少', 'atLeast', 0, 80, 20],
      ['AT MOST', 'atMost', 100, 20, 60],
      ['至多', 'atMost', 10, 30, 50],
      ['Milestone', 'milestone', 0, 1, 0.5],
      ['评分标准', 'rubric', 0, 200, 150],
      ['Increasing', null, 0, 100, 40],
      ['标', null, 0, 100, 40],
    ];
    cases.forEach(([word, , s, t, c], i) => {
      const r = FIRST_DATA_ROW + 1 + i;
      ev.set(okr.name, cell(r, OKR_COLUMNS.id), `O1.KR${i + 1}`);
      ev.set(okr.name, cell(r, OKR_COLUMNS.type), word);
      ev.set(okr.name, cell(r, OKR_COLUMNS.start), s);
      ev.set(okr.name, cell(r, OKR_COLUMNS.target), t);
      ev.set(okr.name, cell(r, OKR_COLUMNS.current), c);
    });
    cases.forEach(([word, type, s, t, c], i) => {
      const r = FIRST_DATA_ROW + 1 + i;
      const p = ev.get(okr.name, cell(r, OKR_COLUMNS.progress));
      if (type === null) {
        expect(ev.get(okr.name, cell(r, HELPER_COLUMN)), word).toBe(0);
        expect(p, word).toBe('');
      } else {
        expect(ev.get(okr.name, cell(r, HELPER_COLUMN)), word).toBe(TYPE_CODES[type]);
        expect(p, word).toBeCloseTo(krProgress(type, s, t, c), 12);
      }
    });
    ev.destroy();
  });

  test('a KR row whose Type is changed to another KR type follows it; to Objective it shows blanks', () => {
    const okr = buildOkrSheetPlanFromRows({
      lang: 'en', spareRows: 0, settingsSheetName: null,
      header: { unit: 'U', level: 'team', owner: 'A', alignedTo: '', ...CYCLE, asOf: '2026-11-15' },
      rows: [{ id: 'O1', type: 'objective', title: 'o' }, { id: 'O1.KR1', type: 'increase', title: 'k', start: 100, target: 50, current: 40 }],
    });
    const ev = evaluatePlan({ sheets: [okr] });
    const r = FIRST_DATA_ROW + 1;
    const P = () => ev.get(okr.name, cell(r, OKR_COLUMNS.progress));
    expect(P()).toBe(1); // increase with t < s: the ratio, capped: (40 − 100) / (50 − 100) = 1.2 → 1
    ev.set(okr.name, cell(r, OKR_COLUMNS.type), 'At least');
    expect(P()).toBe(krProgress('atLeast', 100, 50, 40)); // 0: below a target set under the start
    ev.set(okr.name, cell(r, OKR_COLUMNS.type), 'Objective');
    expect(P()).toBe('');
    expect(ev.get(okr.name, cell(r, OKR_COLUMNS.status))).toBe('');
    ev.set(okr.name, cell(r, OKR_COLUMNS.type), 'Milestone');
    ev.set(okr.name, cell(r, OKR_COLUMNS.current), true);
    expect(P()).toBe(1);
    expect(ev.get(okr.name, cell(r, OKR_COLUMNS.status))).toBe(STATUS_LABELS.done.en);
    ev.destroy();
  });
});

describe('score scale and grade bands come from the Settings sheet (issue 14 §2)', () => {
  test('changing the scale rescales the scores at once; the colours follow the bands', () => {
    const rows: OkrSheetRow[] = [
      { id: 'O1', type: 'objective', title: 'o' },
      { id: 'O1.KR1', type: 'increase', title: 'a', start: 0, target: 3, current: 2 }, // 66.67%
      { id: 'O1.KR2', type: 'increase', title: 'b', start: 0, target: 100, current: 25, selfScore: null },
    ];
    const okr = buildOkrSheetPlanFromRows({ lang: 'en', spareRows: 0, rows, header: { unit: 'U', level: 'team', owner: 'A', alignedTo: '', ...CYCLE, asOf: '2026-11-15' } });
    const settings = buildSettingsPlan({ lang: 'en', ...CYCLE });
    const ev = evaluatePlan({ sheets: [okr, settings] });
    const S = (r: number) => ev.get(okr.name, cell(r, OKR_COLUMNS.score));
    const kr1 = FIRST_DATA_ROW + 1, kr2 = FIRST_DATA_ROW + 2;
    expect([S(kr1), S(kr2)]).toEqual([0.7, 0.3]); // 0-1: one decimal (0.25 → 0.3)
    expect(S(FIRST_DATA_ROW)).toBeCloseTo(0.5, 12);
    ev.set('Settings', SETTINGS_CELLS.scoreScale, '0-100');
    expect([S(kr1), S(kr2)]).toEqual([67, 25]);
    expect(S(FIRST_DATA_ROW)).toBeCloseTo(46, 12);
    ev.set('Settings', SETTINGS_CELLS.scoreScale, '%');
    expect([S(kr1), S(kr2)]).toEqual([0.67, 0.25]);
    ev.set('Settings', SETTINGS_CELLS.scoreScale, 'nonsense'); // unreadable: 0-1, as core reads it
    expect([S(kr1), S(kr2)]).toEqual([0.7, 0.3]);
    // the colour rules read the header's bands: green from 0.7 by default, from 0.8 when set
    const green = okr.conditionalFormats.find((c) => c.background === GRADE_COLORS.green && c.when.kind === 'formula')!;
    const isGreen = () => {
      ev.set(okr.name, 'AA1', (green.when as { formula: string }).formula.replace(/Q7/g, `Q${kr1}`));
      return ev.get(okr.name, 'AA1');
    };
    expect(isGreen()).toBe(true);
    ev.set('Settings', SETTINGS_CELLS.gradeGreenFrom, 0.8);
    expect(isGreen()).toBe(false);
    ev.set('Settings', SETTINGS_CELLS.gradeRedBelow, 0.9); // red above green: both defaults, as core
    expect(isGreen()).toBe(true);
    ev.destroy();
  });
});

describe('spare rows become an objective and its KRs', () => {
  test('the spare-row objective formula (blank share computed inline) equals core', () => {
    const okr = buildOkrSheetPlanFromRows({
      lang: 'en', spareRows: 6, settingsSheetName: null,
      header: { unit: 'U', level: 'team', owner: 'A', alignedTo: '', ...CYCLE, asOf: '2026-11-15' },
      rows: [{ id: 'O1', type: 'objective', title: 'o' }, { id: 'O1.KR1', type: 'increase', title: 'k', target: 10, current: 5 }],
    });
    const ev = evaluatePlan({ sheets: [okr] });
    const o = FIRST_DATA_ROW + 2;
    const put = (r: number, id: string, type: string, target: number, current: number, weight: number | string | null) => {
      ev.set(okr.name, cell(r, OKR_COLUMNS.id), id);
      ev.set(okr.name, cell(r, OKR_COLUMNS.type), type);
      if (type !== 'Objective') {
        ev.set(okr.name, cell(r, OKR_COLUMNS.target), target);
        ev.set(okr.name, cell(r, OKR_COLUMNS.current), current);
        ev.set(okr.name, cell(r, OKR_COLUMNS.weight), weight);
      }
    };
    put(o, 'O2', 'Objective', 0, 0, null);
    put(o + 1, 'O2.KR1', 'Increase', 100, 80, 0.5);
    put(o + 2, 'O2.KR2', 'Increase', 100, 20, null);
    put(o + 3, 'O2.KR3', 'Milestone', 1, 1, null);
    put(o + 4, 'KR9', 'Increase', 100, 100, null); // no prefix: counts for no objective
    const P = () => ev.get(okr.name, cell(o, OKR_COLUMNS.progress)) as number;
    const S = () => ev.get(okr.name, cell(o, OKR_COLUMNS.score)) as number;
    // effectiveWeights([0.5, blank, blank]) = 0.5, 0.25, 0.25
    expect(P()).toBeCloseTo(objectiveProgress([{ progress: 0.8, weight: 0.5 }, { progress: 0.2, weight: null }, { progress: 1, weight: null }]), 12);
    expect(S()).toBeCloseTo(0.5 * 0.8 + 0.25 * 0.2 + 0.25 * 1, 12);
    // every weight 0: equal weights; weights over 100%: blanks get nothing
    for (const r of [o + 1, o + 2, o + 3]) ev.set(okr.name, cell(r, OKR_COLUMNS.weight), 0);
    expect(P()).toBeCloseTo((0.8 + 0.2 + 1) / 3, 12);
    ev.set(okr.name, cell(o + 1, OKR_COLUMNS.weight), 1.2);
    ev.set(okr.name, cell(o + 2, OKR_COLUMNS.weight), null);
    expect(P()).toBeCloseTo(objectiveProgress([{ progress: 0.8, weight: 1.2 }, { progress: 0.2, weight: null }, { progress: 1, weight: 0 }]), 12);
    ev.destroy();
  });
});

describe('header cells the rows read (issue 16 §5)', () => {
  test('Status shows the header words (edit one, every Status follows); the done line is one cell', () => {
    const okr = buildOkrSheetPlanFromRows({
      lang: 'zh-CN', spareRows: 1, settingsSheetName: null,
      header: { unit: 'U', level: 'team', owner: 'A', alignedTo: '', ...CYCLE, asOf: '2026-11-15' },
      rows: [
        { id: 'O1', type: 'objective', title: 'o' },
        { id: 'O1.KR1', type: 'increase', title: 'a', start: 0, target: 100, current: 100 },
        { id: 'O1.KR2', type: 'increase', title: 'b', start: 0, target: 100, current: 99.99 },
        { id: 'O1.KR3', type: 'milestone', title: 'c', due: '2026-11-01' },
      ],
    });
    const ev = evaluatePlan({ sheets: [okr] });
    const st = (r: number) => ev.get(okr.name, cell(FIRST_DATA_ROW + r, OKR_COLUMNS.status));
    expect([st(1), st(3)]).toEqual([STATUS_LABELS.done['zh-CN'], STATUS_LABELS.overdue['zh-CN']]);
    expect(st(2)).not.toBe(STATUS_LABELS.done['zh-CN']);
    const first = parseRange(STATUS_WORD_CELLS.first);
    ev.set(okr.name, cell(first.row1, first.col1), '完成了');
    expect(st(1)).toBe('完成了');
    // the done line: 99.99% is done once the line is lowered to 99.9%
    ev.set(okr.name, FORMULA_CELLS.doneFrom.value, 0.999);
    expect(st(2)).toBe('完成了');
    ev.destroy();
  });
});
