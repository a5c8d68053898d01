/** Starts the playground on a random loopback port and a headless Debian Chromium (never downloaded). */
import { chromium, type Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
// @ts-expect-error plain .mjs build script, no types
import { buildSidebar } from '../../scripts/build-sidebar.mjs';
import { startPlayground, type Playground, type PlaygroundOptions } from '../../src/local/playground/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const ARTIFACTS = path.resolve('test-artifacts');

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export async function playground(opts: Partial<PlaygroundOptions> = {}): Promise<Playground> {
  const sidebarHtml: string = await buildSidebar();
  mkdirSync(ARTIFACTS, { recursive: true });
  return startPlayground({ sidebarHtml, port: 0, lang: 'en', ...opts });
}

export const shot = (name: string) => path.join(ARTIFACTS, `${name}.png`);
