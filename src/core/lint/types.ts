import type { Localized, Params } from '../i18n';
import type { CellRef, OkrSettings, OkrTable, Severity } from '../model';

export interface Finding {
  rule: string;
  severity: Severity;
  at: CellRef;
  params: Params;
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
  severity: Severity;
  /** message with {params} */
  message: Localized;
  check(table: OkrTable, ctx: LintContext): Finding[];
}
