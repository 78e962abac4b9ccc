import { context, diag, DiagLogLevel, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION, ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import { tesseraVersion } from '../cli/cli-version';
import type { AppContext } from '../http/http-types';
import { routeLabel } from './access-log';
import type { Tracing, TracingSettings } from './tracing-types';

/** How long closing waits for the last spans to leave; a collector that never answers must not hold the exit. */
const SHUTDOWN_MS = 5_000;

/** The pg module knex's PostgreSQL client loads (the same module instance: one require cache). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pgModule = () => require('pg') as object;

/**
 * The pg driver's official instrumentation, applied to the loaded `pg` directly. Its usual
 * route, a require hook, patches only a `pg` required after it, which the runtime's own imports
 * (pg-boss, the metadata listener) have already done, and which jest's module loader bypasses.
 * Only statements under a span are traced (a request's, a job's): the queue's polling is not.
 */
function instrumentPg(provider: NodeTracerProvider): () => void {
  const instrumentation = new PgInstrumentation({ enabled: false, requireParentSpan: true });
  instrumentation.setTracerProvider(provider);
  const pg = instrumentation.getModuleDefinitions().find((m) => m.name === 'pg');
  const exports = pgModule();
  pg?.patch?.(exports);
  return () => void pg?.unpatch?.(exports);
}

/** The span of one request, child of the caller's `traceparent` when it sent one, and the context that carries it. */
function startRequestSpan(tracer: Tracer, ctx: AppContext): { span: Span; active: Context } {
  const parent = propagation.extract(ROOT_CONTEXT, ctx.headers);
  const span = tracer.startSpan(ctx.method, { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: ctx.method, [ATTR_URL_PATH]: ctx.path } }, parent);
  return { span, active: trace.setSpan(parent, span) };
}

/**
 * The OpenTelemetry SDK for this process: spans batched to an OTLP/HTTP collector (JSON) or
 * printed, a server span per request named by its declared route, a span per recurring job
 * run, and the pg driver's statements as their children.
 */
export function createTracing(settings: TracingSettings, logger: Pick<Console, 'error'>): Tracing {
  const exporter = settings.exporter === 'otlp' ? new OTLPTraceExporter({ url: settings.url }) : new ConsoleSpanExporter();
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName, [ATTR_SERVICE_VERSION]: tesseraVersion() })),
    // Sampler and batch sizes come from the SDK's own OTEL_TRACES_SAMPLER / OTEL_BSP_* reading.
    spanProcessors: [settings.exporter === 'otlp' ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter)],
  });
  // Global registration: the async-hooks context that carries a request's span into its
  // statements, W3C trace context, and the API's tracer for plugins that add spans of their own.
  provider.register();
  // A failing export is said in the log (once per batch), not swallowed.
  diag.setLogger({ error: (m) => logger.error(`tracing: ${m}`), warn: (m) => logger.error(`tracing: ${m}`), info: () => undefined, debug: () => undefined, verbose: () => undefined }, DiagLogLevel.WARN);
  const unpatchPg = instrumentPg(provider);
  const tracer = provider.getTracer('@tessera/runtime');

  return {
    settings,
    async request(ctx, answer) {
      const { span, active } = startRequestSpan(tracer, ctx);
      try {
        await context.with(active, answer);
      } finally {
        // Only now is the route known (mount-routes set it) and the status final (the edge answered errors).
        const route = routeLabel(ctx);
        span.updateName(`${ctx.method} ${route}`);
        if (ctx.state.route) span.setAttribute(ATTR_HTTP_ROUTE, route);
        span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, ctx.status);
        if (ctx.state.requestId) span.setAttribute('tessera.request_id', ctx.state.requestId);
        if (ctx.state.user) span.setAttribute('user.id', ctx.state.user.id);
        if (ctx.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    },
    job(job) {
      return {
        ...job,
        run: (run) =>
          tracer.startActiveSpan(`job ${job.name}`, { root: true, attributes: { 'tessera.job.name': job.name, 'tessera.job.due': run.due.toISOString() } }, async (span) => {
            try {
              return await job.run(run);
            } catch (err) {
              span.recordException(err as Error);
              span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
              throw err;
            } finally {
              span.end();
            }
          }),
      };
    },
    async shutdown() {
      unpatchPg();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, SHUTDOWN_MS);
        timer.unref();
      });
      await Promise.race([provider.shutdown().catch((err: Error) => logger.error(`tracing: ${err.message}`)), deadline]);
      clearTimeout(timer);
      trace.disable();
      context.disable();
      propagation.disable();
      diag.disable();
    },
  };
}
