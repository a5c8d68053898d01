/**
 * Sidebar budget figures: the size of the one self-contained HTML file, and the time from
 * navigation to the first rendered panel in headless Chromium (through the playground, so the
 * RPC round trips to the in-memory workbook are included).
 */
// @ts-expect-error plain .mjs build script, no types
import { buildSidebar } from '../scripts/build-sidebar.mjs';
import { startPlayground } from '../src/local/playground/server';

/** The bit of playwright-core used here. Loaded by a computed specifier so the server-side
 *  typecheck (no DOM lib) does not pull in playwright's DOM-typed declarations. */
interface PageLike {
  goto(url: string): Promise<unknown>;
  locator(sel: string): { waitFor(): Promise<void> };
  evaluate<T>(fn: () => T): Promise<T>;
}
interface ChromiumLike {
  launch(o: { executablePath: string; args: string[] }): Promise<{ newPage(): Promise<PageLike>; close(): Promise<void> }>;
}
const PLAYWRIGHT = 'playwright-core';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

type Figure = number | { value: number; unit?: string; note?: string };

export async function run(): Promise<Record<string, Figure>> {
  const t0 = performance.now();
  const html: string = await buildSidebar();
  const buildMs = performance.now() - t0;
  const gzip = (await import('node:zlib')).gzipSync(html).length;
  const pg = await startPlayground({ sidebarHtml: html, port: 0, lang: 'en' });
  const { chromium } = (await import(PLAYWRIGHT)) as { chromium: ChromiumLike };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage();
    const samples: number[] = [];
    const standalone: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      await page.goto(`${pg.url}sidebar.html?lang=en`);
      await page.locator('body[data-ready="true"]').waitFor();
      samples.push(performance.now() - s);
      // the browser's own measure: navigation start → ready
      standalone.push(await page.evaluate(() => performance.now()));
    }
    samples.sort((a, b) => a - b);
    standalone.sort((a, b) => a - b);
    return {
      'sidebar.html size': { value: Buffer.byteLength(html), unit: 'B', note: 'one self-contained file, JS + CSS inlined' },
      'sidebar.html gzipped': { value: gzip, unit: 'B' },
      'sidebar build (esbuild)': { value: Math.round(buildMs), unit: 'ms' },
      'sidebar first render, Chromium': {
        value: Math.round(samples[2]!),
        unit: 'ms',
        note: 'median of 5: navigation → first panel rendered, incl. getContext + listTemplates RPC to the playground',
      },
      'sidebar first render, in-page clock': { value: Math.round(standalone[2]!), unit: 'ms', note: 'performance.now() at ready (from navigation start)' },
    };
  } finally {
    await browser.close();
    await pg.close();
  }
}
