/** The playground server's guard rails (no browser): loopback Host only, same-origin JSON POSTs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import type { Playground } from '../../src/local/playground/server';
import { parseCellInput } from '../../src/local/playground/server';
import { playground } from './browser';

let pg: Playground;
beforeAll(async () => {
  pg = await playground({ lang: 'en', seed: false });
});
afterAll(async () => {
  await pg?.close();
});

function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: Buffer; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: pg.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const host = () => `127.0.0.1:${pg.port}`;

describe('playground server', () => {
  it('serves the page and the sidebar with the google.script.run stand-in', async () => {
    const page = await raw('GET', '/', { host: host() });
    expect(page.status).toBe(200);
    const side = await raw('GET', '/sidebar.html?lang=zh-CN&panel=check', { host: host() });
    const html = side.body.toString('utf8');
    expect(html).toContain('data-okr-lang="zh-CN" data-okr-panel="check"');
    expect(html.indexOf('window.google')).toBeLessThan(html.indexOf('<body>'));
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await raw('GET', '/api/workbook', { host: 'evil.example:80' });
    expect(r.status).toBe(421);
  });

  it('refuses cross-origin and non-JSON POSTs', async () => {
    const body = JSON.stringify({ method: 'getContext', payload: {} });
    expect((await raw('POST', '/rpc', { host: host(), origin: 'http://evil.example', 'content-type': 'application/json' }, body)).status).toBe(403);
    expect((await raw('POST', '/rpc', { host: host(), 'content-type': 'text/plain' }, body)).status).toBe(415);
    const ok = await raw('POST', '/rpc', { host: host(), origin: `http://${host()}`, 'content-type': 'application/json' }, body);
    expect(JSON.parse(ok.body.toString())).toMatchObject({ ok: true });
  });

  it('answers a 1 MB payload over HTTP with the same clear error, changing nothing', async () => {
    const before = JSON.stringify(pg.toPlan());
    const payload = { sheet: 'Sheet1', krId: 'O1.KR1', value: 1, confidence: 5, done: 'x'.repeat(1_000_000), next: '', blockers: '' };
    const r = await raw('POST', '/rpc', { host: host(), 'content-type': 'application/json' }, JSON.stringify({ method: 'recordCheckIn', payload, lang: 'en' }));
    const res = JSON.parse(r.body.toString());
    expect(res).toMatchObject({ ok: false, code: 'invalidInput' });
    expect(res.message).toMatch(/too large/);
    expect(JSON.stringify(pg.toPlan())).toBe(before);
  });

  it('writes grid edits through setValues and recomputes formulas', async () => {
    const post = (path: string, data: unknown) => raw('POST', path, { host: host(), 'content-type': 'application/json' }, JSON.stringify(data));
    await post('/api/cell', { sheet: 'Sheet1', a1: 'A1', value: '40' });
    await post('/api/cell', { sheet: 'Sheet1', a1: 'B1', value: '=A1*2' });
    await post('/api/cell', { sheet: 'Sheet1', a1: 'A1', value: '50' });
    const state = JSON.parse((await raw('GET', '/api/workbook', { host: host() })).body.toString());
    const sheet = state.sheets.find((s: { name: string }) => s.name === 'Sheet1');
    expect(sheet.values[0]).toEqual(['50', '100']);
    expect(sheet.formulas[0][1]).toBe('=A1*2');
  });

  it('downloads the workbook as .xlsx', async () => {
    const r = await raw('GET', '/download.xlsx', { host: host() });
    if (r.status === 501) {
      expect(r.body.toString()).toMatch(/exporter/);
      return;
    }
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/spreadsheetml/);
    expect(r.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('parses typed cell input as Sheets does', () => {
    expect(parseCellInput('42')).toBe(42);
    expect(parseCellInput('80%')).toBe(0.8);
    expect(parseCellInput('TRUE')).toBe(true);
    expect(parseCellInput('=SUM(A1:A2)')).toBe('=SUM(A1:A2)');
    expect(parseCellInput('hello')).toBe('hello');
    expect(parseCellInput('')).toBe('');
  });
});
