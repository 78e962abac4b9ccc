import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { forEachDatabase } from '@tessera/runtime';
import { importCommand } from '../src/cli/import-command';
import { writeAppDir } from './app-files';
import { testApp } from './fixtures';

forEachDatabase('tessera import', (getCtx) => {
  let dir: string;
  let appDir: string;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, TESSERA_DATA_DIR: process.env.TESSERA_DATA_DIR, TESSERA_ADMIN_PASSWORD: process.env.TESSERA_ADMIN_PASSWORD };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-import-cli-'));
    const app = testApp();
    app.entities[0].properties.email['x-unique'] = true;
    appDir = await writeAppDir(app, path.join(dir, 'app'));
    process.env.TESSERA_ADMIN_PASSWORD = 'cli-admin-password-1';
    if (getCtx().databaseUrl) process.env.DATABASE_URL = getCtx().databaseUrl;
    else process.env.TESSERA_DATA_DIR = path.join(dir, 'data');
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    await rm(dir, { recursive: true, force: true });
  });

  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await importCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, appDir);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('imports a file with a mapping file and a duplicate mode, printing progress and writing the rejected rows', async () => {
    const csv = path.join(dir, 'customers.csv');
    await writeFile(csv, 'Company,Mail,Staff\nAcme,acme@example.com,10\nBeta,beta@example.com,many\n');
    const mapping = path.join(dir, 'mapping.json');
    await writeFile(mapping, JSON.stringify({ Company: 'name', Mail: 'email', Staff: 'employees' }));
    const first = await cli('customer', csv, '--mapping', mapping, '--app', appDir);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('customers.csv: 2 rows, csv (utf-8)');
    expect(first.out).toContain('Staff → employees');
    expect(first.out).toContain('2/2 rows — created 1, updated 0, skipped 0, rejected 1');
    expect(first.out).toContain(`1 row(s) rejected, with reasons, in ${path.join(dir, 'customers.rejected.csv')}`);
    expect(await readFile(path.join(dir, 'customers.rejected.csv'), 'utf8')).toContain('Employees: ""many"" is not a number');

    await writeFile(csv, 'Company,Mail,Staff\nAcme Ltd,acme@example.com,20\n');
    const second = await cli('customers', csv, '--mapping', mapping, '--mode', 'update');
    expect(second.out).toContain('1/1 rows — created 0, updated 1, skipped 0, rejected 0');
  });

  it('explains bad arguments and unknown entities', async () => {
    expect((await cli('customer', 'x.csv', '--mode', 'merge')).err).toContain('--mode must be skip, update or create');
    expect((await cli()).code).toBe(1);
    expect((await cli('customer', path.join(dir, 'customers.csv'), '--user', 'nobody')).err).toContain('"nobody" is not an active user');
    const missing = await cli('customer', path.join(dir, 'nope.csv'));
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('ENOENT') });
    const unknown = await cli('planet', path.join(dir, 'customers.csv'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no entity "planet" (entities: contact, customer)');
  }, 180_000);
});
