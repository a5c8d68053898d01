/**
 * Placeholders in template texts, filled from what is known about the unit (issue 12 §4: a
 * roster's 华东销售组 must not receive "打造行业领先的北京销售团队"). A template text may say
 * `{unit}`, `{parent}`, `{owner}`, `{city}` (the unit's region, read from its name: 华东销售组 →
 * 华东, "East China sales team" → "East China") and `{company}` (the roster's top unit).
 *
 * Every path that turns a template into rows fills them in one place, `templateRows`
 * (src/core/plan/okrSheet.ts), so the sidebar's insert, roster set-up, the CLI and distribution
 * cannot forget to: an unknown value gets a sensible default (the unit's own name, the parent
 * role's name, or a neutral word), never a literal `{city}` in a sheet.
 */
import type { Lang, Localized } from '../i18n';

export interface PlaceholderValues {
  unit: string;
  parent: string;
  owner: string;
  city: string;
  company: string;
}

export const PLACEHOLDER_KEYS: readonly (keyof PlaceholderValues)[] = ['unit', 'parent', 'owner', 'city', 'company'];

/**
 * Place names that must not come back into the built-in texts (the seeds' examples are set in
 * these cities); the library test fails when one does. Per language, longest first.
 */
export const PLACE_NAMES: Record<Lang, readonly string[]> = {
  'zh-CN': ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '天津', '重庆'],
  en: ['Beijing', 'Shanghai', 'Guangzhou', 'Shenzhen', 'Hangzhou', 'Chengdu', 'Wuhan', 'Nanjing', "Xi'an", 'Tianjin', 'Chongqing'],
};

/** Words used when a value is unknown (a template inserted on its own, with no roster row). */
const DEFAULTS: Record<'parent' | 'owner' | 'company', Localized> = {
  parent: { 'zh-CN': '上级团队', en: 'the parent team' },
  owner: { 'zh-CN': '负责人', en: 'the owner' },
  company: { 'zh-CN': '公司', en: 'the company' },
};

const ZH_SUFFIXES = ['销售团队', '销售中心', '销售部', '销售组', '分公司', '大区', '区域', '团队', '小组', '中心', '组', '部'];
const EN_SUFFIX = /\s*\b(sales)?\s*(team|group|dept\.?|department|center|centre|office|branch|region)?\s*$/i;

/** The region a unit's name carries (华东销售组 → 华东); the unit's name when none can be read. */
export function regionOf(unit: string): string {
  const u = unit.trim();
  if (/[\u4e00-\u9fff]/.test(u)) {
    for (const s of ZH_SUFFIXES) {
      // 销售一组 → 销售一 is no region: what is left must not be a function word itself
      if (u.endsWith(s) && u.length > s.length) {
        const rest = u.slice(0, -s.length);
        return /销售|市场|渠道|客服|运营/.test(rest) ? u : rest;
      }
    }
    return u;
  }
  const en = u.replace(EN_SUFFIX, '').trim();
  return en || u;
}

/**
 * Every placeholder value, the known ones as given (blank counts as unknown) and the rest
 * defaulted: `unit` → `fallbackUnit` (the role's name), `city` → the unit's region.
 */
export function placeholderValuesFor(known: Partial<PlaceholderValues>, fallbackUnit: string, lang: Lang): PlaceholderValues {
  const given = (k: keyof PlaceholderValues) => known[k]?.trim() ?? '';
  const unit = given('unit') || fallbackUnit;
  return {
    unit,
    parent: given('parent') || DEFAULTS.parent[lang],
    owner: given('owner') || DEFAULTS.owner[lang],
    city: given('city') || regionOf(unit),
    company: given('company') || DEFAULTS.company[lang],
  };
}

/** Fills `{key}` placeholders of one text; unknown keys stay visible (so they get noticed). */
export function fillText(text: string, values: PlaceholderValues, _lang?: Lang): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    (PLACEHOLDER_KEYS as readonly string[]).includes(key) ? values[key as keyof PlaceholderValues] : whole,
  );
}

/** The placeholders a text uses (for tests and the company-template check). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}
