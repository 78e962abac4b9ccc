import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { HttpError } from '../errors/http-error';
import { errorHandler } from './error-handler';
import type { RequestState } from './http-types';
import { requestId } from './request-id';

describe('errorHandler', () => {
  const logged: unknown[][] = [];
  const koa = new Koa<RequestState>();
  koa.silent = true;
  koa.use(requestId());
  koa.use(errorHandler({ error: (...args: unknown[]) => logged.push(args) }));
  koa.use(async (ctx) => {
    if (ctx.path === '/known') throw new HttpError(422, 'validation_failed', 'name: required', [{ field: 'name', rule: 'required', message: 'required' }]);
    throw new Error('secret database password in this message');
  });
  let server: ReturnType<typeof koa.listen>;
  beforeAll(() => new Promise<void>((resolve) => { server = koa.listen(0, '127.0.0.1', () => resolve()); }));
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

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
