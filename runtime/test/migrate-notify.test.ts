import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { createSessionClient, createTestRuntime, TEST_ADMIN_PASSWORD, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { writeAppDir } from './app-files';
import { editItem, migApp } from './migrate-fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER_URL = process.env.TEST_DATABASE_URL;
// LISTEN/NOTIFY between two OS processes needs a database server: PGlite lives inside one process.
const describeWithServer = SERVER_URL ? describe : describe.skip;
const reason = SERVER_URL ? '' : ' (skipped: TEST_DATABASE_URL is unset, and cross-process reload needs PostgreSQL)';

/** Starts `tessera start` as its own process on a free port; resolves with its URL once it listens. */
function startChild(databaseUrl: string, appDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'runtime/src/cli/main.ts', 'start', appDir], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, TESSERA_DATA_DIR: '', PORT: '0', HOST: '127.0.0.1', TESSERA_SEED: '0' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the child runtime did not start within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tessera is running at (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ child, url: match[1].replace('localhost', '127.0.0.1') });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child runtime exited with ${code}:\n${output}`));
    });
  });
}

describeWithServer(`migrate: a publish reaches another runtime process through NOTIFY${reason}`, () => {
  const database = `tessera_test_${randomBytes(6).toString('hex')}`;
  const admin = () => knexFactory({ client: 'pg', connection: SERVER_URL, pool: { min: 0, max: 1 } });
  const databaseUrl = (() => {
    if (!SERVER_URL) return '';
    const url = new URL(SERVER_URL);
    url.pathname = `/${database}`;
    return url.toString();
  })();
  let rt: TestRuntime | undefined;
  let child: ChildProcess | undefined;
  let appDir: string | undefined;
  let remote: SessionClient;

  beforeAll(async () => {
    const db = admin();
    await db.raw('create database ??', [database]).finally(() => db.destroy());
    rt = await createTestRuntime({ app: migApp(), databaseUrl });
    appDir = await writeAppDir(migApp());
    const started = await startChild(databaseUrl, appDir);
    child = started.child;
    remote = await createSessionClient(started.url, 'admin', TEST_ADMIN_PASSWORD);
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rt?.close();
    if (appDir) await rm(appDir, { recursive: true, force: true });
    const db = admin();
    await db.raw('drop database if exists ?? with (force)', [database]).finally(() => db.destroy());
  });

  it('the other process accepts the new field within 5 s of the publish, and rejected it before', async () => {
    const before = await remote.call('POST', '/api/items', { name: 'early', extra: 'too soon' });
    expect(before.status).toBe(422);
    expect(before.body.error.details).toEqual([expect.objectContaining({ field: 'extra', rule: 'unknown-field' })]);

    const { app, version } = (await rt!.admin.call('GET', '/api/_meta/app')).body;
    const next = editItem(app, (p) => { p.extra = { 'x-id': 'i_extra', 'x-type': 'text', 'x-label': { en: 'Extra' } }; });
    const published = await rt!.admin.call('POST', '/api/_meta/publish', { app: next, baseVersion: version });
    expect(published.status).toBe(200);
    const at = Date.now();

    let accepted: Awaited<ReturnType<SessionClient['call']>> | undefined;
    while (Date.now() - at < 5_000) {
      const attempt = await remote.call('POST', '/api/items', { name: 'late', extra: 'in time' });
      if (attempt.status === 201) {
        accepted = attempt;
        break;
      }
      expect(attempt.status).toBe(422); // the old definition until the reload, never anything else
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(accepted?.body.data).toMatchObject({ name: 'late', extra: 'in time' });
    expect(Date.now() - at).toBeLessThan(5_000);
    expect((await remote.call('GET', '/api/_meta/app')).body.version).toBe(published.body.version);
  });
});
