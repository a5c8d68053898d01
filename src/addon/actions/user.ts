/**
 * The person using the sidebar, for "My OKRs" and "Send a test to me" (issue 13 §1, §4): the
 * account's email where Google gives it, and a small per-user memory. Built from the Apps Script
 * globals here, and only here; tests install stand-ins with `useUserServices`.
 *
 * - Email: Session.getActiveUser().getEmail() needs the `userinfo.email` scope and returns a blank
 *   string where security policies withhold it (e.g. simple triggers, custom functions, some
 *   consumer-account contexts) — so it is a hint, never required; the Owner-name choice remains.
 *   https://developers.google.com/apps-script/reference/base/session
 *   https://developers.google.com/apps-script/reference/base/user
 * - Memory: PropertiesService.getUserProperties() — per user, per script, no extra scope (unlike
 *   the sidebar's localStorage, it follows the person to another browser).
 *   https://developers.google.com/apps-script/guides/properties
 */
export interface UserServices {
  /** The account's email, '' when unavailable. */
  email(): string;
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** Off Apps Script (the playground): one in-process memory, no email. */
const memory = new Map<string, string>();
const offline: UserServices = {
  email: () => '',
  get: (k) => memory.get(k) ?? null,
  set: (k, v) => void memory.set(k, v),
  remove: (k) => void memory.delete(k),
};

export function appsScriptUserServices(): UserServices {
  if (typeof PropertiesService === 'undefined') return offline;
  const props = PropertiesService.getUserProperties();
  return {
    email: () => {
      try {
        return Session.getActiveUser().getEmail() || '';
      } catch {
        return ''; // scope not granted: the name choice still works
      }
    },
    get: (k) => props.getProperty(k),
    set: (k, v) => void props.setProperty(k, v),
    remove: (k) => void props.deleteProperty(k),
  };
}

let factory: () => UserServices = appsScriptUserServices;
export function useUserServices(f: () => UserServices): void {
  factory = f;
}
export function userServices(): UserServices {
  return factory();
}

/** The user-property key of "who I am" in one spreadsheet (names differ between workbooks). */
export function meKey(spreadsheetId: string): string {
  return `okrSheets.me@${spreadsheetId}`;
}
