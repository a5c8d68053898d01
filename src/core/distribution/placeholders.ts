/**
 * Placeholders in template texts, filled from the roster (issue 12: a roster's 华东销售组 must not
 * receive "打造行业领先的北京销售团队"). A template text may say `{unit}`, `{parent}`, `{owner}`,
 * `{city}` (the unit's region, read from its name: 华东销售组 → 华东, "East China sales" → "East
 * China"), `{company}` (the roster's top unit).
 *
 * Until every built-in text uses `{city}`, the few place names the seeds' examples hard-code
 * (`LEGACY_PLACES`) are read as `{city}` too; `hardCodedPlaceTexts()` lists the texts that still
 * do, so the template owners can change them (and a test shows the list shrinking to nothing is
 * safe: filling gives the same result either way).
 */
import type { Lang } from '../i18n';
import { allDepartments, type RoleTemplate } from '../templates';
import type { OkrSheetRow } from '../plan/okrSheet';

export interface PlaceholderValues {
  unit: string;
  parent: string;
  owner: string;
  city: string;
  company: string;
}

export const PLACEHOLDER_KEYS: readonly (keyof PlaceholderValues)[] = ['unit', 'parent', 'owner', 'city', 'company'];

/** Place names the built-in examples hard-code, per language (longest first). */
export const LEGACY_PLACES: Record<Lang, readonly string[]> = {
  'zh-CN': ['北京'],
  en: ['Beijing'],
};

const ZH_SUFFIXES = ['销售团队', '销售中心', '销售部', '销售组', '分公司', '大区', '区域', '团队', '小组', '中心', '组', '部'];
const EN_SUFFIX = /\s*\b(sales)?\s*(team|group|dept\.?|department|center|centre|office|branch|region)?\s*$/i;

/** The region a unit's name carries (华东销售组 → 华东); the unit's name when none can be read. */
export function regionOf(unit: string): string {
  const u = unit.trim();
  if (/[\u4e00-\u9fff]/.test(u)) {
    for (const s of ZH_SUFFIXES) {
      if (u.endsWith(s) && u.length > s.length) return u.slice(0, -s.length);
    }
    return u;
  }
  const en = u.replace(EN_SUFFIX, '').trim();
  return en || u;
}

/** Fills `{key}` placeholders (and the legacy place names) of one text; unknown keys stay visible. */
export function fillText(text: string, values: PlaceholderValues, lang: Lang): string {
  let t = text;
  for (const place of LEGACY_PLACES[lang]) t = t.split(place).join('{city}');
  return t.replace(/\{(\w+)\}/g, (whole, key: string) =>
    (PLACEHOLDER_KEYS as readonly string[]).includes(key) ? values[key as keyof PlaceholderValues] : whole,
  );
}

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
  /** `O1.title`, `O1.why`, `O1.KR2.title` */
  path: string;
  lang: Lang;
  text: string;
}

/** Built-in texts that still name a place instead of `{city}` (for the template owners). */
export function hardCodedPlaceTexts(depts = allDepartments()): HardCodedText[] {
  const out: HardCodedText[] = [];
  const check = (template: string, path: string, t: { 'zh-CN': string; en: string }) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      if (LEGACY_PLACES[lang].some((p) => t[lang].includes(p))) out.push({ template, path, lang, text: t[lang] });
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
