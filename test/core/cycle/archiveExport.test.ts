/** The archived sheet's "as of" note survives the xlsx export (and an import / export round). */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_NOTE_KEY, planNextCycle } from '../../../src/core/cycle/nextCycle';
import { applyNextCycle } from '../../../src/sheets/cycle';
import { exportXlsx } from '../../../src/local/xlsx/export';
import { importXlsx } from '../../../src/local/xlsx/import';
import { TABLE_HEADER_ROW } from '../../../src/core/plan/okrSheet';
import { cycleModel, cycleWorkbook } from './fixture';

async function noteOf(buf: Buffer, sheet: string, pattern: RegExp): Promise<{ address: string; text: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const out: { address: string; text: string }[] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => {
    const n = c.note;
    const text = typeof n === 'string' ? n : n ? (n.texts ?? []).map((t) => t.text).join('') : '';
    if (pattern.test(text)) out.push({ address: c.address, text });
  }));
  return out;
}

describe('archive note in the xlsx export', () => {
  it('the Status header of the archived sheet carries the "as of" note; the new sheet has none', async () => {
    const local = cycleWorkbook();
    applyNextCycle(local.ctx('en'), planNextCycle(cycleModel(local), {}));
    const sales = local.ctx('en').ss.getSheetByName('Sales OKR')!;
    const meta = sales.getDeveloperMetadata().find((m) => m.getKey() === ARCHIVE_NOTE_KEY)!;
    const { cell, text } = JSON.parse(meta.getValue()!) as { cell: string; text: string };
    expect(cell).toBe(`R${TABLE_HEADER_ROW}`); // Status, in the table's header row
    expect(text).toMatch(/^Status frozen as values on 2026-11-30 \(cycle 2026-Q4 archived; the next cycle is on "OKR Sales 2027-Q1"\)\.$/);

    const buf = await exportXlsx(local.toPlan());
    expect(await noteOf(buf, 'Sales OKR', /Status frozen/)).toEqual([{ address: cell, text }]);
    expect(await noteOf(buf, 'OKR Sales 2027-Q1', /Status frozen/)).toEqual([]);

    const again = await exportXlsx(await importXlsx(buf));
    expect(await noteOf(again, 'Sales OKR', /Status frozen/)).toEqual([{ address: cell, text }]);
  }, 60_000);
});
