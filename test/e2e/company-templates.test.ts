/**
 * End to end (issue 12 §4): the real built sidebar in headless Debian Chromium lists the
 * workbook's company template beside the built-ins in the Templates panel, previews it, names the
 * Templates sheet's invalid rows, and inserts it into the in-memory workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { Playground } from '../../src/local/playground/server';
import { templatesSheetPlan } from '../../src/core/distribution/companyTemplates';
import { applyWorkbookPlan } from '../../src/sheets/applyPlan';
import { launch, playground, shot } from './browser';

let pg: Playground;
let browser: Browser;
let page: Page;
let side: FrameLocator;
const pageErrors: string[] = [];

const ROWS: (string | number | null)[][] = [
  ['Legal', 'Legal lead', 'Department', 'Objective', '让{unit}的合同风险可控', 'Keep contract risk under control in {unit}', null, null, null, null, null, null],
  [null, null, null, 'Decrease', '合同平均审核时间由 5 天缩短至 2 天', 'Contract review time falls from 5 to 2 days', 5, 2, 'days', 2, null, null],
  [null, null, null, 'At least', '合同模板覆盖率不低于 90%', 'Template coverage at least 90%', 0.5, 0.9, '%', null, null, null],
  ['Admin', 'Office lead', 'Department', 'Objective', '办公环境让人满意', 'A workplace people like', null, null, null, null, null, null],
  [null, null, null, 'Increase', '员工满意度提升', 'Staff satisfaction rises', 3, 'lots', null, null, null, null],
];

beforeAll(async () => {
  pg = await playground({ lang: 'en', seed: false });
  // the hub's Templates sheet, made by the add-on's own plan (role metadata `templates`)
  const [name] = applyWorkbookPlan(pg.ctx, { sheets: [templatesSheetPlan('en')] });
  pg.ctx.ss.getSheetByName(name!)!.getRange(2, 1, ROWS.length, 12).setValues(ROWS);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${pg.url}?lang=en`);
  side = page.frameLocator('#sidebar');
  await side.locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await pg?.close();
});

describe('Templates panel with company templates', () => {
  it('lists the company template first, beside the built-ins, and names the rows left out', async () => {
    await side.locator('#tab-templates').click();
    await side.locator('#panel-templates[data-rendered="true"]').waitFor();
    const options = await side.locator('#tpl-department option').allTextContents();
    expect(options[0]).toBe('Legal (company)');
    expect(options).toContain('Sales');
    expect(options.some((o) => o.startsWith('Admin'))).toBe(false);
    expect(await side.locator('#tpl-role option').allTextContents()).toEqual(['Legal lead']);
    const problems = await side.locator('#tpl-problems li').allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/Row 6: the target is not a number/);
    await side.locator('#tpl-lang').selectOption('en');
    await expect.poll(() => side.locator('#tpl-preview li.obj').allTextContents()).toEqual(['O1 Keep contract risk under control in Legal lead']);
    await page.screenshot({ path: shot('company-templates-01-list') });
  });

  it('inserts it with the unit filled in', async () => {
    await side.locator('#tpl-unit').fill('Legal East');
    await side.locator('#tpl-insert').click();
    await expect.poll(() => side.locator('#messages .msg.info').textContent()).toMatch(/Legal East|Created sheet/);
    const okr = pg.ctx.ss.getSheets().find((s) => s.getName() !== 'Templates' && /Legal/.test(s.getName()));
    expect(okr, pg.ctx.ss.getSheets().map((s) => s.getName()).join(', ')).toBeTruthy();
    const text = okr!.getDataRange().getValues().flat().join('\n');
    expect(text).toContain('Keep contract risk under control in Legal East');
    expect(text).not.toMatch(/\{unit\}/);
    expect(pageErrors).toEqual([]);
  });
});
