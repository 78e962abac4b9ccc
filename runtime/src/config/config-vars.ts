import { availableParallelism } from 'node:os';

/** How one environment variable is read: its value, or a problem in the operator's words. */
type Parse<T> = (raw: string) => { value: T } | { problem: string };

export interface ConfigVar<T> {
  /** Where the docs page lists it. */
  group: 'Server' | 'Database' | 'Security' | 'Jobs' | 'Files' | 'Logging' | 'Tracing' | 'Development';
  doc: string;
  /** Shown in the docs; the value when unset. */
  default?: T;
  defaultDoc?: string;
  /** Never printed (passwords, secrets). */
  secret?: boolean;
  parse: Parse<T>;
}

const text: Parse<string> = (raw) => ({ value: raw });
const bool: Parse<boolean> = (raw) => (['true', '1'].includes(raw) ? { value: true } : ['false', '0'].includes(raw) ? { value: false } : { problem: 'must be true or false' });
const int = (min: number, max: number): Parse<number> => (raw) => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? { value: n } : { problem: `must be a whole number from ${min} to ${max}` };
};
const oneOf = <T extends string>(values: readonly T[]): Parse<T> => (raw) => ((values as readonly string[]).includes(raw) ? { value: raw as T } : { problem: `must be one of ${values.join(', ')}` });
const postgresUrl: Parse<string> = (raw) => (/^postgres(ql)?:\/\//.test(raw) ? { value: raw } : { problem: 'must be a postgres:// URL' });
const httpUrl: Parse<string> = (raw) => (/^https?:\/\/[^\s/]+/.test(raw) ? { value: raw } : { problem: 'must be an http:// or https:// URL' });
const timeZone: Parse<string> = (raw) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
    return { value: raw };
  } catch {
    return { problem: 'must be an IANA time zone such as Asia/Shanghai' };
  }
};

/** `key=value` pairs separated by commas, as the OpenTelemetry SDK reads OTEL_EXPORTER_OTLP_HEADERS. */
const headerList: Parse<string> = (raw) => (raw.split(',').every((pair) => /^\s*[^=\s]+\s*=.*$/.test(pair)) ? { value: raw } : { problem: 'must be key=value pairs separated by commas' });
const ratio: Parse<number> = (raw) => {
  const n = Number(raw);
  return raw !== '' && Number.isFinite(n) && n >= 0 && n <= 1 ? { value: n } : { problem: 'must be a number from 0 to 1' };
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable Tessera reads, declared once: `readConfig` parses them (and fails
 * the start naming each bad one), docs/configuration.md is generated from this table.
 */
export const TRACES_EXPORTERS = ['otlp', 'console', 'none'] as const;
export const TRACES_SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;

export const CONFIG_VARS = {
  PORT: { group: 'Server', doc: 'The HTTP port.', default: 3000, parse: int(0, 65535) } as ConfigVar<number>,
  HOST: { group: 'Server', doc: 'The address to listen on; `0.0.0.0` in a container.', default: '127.0.0.1', parse: text } as ConfigVar<string>,
  TESSERA_WORKERS: {
    group: 'Server',
    doc: 'Processes serving the app (`auto`: one per core). Above 1 needs `DATABASE_URL`.',
    default: 1,
    parse: (raw) => (raw === 'auto' ? { value: availableParallelism() } : int(1, 64)(raw)),
  } as ConfigVar<number>,
  TESSERA_SEED: { group: 'Server', doc: 'Seed the demo data on the first start of the example (`false` skips it).', default: true, parse: bool } as ConfigVar<boolean>,
  DATABASE_URL: { group: 'Database', doc: 'PostgreSQL to use; without it an embedded PGlite in `TESSERA_DATA_DIR`.', defaultDoc: '(embedded PGlite)', parse: postgresUrl } as ConfigVar<string | undefined>,
  TESSERA_DATA_DIR: { group: 'Database', doc: 'Where embedded PGlite keeps its files.', defaultDoc: '`.tessera-data/pglite`', parse: text } as ConfigVar<string | undefined>,
  TESSERA_DB_POOL_MAX: { group: 'Database', doc: 'PostgreSQL connections per process.', default: 20, parse: int(1, 1000) } as ConfigVar<number>,
  TESSERA_DB_PREPARE: { group: 'Database', doc: 'Server-side prepared statements; `false` behind PgBouncer < 1.21 in transaction mode.', default: true, parse: bool } as ConfigVar<boolean>,
  TESSERA_COALESCE_READS: { group: 'Database', doc: 'Identical aggregates in flight share one statement (ADR 0028).', default: true, parse: bool } as ConfigVar<boolean>,
  TESSERA_ADMIN_PASSWORD: { group: 'Security', doc: 'Set before the first start: creates only the administrator `admin` with it (no demo users).', secret: true, parse: text } as ConfigVar<string | undefined>,
  TESSERA_TRUST_PROXY: { group: 'Security', doc: 'Behind a TLS-terminating proxy: trust `X-Forwarded-*` (Secure cookies, lockouts by client address).', default: false, parse: bool } as ConfigVar<boolean>,
  TESSERA_WEBHOOK_SECRET: { group: 'Security', doc: 'Signs workflow webhooks whose action names no secret.', secret: true, parse: text } as ConfigVar<string | undefined>,
  TESSERA_JOBS_TZ: { group: 'Jobs', doc: 'Time zone of schedules, date reminders and autonumber dates.', default: 'Asia/Shanghai', parse: timeZone } as ConfigVar<string>,
  TESSERA_POOL_RETURN_CRON: { group: 'Jobs', doc: 'When stale customers return to the public pool (cron, in `TESSERA_JOBS_TZ`).', defaultDoc: '`0 2 * * *`', parse: text } as ConfigVar<string | undefined>,
  TESSERA_RECYCLE_BIN_DAYS: { group: 'Jobs', doc: 'Days a deleted record stays in the recycle bin before the nightly purge removes it for good.', default: 30, parse: int(1, 3650) } as ConfigVar<number>,
  TESSERA_FILES_DIR: { group: 'Files', doc: 'Where uploaded files are kept.', defaultDoc: '`files/` beside the database folder', parse: text } as ConfigVar<string | undefined>,
  TESSERA_FILE_STORAGE: { group: 'Files', doc: 'Where uploaded file contents go: `local` (the folder `TESSERA_FILES_DIR`) or `s3` (an S3-compatible bucket, `TESSERA_S3_*`; several machines then share it).', default: 'local', parse: oneOf(['local', 's3'] as const) } as ConfigVar<'local' | 's3'>,
  TESSERA_S3_BUCKET: { group: 'Files', doc: 'The bucket for `TESSERA_FILE_STORAGE=s3` (required then).', parse: text } as ConfigVar<string | undefined>,
  TESSERA_S3_PREFIX: { group: 'Files', doc: 'A key prefix inside the bucket, e.g. `tessera/`, so one bucket can serve several installations.', default: '', parse: text } as ConfigVar<string>,
  TESSERA_S3_REGION: { group: 'Files', doc: 'The bucket\'s region.', default: 'us-east-1', parse: text } as ConfigVar<string>,
  TESSERA_S3_ENDPOINT: { group: 'Files', doc: 'The S3 endpoint of a non-AWS service (MinIO, Ceph, Alibaba OSS, Tencent COS…), e.g. `https://minio.internal:9000`; unset for AWS.', parse: httpUrl } as ConfigVar<string | undefined>,
  TESSERA_S3_FORCE_PATH_STYLE: { group: 'Files', doc: 'Address the bucket as `endpoint/bucket/key` instead of `bucket.endpoint/key` (most self-hosted services need true).', default: false, parse: bool } as ConfigVar<boolean>,
  TESSERA_S3_ACCESS_KEY_ID: { group: 'Files', doc: 'The access key; unset to use the AWS SDK\'s own chain (`AWS_ACCESS_KEY_ID`, a profile, an instance or task role).', parse: text } as ConfigVar<string | undefined>,
  TESSERA_S3_SECRET_ACCESS_KEY: { group: 'Files', doc: 'The secret of `TESSERA_S3_ACCESS_KEY_ID`.', secret: true, parse: text } as ConfigVar<string | undefined>,
  TESSERA_METRICS_TOKEN: { group: 'Logging', doc: '`GET /metrics` answers requests with this bearer token; without it, only requests from this host.', secret: true, parse: text } as ConfigVar<string | undefined>,
  TESSERA_LOG_LEVEL: { group: 'Logging', doc: `Least severe log level written (${LOG_LEVELS.join(', ')}).`, default: 'info', parse: oneOf(LOG_LEVELS) } as ConfigVar<(typeof LOG_LEVELS)[number]>,
  OTEL_TRACES_EXPORTER: {
    group: 'Tracing',
    doc: `Where OpenTelemetry traces go: \`otlp\` (OTLP/HTTP, JSON), \`console\` (printed, for a look on a development machine) or \`none\`. Unset: \`otlp\` when an OTLP endpoint below is set, else no tracing at all (no OpenTelemetry code is loaded).`,
    defaultDoc: '(off unless an endpoint is set)',
    parse: oneOf(TRACES_EXPORTERS),
  } as ConfigVar<(typeof TRACES_EXPORTERS)[number] | undefined>,
  OTEL_EXPORTER_OTLP_ENDPOINT: { group: 'Tracing', doc: 'The OpenTelemetry collector, e.g. `http://otel-collector:4318`: traces go to its `/v1/traces`. Setting it turns tracing on.', defaultDoc: '`http://localhost:4318` when `OTEL_TRACES_EXPORTER=otlp`', parse: httpUrl } as ConfigVar<string | undefined>,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: { group: 'Tracing', doc: 'The full address traces are sent to, used as is (instead of the endpoint above plus `/v1/traces`). Setting it turns tracing on.', parse: httpUrl } as ConfigVar<string | undefined>,
  OTEL_EXPORTER_OTLP_HEADERS: { group: 'Tracing', doc: 'Headers sent with every export, `key=value` pairs separated by commas (e.g. a tracing service\'s API key). The SDK\'s other `OTEL_EXPORTER_OTLP_*` settings (timeout, compression, certificates) apply too.', secret: true, parse: headerList } as ConfigVar<string | undefined>,
  OTEL_SERVICE_NAME: { group: 'Tracing', doc: 'The service name on every span.', default: 'tessera', parse: text } as ConfigVar<string>,
  OTEL_TRACES_SAMPLER: { group: 'Tracing', doc: `Which requests are traced (${TRACES_SAMPLERS.join(', ')}); \`parentbased_…\` follows the caller's \`traceparent\` decision.`, default: 'parentbased_always_on', parse: oneOf(TRACES_SAMPLERS) } as ConfigVar<(typeof TRACES_SAMPLERS)[number]>,
  OTEL_TRACES_SAMPLER_ARG: { group: 'Tracing', doc: 'The share of traces kept by the `…traceidratio` samplers, from 0 to 1.', default: 1, parse: ratio } as ConfigVar<number>,
  TESSERA_WORKER_QUIET: { group: 'Development', doc: 'Set by `tessera start` for its worker processes (they print no banner).', default: false, parse: (raw) => ({ value: raw !== '' }) } as ConfigVar<boolean>,
  TESSERA_TEST_LOG: { group: 'Development', doc: 'Tests print the runtime log when set.', default: false, parse: (raw) => ({ value: raw !== '' }) } as ConfigVar<boolean>,
  TEST_DATABASE_URL: { group: 'Development', doc: '`npm test` runs every database test on this PostgreSQL server too.', parse: postgresUrl } as ConfigVar<string | undefined>,
};

export type ConfigName = keyof typeof CONFIG_VARS;
export type TesseraConfig = { [K in ConfigName]: (typeof CONFIG_VARS)[K] extends ConfigVar<infer T> ? T : never };
