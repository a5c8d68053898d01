/**
 * End to end (Chromium) for the cycle's rhythm: the "My OKRs" panel with a one-click check-in,
 * reminders turned on and off (the playground's trigger stand-in), the outbox preview, and a
 * check-in whose value needs confirmation before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Playground } from '../../src/local/playground/server';
import { launch, playground, shot } from './browser';
import { cycleWorkbook } from '../core/cycle/fixture';

let pg: Playground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  pg = await playground({ lang: 'en', workbook: { plan: cycleWorkbook().toPlan(), name: 'Acme OKRs', lang: 'en' } });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 420, height: 1200 } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await pg?.close();
});

async function open(panel: string) {
  await page.goto(`${pg.url}sidebar.html?lang=en&panel=${panel}`);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
  await page.locator(`#panel-${panel}[data-rendered="true"]`).waitFor();
}

const outbox = async () => (await (await fetch(`${pg.url}api/outbox`)).json()) as { triggers: unknown[]; mails: unknown[] };

describe('cycle rhythm in the sidebar', () => {
  it('My OKRs: choose who I am, see my KRs across sheets, check in with one click', async () => {
    await open('mine');
    await page.locator('#mine-who').selectOption('Han Mei');
    const card = page.locator('.mine-kr[data-kr="East Sales OKR/O1.KR1"]');
    await card.waitFor();
    expect(await page.locator('.mine-kr').count()).toBe(1);
    expect(await card.textContent()).toContain('Off track');
    await card.locator('input.mine-value').fill('40');
    await card.locator('button.action').click();
    await expect.poll(() => page.locator('#messages').textContent()).toMatch(/Updated O1\.KR1/);
    // Han Mei owns East Sales: her unit's KRs grouped by owner
    expect(await page.locator('h4').allTextContents()).toEqual(['East Sales']);
    expect(await page.locator('#mine-how').textContent()).toBe('Remembered for your account.');
    // remembered for the user (server side, not this browser): a fresh browser context opens on her KRs
    const other = await browser.newPage({ viewport: { width: 420, height: 1200 } });
    await other.goto(`${pg.url}sidebar.html?lang=en&panel=mine`);
    await other.locator('.mine-kr').first().waitFor({ timeout: 30_000 });
    expect(await other.locator('#mine-who').inputValue()).toBe('Han Mei');
    await other.close();
    expect(pg.ctx.ss.getSheetByName('East Sales OKR')!.getDataRange().getValues().flat()).toContain(40);
    await page.screenshot({ path: shot('cycle-01-my-okrs') });
    await page.locator('#mine-who').selectOption(''); // forget: nobody until chosen again
    await expect.poll(() => page.locator('.mine-kr').count()).toBe(0);
  }, 60_000);

  it('reminders on, then off: one trigger while on, none after; the outbox lists who would be told', async () => {
    await open('rhythm');
    await page.locator('#rem-on').check();
    await page.locator('#rem-day').selectOption('5');
    await page.locator('#rem-hour').selectOption('17');
    await page.locator('#rem-save').click();
    await expect.poll(() => page.locator('#rem-state').textContent()).toMatch(/weekly, Friday at 17:00.*Turned on by you/);
    expect((await outbox()).triggers).toHaveLength(1);
    await page.locator('#rem-preview').click();
    await page.locator('.outbox-msg').first().waitFor();
    expect(await page.locator('.outbox-msg summary').count()).toBeGreaterThan(0);
    await page.screenshot({ path: shot('cycle-02-reminders-on') });
    await page.locator('#rem-on').uncheck();
    await page.locator('#rem-save').click();
    await expect.poll(() => page.locator('#rem-state').textContent()).toMatch(/Reminders: off/);
    expect((await outbox()).triggers).toHaveLength(0);
    expect((await outbox()).mails).toHaveLength(0); // a preview never sends
  }, 60_000);

  it('a check-in far outside the range asks first; "Save anyway" writes it', async () => {
    await open('checkin');
    await page.locator('#ci-sheet').selectOption('Sales OKR');
    await page.locator('#ci-kr').selectOption('O1.KR1');
    await page.locator('#ci-value').fill('5000');
    await page.locator('#ci-save').click();
    await page.locator('#ci-confirm:not([hidden])').waitFor();
    expect(await page.locator('#ci-confirm').textContent()).toMatch(/more than 10 times the target 150/);
    const before = pg.ctx.ss.getSheetByName('Sales OKR')!.getDataRange().getValues().flat();
    expect(before).not.toContain(5000);
    await page.locator('#ci-confirm-yes').click();
    await expect.poll(() => page.locator('#messages').textContent()).toMatch(/Updated O1\.KR1/);
    expect(pg.ctx.ss.getSheetByName('Sales OKR')!.getDataRange().getValues().flat()).toContain(5000);
    // the history under the form: latest first, then the hand-written entries
    await expect.poll(() => page.locator('#ci-history li').count()).toBe(4);
    expect(await page.locator('#ci-history li').first().textContent()).toContain('5,000');
    expect(await page.locator('#ci-history li').nth(1).textContent()).toMatch(/^2026-11-24 · 130 \(60%\) · confidence 5/);
  }, 60_000);
});
