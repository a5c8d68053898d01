import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/local/cli/main';
import { run } from '../../src/local/cli/import';

function fakeIo(stdin = '', cwd?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdin: async () => stdin, stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env: { LANG: 'en_US' }, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const SAMPLE = [
  '采购部 Q4 OKR（草稿）',
  '目标1：优化采购流程，提升来料质量',
  'KR1：将采购周期由 1.5 天缩短至 1 天',
  '负责人：周敏',
  'KR2：来料不合格率低于 2%',
  '评分：0.6',
  'Objective 2 - Cut purchasing cost',
  '- Reduce unit cost by 8%',
].join('\n');

type Out = {
  objectives: { title: string; owner: string | null; notes: string[]; key_results: Record<string, unknown>[] }[];
  notes: string[];
};

describe('okr-sheets import --json (in-process)', () => {
  it('reads a file and prints objectives, key results with parse fields, owners and notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-import-'));
    writeFileSync(join(dir, 'okrs.txt'), '\uFEFF' + SAMPLE);
    const f = fakeIo('', dir);
    expect(await run(['okrs.txt', '--json'], f.io)).toBe(0);
    expect(f.err()).toBe('');
    const r = JSON.parse(f.out()) as Out;
    expect(r.notes).toEqual(['采购部 Q4 OKR（草稿）']);
    expect(r.objectives.map((o) => o.title)).toEqual(['优化采购流程，提升来料质量', 'Cut purchasing cost']);
    const kr1 = r.objectives[0]!.key_results[0]!;
    expect(Object.keys(kr1)).toEqual(['title', 'kind', 'direction', 'start', 'target', 'unit', 'relative', 'deadline', 'placeholder', 'type', 'owner', 'due']);
    expect(kr1).toMatchObject({ title: '将采购周期由 1.5 天缩短至 1 天', start: 1.5, target: 1, unit: '天', owner: '周敏' });
    expect(r.objectives[0]!.key_results[1]).toMatchObject({ target: 0.02, owner: null, type: 'atMost', due: null });
    expect(r.objectives[0]!.notes).toEqual(['评分：0.6']);
    expect(r.objectives[1]!.key_results[0]).toMatchObject({ title: 'Reduce unit cost by 8%', relative: true, target: 0.08, direction: 'decrease' });
  });

  it('reads stdin for "-" and for no file, JSON being the default output', async () => {
    for (const args of [['-', '--json'], [], ['--pretty']]) {
      const f = fakeIo(SAMPLE);
      expect(await run(args, f.io)).toBe(0);
      expect((JSON.parse(f.out()) as Out).objectives).toHaveLength(2);
    }
    const pretty = fakeIo(SAMPLE);
    await run(['--pretty'], pretty.io);
    expect(pretty.out()).toContain('\n  "objectives"');
  });

  it('reports an unreadable file with exit 2 and prints nothing on stdout', async () => {
    const f = fakeIo('', tmpdir());
    expect(await run(['no-such-file-here.txt', '--json'], f.io)).toBe(2);
    expect(f.err()).toContain('File not found: no-such-file-here.txt');
    expect(f.out()).toBe('');
    const d = fakeIo('', tmpdir());
    expect(await run(['.', '--json'], d.io)).toBe(2); // a directory
    expect(d.err()).toMatch(/Cannot read/);
  });

  it('rejects bad usage with exit 2', async () => {
    for (const args of [['a.txt', 'b.txt'], ['--frob'], ['-o']]) {
      const f = fakeIo();
      expect(await run(args, f.io)).toBe(2);
      expect(f.err()).toContain('Usage');
    }
  });

  it('-o file.xlsx hands the parsed OKRs and options to the workbook writer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-import-o-'));
    const f = fakeIo(SAMPLE, dir);
    expect(await run(['-', '-o', 'out.xlsx', '--cycle', '2026-Q4', '--owner', '周敏'], f.io)).toBe(0);
    expect(f.out()).toBe('');
    expect(statSync(join(dir, 'out.xlsx')).size).toBeGreaterThan(1000);
    expect(f.err()).toContain('out.xlsx');
    const missing = fakeIo(SAMPLE, dir);
    expect(await run(['-', '-o', 'x.xlsx', '--cycle'], missing.io)).toBe(2);
    expect(missing.err()).toContain('Option --cycle needs a value');
  });

  it('-o with text that holds no objectives: exit 2, a clear message, no file written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-import-empty-'));
    for (const text of ['', 'just some prose\nno okrs here\n']) {
      const f = fakeIo(text, dir);
      expect(await run(['-', '-o', 'empty.xlsx'], f.io)).toBe(2);
      expect(f.err()).toMatch(/No objectives or key results were recognised; empty\.xlsx was not written/);
      expect(() => statSync(join(dir, 'empty.xlsx'))).toThrow();
    }
  });
});

describe('okr-sheets import --json: owner and due per KR', () => {
  it('a KR without its own owner takes its objective\'s; a deadline becomes a day in the cycle', async () => {
    const text = ['目标1：提升客户满意度', '负责人：王芳', 'KR1：NPS 由 45 提升到 60，12月15日前完成', 'KR2：投诉处理时长低于 1 天', '负责人：李雷'].join('\n');
    const f = fakeIo(text);
    expect(await run(['-', '--cycle', '2026-Q4'], f.io)).toBe(0);
    const r = JSON.parse(f.out()) as Out;
    const [kr1, kr2] = r.objectives[0]!.key_results;
    expect(r.objectives[0]!.owner).toBe('王芳');
    expect(kr1).toMatchObject({ owner: '王芳', due: '2026-12-15', type: 'increase' });
    expect(kr2).toMatchObject({ owner: '李雷', type: 'atMost' });
  });
});
