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
  });
});
