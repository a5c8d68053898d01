/**
 * The Apps Script entry points. Everything exported here becomes a top-level function in
 * `dist/` (the build writes one stub per export: Apps Script finds functions by reading the
 * source, not by running it). Keep this file to re-exports of functions; the build fails if a
 * menu item (MENU_ITEMS) or an RPC method names something that is not exported here.
 */
export * from './customFunctions';
export {
  onOpen,
  onInstall,
  menuOpenPanel,
  menuNewFromTemplate,
  menuSetupFromRoster,
  menuCheck,
  menuCheckIn,
  menuReview,
  menuHelp,
  runDiagnostics,
} from './menu';
export { showSidebar } from './sidebar';
export { rpc } from './rpc/server';
export { runScheduledReminders } from './actions/reminders';
