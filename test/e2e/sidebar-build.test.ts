/** The built sidebar: one self-contained file, no HTML sinks for user text. */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs build script, no types
import { buildSidebar } from '../../scripts/build-sidebar.mjs';
import { personalizeSidebar } from '../../src/addon/sidebar';

describe('built sidebar', () => {
  it('is one self-contained HTML file without HTML sinks', async () => {
    const html: string = await buildSidebar();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|https?:\/\/(?!www\.w3\.org)/);
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect((html.match(/<\/script>/g) ?? []).length).toBe(1); // inlined code cannot close its tag early
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
  });

  it('gets the language and panel written in by showSidebar', async () => {
    const html: string = await buildSidebar();
    expect(personalizeSidebar(html, 'zh-CN', 'check')).toContain('<html data-okr-lang="zh-CN" data-okr-panel="check">');
    expect(personalizeSidebar(html, 'en', '"><script>')).toContain('<html data-okr-lang="en">');
    expect(personalizeSidebar(html, 'zh-CN', 'check')).toContain('<script>var OKR_BOOT={"lang":"zh-CN","panel":"check"};</script>');
    const hostile = personalizeSidebar(html, 'en', '"><script>');
    expect(hostile).toContain('var OKR_BOOT={"lang":"en","panel":null};');
    expect(hostile).not.toContain('"><script>');
  });
});

describe('the sidebar in a wrapper that drops our <html> attributes (as HtmlService may)', () => {
  it('still opens in the server-chosen language on the requested panel', async () => {
    const { launch } = await import('./browser');
    const html: string = await buildSidebar();
    const stripped = personalizeSidebar(html, 'zh-CN', 'check').replace(/<html[^>]*>/, '<html>');
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.setContent(stripped);
      await page.waitForSelector('[aria-selected="true"]');
      const state = await page.evaluate(
        "({ lang: document.documentElement.lang, tab: document.querySelector('[aria-selected=\"true\"]').textContent })",
      );
      expect(state).toEqual({ lang: 'zh-CN', tab: expect.stringMatching(/检查/) });
    } finally {
      await browser.close();
    }
  });
});
