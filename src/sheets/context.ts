/**
 * What every server action receives (design §1): the app object (SpreadsheetApp or the in-memory
 * workbook's app), the spreadsheet, optionally the document lock, and the user's language.
 * Apps Script entry points build it from the real globals; the playground and tests from
 * `createLocalApp()` (src/local/workbook).
 */
import type { Lang } from '../core/i18n';
import type { AppLike, LockLike, SpreadsheetLike } from './api';
import type { SheetsApiLike } from './batch/apply';

export interface SheetsContext {
  app: AppLike;
  ss: SpreadsheetLike;
  /** The document lock; when present, every write action holds it (see `withDocumentLock`). */
  lock?: LockLike;
  lang: Lang;
  /**
   * The advanced Sheets service (`Sheets.Spreadsheets`) when enabled and the `spreadsheets`
   * scope is granted: plans are then applied in one batchUpdate (src/sheets/batch).
   */
  sheetsApi?: SheetsApiLike;
}
