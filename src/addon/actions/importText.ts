/**
 * Import (RPC `previewImport`, `writeImport`): OKRs pasted as text → the core import task
 * (src/core/tasks/importText.ts, the one `okr-sheets import -o` runs) → a preview, a new OKR
 * sheet, or rows appended below an existing table. Appending writes only the cells it fills, into
 * rows nobody typed in (see the task).
 */
import { todayIso } from '../../core/dates';
import type { Lang } from '../../core/i18n';
import { parseOkrText } from '../../core/importtext';
import { findOkrSheet, readSnapshot } from '../../core/snapshot';
import { appendTask, importPreview, importRows, importWorkbookPlan, IMPORT_MESSAGES, structureInfo } from '../../core/tasks/importText';
import { applyWorkbookPlan } from '../../sheets/applyPlan';
import { activateSheet, writeCellBlocks } from '../../sheets/cells';
import type { SheetsContext } from '../../sheets/context';
import { ERROR_MESSAGES, OkrError } from '../../sheets/errors';
import { withDocumentLock } from '../../sheets/lock';
import { takeSnapshot } from '../../sheets/snapshot';
import type { ImportPreview, ImportResult, ImportRow } from '../rpc/contract';

export { IMPORT_MESSAGES };

const today = (ctx: SheetsContext) => todayIso(ctx.ss.getSpreadsheetTimeZone());

/** The parser's reading of the text; `objectiveLevel` is the preview's one-switch correction. */
const parse = (text: string, objectiveLevel?: string) => parseOkrText(text, objectiveLevel?.trim() ? { objectiveLevel: objectiveLevel.trim() } : {});

export function previewImport(ctx: SheetsContext, p: { text: string; objectiveLevel?: string | undefined }): ImportPreview {
  const imported = parse(p.text, p.objectiveLevel);
  const preview = importPreview(imported, { lang: ctx.lang, today: today(ctx) });
  const error = imported.error ? imported.error.message[ctx.lang] : null;
  return {
    rows: preview.rows.map(previewRow),
    // the parser's error is shown once, on its own
    problems: preview.problems.filter((x) => x !== error),
    structure: structureInfo(imported, ctx.lang),
    error,
  };
}

/** A preview row as the sidebar shows it (owner and due where parsed). */
export function previewRow(r: ReturnType<typeof importPreview>['rows'][number]): ImportRow {
  return { id: r.id, type: r.type, title: r.title, start: r.start, target: r.target, unit: r.unit, notes: r.notes, owner: r.owner, due: r.due };
}

export interface WriteImportPayload {
  text: string;
  objectiveLevel?: string | undefined;
  mode: 'newSheet' | 'append';
  sheet?: string | undefined;
  lang: Lang;
  cycle?: string | undefined;
  unit?: string | undefined;
}

export function writeImport(ctx: SheetsContext, p: WriteImportPayload): ImportResult {
  const imported = parse(p.text, p.objectiveLevel);
  const opts = { lang: p.lang, today: today(ctx), ...(p.cycle?.trim() ? { cycle: p.cycle } : {}), ...(p.unit?.trim() ? { unit: p.unit } : {}) };
  if (importRows(imported, opts).length === 0) throw new OkrError('invalidInput', IMPORT_MESSAGES.nothing);
  return withDocumentLock(ctx, () => (p.mode === 'append' ? appendRows(ctx, p.sheet, imported, opts) : newSheet(ctx, imported, opts)));
}

/**
 * A new OKR sheet (and the support sheets the workbook lacks) from what was imported; also
 * "adopt this sheet"'s write. `settings`: the Settings sheet's name when the caller has a snapshot.
 */
export function newSheet(
  ctx: SheetsContext,
  imported: ReturnType<typeof parseOkrText>,
  opts: Parameters<typeof importRows>[1],
  settingsSheet?: string | null,
): ImportResult {
  // the workbook's own Settings sheet (by role metadata) is the one the new formulas read
  const settings = settingsSheet !== undefined ? settingsSheet : (takeSnapshot(ctx, { sheets: [] }).sheets.find((s) => s.metaRole === 'settings')?.name ?? null);
  const plan = importWorkbookPlan(imported, { ...opts, settingsSheet: settings });
  const names = applyWorkbookPlan(ctx, plan, { uniqueNames: true });
  const name = names[0] ?? plan.sheets[0]!.name;
  activateSheet(ctx, name);
  return { sheet: name, rows: importRows(imported, opts).length, mode: 'newSheet' };
}

function appendRows(ctx: SheetsContext, sheetName: string | undefined, imported: ReturnType<typeof parseOkrText>, opts: Parameters<typeof importRows>[1]): ImportResult {
  const name = sheetName ?? ctx.ss.getActiveSheet().getName();
  // formula text tells a template formula (free) from a typed value (occupied)
  const model = readSnapshot(takeSnapshot(ctx, { sheets: [name], formulas: true }), ctx.lang);
  const okr = findOkrSheet(model, name);
  if (!okr) {
    if (ctx.ss.getSheetByName(name)) throw new OkrError('notOkrSheet', ERROR_MESSAGES.notOkrSheet, { name });
    throw new OkrError('notFound', ERROR_MESSAGES.sheetNotFound, { name });
  }
  const snap = model.snapshot.sheets.find((s) => s.name === okr.sheet)!;
  const r = appendTask(imported, okr.read, { name: okr.sheet, values: snap.values, formulas: snap.formulas ?? [] }, { ...opts, lang: okr.read.table.lang });
  if (!r.ok) throw new OkrError('conflict', r.message, r.params);
  const { firstRow, rows, writes } = r.plan;
  // only the filled columns, one write per run of adjacent columns
  writeCellBlocks(ctx, okr.sheet, writes.map((w) => ({ row: firstRow, col: w.col, values: w.values })));
  activateSheet(ctx, okr.sheet);
  return { sheet: okr.sheet, rows, mode: 'append' };
}
