/**
 * `npm start -- path/to/file.xlsx`: the playground opens that workbook instead of the sample, so
 * an Excel / WPS user sees their own file with the real sidebar. The file is read by the same
 * importer the CLI uses (src/local/xlsx/import.ts) into a plan, and the in-memory workbook is
 * built from it (`createLocalApp({ plan })`), formulas recomputed by HyperFormula.
 *
 * The workbook's language (Settings, else its OKR headers) becomes the playground's default,
 * unless the caller asked for one (OKR_LANG).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fmt, type Lang, type Localized } from '../../core/i18n';
import type { WorkbookPlan } from '../../core/plan/types';
import { readSnapshot } from '../../core/snapshot';
import { takeSnapshot } from '../../sheets/snapshot';
import { createLocalApp } from '../workbook';
import { importXlsx, XlsxReadError } from '../xlsx/import';

export const PLAYGROUND_FILE_MESSAGES = {
  missing: { 'zh-CN': '找不到文件：{file}', en: 'File not found: {file}' },
  notFile: { 'zh-CN': '不是文件：{file}', en: 'Not a file: {file}' },
  notXlsx: {
    'zh-CN': '只能打开 .xlsx 文件（Excel / WPS 另存为 .xlsx）：{file}',
    en: 'Only .xlsx files can be opened (save as .xlsx from Excel / WPS): {file}',
  },
  unreadable: { 'zh-CN': '无法读取 {file}：{reason}', en: 'Cannot read {file}: {reason}' },
} satisfies Record<string, Localized>;

export interface PlaygroundFile {
  /** The workbook as plan data (what `createLocalApp({ plan })` builds from). */
  plan: WorkbookPlan;
  /** The file's name without the folder, shown as the spreadsheet's name. */
  name: string;
  /** The workbook's own language, when it says (Settings, or its OKR headers). */
  lang: Lang | null;
}

export type LoadResult = { ok: true; file: PlaygroundFile } | { ok: false; message: Localized };

const loc = (m: Localized, params: Record<string, string>): Localized => ({
  'zh-CN': fmt(m, 'zh-CN', params),
  en: fmt(m, 'en', params),
});

/** Reads an .xlsx for the playground; a missing or bad file is a message, never a throw. */
export async function loadPlaygroundFile(file: string): Promise<LoadResult> {
  const shown = file;
  try {
    const s = await stat(file);
    if (!s.isFile()) return { ok: false, message: loc(PLAYGROUND_FILE_MESSAGES.notFile, { file: shown }) };
  } catch {
    return { ok: false, message: loc(PLAYGROUND_FILE_MESSAGES.missing, { file: shown }) };
  }
  if (!/\.xlsx$/i.test(file)) return { ok: false, message: loc(PLAYGROUND_FILE_MESSAGES.notXlsx, { file: shown }) };
  try {
    const buf = await readFile(file);
    const plan = await importXlsx(buf);
    return { ok: true, file: { plan, name: path.basename(file).replace(/\.xlsx$/i, ''), lang: workbookLang(plan) } };
  } catch (e) {
    const reason: Localized =
      e instanceof XlsxReadError ? e.localized : { 'zh-CN': '文件已损坏或不是 .xlsx', en: 'the file is damaged or not an .xlsx' };
    return {
      ok: false,
      message: { 'zh-CN': fmt(PLAYGROUND_FILE_MESSAGES.unreadable, 'zh-CN', { file: shown, reason: reason['zh-CN'] }), en: fmt(PLAYGROUND_FILE_MESSAGES.unreadable, 'en', { file: shown, reason: reason.en }) },
    };
  }
}

/** The language the workbook itself uses: one snapshot of it, read once (core `readSnapshot`). */
function workbookLang(plan: WorkbookPlan): Lang | null {
  const probe = createLocalApp({ plan, formulas: 'store' });
  return readSnapshot(takeSnapshot(probe.ctx())).lang;
}
