import { describe, expect, it } from 'vitest';
import { createLocalApp } from '../../../src/local/workbook';
import { trendFallbackFormula, trendFormula } from '../../../src/core/plan/trendFormula';
import { isTableError, readTableValues } from '../../../src/core/table';

const d = (iso: string) => new Date(`${iso}T00:00:00`);
const params = (row: number, sheetName = 'Sales') => ({ row, idCell: `$A${row}`, sheetName, checkinsSheet: 'Check-ins', lang: 'en' as const });

/** A hand-written log: out of date order, two sheets sharing IDs, a blank Sheet, a text value. */
const LOG: unknown[][] = [
  ['Date', 'Sheet / unit', 'KR ID', 'New value', 'Confidence'],
  [d('2026-11-02'), 'Sales', 'O1.KR1', 12, 7],
  [d('2026-11-16'), 'Sales', 'O1.KR1', 18, 6],
  [d('2026-11-09'), 'Sales', 'O1.KR1', 15, 6], // logged late: not the latest
  [d('2026-11-16'), 'Other', 'O1.KR1', 99, 5], // another sheet's KR with the same ID
  [d('2026-11-03'), '', 'O1.KR2', 1, 5], // no sheet: belongs to every table
  [d('2026-11-10'), 'Sales', 'O1.KR2', 3, 5],
  [d('2026-11-10'), 'Sales', 'O1.KR2', 4, 5], // same day: the fallback shows the day's mean
  [d('2026-11-12'), 'Sales', 'O1.KR3', 'n/a', 5], // not a number: skipped
  [d('2026-11-11'), 'Sales', 'O1.KR3', 0.5, 5],
  [d('2026-11-05'), 'Sales', 'O1.KR4', '', 8], // confidence only
];

function workbook(formula: (row: number) => string) {
  const { ss } = createLocalApp();
  ss.insertSheet('Check-ins').getRange(1, 1, LOG.length, 5).setValues(LOG);
  const ids = ['O1.KR1', 'O1.KR2', 'O1.KR3', 'O1.KR4', 'O2.KR1', ''];
  const sales = ss.insertSheet('Sales');
  sales.getRange(1, 1, ids.length + 1, 2).setValues([['ID', 'Trend'], ...ids.map((id, i) => [id, formula(i + 2)])]);
  return { ss, sales, ids };
}

describe('trendFallbackFormula (HyperFormula, in-memory workbook)', () => {
  it('shows previous → latest by date, skips other sheets, blank-sheet rows and non-numbers; blank with no entries', () => {
    const { sales } = workbook((r) => trendFallbackFormula(params(r)));
    const shown = sales.getRange(2, 2, 6, 1).getValues().map((l) => l[0]);
    expect(shown).toEqual(['15 → 18', '3.5', '0.5', '', '', '']);
  });

  it('another sheet sees only its own entries', () => {
    const { sales } = workbook((r) => trendFallbackFormula(params(r, 'Other')));
    expect(sales.getRange(2, 2, 2, 1).getValues().map((l) => l[0])).toEqual(['99', '']);
  });

  it('a workbook without the log shows blanks, never an error', () => {
    const { ss } = createLocalApp();
    const sales = ss.insertSheet('Sales');
    sales.getRange(1, 1, 3, 2).setValues([['ID', 'Trend'], ['O1.KR1', trendFallbackFormula(params(2))], ['O1.KR2', trendFallbackFormula({ ...params(3), checkinsSheet: 'Renamed log' })]]);
    expect(sales.getRange(2, 2, 2, 1).getValues().map((l) => l[0])).toEqual(['', '']);
  });

  it('follows a new check-in appended to the log', () => {
    const { ss, sales } = workbook((r) => trendFallbackFormula(params(r)));
    ss.getSheetByName('Check-ins')!.getRange(LOG.length + 1, 1, 1, 5).setValues([[d('2026-11-20'), 'Sales', 'O1.KR1', 21, 7]]);
    expect(sales.getRange('B2').getValues()[0]![0]).toBe('18 → 21');
  });
});

describe('trend formulas: limits', () => {
  it('stay under Excel\'s 8,192-character formula limit with 31-character sheet names', () => {
    const long = { row: 99999, idCell: '$A99999', sheetName: 'x'.repeat(31), checkinsSheet: "y'".repeat(15) + 'y', lang: 'zh-CN' as const };
    expect(trendFallbackFormula(long).length).toBeLessThan(8192);
    expect(trendFormula(long).length).toBeLessThan(8192);
  });
});

describe('trendFormula (Google Sheets)', () => {
  it('is a line SPARKLINE over FILTER of this sheet\'s rows for the row\'s ID, sorted by date, blank on no rows', () => {
    const f = trendFormula(params(7));
    expect(f).toMatch(/^=IF\(\$A7="","",IFERROR\(SPARKLINE\(INDEX\(SORT\(FILTER\(/);
    expect(f).toContain(`'Check-ins'!$C$2:$C=$A7`);
    expect(f).toContain(`('Check-ins'!$B$2:$B="Sales")+('Check-ins'!$B$2:$B="")`);
    expect(f).toContain('"charttype","line"');
    expect(f.endsWith(',""))')).toBe(true);
  });

  it('quotes sheet names with apostrophes and text with double quotes', () => {
    const f = trendFormula({ ...params(3), sheetName: 'Bob\'s "A" team', checkinsSheet: "Log's" });
    expect(f).toContain(`FILTER('Log''s'!$A$2:$D,'Log''s'!$C$2:$C=$A3`);
    expect(f).toContain('="Bob\'s ""A"" team")');
  });

  it('its FILTER conditions pick this sheet\'s number entries for the row\'s ID (HyperFormula, bounded ranges)', () => {
    // HyperFormula has no SPARKLINE, no open-ended ranges and no INDEX(…,0,n): evaluate the
    // formula's own FILTER conditions over the value column (log order; Sheets' SORT then orders
    // by date, which only Sheets can show)
    const data = (r: number) => {
      const f = trendFormula(params(r)).replace(/(\$[A-D]\$2:\$[A-D])(?=[,)=}])/g, '$1$20');
      const conds = /FILTER\('Check-ins'!\$A\$2:\$D\$20,(.*)\),1,TRUE\)/.exec(f)![1]!;
      return `=IFERROR(TEXTJOIN(",",1,FILTER('Check-ins'!$D$2:$D$20,${conds})),"")`;
    };
    const { sales } = workbook(data);
    expect(sales.getRange(2, 2, 4, 1).getValues().map((l) => l[0])).toEqual(['12,18,15', '1,3,4', '0.5', '']);
  });
});

describe('the Trend column is found by label and never read as input', () => {
  const header = ['ID', 'Type', 'Objective / Key result', 'Owner', 'Start', 'Target', 'Current'];
  const rows = [
    ['O1', 'Objective', 'Grow the channel', 'Li', null, null, null],
    ['O1.KR1', 'Increase', 'Partners from 4 to 10', 'Li', 4, 10, 6],
    [null, null, null, null, null, null, null], // a spare row
  ];
  const read = (withTrend: boolean) => {
    const r = readTableValues([withTrend ? [...header, 'Trend'] : header, ...rows.map((l, i) => (withTrend ? [...l, i === 2 ? '3 → 4' : '4 → 6'] : l))]);
    if (isTableError(r)) throw new Error(r.error.en);
    return r;
  };

  it('reads the same rows with and without a Trend column (older sheets keep working)', () => {
    const strip = (r: ReturnType<typeof read>) => r.table.rows.map(({ raw: _raw, ...row }) => row);
    expect(read(true).columns.trend).toBe(7);
    expect(read(false).columns.trend).toBeUndefined();
    expect(strip(read(true))).toEqual(strip(read(false)));
    expect(read(true).table.rows.map((r) => r.id)).toEqual(['O1', 'O1.KR1']);
  });

  it('recognises 趋势 in a zh-CN header', () => {
    const r = readTableValues([['编号', '类型', '目标 / 关键结果', '负责人', '趋势'], ['O1', '目标', '做大渠道', '李', '']]);
    if (isTableError(r)) throw new Error(r.error.en);
    expect(r.columns.trend).toBe(4);
  });
});
