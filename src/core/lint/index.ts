/**
 * Lint (design §3): `lintTable` runs the catalog of `rules.ts` over a table; `findingMessage`
 * renders a finding in a language. Rule ids are stable (kebab-case) — tests, the sidebar and the
 * CLI refer to them.
 */
import { fmt, type Lang, type Params } from '../i18n';
import { COLUMN_LABELS, label } from '../labels';
import type { ColumnKey, OkrTable, Severity } from '../model';
import { RULES } from './rules';
import type { Finding, LintContext, LintRule } from './types';
export type { Finding, LintContext, LintRule } from './types';
export { RULES } from './rules';

// Built on first use, not at load: a top-level `new Map(RULES…)` kept the whole rule catalog
// (≈ 30 KB) in every Apps Script server file, even those whose methods never lint (scripts/build.mjs).
let ruleMap: Map<string, LintRule> | null = null;

export function ruleById(id: string): LintRule | undefined {
  if (!ruleMap) ruleMap = new Map<string, LintRule>(RULES.map((r) => [r.id, r]));
  return ruleMap.get(id);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Runs every rule (or only `ctx.only`) and returns the findings ordered by row (table-wide
 * findings first), then severity, then rule order.
 */
export function lintTable(table: OkrTable, ctx: LintContext & { only?: readonly string[] } = {}): Finding[] {
  const out: Finding[] = [];
  const only = ctx.only ? new Set(ctx.only) : null;
  for (const r of RULES) {
    if (only && !only.has(r.id)) continue;
    for (const f of r.check(table, ctx)) out.push(f);
  }
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  return out
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (a.f.at.row ?? -1) - (b.f.at.row ?? -1) ||
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        (order.get(a.f.rule) ?? 0) - (order.get(b.f.rule) ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

const isColumnKey = (x: unknown): x is ColumnKey => typeof x === 'string' && x in COLUMN_LABELS;

/** The finding's message in `lang`, its {params} filled; a `column` param shows the column label. */
export function findingMessage(f: Finding, lang: Lang): string {
  const r = ruleById(f.rule);
  if (!r) return f.rule;
  const msg = (f.variant && r.variants?.[f.variant]) || r.message;
  const params: Params = { ...f.params };
  if (isColumnKey(params.column)) params.column = label(COLUMN_LABELS[params.column], lang);
  return fmt(msg, lang, params);
}
