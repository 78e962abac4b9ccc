import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');

/** Node ESM, so openapi-typescript (ESM only) runs as it would in a user's build script. */
const GENERATE = `
import openapiTS, { astToString } from 'openapi-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
const [input, output] = process.argv.slice(2);
const ast = await openapiTS(JSON.parse(readFileSync(input, 'utf8')));
writeFileSync(output, astToString(ast));
`;

/** A typed client as an integration would write it: typos in paths, params or bodies fail tsc. */
const CLIENT = `
import createClient from 'openapi-fetch';
import type { paths } from './api';

const client = createClient<paths>({ baseUrl: process.env.BASE_URL!, headers: { Authorization: \`Bearer \${process.env.TOKEN}\` } });

async function main(): Promise<void> {
  const created = await client.POST('/api/customers', { body: { name: 'Typed Ltd', tier: 'gold', employees: 12 }, headers: { 'Idempotency-Key': 'typed-1' } });
  if (!created.data) throw new Error(JSON.stringify(created.error));
  const id: string = created.data.data.id;
  const listed = await client.GET('/api/customers', { params: { query: { limit: 10, sort: '-created_at', filter: { tier: 'gold' } } } });
  if (!listed.data) throw new Error(JSON.stringify(listed.error));
  const one = await client.GET('/api/customers/{id}', { params: { path: { id } } });
  const missing = await client.GET('/api/customers/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
  const admin = createClient<paths>({ baseUrl: process.env.BASE_URL!, headers: { Authorization: \`Bearer \${process.env.ADMIN_TOKEN}\` } });
  const team = await admin.POST('/api/admin/teams', { body: { name: 'Typed team', departmentId: null } });
  if (!team.data) throw new Error(JSON.stringify(team.error));
  const teamId: string = team.data.data.id;
  const users = await admin.GET('/api/admin/users');
  const noDepartment = await admin.DELETE('/api/admin/departments/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
  const deleted = await admin.DELETE('/api/admin/teams/{id}', { params: { path: { id: teamId } } });
  console.log(JSON.stringify({
    id, names: listed.data.data.map((c) => c.name), tier: one.data?.data.tier, missing: missing.error,
    team: team.data.data.name, usernames: users.data?.data.map((u) => u.username), noDepartment: noDepartment.error, teamDeleted: deleted.response.status,
  }));
}
main().catch((err) => { console.error(err); process.exit(1); });
`;

forEachDatabase('OpenAPI document', (getCtx) => {
  let rt: TestRuntime;
  let dir: string;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl });
    // Inside the repo's node_modules, so the generated client resolves openapi-fetch like a real project.
    await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
    dir = await mkdtemp(join(ROOT, 'node_modules/.cache/tessera-openapi-'));
    const doc = await rt.admin.call('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    await writeFile(join(dir, 'openapi.json'), doc.text);
  });
  afterAll(async () => {
    await rt?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('covers the admin user, department and team routes', async () => {
    const doc = (await rt.admin.call('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/admin/users', '/api/admin/users/{id}', '/api/admin/departments/{id}', '/api/admin/teams/{id}', '/api/admin/teams/{id}/members/{userId}']));
    expect(doc.paths['/api/admin/teams/{id}'].delete.responses['204']).toBeDefined();
    expect(doc.paths['/api/admin/users/{id}'].patch.responses['422'].content['application/json'].example.error.details[0]).toMatchObject({ field: 'managerId', rule: 'cycle' });
  });

  it('passes redocly lint with no errors', async () => {
    const result = await run('npx', ['redocly', 'lint', join(dir, 'openapi.json'), '--format=stylish'], { cwd: ROOT }).catch((err) => err);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).not.toMatch(/Validation failed|\d+ errors?\b/);
    expect(output).toMatch(/valid/);
    expect(result.code ?? 0).toBe(0);
  });

  it('generates types with openapi-typescript; a typed openapi-fetch client type-checks and works against the server', async () => {
    await writeFile(join(dir, 'generate.mjs'), GENERATE);
    await run('node', [join(dir, 'generate.mjs'), join(dir, 'openapi.json'), join(dir, 'api.d.ts')], { cwd: ROOT });
    await writeFile(join(dir, 'client.ts'), CLIENT);
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', types: ['node'], skipLibCheck: true }, files: ['client.ts'] }));
    const tsc = await run('npx', ['tsc', '-p', join(dir, 'tsconfig.json')], { cwd: ROOT }).catch((err) => err);
    expect(`${tsc.stdout ?? ''}${tsc.stderr ?? ''}`.replace(/npm warn.*\n?/g, '')).toBe('');

    const token = await rt.admin.call('POST', '/api/auth/tokens', { name: 'typed client', scopes: ['write'] });
    expect(token.status).toBe(201);
    const adminToken = await rt.admin.call('POST', '/api/auth/tokens', { name: 'typed admin client', scopes: ['admin'] });
    expect(adminToken.status).toBe(201);
    const env = { ...process.env, BASE_URL: rt.url, TOKEN: token.body.data.token, ADMIN_TOKEN: adminToken.body.data.token };
    const { stdout } = await run('npx', ['tsx', join(dir, 'client.ts')], { cwd: ROOT, env });
    const out = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(out).toMatchObject({ names: ['Typed Ltd'], tier: 'gold', missing: { error: { code: 'not_found' } } });
    expect(out).toMatchObject({ team: 'Typed team', usernames: expect.arrayContaining(['admin']), noDepartment: { error: { code: 'not_found' } }, teamDeleted: 204 });
  });
});
