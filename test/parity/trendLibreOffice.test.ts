/**
 * The Trend fallback (engines without SPARKLINE) recalculated by LibreOffice shows the same text
 * as HyperFormula on the same hand-written log: previous → latest by date, this sheet only.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { trendFallbackFormula } from '../../src/core/plan/trendFormula';
import { toXlsxFormula } from '../../src/local/xlsx/formula';
import { findSoffice, recalcWithLibreOffice } from '../helpers/libreoffice';

const soffice = findSoffice();
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const LOG: unknown[][] = [
  ['Date', 'Sheet / unit', 'KR ID', 'New value', 'Confidence'],
  [d('2026-11-02'), 'Sales', 'O1.KR1', 12, 7],
  [d('2026-11-16'), 'Sales', 'O1.KR1', 18, 6],
  [d('2026-11-09'), 'Sales', 'O1.KR1', 15, 6],
  [d('2026-11-16'), 'Other', 'O1.KR1', 99, 5],
  [d('2026-11-10'), 'Sales', 'O1.KR2', 3, 5],
  [d('2026-11-12'), 'Sales', 'O1.KR3', 'n/a', 5],
  [d('2026-11-11'), 'Sales', 'O1.KR3', 0.5, 5],
];
const IDS = ['O1.KR1', 'O1.KR2', 'O1.KR3', 'O2.KR1', ''];

describe.skipIf(!soffice)('trendFallbackFormula in LibreOffice', () => {
  it('shows previous → latest, one value, or blank', async () => {
    const wb = new ExcelJS.Workbook();
    const log = wb.addWorksheet('Check-ins');
    LOG.forEach((l) => log.addRow(l));
    const sales = wb.addWorksheet('Sales');
    sales.addRow(['ID', 'Trend']);
    IDS.forEach((id, i) => {
      const row = i + 2;
      const f = trendFallbackFormula({ row, idCell: `$A${row}`, sheetName: 'Sales', checkinsSheet: 'Check-ins', lang: 'zh-CN' });
      sales.addRow([id, { formula: toXlsxFormula(f) }]);
    });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await recalcWithLibreOffice(Buffer.from(await wb.xlsx.writeBuffer()))) as never);
    const ws = back.getWorksheet('Sales')!;
    const shown = IDS.map((_, i) => {
      const v = ws.getCell(i + 2, 2).value as { result?: unknown } | null;
      // exceljs leaves `result` out when the formula's result is an empty string
      return v && typeof v === 'object' && 'formula' in v ? String(v.result ?? '') : String(v ?? '');
    });
    expect(shown).toEqual(['15 → 18', '3', '0.5', '', '']);
  }, 200_000);
});
