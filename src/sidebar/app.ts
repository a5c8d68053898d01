/**
 * What every panel gets: the current language, the typed RPC client with a busy indicator and
 * error reporting, and the spreadsheet context. One file per panel under ./panels; register it
 * in ./panels/index.ts.
 */
import type { Lang, Localized } from '../core/i18n';
import type { ContextInfo, RpcMethod, RpcPayload, RpcResult } from '../addon/rpc/contract';
import type { MsgKey } from './i18n';

export interface App {
  readonly lang: Lang;
  t(key: MsgKey, params?: Record<string, string | number>): string;
  /** Calls the server with the busy indicator on; errors are shown in words and re-thrown. */
  rpc<M extends RpcMethod>(method: M, payload: RpcPayload<M>): Promise<RpcResult<M>>;
  /** The spreadsheet as of the last refresh (sheets, active sheet). */
  context(): ContextInfo | null;
  refreshContext(): Promise<ContextInfo>;
  info(text: string): void;
  error(text: string): void;
  clearMessages(): void;
}

export interface Panel {
  id: string;
  title: Localized;
  /** Shown instead of the title on the tab (the title becomes its tooltip), e.g. `?` for Help. */
  icon?: string;
  /** Builds the panel into `root` (called on every show and after a language switch). */
  render(root: HTMLElement, app: App): void | Promise<void>;
}
