/**
 * What an xlsx file cannot say by itself, kept in a very hidden sheet `_okr_meta` so that
 * import restores the plan: sheet role and developer metadata, protection descriptions, the
 * original SPARKLINE formulas, open-ended ranges, original named-range names, long help texts.
 * One row per sheet: A = sheet name, B… = JSON (split into 32,000-character chunks).
 */
import type { ProtectionPlan } from '../../core/plan/types';
import type { SheetRole } from '../../core/labels';

export const META_SHEET = '_okr_meta';
export const LISTS_SHEET = '_okr_lists';
export const META_MARK = 'okr-sheets-meta v1';
const CHUNK = 32000;

export interface SparklineRun {
  /** 1-based column and rows of a vertical run of cells whose formulas are copies of the first. */
  col: number;
  r1: number;
  r2: number;
  /** The plan formula of row r1 (`=…SPARKLINE(…)`). */
  formula: string;
}

export interface SheetMeta {
  /** Position of the sheet among the plan's sheets (fallback when a user renamed it). */
  index: number;
  role: SheetRole;
  metadata: Record<string, string>;
  protections: ProtectionPlan[];
  /** Ranges ending at this row (and this column) were open-ended in the plan. */
  openRow: number;
  openCol: number;
  sparklines: SparklineRun[];
  /** Refs of the data bars the exporter wrote (read back as DataBarPlans, not as CFs). */
  dataBars: string[];
  /** Plan ranges of the sheet's DataBarPlans (in order), when it had any. */
  dataBarPlans?: string[];
  /** xlsx defined name → plan name (xlsx names are workbook-wide and restricted). */
  names: Record<string, string>;
  /** xlsx validation range → full help text, when Excel's 255-character prompt limit cut it. */
  helpTexts: Record<string, string>;
  /** The plan's sheet name when Excel's rules (31 characters, no : / ? * [ ]) changed it. */
  planName?: string;
  /** Plan ranges of the plan formats, validations and CFs as written (xlsx range → plan range). */
  rangeNames?: Record<string, string>;
}

export function encodeMeta(name: string, meta: SheetMeta): string[] {
  const json = JSON.stringify(meta);
  const parts: string[] = [name];
  for (let i = 0; i < json.length; i += CHUNK) parts.push(json.slice(i, i + CHUNK));
  return parts;
}

export function decodeMeta(row: unknown[]): { name: string; meta: SheetMeta } | null {
  const [name, ...chunks] = row;
  if (typeof name !== 'string') return null;
  try {
    const meta = JSON.parse(chunks.filter((c): c is string => typeof c === 'string').join('')) as SheetMeta;
    if (!meta || typeof meta !== 'object' || typeof meta.role !== 'string') return null;
    return { name, meta };
  } catch {
    return null;
  }
}
