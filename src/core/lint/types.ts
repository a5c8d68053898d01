import type { Localized, Params } from '../i18n';
import type { CellRef, OkrSettings, OkrTable, Severity } from '../model';

export interface Finding {
  /** the rule id (stable, kebab-case) */
  rule: string;
  severity: Severity;
  at: CellRef;
  /** message parameters; a `column` param holding a ColumnKey is shown as that column's label */
  params: Params;
  /** which of the rule's messages applies (e.g. kr-count: 'none' | 'few' | 'many'); absent = main */
  variant?: string;
}

export interface LintContext {
  /** ISO date; rules about time use it when present. */
  asOf?: string;
  /** 'Unit/O1' (and 'Unit/O1.KR1') ids that exist; aligned-parent is skipped without it. */
  knownParents?: Set<string>;
  settings?: Partial<OkrSettings>;
}

export interface LintRule {
  id: string;
  /** default severity (a finding may carry a different one, e.g. kr-count with 0 KRs is an error) */
  severity: Severity;
  /** main message with {params} */
  message: Localized;
  /** messages of the variants */
  variants?: Record<string, Localized>;
  /** one line on what the rule checks and why (for docs and the sidebar) */
  description: Localized;
  check(table: OkrTable, ctx: LintContext): Finding[];
}
