/**
 * The Dockerfile and compose.yaml, checked as a linter would (no container runtime here): a
 * multi-stage build, a non-root final stage with production dependencies only, the same CLI
 * start as `npm start`, and only environment variables Tessera declares (docs/configuration.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { parse } from 'yaml';
import { CONFIG_VARS } from '../src/config/config-vars';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const declared = new Set([...Object.keys(CONFIG_VARS), 'NODE_ENV']);

describe('container files', () => {
  const dockerfile = DockerfileParser.parse(read('Dockerfile'));
  const instructions = dockerfile.getInstructions();
  const froms = dockerfile.getFROMs();
  const finalStart = instructions.indexOf(froms[froms.length - 1]);
  const final = instructions.slice(finalStart);
  const args = (keyword: string) => final.filter((i) => i.getKeyword() === keyword).map((i) => i.getArguments().map((a) => a.getValue()).join(' '));

  it('builds in stages from a pinned Node LTS image and runs as a non-root user', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from.getImage()).toMatch(/^node:(22|24)-/);
    expect(args('USER')).toEqual(['node']);
    expect(final.findIndex((i) => i.getKeyword() === 'USER')).toBeLessThan(final.findIndex((i) => i.getKeyword() === 'CMD'));
    // Production dependencies only in the image: nothing is installed in the final stage.
    expect(args('RUN').join(' ')).not.toMatch(/npm (install|ci)/);
    expect(instructions.filter((i) => i.getKeyword() === 'RUN').map((i) => i.getTextContent()).join(' ')).toContain('npm prune --omit=dev');
    expect(instructions.some((i) => i.getKeyword() === 'ADD')).toBe(false);
    expect(read('.dockerignore').split('\n')).toEqual(expect.arrayContaining(['node_modules', '.git']));
  });

  it('starts like npm start, listening on every interface at the default port', () => {
    const cmd = final.find((i) => i.getKeyword() === 'CMD')!.getTextContent();
    expect(JSON.parse(cmd.replace(/^CMD\s+/, ''))).toEqual(['node', 'runtime/bin/tessera.js', 'start', 'examples/crm']);
    expect(read('runtime/bin/tessera.js')).toContain("require('../src/cli/main.ts')");
    expect(JSON.parse(read('package.json')).scripts.start).toContain('runtime/src/cli/main.ts start');
    expect(args('EXPOSE')).toEqual([String(CONFIG_VARS.PORT.default)]);
    const env = final.filter((i) => i.getKeyword() === 'ENV').map((i) => i.getTextContent()).join(' ');
    expect(env).toMatch(/HOST=0\.0\.0\.0/);
    for (const [, name] of env.matchAll(/([A-Z_]+)=/g)) expect(declared).toContain(name);
    // The runtime's CLI needs tsx in production: it is a dependency of the runtime, not a dev one.
    expect(JSON.parse(read('runtime/package.json')).dependencies.tsx).toBeDefined();
  });

  it('composes Tessera with PostgreSQL, waiting for it, with declared variables only', () => {
    const compose = parse(read('compose.yaml')) as { services: Record<string, { image?: string; build?: string; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }>; healthcheck?: unknown }> };
    expect(Object.keys(compose.services).sort()).toEqual(['postgres', 'tessera']);
    expect(compose.services.postgres.image).toBe('postgres:15');
    expect(compose.services.postgres.healthcheck).toBeDefined();
    const tessera = compose.services.tessera;
    expect(tessera.build).toBe('.');
    expect(tessera.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const name of Object.keys(tessera.environment ?? {})) expect(declared).toContain(name);
    expect(tessera.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    // No default admin password: the first start must be given one.
    expect(tessera.environment?.TESSERA_ADMIN_PASSWORD).toMatch(/^\$\{TESSERA_ADMIN_PASSWORD:\?/);
  });
});
