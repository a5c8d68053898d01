/**
 * Input limits (design §7: inputs are bounded, with a message that names the limit). One place
 * for the numbers, so the README's "Reliability" section, the readers and the messages agree.
 * Each limit sits far above a real OKR workbook (a company of a few thousand units, a few
 * thousand rows per sheet) and far below what exhausts memory on a laptop.
 */
export const LIMITS = {
  /** Size of an .xlsx file on disk. */
  xlsxBytes: 50 * 1024 * 1024,
  /** Uncompressed size of all parts of an .xlsx (a zip bomb inflates past it). */
  xlsxUnzippedBytes: 200 * 1024 * 1024,
  /** Rows of one sheet (the last used row number). */
  rows: 100_000,
  /** Columns of one sheet (the last used column number). */
  columns: 500,
  /** Cells written in one sheet, and cells of one merged range. */
  cells: 2_000_000,
  /**
   * Units in one roster (one OKR sheet each). Google Sheets holds at most 10 million cells per
   * spreadsheet and a new sheet starts at 1000 × 26 = 26,000 cells
   * (https://support.google.com/drive/answer/37603; assumptions.ts 'new-sheet-size'), so about
   * 380 sheets fit; 300 units leave room for the support, review and dashboard sheets.
   */
  units: 300,
  /** Characters of pasted OKR text, or of a CSV roster. */
  textChars: 100_000,
} as const;

/** 1234567 → "1,234,567" (the same in both languages' messages). */
export const groupDigits = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
