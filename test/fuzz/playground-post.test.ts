/**
 * The playground server under oversized and malformed POSTs: a 10 MB body gets a JSON error
 * (413) — not a reset connection — and the server keeps answering afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlayground, type Playground } from '../../src/local/playground/server';

let pg: Playground;
beforeAll(async () => {
  pg = await startPlayground({ sidebarHtml: '<html><head></head><body></body></html>', port: 0, seed: false, lang: 'en' });
});
afterAll(async () => {
  await pg?.close();
});

const post = (path: string, body: string) =>
  fetch(`${pg.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('playground POST bounds', () => {
  it('a 10 MB POST gets a JSON error that names the limit, and the server answers the next call', async () => {
    const big = JSON.stringify({ method: 'getContext', payload: { x: 'x'.repeat(10 * 1024 * 1024) } });
    const res = await post('rpc', big);
    expect(res.status).toBe(413);
    const body = (await res.json()) as { ok: boolean; code: string; message: string };
    expect(body).toMatchObject({ ok: false, code: 'invalidInput' });
    expect(body.message).toMatch(/limit of 2 MB/);
    const next = await post('rpc', JSON.stringify({ method: 'getContext', payload: {} }));
    expect(((await next.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('null, arrays and broken JSON are answered in JSON', async () => {
    for (const body of ['null', '[]', '{"method":"checkSheet","payload":null}', '{', '"x"']) {
      const res = await post('rpc', body);
      const parsed = (await res.json()) as { ok: boolean; message?: string };
      expect(parsed.ok, body).toBe(false);
      expect(parsed.message ?? '').not.toMatch(/TypeError|Cannot (read|set) prop/);
    }
  });
});
