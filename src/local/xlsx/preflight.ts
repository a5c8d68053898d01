/**
 * Looks inside an .xlsx (a zip) before exceljs does, so that a hostile file fails in
 * milliseconds with a message instead of exhausting memory (issue 11, item 6):
 *
 * - a zip bomb: each part is inflated here with `maxOutputLength`, so a part whose declared
 *   size lies is caught at the first byte past it, and the total is capped
 *   (LIMITS.xlsxUnzippedBytes);
 * - a merged range such as `A1:XFD1048576`: exceljs creates a cell object for every cell of a
 *   merge while loading, so merges larger than LIMITS.cells are refused before it sees them;
 * - rows or columns past LIMITS.rows / LIMITS.columns (`<row r=…>`, cell references).
 *
 * Only the central directory and the worksheets' XML are read; nothing is kept afterwards.
 */
import { inflateRawSync } from 'node:zlib';
import { LIMITS } from '../../core/limits';

export type PreflightProblem =
  | { code: 'fileTooBig'; limit: number }
  | { code: 'unzippedTooBig'; limit: number }
  | { code: 'badZip'; detail: string }
  | { code: 'mergeTooBig'; range: string; limit: number }
  | { code: 'tooManyRows'; sheet: string; limit: number }
  | { code: 'tooManyColumns'; sheet: string; limit: number }
  | { code: 'tooManyCells'; sheet: string; limit: number };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function centralDirectory(buf: Buffer): Entry[] | string {
  // the end-of-central-directory record sits in the last 22 + 65535 (comment) bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'no end of central directory';
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return 'broken central directory';
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    out.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Column letters → 1-based number ("XFD" → 16384). */
const colNumber = (letters: string): number => {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};

function rangeArea(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return 1;
  if (!m[3]) return 1;
  const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
  const cols = Math.abs(colNumber(m[3]) - colNumber(m[1]!)) + 1;
  return rows * cols;
}

/** Checks one worksheet's XML for oversized merges and rows or columns past the limits. */
function checkSheetXml(xml: string, sheet: string): PreflightProblem | null {
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g)) {
    if (rangeArea(m[1]!) > LIMITS.cells) return { code: 'mergeTooBig', range: m[1]!, limit: LIMITS.cells };
  }
  // rows without an `r` attribute follow the previous one: count them too
  let row = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?row\b([^>]*)>/g)) {
    const r = /\br\s*=\s*["'](\d+)["']/.exec(m[1]!);
    row = r ? Number(r[1]) : row + 1;
    if (row > LIMITS.rows) return { code: 'tooManyRows', sheet, limit: LIMITS.rows };
  }
  let cells = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*)>/g)) {
    if (++cells > LIMITS.cells) return { code: 'tooManyCells', sheet, limit: LIMITS.cells };
    const ref = /\br\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d+)["']/.exec(m[1]!);
    if (!ref) continue;
    if (colNumber(ref[1]!) > LIMITS.columns) return { code: 'tooManyColumns', sheet, limit: LIMITS.columns };
    if (Number(ref[2]) > LIMITS.rows) return { code: 'tooManyRows', sheet, limit: LIMITS.rows };
  }
  return null;
}

/**
 * Null when the file may be handed to exceljs; otherwise the first problem found. Broken zips
 * are left to exceljs's own message unless the structure is unreadable here too.
 */
export function preflightXlsx(input: Buffer | Uint8Array): PreflightProblem | null {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (buf.length > LIMITS.xlsxBytes) return { code: 'fileTooBig', limit: LIMITS.xlsxBytes };
  const entries = centralDirectory(buf);
  if (typeof entries === 'string') return { code: 'badZip', detail: entries };
  let budget = LIMITS.xlsxUnzippedBytes;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    // ZIP64 sizes (0xFFFFFFFF) or declared sizes past the budget: no xlsx we accept is that big
    if (e.size >= budget) return { code: 'unzippedTooBig', limit: LIMITS.xlsxUnzippedBytes };
    const p = e.localOffset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) return { code: 'badZip', detail: `broken entry ${e.name.slice(0, 80)}` };
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + e.compressed));
    let bytes: Buffer;
    if (e.method === 0) bytes = data;
    else if (e.method === 8) {
      try {
        // one byte past the declared size is enough to prove the declaration false
        bytes = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size + 1) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { code: 'unzippedTooBig', limit: LIMITS.xlsxUnzippedBytes };
        return { code: 'badZip', detail: `cannot inflate ${e.name.slice(0, 80)}` };
      }
      if (bytes.length > e.size) return { code: 'unzippedTooBig', limit: LIMITS.xlsxUnzippedBytes };
    } else return { code: 'badZip', detail: `unsupported compression method ${e.method}` };
    budget -= bytes.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      const problem = checkSheetXml(bytes.toString('utf8'), e.name.replace(/^.*\//, '').replace(/\.xml$/i, ''));
      if (problem) return problem;
    }
  }
  return null;
}
