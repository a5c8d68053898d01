import { describe, expect, it } from 'vitest';
import { fmt, langFromLocale } from '../../src/core/i18n';
import { COLUMN_LABELS, matchLabel, ROW_TYPE_LABELS } from '../../src/core/labels';

describe('labels and i18n', () => {
  it('recognises header labels in either language, ignoring spaces and case', () => {
    expect(matchLabel(COLUMN_LABELS, '目标值')).toBe('target');
    expect(matchLabel(COLUMN_LABELS, ' aligns  TO ')).toBe('alignsTo');
    expect(matchLabel(COLUMN_LABELS, 'nonsense')).toBeNull();
    expect(matchLabel(ROW_TYPE_LABELS, '里程碑')).toBe('milestone');
  });
  it('formats placeholders and maps locales', () => {
    expect(fmt({ 'zh-CN': '共 {n} 条', en: '{n} items' }, 'en', { n: 3 })).toBe('3 items');
    expect(fmt({ 'zh-CN': '共 {n} 条', en: '{n} items' }, 'zh-CN', {})).toBe('共 {n} 条');
    expect(langFromLocale('zh_TW')).toBe('zh-CN');
    expect(langFromLocale('de')).toBe('en');
  });
  it('never gives two column keys the same label', () => {
    const seen = new Map<string, string>();
    for (const [key, l] of Object.entries(COLUMN_LABELS)) {
      for (const text of [...l['zh-CN'], ...l.en]) {
        const n = text.replace(/\s+/g, '').toLowerCase();
        expect(seen.get(n) ?? key, `${text} used by ${seen.get(n)} and ${key}`).toBe(key);
        seen.set(n, key);
      }
    }
  });
});
