/**
 * The local playground (design §5, `npm start`): the REAL built sidebar in a 300 px frame beside
 * a grid of the in-memory workbook. The sidebar's `google.script.run` is replaced by a stand-in
 * that POSTs to this server, which runs the same RPC handlers as Apps Script (`dispatch`) on
 * the in-memory workbook (src/local/workbook, formulas computed by HyperFormula).
 *
 * Loopback only: it listens on 127.0.0.1, refuses other peers, checks the Host header (no DNS
 * rebinding) and requires JSON POSTs from its own origin.
 *
 * Routes:
 *   GET  /                 the playground page (grid + sidebar frame)
 *   GET  /sidebar.html     the built sidebar with the stand-in injected (?lang=zh-CN|en&panel=…)
 *   POST /rpc              { method, payload, lang } → the RPC response, exactly as Apps Script
 *   GET  /api/workbook     sheets with display values, formulas, backgrounds; the active cell
 *   POST /api/cell         { sheet, a1, value } → writes through Range.setValues, recomputes
 *   POST /api/activate     { sheet } → makes a sheet active (as clicking its tab in Sheets)
 *   GET  /api/files        the hub and the unit files of the in-memory Drive (Distribute panel)
 *   POST /api/file         { id } → the grid shows that file ('hub' = the workbook); RPC stays on the hub
 *   GET  /download.xlsx    the workbook as .xlsx (src/local/xlsx/export.ts), 501 if absent
 *   GET  /api/outbox       reminder mail / webhook posts a run "sent", and the triggers (./reminders)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../core/i18n';
import { fmt, isLang } from '../../core/i18n';
import type { SheetsContext } from '../../sheets/context';
import type { SpreadsheetLike } from '../../sheets/api';
import { answerFailure, dispatch } from '../../addon/rpc/server';
import { ERROR_MESSAGES } from '../../sheets/errors';
import { personalizeSidebar } from '../../addon/sidebar';
import { createLocalApp } from '../workbook';
import { LocalDrive } from '../drive';
import { setDriveProvider } from '../../addon/actions/distribution';
import { seedWorkbook } from './seed';
import type { PlaygroundFile } from './file';
import { playgroundReminderServices, type PlaygroundOutbox } from './reminders';
import { useReminderServices } from '../../addon/actions/reminders';

export { loadPlaygroundFile } from './file';

export interface PlaygroundOptions {
  /** The built sidebar HTML (scripts/build-sidebar.mjs `buildSidebar()`). */
  sidebarHtml: string;
  /** 0 = a random free port. */
  port?: number;
  /** Default language of the sidebar frame. */
  lang?: Lang;
  /** Insert the sample company workbook at startup (default true; ignored with `workbook`). */
  seed?: boolean;
  /** Open this workbook instead of the sample (`npm start -- file.xlsx`, ./file.ts). */
  workbook?: PlaygroundFile;
  /** Directory holding page.html / page.js / page.css (default: this file's folder from cwd). */
  assetsDir?: string;
}

export interface Playground {
  url: string;
  port: number;
  ctx: SheetsContext;
  /** The in-memory workbook as a plan (for tests: compare before/after). */
  toPlan(): unknown;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY = 2_000_000; // the RPC layer rejects big payloads in words; this only stops abuse

/** Injected as the first script of the sidebar: the `google.script.run` stand-in. */
export const GOOGLE_SCRIPT_STANDIN = `<script>(function(){
  function runner(ok, ko){
    var r = {
      withSuccessHandler: function(f){ return runner(f, ko); },
      withFailureHandler: function(f){ return runner(ok, f); },
      withUserObject: function(){ return r; },
      rpc: function(method, payload, lang){
        fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ method: method, payload: payload, lang: lang }) })
          .then(function(res){ if (!res.ok) throw new Error('HTTP ' + res.status); return res.json(); })
          .then(function(v){
            try { window.parent.postMessage({ type: 'okr-rpc', method: method }, location.origin); } catch (e) {}
            if (ok) ok(v);
          }, function(e){ if (ko) ko(e); });
      }
    };
    return r;
  }
  window.google = { script: { run: runner(null, null), host: { close: function(){}, editor: { focus: function(){} } } } };
})();</script>`;

export function injectStandIn(sidebarHtml: string, lang: Lang, panel?: string): string {
  const html = personalizeSidebar(sidebarHtml, lang, panel);
  return html.replace('<head>', `<head>\n${GOOGLE_SCRIPT_STANDIN}`);
}

// ─── workbook snapshot for the grid ─────────────────────────────────────────────────────────

export interface GridSheet {
  name: string;
  values: string[][];
  formulas: string[][];
  backgrounds: string[][];
  frozenRows: number;
  /** Pixels, by column from A. */
  widths: number[];
  /** Hidden sheets (e.g. the backup of a regenerated Review) get no tab, as in Sheets. */
  hidden: boolean;
}
export interface GridState {
  spreadsheet: string;
  active: { sheet: string; a1: string | null };
  sheets: GridSheet[];
}

export function gridState(ss: SpreadsheetLike): GridState {
  const activeSheet = ss.getActiveSheet();
  const activeRange = ss.getActiveRange();
  return {
    spreadsheet: ss.getName(),
    active: { sheet: activeSheet.getName(), a1: activeRange ? activeRange.getA1Notation() : null },
    sheets: ss.getSheets().map((sh) => {
      const rows = Math.max(1, sh.getLastRow());
      const cols = Math.max(1, sh.getLastColumn());
      const r = sh.getRange(1, 1, rows, cols);
      return {
        name: sh.getName(),
        values: r.getDisplayValues(),
        formulas: r.getFormulas(),
        backgrounds: r.getBackgrounds(),
        frozenRows: sh.getFrozenRows(),
        widths: Array.from({ length: cols }, (_, i) => sh.getColumnWidth(i + 1)),
        hidden: sh.isSheetHidden(),
      };
    }),
  };
}

/** What a user typed into a grid cell → the value setValues receives (as Sheets parses input). */
export function parseCellInput(text: string): string | number | boolean {
  const s = text.trim();
  if (s === '') return '';
  if (s.startsWith('=')) return s;
  if (/^(true|false)$/i.test(s)) return s.toLowerCase() === 'true';
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return Number(s);
  const pct = /^([-+]?\d+\.?\d*)%$/.exec(s);
  if (pct) return Number(pct[1]) / 100;
  return text;
}

// ─── HTTP ───────────────────────────────────────────────────────────────────────────────────

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}
const json = (res: ServerResponse, status: number, data: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(data));

/** A body past MAX_BODY: the rest is read and dropped (closing the socket mid-upload makes
 *  the client see a reset connection instead of the JSON answer). */
class BodyTooLarge extends Error {}
const TOO_LARGE = {
  'zh-CN': `请求超过 ${MAX_BODY / 1_000_000} MB 的上限`,
  en: `The request is larger than the limit of ${MAX_BODY / 1_000_000} MB`,
} as const;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) chunks = [];
      else chunks.push(c);
    });
    req.on('end', () => (size > MAX_BODY ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

const isLoopback = (addr: string | undefined) => addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';

export async function startPlayground(opts: PlaygroundOptions): Promise<Playground> {
  const defaultLang: Lang = opts.lang ?? opts.workbook?.lang ?? 'zh-CN';
  const local = opts.workbook
    ? createLocalApp({ lang: defaultLang, name: opts.workbook.name, plan: opts.workbook.plan })
    : createLocalApp({ lang: defaultLang, name: defaultLang === 'zh-CN' ? 'OKR 试玩' : 'OKR playground' });
  // as on Sheets, where the rpc context carries the advanced Sheets service (src/addon/rpc/server.ts):
  // plans go through the in-memory batchUpdate stand-in, and Run diagnostics checks that path
  const ctx: SheetsContext = { ...local.ctx(defaultLang), sheetsApi: local.sheetsApi };
  // Reminders run against stand-ins: "sent" mail and webhook posts land in this outbox.
  const outbox: PlaygroundOutbox = { mails: [], posts: [], triggers: [] };
  const reminderServices = playgroundReminderServices(outbox);
  useReminderServices(() => reminderServices);
  // the Distribute panel makes and reads unit files in an in-memory Drive (src/local/drive.ts)
  const drive = new LocalDrive({ lang: defaultLang });
  setDriveProvider(() => drive);
  // the grid shows the hub or one unit file (the "Drive" file tabs); the sidebar always acts on the hub
  let viewing = 'hub';
  const viewed = (): SpreadsheetLike => (viewing !== 'hub' && drive.files.get(viewing)?.state === 'ok' ? drive.workbook(viewing).ss : local.ss);
  if (opts.seed !== false && !opts.workbook) {
    const blank = local.ss.getSheets()[0];
    const seeded = seedWorkbook(ctx, defaultLang);
    for (const p of seeded.problems) console.warn(`playground seed: ${p}`);
    if (seeded.sheets.length > 0 && blank && blank.getLastRow() === 0) local.ss.deleteSheet(blank);
    const first = seeded.sheets[0] ? local.ss.getSheetByName(seeded.sheets[0]) : null;
    if (first) local.ss.setActiveSheet(first);
  }

  const assets = opts.assetsDir ?? path.resolve('src/local/playground');
  const asset = (name: string) => readFileSync(path.join(assets, name), 'utf8');

  let port = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isLoopback(req.socket.remoteAddress)) return send(res, 403, 'text/plain', 'loopback only');
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) return send(res, 421, 'text/plain', 'unexpected Host');
    const url = new URL(req.url ?? '/', `http://${host}`);

    if (req.method === 'GET') {
      switch (url.pathname) {
        case '/':
          // The page's sidebar-language picker starts on the playground's language (OKR_LANG).
          return send(res, 200, 'text/html; charset=utf-8', asset('page.html').replace('<html', `<html data-default-lang="${defaultLang}"`));
        case '/page.js':
          return send(res, 200, 'text/javascript; charset=utf-8', asset('page.js'));
        case '/page.css':
          return send(res, 200, 'text/css; charset=utf-8', asset('page.css'));
        case '/sidebar.html': {
          const l = url.searchParams.get('lang');
          const panel = url.searchParams.get('panel') ?? undefined;
          return send(res, 200, 'text/html; charset=utf-8', injectStandIn(opts.sidebarHtml, isLang(l) ? l : defaultLang, panel));
        }
        case '/api/workbook':
          return json(res, 200, gridState(viewed()));
        case '/api/outbox':
          return json(res, 200, outbox);
        case '/api/files':
          return json(res, 200, {
            viewing,
            files: [{ id: 'hub', title: local.ss.getName() }, ...[...drive.files.values()].filter((f) => f.state === 'ok').map((f) => ({ id: f.id, title: f.title }))],
          });
        case '/download.xlsx':
          return downloadXlsx(res, local.toPlan());
        case '/favicon.ico':
          return send(res, 204, 'text/plain', '');
      }
      return send(res, 404, 'text/plain', 'not found');
    }

    if (req.method === 'POST') {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) return send(res, 403, 'text/plain', 'cross-origin');
      if (!/^application\/json/.test(req.headers['content-type'] ?? '')) return send(res, 415, 'text/plain', 'JSON only');
      let body: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(await readBody(req));
        body = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
      } catch (e) {
        if (e instanceof BodyTooLarge) return json(res, 413, { ok: false, code: 'invalidInput', message: TOO_LARGE[defaultLang] });
        return json(res, 400, { ok: false, code: 'invalidInput', message: 'Bad JSON' });
      }
      const lang: Lang = isLang(body.lang) ? body.lang : defaultLang;
      switch (url.pathname) {
        case '/rpc':
          return json(res, 200, dispatch(body.method, body.payload, () => ctx, lang));
        case '/api/cell': {
          try {
            const sheet = viewed().getSheetByName(String(body.sheet));
            if (!sheet) return json(res, 404, { ok: false, code: 'notFound', message: fmt(ERROR_MESSAGES.sheetNotFound, lang, { name: String(body.sheet).slice(0, 100) }) });
            const value = parseCellInput(String(body.value ?? '').slice(0, 10_000));
            sheet.getRange(String(body.a1)).setValues([[value]]);
            return json(res, 200, { ok: true });
          } catch (e) {
            // the same words as the sidebar's: never the workbook's raw exception text
            return json(res, 400, answerFailure(`playground cell ${String(body.sheet).slice(0, 100)}!${String(body.a1).slice(0, 20)}`, e, lang));
          }
        }
        case '/api/file': {
          const id = String(body.id);
          if (id !== 'hub' && drive.files.get(id)?.state !== 'ok') return json(res, 404, { ok: false, message: 'no such file' });
          viewing = id;
          return json(res, 200, { ok: true });
        }
        case '/api/activate': {
          const sheet = viewed().getSheetByName(String(body.sheet));
          if (!sheet) return json(res, 404, { ok: false, message: 'no such sheet' });
          viewed().setActiveSheet(sheet);
          if (typeof body.a1 === 'string' && /^[A-Z]{1,3}\d{1,7}$/.test(body.a1)) sheet.setActiveSelection(body.a1);
          return json(res, 200, { ok: true });
        }
      }
      return send(res, 404, 'text/plain', 'not found');
    }
    return send(res, 405, 'text/plain', 'method not allowed');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', e instanceof Error ? e.message : 'error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://${HOST}:${port}/`,
    port,
    ctx,
    toPlan: () => local.toPlan(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** The "Download .xlsx" hook: uses src/local/xlsx/export.ts when it is there. */
async function downloadXlsx(res: ServerResponse, plan: unknown): Promise<void> {
  let exporter: ((plan: never) => Promise<Uint8Array>) | undefined;
  try {
    const mod = (await import('../xlsx/export')) as { exportXlsx?: (plan: never) => Promise<Uint8Array> };
    exporter = mod.exportXlsx;
  } catch {
    exporter = undefined;
  }
  if (!exporter) return send(res, 501, 'text/plain; charset=utf-8', 'The .xlsx exporter (src/local/xlsx/export.ts) is not available in this build.');
  const bytes = await exporter(plan as never);
  res.writeHead(200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': 'attachment; filename="okr-playground.xlsx"',
    'cache-control': 'no-store',
  });
  res.end(Buffer.from(bytes));
}
