import { build } from 'esbuild';
import { join } from 'node:path';

// The designer bundles `@tessera/engine` for live preview: knex (and node built-ins) must
// only be reachable from `@tessera/engine/sql`.
describe('the engine entry points', () => {
  it('bundles `.` for the browser without knex', async () => {
    const result = await build({ entryPoints: [join(__dirname, 'index.ts')], bundle: true, platform: 'browser', write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.includes('node_modules/ajv/'))).toBe(true);
    expect(inputs.filter((path) => path.includes('node_modules/knex/'))).toEqual([]);
    expect(inputs.filter((path) => path.includes('node_modules/sanitize-html/'))).toEqual([]);
  });

  it('exposes the HTML sanitizer from `./server` only', async () => {
    const server = await import('./server');
    expect(server.sanitizeRichText('<b>a</b><script>x</script>')).toBe('<b>a</b>');
  });

  it('exposes the SQL planner from `./sql`', async () => {
    const sql = await import('./sql');
    expect(sql.planSchemaSync([], [])).toEqual({ steps: [] });
  });
});
