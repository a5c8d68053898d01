import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../../src/core/snapshot';
import { checkWorkbook, knownParents } from '../../../src/core/tasks/check';
import { okrGrid, snapshotOf } from './grid';

const company = okrGrid('Company', [
  { id: 'O1' },
  { id: 'O1.KR1', start: 0, target: 10, current: 5 },
  { id: 'O1.KR2', start: 0, target: 10, current: 2 },
]);
const sales = okrGrid('Sales', [
  { id: 'O1', alignsTo: 'Company/O1' },
  { id: 'O1.KR1', start: 0, target: 10, current: 5, alignsTo: 'Company/O9' },
  { id: 'O1.KR2', start: 0, target: 10, current: 1, alignsTo: 'Elsewhere/O3' },
]);

describe('checkWorkbook', () => {
  it('lint findings at their sheet and cell; alignment checked against the units of the workbook only', () => {
    const model = readSnapshot(snapshotOf([{ name: 'Company', values: company }, { name: 'Sales', values: sales }]));
    const [, s] = checkWorkbook(model, { lang: 'en' });
    const aligned = s!.findings.filter((f) => f.ruleId === 'aligned-parent');
    // Company/O9 does not exist; Elsewhere is not in this workbook, so it cannot be checked
    expect(aligned.map((f) => [f.sheet, f.a1])).toEqual([['Sales', 'E6']]);
    expect(aligned[0]!.message).toContain('Company/O9');
    expect(knownParents(model).has('Company/O1.KR2')).toBe(true);
    expect(s!.counts.error).toBe(s!.findings.filter((f) => f.severity === 'error').length);
  });

  it('stale KRs: no check-in for longer than the Settings threshold, at the Current cell, in both languages', () => {
    const log = [
      ['Date', 'Sheet', 'KR ID', 'New value', 'Confidence'],
      ['2026-11-10', 'Company', 'O1.KR1', 5, 7],
    ];
    const model = readSnapshot(snapshotOf([{ name: 'Company', values: company }, { name: 'Log', values: log }], '2026-11-15'));
    const [c] = checkWorkbook(model, { lang: 'en' });
    const stale = c!.findings.filter((f) => f.ruleId === 'stale-kr');
    expect(stale.map((f) => f.a1)).toEqual(['H7']); // O1.KR2: 45 days since the cycle start; KR1 5 days ago
    expect(stale[0]!.message).toMatch(/O1\.KR2.*45 days.*14 days/);
    const [zh] = checkWorkbook(model, { lang: 'zh-CN' });
    expect(zh!.findings.find((f) => f.ruleId === 'stale-kr')!.message).toMatch(/45 天/);
    // a later as-of day makes KR1 stale too
    const [later] = checkWorkbook(model, { lang: 'en', asOf: '2026-12-01' });
    expect(later!.findings.filter((f) => f.ruleId === 'stale-kr').map((f) => f.a1)).toEqual(['H6', 'H7']);
  });

  it('a value the sheet cannot read as a number is reported at its cell', () => {
    const values = okrGrid('T', [{ id: 'O1' }, { id: 'O1.KR1', start: 0, target: '500万', current: 1 }, { id: 'O1.KR2', start: 0, target: 3, current: 1 }]);
    const [t] = checkWorkbook(readSnapshot(snapshotOf([{ name: 'T', values }])), { lang: 'en' });
    const at = t!.findings.filter((f) => f.a1 === 'G6');
    expect(at.length).toBeGreaterThan(0);
  });

  it('only the sheets asked for', () => {
    const model = readSnapshot(snapshotOf([{ name: 'Company', values: company }, { name: 'Sales', values: sales }]));
    expect(checkWorkbook(model, { lang: 'en', sheets: ['Sales'] }).map((s) => s.sheet)).toEqual(['Sales']);
  });
});
