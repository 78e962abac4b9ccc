import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { call, testApp } from './fixtures';

forEachDatabase('static bundles', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    const webDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-web-'));
    await mkdir(path.join(webDir, 'assets'));
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>end-user app</title>');
    await writeFile(path.join(webDir, 'assets', 'app.js'), 'console.log("app")');
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl, webDir, designerDir: path.join(webDir, 'missing') });
  });
  afterAll(() => rt?.close());

  it('serves the web app at / with an SPA fallback for client routes', async () => {
    expect((await call(rt.url, 'GET', '/')).text).toContain('end-user app');
    expect((await call(rt.url, 'GET', '/assets/app.js')).text).toContain('console.log');
    const deep = await call(rt.url, 'GET', '/customers/123');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('end-user app');
    expect((await call(rt.url, 'GET', '/assets/missing.js')).status).toBe(404);
  });

  it('keeps /api out of the fallback', async () => {
    const res = await rt.admin.call('GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('redirects /designer and explains a missing designer bundle', async () => {
    const redirect = await fetch(`${rt.url}/designer`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/designer/');
    const page = await call(rt.url, 'GET', '/designer/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('npm run build:web');
  });
});
