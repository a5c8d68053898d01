/**
 * The typed promise client over `google.script.run` (design §1). In Apps Script the global is
 * provided by HtmlService; in the playground a stand-in with the same shape POSTs to the local
 * server. The server never throws through `rpc` (it answers `{ ok:false, code, message }`); the
 * failure handler only sees what stopped the execution from answering — a time-out, a quota, the
 * signed-into-several-accounts failure, a missing authorization, a dropped connection — and says
 * which, with what to do
 * (../addon/rpc/failures.ts). Anything else is shown with its own text, never as only "could not
 * reach the spreadsheet".
 */
import type { Lang } from '../core/i18n';
import type { RpcMethod, RpcPayload, RpcResponse, RpcResult } from '../addon/rpc/contract';
import { transportFailureMessage } from '../addon/rpc/failures';

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
  rpc(method: string, payload: unknown, lang: string): void;
}
declare global {
  interface Window {
    google?: { script?: { run?: ScriptRun } };
  }
}

export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

/** The server answered something that is not an RpcResponse (an older deployment, a proxy page). */
const MALFORMED: Record<Lang, string> = {
  'zh-CN': '表格返回了无法识别的应答。请重新加载页面；如果刚更新过插件，新版本可能还没有生效。',
  en: 'The spreadsheet sent an answer the sidebar does not understand. Reload the page; if the add-on was just updated, the new version may not be live yet.',
};
const NO_HOST: Record<Lang, string> = {
  'zh-CN': '侧边栏必须在 Google 表格中打开（或使用 npm start 的本地试玩环境）。',
  en: 'The sidebar must run inside Google Sheets (or the npm start playground).',
};

export function call<M extends RpcMethod>(method: M, payload: RpcPayload<M>, lang: Lang): Promise<RpcResult<M>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new RpcError('noHost', NO_HOST[lang]));
      return;
    }
    run
      .withSuccessHandler((value) => {
        const res = value as RpcResponse<RpcResult<M>> | null;
        if (res && res.ok === true) resolve(res.result);
        else if (res && res.ok === false) reject(new RpcError(res.code, res.message));
        else reject(new RpcError('malformed', MALFORMED[lang]));
      })
      .withFailureHandler((error) => {
        const f = transportFailureMessage(error, lang);
        reject(new RpcError(f.code, f.message));
      })
      // JSON round trip: drops `undefined` fields (google.script.run may turn them into null,
      // which an optional field would reject) and anything that is not plain data.
      .rpc(method, JSON.parse(JSON.stringify(payload ?? {})) as unknown, lang);
  });
}
