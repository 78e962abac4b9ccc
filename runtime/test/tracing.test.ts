/**
 * OpenTelemetry traces (issue 22): with an OTLP endpoint configured, a runtime exports a server
 * span per request, named by its declared route, with the pg driver's statements as children;
 * with nothing configured no OpenTelemetry code is even loaded. The collector is a real
 * OTLP/HTTP receiver on a local port, fed by the real exporter.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { definePlugin } from '@tessera/engine';
import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

const jobsPlugin = definePlugin({
  name: '@trace/jobs',
  version: '1.0.0',
  jobs: [{ name: 'tally', cron: '*/5 * * * *', tz: 'UTC', run: async (ctx) => void (await ctx.records('customer').create({ name: `tally ${ctx.due.toISOString()}` })) }],
});

interface OtlpValue { stringValue?: string; intValue?: string | number }
interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes: { key: string; value: OtlpValue }[]; status?: { code?: number } }
interface OtlpExport { resourceSpans: { resource: { attributes: { key: string; value: OtlpValue }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] }

const SERVER = 2;
const CLIENT = 3;
const attr = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

/** A collector's OTLP/HTTP traces endpoint that keeps what it receives. */
async function startReceiver(): Promise<{ url: string; exports: { contentType: string | undefined; body: OtlpExport }[]; spans(): OtlpSpan[]; close(): Promise<void> }> {
  const exports: { contentType: string | undefined; body: OtlpExport }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') exports.push({ contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exports,
    spans: () => exports.flatMap((e) => e.body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

forEachDatabase('tracing', (getCtx) => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let rt: TestRuntime;
  let customerId: string;
  const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
  let clock = new Date('2025-06-01T10:02:00Z');

  beforeAll(async () => {
    receiver = await startReceiver();
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
    process.env.OTEL_SERVICE_NAME = 'tessera-test';
    try {
      rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir, plugins: [jobsPlugin], now: () => clock });
    } finally {
      delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
      delete process.env.OTEL_SERVICE_NAME;
    }
    const created = await rt.admin.call('POST', '/api/customers', { name: 'Traced Ltd' }, { 'x-request-id': 'req-traced' });
    expect(created.status).toBe(201);
    customerId = created.body.data.id;
    const read = await rt.admin.call('GET', `/api/customers/${customerId}`, undefined, { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` });
    expect(read.status).toBe(200);
    await rt.runtime.jobs.idle();
    clock = new Date('2025-06-01T10:06:00Z');
    expect(await rt.runtime.jobs.run('@trace/jobs:tally')).toBe('ran');
    // Closing flushes the batch to the receiver.
    await rt.close();
  });
  afterAll(() => receiver?.close());

  it('exports OTLP/HTTP JSON with the configured service name', () => {
    expect(receiver.exports.length).toBeGreaterThan(0);
    expect(receiver.exports[0].contentType).toBe('application/json');
    const resource = receiver.exports[0].body.resourceSpans[0].resource.attributes;
    expect(resource).toContainEqual({ key: 'service.name', value: { stringValue: 'tessera-test' } });
  });

  it('names each request span by its declared route, with status, request id and user', () => {
    const servers = receiver.spans().filter((s) => s.kind === SERVER);
    const create = servers.find((s) => s.name === 'POST /api/:plural');
    const read = servers.find((s) => s.name === 'GET /api/:plural/:id');
    expect(create).toBeDefined();
    expect(read).toBeDefined();
    expect(attr(create!, 'http.route')).toBe('/api/:plural');
    expect(attr(create!, 'http.response.status_code')).toBe(201);
    expect(attr(create!, 'tessera.request_id')).toBe('req-traced');
    expect(attr(create!, 'user.id')).toBe(rt.admin.user.id);
    expect(attr(read!, 'http.response.status_code')).toBe(200);
    // The caller's W3C traceparent is honoured: the read joins its trace.
    expect(read!.traceId).toBe(callerTrace);
    expect(read!.parentSpanId).toBe('00f067aa0ba902b7');
    // A record id never names a span.
    expect(servers.filter((s) => s.name.includes(customerId))).toEqual([]);
  });

  it('gives each run of a recurring job a span of its own', () => {
    const job = receiver.spans().find((s) => s.name === 'job @trace/jobs:tally');
    expect(job).toBeDefined();
    expect(job!.parentSpanId ?? '').toBe('');
    expect(attr(job!, 'tessera.job.due')).toBe('2025-06-01T10:05:00.000Z');
  });

  // The pg driver's statements; PGlite runs in-process without it.
  if (getCtx().kind === 'postgres') {
    it('puts a job\'s statements under its span', () => {
      const spans = receiver.spans();
      const job = spans.find((s) => s.name === 'job @trace/jobs:tally')!;
      expect(spans.filter((s) => s.kind === CLIENT && s.parentSpanId === job.spanId).length).toBeGreaterThan(0);
    });

    it('puts the request\'s database statements under its span', () => {
      const spans = receiver.spans();
      const read = spans.find((s) => s.kind === SERVER && s.name === 'GET /api/:plural/:id')!;
      const statements = spans.filter((s) => s.kind === CLIENT && s.parentSpanId === read.spanId);
      expect(statements.length).toBeGreaterThan(0);
      expect(statements.every((s) => s.traceId === read.traceId)).toBe(true);
      expect(statements.some((s) => attr(s, 'db.system.name') === 'postgresql' || attr(s, 'db.system') === 'postgresql')).toBe(true);
      // Only statements under a span are traced: no root statement spans (queue polling, boot).
      const ids = new Set(spans.map((s) => s.spanId));
      expect(spans.filter((s) => s.kind === CLIENT && !(s.parentSpanId && ids.has(s.parentSpanId)))).toEqual([]);
    });
  }
  // After the traced runtime closed, on the same database: a process with no OTEL_* variable.
  it('loads no OpenTelemetry code and leaves the pg driver as it is when nothing is configured', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_')));
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'tracing-off-child.ts'), getCtx().databaseUrl ?? ''], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const report = JSON.parse(out.trim().split('\n').pop()!) as { statuses: number[]; otelModules: string[]; pgWrapped: boolean };
    expect(report.statuses).toEqual([201, 200]);
    expect(report.otelModules).toEqual([]);
    expect(report.pgWrapped).toBe(false);
  });
});
