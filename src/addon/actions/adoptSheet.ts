/**
 * "Adopt this sheet" (RPC `previewAdopt`, `writeAdopt`): a team's own OKR spreadsheet, in its own
 * layout, → the column mapping (core `adoptFromSnapshot`) → our OKR sheet as a NEW sheet through
 * the same core import task as a text import. The source sheet is only read: one snapshot of it
 * (values and formulas — a team's formulas are kept as values with a note), never a write.
 */
import { todayIso } from '../../core/dates';
import type { Lang } from '../../core/i18n';
import { adoptFromSnapshot, type AdoptResult } from '../../core/importtext';
import { ROLE_NAMES } from '../../core/import/columns';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { adoptedOkrs, importPreview } from '../../core/tasks/importText';
import type { SheetsContext } from '../../sheets/context';
import { ERROR_MESSAGES, OkrError } from '../../sheets/errors';
import { withDocumentLock } from '../../sheets/lock';
import { takeSnapshot } from '../../sheets/snapshot';
import type { AdoptPreview, ImportResult } from '../rpc/contract';
import { newSheet, previewRow } from './importText';

export const ADOPT_MESSAGES = {
  ours: {
    'zh-CN': '“{sheet}”已经是 OKR Sheets 的工作表，无需采用。请打开团队自己格式的 OKR 表。',
    en: '“{sheet}” is already an OKR Sheets sheet; there is nothing to adopt. Open your team’s own OKR table.',
  },
} as const;

function letter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One snapshot: the chosen sheet's values and formulas (plus the support sheets it always has). */
function readAdoption(ctx: SheetsContext, sheet: string | undefined): { snapshot: WorkbookSnapshot; name: string; adopted: AdoptResult & { sheet: string | null } } {
  const name = sheet ?? ctx.ss.getActiveSheet().getName();
  const snapshot = takeSnapshot(ctx, { sheets: [name], formulas: true });
  const own = snapshot.sheets.find((s) => s.name === name);
  if (!own) throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name });
  if (own.metaRole !== null) throw new OkrError('invalidInput', ADOPT_MESSAGES.ours, { sheet: name });
  return { snapshot, name, adopted: adoptFromSnapshot(snapshot, { sheet: name, lang: ctx.lang }) };
}

export function previewAdopt(ctx: SheetsContext, p: { sheet?: string | undefined }): AdoptPreview {
  const { name, adopted } = readAdoption(ctx, p.sheet);
  if (!adopted.ok) return { sheet: name, ok: false, message: adopted.message[ctx.lang], explanation: '', mapping: [], rows: [], problems: [] };
  const preview = importPreview(adoptedOkrs(adopted), { lang: ctx.lang, today: todayIso(ctx.ss.getSpreadsheetTimeZone()) });
  return {
    sheet: name,
    ok: true,
    message: null,
    explanation: adopted.explanation[ctx.lang],
    mapping: adopted.mapping
      .filter((m) => m.header || m.role)
      .map((m) => ({ letter: letter(m.column), header: m.header, role: m.role ? ROLE_NAMES[m.role][ctx.lang] : null })),
    rows: preview.rows.map(previewRow),
    problems: preview.problems,
  };
}

export interface WriteAdoptPayload {
  sheet?: string | undefined;
  lang: Lang;
  cycle?: string | undefined;
  unit?: string | undefined;
}

export function writeAdopt(ctx: SheetsContext, p: WriteAdoptPayload): ImportResult {
  return withDocumentLock(ctx, () => {
    const { snapshot, adopted } = readAdoption(ctx, p.sheet);
    if (!adopted.ok) throw new OkrError('invalidInput', adopted.message);
    const opts = {
      lang: p.lang,
      today: todayIso(snapshot.timeZone),
      ...(p.cycle?.trim() ? { cycle: p.cycle } : {}),
      ...(p.unit?.trim() ? { unit: p.unit } : {}),
    };
    const settings = snapshot.sheets.find((s) => s.metaRole === 'settings')?.name ?? null;
    return newSheet(ctx, adoptedOkrs(adopted), opts, settings);
  });
}
