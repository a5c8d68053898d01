/**
 * The playground's grid edit (POST /api/cell) fails in the same words as the sidebar's RPC: a
 * missing sheet is named in the user's language, and an exception of the in-memory workbook is
 * logged with a reference and answered with the user-facing failure message — never its raw text.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPlayground, type Playground } from '../../src/local/playground/server';

let pg: Playground;
beforeAll(async () => {
  pg = await startPlayground({ sidebarHtml: '<html><head></head><body></body></html>', port: 0, lang: 'en' });
});
afterAll(async () => {
  await pg?.close();
});

async function postCell(body: Record<string, unknown>): Promise<{ status: number; json: { ok: boolean; code?: string; message?: string } }> {
  const res = await fetch(`${pg.url}api/cell`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { ok: boolean; code?: string; message?: string } };
}

describe('playground /api/cell failures', () => {
  it('writes a cell (the happy path still works)', async () => {
    const sheet = pg.ctx.ss.insertSheet('Scratch').getName();
    const r = await postCell({ sheet, a1: 'C9', value: '42' });
    expect(r).toEqual({ status: 200, json: { ok: true } });
    expect(pg.ctx.ss.getSheetByName(sheet)!.getRange('C9').getValues()[0]![0]).toBe(42);
  });

  it('a missing sheet is named, in the language asked for', async () => {
    const en = await postCell({ sheet: 'Nope', a1: 'A1', value: '1' });
    expect(en.status).toBe(404);
    expect(en.json).toEqual({ ok: false, code: 'notFound', message: 'Sheet "Nope" was not found.' });
    const zh = await postCell({ sheet: 'Nope', a1: 'A1', value: '1', lang: 'zh-CN' });
    expect(zh.json.message).toBe('找不到工作表“Nope”。');
  });

  it("the workbook's exception is logged with a reference; the answer carries the reference, not the raw text", async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' ')));
    try {
      const sheet = pg.ctx.ss.getActiveSheet().getName();
      // what the workbook throws for this reference, for comparison
      let raw = '';
      try {
        pg.ctx.ss.getSheetByName(sheet)!.getRange('not a cell').setValues([[1]]);
      } catch (e) {
        raw = (e as Error).message;
      }
      expect(raw).not.toBe('');
      const r = await postCell({ sheet, a1: 'not a cell', value: '1', lang: 'zh-CN' });
      expect(r.status).toBe(400);
      expect(r.json.code).toBe('internal');
      const ref = /编号 ([2-9A-Z]{6})/.exec(r.json.message ?? '')?.[1];
      expect(ref, r.json.message).toBeDefined();
      expect(r.json.message).not.toContain(raw);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(`ref ${ref}: playground cell ${sheet}!not a cell failed`);
      expect(logged[0]).toContain(raw);
    } finally {
      spy.mockRestore();
    }
  });
});
