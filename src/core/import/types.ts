/**
 * The shapes of an import (text, Markdown, pasted tables, or another team's spreadsheet): what
 * the parser found, how it read the document's structure, and why. One shape for every source,
 * so the import task (src/core/tasks/importText.ts) plans one OKR sheet from any of them.
 */
import type { Localized } from '../i18n';
import type { ParsedKr } from '../krtext';
import type { KrType } from '../model';

/** Numbers and facts a table column gave a KR (a text sentence only gives `parsed`). */
export interface ImportedValues {
  start?: number | null;
  target?: number | null;
  current?: number | null;
  unit?: string | null;
  /** A fraction: `20%` → 0.2. */
  weight?: number | null;
  score?: number | null;
  confidence?: number | null;
  /** A fraction, as the table showed it. */
  progress?: number | null;
  /** The completion standard (完成标准 / criteria) column, as written. */
  criteria?: string | null;
  status?: string | null;
}

export interface ImportedKr {
  title: string;
  parsed: ParsedKr;
  owner: string | null;
  /** `YYYY-MM-DD` when the deadline and the document's cycle give a day; else the sentence's
   *  deadline as parsed (`MM-DD`, `end-of-quarter` …); a Due column wins. null: none found. */
  due: string | null;
  /** From a Type column, else the sentence (`parsed.krType`, then milestone / direction). */
  type: KrType | null;
  /** Sub-bullets, unmapped table columns, formulas kept as values: the KR row's Notes. */
  notes: string[];
  values?: ImportedValues;
}

export interface ImportedObjective {
  title: string;
  owner: string | null;
  notes: string[];
  keyResults: ImportedKr[];
  /** Values an objective row of a table carried (weight, score). */
  values?: ImportedValues;
}

/**
 * What carries objectives. `label`: lines labelled `O1:` / `目标：`; `h1`…`h6`: Markdown headings of
 * that level; `bold`: lines that are wholly bold; `cn-num`: `一、`; `cn-paren`: `（一）`; `num-N`,
 * `bullet-N`, `circled-N`, `letter-N`, `decimal-N`: list items of nesting depth N (1 = outermost);
 * `para`: the first line of each paragraph; `section`: the line after each `Objective:` header.
 * `structure.alternatives` lists the levels a document offers.
 */
export type ObjectiveLevel = string;

export interface StructureOption {
  objectiveLevel: ObjectiveLevel;
  /** "objectives: the `##` headings; key results: the bullets under them". */
  explanation: Localized;
  objectives: number;
  keyResults: number;
}

export interface StructureChoice extends StructureOption {
  /** Other readings the user can switch to with `{ objectiveLevel }`, best first. */
  alternatives: StructureOption[];
}

export type ImportErrorCode = 'notText' | 'empty' | 'tooLarge' | 'noOkrs';

export interface ImportError {
  code: ImportErrorCode;
  message: Localized;
}

export interface ImportedOkrs {
  objectives: ImportedObjective[];
  notes: string[];
  /** Header facts found in the document's title lines (`市场部 2026年Q4 OKR`, `负责人：刘洋`). */
  unit?: string | null;
  owner?: string | null;
  /** A cycle name `cycleDates` reads: `2026-Q4`, `2026-H1`, `2026-03`, `2026`. */
  cycle?: string | null;
  structure?: StructureChoice;
  /** Set when nothing could be imported; the message names what was looked for. */
  error?: ImportError;
}

export interface ImportOptions {
  /** The one-switch correction: read objectives from this level instead of the chosen one. */
  objectiveLevel?: ObjectiveLevel;
}
