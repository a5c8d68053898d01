/** The lint catalog (design §3): each rule has a stable kebab-case id, a severity, zh/en message. */
import { fmt, type Lang } from '../i18n';
import type { OkrTable } from '../model';
import type { Finding, LintContext, LintRule } from './types';
export type { Finding, LintContext, LintRule } from './types';

export const RULES: LintRule[] = [];
const RULE_BY_ID = new Map<string, LintRule>();

export function lintTable(table: OkrTable, ctx: LintContext = {}): Finding[] {
  const out: Finding[] = [];
  for (const r of RULES) out.push(...r.check(table, ctx));
  return out;
}

export function findingMessage(f: Finding, lang: Lang): string {
  const r = RULE_BY_ID.get(f.rule);
  return r ? fmt(r.message, lang, f.params) : f.rule;
}
