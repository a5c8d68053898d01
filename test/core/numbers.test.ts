import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseChineseNumeral, parseDate, parseNumber, toHalfWidth, unitScale, valueInUnit } from '../../src/core/numbers';

function ok(input: unknown) {
  const r = parseNumber(input);
  if (!r.ok) throw new Error(`expected a number from ${String(input)}, got ${r.error}`);
  return r;
}

describe('parseNumber', () => {
  it('passes real numbers through', () => {
    expect(ok(42)).toEqual({ ok: true, value: 42, unit: null, percent: false });
    expect(ok(-0.25).value).toBe(-0.25);
    expect(parseNumber(Number.NaN)).toMatchObject({ ok: false, error: 'notANumber' });
    expect(parseNumber(Infinity)).toMatchObject({ ok: false, error: 'notANumber' });
  });

  it('reads percentages as fractions', () => {
    expect(ok('80%')).toEqual({ ok: true, value: 0.8, unit: '%', percent: true });
    expect(ok('4.35%').value).toBe(0.0435);
    expect(ok('８０％')).toEqual({ ok: true, value: 0.8, unit: '%', percent: true });
    expect(ok('百分之八十').value).toBe(0.8);
    expect(ok('5‰')).toMatchObject({ value: 0.005, percent: true });
    expect(ok('0.8')).toEqual({ ok: true, value: 0.8, unit: null, percent: false });
  });

  it('applies 万 / 亿 / k / M multipliers and keeps the unit', () => {
    expect(ok('5万')).toEqual({ ok: true, value: 50000, unit: null, percent: false, scaled: true });
    expect(ok('1.5亿').value).toBe(150000000);
    expect(ok('10万元')).toEqual({ ok: true, value: 100000, unit: '元', percent: false, scaled: true });
    expect(ok('3千万').value).toBe(30000000);
    expect(ok('10k').value).toBe(10000);
    expect(ok('10K').value).toBe(10000);
    expect(ok('3.5M').value).toBe(3500000);
    expect(ok('2 million').value).toBe(2000000);
    expect(ok('5m')).toMatchObject({ value: 5, unit: 'm' }); // minutes/metres, not a million
    expect(ok('5m').scaled).toBeUndefined();
    expect(ok('12').scaled).toBeUndefined();
  });

  it('reads currency signs as the unit', () => {
    expect(ok('¥10,000')).toEqual({ ok: true, value: 10000, unit: '¥', percent: false });
    expect(ok('￥10,000')).toEqual({ ok: true, value: 10000, unit: '¥', percent: false });
    expect(ok('$1.2M')).toEqual({ ok: true, value: 1200000, unit: '$', percent: false, scaled: true });
    expect(ok('¥10万元')).toMatchObject({ value: 100000, unit: '元' });
    expect(ok('-$5')).toMatchObject({ value: -5, unit: '$' });
  });

  it('reads Chinese numerals and measure words', () => {
    expect(ok('五家')).toEqual({ ok: true, value: 5, unit: '家', percent: false });
    expect(ok('两个')).toEqual({ ok: true, value: 2, unit: '个', percent: false });
    expect(ok('十二').value).toBe(12);
    expect(ok('一百二十').value).toBe(120);
    expect(ok('三千').value).toBe(3000);
    expect(ok('一百零五').value).toBe(105);
    expect(ok('十二万三千').value).toBe(123000);
    expect(ok('一亿五千万').value).toBe(150000000);
    expect(ok('二〇二六').value).toBe(2026);
    expect(ok('一点五天')).toMatchObject({ value: 1.5, unit: '天' });
    expect(ok('叁拾').value).toBe(30);
  });

  it('reads units, negatives, grouping and full-width input', () => {
    expect(ok('1.5天')).toEqual({ ok: true, value: 1.5, unit: '天', percent: false });
    expect(ok('-12')).toMatchObject({ value: -12 });
    expect(ok('−3.5')).toMatchObject({ value: -3.5 });
    expect(ok('(1,200)')).toMatchObject({ value: -1200 });
    expect(ok('1,234.5').value).toBe(1234.5);
    expect(ok('１，２３４．５').value).toBe(1234.5);
    expect(ok(' 30 人 ')).toMatchObject({ value: 30, unit: '人' });
    expect(ok('10万元以上')).toMatchObject({ value: 100000, unit: '元' });
    expect(ok('约 50 人')).toMatchObject({ value: 50, unit: '人' });
    expect(ok('≥95%')).toMatchObject({ value: 0.95, percent: true });
    expect(ok('不超过 3 天')).toMatchObject({ value: 3, unit: '天' });
    expect(ok('>= 10')).toMatchObject({ value: 10 });
  });

  it('treats booleans as milestone values', () => {
    expect(ok(true).value).toBe(1);
    expect(ok(false).value).toBe(0);
    expect(ok('TRUE').value).toBe(1);
  });

  it('reports blanks and junk without throwing', () => {
    for (const blank of [null, undefined, '', '   ', '\u3000']) {
      expect(parseNumber(blank)).toMatchObject({ ok: false, error: 'empty' });
    }
    for (const junk of ['abc', '--', 'N/A', 'xx', 'XXXX', '万', '2026-12-31', '1,2', '1.2.3', '80%abc', {}, [], Symbol('s')]) {
      expect(parseNumber(junk)).toMatchObject({ ok: false, error: 'notANumber' });
    }
  });

  it('round-trips numbers formatted with 万, %, commas (property)', () => {
    const ints = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
    fc.assert(
      fc.property(ints, (n) => {
        expect(ok(n.toLocaleString('en-US')).value).toBe(n);
        expect(ok(`${n}%`).value).toBeCloseTo(n / 100, 9);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (hundredths) => {
        const wan = hundredths / 100; // e.g. 1234.56万
        const r = ok(`${wan}万`);
        expect(r.value).toBe(hundredths * 100); // exact: 万 = 10000 × (hundredths / 100)
        const y = ok(`${wan}亿元`);
        expect(y.unit).toBe('元');
        expect(y.value).toBe(hundredths * 1_000_000);
      }),
    );
  });

  it('round-trips Chinese numerals written out (property)', () => {
    const d = '零一二三四五六七八九';
    const toCn = (n: number): string => {
      // simple writer for 1..99999999 using 万 sections
      const section = (x: number): string => {
        const units = ['', '十', '百', '千'];
        let out = '';
        let zero = false;
        for (let i = 3; i >= 0; i--) {
          const digit = Math.floor(x / 10 ** i) % 10;
          if (digit === 0) {
            if (out) zero = true;
          } else {
            if (zero) out += '零';
            zero = false;
            out += d[digit]! + units[i]!;
          }
        }
        return out;
      };
      const high = Math.floor(n / 10000);
      const low = n % 10000;
      if (!high) return section(low);
      return section(high) + '万' + (low ? (low < 1000 ? '零' : '') + section(low) : '');
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
        expect(parseChineseNumeral(toCn(n))).toBe(n);
      }),
    );
  });
});

describe('toHalfWidth', () => {
  it('folds full-width forms', () => {
    expect(toHalfWidth('ＫＲ１：８０％')).toBe('KR1:80%');
  });
});

describe('parseDate', () => {
  it('reads ISO and Chinese date text', () => {
    expect(parseDate('2026-12-31')).toBe('2026-12-31');
    expect(parseDate('2026/12/31')).toBe('2026-12-31');
    expect(parseDate('2026/1/5')).toBe('2026-01-05');
    expect(parseDate('2026年12月31日')).toBe('2026-12-31');
    expect(parseDate('２０２６年１２月３１日')).toBe('2026-12-31');
    expect(parseDate('2026-12-31T23:00:00Z')).toBe('2026-12-31');
  });
  it('reads Date objects by their local calendar date', () => {
    expect(parseDate(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
    expect(parseDate(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
    expect(parseDate(new Date(Number.NaN))).toBeNull();
  });
  it('reads spreadsheet serial numbers (1899-12-30 epoch)', () => {
    expect(parseDate(46022)).toBe('2025-12-31');
    expect(parseDate(46023.75)).toBe('2026-01-01');
    expect(parseDate(25569)).toBe('1970-01-01');
    expect(parseDate(19999)).toBeNull();
    expect(parseDate(80001)).toBeNull();
  });
  it('rejects impossible dates and junk', () => {
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('next week')).toBeNull();
    expect(parseDate(null)).toBeNull();
    expect(parseDate('')).toBeNull();
  });
});

describe('unitScale and valueInUnit (a number in its row\'s unit, issue 16 §4)', () => {
  it('reads the multiplier of a Unit cell; plain units, percentages and blanks have none', () => {
    expect(unitScale('万元')).toEqual({ factor: 1e4, base: '元' });
    expect(unitScale('亿')).toEqual({ factor: 1e8, base: '' });
    expect(unitScale('千人')).toEqual({ factor: 1e3, base: '人' });
    expect(unitScale(' 万人次 ')).toEqual({ factor: 1e4, base: '人次' });
    for (const u of ['元', '家', '%', '百分点', '', 'KB', 'B', '10万元', null, 5]) expect(unitScale(u), String(u)).toBeNull();
  });
  it('an amount with a multiplier or in the base unit is divided; a bare number or a percentage is as typed', () => {
    const wan = unitScale('万元');
    const v = (t: string) => valueInUnit(ok(t), wan);
    expect(v('180万')).toBe(180);
    expect(v('180万元')).toBe(180);
    expect(v('1,800,000元')).toBe(180);
    expect(v('¥1,800,000')).toBe(180);
    expect(v('三千万')).toBe(3000);
    expect(v('0.35亿')).toBe(3500);
    expect(v('180')).toBe(180);
    expect(v('80%')).toBe(0.8);
    expect(valueInUnit(ok('180万'), null)).toBe(1800000);
  });
  it('for any amount typed with 万 in a 万元 row, the number is the amount before 万 (property)', () => {
    const wan = unitScale('万元');
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 99 }), (i, d) => {
      const n = Number(`${i}.${d}`);
      expect(valueInUnit(ok(`${n}万`), wan)).toBeCloseTo(n, 9);
    }));
  });
});
