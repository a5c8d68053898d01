import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseLang, contentLang } from '../../src/core/lang';
import { exportXlsx } from '../../src/local/xlsx/export';
import { importXlsx } from '../../src/local/xlsx/import';
import { smallPlan } from '../xlsx/fixtures';
import { cli, tempDir } from './xlsx-helpers';

let dir: string;
beforeAll(async () => {
  dir = tempDir();
  writeFileSync(join(dir, 'zh.xlsx'), await exportXlsx(smallPlan('zh-CN')));
  writeFileSync(join(dir, 'en.xlsx'), await exportXlsx(smallPlan('en')));
});

describe('the language follows the workbook (LANG is en_US here)', () => {
  it('lint and score of a Chinese workbook answer in Chinese; --lang still overrides', async () => {
    const lint = await cli(dir, 'lint', 'zh.xlsx');
    expect(lint.out).toMatch(/个错误/);
    const score = await cli(dir, 'score', 'zh.xlsx');
    expect(score.out).toMatch(/总分/);
    expect(JSON.parse((await cli(dir, 'score', 'zh.xlsx', '--json')).out).lang).toBe('zh-CN');
    const en = await cli(dir, 'score', 'zh.xlsx', '--lang', 'en');
    expect(en.out).toMatch(/overall/);
    expect(en.out).not.toMatch(/总分/);
  });

  it('an English workbook answers in English even where LANG is Chinese', async () => {
    const { main } = await import('../../src/local/cli/main');
    let out = '';
    await main(['score', 'en.xlsx'], { stdin: async () => '', stdout: (s) => void (out += s), stderr: () => {}, cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(out).toMatch(/overall/);
  });
});

describe('setup: the language of the roster', () => {
  it('a roster with Chinese headers gives a Chinese workbook; --lang en an English one', async () => {
    writeFileSync(join(dir, 'roster-zh.csv'), '单元,层级,上级单元,负责人,部门模板\n华东公司,company,,王芳,company\n销售部,department,华东公司,李雷,sales\n');
    const r = await cli(dir, 'setup', 'roster-zh.csv', '--cycle', '2026-Q4', '-o', 'zh-book.xlsx');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/已写入/);
    const names = (await importXlsx(readFileSync(join(dir, 'zh-book.xlsx')))).sheets.map((s) => s.name);
    expect(names).toContain('设置');
    const en = await cli(dir, 'setup', 'roster-zh.csv', '--cycle', '2026-Q4', '-o', 'en-book.xlsx', '--lang', 'en');
    expect(en.code, en.err).toBe(0);
    expect((await importXlsx(readFileSync(join(dir, 'en-book.xlsx')))).sheets.map((s) => s.name)).toContain('Settings');
  });
});

describe('chooseLang / contentLang', () => {
  it('explicit, then workbook, then content, then fallback', () => {
    expect(chooseLang({ explicit: 'en', workbook: 'zh-CN', fallback: 'zh-CN' })).toBe('en');
    expect(chooseLang({ workbook: 'zh-CN', content: 'en', fallback: 'en' })).toBe('zh-CN');
    expect(chooseLang({ workbook: null, content: 'en', fallback: 'zh-CN' })).toBe('en');
    expect(chooseLang({ fallback: 'zh-CN' })).toBe('zh-CN');
  });
  it('Chinese text with a few Latin letters is Chinese; English text is English; numbers say nothing', () => {
    expect(contentLang('O1 提升 NPS 到 60，Q4 完成')).toBe('zh-CN');
    expect(contentLang(['部门', '姓名', '邮箱', 'Email'])).toBe('zh-CN');
    expect(contentLang('Raise NPS from 45 to 60 for 王芳')).toBe('en');
    expect(contentLang('123 456')).toBeNull();
  });
});
