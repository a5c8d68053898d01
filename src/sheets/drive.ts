/**
 * Drive, behind a narrow interface (like ./api.ts for SpreadsheetApp): the few calls HR's
 * distribution needs — a folder per cycle, a new spreadsheet in it, opening a unit file, its
 * state, sharing it with its owner, trashing a half-made one. `appsScriptDrive` adapts the real
 * services (passed in, never read as globals here); src/local/drive.ts is the in-memory stand-in
 * the tests and the bench count calls on.
 *
 * Scopes and what each call needs (looked up, pages cited):
 * - `https://www.googleapis.com/auth/drive.file` — "see, edit, create, and delete only the
 *   specific Google Drive files you use with this app": enough for the folder and the unit files
 *   the add-on itself creates, for moving them into the folder, for sharing them and for reading
 *   their trashed state, through the advanced Drive service (Drive API v3). It never shows the
 *   add-on a file it did not create or open, which is exactly the least HR has to grant.
 *   https://developers.google.com/workspace/drive/api/guides/api-specific-auth
 *   (DriveApp itself asks for the full `drive` scope, so it is not used.)
 * - `https://www.googleapis.com/auth/spreadsheets` — `SpreadsheetApp.create` and
 *   `SpreadsheetApp.openById` (building a unit file with the same plan applier as the hub, and
 *   reading it back to collect). `spreadsheets.currentonly` covers only the open document.
 *   https://developers.google.com/sheets/api/scopes
 * - Sharing: Drive API `permissions.create` with `sendNotificationEmail: true` and an
 *   `emailMessage` (plain text): Google sends the owner its standard "shared with you" email
 *   with our note in the workbook's language. https://developers.google.com/drive/api/v3/reference/permissions/create
 * - Quotas: "Spreadsheets created: 250 / day (consumer), 3,200 / day (Google Workspace)";
 *   "Script runtime: 6 min / execution". https://developers.google.com/apps-script/guides/services/quotas
 */
import type { AppLike, SpreadsheetLike } from './api';

/**
 * What Drive says of a unit file before it is opened. `missing`: Drive answers 404 — the file is
 * gone, or this user can no longer see it (Drive does not tell the two apart: "File not found"
 * covers both, https://developers.google.com/drive/api/guides/handle-errors); `unshared`: 403,
 * the user is known to Drive but may not read it; `trashed`: the file's own `trashed` field;
 * `unreachable`: any other failure (quota, network, the service off) — said as such, never
 * guessed into one of the others.
 */
export type FileState = 'ok' | 'missing' | 'trashed' | 'unshared' | 'unreachable';

export interface DriveLike {
  /** A new folder in the user's My Drive; returns its ID. */
  createFolder(name: string): string;
  /** True when the folder exists and is not trashed. */
  folderUsable(id: string): boolean;
  /** A new, empty spreadsheet, placed in the folder; returns its ID. */
  createSpreadsheet(title: string, folderId: string): string;
  /** Opens a spreadsheet the add-on can read (throws when it cannot). */
  openSpreadsheet(id: string): { app: AppLike; ss: SpreadsheetLike };
  /** Whether the file can be opened: gone, in the trash, or no longer shared with the user. */
  state(id: string): FileState;
  /** Adds `email` as an editor; Google emails them `note` with its standard share message. */
  shareWithEditor(id: string, email: string, note: string): void;
  /** Moves a file to the trash (a half-made unit file, before it is made again). */
  trash(id: string): void;
  /** The document's web address (for the registry's link). */
  url(id: string): string;
}

/** Spreadsheets a user may create per day (quotas page above). */
export const DAILY_SPREADSHEETS = { consumer: 250, workspace: 3200 } as const;

// ─── the real services (shapes of the advanced Drive service v3 we use) ──────────────────────

export interface AdvancedDriveV3 {
  Files: {
    create(resource: { name: string; mimeType: string; parents?: string[] }, blob?: unknown, optional?: Record<string, unknown>): { id?: string };
    get(fileId: string, optional?: Record<string, unknown>): { id?: string; trashed?: boolean; parents?: string[] };
    update(resource: Record<string, unknown>, fileId: string, blob?: unknown, optional?: Record<string, unknown>): { id?: string };
  };
  Permissions: {
    create(resource: { role: string; type: string; emailAddress: string }, fileId: string, optional?: Record<string, unknown>): unknown;
  };
}

export interface SpreadsheetAppWithFiles extends AppLike {
  create(name: string): SpreadsheetLike;
  openById(id: string): SpreadsheetLike;
}

const FOLDER = 'application/vnd.google-apps.folder';

/** The fields `state` asks for (files.get `fields`, https://developers.google.com/drive/api/v3/reference/files/get).
 *  `trashed` says "in the trash" in Drive's own words. `capabilities` is not asked for: collection
 *  only reads, and a file Drive returns at all is one this user may read (a file they may not see
 *  is a 404), so no capability adds a case. */
export const STATE_FIELDS = 'id,trashed';

/** The HTTP status of an advanced-service error: its `details.code` when Apps Script gives one, else read from the text. */
export function errorStatus(e: unknown): number | null {
  const code = (e as { details?: { code?: unknown } } | null)?.details?.code;
  if (typeof code === 'number') return code;
  const text = e instanceof Error ? e.message : String(e);
  if (/\b404\b|not ?found/i.test(text)) return 404;
  if (/\b403\b|forbidden|permission|insufficient/i.test(text)) return 403;
  return null;
}

/** A file's state from Drive's answer to files.get (or the error it threw). */
export function fileState(get: () => { trashed?: boolean }): FileState {
  try {
    return get().trashed === true ? 'trashed' : 'ok';
  } catch (e) {
    const status = errorStatus(e);
    return status === 404 ? 'missing' : status === 403 ? 'unshared' : 'unreachable';
  }
}

/**
 * The real Drive: the advanced Drive service (enabled in appsscript.json) for folders, moves,
 * sharing and state; SpreadsheetApp for creating and opening spreadsheets.
 */
export function appsScriptDrive(drive: AdvancedDriveV3, app: SpreadsheetAppWithFiles): DriveLike {
  return {
    createFolder: (name) => drive.Files.create({ name, mimeType: FOLDER }).id!,
    folderUsable: (id) => {
      try {
        return drive.Files.get(id, { fields: 'id,trashed' }).trashed !== true;
      } catch {
        return false;
      }
    },
    createSpreadsheet: (title, folderId) => {
      const id = app.create(title).getId();
      // a new spreadsheet lands in My Drive's root: one update moves it into the cycle's folder
      drive.Files.update({}, id, undefined, { addParents: folderId, removeParents: 'root' });
      return id;
    },
    openSpreadsheet: (id) => ({ app, ss: app.openById(id) }),
    state: (id) => fileState(() => drive.Files.get(id, { fields: STATE_FIELDS, supportsAllDrives: true })),
    shareWithEditor: (id, email, note) => {
      drive.Permissions.create({ role: 'writer', type: 'user', emailAddress: email }, id, { sendNotificationEmail: true, emailMessage: note });
    },
    trash: (id) => void drive.Files.update({ trashed: true }, id),
    url: (id) => `https://docs.google.com/spreadsheets/d/${id}/edit`,
  };
}
