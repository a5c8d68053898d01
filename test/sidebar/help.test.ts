/**
 * The sidebar's Help says, in both languages, where custom functions work (installed and enabled
 * add-on, else #NAME?) and that the native formula columns work for everyone, and how a new
 * version is tested and installed (issue 16 §1).
 */
import { describe, expect, it } from 'vitest';

// Browser code (DOM types): imported untyped, as test/rpc/entry.test.ts does with the RPC client.
type Item = { title: Record<'zh-CN' | 'en', string>; body: Record<'zh-CN' | 'en', string> };
const helpModule = '../../src/sidebar/panels/help'; // a variable: tsc must not compile DOM code here
const load = async () => ((await import(/* @vite-ignore */ helpModule)) as { HELP_ITEMS: Item[] }).HELP_ITEMS;

describe('Help', () => {
  it('every item in zh-CN and en, none repeating another', async () => {
    const items = await load();
    const texts = new Set<string>();
    for (const it of items) {
      for (const lang of ['zh-CN', 'en'] as const) {
        expect(it.title[lang].length).toBeGreaterThan(0);
        expect(texts.has(it.body[lang])).toBe(false);
        texts.add(it.body[lang]);
      }
      expect(it.body['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(it.body.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('custom functions need the installed, enabled add-on (#NAME? elsewhere); native formula columns work for everyone', async () => {
    const f = (await load()).find((i) => i.title.en === 'Formulas and custom functions')!;
    expect(f.body.en).toMatch(/ordinary spreadsheet formulas: they compute for everyone.*installed and enabled.*#NAME\?/);
    expect(f.body['zh-CN']).toMatch(/任何人打开都能计算.*安装并在本文档中启用.*#NAME\?/);
  });

  it('how to test a new version and install it for the domain, and what to do when access or a failure is reported', async () => {
    const f = (await load()).find((i) => i.title.en === 'Installing, testing and access')!;
    expect(f.body.en).toMatch(/Admin console → Apps → Google Workspace Marketplace apps.*Deploy → Test deployments → Editor add-on.*Run diagnostics.*Allow.*reference/);
    expect(f.body['zh-CN']).toMatch(/管理控制台.*部署 → 测试部署 → 编辑器插件.*运行自检.*允许.*编号/);
  });
});
