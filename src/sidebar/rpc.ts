/**
 * The typed promise client over `google.script.run` (design §1). In Apps Script the global is
 * provided by HtmlService; in the playground a stand-in with the same shape POSTs to the local
 * server. The server never throws through `rpc` (it answers `{ ok:false, code, message }`); the
 * failure handler only sees transport problems, which get a generic localized message.
 */
import type { Lang } from '../core/i18n';
import type { RpcMethod, RpcPayload, RpcResponse, RpcResult } from '../addon/rpc/contract';

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

const TRANSPORT: Record<Lang, string> = {
  'zh-CN': '无法连接到表格，请检查网络后重试。',
  en: 'Could not reach the spreadsheet. Check your connection and try again.',
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
        else reject(new RpcError('transport', TRANSPORT[lang]));
      })
      .withFailureHandler(() => reject(new RpcError('transport', TRANSPORT[lang])))
      // JSON round trip: drops `undefined` fields (google.script.run may turn them into null,
      // which an optional field would reject) and anything that is not plain data.
      .rpc(method, JSON.parse(JSON.stringify(payload ?? {})) as unknown, lang);
  });
}
