import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/local/cli/main';
import { run } from '../../src/local/cli/parse';

function fakeIo(stdin = '', env: Record<string, string> = { LANG: 'en_US.UTF-8' }) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdin: async () => stdin, stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('okr-sheets parse (in-process)', () => {
  it('prints one JSON object per non-blank stdin line, keys in the documented order', async () => {
    const f = fakeIo('将采购周期由 1.5 天缩短至 1 天\n\n   \nRaise NPS from 45 to 60\r\n');
    expect(await run([], f.io)).toBe(0);
    const lines = f.out().split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '{"kind":"metric","direction":"decrease","start":1.5,"target":1,"unit":"天","relative":false,"deadline":null,"placeholder":false,"type":"decrease"}',
    );
    expect(Object.keys(JSON.parse(lines[1]!))).toEqual(['kind', 'direction', 'start', 'target', 'unit', 'relative', 'deadline', 'placeholder', 'type']);
    expect(JSON.parse(lines[1]!)).toMatchObject({ start: 45, target: 60, direction: 'increase' });
    expect(f.err()).toBe('');
  });

  it('adds an error to lines it cannot read', async () => {
    const f = fakeIo('!!!\n提高自我专业能力\n');
    expect(await run([], f.io)).toBe(0);
    const [a, b] = f.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(a).toMatchObject({ kind: null, error: 'noText' });
    expect(Object.keys(a!).at(-1)).toBe('error');
    expect(b).toMatchObject({ kind: null, error: 'noMeasure' });
  });

  it('parses sentences given as arguments instead of stdin', async () => {
    const f = fakeIo('should not be read');
    expect(await run(['月底前上线一个新的 SEO 网站', '新员工试用期通过率 80%'], f.io)).toBe(0);
    const rows = f.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => r.kind)).toEqual(['milestone', 'metric']);
    expect(rows[0]).toMatchObject({ deadline: 'end-of-month' });
    expect(rows[1]).toMatchObject({ target: 0.8, unit: '%' });
  });

  it('rejects unknown options with exit 2, in the user language', async () => {
    const en = fakeIo();
    expect(await run(['--bogus'], en.io)).toBe(2);
    expect(en.err()).toContain('Unknown option: --bogus');
    const zh = fakeIo('', { LANG: 'zh_CN.UTF-8' });
    expect(await run(['--bogus'], zh.io)).toBe(2);
    expect(zh.err()).toContain('未知选项：--bogus');
    expect(en.out() + zh.out()).toBe('');
  });
});

describe('okr-sheets parse: "type" says which way is better', () => {
  it.each([
    ['员工流失率低于8%', 'atMost', 0.08],
    ['储备候选人达300人', 'increase', 300],
    ['3 年以上员工离职率低于 10%', 'atMost', 0.1],
    ['司龄3年以上员工占比不低于60%', 'atLeast', 0.6],
    ['将采购周期由 1.5 天缩短至 1 天', 'decrease', 1],
    ['客户满意度 90% 以上', 'atLeast', 0.9],
    ['月底前上线新版招聘官网', 'milestone', null],
    ['提高自我专业能力', null, null],
  ] as const)('%s → %s', async (sentence, type, target) => {
    const f = fakeIo();
    expect(await run([sentence], f.io)).toBe(0);
    const o = JSON.parse(f.out()) as Record<string, unknown>;
    expect(o.type).toBe(type);
    expect(o.target).toBe(target);
  });
});

describe('okr-sheets dispatcher (in-process)', () => {
  it('dispatches parse', async () => {
    const f = fakeIo('拓展五家新的招聘渠道\n');
    expect(await main(['parse'], f.io)).toBe(0);
    expect(JSON.parse(f.out())).toMatchObject({ kind: 'metric', target: 5, unit: '家' });
  });
  it('prints usage and exits 2 for an unknown or missing command', async () => {
    const f = fakeIo();
    expect(await main(['frobnicate'], f.io)).toBe(2);
    expect(f.err()).toContain('Unknown command: frobnicate');
    expect(f.err()).toContain('parse');
    expect(f.err()).toContain('import');
    expect(f.out()).toBe('');
    const g = fakeIo();
    expect(await main([], g.io)).toBe(2);
    expect(g.err()).toContain('Usage');
  });
  it('takes --lang before the command as well as after it', async () => {
    const f = fakeIo('拓展五家新的招聘渠道\n');
    expect(await main(['--lang', 'zh-CN', 'parse'], f.io)).toBe(0);
    expect(JSON.parse(f.out())).toMatchObject({ target: 5, unit: '家' });
    const g = fakeIo();
    expect(await main(['--lang=zh-CN', 'frobnicate'], g.io)).toBe(2);
    expect(g.err()).toContain('未知命令：frobnicate');
    const h = fakeIo();
    expect(await main(['--lang', 'en'], h.io)).toBe(2);
    expect(h.err()).toContain('Usage');
    expect(h.err()).not.toContain('Unknown command');
  });
  it('prints usage on stdout with exit 0 for --help, in Chinese when asked', async () => {
    const f = fakeIo();
    expect(await main(['--help', '--lang', 'zh-CN'], f.io)).toBe(0);
    expect(f.out()).toContain('用法');
  });
  it('does not treat Object.prototype names as commands', async () => {
    const f = fakeIo();
    expect(await main(['toString'], f.io)).toBe(2);
  });
});
