import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { HttpError } from '../errors/http-error';
import type { AccessEntry } from '../observe/access-log';
import { edge } from './edge';
import type { RequestState } from './http-types';
import { CONTENT_SECURITY_POLICY } from './security-headers';

describe('edge', () => {
  const logged: unknown[][] = [];
  const access: AccessEntry[] = [];
  const koa = new Koa<RequestState>();
  koa.silent = true;
  koa.use(edge({ logger: { error: (...args: unknown[]) => logged.push(args) }, accessLog: (entry) => access.push(entry) }));
  koa.use(async (ctx) => {
    if (ctx.path === '/fine') return void (ctx.body = { ok: true });
    if (ctx.path === '/api/undeclared') return void (ctx.body = { data: 'served by no declared route' });
    if (ctx.path === '/known') throw new HttpError(422, 'validation_failed', 'name: required', [{ field: 'name', rule: 'required', message: 'required' }]);
    throw new Error('secret database password in this message');
  });
  let server: ReturnType<typeof koa.listen>;
  beforeAll(() => new Promise<void>((resolve) => { server = koa.listen(0, '127.0.0.1', () => resolve()); }));
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  it('tags every answer with a request id and the security headers, and logs it', async () => {
    const res = await fetch(`${url()}/fine`, { headers: { 'x-request-id': 'req-7' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-7');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(access.at(-1)).toMatchObject({ requestId: 'req-7', method: 'GET', route: '/fine', status: 200, userId: null });
    const invented = await fetch(`${url()}/fine`, { headers: { 'x-request-id': 'not sane; <script>' } });
    expect(invented.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses an /api answer that no declared route gave (a 500, not the data)', async () => {
    const res = await fetch(`${url()}/api/undeclared`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('served by no declared route');
    expect(String(logged.at(-1)?.[1])).toContain('was answered by no declared route');
    expect(access.at(-1)).toMatchObject({ route: 'unmatched', status: 500 });
  });

  it('turns a known error into its status and envelope', async () => {
    const res = await fetch(`${url()}/known`);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: { code: 'validation_failed', message: 'name: required', details: [{ field: 'name', rule: 'required', message: 'required' }] },
    });
  });

  it('hides an unknown error behind a 500 with the request id, logging the stack', async () => {
    const res = await fetch(`${url()}/boom`, { headers: { 'x-request-id': 'req-42' } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Internal error', requestId: 'req-42' } });
    expect(text).not.toContain('secret');
    expect(logged.at(-1)?.[0]).toContain('req-42');
    expect((logged.at(-1)?.[1] as Error).stack).toBeDefined();
  });
});
