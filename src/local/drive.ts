/**
 * An in-memory Drive (the stand-in for src/sheets/drive.ts's `DriveLike`): folders, and
 * spreadsheets that are in-memory workbooks (src/local/workbook), each with its own call counter.
 * Tests and the bench count Drive calls here and spreadsheet calls on the workbooks, so the cost
 * of distributing and collecting is measured, not guessed. Tests can delete, trash, unshare or
 * break a file the way people do.
 */
import type { Lang } from '../core/i18n';
import { fileState, type DriveLike, type FileState } from '../sheets/drive';
import { createLocalApp, type LocalWorkbook } from './workbook';

interface LocalFile {
  id: string;
  title: string;
  folder: string;
  wb: LocalWorkbook;
  state: FileState;
  /** A file whose content no longer opens (a broken file). */
  broken: boolean;
  editors: { email: string; note: string }[];
}

export class LocalDrive implements DriveLike {
  readonly files = new Map<string, LocalFile>();
  readonly folders = new Map<string, { name: string; trashed: boolean }>();
  /** Drive calls by method (spreadsheet calls are on each workbook's counter). */
  readonly calls: Record<string, number> = {};
  private next = 1;

  constructor(readonly opts: { lang?: Lang; createLimit?: number } = {}) {}

  private hit(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }

  /** Drive calls plus every spreadsheet call made on the files. */
  totalCalls(): { drive: number; sheets: number } {
    let sheets = 0;
    for (const f of this.files.values()) sheets += f.wb.calls.total;
    return { drive: Object.values(this.calls).reduce((a, b) => a + b, 0), sheets };
  }

  resetCalls(): void {
    for (const k of Object.keys(this.calls)) delete this.calls[k];
    for (const f of this.files.values()) f.wb.calls.reset();
  }

  createFolder(name: string): string {
    this.hit('createFolder');
    const id = `folder-${this.next++}`;
    this.folders.set(id, { name, trashed: false });
    return id;
  }

  folderUsable(id: string): boolean {
    this.hit('folderUsable');
    const f = this.folders.get(id);
    return !!f && !f.trashed;
  }

  createSpreadsheet(title: string, folderId: string): string {
    this.hit('createSpreadsheet');
    this.hit('moveToFolder'); // the real adapter makes two calls: create, then move
    const created = [...this.files.values()].filter((f) => f.state !== 'missing').length;
    if (this.opts.createLimit !== undefined && created >= this.opts.createLimit) {
      throw new Error('Service invoked too many times for one day: spreadsheet create.');
    }
    const id = `file-${this.next++}`;
    const wb = createLocalApp({ lang: this.opts.lang ?? 'en', name: title });
    wb.calls.reset();
    this.files.set(id, { id, title, folder: folderId, wb, state: 'ok', broken: false, editors: [] });
    return id;
  }

  openSpreadsheet(id: string): { app: LocalWorkbook['app']; ss: LocalWorkbook['ss'] } {
    this.hit('openById');
    const f = this.files.get(id);
    if (!f || f.state !== 'ok') throw new Error(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
    if (f.broken) throw new Error('Service Spreadsheets failed while accessing document with id ' + id + '.');
    return { app: f.wb.app, ss: f.wb.ss };
  }

  /** As the real adapter: Drive's files.get answer (or the error it throws, shaped as Apps
   *  Script's advanced service throws it) read by the same `fileState`. */
  state(id: string): FileState {
    this.hit('state');
    return fileState(() => this.filesGet(id));
  }

  /** files.get(id, {fields: 'id,trashed'}) as Drive answers it for each state a test sets. */
  filesGet(id: string): { id: string; trashed: boolean } {
    const f = this.files.get(id);
    const fail = (code: number, message: string) => Object.assign(new Error(`API call to drive.files.get failed with error: ${message}`), { details: { code, message } });
    if (!f || f.state === 'missing') throw fail(404, `File not found: ${id}.`);
    if (f.state === 'unshared') throw fail(403, 'The user does not have sufficient permissions for this file.');
    if (f.state === 'unreachable') throw fail(503, 'Service unavailable. Please try again.');
    return { id, trashed: f.state === 'trashed' };
  }

  shareWithEditor(id: string, email: string, note: string): void {
    this.hit('shareWithEditor');
    const f = this.files.get(id);
    if (!f) throw new Error(`File not found: ${id}`);
    f.editors.push({ email, note });
  }

  trash(id: string): void {
    this.hit('trash');
    const f = this.files.get(id);
    if (f) f.state = 'trashed';
  }

  url(id: string): string {
    return `local://${id}`;
  }

  // ─── what people do to files (tests) ─────────────────────────────────────────────────────

  workbook(id: string): LocalWorkbook {
    const f = this.files.get(id);
    if (!f) throw new Error(`no file ${id}`);
    return f.wb;
  }
  byTitle(title: string): LocalFile | undefined {
    return [...this.files.values()].find((f) => f.title === title && f.state !== 'missing');
  }
  delete(id: string): void {
    const f = this.files.get(id);
    if (f) f.state = 'missing';
  }
  setState(id: string, state: FileState): void {
    const f = this.files.get(id);
    if (f) f.state = state;
  }
  breakFile(id: string): void {
    const f = this.files.get(id);
    if (f) f.broken = true;
  }
}
