/**
 * Distribution (issue 12 §2): from the roster and the registry as it stands, what to create —
 * one workbook plan per unit that has no file yet — and the registry rows afterwards.
 *
 * A unit file holds the unit's OKR sheet (its template, placeholders filled from the roster) and
 * its own Check-ins, Actions and Settings. It records the hub and its parent unit in the OKR
 * sheet's metadata, and its header's "aligned to" names the parent unit, so alignment links
 * (`Sales Center/O1`) resolve when the hub reads all files together. Row-level links are kept only
 * when the parent unit uses the role template the child's template aligns to (as roster set-up
 * does) — otherwise the IDs would not exist in the parent's file.
 *
 * Idempotent: a unit whose registry row already names a file that exists is left alone, so a
 * second run creates only what is missing and never touches a file a team has started filling.
 */
import type { Lang } from '../i18n';
import { SHEET_NAMES } from '../labels';
import {
  buildOkrSheetPlanFromRows, defaultOkrSheetName, templateRows, META,
} from '../plan/okrSheet';
import { buildActionsPlan, buildCheckInsPlan, buildSettingsPlan } from '../plan/supportSheets';
import type { WorkbookPlan } from '../plan/types';
import type { OkrSettings } from '../model';
import { departmentOf } from '../templates';
import { fillRows, regionOf, type PlaceholderValues } from './placeholders';
import { findRow, type RegistryRow } from './registry';
import type { DistUnit } from './units';

export const UNIT_META = {
  hub: 'okrSheets.hub',
  parentUnit: 'okrSheets.parentUnit',
  ownerEmail: 'okrSheets.ownerEmail',
} as const;

export interface CycleInfo {
  lang: Lang;
  cycle: string;
  cycleStart: string;
  cycleEnd: string;
  /** The hub's Settings (cap, bands, score scale, stale days) copied into each unit file, so a
   *  unit's sheet and the hub's roll-up compute with the same numbers. Default: the built-ins. */
  settings?: Partial<OkrSettings>;
}

/** The file's title: `OKR <unit> <cycle>` (the sheet-name rules keep it a valid file name too). */
export function unitFileTitle(unit: string, cycle: string): string {
  return defaultOkrSheetName(unit, cycle, 'en');
}

/** Offline: the unit file's path relative to the hub (one folder per cycle). */
export function unitFilePath(unit: string, cycle: string): string {
  const safe = unitFileTitle(unit, cycle).replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim();
  return `${cycle.replace(/[^\w.-]/g, '_')}/${safe}.xlsx`;
}

export function placeholderValues(u: DistUnit, company: string): PlaceholderValues {
  return { unit: u.unit, parent: u.parent || company, owner: u.owner, city: regionOf(u.unit), company };
}

/** The whole unit file as a plan: its OKR sheet, Check-ins, Actions, Settings. */
export function unitFilePlan(u: DistUnit, c: CycleInfo, hub: string, company: string): WorkbookPlan {
  const { lang } = c;
  const parent = u.parentUnit;
  const linksResolve =
    !!parent && u.source === 'builtin' && parent.source === 'builtin' && !!u.role.parent &&
    u.role.parent.role === parent.role.id && departmentOf(parent.role)?.id === u.role.parent.dept;
  const rows = fillRows(
    templateRows({ role: u.role, lang, cycle: c.cycle, cycleStart: c.cycleStart, cycleEnd: c.cycleEnd, owner: u.owner, unit: u.unit, level: u.level, placeholders: placeholderValues(u, company) }, linksResolve ? u.parent : ''),
    placeholderValues(u, company),
    lang,
  );
  const settingsName = SHEET_NAMES.settings[lang];
  const okr = buildOkrSheetPlanFromRows({
    lang,
    header: { unit: u.unit, level: u.level, owner: u.owner, cycle: c.cycle, cycleStart: c.cycleStart, cycleEnd: c.cycleEnd, alignedTo: u.parent },
    rows,
    sheetName: defaultOkrSheetName(u.unit, c.cycle, lang),
    settingsSheetName: settingsName,
    metadata: {
      [META.template]: u.templateId,
      [UNIT_META.hub]: hub,
      [UNIT_META.parentUnit]: u.parent,
      ...(u.email ? { [UNIT_META.ownerEmail]: u.email } : {}),
    },
  });
  return {
    sheets: [
      okr,
      buildCheckInsPlan(lang),
      buildActionsPlan(lang),
      buildSettingsPlan({ lang, cycle: c.cycle, cycleStart: c.cycleStart, cycleEnd: c.cycleEnd, sheetName: settingsName, ...(c.settings ? { settings: hubSettingsForUnit(c.settings) } : {}) }),
    ],
  };
}

/** What a unit file takes from the hub's Settings: never its cycle or language (the unit's own). */
function hubSettingsForUnit(s: Partial<OkrSettings>): Partial<OkrSettings> {
  const rest: Partial<OkrSettings> & { cycle?: unknown } = { ...s };
  delete rest.lang;
  delete rest.cycle;
  return rest;
}

export interface DistributionStep {
  unit: DistUnit;
  /** Registry row before the step (null: a new unit). */
  before: RegistryRow | null;
}

export interface DistributionPlan {
  /** Units that need a file, parents first. */
  create: DistributionStep[];
  /** Units that already have one (left alone). */
  existing: string[];
  /** The registry rows of every roster unit as they stand before creating anything (new units
   *  `planned`), then the rows of units no longer on the roster, marked `removed`. */
  registry: RegistryRow[];
  /** Units that left the roster since the last run (newly marked `removed`). */
  removed: string[];
}

/** A registry row of a unit, keeping the figures a previous collection wrote. */
export function registryRowOf(u: DistUnit, prev: RegistryRow | undefined, patch: Partial<RegistryRow> = {}): RegistryRow {
  return {
    unit: u.unit, level: u.level, parent: u.parent, owner: u.owner, email: u.email, template: u.templateId,
    file: prev?.file ?? '', status: prev?.status ?? 'planned', lastCollected: prev?.lastCollected ?? null,
    progress: prev?.progress ?? null, score: prev?.score ?? null, krs: prev?.krs ?? null, stale: prev?.stale ?? null,
    cycle: prev?.cycle ?? '',
    ...patch,
  };
}

/**
 * What to create: every roster unit whose registry row names no file, or names one the shell says
 * is gone (`exists(file)` false). A half-made file (status still `planned` with a file named) is
 * made again from scratch by the shell.
 *
 * The roster is read afresh on every run: a unit new to it is planned; a registry unit no longer
 * on it is marked `removed` — its row and its file are never deleted (its history stays), and
 * collection skips it. A removed unit put back on the roster takes its file back (`created`).
 */
export function planDistribution(units: readonly DistUnit[], registry: readonly RegistryRow[], exists: (row: RegistryRow) => boolean): DistributionPlan {
  const create: DistributionStep[] = [];
  const existing: string[] = [];
  const rows: RegistryRow[] = [];
  for (const u of units) {
    const prev = findRow(registry, u.unit);
    const complete = !!prev && !!prev.file && prev.status !== 'planned' && exists(prev);
    if (complete) {
      existing.push(u.unit);
      rows.push(registryRowOf(u, prev, prev.status === 'removed' ? { status: 'created' } : {}));
    } else {
      create.push({ unit: u, before: prev ?? null });
      rows.push(registryRowOf(u, prev, { status: 'planned' }));
    }
  }
  const removed: string[] = [];
  for (const r of registry) {
    if (findRow(units, r.unit)) continue;
    if (r.status !== 'removed') removed.push(r.unit);
    rows.push({ ...r, status: 'removed' });
  }
  return { create, existing, registry: rows, removed };
}
