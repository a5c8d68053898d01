/**
 * OKRPARSE body: core's KR sentence parser, one output row per input row.
 * (Placeholder until src/core/krtext.ts lands.)
 */
import { fail } from './args';

export function okrParse(text: unknown, language?: unknown): unknown {
  void text; void language;
  return fail('OKRPARSE', { en: 'not available yet', 'zh-CN': '暂不可用' });
}
