/**
 * Placeholders in distribution (issue 12 §4). The filler itself lives with the templates
 * (src/core/templates/placeholders.ts) because every path that builds a sheet from a template
 * uses it, not only distribution; this module keeps the distribution-side helpers and the check
 * that no built-in text hard-codes a place again (`hardCodedPlaceTexts`, empty by test).
 */
import type { Lang } from '../i18n';
import { allDepartments, type RoleTemplate } from '../templates';
import { fillText, PLACE_NAMES, type PlaceholderValues } from '../templates/placeholders';
import type { OkrSheetRow } from '../plan/okrSheet';

export { fillText, PLACEHOLDER_KEYS, PLACE_NAMES, regionOf, type PlaceholderValues } from '../templates/placeholders';

/** The rows of a unit's OKR sheet with every text filled (titles and notes). */
export function fillRows(rows: readonly OkrSheetRow[], values: PlaceholderValues, lang: Lang): OkrSheetRow[] {
  return rows.map((r) => ({
    ...r,
    title: fillText(r.title, values, lang),
    ...(r.notes !== undefined ? { notes: fillText(r.notes, values, lang) } : {}),
  }));
}

export interface HardCodedText {
  /** `dept/role` */
  template: string;
  /** `name`, `O1.title`, `O1.why`, `O1.KR2.title` */
  path: string;
  lang: Lang;
  text: string;
}

/** Built-in texts that name a place instead of saying `{city}` / `{unit}` (should be none). */
export function hardCodedPlaceTexts(depts = allDepartments()): HardCodedText[] {
  const out: HardCodedText[] = [];
  const check = (template: string, path: string, t: { 'zh-CN': string; en: string }) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      if (PLACE_NAMES[lang].some((p) => t[lang].includes(p))) out.push({ template, path, lang, text: t[lang] });
    }
  };
  for (const d of depts) {
    for (const r of d.roles as readonly RoleTemplate[]) {
      const id = `${d.id}/${r.id}`;
      check(id, 'name', r.name);
      r.objectives.forEach((o, i) => {
        check(id, `O${i + 1}.title`, o.title);
        check(id, `O${i + 1}.why`, o.why);
        o.krs.forEach((k, j) => check(id, `O${i + 1}.KR${j + 1}.title`, k.title));
      });
    }
  }
  return out;
}
