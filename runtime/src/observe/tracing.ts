import type { TesseraConfig } from '../config/config-vars';
import type { Tracing, TracingSettings } from './tracing-types';

/** The OTLP/HTTP default of the OpenTelemetry specification (a collector on this host). */
const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

/**
 * Whether, and where, to export traces, from the standard OTEL_* variables: on when an OTLP
 * endpoint is set or OTEL_TRACES_EXPORTER asks for it; `none` wins over an endpoint.
 */
export function tracingSettings(config: TesseraConfig): TracingSettings | undefined {
  const endpoint = config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? config.OTEL_EXPORTER_OTLP_ENDPOINT;
  const exporter = config.OTEL_TRACES_EXPORTER ?? (endpoint ? 'otlp' : 'none');
  if (exporter === 'none') return undefined;
  if (exporter === 'console') return { exporter, serviceName: config.OTEL_SERVICE_NAME };
  const url = config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${(config.OTEL_EXPORTER_OTLP_ENDPOINT ?? DEFAULT_OTLP_ENDPOINT).replace(/\/+$/, '')}/v1/traces`;
  return { exporter, url, serviceName: config.OTEL_SERVICE_NAME };
}

/**
 * Starts tracing when the configuration asks for it, else returns undefined having loaded no
 * OpenTelemetry code: the SDK, the exporter and the pg instrumentation are required only
 * here, so a runtime without a collector pays nothing for them, at start or per request.
 */
export function startTracing(config: TesseraConfig, logger: Pick<Console, 'error'>): Tracing | undefined {
  const settings = tracingSettings(config);
  if (!settings) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createTracing } = require('./create-tracing') as typeof import('./create-tracing');
  return createTracing(settings, logger);
}
