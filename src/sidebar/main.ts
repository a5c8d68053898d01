/**
 * The sidebar (design §1): tabs over one panel per file, a language switch, a busy indicator
 * and errors in words. Plain TypeScript + DOM: see README "## Sidebar".
 */
import type { Lang } from '../core/i18n';
import { isLang, langFromLocale } from '../core/i18n';
import type { ContextInfo, RpcMethod, RpcPayload, RpcResult } from '../addon/rpc/contract';
import type { App, Panel } from './app';
import { clear, h } from './dom';
import type { MsgKey } from './i18n';
import { t } from './i18n';
import { PANELS } from './panels';
import { call, RpcError } from './rpc';

const LANG_KEY = 'okrSheets.lang';

function storedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null; // storage can be blocked in the Apps Script iframe
  }
}
function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* not persisted: fine */
  }
}

/** The server writes the user's locale into `<html data-okr-lang>`; `auto` = ask the browser. */
/** What `personalizeSidebar` put in the page: a script global first, `<html>` attributes second. */
function boot(): { lang?: unknown; panel?: unknown } {
  const g = (window as unknown as { OKR_BOOT?: { lang?: unknown; panel?: unknown } }).OKR_BOOT;
  return g && typeof g === 'object' ? g : {};
}

function initialLang(): Lang {
  const b = boot().lang;
  const fromServer = isLang(b) ? b : document.documentElement.getAttribute('data-okr-lang');
  return storedLang() ?? (isLang(fromServer) ? fromServer : langFromLocale(navigator.language));
}

class Sidebar implements App {
  lang: Lang = initialLang();
  private ctx: ContextInfo | null = null;
  private current: Panel = PANELS[0]!;
  private pending = 0;
  private readonly root = document.getElementById('app') ?? document.body.appendChild(h('div', { id: 'app' }));
  private readonly bar = h('div', { className: 'busy-bar', id: 'busy', 'aria-hidden': 'true' });
  private readonly messages = h('div', { id: 'messages', 'aria-live': 'polite' });
  private readonly body = h('main', { id: 'panel' });
  private readonly tabs = h('nav', { className: 'tabs', role: 'tablist' });
  private readonly langSelect = h('select', { id: 'lang', 'aria-label': 'Language / 语言' });

  t(key: MsgKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  async rpc<M extends RpcMethod>(method: M, payload: RpcPayload<M>): Promise<RpcResult<M>> {
    this.setBusy(+1);
    try {
      return await call(method, payload, this.lang);
    } catch (e) {
      this.error(e instanceof RpcError ? e.message : String(e));
      throw e;
    } finally {
      this.setBusy(-1);
    }
  }

  context(): ContextInfo | null {
    return this.ctx;
  }

  async refreshContext(): Promise<ContextInfo> {
    this.ctx = await this.rpc('getContext', {});
    return this.ctx;
  }

  info(text: string): void {
    this.message('info', text);
  }
  error(text: string): void {
    this.message('error', text);
  }
  clearMessages(): void {
    clear(this.messages);
  }

  private message(kind: 'info' | 'error', text: string): void {
    const box = h(
      'div',
      { className: `msg ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
      h('span', { className: 'text' }, text),
      h('button', { type: 'button', className: 'link', 'aria-label': this.t('dismiss'), onclick: () => box.remove() }, '×'),
    );
    this.messages.appendChild(box);
  }

  private setBusy(delta: number): void {
    this.pending = Math.max(0, this.pending + delta);
    const busy = this.pending > 0;
    document.body.classList.toggle('busy', busy);
    this.root.setAttribute('aria-busy', String(busy));
    for (const b of Array.from(this.body.querySelectorAll('button'))) b.disabled = busy;
  }

  async start(): Promise<void> {
    document.documentElement.lang = this.lang;
    this.langSelect.append(h('option', { value: 'zh-CN' }, '中文'), h('option', { value: 'en' }, 'English'));
    this.langSelect.value = this.lang;
    this.langSelect.addEventListener('change', () => {
      if (!isLang(this.langSelect.value)) return;
      this.lang = this.langSelect.value;
      storeLang(this.lang);
      document.documentElement.lang = this.lang;
      this.clearMessages();
      void this.show(this.current);
    });
    this.root.append(
      this.bar,
      h('header', {}, this.tabs, this.langSelect),
      this.messages,
      this.body,
    );
    const requested =
      (typeof boot().panel === 'string' ? (boot().panel as string) : null) ??
      document.documentElement.getAttribute('data-okr-panel') ??
      /[?&#]panel=(\w+)/.exec(location.search + location.hash)?.[1];
    this.current = PANELS.find((p) => p.id === requested) ?? PANELS[0]!;
    try {
      await this.refreshContext();
    } catch {
      /* the error is shown; panels still render what they can */
    }
    await this.show(this.current);
    document.body.setAttribute('data-ready', 'true');
  }

  private renderChrome(): void {
    document.title = this.t('appTitle');
    clear(this.tabs);
    for (const p of PANELS) {
      const active = p === this.current;
      this.tabs.appendChild(
        h(
          'button',
          {
            type: 'button',
            id: `tab-${p.id}`,
            role: 'tab',
            'aria-selected': String(active),
            className: `${active ? 'tab active' : 'tab'}${p.icon ? ' icon' : ''}`,
            title: p.icon ? p.title[this.lang] : null,
            'aria-label': p.icon ? p.title[this.lang] : null,
            onclick: () => {
              this.clearMessages();
              void this.show(p);
            },
          },
          p.icon ?? p.title[this.lang],
        ),
      );
    }
  }

  private async show(p: Panel): Promise<void> {
    this.current = p;
    this.renderChrome();
    clear(this.body);
    const section = h('section', { id: `panel-${p.id}`, className: 'panel' });
    this.body.appendChild(section);
    try {
      await p.render(section, this);
    } catch {
      /* errors from rpc are already shown */
    }
    section.setAttribute('data-rendered', 'true');
  }
}

void new Sidebar().start();
