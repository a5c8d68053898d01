/**
 * Copy Markdown writes the clipboard inside the click (issue 16 §4): the real sidebar in headless
 * Chromium, on the playground. The review's Markdown is fetched when the panel shows, so one click
 * calls navigator.clipboard.writeText while the click is still being dispatched (the user gesture
 * a browser requires), and the clipboard then holds exactly the review's Markdown. While the
 * Markdown is still on its way, a click says so in words and copies nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page, Route } from 'playwright-core';
import { dispatch } from '../../src/addon/rpc/server';
import type { Playground } from '../../src/local/playground/server';
import { launch, playground } from './browser';

// The panel's messages (src/sidebar/panels/review.ts REVIEW_PANEL_TEXT; not imported: the e2e
// tests type-check without the DOM library the sidebar needs).
const COPIED = 'Copied: paste it into mail';
const NOT_READY = 'The Markdown is still being prepared';

let pg: Playground;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let side: FrameLocator;
/** While set, the sidebar's reviewMarkdown calls wait for it (a slow spreadsheet). */
let hold: Promise<void> | null = null;

interface Copy { text: string; inClick: boolean }

/**
 * Every writeText call, recorded with whether a click was still being dispatched: a capturing
 * listener on window runs before the button's handler and a bubbling one after it, so a write
 * made after an await (the old behaviour) is recorded with inClick false.
 */
const RECORD_COPIES = `(() => {
  window.__copies = [];
  let inClick = false;
  window.addEventListener('click', () => { inClick = true; }, true);
  window.addEventListener('click', () => { inClick = false; }, false);
  const clip = navigator.clipboard;
  if (!clip) return;
  const write = clip.writeText.bind(clip);
  clip.writeText = (text) => { window.__copies.push({ text, inClick }); return write(text); };
})();`;

const copies = () => side.locator('body').evaluate(() => (globalThis as unknown as { __copies: Copy[] }).__copies);
const clipboard = () => side.locator('body').evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
const message = async () => ((await side.locator('#messages .msg').allTextContents()).join(' | '));

/** The sidebar's current choices, and the Markdown the server gives for them. */
async function expectedMarkdown(): Promise<string> {
  const payload = {
    sheet: await side.locator('#rv-sheet').inputValue(),
    month: await side.locator('#rv-month').inputValue(),
    asOf: await side.locator('#rv-asof').inputValue(),
  };
  const r = dispatch('reviewMarkdown', payload, () => pg.ctx, 'en');
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r.result as { markdown: string }).markdown;
}

beforeAll(async () => {
  pg = await playground({ lang: 'en' });
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(pg.url).origin });
  await context.addInitScript(RECORD_COPIES);
  await context.route('**/rpc', async (route: Route) => {
    const body = route.request().postData() ?? '';
    if (hold && body.includes('"method":"reviewMarkdown"')) await hold;
    await route.continue();
  });
  page = await context.newPage();
  await page.goto(`${pg.url}?lang=en`);
  side = page.frameLocator('#sidebar');
  await side.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
  await side.locator('#tab-review').click();
  await side.locator('#panel-review[data-rendered="true"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await pg?.close();
});

describe('Copy Markdown', () => {
  it("one click: writeText runs inside the click and the clipboard holds the review's Markdown", async () => {
    await side.locator('#rv-copy[data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await side.locator('#rv-preview').inputValue()).toBe(''); // nothing previewed first
    await side.locator('#rv-copy').click();
    await expect.poll(message).toContain(COPIED);
    const want = await expectedMarkdown();
    expect(want).toMatch(/^# OKR review: /);
    expect(await copies()).toEqual([{ text: want, inClick: true }]);
    expect(await clipboard()).toBe(want);
    expect(await side.locator('#rv-preview').inputValue()).toBe(want);
  });

  it('while the Markdown is on its way a click says so and copies nothing; the next click copies', async () => {
    let release!: () => void;
    hold = new Promise<void>((r) => { release = r; });
    const before = (await copies()).length;
    // another month: the Markdown for these choices has to be fetched again
    const month = side.locator('#rv-month');
    const other = (await month.inputValue()) === '2026-10' ? '2026-09' : '2026-10';
    await month.fill(other);
    await month.dispatchEvent('change');
    await expect.poll(() => side.locator('#rv-copy').getAttribute('data-ready')).toBe('false');
    await side.locator('#rv-copy').click();
    await expect.poll(message).toContain(NOT_READY);
    expect((await copies()).length).toBe(before);

    release();
    hold = null;
    await side.locator('#rv-copy[data-ready="true"]').waitFor({ timeout: 30_000 });
    await side.locator('#rv-copy').click();
    await expect.poll(message).toContain(COPIED);
    const want = await expectedMarkdown();
    expect(want).toContain(other);
    const all = await copies();
    expect(all.slice(before)).toEqual([{ text: want, inClick: true }]);
    expect(await clipboard()).toBe(want);
  });
});
