// Spawned by tracing.test.ts with no OTEL_* variable: boots a runtime (on the PostgreSQL URL
// given, else PGlite), answers two API calls, and reports what the process has loaded.
import { createTestRuntime } from '../src/testing/create-test-runtime';
import { testApp } from './fixtures';

async function main() {
  const rt = await createTestRuntime({ app: testApp(), databaseUrl: process.argv[2] || undefined });
  const created = await rt.admin.call('POST', '/api/customers', { name: 'Untraced Ltd' });
  const read = await rt.admin.call('GET', `/api/customers/${created.body.data.id}`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require('pg') as { Client: { prototype: { query: { __wrapped?: boolean } } } };
  const pgWrapped = Boolean(pg.Client.prototype.query.__wrapped);
  await rt.close();
  process.stdout.write(`${JSON.stringify({
    statuses: [created.status, read.status],
    // @opentelemetry/api is not counted: prom-client may load it for exemplars.
    otelModules: Object.keys(require.cache).filter((file) => /@opentelemetry[\\/](?!api[\\/])/.test(file)),
    pgWrapped,
  })}\n`);
}
main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error).stack ?? err)}\n`);
  process.exit(1);
});
