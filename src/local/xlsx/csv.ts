/**
 * A small RFC 4180 CSV reader: quoted fields (with `""` escapes, commas and line breaks inside),
 * CRLF / LF / CR line ends, a UTF-8 byte-order mark. The delimiter is a comma unless the first
 * line has none and has tabs or semicolons. Bytes that are not valid UTF-8 are decoded as GB18030
 * (what Excel for Chinese Windows writes for "CSV"). Never throws on content.
 */
export function decodeText(buf: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gb18030').decode(buf);
    } catch {
      return new TextDecoder('utf-8').decode(buf).replace(/^\uFEFF/, '');
    }
  }
}

function detectDelimiter(text: string): string {
  let inQuotes = false;
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch]!++;
  }
  if (counts[',']! > 0) return ',';
  if (counts['\t']! > 0) return '\t';
  if (counts[';']! > 0) return ';';
  return ',';
}

/** Parses CSV text into rows of fields (strings). Blank lines are kept as `['']`. */
export function parseCsv(input: string, delimiter?: string): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const d = delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false; // the current field started with a quote
  const endField = () => {
    row.push(field);
    field = '';
    quoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '' && !quoted) {
      // quoted field: read to the closing quote
      quoted = true;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = text.length;
          break;
        }
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      continue;
    }
    if (ch === d) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || quoted || row.length > 0) endRow();
  return rows;
}
