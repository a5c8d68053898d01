/** The CLI's last-resort handler: internal slips never reach the user as internal text (issue 11 §8). */
import { describe, expect, it } from 'vitest';
import { guard, type CliIo } from '../../src/local/xlsx/cli';

function io(env: Record<string, string> = {}): CliIo & { err: () => string } {
  let err = '';
  const w = { write: (s: string) => ((err += s), true) };
  return { stdout: w, stderr: w, env, err: () => err };
}

describe('guard', () => {
  it('an internal TypeError is exit 2 with a plain message, no internal text', async () => {
    const o = io();
    const code = await guard(o, () => 'en', async () => {
      throw new TypeError("Cannot set properties of undefined (setting 'sheetNo')");
    });
    expect(code).toBe(2);
    expect(o.err()).toMatch(/internal error/);
    expect(o.err()).not.toMatch(/sheetNo|Cannot set/);
  });

  it('in Chinese too; OKR_DEBUG=1 shows the stack', async () => {
    const o = io({ OKR_DEBUG: '1' });
    await guard(o, () => 'zh-CN', async () => {
      throw new RangeError('Invalid array length');
    });
    expect(o.err()).toMatch(/程序内部错误/);
    expect(o.err()).toMatch(/RangeError: Invalid array length/);
  });

  it('a system error keeps its own words (a missing file names the file)', async () => {
    const o = io();
    const code = await guard(o, () => 'en', async () => {
      throw Object.assign(new Error("ENOENT: no such file or directory, open 'x.xlsx'"), { code: 'ENOENT' });
    });
    expect(code).toBe(2);
    expect(o.err()).toMatch(/x\.xlsx/);
  });
});
