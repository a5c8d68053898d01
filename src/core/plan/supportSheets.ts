/**
 * The support sheets of an OKR workbook (design §2): Check-ins, Actions and Settings. The applier
 * creates each only when the workbook has no sheet with that role (developer metadata).
 */
import { ACTION_LABELS, CHECKIN_KEYS, CHECKIN_LABELS, type ActionKey } from '../checkins';
import type { Lang, Localized } from '../i18n';
import { isLang } from '../i18n';
import { SETTING_LABELS, SHEET_NAMES, label, matchLabel, type SettingKey } from '../labels';
import { DEFAULT_SETTINGS, type OkrSettings, type ScoreScale } from '../model';
import { colLetter } from './a1';
import { OWNER_KEY, type PlanCell, type SheetPlan } from './types';

/** Rows formatted and validated below the header of the log sheets. */
export const LOG_ROWS = 1000;

export const ACTION_KEYS: readonly ActionKey[] = ['krId', 'task', 'owner', 'due', 'deliverable', 'done'];

const HEADER_FORMAT = { bold: true, background: '#dbe5f1' } as const;

const TEXT = {
  date: { 'zh-CN': '更新日期', en: 'Date of the check-in' },
  value: { 'zh-CN': '关键结果的最新数值（数字；里程碑填完成比例）', en: 'The KR\'s new value (a number; for a milestone the share done)' },
  confidence: { 'zh-CN': '信心指数 1–10', en: 'Confidence 1–10' },
  due: { 'zh-CN': '截止日期', en: 'Due date' },
  done: { 'zh-CN': '勾选表示任务已完成', en: 'Tick when the task is done' },
  lang: { 'zh-CN': '工作表语言：zh-CN 或 en', en: 'Workbook language: zh-CN or en' },
  threshold: { 'zh-CN': '0–1 之间的比例', en: 'A share between 0 and 1' },
  staleDays: { 'zh-CN': '天数（正整数）', en: 'Days (a positive whole number)' },
  cap: { 'zh-CN': '100%–300%（如 120%）', en: '100%–300% (e.g. 120%)' },
  settingHeader: { 'zh-CN': '设置项', en: 'Setting' },
  valueHeader: { 'zh-CN': '值', en: 'Value' },
  noteHeader: { 'zh-CN': '说明', en: 'Notes' },
} satisfies Record<string, Localized>;

const SETTING_NOTES: Record<SettingKey, Localized> = {
  lang: { 'zh-CN': '新建表格与报告使用的语言', en: 'Language of new sheets and reports' },
  cycle: { 'zh-CN': '如 2026-Q4、2026-11、2026', en: 'e.g. 2026-Q4, 2026-11, 2026' },
  cycleStart: { 'zh-CN': '周期第一天', en: 'First day of the cycle' },
  cycleEnd: { 'zh-CN': '周期最后一天', en: 'Last day of the cycle' },
  atRiskBelow: { 'zh-CN': '进度落后于时间进度超过此值 → 有风险', en: 'Progress behind the time elapsed by more than this → at risk' },
  offTrackBelow: { 'zh-CN': '进度落后于时间进度超过此值 → 落后', en: 'Progress behind the time elapsed by more than this → off track' },
  staleDays: { 'zh-CN': '超过此天数没有进展更新的关键结果会被提醒', en: 'KRs without a check-in for this many days are flagged' },
  progressCap: { 'zh-CN': '超额完成最多计入的进度：100%（默认，不计超额）或如 120%、150%', en: 'How far over-achievement counts: 100% (default, capped) or e.g. 120%, 150%' },
  scoreScale: { 'zh-CN': '0-1（一位小数，默认）、0-100（百分制）或 %', en: '0-1 (one decimal, default), 0-100 (points) or %' },
  gradeRedBelow: { 'zh-CN': '得分（按满分的比例）低于此值显示红色', en: 'A score (as a share of the full score) below this shows red' },
  gradeGreenFrom: { 'zh-CN': '得分（按满分的比例）达到此值显示绿色，其间为黄色', en: 'A score (as a share of the full score) from this shows green; between, yellow' },
  sweetSpotFrom: { 'zh-CN': '理想得分区间（既有挑战又能达成）的下限', en: 'Lower end of the sweet spot (ambitious and delivered)' },
  sweetSpotTo: { 'zh-CN': '理想得分区间的上限', en: 'Upper end of the sweet spot' },
};

// New keys go at the end: formulas of existing workbooks point at these cells.
export const SETTING_KEYS: readonly SettingKey[] = [
  'lang', 'cycle', 'cycleStart', 'cycleEnd', 'atRiskBelow', 'offTrackBelow', 'staleDays', 'progressCap',
  'scoreScale', 'gradeRedBelow', 'gradeGreenFrom', 'sweetSpotFrom', 'sweetSpotTo',
];

/** Value cell of each setting (label in column A, value in B, note in C; header in row 1). */
export const SETTINGS_CELLS: Record<SettingKey, string> = Object.fromEntries(
  SETTING_KEYS.map((k, i) => [k, `B${i + 2}`]),
) as Record<SettingKey, string>;

function logSheet(
  lang: Lang,
  role: 'checkins' | 'actions',
  headers: string[],
  widths: number[],
  extra: Pick<SheetPlan, 'formats' | 'validations'>,
): SheetPlan {
  const last = colLetter(headers.length);
  return {
    name: SHEET_NAMES[role][lang],
    role,
    values: [headers],
    frozenRows: 1,
    columnWidths: widths,
    formats: [{ range: `A1:${last}1`, ...HEADER_FORMAT }, ...extra.formats],
    validations: extra.validations,
    conditionalFormats: [],
    protections: [],
    namedRanges: [],
    metadata: { [OWNER_KEY]: role, 'okrSheets.lang': lang },
  };
}

/** Check-ins: date, sheet/unit, KR ID, new value, confidence, done, next steps, blockers. */
export function buildCheckInsPlan(lang: Lang): SheetPlan {
  const col = (k: (typeof CHECKIN_KEYS)[number]) => colLetter(CHECKIN_KEYS.indexOf(k) + 1);
  const rows = (k: (typeof CHECKIN_KEYS)[number]) => `${col(k)}2:${col(k)}${LOG_ROWS + 1}`;
  return logSheet(
    lang,
    'checkins',
    CHECKIN_KEYS.map((k) => label(CHECKIN_LABELS[k], lang)),
    CHECKIN_KEYS.map((k) => ({ date: 96, sheet: 140, krId: 84, value: 84, confidence: 76, done: 260, next: 260, blockers: 260, cycle: 80 })[k]),
    {
      formats: [
        { range: rows('date'), numberFormat: 'yyyy-mm-dd' },
        { range: `${col('done')}2:${col('blockers')}${LOG_ROWS + 1}`, wrap: true },
      ],
      validations: [
        { range: rows('date'), rule: { kind: 'date' }, helpText: TEXT.date[lang], strict: false },
        { range: rows('value'), rule: { kind: 'number' }, helpText: TEXT.value[lang], strict: false },
        { range: rows('confidence'), rule: { kind: 'number', min: 1, max: 10 }, helpText: TEXT.confidence[lang], strict: true },
      ],
    },
  );
}

/** Actions: KR ID, task, owner, due, deliverable, done ✓. */
export function buildActionsPlan(lang: Lang): SheetPlan {
  const col = (k: ActionKey) => colLetter(ACTION_KEYS.indexOf(k) + 1);
  const rows = (k: ActionKey) => `${col(k)}2:${col(k)}${LOG_ROWS + 1}`;
  return logSheet(
    lang,
    'actions',
    ACTION_KEYS.map((k) => label(ACTION_LABELS[k], lang)),
    ACTION_KEYS.map((k) => ({ krId: 84, task: 300, owner: 100, due: 96, deliverable: 220, done: 64 })[k]),
    {
      formats: [
        { range: rows('due'), numberFormat: 'yyyy-mm-dd' },
        { range: `${col('task')}2:${col('task')}${LOG_ROWS + 1}`, wrap: true },
        { range: rows('deliverable'), wrap: true },
        { range: rows('done'), horizontalAlignment: 'center' },
      ],
      validations: [
        { range: rows('due'), rule: { kind: 'date' }, helpText: TEXT.due[lang], strict: false },
        { range: rows('done'), rule: { kind: 'checkbox' }, helpText: TEXT.done[lang], strict: true },
      ],
    },
  );
}

export interface SettingsSheetOptions {
  lang: Lang;
  cycle: string;
  cycleStart: string | null;
  cycleEnd: string | null;
  settings?: Partial<OkrSettings>;
  sheetName?: string;
}

/** Settings: language, cycle, cycle start/end, at-risk / off-track thresholds, stale days. */
export function buildSettingsPlan(opts: SettingsSheetOptions): SheetPlan {
  const { lang } = opts;
  const s = { ...DEFAULT_SETTINGS, ...(opts.settings ?? {}), lang };
  const value: Record<SettingKey, PlanCell> = {
    lang: s.lang,
    cycle: opts.cycle,
    cycleStart: opts.cycleStart ? { date: opts.cycleStart } : null,
    cycleEnd: opts.cycleEnd ? { date: opts.cycleEnd } : null,
    atRiskBelow: s.atRiskBelow,
    offTrackBelow: s.offTrackBelow,
    staleDays: s.staleDays,
    progressCap: s.progressCap ?? 1,
    scoreScale: SCALE_TOKENS[s.scoreScale ?? '0-1'],
    gradeRedBelow: s.gradeRedBelow ?? 0.4,
    gradeGreenFrom: s.gradeGreenFrom ?? 0.7,
    sweetSpotFrom: s.sweetSpotFrom ?? 0.6,
    sweetSpotTo: s.sweetSpotTo ?? 0.7,
  };
  const values: PlanCell[][] = [
    [TEXT.settingHeader[lang], TEXT.valueHeader[lang], TEXT.noteHeader[lang]],
    ...SETTING_KEYS.map((k) => [label(SETTING_LABELS[k], lang), value[k], SETTING_NOTES[k][lang]]),
  ];
  const c = SETTINGS_CELLS;
  return {
    name: opts.sheetName ?? SHEET_NAMES.settings[lang],
    role: 'settings',
    values,
    frozenRows: 1,
    columnWidths: [160, 120, 420],
    formats: [
      { range: 'A1:C1', ...HEADER_FORMAT },
      { range: `A2:A${SETTING_KEYS.length + 1}`, bold: true },
      { range: `${c.cycleStart}:${c.cycleEnd}`, numberFormat: 'yyyy-mm-dd', horizontalAlignment: 'left' },
      { range: `${c.atRiskBelow}:${c.offTrackBelow}`, numberFormat: '0%' },
      { range: c.progressCap, numberFormat: '0%' },
      { range: `${c.gradeRedBelow}:${c.sweetSpotTo}`, numberFormat: '0%' },
      { range: c.scoreScale, numberFormat: '@' },
      { range: `C2:C${SETTING_KEYS.length + 1}`, wrap: true, fontColor: '#5f6368' },
    ],
    validations: [
      { range: c.lang, rule: { kind: 'list', values: ['zh-CN', 'en'] }, helpText: TEXT.lang[lang], strict: true },
      { range: `${c.cycleStart}:${c.cycleEnd}`, rule: { kind: 'date' }, helpText: TEXT.due[lang], strict: false },
      { range: `${c.atRiskBelow}:${c.offTrackBelow}`, rule: { kind: 'number', min: 0, max: 1 }, helpText: TEXT.threshold[lang], strict: true },
      { range: c.staleDays, rule: { kind: 'number', min: 1, max: 365 }, helpText: TEXT.staleDays[lang], strict: true },
      { range: c.progressCap, rule: { kind: 'number', min: 1, max: 3 }, helpText: TEXT.cap[lang], strict: true },
      { range: c.scoreScale, rule: { kind: 'list', values: Object.values(SCALE_TOKENS) }, helpText: SETTING_NOTES.scoreScale[lang], strict: true },
      { range: `${c.gradeRedBelow}:${c.sweetSpotTo}`, rule: { kind: 'number', min: 0, max: 1 }, helpText: TEXT.threshold[lang], strict: true },
    ],
    conditionalFormats: [],
    protections: [],
    namedRanges: [],
    metadata: { [OWNER_KEY]: 'settings', 'okrSheets.lang': lang },
  };
}

/** The Score scale cell's text for each scale (what the list validation offers). */
export const SCALE_TOKENS: Record<ScoreScale, string> = { '0-1': '0-1', '0-100': '0-100', percent: '%' };

/** The Score scale cell read leniently: `0-1`, `0–100`, `100`, `百分制`, `%`, `percent`…; else null. */
export function readScoreScale(v: unknown): ScoreScale | null {
  const t = String(v ?? '').trim().toLowerCase().replace(/[–—~～]/g, '-').replace(/\s+/g, '');
  if (t === '%' || t === '％' || t === 'percent' || t === '百分比') return 'percent';
  if (t === '0-100' || t === '100' || t === '百分制' || t === '0-100分') return '0-100';
  if (t === '0-1' || t === '1' || t === '0.0-1.0') return '0-1';
  return null;
}

/**
 * Reads a Settings sheet's values (any language, rows found by their labels in column A);
 * missing or unreadable values fall back to DEFAULT_SETTINGS.
 */
export function readSettingsValues(values: readonly (readonly unknown[])[]): OkrSettings & { cycle: string | null } {
  const out: OkrSettings & { cycle: string | null } = { ...DEFAULT_SETTINGS, cycle: null };
  for (const row of values) {
    const key = matchLabel(SETTING_LABELS, row[0]);
    const v = row[1];
    if (!key) continue;
    if (key === 'lang' && isLang(v)) out.lang = v;
    else if (key === 'cycle' && (typeof v === 'string' || typeof v === 'number') && String(v).trim()) out.cycle = String(v).trim();
    else if ((key === 'atRiskBelow' || key === 'offTrackBelow') && typeof v === 'number' && v >= 0 && v <= 1) out[key] = v;
    else if (key === 'staleDays' && typeof v === 'number' && v >= 1) out.staleDays = Math.round(v);
    else if (key === 'progressCap' && typeof v === 'number' && v >= 1 && v <= 3) out.progressCap = v;
    else if (key === 'scoreScale') { const sc = readScoreScale(v); if (sc) out.scoreScale = sc; }
    else if ((key === 'gradeRedBelow' || key === 'gradeGreenFrom' || key === 'sweetSpotFrom' || key === 'sweetSpotTo') && typeof v === 'number' && v >= 0 && v <= 1) out[key] = v;
  }
  return out;
}
