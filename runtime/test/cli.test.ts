import { spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { testApp } from './fixtures';
import { writeAppDir } from './app-files';

const ROOT = path.resolve(__dirname, '..', '..');
const tessera = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'runtime/src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('tessera CLI', () => {
  it('validate: a good folder is valid (exit 0)', async () => {
    const dir = await writeAppDir(testApp());
    const r = tessera('validate', dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('valid');
    expect(r.code).toBe(0);
  });

  it('validate: every error as file:line:col code: message (hint), exit 1', async () => {
    const dir = await writeAppDir(testApp());
    const file = path.join(dir, 'entities', 'customer.entity.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"x-type": "email"', '"x-type": "emial"'));
    await writeFile(path.join(dir, 'entities', 'broken.entity.json'), '{\n  "type": "object",\n  "x-name": \n}\n');
    const syntax = tessera('validate', dir);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/^entities\/broken\.entity\.json:\d+:\d+ [a-z-]+: .+ \(.+\)$/m);

    await rm(path.join(dir, 'entities', 'broken.entity.json'));
    const r = tessera('validate', dir);
    expect(r.code).toBe(1);
    const line = r.stderr.split('\n').find((l) => l.includes('emial'));
    expect(line).toMatch(/^entities\/customer\.entity\.json:\d+:\d+ unknown-field-type: .+\(.+\)$/);
  });

  it('types: writes an interface per entity to --out', async () => {
    const dir = await writeAppDir(testApp());
    const out = path.join(os.tmpdir(), `tessera-types-${process.pid}.ts`);
    const r = tessera('types', dir, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const source = await readFile(out, 'utf8');
    expect(source).toMatch(/export interface Customer\b/);
    expect(source).toMatch(/export interface Contact\b/);
  });

  it('an unknown command prints usage and exits 1', () => {
    const r = tessera('frobnicate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Unknown command');
  });
});
