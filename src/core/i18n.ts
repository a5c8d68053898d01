/**
 * Localisation. Every user-visible string is a `Localized` value: the type demands both
 * languages, so a missing translation is a compile error rather than a blank in the UI.
 * Each module keeps its own message table next to the code that uses it.
 */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

export interface Localized {
  'zh-CN': string;
  en: string;
}

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder is left visible so it gets noticed. */
export function fmt(msg: Localized, lang: Lang, params: Params = {}): string {
  return msg[lang].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** Google's locale strings (`zh_CN`, `zh-TW`, `en_US`) → the closest supported language. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return /^zh/i.test(locale ?? '') ? 'zh-CN' : 'en';
}

export function isLang(x: unknown): x is Lang {
  return x === 'zh-CN' || x === 'en';
}
