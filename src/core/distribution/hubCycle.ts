/**
 * The cycle actions run from the hub over every unit file (issue 13 §1 and §5 "in the hub"):
 * "Start next cycle for every unit" and "Reminders for every unit". Each calls the same core task
 * as a single workbook — `planNextCycle` (core/cycle/nextCycle) on one unit file at a time,
 * `planReminders` (core/cycle/reminders) on one model that holds every unit file — so a unit's
 * archive, its new sheet and its owners' messages are exactly what the unit would get on its own.
 */
import { planNextCycle, type NextCycleResult } from '../cycle/nextCycle';
import { planReminders, type ReminderRun } from '../cycle/reminders';
import { readCheckIns } from '../checkins';
import { fmt, type Lang, type Localized } from '../i18n';
import { cycleDates } from '../pace';
import { readSnapshot, type SheetSnapshot, type WorkbookSnapshot } from '../snapshot';
import { latestUnitTable } from './unitTable';

export const HUB_CYCLE_TEXT = {
  already: { 'zh-CN': '“{unit}”已在 {cycle} 周期（{sheet}），跳过。', en: '“{unit}” is already in cycle {cycle} ("{sheet}"); skipped.' },
} satisfies Record<string, Localized>;

/**
 * The next cycle of one unit file: its latest OKR sheet carried into `cycle`, that sheet archived.
 * The hub names the target cycle, so running it twice never carries a unit twice: a unit whose
 * latest sheet is already in (or past) that cycle is skipped. Null: the file holds no OKR table.
 */
export function unitNextCycle(file: WorkbookSnapshot, unit: string, opts: { cycle: string; dropDone?: boolean; lang: Lang }): NextCycleResult | null {
  const model = readSnapshot(file, opts.lang);
  const okr = latestUnitTable(model.okr, unit);
  if (!okr) return null;
  const target = cycleDates(opts.cycle);
  const own = cycleDates(okr.read.table.header.cycle);
  if (target && own && own.start >= target.start) {
    const message = { 'zh-CN': fmt(HUB_CYCLE_TEXT.already, 'zh-CN', { unit, cycle: okr.read.table.header.cycle, sheet: okr.sheet }), en: fmt(HUB_CYCLE_TEXT.already, 'en', { unit, cycle: okr.read.table.header.cycle, sheet: okr.sheet }) };
    return { sheets: [], archives: [], carried: [], skipped: [{ sheet: okr.sheet, message }] };
  }
  return planNextCycle(model, { sheets: [okr.sheet], cycle: opts.cycle, dropDone: opts.dropDone === true, lang: model.lang ?? opts.lang });
}

export interface UnitFile {
  /** The unit as the registry spells it. */
  unit: string;
  file: WorkbookSnapshot;
}

/**
 * One snapshot holding every unit file for the reminders task: each unit's latest OKR sheet and
 * its check-in log, the hub's roster and registry (owners' emails), the hub's Settings (else the
 * first unit's). A log row that names no sheet is pinned to its own unit's OKR sheet — KR IDs such
 * as O1.KR1 repeat in every file, so an unpinned row would count for every unit.
 */
export function hubRemindersSnapshot(units: readonly UnitFile[], hub: WorkbookSnapshot, lang: Lang): WorkbookSnapshot {
  const taken = new Set<string>();
  const unique = (base: string) => {
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
    taken.add(name.toLowerCase());
    return name;
  };
  const sheets: SheetSnapshot[] = [];
  for (const s of hub.sheets) {
    if (s.metaRole === 'roster' || s.metaRole === 'registry' || s.metaRole === 'settings') sheets.push({ ...s, name: unique(s.name) });
  }
  let settings = sheets.some((s) => s.metaRole === 'settings');
  for (const u of units) {
    const model = readSnapshot(u.file, lang);
    const okr = latestUnitTable(model.okr, u.unit);
    if (!okr) continue;
    const okrSheet = u.file.sheets.find((s) => s.name === okr.sheet)!;
    const name = unique(okr.sheet);
    sheets.push({ ...okrSheet, name, metaRole: 'okr' });
    for (const s of u.file.sheets) {
      const role = model.roles.get(s.name);
      if (role === 'settings' && !settings) {
        settings = true;
        sheets.push({ ...s, name: unique(s.name) });
      }
      if (role !== 'checkins') continue;
      const log = readCheckIns(s.values);
      const col = log.columns.sheet;
      const values = col === undefined ? s.values : s.values.map((row, r) => {
        if (r <= log.headerRow) return row;
        const v = typeof row[col] === 'string' ? (row[col] as string).trim() : '';
        if (v && v !== okr.sheet) return row;
        const copy = [...row];
        copy[col] = name;
        return copy;
      });
      sheets.push({ ...s, name: unique(s.name), metaRole: 'checkins', values });
    }
  }
  return { ...hub, sheets };
}

/** Who gets a reminder across every unit file (the same task as one workbook's `remind`). */
export function planHubReminders(units: readonly UnitFile[], hub: WorkbookSnapshot, opts: { asOf?: string; lang: Lang }): ReminderRun {
  const model = readSnapshot(hubRemindersSnapshot(units, hub, opts.lang), opts.lang);
  return planReminders(model, { lang: opts.lang, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
}
