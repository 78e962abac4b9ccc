/**
 * `tessera types` → `TesseraRecords` → `definePlugin<TesseraRecords>` (issue 9): a plugin
 * compiled with real tsc against the example CRM's generated types. Good usage compiles; a
 * wrong field name, a wrong field type and a hook on an entity the app does not have fail.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { typesCommand } from '../src/cli/types-command';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

/** tsc over one file, `@tessera/engine` mapped to the workspace source; the output names each error. */
async function typeCheck(dir: string, file: string): Promise<{ ok: boolean; output: string }> {
  const config = {
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: true, target: 'es2022', module: 'preserve', moduleResolution: 'bundler', lib: ['es2023', 'dom'], types: [],
      baseUrl: dir, paths: { '@tessera/engine': [path.join(ROOT, 'engine/src/index.ts')], '@tessera/metadata': [path.join(ROOT, 'metadata/src/index.ts')] },
    },
    files: [file],
  };
  const project = path.join(dir, `tsconfig.${file}.json`);
  await writeFile(project, JSON.stringify(config));
  try {
    await run(process.execPath, [TSC, '-p', project], { cwd: dir });
    return { ok: true, output: '' };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('typed records for plugins', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-plugin-types-'));
    const io = { out: () => undefined, err: (m: string) => { throw new Error(m); } };
    expect(await typesCommand(path.join(ROOT, 'examples/crm'), path.join(dir, 'tessera-types.ts'), io as never)).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a hook on customer sees Customer, and ctx.records(entity) returns that entity\'s type', async () => {
    await writeFile(path.join(dir, 'good.ts'), `import { definePlugin } from '@tessera/engine';
import type { Customer, Lead, TesseraRecords } from './tessera-types';
export default definePlugin<TesseraRecords>({
  name: '@acme/plugin-typed', version: '1.0.0',
  hooks: {
    customer: {
      async beforeUpdate(ctx) {
        const before: Customer = ctx.previous;
        const name: string = ctx.data.name ?? before.name;
        if (ctx.data.level === 'A' && name.length < 2) ctx.reject('too short', 'name');
        const leads: Lead[] = await ctx.records('lead').list();
        ctx.log.info(String(leads.length));
      },
    },
    '*': { afterCreate(ctx) { ctx.log.info(ctx.entity); } },
  },
});
`);
    expect(await typeCheck(dir, 'good.ts')).toEqual({ ok: true, output: '' });
  });

  it('a wrong field name, a wrong value and an unknown entity do not compile', async () => {
    await writeFile(path.join(dir, 'bad.ts'), `import { definePlugin } from '@tessera/engine';
import type { TesseraRecords } from './tessera-types';
export default definePlugin<TesseraRecords>({
  name: '@acme/plugin-typed', version: '1.0.0',
  hooks: {
    customer: {
      beforeCreate(ctx) {
        ctx.data.nmae = 'x';
        ctx.data.level = 'E';
      },
    },
    custmer: { beforeCreate() {} },
  },
});
`);
    const result = await typeCheck(dir, 'bad.ts');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/bad\.ts\(8,18\): error TS2339: Property 'nmae' does not exist on type 'Partial<Customer>'/);
    expect(result.output).toMatch(/bad\.ts\(9,9\): error TS2322: Type '"E"' is not assignable/);
    expect(result.output).toMatch(/bad\.ts\(12,5\): error TS2561: Object literal may only specify known properties, but 'custmer' does not exist in type 'PluginHooks<TesseraRecords>'/);
  });
});
