/**
 * Hostile .xlsx files, built in memory from a small valid workbook: huge merges, huge
 * dimensions, cells at the sheet's far corner, XXE and entity expansion, zip bombs (honest and
 * lying sizes), broken XML, bad shared strings. Shared by test/fuzz and bench/fuzz.bench.ts.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { deflateRawSync } from 'node:zlib';

const SHEET = 'xl/worksheets/sheet1.xml';

export async function baseXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(['ID', 'Type', 'Title', 'Owner', 'Start', 'Target', 'Current']);
  ws.addRow(['O1', 'Objective', 'Grow', 'Ann']);
  ws.addRow(['O1.KR1', 'Increase', 'Raise NPS', 'Ann', 45, 60, 50]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function patchPart(base: Buffer, part: string, f: (xml: string) => string): Promise<Buffer> {
  const z = await JSZip.loadAsync(base);
  const xml = (await z.file(part)?.async('string')) ?? '';
  z.file(part, f(xml));
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A zip with one stored part whose central directory declares `declared` bytes (a lie when
 *  smaller than the real size), deflated from `real` bytes of zeros. */
export function lyingZip(name: string, real: number, declared: number): Buffer {
  const data = deflateRawSync(Buffer.alloc(real, 0x41), { level: 1 });
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + nameBuf.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + nameBuf.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBuf, data, central, nameBuf, eocd]);
}

export interface HostileCase {
  name: string;
  build: () => Promise<Buffer>;
}

const entityHeader =
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">' +
  '<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';

export const HOSTILE_XLSX: HostileCase[] = [
  {
    name: 'one merged range A1:XFD1048576',
    build: async () => patchPart(await baseXlsx(), SHEET, (x) => x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')),
  },
  {
    name: 'many medium merges',
    build: async () =>
      patchPart(await baseXlsx(), SHEET, (x) => {
        const merges = Array.from({ length: 500 }, (_, i) => `<mergeCell ref="A${i * 3 + 10}:Z${i * 3 + 11}"/>`).join('');
        return x.replace('</sheetData>', `</sheetData><mergeCells count="500">${merges}</mergeCells>`);
      }),
  },
  {
    name: 'dimension A1:XFD1048576',
    build: async () => patchPart(await baseXlsx(), SHEET, (x) => x.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')),
  },
  {
    name: 'a cell at XFD1048576',
    build: async () => patchPart(await baseXlsx(), SHEET, (x) => x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')),
  },
  {
    name: 'a cell in column 10,000 of row 3',
    build: async () => patchPart(await baseXlsx(), SHEET, (x) => x.replace('</sheetData>', '<row r="4"><c r="NTP4"><v>1</v></c></row></sheetData>')),
  },
  {
    name: 'XXE and nested entities',
    build: async () => patchPart(await baseXlsx(), SHEET, (x) => entityHeader + x.replace(/^<\?xml[^>]*\?>/, '').replace('<sheetData>', '<sheetData><row r="9"><c r="A9" t="inlineStr"><is><t>&xxe;&c;</t></is></c></row>')),
  },
  {
    name: 'XXE in shared strings',
    build: async () => patchPart(await baseXlsx(), 'xl/sharedStrings.xml', (x) => entityHeader + x.replace(/^<\?xml[^>]*\?>/, '').replace('Grow', '&xxe;&c;')),
  },
  {
    name: 'broken sheet XML',
    build: async () => patchPart(await baseXlsx(), SHEET, (x) => x.slice(0, Math.floor(x.length / 2))),
  },
  {
    name: 'broken shared strings XML',
    build: async () => patchPart(await baseXlsx(), 'xl/sharedStrings.xml', (x) => x.replace('</sst>', '<si><t>oops</si>')),
  },
  {
    name: 'shared string index out of range',
    build: async () => patchPart(await baseXlsx(), SHEET, (x) => x.replace(/<v>\d+<\/v>/, '<v>999999</v>')),
  },
  {
    name: 'negative shared string index',
    build: async () => patchPart(await baseXlsx(), SHEET, (x) => x.replace(/<v>\d+<\/v>/, '<v>-5</v>')),
  },
  {
    name: 'zip bomb: declares 250 MB unpacked',
    build: async () => lyingZip('xl/worksheets/sheet1.xml', 1024, 250 * 1024 * 1024),
  },
  {
    name: 'zip bomb: 64 MB of one letter declared as 1 KB',
    build: async () => lyingZip('xl/worksheets/sheet1.xml', 64 * 1024 * 1024, 1024),
  },
  {
    name: '150,000 rows without row numbers',
    build: async () => patchPart(await baseXlsx(), SHEET, (x) => x.replace('</sheetData>', '<row><c><v>1</v></c></row>'.repeat(150_000) + '</sheetData>')),
  },
];
