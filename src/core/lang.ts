/**
 * Which language a report or a new workbook is written in (issue 10, "language follows the
 * workbook") — one rule for the CLI and the add-on:
 *
 *   1. the language the user asked for (`--lang`, the sidebar's choice when it writes a report);
 *   2. the workbook's own language (Settings, else its OKR sheets' headers: `readSnapshot`'s
 *      `lang`), or the language of the text / roster being imported;
 *   3. the fallback (the CLI's LANG / LC_ALL, the user's locale in Sheets).
 */
import { langFromLocale, type Lang } from './i18n';

export interface LangSources {
  /** Asked for explicitly (`--lang`). */
  explicit?: Lang | null;
  /** The workbook's language (`WorkbookModel.lang`). */
  workbook?: Lang | null;
  /** The language of the input text or roster (`contentLang`). */
  content?: Lang | null;
  /** Last resort: the environment's or the user's locale. */
  fallback: Lang;
}

export function chooseLang(s: LangSources): Lang {
  return s.explicit ?? s.workbook ?? s.content ?? s.fallback;
}

/** The language of a POSIX locale environment (LC_ALL, then LC_MESSAGES, then LANG; zh… →
 *  zh-CN, else en) — the CLI's last fallback. The environment is passed in: core reads none. */
export function localeLang(env: Readonly<Record<string, string | undefined>>): Lang {
  return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN = /[A-Za-z]/g;

/**
 * The language of some text a user wrote (pasted OKRs, a roster's headers): Chinese when Han
 * characters are at least a quarter as many as Latin letters (a Chinese sentence with "KR", "NPS"
 * or "Q4" in it stays Chinese), English when there are Latin letters and no such share; null for
 * text with neither (numbers only, empty).
 */
export function contentLang(texts: string | readonly unknown[]): Lang | null {
  const s = typeof texts === 'string' ? texts : texts.filter((x) => typeof x === 'string').join(' ');
  const han = s.match(HAN)?.length ?? 0;
  const latin = s.match(LATIN)?.length ?? 0;
  if (han === 0 && latin === 0) return null;
  return han * 4 >= latin && han > 0 ? 'zh-CN' : 'en';
}
