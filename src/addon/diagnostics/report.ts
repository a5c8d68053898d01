/**
 * The diagnostics report as the sidebar receives it (plain JSON data). Its own file, free of
 * Apps Script and DOM types, because the RPC contract — compiled by both the server and the
 * sidebar projects — names it.
 */
/**
 * pass / fail; `warn` = works, but not as well as it could, and the detail says what to do (the
 * Sheets API path unavailable, a scope not granted); `skip` = cannot be checked where this runs.
 */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';
export interface DiagnosticCheck {
  id: string;
  status: CheckStatus;
  title: string;
  detail: string;
}
export interface DiagnosticTiming {
  name: string;
  ms: number;
}
export interface DiagnosticsReport {
  ok: boolean;
  passed: number;
  failed: number;
  warned: number;
  skipped: number;
  locale: string;
  timeZone: string;
  checks: DiagnosticCheck[];
  timings: DiagnosticTiming[];
  /** The whole report as plain text, for "Copy report". */
  text: string;
}

